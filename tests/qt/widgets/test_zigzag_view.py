"""Lesson 3's view: the descent zig-zags with positive inputs, goes straight when centred."""

from act_gui.qt.classroom.zigzag_view import ZigzagView
from act_gui.qt.style import THEMES


def test_the_positive_panel_zigzags_more_than_the_centred_one(qtbot, theme):
    view = ZigzagView(theme)
    qtbot.addWidget(view)
    positive, centred = view.panels
    assert positive["share"] > centred["share"]
    assert len(positive["path"].getData()[0]) > 2


def test_its_colours_come_from_the_theme(qtbot, theme):
    view = ZigzagView(theme)
    qtbot.addWidget(view)
    view.set_theme(THEMES["dark"])
    assert view.panels[0]["path"].opts["pen"].color().name().upper() == THEMES["dark"].path
