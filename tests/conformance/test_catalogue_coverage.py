"""The catalogue and the features agree: every requirement is verified by a scenario, every tag
that looks like a requirement names one, and the features read as the suite promises."""

from __future__ import annotations

import re
import tomllib
from collections import Counter

import pytest
from pytest_bdd.feature import get_features
from pytest_bdd.parser import Feature, ScenarioTemplate

from trovesim.suite import (
    CAPABILITY_TAGS,
    NEEDS_TYPE,
    SIMULATOR_ONLY,
    UPSTREAM_DIFFERS,
    catalogue_path,
    features_dir,
    requirement_ids,
)

REQUIREMENT_LIKE = re.compile(r"[A-Za-z]+-\d+")
SOURCE = re.compile(r"^(docs/[\w-]+\.md|Trove (blueprint |admin guide, ))")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)
# Steps that only the simulator's controls can carry out.
CONTROL_STEPS = re.compile(
    r"the clock reads |\d+ (seconds|minutes) pass|a second passes|the guest of |"
    r"the next instance build fails|instance builds take |the reapply runs of "
)
MINIMUM_SCENARIOS = 150


def _scenarios() -> list[tuple[Feature, ScenarioTemplate]]:
    return [
        (feature, scenario)
        for feature in get_features([str(features_dir())])
        for scenario in feature.scenarios.values()
    ]


def _tags(feature: Feature, scenario: ScenarioTemplate) -> set[str]:
    tags = set(scenario.tags) | set(feature.tags)
    if scenario.rule is not None:
        tags |= scenario.rule.tags
    return tags | {tag for examples in scenario.examples for tag in examples.tags}


def _count(scenario: ScenarioTemplate) -> int:
    rows = sum(len(list(examples.as_contexts())) for examples in scenario.examples)
    return rows or 1


SCENARIOS = _scenarios()


def test_every_requirement_has_a_scenario() -> None:
    tagged = {tag for feature, scenario in SCENARIOS for tag in _tags(feature, scenario)}
    missing = [requirement for requirement in requirement_ids() if requirement not in tagged]
    assert not missing, f"requirements without a scenario: {missing}"


def test_every_requirement_tag_names_a_requirement() -> None:
    known = set(requirement_ids())
    strays = sorted(
        f"{scenario.name}: @{tag}"
        for feature, scenario in SCENARIOS
        for tag in _tags(feature, scenario)
        if REQUIREMENT_LIKE.fullmatch(tag) and tag not in known
    )
    assert not strays, f"tags naming no requirement: {strays}"


def test_every_scenario_verifies_a_requirement_and_uses_only_known_tags() -> None:
    known = set(requirement_ids()) | {*CAPABILITY_TAGS, UPSTREAM_DIFFERS}
    for feature, scenario in SCENARIOS:
        tags = {t for t in _tags(feature, scenario) if not t.startswith(NEEDS_TYPE)}
        assert tags & set(requirement_ids()), f"{scenario.name} verifies no requirement"
        assert tags <= known, f"{scenario.name} has unknown tags {sorted(tags - known)}"


def test_scenarios_needing_the_simulator_are_tagged_so() -> None:
    untagged = [
        scenario.name
        for feature, scenario in SCENARIOS
        if SIMULATOR_ONLY not in _tags(feature, scenario)
        and any(CONTROL_STEPS.search(step.name) for step in scenario.steps)
    ]
    assert not untagged, f"scenarios using simulator controls without @{SIMULATOR_ONLY}: {untagged}"


def test_there_are_at_least_150_scenarios() -> None:
    per_feature = Counter()
    for feature, scenario in SCENARIOS:
        per_feature[feature.name] += _count(scenario)
    assert sum(per_feature.values()) >= MINIMUM_SCENARIOS, per_feature


def test_features_name_no_ids() -> None:
    for path in features_dir().glob("*.feature"):
        assert not UUID.search(path.read_text(encoding="utf-8")), f"{path.name} holds an id"


def test_catalogue_entries_are_complete_and_unique() -> None:
    entries = tomllib.loads(catalogue_path().read_text(encoding="utf-8"))["requirement"]
    ids = [entry["id"] for entry in entries]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    for entry in entries:
        assert re.fullmatch(r"[A-Z]{3}-\d+", entry["id"]), entry
        assert entry["area"].strip() and entry["statement"].strip(), entry
        assert SOURCE.match(entry["source"]), f"{entry['id']} cites {entry['source']!r}"


@pytest.mark.parametrize(
    "seed",
    ["Trove blueprint module-management-ordering", "Trove admin guide, Create and use modules"],
)
def test_both_seeds_are_catalogued(seed: str) -> None:
    entries = tomllib.loads(catalogue_path().read_text(encoding="utf-8"))["requirement"]
    assert any(seed in entry["source"] for entry in entries)
