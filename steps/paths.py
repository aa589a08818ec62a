"""Where the suite's feature files and requirements catalogue live.

The suite runs from a repository checkout (also when installed in editable mode): the features
sit beside the ``steps`` package. ``TROVESIM_FEATURES`` points elsewhere, for an installed copy.
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from pathlib import Path


def features_dir() -> Path:
    configured = os.environ.get("TROVESIM_FEATURES")
    found = Path(configured) if configured else Path(__file__).resolve().parent.parent / "features"
    if not found.is_dir():
        raise FileNotFoundError(
            f"no feature files at {found}; "
            "run from the repository checkout or set TROVESIM_FEATURES"
        )
    return found


def catalogue_path() -> Path:
    return features_dir() / "requirements.toml"


@cache
def requirement_ids() -> tuple[str, ...]:
    """The requirement ids of the catalogue, in catalogue order (they are scenario tags)."""
    data = tomllib.loads(catalogue_path().read_text(encoding="utf-8"))
    return tuple(entry["id"] for entry in data["requirement"])
