"""The suite judges a Trove that is not shaped like ours: its own flavor ids, other mysql
versions, mariadb instead of redis and mongodb. Every scenario passes or is not applicable, with
the missing capability named; with a single datastore of a single version, the scenarios that
need more become not applicable, and say why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from served import serving
from verify_runs import VerifyRun, verify

from trovesim.suite import (
    NEEDS_CLUSTERS,
    NEEDS_SECOND_DATASTORE,
    NEEDS_SECOND_VERSION,
    NOT_APPLICABLE,
)

FOREIGN = {
    "default_datastore": "mysql",
    "datastores": [
        {"name": "mysql", "default_version": "8.0.35", "versions": ["8.0.28", "8.0.35"]},
        {
            "name": "mariadb",
            "default_version": "10.11",
            "versions": ["10.6", "10.11", {"name": "10.4", "active": False}],
        },
        {"name": "cassandra", "versions": ["4.1"]},
    ],
    "flavors": [
        {"id": "4c0e3d1b-8a44-4d5e-9b1f-0c6a2e7d9f10", "name": "s1.small", "ram": 512},
        {"id": "d2.medium", "name": "d2.medium", "ram": 4096, "vcpus": 2},
        {"id": "d2.large", "name": "d2.large", "ram": 8192, "vcpus": 4},
    ],
}
SINGLE = {
    "default_datastore": "postgresql",
    "datastores": [{"name": "postgresql", "default_version": "16.2", "versions": ["16.2"]}],
    "flavors": [{"id": "db-1", "name": "db-1", "ram": 2048}],
}


def _judge(tmp_path: Path, catalogue: dict) -> VerifyRun:
    catalog = tmp_path / "catalog.json"
    catalog.write_text(json.dumps(catalogue))
    with serving("--clock", "virtual", "--catalog", str(catalog)) as url:
        return verify(tmp_path, "--target", url)


def _reasons(run: VerifyRun) -> dict[str, list[str]]:
    """Not-applicable reason -> the scenarios skipped for it."""
    found: dict[str, list[str]] = {}
    for name, message in run.with_verdict("skipped").items():
        found.setdefault(message, []).append(name)
    return found


def _show(run: VerifyRun) -> None:
    print(f"verify took {run.seconds:.0f} s; profile {run.run.get('profile')}")
    print(f"passed {len(run.with_verdict('passed'))} scenarios")
    for reason, names in sorted(_reasons(run).items()):
        print(f"not applicable ({len(names)}): {reason}")


@pytest.fixture(scope="module")
def foreign(tmp_path_factory: pytest.TempPathFactory) -> VerifyRun:
    return _judge(tmp_path_factory.mktemp("foreign"), FOREIGN)


@pytest.fixture(scope="module")
def single(tmp_path_factory: pytest.TempPathFactory) -> VerifyRun:
    return _judge(tmp_path_factory.mktemp("single"), SINGLE)


def test_a_foreign_catalogue_passes_or_is_not_applicable(foreign: VerifyRun) -> None:
    _show(foreign)
    assert foreign.verdicts, foreign.stdout[-3000:] + foreign.stderr[-3000:]
    assert not foreign.with_verdict("failed"), foreign.stdout[-5000:]
    assert not foreign.with_verdict("error"), foreign.stdout[-5000:]
    assert foreign.exit_code == 0
    assert all(m.startswith(NOT_APPLICABLE) for m in foreign.with_verdict("skipped").values())
    assert foreign.run["profile"] == {
        "target": foreign.run["target"],
        "flavor": "d2.medium",
        "datastore": "mysql",
        "version": "8.0.35",
        "other_version": "8.0.28",
        "other_datastore": "mariadb",
        "other_datastore_version": "10.11",
        "cluster_datastore": "mariadb",
        "cluster_version": "10.11",
    }


def test_every_scenario_runs_on_the_foreign_catalogue(foreign: VerifyRun) -> None:
    """Nothing depends on our names: with two versions, two datastores and a cluster datastore,
    every scenario applies."""
    assert _reasons(foreign) == {}
    assert len(foreign.with_verdict("passed")) == len(foreign.verdicts) > 300


def test_a_single_datastore_makes_what_needs_more_not_applicable(single: VerifyRun) -> None:
    _show(single)
    assert not single.with_verdict("failed"), single.stdout[-5000:]
    assert not single.with_verdict("error"), single.stdout[-5000:]
    assert single.exit_code == 0
    capabilities = single.run["capabilities"]
    for missing in (NEEDS_SECOND_VERSION, NEEDS_SECOND_DATASTORE, NEEDS_CLUSTERS):
        assert isinstance(capabilities[missing], str), capabilities
    reasons = " | ".join(_reasons(single))
    assert "needs a second version: postgresql on " in reasons
    assert "has no active version besides 16.2" in reasons
    assert "needs a second datastore: " in reasons
    assert "needs clusters: no datastore of " in reasons
    assert len(single.with_verdict("passed")) > 250
