"""The training plots: loss, dead and saturated shares, gradient norms, the fit."""

import numpy as np
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
    assert THEMES["dark"].train in colours


def test_the_decision_surface_is_the_networks_prediction(qtbot, lab, theme):
    plots = LabPlots(lab, theme)
    qtbot.addWidget(plots)
    lab.step(5)
    image = plots.surface.image
    assert image.shape == (64, 64) and np.all((image >= 0) & (image <= 1))
