"""Lesson 3's view: loss contours over (w₁, w₂) with the gradient-descent path, twice.

Left, inputs that are all positive (as a sigmoid layer's outputs are); right, the same
unit fed zero-centred inputs. Same start, same learning rate, same number of steps.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from act_gui.core.classroom import zigzag
from act_gui.qt.style import Theme, plot_font

GRID = 121
LEVELS = (0.02, 0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2)


class ZigzagView(pg.GraphicsLayoutWidget):
    def __init__(self, theme: Theme, parent=None) -> None:
        super().__init__(parent)
        self.panels = []
        for col, zero_centred in enumerate((False, True)):
            problem = zigzag.problem(zero_centred)
            path, updates = zigzag.descent(problem)
            reached = zigzag.steps_to_reach(path)
            title = "Positive inputs" if not zero_centred else "Zero-centred inputs"
            plot = self.addPlot(row=0, col=col, title=title, enableMenu=False)
            plot.setAspectLocked(True)
            plot.hideButtons()
            plot.setLabel("bottom", "w₁")
            plot.setLabel("left", "w₂")
            w1, w2 = np.meshgrid(np.linspace(-2, 2.5, GRID), np.linspace(-2.5, 2.5, GRID), indexing="ij")
            surface = zigzag.loss(problem, w1, w2)
            contours = []
            for level in LEVELS:
                curve = pg.IsocurveItem(data=surface, level=level)
                curve.setTransform(pg.QtGui.QTransform.fromTranslate(-2, -2.5).scale(4.5 / (GRID - 1), 5 / (GRID - 1)))
                plot.addItem(curve)
                contours.append(curve)
            line = plot.plot(path[:, 0], path[:, 1], symbol="o", symbolSize=4, symbolPen=None)
            optimum = plot.plot([zigzag.TARGET[0]], [zigzag.TARGET[1]], pen=None, symbol="+", symbolSize=22)
            start = plot.plot([zigzag.START[0]], [zigzag.START[1]], pen=None, symbol="o", symbolSize=11)
            share = zigzag.same_sign_share(updates)
            steps = f"near the optimum after {reached} steps" if reached else "not near the optimum yet"
            # Short lines: a long label would set the plot's minimum width.
            caption = pg.LabelItem(f"both weights moved the same way<br>in {share:.0%} of steps;<br>{steps}")
            self.addItem(caption, row=1, col=col)
            self.panels.append({"plot": plot, "path": line, "share": share, "reached": reached, "caption": caption,
                                "contours": contours, "optimum": optimum, "start": start})
        self.set_theme(theme)

    def show_step(self, config) -> None:
        pass  # the same two descents whatever the step's network

    def stop(self) -> None:
        pass  # nothing runs in the background

    def set_antialias(self, on: bool) -> None:
        pass  # contours and paths are thin: they look the same either way

    def set_scale(self, scale: float) -> None:
        font = plot_font(scale)
        for panel in self.panels:
            plot = panel["plot"]
            plot.setTitle(plot.titleLabel.text, size=f"{font.pointSizeF() * 1.2:.1f}pt")
            panel["caption"].setText(panel["caption"].text, size=f"{font.pointSizeF():.1f}pt")
            for axis, label in (("left", "w₂"), ("bottom", "w₁")):
                plot.getAxis(axis).setStyle(tickFont=font)
                plot.setLabel(axis, label, **{"font-size": f"{font.pointSizeF():.1f}pt"})

    def set_theme(self, theme: Theme) -> None:
        self.setBackground(theme.plot_background)
        for panel in self.panels:
            for curve in panel["contours"]:
                curve.setPen(pg.mkPen(theme.contour, width=1))
            panel["path"].setPen(pg.mkPen(theme.path, width=2))
            panel["path"].setSymbolBrush(theme.path)
            panel["optimum"].setSymbolPen(pg.mkPen(theme.optimum, width=3))
            panel["start"].setSymbolBrush(theme.path)
            plot = panel["plot"]
            plot.titleLabel.setAttr("color", theme.plot_foreground)
            plot.setTitle(plot.titleLabel.text)
            panel["caption"].setAttr("color", theme.plot_foreground)
            panel["caption"].setText(panel["caption"].text)
            for axis in ("left", "bottom"):
                plot.getAxis(axis).setPen(theme.plot_foreground)
                plot.getAxis(axis).setTextPen(theme.plot_foreground)
