"""One call binds a Lab setting's field spec to a control: range, step, precision, label
and tooltip all come from the spec (:mod:`act_gui.core.lab.fields`), so the control can
offer exactly what the configuration accepts.

A real-valued setting on a log scale (the learning rate) gets a slider beside its box.
Typing commits on Enter or when the box loses focus; the binding calls ``write`` with
the new value and, when the model changed, ``refresh`` shows the model's value again
with signals blocked (a value the model refused snaps back).
"""

from __future__ import annotations

import math
from typing import Any, Callable

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QSlider, QSpinBox, QWidget

from act_gui.core.lab.fields import FieldSpec

LOG_STEPS = 500


def to_log_position(spec: FieldSpec, value: float) -> int:
    lo, hi = math.log10(spec.lo), math.log10(spec.hi)
    return round((math.log10(value) - lo) / (hi - lo) * LOG_STEPS)


def from_log_position(spec: FieldSpec, position: int) -> float:
    lo, hi = math.log10(spec.lo), math.log10(spec.hi)
    return float(f"{10 ** (lo + (hi - lo) * position / LOG_STEPS):.3g}")  # 3 digits: 0.0316


class FieldBinding:
    """A control for one field spec, wired to read and write the model's value."""

    def __init__(self, spec: FieldSpec, read: Callable[[], Any], write: Callable[[Any], None]) -> None:
        self.spec, self.read, self.write = spec, read, write
        self.box = self._box()
        self.box.setToolTip(spec.tip or spec.label)
        self.slider: QSlider | None = None
        self.widget: QWidget = self.box
        if spec.log_scale:
            self.slider = QSlider(Qt.Horizontal)
            self.slider.setRange(0, LOG_STEPS)
            self.slider.setToolTip(spec.tip or spec.label)
            self.slider.valueChanged.connect(lambda p: self.write(from_log_position(spec, p)))
            self.widget = QWidget()
            row = QHBoxLayout(self.widget)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(self.slider, 1)
            row.addWidget(self.box)
        self.box.valueChanged.connect(self._on_box_changed)
        self.refresh()

    def _box(self) -> QSpinBox | QDoubleSpinBox:
        spec = self.spec
        if spec.whole:
            box = QSpinBox()
            # None ("all") sits one below the smallest number, shown as the spec's text.
            box.setRange(int(spec.lo) - (1 if spec.none_text else 0), int(spec.hi))
            box.setSpecialValueText(spec.none_text)
        else:
            box = QDoubleSpinBox()
            box.setRange(spec.lo, spec.hi)
            box.setDecimals(spec.decimals)
        box.setSingleStep(spec.step)
        box.setKeyboardTracking(False)
        return box

    def _on_box_changed(self, value) -> None:
        if self.spec.none_text and value == self.box.minimum():
            value = None
        self.write(value)

    def refresh(self) -> None:
        """Show the model's value (signals blocked: this is not an edit)."""
        value = self.read()
        with QSignalBlocker(self.box):
            self.box.setValue(self.box.minimum() if value is None else value)
        if self.slider is not None:
            with QSignalBlocker(self.slider):
                self.slider.setValue(to_log_position(self.spec, value))
