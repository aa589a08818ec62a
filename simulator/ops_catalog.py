"""The deployment's catalogue as Trove lists it: flavors, datastores and their versions.

Retired (inactive) versions are the admin's business: only the admin's lists give them, and a
datastore's own show gives its active versions to everyone. A version asked for by its id or
name is shown whether active or not; building on it or binding a module to it is refused
elsewhere (``Catalog.find_version``).
"""

from __future__ import annotations

from .catalog import Datastore, DatastoreVersion
from .models import Context
from .state import SimState, operation
from .views import datastore_view, flavor_view, version_view


def _versions(datastore: Datastore, every: bool) -> list[DatastoreVersion]:
    return [v for v in datastore.versions if every or v.active]


class CatalogOps(SimState):
    @operation
    def list_flavors(self, ctx: Context) -> list[dict]:
        return [flavor_view(f) for f in self.catalog.flavors]

    @operation
    def show_flavor(self, ctx: Context, flavor_id: str) -> dict:
        return flavor_view(self.catalog.find_flavor(flavor_id))

    @operation
    def list_datastores(self, ctx: Context) -> list[dict]:
        """The admin: every datastore and version. Others: the active versions, and only the
        datastores that have one."""
        listed = ((d, _versions(d, ctx.is_admin)) for d in self.catalog.datastores)
        return [
            datastore_view(d, versions, ctx) for d, versions in listed if versions or ctx.is_admin
        ]

    @operation
    def show_datastore(self, ctx: Context, datastore: str) -> dict:
        found = self.catalog.find_datastore(datastore)
        return datastore_view(found, _versions(found, every=False), ctx)

    @operation
    def list_datastore_versions(self, ctx: Context, datastore: str) -> list[dict]:
        found = self.catalog.find_datastore(datastore)
        return [version_view(v, ctx, found.id) for v in _versions(found, ctx.is_admin)]

    @operation
    def show_datastore_version(self, ctx: Context, datastore: str, version: str) -> dict:
        found = self.catalog.find_datastore(datastore)
        return version_view(self.catalog.lookup_version(found, version), ctx, found.id)
