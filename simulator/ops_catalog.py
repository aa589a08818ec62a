"""The deployment's catalogue as Trove lists it: flavors, datastores and their versions."""

from __future__ import annotations

from .models import Context
from .state import SimState, operation
from .views import datastore_view, flavor_view, version_view


class CatalogOps(SimState):
    @operation
    def list_flavors(self, ctx: Context) -> list[dict]:
        return [flavor_view(f) for f in self.catalog.flavors]

    @operation
    def show_flavor(self, ctx: Context, flavor_id: str) -> dict:
        return flavor_view(self.catalog.find_flavor(flavor_id))

    @operation
    def list_datastores(self, ctx: Context) -> list[dict]:
        return [datastore_view(d, self.catalog) for d in self.catalog.datastores]

    @operation
    def show_datastore(self, ctx: Context, datastore: str) -> dict:
        return datastore_view(self.catalog.find_datastore(datastore), self.catalog)

    @operation
    def list_datastore_versions(self, ctx: Context, datastore: str) -> list[dict]:
        found = self.catalog.find_datastore(datastore)
        return [version_view(v, found) for v in found.versions]

    @operation
    def show_datastore_version(self, ctx: Context, datastore: str, version: str) -> dict:
        found = self.catalog.find_datastore(datastore)
        return version_view(self.catalog.find_version(found, version), found)
