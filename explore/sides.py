"""The two sides explore drives: the target, and an embedded simulator holding its catalogue.

Each side is a ``World`` of the steps (names with the run's suffix on a shared endpoint, name
and id registries, cleanup), so an operation runs there exactly as the feature's step runs it.
An answer is normalised before the sides are compared: names lose the suffix, ids become
``{id of NAME}``, times are left out, and lists keep only this sequence's resources. What is
compared is exactly what the written Then steps check.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from trovesim.simulator import Catalog, Simulator, VirtualClock
from trovesim.simulator.catalog_file import catalog_of
from trovesim.steps.ledger import Ledger
from trovesim.steps.profile import Offer, Profile
from trovesim.steps.tables import GUEST_RESULT, INSTANCE, INSTANCE_COUNT
from trovesim.steps.targets.base import ReapplyOptions, Target, TargetError
from trovesim.steps.targets.inprocess import SCENARIO_START, InProcessTarget
from trovesim.steps.world import World

from .operations import Operation

# The module properties a create, update or show answer is judged on (no ids, no times).
MODULE_PROPERTIES = (
    "name",
    "type",
    "visible",
    "auto_apply",
    "live_update",
    "priority_apply",
    "apply_order",
    "is_admin",
    "md5",
    "instance_count",
)
QUERY_COLUMNS = ("Name", "Status", "Message")
COUNT_COLUMNS = ("Module Name", "Module MD5", "Current", "Count")
LISTING_COLUMNS = ("Name", "Status")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@dataclass(frozen=True)
class Answer:
    """A normalised answer: refused (status, message) or answered (a view: properties, rows
    with their header, or names), as the Then steps will state it."""

    status: int | None = None
    message: str = ""
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()

    @property
    def refused(self) -> bool:
        return self.status is not None

    def describe(self) -> str:
        if self.refused:
            return f"refused with {self.status} {self.message!r}"
        if not self.rows:
            return "succeeded"
        return "answered " + "; ".join(" | ".join(row) for row in (self.header, *self.rows))


def _id_of(names: dict[str, str], found: str) -> str:
    return "{id of " + names[found] + "}" if found in names else found


class _VirtualHand:
    """What the in-process target needs of freezegun's factory, on a virtual clock instead:
    explore must not freeze the time of the process that talks to the target."""

    def __init__(self, clock: VirtualClock) -> None:
        self._clock = clock

    def tick(self, delta: _dt.timedelta) -> None:
        self._clock.advance(delta.total_seconds())

    def move_to(self, when: _dt.datetime) -> None:
        self._clock.set(when)


def catalogue_of(offer: Offer) -> Catalog:
    """The target's datastores, versions and flavors as the simulator's catalogue."""
    spec = {
        "datastores": [
            {"name": d.name, "default_version": d.default_version, "versions": list(d.versions)}
            for d in offer.datastores
        ],
        "flavors": [{"id": i, "name": i, "ram": ram} for i, ram in offer.flavors],
    }
    return catalog_of(spec)


def embedded_target(catalogue: Catalog) -> InProcessTarget:
    clock = VirtualClock(SCENARIO_START)
    return InProcessTarget(Simulator(clock=clock, catalog=catalogue), _VirtualHand(clock))


class Side:
    """One implementation and the world of the current sequence on it."""

    def __init__(self, target: Target, suffix: str, profile: Profile, ledger: Ledger) -> None:
        self.world = World(target, suffix, profile, ledger)
        self.target = target
        self.profile = profile
        self.ledger = ledger

    def run(self, op: Operation) -> Answer:
        world = self.world
        world.step, world.step_type = str(op), "when"
        try:
            return self._run(op)
        except TargetError as refused:
            return Answer(status=refused.status, message=self.placeholders(refused.message))

    def cleanup(self) -> None:
        self.world.cleanup()

    # --- normalising -----------------------------------------------------------------------

    def placeholders(self, text: str) -> str:
        """The text with names as written and every id this sequence knows as {id of NAME}."""
        names = {}
        for registry in (self.world.modules, self.world.instances):
            names.update({i: n for n, i in registry.ids.items()})
        names.update({i: n for n, i in self.world.invented.items()})
        text = _UUID.sub(lambda m: _id_of(names, m.group()), text)
        return self.world.shown(text)

    def _cell(self, value: object) -> str:
        return self.placeholders(self.world.shown(value))

    def _properties(self, answer: dict) -> Answer:
        rows = tuple((key, self._cell(answer.get(key, "(missing)"))) for key in MODULE_PROPERTIES)
        return Answer(header=("property", "value"), rows=rows)

    def _table(self, items: list[dict], columns: dict, header: tuple[str, ...]) -> Answer:
        rows = tuple(tuple(self._cell(columns[c](item)) for c in header) for item in items)
        return Answer(header=header, rows=rows)

    # --- running ---------------------------------------------------------------------------

    def _run(self, op: Operation) -> Answer:
        world, target, who = self.world, self.target, op.who
        module_id = world.module_id(op.module) if op.module else ""
        instance_id = world.instance_id(op.instance) if op.instance else ""
        fields = {k: world.fill(v) if isinstance(v, str) else v for k, v in op.fields().items()}
        actions: dict[str, Callable[[], Answer]] = {
            "create_module": lambda: self._create_module(op, fields),
            "update_module": lambda: self._properties(target.update_module(who, module_id, fields)),
            "delete_module": lambda: self._done(target.delete_module(who, module_id)),
            "create_instance": lambda: self._create_instance(op),
            "delete_instance": lambda: self._done(target.delete_instance(who, instance_id)),
            "apply": lambda: self._table(
                target.module_apply(who, instance_id, [world.module_id(m) for m in op.modules]),
                GUEST_RESULT,
                QUERY_COLUMNS,
            ),
            "remove": lambda: self._done(target.module_remove(who, instance_id, module_id)),
            "reapply": lambda: self._reapply(op, module_id),
            "show_module": lambda: self._properties(target.show_module(who, module_id)),
            "list_modules": lambda: self._names(target.list_modules(who)),
            "query": lambda: self._table(
                self._known(target.module_query(who, instance_id), world.known_module_ids()),
                GUEST_RESULT,
                QUERY_COLUMNS,
            ),
            "count": lambda: self._table(
                target.module_instance_count(who, module_id, op.clustered),
                INSTANCE_COUNT,
                COUNT_COLUMNS,
            ),
            "module_instances": lambda: self._module_instances(op, module_id),
        }
        return actions[op.kind]()

    @staticmethod
    def _done(_: object) -> Answer:
        return Answer()

    @staticmethod
    def _known(items: list[dict], known: set[str]) -> list[dict]:
        return [item for item in items if item["id"] in known]

    def _names(self, modules: list[dict]) -> Answer:
        known = self._known(modules, self.world.known_module_ids())
        names = sorted(self.world.as_written(m["name"]) for m in known)
        return Answer(header=("names",), rows=tuple((n,) for n in names))

    def _create_module(self, op: Operation, fields: dict) -> Answer:
        answer = self.target.create_module(
            op.who, {**fields, "name": self.world.real_name(op.module)}
        )
        self.world.remember_module(op.module, answer, op.who)
        return self._properties(answer)

    def _create_instance(self, op: Operation) -> Answer:
        world = self.world
        answer = self.target.create_instance(
            op.who,
            world.real_name(op.instance),
            self.profile.flavor,
            self.profile.datastore,
            self.profile.version,
            [world.module_id(m) for m in op.modules],
        )
        self.ledger.instances += 1
        world.remember_instance(op.instance, answer, op.who)

        def built() -> None:
            status = world.must(lambda: self.target.show_instance(op.who, answer["id"]))["status"]
            assert status != "BUILD", "the instance is still building"

        world.eventually(built, self.target.build_wait_seconds)
        return Answer()

    def _reapply(self, op: Operation, module_id: str) -> Answer:
        self.target.reapply(op.who, module_id, ReapplyOptions())
        self.target.finish_background_work()
        return Answer()

    def _module_instances(self, op: Operation, module_id: str) -> Answer:
        items, marker = [], None
        for _ in range(100):
            page, marker = self.target.module_instances(
                op.who, module_id, op.clustered, marker=marker
            )
            items.extend(page)
            if marker is None:
                break
        known = self._known(items, self.world.known_instance_ids())
        answer = self._table(known, INSTANCE, LISTING_COLUMNS)
        return Answer(header=answer.header, rows=tuple(sorted(answer.rows)))
