"""Steps that read the simulator's kept reapply runs past their counts: ids and failures.

The counts, options and dates of a run are columns of "the reapply runs of ... are:"
(step_counts.py); these two read what a table row cannot hold.
"""

from __future__ import annotations

from .phrases import CONTROLS, then
from .tables import REAPPLY_FAILURE, assert_rows
from .world import World


def _runs(world: World, name: str) -> list[dict]:
    runs = world.controls.reapply_runs(world.module_id(name))
    assert runs, f'no reapply run of "{name}" is kept'
    return runs


@then('the reapply runs of "{name}" each have their own id', needs=CONTROLS)
def runs_have_ids(world: World, name: str) -> None:
    """Every kept run carries an id, and no two runs share one."""
    ids = [run.get("id") for run in _runs(world, name)]
    assert all(isinstance(i, str) and i for i in ids), f"runs without an id: {ids}"
    assert len(set(ids)) == len(ids), f"runs share an id: {ids}"


@then('the last reapply run of "{name}" failed on:', needs=CONTROLS)
def run_failures(world: World, name: str, datatable: list[list[str]]) -> None:
    """The instances of the latest run whose guest refused the module, with its message."""
    assert_rows(world, datatable, _runs(world, name)[-1].get("failures", []), REAPPLY_FAILURE)
