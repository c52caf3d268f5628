"""Saving what the window shows: plots as PNG/SVG (pyqtgraph's exporters), the whole
window as PNG/SVG, curves and training history as CSV. Images are sized for slides."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QIODevice, QPoint, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsView, QWidget

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

def export_png(plots, path: str | Path, size: tuple[int, int] = SLIDE_SIZE) -> None:
    """A plot view (the Explorer's or the training plots) as a PNG slide: a copy of the
    view, showing the same models, laid out at ``size`` with type and pens scaled to it
    (not the on-screen widget stretched: that gave a tall strip with tiny legends)."""
    copy = plots.slide_copy()
    try:
        copy.set_scale(SLIDE_SCALE * size[0] / SLIDE_SIZE[0])
        copy.set_antialias(True)
        copy.resize(*size)
        copy.setAttribute(Qt.WA_DontShowOnScreen)  # laid out as if shown (axes size their labels)
        copy.show()
        QApplication.processEvents()
        image = copy.grab().toImage()
    finally:
        copy.hide()
        copy.deleteLater()
    write_with(path, lambda device: image.save(device, "PNG"))


def export_svg(plots, path: str | Path) -> None:
    import pyqtgraph.exporters as exporters

    try:
        data = exporters.SVGExporter(plots.ci).export(toBytes=True)
    except ValueError:
        # pyqtgraph 0.14's SVG post-processing cannot parse the closing "Z" that recent
        # Qt writes for rectangles (pyqtgraph issue #3485); Qt's own generator then
        # writes the same vector picture, without pyqtgraph's clean-ups.
        write_with(path, lambda device: render_svg(plots, device))
    else:
        write_bytes(path, data)


def render_svg(view: QGraphicsView, device: QIODevice) -> None:
    """Draw a graphics view's scene as SVG into ``device`` with Qt's QSvgGenerator.

    The generator must use the screen's resolution, or text (laid out in screen pixels)
    and the plot geometry end up scaled differently.
    """
    from PySide6.QtSvg import QSvgGenerator

    generator = QSvgGenerator()
    generator.setOutputDevice(device)
    generator.setSize(view.size())
    generator.setViewBox(view.rect())
    generator.setResolution(view.logicalDpiX())
    generator.setTitle("Activation Explorer")
    painter = QPainter(generator)
    try:
        view.scene().render(painter, QRectF(view.rect()), view.sceneRect())
    finally:
        painter.end()


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
