"""Autosave: the working state written every minute and on exit, reopened next time.

Each running instance owns one autosave slot (``autosave.actx``, ``autosave-2.actx``,
...), held with a lock file (Qt's ``QLockFile``, which frees the lock of a process that
died), so two instances never write one file and the last to exit does not wipe the
other's run. A start that opens a file or a lesson takes an empty slot, so the work
autosaved last time is not overwritten; a plain start takes the first free slot and
reopens it.

An autosave that cannot be reopened is set aside (renamed with ``unreadable`` and the
time in its name, never deleted) and the app starts fresh, saying so once. A write that
fails (read-only or full folder) is reported once, and again only after it has worked.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QSettings, QTimer, Signal

from act_gui.core.files import session
from act_gui.qt.storage.paths import state_dir

log = logging.getLogger(__name__)

INTERVAL_MS = 60_000  # a crash loses at most a minute of work
MAX_SLOTS = 9


def slot_path(folder: Path, number: int) -> Path:
    return folder / ("autosave" + ("" if number == 1 else f"-{number}") + session.SUFFIX)


class Autosave(QObject):
    """``problem`` carries a message for the status bar (a failed write, a set-aside file)."""

    problem = Signal(str)

    def __init__(self, save, open_, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._save, self._open, self.settings = save, open_, settings
        self.folder = state_dir()
        self.path: Path | None = None
        self._lock: QLockFile | None = None
        self._failing = False
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.save)

    # --- the user's choice ---------------------------------------------------------------
    @property
    def enabled(self) -> bool:
        return str(self.settings.value("session/autosave", "true")).lower() == "true"

    def set_enabled(self, enabled: bool) -> None:
        self.settings.setValue("session/autosave", "true" if enabled else "false")
        if enabled:
            self.start(restore=False)
        else:
            self.timer.stop()

    # --- starting ------------------------------------------------------------------------
    def start(self, restore: bool) -> str | None:
        """Claim a slot and start the timer; reopen the slot's work if ``restore``.

        Returns a message for the user if something was set aside or is not possible.
        """
        if not self.enabled:
            return None
        if self.path is None and not self._claim(empty=not restore):
            return f"Autosave is off for this window: {MAX_SLOTS} other windows are autosaving already."
        self.timer.start()
        if restore and self.path.is_file():
            return self._restore()
        return None

    def _claim(self, empty: bool) -> bool:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            log.warning("cannot create the autosave folder %s: %s", self.folder, error)
        free = []  # unlocked slots holding older work, oldest first, if no slot is empty
        for number in range(1, MAX_SLOTS + 1):
            path = slot_path(self.folder, number)
            lock = QLockFile(str(path) + ".lock")
            lock.setStaleLockTime(0)  # only a dead owner's lock is stale, however old
            if not lock.tryLock(0):
                continue
            if empty and path.exists():
                lock.unlock()
                if number > 1:  # slot 1 is the plain start's: never reused for a file
                    free.append((path.stat().st_mtime, number))
                continue
            self.path, self._lock = path, lock
            return True
        for _mtime, number in sorted(free):  # every slot used: keep the oldest work aside
            path = slot_path(self.folder, number)
            lock = QLockFile(str(path) + ".lock")
            lock.setStaleLockTime(0)
            if lock.tryLock(0):
                self.set_aside(path, "earlier")
                self.path, self._lock = path, lock
                return True
        return False

    def _restore(self) -> str | None:
        try:
            self._open(self.path)
        except Exception as error:  # noqa: BLE001 (whatever is wrong with it, start fresh)
            log.warning("autosave %s could not be restored: %s", self.path, error, exc_info=True)
            aside = self.set_aside(self.path)
            kept = f" It was kept as {aside.name}." if aside else ""
            return f"The autosaved work could not be restored ({error}); starting fresh.{kept}"
        return None

    @staticmethod
    def set_aside(path: Path, why: str = "unreadable") -> Path | None:
        """Rename ``path`` to ``<name>-<why>-<time><suffix>``; None if that failed."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = path.with_name(f"{path.stem}-{why}-{stamp}{path.suffix}")
        try:
            path.rename(aside)
        except OSError as error:
            log.warning("cannot set %s aside: %s", path, error)
            return None
        return aside

    # --- writing -------------------------------------------------------------------------
    def save(self) -> bool:
        """Write the working state to this instance's slot; False (reported once) if not."""
        if not self.enabled or self.path is None:
            return False
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._save(self.path)
        except (OSError, ValueError) as error:
            log.warning("autosave to %s failed: %s", self.path, error)
            if not self._failing:
                self.problem.emit(f"Autosave failed ({error}); your work is not being saved. "
                                  "Use File > Save as to keep it.")
            self._failing = True
            return False
        self._failing = False
        return True

    def stop(self) -> None:
        """The last save is done: let another instance have this slot."""
        self.timer.stop()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
