"""A seeded random user: thousands of clicks, drags, keys and typed junk over the whole
window. Any exception raised in a slot fails the test (pytest-qt captures them), and
the window must still be usable afterwards.
"""

from __future__ import annotations

import json
import os
import random

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (QAbstractButton, QAbstractSlider, QAbstractSpinBox, QComboBox, QFileDialog,
                               QInputDialog, QLineEdit, QMessageBox, QWidget)

from act_gui.options import Options

EVENTS = 2000
JUNK = ["1e9", "nan", "-inf", "", "0", "-0", "999999", "-1e-320", "1e308", "abc", "3.5", "-7", "١٢", "1,5",
        "inf", "+", ".", "1e", "0x10", "  42  ", "9" * 40]
CLICKER_KEYS = [Qt.Key_PageDown, Qt.Key_PageUp, Qt.Key_Right, Qt.Key_Left, Qt.Key_Space, Qt.Key_Backspace,
                Qt.Key_B, Qt.Key_Period, Qt.Key_Escape, Qt.Key_F5, Qt.Key_A, Qt.Key_Return]
#: Actions left out: Quit ends the test's window, and Presentation mode is driven by F5 above.
SKIPPED_ACTIONS = {"quit"}


@pytest.fixture
def files(tmp_path):
    """What the file dialogs 'choose': nothing, good and hostile files, new names."""
    good = tmp_path / "good.actx"
    bad_session = tmp_path / "bad.actx"
    bad_session.write_text('{"format": "act-gui-session", "version": 1, "lab": 5}')
    bad_lesson = tmp_path / "bad.json"
    bad_lesson.write_text(json.dumps({"format": "act-gui-lesson", "version": 1, "steps": [{"select": [True, None]}]}))
    fifo = tmp_path / "pipe.actx"
    os.mkfifo(fifo)
    return {"open": ["", "", str(good), str(bad_session), str(bad_lesson), str(fifo), str(tmp_path / "missing.actx")],
            "save": ["", "", str(good), str(tmp_path / "out"), str(tmp_path / "lesson.json"), str(fifo),
                     str(tmp_path / "no-folder" / "x.actx")]}


@pytest.fixture
def no_blocking_dialogs(monkeypatch, files):
    """Dialogs answer at once, as a user clicking around might."""
    rng = random.Random(7)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (rng.choice(files["open"]), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (rng.choice(files["save"]), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (rng.choice(["A step", "", "x" * 300]), rng.random() < 0.7))
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("What to see.", rng.random() < 0.7))
    for name in ("warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: QMessageBox.Ok)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)


def targets(window) -> list[QWidget]:
    kinds = (QAbstractButton, QAbstractSlider, QAbstractSpinBox, QComboBox, QLineEdit)
    return [w for w in window.findChildren(QWidget) if isinstance(w, kinds) and w.isVisible() and w.isEnabled()
            and not isinstance(w.parent(), QAbstractSpinBox)]


def random_event(rng: random.Random, window, qtbot) -> None:
    roll = rng.random()
    if roll < 0.12:
        QTest.keyClick(window, rng.choice(CLICKER_KEYS))
        return
    if roll < 0.22:
        name = rng.choice(sorted(set(window.commands) - SKIPPED_ACTIONS))
        window.commands[name].trigger()
        return
    if roll < 0.30:
        view = rng.choice([window.network_view.viewport(), window.plots.viewport()])
        if view.isVisible():
            point = QPoint(rng.randrange(max(1, view.width())), rng.randrange(max(1, view.height())))
            qtbot.mouseClick(view, Qt.LeftButton, pos=point)
        return
    if roll < 0.34:
        qtbot.wait(rng.choice([1, 20, 50]))  # let timers run: Play, the sweep, autosave
        return
    widgets = targets(window)
    if not widgets:
        return
    widget = rng.choice(widgets)
    if isinstance(widget, QAbstractButton):
        widget.click()
    elif isinstance(widget, QAbstractSlider):
        widget.setValue(rng.randint(widget.minimum(), widget.maximum()))
    elif isinstance(widget, QComboBox):
        if widget.count():
            widget.setCurrentIndex(rng.randrange(widget.count()))
    elif isinstance(widget, QAbstractSpinBox):
        edit = widget.lineEdit()
        edit.selectAll()
        edit.insert(rng.choice(JUNK))  # as typed (the field's validator applies), any script
        QTest.keyClick(edit, Qt.Key_Return)
        widget.clearFocus()  # commits like leaving the field
    elif isinstance(widget, QLineEdit):
        widget.setText(rng.choice(JUNK + ["relu", "sig", "tanh"]))
        QTest.keyClick(widget, Qt.Key_Return)


def still_usable(window) -> None:
    window.lab.step(3)
    window.state.set_current("relu")
    assert window.state.current == "relu" and window.isVisible()


@pytest.mark.slow
def test_random_use_at_1280x800_raises_nothing(qtbot, make_window, no_blocking_dialogs):
    window = make_window()
    window.resize(1280, 800)
    rng = random.Random(2026)
    for _ in range(EVENTS):
        random_event(rng, window, qtbot)
    window.presentation.stop()
    still_usable(window)


@pytest.mark.slow
def test_random_use_in_presentation_mode_with_a_lesson_raises_nothing(qtbot, make_window, no_blocking_dialogs):
    window = make_window(Options(lesson="dead-neurons"))
    window.presentation.start()
    rng = random.Random(1974)
    for _ in range(EVENTS):
        if not window.presentation.active and rng.random() < 0.2:
            window.presentation.start()  # mostly in presentation, as in a lecture
        random_event(rng, window, qtbot)
    window.presentation.stop()
    still_usable(window)
