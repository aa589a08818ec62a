"""The ``/_sim/`` control API: clock, builds, guest faults, reapply runs, state export, reset."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from http_harness import Server, start_server, trove_client
from troveclient import exceptions

V1 = "message=Module.V1\n"


@pytest.fixture(scope="module")
def virtual() -> Iterator[Server]:
    running = start_server("--clock", "virtual")
    yield running
    running.stop()


@pytest.fixture
def vworld(virtual: Server) -> Server:
    virtual.reset()
    assert virtual.control("PUT", "/builds/duration", json={"seconds": 0}).status_code == 204
    return virtual


def now_of(server: Server) -> dt.datetime:
    answer = server.control("GET", "/clock")
    assert answer.status_code == 200
    return dt.datetime.fromisoformat(answer.json()["clock"]["now"])


def test_a_real_clock_cannot_be_moved(world):
    assert world.control("GET", "/clock").json()["clock"]["kind"] == "real"
    answer = world.control("POST", "/clock", json={"advance": 5})
    assert answer.status_code == 400
    assert answer.json() == {
        "badRequest": {
            "code": 400,
            "message": "The simulator runs on a real clock; it cannot be moved.",
        }
    }


def test_virtual_clock_stands_still_until_moved(vworld):
    start = now_of(vworld)
    assert vworld.control("GET", "/clock").json()["clock"]["kind"] == "virtual"
    assert now_of(vworld) == start
    moved = vworld.control("POST", "/clock", json={"advance": 90.5}).json()["clock"]["now"]
    assert dt.datetime.fromisoformat(moved) == start + dt.timedelta(seconds=90)
    target = (start + dt.timedelta(days=2)).replace(microsecond=0)
    answer = vworld.control("POST", "/clock", json={"set": target.isoformat() + "Z"})
    assert answer.status_code == 200 and now_of(vworld) == target
    back = vworld.control("POST", "/clock", json={"set": start.isoformat()})
    assert back.status_code == 400
    assert back.json()["badRequest"]["message"] == "The clock cannot be moved backwards."


@pytest.mark.parametrize(
    "body",
    [
        {"advance": -1},
        {"advance": "ten"},
        {"advance": True},
        {"advance": 1e300},
        {"advance": 1, "set": "2030-01-01T00:00:00"},
        {},
        {"until_idle": False},
        {"set": "yesterday"},
        {"set": "0001-01-01T00:00:00+01:00"},
    ],
)
def test_clock_moves_are_validated(vworld, body):
    start = now_of(vworld)
    answer = vworld.control("POST", "/clock", json=body)
    assert answer.status_code == 400
    assert answer.json()["badRequest"]["code"] == 400
    assert now_of(vworld) == start


def test_builds_take_virtual_time_and_can_fail(vworld):
    alice = trove_client(vworld, "tenant-a")
    module = alice.modules.create("m", "ping", V1)
    assert vworld.control("PUT", "/builds/duration", json={"seconds": 60}).status_code == 204
    slow = alice.instances.create("slow", "15", volume={"size": 1}, modules=[module.id])
    vworld.advance(59)
    assert alice.instances.get(slow).status == "BUILD"
    assert alice.instances.module_query(slow) == []
    vworld.advance(1)
    assert alice.instances.get(slow).status == "ACTIVE"
    assert [m.message for m in alice.instances.module_query(slow)] == ["Module.V1"]

    assert vworld.control("POST", "/builds/failures", json={"count": 1}).status_code == 204
    broken = alice.instances.create("broken", "15", volume={"size": 1})
    after = vworld.control("POST", "/clock", json={"until_idle": True})
    assert after.status_code == 200
    assert alice.instances.get(broken).status == "ERROR"
    for bad in ({"count": -1}, {"count": 1.5}, {"count": 1, "extra": 0}):
        assert vworld.control("POST", "/builds/failures", json=bad).status_code == 400


def test_reapply_batches_wait_for_the_clock_and_runs_are_kept(vworld):
    alice = trove_client(vworld, "tenant-a")
    module = alice.modules.create("m", "ping", V1, live_update=True)
    for n in range(3):
        alice.instances.create(f"i{n}", "15", volume={"size": 1}, modules=[module.id])
    alice.modules.update(module, contents="message=V2\n")
    alice.modules.reapply(module, batch_size=1, delay=30)

    def current() -> int:
        rows = alice.modules.instances(module, count_only=True)
        return sum(r.instance_count for r in rows if r.current)

    runs = f"/modules/{module.id}/reapply-runs"
    assert current() == 1
    assert vworld.control("GET", runs).json()["runs"][0]["pending"] == 2
    vworld.advance(30)
    assert current() == 2
    vworld.advance(30)
    assert current() == 3
    (run,) = vworld.control("GET", runs).json()["runs"]
    assert (run["status"], run["applied"], run["batch_size"], run["batch_delay"]) == (
        "COMPLETE",
        3,
        1,
        30,
    )


def test_guest_faults_are_injected_and_cleared(vworld):
    alice = trove_client(vworld, "tenant-a")
    module = alice.modules.create("m", "ping", V1)
    first = alice.instances.create("i1", "15", volume={"size": 1})
    second = alice.instances.create("i2", "15", volume={"size": 1})
    for instance in (first, second):
        fault = {"kind": "error", "message": "agent down"}
        assert vworld.control("POST", f"/instances/{instance.id}/fault", json=fault).is_success
    answer = vworld.control("POST", f"/instances/{first.id}/fault", json={"kind": "flaky"})
    assert answer.status_code == 400
    missing = vworld.control("POST", "/instances/nosuch/fault", json={"kind": "timeout"})
    assert missing.status_code == 404
    assert missing.json()["itemNotFound"]["message"] == "Resource nosuch cannot be found."

    assert vworld.control("DELETE", f"/instances/{first.id}/fault").status_code == 204
    assert [m.status for m in alice.instances.module_apply(first, [module])] == ["OK"]
    with pytest.raises(exceptions.BadRequest, match="agent down"):
        alice.instances.module_apply(second, [module])
    assert vworld.control("DELETE", "/faults").status_code == 204
    assert [m.status for m in alice.instances.module_apply(second, [module])] == ["OK"]


def test_state_export_and_reset(vworld):
    alice = trove_client(vworld, "tenant-a")
    module = alice.modules.create("m", "ping", V1)
    alice.instances.create("i1", "15", volume={"size": 1}, modules=[module.id])
    state = vworld.control("GET", "/state").json()
    assert state["clock"]["kind"] == "virtual"
    assert [m["name"] for m in state["modules"]] == ["m"]
    assert [i["name"] for i in state["instances"]] == ["i1"]
    assert len(state["records"]) == 1

    before = now_of(vworld)
    assert vworld.control("POST", "/reset").status_code == 204
    state = vworld.control("GET", "/state").json()
    assert state["modules"] == [] and state["instances"] == [] and state["records"] == []
    assert now_of(vworld) == before
