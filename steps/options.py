"""The suite's options, shared by ``trovesim verify`` and the pytest plugin.

Each option is also read from an environment variable (``TROVESIM_...``); ``verify --help`` and
``pytest --help`` list the same ones. Credentials: per caller either a static token acting in a
project (``--tenant-token T --tenant-project P``), or a Keystone login (``--tenant-cloud NAME``:
a clouds.yaml entry; ``env``: the OS_* variables).
"""

from __future__ import annotations

from dataclasses import dataclass

from .profile import ROLES
from .targets.base import DEFAULT_BUILD_WAIT_SECONDS, DEFAULT_SETTLE_SECONDS, Caller

INPROCESS = "inprocess"


@dataclass(frozen=True)
class Option:
    flag: str
    variable: str
    help: str
    default: str | None = None
    number: bool = False

    @property
    def dest(self) -> str:
        return self.flag.lstrip("-").replace("-", "_")


TARGET = Option(
    "--target",
    "TROVESIM_TARGET",
    "inprocess (the embedded simulator, the default), or Trove's endpoint URL up to /v1.0; "
    "with Keystone logins and no --target, the endpoint comes from the service catalogue",
)

# Per caller: (prefix of the flags and variables, default token, default project) -- the
# defaults are our server's identities.
_CALLERS = {
    Caller.ADMIN: ("admin", "admin-token", "admin"),
    Caller.TENANT_A: ("tenant", "alice-token", "tenant-a"),
    Caller.TENANT_B: ("second-tenant", "bob-token", "tenant-b"),
}


def _credential_options(caller: Caller) -> tuple[Option, Option, Option]:
    prefix, token, project = _CALLERS[caller]
    variable = "TROVESIM_" + prefix.upper().replace("-", "_")
    who = caller.value
    return (
        Option(f"--{prefix}-token", f"{variable}_TOKEN", f"{who}'s static token", token),
        Option(
            f"--{prefix}-project",
            f"{variable}_PROJECT",
            f"the project {who}'s token acts in (the URL's tenant)",
            project,
        ),
        Option(
            f"--{prefix}-cloud",
            f"{variable}_CLOUD",
            f"log {who} in through Keystone instead: a clouds.yaml cloud, or env for the "
            "OS_* variables (the session renews its token)",
        ),
    )


CREDENTIALS: dict[Caller, tuple[Option, Option, Option]] = {
    caller: _credential_options(caller) for caller in Caller
}
WAITS = (
    Option(
        "--build-wait",
        "TROVESIM_BUILD_WAIT",
        "seconds a new instance or cluster may take to build (endpoints without our clock)",
        str(DEFAULT_BUILD_WAIT_SECONDS),
        number=True,
    ),
    Option(
        "--settle-wait",
        "TROVESIM_SETTLE_WAIT",
        "seconds reads are retried after background work: guest applies, reapply",
        str(DEFAULT_SETTLE_SECONDS),
        number=True,
    ),
)
_ROLE_HELP = {
    "flavor": "the flavor of every instance and cluster member (default: the smallest with "
    "1 GB of RAM or more)",
    "datastore": "the datastore instances use (default: the one with the most versions)",
    "version": "its version instances use (default: the datastore's default version)",
    "other_version": "another version of that datastore (none: the target has none)",
    "other_datastore": "a second datastore (none: the target has none)",
    "other_datastore_version": "the second datastore's version (default: its default)",
    "cluster_datastore": "a datastore that builds clusters (default: redis, mongodb, "
    "cassandra, mariadb, pxc, ... if offered; none: no clusters)",
    "cluster_version": "the cluster datastore's version (default: its default)",
}
ROLE_OPTIONS = tuple(
    Option(flag, "TROVESIM_" + flag[2:].upper().replace("-", "_"), _ROLE_HELP[role])
    for role, flag in ROLES.items()
)
PROFILE = Option(
    "--profile",
    "TROVESIM_PROFILE",
    "a TOML file choosing roles for a cloud (keys: " + ", ".join(ROLES) + "); options win",
)
ALL = (
    TARGET,
    *(option for trio in CREDENTIALS.values() for option in trio),
    *WAITS,
    PROFILE,
    *ROLE_OPTIONS,
)
