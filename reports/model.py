"""A run judged scenario by scenario and requirement by requirement: what every writer renders.

A scenario's verdict (``scenario_verdict``):

- not selected: deselected (``-k``, ``-m``, a plugin);
- compliant: it passed;
- could not be judged: a pytest error (set-up or tear-down), a failing Given step (Background
  included), or an exception that is a ``trovesim.suite.CouldNotJudge`` (transport,
  authentication) or a step without a definition;
- known upstream difference: it carries ``@upstream-differs`` and a Then step failed, the step
  that pins the difference (a failing When is not the difference; it is not compliant);
- not compliant: any other failure;
- not applicable: skipped with a reason starting ``trovesim.suite.NOT_APPLICABLE``, or (runs
  before that prefix) skipped and tagged ``@simulator-only``;
- skipped: skipped for another reason.

A requirement's verdict (``judge``), over the scenarios tagged with its id: no scenarios when
none is; not selected when all were deselected; otherwise, of the selected ones, the first that
applies of: not compliant, could not be judged, known upstream difference (any such scenario);
not applicable (all are); compliant (all applicable ones are); skipped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from trovesim.reports.catalogue import Catalogue, Requirement
from trovesim.reports.results import RunInfo, RunResults, ScenarioResult
from trovesim.reports.text import first_line, visible_whitespace

from trovesim.suite import NOT_APPLICABLE, SIMULATOR_ONLY, UPSTREAM_DIFFERS

CONTROL_TAGS = frozenset({SIMULATOR_ONLY, UPSTREAM_DIFFERS})


class Verdict(StrEnum):
    """Machine names (JSON, HTML data) are the values; a reader sees ``label``."""

    PASSED = "passed"
    KNOWN_DIFFERENCE = "known_difference"
    FAILED = "failed"
    ERROR = "error"
    SKIPPED = "skipped"
    NOT_APPLICABLE = "not_applicable"
    NOT_SELECTED = "not_selected"
    NO_SCENARIOS = "no_scenarios"

    @property
    def label(self) -> str:
        return LABELS[self]

    @property
    def rank(self) -> int:
        """Better verdicts rank lower; ``trovesim report --compare`` flags a rise."""
        return RANKS[self]


LABELS = {
    Verdict.PASSED: "Compliant",
    Verdict.KNOWN_DIFFERENCE: "Known upstream difference",
    Verdict.FAILED: "Not compliant",
    Verdict.ERROR: "Could not be judged",
    Verdict.SKIPPED: "Skipped",
    Verdict.NOT_APPLICABLE: "Not applicable",
    Verdict.NOT_SELECTED: "Not selected",
    Verdict.NO_SCENARIOS: "No scenarios",
}
RANKS = {
    Verdict.PASSED: 0,
    Verdict.KNOWN_DIFFERENCE: 1,
    Verdict.NOT_APPLICABLE: 2,
    Verdict.NOT_SELECTED: 2,
    Verdict.SKIPPED: 3,
    Verdict.NO_SCENARIOS: 3,
    Verdict.ERROR: 4,
    Verdict.FAILED: 5,
}
# Verdicts that judged nothing about the target; they leave the pass rate and the outcome alone.
UNJUDGED = frozenset({Verdict.NOT_APPLICABLE, Verdict.NOT_SELECTED, Verdict.NO_SCENARIOS})
# Verdicts whose scenarios a requirement's evidence names in one line.
NAMED_TOGETHER = (Verdict.PASSED, Verdict.NOT_SELECTED)
# Verdicts whose evidence is a failure message, in the order a requirement takes them on.
FAULT_ORDER = (Verdict.FAILED, Verdict.ERROR, Verdict.KNOWN_DIFFERENCE)


def scenario_verdict(scenario: ScenarioResult) -> Verdict:
    """How one scenario judged its rule (rules in the module docstring)."""
    match scenario.outcome:
        case "deselected":
            return Verdict.NOT_SELECTED
        case "passed":
            return Verdict.PASSED
        case "error":
            return Verdict.ERROR
        case "failed" if scenario.could_not_judge or scenario.keyword == "Given":
            return Verdict.ERROR
        case "failed" if scenario.keyword == "Then" and UPSTREAM_DIFFERS in scenario.tags:
            return Verdict.KNOWN_DIFFERENCE
        case "failed":
            return Verdict.FAILED
    reason = scenario.message or ""
    if reason.startswith(NOT_APPLICABLE) or SIMULATOR_ONLY in scenario.tags:
        return Verdict.NOT_APPLICABLE
    return Verdict.SKIPPED


def not_applicable_reason(scenario: ScenarioResult) -> str:
    """What the target lacks, as the runner named it."""
    reason = scenario.message or "no reason given"
    return reason.removeprefix(NOT_APPLICABLE)


def evidence(scenario: ScenarioResult) -> str:
    """What a reader needs to see of one scenario: for a fault, the step and the whole message
    (expected/got tables included) with its whitespace marked; for a skip, the reason."""
    verdict = scenario_verdict(scenario)
    if verdict in FAULT_ORDER:
        step = scenario.step or "before its first step"
        message = visible_whitespace(scenario.message or "no message")
        return f"{scenario.name}: {verdict.label}: {step}:\n{message}"
    if verdict is Verdict.NOT_APPLICABLE:
        return f"{scenario.name}: {verdict.label} ({not_applicable_reason(scenario)})"
    if verdict is Verdict.SKIPPED:
        return f"{scenario.name}: {verdict.label} ({scenario.message or 'no reason given'})"
    return f"{scenario.name}: {verdict.label}"


def headline(scenario: ScenarioResult) -> str:
    """The evidence in one line, for tables: a fault's step and the first line of its message."""
    heading, _, message = evidence(scenario).partition("\n")
    return f"{heading} {first_line(message)}" if message else heading


