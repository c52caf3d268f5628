"""Exported SVGs look in librsvg (GNOME's image viewer, many converters) as the app's
own PNG export of the same plots does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Runs offscreen in a child process: the export, librsvg's rendering of it, and the
# comparison with the PNG export, both at a quarter of slide size.
SCRIPT = r"""
import json, subprocess, sys
import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from act_gui.options import Options
from act_gui.qt.app import application, dispose, make_window

kind, folder = sys.argv[1], sys.argv[2]
app = application()
window = make_window(Options())
window.persist = False
window.lab.step(20)
svg, png, drawn = (f"{folder}/{kind}.svg", f"{folder}/{kind}.png", f"{folder}/{kind}-rsvg.png")
window.files.export(kind, svg)
window.files.export(kind.replace("svg", "png"), png)
window.close()
dispose(window)
rendered = subprocess.run(["rsvg-convert", "-w", "480", "-h", "270", "-b", "white", svg, "-o", drawn])

def pixels(path):
    image = QImage(path).scaled(480, 270, Qt.IgnoreAspectRatio, Qt.SmoothTransformation)
    image = image.convertToFormat(QImage.Format_RGB32)
    data = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    return data.reshape(270, image.bytesPerLine())[:, :480 * 4].astype(float)

print(json.dumps({"rc": rendered.returncode, "difference": float(np.abs(pixels(drawn) - pixels(png)).mean())}))
"""


@pytest.mark.parametrize("kind", ["svg", "training_svg"])
def test_librsvg_draws_the_svg_like_the_png_export(tmp_path, kind):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ACT_GUI_CONFIG_DIR": str(tmp_path / "config"),
           "ACT_GUI_STATE_DIR": str(tmp_path / "state")}
    done = subprocess.run([sys.executable, "-c", SCRIPT, kind, str(tmp_path)], capture_output=True, text=True,
                          timeout=120, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["rc"] == 0
    assert result["difference"] < 4.0, result
