"""Everything about the current function: parameters, formulas, note, properties.

The parameter controls are generated from the registry's specs each time the current
function changes; their edits go straight to the state, which redraws the plots.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from act_gui.core.activations import GROUP_LABELS, get
from act_gui.qt.explorer.state import ExplorerState
from act_gui.qt.explorer.formula_html import to_html
from act_gui.qt.widgets.param_control import ParamControl
from act_gui.qt.style import FixedLook

FORMULA_STYLE = "font-family: 'DejaVu Serif', 'Cambria Math', 'STIX Two Math', serif; font-size: 135%; line-height: 140%;"


class DetailsPanel(FixedLook, QWidget):
    def __init__(self, state: ExplorerState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.title = QLabel()
        font = self.title.font()  # a font, not a style sheet: those stop palette updates
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setWeight(QFont.DemiBold)
        self.title.setFont(font)
        self.title.setWordWrap(True)  # a long name and its group wrap rather than widen the panel
        self.formula = QLabel()
        self.formula.setTextFormat(Qt.RichText)
        self.formula.setWordWrap(True)
        self.formula.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.params_box = QVBoxLayout()
        self.reset_button = QPushButton("Reset parameters")
        self.reset_button.setToolTip("Put this function's parameters back to their defaults")
        self.table = QTableWidget(0, 2)
        self.table.horizontalHeader().hide()
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.NoSelection)
        self.table.setFocusPolicy(Qt.NoFocus)
        self.controls: dict[str, ParamControl] = {}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        for widget in (self.title, self.formula, self.note):
            layout.addWidget(widget)
        layout.addLayout(self.params_box)
        layout.addWidget(self.reset_button)
        layout.addWidget(self.table, 1)

        self.reset_button.clicked.connect(lambda: state.reset_params(state.current))
        state.current_changed.connect(self._on_current_changed)
        state.params_changed.connect(self._on_params_changed)
        self._on_current_changed(state.current)

    def _on_current_changed(self, act_id: str) -> None:
        act = get(act_id)
        self.title.setText(f"{act.label}  <span style='font-weight:400; font-size:75%'>"
                           f"({act.id} · {GROUP_LABELS[act.group]})</span>")
        self.formula.setText(f"<div style=\"{FORMULA_STYLE}\">{to_html(act.formula)}<br>"
                             f"{to_html(act.formula_prime)}</div>")
        self.note.setText(to_html(act.note, italic_variables=False))
        self._rebuild_controls(act_id)
        self._fill_table(act_id)

    def _rebuild_controls(self, act_id: str) -> None:
        for control in self.controls.values():
            self.params_box.removeWidget(control)
            control.deleteLater()
        self.controls = {}
        values = self.state.params(act_id)
        for spec in get(act_id).params:
            control = ParamControl(spec, values[spec.name])
            # The control says whose parameter it is: a value typed into it may be
            # committed (on losing focus) after another function became current.
            control.value_changed.connect(lambda name, value, owner=act_id: self._on_control_changed(owner, name, value))
            self.params_box.addWidget(control)
            self.controls[spec.name] = control
        self.reset_button.setVisible(bool(self.controls))

    def _fill_table(self, act_id: str) -> None:
        rows = get(act_id).properties.rows()
        self.table.setRowCount(len(rows))
        for row, (name, value) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(value))
        self.table.setToolTip("Properties at the default parameters")

    def _on_control_changed(self, act_id: str, name: str, value: float) -> None:
        self.state.set_param(act_id, name, value)

    def _on_params_changed(self, act_id: str) -> None:
        if act_id == self.state.current:
            values = self.state.params(act_id)
            for name, control in self.controls.items():
                control.set_value(values[name])
