"""The function list: pick the current function, tick overlays, filter by name."""

from PySide6.QtCore import Qt

from act_gui.core.activations import REGISTRY
from act_gui.qt.explorer.function_panel import FunctionPanel, matches


def test_every_registry_entry_is_listed_and_the_current_one_is_selected(qtbot, state, theme):
    panel = FunctionPanel(state, theme)
    qtbot.addWidget(panel)
    assert set(panel.items) == set(REGISTRY)
    assert panel.tree.currentItem() is panel.items[state.current]


def test_clicking_a_function_makes_it_current_and_a_tick_overlays_it(qtbot, state, theme):
    panel = FunctionPanel(state, theme)
    qtbot.addWidget(panel)
    panel.tree.setCurrentItem(panel.items["elu"])
    assert state.current == "elu"
    panel.items["gelu"].setCheckState(0, Qt.Checked)
    assert "gelu" in state.overlays and state.current == "elu"


def test_the_filter_hides_what_does_not_match_and_enter_picks_the_first(qtbot, state, theme):
    panel = FunctionPanel(state, theme)
    qtbot.addWidget(panel)
    qtbot.keyClicks(panel.filter, "relu")
    shown = panel.visible_ids()
    assert shown == [i for i in REGISTRY if matches(i, "relu")] and "sigmoid" not in shown
    qtbot.keyClick(panel.filter, Qt.Key_Return)
    assert state.current == panel.visible_ids()[0]


def test_the_current_function_is_ticked_and_cannot_be_unticked(qtbot, state, theme):
    panel = FunctionPanel(state, theme)
    qtbot.addWidget(panel)
    state.set_current("elu")
    item = panel.items["elu"]
    assert item.checkState(0) == Qt.Checked and not item.flags() & Qt.ItemIsUserCheckable
    state.set_current("tanh")  # elu is no longer plotted; its box is free again
    assert item.checkState(0) == Qt.Unchecked and item.flags() & Qt.ItemIsUserCheckable
