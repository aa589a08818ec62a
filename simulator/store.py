"""In-memory tables with the indexes the queries need.

Instance-module records are indexed three ways: by instance then module for the one-live-row
rule, by module then instance for listing and reapply, and in count groups keyed by module, then
(md5, clustered), that keep their rows in order of last touch. A group therefore answers count,
min and max ``updated`` without scanning records: module-instance-count stays constant-time in
the world's size.
"""

from __future__ import annotations

import datetime as _dt
import itertools
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field

from .models import Cluster, Instance, Module, Record, RetiredRecord


@dataclass
class CountGroup:
    """Live rows of one module at one md5, clustered or not, oldest touch first."""

    rows: OrderedDict[int, Record] = field(default_factory=OrderedDict)
    in_order: bool = True

    def touch(self, record: Record) -> None:
        last = next(reversed(self.rows.values()), None)
        if last is not None and last is not record and record.updated < last.updated:
            self.in_order = False
        self.rows[record.id] = record
        self.rows.move_to_end(record.id)

    def drop(self, record: Record) -> None:
        """The row leaves; a group left empty is deleted by its store, never reused."""
        self.rows.pop(record.id)

    def bounds(self) -> tuple[_dt.datetime, _dt.datetime]:
        """Min and max ``updated``; a scan only if the clock ever went backwards for this group."""
        if self.in_order:
            return next(iter(self.rows.values())).updated, next(
                reversed(self.rows.values())
            ).updated
        stamps = [r.updated for r in self.rows.values()]
        return min(stamps), max(stamps)


class Store:
    def __init__(self) -> None:
        self.modules: dict[str, Module] = {}
        self.instances: dict[str, Instance] = {}
        self.clusters: dict[str, Cluster] = {}
        self.instances_by_tenant: dict[str, dict[str, Instance]] = defaultdict(dict)
        self.by_module: dict[str, dict[str, Record]] = defaultdict(dict)
        self.by_instance: dict[str, dict[str, Record]] = defaultdict(dict)
        self.groups: dict[str, dict[tuple[str, bool], CountGroup]] = defaultdict(dict)
        self.retired: list[RetiredRecord] = []
        self._record_ids = itertools.count(1)
        self.module_seq = itertools.count(1)

    def add_instance(self, instance: Instance) -> None:
        self.instances[instance.id] = instance
        self.instances_by_tenant[instance.tenant_id][instance.id] = instance

    def forget_instance(self, instance: Instance) -> None:
        """Deleted instances leave the tenant index; the row itself is kept, soft-deleted."""
        self.instances_by_tenant[instance.tenant_id].pop(instance.id, None)

    def record_apply(
        self, instance: Instance, module_id: str, md5: str, now: _dt.datetime
    ) -> Record:
        """Trove's InstanceModule.create: keep the row at this md5 (touched), retire any other."""
        current = self.live_record(instance.id, module_id)
        if current is not None and current.md5 == md5:
            current.updated = now
            self.groups[module_id][(md5, current.clustered)].touch(current)
            return current
        if current is not None:
            self.retire(current, now)
        record = Record(
            id=next(self._record_ids),
            instance_id=instance.id,
            module_id=module_id,
            md5=md5,
            tenant_id=instance.tenant_id,
            clustered=instance.cluster_id is not None,
            created=now,
            updated=now,
        )
        self.by_module[module_id][instance.id] = record
        self.by_instance[instance.id][module_id] = record
        self.groups[module_id].setdefault((md5, record.clustered), CountGroup()).touch(record)
        return record

    def retire(self, record: Record, now: _dt.datetime) -> None:
        """Soft-delete a live row: it leaves every index but is kept in the history."""
        del self.by_module[record.module_id][record.instance_id]
        del self.by_instance[record.instance_id][record.module_id]
        module_groups = self.groups[record.module_id]
        group = module_groups[(record.md5, record.clustered)]
        group.drop(record)
        if not group.rows:
            del module_groups[(record.md5, record.clustered)]
        self.retired.append(
            RetiredRecord(
                record.id,
                record.instance_id,
                record.module_id,
                record.md5,
                record.tenant_id,
                record.clustered,
                record.created,
                now,
                now,
            )
        )

    def retire_instance_records(self, instance_id: str, now: _dt.datetime) -> None:
        for record in list(self.by_instance.get(instance_id, {}).values()):
            self.retire(record, now)
        self.by_instance.pop(instance_id, None)

    def live_record(self, instance_id: str, module_id: str) -> Record | None:
        return self.by_instance.get(instance_id, {}).get(module_id)

    def count_at_md5(self, module_id: str, md5: str) -> int:
        module_groups = self.groups.get(module_id, {})
        return sum(len(g.rows) for (g_md5, _), g in module_groups.items() if g_md5 == md5)

    def md5_counts(
        self, module_id: str, include_clustered: bool
    ) -> list[tuple[str, int, _dt.datetime, _dt.datetime]]:
        """Per md5: live rows, oldest and newest ``updated``; clustered rows only when asked for.
        A module has one group per md5 and clustering, so this is a walk over a handful."""
        rows: dict[str, tuple[str, int, _dt.datetime, _dt.datetime]] = {}
        for (md5, clustered), group in self.groups.get(module_id, {}).items():
            if clustered and not include_clustered:
                continue
            low, high = group.bounds()
            seen = rows.get(md5)
            if seen is not None:
                low, high = min(low, seen[2]), max(high, seen[3])
                rows[md5] = (md5, seen[1] + len(group.rows), low, high)
            else:
                rows[md5] = (md5, len(group.rows), low, high)
        return list(rows.values())
