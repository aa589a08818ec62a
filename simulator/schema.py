"""Request-body schemas, as Trove declares them, and Trove's rendering of their failures.

The schemas are plain JSON-schema (draft 4) dicts so that the HTTP layer can publish the very same
documents in its OpenAPI description. Failures read like Trove's:
``Validation error: module['apply_order'] 10 is greater than the maximum of 9``.
"""

from __future__ import annotations

import functools
from typing import Any

import jsonschema
import jsonschema_rs

from . import errors

BOOLEAN_FLAG = {"type": "integer", "minimum": 0, "maximum": 1}
LOOSE_FLAG = {"type": ["integer", "boolean"], "minimum": 0, "maximum": 1}
NON_EMPTY_STRING = {
    "type": "string",
    "minLength": 1,
    "maxLength": 255,
    "pattern": "^.*[0-9a-zA-Z]+.*$",
}
UUID = {
    "type": "string",
    "minLength": 1,
    "maxLength": 64,
    "pattern": "^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}"
    "-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$",
}
MODULE_CONTENTS = {"type": "string", "minLength": 1, "maxLength": 4294967295, "pattern": "^.*.+.*$"}
APPLY_ORDER = {"type": "integer", "minimum": 0, "maximum": 9}
DATASTORE_REF = {
    "type": "object",
    "additionalProperties": True,
    "properties": {"type": NON_EMPTY_STRING, "version": NON_EMPTY_STRING},
}
MODULE_LIST = {
    "type": "array",
    "minItems": 0,
    "items": {
        "type": "object",
        "required": ["id"],
        "additionalProperties": True,
        "properties": {"id": UUID},
    },
}
VOLUME_SIZE = {
    "oneOf": [
        {"type": "integer", "minimum": 1},
        {"type": "string", "pattern": "^0*[1-9][0-9]*$"},
    ]
}
VOLUME = {
    "type": "object",
    "required": ["size"],
    "additionalProperties": True,
    "properties": {"size": VOLUME_SIZE},
}
FLAVOR_REF = {"oneOf": [{"type": "string", "minLength": 1, "maxLength": 255}, {"type": "integer"}]}

_MODULE_FLAGS = {
    "auto_apply": BOOLEAN_FLAG,
    "all_tenants": BOOLEAN_FLAG,
    "visible": BOOLEAN_FLAG,
    "live_update": BOOLEAN_FLAG,
    "priority_apply": BOOLEAN_FLAG,
    "full_access": BOOLEAN_FLAG,
}


def _envelope(key: str, inner: dict) -> dict:
    return {
        "type": "object",
        "required": [key],
        "additionalProperties": True,
        "properties": {key: inner},
    }


@functools.cache
def schemas() -> dict[str, dict]:
    """Every body schema by name. Built on first use, not at import: a mutation run imports
    this module once and then forks, so a table built at import would hide a mutant's change."""
    return {
        "module_create": _envelope(
            "module",
            {
                "type": "object",
                "required": ["name", "module_type", "contents"],
                "additionalProperties": True,
                "properties": {
                    "name": NON_EMPTY_STRING,
                    "module_type": NON_EMPTY_STRING,
                    "contents": MODULE_CONTENTS,
                    "description": NON_EMPTY_STRING,
                    "datastore": DATASTORE_REF,
                    **_MODULE_FLAGS,
                    "apply_order": APPLY_ORDER,
                },
            },
        ),
        "module_update": _envelope(
            "module",
            {
                "type": "object",
                "additionalProperties": True,
                "properties": {
                    "name": NON_EMPTY_STRING,
                    "type": NON_EMPTY_STRING,
                    "module_type": NON_EMPTY_STRING,
                    "contents": MODULE_CONTENTS,
                    "description": NON_EMPTY_STRING,
                    "datastore": DATASTORE_REF,
                    **_MODULE_FLAGS,
                    "all_datastores": BOOLEAN_FLAG,
                    "all_datastore_versions": BOOLEAN_FLAG,
                    "apply_order": APPLY_ORDER,
                },
            },
        ),
        # Trove reads ``body.get('modules', [])``: a body without the list applies nothing.
        "module_apply": {
            "type": "object",
            "additionalProperties": True,
            "properties": {
                "modules": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["id"],
                        "additionalProperties": True,
                        "properties": {"id": {"type": "string", "minLength": 1, "maxLength": 64}},
                    },
                }
            },
        },
        "module_reapply": _envelope(
            "reapply",
            {
                "type": "object",
                "additionalProperties": True,
                "properties": {
                    "md5": {"type": ["string", "null"], "maxLength": 32},
                    "include_clustered": LOOSE_FLAG,
                    "force": LOOSE_FLAG,
                    "batch_size": {"type": ["integer", "null"], "minimum": 0},
                    "batch_delay": {"type": ["integer", "null"], "minimum": 0},
                },
            },
        ),
        "instance_create": _envelope(
            "instance",
            {
                "type": "object",
                "required": ["name", "flavorRef"],
                "additionalProperties": True,
                "properties": {
                    "name": NON_EMPTY_STRING,
                    "flavorRef": FLAVOR_REF,
                    "volume": VOLUME,
                    "datastore": DATASTORE_REF,
                    "modules": MODULE_LIST,
                },
            },
        ),
        "cluster_create": _envelope(
            "cluster",
            {
                "type": "object",
                "required": ["name", "datastore", "instances"],
                "additionalProperties": True,
                "properties": {
                    "name": NON_EMPTY_STRING,
                    "datastore": {
                        "type": "object",
                        "required": ["type", "version"],
                        "additionalProperties": True,
                        "properties": {"type": NON_EMPTY_STRING, "version": NON_EMPTY_STRING},
                    },
                    "instances": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                            "type": "object",
                            "required": ["flavorRef"],
                            "additionalProperties": True,
                            "properties": {
                                "flavorRef": FLAVOR_REF,
                                "volume": VOLUME,
                                "modules": MODULE_LIST,
                            },
                        },
                    },
                },
            },
        ),
    }


# The compiled validator only answers valid-or-not, fast; the pure-Python one words the failures
# exactly as Trove (which uses it) does, and has the last say.
@functools.cache
def _fast(name: str) -> jsonschema_rs.Draft4Validator:
    return jsonschema_rs.Draft4Validator(schemas()[name])


@functools.cache
def _wording(name: str) -> jsonschema.Draft4Validator:
    return jsonschema.Draft4Validator(schemas()[name])


def _render_path(path: list[Any]) -> str:
    head, rest = str(path[0]), path[1:]
    return head + "".join(f"[{p}]" if isinstance(p, int) else f"['{p}']" for p in rest)


def validate(schema_name: str, body: Any) -> dict:
    """Check ``body`` against a named schema; refuse it with Trove's 400 message if it fails.

    JSON may escape a lone surrogate, which Python decodes but no UTF-8 text can hold: the
    compiled validator cannot read it, and no answer could echo it back. Such a body is refused
    as malformed."""
    try:
        if _fast(schema_name).is_valid(body):
            return body
    except UnicodeEncodeError as unreadable:
        surrogate = unreadable.object[unreadable.start]
        raise errors.bad_request(
            f"Malformed message body: {surrogate!r} is a lone surrogate, not Unicode text"
        ) from None
    problems = sorted(
        _wording(schema_name).iter_errors(body), key=lambda e: [str(p) for p in e.path]
    )
    if problems:
        raise errors.validation_error(
            [f"{_render_path(list(e.path))} {e.message}" if e.path else e.message for e in problems]
        )
    return body
