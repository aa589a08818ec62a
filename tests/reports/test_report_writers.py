"""The four formats, each read back the way its consumer reads it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from junitparser import Failure, JUnitXml, Skipped
from report_suite import CATALOGUE, RUNS_DIR, verdicts
from trovesim.reports import FORMATS, OUTPUT_NAMES, Report, write_reports
from trovesim.reports.html_report import render_html
from trovesim.reports.json_report import load_report, report_to_dict
from trovesim.reports.markdown_report import render_markdown

SCHEMA = json.loads((Path(__file__).parents[2] / "reports" / "report.schema.json").read_text())


@pytest.fixture(scope="module")
def mixed_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("mixed-report")
    write_reports([RUNS_DIR / "mixed"], out, catalogue=CATALOGUE)
    return out


def test_write_reports_writes_only_the_chosen_formats(tmp_path: Path) -> None:
    report = write_reports([RUNS_DIR / "mixed"], tmp_path, {"md", "junit"}, CATALOGUE)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["compliance-junit.xml", "compliance.md"]
    assert verdicts(report)["DEMO-8"] == "passed"
    with pytest.raises(ValueError, match="unknown report format"):
        write_reports([RUNS_DIR / "mixed"], tmp_path, {"pdf"}, CATALOGUE)


def test_markdown_summary_and_one_row_per_requirement(mixed_dir: Path) -> None:
    text = (mixed_dir / OUTPUT_NAMES["md"]).read_text()
    lines = text.splitlines()
    assert lines[0] == "# Demo compliance report"
    for label, value in [
        ("Target", "http://trove.example:8779"),
        ("Suite exit code", "1"),
        ("Requirements", "9"),
        ("Passed", "1"),
        ("Failed", "5 (1 known upstream difference)"),
        ("Skipped", "1"),
        ("Not applicable", "1"),
        ("No scenarios", "1"),
        ("Pass rate", "12.5%"),
        ("Scenarios", "11 (4 passed, 4 failed, 3 skipped)"),
    ]:
        row = next(line for line in lines if line.startswith(f"| {label} "))
        assert [cell.strip() for cell in row.strip("|").split("|")] == [label, value]
    rows = {
        line.split("|")[1].strip(): [c.strip() for c in line.strip("|").split("|")]
        for line in lines
        if line.startswith("| DEMO-")
    }
    assert list(rows) == [f"DEMO-{n}" for n in range(1, 10)]
    assert rows["DEMO-3"][3] == "failed (known upstream difference)"
    assert rows["DEMO-4"][3:] == [
        "not applicable",
        "The clock can be advanced: skipped (needs simulator control)",
    ]
    assert rows["DEMO-1"][4] == (
        'Unordered modules are sorted: Then they apply as "1, 2, 3": '
        "AssertionError: assert '3, 1, 2' == '1, 2, 3'<br>"
        'Lower order values apply first [9, 0-0, 9]: Then they apply as "0, 9": '
        "AssertionError: assert '9, 0' == '0, 9'<br>"
        "passed: Ordered modules keep their order; Lower order values apply first [1, 4-1, 4]"
    )
    assert "## Tags naming no requirement" in lines


def with_odd_requirement(report: Report) -> Report:
    """The mixed run's first requirement, renamed with text that breaks tables and HTML."""
    first = report.requirements[0]
    odd = replace(first.requirement, id="X|1", area="a|b", statement="<script>x()</script>")
    return replace(report, requirements=(replace(first, requirement=odd),))


def test_markdown_escapes_table_breaking_text(build: Callable[[str], Report]) -> None:
    text = render_markdown(with_odd_requirement(build("mixed")))
    row = next(line for line in text.splitlines() if line.startswith("| X"))
    cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", row.strip("|"))]
    assert cells[:4] == ["X\\|1", "a\\|b", "&lt;script&gt;x()&lt;/script&gt;", "failed"]


