"""Widget tests build one widget alone, with its model and a theme: no window."""

import pytest

from act_gui.core.lab import LabConfig
from act_gui.qt.style import THEMES


@pytest.fixture
def theme():
    return THEMES["light"]


@pytest.fixture
def state(qtbot):
    from act_gui.qt.explorer.state import ExplorerState

    return ExplorerState()


@pytest.fixture
def lab(qtbot):
    from act_gui.qt.lab.controller import LabController

    return LabController(LabConfig(width=4))
