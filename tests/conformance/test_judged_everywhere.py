"""Every rule is judged where it can be, and by more than one witness.

From the catalogue and the feature files alone: a requirement a real Trove endpoint can show has
at least one scenario that runs there (no ``@simulator-only``), and every requirement is judged
by at least two distinct scenarios or outline rows, so that one edited example cannot hide a
broken rule. An outline's Examples block counts its rows only for the tags it carries itself.
"""

from __future__ import annotations

from collections import Counter

from pytest_bdd.feature import get_features
from pytest_bdd.parser import Feature, ScenarioTemplate

from trovesim.suite import SIMULATOR_ONLY, features_dir, requirement_ids

# Requirements only the simulator's controls can bring about on demand, and why.
SHOWN_ONLY_BY_THE_SIMULATOR = {
    "APP-10": "a guest that fails or does not answer is made by the simulator's guest faults",
    "APP-11": "a build that fails on demand is one of the simulator's controls",
    "QRY-13": "a guest that fails or does not answer is made by the simulator's guest faults",
    "REA-8": "a guest that fails during a reapply is made by the simulator's guest faults",
    "REA-9": "a skipped instance's missing delay shows only as the time from the request to the "
    "first batch, which only a clock the suite sets pins to the second",
    "REA-10": "kept reapply runs are read through the simulator's control API",
}
# Requirements still judged by a single scenario or row. The list may only shrink: the test
# fails when a requirement outside it has one witness, and when one on it gains a second.
JUDGED_ONCE = frozenset(
    [
        "VIS-4",
        "LIV-3",
        "APP-1",
        "APP-4",
        "APP-11",
        "ORD-8",
        "REM-6",
        "REM-8",
        "REM-9",
        "CNT-4",
        "CNT-7",
        "REA-9",
        "CLU-1",
        "CLU-2",
        "CLU-3",
        "CLU-4",
        "CLU-5",
        "CLU-6",
        "CLU-7",
        "BAD-6",
        "GUI-2",
        "GUI-3",
        "GUI-5",
        "GUI-6",
        "GUI-8",
        "GUI-10",
        "GUI-11",
        "GUI-12",
    ]
)


def _scenario_tags(feature: Feature, scenario: ScenarioTemplate) -> set[str]:
    tags = set(scenario.tags) | set(feature.tags)
    return tags | (scenario.rule.tags if scenario.rule is not None else set())


def _witnesses() -> tuple[Counter, Counter]:
    """Per requirement: how many scenarios or rows judge it, and how many run on any target."""
    everywhere: Counter = Counter()
    anywhere: Counter = Counter()
    for feature in get_features([str(features_dir())]):
        for scenario in feature.scenarios.values():
            shared = _scenario_tags(feature, scenario)
            blocks = [
                (shared | set(examples.tags), len(list(examples.as_contexts())))
                for examples in scenario.examples
            ] or [(shared, 1)]
            for tags, rows in blocks:
                for requirement in tags & set(requirement_ids()):
                    anywhere[requirement] += rows
                    if SIMULATOR_ONLY not in tags:
                        everywhere[requirement] += rows
    return everywhere, anywhere


EVERYWHERE, ANYWHERE = _witnesses()


def test_every_requirement_an_endpoint_can_show_is_judged_on_any_target() -> None:
    unjudged = [
        requirement
        for requirement in requirement_ids()
        if requirement not in SHOWN_ONLY_BY_THE_SIMULATOR and EVERYWHERE[requirement] == 0
    ]
    assert not unjudged, f"judged only by @{SIMULATOR_ONLY} scenarios: {unjudged}"


def test_requirements_listed_as_simulator_only_have_no_scenario_elsewhere() -> None:
    """The list says why; once a scenario judges one of them on any target, it leaves the list."""
    judged = [r for r in SHOWN_ONLY_BY_THE_SIMULATOR if EVERYWHERE[r] > 0]
    assert not judged, f"judged on any target after all, take off the list: {judged}"
    assert set(SHOWN_ONLY_BY_THE_SIMULATOR) <= set(requirement_ids())


def test_every_requirement_has_two_witnesses_but_the_listed_ones() -> None:
    lone = sorted(r for r in requirement_ids() if ANYWHERE[r] < 2)
    new = sorted(set(lone) - JUDGED_ONCE)
    assert not new, f"judged by a single scenario or row: {new}"


def test_the_list_of_requirements_judged_once_only_shrinks() -> None:
    seconded = sorted(r for r in JUDGED_ONCE if ANYWHERE[r] >= 2)
    assert not seconded, f"now judged twice, take off JUDGED_ONCE: {seconded}"
