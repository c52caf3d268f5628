"""The z-range and probe fields: typed values go to the state, refused ones snap back."""

from act_gui.qt.explorer.view_controls import ViewControls


def test_typed_range_and_probe_change_the_state(qtbot, state):
    controls = ViewControls(state)
    qtbot.addWidget(controls)
    controls.z_to.setValue(9.0)
    controls.probe.setValue(15.0)
    lo, hi = state.z_range
    assert state.probe == 15.0 and lo <= 15.0 <= hi  # the view widened to show the probe


def test_a_backwards_range_is_refused_with_a_message(qtbot, state):
    controls = ViewControls(state)
    qtbot.addWidget(controls)
    with qtbot.waitSignal(controls.problem) as refusal:
        controls.z_from.setValue(8.0)
    assert "Z-range not changed" in refusal.args[0]
    assert state.z_range == (-6.0, 6.0) and controls.z_from.value() == -6.0
