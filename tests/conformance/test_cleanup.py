"""Cleanup finds what a refused request left behind, by the run's name suffix, and deletes it;
what it cannot delete is listed."""

from __future__ import annotations

import sys
from pathlib import Path

import requests
from conftest import serving
from verify_runs import verify

HERE = Path(__file__).resolve().parent
LAUNCHER = [sys.executable, str(HERE / "upstream_like_server.py")]
REFUSED_CLUSTER = "leaves_nothing"  # CLU-4: a cluster whose members cannot take the module


def _clusters(url: str) -> list[dict]:
    answer = requests.get(
        f"{url}/tenant-a/clusters", headers={"X-Auth-Token": "alice-token"}, timeout=10
    )
    return answer.json()["clusters"]


def test_a_cluster_stored_by_a_refused_create_is_found_and_deleted(tmp_path: Path) -> None:
    with serving(launcher=LAUNCHER) as url:
        run = verify(tmp_path, "--target", url, "--", "-k", REFUSED_CLUSTER)
        left = _clusters(url)
    assert [v for v, _ in run.verdicts.values()] == ["failed"], run.stdout[-3000:]
    swept = run.run["swept"]
    assert [(item["kind"], item["name"].split("-")[0]) for item in swept] == [("cluster", "clu")]
    assert run.run["leftovers"] == []
    assert "cleanup found 1 resource(s) by the run's names and deleted them:" in run.stdout
    assert f"  cluster {swept[0]['name']} ({swept[0]['id']})" in run.stdout
    assert left == [], left
