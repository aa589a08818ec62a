"""A run judged requirement by requirement: the one model every writer renders.

Verdict rules (a requirement's scenarios are those tagged with its id, feature tags included):

- no scenarios: no scenario carries the tag;
- not applicable: every scenario was skipped and carries ``@simulator-only`` (the target offers no
  simulator control); such scenarios are left out of the rules below;
- failed: any remaining scenario failed;
- passed: every remaining scenario passed;
- skipped: otherwise (some were skipped for another reason, so the requirement is not verified).

A failure whose failing scenarios all carry ``@upstream-differs`` is a known upstream difference:
still failed, but flagged so that a run against real Trove explains itself.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from trovesim.reports.catalogue import Catalogue, Requirement
from trovesim.reports.results import RunInfo, RunResults, ScenarioResult

from trovesim.suite import SIMULATOR_ONLY, UPSTREAM_DIFFERS

CONTROL_TAGS = frozenset({SIMULATOR_ONLY, UPSTREAM_DIFFERS})


class Verdict(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    SKIPPED = "skipped"
    NOT_APPLICABLE = "not_applicable"
    NO_SCENARIOS = "no_scenarios"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


@dataclass(frozen=True)
class RequirementVerdict:
    requirement: Requirement
    verdict: Verdict
    scenarios: tuple[ScenarioResult, ...]
    upstream_differs: bool
    known_difference: bool

    @property
    def label(self) -> str:
        """The status as a reader sees it, naming known upstream differences."""
        if self.known_difference:
            return "failed (known upstream difference)"
        return self.verdict.label

    def evidence(self) -> list[str]:
        """One line per fact a reader needs: the failures first, then what else ran."""
        if self.verdict is Verdict.NO_SCENARIOS:
            return [f"no scenario carries @{self.requirement.id}"]
        lines = [
            f"{s.name}: {s.step or 'before its first step'}: {_first_line(s.message)}"
            for s in self.scenarios
            if s.status == "failed"
        ]
        lines += [
            f"{s.name}: skipped ({s.message or 'no reason given'})"
            for s in self.scenarios
            if s.status == "skipped"
        ]
        passed = [s.name for s in self.scenarios if s.status == "passed"]
        if passed:
            lines.append(f"passed: {'; '.join(passed)}")
        return lines


@dataclass(frozen=True)
class Report:
    title: str
    run: RunInfo
    requirements: tuple[RequirementVerdict, ...]
    scenarios: tuple[ScenarioResult, ...]
    unknown_tags: tuple[str, ...] = ()
    unattributed: tuple[str, ...] = ()

    def verdict_counts(self) -> dict[Verdict, int]:
        counts = Counter(r.verdict for r in self.requirements)
        return {verdict: counts[verdict] for verdict in Verdict}

    def scenario_counts(self) -> dict[str, int]:
        counts = Counter(s.status for s in self.scenarios)
        return {status: counts[status] for status in ("passed", "failed", "skipped")}

    def known_differences(self) -> int:
        return sum(r.known_difference for r in self.requirements)

    def pass_percentage(self) -> float | None:
        """Passed requirements per requirement that applies to the target (all but not
        applicable), in percent; None when none applies, since nothing was verified."""
        counts = self.verdict_counts()
        applicable = len(self.requirements) - counts[Verdict.NOT_APPLICABLE]
        if applicable == 0:
            return None
        return round(100.0 * counts[Verdict.PASSED] / applicable, 1)


def build_report(catalogue: Catalogue, results: RunResults) -> Report:
    """Judge every catalogued requirement by the scenarios tagged with its id."""
    by_tag: dict[str, list[ScenarioResult]] = {}
    for scenario in results.scenarios:
        for tag in scenario.tags:
            by_tag.setdefault(tag, []).append(scenario)
    known = catalogue.ids() | CONTROL_TAGS
    unknown = sorted(tag for tag in by_tag if tag not in known)
    return Report(
        title=catalogue.title,
        run=results.info,
        requirements=tuple(
            judge(requirement, by_tag.get(requirement.id, []))
            for requirement in catalogue.requirements
        ),
        scenarios=results.scenarios,
        unknown_tags=tuple(unknown),
        unattributed=results.unattributed,
    )


def judge(requirement: Requirement, scenarios: list[ScenarioResult]) -> RequirementVerdict:
    applicable = [s for s in scenarios if not (s.status == "skipped" and SIMULATOR_ONLY in s.tags)]
    failed = [s for s in applicable if s.status == "failed"]
    if not scenarios:
        verdict = Verdict.NO_SCENARIOS
    elif not applicable:
        verdict = Verdict.NOT_APPLICABLE
    elif failed:
        verdict = Verdict.FAILED
    elif all(s.status == "passed" for s in applicable):
        verdict = Verdict.PASSED
    else:
        verdict = Verdict.SKIPPED
    return RequirementVerdict(
        requirement=requirement,
        verdict=verdict,
        scenarios=tuple(scenarios),
        upstream_differs=any(UPSTREAM_DIFFERS in s.tags for s in scenarios),
        known_difference=bool(failed) and all(UPSTREAM_DIFFERS in s.tags for s in failed),
    )


def _first_line(message: str | None) -> str:
    """Evidence stays one line per scenario; the full message is kept on the scenario."""
    return (message or "failed").strip().splitlines()[0]
