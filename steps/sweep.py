"""The end-of-run sweep: everything on the endpoint whose name carries one of the run's
suffixes is deleted, whoever's list it is in.

A scenario deletes what it knows it created; what it cannot know of (a cluster upstream Trove
stores and then refuses to create, a create that timed out after the endpoint had done it) is
only found by name. What the sweep cannot delete is a leftover, listed in run.json and the
summary.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from trovesim.suite import CouldNotJudge

from .ledger import Ledger, Leftover
from .targets.base import Caller, Target, TargetError


def _ours(name: str, suffixes: set[str]) -> bool:
    return any(re.search(rf"-{re.escape(s)}(?:$|-)", name) for s in suffixes)


def _listed(read: Callable[[], list[dict]]) -> list[dict]:
    """A list, or nothing where the caller may not list (upstream's admin module-list fails)."""
    try:
        return read()
    except (TargetError, CouldNotJudge):
        return []


def sweep(target: Target, ledger: Ledger) -> None:
    """Delete what carries the run's suffixes: clusters, then instances, then modules."""
    if not ledger.suffixes:
        return
    kinds: list[tuple[str, Callable, Callable]] = [
        ("cluster", target.list_clusters, target.delete_cluster),
        ("instance", target.list_instances, target.delete_instance),
        ("module", target.list_modules, target.delete_module),
    ]
    for kind, listing, delete in kinds:
        seen: set[str] = set()
        for caller in (Caller.TENANT_A, Caller.TENANT_B, Caller.ADMIN):
            for item in _listed(lambda c=caller, read=listing: read(c)):
                name = str(item.get("name", ""))
                if item["id"] in seen or not _ours(name, ledger.suffixes):
                    continue
                seen.add(item["id"])
                found = Leftover(kind, item["id"], name, "")
                _delete(ledger, found, lambda c=caller, i=item["id"], d=delete: d(c, i))


def _delete(ledger: Ledger, found: Leftover, delete: Callable[[], None]) -> None:
    earlier = [item for item in ledger.leftovers if item.id == found.id]
    ledger.leftovers = [item for item in ledger.leftovers if item.id != found.id]
    if earlier:
        found.reason = f"the scenario could not delete it: {earlier[0].reason}"
    else:
        found.reason = "no scenario knew of it"
    try:
        delete()
    except (TargetError, CouldNotJudge) as refused:
        if isinstance(refused, TargetError) and refused.status == 404:
            return
        found.reason = f"{found.reason}; the sweep could not either: {refused}"
        ledger.leftovers.append(found)
        return
    ledger.swept.append(found)
