"""Explore's tests start ``trovesim serve`` with tests/conformance's launcher (served.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "conformance"))
