"""The Function Explorer as a user drives it: choose, overlay, tune, probe, export."""

from __future__ import annotations

import csv

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from act_gui.options import Options
from act_gui.core.activations import REGISTRY, get


def curve_of(window, act_id):
    """The (f, f') plot items that show ``act_id``."""
    return window.plots.curve_items[window.state.slot(act_id)]


def click_function(qtbot, window, act_id):
    tree = window.function_panel.tree
    item = window.function_panel.items[act_id]
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.LeftButton, pos=rect.center())  # on the name, not the box


def test_choosing_a_function_shows_its_curve_formulas_and_controls(qtbot, window):
    click_function(qtbot, window, "elu")
    assert window.state.current == "elu"
    f_item, df_item = curve_of(window, "elu")
    z, f = f_item.getData()
    assert z[0] == pytest.approx(-6) and z[-1] == pytest.approx(6) and len(z) == 2000
    np.testing.assert_allclose(f, get("elu").forward(z))
    np.testing.assert_allclose(df_item.getData()[1], get("elu").derivative(z))
    assert "ELU" in window.details_panel.title.text()
    assert "α" in window.details_panel.formula.text()
    assert list(window.details_panel.controls) == ["alpha"]
    assert window.details_panel.table.item(0, 1).text() == "(−1, ∞) for α = 1"


def test_ticking_overlays_functions_each_in_its_own_colour(qtbot, window):
    window.state.clear_overlays()
    item = window.function_panel.items["gelu"]
    item.setCheckState(0, Qt.Checked)
    window.function_panel.items["softsign"].setCheckState(0, Qt.Checked)
    assert window.state.shown() == ["sigmoid", "gelu", "softsign"]
    colours = {f.opts["pen"].color().name() for f, _ in (curve_of(window, i) for i in window.state.shown())}
    assert len(colours) == 3
    z, f = curve_of(window, "gelu")[0].getData()
    np.testing.assert_allclose(f, get("gelu").forward(z))
    assert window.plots.key_labels == ["Sigmoid (logistic)", "GELU (exact)", "Softsign"]
    item.setCheckState(0, Qt.Unchecked)
    assert window.state.shown() == ["sigmoid", "softsign"]
    assert window.plots.key_labels == ["Sigmoid (logistic)", "Softsign"]


def test_clicking_a_check_box_overlays_without_changing_the_current_function(qtbot, window):
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    tree = window.function_panel.tree
    item = window.function_panel.items["mish"]
    tree.scrollToItem(item)
    option = QStyleOptionViewItem()
    option.rect = tree.visualItemRect(item)
    option.features |= QStyleOptionViewItem.HasCheckIndicator
    box = tree.style().subElementRect(QStyle.SE_ItemViewItemCheckIndicator, option, tree)
    qtbot.mouseClick(tree.viewport(), Qt.LeftButton, pos=box.center())
    assert window.state.current == "sigmoid"
    assert "mish" in window.state.overlays
    qtbot.mouseClick(tree.viewport(), Qt.LeftButton, pos=box.center())
    assert "mish" not in window.state.overlays and window.state.current == "sigmoid"


def test_moving_a_parameter_slider_redraws_the_curve_live(qtbot, window):
    window.state.set_current("leaky_relu")
    control = window.details_panel.controls["negative_slope"]
    control.slider.setValue(250)  # a quarter of the way along 0 … 1
    assert control.spin.value() == pytest.approx(0.25)
    assert window.state.params("leaky_relu")["negative_slope"] == pytest.approx(0.25)
    z, f = curve_of(window, "leaky_relu")[0].getData()
    np.testing.assert_allclose(f, get("leaky_relu").forward(z, negative_slope=0.25))
    _, df = curve_of(window, "leaky_relu")[1].getData()
    assert df.min() == pytest.approx(0.25)


