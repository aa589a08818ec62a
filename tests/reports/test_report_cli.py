"""``trovesim report``: files written, the threshold's exit code, and --compare."""

from __future__ import annotations

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
    code, out, err = report_cmd(run / "cucumber.json", run / "junit.xml", "--catalogue", CATALOGUE)
    assert (code, err) == (0, "")
    assert sorted(p.name for p in run.iterdir()) == sorted(
        ["cucumber.json", "junit.xml", "run.json", *OUTPUT_NAMES.values()]
    )
    assert "| Pass rate       | 12.5%" in out
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
        ("passing", "88.9", 0),
        ("passing", "89", 1),
        ("mixed", "12.5", 0),
        ("mixed", "50", 1),
        ("skipped", "0", 0),
        ("skipped", "0.1", 1),
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


def test_compare_lists_only_differing_requirements_side_by_side(report_cmd: Cmd) -> None:
    code, out, _ = report_cmd(
        "--compare", RUNS_DIR / "passing", RUNS_DIR / "mixed", "--catalogue", CATALOGUE
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"A: {RUNS_DIR / 'passing'} (target in-process, pass rate 88.9%)"
    assert lines[1] == (
        f"B: {RUNS_DIR / 'mixed'} (target http://trove.example:8779, pass rate 12.5%)"
    )
    rows = {
        cells[0]: cells[1:4]
        for line in lines
        if line.startswith("| DEMO-")
        for cells in [[c.strip() for c in line.strip("|").split("|")]]
    }
    assert rows == {
        "DEMO-1": ["Apply ordering", "passed", "failed"],
        "DEMO-2": ["Apply ordering", "passed", "failed"],
        "DEMO-3": ["Apply ordering", "passed", "failed (known upstream difference)"],
        "DEMO-4": ["Simulated time", "passed", "not applicable"],
        "DEMO-5": ["Reapply", "passed", "skipped"],
        "DEMO-7": ["Apply ordering", "passed", "failed"],
        "DEMO-9": ["Module store", "passed", "failed"],
    }
    assert lines[-1] == "7 of 9 requirements differ."
    demo4 = next(line for line in lines if line.startswith("| DEMO-4"))
    assert "The clock can be advanced: skipped (needs simulator control)" in demo4


def test_compare_reads_saved_reports_and_result_dirs_alike(tmp_path: Path, report_cmd: Cmd) -> None:
    saved = tmp_path / "saved"
    report_cmd(RUNS_DIR / "failing", "--out", saved, "--format", "json", "--catalogue", CATALOGUE)
    from_results = report_cmd(
        "--compare", RUNS_DIR / "failing", RUNS_DIR / "passing", "--catalogue", CATALOGUE
    )[1]
    for a in (saved, saved / "compliance.json"):
        from_saved = report_cmd("--compare", a, RUNS_DIR / "passing", "--catalogue", CATALOGUE)[1]
        assert from_saved.splitlines()[2:] == from_results.splitlines()[2:]


def test_compare_of_serial_and_xdist_runs_finds_no_difference(report_cmd: Cmd) -> None:
    code, out, _ = report_cmd(
        "--compare", RUNS_DIR / "mixed", RUNS_DIR / "mixed-xdist", "--catalogue", CATALOGUE
    )
    assert code == 0
    assert out.splitlines()[-1] == "No requirement's verdict differs (9 compared)."


def test_compare_shows_requirements_only_one_catalogue_has(tmp_path: Path, report_cmd: Cmd) -> None:
    text = CATALOGUE.read_text().replace('id = "DEMO-6"', 'id = "NEW-1"')
    catalogue = tmp_path / "requirements.toml"
    catalogue.write_text(text, encoding="utf-8")
    saved = tmp_path / "saved"
    report_cmd(RUNS_DIR / "mixed", "--out", saved, "--format", "json", "--catalogue", catalogue)
    out = report_cmd("--compare", RUNS_DIR / "mixed", saved, "--catalogue", CATALOGUE)[1]
    rows = [line for line in out.splitlines() if line.startswith("| ") and "---" not in line]
    cells = [[c.strip() for c in row.strip("|").split("|")] for row in rows[1:]]
    assert cells == [
        [
            "DEMO-6",
            "Reapply",
            "no scenarios",
            "absent",
            "no scenario carries @DEMO-6",
            "not in this run's catalogue",
        ],
        [
            "NEW-1",
            "Reapply",
            "absent",
            "no scenarios",
            "not in this run's catalogue",
            "no scenario carries @NEW-1",
        ],
    ]


@pytest.mark.parametrize(("threshold", "code"), [("0", 0), ("1", 1)])
def test_fail_under_when_nothing_applies(
    tmp_path: Path, report_cmd: Cmd, threshold: str, code: int
) -> None:
    entries = CATALOGUE.read_text().split("[[requirement]]")
    kept = [e for e in entries[1:] if '"DEMO-4"' in e or '"DEMO-8"' in e]
    catalogue = tmp_path / "requirements.toml"
    catalogue.write_text("".join(f"[[requirement]]{e}" for e in kept), encoding="utf-8")
    result = report_cmd(
        RUNS_DIR / "skipped", "--out", tmp_path, "--fail-under", threshold, "--catalogue", catalogue
    )
    assert "| Pass rate       | n/a" in result[1]
    assert result[0] == code
    if code:
        assert result[2] == "pass rate n/a is below --fail-under 1%\n"
