"""trove-module-sim: an in-memory model of OpenStack Trove's module management."""

from .catalog import Catalog
from .clock import RealClock, VirtualClock
from .errors import TroveError
from .models import Context
from .service import Simulator

__all__ = ["Catalog", "Context", "RealClock", "Simulator", "TroveError", "VirtualClock"]
