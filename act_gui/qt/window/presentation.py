"""Presentation mode for a lecture hall: full screen, lesson bar, big type, clicker keys.

F5 starts it and Esc leaves it. While it is on, a presenter clicker's keys step through
the lesson (PageDown / Right / Space forward, PageUp / Left / Backspace back), and B or
. blanks the screen until any key is pressed. The keys act only when the window itself
is in front: in a dialog or a text field they do what they always do.

The chosen theme stays (a high-contrast room keeps high contrast). Everything it changes
(scale, docks and their widths, window state) is put back on leaving, and a lesson that
F5 opened is closed, which brings the user's own work back exactly.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt

from act_gui.core.classroom.lessons import PANELS
from act_gui.qt.window.docks import fit_to_screen
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit,
                               QWidget)

FORWARD = {Qt.Key_PageDown, Qt.Key_Right, Qt.Key_Space}
BACK = {Qt.Key_PageUp, Qt.Key_Left, Qt.Key_Backspace}
BLANK = {Qt.Key_B, Qt.Key_Period}
PRESENTATION_SCALE = 1.75
#: A projector under this many pixels wide or high gets a smaller scale: the picture on
#: the wall is as large, so its letters are already half again as big as on a 1080p one
#: (and at 1.75 a 720-line screen had no room left for the plots).
NARROW_PROJECTOR, NARROW_SCALE = (1200, 800), 1.25
FIRST_LESSON = "sigmoid"  # what F5 shows when no lesson is open
#: Below this screen size a step shows only the panels it says matter (lesson "panels").
SMALL_SCREEN = (1400, 900)
TYPING = (QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit)


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
        opened = w.lessons.lesson is None
        if opened and not w.files.start_lesson(FIRST_LESSON):
            return  # cancelled or refused: stay as we are
        self._saved = {"scale": w.ui_scale, "maximized": w.isMaximized(), "layout": w.saveState(),
                       "opened_lesson": opened, "shown": {part: part.isVisible() for part in [*w.docks, *bars]}}
        for part in [*w.docks, *bars]:  # the room goes to the plots; shortcuts still work
            part.hide()
        screen = w.screen().availableGeometry()
        narrow = screen.width() < NARROW_PROJECTOR[0] or screen.height() < NARROW_PROJECTOR[1]
        w.set_ui_scale(max(w.ui_scale, NARROW_SCALE if narrow else PRESENTATION_SCALE))
        # Measured (make bench): with thick pens, antialiased curves cost no frames
        # while playing, and they look far better on a projector.
        w.set_antialias(True)
        w.showFullScreen()
        QApplication.instance().installEventFilter(self)
        self.active = True
        w.lesson_bar.set_presenting(True)
        w.lessons.step_changed.connect(self._show_what_the_step_needs)
        self._show_what_the_step_needs()

    @property
    def user_scale(self) -> float:
        """The UI scale the user chose (presenting enlarges it for the room, not for good)."""
        return self._saved["scale"] if self.active else self.window.ui_scale

    def small_screen(self) -> bool:
        screen = self.window.screen().availableGeometry()
        return screen.width() < SMALL_SCREEN[0] or screen.height() < SMALL_SCREEN[1]

    def _show_what_the_step_needs(self) -> None:
        """On a small projector, only the panels the step names; on a large one, all."""
        step = self.window.lessons.step
        self.window.show_panels(step.panels if step is not None and self.small_screen() else PANELS)

    def toggle(self) -> None:
        self.stop() if self.active else self.start()

    def stop(self) -> None:
        if not self.active:
            return
        QApplication.instance().removeEventFilter(self)
        self.active = False
        self.blank.hide()
        w, saved = self.window, self._saved
        w.lessons.step_changed.disconnect(self._show_what_the_step_needs)
        w.show_panels(PANELS)
        w.lesson_bar.set_presenting(False)
        w.set_ui_scale(saved["scale"])
        w.set_antialias(False)
        for part, visible in saved["shown"].items():
            part.setVisible(visible)
        w.showMaximized() if saved["maximized"] else w.showNormal()
        w.restoreState(saved["layout"])  # docks and panel widths as they were
        fit_to_screen(w)
        if saved["opened_lesson"]:
            w.lessons.close()  # the lesson F5 opened goes; the user's own work comes back

    def _keys_are_ours(self, receiver) -> bool:
        """Clicker keys act only on the window itself: not in a dialog, not while typing."""
        app = QApplication.instance()
        if not isinstance(receiver, QWidget) or app.activeModalWidget() is not None or app.activePopupWidget():
            return False  # a QWindow passes the key on to its widget, which comes here next
        typing = isinstance(receiver, TYPING) or (isinstance(receiver, QComboBox) and receiver.isEditable())
        return receiver.window() is self.window and not typing

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.KeyPress or not self._keys_are_ours(obj):
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
