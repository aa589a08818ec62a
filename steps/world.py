"""One scenario's state: the names it used, what the last request answered, and its cleanup.

Steps name things ("mymod", "myinst"); the world knows their ids. Against a shared endpoint every
name gets the scenario's suffix ("mymod-s3kq9z") so that scenarios never meet; what the
implementation answers is read back with the suffix taken off, so expected tables and messages
use the feature's own names. Ids, project ids and (on our simulator) times are rendered the
same way on every target: ``{id of mymod}``, "tenant A's project", the scenario's clock.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from trovesim.suite import CouldNotJudge

from .ledger import Ledger, Leftover
from .pool import InstancePool, Lent
from .profile import Profile
from .targets.base import Caller, Controls, Target, TargetError

T = TypeVar("T")

# Names made of these get the scenario's suffix; others (empty, "!!!") travel as written.
_SUFFIXABLE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}")
_PLACEHOLDER = re.compile(r"\{id of (?:(?P<kind>datastore|version) )?(?P<what>[^{}]+)\}")
_ROLE = re.compile(
    r"\{(?:flavor|datastore|version|other version|other datastore|other datastore version"
    r"|cluster datastore|cluster version)\}"
)
_API_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d")
_GUEST_TIME = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d\d")
POLL_SECONDS = 2.0
MISSING = "(missing)"


# The attribute that marks a step function as one that judges the last request's outcome.
JUDGES = "judges_outcome"


def judges(step_function: Callable[..., T]) -> Callable[..., T]:
    """Mark a step that reads the last request's answer or refusal (put under ``@then``)."""
    setattr(step_function, JUDGES, True)
    return step_function


class SetupRefused(CouldNotJudge):
    """A request the scenario needs to succeed was refused: it judged nothing."""


@dataclass
class Outcome:
    """What the last When step got back: an answer or a refusal."""

    answer: object = None
    error: TargetError | None = None
    step: str = ""  # the step that made the request
    examined: bool = False  # a step has read it (a refusal nobody reads is a broken set-up)


@dataclass
class Registry:
    """Names to ids, and who owns what, for one kind of resource."""

    ids: dict[str, str] = field(default_factory=dict)
    owners: dict[str, Caller] = field(default_factory=dict)

    def add(self, name: str, resource_id: str, owner: Caller) -> None:
        self.ids[name] = resource_id
        self.owners.setdefault(resource_id, owner)


