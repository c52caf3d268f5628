"""``python -m act_gui``: the same entry point as the ``act-gui`` command."""

import sys

from act_gui.cli import main

sys.exit(main())
