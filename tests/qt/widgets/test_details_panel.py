"""The current function's details: formulas, a control per parameter, properties."""

from act_gui.core.activations import get
from act_gui.qt.explorer.details_panel import DetailsPanel


def test_it_shows_the_current_function_with_one_control_per_parameter(qtbot, state):
    panel = DetailsPanel(state)
    qtbot.addWidget(panel)
    state.set_current("elu")
    assert panel.title.text().startswith(get("elu").label)
    assert list(panel.controls) == [p.name for p in get("elu").params]
    assert panel.table.rowCount() > 0


def test_a_control_edit_changes_the_state_and_reset_puts_it_back(qtbot, state):
    panel = DetailsPanel(state)
    qtbot.addWidget(panel)
    state.set_current("leaky_relu")
    panel.controls["negative_slope"].spin.setValue(0.2)
    assert state.params("leaky_relu")["negative_slope"] == 0.2
    panel.reset_button.click()
    assert state.params("leaky_relu")["negative_slope"] == get("leaky_relu").defaults()["negative_slope"]
    assert panel.controls["negative_slope"].spin.value() == get("leaky_relu").defaults()["negative_slope"]


def test_a_value_committed_after_switching_functions_goes_to_its_own_function(qtbot, state):
    panel = DetailsPanel(state)
    qtbot.addWidget(panel)
    state.set_current("prelu")
    old_control = panel.controls["a"]
    state.set_current("tanh")  # the old control is on its way out...
    old_control.spin.setValue(0.5)  # ...when its typed value is committed
    assert state.params("prelu")["a"] == 0.5 and state.current == "tanh"
