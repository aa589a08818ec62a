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


FEATURES_VARIABLE = "TROVESIM_FEATURES"
CATALOGUE_NAME = "requirements.toml"


def shipped_features_dir() -> Path:
    return Path(features.__file__).resolve().parent


def feature_paths() -> tuple[Path, ...]:
    """The feature files and folders the suite runs: ``TROVESIM_FEATURES`` (several joined by
    ``os.pathsep``, as ``trovesim verify --features`` passes them), else the shipped suite."""
    configured = os.environ.get(FEATURES_VARIABLE)
    if not configured:
        return (shipped_features_dir(),)
    found = tuple(Path(part).resolve() for part in configured.split(os.pathsep) if part)
    missing = [str(path) for path in found if not path.exists()]
    if missing or not found:
        raise FileNotFoundError(f"no feature files at {', '.join(missing)} ({FEATURES_VARIABLE})")
    return found


def features_dir() -> Path:
    """The folder of the first feature path (the shipped suite's, unless configured)."""
    first = feature_paths()[0]
    return first if first.is_dir() else first.parent


def catalogue_path() -> Path:
    return features_dir() / CATALOGUE_NAME


def catalogue_paths() -> tuple[Path, ...]:
    """The requirements catalogues beside the features being run, each once. A user's features
    may come without one: their scenarios are then judged one by one."""
    folders = dict.fromkeys(path if path.is_dir() else path.parent for path in feature_paths())
    found = (folder / CATALOGUE_NAME for folder in folders)
    return tuple(path for path in found if path.is_file())


def requirement_ids() -> tuple[str, ...]:
    """The requirement ids of the catalogues, in catalogue order (they are scenario tags)."""
    return _requirement_ids(catalogue_paths())


@cache
def _requirement_ids(paths: tuple[Path, ...]) -> tuple[str, ...]:
    ids: dict[str, None] = {}
    for path in paths:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        ids.update(dict.fromkeys(entry["id"] for entry in data.get("requirement", [])))
    return tuple(ids)


# How the runner tells the reports why a scenario judged nothing. A scenario skipped with a reason
# that starts with this prefix is "not applicable" (the rest of the reason names what the target
# lacks); an exception of this class means the target could not be asked (transport,
# authentication, a broken set-up), so the scenario is an error rather than a failure.
NOT_APPLICABLE = "not applicable: "


class CouldNotJudge(Exception):
    """The scenario could not put its question to the target; it says nothing of the rule."""
