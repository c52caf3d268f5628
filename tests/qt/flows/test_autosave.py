"""Autosave: the work comes back next time, whatever else happened in between."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from act_gui.options import Options


@pytest.fixture(autouse=True)
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    return shown


@pytest.fixture
def state_dir(isolated_settings):
    return isolated_settings.parent.parent.parent / "state"


def saved_steps(path: Path) -> int:
    from act_gui.core.files import session

    return session.parse(path.read_bytes()).lab.trainer.steps


def test_autosave_on_exit_restores_next_time_even_on_the_very_first_run(make_window, state_dir):
    assert not state_dir.exists()  # a first run: not even the folder is there yet
    first = make_window()
    first.lab.step(12)
    first.state.set_current("elu")
    first.close()
    second = make_window()
    assert second.lab.trainer.steps == 12 and second.state.current == "elu"
    second.commands["autosave"].trigger()  # off
    assert not second.autosave.enabled
    second.lab.step(3)
    second.close()
    third = make_window()
    assert third.lab.trainer.steps == 0  # nothing restored once autosave is off


def test_the_timer_writes_the_working_state(make_window):
    window = make_window()
    window.lab.step(7)
    assert window.autosave.timer.isActive()
    window.autosave.timer.timeout.emit()  # what the one-minute timer does
    assert saved_steps(window.autosave.path) == 7


def bad_autosaves(good: str) -> dict[str, str]:
    doc = json.loads(good)
    rng = json.loads(good)
    rng["lab"]["trainer"]["rng"]["state"]["state"] = 2**200  # out of the generator's range
    return {
        "not json": "{ not a session",
        "rng out of range": json.dumps(rng),
        "5000-digit integer": good.replace('"steps": ', '"steps": ' + "7" * 5000, 1),
        "deep nesting": "[" * 100_000 + "]" * 100_000,
        "wrong version": json.dumps({**doc, "version": 99}),
    }


def test_an_unusable_autosave_is_set_aside_and_the_app_starts_fresh(make_window, state_dir):
    window = make_window()
    window.lab.step(4)
    window.close()
    good = (state_dir / "autosave.actx").read_text()
    for what, text in bad_autosaves(good).items():
        for old in state_dir.glob("*unreadable*"):
            old.unlink()
        (state_dir / "autosave.actx").write_text(text)
        window = make_window()
        assert window.lab.trainer.steps == 0, what
        assert "could not be restored" in window.statusBar().currentMessage(), what
        aside = list(state_dir.glob("autosave-unreadable-*.actx"))
        assert len(aside) == 1 and aside[0].read_text() == text, what  # kept, not deleted
        window.lab.step(2)
        window.close()  # the fresh work is autosaved; the bad file stays aside
        assert saved_steps(state_dir / "autosave.actx") == 2 and aside[0].read_text() == text


def test_a_start_with_a_file_keeps_the_previous_autosave(make_window, state_dir, tmp_path):
    first = make_window()
    first.lab.step(9)
    first.files.save_session(str(tmp_path / "other.actx"))
    first.lab.step(1)
    first.close()  # autosave: 10 steps
    opened = make_window(Options(session=str(tmp_path / "other.actx")))
    assert opened.lab.trainer.steps == 9
    assert opened.autosave.timer.isActive()  # double-clicked files are autosaved too
    opened.lab.step(5)
    opened.close()
    assert saved_steps(state_dir / "autosave.actx") == 10  # the earlier work, untouched
    assert saved_steps(opened.autosave.path) == 14


def test_a_lesson_start_is_autosaved_without_touching_the_previous_work(make_window, state_dir):
    first = make_window()
    first.lab.step(6)
    first.close()
    lesson = make_window(Options(lesson="sigmoid"))
    assert lesson.autosave.timer.isActive() and lesson.autosave.path != state_dir / "autosave.actx"
    lesson.close()
    assert saved_steps(state_dir / "autosave.actx") == 6


def test_two_instances_keep_their_own_autosaves(make_window):
    one, two = make_window(), make_window()
    assert one.autosave.path != two.autosave.path
    one.lab.step(30)
    two.lab.step(3)
    two.close()
    one.close()  # the last to exit does not wipe the other's run
    assert saved_steps(one.autosave.path) == 30 and saved_steps(two.autosave.path) == 3


def test_a_failing_autosave_says_so_once_and_keeps_the_last_good_file(make_window, full_disk):
    window = make_window()
    window.lab.step(5)
    assert window.autosave.save()
    window.lab.step(5)
    messages = []
    window.autosave.problem.connect(messages.append)
    with full_disk(1000):  # far smaller than a session
        assert not window.autosave.save()
        assert not window.autosave.save()
    assert len(messages) == 1 and "Autosave failed" in messages[0]
    assert saved_steps(window.autosave.path) == 5  # the old file, intact
    assert not [p for p in window.autosave.path.parent.iterdir() if p.suffix not in (".actx", ".lock")]
    assert window.autosave.save() and saved_steps(window.autosave.path) == 10


@pytest.mark.slow
def test_a_killed_instance_does_not_keep_its_autosave_slot(make_window, state_dir, tmp_path):
    script = ("import os, sys, signal; from act_gui.qt.app import application, make_window; "
              "from act_gui.options import Options; application(); w = make_window(Options()); "
              "w.lab.step(8); w.autosave.save(); print(w.autosave.path, flush=True); "
              "os.kill(os.getpid(), signal.SIGKILL)")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == -9
    assert Path(result.stdout.strip()) == state_dir / "autosave.actx"
    window = make_window()  # the dead process's lock is stale: its slot and work come back
    assert window.autosave.path == state_dir / "autosave.actx" and window.lab.trainer.steps == 8


def test_many_starts_with_files_never_leave_a_window_without_autosave(make_window, state_dir, tmp_path):
    from act_gui.qt.storage.autosave import MAX_SLOTS

    first = make_window()
    first.lab.step(3)
    first.files.save_session(str(tmp_path / "work.actx"))
    first.close()  # slot 1: the plain start's work
    for _ in range(MAX_SLOTS + 2):  # a teacher opening a file every day
        window = make_window(Options(session=str(tmp_path / "work.actx")))
        assert window.autosave.path is not None and window.autosave.timer.isActive()
        assert window.autosave.path != state_dir / "autosave.actx"
        window.close()
    assert saved_steps(state_dir / "autosave.actx") == 3  # never reused
    assert list(state_dir.glob("autosave-*-earlier-*.actx"))  # older file work kept aside, not lost
