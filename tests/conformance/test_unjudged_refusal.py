"""A request refused in a When step that no step judged stops the scenario at once, naming the
refused step and Trove's answer, instead of failing later with a misleading 404."""

from __future__ import annotations

import shutil
from pathlib import Path

from conformance_runs import run_suite

from trovesim.suite import catalogue_path

FEATURE = """\
Feature: A refusal nobody expected

  @APP-1
  Scenario: The create is refused but the scenario goes on
    When tenant A creates an instance "inst" with the module "ghost"
    Then the instance "inst" has status ACTIVE
"""


def test_the_next_step_names_the_refused_request(tmp_path: Path) -> None:
    features = tmp_path / "features"
    features.mkdir()
    shutil.copy(catalogue_path(), features / "requirements.toml")
    (features / "refused.feature").write_text(FEATURE)
    run = run_suite(tmp_path, env={"TROVESIM_FEATURES": str(features)})
    assert list(run.verdicts.values()) == ["failed"], run.output[-3000:]
    expected = (
        '"When tenant A creates an instance "inst" with the module "ghost"" was refused with '
        "404 Module with ID "
    )
    assert expected in run.output, run.output[-3000:]
    assert "no step expected that, so the scenario cannot go on" in run.output
    assert "cannot be found" not in run.output  # the show of an instance never created
