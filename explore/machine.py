"""The Hypothesis state machine: random operations by the admin and two tenants, applied to
both sides and compared after each one.

Names are handed out in order ("m1", "m2", ... and "i1", ...), so a shrunk sequence reads
naturally; operations may name a module or instance that a refused create never made, which
both sides must refuse alike. The first disagreement raises ``Divergence``; Hypothesis then
shrinks the sequence, and the last ``Divergence`` raised is the minimal one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule
from trovesim.steps.targets.base import Caller

from .operations import Operation
from .sides import Answer, Side

MODULES = 4
INSTANCES = 3
CALLERS = st.sampled_from(tuple(Caller))
FLAG = st.sampled_from(("yes", "no"))
CREATE_OPTIONS = {
    "hidden": FLAG,
    "auto apply": FLAG,
    "all tenants": FLAG,
    "live update": FLAG,
    "priority apply": FLAG,
    "full access": FLAG,
    "apply order": st.sampled_from(("0", "3", "5", "9")),
    "datastore": st.just("{datastore}"),
}
# What a tenant may set (the rest is the admin's).
TENANT_OPTIONS = {k: CREATE_OPTIONS[k] for k in ("live update", "apply order", "datastore")}
UPDATE_OPTIONS = {
    **{k: v for k, v in CREATE_OPTIONS.items() if k != "datastore"},
    "description": st.sampled_from(("first", "second")),
    "contents": st.sampled_from(("message=one\\n", "message=two\\n")),
}
# Differences from upstream Trove that docs/differences.md records, by the operation whose
# answer they change (the row numbers there). Under --expect upstream a disagreement on such an
# operation is a known difference, not a divergence.
UPSTREAM_DIFFERS: dict[str, tuple[int, ...]] = {
    "list_modules": (1,),
    "show_module": (2,),
    "update_module": (4, 5, 11),
    "delete_module": (7,),
    "apply": (14, 15),
    "create_instance": (14, 15),
    "module_instances": (20,),
    "count": (21,),
    "delete_instance": (22, 25),
    "reapply": (23, 24, 32),
    "remove": (26,),
}


def _options(choices: dict) -> st.SearchStrategy[tuple[tuple[str, str], ...]]:
    keys = st.lists(st.sampled_from(sorted(choices)), unique=True, max_size=3)
    return keys.flatmap(
        lambda names: st.tuples(*(st.tuples(st.just(n), choices[n]) for n in names))
    )


# What a tenant may change, or anything.
UPDATES = st.one_of(
    _options({k: UPDATE_OPTIONS[k] for k in ("description", "live update", "apply order")}),
    _options(UPDATE_OPTIONS),
).filter(bool)
SHARED = ("all tenants", "yes")
HIDDEN = ("hidden", "yes")
# A tenant's options, any options, a module for all tenants (which tenants then see, apply, and
# may try to change), or a hidden one for all tenants (as operators ship hidden auto-apply ones).
MODULE_OPTIONS = st.one_of(
    _options(TENANT_OPTIONS),
    _options(CREATE_OPTIONS),
    _options(CREATE_OPTIONS).map(lambda o: _with(o, SHARED)),
    _options(CREATE_OPTIONS).map(lambda o: _with(o, SHARED, HIDDEN)),
)


def _with(options: tuple, *forced: tuple[str, str]) -> tuple:
    names = {option for option, _ in forced}
    return (*forced, *(pair for pair in options if pair[0] not in names))


@dataclass
class Divergence(Exception):
    """The sides answered one operation differently; ``done`` is what came before, with the
    simulator's answer to each."""

    done: list[tuple[Operation, Answer]]
    operation: Operation
    simulator: Answer
    target: Answer

    def __str__(self) -> str:
        return (
            f"{self.operation}: the simulator {self.simulator.describe()}, "
            f"the target {self.target.describe()}"
        )


@dataclass
class Tally:
    """What a run did, across every example Hypothesis tried (shrinking included)."""

    sequences: int = 0
    operations: int = 0
    known_differences: list[dict] = field(default_factory=list)
    last_divergence: Divergence | None = None


@dataclass(frozen=True)
class Setup:
    """How each example gets its two sides, and the run's rules."""

    open_target: Callable[[int], Side]
    open_simulator: Callable[[], Side]
    close_target: Callable[[Side], None]
    max_builds: int | None
    expect_upstream: bool
    tally: Tally


