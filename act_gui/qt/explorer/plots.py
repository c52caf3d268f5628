"""f(z) above f'(z), with shaded gradient regions and a draggable probe.

Every plot item is created once and then only updated with ``setData``/``setRegion``:
a slider drag costs one resample of one function and a handful of ``setData`` calls.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem

from act_gui.core.activations import curves
from act_gui.core.activations import get
from act_gui.core.activations.analysis import SATURATION_SHARE, gradient_regions, max_abs_slope
from act_gui.qt.explorer.state import ExplorerState
from act_gui.qt.explorer.readout import key_html, narrow_key_html
from act_gui.qt.style import Theme, plot_font
from act_gui.qt.widgets.redraw_budget import cache_axes
from act_gui.qt.widgets.plot_key import KeyLabel, add_key

CURRENT_WIDTH, OVERLAY_WIDTH = 3, 2
MARKER_SIZE = 11
HISTOGRAM_BINS = 40
LEFT_AXIS_WIDTH = 64
ZERO_TIP = ("f′(z) = 0 here: no gradient flows back, so a unit whose inputs all land here cannot learn (it is dead). "
            "In the first layer that is for good; a later layer's unit can recover if the layers before it change.")
SATURATED_TIP = (f"|f′(z)| is below {SATURATION_SHARE:.0%} of its maximum here: the unit has saturated "
                 "and passes back almost no gradient.")


class ExplorerPlots(pg.GraphicsLayoutWidget):
    """The central plots. ``hover_changed`` carries the z under the mouse, or None."""

    hover_changed = Signal(object)

    def __init__(self, state: ExplorerState, theme: Theme, parent=None) -> None:
        super().__init__(parent)
        self.state = state
        self.theme = theme
        self.samples: dict[str, curves.Curve] = {}
        self._peaks: dict[tuple, float] = {}
        self.scale = 1.0
        self.antialias = pg.getConfigOption("antialias")
        self.probe_readings: list[curves.Reading] = []  # at the probe, as last drawn
        # No context menus (they are never shown; building them was a tenth of start-up).
        self.f_plot = self.addPlot(row=0, col=0, enableMenu=False)
        self.df_plot = self.addPlot(row=1, col=0, enableMenu=False)
        # Not pyqtgraph's x-link: it matches the views pixel by pixel, so two data areas
        # of different widths showed different z-ranges (and could chase each other
        # forever). Both show the state's z-range; a pan or zoom on either sets it.
        self._showing_range = False
        self.curve_items: list[tuple[pg.PlotDataItem, pg.PlotDataItem]] = []
        self.regions: list[pg.LinearRegionItem] = []
        self._build_decorations()
        self.set_theme(theme, redraw=False)

        state.current_changed.connect(self._on_shown_changed)
        state.overlays_changed.connect(self._on_shown_changed)
        state.params_changed.connect(self._on_params_changed)
        state.z_range_changed.connect(self._on_z_range_changed)
        state.probe_changed.connect(self._on_probe_changed)
        for plot in (self.f_plot, self.df_plot):
            plot.getViewBox().sigXRangeChanged.connect(self._on_view_x_changed)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self._show_z_range()
        self._on_shown_changed()

    # --- construction --------------------------------------------------------------------
    def _build_decorations(self) -> None:
        for plot, name in ((self.f_plot, "f(z)"), (self.df_plot, "f′(z)")):
            plot.setLabel("left", name)
            plot.setLabel("bottom", "z")
            plot.hideButtons()  # the auto-range "A": Reset view does that job here
            plot.enableAutoRange(axis="y")
            plot.setAutoVisible(y=True)
            plot.getViewBox().setMouseEnabled(x=True, y=False)
            plot.getAxis("left").setWidth(LEFT_AXIS_WIDTH)  # same width: z-axes line up
            plot.getAxis("left").enableAutoSIPrefix(False)  # "250 (×0.001)" reads worse than 0.25
            cache_axes(plot)  # the Lab's histogram under the curves changes often
        # The key to the curves (with the probe's readings) is the f(z) plot's title, and
        # the key to the shaded bands sits under the plots: neither ever hides a curve.
        self.gaps = ""  # what the key says of the current function's undefined values, if any
        self.region_key = KeyLabel()
        self.addItem(self.region_key, row=2, col=0)
        self.axes_lines = [pg.InfiniteLine(pos=0, angle=a) for a in (0, 90) for _ in (0, 1)]
        for line, plot in zip(self.axes_lines, (self.f_plot, self.df_plot) * 2):
            plot.addItem(line, ignoreBounds=True)
        self.probe_lines = [pg.InfiniteLine(pos=self.state.probe, angle=90, movable=True) for _ in (0, 1)]
        self.markers: list[list[QGraphicsEllipseItem]] = [[], []]  # per plot, one per colour slot
        for plot, line in zip((self.f_plot, self.df_plot), self.probe_lines):
            line.setToolTip("Probe: drag it, or type an exact z in the toolbar")
            line.sigPositionChanged.connect(self._on_probe_dragged)
            plot.addItem(line, ignoreBounds=True)
        self.histograms = [pg.PlotDataItem(stepMode="center", fillLevel=0.0) for _ in (0, 1)]
        for plot, histogram in zip((self.f_plot, self.df_plot), self.histograms):
            histogram.setZValue(1)
            histogram.setVisible(False)
            plot.addItem(histogram, ignoreBounds=True)
        self.histogram_label = ""
        self._histogram_drawn = None
        self.key_labels: list[str] = []  # what the key names, in order, as plain text
        self.key = add_key(self.f_plot)

    def set_theme(self, theme: Theme, redraw: bool = True) -> None:
        redraw = redraw and theme is not self.theme  # (the window applies its theme again at start-up)
        self.theme = theme
        self.setBackground(theme.plot_background)
        fg = theme.plot_foreground
        for plot in (self.f_plot, self.df_plot):
            plot.showGrid(x=True, y=True, alpha=theme.grid_alpha)
            for axis in ("left", "bottom"):
                plot.getAxis(axis).setPen(fg)
                plot.getAxis(axis).setTextPen(fg)
                # Grid lines at the labelled ticks only: the two finer levels of faint
                # lines cost a third of every redraw and made the plots look busy.
                plot.getAxis(axis).setStyle(maxTickLevel=0)
                plot.getAxis(axis).setTickDensity(1.8)
        for line in self.axes_lines:
            line.setPen(pg.mkPen(fg, width=1, alpha=80, style=pg.QtCore.Qt.DashLine))
        for line in self.probe_lines:
            line.setPen(pg.mkPen(fg, width=2 * self.scale))
            line.setHoverPen(pg.mkPen(theme.highlight, width=3))
        self._update_region_key()
        for region in self.regions:
            self._style_region(region, region.kind)
        if redraw:
            self._on_shown_changed()

    def slide_copy(self) -> "ExplorerPlots":
        """Another view of the same state (for an export laid out at slide size)."""
        return ExplorerPlots(self.state, self.theme)

    def set_antialias(self, on: bool) -> None:
        """Smooth curves (presentation mode) or fast ones (a quarter cheaper to redraw)."""
        self.antialias = on
        for pair in self.curve_items:
            for item in pair:
                item.opts["antialias"] = on
                item.updateItems()

    def set_scale(self, scale: float) -> None:
        """Fonts, pens and probe dots for a UI scale (1.0 normal, up to 3.0)."""
        self.scale = scale
        font = plot_font(scale)
        points = f"{font.pointSizeF():.1f}pt"
        for plot, name in ((self.f_plot, "f(z)"), (self.df_plot, "f′(z)")):
            for axis, label in (("left", name), ("bottom", "z")):
                plot.getAxis(axis).setStyle(tickFont=font)
                plot.setLabel(axis, label, **{"font-size": points})
            # Room for the title beside the tick numbers, both larger at a larger scale.
            plot.getAxis("left").setWidth(round(LEFT_AXIS_WIDTH * scale))
        self._update_region_key()
        for line in self.probe_lines:
            line.setPen(pg.mkPen(self.theme.plot_foreground, width=2 * scale))
        radius = MARKER_SIZE * scale / 2
        for markers in self.markers:
            for marker in markers:
                marker.setRect(-radius, -radius, 2 * radius, 2 * radius)
        self._on_shown_changed()

    def _update_region_key(self) -> None:
        theme, scale = self.theme, self.scale
        swatch = "<span style='color:{}; font-size:{:.0f}pt'>■</span>"
        zero = swatch.format(theme.region_colour("zero").name(), 14 * scale)
        saturated = swatch.format(theme.region_colour("saturated").name(), 14 * scale)
        key = (f"{zero}&nbsp;dead&nbsp;(f′&nbsp;=&nbsp;0)&nbsp;&nbsp;&nbsp; {saturated}&nbsp;saturated&nbsp;(f′&nbsp;under&nbsp;"
               f"{SATURATION_SHARE:.0%}&nbsp;of&nbsp;its&nbsp;peak)")
        if self.gaps:  # a formula of the user's that is undefined or overflows somewhere in view
            key += "<br>" + html.escape(self.gaps)
        self.region_key.set_key([key], color=theme.plot_foreground, size=f"{9 * scale:.1f}pt")

    # --- state -> plots ------------------------------------------------------------------
    def _on_shown_changed(self, *_args) -> None:
        shown = self.state.shown()
        while len(self.curve_items) <= max(self.state.slot(i) for i in shown):
            pair = (self.f_plot.plot(antialias=self.antialias), self.df_plot.plot(antialias=self.antialias))
            for item in pair:
                # Kept as a picture until the curve or the view changes: the Lab's histogram
                # under the curves otherwise repainted them at every update (2,000 thick
                # antialiased points, 5-7 ms each in presentation mode).
                item.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            self.curve_items.append(pair)
            for plot, markers in zip((self.f_plot, self.df_plot), self.markers):
                markers.append(self._new_marker(plot))
        used = {self.state.slot(i) for i in shown}
        for slot, (f_item, df_item) in enumerate(self.curve_items):
            if slot not in used:
                f_item.setData([], [])
                df_item.setData([], [])
            for markers in self.markers:
                markers[slot].setVisible(slot in used)
                markers[slot].setBrush(pg.mkBrush(self.theme.curve_colour(slot)))
                markers[slot].setPen(pg.mkPen(self.theme.plot_background, width=1.5))
        self.samples = {}
        self._resample(shown)

    def _on_params_changed(self, act_id: str) -> None:
        if act_id in self.state.shown():
            self._resample([act_id])

    def _on_z_range_changed(self) -> None:
        self._show_z_range()
        self._resample(self.state.shown())

    def _show_z_range(self) -> None:
        lo, hi = self.state.z_range
        self._showing_range = True
        try:
            for plot in (self.f_plot, self.df_plot):
                plot.setXRange(lo, hi, padding=0)
        finally:
            self._showing_range = False

    def _on_probe_changed(self) -> None:
        for line in self.probe_lines:
            with QSignalBlocker(line):
                line.setValue(self.state.probe)
        self._update_probe()

    def _resample(self, ids: list[str]) -> None:
        for act_id in ids:
            sample = curves.sample(act_id, self.state.params(act_id), self.state.z_range)
            self.samples[act_id] = sample
            colour = self.theme.curve_colour(self.state.slot(act_id))
            width = (CURRENT_WIDTH if act_id == self.state.current else OVERLAY_WIDTH) * self.scale
            f_item, df_item = self.curve_items[self.state.slot(act_id)]
            for item, values in ((f_item, sample.f), (df_item, sample.df)):
                item.setData(sample.z, values, pen=pg.mkPen(colour, width=width))
                item.setZValue(10 if act_id == self.state.current else 5)
        if self.state.current in ids:
            self._update_regions()
        self._update_probe()

    def _update_regions(self) -> None:
        act_id = self.state.current
        sample = self.samples[act_id]
        peak = self._peak_slope(act_id)
        bad = ~(np.isfinite(sample.f) & np.isfinite(sample.df))
        gaps = "" if not bad.any() else (
            f"gaps: {get(act_id).label} is undefined or overflows for some z in "
            f"[{sample.z[bad].min():.3g}, {sample.z[bad].max():.3g}]")
        if gaps != self.gaps:
            self.gaps = gaps
            self._update_region_key()
        found = gradient_regions(sample.z, sample.df, peak)
        # "Saturated" means a flat tail: a function that never flattens out (Leaky ReLU's
        # small constant slope) gets no such band, as its properties say "Saturates: none".
        saturating = get(act_id).properties.saturates != "none"
        wanted = [("zero", span) for span in found["zero"]] + [("saturated", span) for span in found["saturated"]
                                                                if saturating]
        while len(self.regions) < len(wanted):
            region = pg.LinearRegionItem(movable=False)
            region.setZValue(-10)
            region.kind = None
            self.df_plot.addItem(region, ignoreBounds=True)
            self.regions.append(region)
        for region, (kind, span) in zip(self.regions, wanted):
            if region.kind != kind:
                self._style_region(region, kind)
            region.setRegion(span)
            region.show()
        for region in self.regions[len(wanted):]:
            region.hide()

    def _peak_slope(self, act_id: str) -> float:
        """max |f'| for the current parameters, remembered: a slider drag revisits values."""
        params = self.state.params(act_id)
        key = (act_id, get(act_id).source, tuple(sorted(params.items())))  # (a function of the user's can change)
        if key not in self._peaks:
            if len(self._peaks) > 512:
                self._peaks.clear()
            self._peaks[key] = max_abs_slope(get(act_id), params)[0]
        return self._peaks[key]

    def _style_region(self, region: pg.LinearRegionItem, kind: str | None) -> None:
        region.kind = kind
        colour = self.theme.region_colour(kind)
        region.setBrush(pg.mkBrush(colour))
        region.setHoverBrush(pg.mkBrush(colour))
        for line in region.lines:
            line.setPen(pg.mkPen(None))
            line.setHoverPen(pg.mkPen(None))
        region.setToolTip(ZERO_TIP if kind == "zero" else SATURATED_TIP)

    def _new_marker(self, plot) -> QGraphicsEllipseItem:
        """A dot of fixed screen size at a data point: moving it is a cheap ``setPos``."""
        size = MARKER_SIZE * self.scale
        marker = QGraphicsEllipseItem(-size / 2, -size / 2, size, size)
        marker.setFlag(QGraphicsItem.ItemIgnoresTransformations)
        marker.setZValue(20)
        plot.addItem(marker, ignoreBounds=True)
        return marker

    def _update_probe(self) -> None:
        readings = self.probe_readings = self.readings(self.state.probe)
        for markers, attr in zip(self.markers, ("f", "df")):
            for r in readings:
                value = getattr(r, attr)
                marker = markers[self.state.slot(r.act_id)]
                marker.setVisible(bool(np.isfinite(value)))
                if np.isfinite(value):
                    marker.setPos(r.z, value)
        self._show_key()

    def _show_key(self) -> None:
        """The key over the f(z) plot: each shown function with f and f' at the probe."""
        readings = self.probe_readings
        extra = ""
        if self.histogram_label:
            swatch = pg.mkColor(self.theme.histogram).name()
            extra = f"<span style='color:{swatch}'>■■</span>&nbsp;{html.escape(self.histogram_label)}"
        self.key_labels = [get(r.act_id).label for r in readings] + [self.histogram_label] * bool(extra)
        choices = [key_html(readings, self._colour, self.state.current, extra, pairs)
                   for pairs in range(max(1, min(len(readings), 4)), 0, -1)]  # as many abreast as fit
        choices.append(narrow_key_html(readings, self._colour, self.state.current, extra))
        self.key.set_key(choices, size=f"{plot_font(self.scale).pointSizeF():.1f}pt",
                         color=self.theme.plot_foreground)

    # --- pre-activation histograms (from the Network Lab) ---------------------------------
    def show_samples(self, samples: np.ndarray | None, label: str = "") -> None:
        """Draw a histogram of pre-activations z under both curves, or hide it (None).

        Bar heights are scaled to a third of each plot's height, so the histogram reads
        as "where the inputs fall" without squashing the curves.
        """
        if samples is None or len(samples) == 0:
            self._histogram_drawn = None
            for histogram in self.histograms:
                histogram.setVisible(False)
            self._set_histogram_key("")
            return
        lo, hi = self.state.z_range
        counts, edges = np.histogram(np.clip(samples, lo, hi), bins=HISTOGRAM_BINS, range=(lo, hi))
        drawn = (counts.tobytes(), lo, hi, id(self.samples[self.state.current]), label, self.theme.name)
        if drawn == self._histogram_drawn and self.histograms[0].isVisible():
            return  # the same bars: no redraw (and no repaint of both plots)
        self._histogram_drawn = drawn
        sample = self.samples[self.state.current]
        for histogram, values in zip(self.histograms, (sample.f, sample.df)):
            finite = values[np.isfinite(values)]
            base, top = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
            height = (top - base or 1.0) / 3
            histogram.setData(edges, base + height * counts / max(1, counts.max()),
                              fillLevel=base, brush=pg.mkBrush(self.theme.histogram),
                              pen=pg.mkPen(self.theme.plot_foreground, width=1))
            histogram.setVisible(True)
        self._set_histogram_key(label)

    def _set_histogram_key(self, label: str) -> None:
        if label != self.histogram_label:
            self.histogram_label = label
            self._show_key()

    # --- plots -> state ------------------------------------------------------------------
    def _on_view_x_changed(self, _view, x_range) -> None:
        if self._showing_range:
            return
        try:
            self.state.set_z_range(*x_range)
        except ValueError:  # panned or zoomed past the limits: snap back
            self._on_z_range_changed()

    def _on_probe_dragged(self, line: pg.InfiniteLine) -> None:
        try:
            self.state.set_probe(line.value())
        except ValueError:
            self._on_probe_changed()

    def _on_mouse_moved(self, pos) -> None:
        for plot in (self.f_plot, self.df_plot):
            view = plot.getViewBox()
            if view.sceneBoundingRect().contains(pos):
                self.hover_changed.emit(float(view.mapSceneToView(pos).x()))
                return
        self.hover_changed.emit(None)

    # --- queries -------------------------------------------------------------------------
    def readings(self, z: float) -> list[curves.Reading]:
        """The exact f(z), f'(z) of every shown function, current first."""
        return [curves.read(i, self.state.params(i), z) for i in self.state.shown()]

    def _colour(self, act_id: str) -> str:
        return self.theme.curve_colour(self.state.slot(act_id))
