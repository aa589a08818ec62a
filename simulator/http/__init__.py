"""``trovesim serve``: Trove's v1.0 REST API, a minimal Keystone v3 and a control API over one
simulator, so that the real python-troveclient, ``trove`` and ``openstack`` work against it."""

from .app import create_app
from .identity import Identities, Identity

__all__ = ["Identities", "Identity", "create_app"]
