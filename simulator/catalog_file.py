"""Catalogue files: the JSON that ``trovesim serve --catalog`` reads, checked, and turned into the
deployment's ``Catalog``. The default catalogue is such a document too.

Ids a file leaves out are derived from names (uuid5), so that a catalogue gives the same ids in
every run, which keeps scenario output and exported state reproducible.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import jsonschema

from .catalog import Catalog, Datastore, DatastoreVersion, Flavor

_NAMESPACE = uuid.UUID("6f1c2f7e-5b8a-4f7e-9a51-7d1e3c0b9a10")

DEFAULT_CATALOG = {
    "default_datastore": "redis",
    "datastores": [
        {"name": "mysql", "default_version": "5.6", "versions": ["5.6", "5.7"]},
        {"name": "redis", "default_version": "3.2.6", "versions": ["3.2.6"]},
        # No default version, and a retired one: what Trove refuses for both can be judged.
        {"name": "mongodb", "versions": ["4.0", {"name": "3.6", "active": False}]},
    ],
    "flavors": [
        {"id": "1", "name": "m1.tiny", "ram": 512, "vcpus": 1, "disk": 1},
        {"id": "2", "name": "m1.small", "ram": 2048, "vcpus": 1, "disk": 20},
        {"id": "15", "name": "db.small", "ram": 1024, "vcpus": 1, "disk": 5},
        # An id that is not a number, as many clouds name flavors: Trove sends it as a null id.
        {
            "id": "d2.xlarge",
            "name": "d2.xlarge",
            "ram": 16384,
            "vcpus": 8,
            "disk": 80,
            "ephemeral": 20,
        },
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
                "packages": {"type": "string"},
                "image": {"type": "string"},
                "image_tags": {"type": "array", "items": NAME},
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
                    "ephemeral": {"type": "integer", "minimum": 0},
                },
            },
        },
    },
}
"""What ``read_catalog`` accepts; ``check_catalog`` adds what a schema cannot say."""


class CatalogFileError(ValueError):
    """A catalogue file that cannot describe a deployment; the message names the file and the
    offending place in it (a JSON path such as ``datastores/0/versions``)."""


def stable_id(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "/".join(parts)))


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


def _datastore(spec: dict) -> Datastore:
    ds_id = spec.get("id") or stable_id("datastore", spec["name"])
    versions = []
    for ver in spec["versions"]:
        ver = ver if isinstance(ver, dict) else {"name": ver}
        versions.append(
            DatastoreVersion(
                id=ver.get("id") or stable_id("version", spec["name"], ver["name"]),
                name=ver["name"],
                datastore_id=ds_id,
                active=ver.get("active", True),
                manager=ver.get("manager", spec["name"]),
                packages=ver.get("packages", ""),
                image=ver.get("image", ""),
                image_tags=tuple(ver.get("image_tags", ())),
            )
        )
    default_name = spec.get("default_version")
    default = next((v.id for v in versions if v.name == default_name), None)
    return Datastore(ds_id, spec["name"], default, versions)


def _flavor(spec: dict) -> Flavor:
    return Flavor(
        str(spec["id"]),
        spec["name"],
        int(spec.get("ram", 1024)),
        int(spec.get("vcpus", 1)),
        int(spec.get("disk", 0)),
        int(spec.get("ephemeral", 0)),
    )


def catalog_of(spec: dict) -> Catalog:
    """The catalogue a checked document describes (``check_catalog`` finds no problem in it)."""
    return Catalog(
        [_datastore(ds) for ds in spec["datastores"]],
        [_flavor(f) for f in spec["flavors"]],
        spec.get("default_datastore"),
    )


def default_catalog() -> Catalog:
    """The catalogue of a simulator started without one: the usage guide's deployment."""
    return catalog_of(DEFAULT_CATALOG)


def read_catalog(path: str | Path) -> Catalog:
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
    return catalog_of(spec)
