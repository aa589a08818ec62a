"""The one error catalogue: every refusal carries Trove's HTTP status, fault name and message.

The model raises these; the HTTP adapter only renders them as
``{"<fault>": {"code": <status>, "message": <message>}}`` (``http/faults.py``).
"""

from __future__ import annotations

FAULT_NAMES = {
    400: "badRequest",
    401: "unauthorized",
    403: "forbidden",
    404: "itemNotFound",
    405: "badMethod",
    413: "overLimit",
    422: "unprocessableEntity",
    500: "instanceFault",
    501: "notImplemented",
}


class TroveError(Exception):
    """A refused request, as Trove reports it."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message

    @property
    def fault(self) -> str:
        return FAULT_NAMES.get(self.status, "badRequest")


def bad_request(message: str) -> TroveError:
    return TroveError(400, message)


def validation_error(problems: list[str]) -> TroveError:
    return TroveError(400, "Validation error: " + "; ".join(problems))


def module_not_found(module_id: str) -> TroveError:
    return TroveError(404, f"Module with ID {module_id} could not be found.")


def resource_not_found(uuid: str) -> TroveError:
    """Trove's generic 404, for instances, clusters and flavors alike."""
    return TroveError(404, f"Resource {uuid} cannot be found.")


def module_type_not_found(module_type: str) -> TroveError:
    return TroveError(404, f"Module type '{module_type}' was not found.")


def module_applied_to_instance() -> TroveError:
    return TroveError(
        403,
        "A module cannot be deleted or its contents modified if it has been applied to a "
        "non-terminated instance, unless the module has been marked as 'live_update.' "
        "Please remove the module from all non-terminated instances and try again.",
    )


def module_already_exists(name: str, datastore: str, ds_version: str) -> TroveError:
    return TroveError(
        400,
        f"A module with the name '{name}' already exists for datastore '{datastore}' "
        f"and datastore version '{ds_version}'",
    )


def module_access_forbidden(action: str, options: str) -> TroveError:
    return TroveError(403, f"You must be admin to {action} a module with these options. {options}")


def module_invalid(reason: str) -> TroveError:
    return TroveError(400, f"The module is invalid: {reason}")


def invalid_model(errors: str) -> TroveError:
    return TroveError(400, f"The following values are invalid: {errors}.")


def guest_error(original_message: str) -> TroveError:
    return TroveError(400, f"An error occurred communicating with the guest: {original_message}.")


def guest_timeout() -> TroveError:
    return TroveError(400, "Timeout trying to connect to the Guest Agent.")


def datastore_not_found(datastore: str) -> TroveError:
    return TroveError(404, f"Datastore '{datastore}' cannot be found.")


def datastore_version_not_found(version: str) -> TroveError:
    return TroveError(400, f"Datastore version '{version}' cannot be found.")


def datastore_no_version(datastore: str | None, version: str) -> TroveError:
    return TroveError(400, f"Datastore '{datastore}' has no version '{version}'.")


def datastore_version_id_not_found() -> TroveError:
    """A version id that is not in the named datastore: Trove's generic ModelNotFoundError, whose
    message names the table's model class, not the id or the datastore."""
    return TroveError(404, "DBDatastoreVersion Not Found")


def cluster_member_delete() -> TroveError:
    return TroveError(501, "Operation not supported for instances that are part of a cluster.")


def instance_not_ready(instance_id: str, status: str) -> TroveError:
    return TroveError(422, f"Instance {instance_id} is not ready. (Status is {status}).")
