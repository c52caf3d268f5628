"""Toolbar fields for the plotted z-range and the exact probe position.

Typing is committed on Enter or when the field loses focus (not per keystroke), and a
value the state rejects is reported and the field shows the state's value again.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QWidget

from act_gui.core.activations.curves import Z_LIMIT
from act_gui.qt.explorer.state import ExplorerState
from act_gui.qt.style import FixedLook


def _number_box(tip: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(-Z_LIMIT, Z_LIMIT)
    box.setDecimals(4)
    box.setKeyboardTracking(False)
    box.setToolTip(tip)
    box.setMinimumWidth(100)
    return box


class ViewControls(FixedLook, QWidget):
    """``problem`` carries a message when the user typed something unusable."""

    problem = Signal(str)

    def __init__(self, state: ExplorerState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.z_from = _number_box("Left end of the plotted z-range")
        self.z_to = _number_box("Right end of the plotted z-range")
        self.probe = _number_box("Exact z of the probe line (e.g. 15 to see a saturated sigmoid)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        for text, box in (("z from", self.z_from), ("to", self.z_to), ("   Probe z", self.probe)):
            label = QLabel(text)
            label.setBuddy(box)
            layout.addWidget(label)
            layout.addWidget(box)

        self.z_from.valueChanged.connect(self._on_range_edited)
        self.z_to.valueChanged.connect(self._on_range_edited)
        self.probe.valueChanged.connect(self._on_probe_edited)
        state.z_range_changed.connect(self._on_state_changed)
        state.probe_changed.connect(self._on_state_changed)
        self._on_state_changed()

    def _on_range_edited(self, _value: float) -> None:
        try:
            self.state.set_z_range(self.z_from.value(), self.z_to.value())
        except ValueError as error:
            self.problem.emit(f"Z-range not changed: {error}.")
            self._on_state_changed()

    def _on_probe_edited(self, value: float) -> None:
        try:
            self.state.set_probe(value)
            lo, hi = self.state.z_range
            if not lo <= value <= hi:  # bring a far probe (z = 15) into view, within the limits
                margin = 0.1 * (hi - lo)
                self.state.set_z_range(max(-Z_LIMIT, min(lo, value - margin)), min(Z_LIMIT, max(hi, value + margin)))
        except ValueError as error:
            self.problem.emit(f"Probe not moved: {error}.")
            self._on_state_changed()

    def _on_state_changed(self) -> None:
        lo, hi = self.state.z_range
        for box, value in ((self.z_from, lo), (self.z_to, hi), (self.probe, self.state.probe)):
            with QSignalBlocker(box):
                box.setValue(value)
