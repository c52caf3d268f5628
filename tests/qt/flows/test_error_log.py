"""Problems are written where the user (or whoever helps them) can find them."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from act_gui.qt.storage import error_log


@pytest.fixture
def logging_on(isolated_settings):
    path = error_log.start_logging()
    yield path
    error_log.stop_logging()


def test_warnings_go_to_a_log_in_the_state_folder(logging_on, isolated_settings):
    assert logging_on == isolated_settings.parent.parent.parent / "state" / "act-gui.log"
    logging.getLogger("act_gui.qt.storage.autosave").warning("autosave to %s failed: %s", "x.actx", "disk full")
    assert "autosave to x.actx failed: disk full" in logging_on.read_text()


def test_an_uncaught_exception_is_logged_and_shown_and_the_app_goes_on(logging_on, window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    assert sys.__excepthook__ is not error_log.report_uncaught
    try:
        raise RuntimeError("a bug " + "x" * 1000)
    except RuntimeError:
        error_log.report_uncaught(*sys.exc_info())  # what sys.excepthook is outside the tests
    assert len(shown) == 1 and "RuntimeError: a bug" in shown[0] and str(logging_on) in shown[0]
    assert len(shown[0]) < 500  # a summary, not the whole message
    assert "Traceback" in logging_on.read_text() and "RuntimeError" in logging_on.read_text()
    window.lab.step(1)  # still working
    assert window.isVisible() and window.lab.trainer.steps == 1


def test_help_opens_the_log_folder(window, monkeypatch, isolated_settings):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    window.commands["show_log_folder"].trigger()
    assert opened == [str(isolated_settings.parent.parent.parent / "state")]


@pytest.mark.slow
def test_a_hard_crash_leaves_its_stack_in_the_crash_log(tmp_path):
    script = ("from act_gui.qt.app import application; from act_gui.qt.storage import error_log; "
              "application(); error_log.start_logging(); import ctypes; ctypes.string_at(0)")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ACT_GUI_STATE_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    crash = (tmp_path / "act-gui-crash.log").read_text()
    assert "Fatal Python error" in crash and "string_at" in crash