def test_typing_a_parameter_value_and_resetting_it(qtbot, window):
    window.state.set_current("softplus")
    beta = window.details_panel.controls["beta"]
    beta.spin.setValue(4.0)
    assert beta.slider.value() == round((4.0 - 0.1) / (10 - 0.1) * 1000)
    z, f = curve_of(window, "softplus")[0].getData()
    np.testing.assert_allclose(f, get("softplus").forward(z, beta=4.0))
    window.commands["reset_params"].trigger()
    assert window.state.params("softplus") == {"beta": 1.0, "threshold": 20.0}
    assert beta.spin.value() == 1.0


def test_typed_probe_reads_off_the_killed_gradient(qtbot, window):
    window.view_controls.probe.setValue(15.0)
    assert window.state.probe == 15.0
    lo, hi = window.state.z_range
    assert lo <= 15.0 <= hi  # the view widened to show the probe
    text = window.readout.text()
    assert "z = 15" in text and "3.059021e−07" in text
    assert "3.059021e−07" in window.plots.key.text  # the key over the plot reads it too
    dot = window.plots.markers[1][window.state.slot("sigmoid")]  # on the f′ plot
    assert dot.isVisible() and dot.pos().x() == 15.0 and dot.pos().y() == pytest.approx(3.0590213e-7)


def test_dragging_the_probe_line_moves_the_readout(qtbot, window):
    line = window.plots.probe_lines[1]
    line.setValue(-2.0)  # what a drag does, via sigPositionChanged
    assert window.state.probe == -2.0
    assert window.plots.probe_lines[0].value() == -2.0
    assert window.view_controls.probe.value() == -2.0
    sig = get("sigmoid")
    assert f"f = {sig.forward(-2.0):.7g}" in window.readout.text()


def test_hovering_the_plot_reads_off_the_mouse_position(qtbot, window):
    view = window.plots.f_plot.getViewBox()
    scene_pos = view.mapViewToScene(QPointF(3.0, 0.5))
    window.plots.scene().sigMouseMoved.emit(scene_pos)
    assert window.readout.text().startswith("Mouse z = 3")
    window.plots.scene().sigMouseMoved.emit(QPointF(-100, -100))
    assert window.readout.text().startswith("Probe z = ")


def test_gradient_plot_shades_dead_and_saturated_regions(qtbot, window):
    window.state.set_current("relu")
    shown = [r for r in window.plots.regions if r.isVisible()]
    assert [r.kind for r in shown] == ["zero"]
    lo, hi = shown[0].getRegion()
    assert lo <= -6 and hi == pytest.approx(0, abs=0.01)
    assert "cannot learn" in shown[0].toolTip()
    window.state.set_current("sigmoid")
    shown = [r for r in window.plots.regions if r.isVisible()]
    assert [r.kind for r in shown] == ["saturated", "saturated"]
    assert shown[1].getRegion()[0] == pytest.approx(4.36, abs=0.02)
    # Leaky ReLU's slope of 0.01 is small but neither zero nor a flat tail: no band, as
    # its properties table says "Saturates: none".
    window.state.set_current("leaky_relu")
    assert not any(r.isVisible() for r in window.plots.regions)
    table = window.details_panel.table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Saturates"] == "none"


def test_z_range_fields_zoom_and_reset(qtbot, window):
    window.view_controls.z_to.setValue(20.0)
    assert window.state.z_range == (-6.0, 20.0)
    z, _ = curve_of(window, "sigmoid")[0].getData()
    assert z[-1] == pytest.approx(20.0)
    assert window.plots.f_plot.getViewBox().viewRange()[0] == pytest.approx([-6.0, 20.0])
    window.commands["zoom_in"].trigger()
    assert window.state.z_range == pytest.approx((0.5, 13.5))
    window.commands["reset_view"].trigger()
    assert window.state.z_range == (-6.0, 6.0)


def test_a_backwards_z_range_is_refused_and_the_old_one_kept(qtbot, window):
    window.view_controls.z_from.setValue(8.0)  # now "from" is past "to" (6)
    assert window.state.z_range == (-6.0, 6.0)
    assert window.view_controls.z_from.value() == -6.0
    assert "Z-range not changed" in window.statusBar().currentMessage()


