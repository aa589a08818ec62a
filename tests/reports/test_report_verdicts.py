"""Requirement verdicts from recorded runs, and the rules behind them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from report_suite import verdicts
from trovesim.reports import Report, Verdict
from trovesim.reports.catalogue import Requirement
from trovesim.reports.model import judge
from trovesim.reports.results import ScenarioResult

EXPECTED = {
    "passing": {
        **{f"DEMO-{n}": "passed" for n in (1, 2, 3, 4, 5, 7, 8, 9)},
        "DEMO-6": "no_scenarios",
    },
    "failing": {
        "DEMO-1": "failed",
        "DEMO-2": "failed",
        "DEMO-3": "failed",
        "DEMO-4": "passed",
        "DEMO-5": "passed",
        "DEMO-6": "no_scenarios",
        "DEMO-7": "failed",
        "DEMO-8": "passed",
        "DEMO-9": "failed",
    },
    "skipped": {
        **{f"DEMO-{n}": "no_scenarios" for n in (1, 2, 3, 6, 7, 9)},
        "DEMO-4": "not_applicable",
        "DEMO-5": "skipped",
        "DEMO-8": "not_applicable",
    },
    "mixed": {
        "DEMO-1": "failed",
        "DEMO-2": "failed",
        "DEMO-3": "failed",
        "DEMO-4": "not_applicable",
        "DEMO-5": "skipped",
        "DEMO-6": "no_scenarios",
        "DEMO-7": "failed",
        "DEMO-8": "passed",
        "DEMO-9": "failed",
    },
}
# (pass percentage, scenarios passed/failed/skipped)
FIGURES = {
    "passing": (88.9, (11, 0, 0)),
    "failing": (33.3, (7, 4, 0)),
    "skipped": (0.0, (0, 0, 3)),
    "mixed": (12.5, (4, 4, 3)),
}


@pytest.mark.parametrize("run", sorted(EXPECTED))
def test_recorded_run_verdicts(build: Callable[[str], Report], run: str) -> None:
    report = build(run)
    assert verdicts(report) == EXPECTED[run]
    percentage, scenario_counts = FIGURES[run]
    assert report.pass_percentage() == percentage
    assert tuple(report.scenario_counts().values()) == scenario_counts


def test_xdist_run_gives_the_serial_verdicts(build: Callable[[str], Report]) -> None:
    assert verdicts(build("mixed-xdist")) == EXPECTED["mixed"]


def test_failed_evidence_names_scenario_step_and_first_message_line(
    build: Callable[[str], Report],
) -> None:
    ordering = {r.requirement.id: r for r in build("mixed").requirements}["DEMO-1"]
    assert ordering.evidence() == [
        'Unordered modules are sorted: Then they apply as "1, 2, 3": '
        "AssertionError: assert '3, 1, 2' == '1, 2, 3'",
        'Lower order values apply first [9, 0-0, 9]: Then they apply as "0, 9": '
        "AssertionError: assert '9, 0' == '0, 9'",
        "passed: Ordered modules keep their order; Lower order values apply first [1, 4-1, 4]",
    ]


def test_upstream_difference_is_marked_and_only_explains_its_own_failures(
    build: Callable[[str], Report],
) -> None:
    by_id = {r.requirement.id: r for r in build("mixed").requirements}
    assert (by_id["DEMO-3"].known_difference, by_id["DEMO-3"].label) == (
        True,
        "failed (known upstream difference)",
    )
    assert not by_id["DEMO-1"].upstream_differs and by_id["DEMO-1"].label == "failed"
    assert build("mixed").known_differences() == 1


def test_not_applicable_and_skipped_evidence_give_the_reason(
    build: Callable[[str], Report],
) -> None:
    by_id = {r.requirement.id: r for r in build("mixed").requirements}
    assert by_id["DEMO-4"].evidence() == [
        "The clock can be advanced: skipped (needs simulator control)"
    ]
    assert by_id["DEMO-5"].evidence() == [
        "A module can be reapplied: skipped (target cannot reapply)"
    ]
    assert by_id["DEMO-6"].evidence() == ["no scenario carries @DEMO-6"]
    assert by_id["DEMO-9"].evidence() == [
        "The module store answers: before its first step: "
        'failed on setup with "ConnectionError: module store unreachable"'
    ]


def test_tags_naming_no_requirement_are_reported(build: Callable[[str], Report]) -> None:
    assert build("mixed").unknown_tags == ("DEMO-99",)


REQ = Requirement("ORD-1", "Apply ordering", "statement", "source")


def scenario(status: str, *tags: str, name: str = "s") -> ScenarioResult:
    return ScenarioResult("f", "f.feature", name, f"test_{name}", ("ORD-1", *tags), status)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("scenarios", "verdict"),
    [
        ([], Verdict.NO_SCENARIOS),
        ([scenario("passed"), scenario("passed")], Verdict.PASSED),
        ([scenario("passed"), scenario("skipped")], Verdict.SKIPPED),
        ([scenario("passed"), scenario("failed"), scenario("skipped")], Verdict.FAILED),
        ([scenario("skipped", "simulator-only")] * 2, Verdict.NOT_APPLICABLE),
        ([scenario("skipped", "simulator-only"), scenario("passed")], Verdict.PASSED),
        ([scenario("skipped", "simulator-only"), scenario("skipped")], Verdict.SKIPPED),
        ([scenario("failed", "simulator-only")], Verdict.FAILED),
    ],
)
def test_verdict_rules(scenarios: list[ScenarioResult], verdict: Verdict) -> None:
    assert judge(REQ, scenarios).verdict is verdict


def test_a_plain_failure_beside_an_upstream_difference_is_not_excused() -> None:
    result = judge(REQ, [scenario("failed", "upstream-differs"), scenario("failed")])
    assert (result.upstream_differs, result.known_difference) == (True, False)
    assert result.label == "failed"


def test_pass_percentage_is_none_when_nothing_applies(build: Callable[[str], Report]) -> None:
    report = build("skipped")
    only_not_applicable = Report(
        report.title,
        report.run,
        tuple(r for r in report.requirements if r.verdict is Verdict.NOT_APPLICABLE),
        report.scenarios,
    )
    assert only_not_applicable.pass_percentage() is None
