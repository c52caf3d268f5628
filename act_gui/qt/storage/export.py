"""Saving what the window shows: plots as PNG/SVG (pyqtgraph's exporters), the whole
window as PNG/SVG, curves and training history as CSV. Images are sized for slides."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QIODevice, QPoint, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QWidget

from act_gui.core.activations import curves
from act_gui.core.lab import RunHistory
from act_gui.qt.explorer.plots import ExplorerPlots
from act_gui.qt.storage.save_file import write_bytes, write_text, write_with

#: Exported images are at least this wide, so they stay sharp on a slide.
MIN_EXPORT_WIDTH = 1920
#: Plot exports are a 16:9 slide, drawn at this UI scale (type and pens to match).
SLIDE_SIZE, SLIDE_SCALE = (1920, 1080), 2.0


# pyqtgraph's exporters and QtSvg are imported when first used: together they were a
# twentieth of start-up, for a menu item most sessions never touch.

@contextmanager
def slide_layout(plots, size: tuple[int, int]):
    """A copy of a plot view (the Explorer's or the training plots), showing the same
    models, laid out at ``size`` with type and pens scaled to it: not the on-screen
    widget stretched, which gave a tall strip with tiny legends."""
    copy = plots.slide_copy()
    try:
        copy.set_scale(SLIDE_SCALE * size[0] / SLIDE_SIZE[0])
        copy.set_antialias(True)  # also keeps each curve one path (pyqtgraph splits thick aliased ones)
        copy.resize(*size)
        copy.setAttribute(Qt.WA_DontShowOnScreen)  # laid out as if shown (axes size their labels)
        copy.show()
        # Settled without running the event loop (which ran the window's timers in the
        # middle of an export): layout passes (keys wrap to their width in one or two),
        # then one paint, which brings pyqtgraph's ranges and axes up to date.
        for _ in range(2):
            for _ in range(3):
                QCoreApplication.sendPostedEvents(None, QEvent.LayoutRequest)
            copy.grab()
        yield copy
    finally:
        # Deleted now, not at the next event loop: until then a restyle (a theme change,
        # a new window in the same process) reached the orphaned copy and crashed.
        copy.hide()
        copy.deleteLater()
        QCoreApplication.sendPostedEvents(copy, QEvent.DeferredDelete)


def export_png(plots, path: str | Path, size: tuple[int, int] = SLIDE_SIZE) -> None:
    """The plots as a PNG slide of ``size`` pixels."""
    with slide_layout(plots, size) as copy:
        image = copy.grab().toImage()
    write_with(path, lambda device: image.save(device, "PNG"))


def export_svg(plots, path: str | Path, size: tuple[int, int] = SLIDE_SIZE) -> None:
    """The plots as an SVG slide: pyqtgraph's exporter, which writes each curve as one
    path in picture coordinates with an ordinary stroke, and each scatter point with
    its own colour (Qt's own SVG generator leaves coordinates in data units under a
    scaling transform with "non-scaling" strokes, which librsvg and ImageMagick draw
    as blobs)."""
    import pyqtgraph.exporters as exporters

    with slide_layout(plots, size) as copy, _paths_closed_explicitly():
        data = exporters.SVGExporter(copy.ci).export(toBytes=True)
    # The coordinates are the picture's now, so strokes scale with it like everything
    # else (a viewer showing the slide at half size halves the lines too).
    write_bytes(path, data.replace(b' vector-effect="non-scaling-stroke"', b""))


@contextmanager
def _paths_closed_explicitly():
    """pyqtgraph 0.14's SVG clean-up cannot read the closing "Z" that recent Qt writes
    at the end of a closed path (pyqtgraph issue #3485), and fails. While exporting,
    each "Z" is replaced by a line back to its sub-path's start, which draws the same
    shape (every such path here is filled or has square corners)."""
    import importlib

    module = importlib.import_module("pyqtgraph.exporters.SVGExporter")
    original = module.correctCoordinates

    def correct(node, defs, item, options):
        for element in node.getElementsByTagName("path"):
            element.setAttribute("d", _without_close(element.getAttribute("d")))
        return original(node, defs, item, options)

    module.correctCoordinates = correct
    try:
        yield
    finally:
        module.correctCoordinates = original


def _without_close(d: str) -> str:
    out, start = [], None
    for token in d.split():
        if token[0] in "Mm":
            start = token[1:]
        if token in ("Z", "z"):
            if start is None:
                continue
            token = "L" + start
        out.append(token)
    return " ".join(out)


def export_window_png(widget: QWidget, path: str | Path) -> None:
    """The whole window as a PNG, scaled up to slide width if it is narrower."""
    scale = max(1.0, MIN_EXPORT_WIDTH / max(1, widget.width()))
    image = QImage(widget.size() * scale, QImage.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    try:
        painter.scale(scale, scale)
        widget.render(painter, QPoint())
    finally:
        painter.end()
    write_with(path, lambda device: image.save(device, "PNG"))


def export_window_svg(widget: QWidget, path: str | Path) -> None:
    from PySide6.QtSvg import QSvgGenerator

    def write(device: QIODevice) -> None:
        generator = QSvgGenerator()
        generator.setOutputDevice(device)
        generator.setSize(widget.size())
        generator.setViewBox(widget.rect())
        generator.setResolution(widget.logicalDpiX())
        painter = QPainter(generator)
        try:
            widget.render(painter, QPoint())
        finally:
            painter.end()

    write_with(path, write)


def export_history_csv(history: RunHistory, path: str | Path) -> None:
    write_text(path, history.csv_text())


def export_csv(plots: ExplorerPlots, path: str | Path) -> None:
    shown = plots.state.shown()
    write_text(path, curves.csv_text([plots.samples[act_id] for act_id in shown]))
