"""Guest module drivers: what applying a module's contents does, and the message it reports.

Both drivers read ``contents.dat`` as key=value lines the way Trove's guest does, because the
ping driver's message is user-visible in module-query and module-apply tables. Only ``apply`` is
modelled: on module-remove Trove's guest discards what the driver's remove returns, and neither
driver's remove can fail, so nothing of it is ever shown.
"""

from __future__ import annotations

import re
from typing import Protocol


def parse_key_values(data: bytes) -> dict[str, object]:
    """Trove's key=value reading of UTF-8 text: stripped lines, ``#`` comments, unstripped
    values, bool words."""
    found: dict[str, object] = {}
    for raw in data.decode().split("\n"):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, value = re.split("=", line, maxsplit=1)
        found[key.strip()] = _value(value)
    return found


def _value(text: str) -> object:
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    return text.partition("#")[0]


def _first_key(values: dict[str, object], wanted: str) -> tuple[bool, object]:
    for key, value in values.items():
        if key.lower() == wanted:
            return True, value
    return False, None


class Driver(Protocol):
    type: str

    def apply(self, data: bytes) -> tuple[bool, object]: ...


class PingDriver:
    """Reports the contents' ``message`` value: the test driver the usage guide demonstrates."""

    type = "ping"

    def apply(self, data: bytes) -> tuple[bool, object]:
        try:
            found, message = _first_key(parse_key_values(data), "message")
        except Exception as ex:  # the guest reports any parsing failure as the module's message
            return False, f"Could not extract ping message: {ex}"
        if not found:
            return False, "Message not found in contents file"
        return True, message


class NewRelicLicenseDriver:
    """Installs the ``license_key`` value; the simulator models only the reported outcome."""

    type = "new_relic_license"

    def apply(self, data: bytes) -> tuple[bool, object]:
        try:
            found, _key = _first_key(parse_key_values(data), "license_key")
        except Exception as ex:  # same reporting rule as the ping driver
            return False, f"New Relic license key not installed: {ex}"
        if not found:
            return False, "'license_key' not found in contents file"
        return True, "New Relic license key installed"


DRIVERS: dict[str, Driver] = {d.type: d for d in (PingDriver(), NewRelicLicenseDriver())}
MODULE_TYPES = tuple(DRIVERS)
