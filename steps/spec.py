"""The target, credentials, waits and role choices of a run, from pytest's options or
``verify``'s arguments (anything with ``getoption``) and the environment."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from .options import CREDENTIALS, INPROCESS, PROFILE, ROLE_OPTIONS, TARGET, WAITS
from .profile import ROLES, read_profile_file
from .targets.base import Credential, TargetSpec


class Options(Protocol):
    def getoption(self, name: str, default: object = None) -> object: ...


def wanted_roles(config: Options) -> dict[str, str]:
    """The operator's role choices: the profile file's, then the options' on top."""
    path = config.getoption(PROFILE.dest)
    wanted = read_profile_file(Path(path)) if path else {}
    for option, role in zip(ROLE_OPTIONS, ROLES, strict=True):
        value = config.getoption(option.dest)
        if value:
            wanted[role] = value
    return wanted


def spec_from_config(config: Options) -> TargetSpec:
    """The target, credentials, waits and role choices given on the command line or in the
    environment."""

    def read(option):
        return config.getoption(option.dest)

    credentials = {}
    for caller, (token, project, cloud) in CREDENTIALS.items():
        credentials[caller] = Credential(token=read(token), project=read(project), cloud=None)
        if read(cloud):
            credentials[caller] = Credential(cloud=read(cloud))
    target = read(TARGET)
    if target == INPROCESS and any(c.cloud for c in credentials.values()):
        target = ""  # a Keystone login: Trove's endpoint comes from the catalogue
    return TargetSpec(
        target=target,
        credentials=credentials,
        build_wait_seconds=read(WAITS[0]),
        settle_seconds=read(WAITS[1]),
        wanted=wanted_roles(config),
    )
