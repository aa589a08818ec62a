"""The tables an operator reads, built from Trove's answers, and their comparison.

Column headings are the trove CLI's (module-query's "Name | Type | Datastore | Version | Status |
Message", module-instance-count's "Module Name | ... | Current | Count", ...). An expected table
names the columns it checks; a mismatch shows both tables.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from tabulate import tabulate

from .world import MISSING, World

Column = Callable[[dict], object]


def field(*keys: str) -> Column:
    """A (nested) field of an answer; a missing one reads "(missing)"."""

    def read(item: dict) -> object:
        value: object = item
        for key in keys:
            if not isinstance(value, dict) or key not in value:
                return MISSING
            value = value[key]
        return value

    return read


GUEST_RESULT: dict[str, Column] = {
    "Name": field("name"),
    "Type": field("type"),
    "Datastore": field("datastore"),
    "Version": field("datastore_version"),
    "Status": field("status"),
    "Message": field("message"),
    "Created": field("created"),
    "Updated": field("updated"),
}
INSTANCE_COUNT: dict[str, Column] = {
    "Module Name": field("module_name"),
    "Min Updated Date": field("min_updated_date"),
    "Max Updated Date": field("max_updated_date"),
    "Module MD5": field("module_md5"),
    "Current": field("current"),
    "Count": field("instance_count"),
}
INSTANCE: dict[str, Column] = {
    "Name": field("name"),
    "Datastore": field("datastore", "type"),
    "Datastore Version": field("datastore", "version"),
    "Status": field("status"),
    "Flavor ID": field("flavor", "id"),
    "Size": field("volume", "size"),
    "Region": field("region"),
    "Tenant ID": field("tenant_id"),
}
CLUSTER_MEMBER: dict[str, Column] = {
    name: INSTANCE[name] for name in ("Name", "Flavor ID", "Size", "Status")
}
REAPPLY_RUN: dict[str, Column] = {
    "Module": field("module_id"),
    "MD5": field("md5"),
    "Target MD5": field("target_md5"),
    "Clustered": field("include_clustered"),
    "Force": field("force"),
    "Started": field("started"),
    "Finished": field("finished"),
    "Status": field("status"),
    "Applied": field("applied"),
    "Skipped": field("skipped"),
    "Failed": field("failed"),
    "Pending": field("pending"),
    "Batch Size": field("batch_size"),
    "Delay": field("batch_delay"),
}
REAPPLY_FAILURE: dict[str, Column] = {
    "Instance": field("instance_id"),
    "Message": field("message"),
}


def _render(world: World, rows: list[dict], header: list[str], columns: Mapping) -> list[list]:
    unknown = [name for name in header if name not in columns]
    if unknown:
        raise ValueError(f"unknown column(s) {unknown}; known: {sorted(columns)}")
    return [[world.shown(columns[name](row)) for name in header] for row in rows]


DIFFERS = ">"


def _marked(rows: list[list], other: list[list]) -> list[list]:
    """The rows with a first column that marks each one differing from the other table's row
    at its place (or having none there)."""
    return [
        [DIFFERS if place >= len(other) or row != other[place] else "", *row]
        for place, row in enumerate(rows)
    ]


def _mismatch(header: list[str], expected: list[list], actual: list[list]) -> AssertionError:
    heading = ["", *header]
    return AssertionError(
        f"expected (rows that differ are marked {DIFFERS}):\n"
        + tabulate(_marked(expected, actual), headers=heading, tablefmt="psql")
        + "\nbut got:\n"
        + tabulate(_marked(actual, expected), headers=heading, tablefmt="psql")
    )


def assert_rows(
    world: World,
    datatable: list[list[str]],
    rows: list[dict],
    columns: Mapping[str, Column],
    ordered: bool = True,
) -> None:
    """The answer's rows, in the expected table's columns, equal the expected rows."""
    header, *body = datatable
    expected = [[world.expected(cell) for cell in row] for row in body]
    actual = _render(world, rows, header, columns)
    if not ordered:
        expected, actual = sorted(expected), sorted(actual)
    if expected != actual:
        raise _mismatch(header, expected, actual)


def expect_rows(
    world: World,
    datatable: list[list[str]],
    read: Callable[[], list[dict]],
    columns: Mapping[str, Column],
    ordered: bool = True,
) -> None:
    """What ``read`` returns matches the table, once the endpoint's background work settles."""
    world.eventually(lambda: assert_rows(world, datatable, world.must(read), columns, ordered))


def assert_properties(world: World, datatable: list[list[str]], properties: dict) -> None:
    """A two-column table (property | value) against an answer's properties."""
    expected = [[key, world.expected(value)] for key, value in datatable]
    actual = [[key, world.shown(properties.get(key, MISSING))] for key, _ in datatable]
    if expected != actual:
        raise _mismatch(["property", "value"], expected, actual)


def instance_properties(instance: dict) -> dict:
    """An instance answer as ``trove create`` prints it: nested fields flattened."""
    flat = dict(instance)
    datastore = instance.get("datastore") or {}
    flat["datastore"] = datastore.get("type", MISSING)
    flat["datastore_version"] = datastore.get("version", MISSING)
    flat["flavor"] = (instance.get("flavor") or {}).get("id", MISSING)
    flat["volume"] = (instance.get("volume") or {}).get("size", MISSING)
    return flat


def cluster_properties(cluster: dict) -> dict:
    """A cluster answer as ``trove cluster-create`` prints it."""
    flat = dict(cluster)
    datastore = cluster.get("datastore") or {}
    task = cluster.get("task") or {}
    flat["datastore"] = datastore.get("type", MISSING)
    flat["datastore_version"] = datastore.get("version", MISSING)
    flat["instance_count"] = len(cluster.get("instances") or [])
    flat["task_name"] = task.get("name", MISSING)
    flat["task_description"] = task.get("description", MISSING)
    return flat
