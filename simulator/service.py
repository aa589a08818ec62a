"""The simulator: one object per world, one method per Trove operation.

Callers pass a ``Context`` (project, admin or not) and the request body Trove would receive; each
method returns the JSON Trove would answer with, or raises ``TroveError``. The HTTP server and the
in-process conformance target both call these methods, so nothing is implemented twice.
"""

from __future__ import annotations

from .ops_catalog import CatalogOps
from .ops_control import ControlOps
from .ops_instances import InstanceOps
from .ops_modules import ModuleOps
from .ops_reapply import ReapplyOps


class Simulator(ModuleOps, InstanceOps, ReapplyOps, CatalogOps, ControlOps):
    """Trove's module management, in memory (see the operation mixins for each family)."""
