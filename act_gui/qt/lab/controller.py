"""Drives training from a QTimer: a few steps, then one set of diagnostics, then a redraw.

The controller owns the run (config, trainer, history, pinned runs) and is the only
thing that changes it; views listen to ``stats_changed`` and ask it for changes.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from act_gui.core.lab.diagnostics import Stats
from act_gui.core.lab import UNIT_COLOURS, LabConfig, RunHistory
from act_gui.core.files.session import LabRun

FRAME_MS = 16  # about 60 frames per second
MAX_PINNED = 4


class LabController(QObject):
    stats_changed = Signal(object)     # Stats, once per drawn frame
    run_reset = Signal(str)            # a new network was built (and why); stats follow
    playing_changed = Signal(bool)
    pins_changed = Signal()
    selection_changed = Signal()       # the selected unit or layer changed (any cause)
    unit_picked = Signal()             # the user picked a unit or layer (not a reopened file)
    config_changed = Signal()
    unit_colour_changed = Signal()     # what the units' fill shows, or the sample hovered

    def __init__(self, config: LabConfig | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = config or LabConfig()
        self.steps_per_frame = 10
        self.unit_colour = "mean"  # one of UNIT_COLOURS
        self.hovered_sample = None  # an input point under the mouse on the decision surface
        self.pinned: list[RunHistory] = []
        self.selection: tuple[int, int | None] | None = None  # (layer, unit or None for all)
        self._stop_at: int | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self._on_frame)
        self._build()

    # --- running ------------------------------------------------------------------------
    @property
    def playing(self) -> bool:
        return self.timer.isActive()

    def step(self, n: int = 1) -> None:
        self.trainer.step(n)
        self.refresh()

    def play(self, steps: int | None = None) -> None:
        """Train continuously, or only ``steps`` more steps, through the frame timer."""
        self._stop_at = None if steps is None else self.trainer.steps + steps
        if self.trainer.diverged_at is not None:
            self.trainer.resume()
        if not self.playing:
            self.timer.start()
            self.playing_changed.emit(True)

    def pause(self) -> None:
        if self.playing:
            self.timer.stop()
            self.playing_changed.emit(False)

    def toggle_play(self) -> None:
        self.pause() if self.playing else self.play()

    def set_steps_per_frame(self, steps: int) -> None:
        self.steps_per_frame = max(1, int(steps))

    def _on_frame(self) -> None:
        todo = self.steps_per_frame
        if self._stop_at is not None:
            todo = min(todo, self._stop_at - self.trainer.steps)
        self.trainer.step(max(0, todo))
        stats = self.refresh()
        if stats.diverged or (self._stop_at is not None and self.trainer.steps >= self._stop_at):
            self.pause()

    def refresh(self) -> Stats:
        """Compute diagnostics once, record them and tell the views."""
        self.stats = self.trainer.stats()
        self.history.record(self.stats)
        self.stats_changed.emit(self.stats)
        return self.stats

    # --- configuration ---------------------------------------------------------------
    def apply(self, **changes) -> bool:
        """Change the configuration; ValueError (nothing changed) if it is invalid.

        Optimiser changes apply to the running network; anything else builds a new one
        (announced through ``run_reset``). Returns whether training was reset.
        """
        new = self.config.with_changes(**changes)
        resets = self.config.changes_architecture(new)
        if not resets:
            self.trainer.set_hyperparameters(lr=new.lr, batch_size=new.batch_size,
                                             momentum=new.momentum, l2=new.l2)
        self.config = new
        self.config_changed.emit()
        if resets:  # another network: its units are not the ones that were selected
            self._build(reason="Training restarted: the network changed (" + ", ".join(sorted(changes)) + ").",
                        keep_selection=False)
        return resets

    def load_config(self, config: LabConfig, reason: str) -> None:
        """Start a new run from ``config`` (a lesson step, say), whatever it changes."""
        self.pause()
        self.config = config
        self.config_changed.emit()
        self._build(reason=reason)

    def set_pins(self, pinned: list[RunHistory]) -> None:
        self.pinned = list(pinned)[-MAX_PINNED:]
        self.pins_changed.emit()

    def reset(self) -> None:
        self._build(reason="Training restarted with the same seed.")

    def new_seed(self) -> None:
        self.apply(seed=self.config.seed + 1)

    def _build(self, reason: str = "", keep_selection: bool = True) -> None:
        self.trainer = self.config.build()
        self.history = RunHistory(len(self.trainer.net.weights), self.config.describe())
        self.stats = self.trainer.stats()
        self.history.record(self.stats)
        dropped = self.selection is not None and not (keep_selection and self._selection_valid(self.selection))
        if dropped:
            self.selection = None
        # Views rebuild their structure first, then hear of the selection and draw the
        # new run's first frame (in the other order a view draws a unit that is gone).
        self.run_reset.emit(reason)
        if dropped:
            self.selection_changed.emit()
        self.stats_changed.emit(self.stats)

    # --- sessions -------------------------------------------------------------------------
    def capture(self) -> LabRun:
        """The run as it is, for saving (shares the live objects: serialise it at once)."""
        return LabRun(self.config, self.trainer, self.history, list(self.pinned), self.selection,
                      self.steps_per_frame, self.unit_colour)

    def adopt(self, run: LabRun) -> None:
        """Continue a run read from a session file, exactly where it was saved."""
        self.install(run, "Session opened: training continues where it was saved.")

    def install(self, run: LabRun, reason: str) -> None:
        """Make ``run`` (already built and trained elsewhere) the current run."""
        self.pause()
        self.config, self.trainer, self.history = run.config, run.trainer, run.history
        self.pinned, self.selection = list(run.pinned)[-MAX_PINNED:], run.selection
        self.steps_per_frame = run.steps_per_frame
        self.unit_colour, self.hovered_sample = run.unit_colour, None
        self.stats = self.trainer.stats()
        self.config_changed.emit()
        # Views rebuild their structure first, then draw the new run's first frame.
        self.run_reset.emit(reason)
        self.pins_changed.emit()
        self.selection_changed.emit()
        self.unit_colour_changed.emit()
        self.stats_changed.emit(self.stats)

    # --- compare runs and selection ----------------------------------------------------
    def pin(self) -> None:
        """Keep the current run's curves as a ghost for comparison."""
        self.pinned = (self.pinned + [self.history.copy(self.config.describe())])[-MAX_PINNED:]
        self.pins_changed.emit()

    def clear_pins(self) -> None:
        self.pinned = []
        self.pins_changed.emit()

    def set_unit_colour(self, mode: str) -> None:
        """What the units' fill shows: "mean" over all the data, or each class's mean."""
        if mode not in UNIT_COLOURS:
            raise ValueError(f"unit colour must be one of {', '.join(UNIT_COLOURS)}")
        if mode != self.unit_colour:
            self.unit_colour = mode
            self.unit_colour_changed.emit()

    def hover_sample(self, point) -> None:
        """Show the units' activity for one input point (None: back to the chosen mode)."""
        point = None if point is None else np.asarray(point, dtype=float).reshape(1, -1)
        if (point is None) != (self.hovered_sample is None) or (
                point is not None and not np.array_equal(point, self.hovered_sample)):
            self.hovered_sample = point
            self.unit_colour_changed.emit()

    def sample_activity(self) -> list[np.ndarray] | None:
        """Each hidden layer's activations for the hovered sample, on the colour scale."""
        if self.hovered_sample is None or self.hovered_sample.shape[1] != self.trainer.dataset.inputs:
            return None
        with np.errstate(all="ignore"):
            run = self.trainer.net.forward(self.hovered_sample)
        return [self.stats.display(layer, run.inputs[layer + 1][0]) for layer in range(len(self.stats.dead))]

    def select(self, layer: int | None, unit: int | None = None) -> None:
        """Select hidden unit (layer, unit), a whole hidden layer (unit None), or nothing."""
        selection = None if layer is None else (layer, unit)
        if selection is not None and not self._selection_valid(selection):
            raise ValueError(f"there is no hidden unit {selection}")
        if selection != self.selection:
            self.selection = selection
            self.selection_changed.emit()
            self.unit_picked.emit()

    def _selection_valid(self, selection) -> bool:
        layer, unit = selection
        return 0 <= layer < self.config.hidden_layers and (unit is None or 0 <= unit < self.config.width)

    def selected_preactivations(self):
        """(activation id, its parameters, pre-activation samples) of the selection, or None."""
        if self.selection is None:
            return None
        layer, unit = self.selection
        values = self.stats.preactivations[layer]
        act_id = self.config.activations()[layer]
        samples = values[:, unit] if unit is not None else values.ravel()
        return act_id, dict(self.trainer.net.activation_params[layer]), samples
