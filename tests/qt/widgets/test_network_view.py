"""The network picture: one disc per unit, one line per weight, restyled every frame."""

from PySide6.QtCore import QPoint, Qt

from act_gui.qt.lab.network_view import NetworkView
from act_gui.qt.style import THEMES


def test_one_disc_per_unit_and_one_line_per_weight(qtbot, lab, theme):
    view = NetworkView(lab, theme)
    qtbot.addWidget(view)
    assert [len(column) for column in view.nodes] == lab.trainer.net.sizes
    assert [items.shape for items in view.edges] == [w.shape for w in lab.trainer.net.weights]


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
    colours = {item.pen().color().name().upper() for items in view.edges for item in items.ravel()}
    assert colours <= {THEMES["high_contrast"].positive, THEMES["high_contrast"].negative}
