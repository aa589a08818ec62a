"""Reading recorded runs: JUnit XML with the plugin's properties, and run.json."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from report_suite import RUNS_DIR, TABLE_MESSAGE
from trovesim.reports.results import Leftover, ResultsError, RunInfo, read_results

REMOTE = "http://trove.example:8779"
TMP = re.compile(r"/tmp/[^/]+/")


def by_name(path: Path) -> dict:
    return {s.name: s for s in read_results([path]).scenarios}


def copy_run(name: str, into: Path) -> Path:
    shutil.copytree(RUNS_DIR / name, into / name)
    return into / name


def test_passing_run_has_every_scenario_with_feature_scenario_and_example_tags() -> None:
    scenarios = by_name(RUNS_DIR / "passing")
    assert len(scenarios) == 18
    assert {s.outcome for s in scenarios.values()} == {"passed"}
    unordered = scenarios["Unordered modules are sorted"]
    assert (unordered.feature, unordered.uri) == ("Apply ordering", "features/ordering.feature")
    assert (unordered.tags, unordered.line) == (("DEMO-1", "DEMO-2"), 14)
    assert scenarios["Ties keep the order of the request"].tags == ("DEMO-3", "upstream-differs")
    assert scenarios["A single module applies"].tags == ()
    outline_rows = sorted(name for name in scenarios if name.startswith("Lower order"))
    assert outline_rows == [
        "Lower order values apply first [1, 4-1, 4]",
        "Lower order values apply first [9, 0-0, 9]",
    ]


def test_scenarios_come_in_feature_file_order() -> None:
    scenarios = read_results([RUNS_DIR / "mixed"]).scenarios
    assert [(s.uri, s.line) for s in scenarios] == sorted((s.uri, s.line) for s in scenarios)


def test_a_failing_step_is_recorded_with_keyword_and_exception_class() -> None:
    scenarios = by_name(RUNS_DIR / "mixed")
    unordered = scenarios["Unordered modules are sorted"]
    assert (unordered.outcome, unordered.step, unordered.keyword, unordered.exception) == (
        "failed",
        'Then they apply as "1, 2, 3"',
        "Then",
        "builtins.AssertionError",
    )
    assert unordered.message.splitlines()[0] == "AssertionError: assert '3, 1, 2' == '1, 2, 3'"
    assert not unordered.could_not_judge


def test_and_steps_take_the_keyword_they_continue() -> None:
    scenarios = by_name(RUNS_DIR / "mixed")
    ties = scenarios["Ties keep the order of the request"]
    assert (ties.step, ties.keyword) == ('And they apply as "1, 2b, 2a"', "Then")
    switch = scenarios["Ties break like upstream on request"]
    assert (switch.step, switch.keyword) == ("And the target breaks ties like upstream", "Given")


def test_a_background_step_failure_is_a_given_failure() -> None:
    seeded = by_name(RUNS_DIR / "mixed")["A seeded store lists its modules"]
    assert (seeded.step, seeded.keyword) == ("Given a seeded module store", "Given")
    assert seeded.message == "AssertionError: seeding refused: 400 Resource 15 cannot be found."


def test_a_step_without_definition_could_not_judge() -> None:
    lacking = by_name(RUNS_DIR / "untagged")["A check whose step the suite lacks"]
    assert (lacking.step, lacking.keyword, lacking.exception, lacking.could_not_judge) == (
        "Then the order is logged",
        "Then",
        "pytest_bdd.exceptions.StepDefinitionNotFoundError",
        True,
    )
    assert lacking.message.startswith(
        "pytest_bdd.exceptions.StepDefinitionNotFoundError: Step definition is not found: "
        'Then "the order is logged". Line 16'
    )


def test_could_not_judge_exceptions_are_flagged() -> None:
    listed = by_name(RUNS_DIR / "mixed")["The module list shows every module"]
    assert (listed.keyword, listed.exception, listed.could_not_judge) == (
        "When",
        "test_suite.TargetUnreachable",
        True,
    )
    assert listed.message == (
        "test_suite.TargetUnreachable: GET /modules: connection refused (http://trove.example:8779)"
    )


def test_setup_errors_and_skips_keep_their_outcome_and_reason() -> None:
    scenarios = by_name(RUNS_DIR / "mixed")
    store = scenarios["The module store answers"]
    assert (store.outcome, store.step) == ("error", None)
    assert store.message == 'failed on setup with "ConnectionError: module store unreachable"'
    clock = scenarios["The clock can be advanced"]
    assert (clock.outcome, clock.message) == ("skipped", "needs simulator control")
    clusters = scenarios["Cluster members get a reapplied module"]
    assert clusters.message == "not applicable: the target cannot build clusters"
    reapplied = scenarios["A module can be reapplied"]
    assert (reapplied.outcome, reapplied.message) == ("skipped", "target cannot reapply")


def test_the_whole_expected_got_table_is_kept() -> None:
    listed = by_name(RUNS_DIR / "failing")["The module list shows every module"]
    assert listed.message == TABLE_MESSAGE
    assert "| ping\tpong        | ping   |" in listed.message.splitlines()


@pytest.mark.parametrize("run", ["selected", "selected-xdist"])
def test_deselected_scenarios_are_recorded_serial_and_under_xdist(run: str) -> None:
    scenarios = read_results([RUNS_DIR / run]).scenarios
    deselected = {s.name for s in scenarios if s.outcome == "deselected"}
    ran = {s.name for s in scenarios if s.outcome != "deselected"}
    assert ran == {
        "The clock can be advanced",
        "Guest timestamps on a pinned clock",
        "A module can be reapplied",
    }
    assert len(deselected) == 15 and "Cluster members get a reapplied module" in deselected
    user = next(s for s in scenarios if s.name == "Two modules apply in order")
    assert (user.feature, user.uri, user.tags, user.line) == (
        "A user's own checks",
        "features/user.feature",
        (),
        9,
    )


def test_xdist_run_reads_the_same_as_serial() -> None:
    def outline(path: Path) -> list[tuple]:
        """What was recorded, but the temporary folder each run happened in."""
        return [
            (s.key, s.outcome, s.tags, s.step, s.keyword, s.exception, TMP.sub("", s.message or ""))
            for s in read_results([path]).scenarios
        ]

    assert outline(RUNS_DIR / "mixed-xdist") == outline(RUNS_DIR / "mixed")


def test_without_the_plugin_every_test_is_listed_unattributed() -> None:
    results = read_results([RUNS_DIR / "mixed-noplugin"])
    assert results.scenarios == ()
    assert len(results.unattributed) == 18
    assert "test_suite::test_the_module_store_answers" in results.unattributed


def test_a_run_recorded_before_keywords_were_recorded_takes_the_step_s_first_word(
    tmp_path: Path,
) -> None:
    run = copy_run("mixed", tmp_path)
    junit = run / "junit.xml"
    text = re.sub(
        r'<property name="bdd_(failed_keyword|exception|could_not_judge|line)"[^>]*/>',
        "",
        junit.read_text(),
    )
    junit.write_text(text, encoding="utf-8")
    scenarios = by_name(run)
    assert scenarios["A seeded store lists its modules"].keyword == "Given"
    assert scenarios["Ties keep the order of the request"].keyword is None  # an And step
    assert not scenarios["The module list shows every module"].could_not_judge


def test_run_information_comes_from_run_json() -> None:
    info = read_results([RUNS_DIR / "mixed"]).info
    recorded = json.loads((RUNS_DIR / "mixed" / "run.json").read_text())
    assert info == RunInfo(
        REMOTE,
        recorded["started"],
        recorded["finished"],
        1,
        builds={"instances": 12, "clusters": 1},
        waited_seconds=83.5,
        profile={"flavor": "m1.small (id 7a1c)", "datastore": "mysql 8.0"},
        leftovers=(
            Leftover(
                "cluster",
                "5f0c9d2e-4d0b-4a57-9f59-3c1b8e2a7d10",
                "reapply-cluster-sx3k9q",
                "delete refused: 409 Cluster is busy",
            ),
        ),
    )


def test_old_run_json_without_the_new_keys_reads(tmp_path: Path) -> None:
    info = read_results([RUNS_DIR / "failing"]).info
    assert (info.builds, info.waited_seconds, info.profile, info.leftovers) == (
        None,
        None,
        None,
        (),
    )


def test_without_run_json_the_date_is_junit_timestamp(tmp_path: Path) -> None:
    shutil.copy(RUNS_DIR / "mixed" / "junit.xml", tmp_path / "junit.xml")
    info = read_results([tmp_path / "junit.xml"]).info
    assert (info.target, info.finished, info.exit_code) == (None, None, None)
    assert info.started and info.started.startswith(
        json.loads((RUNS_DIR / "mixed" / "run.json").read_text())["started"][:10]
    )


def test_a_run_that_never_started_is_refused_with_its_preflight_lines(tmp_path: Path) -> None:
    run = copy_run("mixed", tmp_path)
    lines = ["http://trove.example:8779: connection refused", "admin token: 401 Unauthorized"]
    (run / "run.json").write_text(json.dumps({"target": REMOTE, "preflight": lines}))
    with pytest.raises(ResultsError) as error:
        read_results([run])
    assert str(error.value) == (
        f"{run / 'run.json'}: the run never started; preflight found: "
        "http://trove.example:8779: connection refused; admin token: 401 Unauthorized"
    )


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("cucumber.json", "[]", "JSON results are not read; give the run's JUnit XML"),
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


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('{"exit_code": "1"}', "'exit_code' must be a int"),
        ('{"builds": {"instances": 2}}', "'builds' must be an object"),
        ('{"builds": {"instances": -1, "clusters": 0}}', "'builds' must be an object"),
        ('{"waited_seconds": "long"}', "'waited_seconds' must be a number of seconds"),
        ('{"profile": {"flavor": 7}}', "'profile' must be an object of strings"),
        ('{"leftovers": [{"kind": "instance"}]}', "'leftovers' must be a list of"),
        ('{"preflight": "down"}', "'preflight' must be a list of strings"),
        ("[]", "run information must be a JSON object"),
    ],
)
def test_bad_run_json_is_refused(tmp_path: Path, content: str, problem: str) -> None:
    shutil.copy(RUNS_DIR / "mixed" / "junit.xml", tmp_path / "junit.xml")
    (tmp_path / "run.json").write_text(content, encoding="utf-8")
    with pytest.raises(ResultsError, match=re.escape(problem)):
        read_results([tmp_path])


def test_missing_path_and_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(ResultsError, match="no such results file or directory"):
        read_results([tmp_path / "absent.xml"])
    with pytest.raises(ResultsError, match="no JUnit XML results in"):
        read_results([tmp_path])