class ReportPage(HTMLParser):
    """Collects what a reader and a browser would get from the page."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, dict[str, str]] = {}
        self.fetches: list[str] = []
        self.bar: dict[str, str] = {}
        self.filters: list[str] = []
        self.areas: list[str] = []
        self._row: dict[str, str] | None = None
        self._cell = 0
        self._text: list[str] = []
        self._bar_status: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag in {"script", "img", "link", "iframe"} and (attr.get("src") or attr.get("href")):
            self.fetches.append(f"{tag} {attr.get('src') or attr.get('href')}")
        if tag == "tr" and "data-status" in attr:
            self._row, self._cell = {"status": attr["data-status"] or ""}, 0
        elif tag == "td" and self._row is not None:
            self._cell += 1
            self._text = []
        elif tag == "button" and "data-status" in attr:
            self._bar_status = attr["data-status"]
        elif tag == "input" and attr.get("name") == "status":
            self.filters.append(attr.get("value") or "")
        elif tag == "option" and attr.get("value"):
            self.areas.append(attr["value"] or "")

    def handle_data(self, data: str) -> None:
        self._text.append(data)
        if self._bar_status:
            self.bar[self._bar_status] = data

    def handle_endtag(self, tag: str) -> None:
        if tag == "button":
            self._bar_status = None
        if tag == "td" and self._row is not None:
            self._row[["id", "area", "requirement", "label", "evidence"][self._cell - 1]] = "".join(
                self._text
            )
        if tag == "tr" and self._row is not None:
            self.rows[self._row["id"]] = self._row
            self._row = None


def test_html_holds_every_requirement_with_status_and_evidence(mixed_dir: Path) -> None:
    page = ReportPage()
    page.feed((mixed_dir / OUTPUT_NAMES["html"]).read_text())
    page.close()
    assert list(page.rows) == [f"DEMO-{n}" for n in range(1, 10)]
    statuses = {i: r["status"] for i, r in page.rows.items()}
    assert statuses == verdicts(load_report(mixed_dir / OUTPUT_NAMES["json"]))
    assert page.rows["DEMO-3"]["label"] == "failedknown upstream difference"
    assert page.rows["DEMO-9"]["evidence"] == (
        "The module store answers: before its first step"
        'failed on setup with "ConnectionError: module store unreachable"'
    )
    assert page.rows["DEMO-2"]["requirement"] == (
        "Unordered modules are sorted before they apply"
        "Trove blueprint module-management-ordering: Proposed Change"
    )


def test_html_is_self_contained_with_summary_bar_and_filters(mixed_dir: Path) -> None:
    html = (mixed_dir / OUTPUT_NAMES["html"]).read_text()
    page = ReportPage()
    page.feed(html)
    assert page.fetches == []
    assert "http://" not in html.replace("http://trove.example:8779", "")
    assert "https://" not in html
    assert page.bar == {
        "passed": "1",
        "failed": "5",
        "skipped": "1",
        "not_applicable": "1",
        "no_scenarios": "1",
    }
    assert page.filters == ["passed", "failed", "skipped", "not_applicable", "no_scenarios"]
    assert page.areas == ["Apply ordering", "Module store", "Reapply", "Simulated time"]


def test_html_escapes_requirements_and_messages(build: Callable[[str], Report]) -> None:
    html = render_html(with_odd_requirement(build("mixed")))
    assert html.count("<script>") == 1
    assert "&lt;script&gt;x()&lt;/script&gt;" in html
    assert "assert &#x27;3, 1, 2&#x27; == &#x27;1, 2, 3&#x27;" in html


@pytest.mark.parametrize("run", ["passing", "failing", "skipped", "mixed", "mixed-noplugin"])
def test_json_matches_its_documented_schema_and_reads_back(tmp_path: Path, run: str) -> None:
    report = write_reports([RUNS_DIR / run], tmp_path, {"json"}, CATALOGUE)
    data = json.loads((tmp_path / OUTPUT_NAMES["json"]).read_text())
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert data == report_to_dict(report)
    assert load_report(tmp_path / OUTPUT_NAMES["json"]) == report


def test_json_summary_figures(mixed_dir: Path) -> None:
    data = json.loads((mixed_dir / OUTPUT_NAMES["json"]).read_text())
    assert data["summary"] == {
        "requirements": {
            "total": 9,
            "passed": 1,
            "failed": 5,
            "skipped": 1,
            "not_applicable": 1,
            "no_scenarios": 1,
            "known_differences": 1,
        },
        "pass_percentage": 12.5,
        "scenarios": {"total": 11, "passed": 4, "failed": 4, "skipped": 3},
    }
    clock = next(s for s in data["scenarios"] if s["name"] == "The clock can be advanced")
    assert clock == {
        "key": "features/control.feature::test_the_clock_can_be_advanced",
        "feature": "Simulator control and differences from upstream",
        "uri": "features/control.feature",
        "name": "The clock can be advanced",
        "test_id": "test_the_clock_can_be_advanced",
        "tags": ["DEMO-4", "simulator-only"],
        "status": "skipped",
        "step": None,
        "message": "needs simulator control",
    }


def test_json_schema_rejects_a_wrong_verdict(mixed_dir: Path) -> None:
    data = json.loads((mixed_dir / OUTPUT_NAMES["json"]).read_text())
    data["requirements"][0]["verdict"] = "mostly"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(SCHEMA).validate(data)


def test_junit_has_one_case_per_requirement_read_by_junitparser(mixed_dir: Path) -> None:
    xml = JUnitXml.fromfile(str(mixed_dir / OUTPUT_NAMES["junit"]))
    suites = list(xml)
    assert len(suites) == 1
    suite = suites[0]
    assert (suite.tests, suite.failures, suite.skipped, suite.errors) == (9, 5, 3, 0)
    outcomes = {}
    for case in suite:
        kinds = [type(result) for result in case.result]
        outcomes[case.name.split(":")[0]] = (
            "failure" if Failure in kinds else "skipped" if Skipped in kinds else "pass"
        )
    assert outcomes == {
        "DEMO-1": "failure",
        "DEMO-2": "failure",
        "DEMO-3": "failure",
        "DEMO-4": "skipped",
        "DEMO-5": "skipped",
        "DEMO-6": "skipped",
        "DEMO-7": "failure",
        "DEMO-8": "pass",
        "DEMO-9": "failure",
    }
    case = next(c for c in suite if c.name.startswith("DEMO-3:"))
    assert case.name == "DEMO-3: Ties keep the order of the request"
    assert case.classname == "Apply ordering"
    assert case.result[0].message == (
        "failed (known upstream difference): Ties keep the order of the request: "
        "Then they apply as \"1, 2b, 2a\": AssertionError: assert '2b, 1, 2a' == '1, 2b, 2a'"
    )
    na = next(c for c in suite if c.name.startswith("DEMO-4:"))
    assert na.result[0].message == (
        "not applicable: The clock can be advanced: skipped (needs simulator control)"
    )


def test_every_format_is_written_by_default(mixed_dir: Path) -> None:
    assert sorted(p.name for p in mixed_dir.iterdir()) == sorted(
        OUTPUT_NAMES[name] for name in FORMATS
    )
