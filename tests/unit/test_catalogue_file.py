"""Catalogue files: what a document's keys become in the catalogue, and every rule beyond the
schema reported at once (tests/http/test_http_serve_refusals.py judges each refusal alone)."""

from __future__ import annotations

import json
from pathlib import Path

from trovesim.simulator.catalog_file import (
    DEFAULT_CATALOG,
    catalog_of,
    check_catalog,
    default_catalog,
    read_catalog,
)

DS_ID = "11111111-2222-3333-4444-555555555555"
VER_ID = "66666666-7777-8888-9999-000000000000"


def written(tmp_path: Path, spec: dict) -> Path:
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return path


def test_ids_and_flags_a_file_gives_are_kept(tmp_path):
    spec = {
        "datastores": [
            {
                "name": "pg",
                "id": DS_ID,
                "default_version": "16",
                "versions": [
                    {"name": "16", "id": VER_ID, "packages": "postgresql-16", "image": "img-16"},
                    {"name": "15", "active": False},
                ],
            }
        ],
        "flavors": [{"id": 7, "name": "big", "ram": 4096, "vcpus": 4, "disk": 40}],
    }
    catalog = read_catalog(written(tmp_path, spec))
    (pg,) = catalog.datastores
    assert (pg.id, pg.name, pg.default_version_id) == (DS_ID, "pg", VER_ID)
    assert [(v.name, v.id, v.active, v.datastore_id) for v in pg.versions] == [
        ("16", VER_ID, True, DS_ID),
        ("15", pg.versions[1].id, False, DS_ID),
    ]
    assert pg.versions[1].id not in (VER_ID, DS_ID)
    assert [(v.packages, v.image) for v in pg.versions] == [("postgresql-16", "img-16"), ("", "")]
    (flavor,) = catalog.flavors
    assert (flavor.id, flavor.name, flavor.ram, flavor.vcpus, flavor.disk) == (
        "7",
        "big",
        4096,
        4,
        40,
    )
    assert catalog.default_datastore_name is None


def test_a_flavor_without_sizes_gets_one_gb_one_cpu_and_no_disk():
    catalog = catalog_of(
        {"datastores": [{"name": "a", "versions": ["1"]}], "flavors": [{"id": "f", "name": "f"}]}
    )
    (flavor,) = catalog.flavors
    assert (flavor.ram, flavor.vcpus, flavor.disk) == (1024, 1, 0)


def test_a_datastore_without_default_version_has_none():
    catalog = catalog_of(
        {"datastores": [{"name": "a", "versions": ["1"]}], "flavors": [{"id": "f", "name": "f"}]}
    )
    assert catalog.datastores[0].default_version_id is None


def test_the_default_catalogue_names_its_default_datastore_and_versions():
    catalog = default_catalog()
    assert catalog.default_datastore_name == "redis"
    mysql = catalog.find_datastore("mysql")
    assert mysql.default_version_id == mysql.versions[0].id
    assert [v.name for v in mysql.versions] == ["5.6", "5.7"]
    retired = [(d.name, v.name) for d in catalog.datastores for v in d.versions if not v.active]
    assert retired == [("mongodb", "3.6")]
    assert [d.name for d in catalog.datastores if d.default_version_id is None] == ["mongodb"]


def test_derived_ids_are_uuids_pinned_across_releases_and_distinct_per_datastore():
    """A version name shared by two datastores still gets two ids; the ids of the default
    catalogue are the ones earlier releases gave, so saved scripts keep working."""
    spec = {
        "datastores": [{"name": "a", "versions": ["1"]}, {"name": "b", "versions": ["1"]}],
        "flavors": [{"id": "f", "name": "f"}],
    }
    a, b = catalog_of(spec).datastores
    assert len({a.id, b.id, a.versions[0].id, b.versions[0].id}) == 4
    mysql = default_catalog().find_datastore("mysql")
    assert mysql.id == "8c164627-1c1c-5347-b2a3-b2ff24026c83"
    assert mysql.versions[0].id == "64d988fb-1ae5-57bf-9320-7ef678951c86"


def test_every_rule_beyond_the_schema_is_reported_at_once():
    spec = {
        "default_datastore": "nosql",
        "datastores": [
            {"name": "a", "default_version": "9", "versions": ["1", "2", "2", "1"]},
            {"name": "a", "versions": ["1"]},
        ],
        "flavors": [{"id": "x", "name": "x"}, {"id": 3, "name": "y"}, {"id": "3", "name": "z"}],
    }
    assert check_catalog(spec) == [
        "datastores: the name 'a' is given twice",
        "datastores/0/versions: the version '2' is given twice",
        "datastores/0/default_version: '9' is not one of its versions",
        "flavors: the id '3' is given twice",
        "default_datastore: 'nosql' is not one of the datastores",
    ]


def test_the_default_catalogue_and_optional_keys_left_out_pass_the_checks():
    assert check_catalog(DEFAULT_CATALOG) == []
    bare = {"datastores": [{"name": "a", "versions": ["1"]}], "flavors": [{"id": "f", "name": "f"}]}
    assert check_catalog(bare) == []


def test_schema_problems_are_sorted_by_path_with_the_top_level_named():
    spec = {"datastores": [{"name": "", "versions": []}], "flavors": [], "extra": 1}
    assert check_catalog(spec) == [
        "(top level): Additional properties are not allowed ('extra' was unexpected)",
        "datastores/0/name: '' should be non-empty",
        "datastores/0/versions: [] should be non-empty",
        "flavors: [] should be non-empty",
    ]
