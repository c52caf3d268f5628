"""The learning-rate sweep: trained in a worker thread, drawn as each run finishes."""

import numpy as np

from act_gui.core.lab import LabConfig, sweep
from act_gui.qt.classroom.sweep_view import SweepView


def test_results_arrive_in_the_background_and_are_drawn(qtbot, theme):
    view = SweepView(theme)
    qtbot.addWidget(view)
    rates = np.array([0.01, 3.0])
    view.start(LabConfig(width=4), rates)
    assert view.running
    qtbot.waitUntil(lambda: not view.running, timeout=60000)
    assert len(view.results) == len(rates) * len(sweep.ACTIVATIONS)
    drawn_rates, dead = view.curves[(False, "relu")].getOriginalDataset()
    assert list(drawn_rates) == list(rates) and len(dead) == 2


def test_cancel_joins_the_thread_and_drops_late_results(qtbot, theme):
    view = SweepView(theme)
    qtbot.addWidget(view)
    view.start(LabConfig(width=16))
    qtbot.waitUntil(lambda: len(view.results) >= 1, timeout=60000)
    view.cancel()
    count = len(view.results)
    assert not view.running
    qtbot.wait(200)
    assert len(view.results) == count


def test_the_rate_axis_spans_the_whole_sweep_from_its_first_run(qtbot, theme):
    view = SweepView(theme)
    qtbot.addWidget(view)
    view.start(LabConfig(width=4))
    qtbot.waitUntil(lambda: len(view.results) >= 1, timeout=60000)
    view.cancel()
    rates = sweep.learning_rates()
    for plot in (view.loss_plot, view.dead_plot):
        lo, hi = plot.viewRange()[0]  # log10 units
        assert lo <= np.log10(rates.min()) and hi >= np.log10(rates.max())
        assert "x0.001" not in plot.getAxis("bottom").labelString().replace("×", "x")  # no SI prefix
