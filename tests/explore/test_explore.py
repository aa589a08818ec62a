"""``trovesim explore`` against ``trovesim serve``: silent on the real rules, and each broken rule
found, written as a feature that fails on the broken server and passes on the simulator."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from broken_server import BREAKAGES
from served import serving

from trovesim.cli import main
from trovesim.suite import features_dir

SUITE = Path(__file__).resolve().parents[2] / "steps" / "suite.py"
LAUNCHER = Path(__file__).resolve().parent / "broken_server.py"


# A fixed seed per breakage, one under which 60 sequences of 12 steps reach the broken rule.
SEEDS = {"admin lock ignored on update": 3}


def explore(url: str, out: Path, examples: int, steps: int, seed: int = 2) -> int:
    args = ["explore", "--target", url, "--examples", str(examples), "--steps", str(steps)]
    return main([*args, "--seed", str(seed), "--shrink-seconds", "5", "--out", str(out)])


def run_feature(folder: Path, target: str) -> subprocess.CompletedProcess:
    """The written feature through the suite's own runner (TROVESIM_FEATURES)."""
    shutil.copy(features_dir() / "requirements.toml", folder / "requirements.toml")
    command = [sys.executable, "-m", "pytest", str(SUITE), "-p", "trovesim.steps.plugin"]
    command += ["-p", "no:cacheprovider", "-q", f"--target={target}"]
    env = {**os.environ, "TROVESIM_FEATURES": str(folder)}
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False)


def test_no_divergence_against_the_simulators_server(tmp_path: Path, capsys) -> None:
    with serving("--clock", "virtual") as url:
        assert explore(url, tmp_path, examples=20, steps=10) == 0
    summary = json.loads((tmp_path / "explore.json").read_text())
    assert summary["divergences"] == []
    assert summary["sequences"] >= 20 and summary["operations"] > 100
    assert "no divergence" in capsys.readouterr().out


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_a_broken_rule_is_found_and_written_as_a_failing_feature(
    breakage: str, tmp_path: Path
) -> None:
    out = tmp_path / "found"
    launcher = [sys.executable, str(LAUNCHER), breakage]
    with serving("--clock", "virtual", launcher=launcher) as url:
        assert explore(url, out, 60, 12, SEEDS.get(breakage, 2)) == 1
        feature = (out / "divergence.feature").read_text()
        summary = json.loads((out / "explore.json").read_text())
        assert summary["divergences"][0]["feature"] == str(out / "divergence.feature")
        on_broken = run_feature(out, url)
    on_simulator = run_feature(out, "inprocess")
    assert on_broken.returncode == 1, feature + on_broken.stdout[-2000:]
    assert "1 failed" in on_broken.stdout
    assert on_simulator.returncode == 0, feature + on_simulator.stdout[-2000:]
    assert "1 passed" in on_simulator.stdout
