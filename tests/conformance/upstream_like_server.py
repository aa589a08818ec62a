"""``trovesim serve`` with one upstream Trove behaviour put back: a cluster create whose modules
do not fit stores the cluster first and refuses afterwards, leaving the cluster behind.

Run as ``python upstream_like_server.py serve ...``; the patch lives in this process only.
"""

from __future__ import annotations

import copy
import sys

from trovesim.simulator import Simulator, TroveError

from trovesim.cli import main

_create_cluster = Simulator.create_cluster


def create_cluster_then_refuse(self: Simulator, ctx, body: dict) -> dict:
    try:
        return _create_cluster(self, ctx, body)
    except TroveError:
        stored = copy.deepcopy(body)
        for member in stored.get("cluster", {}).get("instances", []):
            member.pop("modules", None)
        _create_cluster(self, ctx, stored)
        raise


if __name__ == "__main__":
    Simulator.create_cluster = create_cluster_then_refuse
    sys.exit(main())
