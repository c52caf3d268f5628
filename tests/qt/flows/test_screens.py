"""Every classroom screen: the window fits, plots stay readable, no label or button is cut.

Each size runs in its own process (a QApplication takes its screens when it starts),
on Qt's offscreen platform given a virtual screen of that size; tests/qt/layout_probe.py
builds the real window and reports every problem it sees.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SIZES = [(1024, 768), (1280, 720), (1366, 768), (1920, 1080)]
ROOT = Path(__file__).resolve().parents[3]


def probe(tmp_path, width, height, *flags):
    env = {**os.environ, "ACT_GUI_CONFIG_DIR": str(tmp_path / "config"), "ACT_GUI_STATE_DIR": str(tmp_path / "state")}
    result = subprocess.run([sys.executable, "-m", "tests.qt.layout_probe", str(width), str(height), *flags],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.slow
@pytest.mark.parametrize("width, height", SIZES)
def test_the_first_window_fits_the_screen_with_readable_plots(tmp_path, width, height):
    assert probe(tmp_path, width, height) == []


@pytest.mark.slow
@pytest.mark.parametrize("width, height", SIZES)
def test_every_lesson_step_fits_the_projector_in_presentation_mode(tmp_path, width, height):
    assert probe(tmp_path, width, height, "--present") == []
