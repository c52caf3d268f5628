"""A slider and a spin box bound together for one activation parameter.

The slider gives a quick, live sweep; the spin box gives an exact value. Both always
show the same number, and ``value_changed`` fires once per user edit.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QSlider, QVBoxLayout, QWidget

from act_gui.core.activations.types import ParamSpec

SLIDER_STEPS = 1000


class ParamControl(QWidget):
    value_changed = Signal(str, float)  # parameter name, new value

    def __init__(self, spec: ParamSpec, value: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.label = QLabel(spec.label)
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setRange(0, SLIDER_STEPS)
        self.slider.setToolTip(f"{spec.name}: {spec.min:g} to {spec.max:g} (default {spec.default:g})")
        self.spin = QDoubleSpinBox()
        self.spin.setRange(spec.min, spec.max)
        self.spin.setDecimals(4)
        self.spin.setSingleStep((spec.max - spec.min) / 100)
        self.spin.setKeyboardTracking(False)  # typing "0.25" is one edit, not four
        self.spin.setAccelerated(True)
        self.spin.setMinimumWidth(90)

        row = QHBoxLayout()
        row.addWidget(self.slider, 1)
        row.addWidget(self.spin)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addLayout(row)

        self.set_value(value)
        self.slider.valueChanged.connect(self._on_slider_changed)
        self.spin.valueChanged.connect(self._on_spin_changed)

    def value(self) -> float:
        return self.spin.value()

    def set_value(self, value: float) -> None:
        """Show ``value`` in both widgets without emitting ``value_changed``."""
        with QSignalBlocker(self.spin), QSignalBlocker(self.slider):
            self.spin.setValue(value)
            self.slider.setValue(self._to_slider(value))

    def _to_slider(self, value: float) -> int:
        share = (value - self.spec.min) / (self.spec.max - self.spec.min)
        return round(share * SLIDER_STEPS)

    def _from_slider(self, position: int) -> float:
        return self.spec.min + (self.spec.max - self.spec.min) * position / SLIDER_STEPS

    def _on_slider_changed(self, position: int) -> None:
        value = self._from_slider(position)
        with QSignalBlocker(self.spin):
            self.spin.setValue(value)
        self.value_changed.emit(self.spec.name, self.spin.value())

    def _on_spin_changed(self, value: float) -> None:
        with QSignalBlocker(self.slider):
            self.slider.setValue(self._to_slider(value))
        self.value_changed.emit(self.spec.name, value)
