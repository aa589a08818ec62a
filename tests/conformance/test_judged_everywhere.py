"""Every rule is judged where it can be, and by more than one witness.

From the catalogue and the feature files alone: a requirement a real Trove endpoint can show has
at least one scenario that runs there (no ``@simulator-only``), and every requirement is judged
by at least two distinct scenarios or outline rows, so that one edited example cannot hide a
broken rule. An outline's Examples block counts its rows only for the tags it carries itself.
Two witnesses are distinct when they differ in more than the names their steps quote: a copy
that renames its modules and instances is the same witness (names inside a hand-made request
body are not told apart from other values, so such a body counts as written).
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from pytest_bdd.feature import get_features
from pytest_bdd.parser import Feature, Scenario, ScenarioTemplate

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
    "APP-13": "a guest that fails while its instance is built is made by the simulator's guest "
    "faults and build controls",
}


def _scenario_tags(feature: Feature, scenario: ScenarioTemplate) -> set[str]:
    tags = set(scenario.tags) | set(feature.tags)
    return tags | (scenario.rule.tags if scenario.rule is not None else set())


_QUOTED = re.compile(r'"([^"]*)"')
# What a step quotes is a name when it is one word: contents, messages and roles are not.
_NAME = re.compile(r"[A-Za-z0-9][\w.-]*")


def _signature(scenario: Scenario) -> str:
    """The scenario's own steps, tables and doc strings, each name its steps quote replaced by
    its place in order of first mention: the same for a copy that only renames, different for
    one that asks in another order."""
    steps = [step for step in scenario.steps if step.background is None]
    lines = []
    for step in steps:
        lines.append(f"{step.keyword} {step.name}")
        lines += [" | ".join(row) for row in (step.datatable.raw() if step.datatable else [])]
        lines.append(step.docstring or "")
    text = "\n".join(lines)
    names = list(
        dict.fromkeys(n for step in steps for n in _QUOTED.findall(step.name) if _NAME.fullmatch(n))
    )
    if not names:
        return text
    place = {name: f"<{number}>" for number, name in enumerate(names, start=1)}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.sub(rf"(?<![\w-])(?:{alternatives})(?![\w-])", lambda m: place[m.group()], text)


Witnesses = dict[str, set[str]]


def _witnesses() -> tuple[Witnesses, Witnesses]:
    """Per requirement: the distinct scenarios or rows that judge it, and those of them that run
    on any target."""
    everywhere: Witnesses = defaultdict(set)
    anywhere: Witnesses = defaultdict(set)
    for feature in get_features([str(features_dir())]):
        for scenario in feature.scenarios.values():
            shared = _scenario_tags(feature, scenario)
            blocks = [
                (shared | set(examples.tags), list(examples.as_contexts()))
                for examples in scenario.examples
            ] or [(shared, [{}])]
            for tags, rows in blocks:
                signatures = {_signature(scenario.render(row)) for row in rows}
                for requirement in tags & set(requirement_ids()):
                    anywhere[requirement] |= signatures
                    if SIMULATOR_ONLY not in tags:
                        everywhere[requirement] |= signatures
    return everywhere, anywhere


EVERYWHERE, ANYWHERE = _witnesses()


def test_every_requirement_an_endpoint_can_show_is_judged_on_any_target() -> None:
    unjudged = [
        requirement
        for requirement in requirement_ids()
        if requirement not in SHOWN_ONLY_BY_THE_SIMULATOR and not EVERYWHERE[requirement]
    ]
    assert not unjudged, f"judged only by @{SIMULATOR_ONLY} scenarios: {unjudged}"


def test_requirements_listed_as_simulator_only_have_no_scenario_elsewhere() -> None:
    """The list says why; once a scenario judges one of them on any target, it leaves the list."""
    judged = [r for r in SHOWN_ONLY_BY_THE_SIMULATOR if EVERYWHERE[r]]
    assert not judged, f"judged on any target after all, take off the list: {judged}"
    assert set(SHOWN_ONLY_BY_THE_SIMULATOR) <= set(requirement_ids())


def test_every_requirement_has_two_witnesses() -> None:
    lone = sorted(r for r in requirement_ids() if len(ANYWHERE[r]) < 2)
    assert not lone, f"judged by a single scenario or row: {lone}"


_APPLY_TWO = """
  Scenario: {title}
    Given tenant A has created a ping module "{a}" with contents "message=a\\n"
    And tenant A has created a ping module "{b}"
    When tenant A applies "{first}" and "{second}" to "inst"
    Then the apply answers:
      | Name     |
      | {first}  |
      | {second} |
"""


def test_a_copy_that_only_renames_is_no_second_witness(tmp_path: Path) -> None:
    (tmp_path / "copies.feature").write_text(
        "Feature: copies\n"
        + _APPLY_TWO.format(title="original", a="alpha", b="beta", first="beta", second="alpha")
        + _APPLY_TWO.format(title="renamed", a="one", b="two", first="two", second="one")
        + _APPLY_TWO.format(title="other order", a="one", b="two", first="one", second="two")
    )
    (feature,) = get_features([str(tmp_path)])
    signatures = [_signature(s.render({})) for s in feature.scenarios.values()]
    assert signatures[0] == signatures[1] != signatures[2]
