"""The mutation check: the suite, run against a simulator with one rule broken, must fail.

Each breakage lives in conformance_mutants.py (test code only). A breakage counts as caught when
at least one scenario that passes on the unbroken simulator fails, while the run itself works:
scenarios ran, some pass, none errors.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conformance_mutants import MUTANTS
from conformance_runs import SuiteRun, run_suite


@pytest.mark.parametrize("mutant", sorted(MUTANTS))
def test_the_suite_catches_a_broken_rule(mutant: str, serial_run: SuiteRun, tmp_path: Path) -> None:
    run = run_suite(tmp_path, "-p", "conformance_mutants", env={"TROVESIM_MUTANT": mutant})
    caught = sorted(set(run.with_verdict("failed")) - set(serial_run.with_verdict("failed")))
    print(f"{mutant}: {len(caught)} failing scenarios", *caught, sep="\n  ")
    assert run.verdicts, f"the suite did not run:\n{run.output[-3000:]}"
    assert not run.with_verdict("error"), run.output[-3000:]
    assert run.with_verdict("passed"), "nothing passed: the run itself is broken"
    assert caught, f"no scenario noticed that {mutant}"
    assert run.exit_code == 1