class World:
    def __init__(
        self,
        target: Target,
        suffix: str,
        profile: Profile,
        ledger: Ledger,
        pool: InstancePool | None = None,
        deletes_instances: bool = False,
    ) -> None:
        self.target = target
        self.profile = profile
        self.ledger = ledger
        # Lending instances (see steps.pool): the pool, if the target's builds cost time, and
        # what this scenario borrowed, under which of its names.
        self.pool = pool
        self.deletes_instances = deletes_instances
        self.has_auto_apply = False
        self.lent: list[Lent] = []
        self.aliases: dict[str, str] = {}
        self.suffix = suffix if target.unique_names else ""
        self.step = ""  # the step being carried out, and its type (given, when, then)
        self.step_type = "given"
        self.modules = Registry()
        self.instances = Registry()
        self.clusters = Registry()
        self.cluster_members: set[str] = set()
        self.invented: dict[str, str] = {}
        self.first_answers: dict[str, dict] = {}
        self.outcome = Outcome()
        self.time_offset = _dt.timedelta(0)
        self.pages: list[list[dict]] = []
        self.retrieved: dict[str, bytes] = {}

    @property
    def controls(self) -> Controls:
        """The simulator's controls; scenarios that use them are @simulator-only."""
        if self.target.controls is None:
            raise AssertionError(f"{self.target.label} offers no simulator controls")
        return self.target.controls

    def fill(self, text: str) -> str:
        """The feature's role placeholders (``{datastore}``, ``{other version}``, ...) filled in
        with the values chosen for this target."""
        values = self.profile.placeholders()

        def role(match: re.Match) -> str:
            if match.group() not in values:
                raise ValueError(f"{match.group()} names no role this target fills: {values}")
            return values[match.group()]

        return _ROLE.sub(role, text)

    def filled_table(self, datatable: list[list[str]]) -> list[list[str]]:
        """A table of values to send: roles and ``{id of ...}`` filled in."""
        return [[self.with_ids(cell) for cell in row] for row in datatable]

    # --- names -----------------------------------------------------------------------------

    def real_name(self, name: str) -> str:
        if self.suffix and _SUFFIXABLE.fullmatch(name):
            return f"{name}-{self.suffix}"
        return name

    def as_written(self, text: str) -> str:
        """An answer's text with the scenario's suffix taken off every name."""
        return text.replace(f"-{self.suffix}", "") if self.suffix else text

    def _id(self, registry: Registry, name: str) -> str:
        """A known resource's id; a name never created stands for an id that does not exist."""
        return registry.ids.get(name) or self.invented.setdefault(name, str(uuid.uuid4()))

    def module_id(self, name: str) -> str:
        return self._id(self.modules, name)

    def instance_id(self, name: str) -> str:
        return self._id(self.instances, name)

    def cluster_id(self, name: str) -> str:
        return self._id(self.clusters, name)

    def instance_owner(self, name: str) -> Caller:
        return self.instances.owners.get(self.instance_id(name), Caller.ADMIN)

    def cluster_owner(self, name: str) -> Caller:
        return self.clusters.owners.get(self.cluster_id(name), Caller.ADMIN)

    def known_module_ids(self) -> set[str]:
        return set(self.modules.ids.values())

    def known_instance_ids(self) -> set[str]:
        return set(self.instances.ids.values())

    def remember_module(self, name: str, answer: dict, owner: Caller) -> None:
        self.has_auto_apply = self.has_auto_apply or bool(answer.get("auto_apply"))
        self.modules.add(name, answer["id"], owner)
        self.first_answers.setdefault(name, answer)

    def remember_instance(self, name: str, answer: dict, owner: Caller) -> None:
        self.instances.add(name, answer["id"], owner)

    def remember_cluster(self, name: str, answer: dict, owner: Caller) -> None:
        self.clusters.add(name, answer["id"], owner)
        for member in answer.get("instances", []):
            self.instances.add(self.as_written(member["name"]), member["id"], owner)
            self.cluster_members.add(member["id"])

    # --- outcomes --------------------------------------------------------------------------

    def attempt(self, call: Callable[[], T]) -> T | None:
        """Make a When step's request and keep its answer or refusal for the Then steps."""
        try:
            answer = call()
        except TargetError as refused:
            self.outcome = Outcome(error=refused, step=self.step)
            return None
        self.outcome = Outcome(answer=answer, step=self.step)
        return answer

    def must(self, call: Callable[[], T]) -> T:
        """Make a request that has to succeed. Refused in a Given step, the scenario could not
        be set up (it judged nothing); refused in a Then step's read, the rule is broken."""
        try:
            return call()
        except TargetError as refused:
            if self.step_type == "given":
                raise SetupRefused(f"the set-up request was refused: {refused}") from None
            raise AssertionError(f"the request was refused: {refused}") from None

    def request(self, call: Callable[[], T]) -> T | None:
        """The request of a step that is both a Given and a When (``phrases.given_when``): in a
        Given it must succeed, in a When its answer or refusal is kept for the Then steps."""
        return self.must(call) if self.step_type == "given" else self.attempt(call)

    def eventually(self, check: Callable[[], None], seconds: float | None = None) -> None:
        """Run a check; on an endpoint still working in the background, retry it for a while
        (``seconds``, by default the target's settle time)."""
        wait = self.target.settle_seconds if seconds is None else seconds
        deadline = time.monotonic() + wait
        while True:
            try:
                check()
                return
            except AssertionError:
                if time.monotonic() >= deadline:
                    raise
            with self.ledger.waiting():  # real time: the endpoint's own background work
                time.sleep(POLL_SECONDS)

    # --- rendering -------------------------------------------------------------------------

    def expected(self, text: str) -> str:
        """An expected value as written in the feature, with ``{id of ...}`` filled in."""
        if len(text) >= 2 and text[0] == text[-1] == '"':
            text = text[1:-1]
        return self.with_ids(text)

    def with_ids(self, text: str) -> str:
        """Roles filled in, and ``{id of ...}``: a datastore's, a version's, a resource's of this
        scenario, or an invented id for a name never created."""
        text = self.fill(text)

        def fill(match: re.Match) -> str:
            what = match.group("what")
            if match.group("kind") == "datastore":
                return self.target.datastore_id(what)
            if match.group("kind") == "version":
                datastore, version = what.rsplit(" ", 1)
                return self.target.version_id(datastore, version)
            for registry in (self.modules, self.instances, self.clusters):
                if what in registry.ids:
                    return registry.ids[what]
            return self.invented.setdefault(what, str(uuid.uuid4()))

        return _PLACEHOLDER.sub(fill, text)

    def shown(self, value: object) -> str:
        """An answer's value as a table cell: Python's words, the feature's names and clock."""
        if value is None or isinstance(value, bool):
            return str(value)
        text = self.as_written(self.aliases.get(str(value), str(value)))
        for caller in Caller:
            if text == self.target.project_id(caller):
                return caller.project_label
        if self.time_offset:
            text = _API_TIME.sub(lambda m: self._shift(m.group(), "%Y-%m-%dT%H:%M:%S"), text)
            text = _GUEST_TIME.sub(lambda m: self._shift(m.group(), "%Y-%m-%d %H:%M:%S.%f"), text)
        return text

    def _shift(self, stamp: str, layout: str) -> str:
        """A time on the implementation's clock as the scenario's clock reads it."""
        when = _dt.datetime.strptime(stamp, layout) - self.time_offset
        return when.strftime(layout)[: len(stamp)]

    # --- cleanup ---------------------------------------------------------------------------

    def cleanup(self) -> None:
        """Delete what the scenario created on a shared endpoint: clusters, instances, modules.
        What cannot be deleted goes into the run's leftovers."""
        if not self.target.unique_names:
            return
        with contextlib.suppress(TargetError):
            self.target.finish_background_work()
        for cluster_id, owner in self.clusters.owners.items():
            self._tidy(
                "cluster", cluster_id, lambda c=cluster_id, o=owner: self._delete_cluster(o, c)
            )
        for lent in self.lent:
            self._tidy("instance", lent.id, lambda x=lent: self._give_back(x))
        borrowed = {lent.id for lent in self.lent}
        for instance_id, owner in self.instances.owners.items():
            if instance_id not in self.cluster_members | borrowed:
                self._tidy(
                    "instance",
                    instance_id,
                    lambda i=instance_id, o=owner: self._delete_instance(o, i),
                )
        for module_id in self.modules.owners:
            self._tidy("module", module_id, lambda m=module_id: self._delete_module(m))

    # --- borrowed instances ------------------------------------------------------------------

    def may_borrow(self) -> bool:
        """Whether a Given step may take a lent instance instead of building one."""
        return self.pool is not None and not self.has_auto_apply and not self.deletes_instances

    def borrow(self, owner: Caller, datastore: str, version: str, wait: Callable) -> dict:
        """A lent instance of this kind (built now if none is free), as the instance's answer;
        ``wait`` waits for a new one to be built."""
        key = (owner, datastore, version)
        lent = self.pool.take(key)
        if lent is None:
            name = self.pool.new_name()
            answer = self.must(
                lambda: self.target.create_instance(
                    owner, name, self.profile.flavor, datastore, version, []
                )
            )
            self.ledger.instances += 1
            wait(answer["id"])
            lent = Lent(answer["id"], name, key)
        self.lent.append(lent)
        return {"id": lent.id, "name": lent.name}

    def _give_back(self, lent: Lent) -> None:
        """Take the scenario's modules off a lent instance and return it to the pool; one that
        cannot be cleaned is deleted instead (the sweep would find it by its name anyway)."""
        owner = lent.key[0]
        try:  # as the admin, who sees hidden modules too
            for module in self.target.module_query(Caller.ADMIN, lent.id):
                if module["id"] in self.known_module_ids():
                    self.target.module_remove(Caller.ADMIN, lent.id, module["id"])
        except TargetError:
            self._delete_instance(owner, lent.id)
            return
        self.pool.give_back(lent)

    def _name_of(self, registry: Registry, resource_id: str) -> str:
        names = [self.real_name(n) for n, i in registry.ids.items() if i == resource_id]
        return names[0] if names else ""

    def _tidy(self, kind: str, resource_id: str, delete: Callable[[], object]) -> None:
        try:
            delete()
        except TargetError as refused:
            if refused.status == 404:
                return
            reason = str(refused)
        except CouldNotJudge as problem:
            reason = str(problem)
        else:
            return
        registry = {"cluster": self.clusters, "instance": self.instances}.get(kind, self.modules)
        self.ledger.leftovers.append(
            Leftover(kind, resource_id, self._name_of(registry, resource_id), reason)
        )

    def _delete_cluster(self, owner: Caller, cluster_id: str) -> None:
        self.target.delete_cluster(owner, cluster_id)
        self._await_gone(lambda: self.target.show_cluster(owner, cluster_id))

    def _delete_instance(self, owner: Caller, instance_id: str) -> None:
        def built() -> None:
            status = self.target.show_instance(owner, instance_id)["status"]
            assert status != "BUILD", f"instance {instance_id} is still building"

        with contextlib.suppress(AssertionError):  # the delete below reports what Trove says
            self.eventually(built, self.target.build_wait_seconds)
        self.target.delete_instance(owner, instance_id)
        self._await_gone(lambda: self.target.show_instance(owner, instance_id))

    def _delete_module(self, module_id: str) -> None:
        self.target.delete_module(Caller.ADMIN, module_id)

    def _await_gone(self, show: Callable[[], object]) -> None:
        """A deleted instance may stay a while (SHUTDOWN); its module records go with it."""

        def gone() -> None:
            try:
                show()
            except TargetError as refused:
                if refused.status == 404:
                    return
                raise
            raise AssertionError("still there")

        with contextlib.suppress(AssertionError):
            self.eventually(gone, self.target.build_wait_seconds)
