"""Lessons, the lesson bar, presentation mode with a clicker, UI scale and themes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from act_gui.core.classroom import lessons


@pytest.fixture(autouse=True)
def quiet_dialogs(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    return shown


def wait_for_training(qtbot, window):
    qtbot.waitUntil(lambda: not window.lab.playing, timeout=30000)


def test_a_lesson_step_sets_up_its_whole_state(qtbot, window):
    assert window.files.start_lesson("dead-neurons")
    bar = window.lesson_bar
    steps = len(window.lessons.lesson.steps)
    assert steps >= 3 and bar.isVisible() and bar.position.text() == f"Step 1 of {steps}"
    assert "learning rate of 3" in bar.caption.text()
    assert window.lab.config.lr == 3.0 and window.lab.config.activation == "relu"
    assert window.state.current == "relu"
    wait_for_training(qtbot, window)  # the step plays its 500 steps, animated
    assert window.lab.trainer.steps == 500
    assert window.lab.stats.dead_fraction >= 0.3 and window.lab.selection == (0, 2)
    assert window.plots.histograms[0].isVisible()


def test_every_step_runs_the_same_way_every_time(qtbot, window):
    window.files.start_lesson("tanh", 2)
    wait_for_training(qtbot, window)
    first = window.lab.trainer.losses.copy()
    window.lessons.next()  # away and back
    window.lessons.previous()
    window.lessons.go(2)
    wait_for_training(qtbot, window)
    assert np.array_equal(window.lab.trainer.losses, first)
    assert len(window.lab.pinned) == 1 and "sigmoid" in window.lab.pinned[0].label
    assert len(window.lab_plots.ghosts) == 3


def test_presentation_mode_and_the_clicker(qtbot, window):
    window.files.start_lesson("dead-neurons")
    window.commands["present"].trigger()  # F5
    mode = window.presentation
    assert mode.active and window.isFullScreen()
    assert not window.docks[0].isVisible() and not window.menuBar().isVisible()
    assert window.ui_scale >= 1.25  # 1.75 from 1200 pixels wide up (tests/qt/flows/test_screens.py)
    target = window.plots  # clicker keys work whatever has the focus
    for key, expected in ((Qt.Key_PageDown, 1), (Qt.Key_Right, 2), (Qt.Key_PageUp, 1), (Qt.Key_Left, 0),
                          (Qt.Key_Space, 1), (Qt.Key_Backspace, 0)):
        qtbot.keyClick(target, key)
        assert window.lessons.index == expected, key
    qtbot.keyClick(target, Qt.Key_B)
    assert mode.blank.isVisible()
    qtbot.keyClick(target, Qt.Key_X)  # any key brings the picture back, and does nothing else
    assert not mode.blank.isVisible() and window.lessons.index == 0
    qtbot.keyClick(target, Qt.Key_Period)
    assert mode.blank.isVisible()
    qtbot.keyClick(target, Qt.Key_PageDown)
    assert not mode.blank.isVisible() and window.lessons.index == 0
    qtbot.keyClick(target, Qt.Key_Escape)
    assert not mode.active and not window.isFullScreen()
    assert window.docks[0].isVisible() and window.menuBar().isVisible() and window.ui_scale == 1.0


def test_presentation_keeps_the_chosen_theme(qtbot, window):
    window.set_theme("high_contrast")
    window.presentation.start()
    assert window.lessons.lesson.id == "sigmoid" and window.theme.name == "high_contrast"
    window.presentation.stop()
    assert window.theme.name == "high_contrast"


def users_work(window):
    return (json.dumps(window.state.to_dict()), window.lab.config, window.lab.trainer.steps,
            window.lab.trainer.losses.copy(), [p.label for p in window.lab.pinned], window.lab.selection)


def make_some_work(window):
    window.state.set_current("elu")
    window.state.set_param("elu", "alpha", 2.0)
    window.lab.apply(activation="leaky_relu", width=5)
    window.lab.step(30)
    window.lab.pin()
    window.lab.step(7)
    window.lab.select(1, 2)


def same_work(a, b):
    return a[:3] == b[:3] and np.array_equal(a[3], b[3]) and a[4:] == b[4:]


def test_f5_then_esc_gives_back_the_users_own_work_exactly(qtbot, window):
    make_some_work(window)
    before = users_work(window)
    lab_dock_width = window.docks[2].width()
    window.commands["present"].trigger()  # F5: lesson 1 over the user's work
    assert window.lessons.lesson is not None and window.state.current != "elu"
    window.lessons.next()
    qtbot.keyClick(window.plots, Qt.Key_Escape)
    assert not window.presentation.active and window.lessons.lesson is None
    assert same_work(users_work(window), before)
    assert window.docks[2].width() == lab_dock_width  # the Lab panel is as wide as before


def test_closing_a_lesson_gives_back_the_users_work_and_the_network(qtbot, window):
    make_some_work(window)
    before = users_work(window)
    window.files.start_lesson("learning-rate-sweep")
    assert window.stage.current() == "sweep"
    window.lesson_bar.close_button.click()
    assert same_work(users_work(window), before)
    assert window.stage.current() == "network" and not window.stage.view("sweep").running


def test_autosave_during_a_lesson_writes_the_users_work_not_the_lessons(qtbot, window):
    from act_gui.core.files import session

    make_some_work(window)
    mine = window.state.to_dict()
    window.files.start_lesson("dead-neurons")
    assert window.autosave.save()
    saved = session.parse(window.autosave.path.read_bytes())
    assert saved.explorer == mine and saved.lab.config.activation == "leaky_relu"
    assert saved.lab.trainer.steps == 37 and window.lab.config.activation == "relu"


def test_opening_a_session_leaves_the_lesson(qtbot, window, tmp_path):
    window.files.save_session(str(tmp_path / "mine.actx"))
    window.files.start_lesson("learning-rate-sweep")
    assert window.files.open_file(str(tmp_path / "mine.actx"))
    assert window.lessons.lesson is None and not window.lesson_bar.isVisible()
    assert window.stage.current() == "network"


def test_clicker_keys_leave_dialogs_and_text_fields_alone(qtbot, window):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QInputDialog

    window.files.start_lesson("dead-neurons")
    window.presentation.start()
    window.lessons.next()
    seen = []

    def type_in_the_dialog():
        dialog = QApplication.activeModalWidget()
        for key in (Qt.Key_B, Qt.Key_Backspace, Qt.Key_PageDown):
            qtbot.keyClick(dialog.focusWidget(), key)
        seen.append((window.lessons.index, window.presentation.blank.isVisible(), window.presentation.active))
        qtbot.keyClick(dialog.focusWidget(), Qt.Key_Escape)  # cancels the dialog, not presentation

    QTimer.singleShot(100, type_in_the_dialog)
    text, ok = QInputDialog.getText(window, "Step title", "Title:")
    assert seen == [(1, False, True)] and not ok and window.presentation.active
    window.view_controls.probe.setFocus()
    qtbot.keyClick(window.view_controls.probe.lineEdit(), Qt.Key_Backspace)  # editing, not stepping back
    assert window.lessons.index == 1


def test_lesson_three_brings_the_zigzag_contours_to_the_front(qtbot, window):
    window.files.start_lesson("zero-centred")
    assert window.stage.current() == "contours"
    positive, centred = window.stage.view("contours").panels
    assert positive["share"] == 1.0 and centred["share"] < 0.75
    assert centred["reached"] * 2 < positive["reached"]
    path_x, path_y = positive["path"].getData()
    assert len(path_x) == 121
    window.commands["show_network"].trigger()
    assert window.stage.current() == "network"


def test_lesson_seven_sweeps_in_the_background(qtbot, window):
    window.files.start_lesson("learning-rate-sweep")
    view = window.stage.view("sweep")
    assert window.stage.current() == "sweep" and view.running
    qtbot.waitUntil(lambda: not view.running, timeout=120000)  # the event loop kept running meanwhile
    assert view.progress.value() == view.progress.maximum() == 26
    relu = [r for r in view.results if r.activation == "relu"]
    leaky = [r for r in view.results if r.activation == "leaky_relu"]
    assert max(r.dead_fraction for r in relu) >= 0.3 and all(r.dead_fraction == 0 for r in leaky)
    rates, dead = view.curves[(False, "relu")].getOriginalDataset()
    assert len(rates) == 13 and dead.max() >= 30


def test_save_the_current_state_as_a_step_and_play_it_back(qtbot, make_window, tmp_path):
    window = make_window()
    window.lab.apply(activation="elu", width=5)
    window.lab.step(40)
    window.state.set_current("elu")
    path = tmp_path / "my-lesson.json"
    assert window.files.save_state_as_step(str(path), "ELU after 40 steps", "Look at the negative side.")
    window.state.set_probe(-2.0)
    assert window.files.save_state_as_step(str(path), "Probe at −2", "Read off the slope.")
    saved = lessons.load(path)
    assert [s.title for s in saved.steps] == ["ELU after 40 steps", "Probe at −2"]
    other = make_window()
    assert other.files.open_file(str(path))  # File > Open takes lesson files too
    assert other.lab.config.activation == "elu" and other.lab.trainer.steps == 40
    assert np.array_equal(other.lab.trainer.losses, window.lab.trainer.losses)
    other.lessons.next()
    assert other.state.probe == -2.0
    assert not window.files.save_state_as_step(str(path), "x" * 500, "Too long a title.")
    assert len(lessons.load(path).steps) == 2  # the file was left as it was


def test_a_bad_lesson_file_is_refused(window, tmp_path, quiet_dialogs):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "act-gui-lesson", "version": 1, "id": "x", "title": "x", "steps": [{}]}')
    steps_before = window.lab.trainer.steps
    assert not window.files.open_file(str(bad))
    assert quiet_dialogs and "title" in quiet_dialogs[0] and window.lab.trainer.steps == steps_before
    assert window.lessons.lesson is None


def test_ui_scale_grows_fonts_and_pens(window):
    size = QApplication.instance().font().pointSizeF()
    f_item, _ = window.plots.curve_items[window.state.slot(window.state.current)]
    width = f_item.opts["pen"].widthF()
    window.set_ui_scale(2.0)
    assert QApplication.instance().font().pointSizeF() == pytest.approx(2 * 10.0)
    assert f_item.opts["pen"].widthF() == pytest.approx(2 * width)
    assert window.lesson_bar.caption.font().pointSizeF() == pytest.approx(30)
    window.set_ui_scale(1.0)
    assert QApplication.instance().font().pointSizeF() == pytest.approx(size)
    with pytest.raises(ValueError):
        window.set_ui_scale(5.0)


def test_high_contrast_theme(window):
    window.commands["theme_high_contrast"].trigger()
    assert window.plots.backgroundBrush().color().name() == "#000000"
    assert window.theme.curve_colour(0) == "#F0E442"


@pytest.mark.slow
@pytest.mark.parametrize("args, message", [(["--lesson", "nope"], "no built-in lesson"),
                                           (["--lesson", "relu", "--step", "9"], "steps 1 to 3"),
                                           (["--step", "2"], "--step needs --lesson")])
def test_lesson_arguments_are_checked(args, message):
    exe = str(Path(sys.executable).with_name("act-gui"))
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    result = subprocess.run([exe, *args], capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 2 and message in result.stderr


def test_presentation_mode_smooths_the_curves_and_restores_them(window):
    f_item, _ = window.plots.curve_items[window.state.slot(window.state.current)]
    assert not f_item.curve.opts["antialias"]
    window.presentation.start()
    assert f_item.curve.opts["antialias"] and window.lab_plots.train_curve.curve.opts["antialias"]
    window.presentation.stop()
    assert not f_item.curve.opts["antialias"]


def test_a_lesson_view_built_in_presentation_mode_gets_the_large_type(window):
    window.presentation.start()
    window.files.start_lesson("zero-centred")
    title = window.stage.view("contours").panels[0]["plot"].titleLabel
    assert "pt" in title.opts.get("size", "") and float(title.opts["size"][:-2]) > 12
    window.presentation.stop()


@pytest.mark.parametrize("interruption", ["close lesson", "other lesson", "open session", "close window"])
def test_the_sweep_stops_and_is_joined_whatever_interrupts_it(qtbot, make_window, tmp_path, interruption):
    window = make_window()
    window.files.save_session(str(tmp_path / "s.actx"))
    window.files.start_lesson("learning-rate-sweep")
    view = window.stage.view("sweep")
    qtbot.waitUntil(lambda: len(view.results) >= 1, timeout=60000)  # mid-sweep
    assert view.running
    {"close lesson": window.lessons.close,
     "other lesson": lambda: window.files.start_lesson("relu"),
     "open session": lambda: window.files.open_file(str(tmp_path / "s.actx")),
     "close window": window.close}[interruption]()
    assert not view.running  # the worker thread has ended: nothing can outlive the window
    count = len(view.results)
    qtbot.wait(300)
    assert len(view.results) == count  # and nothing arrives from it afterwards


@pytest.mark.slow
def test_a_screenshot_of_the_sweep_lesson_exits_cleanly(tmp_path):
    shot = tmp_path / "sweep.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "act_gui", "--lesson", "learning-rate-sweep",
                             "--screenshot", str(shot)], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.stat().st_size > 0


def heavy_lesson(path):
    heavy = {"hidden_layers": 6, "width": 16, "points": 5000, "dataset": "spiral"}
    doc = {"format": "act-gui-lesson", "version": 1, "id": "heavy", "title": "Heavy", "steps": [
        {"title": "Long training", "caption": "Trains for a long time before it is shown.",
         "lab": heavy, "train": 100_000,
         "compare": [{"label": f"run {i}", "lab": heavy, "train": 100_000} for i in range(4)]}]}
    path.write_text(json.dumps(doc))
    return path


def test_a_long_lesson_set_up_shows_progress_and_can_be_cancelled(qtbot, window, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    window.lab.step(3)
    before = (window.lab.config, window.lab.trainer.steps, window.state.current)
    seen = []

    def press_cancel():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QProgressDialog):
            seen.append(dialog.labelText())
            dialog.cancel()
        else:
            QTimer.singleShot(50, press_cancel)

    QTimer.singleShot(50, press_cancel)
    assert not window.files.start_lesson(str(heavy_lesson(tmp_path / "heavy.json")))
    assert seen and "Long training" in seen[0]
    assert (window.lab.config, window.lab.trainer.steps, window.state.current) == before
    assert window.lessons.lesson is None
    assert "cancelled" in window.statusBar().currentMessage()
