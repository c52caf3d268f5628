"""The window's docks, and how they are laid out for the screen on a first run."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QScrollArea, QSplitter, QWidget

DOCK_WIDTH = 340
LAB_DOCK_WIDTH = 330
COMPACT_WIDTH = 1500  # narrower windows (laptops) get the compact dock layout
COMPACT_DOCK_WIDTH = 330


def make_dock(window: QMainWindow, title: str, widget: QWidget, area=Qt.LeftDockWidgetArea,
              scrolling: bool = False) -> QDockWidget:
    if scrolling:
        scroll = QScrollArea()
        scroll.setWidget(widget)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        widget = scroll
    dock = QDockWidget(title, window)
    dock.setObjectName(title.replace(" ", "") + "Dock")
    dock.setWidget(widget)
    dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable
                     | QDockWidget.DockWidgetClosable)
    window.addDockWidget(area, dock)
    return dock


def arrange_docks(window: QMainWindow, docks: list[QDockWidget], central: QSplitter, compact: bool) -> None:
    """Side by side on a wide screen; on a laptop all three docks (functions, details,
    Lab) share the left side as tabs, so the plots and the network keep enough room
    (the Training toolbar still offers Step and Play)."""
    functions, details, lab = docks
    if compact:
        window.addDockWidget(Qt.LeftDockWidgetArea, lab)
        window.tabifyDockWidget(functions, details)
        window.tabifyDockWidget(details, lab)
        lab.raise_()
        window.resizeDocks([functions], [COMPACT_DOCK_WIDTH], Qt.Horizontal)
    else:
        window.resizeDocks([functions, lab], [DOCK_WIDTH, LAB_DOCK_WIDTH], Qt.Horizontal)
    side = window.width() - (COMPACT_DOCK_WIDTH if compact else DOCK_WIDTH + LAB_DOCK_WIDTH)
    central.setSizes([int(side * 0.42), int(side * 0.58)])
