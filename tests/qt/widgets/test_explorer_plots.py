"""The f(z) and f'(z) plots: one curve pair per shown function, sampled over the range."""

import numpy as np
import pytest

from act_gui.core.activations import curves, get
from act_gui.qt.explorer import readout
from act_gui.qt.explorer.plots import ExplorerPlots
from act_gui.qt.style import THEMES


def test_each_shown_function_is_drawn_with_its_derivative(qtbot, state, theme):
    plots = ExplorerPlots(state, theme)
    qtbot.addWidget(plots)
    state.set_current("tanh")
    f_item, df_item = plots.curve_items[state.slot("tanh")]
    z, f = f_item.getData()
    assert z[0] == pytest.approx(-6.0) and z[-1] == pytest.approx(6.0)
    assert np.allclose(f, np.tanh(z))
    assert np.allclose(df_item.getData()[1], get("tanh").derivative(z))


def test_theme_scale_and_antialias_follow_the_view_protocol(qtbot, state, theme):
    plots = ExplorerPlots(state, theme)
    qtbot.addWidget(plots)
    f_item, _ = plots.curve_items[state.slot(state.current)]
    width = f_item.opts["pen"].widthF()
    plots.set_scale(2.0)
    plots.set_antialias(True)
    plots.set_theme(THEMES["dark"])
    f_item, _ = plots.curve_items[state.slot(state.current)]
    assert f_item.opts["pen"].widthF() == pytest.approx(2 * width) and f_item.opts["antialias"]
    assert f_item.opts["pen"].color().name().upper() == THEMES["dark"].curve_colour(state.slot(state.current))


def test_a_histogram_of_samples_is_drawn_under_the_curves(qtbot, state, theme):
    plots = ExplorerPlots(state, theme)
    qtbot.addWidget(plots)
    plots.show_samples(np.linspace(-2, 2, 500), "z of unit 1.1 (500 samples)")
    edges, counts = plots.histograms[0].getData()
    assert counts.sum() > 0 and plots.histograms[0].isVisible()
    plots.show_samples(None)
    assert not plots.histograms[0].isVisible()


def test_only_flat_tails_are_shaded_as_saturated(qtbot, state, theme):
    plots = ExplorerPlots(state, theme)
    qtbot.addWidget(plots)
    state.set_current("leaky_relu")  # slope 0.01 on the left: small, but never flat
    assert not [r for r in plots.regions if r.isVisible() and r.kind == "saturated"]
    state.set_current("sigmoid")
    assert len([r for r in plots.regions if r.isVisible() and r.kind == "saturated"]) == 2


def test_the_key_names_every_shown_function_above_the_plot_not_over_it(qtbot, state, theme):
    plots = ExplorerPlots(state, theme)
    qtbot.addWidget(plots)
    plots.resize(520, 600)
    for act_id in ("tanh", "relu", "gelu", "softsign", "mish", "elu"):
        state.set_overlaid(act_id, True)
    plots.show_samples(np.linspace(-2, 2, 500), "z of unit 1.1")
    plots.show()
    qtbot.waitExposed(plots)
    names = [get(i).label for i in state.shown()]
    assert plots.key_labels == names + ["z of unit 1.1"]
    key = plots.key
    for act_id in state.shown():  # each with its value at the probe
        assert readout.number(curves.read(act_id, state.params(act_id), state.probe).f) in key.text
    assert not key.sceneBoundingRect().intersects(plots.f_plot.getViewBox().sceneBoundingRect())
    assert key.sceneBoundingRect().width() <= plots.width()


def test_both_plots_always_show_the_same_z_range(qtbot, state, theme):
    plots = ExplorerPlots(state, theme)
    qtbot.addWidget(plots)
    for act_id in ("tanh", "relu", "gelu", "elu"):  # a tall key over f(z) only
        state.set_overlaid(act_id, True)
    plots.resize(400, 700)
    plots.show()
    qtbot.waitExposed(plots)
    plots.df_plot.setXRange(-2.0, 3.0, padding=0)  # as a pan or zoom on the f′ plot does
    assert state.z_range == (-2.0, 3.0)
    for plot in (plots.f_plot, plots.df_plot):
        assert plot.viewRange()[0] == [-2.0, 3.0]
