"""Unit-test fixtures: a simulator on a virtual clock at the usage guide's first timestamp.

``refused`` checks a refusal the way a user meets it (status, fault name, exact message) and that
it left the world exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sim_world import FAULTS, GUIDE_START, World
from trovesim.simulator import Simulator, TroveError, VirtualClock


@pytest.fixture
def sim() -> Simulator:
    return Simulator(clock=VirtualClock(GUIDE_START))


@pytest.fixture
def world(sim: Simulator) -> World:
    return World(sim)


Refused = Callable[..., TroveError]


@pytest.fixture
def refused(sim: Simulator) -> Refused:
    """Call ``action``; it must raise Trove's error with this status and message, changing nothing.

    ``message`` may be a string (exact) or a callable predicate on the message.
    """

    def check(action: Callable[[], object], status: int, message) -> TroveError:
        before = sim.export_state()
        with pytest.raises(TroveError) as caught:
            action()
        error = caught.value
        assert error.status == status, error.message
        if callable(message):
            assert message(error.message), error.message
        else:
            assert error.message == message
        if status in FAULTS:
            assert error.fault == FAULTS[status]
        assert sim.export_state() == before, "a refused request changed the world"
        return error

    return check
