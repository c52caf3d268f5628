"""Where the app keeps its files, following the XDG rules on Linux (Qt's standard paths).

- settings (choices the user made): the config folder, e.g. ``~/.config/act-gui/...``;
- state (autosaved work, the log): the state folder, e.g. ``~/.local/state/act-gui/...``.

``ACT_GUI_CONFIG_DIR`` and ``ACT_GUI_STATE_DIR`` move them, for tests and for lab
machines with a shared profile.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths


def config_dir() -> Path:
    return Path(os.environ.get("ACT_GUI_CONFIG_DIR")
                or QStandardPaths.writableLocation(QStandardPaths.AppConfigLocation))


def state_dir() -> Path:
    return Path(os.environ.get("ACT_GUI_STATE_DIR")
                or QStandardPaths.writableLocation(QStandardPaths.StateLocation))
