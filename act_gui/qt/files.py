"""The window's file commands: sessions, lesson files, exports, recent files.

A class the window owns (``window.files``). It is given what it reads and writes; the
window is only the parent of its dialogs and what "export the window" draws.
Every problem is reported where the user looks: the status bar and a dialog (or, in a
one-shot run such as ``--screenshot``, stderr), and the log.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox, QWidget

from act_gui.core.files import session
from act_gui.core.classroom.lessons import LessonError
from act_gui.core.files.session import SessionError
from act_gui.qt.storage import export
from act_gui.qt.classroom.lesson_player import LessonPlayer
from act_gui.qt.explorer.plots import ExplorerPlots
from act_gui.qt.lab.controller import LabController
from act_gui.qt.storage.sessions import SessionManager

log = logging.getLogger(__name__)


class FileCommands(QObject):
    message = Signal(str)  # for the status bar

    EXPORTS = {  # name: (what, file kind, default file name)
        "png": ("Function plots", "png", "activations.png"),
        "svg": ("Function plots", "svg", "activations.svg"),
        "csv": ("Curve data", "csv", "activations.csv"),
        "training_png": ("Training plots", "png", "training.png"),
        "training_svg": ("Training plots", "svg", "training.svg"),
        "window_png": ("Window", "png", "activation-explorer.png"),
        "window_svg": ("Window", "svg", "activation-explorer.svg"),
        "history_csv": ("Training history", "csv", "training-history.csv"),
    }

    def __init__(self, window: QWidget, sessions: SessionManager, lessons: LessonPlayer, plots: ExplorerPlots,
                 lab: LabController, lab_plots: Callable[[], object], before_open: Callable[[], None]) -> None:
        """``lab_plots`` gives the training plots (built on first use); ``before_open``
        runs before a session replaces the state (it stops background work)."""
        super().__init__(window)
        self.window, self.sessions, self.lessons = window, sessions, lessons
        self.plots, self.lab, self.lab_plots, self.before_open = plots, lab, lab_plots, before_open
        self.interactive = True  # off for one-shot runs: no dialogs, messages to stderr

    def export(self, kind: str, path: str | None = None) -> bool:
        """Write one of EXPORTS; ask for a path if none is given. False if nothing was written."""
        what, suffix, default = self.EXPORTS[kind]
        if path is None:
            filters = {"png": "PNG image (*.png)", "svg": "SVG image (*.svg)", "csv": "CSV data (*.csv)"}
            path, _ = QFileDialog.getSaveFileName(self.window, f"Export {what.lower()}", default, filters[suffix])
            if not path:
                return False
        writers = {
            "png": lambda p: export.export_png(self.plots, p),
            "svg": lambda p: export.export_svg(self.plots, p),
            "csv": lambda p: export.export_csv(self.plots, p),
            "training_png": lambda p: export.export_png(self.lab_plots(), p),
            "training_svg": lambda p: export.export_svg(self.lab_plots(), p),
            "window_png": lambda p: export.export_window_png(self.window, p),
            "window_svg": lambda p: export.export_window_svg(self.window, p),
            "history_csv": lambda p: export.export_history_csv(self.lab.history, p),
        }
        try:
            writers[kind](path)
        except (OSError, ValueError) as error:
            self.message.emit(f"Export failed: {error}")
            return False
        self.message.emit(f"Exported {Path(path).name}")
        return True

    # --- sessions ------------------------------------------------------------------------
    def save_session(self, path: str | None = None) -> bool:
        if path is None:
            path = self.sessions.current_path
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self.window, "Save session", "session.actx",
                                                  "Activation Explorer session (*.actx)")
            if not path:
                return False
            if not path.endswith(session.SUFFIX):
                path += session.SUFFIX
        try:
            self.sessions.save(path)
        except (OSError, ValueError) as error:
            self.warn("Could not save the session", str(error))
            return False
        self.sessions.current_path = Path(path)
        self.sessions.remember(path)
        self.message.emit(f"Saved {Path(path).name}")
        return True

    def open_file(self, path: str | None = None) -> bool:
        """Open a session (.actx) or a lesson (.json); a bad file changes nothing."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, "Open", "", "Sessions and lessons (*.actx *.json)")
            if not path:
                return False
        if Path(path).suffix.lower() == ".json":
            return self.start_lesson(path)
        self.before_open()
        try:
            self.sessions.open(path)
        except (SessionError, OSError) as error:
            self.warn(f"Could not open {Path(path).name}", f"{error}.\nNothing was changed.")
            return False
        self.lessons.discard()  # the session is what the user wants to see now
        self.sessions.current_path = Path(path)
        self.sessions.remember(path)
        self.message.emit(f"Opened {Path(path).name}: training continues where it was saved")
        return True

    def warn(self, title: str, text: str) -> None:
        """A problem the user must see: in the status bar, in a dialog and in the log.

        A one-shot run (--screenshot) has no one to close a dialog: stderr instead.
        """
        self.message.emit(f"{title}: {text.splitlines()[0]}")
        log.warning("%s: %s", title, text)
        if self.interactive:
            QMessageBox.warning(self.window, title, text)
        else:
            print(f"act-gui: {title}: {text}", file=sys.stderr)

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        for path in self.sessions.recent():
            menu.addAction(Path(path).name, lambda p=path: self.open_file(p)).setToolTip(path)
        menu.setEnabled(bool(self.sessions.recent()))

    @staticmethod
    def openable(path: str) -> bool:
        """Whether a dropped file is one the app opens (a session or a lesson)."""
        return path.lower().endswith((session.SUFFIX, ".json"))

    def save_session_as(self) -> bool:
        self.sessions.current_path = None
        return self.save_session()

    # --- lesson files ---------------------------------------------------------------------
    def start_lesson(self, source: str, step: int = 0) -> bool:
        """Open a built-in lesson (by id) or a lesson file at ``step`` (0-based)."""
        try:
            return self.lessons.open(str(source), step)
        except LessonError as error:
            self.warn("Could not open the lesson", str(error))
            return False

    def save_state_as_step(self, path: str | None = None, title: str | None = None,
                           caption: str | None = None) -> bool:
        """Add the current state as a step to a lesson file of the teacher's own."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self.window, "Add this state as a step to…", "my-lesson.json",
                                                  "Lesson (*.json)", options=QFileDialog.DontConfirmOverwrite)
            if not path:
                return False
        if title is None:
            title, ok = QInputDialog.getText(self.window, "New lesson step", "Step title:")
            if not ok or not title.strip():
                return False
        if caption is None:
            caption, ok = QInputDialog.getMultiLineText(self.window, "New lesson step", "Caption (what to notice):")
            if not ok or not caption.strip():
                return False
        try:
            lesson = self.lessons.save_step(path, title.strip(), caption.strip())
        except (LessonError, OSError) as error:
            self.warn("Could not save the step", str(error))
            return False
        self.message.emit(f"Saved as step {len(lesson.steps)} of {Path(path).name}")
        return True
