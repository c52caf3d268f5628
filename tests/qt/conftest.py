import pytest

from act_gui.options import Options


@pytest.fixture
def make_window(qtbot):
    """Build a main window the way ``act-gui`` does (optionally with CLI options)."""
    from act_gui.qt.app import application, make_window as build

    def factory(options: Options | None = None):
        application()
        window = build(options or Options())
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return factory


@pytest.fixture
def window(make_window):
    return make_window()
