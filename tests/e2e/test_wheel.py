"""The wheel and the sdist build anywhere, with only the declared build requirements.

A fresh virtual environment builds the sdist and, from it, the wheel (PEP 517, isolated:
the build sees only `[build-system] requires`); another fresh one installs the wheel and
runs a lesson offscreen, as a user of `pip install act-gui` would.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ID = "io.github.act_gui.ActivationExplorer"


def run(*args, **kwargs):
    result = subprocess.run(list(map(str, args)), capture_output=True, text=True, timeout=900, **kwargs)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result


def test_the_sdist_and_the_wheel_build_and_the_installed_wheel_runs_a_lesson(tmp_path):
    builder = tmp_path / "build-env"
    run(sys.executable, "-m", "venv", builder)
    run(builder / "bin/python", "-m", "pip", "install", "-q", "build")
    out = tmp_path / "dist"
    run(builder / "bin/python", "-m", "build", "--outdir", out, ROOT)  # the wheel is built from the sdist
    sdist, = out.glob("act_gui-*.tar.gz")
    wheel, = out.glob("act_gui-*.whl")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for needed in ("Makefile", "tests/conftest.py", "tests/e2e/test_wheel.py", f"resources/desktop/{ID}.desktop",
                   "resources/desktop/act-gui-mime.xml", "packaging/build.sh", "packaging/act-gui.spec",
                   "act_gui/lessons", "benchmarks/bench.py"):
        assert any(name == needed or name.startswith(needed + "/") for name in names), needed
    assert not [name for name in names if "__pycache__" in name]

    user = tmp_path / "user-env"
    run(sys.executable, "-m", "venv", user)
    run(user / "bin/python", "-m", "pip", "install", "-q", wheel)
    shot = tmp_path / "lesson.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ACT_GUI_CONFIG_DIR": str(tmp_path / "config"),
           "ACT_GUI_STATE_DIR": str(tmp_path / "state")}
    run(user / "bin/act-gui", "--lesson", "tanh", "--step", "2", "--screenshot", shot, cwd=tmp_path, env=env)
    assert shot.stat().st_size > 10_000
