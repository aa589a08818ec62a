"""What a run cost and left: builds, time spent waiting, the name suffixes it used, leftovers.

One ledger per pytest session. ``trovesim verify`` reads it back (``--facts FILE``) into
``run.json`` and its summary: on a real cloud every build is a VM and minutes of waiting, and
whatever cleanup could not delete is somebody's bill.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Leftover:
    kind: str  # instance, cluster or module
    id: str
    name: str
    reason: str


@dataclass
class Ledger:
    instances: int = 0
    clusters: int = 0
    waited_seconds: float = 0.0
    suffixes: set[str] = field(default_factory=set)
    swept: list[Leftover] = field(default_factory=list)  # found by suffix and deleted
    leftovers: list[Leftover] = field(default_factory=list)
    profile: dict[str, str] = field(default_factory=dict)
    capabilities: dict[str, bool | str] = field(default_factory=dict)

    @contextlib.contextmanager
    def waiting(self) -> Iterator[None]:
        """Count the real time spent in the block as time spent waiting for the endpoint."""
        started = time.monotonic()
        try:
            yield
        finally:
            self.waited_seconds += time.monotonic() - started

    def facts(self) -> dict:
        """The keys ``run.json`` gains from the run."""
        return {
            "profile": self.profile,
            "capabilities": self.capabilities,
            "builds": {"instances": self.instances, "clusters": self.clusters},
            "waited_seconds": round(self.waited_seconds, 1),
            "swept": [vars(item) for item in self.swept],
            "leftovers": [vars(item) for item in self.leftovers],
        }

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(self.facts(), indent=2) + "\n", encoding="utf-8")
