"""Reading recorded pytest-bdd output: what each file misses, and how the two are combined."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from report_suite import RUNS_DIR
from trovesim.reports.results import ResultsError, RunInfo, read_results

REMOTE = "http://trove.example:8779"


def by_name(path: Path) -> dict:
    return {s.name: s for s in read_results([path]).scenarios}


def test_passing_run_has_every_scenario_with_feature_and_scenario_tags() -> None:
    scenarios = by_name(RUNS_DIR / "passing")
    assert len(scenarios) == 11
    assert {s.status for s in scenarios.values()} == {"passed"}
    unordered = scenarios["Unordered modules are sorted"]
    assert (unordered.feature, unordered.uri) == ("Apply ordering", "features/ordering.feature")
    assert unordered.tags == ("DEMO-1", "DEMO-2")
    assert scenarios["Ties keep the order of the request"].tags == ("DEMO-3", "upstream-differs")
    outline_rows = sorted(name for name in scenarios if name.startswith("Lower order"))
    assert outline_rows == [
        "Lower order values apply first [1, 4-1, 4]",
        "Lower order values apply first [9, 0-0, 9]",
    ]


def test_failure_names_the_failing_step_and_assertion() -> None:
    failed = by_name(RUNS_DIR / "failing")["Unordered modules are sorted"]
    assert failed.status == "failed"
    assert failed.step == 'Then they apply as "1, 2, 3"'
    assert failed.message.splitlines()[0] == "AssertionError: assert '3, 1, 2' == '1, 2, 3'"


def test_a_skip_inside_a_step_is_a_skip_although_cucumber_json_says_passed() -> None:
    raw = json.loads((RUNS_DIR / "mixed" / "cucumber.json").read_text())
    element = next(
        e for f in raw for e in f["elements"] if e["name"] == "A module can be reapplied"
    )
    assert [step["result"]["status"] for step in element["steps"]] == ["passed"]
    reapplied = by_name(RUNS_DIR / "mixed")["A module can be reapplied"]
    assert (reapplied.status, reapplied.message) == ("skipped", "target cannot reapply")


def test_scenarios_missing_from_cucumber_json_come_from_junit_properties() -> None:
    raw = json.loads((RUNS_DIR / "mixed" / "cucumber.json").read_text())
    recorded = {e["name"] for f in raw for e in f["elements"]}
    scenarios = by_name(RUNS_DIR / "mixed")
    assert "The clock can be advanced" not in recorded
    clock = scenarios["The clock can be advanced"]
    assert (clock.status, clock.message) == ("skipped", "needs simulator control")
    assert clock.tags == ("DEMO-4", "simulator-only")
    assert clock.feature == "Simulator control and differences from upstream"
    store = scenarios["The module store answers"]
    assert "The module store answers" not in recorded
    assert (store.status, store.step) == ("failed", None)
    assert store.message == 'failed on setup with "ConnectionError: module store unreachable"'


def test_xdist_run_with_empty_cucumber_json_reads_the_same_as_serial() -> None:
    assert json.loads((RUNS_DIR / "mixed-xdist" / "cucumber.json").read_text()) == []

    def outline(path: Path) -> set[tuple]:
        return {
            (s.key, s.status, s.tags, s.step, s.message) for s in read_results([path]).scenarios
        }

    assert outline(RUNS_DIR / "mixed-xdist") == outline(RUNS_DIR / "mixed")


def test_without_the_plugin_skipped_and_setup_failed_tests_are_listed_unattributed() -> None:
    results = read_results([RUNS_DIR / "mixed-noplugin"])
    assert len(results.scenarios) == 8
    assert results.unattributed == (
        "test_suite::test_the_clock_can_be_advanced",
        "test_suite::test_guest_timestamps_on_a_pinned_clock",
        "test_suite::test_the_module_store_answers",
    )


def test_run_information_comes_from_run_json() -> None:
    info = read_results([RUNS_DIR / "mixed"]).info
    recorded = json.loads((RUNS_DIR / "mixed" / "run.json").read_text())
    assert info == RunInfo(REMOTE, recorded["started"], recorded["finished"], 1)


def test_without_run_json_the_date_is_junit_timestamp(tmp_path: Path) -> None:
    for name in ("cucumber.json", "junit.xml"):
        shutil.copy(RUNS_DIR / "mixed" / name, tmp_path / name)
    info = read_results([tmp_path / "cucumber.json", tmp_path / "junit.xml"]).info
    assert (info.target, info.finished, info.exit_code) == (None, None, None)
    assert info.started and info.started.startswith(
        json.loads((RUNS_DIR / "mixed" / "run.json").read_text())["started"][:10]
    )


def test_cucumber_json_alone_misses_skips_and_setup_errors(tmp_path: Path) -> None:
    shutil.copy(RUNS_DIR / "mixed" / "cucumber.json", tmp_path / "cucumber.json")
    scenarios = by_name(tmp_path / "cucumber.json")
    assert len(scenarios) == 8
    assert "The clock can be advanced" not in scenarios
    assert "The module store answers" not in scenarios
    assert scenarios["A module can be reapplied"].status == "passed"


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("cucumber.json", "{not json", "cannot read JSON"),
        ("cucumber.json", '{"features": []}', "not cucumber JSON (expected a list of features)"),
        ("cucumber.json", '[{"name": "x"}]', "not pytest-bdd cucumber JSON (bad or missing"),
        ("compliance.json", '{"requirements": []}', "is a compliance report"),
        ("junit.xml", "<html></html>", "not JUnit XML (root element <html>)"),
        ("junit.xml", "<testsuite>", "cannot read JUnit XML"),
    ],
)
def test_unreadable_results_are_refused_with_the_file_named(
    tmp_path: Path, name: str, content: str, problem: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ResultsError) as error:
        read_results([path])
    assert str(error.value).startswith(f"{path}: {problem}")


def test_bad_run_json_is_refused(tmp_path: Path) -> None:
    shutil.copy(RUNS_DIR / "mixed" / "junit.xml", tmp_path / "junit.xml")
    (tmp_path / "run.json").write_text('{"target": "x", "exit_code": "1"}', encoding="utf-8")
    with pytest.raises(ResultsError, match="'exit_code' must be a int"):
        read_results([tmp_path])


def test_missing_path_and_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(ResultsError, match="no such results file or directory"):
        read_results([tmp_path / "absent.json"])
    with pytest.raises(ResultsError, match="no result files in"):
        read_results([tmp_path])
