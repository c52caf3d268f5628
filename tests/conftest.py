"""Shared test set-up: Qt renders offscreen, and settings go to a throwaway folder."""

import os

# Before any Qt import: without a platform plugin pytest-qt only reports "Aborted".
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """Each test reads and writes its own settings file, never the user's."""
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("ACT_GUI_CONFIG_DIR", str(folder))
    return folder / "act-gui.ini"
