"""The deployment's catalogue: datastores with their versions, and flavors.

Ids are derived from names (uuid5) so that a catalogue gives the same ids in every run, which keeps
scenario output and exported state reproducible. A JSON file can replace the default.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema

from . import errors

_NAMESPACE = uuid.UUID("6f1c2f7e-5b8a-4f7e-9a51-7d1e3c0b9a10")


def _is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text.lower()
    except ValueError:
        return False


def stable_id(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "/".join(parts)))


@dataclass(frozen=True)
class DatastoreVersion:
    id: str
    name: str
    datastore_id: str
    active: bool = True
    manager: str = ""


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


DEFAULT_CATALOG = {
    "default_datastore": "redis",
    "datastores": [
        {"name": "mysql", "default_version": "5.6", "versions": ["5.6", "5.7"]},
        {"name": "redis", "default_version": "3.2.6", "versions": ["3.2.6"]},
        {"name": "mongodb", "default_version": "4.0", "versions": ["4.0"]},
    ],
    "flavors": [
        {"id": "1", "name": "m1.tiny", "ram": 512, "vcpus": 1, "disk": 1},
        {"id": "2", "name": "m1.small", "ram": 2048, "vcpus": 1, "disk": 20},
        {"id": "15", "name": "db.small", "ram": 1024, "vcpus": 1, "disk": 5},
    ],
}


NAME = {"type": "string", "minLength": 1}
VERSION_ENTRY = {
    "oneOf": [
        NAME,
        {
            "type": "object",
            "required": ["name"],
            "additionalProperties": False,
            "properties": {
                "name": NAME,
                "id": NAME,
                "active": {"type": "boolean"},
                "manager": NAME,
            },
        },
    ]
}
CATALOG_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "trovesim catalogue: the deployment's datastores, their versions, and flavors",
    "type": "object",
    "required": ["datastores", "flavors"],
    "additionalProperties": False,
    "properties": {
        "default_datastore": NAME,
        "datastores": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["name", "versions"],
                "additionalProperties": False,
                "properties": {
                    "name": NAME,
                    "id": NAME,
                    "default_version": NAME,
                    "versions": {"type": "array", "minItems": 1, "items": VERSION_ENTRY},
                },
            },
        },
        "flavors": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "name"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": ["string", "integer"], "minLength": 1},
                    "name": NAME,
                    "ram": {"type": "integer", "minimum": 1},
                    "vcpus": {"type": "integer", "minimum": 1},
                    "disk": {"type": "integer", "minimum": 0},
                },
            },
        },
    },
}
"""What ``Catalog.from_file`` accepts; ``check_catalog`` adds what a schema cannot say."""


class CatalogFileError(ValueError):
    """A catalogue file that cannot describe a deployment; the message names the file and the
    offending place in it (a JSON path such as ``datastores/0/versions``)."""


def _where(path: object) -> str:
    return "/".join(str(part) for part in path) or "(top level)"


def _duplicate(values: list[str]) -> str | None:
    seen: set[str] = set()
    return next((v for v in values if v in seen or seen.add(v)), None)


def check_catalog(spec: object) -> list[str]:
    """Every problem of a catalogue, each as "<path>: <what is wrong>"; none for a usable one."""
    validator = jsonschema.Draft202012Validator(CATALOG_SCHEMA)
    invalid = sorted(validator.iter_errors(spec), key=lambda e: [str(p) for p in e.path])
    if invalid:
        # best_match looks inside a oneOf for the alternative that came closest.
        closest = (jsonschema.exceptions.best_match([error]) for error in invalid)
        return [f"{_where(e.absolute_path)}: {e.message}" for e in closest]
    problems = []
    names = [ds["name"] for ds in spec["datastores"]]
    if (twice := _duplicate(names)) is not None:
        problems.append(f"datastores: the name {twice!r} is given twice")
    for n, ds in enumerate(spec["datastores"]):
        versions = [v if isinstance(v, str) else v["name"] for v in ds["versions"]]
        if (twice := _duplicate(versions)) is not None:
            problems.append(f"datastores/{n}/versions: the version {twice!r} is given twice")
        default = ds.get("default_version")
        if default is not None and default not in versions:
            problems.append(
                f"datastores/{n}/default_version: {default!r} is not one of its versions"
            )
    flavor_ids = [str(f["id"]) for f in spec["flavors"]]
    if (twice := _duplicate(flavor_ids)) is not None:
        problems.append(f"flavors: the id {twice!r} is given twice")
    default_ds = spec.get("default_datastore")
    if default_ds is not None and default_ds not in names:
        problems.append(f"default_datastore: {default_ds!r} is not one of the datastores")
    return problems


class Catalog:
    """Datastores, versions and flavors, looked up by id or name as Trove does."""

    def __init__(self, spec: dict | None = None) -> None:
        spec = spec or DEFAULT_CATALOG
        self.datastores: list[Datastore] = []
        for ds_spec in spec["datastores"]:
            ds_id = ds_spec.get("id") or stable_id("datastore", ds_spec["name"])
            versions = []
            for ver in ds_spec["versions"]:
                ver = ver if isinstance(ver, dict) else {"name": ver}
                versions.append(
                    DatastoreVersion(
                        id=ver.get("id") or stable_id("version", ds_spec["name"], ver["name"]),
                        name=ver["name"],
                        datastore_id=ds_id,
                        active=ver.get("active", True),
                        manager=ver.get("manager", ds_spec["name"]),
                    )
                )
            default_name = ds_spec.get("default_version")
            default = next((v.id for v in versions if v.name == default_name), None)
            self.datastores.append(Datastore(ds_id, ds_spec["name"], default, versions))
        self.flavors = [
            Flavor(
                str(f["id"]),
                f["name"],
                int(f.get("ram", 1024)),
                int(f.get("vcpus", 1)),
                int(f.get("disk", 0)),
            )
            for f in spec["flavors"]
        ]
        self.default_datastore_name: str | None = spec.get("default_datastore")
        self._versions_by_id = {v.id: v for ds in self.datastores for v in ds.versions}
        self._datastores_by_id = {ds.id: ds for ds in self.datastores}

    @classmethod
    def from_file(cls, path: str | Path) -> Catalog:
        """The catalogue a JSON file describes, checked against ``CATALOG_SCHEMA`` first."""
        try:
            spec = json.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as problem:
            raise CatalogFileError(f"cannot read catalogue {path}: {problem.strerror}") from None
        except ValueError as problem:
            raise CatalogFileError(f"catalogue {path} is not JSON: {problem}") from None
        problems = check_catalog(spec)
        if problems:
            raise CatalogFileError(f"catalogue {path}: {'; '.join(problems)}")
        return cls(spec)

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
        """Trove's lookup: a uuid is an id (404 if not in this datastore), anything else a name."""
        if _is_uuid(id_or_name):
            found = next((v for v in datastore.versions if v.id == id_or_name), None)
            if found is None:
                raise errors.datastore_version_id_not_found(id_or_name)
        else:
            found = next((v for v in datastore.versions if v.name == id_or_name), None)
            if found is None:
                raise errors.datastore_version_not_found(id_or_name)
        if not found.active:
            raise errors.TroveError(400, f"Datastore version '{found.name}' is not active.")
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
