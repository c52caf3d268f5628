"""Firing rates you can see: per class (a split fill) and for the sample under the mouse."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF

from act_gui.core.lab import LabConfig
from act_gui.qt.lab.network_view import FIRING_MAP, NetworkView
from act_gui.qt.lab.plots import LabPlots


@pytest.fixture
def trained(qtbot):
    from act_gui.qt.lab.controller import LabController

    lab = LabController(LabConfig(activation="sigmoid", dataset="gaussians", hidden_layers=1, width=6, lr=1.0))
    lab.step(300)
    return lab


def colour(value):
    return FIRING_MAP.map(float(value), mode="qcolor").name()


def test_split_fill_shows_each_class_mean(qtbot, trained, theme):
    view = NetworkView(trained, theme)
    qtbot.addWidget(view)
    trained.set_unit_colour("classes")
    stats = trained.stats
    X, y = trained.trainer.dataset.X_train, trained.trainer.dataset.y_train
    outputs = trained.trainer.net.forward(X).inputs[1]
    for unit, node in enumerate(view.nodes[1]):
        class0, class1 = (stats.display(0, outputs[y == c].mean(axis=0))[unit] for c in (0, 1))
        assert node.brush().color().name() == colour(class0)
        assert view.halves[(0, unit)].isVisible() and view.halves[(0, unit)].brush().color().name() == colour(class1)
    assert "class 0" in view.key_text and "class 1" in view.key_text and "saturated" in view.key_text
    # after training, the classes' means differ where the overall mean sits near the middle
    assert np.max(np.abs(stats.class_display[0][0] - stats.class_display[0][1])) > 0.5
    trained.set_unit_colour("mean")
    assert not any(half.isVisible() for half in view.halves.values())
    assert "all the data" in view.key_text


def test_hovering_a_point_shows_that_samples_activity(qtbot, trained, theme):
    plots = LabPlots(trained, theme)
    view = NetworkView(trained, theme)
    for widget in (plots, view):
        qtbot.addWidget(widget)
    plots.resize(800, 600)
    plots.show()
    qtbot.waitExposed(plots)
    plots.grab()  # drawn once: the surface's range is set
    box = plots.fit_plot.getViewBox()
    point = trained.trainer.dataset.X_test[3]
    plots.scene().sigMouseMoved.emit(box.mapViewToScene(pg.Point(*point)))  # the mouse on that point
    assert trained.hovered_sample is not None and np.allclose(trained.hovered_sample[0], point)
    activity = trained.trainer.net.forward(point[None]).inputs[1][0]
    for unit, node in enumerate(view.nodes[1]):
        assert node.brush().color().name() == colour(trained.stats.display(0, activity)[unit])
    assert "sample" in view.key_text
    plots.scene().sigMouseMoved.emit(box.sceneBoundingRect().topLeft() - QPointF(5, 5))  # off the surface
    assert trained.hovered_sample is None and "all the data" in view.key_text


def test_many_inputs_are_drawn_compactly_and_predictions_replace_the_surface(qtbot, theme):
    from act_gui.qt.lab.controller import LabController

    lab = LabController(LabConfig(dataset="teacher", inputs=50, hidden_layers=1, width=16, activation="sigmoid"))
    view, plots = NetworkView(lab, theme), LabPlots(lab, theme)
    for widget in (view, plots):
        qtbot.addWidget(widget)
    assert len(view.nodes[0]) == 1 and view.edge_levels[0].shape == (1, 16)  # one tall node, one edge per unit
    lab.step(20)
    data = lab.trainer.dataset
    xs, ys = plots.points.getData()
    assert len(xs) == len(data.X_test)
    expected = lab.trainer.net.predict(data.X_test)[np.argsort(data.y_test, kind="stable")]
    np.testing.assert_allclose(ys, expected)  # each test sample at its predicted probability
    assert "test accuracy" in plots.key_labels["fit"].text
