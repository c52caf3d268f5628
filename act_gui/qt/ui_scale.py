"""UI scale (100-300 %): fonts, pens, markers and node labels grow together.

For a projector in a lecture hall; presentation mode raises it to at least 175 %.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

SCALES = (1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
BASE_POINTS = 10.0
PLOT_POINTS = 9.0


def apply_scale(window, scale: float) -> None:
    """Scale every part of ``window`` that has a size; 1.0 is the normal look."""
    if not SCALES[0] <= scale <= SCALES[-1]:
        raise ValueError(f"the UI scale must be {SCALES[0]:.0%} to {SCALES[-1]:.0%}")
    app = QApplication.instance()
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINTS * scale)
    app.setFont(font)
    plot_font = QFont(font)
    plot_font.setPointSizeF(PLOT_POINTS * scale)
    window.plots.set_scale(scale, plot_font)
    window.lesson_bar.set_scale(scale)
    window.network_view.set_scale(scale)
    for view in (window._lab_plots, window._zigzag_view, window._sweep_view):
        if view is not None:
            view.set_scale(scale, plot_font)
