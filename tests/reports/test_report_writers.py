"""The four formats, each read back the way its consumer reads it: every verdict, the untagged
scenarios, the run's facts and the whole evidence in each."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from junitparser import Error, Failure, JUnitXml, Skipped
from report_suite import CATALOGUE, MIXED_SCENARIOS, RUNS, RUNS_DIR, TABLE_MESSAGE, verdicts
from trovesim.reports import FORMATS, OUTPUT_NAMES, Report, Verdict, write_reports
from trovesim.reports.html_report import render_html
from trovesim.reports.json_report import load_report, report_to_dict
from trovesim.reports.markdown_report import render_markdown
from trovesim.reports.run_facts import world_text

SCHEMA = json.loads((Path(__file__).parents[2] / "reports" / "report.schema.json").read_text())
LABELS = {v.value: v.label for v in Verdict}
# The failing run's table check, as every format shows it: the tab marked, nothing cut.
TABLE_EVIDENCE = (
    "The module list shows every module: Not compliant: Then the modules are listed as::\n"
    + TABLE_MESSAGE.replace("ping\tpong", "ping→pong")
)
LEFTOVER = (
    "cluster `5f0c9d2e-4d0b-4a57-9f59-3c1b8e2a7d10` (reapply-cluster-sx3k9q): "
    "delete refused: 409 Cluster is busy"
)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str], str]:
    """The text of one format written for one recorded run (written once per run)."""
    out = tmp_path_factory.mktemp("reports")
    done: set[str] = set()

    def _read(run: str, name: str) -> str:
        if run not in done:
            write_reports([RUNS_DIR / run], out / run, catalogue=CATALOGUE)
            done.add(run)
        return (out / run / OUTPUT_NAMES[name]).read_text(encoding="utf-8")

    return _read


def cells(line: str) -> list[str]:
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip().strip("|"))]


def markdown_rows(text: str, first: str) -> dict[str, list[str]]:
    return {cells(line)[0]: cells(line)[1:] for line in text.splitlines() if line.startswith(first)}


def test_write_reports_writes_only_the_chosen_formats(tmp_path: Path) -> None:
    report = write_reports([RUNS_DIR / "mixed"], tmp_path, {"md", "junit"}, CATALOGUE)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["compliance-junit.xml", "compliance.md"]
    assert verdicts(report)["DEMO-8"] == "passed"
    with pytest.raises(ValueError, match="unknown report format"):
        write_reports([RUNS_DIR / "mixed"], tmp_path, {"pdf"}, CATALOGUE)


def test_every_format_is_written_by_default(tmp_path: Path) -> None:
    write_reports([RUNS_DIR / "passing"], tmp_path, catalogue=CATALOGUE)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(OUTPUT_NAMES[n] for n in FORMATS)


def test_write_reports_refuses_a_file_as_its_directory(tmp_path: Path) -> None:
    blocker = tmp_path / "report"
    blocker.write_text("", encoding="utf-8")
    for out in (blocker, blocker / "inner"):
        with pytest.raises(NotADirectoryError, match=f"{blocker}: is a file, not a directory"):
            write_reports([RUNS_DIR / "mixed"], out, catalogue=CATALOGUE)


# Markdown


def test_markdown_summary_gives_outcome_world_cost_and_figures(
    written: Callable[[str, str], str],
) -> None:
    summary = markdown_rows(written("mixed", "md").split("## Requirements")[0], "| ")
    assert {label: values[0] for label, values in summary.items() if label} == {
        "Outcome": "Not compliant",
        "Target": "http://trove.example:8779",
        "Date": json.loads((RUNS_DIR / "mixed" / "run.json").read_text())["started"],
        "Suite exit code": "1",
        "World": "flavor m1.small (id 7a1c); mysql 8.0",
        "Builds": "12 instances, 1 cluster",
        "Waited": "83.5 s",
        "Requirements": "13 (1 compliant, 1 known upstream difference, 3 not compliant, "
        "4 could not be judged, 1 skipped, 2 not applicable, 1 no scenarios)",
        "Pass rate": "9.1% of requirements (compliant / requirements other than not "
        "applicable or not selected)",
        "Scenarios": "18 (5 compliant, 1 known upstream difference, 3 not compliant, "
        "5 could not be judged, 1 skipped, 3 not applicable)",
        "Scenarios without a requirement": "4 (2 compliant, 1 not compliant, 1 could not be "
        "judged)",
        "Leftovers": "1 resource to delete by hand",
    }
    text = written("mixed", "md")
    assert f"**Leftovers: delete these by hand**\n\n- {LEFTOVER}" in text


@pytest.mark.parametrize("run", ["mixed", "selected", "failing"])
def test_markdown_has_one_row_per_requirement_with_its_verdict(
    written: Callable[[str, str], str], build: Callable[[str], Report], run: str
) -> None:
    rows = markdown_rows(written(run, "md"), "| DEMO-")
    assert list(rows) == [f"DEMO-{n}" for n in range(1, 14)]
    shown = {i: row[2].removesuffix(" (differs from upstream Trove)") for i, row in rows.items()}
    assert shown == {i: LABELS[v] for i, v in verdicts(build(run)).items()}


def test_markdown_rows_carry_each_verdict_s_evidence(written: Callable[[str, str], str]) -> None:
    rows = markdown_rows(written("mixed", "md"), "| DEMO-")
    assert rows["DEMO-10"][2] == "Could not be judged (differs from upstream Trove)"
    assert rows["DEMO-3"][2:] == [
        "Known upstream difference",
        "Ties keep the order of the request: Known upstream difference: And they apply as "
        "\"1, 2b, 2a\": AssertionError: assert '2b, 1, 2a' == '1, 2b, 2a'",
    ]
    assert rows["DEMO-11"][3] == (
        "The module list shows every module: Could not be judged: When the target is asked for "
        "its modules: test_suite.TargetUnreachable: GET /modules: connection refused "
        "(http://trove.example:8779)"
    )
    assert rows["DEMO-12"][3] == (
        "Cluster members get a reapplied module: Not applicable (the target cannot build clusters)"
    )
    selected = markdown_rows(written("selected", "md"), "| DEMO-")
    assert selected["DEMO-1"][3] == (
        "Not selected: Ordered modules keep their order; Unordered modules are sorted; "
        "Lower order values apply first [1, 4-1, 4]; Lower order values apply first [9, 0-0, 9]"
    )


def test_markdown_lists_scenarios_without_a_requirement_by_feature(
    written: Callable[[str, str], str],
) -> None:
    text = written("mixed", "md")
    section = text.split("## Scenarios without a requirement")[1].split("\n## ")[0]
    assert "### A user's own checks (features/user.feature)" in section
    rows = markdown_rows(section, "| ")
    assert rows["Two modules apply in order"][0] == "Not compliant"
    assert rows["A single module applies"][0] == "Compliant"
    assert rows["A scenario whose tag names no requirement"][0] == "Compliant"


def test_markdown_evidence_keeps_the_whole_table_with_whitespace_marked(
    written: Callable[[str, str], str],
) -> None:
    text = written("failing", "md")
    assert (
        f"### The module list shows every module (Not compliant)\n\n```text\n{TABLE_EVIDENCE}\n```"
        in text
    )
    assert "→ a tab" in text  # the legend


def test_markdown_of_a_run_without_requirement_tags(written: Callable[[str, str], str]) -> None:
    text = written("untagged", "md")
    summary = markdown_rows(text, "| ")
    assert summary["Outcome"] == ["Not compliant"]
    assert summary["Requirements"] == ["none named by this run's scenarios (catalogue of 13)"]
    assert summary["Pass rate"][0].startswith("33.3% of scenarios")
    assert summary["Scenarios"] == ["3 (1 compliant, 1 not compliant, 1 could not be judged)"]
    assert "| DEMO-" not in text and "No scenarios" not in text and "no scenarios" not in text
    assert "its scenarios are judged one by one" in text


def with_odd_requirement(report: Report) -> Report:
    """The mixed run's first requirement, renamed with text that breaks tables and HTML."""
    first = report.requirements[0]
    odd = replace(first.requirement, id="X|1", area="a|b", statement="<script>x()</script>")
    return replace(report, requirements=(replace(first, requirement=odd),))


