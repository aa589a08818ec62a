"""Verdicts from recorded runs, and the rules behind them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from report_suite import MIXED_SCENARIOS, verdicts
from trovesim.reports import Report, Verdict
from trovesim.reports.catalogue import Requirement
from trovesim.reports.model import judge, scenario_verdict
from trovesim.reports.results import ScenarioResult

EXPECTED = {
    "passing": {**{f"DEMO-{n}": "passed" for n in range(1, 14)}, "DEMO-6": "no_scenarios"},
    "failing": {
        "DEMO-1": "failed",
        "DEMO-2": "failed",
        "DEMO-3": "known_difference",
        "DEMO-4": "passed",
        "DEMO-5": "passed",
        "DEMO-6": "no_scenarios",
        "DEMO-7": "failed",
        "DEMO-8": "passed",
        "DEMO-9": "error",
        "DEMO-10": "error",
        "DEMO-11": "failed",
        "DEMO-12": "passed",
        "DEMO-13": "error",
    },
    "selected": {
        **{f"DEMO-{n}": "not_selected" for n in (1, 2, 3, 7, 9, 10, 11, 12, 13)},
        "DEMO-4": "not_applicable",
        "DEMO-5": "skipped",
        "DEMO-6": "no_scenarios",
        "DEMO-8": "not_applicable",
    },
    "mixed": {
        "DEMO-1": "failed",
        "DEMO-2": "failed",
        "DEMO-3": "known_difference",
        "DEMO-4": "not_applicable",
        "DEMO-5": "skipped",
        "DEMO-6": "no_scenarios",
        "DEMO-7": "failed",
        "DEMO-8": "passed",
        "DEMO-9": "error",
        "DEMO-10": "error",
        "DEMO-11": "error",
        "DEMO-12": "not_applicable",
        "DEMO-13": "error",
    },
    "untagged": {},
}
# (pass percentage, scenario verdicts that occur, outcome)
FIGURES = {
    "passing": (92.3, {"passed": 18}, "passed"),
    "failing": (
        30.8,
        {"passed": 9, "known_difference": 1, "failed": 4, "error": 4},
        "failed",
    ),
    "selected": (0.0, {"skipped": 1, "not_applicable": 2, "not_selected": 15}, "skipped"),
    "mixed": (9.1, MIXED_SCENARIOS, "failed"),
    "untagged": (33.3, {"passed": 1, "failed": 1, "error": 1}, "failed"),
}


def occurring(counts: dict[Verdict, int]) -> dict[str, int]:
    return {verdict.value: n for verdict, n in counts.items() if n}


@pytest.mark.parametrize("run", sorted(EXPECTED))
def test_recorded_run_verdicts(build: Callable[[str], Report], run: str) -> None:
    report = build(run)
    assert verdicts(report) == EXPECTED[run]
    percentage, scenario_counts, outcome = FIGURES[run]
    assert report.pass_percentage() == percentage
    assert occurring(report.scenario_counts()) == scenario_counts
    assert report.outcome() is Verdict(outcome)


@pytest.mark.parametrize(
    ("xdist", "serial"), [("mixed-xdist", "mixed"), ("selected-xdist", "selected")]
)
def test_xdist_runs_give_the_serial_verdicts(
    build: Callable[[str], Report], xdist: str, serial: str
) -> None:
    assert verdicts(build(xdist)) == verdicts(build(serial))
    assert build(xdist).scenario_counts() == build(serial).scenario_counts()


def test_a_given_failure_in_an_upstream_differs_scenario_is_no_known_difference(
    build: Callable[[str], Report],
) -> None:
    by_id = {r.requirement.id: r for r in build("mixed").requirements}
    assert by_id["DEMO-10"].upstream_differs and by_id["DEMO-10"].label == "Could not be judged"
    assert by_id["DEMO-3"].label == "Known upstream difference"


def test_not_selected_requirements_leave_the_pass_rate_alone(
    build: Callable[[str], Report],
) -> None:
    report = build("selected")
    counted = [r for r in report.requirements if r.verdict.value in {"skipped", "no_scenarios"}]
    assert len(counted) == 2 and report.pass_percentage() == 0.0
    only_applicable = replace(
        report,
        requirements=tuple(r for r in report.requirements if r.requirement.id != "DEMO-6"),
    )
    assert only_applicable.pass_percentage() == 0.0  # DEMO-5 skipped: 0 of 1


def test_untagged_scenarios_are_their_own_section(build: Callable[[str], Report]) -> None:
    report = build("mixed")
    assert [(s.feature, s.name) for s in report.untagged()] == [
        (
            "Simulator control and differences from upstream",
            "A scenario whose tag names no requirement",
        ),
        ("A user's own checks", "A single module applies"),
        ("A user's own checks", "Two modules apply in order"),
        ("A user's own checks", "A check whose step the suite lacks"),
    ]


def test_a_run_without_requirement_tags_is_judged_by_scenario(
    build: Callable[[str], Report],
) -> None:
    report = build("untagged")
    assert (report.catalogue_applies, report.requirements, report.pass_basis()) == (
        False,
        (),
        "scenarios",
    )
    assert [s.name for s in report.untagged()] == [
        "A single module applies",
        "Two modules apply in order",
        "A check whose step the suite lacks",
    ]


def test_evidence_is_worst_first_with_whole_messages(build: Callable[[str], Report]) -> None:
    ordering = {r.requirement.id: r for r in build("mixed").requirements}["DEMO-1"]
    assert ordering.evidence() == [
        'Unordered modules are sorted: Not compliant: Then they apply as "1, 2, 3":\n'
        "AssertionError: assert '3, 1, 2' == '1, 2, 3'\n··\n  - 1, 2, 3\n  + 3, 1, 2",
        'Lower order values apply first [9, 0-0, 9]: Not compliant: Then they apply as "0, 9":\n'
        "AssertionError: assert '9, 0' == '0, 9'\n··\n  - 0, 9\n  + 9, 0",
        "Compliant: Ordered modules keep their order; Lower order values apply first [1, 4-1, 4]",
    ]
    assert ordering.headlines()[0] == (
        'Unordered modules are sorted: Not compliant: Then they apply as "1, 2, 3": '
        "AssertionError: assert '3, 1, 2' == '1, 2, 3'"
    )


def test_not_applicable_and_skipped_evidence_give_the_reason(
    build: Callable[[str], Report],
) -> None:
    by_id = {r.requirement.id: r for r in build("mixed").requirements}
    assert by_id["DEMO-4"].evidence() == [
        "The clock can be advanced: Not applicable (needs simulator control)"
    ]
    assert by_id["DEMO-12"].evidence() == [
        "Cluster members get a reapplied module: Not applicable (the target cannot build clusters)"
    ]
    assert by_id["DEMO-5"].evidence() == [
        "A module can be reapplied: Skipped (target cannot reapply)"
    ]
    assert by_id["DEMO-6"].evidence() == ["no scenario carries @DEMO-6"]
    assert by_id["DEMO-9"].evidence() == [
        "The module store answers: Could not be judged: before its first step:\n"
        'failed on setup with "ConnectionError: module store unreachable"'
    ]


def test_tags_naming_no_requirement_are_reported(build: Callable[[str], Report]) -> None:
    assert build("mixed").unknown_tags == ("DEMO-99",)


REQ = Requirement("ORD-1", "Apply ordering", "statement", "source")


def scenario(
    outcome: str,
    *tags: str,
    keyword: str | None = None,
    message: str | None = None,
    could_not_judge: bool = False,
) -> ScenarioResult:
    return ScenarioResult(
        "f",
        "f.feature",
        "s",
        "test_s",
        ("ORD-1", *tags),
        outcome,  # type: ignore[arg-type]
        message=message,
        keyword=keyword,
        could_not_judge=could_not_judge,
    )


@pytest.mark.parametrize(
    ("result", "verdict"),
    [
        (scenario("passed"), Verdict.PASSED),
        (scenario("deselected"), Verdict.NOT_SELECTED),
        (scenario("error"), Verdict.ERROR),
        (scenario("failed", keyword="Given"), Verdict.ERROR),
        (scenario("failed", keyword="When", could_not_judge=True), Verdict.ERROR),
        (scenario("failed", keyword="Then", could_not_judge=True), Verdict.ERROR),
        (scenario("failed", keyword="When"), Verdict.FAILED),
        (scenario("failed", keyword="Then"), Verdict.FAILED),
        (scenario("failed"), Verdict.FAILED),
        (scenario("failed", "upstream-differs", keyword="Then"), Verdict.KNOWN_DIFFERENCE),
        (scenario("failed", "upstream-differs", keyword="When"), Verdict.FAILED),
        (scenario("failed", "upstream-differs", keyword="Given"), Verdict.ERROR),
        (scenario("failed", "upstream-differs"), Verdict.FAILED),
        (scenario("skipped", message="not applicable: no clusters"), Verdict.NOT_APPLICABLE),
        (scenario("skipped", "simulator-only", message="old reason"), Verdict.NOT_APPLICABLE),
        (scenario("skipped", message="not applicable without the prefix"), Verdict.SKIPPED),
        (scenario("skipped"), Verdict.SKIPPED),
    ],
)
def test_scenario_verdict_rules(result: ScenarioResult, verdict: Verdict) -> None:
    assert scenario_verdict(result) is verdict


PASSED = scenario("passed")
FAILED = scenario("failed", keyword="Then")
ERROR = scenario("error")
KNOWN = scenario("failed", "upstream-differs", keyword="Then")
NA = scenario("skipped", message="not applicable: no clusters")
SKIPPED = scenario("skipped")
DESELECTED = scenario("deselected")


@pytest.mark.parametrize(
    ("scenarios", "verdict"),
    [
        ([], Verdict.NO_SCENARIOS),
        ([DESELECTED, DESELECTED], Verdict.NOT_SELECTED),
        ([PASSED, PASSED], Verdict.PASSED),
        ([PASSED, DESELECTED], Verdict.PASSED),
        ([PASSED, NA], Verdict.PASSED),
        ([NA, NA], Verdict.NOT_APPLICABLE),
        ([NA, DESELECTED], Verdict.NOT_APPLICABLE),
        ([PASSED, SKIPPED], Verdict.SKIPPED),
        ([NA, SKIPPED], Verdict.SKIPPED),
        ([PASSED, KNOWN], Verdict.KNOWN_DIFFERENCE),
        ([KNOWN, ERROR], Verdict.ERROR),
        ([PASSED, ERROR, SKIPPED], Verdict.ERROR),
        ([KNOWN, ERROR, FAILED], Verdict.FAILED),
        ([PASSED, FAILED, DESELECTED], Verdict.FAILED),
    ],
)
def test_requirement_verdict_rules(scenarios: list[ScenarioResult], verdict: Verdict) -> None:
    assert judge(REQ, scenarios).verdict is verdict


def test_verdicts_rank_from_compliant_to_not_compliant() -> None:
    order = sorted(Verdict, key=lambda v: v.rank)
    assert order[0] is Verdict.PASSED and order[-1] is Verdict.FAILED
    assert Verdict.NOT_APPLICABLE.rank == Verdict.NOT_SELECTED.rank
    assert Verdict.KNOWN_DIFFERENCE.rank < Verdict.NOT_APPLICABLE.rank < Verdict.SKIPPED.rank
    assert Verdict.SKIPPED.rank < Verdict.ERROR.rank < Verdict.FAILED.rank


def test_labels_speak_to_a_compliance_reader() -> None:
    assert [v.label for v in Verdict] == [
        "Compliant",
        "Known upstream difference",
        "Not compliant",
        "Could not be judged",
        "Skipped",
        "Not applicable",
        "Not selected",
        "No scenarios",
    ]


def test_pass_percentage_is_none_when_nothing_counts(build: Callable[[str], Report]) -> None:
    report = build("selected")
    kept = tuple(
        r for r in report.requirements if r.verdict.value in {"not_applicable", "not_selected"}
    )
    scenarios = tuple({s.key: s for r in kept for s in r.scenarios}.values())
    only_unjudged = replace(report, requirements=kept, scenarios=scenarios)
    assert only_unjudged.pass_percentage() is None
    assert only_unjudged.outcome() is None
