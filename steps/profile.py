"""The target's world: what it offers (flavors, datastores, module types) and the roles the suite
gives them.

Feature files never name a flavor or a datastore of their own; they speak of roles: "an
instance" is built with the chosen flavor on the chosen datastore and version, "an instance of
the other version" on another version of that datastore, "of the other datastore" on a second
datastore, and clusters use a datastore that can build them. Expected values name the chosen
values through placeholders (``{datastore}``, ``{other version}``, ``{flavor}``, ...).

The roles are picked from what the target offers; ``--flavor``, ``--datastore``, ... or a profile
file (TOML, one key per role) fix any of them. A role the target cannot fill is a missing
capability: the scenarios that need it are not applicable, with the reason.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from trovesim.suite import (
    NEEDS_CLUSTERS,
    NEEDS_SECOND_DATASTORE,
    NEEDS_SECOND_VERSION,
    NEEDS_TYPE,
    NOT_APPLICABLE,
    SIMULATOR_ONLY,
)

# Datastores Trove's cluster strategies serve (Trove's documentation lists cluster support for
# these); a deployment may name its datastores otherwise, hence --cluster-datastore.
CLUSTER_DATASTORES = (
    "redis",
    "mongodb",
    "cassandra",
    "mariadb",
    "pxc",
    "percona",
    "galera",
    "vertica",
    "couchbase",
)
# The module types the suite knows how to write contents for; ping is the minimum.
MODULE_TYPES = ("ping", "new_relic_license")
NONE = "none"
# A database needs memory: the default flavor is the smallest with at least this much.
DATABASE_RAM_MB = 1024


@dataclass(frozen=True)
class OfferedDatastore:
    name: str
    default_version: str | None
    versions: tuple[str, ...]  # the active ones, in the target's order

    @property
    def usable_version(self) -> str | None:
        """The version an instance of this datastore gets: its default, else its first."""
        if self.default_version in self.versions:
            return self.default_version
        return self.versions[0] if self.versions else None


@dataclass(frozen=True)
class Offer:
    """What a target offers: flavors (id, RAM in MB), datastores, module types."""

    flavors: tuple[tuple[str, int], ...]
    datastores: tuple[OfferedDatastore, ...]
    module_types: tuple[str, ...]

    def datastore(self, name: str) -> OfferedDatastore | None:
        return next((d for d in self.datastores if d.name == name), None)


# Role name -> the option that fixes it (the profile file uses the role name as its key).
ROLES = {
    "flavor": "--flavor",
    "datastore": "--datastore",
    "version": "--datastore-version",
    "other_version": "--other-version",
    "other_datastore": "--other-datastore",
    "other_datastore_version": "--other-datastore-version",
    "cluster_datastore": "--cluster-datastore",
    "cluster_version": "--cluster-version",
}


@dataclass(frozen=True)
class Profile:
    """The chosen value of every role (None: the target cannot fill it) and the capabilities."""

    target: str
    flavor: str
    datastore: str
    version: str
    other_version: str | None = None
    other_datastore: str | None = None
    other_datastore_version: str | None = None
    cluster_datastore: str | None = None
    cluster_version: str | None = None
    module_types: tuple[str, ...] = ("ping",)
    controls: bool = False
    missing: dict[str, str] = field(default_factory=dict)  # capability tag -> why it is missing

    def roles(self) -> dict[str, str]:
        """The filled roles, for run.json and the placeholders."""
        return {
            role: value
            for role in ROLES
            if (value := getattr(self, role)) is not None and value != ""
        }

    def placeholders(self) -> dict[str, str]:
        """``{datastore}`` and friends, as the feature files write them."""
        return {"{" + role.replace("_", " ") + "}": value for role, value in self.roles().items()}

    def lacking(self, tags: set[str]) -> str | None:
        """The not-applicable reason for a scenario with these tags, or None if it can run."""
        for tag in sorted(tags):
            if tag in self.missing:
                return NOT_APPLICABLE + self.missing[tag]
            if tag.startswith(NEEDS_TYPE) and tag[len(NEEDS_TYPE) :] not in self.module_types:
                kind = tag[len(NEEDS_TYPE) :]
                return (
                    f"{NOT_APPLICABLE}needs the module type {kind}: {self.target} does not "
                    f"offer it (it offers {', '.join(self.module_types)})"
                )
        return None

    def capabilities(self) -> dict[str, bool | str]:
        """Capability -> True, or the reason it is missing (run.json's ``capabilities``)."""
        found: dict[str, bool | str] = {
            tag: self.missing.get(tag, True)
            for tag in (
                NEEDS_SECOND_VERSION,
                NEEDS_SECOND_DATASTORE,
                NEEDS_CLUSTERS,
                SIMULATOR_ONLY,
            )
        }
        for kind in MODULE_TYPES:
            found[NEEDS_TYPE + kind] = kind in self.module_types or (
                f"needs the module type {kind}: not offered"
            )
        return found


class ProfileError(ValueError):
    """An override names what the target does not offer, or the target lacks the minimum."""


def read_profile_file(path: Path) -> dict[str, str]:
    """A team's choices for its cloud: ``flavor = "d2.medium"``, ``datastore = "mysql"``, ..."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as problem:
        raise ProfileError(f"cannot read the profile {path}: {problem}") from None
    roles = data.get("roles", data)
    unknown = sorted(k for k in roles if k not in ROLES and not isinstance(roles[k], dict))
    if unknown:
        raise ProfileError(f"{path}: unknown role(s) {unknown}; known: {sorted(ROLES)}")
    return {k: str(v) for k, v in roles.items() if k in ROLES}


def _flavor(offer: Offer, wanted: str | None) -> str:
    ids = [flavor_id for flavor_id, _ in offer.flavors]
    if wanted:
        if wanted not in ids:
            raise ProfileError(f"flavor {wanted!r} is not offered (offered: {', '.join(ids)})")
        return wanted
    if not ids:
        raise ProfileError("the target offers no flavor")
    roomy = [f for f in offer.flavors if f[1] >= DATABASE_RAM_MB] or list(offer.flavors)
    return min(roomy, key=lambda f: (f[1], f[0]))[0]


def _datastore(offer: Offer, wanted: str | None, role: str) -> OfferedDatastore:
    found = offer.datastore(wanted) if wanted else None
    if found is None or not found.versions:
        names = ", ".join(d.name for d in offer.datastores if d.versions) or "none"
        raise ProfileError(f"{role} {wanted!r} has no active version (offered: {names})")
    return found


def _version(datastore: OfferedDatastore, wanted: str | None, role: str) -> str:
    if wanted:
        if wanted not in datastore.versions:
            raise ProfileError(
                f"{role} {wanted!r} is not an active version of {datastore.name} "
                f"(active: {', '.join(datastore.versions)})"
            )
        return wanted
    return datastore.usable_version


def choose(offer: Offer, target: str, wanted: dict[str, str], controls: bool) -> Profile:
    """Fill every role from what the target offers, honouring the operator's choices."""
    usable = [d for d in offer.datastores if d.versions]
    if not usable:
        raise ProfileError("the target offers no datastore with an active version")
    flavor = _flavor(offer, wanted.get("flavor"))
    if wanted.get("datastore"):
        main = _datastore(offer, wanted["datastore"], "datastore")
    else:  # the datastore with the most versions, so that "another version" can be judged
        main = max(usable, key=lambda d: len(d.versions))
    version = _version(main, wanted.get("version"), "datastore version")
    missing: dict[str, str] = {}

    other_version = wanted.get("other_version") or next(
        (v for v in main.versions if v != version), None
    )
    if other_version == NONE or other_version is None:
        other_version = None
        missing[NEEDS_SECOND_VERSION] = (
            f"needs a second version: {main.name} on {target} has no active version "
            f"besides {version}"
        )
    else:
        _version(main, other_version, "other version")

    other = _pick_other(offer, wanted, main, target, missing)
    cluster = _pick_cluster(offer, wanted, main, target, missing)
    cluster_version = cluster and _version(
        cluster, wanted.get("cluster_version"), "cluster version"
    )
    if not controls:
        missing[SIMULATOR_ONLY] = (
            f"needs simulator controls: {target} offers no virtual clock, guest faults or "
            "build control"
        )
    return Profile(
        target=target,
        flavor=flavor,
        datastore=main.name,
        version=version,
        other_version=other_version,
        other_datastore=other.name if other else None,
        other_datastore_version=(
            _version(other, wanted.get("other_datastore_version"), "other datastore version")
            if other
            else None
        ),
        cluster_datastore=cluster.name if cluster else None,
        cluster_version=cluster_version,
        module_types=offer.module_types,
        controls=controls,
        missing=missing,
    )


def _pick(
    offer: Offer,
    wanted: dict[str, str],
    role: str,
    candidates: list[OfferedDatastore],
    missing: tuple[str, str, dict[str, str]],
) -> OfferedDatastore | None:
    """The operator's datastore for a role, else the first candidate; none (and the capability
    ``missing`` names, with its reason, recorded as missing) when there is none or "none"."""
    name = wanted.get(role)
    if name and name != NONE:
        return _datastore(offer, name, role.replace("_", " "))
    if name == NONE or not candidates:
        tag, reason, lacking = missing
        lacking[tag] = reason
        return None
    return candidates[0]


def _pick_other(
    offer: Offer, wanted: dict[str, str], main: OfferedDatastore, target: str, missing: dict
) -> OfferedDatastore | None:
    others = [d for d in offer.datastores if d.versions and d.name != main.name]
    # One that cannot build clusters where there is a choice: clusters get their own.
    others.sort(key=lambda d: d.name in CLUSTER_DATASTORES)
    reason = (
        f"needs a second datastore: {target} offers no datastore with an active version "
        f"besides {main.name}"
    )
    return _pick(
        offer, wanted, "other_datastore", others, (NEEDS_SECOND_DATASTORE, reason, missing)
    )


def _pick_cluster(
    offer: Offer, wanted: dict[str, str], main: OfferedDatastore, target: str, missing: dict
) -> OfferedDatastore | None:
    # The cluster scenarios bind a module to the instances' datastore and expect the cluster
    # to refuse it, so the cluster datastore must be another one.
    capable = [
        d
        for d in offer.datastores
        if d.versions and d.name in CLUSTER_DATASTORES and d.name != main.name
    ]
    reason = (
        f"needs clusters: no datastore of {target} besides {main.name} builds clusters "
        f"(known cluster datastores: {', '.join(CLUSTER_DATASTORES)}; "
        "name one with --cluster-datastore)"
    )
    return _pick(offer, wanted, "cluster_datastore", capable, (NEEDS_CLUSTERS, reason, missing))
