"""The training plots: loss, dead and saturated shares, gradient norms, the fit."""

import numpy as np
import pyqtgraph as pg
import pytest

from act_gui.qt.lab.plots import LabPlots
from act_gui.qt.style import THEMES


def test_the_curves_follow_the_run_history(qtbot, lab, theme):
    plots = LabPlots(lab, theme)
    qtbot.addWidget(plots)
    lab.step(7)
    steps, losses = plots.train_curve.getOriginalDataset()
    assert list(steps) == [0, 7] and losses[-1] == pytest.approx(lab.stats.train_loss)
    assert len(plots.grad_curves) == len(lab.trainer.net.weights)


def test_a_pinned_run_is_a_ghost_in_the_theme_colour(qtbot, lab, theme):
    plots = LabPlots(lab, theme)
    qtbot.addWidget(plots)
    lab.step(3)
    lab.pin()
    ghosts = [ghost for _plot, ghost in plots.ghosts]
    assert len(ghosts) == 3
    plots.set_theme(THEMES["dark"])
    colours = {ghost.opts["pen"].color().name().upper() for _plot, ghost in plots.ghosts}
    assert THEMES["dark"].curve_colour(3) in colours


def test_the_decision_surface_is_the_networks_prediction(qtbot, lab, theme):
    plots = LabPlots(lab, theme)
    qtbot.addWidget(plots)
    lab.step(5)
    image = plots.surface.image
    assert image.shape == (64, 64) and np.all((image >= 0) & (image <= 1))


def test_each_pinned_run_has_its_own_colour_and_dash(qtbot, lab, theme):
    plots = LabPlots(lab, theme)
    qtbot.addWidget(plots)
    lab.pin()
    lab.step(2)
    lab.pin()
    loss_ghosts = [ghost for plot, ghost in plots.ghosts if plot is plots.loss_plot]
    pens = [(g.opts["pen"].color().name(), g.opts["pen"].style()) for g in loss_ghosts]
    assert len(pens) == 2 and pens[0][0] != pens[1][0] and pens[0][1] != pens[1][1]
    pinned = [entry for entry in plots.keys["loss"] if entry.label.startswith("pinned")]
    assert [(entry.colour, entry.style) for entry in pinned] == [
        (pg.mkColor(colour).name(), style) for colour, style in pens]  # the key names each, as drawn


def data_area(plot):
    return plot.getViewBox().sceneBoundingRect()


def test_every_key_entry_is_shown_above_the_data_never_over_it(qtbot, lab, theme):
    lab.apply(hidden_layers=5)
    plots = LabPlots(lab, theme)
    qtbot.addWidget(plots)
    plots.resize(700, 500)
    for _ in range(3):
        lab.pin()
    plots.show()
    qtbot.waitExposed(plots)
    assert [e.label for e in plots.keys["gradients"]] == [f"W{i}" for i in range(1, 7)]
    assert len([e for e in plots.keys["loss"] if e.label.startswith("pinned")]) == 3
    for plot, key in ((plots.loss_plot, "loss"), (plots.units_plot, "units"), (plots.grad_plot, "gradients")):
        title = plots.key_labels[key]
        for entry in plots.keys[key]:
            assert entry.label in title.item.toPlainText().replace("\xa0", " ")
        assert title.isVisible() and not title.sceneBoundingRect().intersects(data_area(plot))
        assert title.sceneBoundingRect().width() <= plot.sceneBoundingRect().width()


def test_short_log_ranges_and_percent_axes_have_numbers():
    from act_gui.qt.lab.plots import PERCENT_TICKS
    from act_gui.qt.widgets.log_axis import decade_ticks

    labels = [text for _pos, text in decade_ticks(-1.0, 0.0)]
    assert labels == ["0.1", "0.2", "0.5", "1"]
    assert [text for _pos, text in PERCENT_TICKS[0]][::5] == ["0", "100"]


def test_the_loss_axis_covers_pinned_runs_too(qtbot, lab, theme):
    plots = LabPlots(lab, theme)
    qtbot.addWidget(plots)
    lab.apply(lr=2.0)
    lab.step(300)  # a run that gets far lower than the next one will
    lab.pin()
    lab.reset()
    lab.step(1)
    low = lab.pinned[0].column("train_loss").min()
    bottom, top = plots.loss_plot.viewRange()[1]  # log10 units
    assert bottom <= np.log10(low) <= top
