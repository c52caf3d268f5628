"""Guard against the PySide6 build that kills animated apps (see DESIGN.md).

PySide6 6.12.0 on Python 3.11 drops a reference to None on every void Qt call; after a
few thousand plot updates the interpreter aborts with "none_dealloc". The dependency
pins avoid it; this test fails if a future pin lets it back in.
"""

import subprocess
import sys

import pytest

MANY_UPDATES = """
import numpy as np, pyqtgraph as pg
from PySide6.QtWidgets import QApplication

app = QApplication([])
plot = pg.PlotWidget()
plot.show()
curve = plot.plot()
x = np.linspace(-6, 6, 200)
for i in range(20000):
    curve.setData(x, np.tanh(x + i * 1e-3))
    curve.setPen(pg.mkPen(i % 7, width=2))
    if i % 20 == 0:
        app.processEvents()
print("done", i + 1)
"""


@pytest.mark.slow
def test_twenty_thousand_curve_updates_exit_cleanly():
    result = subprocess.run([sys.executable, "-c", MANY_UPDATES], capture_output=True, text=True,
                            timeout=600, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert "done 20000" in result.stdout
