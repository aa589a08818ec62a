"""The HTML report: one self-contained page (inline CSS and JS, no fetches) to hand on or archive.

It holds the Markdown report's content, a summary bar, and filters by verdict, area (or feature)
and text, so a reader can go straight to what failed in the area they care about.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from trovesim.reports.model import (
    FAULT_ORDER,
    Report,
    RequirementVerdict,
    Verdict,
    evidence,
    scenario_verdict,
)
from trovesim.reports.results import ScenarioResult
from trovesim.reports.run_facts import (
    RATE_RULE,
    breakdown,
    catalogue_note,
    outcome_label,
    run_rows,
)
from trovesim.reports.text import LEGEND, format_rate

STYLE = """
:root { --passed:#1f883d; --failed:#cf222e; --known_difference:#bc4c00; --error:#6639ba;
  --skipped:#9a6700; --not_applicable:#6e7781; --not_selected:#8c959f; --no_scenarios:#0969da;
  --line:#d0d7de; --muted:#57606a; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:#1f2328;
  margin: 0; background:#f6f8fa; }
main { max-width: 1280px; margin: 0 auto; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; }
.meta { color: var(--muted); margin: 0 0 18px; }
.meta b { color:#1f2328; font-weight: 600; }
.cards { display:flex; gap:12px; flex-wrap:wrap; margin-bottom: 14px; }
.card { background:#fff; border:1px solid var(--line); border-radius:8px; padding:10px 16px;
  min-width:140px; }
.card .n { font-size: 26px; font-weight: 700; }
.card .l { color: var(--muted); font-size: 13px; }
.bar { display:flex; height: 22px; border-radius: 6px; overflow: hidden; background:#eaeef2;
  border:1px solid var(--line); }
.bar button { border:0; padding:0; cursor:pointer; color:#fff; font-size:12px; font-weight:600;
  min-width: 0; overflow:hidden; white-space:nowrap; }
.legend { display:flex; gap:16px; flex-wrap:wrap; margin: 8px 0 0; font-size: 14px; }
.dot { display:inline-block; width:10px; height:10px; border-radius:50%; margin-right:6px; }
.filters { display:flex; gap:18px; flex-wrap:wrap; align-items:center; background:#fff;
  border:1px solid var(--line); border-radius:8px; padding:10px 14px; margin: 18px 0 10px; }
.filters label { white-space: nowrap; }
.filters select, .filters input[type=search] { font: inherit; padding: 3px 6px; }
.count { color: var(--muted); margin-left:auto; }
table { width:100%; border-collapse: collapse; background:#fff; border:1px solid var(--line); }
th, td { text-align:left; vertical-align:top; padding:8px 10px; border-top:1px solid var(--line); }
th { background:#f6f8fa; font-size: 13px; color: var(--muted); position: sticky; top: 0; }
table.judged { table-layout: fixed; }
col.id { width: 7%; } col.area { width: 11%; } col.req { width: 25%; } col.status { width: 15%; }
col.feature { width: 16%; } col.scenario { width: 20%; }
td.id { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; white-space: nowrap; }
.src { color: var(--muted); font-size: 12px; margin-top: 2px; }
.badge { display:inline-block; color:#fff; border-radius: 12px; padding: 1px 10px;
  font-size: 12px; font-weight:600; }
.flag { display:inline-block; margin-top:4px; font-size: 11px; color: var(--known_difference);
  border:1px solid var(--known_difference); border-radius: 10px; padding: 0 6px;
  white-space: nowrap; }
.warn { background:#fff8c5; border:1px solid #d4a72c; border-radius:8px; padding:10px 16px;
  margin: 0 0 14px; }
.warn h2 { margin: 0 0 6px; font-size: 16px; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 13px; }
ul.ev { margin:0; padding-left: 0; list-style: none; }
ul.ev li { margin: 0 0 4px; }
.fail { font-weight: 600; }
.skip { color: var(--muted); }
.pass { color: var(--muted); font-size: 13px; }
pre { white-space: pre; overflow-x: auto; background:#fff8f8; border:1px solid #ffd7d5;
  border-radius:6px; padding:6px 8px; margin:4px 0 0; font-size: 12px; max-width: 100%; }
footer { color: var(--muted); font-size: 13px; margin-top: 18px; }
"""

SCRIPT = """
const rows = Array.from(document.querySelectorAll('table.judged tbody tr'));
const boxes = Array.from(document.querySelectorAll('input[name=status]'));
function applyFilters() {
  const statuses = new Set(boxes.filter(b => b.checked).map(b => b.value));
  const area = document.getElementById('area').value;
  const text = document.getElementById('search').value.trim().toLowerCase();
  let shown = 0;
  for (const row of rows) {
    const visible = statuses.has(row.dataset.status) && (!area || row.dataset.area === area)
      && (!text || row.textContent.toLowerCase().includes(text));
    row.hidden = !visible;
    if (visible) shown++;
  }
  document.getElementById('shown').textContent = shown;
  for (const section of document.querySelectorAll('table.judged')) {
    section.hidden = !section.querySelector('tbody tr:not([hidden])');
  }
}
function only(status) {
  for (const b of boxes) b.checked = b.value === status;
  applyFilters();
}
for (const el of document.querySelectorAll('.filters input, .filters select')) {
  el.addEventListener('input', applyFilters);
}
for (const b of document.querySelectorAll('.bar button')) {
  b.addEventListener('click', () => only(b.dataset.status));
}
applyFilters();
"""


def render_html(report: Report) -> str:
    untagged = report.untagged()
    basis = report.pass_basis()
    meta = " · ".join(f"{label} <b>{escape(value)}</b>" for label, value in run_rows(report.run))
    cards = [
        ("Outcome", outcome_label(report)),
        (f"Pass rate of {basis}", format_rate(report.pass_percentage())),
        ("Requirements", str(len(report.requirements))),
        ("Scenarios", str(len(report.scenarios))),
    ]
    areas = sorted(
        {r.requirement.area for r in report.requirements} | {s.feature for s in untagged}
    )
    shown = len(report.requirements) + len(untagged)
    counts = report.verdict_counts() if report.catalogue_applies else report.scenario_counts()
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(report.title)}</title><style>{STYLE}</style></head><body><main>",
        f"<h1>{escape(report.title)}</h1>",
        f'<p class="meta">{meta}</p>',
        *_leftovers(report),
        '<section class="cards">',
        *(
            f'<div class="card"><div class="n">{escape(value)}</div>'
            f'<div class="l">{escape(label)}</div></div>'
            for label, value in cards
        ),
        "</section>",
        _summary_bar(counts, basis),
        f'<p class="meta">Scenarios: {escape(breakdown(report.scenario_counts()))}.</p>',
        '<form class="filters" onsubmit="return false">',
        "<span>Verdict:</span>",
        *(
            f'<label><input type="checkbox" name="status" value="{v.value}" checked> '
            f"{v.label}</label>"
            for v in Verdict
        ),
        '<label>Area or feature: <select id="area"><option value="">all</option>',
        *(f'<option value="{escape(a)}">{escape(a)}</option>' for a in sorted(areas)),
        "</select></label>",
        '<label>Find: <input type="search" id="search" placeholder="id, text, message"></label>',
        f'<span class="count"><span id="shown">{shown}</span> of {shown} shown</span>',
        "</form>",
        *_requirements(report),
        *_untagged(untagged, report.catalogue_applies),
        *_notes(report),
        f"<footer>Pass rate: {RATE_RULE[basis]}. {escape(LEGEND)}</footer>",
        f"</main><script>{SCRIPT}</script></body></html>",
    ]
    return "\n".join(parts) + "\n"


def write_html(report: Report, path: Path) -> None:
    path.write_text(render_html(report), encoding="utf-8")


def _leftovers(report: Report) -> list[str]:
    if not report.run.leftovers:
        return []
    return [
        '<section class="warn"><h2>Leftovers: delete these by hand</h2><ul>',
        *(
            f"<li>{escape(x.kind)} <code>{escape(x.id)}</code> ({escape(x.name)}): "
            f"{escape(x.reason)}</li>"
            for x in report.run.leftovers
        ),
        "</ul></section>",
    ]


def _summary_bar(counts: dict[Verdict, int], basis: str) -> str:
    total = sum(counts.values()) or 1
    segments = [
        f'<button type="button" data-status="{v.value}" title="{v.label}: {counts[v]}" '
        f'style="width:{100 * counts[v] / total:.3f}%;background:var(--{v.value})">'
        f"{counts[v]}</button>"
        for v in Verdict
        if counts[v]
    ]
    legend = [
        f'<span><span class="dot" style="background:var(--{v.value})"></span>'
        f"{v.label} <b>{counts[v]}</b></span>"
        for v in Verdict
        if counts[v]
    ]
    return (
        f'<div class="bar" role="img" aria-label="{basis} by verdict">{"".join(segments)}</div>'
        f'<div class="legend">{"".join(legend)}</div>'
    )


def _requirements(report: Report) -> list[str]:
    if not report.catalogue_applies:
        return [f"<p>{escape(catalogue_note(report))}</p>"]
    return [
        "<h2>Requirements</h2>",
        '<table class="judged" id="requirements"><colgroup><col class="id"><col class="area">'
        '<col class="req"><col class="status"><col></colgroup><thead><tr><th>ID</th>'
        "<th>Area</th><th>Requirement</th><th>Verdict</th><th>Evidence</th></tr></thead><tbody>",
        *(_row(r) for r in report.requirements),
        "</tbody></table>",
    ]


def _untagged(scenarios: tuple[ScenarioResult, ...], catalogue_applies: bool) -> list[str]:
    if not scenarios:
        return []
    heading = "Scenarios without a requirement" if catalogue_applies else "Scenarios"
    rows = [
        f'<tr data-status="{scenario_verdict(s).value}" data-area="{escape(s.feature)}">'
        f'<td>{escape(s.feature)}<div class="src">{escape(s.uri)}'
        f"{f':{s.line}' if s.line else ''}</div></td><td>{escape(s.name)}</td>"
        f"<td>{_badge(scenario_verdict(s))}</td><td>{_scenario_evidence(s)}</td></tr>"
        for s in scenarios
    ]
    return [
        f"<h2>{heading}</h2>",
        '<table class="judged" id="scenarios"><colgroup><col class="feature"><col class="scenario">'
        '<col class="status"><col></colgroup><thead><tr><th>Feature</th><th>Scenario</th>'
        "<th>Verdict</th><th>Evidence</th></tr></thead><tbody>",
        *rows,
        "</tbody></table>",
    ]


def _badge(verdict: Verdict) -> str:
    return f'<span class="badge" style="background:var(--{verdict.value})">{verdict.label}</span>'


def _row(result: RequirementVerdict) -> str:
    requirement = result.requirement
    flag = ""
    if result.upstream_differs and result.verdict is not Verdict.KNOWN_DIFFERENCE:
        flag = '<br><span class="flag">differs from upstream Trove</span>'
    if result.verdict is Verdict.NO_SCENARIOS:
        cell = f'<span class="skip">{escape(result.evidence()[0])}</span>'
    else:
        cell = f'<ul class="ev">{"".join(_item(s) for s in result.worst_first())}</ul>'
    return (
        f'<tr data-status="{result.verdict.value}" data-area="{escape(requirement.area)}">'
        f'<td class="id">{escape(requirement.id)}</td>'
        f"<td>{escape(requirement.area)}</td>"
        f"<td>{escape(requirement.statement)}"
        f'<div class="src">{escape(requirement.source)}</div></td>'
        f"<td>{_badge(result.verdict)}{flag}</td>"
        f"<td>{cell}</td></tr>"
    )


def _item(scenario: ScenarioResult) -> str:
    verdict = scenario_verdict(scenario)
    css = "fail" if verdict in FAULT_ORDER else "pass" if verdict is Verdict.PASSED else "skip"
    return f'<li class="{css}">{_scenario_evidence(scenario)}</li>'


def _scenario_evidence(scenario: ScenarioResult) -> str:
    """One line; a fault's whole message (tables, marked whitespace) below it, preformatted."""
    text = evidence(scenario)
    if scenario_verdict(scenario) not in FAULT_ORDER:
        return escape(text)
    head, _, message = text.partition("\n")
    colour = f"var(--{scenario_verdict(scenario).value})"
    return (
        f'<span style="color:{colour}">{escape(head.rstrip(":"))}</span>'
        f"<pre>{escape(message)}</pre>"
    )


def _notes(report: Report) -> list[str]:
    notes: list[str] = []
    if report.unknown_tags:
        notes += [
            "<h2>Tags naming no requirement</h2>",
            f"<p>{escape(', '.join(report.unknown_tags))}</p>",
        ]
    if report.unattributed:
        notes += [
            "<h2>Test results without scenario metadata</h2>",
            "<p>Not counted: load <code>trovesim.reports.pytest_plugin</code> so that JUnit XML "
            "names their scenarios.</p><ul>",
            *(f"<li><code>{escape(name)}</code></li>" for name in report.unattributed),
            "</ul>",
        ]
    return notes