def test_markdown_escapes_table_breaking_text(build: Callable[[str], Report]) -> None:
    text = render_markdown(with_odd_requirement(build("mixed")))
    row = next(line for line in text.splitlines() if line.startswith("| X"))
    assert cells(row)[:4] == ["X\\|1", "a\\|b", "&lt;script&gt;x()&lt;/script&gt;", "Not compliant"]


# HTML


class ReportPage(HTMLParser):
    """Collects what a reader and a browser would get from the page."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[dict[str, str]]] = {}
        self.fetches: list[str] = []
        self.bar: dict[str, str] = {}
        self.filters: list[str] = []
        self.warning: list[str] = []
        self.pres: list[str] = []
        self._table = ""
        self._row: dict[str, str] | None = None
        self._cells: list[str] = []
        self._text: list[str] = []
        self._bar_status: str | None = None
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        self._in.append(tag if tag != "section" else f"section.{attr.get('class')}")
        if tag in {"script", "img", "link", "iframe"} and (attr.get("src") or attr.get("href")):
            self.fetches.append(f"{tag} {attr.get('src') or attr.get('href')}")
        if tag == "table":
            self._table = attr.get("id") or ""
        if tag == "tr" and "data-status" in attr:
            self._row = {"status": attr["data-status"] or "", "area": attr.get("data-area") or ""}
            self._cells = []
        elif tag == "td" and self._row is not None:
            self._text = []
        elif tag == "button" and "data-status" in attr:
            self._bar_status = attr["data-status"]
        elif tag == "input" and attr.get("name") == "status":
            self.filters.append(attr.get("value") or "")
        elif tag == "pre":
            self._text = []

    def handle_data(self, data: str) -> None:
        self._text.append(data)
        if self._bar_status:
            self.bar[self._bar_status] = data
        if "section.warn" in self._in and data.strip():
            self.warning.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._in:
            self._in.pop()
        if tag == "button":
            self._bar_status = None
        if tag == "pre":
            self.pres.append("".join(self._text))
        if tag == "td" and self._row is not None:
            self._cells.append("".join(self._text))
        if tag == "tr" and self._row is not None:
            self._row["cells"] = " | ".join(self._cells)
            self._row["first"] = self._cells[0] if self._table == "requirements" else self._cells[1]
            self.tables.setdefault(self._table, []).append(self._row)
            self._row = None


def page_of(html: str) -> ReportPage:
    page = ReportPage()
    page.feed(html)
    page.close()
    return page


@pytest.mark.parametrize("run", ["mixed", "selected", "failing"])
def test_html_has_every_requirement_with_its_verdict(
    written: Callable[[str, str], str], build: Callable[[str], Report], run: str
) -> None:
    page = page_of(written(run, "html"))
    rows = {row["first"]: row for row in page.tables["requirements"]}
    assert {i: row["status"] for i, row in rows.items()} == verdicts(build(run))
    for requirement_id, verdict in verdicts(build(run)).items():
        assert LABELS[verdict] in rows[requirement_id]["cells"]


def test_html_lists_untagged_scenarios_with_verdict_and_feature(
    written: Callable[[str, str], str],
) -> None:
    rows = {row["first"]: row for row in page_of(written("mixed", "html")).tables["scenarios"]}
    assert {name: (row["status"], row["area"]) for name, row in rows.items()} == {
        "A scenario whose tag names no requirement": (
            "passed",
            "Simulator control and differences from upstream",
        ),
        "A single module applies": ("passed", "A user's own checks"),
        "Two modules apply in order": ("failed", "A user's own checks"),
        "A check whose step the suite lacks": ("error", "A user's own checks"),
    }
    untagged = page_of(written("untagged", "html"))
    assert "requirements" not in untagged.tables
    assert [row["status"] for row in untagged.tables["scenarios"]] == ["passed", "failed", "error"]


def test_html_shows_leftovers_first_and_the_whole_table(written: Callable[[str, str], str]) -> None:
    page = page_of(written("mixed", "html"))
    assert "".join(page.warning).startswith("Leftovers: delete these by hand")
    assert "5f0c9d2e-4d0b-4a57-9f59-3c1b8e2a7d10" in "".join(page.warning)
    failing = page_of(written("failing", "html"))
    assert TABLE_EVIDENCE.split(":\n", 1)[1] in failing.pres


def test_html_is_self_contained_with_summary_bar_and_filters(
    written: Callable[[str, str], str],
) -> None:
    html = written("mixed", "html")
    page = page_of(html)
    assert page.fetches == []
    assert "http://" not in html.replace("http://trove.example:8779", "")
    assert "https://" not in html
    assert page.bar == {
        "passed": "1",
        "known_difference": "1",
        "failed": "3",
        "error": "4",
        "skipped": "1",
        "not_applicable": "2",
        "no_scenarios": "1",
    }
    assert page.filters == [v.value for v in Verdict]
    assert "Waited <b>83.5 s</b>" in html and "Builds <b>12 instances, 1 cluster</b>" in html


def test_html_escapes_requirements_and_messages(build: Callable[[str], Report]) -> None:
    html = render_html(with_odd_requirement(build("mixed")))
    assert html.count("<script>") == 1
    assert "&lt;script&gt;x()&lt;/script&gt;" in html
    assert "assert &#x27;3, 1, 2&#x27; == &#x27;1, 2, 3&#x27;" in html


# JSON


@pytest.mark.parametrize("run", sorted(RUNS))
def test_json_matches_its_documented_schema_and_reads_back(tmp_path: Path, run: str) -> None:
    report = write_reports([RUNS_DIR / run], tmp_path, {"json"}, CATALOGUE)
    data = json.loads((tmp_path / OUTPUT_NAMES["json"]).read_text())
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert data == report_to_dict(report)
    assert load_report(tmp_path / OUTPUT_NAMES["json"]) == report


def test_json_summary_figures(written: Callable[[str, str], str]) -> None:
    data = json.loads(written("mixed", "json"))
    zero = {v.value: 0 for v in Verdict}
    assert data["summary"] == {
        "outcome": "failed",
        "catalogue": {"requirements": 13, "applied": True},
        "requirements": {
            **zero,
            "total": 13,
            "passed": 1,
            "known_difference": 1,
            "failed": 3,
            "error": 4,
            "skipped": 1,
            "not_applicable": 2,
            "no_scenarios": 1,
        },
        "pass_percentage": 9.1,
        "pass_basis": "requirements",
        "scenarios": {**zero, "total": 18, **MIXED_SCENARIOS},
        "untagged_scenarios": {**zero, "total": 4, "passed": 2, "failed": 1, "error": 1},
    }
    assert data["run"]["leftovers"] == [
        {
            "kind": "cluster",
            "id": "5f0c9d2e-4d0b-4a57-9f59-3c1b8e2a7d10",
            "name": "reapply-cluster-sx3k9q",
            "reason": "delete refused: 409 Cluster is busy",
        }
    ]
    assert (data["run"]["builds"], data["run"]["waited_seconds"]) == (
        {"instances": 12, "clusters": 1},
        83.5,
    )


def test_json_scenarios_carry_verdict_and_failing_step_facts(
    written: Callable[[str, str], str],
) -> None:
    data = json.loads(written("mixed", "json"))
    listed = next(s for s in data["scenarios"] if s["name"] == "The module list shows every module")
    assert listed == {
        "key": "features/control.feature::test_the_module_list_shows_every_module",
        "feature": "Simulator control and differences from upstream",
        "uri": "features/control.feature",
        "name": "The module list shows every module",
        "test_id": "test_the_module_list_shows_every_module",
        "line": 49,
        "outcome": "failed",
        "step": "When the target is asked for its modules",
        "message": "test_suite.TargetUnreachable: GET /modules: connection refused "
        "(http://trove.example:8779)",
        "tags": ["DEMO-11"],
        "verdict": "error",
        "label": "Could not be judged",
        "keyword": "When",
        "exception": "test_suite.TargetUnreachable",
        "could_not_judge": True,
    }
    assert {s["verdict"] for s in json.loads(written("selected", "json"))["scenarios"]} == {
        "not_selected",
        "not_applicable",
        "skipped",
    }
    untagged = json.loads(written("untagged", "json"))
    assert (untagged["requirements"], untagged["summary"]["pass_basis"]) == ([], "scenarios")
    assert len(untagged["untagged_scenarios"]) == 3


def test_json_evidence_keeps_the_whole_table(written: Callable[[str, str], str]) -> None:
    data = json.loads(written("failing", "json"))
    demo11 = next(r for r in data["requirements"] if r["id"] == "DEMO-11")
    assert demo11["evidence"] == [TABLE_EVIDENCE]


def test_json_schema_rejects_a_wrong_verdict(written: Callable[[str, str], str]) -> None:
    data = json.loads(written("mixed", "json"))
    data["requirements"][0]["verdict"] = "mostly"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(SCHEMA).validate(data)


# JUnit


def junit_cases(text: str, tmp_path: Path) -> tuple[object, dict[str, tuple[str, object]]]:
    path = tmp_path / "compliance-junit.xml"
    path.write_text(text, encoding="utf-8")
    suite = next(iter(JUnitXml.fromfile(str(path))))
    outcomes = {}
    for case in suite:
        kinds = {type(result): result for result in case.result}
        kind = next((k for k in (Failure, Error, Skipped) if k in kinds), None)
        outcomes[case.name.split(":")[0]] = (
            kind.__name__.lower() if kind else "pass",
            kinds.get(kind),
        )
    return suite, outcomes


def test_junit_has_a_case_per_requirement_and_untagged_scenario(
    written: Callable[[str, str], str], tmp_path: Path
) -> None:
    suite, outcomes = junit_cases(written("mixed", "junit"), tmp_path)
    assert (suite.tests, suite.failures, suite.errors, suite.skipped) == (17, 5, 5, 4)
    assert {name: kind for name, (kind, _) in outcomes.items()} == {
        "DEMO-1": "failure",
        "DEMO-2": "failure",
        "DEMO-3": "failure",
        "DEMO-4": "skipped",
        "DEMO-5": "skipped",
        "DEMO-6": "skipped",
        "DEMO-7": "failure",
        "DEMO-8": "pass",
        "DEMO-9": "error",
        "DEMO-10": "error",
        "DEMO-11": "error",
        "DEMO-12": "skipped",
        "DEMO-13": "error",
        "A scenario whose tag names no requirement": "pass",
        "A single module applies": "pass",
        "Two modules apply in order": "failure",
        "A check whose step the suite lacks": "error",
    }
    assert outcomes["DEMO-3"][1].message.startswith("Known upstream difference: Ties keep")
    assert outcomes["DEMO-12"][1].message == (
        "Not applicable: Cluster members get a reapplied module: Not applicable "
        "(the target cannot build clusters)"
    )
    assert outcomes["DEMO-9"][1].message.startswith("Could not be judged: The module store")
    user = next(c for c in suite if c.name == "Two modules apply in order")
    assert user.classname == "scenarios without a requirement.A user's own checks"


def test_junit_of_a_selection_skips_what_was_not_selected(
    written: Callable[[str, str], str], tmp_path: Path
) -> None:
    _, outcomes = junit_cases(written("selected", "junit"), tmp_path)
    kind, result = outcomes["DEMO-1"]
    assert kind == "skipped" and result.message.startswith("Not selected: Not selected: Ordered")


def test_junit_carries_run_facts_leftovers_and_whole_evidence(
    written: Callable[[str, str], str], tmp_path: Path
) -> None:
    text = written("mixed", "junit")
    suite, _ = junit_cases(text, tmp_path)
    properties = {p.name: p.value for p in suite.properties()}
    assert properties["Outcome"] == "Not compliant"
    assert properties["Builds"] == "12 instances, 1 cluster"
    assert properties["Leftover"] == LEFTOVER.replace("`", "")
    assert f"Leftovers: delete these by hand\n{LEFTOVER.replace('`', '')}" in text
    _, failing = junit_cases(written("failing", "junit"), tmp_path)
    assert failing["DEMO-11"][1].text == TABLE_EVIDENCE


def test_the_world_is_one_short_line_of_roles() -> None:
    profile = {
        "target": "inprocess",
        "flavor": "15",
        "datastore": "mysql",
        "version": "5.6",
        "other_version": "5.7",
        "other_datastore": "redis",
        "other_datastore_version": "3.2.6",
        "cluster_datastore": "redis",
        "cluster_version": "3.2.6",
        "region": "lab-1",
        "unused": None,
    }
    assert world_text(profile) == (
        "flavor 15; mysql 5.6 (other version 5.7); other datastore redis 3.2.6; "
        "clusters on redis 3.2.6; region: lab-1"
    )
