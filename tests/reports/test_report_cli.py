"""``trovesim report``: files written, the threshold's exit code, and --compare."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from report_suite import CATALOGUE, RUNS_DIR
from trovesim.reports import OUTPUT_NAMES

Cmd = Callable[..., tuple[int, str, str]]


def copy_run(name: str, into: Path) -> Path:
    target = into / name
    shutil.copytree(RUNS_DIR / name, target)
    return target


def test_report_writes_all_formats_beside_the_results_by_default(
    tmp_path: Path, report_cmd: Cmd
) -> None:
    run = copy_run("mixed", tmp_path)
    code, out, err = report_cmd(run / "junit.xml", "--catalogue", CATALOGUE)
    assert (code, err) == (0, "")
    assert sorted(p.name for p in run.iterdir()) == sorted(
        ["junit.xml", "run.json", *OUTPUT_NAMES.values()]
    )
    assert "| Pass rate                       | 9.1% of requirements" in out
    assert "- cluster `5f0c9d2e-4d0b-4a57-9f59-3c1b8e2a7d10`" in out  # leftovers, in the summary
    assert f"wrote {run / 'compliance.html'}" in out.splitlines()


def test_report_of_a_directory_ignores_reports_already_written_there(
    tmp_path: Path, report_cmd: Cmd
) -> None:
    run = copy_run("mixed", tmp_path)
    assert report_cmd(run, "--catalogue", CATALOGUE)[0] == 0
    first = (run / "compliance.json").read_text()
    assert report_cmd(run, "--catalogue", CATALOGUE)[0] == 0
    assert (run / "compliance.json").read_text() == first


def test_out_and_format_choose_where_and_what(tmp_path: Path, report_cmd: Cmd) -> None:
    out_dir = tmp_path / "out"
    code, _, _ = report_cmd(
        RUNS_DIR / "passing", "--out", out_dir, "--format", "md,json", "--catalogue", CATALOGUE
    )
    assert code == 0
    assert sorted(p.name for p in out_dir.iterdir()) == ["compliance.json", "compliance.md"]


@pytest.mark.parametrize(
    ("run", "threshold", "code"),
    [
        ("passing", "92.3", 0),
        ("passing", "93", 1),
        ("mixed", "9.1", 0),
        ("mixed", "50", 1),
        ("selected", "0", 0),
        ("selected", "0.1", 1),
        ("untagged", "33.3", 0),
        ("untagged", "34", 1),
    ],
)
def test_fail_under_exit_code(
    tmp_path: Path, report_cmd: Cmd, run: str, threshold: str, code: int
) -> None:
    result = report_cmd(
        RUNS_DIR / run, "--out", tmp_path, "--fail-under", threshold, "--catalogue", CATALOGUE
    )
    assert result[0] == code
    if code:
        assert result[2].startswith("pass rate ")
        assert result[2].rstrip().endswith(f"is below --fail-under {float(threshold):g}%")


@pytest.mark.parametrize(
    "argv",
    [
        ["--format", "md,pdf"],
        ["--format", ""],
        ["--fail-under", "101"],
        ["--fail-under", "lots"],
    ],
)
def test_bad_options_are_usage_errors(report_cmd: Cmd, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        report_cmd(RUNS_DIR / "mixed", *argv)
    assert exit_.value.code == 2


def test_bad_inputs_exit_2_with_the_reason(tmp_path: Path, report_cmd: Cmd) -> None:
    assert report_cmd() == (
        2,
        "",
        "trovesim report: error: give the run's RESULTS files or directories, or --compare A B\n",
    )
    code, _, err = report_cmd(tmp_path / "absent.json", "--catalogue", CATALOGUE)
    assert (code, err) == (
        2,
        f"trovesim report: error: {tmp_path / 'absent.json'}: no such results file or directory\n",
    )
    code, _, err = report_cmd(RUNS_DIR / "mixed", "--catalogue", tmp_path / "none.toml")
    assert code == 2 and "requirements catalogue not found" in err
    code, _, err = report_cmd(RUNS_DIR / "mixed", "--compare", RUNS_DIR / "a", RUNS_DIR / "b")
    assert code == 2 and "not both" in err


def compare_rows(out: str) -> dict[str, list[str]]:
    return {
        cells[0]: cells[1:5]
        for line in out.splitlines()
        if line.startswith("| ") and "---" not in line and not line.startswith("| ID ")
        for cells in [[c.strip() for c in line.strip("|").split("|")]]
    }


def test_compare_lists_differing_verdicts_and_exits_1_when_one_got_worse(report_cmd: Cmd) -> None:
    code, out, err = report_cmd(
        "--compare", RUNS_DIR / "passing", RUNS_DIR / "mixed", "--catalogue", CATALOGUE
    )
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[0] == (
        f"A: {RUNS_DIR / 'passing'} (target in-process, pass rate 92.3% of requirements)"
    )
    assert lines[1] == (
        f"B: {RUNS_DIR / 'mixed'} (target http://trove.example:8779, pass rate 9.1% of "
        "requirements)"
    )
    assert compare_rows(out) == {
        "DEMO-1": ["Apply ordering", "Compliant", "Not compliant", "worse"],
        "DEMO-2": ["Apply ordering", "Compliant", "Not compliant", "worse"],
        "DEMO-3": ["Apply ordering", "Compliant", "Known upstream difference", "worse"],
        "DEMO-4": ["Simulated time", "Compliant", "Not applicable", "worse"],
        "DEMO-5": ["Reapply", "Compliant", "Skipped", "worse"],
        "DEMO-7": ["Apply ordering", "Compliant", "Not compliant", "worse"],
        "DEMO-9": ["Module store", "Compliant", "Could not be judged", "worse"],
        "DEMO-10": ["Apply ordering", "Compliant", "Could not be judged", "worse"],
        "DEMO-11": ["Module store", "Compliant", "Could not be judged", "worse"],
        "DEMO-12": ["Reapply", "Compliant", "Not applicable", "worse"],
        "DEMO-13": ["Module store", "Compliant", "Could not be judged", "worse"],
        "Two modules apply in order (features/user.feature)": [
            "scenario",
            "Compliant",
            "Not compliant",
            "worse",
        ],
        "A check whose step the suite lacks (features/user.feature)": [
            "scenario",
            "Compliant",
            "Could not be judged",
            "worse",
        ],
    }
    assert lines[-1] == "13 of 17 verdicts differ; 13 got worse from A to B."
    demo4 = next(line for line in lines if line.startswith("| DEMO-4"))
    assert "The clock can be advanced: Not applicable (needs simulator control)" in demo4


def test_compare_exits_0_when_verdicts_only_got_better(report_cmd: Cmd) -> None:
    code, out, _ = report_cmd(
        "--compare", RUNS_DIR / "mixed", RUNS_DIR / "passing", "--catalogue", CATALOGUE
    )
    assert code == 0
    assert out.splitlines()[-1] == "13 of 17 verdicts differ; 0 got worse from A to B."
    assert all(row[3] == "" for row in compare_rows(out).values())


def test_compare_reads_saved_reports_and_result_dirs_alike(tmp_path: Path, report_cmd: Cmd) -> None:
    saved = tmp_path / "saved"
    report_cmd(RUNS_DIR / "failing", "--out", saved, "--format", "json", "--catalogue", CATALOGUE)
    from_results = report_cmd(
        "--compare", RUNS_DIR / "failing", RUNS_DIR / "passing", "--catalogue", CATALOGUE
    )[1]
    for a in (saved, saved / "compliance.json"):
        from_saved = report_cmd("--compare", a, RUNS_DIR / "passing", "--catalogue", CATALOGUE)[1]
        assert from_saved.splitlines()[2:] == from_results.splitlines()[2:]


def test_compare_refuses_a_saved_report_of_another_version(tmp_path: Path, report_cmd: Cmd) -> None:
    saved = tmp_path / "compliance.json"
    saved.write_text('{"format": "trovesim-compliance-report", "version": 1}', encoding="utf-8")
    code, _, err = report_cmd("--compare", saved, RUNS_DIR / "passing", "--catalogue", CATALOGUE)
    assert code == 2
    assert err == (
        f"trovesim report: error: {saved}: report version 1, this trovesim reads 2; build it "
        "again from the run's junit.xml\n"
    )


@pytest.mark.parametrize(("a", "b"), [("mixed", "mixed-xdist"), ("selected", "selected-xdist")])
def test_compare_of_serial_and_xdist_runs_finds_no_difference(
    report_cmd: Cmd, a: str, b: str
) -> None:
    code, out, _ = report_cmd("--compare", RUNS_DIR / a, RUNS_DIR / b, "--catalogue", CATALOGUE)
    assert code == 0
    assert out.splitlines()[-1] == "No verdict differs (17 compared)."


def test_a_selection_is_not_selected_rather_than_worse_than_absent(
    tmp_path: Path, report_cmd: Cmd
) -> None:
    code, out, _ = report_cmd(
        "--compare", RUNS_DIR / "selected", RUNS_DIR / "passing", "--catalogue", CATALOGUE
    )
    assert code == 0
    assert compare_rows(out)["DEMO-1"] == ["Apply ordering", "Not selected", "Compliant", ""]


def test_compare_shows_requirements_only_one_catalogue_has(tmp_path: Path, report_cmd: Cmd) -> None:
    text = CATALOGUE.read_text().replace('id = "DEMO-6"', 'id = "NEW-1"')
    catalogue = tmp_path / "requirements.toml"
    catalogue.write_text(text, encoding="utf-8")
    saved = tmp_path / "saved"
    report_cmd(RUNS_DIR / "mixed", "--out", saved, "--format", "json", "--catalogue", catalogue)
    code, out, _ = report_cmd("--compare", RUNS_DIR / "mixed", saved, "--catalogue", CATALOGUE)
    assert code == 0
    rows = [line for line in out.splitlines() if line.startswith("| ") and "---" not in line]
    assert [[c.strip() for c in row.strip("|").split("|")] for row in rows[1:]] == [
        [
            "DEMO-6",
            "Reapply",
            "No scenarios",
            "absent",
            "",
            "no scenario carries @DEMO-6",
            "not in this run",
        ],
        [
            "NEW-1",
            "Reapply",
            "absent",
            "No scenarios",
            "",
            "not in this run",
            "no scenario carries @NEW-1",
        ],
    ]


@pytest.mark.parametrize("under", ["", "inner", "inner/deeper"])
def test_out_pointing_at_or_under_a_file_is_one_line_and_exit_2(
    tmp_path: Path, report_cmd: Cmd, under: str
) -> None:
    blocker = tmp_path / "report.txt"
    blocker.write_text("", encoding="utf-8")
    out = blocker / under if under else blocker
    assert report_cmd(RUNS_DIR / "mixed", "--out", out, "--catalogue", CATALOGUE) == (
        2,
        "",
        f"trovesim report: error: {blocker}: is a file, not a directory for the reports\n",
    )
    assert blocker.read_text() == ""


def test_a_run_that_never_started_is_refused(tmp_path: Path, report_cmd: Cmd) -> None:
    run = tmp_path / "run"
    run.mkdir()
    info = {"target": "http://trove.example:8779", "preflight": ["admin token: 401 Unauthorized"]}
    (run / "run.json").write_text(json.dumps(info), encoding="utf-8")
    code, out, err = report_cmd(run, "--catalogue", CATALOGUE)
    assert (code, out) == (2, "")
    assert err == (
        f"trovesim report: error: {run / 'run.json'}: the run never started; preflight found: "
        "admin token: 401 Unauthorized\n"
    )
    assert list(run.iterdir()) == [run / "run.json"]


def test_a_run_without_a_catalogue_is_reported_by_scenario(
    tmp_path: Path, report_cmd: Cmd, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TROVESIM_FEATURES", str(tmp_path))  # a user's folder: no catalogue
    code, out, _ = report_cmd(RUNS_DIR / "untagged", "--out", tmp_path / "out")
    assert code == 0
    assert "| Requirements    | no requirements catalogue" in out
    assert "| Outcome         | Not compliant" in out


@pytest.mark.parametrize(("threshold", "code"), [("0", 0), ("1", 1)])
def test_fail_under_when_nothing_applies(
    tmp_path: Path, report_cmd: Cmd, threshold: str, code: int
) -> None:
    entries = CATALOGUE.read_text().split("[[requirement]]")
    kept = [e for e in entries[1:] if '"DEMO-4"' in e or '"DEMO-8"' in e]
    catalogue = tmp_path / "requirements.toml"
    catalogue.write_text("".join(f"[[requirement]]{e}" for e in kept), encoding="utf-8")
    result = report_cmd(
        RUNS_DIR / "selected",
        "--out",
        tmp_path,
        "--fail-under",
        threshold,
        "--catalogue",
        catalogue,
    )
    assert re.search(r"\| Pass rate +\| n/a of requirements ", result[1])
    assert result[0] == code
    if code:
        assert result[2] == "pass rate n/a is below --fail-under 1%\n"
