"""The HTML report: one self-contained page (inline CSS and JS, no fetches) to hand on or archive.

It holds the Markdown report's content, a summary bar, and filters by status, area and text, so a
reader can go straight to what failed in the area they care about.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from trovesim.reports.model import Report, RequirementVerdict, Verdict
from trovesim.reports.results import ScenarioResult

STYLE = """
:root { --passed:#1f883d; --failed:#cf222e; --known:#bc4c00; --skipped:#9a6700;
  --not_applicable:#6e7781; --no_scenarios:#8250df; --line:#d0d7de; --muted:#57606a; }
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
col.id { width: 7%; } col.area { width: 11%; } col.req { width: 27%; } col.status { width: 12%; }
td.id { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; white-space: nowrap; }
.src { color: var(--muted); font-size: 12px; margin-top: 2px; }
.badge { display:inline-block; color:#fff; border-radius: 12px; padding: 1px 10px;
  font-size: 12px; font-weight:600; white-space: nowrap; }
.flag { display:inline-block; margin-top:4px; font-size: 11px; color: var(--known);
  border:1px solid var(--known); border-radius: 10px; padding: 0 6px; white-space: nowrap; }
ul.ev { margin:0; padding-left: 0; list-style: none; }
ul.ev li { margin: 0 0 4px; }
.fail { color: var(--failed); font-weight: 600; }
.skip { color: var(--muted); }
.pass { color: var(--muted); font-size: 13px; }
pre { white-space: pre-wrap; word-break: break-word; background:#fff8f8; border:1px solid #ffd7d5;
  border-radius:6px; padding:6px 8px; margin:4px 0 0; font-size: 12px; }
footer { color: var(--muted); font-size: 13px; margin-top: 18px; }
"""

SCRIPT = """
const rows = Array.from(document.querySelectorAll('#requirements tbody tr'));
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
    counts = report.verdict_counts()
    percentage = report.pass_percentage()
    scenarios = report.scenario_counts()
    run = report.run
    meta = " · ".join(
        [
            f"Target <b>{escape(run.target or 'unknown')}</b>",
            f"Date <b>{escape(run.started or run.finished or 'unknown')}</b>",
            f"Suite exit code <b>{'unknown' if run.exit_code is None else run.exit_code}</b>",
        ]
    )
    known = report.known_differences()
    cards = [
        ("Pass rate", "n/a" if percentage is None else f"{percentage:.1f}%"),
        ("Requirements", str(len(report.requirements))),
        ("Failed" + (f" ({known} known upstream)" if known else ""), str(counts[Verdict.FAILED])),
        ("Scenarios", str(len(report.scenarios))),
    ]
    scenario_line = (
        f"{scenarios['passed']} passed, {scenarios['failed']} failed, "
        f"{scenarios['skipped']} skipped"
    )
    areas = sorted({r.requirement.area for r in report.requirements})
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(report.title)}</title><style>{STYLE}</style></head><body><main>",
        f"<h1>{escape(report.title)}</h1>",
        f'<p class="meta">{meta}</p>',
        '<section class="cards">',
        *(
            f'<div class="card"><div class="n">{escape(value)}</div>'
            f'<div class="l">{escape(label)}</div></div>'
            for label, value in cards
        ),
        "</section>",
        _summary_bar(report),
        f'<p class="meta">Scenarios: {scenario_line}.</p>',
        '<form class="filters" onsubmit="return false">',
        "<span>Status:</span>",
        *(
            f'<label><input type="checkbox" name="status" value="{v.value}" checked> '
            f"{v.label} ({counts[v]})</label>"
            for v in Verdict
        ),
        '<label>Area: <select id="area"><option value="">all areas</option>',
        *(f'<option value="{escape(a)}">{escape(a)}</option>' for a in areas),
        "</select></label>",
        '<label>Find: <input type="search" id="search" placeholder="id, text, message"></label>',
        f'<span class="count"><span id="shown">{len(report.requirements)}</span> of '
        f"{len(report.requirements)} shown</span>",
        "</form>",
        '<table id="requirements"><colgroup><col class="id"><col class="area"><col class="req">'
        '<col class="status"><col></colgroup><thead><tr><th>ID</th><th>Area</th>'
        "<th>Requirement</th><th>Status</th><th>Evidence</th></tr></thead><tbody>",
        *(_row(r) for r in report.requirements),
        "</tbody></table>",
        *_notes(report),
        "<footer>Pass rate: passed requirements / requirements other than not applicable. "
        "Not applicable: every scenario needs simulator control (@simulator-only) and was "
        "skipped on this target.</footer>",
        f"</main><script>{SCRIPT}</script></body></html>",
    ]
    return "\n".join(parts) + "\n"


def write_html(report: Report, path: Path) -> None:
    path.write_text(render_html(report), encoding="utf-8")


def _summary_bar(report: Report) -> str:
    counts = report.verdict_counts()
    total = len(report.requirements) or 1
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
    ]
    return (
        f'<div class="bar" role="img" aria-label="requirements by status">{"".join(segments)}</div>'
        f'<div class="legend">{"".join(legend)}</div>'
    )


def _row(result: RequirementVerdict) -> str:
    requirement = result.requirement
    colour = "known" if result.known_difference else result.verdict.value
    flag = ""
    if result.known_difference:
        flag = '<br><span class="flag">known upstream difference</span>'
    elif result.upstream_differs:
        flag = '<br><span class="flag">differs from upstream Trove</span>'

    return (
        f'<tr data-status="{result.verdict.value}" data-area="{escape(requirement.area)}">'
        f'<td class="id">{escape(requirement.id)}</td>'
        f"<td>{escape(requirement.area)}</td>"
        f"<td>{escape(requirement.statement)}"
        f'<div class="src">{escape(requirement.source)}</div></td>'
        f'<td><span class="badge" style="background:var(--{colour})">'
        f"{result.verdict.label}</span>{flag}</td>"
        f"<td>{_evidence(result)}</td></tr>"
    )


def _evidence(result: RequirementVerdict) -> str:
    if result.verdict is Verdict.NO_SCENARIOS:
        return f'<span class="skip">{escape(result.evidence()[0])}</span>'
    items = [_failed(s) for s in result.scenarios if s.status == "failed"]
    items += [
        f'<li class="skip">{escape(s.name)}: skipped '
        f"({escape(s.message or 'no reason given')})</li>"
        for s in result.scenarios
        if s.status == "skipped"
    ]
    passed = [escape(s.name) for s in result.scenarios if s.status == "passed"]
    if passed:
        items.append(f'<li class="pass">passed: {"; ".join(passed)}</li>')
    return f'<ul class="ev">{"".join(items)}</ul>'


def _failed(scenario: ScenarioResult) -> str:
    return (
        f'<li><span class="fail">{escape(scenario.name)}</span>: '
        f"{escape(scenario.step or 'before its first step')}"
        f"<pre>{escape(scenario.message or 'failed')}</pre></li>"
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
