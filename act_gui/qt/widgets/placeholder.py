"""A stand-in that lets the window paint before a slow widget is built."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel


class FirstPaintPlaceholder(QLabel):
    """Stands in for a slow widget: once it has been painted, ``build`` runs (once)."""

    def __init__(self, text: str, build) -> None:
        super().__init__(text)
        self.setAlignment(Qt.AlignCenter)
        self._build = build

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if self._build is not None:
            build, self._build = self._build, None
            QTimer.singleShot(0, build)
