"""The Markdown report: what an operator pastes into a ticket or a closing note."""

from __future__ import annotations

import html
from pathlib import Path

from tabulate import tabulate
from trovesim.reports.model import Report, Verdict


def render_markdown(report: Report) -> str:
    parts = [f"# {report.title}", "", summary_markdown(report), "", "## Requirements", ""]
    rows = [
        [
            r.requirement.id,
            r.requirement.area,
            r.requirement.statement,
            r.label,
            "\n".join(r.evidence()),
        ]
        for r in report.requirements
    ]
    parts.append(_table(["ID", "Area", "Requirement", "Status", "Evidence"], rows))
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
    """The summary alone: the run, requirement verdicts and scenario outcomes."""
    run = report.run
    percentage = report.pass_percentage()
    counts = report.verdict_counts()
    failed = str(counts[Verdict.FAILED])
    if report.known_differences():
        failed += f" ({report.known_differences()} known upstream difference)"
    scenarios = report.scenario_counts()
    rows = [
        ["Target", run.target or "unknown"],
        ["Date", run.started or run.finished or "unknown"],
        ["Suite exit code", "unknown" if run.exit_code is None else str(run.exit_code)],
        ["Requirements", str(len(report.requirements))],
        ["Passed", str(counts[Verdict.PASSED])],
        ["Failed", failed],
        ["Skipped", str(counts[Verdict.SKIPPED])],
        ["Not applicable", str(counts[Verdict.NOT_APPLICABLE])],
        ["No scenarios", str(counts[Verdict.NO_SCENARIOS])],
        ["Pass rate", "n/a" if percentage is None else f"{percentage:.1f}%"],
        [
            "Scenarios",
            f"{len(report.scenarios)} ({scenarios['passed']} passed, "
            f"{scenarios['failed']} failed, {scenarios['skipped']} skipped)",
        ],
    ]
    if report.unattributed:
        rows.append(["Test results without scenario metadata", str(len(report.unattributed))])
    return "\n".join(
        [
            "## Summary",
            "",
            _table(["", ""], rows),
            "",
            "Pass rate: passed requirements / requirements other than not applicable.",
        ]
    )


def write_markdown(report: Report, path: Path) -> None:
    path.write_text(render_markdown(report), encoding="utf-8")


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
