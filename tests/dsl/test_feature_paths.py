"""Which features and catalogues a run reads (trovesim.suite), and the reports' catalogue."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from trovesim.reports.catalogue import suite_catalogue

from trovesim.cli import main
from trovesim.suite import (
    FEATURES_VARIABLE,
    catalogue_paths,
    feature_paths,
    requirement_ids,
    shipped_features_dir,
)

ENTRY = '[[requirement]]\nid = "{}"\narea = "a"\nstatement = "s"\nsource = "o"\n'


def _folder(root: Path, name: str, *ids: str) -> Path:
    folder = root / name
    folder.mkdir()
    (folder / "f.feature").write_text("Feature: F\n", encoding="utf-8")
    if ids:
        text = f'title = "{name}"\n' + "".join(ENTRY.format(i) for i in ids)
        (folder / "requirements.toml").write_text(text, encoding="utf-8")
    return folder


def test_without_the_variable_the_shipped_suite_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(FEATURES_VARIABLE, raising=False)
    assert feature_paths() == (shipped_features_dir(),)
    assert catalogue_paths() == (shipped_features_dir() / "requirements.toml",)


def test_several_paths_and_only_the_catalogues_that_exist(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine, bare = _folder(tmp_path, "mine", "MY-1", "MY-2"), _folder(tmp_path, "bare")
    theirs = _folder(tmp_path, "theirs", "MY-2", "TH-1")
    paths = [mine, bare / "f.feature", theirs]
    monkeypatch.setenv(FEATURES_VARIABLE, os.pathsep.join(map(str, paths)))
    assert feature_paths() == tuple(paths)
    assert catalogue_paths() == (mine / "requirements.toml", theirs / "requirements.toml")
    assert requirement_ids() == ("MY-1", "MY-2", "TH-1")
    catalogue = suite_catalogue()
    assert catalogue.title == "mine"
    assert [r.id for r in catalogue.requirements] == ["MY-1", "MY-2", "TH-1"]


def test_a_folder_without_a_catalogue_has_no_requirements(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(FEATURES_VARIABLE, str(_folder(tmp_path, "bare")))
    assert requirement_ids() == ()
    assert suite_catalogue().requirements == ()


def test_a_variable_naming_nothing_is_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setenv(FEATURES_VARIABLE, str(tmp_path / "nowhere"))
    assert main(["verify", "--dry-run"]) == 2
    err = capsys.readouterr().err
    assert (
        err
        == f"trovesim verify: no feature files at {tmp_path / 'nowhere'} ({FEATURES_VARIABLE})\n"
    )
