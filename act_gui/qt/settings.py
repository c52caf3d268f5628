"""Where settings live, and reading them back without trusting them.

Settings are an INI file (``QSettings``). ``ACT_GUI_CONFIG_DIR`` moves it, for tests and
for lab machines with a shared profile. Anything unreadable in it is ignored, reported
once in the status bar, and replaced by the default.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from act_gui.qt.theme import DEFAULT_THEME, THEMES

FILE_NAME = "act-gui.ini"


def settings_path() -> Path:
    folder = os.environ.get("ACT_GUI_CONFIG_DIR") or QStandardPaths.writableLocation(
        QStandardPaths.AppConfigLocation)
    return Path(folder) / FILE_NAME


def open_settings(path: Path | None = None) -> QSettings:
    return QSettings(str(path or settings_path()), QSettings.IniFormat)


def read_state(settings: QSettings) -> tuple[Any, list[str]]:
    """The saved Explorer state (JSON-decoded, not yet validated) and any problem found."""
    if settings.status() != QSettings.NoError:
        return None, ["the settings file could not be read"]
    raw = settings.value("explorer/state")
    if raw is None:
        return None, []
    try:
        return json.loads(str(raw)), []
    except ValueError:
        return None, ["the saved functions and parameters were unreadable"]


def write_state(settings: QSettings, state: dict) -> None:
    settings.setValue("explorer/state", json.dumps(state))


def read_theme(settings: QSettings) -> str:
    name = settings.value("view/theme", DEFAULT_THEME)
    return name if name in THEMES else DEFAULT_THEME


def read_bytes(settings: QSettings, key: str) -> QByteArray | None:
    value = settings.value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def read_json(settings: QSettings, key: str) -> tuple[Any, list[str]]:
    """A JSON value stored under ``key`` (None if absent) and any problem reading it."""
    raw = settings.value(key)
    if raw is None:
        return None, []
    try:
        return json.loads(str(raw)), []
    except ValueError:
        return None, [f"the saved {key.split('/')[0]} settings were unreadable"]
