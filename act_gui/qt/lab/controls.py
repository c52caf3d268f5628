"""The Network Lab's controls: run buttons, optimiser, architecture, initialisation, data.

Every numeric setting's control is built from its field spec (``core.lab.fields``,
through ``qt.bind``), in its group's box; a new setting needs no code here. Every edit
goes to the controller, which decides whether it restarts training (the architecture,
initialisation or data changed) or applies to the run in progress (the optimiser).
Controls are refreshed from the controller's config with signals blocked.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGridLayout, QGroupBox, QLabel,
                               QPushButton, QSizePolicy, QVBoxLayout, QWidget)

from act_gui.core import activations
from act_gui.core.lab import FIELDS, MAX_HIDDEN_LAYERS, SPEEDS, datasets
from act_gui.core.lab.diagnostics import Stats
from act_gui.core.lab.network import INITS
from act_gui.qt.actions import shortcut_text
from act_gui.qt.bind import FieldBinding
from act_gui.qt.lab.controller import LabController
from act_gui.qt.widgets.param_control import ParamControl
from act_gui.qt.style import Theme

STATUS_INTERVAL = 0.1  # seconds between status-line updates while playing
GROUPS = (("optimiser", "Optimiser (applies without restarting)"), ("network", "Network (changes restart training)"),
          ("init", "Initialisation (changes restart training)"), ("data", "Data (changes restart training)"))


def status_text(stats: Stats) -> str:
    parts = [f"Step {stats.step:,}", f"loss {stats.train_loss:.4g} (test {stats.test_loss:.4g})"]
    if stats.accuracy is not None:
        parts.append(f"test accuracy {stats.accuracy:.0%}")
    parts += [f"dead {stats.dead_fraction:.0%}", f"saturated {stats.saturated_fraction:.0%}",
              f"flat tails {stats.flat_share:.0%}"]
    return " · ".join(parts)


STATUS_LINES = 3  # the status line wraps onto at most this many lines in the narrowest panel
UNIT_COLOUR_TEXTS = {"mean": "mean over all data", "classes": "each class (split)"}


def narrow_combo() -> QComboBox:
    """A drop-down that may be narrower than its longest item (the open list still shows
    it whole), so the panel needs no horizontal scroll bar."""
    box = QComboBox()
    box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(8)
    return box


def _activation_box() -> QComboBox:
    box = narrow_combo()
    _fill_activations(box)
    return box


def _fill_activations(box: QComboBox) -> None:
    """Every function a layer can use: the registry's, then the user's own."""
    with QSignalBlocker(box):
        box.clear()
        for act in map(activations.get, activations.ids()):
            box.addItem(act.label, act.id)


class LabControls(QWidget):
    problem = Signal(str)

    def __init__(self, controller: LabController, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.param_controls: list[ParamControl] = []
        self._shown_at = 0.0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self._run_buttons())
        self.status = QLabel()
        self.status.setWordWrap(True)
        # A fixed three-line box: new text every frame must not re-lay out the whole panel.
        self.status.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        self.status.setFixedHeight(STATUS_LINES * self.status.fontMetrics().lineSpacing() + 4)
        self.status.setToolTip("Flat tails: the share of all unit inputs that land where a saturating "
                               "function's slope is under 5% of its peak (but not zero)")
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.set_theme(theme)
        layout.addWidget(self.status)
        layout.addWidget(self.warning)
        self.fields: dict[str, FieldBinding] = {}
        for box in self._boxes():
            layout.addWidget(box)
        layout.addStretch(1)
        controller.stats_changed.connect(self._on_stats_changed)
        controller.playing_changed.connect(self._on_playing_changed)
        controller.config_changed.connect(self._on_config_changed)
        self._on_config_changed()
        self._on_stats_changed(controller.stats)

    # --- the View protocol -----------------------------------------------------------------
    def set_theme(self, theme: Theme) -> None:
        self.warning.setStyleSheet(f"color: {theme.warning}; font-weight: 600;")

    def set_scale(self, scale: float) -> None:
        self.status.setFixedHeight(STATUS_LINES * self.status.fontMetrics().lineSpacing() + 4)

    def set_antialias(self, on: bool) -> None:
        pass

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
        self.speed = narrow_combo()
        for steps in SPEEDS:
            self.speed.addItem(f"{steps} steps / frame", steps)
        self.speed.setCurrentIndex(SPEEDS.index(c.steps_per_frame))
        self.unit_colour = narrow_combo()
        for mode, text in UNIT_COLOUR_TEXTS.items():
            self.unit_colour.addItem(text, mode)
        tips = {self.step_button: f"One gradient-descent step ({shortcut_text('train_step')})",
                self.step10_button: "Ten steps",
                self.play_button: f"Train continuously, or stop ({shortcut_text('play_pause')})",
                self.reset_button: f"Start again, same seed ({shortcut_text('train_reset')})",
                self.seed_button: "Start again with the next seed (new weights and data)",
                self.pin_button: "Keep this run's curves as a ghost to compare the next run with",
                self.clear_pins_button: "Remove all pinned runs", self.speed: "Steps trained per drawn frame",
                self.unit_colour: "What each unit's fill in the network picture shows (hover a point on the "
                                  "decision surface to see that one sample's activity)"}
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
        self.unit_colour.currentIndexChanged.connect(lambda _i: c.set_unit_colour(self.unit_colour.currentData()))
        c.unit_colour_changed.connect(self._on_unit_colour_changed)
        grid = QGridLayout()
        for index, widget in enumerate((self.step_button, self.step10_button, self.play_button,
                                        self.reset_button, self.seed_button, self.speed,
                                        self.pin_button, self.clear_pins_button)):
            grid.addWidget(widget, index // 3, index % 3)
        grid.addWidget(QLabel("Units show"), 3, 0)
        grid.addWidget(self.unit_colour, 3, 1, 1, 2)
        return grid

    def _on_unit_colour_changed(self) -> None:
        with QSignalBlocker(self.unit_colour):
            self.unit_colour.setCurrentIndex(self.unit_colour.findData(self.controller.unit_colour))

    def _boxes(self) -> list[QGroupBox]:
        """The four settings boxes: each field spec's control lands in its group's box."""
        self.activation = _activation_box()
        self.per_layer = QCheckBox("different per layer")
        self.layer_boxes = [_activation_box() for _ in range(MAX_HIDDEN_LAYERS)]
        self.params_form = QFormLayout()
        self.init = narrow_combo()
        for scheme in INITS:
            self.init.addItem(scheme.replace("_", " "), scheme)
        self.dataset = narrow_combo()
        for name, spec in datasets.SPECS.items():
            self.dataset.addItem(spec.label, name)
        boxes = []
        for group, title in GROUPS:
            box, form = self._group(title)
            if group == "init":
                form.addRow("Scheme", self.init)
            elif group == "data":
                form.addRow("Task", self.dataset)
            for name, spec in FIELDS.items():
                if spec.group == group:
                    binding = FieldBinding(spec, lambda n=name: getattr(self.controller.config, n),
                                           lambda value, n=name: self._edit(n, value))
                    self.fields[name] = binding
                    form.addRow(spec.short or spec.label, binding.widget)
            if group == "network":
                self._activation_rows(form)
            boxes.append(box)
        self.init.currentIndexChanged.connect(lambda _i: self._apply(init=self.init.currentData()))
        self.dataset.currentIndexChanged.connect(lambda _i: self._apply(dataset=self.dataset.currentData()))
        return boxes

    def _activation_rows(self, form: QFormLayout) -> None:
        form.addRow("Activation", self.activation)
        form.addRow("", self.per_layer)
        for index, layer_box in enumerate(self.layer_boxes):
            form.addRow(f"  layer {index + 1}", layer_box)
            layer_box.currentIndexChanged.connect(lambda _i: self._apply_layer_activations())
        form.addRow(self.params_form)
        self.layer_form = form
        self.activation.currentIndexChanged.connect(
            lambda _i: self._apply(activation=self.activation.currentData(), layer_activations=None))
        self.per_layer.toggled.connect(self._on_per_layer_toggled)

    @staticmethod
    def _group(title: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        return box, form

    # --- edits -> controller -----------------------------------------------------------
    def _edit(self, name: str, value) -> None:
        if name == "hidden_layers":
            self._on_layers_edited(value)
        else:
            self._apply(**{name: value})

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

    def refresh_functions(self) -> None:
        """The user's own functions changed: offer them to every layer."""
        for box in (self.activation, *self.layer_boxes):
            _fill_activations(box)
        self._on_config_changed()

    # --- controller -> widgets ---------------------------------------------------------
    def _on_config_changed(self) -> None:
        config = self.controller.config
        for binding in self.fields.values():
            binding.refresh()
        widgets = (self.activation, self.per_layer, self.init, self.dataset, self.speed, *self.layer_boxes)
        blockers = [QSignalBlocker(w) for w in widgets]
        self.speed.setCurrentIndex(self.speed.findData(self.controller.steps_per_frame))
        self.activation.setCurrentIndex(self.activation.findData(config.activation))
        self.per_layer.setChecked(bool(config.layer_activations))
        for index, (layer_box, act_id) in enumerate(zip(self.layer_boxes, config.activations() + [None] * 6)):
            shown = bool(config.layer_activations) and index < config.hidden_layers
            self.layer_form.setRowVisible(layer_box, shown)
            if act_id:
                layer_box.setCurrentIndex(layer_box.findData(act_id))
        self.activation.setEnabled(not config.layer_activations)
        self.init.setCurrentIndex(self.init.findData(config.init))
        self.dataset.setCurrentIndex(self.dataset.findData(config.dataset))
        del blockers
        self._rebuild_param_controls()

    def _rebuild_param_controls(self) -> None:
        """Parameter sliders for each distinct activation in use (e.g. Leaky ReLU's slope)."""
        config = self.controller.config
        wanted = [(act_id, spec) for act_id in dict.fromkeys(config.activations()) for spec in activations.get(act_id).params]
        if [(c.act_id, c.spec.name) for c in self.param_controls] == [(a, s.name) for a, s in wanted]:
            for control in self.param_controls:  # same controls: just show the values
                control.set_value(activations.get(control.act_id).resolve(config.activation_params.get(control.act_id, {}))[control.spec.name])
            return
        while self.params_form.rowCount():
            self.params_form.removeRow(0)
        self.param_controls = []
        for act_id, spec in wanted:
            value = activations.get(act_id).resolve(config.activation_params.get(act_id, {}))[spec.name]
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
