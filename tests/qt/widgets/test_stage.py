"""The lesson stage: the network or a lesson's own view in front; lesson views declared once."""

from PySide6.QtWidgets import QLabel

from act_gui.core.classroom import lessons
from act_gui.core.lab import LabConfig
from act_gui.qt.classroom.stage import LESSON_VIEWS, LessonStage


def test_every_view_a_lesson_may_name_has_a_declaration():
    assert set(lessons.VIEWS) == {"network"} | set(LESSON_VIEWS)


def test_views_are_built_when_first_shown_at_the_current_scale(qtbot, theme):
    stage = LessonStage(QLabel("network"), theme)
    qtbot.addWidget(stage)
    stage.set_scale(2.0)
    assert stage.current() == "network" and not stage.views
    stage.show("contours")
    assert stage.current() == "contours" and stage.views["contours"].isVisibleTo(stage)
    title = stage.views["contours"].panels[0]["plot"].titleLabel
    assert "pt" in title.opts.get("size", "")  # sized for the scale when built


def test_leaving_the_sweep_stops_its_thread(qtbot, theme):
    stage = LessonStage(QLabel("network"), theme)
    qtbot.addWidget(stage)
    stage.show("sweep", LabConfig(width=4))
    sweep = stage.views["sweep"]
    assert sweep.running
    stage.show("network")
    assert not sweep.running and stage.current() == "network"
