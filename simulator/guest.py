"""The guest agent of one instance: applies modules in order and keeps a result per module.

Its state is what module-query reports, independent of Trove's instance-module records, as on a
real VM: removed results stay on disk marked removed, and ``created`` survives re-applies.
"""

from __future__ import annotations

import base64
import binascii
import datetime as _dt
import functools
import itertools
from dataclasses import dataclass

from . import errors
from .drivers import DRIVERS
from .models import GuestResult
from .ordering import apply_sequence


@dataclass(frozen=True, slots=True)
class ModulePayload:
    """A module as Trove sends it to the guest: the detailed view plus its contents."""

    id: str
    name: str
    type: str
    md5: str
    contents: str
    datastore: str
    datastore_version: str
    tenant: str
    auto_apply: bool
    visible: bool
    is_admin: bool
    priority_apply: bool
    apply_order: int


@dataclass
class GuestFault:
    """An injected failure: every call to this guest fails until it is cleared."""

    kind: str  # "error" or "timeout"
    message: str = "Guest agent reported a failure"

    def raise_it(self) -> None:
        if self.kind == "timeout":
            raise errors.guest_timeout()
        raise errors.guest_error(self.message)


@functools.lru_cache(maxsize=4096)
def _run_driver(module_type: str, contents: str) -> tuple[bytes, bool, object]:
    """Decode the contents as the guest writes contents.dat, then apply; pure, so memoised.

    A contents text that is not base64 fails before any driver runs, aborting the whole call.
    """
    try:
        data = base64.b64decode(contents)
    except (binascii.Error, ValueError) as ex:
        raise errors.guest_error(str(ex)) from ex
    ok, message = DRIVERS[module_type].apply(data)
    return data, ok, message


class Guest:
    def __init__(self) -> None:
        # Results are kept as exact tuples: the garbage collector stops tracking those (not
        # NamedTuple instances), which keeps full collections short in a world of a million.
        self._results: dict[str, tuple] = {}
        self.fault: GuestFault | None = None
        self._seq = itertools.count(1)

    def result(self, module_id: str) -> GuestResult | None:
        kept = self._results.get(module_id)
        return None if kept is None else GuestResult._make(kept)

    def results(self) -> list[GuestResult]:
        return [GuestResult._make(kept) for kept in self._results.values()]

    def _reachable(self) -> None:
        if self.fault is not None:
            self.fault.raise_it()

    def apply(self, modules: list[ModulePayload], now: _dt.datetime) -> list[GuestResult]:
        """Apply in blueprint order; a contents decoding failure aborts the call (as upstream)."""
        self._reachable()
        applied = []
        for module in apply_sequence(modules):
            data, ok, message = _run_driver(module.type, module.contents)
            previous = self.result(module.id)
            result = GuestResult(
                module_id=module.id,
                type=module.type,
                name=module.name,
                datastore=module.datastore,
                datastore_version=module.datastore_version,
                tenant=module.tenant,
                md5=module.md5,
                status="OK" if ok else "ERROR",
                message=message,
                created=previous.created if previous else now,
                updated=now,
                auto_apply=module.auto_apply,
                visible=module.visible,
                is_admin=module.is_admin,
                contents=data,
                seq=next(self._seq),
            )
            self._results[module.id] = tuple(result)
            applied.append(result)
        return applied

    def remove(self, module_id: str, name: str, module_type: str, now: _dt.datetime) -> None:
        """Mark the result removed; the driver's own remove is not modelled (see drivers)."""
        self._reachable()
        result = self.result(module_id)
        if result is None or result.type != module_type:
            raise errors.bad_request(f"Module '{name}' has not been applied")
        self._results[module_id] = tuple(result._replace(removed=now))

    def query(self, caller_is_admin: bool) -> list[GuestResult]:
        """Applied, not removed; hidden ones only for admins; latest first."""
        self._reachable()
        shown = [r for r in self.results() if r.removed is None and (caller_is_admin or r.visible)]
        return sorted(shown, key=lambda r: (r.updated, r.seq), reverse=True)
