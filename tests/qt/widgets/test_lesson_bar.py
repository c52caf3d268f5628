"""The lesson bar: title, step k of n, caption, Previous / Next."""

from PySide6.QtWidgets import QLabel

from act_gui.qt.classroom.lesson_bar import LessonBar
from act_gui.qt.classroom.lesson_player import LessonPlayer
from act_gui.qt.classroom.stage import LessonStage


def make_bar(qtbot, state, lab, theme):
    stage = LessonStage(QLabel("network"), theme)
    qtbot.addWidget(stage)
    player = LessonPlayer(state, lab, stage)
    bar = LessonBar(player)
    qtbot.addWidget(bar)
    return bar, player


def test_hidden_without_a_lesson_and_showing_the_step_with_one(qtbot, state, lab, theme):
    bar, player = make_bar(qtbot, state, lab, theme)
    assert bar.isHidden()
    assert player.open("relu")
    assert not bar.isHidden()
    assert bar.position.text() == f"Step 1 of {len(player.lesson.steps)}"
    assert bar.caption.text() == player.lesson.steps[0].caption
    assert not bar.previous_button.isEnabled() and bar.next_button.isEnabled()


def test_next_and_previous_set_up_the_steps(qtbot, state, lab, theme):
    bar, player = make_bar(qtbot, state, lab, theme)
    player.open("relu")
    bar.next_button.click()
    assert player.index == 1 and bar.position.text().startswith("Step 2")
    bar.previous_button.click()
    assert player.index == 0
    bar.close_button.click()
    assert player.lesson is None
