"""The menu bar and the toolbars, made from the action declarations (``qt.actions``).

Besides the declared commands, a few menus are made from data: recent files, the UI
scales, the docks and the built-in lessons.
"""

from __future__ import annotations

from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QWidget

from act_gui.core.classroom.lessons import builtin_lessons
from act_gui.qt.actions import ACTIONS, MENUS, TOOLBARS
from act_gui.qt.style import SCALES


def build_menus(window: QMainWindow) -> None:
    """Fill the menu bar: declared actions in declaration order, plus the data menus."""
    menus = {title: window.menuBar().addMenu(title) for title in MENUS}
    for spec in ACTIONS:
        menu = menus[spec.menu]
        if spec.separator_before:
            menu.addSeparator()
        menu.addAction(window.commands[spec.id])
    _recent_menu(window, menus["&File"])
    _scale_menu(window, menus["&View"])
    menus["&View"].addSeparator()
    for dock in window.docks:
        menus["&View"].addAction(dock.toggleViewAction())
    lessons = QMenu("&Lessons", window)
    for lesson in builtin_lessons():
        lessons.addAction(lesson.title, lambda i=lesson.id: window.files.start_lesson(i))
    window.menuBar().insertMenu(menus["&Help"].menuAction(), lessons)
    themes = QActionGroup(window)
    for name in ("theme_light", "theme_dark", "theme_high_contrast"):
        themes.addAction(window.commands[name])


def _recent_menu(window: QMainWindow, file_menu: QMenu) -> None:
    recent = QMenu("Open &recent", window)
    recent.aboutToShow.connect(lambda: window.files.fill_recent_menu(recent))
    window.files.fill_recent_menu(recent)
    after_open = file_menu.actions()[file_menu.actions().index(window.commands["open"]) + 1]
    file_menu.insertMenu(after_open, recent)
    window.recent_menu = recent


def _scale_menu(window: QMainWindow, view_menu: QMenu) -> None:
    menu = view_menu.addMenu("UI &scale")
    group = QActionGroup(window)
    window.scale_actions = {}
    for value in SCALES:
        action = menu.addAction(f"{value:.0%}", lambda v=value: window.set_ui_scale(v))
        action.setCheckable(True)
        action.setChecked(value == window.ui_scale)
        group.addAction(action)
        window.scale_actions[value] = action


def build_toolbars(window: QMainWindow, fields: QWidget) -> list[QToolBar]:
    """The toolbars of :data:`TOOLBARS`, with ``fields`` (the z-range and probe boxes)."""
    bars = []
    for name, items in TOOLBARS.items():
        bar = window.addToolBar(name)
        bar.setObjectName(name + "Toolbar")
        for item in items:
            if item == "|":
                bar.addSeparator()
            elif item == "fields":
                bar.addWidget(fields)
            else:
                bar.addAction(window.commands[item])
        bars.append(bar)
    return bars
