"""Saving what the window shows: plots as PNG/SVG (pyqtgraph's exporters), the whole
window as PNG/SVG, curves and training history as CSV. Images are sized for slides."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsView, QWidget

from act_gui.core import curves
from act_gui.core.lab import RunHistory
from act_gui.qt.explorer_plots import ExplorerPlots

#: Exported images are at least this wide, so they stay sharp on a slide.
MIN_EXPORT_WIDTH = 1920


# pyqtgraph's exporters and QtSvg are imported when first used: together they were a
# twentieth of start-up, for a menu item most sessions never touch.

def export_png(plots, path: str | Path) -> None:
    """A pyqtgraph layout widget (the Explorer's or the training plots) as a PNG."""
    import pyqtgraph.exporters as exporters

    exporter = exporters.ImageExporter(plots.ci)
    width = max(MIN_EXPORT_WIDTH, int(plots.ci.width()))
    exporter.parameters()["width"] = width
    _replace(path, exporter.export)


def export_svg(plots, path: str | Path) -> None:
    import pyqtgraph.exporters as exporters

    try:
        _replace(path, exporters.SVGExporter(plots.ci).export)
    except ValueError:
        # pyqtgraph 0.14's SVG post-processing cannot parse the closing "Z" that recent
        # Qt writes for rectangles (pyqtgraph issue #3485); Qt's own generator then
        # writes the same vector picture, without pyqtgraph's clean-ups.
        _replace(path, lambda target: render_svg(plots, target))


def render_svg(view: QGraphicsView, path: str) -> None:
    """Draw a graphics view's scene into an SVG file with Qt's QSvgGenerator.

    The generator must use the screen's resolution, or text (laid out in screen pixels)
    and the plot geometry end up scaled differently.
    """
    from PySide6.QtSvg import QSvgGenerator

    generator = QSvgGenerator()
    generator.setFileName(path)
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
    _replace(path, lambda target: image.save(target, "PNG"))


def export_window_svg(widget: QWidget, path: str | Path) -> None:
    from PySide6.QtSvg import QSvgGenerator

    def write(target: str) -> None:
        generator = QSvgGenerator()
        generator.setFileName(target)
        generator.setSize(widget.size())
        generator.setViewBox(widget.rect())
        generator.setResolution(widget.logicalDpiX())
        painter = QPainter(generator)
        try:
            widget.render(painter, QPoint())
        finally:
            painter.end()

    _replace(path, write)


def export_history_csv(history: RunHistory, path: str | Path) -> None:
    history.write_csv(path)


def export_csv(plots: ExplorerPlots, path: str | Path) -> None:
    shown = plots.state.shown()
    curves.write_csv(path, [plots.samples[act_id] for act_id in shown])


def _replace(path: str | Path, export) -> None:
    """Run ``export(path)``, raising OSError if no file came of it.

    pyqtgraph's exporters report a failed write only by leaving no file behind, so an
    old file (the user already agreed to overwrite it) is removed first.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise OSError(f"folder {path.parent} does not exist")
    path.unlink(missing_ok=True)
    export(str(path))
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(f"could not write {path}")
