"""``python -m trovesim`` is ``trovesim``."""

import sys

from trovesim.cli import main

sys.exit(main())
