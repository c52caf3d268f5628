import pytest

from act_gui.options import Options


@pytest.fixture
def make_window(qtbot):
    """Build a main window the way ``act-gui`` does (optionally with CLI options); each
    is closed and its Qt objects deleted after the test, as ``act-gui`` does on exit."""
    from act_gui.qt.app import application, dispose, make_window as build

    built = []

    def factory(options: Options | None = None):
        application()
        window = build(options or Options())
        window.show()
        qtbot.waitExposed(window)
        built.append(window)
        return window

    yield factory
    for window in built:
        try:
            window.close()
            dispose(window)
        except RuntimeError:  # already deleted by the test
            pass


@pytest.fixture
def window(make_window):
    return make_window()
