"""The editor of a user's own function: a formula of z, its parameters, f and f′ drawn live.

Every keystroke re-reads the formula: an error is shown at once with a caret under the
column it is at, and OK stays disabled; a good formula is drawn (f and f′ on [-6, 6])
with its measured properties. Parameters are typed as ``beta = 1.5 in [0, 5]; alpha = 1``
(the range defaults to the default ± 5); each gets a slider in the Current function panel.
"""

from __future__ import annotations

import html
import math
import re

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from act_gui.core import activations
from act_gui.core.activations import FormulaError
from act_gui.qt.style import Theme

PREVIEW_Z = np.linspace(-6.0, 6.0, 1201)
_NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_PARAM = re.compile(rf"\s*([A-Za-z_]\w*)\s*=\s*({_NUMBER})\s*(?:in\s*\[\s*({_NUMBER})\s*,\s*({_NUMBER})\s*\])?\s*\Z")


def params_text(params: dict) -> str:
    """``{"beta": [1.5, 0, 5]}`` as the editor shows it: ``beta = 1.5 in [0, 5]``."""
    return "; ".join(f"{name} = {v[0]:g} in [{v[1]:g}, {v[2]:g}]" for name, v in params.items())


def read_params(text: str) -> dict:
    """The parameters typed in the editor; FormulaError (column in this text) if unreadable."""
    params, column = {}, 1
    for part in text.split(";"):
        if part.strip():
            match = _PARAM.match(part)
            if match is None:
                raise FormulaError("write each parameter as name = default, or name = default in [min, max], "
                                   "separated by ';'", column + len(part) - len(part.lstrip()))
            name, default, lo, hi = match.groups()
            params[name] = [float(default)] + ([float(lo), float(hi)] if lo is not None else [])
        column += len(part) + 1
    return params


class FormulaEditor(QDialog):
    """``accepted_function`` carries the new (or changed) function when the user presses OK."""

    accepted_function = Signal(object)

    def __init__(self, spec: dict, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("My function")
        self.spec_id = spec["id"]
        self.function: activations.Activation | None = None
        self.name = QLineEdit(spec.get("label") or "")
        self.name.setPlaceholderText("a name for the list (the formula if left empty)")
        self.formula = QLineEdit(spec["formula"])
        self.formula.setPlaceholderText("a formula of z, e.g. z * sigmoid(beta * z)")
        self.formula.setToolTip("Numbers, z, your parameters, + - * / ** ( ), and exp log log1p sqrt abs sin cos "
                                "tan tanh sinh cosh arctan erf sigmoid softplus relu max(a, b) min(a, b) "
                                "where(condition, a, b)")
        self.params = QLineEdit(params_text(spec.get("params", {})))
        self.params.setPlaceholderText("e.g. beta = 1 in [0, 5]; alpha = 1")
        self.problem = QLabel()
        self.problem.setObjectName("FormulaProblem")
        self.problem.setTextFormat(Qt.PlainText)
        self.problem.setFont(QFont("monospace"))
        self.problem.setWordWrap(True)
        self.plot = pg.PlotWidget(background=theme.plot_background)
        self.plot.setMinimumSize(360, 200)
        self.plot.showGrid(x=True, y=True, alpha=theme.grid_alpha)
        self.plot.addLegend(offset=(10, 10))
        self.f_curve = self.plot.plot(pen=pg.mkPen(theme.curve_colour(0), width=2), name="f(z)", connect="finite")
        self.df_curve = self.plot.plot(pen=pg.mkPen(theme.curve_colour(1), width=2, style=pg.QtCore.Qt.DashLine),
                                       name="f′(z)", connect="finite")
        self.prime = QLabel()
        self.prime.setWordWrap(True)
        self.prime.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.table = QLabel()
        self.table.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("f(z) =", self.formula)
        form.addRow("Parameters", self.params)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.prime)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        for field in (self.formula, self.params, self.name):
            field.textChanged.connect(self.reread)
        self.reread()

    def reread(self) -> None:
        """Read the fields again: draw the function, or say what is wrong and where."""
        try:
            params = read_params(self.params.text())
        except FormulaError as error:
            return self._show_problem(error, self.params)
        try:
            act = activations.from_formula(self.formula.text(), params, id=self.spec_id,
                                           label=self.name.text().strip()[:80] or None)
        except FormulaError as error:  # (a parameter's own problem is told under the parameters)
            return self._show_problem(error, self.params if error.part == "params" else self.formula)
        self.function = act
        self.prime.setText(act.formula_prime)
        f, df = act.forward(PREVIEW_Z), act.derivative(PREVIEW_Z)
        self.f_curve.setData(PREVIEW_Z, f)
        self.df_curve.setData(PREVIEW_Z, df)
        bad = ~(np.isfinite(f) & np.isfinite(df))
        self.problem.setText(self._gaps(bad) if bad.any() else "")
        rows = "".join(f"<tr><td>{html.escape(k)}&nbsp;&nbsp;</td><td>{html.escape(v)}</td></tr>"
                       for k, v in act.properties.rows())
        self.table.setText(f"<table>{rows}</table>")
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(True)

    @staticmethod
    def _gaps(bad: np.ndarray) -> str:
        z = PREVIEW_Z[bad]
        return (f"f or f′ is undefined or overflows for some z in [{z.min():.3g}, {z.max():.3g}]: "
                "the curves have gaps there")

    def _show_problem(self, error: FormulaError, field: QLineEdit) -> None:
        self.function = None
        text = field.text()
        caret = " " * (error.column - 1) + "^" if error.column <= len(text) + 1 else ""
        self.problem.setText(f"{error}\n{text}\n{caret}" if caret else str(error))
        self.f_curve.setData([], [])
        self.df_curve.setData([], [])
        self.table.setText("")
        self.prime.setText("")
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(False)

    def _accept(self) -> None:
        if self.function is not None and all(math.isfinite(p.default) for p in self.function.params):
            self.accepted_function.emit(self.function)
            self.accept()