@dataclass(frozen=True)
class RequirementVerdict:
    requirement: Requirement
    verdict: Verdict
    scenarios: tuple[ScenarioResult, ...]
    upstream_differs: bool

    @property
    def label(self) -> str:
        return self.verdict.label

    def evidence(self) -> list[str]:
        """One entry per scenario, worst first (a fault's whole message); the compliant and not
        selected ones named together."""
        return self._entries(evidence)

    def headlines(self) -> list[str]:
        """The evidence, one line per entry, for tables."""
        return self._entries(headline)

    def worst_first(self) -> list[ScenarioResult]:
        """The scenarios, those with the worst verdicts first (feature order within a verdict)."""
        return sorted(self.scenarios, key=lambda s: -scenario_verdict(s).rank)

    def _entries(self, describe: Callable[[ScenarioResult], str]) -> list[str]:
        if self.verdict is Verdict.NO_SCENARIOS:
            return [f"no scenario carries @{self.requirement.id}"]
        entries = [
            describe(s) for s in self.worst_first() if scenario_verdict(s) not in NAMED_TOGETHER
        ]
        for verdict in NAMED_TOGETHER:
            names = [s.name for s in self.scenarios if scenario_verdict(s) is verdict]
            if names:
                entries.append(f"{verdict.label}: {'; '.join(names)}")
        return entries


