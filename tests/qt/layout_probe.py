"""Run as ``python -m tests.qt.layout_probe W H [--present]`` under a virtual screen of
W x H pixels: builds the real window and prints, as JSON, every layout problem found -
the window exceeding the screen, a plot's data area under MIN_PLOT, a label or button
too small for its text, a panel that scrolls sideways - for the main window, or for every step of every lesson in
presentation mode. tests/qt/flows/test_screens.py runs it for each classroom screen.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile

MIN_PLOT = (120, 90)


def virtual_screen(width: int, height: int) -> None:
    """Point Qt's offscreen platform at a screen of this size (before QApplication)."""
    config = os.path.join(tempfile.mkdtemp(), "screen.json")
    with open(config, "w") as handle:
        json.dump({"screens": [{"name": "s", "x": 0, "y": 0, "width": width, "height": height,
                                "logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1}]}, handle)
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def in_scroll_area(widget) -> bool:
    from PySide6.QtWidgets import QScrollArea

    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def problems(window, where: str) -> list[str]:
    import pyqtgraph as pg
    from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QDockWidget, QLabel

    found = []
    screen = window.screen().availableGeometry()
    if not screen.contains(window.frameGeometry()):
        found.append(f"{where}: window {window.frameGeometry().getRect()} exceeds screen {screen.getRect()}")
    for view in window.findChildren(pg.GraphicsView):
        if not view.isVisible():
            continue
        for item in view.scene().items():
            if isinstance(item, pg.ViewBox) and item.isVisible() and item.parentItem() is not None:
                rect = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
                title = getattr(item.parentItem(), "titleLabel", None)
                name = title.text if title is not None else type(view).__name__
                if rect.width() < MIN_PLOT[0] or rect.height() < MIN_PLOT[1]:
                    found.append(f"{where}: plot {name!r} data area {rect.width()}x{rect.height()}")
                elif not view.viewport().rect().adjusted(-4, -4, 4, 4).contains(rect):  # a few px of spacing
                    found.append(f"{where}: plot {name!r} cut off by its view ({rect.getRect()} in "
                                 f"{view.viewport().width()}x{view.viewport().height()})")
    for area in window.findChildren(QAbstractScrollArea):
        # (a panel behind another's tab counts as visible, but shows nothing)
        if area.isVisible() and not area.visibleRegion().isEmpty() and area.horizontalScrollBar().isVisible():
            holder = area.parentWidget()
            while holder is not None and not isinstance(holder, QDockWidget):
                holder = holder.parentWidget()
            panel = holder.windowTitle() if holder is not None else "the centre"
            found.append(f"{where}: a {type(area).__name__} in {panel} scrolls sideways "
                         f"({area.horizontalScrollBar().maximum()} px)")
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if not widget.isVisible() or in_scroll_area(widget) or widget.window() is not window:
            continue
        text = widget.text()
        if not text:
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            short = widget.heightForWidth(widget.width()) > widget.height() + 1
        else:
            short = widget.minimumSizeHint().width() > widget.width() + 1
        if short:
            found.append(f"{where}: {type(widget).__name__} {text[:40]!r} clipped at {widget.width()}x{widget.height()}")
    return found


def main() -> int:
    width, height = int(sys.argv[1]), int(sys.argv[2])
    present = "--present" in sys.argv
    virtual_screen(width, height)
    from act_gui.core.classroom.lessons import builtin_lessons
    from act_gui.options import Options
    from act_gui.qt.app import application, dispose, make_window

    app = application()
    window = make_window(Options())
    window.persist = False
    window.show()
    window.lab_plots  # noqa: B018 (built after the first paint otherwise)
    for _ in range(3):
        app.processEvents()
    found = []
    if not present:
        for dock in window.docks:  # each side panel in front in turn (tabs on a small screen)
            dock.raise_()
            for _ in range(3):
                app.processEvents()
            found += problems(window, f"main window, {dock.windowTitle()} in front")
    if present:
        for lesson in builtin_lessons():
            window.files.start_lesson(lesson.id)
            window.presentation.start()
            for index in range(len(lesson.steps)):
                window.lessons.go(index)
                for _ in range(6):  # a wrapped key settles in a pass or two more
                    app.processEvents()
                found += problems(window, f"{lesson.id} step {index + 1}")
            window.presentation.stop()
            window.lessons.close()
    window.close()
    dispose(window)
    print(json.dumps(found), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
