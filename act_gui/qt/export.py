"""Saving what the Explorer shows: plots as PNG/SVG (pyqtgraph's exporters), data as CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsView

from act_gui.core import curves
from act_gui.qt.explorer_plots import ExplorerPlots

#: Exported images are at least this wide, so they stay sharp on a slide.
MIN_EXPORT_WIDTH = 1920


# pyqtgraph's exporters and QtSvg are imported when first used: together they were a
# twentieth of start-up, for a menu item most sessions never touch.

def export_png(plots: ExplorerPlots, path: str | Path) -> None:
    import pyqtgraph.exporters as exporters

    exporter = exporters.ImageExporter(plots.ci)
    width = max(MIN_EXPORT_WIDTH, int(plots.ci.width()))
    exporter.parameters()["width"] = width
    _replace(path, exporter.export)


def export_svg(plots: ExplorerPlots, path: str | Path) -> None:
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
