"""``trovesim serve`` with one rule broken on purpose, for explore to find.

Run as ``python broken_server.py "<breakage>" serve ...``: the breakage is patched into this
process only; the simulator itself has no switch for it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from trovesim.simulator import access, guest, ops_modules, ordering, state
from trovesim.simulator.store import Store

from trovesim.cli import main


def apply_order_reversed() -> None:
    """The guest applies modules in the reverse of the blueprint's order."""
    guest.apply_sequence = lambda modules: list(reversed(ordering.apply_sequence(modules)))


def hidden_modules_shown() -> None:
    """A tenant sees hidden modules of its own and of all tenants."""

    def can_see(ctx, module) -> bool:
        if module.deleted:
            return False
        return ctx.is_admin or access.offered_to(module, ctx.project_id)

    ops_modules.can_see = can_see
    state.can_see = can_see


def deleted_instances_counted() -> None:
    """Deleting an instance keeps its module records: counts include deleted instances."""
    Store.retire_instance_records = lambda self, instance_id, now: None


def admin_lock_ignored_on_update() -> None:
    """A tenant may update an admin module."""
    refuse = ops_modules.refuse_admin_module

    def refuse_admin_module(ctx, module, action: str) -> None:
        if action != "update":
            refuse(ctx, module, action)

    ops_modules.refuse_admin_module = refuse_admin_module


BREAKAGES: dict[str, Callable[[], None]] = {
    "apply order reversed": apply_order_reversed,
    "hidden modules shown": hidden_modules_shown,
    "deleted instances counted": deleted_instances_counted,
    "admin lock ignored on update": admin_lock_ignored_on_update,
}

if __name__ == "__main__":
    BREAKAGES[sys.argv[1]]()
    sys.exit(main(sys.argv[2:]))
