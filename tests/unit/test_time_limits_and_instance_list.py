"""Edges found by the HTTP layer: times past the calendar's end, and cluster members in lists."""

from __future__ import annotations

import datetime as dt

END_OF_CALENDAR = dt.datetime(9999, 12, 31, 23, 59, 59)


def test_a_build_ending_past_the_year_9999_is_refused_and_creates_nothing(world, refused):
    world.at(END_OF_CALENDAR)
    world.sim.set_build_seconds(10)
    refused(lambda: world.instance(world.alice), 400, "The build would end past the year 9999.")


def test_a_cluster_whose_builds_end_past_the_year_9999_is_refused_and_leaves_no_cluster(
    world, refused
):
    world.at(END_OF_CALENDAR)
    world.sim.set_build_seconds(10)
    refused(lambda: world.cluster(world.alice), 400, "The build would end past the year 9999.")
    assert world.sim.list_clusters(world.alice) == []


def test_a_reapply_whose_last_batch_falls_past_the_year_9999_is_refused_and_not_kept(
    world, refused
):
    module = world.module(world.admin, live_update=1)
    world.instance(world.admin, "one", modules=[module])
    world.instance(world.admin, "two", modules=[module])
    world.update_text(world.admin, module, "message=Module.V2\n")
    refused(
        lambda: world.reapply(world.admin, module, batch_size=1, batch_delay=10**12),
        400,
        "Validation error: reapply['batch_delay'] 1000000000000 puts the last batch past the "
        "year 9999",
    )
    assert world.sim.reapply_runs(world.admin, module["id"]) == []


def test_the_clock_cannot_move_past_the_year_9999_or_by_a_non_finite_amount(world, refused):
    refused(
        lambda: world.sim.advance_clock(1e15), 400, "The clock cannot be moved past the year 9999."
    )
    refused(
        lambda: world.sim.advance_clock(float("nan")),
        400,
        "The clock moves by a finite number of seconds.",
    )


def test_the_instance_list_shows_cluster_members_only_when_asked(world):
    world.instance(world.alice, "single")
    world.cluster(world.alice, "clust")
    plain = [i["name"] for i in world.sim.list_instances(world.alice)]
    every = [i["name"] for i in world.sim.list_instances(world.alice, include_clustered=True)]
    assert plain == ["single"]
    assert sorted(every) == ["clust-member-1", "clust-member-2", "clust-member-3", "single"]
