"""Runs the throwaway pytest-bdd suite in data/suite/ to record real result files.

The report tests read what pytest-bdd 9 really writes, not hand-made JSON. ``python
tests/reports/report_suite.py`` re-records every run into data/runs/; the live test runs one
again to catch a change in pytest-bdd's output.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from trovesim.reports import Report

DATA = Path(__file__).parent / "data"
SUITE = DATA / "suite"
RUNS_DIR = DATA / "runs"
CATALOGUE = DATA / "requirements.toml"
REPO = Path(__file__).resolve().parents[2]
REMOTE = "http://trove.example:8779"


@dataclass(frozen=True)
class SuiteRun:
    env: dict[str, str]
    target: str
    args: list[str] = field(default_factory=list)
    plugin: bool = True
    # What trovesim verify adds to run.json about the run's cost, world and cleanup.
    info: dict[str, object] = field(default_factory=dict)


RUNS = {
    "passing": SuiteRun({"DEMO_TARGET": "simulator"}, "in-process"),
    "failing": SuiteRun({"DEMO_TARGET": "simulator", "DEMO_BROKEN": "1"}, "in-process"),
    # -k and -m deselect: the rest of the suite is "not selected".
    "selected": SuiteRun(
        {"DEMO_TARGET": "remote", "DEMO_LIMITED": "1"},
        REMOTE,
        ["-k", "clock or reapplied", "-m", "not DEMO-12"],
    ),
    "mixed": SuiteRun(
        {"DEMO_TARGET": "remote", "DEMO_BROKEN": "1", "DEMO_LIMITED": "1"},
        REMOTE,
        info={
            "builds": {"instances": 12, "clusters": 1},
            "waited_seconds": 83.5,
            "profile": {"flavor": "m1.small (id 7a1c)", "datastore": "mysql 8.0"},
            "leftovers": [
                {
                    "kind": "cluster",
                    "id": "5f0c9d2e-4d0b-4a57-9f59-3c1b8e2a7d10",
                    "name": "reapply-cluster-sx3k9q",
                    "reason": "delete refused: 409 Cluster is busy",
                }
            ],
        },
    ),
    # A user's own feature file alone: no scenario names a requirement of the catalogue.
    "untagged": SuiteRun(
        {"DEMO_TARGET": "simulator", "DEMO_BROKEN": "1", "DEMO_FEATURES": "features/user.feature"},
        "in-process",
    ),
}
RUNS["selected-xdist"] = SuiteRun(RUNS["selected"].env, REMOTE, [*RUNS["selected"].args, "-n", "2"])
RUNS["mixed-xdist"] = SuiteRun(RUNS["mixed"].env, REMOTE, ["-n", "2"])
RUNS["mixed-noplugin"] = SuiteRun(RUNS["mixed"].env, REMOTE, plugin=False)
# What the recordings hold, shared by the tests that read them in different formats: the failing
# run's table check (a tab in the got table) and the mixed run's scenario verdicts.
TABLE_MESSAGE = (
    "AssertionError: expected:\n"
    "+--------+--------+\n"
    "| Name   | Type   |\n"
    "|--------+--------|\n"
    "| ping   | ping   |\n"
    "+--------+--------+\n"
    "but got:\n"
    "+--------+--------+\n"
    "| Name   | Type   |\n"
    "|--------+--------|\n"
    "| ping\tpong        | ping   |\n"
    "+--------+--------+"
)
MIXED_SCENARIOS = {
    "passed": 5,
    "known_difference": 1,
    "failed": 3,
    "error": 5,
    "skipped": 1,
    "not_applicable": 3,
}
ENV_NAMES = ("DEMO_TARGET", "DEMO_BROKEN", "DEMO_LIMITED", "DEMO_FEATURES")


def verdicts(report: Report) -> dict[str, str]:
    """Requirement id -> verdict value: the shape most report assertions compare."""
    return {r.requirement.id: r.verdict.value for r in report.requirements}


def run_suite(name: str, out_dir: Path) -> int:
    """Run the suite as RUNS[name] says; leave junit.xml and run.json in out_dir."""
    spec = RUNS[name]
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(SUITE / "features", work / "features")
        shutil.copy(SUITE / "suite_conftest.py", work / "conftest.py")
        shutil.copy(SUITE / "suite_steps.py", work / "test_suite.py")
        (work / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
        # Only the plugins the run needs: the venv's others (hypothesis, faker...) cost seconds.
        command = [sys.executable, "-m", "pytest", "-q", "-p", "pytest_bdd.plugin"]
        command += ["-p", "no:cacheprovider", "-W", "ignore::pytest.PytestUnknownMarkWarning"]
        if "-n" in spec.args:
            command += ["-p", "xdist.plugin"]
        if spec.plugin:
            command += ["-p", "trovesim.reports.pytest_plugin"]
        command += [f"--junitxml={out_dir / 'junit.xml'}", *spec.args]
        env = {**os.environ, **spec.env, "PYTHONPATH": str(REPO)}
        env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
        env.pop("PYTEST_ADDOPTS", None)
        for name_ in ENV_NAMES:
            if name_ not in spec.env:
                env.pop(name_, None)
        started = datetime.now(UTC).isoformat(timespec="seconds")
        code = subprocess.run(command, cwd=work, env=env, capture_output=True).returncode
        finished = datetime.now(UTC).isoformat(timespec="seconds")
    info = {"target": spec.target, "started": started, "finished": finished, "exit_code": code}
    info |= spec.info
    (out_dir / "run.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    return code


if __name__ == "__main__":
    shutil.rmtree(RUNS_DIR, ignore_errors=True)
    for run_name in RUNS:
        print(run_name, "exit", run_suite(run_name, RUNS_DIR / run_name))
