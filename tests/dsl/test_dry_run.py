"""``trovesim verify --dry-run``: every step bound without a target; typos caught, with the
closest phrases."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from trovesim.cli import main
from trovesim.suite import FEATURES_VARIABLE, shipped_features_dir

TYPO = """\
Feature: Ordering, as I wrote it
  Scenario: A misspelt step
    Given the admin has creatd a ping module "first"
    When tenant A tries to show the module "first"
    Then the request is refused with 404
"""


@pytest.fixture(autouse=True)
def _features_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    """verify --features sets TROVESIM_FEATURES for the run; undo it after each test.

    setenv records the variable's state before the test (delenv alone records nothing when the
    variable is unset), so the teardown removes what verify set and later tests' subprocesses
    run the shipped suite."""
    monkeypatch.setenv(FEATURES_VARIABLE, "")
    monkeypatch.delenv(FEATURES_VARIABLE)


def _shipped_files() -> int:
    return len(list(shipped_features_dir().rglob("*.feature")))


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_typo_is_caught_with_its_line_and_a_suggestion(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    feature = _write(tmp_path / "mine", "typo.feature", TYPO)
    assert main(["verify", "--dry-run", "--features", str(tmp_path / "mine")]) == 1
    out = capsys.readouterr().out
    assert f'{feature}:3: undefined step: Given the admin has creatd a ping module "first"' in out
    suggested = out[out.index("did you mean:") :].splitlines()[1]
    assert (
        suggested.strip()
        == 'Given {who} has created a ping module "{name}"[ with contents "{text}"]'
    )
    assert "e.g. Given " in out
    assert out.rstrip().endswith("3 steps in 1 feature file(s); 1 cannot be bound")


def test_the_shipped_suite_binds_every_step_quickly(capsys: pytest.CaptureFixture) -> None:
    started = time.monotonic()
    assert main(["verify", "--dry-run"]) == 0
    seconds = time.monotonic() - started
    out = capsys.readouterr().out
    assert "undefined" not in out
    assert f"in {_shipped_files()} feature file(s); every one is bound" in out
    assert seconds < 20, f"the dry run took {seconds:.1f} s"


def test_with_builtin_checks_both(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    _write(tmp_path / "mine", "typo.feature", TYPO)
    assert (
        main(["verify", "--dry-run", "--with-builtin", "--features", str(tmp_path / "mine")]) == 1
    )
    shown = f"in {_shipped_files() + 1} feature file(s); 1 cannot be bound"
    assert shown in capsys.readouterr().out


def test_a_step_that_needs_a_table_and_has_none(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    text = "Feature: F\n  Scenario: S\n    Given the admin has created these modules:\n"
    feature = _write(tmp_path, "table.feature", text)
    assert main(["verify", "--dry-run", "--features", str(feature)]) == 1
    out = capsys.readouterr().out
    assert f"{feature}:3: Given the admin has created these modules: takes a table below it" in out


def test_bad_gherkin_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    feature = _write(tmp_path, "broken.feature", "Scenario: S\n  Given no feature\n")
    assert main(["verify", "--dry-run", "--features", str(feature)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"trovesim verify --dry-run: {feature}:1: Misplaced or incorrect")
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("arguments", "says"),
    [
        (["--features", "nowhere"], "--features nowhere: not a .feature file or a folder"),
        (["--features", "."], "--features .: no .feature file in that folder"),
        (["--with-builtin"], "--with-builtin goes with --features PATH"),
    ],
)
def test_bad_feature_paths_are_one_line_and_exit_2(
    arguments: list[str],
    says: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["verify", "--dry-run", *arguments]) == 2
    assert capsys.readouterr().err == f"trovesim verify: {says}\n"
