"""The usage guide's whole CLI session, replayed on the virtual clock at the guide's timestamps.

Every md5, count, current flag and updated date the guide prints is checked, except the two the
project deliberately changes: module-show's ``instance_count`` (differences #2) and the first
module-create's ``--datastore mysql`` (replayed without it, see the notes in docs/differences.md).
One difference is a timing artefact of the guide's deployment: its forced reapply of two instances
straddled a second boundary (18:40:45 / 18:40:46); here both land in one batch at 18:40:45.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sim_world import GUIDE_START, World
from trovesim.simulator import Context, Simulator, VirtualClock

V1 = "7f700cc7b99606615f8b51946f6d3228"
V2 = "ba7c204979c8de54be6efb70a17d40b9"
V3 = "869744bdd18e306a96c145df562065ab"
V4 = "6e2c81c1547d640b4c6e7752ed0e33ab"
PROJECT = "eac1e46e5f7840e39012aff46a92073a"


def at(hour: int, minute: int, second: int) -> dt.datetime:
    return dt.datetime(2017, 6, 2, hour, minute, second)


def count_table(world: World, module: dict) -> list[tuple]:
    rows = world.sim.module_instance_count(world.admin, module["id"], include_clustered=True)
    return [
        (
            r["min_updated_date"][11:],
            r["max_updated_date"][11:],
            r["module_md5"],
            r["current"],
            r["instance_count"],
        )
        for r in rows
    ]


@pytest.fixture
def guide() -> World:
    """The guide's deployment: builds take 75.5 s (its module-query shows 17:23:40.50)."""
    world = World(Simulator(clock=VirtualClock(GUIDE_START), build_seconds=75.5))
    world.admin = Context(PROJECT, is_admin=True)
    return world


def test_usage_guide_session_replays_with_the_guides_figures(guide):
    w, sim = guide, guide.sim

    mymod = w.module(w.admin, "mymod", live_update=1)
    assert (mymod["md5"], mymod["is_admin"], mymod["live_update"]) == (V1, True, True)
    assert (mymod["datastore"], mymod["datastore_version"], mymod["tenant"]) == (
        "all",
        "all",
        PROJECT,
    )
    assert mymod["created"] == mymod["updated"] == "2017-06-02T17:06:21"
    assert sim.show_module(w.admin, mymod["id"])["instance_count"] == 0

    w.at(at(17, 22, 25))
    myinst = w.instance(w.admin, "myinst", modules=[mymod], datastore="mysql")
    assert (myinst["status"], myinst["datastore"]) == ("BUILD", {"type": "mysql", "version": "5.6"})

    w.at(at(17, 23, 41))
    (queried,) = w.query(w.admin, myinst)
    assert (queried["name"], queried["type"], queried["datastore"], queried["status"]) == (
        "mymod",
        "ping",
        "all",
        "OK",
    )
    assert queried["message"] == "Module.V1"
    assert queried["created"] == queried["updated"] == "2017-06-02 17:23:40.50"
    assert count_table(w, mymod) == [("17:22:25", "17:22:25", V1, True, 1)]
    (listed,), _ = sim.module_instances(w.admin, mymod["id"])
    assert (listed["name"], listed["status"], listed["tenant_id"]) == ("myinst", "ACTIVE", PROJECT)

    w.at(at(17, 56, 12))
    v2 = w.update_text(w.admin, mymod, "message=Module.V2\n")
    assert (v2["md5"], v2["created"], v2["updated"]) == (
        V2,
        "2017-06-02T17:06:21",
        "2017-06-02T17:56:12",
    )

    w.at(at(18, 0, 18))
    cluster = w.cluster(w.admin, "myclust", members=[[mymod]] * 3)
    assert cluster["task"]["name"] == "BUILDING"
    assert w.counts(w.admin, mymod) == [(V1, False, 1)]
    assert count_table(w, mymod) == [
        ("17:22:25", "17:22:25", V1, False, 1),
        ("18:00:18", "18:00:18", V2, True, 3),
    ]

    w.at(at(18, 6, 53))
    assert w.update_text(w.admin, mymod, "message=Module.V3\n")["md5"] == V3
    assert [row[3] for row in count_table(w, mymod)] == [False, False]

    w.at(at(18, 18, 37))
    member_2 = next(m for m in cluster["instances"] if m["name"] == "myclust-member-2")
    (applied,) = w.apply(w.admin, member_2, mymod)
    assert (applied["name"], applied["status"], applied["message"]) == ("mymod", "OK", "Module.V3")
    assert count_table(w, mymod) == [
        ("17:22:25", "17:22:25", V1, False, 1),
        ("18:00:18", "18:00:18", V2, False, 2),
        ("18:18:37", "18:18:37", V3, True, 1),
    ]

    w.at(at(18, 21, 57))
    myinst_2 = w.instance(w.admin, "myinst_2", modules=[mymod], datastore=None)
    assert myinst_2["datastore"] == {"type": "redis", "version": "3.2.6"}

    w.at(at(18, 26, 22))
    assert w.update_text(w.admin, mymod, "message=Module.V4\n")["md5"] == V4
    assert [
        (i["name"], i["datastore"]["type"], i["status"]) for i in sim.list_instances(w.admin)
    ] == [
        ("myinst", "mysql", "ACTIVE"),
        ("myinst_2", "redis", "ACTIVE"),
    ]
    assert count_table(w, mymod) == [
        ("17:22:25", "17:22:25", V1, False, 1),
        ("18:00:18", "18:00:18", V2, False, 2),
        ("18:18:37", "18:21:57", V3, False, 2),
    ]

    w.at(at(18, 38, 48))
    w.reapply(w.admin, mymod, md5=V3, include_clustered=1)
    assert count_table(w, mymod) == [
        ("17:22:25", "17:22:25", V1, False, 1),
        ("18:00:18", "18:00:18", V2, False, 2),
        ("18:38:48", "18:38:48", V4, True, 2),
    ]

    w.at(at(18, 40, 45))
    w.reapply(w.admin, mymod, md5=V4, include_clustered=1, force=1)
    assert count_table(w, mymod)[-1] == ("18:40:45", "18:40:45", V4, True, 2)

    w.at(at(18, 44, 4))
    w.reapply(w.admin, mymod, include_clustered=1, batch_size=1, batch_delay=3)
    sim.run_until_idle()
    assert count_table(w, mymod) == [("18:40:45", "18:44:10", V4, True, 5)]
