"""The network picture: one disc per unit, one line per weight in the style of its sign
and size, drawn as one path per style level so its cost does not grow with every edge."""

import numpy as np
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from act_gui.qt.lab.network_view import EDGE_LEVELS, NetworkView, edge_levels
from act_gui.qt.style import THEMES


def drawn_lines(view):
    """How many lines are drawn at each style level."""
    return {level: len(lines) for level, lines in view.edge_layer.lines.items()}


def test_one_disc_per_unit_and_one_line_per_weight_in_its_style(qtbot, lab, theme):
    view = NetworkView(lab, theme)
    qtbot.addWidget(view)
    lab.step(20)
    assert [len(column) for column in view.nodes] == lab.trainer.net.sizes
    weights = lab.trainer.net.weights
    assert [levels.shape for levels in view.edge_levels] == [w.shape for w in weights]
    largest = max(float(np.abs(w).max()) for w in weights)
    expected = np.concatenate([edge_levels(w, largest).ravel() for w in weights])
    assert np.array_equal(np.concatenate([levels.ravel() for levels in view.edge_levels]), expected)
    counts = drawn_lines(view)
    assert sum(counts.values()) == sum(w.size for w in weights)
    for level, count in counts.items():  # each level holds exactly the edges of that sign and size
        assert count == int(np.sum(expected == level))


def test_the_picture_has_a_few_edge_items_however_many_weights(qtbot, lab, theme):
    view = NetworkView(lab, theme)
    qtbot.addWidget(view)
    lab.apply(hidden_layers=6, width=16)
    edges = sum(w.size for w in lab.trainer.net.weights)
    assert edges == 1328 and sum(drawn_lines(view).values()) == edges
    assert len(view.edge_layer.lines) <= 2 * EDGE_LEVELS
    # a few items per unit (disc, half, cross) and the labels; one for all the edges
    assert len(view.scene().items()) < 1 + 6 * sum(lab.trainer.net.sizes) + 30 < edges


def test_while_playing_the_edges_follow_at_most_ten_times_a_second(qtbot, lab, theme):
    view = NetworkView(lab, theme)
    qtbot.addWidget(view)
    lab.apply(lr=2.0)
    lab.set_steps_per_frame(5)
    before = view.edge_redraws
    lab.play()
    qtbot.wait(500)  # ~30 frames at the app's 60 fps cap
    lab.pause()
    during = view.edge_redraws - before
    assert 1 <= during <= 8  # 10 a second at most, plus the redraw on pausing
    largest = max(float(np.abs(w).max()) for w in lab.trainer.net.weights)
    assert np.array_equal(view.edge_levels[0], edge_levels(lab.trainer.net.weights[0], largest))  # exact once paused


def test_a_new_architecture_rebuilds_the_picture(qtbot, lab, theme):
    view = NetworkView(lab, theme)
    qtbot.addWidget(view)
    lab.apply(hidden_layers=3, width=6)
    assert [len(column) for column in view.nodes] == [2, 6, 6, 6, 1]


def test_clicking_a_unit_selects_it(qtbot, lab, theme):
    view = NetworkView(lab, theme)
    qtbot.addWidget(view)
    view.resize(800, 450)
    view.show()
    qtbot.waitExposed(view)
    node = view.nodes[1][2]
    centre = view.mapFromScene(node.sceneBoundingRect().center())
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=QPoint(centre.x(), centre.y()))
    assert lab.selection == (0, 2)


def test_edges_take_their_colours_from_the_theme(qtbot, lab, theme):
    view = NetworkView(lab, theme)
    qtbot.addWidget(view)
    view.set_theme(THEMES["high_contrast"])
    theme = THEMES["high_contrast"]
    pens = view.edge_layer.pens
    def distance(pen, name):
        return max(abs(a - b) for a, b in zip(pen.color().getRgb()[:3], QColor(name).getRgb()[:3]))
    # the largest weights in the theme's sign colours, the smallest faded towards the background
    assert distance(pens[EDGE_LEVELS], theme.positive) <= 8 and distance(pens[-EDGE_LEVELS], theme.negative) <= 8
    assert distance(pens[1], theme.plot_background) < distance(pens[1], theme.positive)
    assert all(pen.color().alpha() == 255 for pen in pens.values())  # opaque: fast to draw
