"""Where settings live, and reading them back without trusting them.

Settings use Qt's standard scopes (``QSettings``, INI format, organisation and
application both ``act-gui``): each account's choices in ``~/.config/act-gui/act-gui.ini``,
and defaults for every account in ``/etc/xdg/act-gui/act-gui.ini`` (or the folders in
``$XDG_CONFIG_DIRS``), which a lab machine's admin writes. A key the user never set is
read from the admin's file. The keys an admin may preset, all plain values::

    [session]
    autosave=false        ; true by default
    [view]
    ui_scale=1.5          ; 1, 1.25, 1.5, 1.75, 2, 2.5 or 3
    theme=high_contrast   ; light, dark or high_contrast
    [lessons]
    default=tanh          ; a built-in lesson id, opened by a start that names no file

(The remaining keys, the Explorer's and the Lab's state and the window layout, are the
app's own.) ``ACT_GUI_CONFIG_DIR`` moves the account's folder, for tests and for lab
machines with a shared profile. A value that cannot be read is removed and replaced by
the default, a copy of the whole file as it was is kept beside it (named
``...unreadable-<time>``), and the window says so once in the status bar. The file of
version 0.1 (in the app's config folder) is carried over once, then renamed.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from act_gui.core.activations import REGISTRY, FormulaError
from act_gui.core.activations.custom import from_spec, to_spec
from act_gui.core.files.reading import shorten
from act_gui.core.lab import LabConfig
from act_gui.qt.storage.paths import config_dir
from act_gui.qt.style import DEFAULT_THEME, SCALES, THEMES

ORGANISATION = APPLICATION = "act-gui"
OLD_FILE_NAME = "act-gui.ini"  # version 0.1's file, in config_dir()
CARRIED_OVER = ".carried-over"


def open_settings() -> QSettings:
    """The account's settings, falling back to the system-wide presets."""
    folder = os.environ.get("ACT_GUI_CONFIG_DIR")
    if folder:
        QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, folder)
    settings = QSettings(QSettings.IniFormat, QSettings.UserScope, ORGANISATION, APPLICATION)
    _carry_over(config_dir() / OLD_FILE_NAME, Path(settings.fileName()))
    settings.sync()  # (re-reads the file, which may have just arrived)
    return settings


def _carry_over(old: Path, new: Path) -> None:
    """Move version 0.1's settings file to the standard place, once (the old one is renamed)."""
    if new.exists() or not old.is_file() or old == new:
        return
    try:
        new.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(old, new)
        old.rename(old.with_name(old.name + CARRIED_OVER))
    except OSError as error:
        logging.getLogger(__name__).warning("cannot carry %s over to %s: %s", old, new, error)


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


def read_ui_scale(settings: QSettings, problems: list[str]) -> float:
    """The saved (or preset) UI scale; 1.0, with a problem noted, if it is not one of SCALES."""
    raw = settings.value("view/ui_scale")
    if raw is None:
        return 1.0
    text = str(raw).strip()
    try:  # "1.5" or "150%"
        scale = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        scale = None
    if scale not in SCALES:
        problems.append(f"UI scale {shorten(str(raw), 20)} is not one of "
                        + ", ".join(f"{s:g}" for s in SCALES))
        return 1.0
    return scale


def read_functions(settings: QSettings, problems: list[str]) -> list:
    """The user's own functions (Activations) kept from last time; an unusable one is
    dropped, with a problem noted."""
    data, read_problems = read_json(settings, "functions/custom", "functions of your own")
    problems += read_problems
    functions = []
    for spec in data if isinstance(data, list) else []:
        try:
            act = from_spec(spec)
        except FormulaError as error:
            problems.append(f"a function of your own: {shorten(str(error), 100)}")
            continue
        if act.id not in REGISTRY:
            functions.append(act)
    return functions


def write_functions(settings: QSettings, functions) -> None:
    settings.setValue("functions/custom", json.dumps([to_spec(act) for act in functions]))


def read_default_lesson(settings: QSettings) -> str | None:
    """The lesson a start without a file opens (an admin's preset), if any."""
    value = settings.value("lessons/default")
    return str(value).strip() or None if value is not None else None


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


def write_choices(settings: QSettings, explorer: dict, lab: LabConfig, theme: str, ui_scale: float) -> None:
    write_state(settings, explorer)
    settings.setValue("lab/config", json.dumps(lab.to_dict()))
    settings.setValue("view/theme", theme)
    settings.setValue("view/ui_scale", f"{ui_scale:g}")
