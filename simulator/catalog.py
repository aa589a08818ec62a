"""The deployment's catalogue: datastores with their versions, and flavors, found by id or name
as Trove finds them. ``catalog_file`` builds one from a JSON document (the default, or a file).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from . import errors


def _is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text.lower()
    except ValueError:
        return False


@dataclass(frozen=True)
class DatastoreVersion:
    id: str
    name: str
    datastore_id: str
    active: bool = True
    manager: str = ""
    packages: str = ""  # the guest packages the version installs, as the admin sees them
    image: str = ""  # the image its instances boot, as the admin sees it
    image_tags: tuple[str, ...] = ()  # tags that pick its image, as the admin sees them


@dataclass
class Datastore:
    id: str
    name: str
    default_version_id: str | None
    versions: list[DatastoreVersion] = field(default_factory=list)


@dataclass(frozen=True)
class Flavor:
    id: str
    name: str
    ram: int
    vcpus: int
    disk: int = 0
    ephemeral: int = 0


class Catalog:
    """Datastores, versions and flavors, looked up by id or name as Trove does."""

    def __init__(
        self,
        datastores: list[Datastore],
        flavors: list[Flavor],
        default_datastore_name: str | None = None,
    ) -> None:
        self.datastores = datastores
        self.flavors = flavors
        self.default_datastore_name = default_datastore_name
        self._versions_by_id = {v.id: v for ds in datastores for v in ds.versions}
        self._datastores_by_id = {ds.id: ds for ds in datastores}

    def find_datastore(self, id_or_name: str) -> Datastore:
        found = self._datastores_by_id.get(id_or_name)
        if found is None:
            found = next((d for d in self.datastores if d.name == id_or_name), None)
        if found is None:
            raise errors.datastore_not_found(id_or_name)
        return found

    def datastore_by_id(self, ds_id: str) -> Datastore:
        return self._datastores_by_id[ds_id]

    def version_by_id(self, version_id: str) -> DatastoreVersion:
        return self._versions_by_id[version_id]

    def find_version(self, datastore: Datastore, id_or_name: str) -> DatastoreVersion:
        """A version something is built on or bound to: found, and active."""
        found = self.lookup_version(datastore, id_or_name)
        if not found.active:
            raise errors.TroveError(400, f"Datastore version '{found.name}' is not active.")
        return found

    def lookup_version(self, datastore: Datastore, id_or_name: str) -> DatastoreVersion:
        """Trove's lookup: a uuid is an id (404 if not in this datastore), anything else a name.
        An inactive version is found too (a version show gives it)."""
        if _is_uuid(id_or_name):
            found = next((v for v in datastore.versions if v.id == id_or_name), None)
            if found is None:
                raise errors.datastore_version_id_not_found()
        else:
            found = next((v for v in datastore.versions if v.name == id_or_name), None)
            if found is None:
                raise errors.datastore_version_not_found(id_or_name)
        return found

    def default_version(self, datastore: Datastore) -> DatastoreVersion:
        if datastore.default_version_id is None:
            raise errors.TroveError(
                400, f"Default version for datastore '{datastore.name}' not found."
            )
        return self._versions_by_id[datastore.default_version_id]

    def resolve_for_instance(
        self, ds_name: str | None, version_name: str | None
    ) -> tuple[Datastore, DatastoreVersion]:
        """An instance's datastore: the named one or the deployment default, and its version."""
        if ds_name is None:
            if self.default_datastore_name is None:
                raise errors.TroveError(400, "Please specify datastore.")
            ds_name = self.default_datastore_name
        datastore = self.find_datastore(ds_name)
        if version_name is None:
            return datastore, self.default_version(datastore)
        return datastore, self.find_version(datastore, version_name)

    def find_flavor(self, flavor_id: str) -> Flavor:
        found = next((f for f in self.flavors if f.id == str(flavor_id)), None)
        if found is None:
            raise errors.resource_not_found(str(flavor_id))
        return found
