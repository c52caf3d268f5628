"""Lesson 7's view: final loss and dead share against the learning rate, ReLU vs Leaky ReLU.

The runs train in a worker thread, one after another, so the window stays responsive;
each result is drawn as it arrives, and a progress bar counts them.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from act_gui.core.lab import sweep
from act_gui.core.lab import LabConfig
from act_gui.qt.style import Theme, plot_font
from act_gui.qt.widgets.log_axis import EDGE_ROOM, decade_ticks, decades
from act_gui.qt.widgets.plot_grid import arrange, best_columns
from act_gui.qt.widgets.plot_key import KeyEntry, add_key, key_html

LABELS = {"relu": "ReLU", "leaky_relu": "Leaky ReLU"}
TITLES = ("Loss at the end of training", "Dead units (%)")


class SweepWorker(QObject):
    """Runs a sweep off the UI thread; ``result`` fires once per finished run.

    Each signal carries the sweep's number, so a result queued by a sweep that was
    since cancelled is recognised and dropped.
    """

    result = Signal(int, object)
    finished = Signal(int)

    def __init__(self, number: int, base: LabConfig, rates: np.ndarray) -> None:
        super().__init__()
        self.number, self.base, self.rates = number, base, rates
        self.cancelled = False

    def run(self) -> None:
        try:
            for item in sweep.sweep(self.base, self.rates, should_stop=lambda: self.cancelled):
                self.result.emit(self.number, item)
        except sweep.Cancelled:
            pass
        self.finished.emit(self.number)


class SweepView(QWidget):
    finished = Signal()

    def __init__(self, theme: Theme, parent=None) -> None:
        super().__init__(parent)
        self.plots = pg.GraphicsLayoutWidget()
        self.loss_plot = self.plots.addPlot(row=0, col=0, enableMenu=False)
        self.dead_plot = self.plots.addPlot(row=1, col=0, enableMenu=False)
        self.curves = {}
        for plot in (self.loss_plot, self.dead_plot):
            plot.setLogMode(x=True, y=plot is self.loss_plot)
            plot.setLabel("bottom", "learning rate")
            for axis in ("left", "bottom"):  # "learning rate (×0.001)" misread a partial sweep
                plot.getAxis(axis).enableAutoSIPrefix(False)
            plot.hideButtons()
            for act in sweep.ACTIVATIONS:
                self.curves[(plot is self.loss_plot, act)] = plot.plot(symbol="o", symbolSize=9)
        self.dead_plot.setYRange(0, 100)
        self.key_labels = [add_key(plot) for plot in (self.loss_plot, self.dead_plot)]
        self.columns = 1
        self.progress = QProgressBar()
        self.status = QLabel("Press Run to train the same network at each learning rate.")
        self.run_button = QPushButton("Run sweep")
        self.run_button.clicked.connect(lambda: self.start(self.base))
        row = QHBoxLayout()
        row.addWidget(self.run_button)
        row.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.plots, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.base = LabConfig(init="he_normal", width=16, seed=2)
        self.title_points = plot_font(1.0).pointSizeF() * 1.2
        self.results: list[sweep.SweepResult] = []
        self.thread: QThread | None = None
        self.number = 0  # of the latest sweep started
        self.set_theme(theme)

    def set_antialias(self, on: bool) -> None:
        for curve in self.curves.values():
            curve.opts["antialias"] = on
            curve.updateItems()

    def set_scale(self, scale: float) -> None:
        font = plot_font(scale)
        self.title_points = font.pointSizeF() * 1.2
        self._show_keys()
        for plot in (self.loss_plot, self.dead_plot):
            plot.setLabel("bottom", "learning rate", **{"font-size": f"{font.pointSizeF():.1f}pt"})
            for axis in ("left", "bottom"):
                plot.getAxis(axis).setStyle(tickFont=font)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.plots.setBackground(theme.plot_background)
        # The colours ReLU and Leaky ReLU have on the Explorer plots in lesson 7 (slots 0, 1).
        for (_loss, act), curve in self.curves.items():
            colour = theme.curve_colour(sweep.ACTIVATIONS.index(act))
            curve.setPen(pg.mkPen(colour, width=3))
            curve.setSymbolBrush(colour)
        self._show_keys()
        for plot in (self.loss_plot, self.dead_plot):
            for axis in ("left", "bottom"):
                plot.getAxis(axis).setPen(theme.plot_foreground)
                plot.getAxis(axis).setTextPen(theme.plot_foreground)

    def _show_keys(self) -> None:
        key = [KeyEntry(LABELS[act], self.theme.curve_colour(sweep.ACTIVATIONS.index(act))) for act in sweep.ACTIVATIONS]
        for label, title in zip(self.key_labels, TITLES):
            label.set_key([key_html(title, key)], size=f"{self.title_points:.1f}pt", color=self.theme.plot_foreground)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if not hasattr(self, "columns"):  # pyqtgraph calls this while being built
            return
        columns = best_columns(2, self.plots.width(), self.plots.height())
        if columns != self.columns:  # side by side on a wide, short screen
            self.columns = columns
            arrange(self.plots.ci, [self.loss_plot, self.dead_plot], columns)

    def show_step(self, config: LabConfig) -> None:
        """A lesson step brought the sweep to the front: train it for the step's network."""
        self.start(config)

    def stop(self) -> None:
        self.cancel()

    @property
    def running(self) -> bool:
        return self.thread is not None

    def start(self, base: LabConfig, rates: np.ndarray | None = None) -> None:
        """Train the sweep for ``base`` in the background (a running sweep is replaced)."""
        self.cancel()
        self.base = base
        self.rates = sweep.learning_rates() if rates is None else np.asarray(rates)
        self.results = []
        self._show_rate_axis()
        self._redraw()
        self.progress.setRange(0, len(self.rates) * len(sweep.ACTIVATIONS))
        self.progress.setValue(0)
        self.status.setText("Training…")
        self.thread = QThread(self)
        self.number += 1
        self.worker = SweepWorker(self.number, base, self.rates)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.result.connect(self._on_result)
        self.worker.finished.connect(self._on_finished)
        self.thread.start()

    def cancel(self) -> None:
        """Stop the sweep and wait for its thread to end (it checks every few steps)."""
        if self.thread is not None:
            self.worker.cancelled = True
            self._join()
            self.status.setText(f"Stopped after {len(self.results)} runs. Press Run to train them all.")

    def _join(self) -> None:
        self.thread.quit()
        self.thread.wait()
        self.thread.deleteLater()
        self.worker.deleteLater()
        self.thread = None

    def _on_result(self, number: int, result: sweep.SweepResult) -> None:
        if number != self.number or self.thread is None:
            return  # from a sweep that was cancelled
        self.results.append(result)
        self.progress.setValue(len(self.results))
        self._redraw()

    def _on_finished(self, number: int) -> None:
        if number != self.number or self.thread is None:
            return
        self._join()
        diverged = sum(1 for r in self.results if math.isnan(r.final_loss))
        note = f" ({diverged} runs diverged and are left out of the loss plot)" if diverged else ""
        self.status.setText(f"{len(self.results)} runs of {sweep.STEPS} steps each{note}.")
        self.finished.emit()

    def _show_rate_axis(self) -> None:
        """The whole range of rates from the start, one label per power of ten: a
        partial sweep neither rescales the axis nor crowds it with 0.0004, 0.0005..."""
        lo, hi = np.log10(self.rates.min()), np.log10(self.rates.max())
        ticks = [(float(k), f"{10.0 ** k:g}") for k in range(int(np.floor(lo)), int(np.ceil(hi)) + 1)]
        for plot in (self.loss_plot, self.dead_plot):
            plot.setXRange(lo, hi, padding=0.1)  # room for the end labels
            plot.getAxis("bottom").setTicks([ticks, []])

    def _redraw(self) -> None:
        all_losses = []
        for act in sweep.ACTIVATIONS:
            runs = [r for r in self.results if r.activation == act]
            rates = np.array([r.lr for r in runs])
            losses = np.array([r.final_loss for r in runs])
            keep = np.isfinite(losses) & (losses > 0)
            self.curves[(True, act)].setData(rates[keep], losses[keep])
            all_losses.append(losses[keep])
            self.curves[(False, act)].setData(rates, 100 * np.array([r.dead_fraction for r in runs]))
        # Whole decades with 2 and 5 between when the range is short, as on the Lab's loss
        # plot: pyqtgraph labels only whole decades, so a short range had no numbers.
        lo, hi = decades(*all_losses)
        self.loss_plot.setYRange(lo - EDGE_ROOM, hi + EDGE_ROOM, padding=0)
        self.loss_plot.getAxis("left").setTicks([decade_ticks(lo, hi), []])