def machine_for(setup: Setup) -> type[RuleBasedStateMachine]:
    """A state machine class bound to this run's sides."""

    class Explorer(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            setup.tally.sequences += 1
            self.simulator = setup.open_simulator()
            self.target = setup.open_target(setup.tally.sequences)
            self.done: list[tuple[Operation, Answer]] = []
            self.modules: list[str] = []
            self.instances: list[str] = []
            self.owners: dict[str, Caller] = {}
            self.shared: set[str] = set()
            self.made: set[str] = set()  # what the simulator did create

        def teardown(self) -> None:
            setup.close_target(self.target)

        def issue(self, op: Operation) -> None:
            setup.tally.operations += 1
            on_simulator, on_target = self.simulator.run(op), self.target.run(op)
            if on_simulator != on_target:
                rows = UPSTREAM_DIFFERS.get(op.kind)
                if setup.expect_upstream and rows:
                    setup.tally.known_differences.append(
                        {"operation": str(op), "differences_md_rows": list(rows)}
                    )
                    self.done.append((op, on_simulator))
                    return
                found = Divergence(list(self.done), op, on_simulator, on_target)
                setup.tally.last_divergence = found
                raise found
            self.done.append((op, on_simulator))

        def note_made(self, name: str) -> None:
            if not self.done[-1][1].refused:
                self.made.add(name)

        def module(self, data: st.DataObject) -> tuple[str, Caller]:
            """A module (mostly one that exists), and who acts on it: its creator or anyone."""
            made = [m for m in self.modules if m in self.made]
            name = data.draw(st.sampled_from(made or self.modules))
            return name, data.draw(st.one_of(st.just(self.owners[name]), CALLERS))

        def instance(self, data: st.DataObject) -> tuple[str, Caller]:
            """An instance (mostly one that exists), and who acts on it: its owner or anyone."""
            made = [i for i in self.instances if i in self.made]
            name = data.draw(st.sampled_from(made or self.instances))
            return name, data.draw(st.one_of(st.just(self.owners[name]), CALLERS))

        def usable(self, data: st.DataObject, who: Caller, most: int) -> tuple[str, ...]:
            """Modules to apply: mostly ones the caller may use (its own, or for all tenants)."""
            offered = [
                m
                for m in self.modules
                if m in self.made
                and (who is Caller.ADMIN or self.owners[m] is who or m in self.shared)
            ]
            pool = st.sampled_from(offered or self.modules)
            chosen = st.lists(pool, unique=True, min_size=min(2, len(offered)), max_size=most)
            anything = st.lists(st.sampled_from(self.modules), unique=True, max_size=most)
            return tuple(data.draw(st.one_of(chosen, anything)))

        # --- modules -----------------------------------------------------------------------

        @precondition(lambda self: len(self.modules) < MODULES)
        @rule(who=CALLERS, options=MODULE_OPTIONS)
        def create_module(self, who: Caller, options: tuple) -> None:
            name = f"m{len(self.modules) + 1}"
            self.modules.append(name)
            self.owners[name] = who
            if SHARED in options:
                self.shared.add(name)
            self.issue(Operation("create_module", who, module=name, options=options))
            self.note_made(name)

        @initialize(
            first=CALLERS,
            first_options=MODULE_OPTIONS,
            second=CALLERS,
            second_options=MODULE_OPTIONS,
            owner=CALLERS,
            data=st.data(),
        )
        def start(
            self,
            first: Caller,
            first_options: tuple,
            second: Caller,
            second_options: tuple,
            owner: Caller,
            data: st.DataObject,
        ) -> None:
            """Every sequence starts with two modules and an instance: short sequences then
            reach applies, counts and locks instead of spending their steps on set-up."""
            self.create_module(first, first_options)
            self.create_module(second, second_options)
            self.create_instance(owner, data)

        @precondition(lambda self: self.modules)
        @rule(data=st.data(), options=UPDATES)
        def update_module(self, data: st.DataObject, options: tuple) -> None:
            module, who = self.module(data)
            self.issue(Operation("update_module", who, module=module, options=options))

        @precondition(lambda self: self.modules)
        @rule(data=st.data(), kind=st.sampled_from(("show_module", "delete_module", "reapply")))
        def on_module(self, data: st.DataObject, kind: str) -> None:
            module, who = self.module(data)
            self.issue(Operation(kind, who, module=module))

        @rule(who=CALLERS)
        def list_modules(self, who: Caller) -> None:
            self.issue(Operation("list_modules", who))

        @precondition(lambda self: self.modules)
        @rule(
            data=st.data(),
            kind=st.sampled_from(("count", "module_instances")),
            clustered=st.booleans(),
        )
        def who_has(self, data: st.DataObject, kind: str, clustered: bool) -> None:
            module, who = self.module(data)
            self.issue(Operation(kind, who, module=module, clustered=clustered))

        # --- instances ---------------------------------------------------------------------

        @precondition(
            lambda self: (
                len(self.instances) < INSTANCES
                and (setup.max_builds is None or self.target.ledger.instances < setup.max_builds)
            )
        )
        @rule(who=CALLERS, data=st.data())
        def create_instance(self, who: Caller, data: st.DataObject) -> None:
            name = f"i{len(self.instances) + 1}"
            self.instances.append(name)
            self.owners[name] = who
            with_modules = self.modules and data.draw(st.booleans())
            chosen = self.usable(data, who, 2) if with_modules else ()
            self.issue(Operation("create_instance", who, instance=name, modules=chosen))
            self.note_made(name)

        @precondition(lambda self: self.instances)
        @rule(data=st.data(), kind=st.sampled_from(("query", "delete_instance")))
        def on_instance(self, data: st.DataObject, kind: str) -> None:
            instance, who = self.instance(data)
            self.issue(Operation(kind, who, instance=instance))

        @precondition(lambda self: self.instances and self.modules)
        @rule(data=st.data())
        def apply(self, data: st.DataObject) -> None:
            instance, who = self.instance(data)
            chosen = self.usable(data, who, 3) or (self.modules[0],)
            self.issue(Operation("apply", who, instance=instance, modules=chosen))

        @precondition(lambda self: self.instances and self.modules)
        @rule(data=st.data())
        def remove(self, data: st.DataObject) -> None:
            instance, who = self.instance(data)
            module = data.draw(st.sampled_from(self.modules))
            self.issue(Operation("remove", who, module=module, instance=instance))

    return Explorer
