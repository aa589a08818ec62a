"""A user's own features: ``trovesim verify --features``, with or without a catalogue, on the
simulator and on a server; what the console and the reports say of them."""

from __future__ import annotations

import json
from pathlib import Path

from served import serving
from verify_runs import verify

PASSING = """\
Feature: My ordering
  Scenario: Priority modules come first
    Given the admin has created these modules:
      | name | priority apply | apply order |
      | low  | no             | 5           |
      | high | yes            | 5           |
    And the admin has created an instance "inst"
    When the admin applies "low" and "high" to "inst"
    Then the modules are applied in this order:
      | Name | Priority Apply | Apply Order |
      | high | Yes            | 5           |
      | low  | No             | 5           |
"""
# The same scenario, expecting the wrong order: its Then step fails (and its message is longer
# than the 500 characters JUnit XML keeps in a message attribute).
FAILING = PASSING.replace(
    "| high | Yes            | 5           |\n      | low  | No             | 5           |",
    "| low  | No             | 5           |\n      | high | Yes            | 5           |",
)
CATALOGUE = """\
title = "My team's rules"

[[requirement]]
id = "MY-1"
area = "ordering"
statement = "Priority modules are applied first."
source = "our runbook"
"""


def _folder(root: Path, feature: str, catalogue: str | None = None) -> Path:
    folder = root / "mine"
    folder.mkdir()
    (folder / "ordering.feature").write_text(feature, encoding="utf-8")
    if catalogue is not None:
        (folder / "requirements.toml").write_text(catalogue, encoding="utf-8")
    return folder


def _report(workdir: Path) -> dict:
    return json.loads((workdir / "report" / "compliance.json").read_text(encoding="utf-8"))


def test_a_folder_without_a_catalogue_runs_and_its_scenario_passes(tmp_path: Path) -> None:
    _folder(tmp_path, PASSING)
    run = verify(tmp_path, "--features", "mine")
    assert run.exit_code == 0, run.stdout + run.stderr
    assert "INTERNALERROR" not in run.stdout + run.stderr
    report = _report(tmp_path)
    assert report["summary"]["outcome"] == "passed"
    assert report["summary"]["catalogue"]["applied"] is False
    [scenario] = report["scenarios"]
    assert (scenario["name"], scenario["label"]) == ("Priority modules come first", "Compliant")
    assert "| Requirements    | no requirements catalogue" in run.stdout


def test_a_failing_user_scenario_is_not_compliant_and_told_where(tmp_path: Path) -> None:
    _folder(tmp_path, FAILING)
    run = verify(tmp_path, "--features", "mine")
    assert run.exit_code == 1
    [scenario] = _report(tmp_path)["scenarios"]
    assert scenario["label"] == "Not compliant"
    assert scenario["step"] == "Then the modules are applied in this order:"
    # The whole expected/got table, both rows of each, reaches the report.
    rows = scenario["message"].splitlines()
    assert [row.split("|")[2].strip() for row in rows if row.startswith("| >")] == [
        "low",
        "high",
        "high",
        "low",
    ]
    console = run.stdout
    assert "mine/ordering.feature:2: Scenario: Priority modules come first" in console
    assert (
        "mine/ordering.feature:9: Then the modules are applied in this order:   <- this step failed"
    ) in console
    assert "expected (rows that differ are marked >):" in console
    assert "call_fixture_func" not in console  # pytest's internals only with -v
    assert "(pytest's traceback: add -- -v)" in console


def test_verbose_adds_pytest_traceback_below(tmp_path: Path) -> None:
    _folder(tmp_path, FAILING)
    run = verify(tmp_path, "--features", "mine", "--", "-v")
    console = run.stdout
    assert console.index("<- this step failed") < console.index("pytest's traceback")
    assert "call_fixture_func" in console


def test_a_catalogue_beside_the_features_gives_requirement_verdicts(tmp_path: Path) -> None:
    _folder(tmp_path, "@MY-1\n" + PASSING, CATALOGUE)
    run = verify(tmp_path, "--features", "mine")
    assert run.exit_code == 0, run.stdout + run.stderr
    report = _report(tmp_path)
    assert report["title"] == "My team's rules"
    assert [(r["id"], r["label"]) for r in report["requirements"]] == [("MY-1", "Compliant")]


def test_with_builtin_runs_beside_the_shipped_suite_and_its_catalogue(tmp_path: Path) -> None:
    _folder(tmp_path, PASSING)
    run = verify(tmp_path, "--features", "mine", "--with-builtin", "--", "-k", "priority_modules")
    assert run.exit_code == 0, run.stdout + run.stderr
    report = _report(tmp_path)
    assert report["summary"]["catalogue"]["applied"] is True
    assert report["summary"]["requirements"]["total"] > 100
    mine = [s for s in report["scenarios"] if s["uri"].endswith("mine/ordering.feature")]
    assert [s["label"] for s in mine] == ["Compliant"]


def test_user_features_run_against_a_server(tmp_path: Path) -> None:
    _folder(tmp_path, PASSING)
    with serving("--clock", "virtual") as url:
        run = verify(tmp_path, "--features", "mine", "--target", url)
    assert run.exit_code == 0, run.stdout + run.stderr
    [scenario] = _report(tmp_path)["scenarios"]
    assert scenario["label"] == "Compliant"
    assert run.run["target"] == url
