"""Two runs side by side: the verdicts that differ (say, simulator vs real Trove, or yesterday vs
today), and whether any got worse.

Requirements are matched by id, scenarios that name no requirement by feature file and test. A
verdict got worse when its rank rose (``Verdict.rank``: compliant, known upstream difference, not
applicable = not selected, skipped = no scenarios, could not be judged, not compliant). An item
present in one run only is listed but is not a change for the worse.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from tabulate import tabulate
from trovesim.reports.catalogue import suite_catalogue
from trovesim.reports.json_report import FORMAT, VERSION, load_report
from trovesim.reports.model import Report, Verdict, build_report, headline, scenario_verdict
from trovesim.reports.results import OUTPUT_NAMES, read_results
from trovesim.reports.text import format_rate


@dataclass(frozen=True)
class Judged:
    """A requirement's or an untagged scenario's verdict, as a comparison needs it."""

    id: str
    area: str
    verdict: Verdict
    headline: str


@dataclass(frozen=True)
class Difference:
    id: str
    area: str
    a: Judged | None
    b: Judged | None

    @property
    def worse(self) -> bool:
        return bool(self.a and self.b and self.b.verdict.rank > self.a.verdict.rank)


def load_run(path: Path, catalogue: Path | None = None) -> Report:
    """A saved JSON report, a report directory holding one, or a run's result files."""
    saved = path / OUTPUT_NAMES["json"] if path.is_dir() else path
    if saved.suffix == ".json" and saved.is_file() and (_is_report(saved) or not path.is_dir()):
        return load_report(saved)
    return build_report(suite_catalogue(catalogue), read_results([path]))


def judged(report: Report) -> dict[str, Judged]:
    """Every requirement, then every scenario that names none, by a key stable across runs."""
    items = {
        r.requirement.id: Judged(
            r.requirement.id, r.requirement.area, r.verdict, _cell(r.headlines()[0])
        )
        for r in report.requirements
    }
    for s in report.untagged():
        items[s.key] = Judged(
            f"{s.name} ({s.uri})", "scenario", scenario_verdict(s), _cell(headline(s))
        )
    return items


def differences(a: Report, b: Report) -> list[Difference]:
    """Items (of either run, A's order first) whose verdicts differ or exist in one run only."""
    first, second = judged(a), judged(b)
    found: list[Difference] = []
    for key in [*first, *(k for k in second if k not in first)]:
        left, right = first.get(key), second.get(key)
        if left and right and left.verdict is right.verdict:
            continue
        either = left or right
        assert either is not None  # the key came from one of the two runs
        found.append(Difference(either.id, either.area, left, right))
    return found


def render_comparison(a: Report, b: Report, a_name: str, b_name: str) -> tuple[str, bool]:
    """A Markdown table of the differences, and whether any verdict got worse from A to B."""
    found = differences(a, b)
    total = len(judged(a).keys() | judged(b).keys())
    head = [
        f"A: {a_name} (target {a.run.target or 'unknown'}, pass rate "
        f"{format_rate(a.pass_percentage())} of {a.pass_basis()})",
        f"B: {b_name} (target {b.run.target or 'unknown'}, pass rate "
        f"{format_rate(b.pass_percentage())} of {b.pass_basis()})",
        "",
    ]
    if not found:
        return "\n".join([*head, f"No verdict differs ({total} compared)."]) + "\n", False
    rows = [
        [
            d.id,
            d.area,
            _label(d.a),
            _label(d.b),
            "worse" if d.worse else "",
            d.a.headline if d.a else "not in this run",
            d.b.headline if d.b else "not in this run",
        ]
        for d in found
    ]
    table = tabulate(
        rows,
        headers=["ID", "Area", "A", "B", "Change", "A evidence", "B evidence"],
        tablefmt="github",
        disable_numparse=True,
    )
    worse = sum(d.worse for d in found)
    summary = f"{len(found)} of {total} verdicts differ; {worse} got worse from A to B."
    return "\n".join([*head, table, "", summary]) + "\n", worse > 0


def _is_report(path: Path) -> bool:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return (
        isinstance(data, dict) and data.get("format") == FORMAT and data.get("version") == VERSION
    )


def _label(item: Judged | None) -> str:
    return "absent" if item is None else item.verdict.label


def _cell(line: str) -> str:
    line = line.replace("|", "\\|")
    return line if len(line) <= 120 else line[:119] + "…"
