"""The simulator's records: plain data, no rules (the rules live in the modules that use them)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import NamedTuple


@dataclass(frozen=True, slots=True)
class Context:
    """Who is calling: the project (tenant) the request acts in, and whether it holds admin."""

    project_id: str
    is_admin: bool = False
    user: str | None = None


@dataclass(slots=True)
class Module:
    id: str
    name: str
    type: str
    contents: str
    md5: str
    description: str | None
    tenant_id: str | None
    datastore_id: str | None
    datastore_version_id: str | None
    auto_apply: bool
    visible: bool
    live_update: bool
    priority_apply: bool
    apply_order: int
    is_admin: bool
    created: _dt.datetime
    updated: _dt.datetime
    seq: int
    deleted: bool = False
    deleted_at: _dt.datetime | None = None


@dataclass(slots=True)
class Instance:
    id: str
    name: str
    tenant_id: str
    flavor_id: str
    volume_size: int
    datastore_id: str
    datastore_version_id: str
    status: str
    created: _dt.datetime
    updated: _dt.datetime
    cluster_id: str | None = None
    deleted: bool = False
    deleted_at: _dt.datetime | None = None


@dataclass(slots=True)
class Cluster:
    id: str
    name: str
    tenant_id: str
    datastore_id: str
    datastore_version_id: str
    member_ids: list[str]
    created: _dt.datetime
    updated: _dt.datetime
    deleted: bool = False


@dataclass(slots=True)
class Record:
    """One instance-module row: the module's md5 as it was when applied to the instance."""

    id: int
    instance_id: str
    module_id: str
    md5: str
    tenant_id: str
    clustered: bool
    created: _dt.datetime
    updated: _dt.datetime


class RetiredRecord(NamedTuple):
    """A soft-deleted record, kept for the history. A tuple of plain values: the garbage
    collector stops tracking it, so a long history costs no collection time."""

    id: int
    instance_id: str
    module_id: str
    md5: str
    tenant_id: str
    clustered: bool
    created: _dt.datetime
    updated: _dt.datetime
    deleted_at: _dt.datetime


class GuestResult(NamedTuple):
    """What a guest keeps per module it applied (its result.json).

    Immutable plain values (replaced, not changed), so that the collector stops tracking the
    million results of a large world.
    """

    module_id: str
    type: str
    name: str
    datastore: str
    datastore_version: str
    tenant: str
    md5: str
    status: str
    message: object
    created: _dt.datetime
    updated: _dt.datetime
    auto_apply: bool
    visible: bool
    is_admin: bool
    contents: bytes
    seq: int
    removed: _dt.datetime | None = None


@dataclass(slots=True)
class ReapplyRun:
    """The kept outcome of one reapply request, filled in as its batches run."""

    id: str
    module_id: str
    requested_by: str
    md5: str | None
    include_clustered: bool
    force: bool
    batch_size: int
    batch_delay: int
    started: _dt.datetime
    target_md5: str
    selected: list[str] = field(default_factory=list)
    processed: int = 0
    applied: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[dict] = field(default_factory=list)
    finished: _dt.datetime | None = None
