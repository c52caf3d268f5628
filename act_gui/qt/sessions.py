"""Saving and opening session files, recent files, and autosave of the working state.

A file that cannot be used is reported and changes nothing: it is parsed and checked in
full (core.session) and its Explorer part is rebuilt in a fresh state before anything in
the window is replaced.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from act_gui.core import session
from act_gui.core.session import SessionError
from act_gui.qt.explorer_state import ExplorerState
from act_gui.qt.lab_controller import LabController

MAX_RECENT = 8
AUTOSAVE_NAME = "autosave" + session.SUFFIX
AUTOSAVE_MS = 60_000  # a crash loses at most a minute of work


class SessionManager(QObject):
    recent_changed = Signal()

    def __init__(self, state: ExplorerState, lab: LabController, settings: QSettings,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state, self.lab, self.settings = state, lab, settings
        self.current_path: Path | None = None
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)

    # --- files ---------------------------------------------------------------------------
    def save(self, path: str | Path) -> None:
        """Write the session to ``path``; OSError if the file cannot be written."""
        path = Path(path)
        text = session.dumps(self.state.to_dict(), self.lab.capture())
        partial = path.with_name(path.name + ".part")
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)  # never leave a half-written session behind

    def open(self, path: str | Path) -> list[str]:
        """Replace the working state with the session in ``path``.

        Raises SessionError (or OSError) and changes nothing if it cannot be used.
        """
        path = Path(path)
        size = path.stat().st_size
        if size > session.MAX_BYTES:
            raise SessionError(f"the file is larger than {session.MAX_BYTES // 2**20} MB")
        opened = session.parse(path.read_bytes())
        fresh, problems = ExplorerState.checked(opened.explorer)
        if fresh is None or problems:
            raise SessionError("the Explorer part is unusable: " + "; ".join(problems))
        self.state.adopt(fresh)
        self.lab.adopt(opened.lab)
        return problems

    # --- recent files ----------------------------------------------------------------------
    def recent(self) -> list[str]:
        value = self.settings.value("session/recent", [])
        items = value if isinstance(value, list) else [value] if isinstance(value, str) else []
        return [p for p in items if isinstance(p, str)][:MAX_RECENT]

    def remember(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        self.settings.setValue("session/recent", [path] + [p for p in self.recent() if p != path][:MAX_RECENT - 1])
        self.recent_changed.emit()

    # --- autosave --------------------------------------------------------------------------
    @property
    def autosave_path(self) -> Path:
        return Path(self.settings.fileName()).with_name(AUTOSAVE_NAME)

    @property
    def autosave_enabled(self) -> bool:
        return str(self.settings.value("session/autosave", "true")).lower() == "true"

    def set_autosave(self, enabled: bool) -> None:
        self.settings.setValue("session/autosave", "true" if enabled else "false")
        self.autosave_timer.start() if enabled else self.autosave_timer.stop()

    def autosave(self) -> None:
        if self.autosave_enabled:
            try:
                self.save(self.autosave_path)
            except OSError:
                pass  # a full disk must not interrupt the class; the next interval retries

    def restore_autosave(self) -> str | None:
        """Reopen the last autosave, if enabled and present; a message if it was unusable."""
        if self.autosave_enabled:
            self.autosave_timer.start()
        if not (self.autosave_enabled and self.autosave_path.is_file()):
            return None
        try:
            self.open(self.autosave_path)
        except (SessionError, OSError) as error:
            return f"The autosaved work could not be restored ({error}); starting fresh."
        return None
