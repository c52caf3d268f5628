"""Where settings live, and reading them back without trusting them.

Settings are an INI file (``QSettings``). ``ACT_GUI_CONFIG_DIR`` moves it, for tests and
for lab machines with a shared profile. A value that cannot be read is removed and
replaced by the default, a copy of the whole file as it was is kept beside it (named
``...unreadable-<time>``), and the window says so once in the status bar.
"""

from __future__ import annotations

import json
import logging
import shutil
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from act_gui.core.files.reading import shorten
from act_gui.core.lab import LabConfig
from act_gui.qt.storage.paths import config_dir
from act_gui.qt.style import DEFAULT_THEME, THEMES

FILE_NAME = "act-gui.ini"


def settings_path() -> Path:
    return config_dir() / FILE_NAME


def open_settings(path: Path | None = None) -> QSettings:
    return QSettings(str(path or settings_path()), QSettings.IniFormat)


log = logging.getLogger(__name__)


def read_state(settings: QSettings) -> tuple[Any, list[str]]:
    """The saved Explorer state (JSON-decoded, not yet validated) and any problem found."""
    if settings.status() != QSettings.NoError:
        return None, ["the settings file could not be read"]
    return read_json(settings, "explorer/state", "functions and parameters")


def write_state(settings: QSettings, state: dict) -> None:
    settings.setValue("explorer/state", json.dumps(state))


def read_theme(settings: QSettings) -> str:
    name = settings.value("view/theme", DEFAULT_THEME)
    return name if name in THEMES else DEFAULT_THEME


def read_bytes(settings: QSettings, key: str) -> QByteArray | None:
    value = settings.value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def read_json(settings: QSettings, key: str, what: str | None = None) -> tuple[Any, list[str]]:
    """A JSON value stored under ``key`` (None if absent) and any problem reading it.

    An unreadable value (bad JSON, nesting too deep for Python, a number too long) is
    removed after the file is copied aside, so the next start is clean.
    """
    raw = settings.value(key)
    if raw is None:
        return None, []
    try:
        return json.loads(str(raw)), []
    except (ValueError, RecursionError):
        kept = set_aside(settings)
        settings.remove(key)
        where = f" (the old settings file was kept as {kept.name})" if kept else ""
        return None, [f"the saved {what or key.split('/')[0] + ' settings'} were unreadable{where}"]


def set_aside(settings: QSettings) -> Path | None:
    """Copy the settings file to ``<name>.unreadable-<time>`` (once per start)."""
    path = Path(settings.fileName())
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.unreadable-{stamp}")
    if aside.exists():
        return aside
    try:
        shutil.copy2(path, aside)
    except OSError as error:
        log.warning("cannot keep a copy of %s: %s", path, error)
        return None
    log.warning("unreadable settings in %s; a copy was kept as %s", path, aside)
    return aside


def read_lab_config(settings: QSettings, problems: list[str]) -> LabConfig:
    """The saved Network Lab configuration, or the default (a problem noted) if unusable."""
    data, read_problems = read_json(settings, "lab/config")
    problems += read_problems
    if data is None:
        return LabConfig()
    try:
        return LabConfig.from_dict(data)
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as error:
        problems.append(f"Network Lab: {shorten(str(error), 120)}")
        return LabConfig()


def write_choices(settings: QSettings, explorer: dict, lab: LabConfig, theme: str) -> None:
    write_state(settings, explorer)
    settings.setValue("lab/config", json.dumps(lab.to_dict()))
    settings.setValue("view/theme", theme)
