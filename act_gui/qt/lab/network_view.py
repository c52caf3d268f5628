"""The picture of the network: units as discs, weights as lines, restyled every frame.

Fill = the unit's mean activation on the training set (its firing rate), on a
colour-blind-safe scale; or, split in two halves, its mean over each class's samples; or,
while the mouse is on a point of the decision surface, its activity for that one sample.
A key under the picture says which. A dead unit is grey and crossed out; a saturated unit
wears a thick dashed ring. Edges are blue for positive and vermillion for negative weights,
wider for larger magnitudes. Click a hidden unit (or a layer's label) to select it.
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QLineF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import (QGraphicsEllipseItem, QGraphicsItem, QGraphicsLineItem, QGraphicsScene,
                               QGraphicsSimpleTextItem, QGraphicsView, QToolTip)

from act_gui.core.lab.diagnostics import Stats
from act_gui.qt.lab.controller import LabController
from act_gui.qt.style import Theme
from act_gui.qt.widgets.redraw_budget import RedrawBudget

SCENE_W, SCENE_H = 1000.0, 560.0
FIRING_MAP = pg.colormap.get("viridis")
ROLE = 0  # QGraphicsItem.data key: ("unit", layer, index) or ("layer", layer)


EDGE_LEVELS = 16
#: More inputs than this are drawn as one tall node, with one edge per first-layer unit
#: whose width is the spread (root mean square) of that unit's incoming weights.
MAX_DRAWN_INPUTS = 12
EDGE_RATE = 10  # edge redraws per second at most while playing
#: Units are restyled at most 30 times a second while playing, and less often when that
#: (and the repaint it causes) would take more than a quarter of the time.
UNIT_RATE, UNIT_SHARE = 30, 1 / 4
MAX_SMOOTH_EDGES = 300  # antialiasing above this many edges costs more than it shows


def edge_levels(weights: np.ndarray, largest: float) -> np.ndarray:
    """Each weight's style as a signed level: sign of w × (1 + bucket of |w| / largest).

    Edges are drawn in a few widths and shades; quantising lets a frame restyle only
    the edges whose look actually changed, and share one pen per level.
    """
    share = np.abs(weights) / largest if largest > 0 else np.zeros_like(weights)
    level = 1 + np.minimum((share * EDGE_LEVELS).astype(int), EDGE_LEVELS - 1)
    return np.where(weights >= 0, level, -level)


def _edge_pen(level: int, theme: Theme) -> QPen:
    share = (abs(level) - 0.5) / EDGE_LEVELS
    # Opaque: the sign's colour mixed with the background as much as a translucent pen
    # would show it. Translucent wide lines took 20-40 times as long to draw (75-130 ms
    # for 1,328 edges against 3.4 ms, measured on this machine); only where edges cross
    # does the picture differ (the top one shows, rather than both blending).
    ink, paper = QColor(theme.positive if level > 0 else theme.negative), QColor(theme.plot_background)
    opacity = (50 + 205 * share) / 255
    colour = QColor.fromRgbF(*(opacity * a + (1 - opacity) * b for a, b in zip(ink.getRgbF()[:3], paper.getRgbF()[:3])))
    return QPen(colour, 0.6 + 5.0 * share)


def edge_pens(theme: Theme) -> dict[int, QPen]:
    """One pen per signed style level, shared by every edge of that level."""
    return {level: _edge_pen(level, theme) for level in range(-EDGE_LEVELS, EDGE_LEVELS + 1) if level}


class EdgeLayer(QGraphicsItem):
    """Every edge of the picture in one item: a list of lines per style level, each
    level drawn with one ``drawLines`` call, and the result cached as a picture of the
    view until the edges change (a frame that restyles only the units then costs one
    blit for all the edges, not one stroke per edge)."""

    def __init__(self, rect: QRectF, pens: dict[int, QPen]) -> None:
        super().__init__()
        self.rect, self.pens = rect, pens
        self.lines: dict[int, list[QLineF]] = {level: [] for level in pens}
        self.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        self.setZValue(0)

    def set_lines(self, lines: dict[int, list[QLineF]]) -> None:
        self.lines = lines
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return self.rect

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        for level in sorted(self.lines, key=abs):  # the larger weights on top, whatever their sign
            lines = self.lines[level]
            if lines:
                painter.setPen(self.pens[level])
                painter.drawLines(lines)


class NetworkView(QGraphicsView):
    def __init__(self, controller: LabController, theme: Theme, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.theme = theme
        self.edge_pens = edge_pens(theme)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.Antialiasing, True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setMinimumSize(320, 200)
        self.nodes: list[list[QGraphicsEllipseItem]] = []
        # Edges are drawn by one item, a list of lines per style level, redrawn only when
        # a level changes: 1,328 separate translucent line items were most of a frame on
        # the largest network.
        self.edge_ends: list[np.ndarray] = []  # per weight layer: (inputs, outputs, 4) x0 y0 x1 y1
        self.edge_levels: list[np.ndarray] = []  # per weight layer: the level each edge is drawn at
        self.edge_layer: EdgeLayer | None = None
        self.edge_redraws = 0
        self.edge_budget = RedrawBudget(EDGE_RATE)
        self.unit_budget = RedrawBudget(UNIT_RATE, UNIT_SHARE)
        self.crosses: dict[tuple[int, int], list[QGraphicsLineItem]] = {}
        self.compact_inputs = False
        self.halves: dict[tuple[int, int], QGraphicsEllipseItem] = {}  # right half: class 1
        self.pixel_texts: list = []  # (item, scene point, anchor): placed again on each fit
        self.key_text = ""
        self.scale = 1.0
        self.drawn_scale = 1.0
        self.key_line = 20.0
        controller.stats_changed.connect(self._on_stats_changed)
        # What the user just did shows at once, even while playing.
        controller.unit_colour_changed.connect(self._restyle_now)
        controller.playing_changed.connect(self._restyle_now)
        controller.run_reset.connect(lambda _reason: self._rebuild())
        controller.selection_changed.connect(self._restyle_now)
        self._rebuild()

    def set_theme(self, theme: Theme) -> None:
        if theme is self.theme:  # (the window applies its theme to every view at start-up)
            return
        self.theme = theme
        self.edge_pens = edge_pens(theme)
        self._rebuild()

    def set_scale(self, scale: float) -> None:
        """Bigger labels for a projector (the discs already fill the view)."""
        if scale == self.scale:
            return
        self.scale = scale
        self._rebuild()

    def set_antialias(self, on: bool) -> None:
        pass  # the discs always need it; the edges are drawn as they are

    # --- building ------------------------------------------------------------------------
    def _rebuild(self) -> None:
        scene = self.scene()
        # Let go of the old items' Python wrappers before the scene deletes them: a new
        # item allocated where an old one was would otherwise be handed the stale wrapper.
        self.nodes, self.edge_layer, self.crosses, self.halves = [], None, {}, {}
        self._key_item, self.key_text, self.pixel_texts = None, "", []
        scene.clear()  # only when the architecture changes, never per frame
        scene.setBackgroundBrush(QColor(self.theme.plot_background))
        sizes = self.controller.trainer.net.sizes
        # Room for the labels above and the key below, whose type keeps its size on
        # screen: in scene units they take more room the smaller the picture is drawn.
        self.drawn_scale = self._view_scale()
        line = QFontMetricsF(QFont(self.font().family(), round(10 * self.scale))).height() / self.drawn_scale
        self.top = 12 + 2 * line
        self.bottom = SCENE_H - 12 - 2.5 * line  # the key has two lines
        self.key_line = line
        self.radius = min(26.0, 0.36 * (self.bottom - self.top) / max([*sizes[1:], min(sizes[0], MAX_DRAWN_INPUTS)]))
        xs = np.linspace(90, SCENE_W - 90, len(sizes))
        self.compact_inputs = sizes[0] > MAX_DRAWN_INPUTS
        drawn = [1 if self.compact_inputs and layer == 0 else n for layer, n in enumerate(sizes)]
        self.positions = [[(x, y) for y in self._column(n)] for x, n in zip(xs, drawn)]
        self.edge_ends = [self._edge_ends(a, b) for a, b in zip(self.positions[:-1], self.positions[1:])]
        self.edge_levels = [np.zeros(ends.shape[:2], dtype=int) for ends in self.edge_ends]
        self.edge_layer = EdgeLayer(QRectF(0, 0, SCENE_W, SCENE_H), self.edge_pens)
        self.scene().addItem(self.edge_layer)
        # Smooth discs and lines while they are few; above a few hundred edges, speed.
        self.setRenderHint(QPainter.Antialiasing, sum(e.shape[0] * e.shape[1] for e in self.edge_ends) <= MAX_SMOOTH_EDGES)
        self.edge_budget.start_over()
        self.unit_budget.start_over()
        self.nodes, self.crosses = [], {}
        for layer, column in enumerate(self.positions):
            self.nodes.append([self._node(layer, i, x, y) for i, (x, y) in enumerate(column)])
            self._layer_label(layer, xs[layer], len(sizes))
        self._build_key()
        self.setSceneRect(QRectF(0, 0, SCENE_W, SCENE_H))
        self._fit()
        self._on_stats_changed(self.controller.stats)

    def _column(self, n: int) -> np.ndarray:
        free = self.bottom - self.top
        gap = min(free / max(n, 1), 3.2 * self.radius)
        return self.top + free / 2 + (np.arange(n) - (n - 1) / 2) * gap

    @staticmethod
    def _edge_ends(left, right) -> np.ndarray:
        a, b = np.asarray(left, dtype=float), np.asarray(right, dtype=float)
        ends = np.empty((len(a), len(b), 4))
        ends[..., :2] = a[:, None, :]
        ends[..., 2:] = b[None, :, :]
        return ends

    def _draw_edges(self, levels: list[np.ndarray]) -> None:
        """Sort every edge into the list of lines of its style level."""
        lines: dict[int, list[QLineF]] = {level: [] for level in self.edge_pens}
        for ends, layer_levels in zip(self.edge_ends, levels):
            for (x0, y0, x1, y1), level in zip(ends.reshape(-1, 4).tolist(), layer_levels.ravel().tolist()):
                lines[level].append(QLineF(x0, y0, x1, y1))
        self.edge_layer.set_lines(lines)
        self.edge_levels = [layer_levels.copy() for layer_levels in levels]
        self.edge_redraws += 1

    def _node(self, layer: int, index: int, x: float, y: float) -> QGraphicsEllipseItem:
        r = self.radius
        if layer == 0 and self.compact_inputs:  # all the inputs as one tall node
            height = 0.8 * (self.bottom - self.top)
            node = self.scene().addEllipse(x - 12, y - height / 2, 24, height)
            node.setBrush(QColor(self.theme.window))
            node.setPen(QPen(QColor(self.theme.plot_foreground), 1.5))
            node.setZValue(2)
            return node
        node = self.scene().addEllipse(x - r, y - r, 2 * r, 2 * r)
        node.setZValue(2)
        hidden = 0 < layer < len(self.positions) - 1
        if hidden:
            node.setData(ROLE, ("unit", layer - 1, index))
            node.setCursor(Qt.PointingHandCursor)
            cross = [self.scene().addLine(x - 0.7 * r, y - 0.7 * r, x + 0.7 * r, y + 0.7 * r),
                     self.scene().addLine(x - 0.7 * r, y + 0.7 * r, x + 0.7 * r, y - 0.7 * r)]
            for line in cross:
                line.setPen(QPen(QColor(self.theme.outline), max(2.0, r / 6)))
                line.setZValue(3)
                line.setData(ROLE, ("unit", layer - 1, index))  # a click on the cross is on the unit
            self.crosses[(layer - 1, index)] = cross
            half = QGraphicsEllipseItem(x - r + 1, y - r + 1, 2 * r - 2, 2 * r - 2, node)
            half.setStartAngle(-90 * 16)  # from six o'clock, counter-clockwise: the right half
            half.setSpanAngle(180 * 16)
            half.setPen(Qt.NoPen)
            half.setData(ROLE, ("unit", layer - 1, index))
            half.setVisible(False)
            self.halves[(layer - 1, index)] = half
        else:
            node.setBrush(QColor(self.theme.window))
            node.setPen(QPen(QColor(self.theme.plot_foreground), 1.5))
            label = "x" + "₁₂"[index] if layer == 0 and index < 2 else ("ŷ" if layer else "x")
            text = self.scene().addSimpleText(label, QFont(self.font().family(), max(6, int(r * 0.8))))
            text.setBrush(QColor(self.theme.plot_foreground))
            text.setPos(x - text.boundingRect().width() / 2, y - text.boundingRect().height() / 2)
            text.setZValue(3)
        return node

    def _build_key(self) -> None:
        """Under the picture: the colour scale and what the fill shows."""
        font = QFont(self.font().family(), round(10 * self.scale))
        bar_w, bar_h = 120.0, 0.6 * self.key_line
        top = self.bottom + 6  # the key's first line; the bar sits beside it
        y = top + 0.2 * self.key_line
        gradient = QLinearGradient(10, 0, 10 + bar_w, 0)
        for stop in np.linspace(0, 1, 5):
            gradient.setColorAt(stop, FIRING_MAP.map(float(stop), mode="qcolor"))
        bar = self.scene().addRect(10, y, bar_w, bar_h, QPen(QColor(self.theme.plot_foreground), 1), QBrush(gradient))
        bar.setZValue(4)
        for text, x in (("0", 10.0), ("1", 10 + bar_w)):
            self._pixel_text(text, font, (x, y), (0.5, 1.0))
        self._key_item = self._pixel_text("", font, (20 + bar_w, top), (0.0, 0.0))

    def _pixel_text(self, text: str, font: QFont, at: tuple[float, float],
                    anchor: tuple[float, float]) -> QGraphicsSimpleTextItem:
        """Text at its font's size on screen, however small the picture is drawn (scene
        fonts shrank with the view: unreadable in a short strip); ``anchor`` is the point
        of the text, as fractions of its size, that sits at ``at``."""
        item = self.scene().addSimpleText(text, font)
        item.setBrush(QColor(self.theme.plot_foreground))
        item.setFlag(QGraphicsItem.ItemIgnoresTransformations)
        item.setZValue(4)
        self.pixel_texts.append((item, at, anchor))
        self._place(item, at, anchor)
        return item

    def _place(self, item, at, anchor) -> None:
        scale = self.transform().m11() or 1.0  # view pixels per scene unit
        rect = item.boundingRect()
        item.setPos(at[0] - anchor[0] * rect.width() / scale, at[1] - anchor[1] * rect.height() / scale)

    def _show_key(self, text: str) -> None:
        if self._key_item is not None and text != self.key_text:
            self.key_text = text
            self._key_item.setText(text)
            for item, at, anchor in self.pixel_texts:
                if item is self._key_item:
                    self._place(item, at, anchor)

    def _layer_label(self, layer: int, x: float, count: int) -> None:
        font = QFont(self.font().family(), round(10 * self.scale))
        # Where the columns are closer than a long label, short ones ("in", "L3", "out"):
        # the full names overlapped on a deep network in a small view.
        room = (SCENE_W - 180) / max(1, count - 1) * self.drawn_scale
        short = room < QFontMetricsF(font).horizontalAdvance("layer 6 ") + 4
        activation = self.controller.config.activations()[layer - 1] if 0 < layer < count - 1 else ""
        if layer == 0:
            sizes = self.controller.trainer.net.sizes
            text = f"{sizes[0]} inputs" if self.compact_inputs else ("in" if short else "input")
        elif layer == count - 1:
            text = "out" if short else "output"
        else:
            text = f"L{layer}" if short else f"layer {layer}\n{activation}"
        label = self._pixel_text(text, font, (x, 6), (0.5, 0.0))
        if 0 < layer < count - 1:
            label.setData(ROLE, ("layer", layer - 1))
            label.setCursor(Qt.PointingHandCursor)
            label.setToolTip(f"Layer {layer} ({activation}): click to see its pre-activations on the Explorer plots")

    # --- per frame -----------------------------------------------------------------------
    def _restyle_now(self, *_args) -> None:
        self._on_stats_changed(self.controller.stats, force=True)

    def _on_stats_changed(self, stats: Stats, force: bool = False) -> None:
        if not self.nodes or len(self.nodes) != len(stats.weights) + 1:
            return
        playing = self.controller.playing
        if not self.unit_budget.due(force=force or not playing):
            return
        start = time.perf_counter()
        largest = max(float(np.abs(w).max()) for w in stats.weights) or 1.0
        levels = []
        for index, weights in enumerate(stats.weights):
            if index == 0 and self.compact_inputs:  # one edge per unit: its weights' spread
                weights = np.sqrt(np.mean(weights ** 2, axis=0, keepdims=True))
            levels.append(edge_levels(weights, largest))
        changed = any(not np.array_equal(a, b) for a, b in zip(levels, self.edge_levels))
        # While playing, the edges follow at most EDGE_RATE times a second; paused, at once.
        if changed and self.edge_budget.due(force=not playing):
            self._draw_edges(levels)
        sample = self.controller.sample_activity()
        classes = stats.class_display if sample is None and self.controller.unit_colour == "classes" else None
        for layer in range(len(stats.dead)):
            shown = sample[layer] if sample is not None else stats.firing_display[layer]
            # one colour-map call per layer (per unit, it was a tenth of the largest network's frame)
            fills = FIRING_MAP.map(np.nan_to_num(np.asarray(shown, dtype=float)), mode="qcolor")
            halves = None if classes is None else [
                FIRING_MAP.map(np.nan_to_num(classes[layer][c]), mode="qcolor") for c in (0, 1)]
            for unit, node in enumerate(self.nodes[layer + 1]):
                split = None if halves is None else (halves[0][unit], halves[1][unit])
                self._style_unit(node, stats, layer, unit, fills[unit], split)
        self._show_key(self._key_words(sample is not None, classes is not None))
        self.unit_budget.spent(time.perf_counter() - start)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        start = time.perf_counter()
        super().paintEvent(event)
        self.unit_budget.spent(time.perf_counter() - start)

    def _key_words(self, sample: bool, classes: bool) -> str:
        rings = "\ndashed ring: saturated   ·   grey, crossed: dead"  # (the rules: in each unit's tooltip)
        if sample:
            values = self.controller.hovered_sample[0]
            point = ", ".join(f"{v:.2f}" for v in values[:3]) + (", …" if len(values) > 3 else "")
            return f"activity for the sample at ({point}): silent 0 … 1 firing" + rings
        if classes:
            return "mean per class: left half class 0 (orange), right class 1 (blue)" + rings
        return "mean activity over all the data: silent 0 … 1 firing" + rings

    def _style_unit(self, node: QGraphicsEllipseItem, stats: Stats, layer: int, unit: int, fill: QColor,
                    split: tuple[QColor, QColor] | None) -> None:
        dead, saturated = bool(stats.dead[layer][unit]), bool(stats.saturated[layer][unit])
        half = self.halves[(layer, unit)]
        colour = QColor(self.theme.dead_fill) if dead else split[0] if split is not None else fill
        if node.brush().color() != colour:  # an unchanged unit is not repainted
            node.setBrush(QBrush(colour))
        if split is not None and not dead and half.brush().color() != split[1]:
            half.setBrush(QBrush(split[1]))
        half.setVisible(split is not None and not dead)
        selected = self.controller.selection in ((layer, unit), (layer, None))
        if selected:
            pen = QPen(QColor(self.theme.highlight), 6)
        elif saturated:
            pen = QPen(QColor(self.theme.saturated), 6, Qt.DashLine)
        else:
            pen = QPen(QColor(self.theme.plot_foreground), 1.5)
        if node.pen() != pen:
            node.setPen(pen)
        for line in self.crosses[(layer, unit)]:
            line.setVisible(dead)

    def unit_summary(self, layer: int, unit: int) -> str:
        """The hover text of a hidden unit, from the latest statistics."""
        stats = self.controller.stats
        dead, saturated = bool(stats.dead[layer][unit]), bool(stats.saturated[layer][unit])
        pre = stats.preactivations[layer][:, unit]
        revival = ("first layer: it can never recover" if layer == 0 else
                   "it can recover only if the layers before it change")
        state = (f"dead (f′ = 0 for every sample; {revival})" if dead else
                 "saturated (at least half its samples land where f′ is under 5% of its peak)" if saturated
                 else "active")
        return (f"Layer {layer + 1}, unit {unit + 1}: {state}\n"
                f"mean activation {stats.firing_rates[layer][unit]:.4g}\n"
                f"pre-activation z: mean {pre.mean():.3g}, range {pre.min():.3g} … {pre.max():.3g}\n"
                "Click to see its z values on the Explorer plots")

    def viewportEvent(self, event) -> bool:  # noqa: N802 (Qt's name)
        # Hover text is composed when asked for, not on every frame for every unit.
        if event.type() == QEvent.ToolTip:
            item = self.itemAt(event.pos())
            role = item.data(ROLE) if item is not None else None
            if role and role[0] == "unit":
                QToolTip.showText(event.globalPos(), self.unit_summary(role[1], role[2]), self)
                return True
        return super().viewportEvent(event)

    # --- interaction ---------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        item = self.itemAt(event.position().toPoint())
        role = item.data(ROLE) if item is not None else None
        if role and role[0] == "unit":
            self.controller.select(role[1], role[2])
        elif role and role[0] == "layer":
            self.controller.select(role[1], None)
        else:
            self.controller.select(None)
        super().mousePressEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if abs(self._view_scale() / self.drawn_scale - 1) > 0.15:
            self._rebuild()  # the labels' room changed: lay the picture out again
        else:
            self._fit()

    def _view_scale(self) -> float:
        """View pixels per scene unit once the scene is fitted into the view."""
        size = self.viewport().size()
        return max(0.05, min(size.width() / SCENE_W, size.height() / SCENE_H))

    def _fit(self) -> None:
        self.fitInView(self.sceneRect(), Qt.KeepAspectRatio)
        for item, at, anchor in self.pixel_texts:
            self._place(item, at, anchor)
