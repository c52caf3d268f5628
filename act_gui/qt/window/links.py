"""How the Network Lab feeds the Explorer: a picked unit's activation and its inputs z.

The one place where the two features meet; it is given both and connects them, so
neither imports the other.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject

from act_gui.qt.explorer.plots import ExplorerPlots
from act_gui.qt.explorer.state import ExplorerState
from act_gui.qt.lab.controller import LabController
from act_gui.qt.widgets.redraw_budget import RedrawBudget


HISTOGRAM_RATE = 10  # redraws per second while training plays


class UnitInspector(QObject):
    """Shows the selected unit (or layer) on the Explorer: its activation made current,
    with its parameters, and its pre-activations z as a histogram under the curves."""

    def __init__(self, lab: LabController, state: ExplorerState, plots: ExplorerPlots) -> None:
        super().__init__(lab)
        self.lab, self.state, self.plots = lab, state, plots
        lab.unit_picked.connect(self._on_unit_picked)
        lab.selection_changed.connect(self._on_samples_changed)
        lab.stats_changed.connect(self._on_frame)
        lab.playing_changed.connect(lambda _playing: self._on_samples_changed())  # exact once paused
        state.z_range_changed.connect(self._on_samples_changed)  # the bins span the view
        self.histogram_budget = RedrawBudget(HISTOGRAM_RATE)

    def _on_frame(self, _stats) -> None:
        # While playing, the histogram follows HISTOGRAM_RATE times a second at most: it
        # made both Explorer plots repaint on every frame (a fifth of lesson 6's frame).
        if self.histogram_budget.due(force=not self.lab.playing):
            self._on_samples_changed()

    def _on_unit_picked(self) -> None:
        picked = self.lab.selected_preactivations()
        if picked is not None:
            act_id, params, samples = picked
            self.state.set_current(act_id)
            for name, value in params.items():
                self.state.set_param(act_id, name, value)
            self._bring_into_view(samples)

    def _bring_into_view(self, samples) -> None:
        lo, hi = self.state.z_range
        low, high = (float(v) for v in np.percentile(samples, [0.5, 99.5]))
        if low < lo or high > hi:
            margin = 0.1 * max(high - low, 1.0)
            # Whole numbers: "z from −10 to 10" reads better than "−9.6966 to 9.7214".
            try:
                self.state.set_z_range(min(lo, np.floor(low - margin)), max(hi, np.ceil(high + margin)))
            except ValueError:
                pass  # samples beyond ±1e6: the readout still says where they are

    def _on_samples_changed(self) -> None:
        picked = self.lab.selected_preactivations()
        if picked is None:
            self.plots.show_samples(None)
            return
        layer, unit = self.lab.selection
        where = f"unit {layer + 1}.{unit + 1}" if unit is not None else f"all of layer {layer + 1}"
        self.plots.show_samples(picked[2], f"z of {where} ({len(picked[2])} samples)")
