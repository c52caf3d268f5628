"""The window's docks, and how they are laid out for the screen on a first run.

The layout is chosen from the screen the window is on (and the window's own size, for
``--size``): below ``COMPACT_WIDTH`` the three docks share the left side as tabs, with
the function list in front. The window itself never opens larger than its screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QScrollArea, QSplitter, QWidget

DOCK_WIDTH = 340
LAB_DOCK_WIDTH = 330
COMPACT_WIDTH = 1500  # narrower windows (laptops) get the compact dock layout
COMPACT_DOCK_WIDTH = 330


def fit_to_screen(window: QMainWindow) -> None:
    """Keep the window within its screen's available area (shrunk and moved if needed)."""
    screen = window.screen().availableGeometry()
    frame = window.frameGeometry()  # the title bar and borders count too (once shown)
    extra_w, extra_h = frame.width() - window.width(), frame.height() - window.height()
    width = min(window.width(), screen.width() - extra_w)
    height = min(window.height(), screen.height() - extra_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    frame = window.frameGeometry()
    if not screen.contains(frame):
        x = min(max(frame.x(), screen.x()), screen.right() - frame.width() + 1)
        y = min(max(frame.y(), screen.y()), screen.bottom() - frame.height() + 1)
        window.move(x, y)


def wants_compact(window: QMainWindow, own_size: bool = False) -> bool:
    """Whether the laptop layout suits: from the screen, or from the window alone when
    its size was asked for (``--size``, to picture a screen of that size)."""
    width = window.width() if own_size else min(window.width(), window.screen().availableGeometry().width())
    return width < COMPACT_WIDTH


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
    (Step and Play stay in the Training menu and on their shortcuts)."""
    functions, details, lab = docks
    if compact:
        window.addDockWidget(Qt.LeftDockWidgetArea, lab)
        window.tabifyDockWidget(functions, details)
        window.tabifyDockWidget(details, lab)
        functions.raise_()  # the Explorer first: the Lab's tab is one click away
        window.resizeDocks([functions], [COMPACT_DOCK_WIDTH], Qt.Horizontal)
    else:
        window.resizeDocks([functions, lab], [DOCK_WIDTH, LAB_DOCK_WIDTH], Qt.Horizontal)
    side = window.width() - (COMPACT_DOCK_WIDTH if compact else DOCK_WIDTH + LAB_DOCK_WIDTH)
    central.setSizes([int(side * 0.42), int(side * 0.58)])
