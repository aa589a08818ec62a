"""Request bodies exactly as python-troveclient 8.11 builds them.

The in-process target hands these to the simulator; the HTTP target lets the real client build
its own, and uses these only for requests the client cannot express (a create missing a required
field, extra keys). Keeping one builder per request keeps both targets sending the same thing.
"""

from __future__ import annotations

import base64

from .base import ReapplyOptions

# Options the client sends as int(flag) when given.
FLAG_OPTIONS = ("all_tenants", "auto_apply", "visible", "live_update", "priority_apply")
# Keyword arguments of Modules.create; anything else can only travel in a hand-made body.
CREATE_KWARGS = frozenset(
    {
        "name",
        "module_type",
        "contents",
        "description",
        "datastore",
        "datastore_version",
        "apply_order",
        "full_access",
        *FLAG_OPTIONS,
    }
)
UPDATE_KWARGS = CREATE_KWARGS | {"all_datastores", "all_datastore_versions"}


def encode_contents(contents: bytes) -> str:
    """``utils.encode_data``: the file's bytes, base64-encoded."""
    return base64.b64encode(contents).decode()


def decode_contents(contents: str) -> bytes:
    """``utils.decode_data``, as module-retrieve writes the file."""
    return base64.b64decode(contents)


def _options(fields: dict) -> dict:
    """The optional part shared by create and update, in the client's order and types."""
    body: dict = {}
    if fields.get("description") is not None:
        body["description"] = fields["description"]
    datastore = {}
    if fields.get("datastore"):
        datastore["type"] = fields["datastore"]
    if fields.get("datastore_version"):
        datastore["version"] = fields["datastore_version"]
    if datastore:
        body["datastore"] = datastore
    for flag in FLAG_OPTIONS:
        if fields.get(flag) is not None:
            body[flag] = int(fields[flag])
    if fields.get("apply_order") is not None:
        body["apply_order"] = fields["apply_order"]
    if fields.get("full_access") is not None:
        body["full_access"] = int(fields["full_access"])
    return body


def _extras(fields: dict, known: frozenset[str]) -> dict:
    return {key: value for key, value in fields.items() if key not in known}


def module_create(fields: dict) -> dict:
    """``Modules.create``; required fields missing from ``fields`` are left out of the body."""
    module = {key: fields[key] for key in ("name", "module_type") if key in fields}
    if "contents" in fields:
        module["contents"] = encode_contents(fields["contents"])
    module.update(_options(fields))
    module.update(_extras(fields, CREATE_KWARGS))
    return {"module": module}


def module_update(fields: dict) -> dict:
    """``Modules.update``: the type travels as ``type``, as the client sends it."""
    module: dict = {}
    if fields.get("name") is not None:
        module["name"] = fields["name"]
    if fields.get("module_type") is not None:
        module["type"] = fields["module_type"]
    if fields.get("contents") is not None:
        module["contents"] = encode_contents(fields["contents"])
    module.update(_options(fields))
    for flag in ("all_datastores", "all_datastore_versions"):
        if fields.get(flag):
            module[flag] = int(fields[flag])
    module.update(_extras(fields, UPDATE_KWARGS))
    return {"module": module}


def reapply(options: ReapplyOptions) -> dict:
    """``Modules.reapply``: the delay travels as ``batch_delay``."""
    body: dict = {}
    if options.md5:
        body["md5"] = options.md5
    if options.include_clustered is not None:
        body["include_clustered"] = int(options.include_clustered)
    if options.batch_size is not None:
        body["batch_size"] = options.batch_size
    if options.delay is not None:
        body["batch_delay"] = options.delay
    if options.force is not None:
        body["force"] = int(options.force)
    return {"reapply": body}


def module_list(module_ids: list[str]) -> list[dict]:
    return [{"id": module_id} for module_id in module_ids]


def instance_create(
    name: str, flavor: str, size: int, datastore: str | None, version: str | None, modules: list
) -> dict:
    """``Instances.create`` with a flavor, a volume, a datastore and modules."""
    instance: dict = {"name": name, "flavorRef": flavor, "volume": {"size": size}}
    datastore_ref = {}
    if datastore:
        datastore_ref["type"] = datastore
    if version:
        datastore_ref["version"] = version
    if datastore_ref:
        instance["datastore"] = datastore_ref
    if modules:
        instance["modules"] = module_list(modules)
    return {"instance": instance}


def cluster_members(flavor: str, size: int, members: list[list[str]]) -> list[dict]:
    """The ``instances`` of a cluster create, as ``trove cluster-create --instance`` builds them."""
    built = []
    for module_ids in members:
        member: dict = {"flavorRef": flavor, "volume": {"size": size}}
        if module_ids:
            member["modules"] = module_list(module_ids)
        built.append(member)
    return built


def cluster_create(name: str, datastore: str, version: str, instances: list[dict]) -> dict:
    """``Clusters.create``."""
    body: dict = {"name": name, "datastore": {"type": datastore, "version": version}}
    if instances:
        body["instances"] = instances
    return {"cluster": body}
