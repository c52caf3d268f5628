"""Saving and opening session files, and the list of recent files.

A file that cannot be used is reported and changes nothing: it is parsed and checked in
full (core.session) and its Explorer part is rebuilt in a fresh state before anything in
the window is replaced.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from act_gui.core.files import session
from act_gui.core.files.reading import read_regular_file
from act_gui.qt.explorer.state import ExplorerState
from act_gui.qt.lab.controller import LabController
from act_gui.qt.storage.save_file import write_text

MAX_RECENT = 8


class SessionManager(QObject):
    recent_changed = Signal()

    def __init__(self, state: ExplorerState, lab: LabController, settings: QSettings,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state, self.lab, self.settings = state, lab, settings
        self.current_path: Path | None = None

    # --- files ---------------------------------------------------------------------------
    def save(self, path: str | Path, explorer: dict | None = None, run: session.LabRun | None = None) -> None:
        """Write the session to ``path`` (the working state, or the ``explorer`` and ``run``
        given); OSError if the file cannot be written."""
        explorer = self.state.to_dict() if explorer is None else explorer
        write_text(path, session.dumps(explorer, run or self.lab.capture(), self.state.custom_functions()))

    def open(self, path: str | Path) -> list[str]:
        """Replace the working state with the session in ``path``.

        Raises SessionError (or OSError) and changes nothing if it cannot be used.
        """
        opened = session.parse(read_regular_file(path, session.MAX_BYTES))
        for act in opened.functions:  # the file's own functions join the user's (same id: the file's)
            self.state.add_function(act)
        fresh, _problems = ExplorerState.checked(opened.explorer)  # checked by parse already
        self.state.adopt(fresh)
        self.lab.adopt(opened.lab)
        return []

    # --- recent files ----------------------------------------------------------------------
    def recent(self) -> list[str]:
        value = self.settings.value("session/recent", [])
        items = value if isinstance(value, list) else [value] if isinstance(value, str) else []
        return [p for p in items if isinstance(p, str)][:MAX_RECENT]

    def remember(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        self.settings.setValue("session/recent", [path] + [p for p in self.recent() if p != path][:MAX_RECENT - 1])
        self.recent_changed.emit()
