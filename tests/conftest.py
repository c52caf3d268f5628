"""Shared test set-up: Qt renders offscreen, and settings go to a throwaway folder."""

import os

# Before any Qt import: without a platform plugin pytest-qt only reports "Aborted".
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """Each test reads and writes its own settings and state (autosave, log), never the
    user's, and sees no system-wide presets but those it writes into ``system_presets``.
    Returns the settings file's path."""
    folder = tmp_path / "config"
    (folder / "act-gui").mkdir(parents=True)
    monkeypatch.setenv("ACT_GUI_CONFIG_DIR", str(folder))
    monkeypatch.setenv("ACT_GUI_STATE_DIR", str(tmp_path / "state"))
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.IniFormat, QSettings.SystemScope, str(tmp_path / "system"))
    return folder / "act-gui" / "act-gui.ini"


@pytest.fixture(autouse=True)
def no_functions_of_ones_own():
    """The user's own functions live in one process-wide catalogue: each test starts and
    ends without any."""
    from act_gui.core import activations

    activations.CUSTOM.clear()
    yield
    activations.CUSTOM.clear()


@pytest.fixture
def system_presets(tmp_path):
    """The system-wide settings file (what /etc/xdg/act-gui/act-gui.ini is on a lab machine)."""
    path = tmp_path / "system" / "act-gui" / "act-gui.ini"
    path.parent.mkdir(parents=True)
    return path


@pytest.fixture
def full_disk():
    """A context manager under which no file this process writes may grow past ``size``
    bytes, as on a full disk (the write fails with EFBIG instead of ENOSPC)."""
    import contextlib
    import resource
    import signal

    @contextlib.contextmanager
    def beyond(size: int):
        old_limit = resource.getrlimit(resource.RLIMIT_FSIZE)
        old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # fail the write, not the process
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, old_limit[1]))
        try:
            yield
        finally:
            resource.setrlimit(resource.RLIMIT_FSIZE, old_limit)
            signal.signal(signal.SIGXFSZ, old_handler)

    return beyond
