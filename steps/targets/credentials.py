"""A keystoneauth session per caller: a static token, or a Keystone login that renews itself.

A static token acts in the project it is given for, at ``<endpoint>/v1.0/<project>``. A login
comes from a clouds.yaml entry (./clouds.yaml, ~/.config/openstack/clouds.yaml,
/etc/openstack/clouds.yaml, as every OpenStack client reads them) or, for the cloud named ``env``,
from the ``OS_*`` variables; its session logs in again when the token expires, and Trove's
endpoint comes from the service catalogue (type ``database``) unless ``--target`` names it.
"""

from __future__ import annotations

from dataclasses import dataclass

from keystoneauth1 import session as ks_session
from keystoneauth1 import token_endpoint

from .base import ENV_CLOUD, Credential

SERVICE_TYPE = "database"
TIMEOUT_SECONDS = 60


@dataclass(frozen=True)
class Login:
    """A caller's session and where its Trove is (None: the catalogue's ``database`` entry)."""

    session: ks_session.Session
    endpoint: str | None
    region: str | None = None


class CredentialError(ValueError):
    """A cloud that clouds.yaml does not define, or OS_* variables that do not add up."""


def login(credential: Credential, v1_url: str | None) -> Login:
    """The session for one caller; ``v1_url`` is Trove's endpoint up to /v1.0, if given."""
    if credential.cloud is None:
        if v1_url is None:
            raise CredentialError("a static token needs --target (Trove's endpoint URL)")
        auth = token_endpoint.Token(f"{v1_url}/{credential.project}", credential.token)
        return Login(ks_session.Session(auth=auth, timeout=TIMEOUT_SECONDS), None)
    region = _cloud_region(credential.cloud)
    session = region.get_session()
    session.timeout = TIMEOUT_SECONDS
    endpoint = None
    if v1_url is not None:
        endpoint = f"{v1_url}/{session.get_project_id()}"
    return Login(session, endpoint, region.region_name or None)


def _cloud_region(cloud: str):
    # Imported here: openstacksdk's configuration loader costs a second, and only logins need it.
    from openstack import exceptions as sdk_errors
    from openstack.config import loader

    try:
        if cloud == ENV_CLOUD:
            return loader.OpenStackConfig(load_yaml_config=False).get_one()
        return loader.OpenStackConfig(load_envvars=False).get_one(cloud=cloud)
    except sdk_errors.ConfigException as problem:
        raise CredentialError(f"{cloud}: {problem}") from None
