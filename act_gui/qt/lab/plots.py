"""The plots that explain a run: loss, dead and saturated units, gradient flow, the fit.

Pinned runs are drawn as pale dashed ghosts under the live curves for A/B comparison.
All items are created once (ghosts when a run is pinned) and updated with ``setData``.
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt

from act_gui.core.lab.diagnostics import Stats
from act_gui.core.lab import RunHistory
from act_gui.qt.lab.controller import MAX_PINNED, LabController
from act_gui.qt.style import Theme, plot_font
from act_gui.qt.widgets.plot_grid import arrange, best_columns
from act_gui.qt.widgets.log_axis import EDGE_ROOM, decade_ticks, decades
from act_gui.qt.widgets.plot_key import KeyEntry, add_key, key_html
from act_gui.qt.widgets.redraw_budget import RedrawBudget, cache_axes

SURFACE_RESOLUTION = 64
GHOST_ALPHA = 110
#: While playing, the plots redraw at most 30 times a second (the curves grow by a pixel
#: at a time, and the decision surface stays smooth at that rate; on the largest network
#: its 4,096-point prediction was a tenth of every frame), and less often when a redraw
#: is dear: at most a third of the time goes to them (the largest network's thick
#: presentation curves took 20-30 ms a redraw, more than the training).
REDRAW_RATE = 30
REDRAW_SHARE = 1 / 3
#: The fit (the decision surface's 4,096 predictions, 5 ms on the largest network) follows
#: at most 10 times a second while playing: it changes slowly, unlike the curves' tips.
FIT_RATE = 10
HOVER_RADIUS = 8  # pixels from a point's centre that count as over it


def surface_grid(X: np.ndarray, resolution: int = SURFACE_RESOLUTION, margin: float = 0.15):
    """A square grid covering the data with a margin: (x values, y values, points (n², 2))."""
    lo, hi = X.min(axis=0), X.max(axis=0)
    pad = margin * (hi - lo).max()
    xs = np.linspace(lo[0] - pad, hi[0] + pad, resolution)
    ys = np.linspace(lo[1] - pad, hi[1] + pad, resolution)
    gx, gy = np.meshgrid(xs, ys, indexing="ij")
    return xs, ys, np.column_stack([gx.ravel(), gy.ravel()])


def nice_ceiling(value: float) -> float:
    """The next of 1, 2, 5 × 10^k at or above ``value``: axis ends that rarely change."""
    power = 10 ** np.floor(np.log10(value))
    return float(next(m * power for m in (1, 2, 5, 10) if m * power >= value))


PERCENT_TICKS = [[(v, f"{v:g}") for v in (0, 20, 40, 60, 80, 100)], []]


class LabPlots(pg.GraphicsLayoutWidget):
    def __init__(self, controller: LabController, theme: Theme, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.keys: dict[str, list[KeyEntry]] = {}  # per plot: what its key names
        self.loss_plot = self._plot(0, 0, "step")
        self.loss_plot.setLogMode(y=True)
        self.units_plot = self._plot(0, 1, "step")
        self.units_plot.setYRange(-10, 110, padding=0)  # room for the 0 and 100 labels
        self.units_plot.getAxis("left").setTicks(PERCENT_TICKS)  # 0 and 100 labelled too
        self.grad_plot = self._plot(1, 0, "step")
        self.grad_plot.setLogMode(y=True)
        self.fit_plot = self._plot(1, 1, "")
        self.columns = 2
        for plot in (self.loss_plot, self.units_plot, self.grad_plot):
            plot.disableAutoRange()  # see _set_ranges
        self.fit_plot.setAspectLocked(True)
        self.theme = theme
        self.train_curve = self.loss_plot.plot()
        self.test_curve = self.loss_plot.plot()
        self.dead_curve = self.units_plot.plot()
        self.saturated_curve = self.units_plot.plot()
        for curve in (self.train_curve, self.test_curve, self.dead_curve, self.saturated_curve):
            curve.setDownsampling(auto=True, method="peak")  # long runs: ≤ a few points per pixel
        self.grad_curves: list[pg.PlotDataItem] = []
        self.ghosts: list[tuple[pg.PlotItem, pg.PlotDataItem]] = []
        self.surface = pg.ImageItem()
        self.points = pg.ScatterPlotItem(size=6)
        self.fit_curve = self.fit_plot.plot()
        self.fit_plot.addItem(self.surface)
        self.fit_plot.addItem(self.points)
        self._grid = None
        self.fit_kind = "surface"
        self._order = self._drawn = np.zeros((0, 2))
        self.scale = 1.0
        # Short titles: the key names what they count (dead, saturated; W1, W2... per layer).
        self.titles = {"loss": "Loss", "units": "Units %", "gradients": "‖dL/dW‖",
                       "fit": "Decision surface"}
        self.key_labels = {name: add_key(plot) for name, plot in
                           zip(self.titles, (self.loss_plot, self.units_plot, self.grad_plot, self.fit_plot))}
        self.set_theme(theme)
        controller.stats_changed.connect(self._on_stats_changed)
        # Bound methods, not lambdas: Qt drops them when this view is deleted (a slide
        # export's copy is), where a lambda would go on calling into a deleted view.
        controller.run_reset.connect(self._on_run_reset)
        controller.pins_changed.connect(self._on_pins_changed)
        controller.playing_changed.connect(self._on_playing_changed)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.budget = RedrawBudget(REDRAW_RATE, REDRAW_SHARE)
        self.fit_budget = RedrawBudget(FIT_RATE)
        self._on_run_reset()
        self._on_pins_changed()
        self._on_stats_changed(controller.stats)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if not hasattr(self, "columns"):  # pyqtgraph calls this while being built
            return
        columns = best_columns(4, self.width(), self.height(), choices=[2, 4])
        if columns != self.columns:  # one row on a wide, short strip; two by two otherwise
            self.columns = columns
            arrange(self.ci, [self.loss_plot, self.units_plot, self.grad_plot, self.fit_plot], columns)

    def _plot(self, row: int, col: int, x_label: str) -> pg.PlotItem:
        plot = self.addPlot(row=row, col=col, enableMenu=False)
        plot.hideButtons()
        if x_label:
            plot.setLabel("bottom", x_label)
        for axis in ("left", "bottom"):
            plot.getAxis(axis).setStyle(maxTickLevel=0, maxTextLevel=0)  # labelled ticks only
            plot.getAxis(axis).enableAutoSIPrefix(False)
        cache_axes(plot)
        return plot

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.setBackground(theme.plot_background)
        self._set_pens()
        # Pale tints of the class colours, so the points (full colour) stand out on them.
        self.surface.setColorMap(pg.ColorMap([0.0, 0.5, 1.0], list(theme.surface)))
        self.points.setPen(pg.mkPen(theme.outline, width=0.6))
        if self._grid is not None:  # not while being built: the layer curves come later
            self._on_run_reset()
            self._on_pins_changed()
        for plot in (self.loss_plot, self.units_plot, self.grad_plot, self.fit_plot):
            plot.showGrid(x=True, y=True, alpha=theme.grid_alpha)
            for axis in ("left", "bottom"):
                plot.getAxis(axis).setPen(theme.plot_foreground)
                plot.getAxis(axis).setTextPen(theme.plot_foreground)
        self._show_keys()

    def slide_copy(self) -> "LabPlots":
        """Another view of the same run (for an export laid out at slide size)."""
        return LabPlots(self.controller, self.theme)

    def set_antialias(self, on: bool) -> None:
        for curve in (self.train_curve, self.test_curve, self.dead_curve, self.saturated_curve,
                      *self.grad_curves, self.fit_curve):
            curve.opts["antialias"] = on
            curve.updateItems()

    def _set_pens(self) -> None:
        t, width = self.theme, 2 * self.scale
        for curve, colour, style in ((self.train_curve, t.train, Qt.SolidLine), (self.test_curve, t.test, Qt.DashLine),
                                     (self.dead_curve, t.dead, Qt.SolidLine),
                                     (self.saturated_curve, t.saturated, Qt.SolidLine)):
            curve.setPen(pg.mkPen(colour, width=width, style=style))
        self.fit_curve.setPen(pg.mkPen(t.train, width=1.5 * width))

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        font = plot_font(scale)
        points = f"{font.pointSizeF():.1f}pt"
        for plot in (self.loss_plot, self.units_plot, self.grad_plot, self.fit_plot):
            for axis in ("left", "bottom"):
                plot.getAxis(axis).setStyle(tickFont=font)
            if plot.getAxis("bottom").labelText:  # "step": as large as the ticks
                plot.setLabel("bottom", plot.getAxis("bottom").labelText, **{"font-size": points})
        self._show_keys()
        self._set_pens()
        for curve in self.grad_curves:
            pen = pg.mkPen(curve.opts["pen"])
            pen.setWidthF(2 * scale)
            curve.setPen(pen)
        self.points.setSize(6 * scale)

    # --- structure -----------------------------------------------------------------------
    def _on_playing_changed(self, playing: bool) -> None:
        if not playing:
            self._redraw_now()

    def _on_run_reset(self, _reason: str = "") -> None:
        trainer = self.controller.trainer
        layers = len(trainer.net.weights)
        while len(self.grad_curves) < layers:
            index = len(self.grad_curves)
            curve = self.grad_plot.plot()
            curve.setDownsampling(auto=True, method="peak")
            self.grad_curves.append(curve)
        for index, curve in enumerate(self.grad_curves):
            visible = index < layers
            curve.setVisible(visible)
            curve.setPen(pg.mkPen(self._layer_colour(index, layers), width=2 * self.scale))
            if not visible:
                curve.setData([], [])
        data = trainer.dataset
        classification = data.task == "classification"
        # With more than two inputs there is no plane to colour: each test sample is a
        # point at its predicted probability instead, sorted by class.
        self.fit_kind = "regression" if not classification else "surface" if data.inputs == 2 else "predictions"
        self.titles["fit"] = {"surface": "Decision surface", "predictions": "Predictions (test set)",
                              "regression": "Fit to the data"}[self.fit_kind]
        self._show_keys()
        self.fit_plot.setAspectLocked(self.fit_kind == "surface")
        self.surface.setVisible(self.fit_kind == "surface")
        self.fit_curve.setVisible(not classification)
        self.fit_plot.setLabel("left", "p(class 1)" if self.fit_kind == "predictions" else "")
        if self.fit_kind == "predictions":
            self._order = np.argsort(data.y_test, kind="stable")
            self._grid = data.X_test[self._order]
            self._drawn = np.column_stack([np.arange(len(self._order)), np.full(len(self._order), 0.5)])
            self._brushes = [pg.mkBrush(self.theme.classes[int(label)]) for label in data.y_test[self._order]]
            self.points.setData(self._drawn[:, 0], self._drawn[:, 1], brush=self._brushes)
            self.fit_plot.setYRange(-0.05, 1.05, padding=0)
        elif classification:
            xs, ys, grid = surface_grid(data.X_train)
            self._grid = grid
            self._surface_rect = QRectF(xs[0], ys[0], xs[-1] - xs[0], ys[-1] - ys[0])
            brushes = [pg.mkBrush(self.theme.classes[int(label)]) for label in data.y_test]
            self._order, self._drawn = np.arange(len(data.y_test)), data.X_test
            self.points.setData(data.X_test[:, 0], data.X_test[:, 1], brush=brushes)
        else:
            self._grid = np.linspace(data.X_train.min() - 0.1, data.X_train.max() + 0.1, 200)[:, None]
            self.points.setData(data.X_train[:, 0], data.y_train, brush=pg.mkBrush(self.theme.test))
        self.fit_plot.autoRange()

    def _on_pins_changed(self) -> None:
        for plot, ghost in self.ghosts:
            plot.removeItem(ghost)
        self.ghosts = []  # rebuilt only when the user pins or clears
        for index, run in enumerate(self.controller.pinned[-MAX_PINNED:]):
            self._add_ghosts(run, index)
        self._show_keys()

    def _show_keys(self) -> None:
        """Each plot's title with a key to its curves under it (outside the data area)."""
        if not hasattr(self, "titles"):  # the theme is first set while being built
            return
        t = self.theme
        pins = [KeyEntry(f"pinned: {run.label}", self._ghost_colour(index).name(), self._ghost_style(index))
                for index, run in enumerate(self.controller.pinned[-MAX_PINNED:])]
        layers = len(self.controller.trainer.net.weights)
        self.keys = {
            "loss": [KeyEntry("train", t.train), KeyEntry("test", t.test, Qt.DashLine)] + pins,
            # The pinned runs are named once, in the loss plot's key; here one entry says so.
            "units": [KeyEntry("dead", t.dead), KeyEntry("saturated", t.saturated)]
            + ([KeyEntry("pinned runs as in Loss", t.plot_foreground, Qt.DashLine)] if pins else []),
            "gradients": [KeyEntry(f"W{i + 1}", self._layer_colour(i, layers).name()) for i in range(layers)],
            "fit": [],
        }
        for name in self.key_labels:
            self._show_key(name)

    def _show_key(self, name: str) -> None:
        title = self.titles[name]
        accuracy = self.controller.stats.accuracy
        if name == "fit" and accuracy is not None:  # visible in presentation mode too
            title += f" · test accuracy {accuracy:.0%}"
        size = f"{plot_font(self.scale).pointSizeF() * 1.1:.1f}pt"
        self.key_labels[name].set_key([key_html(title, self.keys[name])], size=size, color=self.theme.plot_foreground)

    def _layer_colour(self, index: int, layers: int):
        """From the input side (dark) to the output side (light): vanishing shows as a
        dark curve far below the light ones."""
        lo, hi = self.theme.sequence_range
        return pg.colormap.get("viridis").map(lo + (hi - lo) * index / max(1, layers - 1), mode="qcolor")

    @staticmethod
    def _ghost_style(index: int) -> Qt.PenStyle:
        return (Qt.DashLine, Qt.DotLine, Qt.DashDotLine, Qt.DashDotDotLine)[index % 4]

    def _ghost_colour(self, index: int):
        """Each pinned run has its own colour (after the live curves' ones) and its own dash."""
        return pg.mkColor(self.theme.curve_colour(3 + index))

    def _add_ghosts(self, run: RunHistory, index: int) -> None:
        steps = run.column("step")
        ghost_colour = self._ghost_colour(index)
        ghost_colour.setAlpha(GHOST_ALPHA)
        for plot, column in ((self.loss_plot, "train_loss"), (self.units_plot, "dead_fraction"),
                             (self.units_plot, "saturated_fraction")):
            values = run.column(column) * (100 if plot is self.units_plot else 1)
            ghost = plot.plot(steps, self._positive(values) if plot is self.loss_plot else values,
                              pen=pg.mkPen(ghost_colour, width=2, style=self._ghost_style(index)))
            ghost.setZValue(-5)
            self.ghosts.append((plot, ghost))

    # --- hover: one sample's activity in the network picture ---------------------------
    def _on_mouse_moved(self, pos) -> None:
        self.controller.hover_sample(self.point_at(pos))

    def point_at(self, scene_pos) -> np.ndarray | None:
        """The test point drawn under ``scene_pos`` on the decision surface, if any."""
        data = self.controller.trainer.dataset
        view = self.fit_plot.getViewBox()
        if self.fit_kind == "regression" or not view.sceneBoundingRect().contains(scene_pos):
            return None
        drawn = [view.mapViewToScene(pg.Point(*map(float, x))) for x in self._drawn]
        distances = np.array([np.hypot(p.x() - scene_pos.x(), p.y() - scene_pos.y()) for p in drawn])
        nearest = int(np.argmin(distances))
        return data.X_test[self._order[nearest]] if distances[nearest] <= HOVER_RADIUS * self.scale else None

    # --- per frame -----------------------------------------------------------------------
    def _on_stats_changed(self, stats: Stats) -> None:
        if not self.budget.due(force=not self.controller.playing):
            return
        start = time.perf_counter()
        history = self.controller.history
        steps = history.column("step")
        self._set_ranges(steps)
        self._show_key("fit")
        self.train_curve.setData(steps, self._positive(history.column("train_loss")))
        self.test_curve.setData(steps, self._positive(history.column("test_loss")))
        self.dead_curve.setData(steps, 100 * history.column("dead_fraction"))
        self.saturated_curve.setData(steps, 100 * history.column("saturated_fraction"))
        for layer, curve in enumerate(self.grad_curves[:history.layers]):
            curve.setData(steps, self._positive(history.grad_norms(layer)))
        if self.fit_budget.due(force=not self.controller.playing):
            self._update_fit()
        self.budget.spent(time.perf_counter() - start)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        start = time.perf_counter()
        super().paintEvent(event)
        self.budget.spent(time.perf_counter() - start)

    def _redraw_now(self) -> None:
        self.budget.start_over()
        self.fit_budget.start_over()
        self._on_stats_changed(self.controller.stats)

    def _update_fit(self) -> None:
        net = self.controller.trainer.net
        with np.errstate(all="ignore"):
            prediction = net.predict(self._grid)
        if self.fit_kind == "predictions":
            self._drawn[:, 1] = prediction
            self.points.setData(self._drawn[:, 0], self._drawn[:, 1], brush=self._brushes)
        elif self.fit_kind == "surface":
            self.surface.setImage(prediction.reshape(SURFACE_RESOLUTION, SURFACE_RESOLUTION), levels=(0.0, 1.0))
            # After setImage: the rect maps image pixels to data units, so it needs the
            # image's size (set before the first image, it scaled a 1×1 one).
            self.surface.setRect(self._surface_rect)
        else:
            self.fit_curve.setData(self._grid[:, 0], prediction)

    def _set_ranges(self, steps: np.ndarray) -> None:
        """Axis ranges that change in jumps, not every frame.

        An axis redraws its ticks and grid whenever its range moves; auto-ranging moved
        all of them on every frame, which cost more than everything else in the frame.
        """
        span = nice_ceiling(max(float(steps[-1]) if len(steps) else 0.0, 10.0))
        history = self.controller.history
        pinned = [run.column("train_loss") for run in self.controller.pinned[-MAX_PINNED:]]
        ranges = [(self.loss_plot, decades(history.column("train_loss"), history.column("test_loss"), *pinned)),
                  (self.grad_plot, decades(*(history.grad_norms(i) for i in range(history.layers))))]
        for plot in (self.loss_plot, self.units_plot, self.grad_plot):
            if plot.viewRange()[0] != [0.0, span]:
                plot.setXRange(0.0, span, padding=0)
        for plot, (lo, hi) in ranges:
            # A little room past the end decades, or their labels would overhang the axis
            # and pyqtgraph would leave them out.
            wanted = [round(lo - EDGE_ROOM, 6), round(hi + EDGE_ROOM, 6)]
            if [round(v, 6) for v in plot.viewRange()[1]] != wanted:
                plot.setYRange(*wanted, padding=0)
                plot.getAxis("left").setTicks([decade_ticks(lo, hi), []])

    @staticmethod
    def _positive(values: np.ndarray) -> np.ndarray:
        """Log plots need positive values: a loss or norm of exactly 0 is drawn at 1e-12."""
        return np.maximum(values, 1e-12)
