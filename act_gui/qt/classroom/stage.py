"""What is in front of the Lab's side of the window: the network, or a lesson's own view.

A lesson step names the view it needs; :data:`LESSON_VIEWS` maps each name to the
class that builds it, and is the one place a new lesson view is declared (its name
must also be one of ``core.classroom.lessons.VIEWS``, which a test checks). Views are
built the first time they are shown, with the stage's current theme, scale and
antialiasing. A lesson view may run background work: the stage stops it whenever the
view leaves the front or the stage is told to stop.
"""

from __future__ import annotations

import importlib

from PySide6.QtWidgets import QStackedWidget, QWidget

from act_gui.core.lab import LabConfig
from act_gui.qt.style import Theme

#: Lesson view name -> (module, class): ``cls(theme)``, with ``show_step(config)``,
#: ``stop()`` and the View protocol. Imported when first shown: most starts never show one.
LESSON_VIEWS = {"contours": ("act_gui.qt.classroom.zigzag_view", "ZigzagView"),
                "sweep": ("act_gui.qt.classroom.sweep_view", "SweepView")}
NETWORK = "network"


class LessonStage(QStackedWidget):
    def __init__(self, network: QWidget, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addWidget(network)
        self.network = network
        self.theme, self.scale, self.antialias = theme, 1.0, False
        self.views: dict[str, QWidget] = {}

    def view(self, name: str):
        """The lesson view ``name``, built now if it never was."""
        if name not in self.views:
            module, cls = LESSON_VIEWS[name]
            view = getattr(importlib.import_module(module), cls)(self.theme)
            view.set_scale(self.scale)
            view.set_antialias(self.antialias)
            self.addWidget(view)
            self.views[name] = view
        return self.views[name]

    def show(self, name: str, config: LabConfig | None = None) -> None:
        """Bring ``name`` to the front (and give a lesson view its step's configuration)."""
        if name == NETWORK:
            self.stop()
            self.setCurrentWidget(self.network)
            return
        view = self.view(name)
        for other in self.views.values():
            if other is not view:
                other.stop()
        self.setCurrentWidget(view)
        if config is not None:
            view.show_step(config)

    def current(self) -> str:
        widget = self.currentWidget()
        return next((name for name, view in self.views.items() if view is widget), NETWORK)

    def stop(self) -> None:
        """End every lesson view's background work (joined before this returns)."""
        for view in self.views.values():
            view.stop()

    # --- the View protocol: passed on to the lesson views (the network is a view of its own)
    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        for view in self.views.values():
            view.set_theme(theme)

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        for view in self.views.values():
            view.set_scale(scale)

    def set_antialias(self, on: bool) -> None:
        self.antialias = on
        for view in self.views.values():
            view.set_antialias(on)
