"""A field spec bound to a control: range, precision and None from the spec alone."""

from act_gui.core.lab.fields import FieldSpec
from act_gui.qt.bind import FieldBinding, from_log_position, to_log_position


def test_a_real_spec_gives_a_box_with_its_range_and_precision(qtbot):
    values = []
    spec = FieldSpec("gain", "Gain", False, -2.0, 3.0, 0.25, 3)
    binding = FieldBinding(spec, lambda: 1.0, values.append)
    assert (binding.box.minimum(), binding.box.maximum(), binding.box.decimals()) == (-2.0, 3.0, 3)
    binding.box.setValue(2.5)
    assert values == [2.5]


def test_a_log_spec_adds_a_slider_that_writes_rounded_values(qtbot):
    values = []
    spec = FieldSpec("rate", "Rate", False, 1e-4, 10.0, 0.01, 4, log_scale=True)
    binding = FieldBinding(spec, lambda: 0.3, values.append)
    assert binding.slider.value() == to_log_position(spec, 0.3)
    binding.slider.setValue(to_log_position(spec, 0.03))
    assert values == [from_log_position(spec, to_log_position(spec, 0.03))] and values[0] == 0.0302


def test_none_is_the_special_value_below_the_range(qtbot):
    values, current = [], [None]
    spec = FieldSpec("size", "Size", True, 1, 100, none_text="all")
    binding = FieldBinding(spec, lambda: current[0], values.append)
    assert binding.box.text() == "all"
    binding.box.setValue(10)
    binding.box.setValue(binding.box.minimum())
    assert values == [10, None]