@dataclass(frozen=True)
class Report:
    title: str
    run: RunInfo
    # Every catalogued requirement, in catalogue order; empty when no scenario of the run names
    # one (a user's own features), so that a catalogue that does not apply says nothing.
    requirements: tuple[RequirementVerdict, ...]
    scenarios: tuple[ScenarioResult, ...]
    catalogue_size: int
    unknown_tags: tuple[str, ...] = ()
    unattributed: tuple[str, ...] = ()

    @property
    def catalogue_applies(self) -> bool:
        return bool(self.requirements)

    def untagged(self) -> tuple[ScenarioResult, ...]:
        """Scenarios that name no requirement: judged one by one, in their own section."""
        tagged = {s.key for r in self.requirements for s in r.scenarios}
        return tuple(s for s in self.scenarios if s.key not in tagged)

    def verdict_counts(self) -> dict[Verdict, int]:
        return _count(r.verdict for r in self.requirements)

    def scenario_counts(
        self, scenarios: tuple[ScenarioResult, ...] | None = None
    ) -> dict[Verdict, int]:
        """Scenarios (all of the run's, or the ones given) by verdict."""
        chosen = self.scenarios if scenarios is None else scenarios
        return _count(scenario_verdict(s) for s in chosen)

    def pass_basis(self) -> str:
        """What the pass rate counts: requirements, or scenarios when no catalogue applies."""
        return "requirements" if self.catalogue_applies else "scenarios"

    def pass_percentage(self) -> float | None:
        """Compliant requirements per requirement other than not applicable and not selected (one
        without scenarios counts against the rate: the suite left it unverified); when no
        catalogue applies, the same over scenarios. None when nothing counts."""
        if self.catalogue_applies:
            verdicts = [r.verdict for r in self.requirements]
            counted = [v for v in verdicts if v not in UNJUDGED or v is Verdict.NO_SCENARIOS]
        else:
            counted = [v for s in self.scenarios if (v := scenario_verdict(s)) not in UNJUDGED]
        if not counted:
            return None
        return round(100.0 * counted.count(Verdict.PASSED) / len(counted), 1)

    def outcome(self) -> Verdict | None:
        """The run in one verdict: the worst over requirements and untagged scenarios that
        judged something; None when nothing was judged."""
        judged = [r.verdict for r in self.requirements] + [
            scenario_verdict(s) for s in self.untagged()
        ]
        judged = [v for v in judged if v not in UNJUDGED]
        return max(judged, key=lambda v: v.rank) if judged else None


def build_report(catalogue: Catalogue, results: RunResults) -> Report:
    """Judge every catalogued requirement by the scenarios tagged with its id."""
    by_tag: dict[str, list[ScenarioResult]] = {}
    for scenario in results.scenarios:
        for tag in scenario.tags:
            by_tag.setdefault(tag, []).append(scenario)
    known = catalogue.ids() | CONTROL_TAGS
    applies = any(tag in catalogue.ids() for tag in by_tag)
    return Report(
        title=catalogue.title,
        run=results.info,
        requirements=tuple(
            judge(requirement, by_tag.get(requirement.id, []))
            for requirement in (catalogue.requirements if applies else ())
        ),
        scenarios=results.scenarios,
        catalogue_size=len(catalogue.requirements),
        unknown_tags=tuple(sorted(tag for tag in by_tag if tag not in known)),
        unattributed=results.unattributed,
    )


def judge(requirement: Requirement, scenarios: list[ScenarioResult]) -> RequirementVerdict:
    """A requirement's verdict from its scenarios' (rules in the module docstring)."""
    verdicts = {scenario_verdict(s) for s in scenarios}
    selected = verdicts - {Verdict.NOT_SELECTED}
    applicable = selected - {Verdict.NOT_APPLICABLE}
    if not scenarios:
        verdict = Verdict.NO_SCENARIOS
    elif not selected:
        verdict = Verdict.NOT_SELECTED
    elif faults := [v for v in FAULT_ORDER if v in selected]:
        verdict = faults[0]
    elif not applicable:
        verdict = Verdict.NOT_APPLICABLE
    elif applicable == {Verdict.PASSED}:
        verdict = Verdict.PASSED
    else:
        verdict = Verdict.SKIPPED
    return RequirementVerdict(
        requirement=requirement,
        verdict=verdict,
        scenarios=tuple(scenarios),
        upstream_differs=any(UPSTREAM_DIFFERS in s.tags for s in scenarios),
    )


def _count(verdicts: object) -> dict[Verdict, int]:
    counts = Counter(verdicts)  # type: ignore[call-overload]
    return {verdict: counts[verdict] for verdict in Verdict}
