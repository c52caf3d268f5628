"""Entry point of the standalone bundle: the same command line as the installed app."""

import sys

from act_gui.cli import main

if __name__ == "__main__":
    sys.exit(main())
