"""Two runs side by side: the requirements whose verdict differs (say, simulator vs real Trove)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from tabulate import tabulate
from trovesim.reports.catalogue import default_catalogue_path, load_catalogue
from trovesim.reports.json_report import FORMAT, load_report
from trovesim.reports.model import Report, RequirementVerdict, build_report
from trovesim.reports.results import OUTPUT_NAMES, read_results


@dataclass(frozen=True)
class Difference:
    id: str
    area: str
    a: RequirementVerdict | None
    b: RequirementVerdict | None


def load_run(path: Path, catalogue: Path | None = None) -> Report:
    """A saved JSON report, a report directory holding one, or a run's result files."""
    saved = path / OUTPUT_NAMES["json"] if path.is_dir() else path
    if saved.suffix == ".json" and saved.is_file() and _is_report(saved):
        return load_report(saved)
    return build_report(load_catalogue(catalogue or default_catalogue_path()), read_results([path]))


def differences(a: Report, b: Report) -> list[Difference]:
    """Requirements (of either run, in catalogue order) whose verdicts differ or exist once."""
    first = {r.requirement.id: r for r in a.requirements}
    second = {r.requirement.id: r for r in b.requirements}
    found: list[Difference] = []
    for requirement_id in [*first, *(i for i in second if i not in first)]:
        left, right = first.get(requirement_id), second.get(requirement_id)
        if left and right and left.verdict is right.verdict:
            continue
        either = left or right
        assert either is not None  # the id came from one of the two runs
        found.append(Difference(requirement_id, either.requirement.area, left, right))
    return found


def render_comparison(a: Report, b: Report, a_name: str, b_name: str) -> str:
    """A Markdown table of the differences, each side with its first line of evidence."""
    found = differences(a, b)
    total = len({r.requirement.id for r in (*a.requirements, *b.requirements)})
    head = [
        f"A: {a_name} (target {a.run.target or 'unknown'}, pass rate {_rate(a)})",
        f"B: {b_name} (target {b.run.target or 'unknown'}, pass rate {_rate(b)})",
        "",
    ]
    if not found:
        return "\n".join([*head, f"No requirement's verdict differs ({total} compared)."]) + "\n"
    rows = [
        [d.id, d.area, _status(d.a), _status(d.b), _first_evidence(d.a), _first_evidence(d.b)]
        for d in found
    ]
    table = tabulate(
        rows,
        headers=["ID", "Area", "A", "B", "A evidence", "B evidence"],
        tablefmt="github",
        disable_numparse=True,
    )
    summary = f"{len(found)} of {total} requirements differ."
    return "\n".join([*head, table, "", summary]) + "\n"


def _is_report(path: Path) -> bool:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(data, dict) and data.get("format") == FORMAT


def _status(result: RequirementVerdict | None) -> str:
    return "absent" if result is None else result.label


def _first_evidence(result: RequirementVerdict | None) -> str:
    if result is None:
        return "not in this run's catalogue"
    line = result.evidence()[0].replace("\n", " ").replace("|", "\\|")
    return line if len(line) <= 120 else line[:119] + "…"


def _rate(report: Report) -> str:
    percentage = report.pass_percentage()
    return "n/a" if percentage is None else f"{percentage:.1f}%"
