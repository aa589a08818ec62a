"""Simulators with one rule broken on purpose, to show the suite catches a broken implementation.

Loaded as a pytest plugin (``-p conformance_mutants``) in a separate suite run, where
``TROVESIM_MUTANT`` names the breakage. Each patches the simulator in that process only;
simulator/ is never changed.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
from trovesim.simulator import guest, ops_modules
from trovesim.simulator.ops_modules import ModuleOps
from trovesim.simulator.ops_reapply import ReapplyOps


def priority_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    """The guest orders modules by apply order alone."""

    def apply_sequence(modules):
        return sorted(modules, key=lambda m: m.apply_order)

    monkeypatch.setattr(guest, "apply_sequence", apply_sequence)


def tenant_auto_apply(monkeypatch: pytest.MonkeyPatch) -> None:
    """A tenant may create an auto-apply module: auto_apply is no longer admin-only at create."""
    checked = ops_modules.refuse_admin_options

    def admin_options(ctx, action, tenant_id, auto_apply, *rest):
        if action == "create" and not ctx.is_admin:
            auto_apply = 0
        return checked(ctx, action, tenant_id, auto_apply, *rest)

    monkeypatch.setattr(ops_modules, "refuse_admin_options", admin_options)


def live_update_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    """Applied modules without live_update can be changed and deleted."""
    monkeypatch.setattr(ModuleOps, "refuse_if_applied", lambda self, module: None)


def clustered_always_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    """module-instance-count counts cluster members whether or not they are asked for."""
    counted = ModuleOps.module_instance_count

    def module_instance_count(self, ctx, module_id, include_clustered=False):
        return counted(self, ctx, module_id, True)

    monkeypatch.setattr(ModuleOps, "module_instance_count", module_instance_count)


def reapply_md5_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    """module-reapply forgets the md5 it was asked to narrow to."""
    select = ReapplyOps._select

    def _select(self, ctx, module, run):
        run.md5 = None
        return select(self, ctx, module, run)

    monkeypatch.setattr(ReapplyOps, "_select", _select)


MUTANTS: dict[str, Callable[[pytest.MonkeyPatch], None]] = {
    "apply order ignores priority": priority_ignored,
    "a tenant may create an auto-apply module": tenant_auto_apply,
    "live_update is not enforced": live_update_ignored,
    "instance counts ignore include_clustered": clustered_always_counted,
    "reapply ignores md5": reapply_md5_ignored,
}


def pytest_configure(config: pytest.Config) -> None:
    name = os.environ["TROVESIM_MUTANT"]
    patcher = pytest.MonkeyPatch()
    MUTANTS[name](patcher)
    config.add_cleanup(patcher.undo)
