"""Who is calling: a fixed table of users, each with one token, one project and some roles.

Real Trove learns the caller from keystonemiddleware; the simulator maps the ``X-Auth-Token``
header straight to an identity, so every client mode works: a keystoneauth session with a
static token, ``openstack --os-token``, or a password login through the minimal Keystone.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from trovesim.simulator import Context
from trovesim.simulator.populate import Tenant

ADMIN_ROLE = "admin"

DEFAULT_IDENTITIES = {
    "users": [
        {"name": "admin", "token": "admin-token", "project": "admin", "roles": ["admin"]},
        {"name": "alice", "token": "alice-token", "project": "tenant-a", "roles": ["member"]},
        {"name": "bob", "token": "bob-token", "project": "tenant-b", "roles": ["member"]},
    ]
}


class IdentityFileError(ValueError):
    """An identity file that cannot describe users; the message says what is wrong."""


@dataclass(frozen=True)
class Identity:
    user_id: str
    user_name: str
    password: str
    token: str
    project_id: str
    project_name: str
    roles: tuple[str, ...]
    context: Context = field(init=False, compare=False)

    def __post_init__(self) -> None:
        # Built once: every request needs it, and Context is immutable.
        context = Context(project_id=self.project_id, is_admin=self.is_admin, user=self.user_id)
        object.__setattr__(self, "context", context)

    @property
    def is_admin(self) -> bool:
        return ADMIN_ROLE in self.roles


def _identity(entry: object) -> Identity:
    if not isinstance(entry, dict):
        raise IdentityFileError(f"each user must be an object, not {entry!r}")
    try:
        name = _text(entry, "name")
        token = _text(entry, "token")
        project = entry["project"]
    except KeyError as missing:
        raise IdentityFileError(f"user {entry!r} lacks {missing}") from None
    if isinstance(project, str):
        project = {"id": project, "name": project}
    if not isinstance(project, dict) or not isinstance(project.get("id"), str):
        raise IdentityFileError(f"user {name!r}: project must be a string or an object with an id")
    roles = entry.get("roles", [])
    if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
        raise IdentityFileError(f"user {name!r}: roles must be a list of strings")
    return Identity(
        user_id=entry.get("id", name),
        user_name=name,
        password=entry.get("password", name),
        token=token,
        project_id=project["id"],
        project_name=project.get("name", project["id"]),
        roles=tuple(roles),
    )


def _text(entry: dict, key: str) -> str:
    value = entry[key]
    if not isinstance(value, str) or not value:
        raise IdentityFileError(f"{key} must be a non-empty string, not {value!r}")
    return value


class Identities:
    """The user table, indexed by token (every request) and by name (Keystone logins)."""

    def __init__(self, identities: Iterable[Identity]) -> None:
        self._by_token: dict[str, Identity] = {}
        for identity in identities:
            if identity.token in self._by_token:
                raise IdentityFileError(f"token {identity.token!r} is given to two users")
            self._by_token[identity.token] = identity

    @classmethod
    def from_data(cls, data: object) -> Identities:
        if not isinstance(data, dict) or not isinstance(data.get("users"), list):
            raise IdentityFileError('an identity file is an object {"users": [...]}')
        return cls(_identity(entry) for entry in data["users"])

    @classmethod
    def from_file(cls, path: str | Path) -> Identities:
        try:
            data = json.loads(Path(path).read_text())
        except (OSError, ValueError) as problem:
            raise IdentityFileError(f"cannot read {path}: {problem}") from None
        return cls.from_data(data)

    @classmethod
    def default(cls) -> Identities:
        return cls.from_data(DEFAULT_IDENTITIES)

    def with_projects(self, tenants: Iterable[Tenant]) -> Identities:
        """These users plus a member user per generated tenant, with token ``<user>-token``."""
        added = (
            _identity({"name": t.user, "token": f"{t.user}-token", "project": t.project_id})
            for t in tenants
        )
        return Identities([*self._by_token.values(), *added])

    def by_token(self, token: str | None) -> Identity | None:
        return self._by_token.get(token) if token else None

    def login(
        self, user: str, password: str, project: str | None, user_by_id: bool = False
    ) -> Identity | None:
        """Password check; the project, if named, must be the user's (by name or by id)."""
        for identity in self._by_token.values():
            known = identity.user_id if user_by_id else identity.user_name
            if (
                known == user
                and identity.password == password
                and project in (None, identity.project_id, identity.project_name)
            ):
                return identity
        return None