def test_panning_the_plot_resamples_the_new_range(qtbot, window):
    window.plots.f_plot.setXRange(10, 30, padding=0)
    assert window.state.z_range == pytest.approx((10, 30))
    z, _ = curve_of(window, "sigmoid")[0].getData()
    assert z[0] == pytest.approx(10) and z[-1] == pytest.approx(30)


def test_filter_box_narrows_the_list(qtbot, window):
    qtbot.keyClicks(window.function_panel.filter, "relu")
    visible = window.function_panel.visible_ids()
    assert "relu" in visible and "leaky_relu" in visible and "sigmoid" not in visible
    window.select_relative(1)
    assert window.state.current in visible
    qtbot.keyClick(window.function_panel.filter, Qt.Key_Return)
    assert window.state.current == visible[0]


def test_next_and_previous_function_walk_the_list(qtbot, window):
    window.state.set_current("sigmoid")
    window.commands["next_function"].trigger()
    assert window.state.current == "tanh"
    window.commands["previous_function"].trigger()
    window.commands["previous_function"].trigger()
    assert window.state.current == list(REGISTRY)[-1]  # wraps around


@pytest.mark.parametrize("kind", ["png", "svg"])
def test_export_plots_as_images(qtbot, window, tmp_path, kind):
    path = tmp_path / f"plots.{kind}"
    assert window.files.export(kind, str(path))
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG") if kind == "png" else b"<svg" in data[:2000]
    assert f"Exported plots.{kind}" in window.statusBar().currentMessage()


def test_export_curve_data_as_csv(qtbot, window, tmp_path):
    path = tmp_path / "curves.csv"
    assert window.files.export("csv", str(path))
    rows = list(csv.reader(path.open()))
    assert rows[0] == ["z", "sigmoid", "d_sigmoid", "tanh", "d_tanh", "relu", "d_relu"]
    assert len(rows) == 2001
    table = np.array(rows[1:], dtype=float)
    np.testing.assert_allclose(table[:, 2], get("sigmoid").derivative(table[:, 0]), rtol=1e-15)
    np.testing.assert_allclose(table[:, 5], get("relu").forward(table[:, 0]))


def test_export_to_a_missing_folder_reports_and_keeps_going(qtbot, window, tmp_path):
    assert not window.files.export("png", str(tmp_path / "nowhere" / "plots.png"))
    assert "Export failed" in window.statusBar().currentMessage()
    assert window.state.current == "sigmoid"


def test_dark_theme_repaints_the_plots(qtbot, window):
    window.commands["theme_dark"].trigger()
    assert window.plots.backgroundBrush().color().name() == "#161616"
    assert window.commands["theme_dark"].isChecked() and not window.commands["theme_light"].isChecked()


def test_command_line_functions_become_current_and_overlaid(make_window):
    window = make_window(Options(functions=["tanh", "relu6", "mish"], theme="dark", size=(1280, 800)))
    assert window.state.shown() == ["tanh", "relu6", "mish"]
    assert window.theme.name == "dark"
    assert (window.width(), window.height()) == (1280, 800)


@pytest.mark.parametrize("z", [999_999.0, -999_999.0, 1_000_000.0])
def test_a_probe_near_the_limit_is_shown_without_an_error(qtbot, window, z):
    window.view_controls.probe.setValue(z)  # an exception here would fail the test (pytest-qt)
    assert window.state.probe == z
    lo, hi = window.state.z_range
    assert lo <= z <= hi and max(abs(lo), abs(hi)) <= 1e6


@pytest.mark.parametrize("kind", ["png", "training_png"])
def test_png_exports_are_16_9_slides_with_large_type(qtbot, window, tmp_path, kind):
    from PySide6.QtGui import QImage

    window.lab.step(20)
    path = tmp_path / "slide.png"
    assert window.files.export(kind, str(path))
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1920, 1080)
    colours = {image.pixel(x, y) for x in range(0, 1920, 13) for y in range(0, 1080, 13)}
    assert len(colours) > 20  # a real picture, not a blank fill
    qtbot.wait(20)  # the slide's copy of the view is deleted...
    window.lab.reset()
    window.lab.step(5)  # ...and the run goes on without it (an exception here fails the test)
