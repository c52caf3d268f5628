"""The Network Lab's controls: run buttons, optimiser, architecture, initialisation, data.

Every edit goes to the controller, which decides whether it restarts training (the
architecture, initialisation or data changed) or applies to the run in progress (the
optimiser). Controls are refreshed from the controller's config with signals blocked.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGridLayout,
                               QGroupBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSlider,
                               QSpinBox, QVBoxLayout, QWidget)

from act_gui.core.lab import datasets
from act_gui.core.activations import REGISTRY
from act_gui.core.lab.diagnostics import Stats
from act_gui.core.lab import MAX_HIDDEN_LAYERS, MAX_WIDTH, SPEEDS
from act_gui.core.lab.network import INITS
from act_gui.core.lab.training import LR_RANGE
from act_gui.qt.lab.controller import LabController
from act_gui.qt.param_control import ParamControl

LOG_STEPS = 500
STATUS_INTERVAL = 0.1  # seconds between status-line updates while playing


def lr_to_slider(lr: float) -> int:
    lo, hi = (math.log10(v) for v in LR_RANGE)
    return round((math.log10(lr) - lo) / (hi - lo) * LOG_STEPS)


def slider_to_lr(position: int) -> float:
    lo, hi = (math.log10(v) for v in LR_RANGE)
    return float(f"{10 ** (lo + (hi - lo) * position / LOG_STEPS):.3g}")  # 3 digits: 0.0316


def status_text(stats: Stats) -> str:
    parts = [f"Step {stats.step:,}", f"loss {stats.train_loss:.4g} (test {stats.test_loss:.4g})"]
    if stats.accuracy is not None:
        parts.append(f"test accuracy {stats.accuracy:.0%}")
    parts += [f"dead {stats.dead_fraction:.0%}", f"saturated {stats.saturated_fraction:.0%}"]
    return " · ".join(parts)


def _activation_box() -> QComboBox:
    box = QComboBox()
    for act in REGISTRY.values():
        box.addItem(act.label, act.id)
    return box


class LabControls(QWidget):
    problem = Signal(str)

    def __init__(self, controller: LabController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.param_controls: list[ParamControl] = []
        self._shown_at = 0.0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self._run_buttons())
        self.status = QLabel()
        self.status.setWordWrap(True)
        # A fixed two-line box: new text every frame must not re-lay out the whole panel.
        self.status.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        self.status.setFixedHeight(2 * self.status.fontMetrics().lineSpacing() + 4)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #D55E00; font-weight: 600;")
        layout.addWidget(self.status)
        layout.addWidget(self.warning)
        for box in (self._optimiser_box(), self._network_box(), self._init_box(), self._data_box()):
            layout.addWidget(box)
        layout.addStretch(1)
        controller.stats_changed.connect(self._on_stats_changed)
        controller.playing_changed.connect(self._on_playing_changed)
        controller.config_changed.connect(self._on_config_changed)
        self._on_config_changed()
        self._on_stats_changed(controller.stats)

    # --- construction --------------------------------------------------------------------
    def _run_buttons(self) -> QGridLayout:
        c = self.controller
        self.step_button = QPushButton("Step")
        self.step10_button = QPushButton("Step ×10")
        self.play_button = QPushButton("Play")
        self.play_button.setCheckable(True)
        self.reset_button = QPushButton("Reset")
        self.seed_button = QPushButton("New seed")
        self.pin_button = QPushButton("Pin run")
        self.clear_pins_button = QPushButton("Clear pins")
        self.speed = QComboBox()
        for steps in SPEEDS:
            self.speed.addItem(f"{steps} steps / frame", steps)
        self.speed.setCurrentIndex(SPEEDS.index(c.steps_per_frame))
        tips = {self.step_button: "One gradient-descent step (S)", self.step10_button: "Ten steps",
                self.play_button: "Train continuously (Space)", self.reset_button: "Start again, same seed",
                self.seed_button: "Start again with the next seed (new weights and data)",
                self.pin_button: "Keep this run's curves as a ghost to compare the next run with",
                self.clear_pins_button: "Remove all pinned runs", self.speed: "Steps trained per drawn frame"}
        for widget, tip in tips.items():
            widget.setToolTip(tip)
        self.step_button.clicked.connect(lambda: c.step(1))
        self.step10_button.clicked.connect(lambda: c.step(10))
        self.play_button.clicked.connect(lambda: c.toggle_play())
        self.reset_button.clicked.connect(c.reset)
        self.seed_button.clicked.connect(c.new_seed)
        self.pin_button.clicked.connect(c.pin)
        self.clear_pins_button.clicked.connect(c.clear_pins)
        self.speed.currentIndexChanged.connect(lambda _i: c.set_steps_per_frame(self.speed.currentData()))
        grid = QGridLayout()
        for index, widget in enumerate((self.step_button, self.step10_button, self.play_button,
                                        self.reset_button, self.seed_button, self.speed,
                                        self.pin_button, self.clear_pins_button)):
            grid.addWidget(widget, index // 3, index % 3)
        return grid

    def _optimiser_box(self) -> QGroupBox:
        self.lr_slider = QSlider(Qt.Horizontal)
        self.lr_slider.setRange(0, LOG_STEPS)
        self.lr_slider.setToolTip("Learning rate on a log scale, 0.0001 … 10 (changes apply at once)")
        self.lr_box = self._number(LR_RANGE[0], LR_RANGE[1], 4, 0.01)
        self.batch = QSpinBox()
        self.batch.setRange(0, datasets.MAX_POINTS)
        self.batch.setSpecialValueText("all (full batch)")
        self.momentum = self._number(0.0, 0.99, 2, 0.05)
        self.l2 = self._number(0.0, 0.1, 4, 0.0005)
        row = QHBoxLayout()
        row.addWidget(self.lr_slider, 1)
        row.addWidget(self.lr_box)
        box, form = self._group("Optimiser (applies without restarting)")
        form.addRow("Learning rate", row)
        form.addRow("Batch size", self.batch)
        form.addRow("Momentum", self.momentum)
        form.addRow("L2 penalty", self.l2)
        self.lr_slider.valueChanged.connect(lambda p: self._apply(lr=slider_to_lr(p)))
        self.lr_box.valueChanged.connect(lambda v: self._apply(lr=v))
        self.batch.valueChanged.connect(lambda v: self._apply(batch_size=v or None))
        self.momentum.valueChanged.connect(lambda v: self._apply(momentum=v))
        self.l2.valueChanged.connect(lambda v: self._apply(l2=v))
        return box

    def _network_box(self) -> QGroupBox:
        self.layers = QSpinBox()
        self.layers.setRange(1, MAX_HIDDEN_LAYERS)
        self.width = QSpinBox()
        self.width.setRange(1, MAX_WIDTH)
        self.activation = _activation_box()
        self.per_layer = QCheckBox("different per layer")
        self.layer_boxes = [_activation_box() for _ in range(MAX_HIDDEN_LAYERS)]
        self.params_form = QFormLayout()
        box, form = self._group("Network (changes restart training)")
        form.addRow("Hidden layers", self.layers)
        form.addRow("Units per layer", self.width)
        form.addRow("Activation", self.activation)
        form.addRow("", self.per_layer)
        for index, layer_box in enumerate(self.layer_boxes):
            form.addRow(f"  layer {index + 1}", layer_box)
            layer_box.currentIndexChanged.connect(lambda _i: self._apply_layer_activations())
        form.addRow(self.params_form)
        self.layer_form = form
        self.layers.valueChanged.connect(self._on_layers_edited)
        self.width.valueChanged.connect(lambda v: self._apply(width=v))
        self.activation.currentIndexChanged.connect(
            lambda _i: self._apply(activation=self.activation.currentData(), layer_activations=None))
        self.per_layer.toggled.connect(self._on_per_layer_toggled)
        return box

    def _init_box(self) -> QGroupBox:
        self.init = QComboBox()
        for scheme in INITS:
            self.init.addItem(scheme.replace("_", " "), scheme)
        self.init_scale = self._number(0.0, 20.0, 2, 0.1)
        self.bias_init = self._number(-20.0, 20.0, 2, 0.1)
        box, form = self._group("Initialisation (changes restart training)")
        form.addRow("Scheme", self.init)
        form.addRow("Scale", self.init_scale)
        form.addRow("Bias", self.bias_init)
        self.init.currentIndexChanged.connect(lambda _i: self._apply(init=self.init.currentData()))
        self.init_scale.valueChanged.connect(lambda v: self._apply(init_scale=v))
        self.bias_init.valueChanged.connect(lambda v: self._apply(bias_init=v))
        return box

    def _data_box(self) -> QGroupBox:
        self.dataset = QComboBox()
        for name in datasets.NAMES:
            self.dataset.addItem(datasets.LABELS[name], name)
        self.noise = self._number(0.0, 1.0, 2, 0.05)
        box, form = self._group("Data (changes restart training)")
        form.addRow("Task", self.dataset)
        form.addRow("Noise", self.noise)
        self.dataset.currentIndexChanged.connect(lambda _i: self._apply(dataset=self.dataset.currentData()))
        self.noise.valueChanged.connect(lambda v: self._apply(noise=v))
        return box

    @staticmethod
    def _group(title: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        return box, form

    @staticmethod
    def _number(lo: float, hi: float, decimals: int, step: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(lo, hi)
        box.setDecimals(decimals)
        box.setSingleStep(step)
        box.setKeyboardTracking(False)
        return box

    # --- edits -> controller -----------------------------------------------------------
    def _apply(self, **changes) -> None:
        try:
            self.controller.apply(**changes)
        except (ValueError, KeyError) as error:
            self.problem.emit(f"Not changed: {error}")
            self._on_config_changed()

    def _on_layers_edited(self, count: int) -> None:
        changes = {"hidden_layers": count}
        if self.controller.config.layer_activations:
            ids = list(self.controller.config.layer_activations) + [self.controller.config.activation] * count
            changes["layer_activations"] = tuple(ids[:count])
        self._apply(**changes)

    def _on_per_layer_toggled(self, on: bool) -> None:
        config = self.controller.config
        self._apply(layer_activations=tuple([config.activation] * config.hidden_layers) if on else None)

    def _apply_layer_activations(self) -> None:
        count = self.controller.config.hidden_layers
        self._apply(layer_activations=tuple(b.currentData() for b in self.layer_boxes[:count]))

    def _on_param_edited(self, act_id: str, name: str, value: float) -> None:
        params = {k: dict(v) for k, v in self.controller.config.activation_params.items()}
        params.setdefault(act_id, {})[name] = value
        self._apply(activation_params=params)

    # --- controller -> widgets ---------------------------------------------------------
    def _on_config_changed(self) -> None:
        config = self.controller.config
        widgets = (self.lr_slider, self.lr_box, self.batch, self.momentum, self.l2, self.layers, self.width,
                   self.activation, self.per_layer, self.init, self.init_scale, self.bias_init, self.dataset,
                   self.noise, self.speed, *self.layer_boxes)
        blockers = [QSignalBlocker(w) for w in widgets]
        self.speed.setCurrentIndex(self.speed.findData(self.controller.steps_per_frame))
        self.lr_slider.setValue(lr_to_slider(config.lr))
        self.lr_box.setValue(config.lr)
        self.batch.setValue(config.batch_size or 0)
        self.momentum.setValue(config.momentum)
        self.l2.setValue(config.l2)
        self.layers.setValue(config.hidden_layers)
        self.width.setValue(config.width)
        self.activation.setCurrentIndex(self.activation.findData(config.activation))
        self.per_layer.setChecked(bool(config.layer_activations))
        for index, (layer_box, act_id) in enumerate(zip(self.layer_boxes, config.activations() + [None] * 6)):
            shown = bool(config.layer_activations) and index < config.hidden_layers
            self.layer_form.setRowVisible(layer_box, shown)
            if act_id:
                layer_box.setCurrentIndex(layer_box.findData(act_id))
        self.activation.setEnabled(not config.layer_activations)
        self.init.setCurrentIndex(self.init.findData(config.init))
        self.init_scale.setValue(config.init_scale)
        self.bias_init.setValue(config.bias_init)
        self.dataset.setCurrentIndex(self.dataset.findData(config.dataset))
        self.noise.setValue(config.noise)
        del blockers
        self._rebuild_param_controls()

    def _rebuild_param_controls(self) -> None:
        """Parameter sliders for each distinct activation in use (e.g. Leaky ReLU's slope)."""
        config = self.controller.config
        wanted = [(act_id, spec) for act_id in dict.fromkeys(config.activations()) for spec in REGISTRY[act_id].params]
        if [(c.act_id, c.spec.name) for c in self.param_controls] == [(a, s.name) for a, s in wanted]:
            for control in self.param_controls:  # same controls: just show the values
                control.set_value(REGISTRY[control.act_id].resolve(config.activation_params.get(control.act_id, {}))[control.spec.name])
            return
        while self.params_form.rowCount():
            self.params_form.removeRow(0)
        self.param_controls = []
        for act_id, spec in wanted:
            value = REGISTRY[act_id].resolve(config.activation_params.get(act_id, {}))[spec.name]
            control = ParamControl(spec, value)
            control.act_id = act_id
            control.value_changed.connect(lambda name, v, a=act_id: self._on_param_edited(a, name, v))
            self.params_form.addRow(control)
            self.param_controls.append(control)

    def _on_stats_changed(self, stats: Stats) -> None:
        now = time.monotonic()
        if self.controller.playing and not stats.diverged and now - self._shown_at < STATUS_INTERVAL:
            return  # numbers changing 60 times a second cannot be read, only paid for
        self._shown_at = now
        self.status.setText(status_text(stats))
        if stats.diverged:
            self.warning.setText(f"Training diverged at step {stats.diverged_at:,}: the loss became "
                                 f"infinite, so that step was undone. Try a lower learning rate "
                                 f"(below {self.controller.config.lr / 3:.3g}), then Play or Reset.")
        else:
            self.warning.clear()

    def _on_playing_changed(self, playing: bool) -> None:
        if not playing:
            self._shown_at = 0.0
            self._on_stats_changed(self.controller.stats)  # the final numbers, exactly
        with QSignalBlocker(self.play_button):
            self.play_button.setChecked(playing)
        self.play_button.setText("Pause" if playing else "Play")
