"""The suite's metadata, read by the steps, the reports and the CLI alike.

Where the feature files and the requirements catalogue are (the shipped ones install as the
``trovesim.features`` package; ``TROVESIM_FEATURES`` points elsewhere), and the tag names that
mean something to both the runner and the reports.
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from pathlib import Path

from trovesim import features

SIMULATOR_ONLY = "simulator-only"
UPSTREAM_DIFFERS = "upstream-differs"
# What a scenario needs of the target beyond the minimum (a flavor, a datastore with a version,
# the ping module type). A target that lacks it makes the scenario not applicable.
NEEDS_SECOND_VERSION = "needs-second-version"
NEEDS_SECOND_DATASTORE = "needs-second-datastore"
NEEDS_CLUSTERS = "needs-clusters"
# Followed by a module type: ``needs-type-new_relic_license``.
NEEDS_TYPE = "needs-type-"
CAPABILITY_TAGS = (
    SIMULATOR_ONLY,
    NEEDS_SECOND_VERSION,
    NEEDS_SECOND_DATASTORE,
    NEEDS_CLUSTERS,
)


def features_dir() -> Path:
    configured = os.environ.get("TROVESIM_FEATURES")
    found = Path(configured) if configured else Path(features.__file__).resolve().parent
    if not found.is_dir():
        raise FileNotFoundError(f"no feature files at {found} (TROVESIM_FEATURES)")
    return found


def catalogue_path() -> Path:
    return features_dir() / "requirements.toml"


@cache
def requirement_ids() -> tuple[str, ...]:
    """The requirement ids of the catalogue, in catalogue order (they are scenario tags)."""
    data = tomllib.loads(catalogue_path().read_text(encoding="utf-8"))
    return tuple(entry["id"] for entry in data["requirement"])


# How the runner tells the reports why a scenario judged nothing. A scenario skipped with a reason
# that starts with this prefix is "not applicable" (the rest of the reason names what the target
# lacks); an exception of this class means the target could not be asked (transport,
# authentication, a broken set-up), so the scenario is an error rather than a failure.
NOT_APPLICABLE = "not applicable: "


class CouldNotJudge(Exception):
    """The scenario could not put its question to the target; it says nothing of the rule."""
