"""The simulator-only controls: the clock, guest faults, builds, reset and the state export.

They exist for scenarios and the control API; real Trove has no equivalent, which is why
scenarios using them are tagged simulator-only.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import math

from . import errors
from .clock import Clock, VirtualClock
from .guest import GuestFault
from .state import SimState, operation
from .timefmt import api_time
from .views import run_view

FAULT_KINDS = ("error", "timeout")
MAX_FAULT_MESSAGE = 255
MAX_CONTROL_SECONDS = 10 * 366 * 24 * 3600
"""The longest clock move or build the controls accept: far enough for any scenario."""


def plain_view(record: object) -> dict:
    """A record as JSON-ready data, for the state export (its only reader)."""
    data = record._asdict() if isinstance(record, tuple) else dataclasses.asdict(record)
    for key, value in data.items():
        if isinstance(value, _dt.datetime):
            data[key] = value.isoformat()
        elif isinstance(value, bytes):
            data[key] = value.decode("utf-8", errors="replace")
    return data


class ControlOps(SimState):
    def _virtual_clock(self) -> VirtualClock:
        if not isinstance(self.clock, VirtualClock):
            raise errors.bad_request("The simulator runs on a real clock; it cannot be moved.")
        return self.clock

    @operation
    def advance_clock(self, seconds: float) -> _dt.datetime:
        """Move virtual time forward, running every event due on the way, in order."""
        clock = self._virtual_clock()
        if not math.isfinite(seconds):
            raise errors.bad_request("The clock moves by a finite number of seconds.")
        if seconds < 0:
            raise errors.bad_request("The clock cannot be moved backwards.")
        try:
            target = clock.now() + _dt.timedelta(seconds=seconds)
        except OverflowError:
            raise errors.bad_request("The clock cannot be moved past the year 9999.") from None
        if seconds > MAX_CONTROL_SECONDS:
            raise errors.bad_request(
                f"The clock moves at most {MAX_CONTROL_SECONDS} seconds (10 years) at a time."
            )
        return self._move_clock(clock, target)

    @operation
    def set_clock(self, when: _dt.datetime) -> _dt.datetime:
        clock = self._virtual_clock()
        if when < clock.now():
            raise errors.bad_request("The clock cannot be moved backwards.")
        return self._move_clock(clock, when)

    @operation
    def run_until_idle(self) -> _dt.datetime:
        """Advance virtual time until no scheduled work is left (builds, reapply batches)."""
        while (due := self.events.next_due()) is not None:
            clock = self._virtual_clock()
            self._move_clock(clock, max(due, clock.now()))
        return self.clock.now()

    def _move_clock(self, clock: VirtualClock, target: _dt.datetime) -> _dt.datetime:
        while (due := self.events.next_due()) is not None and due <= target:
            clock.set(max(due, clock.now()))
            self.events.drain(clock.now())
        return clock.set(target)

    @operation
    def inject_guest_fault(
        self, instance_id: str, kind: str = "error", message: str = "Guest agent reported a failure"
    ) -> None:
        if kind not in FAULT_KINDS:
            raise errors.bad_request(
                f"Unknown guest fault '{kind}'; use {' or '.join(FAULT_KINDS)}."
            )
        if not 1 <= len(message) <= MAX_FAULT_MESSAGE:
            raise errors.bad_request(
                f"A guest fault's message has 1 to {MAX_FAULT_MESSAGE} characters."
            )
        if instance_id not in self.guests or self.store.instances[instance_id].deleted:
            raise errors.resource_not_found(instance_id)
        self.guests[instance_id].fault = GuestFault(kind, message)

    @operation
    def clear_guest_faults(self, instance_id: str | None = None) -> None:
        for guest_id, guest in self.guests.items():
            if instance_id is None or guest_id == instance_id:
                guest.fault = None

    @operation
    def fail_next_builds(self, count: int = 1) -> None:
        if count < 0:
            raise errors.bad_request("The number of failing builds cannot be negative.")
        self.failing_builds = count

    @operation
    def set_build_seconds(self, seconds: float) -> None:
        if math.isnan(seconds):
            raise errors.bad_request("A build takes a number of seconds.")
        if seconds < 0:
            raise errors.bad_request("A build cannot take negative time.")
        if seconds > MAX_CONTROL_SECONDS:
            raise errors.bad_request(
                f"A build takes at most {MAX_CONTROL_SECONDS} seconds (10 years)."
            )
        self.build_seconds = seconds

    @operation
    def reset(self) -> None:
        """Forget the whole world; the clock and catalogue stay."""
        self._new_world()

    @operation
    def export_state(self) -> dict:
        """The whole world as JSON-ready data, for inspection and bug reports."""
        store = self.store
        return {
            "clock": clock_view(self.clock),
            "pending_events": len(self.events),
            "modules": [plain_view(m) for m in store.modules.values()],
            "instances": [plain_view(i) for i in store.instances.values()],
            "clusters": [plain_view(c) for c in store.clusters.values()],
            "records": [plain_view(r) for per in store.by_instance.values() for r in per.values()],
            "retired_records": [plain_view(r) for r in store.retired],
            "guests": {
                instance_id: {
                    "fault": plain_view(g.fault) if g.fault else None,
                    "results": [plain_view(r) for r in g.results()],
                }
                for instance_id, g in self.guests.items()
            },
            "reapply_runs": [run_view(r) for r in self.runs.values()],
        }


def clock_view(clock: Clock) -> dict:
    """The controls' reading of the clock: its kind and the time on it."""
    return {"kind": clock.kind, "now": api_time(clock.now())}
