"""trovesim: a reference simulator and conformance kit for OpenStack Trove's module management.

The repository keeps one folder per layer (``simulator/``, ``steps/``, ``reports/``,
``features/``); the distribution installs them under this one name so that they cannot clash
with other packages called ``simulator``, ``steps`` or ``reports``.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("trove-module-sim")
except PackageNotFoundError:  # a checkout run without installing
    __version__ = "0+unknown"
