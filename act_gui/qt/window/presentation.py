"""Presentation mode for a lecture hall: full screen, lesson bar, big type, clicker keys.

F5 starts it and Esc leaves it. While it is on, a presenter clicker's keys step through
the lesson (PageDown / Right / Space forward, PageUp / Left / Backspace back), and B or
. blanks the screen until any key is pressed. Everything it changes (theme, scale,
docks, window state) is put back on leaving.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget

FORWARD = {Qt.Key_PageDown, Qt.Key_Right, Qt.Key_Space}
BACK = {Qt.Key_PageUp, Qt.Key_Left, Qt.Key_Backspace}
BLANK = {Qt.Key_B, Qt.Key_Period}
PRESENTATION_SCALE = 1.75
PRESENTATION_THEME = "light"  # projects better than dark in a lit room


class Blank(QWidget):
    """A black sheet over the whole window (the B key on a clicker)."""

    def __init__(self, parent: QWidget, colour: str) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor(colour))
        self.setPalette(palette)
        self.hide()

    def cover(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()


class PresentationMode(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.active = False
        self.blank = Blank(window, window.theme.blank)
        self._saved = None

    def start(self) -> None:
        if self.active:
            return
        w = self.window
        bars = [w.menuBar(), *w.toolbars]
        self._saved = {"theme": w.theme.name, "scale": w.ui_scale, "maximized": w.isMaximized(),
                       "shown": {part: part.isVisible() for part in [*w.docks, *bars]}}
        if w.lessons.lesson is None:
            w.files.start_lesson("sigmoid")
        for part in [*w.docks, *bars]:  # the room goes to the plots; shortcuts still work
            part.hide()
        w.set_theme(PRESENTATION_THEME)
        w.set_ui_scale(max(w.ui_scale, PRESENTATION_SCALE))
        # Measured (make bench): with thick pens, antialiased curves cost no frames
        # while playing, and they look far better on a projector.
        w.set_antialias(True)
        w.showFullScreen()
        QApplication.instance().installEventFilter(self)
        self.active = True

    def toggle(self) -> None:
        self.stop() if self.active else self.start()

    def stop(self) -> None:
        if not self.active:
            return
        QApplication.instance().removeEventFilter(self)
        self.active = False
        self.blank.hide()
        w, saved = self.window, self._saved
        w.set_theme(saved["theme"])
        w.set_ui_scale(saved["scale"])
        w.set_antialias(False)
        for part, visible in saved["shown"].items():
            part.setVisible(visible)
        w.showMaximized() if saved["maximized"] else w.showNormal()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.KeyPress:
            return False
        key = event.key()
        if self.blank.isVisible():
            self.blank.hide()  # any key brings the picture back
            return True
        if key == Qt.Key_Escape:
            self.stop()
        elif key in FORWARD:
            self.window.lessons.next()
        elif key in BACK:
            self.window.lessons.previous()
        elif key in BLANK:
            self.blank.cover()
        else:
            return False
        return True
