"""The Lab's controls: each numeric setting's control is made from its field spec."""

import pytest

from act_gui.core.lab import FIELDS
from act_gui.qt.lab.controls import LabControls


def test_every_shown_setting_offers_exactly_its_spec_range(qtbot, lab, theme):
    controls = LabControls(lab, theme)
    qtbot.addWidget(controls)
    shown = {name for name, spec in FIELDS.items() if spec.group}
    assert set(controls.fields) == shown
    for name in shown:
        spec, box = FIELDS[name], controls.fields[name].box
        low = spec.lo - (1 if spec.none_text else 0)
        assert (box.minimum(), box.maximum()) == pytest.approx((low, spec.hi)), name


def test_the_l2_box_reaches_what_the_configuration_accepts(qtbot, lab, theme):
    controls = LabControls(lab, theme)
    qtbot.addWidget(controls)
    controls.fields["l2"].box.setValue(0.5)
    assert lab.config.l2 == 0.5 and lab.trainer.l2 == 0.5


def test_an_optimiser_edit_keeps_the_run_and_an_architecture_edit_restarts_it(qtbot, lab, theme):
    controls = LabControls(lab, theme)
    qtbot.addWidget(controls)
    lab.step(5)
    controls.fields["lr"].box.setValue(0.05)
    assert lab.trainer.lr == 0.05 and lab.trainer.steps == 5
    assert controls.fields["lr"].slider.value() > 0  # the slider follows the box
    controls.fields["width"].box.setValue(6)
    assert lab.config.width == 6 and lab.trainer.steps == 0


def test_full_batch_is_the_special_value_below_one(qtbot, lab, theme):
    controls = LabControls(lab, theme)
    qtbot.addWidget(controls)
    box = controls.fields["batch_size"].box
    box.setValue(32)
    assert lab.config.batch_size == 32
    box.setValue(box.minimum())
    assert lab.config.batch_size is None and box.text() == FIELDS["batch_size"].none_text


def test_button_tips_name_the_real_shortcuts(qtbot, lab, theme):
    controls = LabControls(lab, theme)
    qtbot.addWidget(controls)
    assert "Ctrl+T" in controls.step_button.toolTip() and "Ctrl+Space" in controls.play_button.toolTip()
