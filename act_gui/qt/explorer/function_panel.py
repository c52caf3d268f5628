"""The list of activation functions, grouped, with a filter box.

Clicking a function makes it *current*; ticking its box overlays it for comparison. The
list is generated from the registry, so a new entry appears here by itself; the user's
own functions (typed as formulas) form the last group, "My functions", managed with the
New / Edit / Duplicate / Delete buttons under the list.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (QHBoxLayout, QLineEdit, QMessageBox, QPushButton, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from act_gui.core import activations
from act_gui.core.activations import GROUP_LABELS
from act_gui.core.activations.as_formula import as_formula
from act_gui.qt.explorer.formula_editor import FormulaEditor
from act_gui.qt.explorer.state import ExplorerState
from act_gui.qt.style import FixedLook, Theme

ID_ROLE = Qt.UserRole


def matches(act_id: str, text: str) -> bool:
    """Whether the filter ``text`` finds ``act_id`` (by id, label, group or note words)."""
    act = activations.get(act_id)
    haystack = " ".join((act.id, act.label, act.group, GROUP_LABELS[act.group], act.note)).lower()
    return all(word in haystack for word in text.lower().split())


class FunctionPanel(FixedLook, QWidget):
    def __init__(self, state: ExplorerState, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.theme = theme
        self.filter = QLineEdit(placeholderText="Filter functions…  (Ctrl+F)")
        self.filter.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setToolTip("Click a function to make it current; tick it to overlay it.")
        self.items: dict[str, QTreeWidgetItem] = {}
        self._build_items()
        self.buttons = {name: QPushButton(text) for name, text in (
            ("new", "New…"), ("edit", "Edit…"), ("duplicate", "Duplicate"), ("delete", "Delete"))}
        self.buttons["new"].setToolTip("Type your own activation function as a formula of z")
        self.buttons["edit"].setToolTip("Change the current function (one of yours)")
        self.buttons["duplicate"].setToolTip("A copy of the current function as a formula you can change")
        self.buttons["delete"].setToolTip("Delete the current function (one of yours)")
        row = QHBoxLayout()
        row.setSpacing(2)
        for name, button in self.buttons.items():
            row.addWidget(button)
        self.buttons["new"].clicked.connect(lambda: self.open_editor())
        self.buttons["edit"].clicked.connect(lambda: self.open_editor(activations.get(self.state.current)))
        self.buttons["duplicate"].clicked.connect(self.duplicate_current)
        self.buttons["delete"].clicked.connect(self.delete_current)
        self.editor: FormulaEditor | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        layout.addLayout(row)

        self.filter.textChanged.connect(self._on_filter_changed)
        self.filter.returnPressed.connect(self._on_filter_accepted)
        self.tree.currentItemChanged.connect(self._on_item_selected)
        self.tree.itemChanged.connect(self._on_item_ticked)
        state.current_changed.connect(self._on_state_changed)
        state.overlays_changed.connect(self._on_state_changed)
        state.functions_changed.connect(self._on_functions_changed)
        self._on_state_changed()

    def _build_items(self) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        for act in map(activations.get, activations.ids()):
            if act.group not in groups:
                header = QTreeWidgetItem(self.tree, [GROUP_LABELS[act.group]])
                header.setFlags(Qt.ItemIsEnabled)
                font = header.font(0)
                font.setBold(True)
                header.setFont(0, font)
                header.setExpanded(True)
                groups[act.group] = header
            item = QTreeWidgetItem(groups[act.group], [act.label])
            item.setData(0, ID_ROLE, act.id)
            item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsUserCheckable)
            item.setCheckState(0, Qt.Unchecked)
            item.setToolTip(0, f"{act.id}: {act.formula}")
            self.items[act.id] = item

    def _on_functions_changed(self) -> None:
        with QSignalBlocker(self.tree):
            self.tree.clear()
            self.items.clear()
            self._build_items()
        self._on_filter_changed(self.filter.text())
        self._on_state_changed()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._on_state_changed()

    # --- the user's own functions ----------------------------------------------------------
    def open_editor(self, act: activations.Activation | None = None, text: str | None = None,
                    params: dict | None = None) -> FormulaEditor:
        """The formula editor: a new function (from ``text``), or ``act`` (one of the user's)."""
        editing = act is not None and act.group == "custom"
        spec = activations.custom.to_spec(act) if editing else {
            "id": self.state.new_function_id(), "label": "", "formula": text or "z * sigmoid(beta * z)",
            "params": params if params is not None else ({} if text else {"beta": [1.0, 0.0, 5.0]})}
        self.editor = FormulaEditor(spec, self.theme, self)
        self.editor.accepted_function.connect(self._on_function_accepted)
        self.editor.show()
        return self.editor

    def _on_function_accepted(self, act: activations.Activation) -> None:
        self.state.add_function(act)
        self.state.set_current(act.id)

    def duplicate_current(self) -> FormulaEditor:
        """The editor with the current function's formula (built-in or the user's) to change."""
        text, params = as_formula(activations.get(self.state.current))
        return self.open_editor(None, text, params)

    def delete_current(self, confirm: bool = True) -> None:
        act = activations.get(self.state.current)
        if act.group != "custom":
            return
        if confirm and QMessageBox.question(self, "Delete function", f"Delete your function {act.label!r}?") \
                != QMessageBox.Yes:
            return
        try:
            self.state.remove_function(act.id)
        except ValueError as error:
            QMessageBox.information(self, "Delete function", str(error))

    def visible_ids(self) -> list[str]:
        return [i for i, item in self.items.items() if not item.isHidden()]

    # --- user edits -> state -----------------------------------------------------------
    def _on_filter_changed(self, text: str) -> None:
        for act_id, item in self.items.items():
            item.setHidden(not matches(act_id, text))
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            group.setHidden(all(group.child(i).isHidden() for i in range(group.childCount())))

    def _on_filter_accepted(self) -> None:
        """Enter in the filter box: the first match becomes current, the list takes focus."""
        visible = self.visible_ids()
        if visible:
            self.state.set_current(visible[0])
            self.tree.setFocus()

    def _on_item_selected(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        act_id = item.data(0, ID_ROLE) if item else None
        if act_id:
            self.state.set_current(act_id)

    def _on_item_ticked(self, item: QTreeWidgetItem, _column: int) -> None:
        act_id = item.data(0, ID_ROLE)
        if act_id:
            self.state.set_overlaid(act_id, item.checkState(0) == Qt.Checked)

    # --- state -> widgets --------------------------------------------------------------
    def _on_state_changed(self, *_args) -> None:
        shown = set(self.state.shown())
        with QSignalBlocker(self.tree):
            for act_id, item in self.items.items():
                # The current function is always plotted: its box is ticked and fixed.
                current = act_id == self.state.current
                item.setCheckState(0, Qt.Checked if current or act_id in self.state.overlays else Qt.Unchecked)
                flags = item.flags()
                item.setFlags(flags & ~Qt.ItemIsUserCheckable if current else flags | Qt.ItemIsUserCheckable)
                item.setIcon(0, self._swatch(act_id) if act_id in shown else QIcon())
                font = item.font(0)
                font.setBold(act_id == self.state.current)
                item.setFont(0, font)
            self.tree.setCurrentItem(self.items[self.state.current])
        mine = activations.get(self.state.current).group == "custom"
        self.buttons["edit"].setEnabled(mine)
        self.buttons["delete"].setEnabled(mine)
        self.buttons["duplicate"].setEnabled(as_formula(activations.get(self.state.current)) is not None)

    def _swatch(self, act_id: str) -> QIcon:
        pixmap = QPixmap(14, 14)
        pixmap.fill(QColor(self.theme.curve_colour(self.state.slot(act_id))))
        return QIcon(pixmap)
