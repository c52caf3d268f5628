"""The lesson bar: lesson title, step k of n, the caption in large type, Previous / Next."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from act_gui.qt.classroom.lesson_player import LessonPlayer
from act_gui.qt.style import FixedLook

CAPTION_POINTS = 15
MIN_CAPTION_POINTS = 10
CAPTION_SHARE = 0.2  # of the window's height, at most


class LessonBar(FixedLook, QWidget):
    def __init__(self, player: LessonPlayer, parent=None) -> None:
        super().__init__(parent)
        self.player = player
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.position = QLabel()
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        for label in (self.title, self.caption):  # long text wraps; it never widens the window
            label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.caption.setTextFormat(Qt.PlainText)
        self.previous_button = QPushButton("◀ Previous")
        self.next_button = QPushButton("Next ▶")
        self.save_step_button = QPushButton("Save as a step…")
        self.close_button = QPushButton("Close lesson")
        for button, tip in ((self.previous_button, "Previous step (PageUp, Left, Backspace)"),
                            (self.next_button, "Next step (PageDown, Right, Space)"),
                            (self.save_step_button, "Add what the window shows now to a lesson file of your own"),
                            (self.close_button, "Hide the lesson bar")):
            button.setToolTip(tip)
            button.setFocusPolicy(Qt.NoFocus)  # the clicker keys must reach the window
        self.previous_button.clicked.connect(player.previous)
        self.next_button.clicked.connect(player.next)
        self.close_button.clicked.connect(player.close)
        # The title on a line of its own (it wraps, never squeezed into a column beside the
        # buttons), the caption under it, the controls on one row at the bottom.
        controls = QHBoxLayout()
        controls.addWidget(self.position)
        controls.addStretch(1)
        for button in (self.previous_button, self.next_button, self.save_step_button, self.close_button):
            controls.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.caption)
        layout.addLayout(controls)
        self.scale = 1.0
        self.set_scale(1.0)
        player.step_changed.connect(self._on_step_changed)
        self._on_step_changed()

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        base = QFont(self.font())
        title = QFont(base)
        title.setPointSizeF(CAPTION_POINTS * 0.85 * scale)
        title.setBold(True)
        self.title.setFont(title)
        self.position.setFont(title)
        self._fit_caption()

    def _fit_caption(self) -> None:
        """The caption's type, as large as the scale asks but small enough that the text
        fits in at most CAPTION_SHARE of the window's height (a projector of 768 lines
        keeps most of its height for the plots)."""
        window = self.window()
        limit = max(60, int(CAPTION_SHARE * (window.height() if window is not self else 768)))
        font = QFont(self.caption.font())
        points = CAPTION_POINTS * self.scale
        smallest = max(MIN_CAPTION_POINTS, points * 0.55)
        width = max(200, self.width() - 20)
        while True:
            font.setPointSizeF(points)
            self.caption.setFont(font)
            if points <= smallest or self.caption.heightForWidth(width) <= limit:
                break
            points = max(smallest, points - 0.5)
        self.caption.setMaximumHeight(max(limit, self.caption.heightForWidth(width)))

    def set_presenting(self, on: bool) -> None:
        """In front of a class the bar keeps only what the teacher uses (File > Save
        current state as a step stays available)."""
        self.save_step_button.setVisible(not on)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_caption()

    def _on_step_changed(self) -> None:
        lesson, step = self.player.lesson, self.player.step
        self.setVisible(lesson is not None)
        if lesson is None:
            return
        self.title.setText(f"{lesson.title}  —  {step.title}")
        self.position.setText(f"Step {self.player.index + 1} of {len(lesson.steps)}")
        self.caption.setText(step.caption)
        self._fit_caption()
        self.previous_button.setEnabled(self.player.index > 0)
        self.next_button.setEnabled(self.player.index + 1 < len(lesson.steps))
