"""The .deb installed for real, as an admin does on a lab machine, then purged.

`apt-get install ./dist/act-gui_*.deb` must pull in exactly what the package declares;
the installed app must integrate with the desktop (menu entry, file type, icons) and
start on a display; a preset in /etc/xdg must reach a fresh account; and a purge must
leave nothing behind. Needs root (CI runs as root) and runs after test_package.py.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.e2e.test_package import DEBS, ID, display, run, wait_for  # noqa: F401 (display: a fixture)

PRESET = Path("/etc/xdg/act-gui/act-gui.ini")
APT_ENV = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}


def installed_files() -> list[Path]:
    listing = run("dpkg", "-L", "act-gui").stdout.split()
    return [Path(p) for p in listing if Path(p).is_file() or Path(p).is_symlink()]


@pytest.fixture(scope="module")
def installed():
    if os.geteuid() != 0:
        pytest.fail("installing the package needs root (CI runs the end-to-end tests as root)")
    result = subprocess.run(["apt-get", "install", "-y", "-q", "--no-install-recommends", str(DEBS[-1])],
                            capture_output=True, text=True, timeout=600, env=APT_ENV)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    files = installed_files()
    yield files
    if run("dpkg-query", "-W", "-f=${Status}", "act-gui").stdout.startswith("install ok"):
        subprocess.run(["apt-get", "purge", "-y", "-q", "act-gui"], capture_output=True, timeout=600, env=APT_ENV)


def test_the_installed_app_is_on_the_path_and_answers(installed):
    assert Path("/usr/bin/act-gui") in installed and Path("/opt/act-gui/act-gui") in installed
    assert run("act-gui", "--version").stdout.startswith("act-gui ")


def test_the_desktop_entry_file_type_and_icons_are_registered(installed):
    entry = Path(f"/usr/share/applications/{ID}.desktop")
    assert run("desktop-file-validate", entry).returncode == 0
    # The install triggers rebuilt the desktop and MIME databases: a double-clicked .actx
    # opens with the app, and the type has its own icon.
    cache = Path("/usr/share/applications/mimeinfo.cache").read_text()
    assert f"application/x-act-gui-session={ID}.desktop" in cache
    assert Path("/usr/share/mime/application/x-act-gui-session.xml").is_file()
    for size in ("16x16", "48x48", "256x256"):
        assert Path(f"/usr/share/icons/hicolor/{size}/apps/{ID}.png").is_file()
        assert Path(f"/usr/share/icons/hicolor/{size}/mimetypes/application-x-act-gui-session.png").is_file()
    assert "act-gui.1.gz" in run("man", "-w", "act-gui").stdout or Path("/usr/share/man/man1/act-gui.1.gz").is_file()


def test_a_preset_in_etc_xdg_reaches_a_fresh_account(installed, display, tmp_path):
    assert not PRESET.exists(), "this machine already has act-gui presets: not overwriting them"
    made_folder = not PRESET.parent.exists()
    PRESET.parent.mkdir(parents=True, exist_ok=True)
    PRESET.write_text("[session]\nautosave=false\n[view]\nui_scale=1.5\n")
    home = tmp_path / "fresh-account"
    home.mkdir()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("QT_", "PYTHON", "ACT_GUI_", "XDG_"))} | {
        "HOME": str(home), "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    app = subprocess.Popen(["act-gui"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        def window():
            found = run("xdotool", "search", "--name", "Activation Explorer", env=env).stdout.split()
            return found[0] if found else None

        shown = wait_for(window)

        def quit_as_a_user_does():  # (repeated: a fresh account's first start may still be busy)
            run("xdotool", "windowfocus", "--sync", shown, env=env)
            run("xdotool", "key", "--clearmodifiers", "ctrl+q", env=env)
            try:
                return app.wait(timeout=3) is not None
            except subprocess.TimeoutExpired:
                return False

        wait_for(quit_as_a_user_does, timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
        PRESET.unlink()
        if made_folder:
            PRESET.parent.rmdir()
    assert app.returncode == 0, app.stderr.read()
    kept = (home / ".config/act-gui/act-gui.ini").read_text()
    assert "ui_scale=1.5" in kept  # the app ran at the preset scale (and kept it as this account's)
    state = home / ".local/state/act-gui"
    assert not list(state.rglob("autosave*.actx"))  # autosave was off
    assert "autosave=false" not in kept  # a preset is read, not copied into the account


def test_a_purge_leaves_nothing_the_package_installed(installed):
    result = subprocess.run(["apt-get", "purge", "-y", "-q", "act-gui"], capture_output=True, text=True,
                            timeout=600, env=APT_ENV)
    assert result.returncode == 0, result.stderr[-3000:]
    assert run("dpkg-query", "-W", "-f=${Status}", "act-gui").stdout.strip() in ("", "unknown ok not-installed")
    left = [path for path in installed if path.exists() or path.is_symlink()]
    assert not left, left[:20]
    assert not Path("/opt/act-gui").exists()
