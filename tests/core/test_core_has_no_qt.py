"""act_gui.core must work where no Qt binding is installed (a teacher's notebook)."""

import subprocess
import sys

import pytest

BLOCK_QT_AND_IMPORT_CORE = """
import importlib, pkgutil, sys
for name in ("PySide6", "PyQt5", "PyQt6", "shiboken6", "pyqtgraph"):
    sys.modules[name] = None  # any import of these now raises ImportError
import act_gui.core

for info in pkgutil.walk_packages(act_gui.core.__path__, "act_gui.core."):
    importlib.import_module(info.name)
print(sorted(m for m in sys.modules if m.startswith("act_gui.core")))
"""


@pytest.mark.slow
def test_every_core_module_imports_without_qt():
    result = subprocess.run([sys.executable, "-c", BLOCK_QT_AND_IMPORT_CORE],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "act_gui.core.activations" in result.stdout
