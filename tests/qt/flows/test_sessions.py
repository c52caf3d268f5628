"""Sessions in the window: save, reopen exactly, refuse bad files untouched, autosave."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from tests.core.test_session import bad_documents


@pytest.fixture(autouse=True)
def warnings(monkeypatch):
    """Record the warning dialogs instead of blocking on them."""
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    return shown


def snapshot(window):
    return (json.dumps(window.state.to_dict()), window.lab.config, window.lab.trainer.steps,
            [p.copy() for p in window.lab.trainer.net.parameters()], len(window.lab.pinned))


def same(a, b):
    return a[:3] == b[:3] and all(np.array_equal(x, y) for x, y in zip(a[3], b[3])) and a[4] == b[4]


def build_some_work(window):
    window.lab.apply(activation="relu", batch_size=32, momentum=0.5, width=6)
    window.lab.step(25)
    window.lab.pin()
    window.lab.step(5)
    window.lab.select(0, 2)  # makes ReLU current; then the student looks at ELU
    window.state.set_current("elu")
    window.state.set_param("elu", "alpha", 2.0)


def test_save_and_reopen_continues_exactly(make_window, tmp_path):
    first = make_window()
    build_some_work(first)
    path = tmp_path / "work.actx"
    assert first.files.save_session(str(path))
    second = make_window()
    second.lab.apply(activation="tanh")
    assert second.files.open_file(str(path))
    assert second.state.current == "elu" and second.state.params("elu")["alpha"] == 2.0
    assert second.lab.config == first.lab.config and second.lab.selection == (0, 2)
    assert len(second.lab.pinned) == 1 and len(second.lab_plots.ghosts) == 3
    assert second.lab_controls.fields["width"].box.value() == 6
    first.lab.step(10)
    second.lab.step(10)
    assert np.array_equal(first.lab.trainer.losses, second.lab.trainer.losses)
    assert str(path.resolve()) in second.sessions.recent()


def test_bad_files_are_refused_and_change_nothing(make_window, tmp_path, warnings):
    window = make_window()
    build_some_work(window)
    good = tmp_path / "good.actx"
    window.files.save_session(str(good))
    before = snapshot(window)
    cases = list(bad_documents(good.read_text(), count=60, seed=5))[::2]
    explorer_bad = json.loads(good.read_text())
    explorer_bad["explorer"]["current"] = "no_such_function"
    cases.append(("unknown current function", json.dumps(explorer_bad)))
    cases.append(("binary junk", "\x00\x01\x02"))
    for index, (what, text) in enumerate(cases):
        bad = tmp_path / f"bad{index}.actx"
        bad.write_text(text)
        assert not window.files.open_file(str(bad)), what
        assert same(snapshot(window), before), what
    assert len(warnings) == len(cases) and all("Nothing was changed" in text for _, text in warnings)
    assert not window.files.open_file(str(tmp_path / "missing.actx"))


def test_dropping_a_session_file_opens_it(qtbot, make_window, tmp_path):
    first = make_window()
    build_some_work(first)
    path = tmp_path / "dropped.actx"
    first.files.save_session(str(path))
    second = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    second.dropEvent(event)
    assert second.lab.trainer.steps == first.lab.trainer.steps


@pytest.mark.parametrize("kind", ["window_png", "window_svg", "training_png", "training_svg"])
def test_export_window_and_training_plots(make_window, tmp_path, kind):
    window = make_window()
    window.lab.step(5)
    path = tmp_path / ("out." + kind.split("_")[1])
    assert window.files.export(kind, str(path))
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG") if path.suffix == ".png" else b"<svg" in data[:3000]
    if kind == "window_png":
        from PySide6.QtGui import QImage

        assert QImage(str(path)).width() >= 1920  # slide-sized


def test_export_training_history_csv(make_window, tmp_path):
    window = make_window()
    for _ in range(4):
        window.lab.step(5)
    path = tmp_path / "history.csv"
    assert window.files.export("history_csv", str(path))
    rows = list(csv.reader(path.open()))
    assert rows[0][:3] == ["step", "train_loss", "test_loss"] and rows[0][-1] == "grad_norm_W3"
    assert [float(r[0]) for r in rows[1:]] == [0, 5, 10, 15, 20]


@pytest.mark.slow
def test_command_line_opens_a_session_and_refuses_a_bad_one(make_window, tmp_path):
    window = make_window()
    window.lab.step(12)
    good = tmp_path / "cli.actx"
    window.files.save_session(str(good))
    bad = tmp_path / "bad.actx"
    bad.write_text('{"format": "act-gui-session", "version": 99}')
    exe = str(Path(sys.executable).with_name("act-gui"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    ok = subprocess.run([exe, str(good), "--screenshot", str(tmp_path / "s.png")], env=env,
                        capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    shot = ["--screenshot", str(tmp_path / "x.png")]  # a script: no one to read a dialog
    refused = subprocess.run([exe, str(bad), *shot], env=env, capture_output=True, text=True, timeout=60)
    assert refused.returncode == 2 and "version 99" in refused.stderr
    missing = subprocess.run([exe, str(tmp_path / "nope.actx"), *shot], env=env, capture_output=True,
                             text=True, timeout=60)
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    unknown = json.loads(good.read_text())
    unknown["explorer"]["current"] = "no_such_function"
    bad.write_text(json.dumps(unknown))
    refused = subprocess.run([exe, str(bad), *shot], env=env, capture_output=True, text=True, timeout=60)
    assert refused.returncode == 2 and "no_such_function" in refused.stderr  # no modal dialog to wait on


@pytest.mark.parametrize("content", ['{"format": "act-gui-session", "version": 99}', None])
def test_a_bad_file_from_a_double_click_opens_the_window_and_says_why(make_window, tmp_path, warnings, content):
    from act_gui.options import Options

    path = tmp_path / "from-email.actx"
    if content is not None:
        path.write_text(content)
    window = make_window(Options(session=str(path)))
    assert window.isVisible() and window.lab.trainer.steps == 0
    assert warnings and "from-email.actx" in warnings[0][0]
    assert ("version 99" if content else "No such file") in warnings[0][1]
    assert "from-email.actx" in window.statusBar().currentMessage()


def test_a_run_that_blew_up_can_be_saved_and_reopened(make_window, tmp_path):
    first = make_window()
    first.lab.apply(lr=10.0, activation="identity", dataset="sine")
    first.lab.step(50)
    rows = first.lab.history.rows().copy()
    assert not np.isfinite(rows).all()  # infinite gradient norms on the way to diverging
    path = tmp_path / "blown.actx"
    assert first.files.save_session(str(path))
    second = make_window()
    assert second.files.open_file(str(path))
    assert np.array_equal(second.lab.history.rows(), rows)


def test_adding_a_step_on_a_full_disk_keeps_the_lesson_intact(make_window, tmp_path, full_disk, warnings):
    window = make_window()
    path = tmp_path / "my-lesson.json"
    for k in range(12):
        window.lab.step(1)
        assert window.files.save_state_as_step(str(path), f"Step {k + 1}", "What to notice.")
    before = path.read_bytes()
    with full_disk(len(before)):  # room for the old lesson, not for one step more
        assert not window.files.save_state_as_step(str(path), "Step 13", "One too many.")
    assert path.read_bytes() == before
    assert warnings and "Could not save the step" in warnings[-1][0]
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["my-lesson.json"]


@pytest.mark.parametrize("kind", ["png", "csv", "history_csv"])
def test_a_failed_export_keeps_the_old_file(make_window, tmp_path, full_disk, kind):
    window = make_window()
    path = tmp_path / f"export.{'png' if kind == 'png' else 'csv'}"
    path.write_bytes(b"the export from last week")
    window.lab.step(200)
    with full_disk(30):
        assert not window.files.export(kind, str(path))
    assert path.read_bytes() == b"the export from last week"
    assert "Export failed" in window.statusBar().currentMessage()
