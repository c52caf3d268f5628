"""Where problems are recorded, and what the user sees when something goes wrong.

- Warnings and errors go to ``act-gui.log`` in the state folder (rotated: four files
  of at most 1 MB), with the time and the module that reported them.
- ``faulthandler`` writes a crash (a segmentation fault, an abort) with every thread's
  Python stack to ``act-gui-crash.log`` beside it.
- An exception no code caught is logged with its traceback and shown in a dialog with a
  one-line summary and the log's path; the app keeps running (the event loop goes on
  with the next event). While that dialog is open, further ones are only logged.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from act_gui.core.files.reading import shorten
from act_gui.qt.storage.paths import state_dir

LOG_NAME = "act-gui.log"
CRASH_NAME = "act-gui-crash.log"
MAX_LOG_BYTES = 1 << 20
BACKUPS = 3

log = logging.getLogger("act_gui")
_crash_file = None
_dialog_open = False


def log_folder() -> Path:
    return state_dir()


def start_logging() -> Path | None:
    """Log to the state folder and arm faulthandler; the log's path, or None if the
    folder cannot be written (then problems still go to stderr)."""
    global _crash_file
    folder = log_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(folder / LOG_NAME, maxBytes=MAX_LOG_BYTES, backupCount=BACKUPS,
                                      encoding="utf-8")
        _crash_file = open(folder / CRASH_NAME, "a", encoding="utf-8")  # noqa: SIM115 (open for the process)
    except OSError as error:
        print(f"act-gui: cannot write the log in {folder}: {error}", file=sys.stderr)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    faulthandler.enable(file=_crash_file, all_threads=True)
    sys.excepthook = report_uncaught
    threading.excepthook = lambda args: log.error("uncaught exception in thread %s", args.thread,
                                                  exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
    return folder / LOG_NAME


def stop_logging() -> None:
    """Close the log files and hand crashes and uncaught exceptions back to Python."""
    global _crash_file
    for handler in list(log.handlers):
        if isinstance(handler, RotatingFileHandler):
            log.removeHandler(handler)
            handler.close()
    if _crash_file is not None:
        faulthandler.enable(file=sys.__stderr__, all_threads=True)
        _crash_file.close()
        _crash_file = None
    sys.excepthook = sys.__excepthook__
    threading.excepthook = threading.__excepthook__


def report_uncaught(exc_type, exc, tb) -> None:
    """sys.excepthook: log it all, show a short summary, keep the app running."""
    global _dialog_open
    log.error("uncaught exception", exc_info=(exc_type, exc, tb))
    traceback.print_exception(exc_type, exc, tb)
    app = QApplication.instance()
    if app is None or _dialog_open or issubclass(exc_type, KeyboardInterrupt):
        return
    _dialog_open = True
    try:
        QMessageBox.critical(app.activeWindow(), "Something went wrong",
                             f"{exc_type.__name__}: {shorten(str(exc), 200)}\n\n"
                             "Activation Explorer keeps running; save your work if anything looks wrong.\n"
                             f"The details are in {log_folder() / LOG_NAME}.")
    finally:
        _dialog_open = False
