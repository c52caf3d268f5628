"""Long work done in slices on the UI thread, with a progress dialog and Cancel.

The work is a generator that yields the share done (0..1) after each short slice and
returns its result. Between slices the dialog repaints and answers Cancel, so a lesson
step that trains for minutes never freezes the window and can always be stopped. The
dialog appears only if the work takes longer than ``SHOW_AFTER_MS``; it is window-modal,
so nothing else can change the state the work will replace.
"""

from __future__ import annotations

from typing import Generator, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
SHOW_AFTER_MS = 400
#: Fine enough that every slice moves the bar: QProgressDialog ignores a value it already
#: has (no repaint, no look at Cancel), so each report must be a new value.
STEPS = 1_000_000


def run_with_progress(work: Generator[float, None, T], parent: QWidget, label: str) -> T | None:
    """Run ``work`` to the end and return its result, or None if the user cancelled."""
    dialog = QProgressDialog(label, "Cancel", 0, STEPS, parent)
    dialog.setWindowTitle("Activation Explorer")
    dialog.setWindowModality(Qt.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoReset(False)
    dialog.setValue(0)
    value = 0
    try:
        while True:
            try:
                share = next(work)
            except StopIteration as finished:
                return finished.value
            value = min(STEPS - 1, max(value + 1, int(share * STEPS)))
            dialog.setValue(value)  # shows the dialog when due, repaints, answers Cancel
            if dialog.wasCanceled():
                work.close()
                return None
    finally:
        dialog.close()
        dialog.deleteLater()
