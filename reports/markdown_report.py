"""The Markdown report: what an operator pastes into a ticket or a closing note."""

from __future__ import annotations

import html
import re
from pathlib import Path

from tabulate import tabulate
from trovesim.reports.model import (
    FAULT_ORDER,
    Report,
    RequirementVerdict,
    Verdict,
    evidence,
    headline,
    scenario_verdict,
)
from trovesim.reports.run_facts import catalogue_note, run_facts
from trovesim.reports.text import LEGEND


def render_markdown(report: Report) -> str:
    parts = [f"# {report.title}", "", summary_markdown(report)]
    parts += ["", "## Requirements", "", _requirements(report)]
    untagged = report.untagged()
    if untagged:
        parts += ["", "## Scenarios without a requirement", ""]
        by_feature: dict[str, list] = {}
        for scenario in untagged:
            by_feature.setdefault(f"{scenario.feature} ({scenario.uri})", []).append(scenario)
        for feature, scenarios in by_feature.items():
            rows = [[s.name, scenario_verdict(s).label, headline(s)] for s in scenarios]
            parts += [f"### {feature}", "", _table(["Scenario", "Verdict", "Evidence"], rows), ""]
        parts.pop()
    faults = [s for s in report.scenarios if scenario_verdict(s) in FAULT_ORDER]
    if faults:
        parts += ["", "## Evidence", "", LEGEND]
        for scenario in faults:
            label = scenario_verdict(scenario).label
            parts += ["", f"### {scenario.name} ({label})", "", _fenced(evidence(scenario))]
    if report.unknown_tags:
        parts += ["", "## Tags naming no requirement", "", ", ".join(report.unknown_tags)]
    if report.unattributed:
        parts += [
            "",
            "## Test results without scenario metadata",
            "",
            "Not counted: load `trovesim.reports.pytest_plugin` so that JUnit XML names their "
            "scenarios.",
            "",
            *(f"- `{name}`" for name in report.unattributed),
        ]
    return "\n".join(parts) + "\n"


def summary_markdown(report: Report) -> str:
    """The summary alone: the run, its outcome, the verdicts and the pass rate."""
    rows = [[label, value] for label, value in run_facts(report)]
    parts = ["## Summary", "", _table(["", ""], rows)]
    if report.run.leftovers:
        parts += ["", "**Leftovers: delete these by hand**", ""]
        parts += [f"- {x.kind} `{x.id}` ({x.name}): {x.reason}" for x in report.run.leftovers]
    return "\n".join(parts)


def write_markdown(report: Report, path: Path) -> None:
    path.write_text(render_markdown(report), encoding="utf-8")


def _requirements(report: Report) -> str:
    if not report.catalogue_applies:
        return catalogue_note(report)
    rows = [
        [
            r.requirement.id,
            r.requirement.area,
            r.requirement.statement,
            r.label + (" (differs from upstream Trove)" if _flagged(r) else ""),
            "\n".join(r.headlines()),
        ]
        for r in report.requirements
    ]
    return _table(["ID", "Area", "Requirement", "Verdict", "Evidence"], rows)


def _flagged(result: RequirementVerdict) -> bool:
    """Worth a note: the requirement is a known difference, but its verdict does not say so."""
    return result.upstream_differs and result.verdict is not Verdict.KNOWN_DIFFERENCE


def _fenced(text: str) -> str:
    """A code block that no backtick run inside ``text`` can close early."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}"


def _table(headers: list[str], rows: list[list[str]]) -> str:
    def cell(text: str) -> str:
        """Escape what Markdown tables and GitHub's inline HTML would otherwise swallow."""
        return html.escape(text, quote=False).replace("|", "\\|").replace("\n", "<br>")

    return tabulate(
        [[cell(value) for value in row] for row in rows],
        headers=headers,
        tablefmt="github",
        disable_numparse=True,
    )
