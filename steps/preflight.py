"""Preflight: before any scenario, is the target fit to be judged at all?

The endpoint answers and is Trove; each caller's credential authenticates and acts in its own
project; the admin's credential has the admin role; the catalogue offers the minimum (a flavor, a
datastore with an active version) and the roles the operator asked for. Each problem is one line.
"""

from __future__ import annotations

import os

import requests

from trovesim.suite import CouldNotJudge

from .options import INPROCESS
from .targets.base import Caller, TargetError, TargetSpec, v1_url

PROBE_SECONDS = 5.0


def _not_trove(url: str) -> str | None:
    """Why the URL is not a Trove endpoint (its root must list the v1.0 API), or None."""
    root = v1_url(url).removesuffix("/v1.0") + "/"
    try:
        answer = requests.get(root, timeout=PROBE_SECONDS)
    except requests.Timeout:
        return f"{url} does not answer: no answer within {PROBE_SECONDS:.0f} s"
    except requests.RequestException as failed:
        return f"{url} does not answer: {_why(failed)}"
    try:
        versions = answer.json().get("versions", [])
        ids = {str(v.get("id")) for v in versions}
    except (ValueError, AttributeError):
        ids = set()
    if not any(i.startswith("v1") for i in ids):
        kind = answer.headers.get("content-type", "?").split(";")[0]
        return (
            f"{url} is not a Trove endpoint: GET {root} answered {answer.status_code} {kind} "
            "without Trove's v1.0 version document"
        )
    return None


def _why(failed: Exception) -> str:
    """The innermost cause of a failed connection ("[Errno 111] Connection refused")."""
    cause: BaseException = failed
    while cause.__context__ is not None or cause.__cause__ is not None:
        cause = cause.__cause__ or cause.__context__
    text = str(cause)
    return text.split(": ", 1)[-1] if "Errno" in text else f"{type(failed).__name__}: {text}"


def problems(spec: TargetSpec) -> list[str]:
    """Everything that makes the target unfit to be judged; empty when the run may start. The
    embedded simulator is only asked whether it fills the roles the operator chose."""
    endpoint = spec.target != INPROCESS
    if endpoint and spec.target:
        unfit = _not_trove(spec.target)
        if unfit:
            return [unfit]
    # Imported only now: the clients cost seconds, and a dead endpoint is told at once.
    from .plugin import open_targets, profile_of
    from .targets.credentials import CredentialError

    try:
        targets = open_targets(spec)
    except (CouldNotJudge, CredentialError) as problem:
        return [f"cannot connect: {problem}"]
    found: list[str] = []
    target = targets.open()
    try:
        for caller in Caller if endpoint else ():
            credential = spec.credentials[caller]
            try:
                target.list_instances(caller)
            except CouldNotJudge as problem:
                found.append(f"{caller.value}'s credential ({credential.describe()}): {problem}")
            except TargetError as refused:
                found.append(
                    f"{caller.value}'s credential ({credential.describe()}) cannot act in its "
                    f"project {target.project_id(caller)!r}: {refused}"
                )
        if endpoint and not found:
            found += _admin_rights(target)
        if not found:
            try:
                profile_of(targets, spec)
            except (CouldNotJudge, TargetError) as problem:
                found.append(f"the catalogue does not offer what the suite needs: {problem}")
    finally:
        target.close()
        targets.close()
    return found


def _admin_rights(target) -> list[str]:
    """Only an admin may create a module for all tenants; the probe is deleted at once."""
    try:
        made = target.create_module(
            Caller.ADMIN,
            {
                "name": f"trovesim-preflight-{os.getpid()}",
                "module_type": "ping",
                "contents": b"message=preflight\n",
                "all_tenants": True,
                "visible": False,
            },
        )
    except TargetError as refused:
        return [f"the admin's credential has no admin rights: {refused}"]
    target.delete_module(Caller.ADMIN, made["id"])
    return []
