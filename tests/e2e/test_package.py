"""The Debian package as an admin and a student meet it: unpack, validate, launch, drive.

Runs after `make package` (run it through `make e2e`). The .deb is unpacked into a
scratch root with dpkg-deb -x, its desktop metadata is validated with Debian's own tools,
and the unpacked bundle runs on a real X display (Xvfb, Qt's xcb platform) where xdotool
drives it like a user. test_install.py then installs it for real.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ID = "io.github.act_gui.ActivationExplorer"  # the desktop file's and the AppStream component's
DEBS = sorted((ROOT / "dist").glob("act-gui_*.deb"))
assert DEBS, "no dist/act-gui_*.deb: run `make e2e`, which builds the package first"


def run(*args, **kwargs):
    return subprocess.run(list(map(str, args)), capture_output=True, text=True, timeout=120, **kwargs)


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory):
    root = tmp_path_factory.mktemp("root")
    assert run("dpkg-deb", "-x", DEBS[-1], root).returncode == 0
    return root


def start_xvfb(log):
    """Start Xvfb on a free display; (process, display number) once clients can connect."""
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=log)
    os.close(write)
    number = os.read(read, 16).decode().strip()
    os.close(read)
    env = {**os.environ, "DISPLAY": f":{number}"}
    for _ in range(50):  # the number comes first; make sure connections work too
        if number and server.poll() is None and run("xdotool", "getmouselocation", env=env).returncode == 0:
            return server, number
        time.sleep(0.2)
    server.kill()
    return None, number


@pytest.fixture(scope="module")
def display(tmp_path_factory):
    """A fresh Xvfb server (retried if it does not come up); yields its DISPLAY value."""
    log_path = tmp_path_factory.mktemp("xvfb") / "xvfb.log"
    with open(log_path, "w") as log:
        for _ in range(3):
            server, number = start_xvfb(log)
            if server is not None:
                break
        else:
            raise AssertionError("Xvfb did not start: " + log_path.read_text()[-2000:])
        yield f":{number}"
        server.terminate()
        server.wait(timeout=10)


def app_env(display, config):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "PYTHON"))}
    return {**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "ACT_GUI_CONFIG_DIR": str(config),
            "ACT_GUI_STATE_DIR": str(Path(config) / "state")}


def test_the_package_installs_everything_a_desktop_needs(unpacked):
    for path in ("opt/act-gui/act-gui", "usr/bin/act-gui", f"usr/share/applications/{ID}.desktop",
                 f"usr/share/metainfo/{ID}.metainfo.xml", "usr/share/mime/packages/act-gui.xml",
                 f"usr/share/icons/hicolor/scalable/apps/{ID}.svg", f"usr/share/icons/hicolor/16x16/apps/{ID}.png",
                 f"usr/share/icons/hicolor/256x256/apps/{ID}.png",
                 "usr/share/icons/hicolor/48x48/mimetypes/application-x-act-gui-session.png",
                 "usr/share/man/man1/act-gui.1.gz", "usr/share/doc/act-gui/changelog.gz",
                 "usr/share/doc/act-gui/copyright", "usr/share/doc/act-gui/third-party/Python/LICENSE.txt",
                 "usr/share/doc/act-gui/third-party/numpy/licenses/LICENSE.txt",
                 "usr/share/doc/act-gui/third-party/PySide6_Essentials/LICENSE-NOTE.txt",
                 "usr/share/lintian/overrides/act-gui"):
        assert (unpacked / path).is_file(), path
    assert "/opt/act-gui/act-gui" in (unpacked / "usr/bin/act-gui").read_text()
    assert "*.actx" in (unpacked / "usr/share/mime/packages/act-gui.xml").read_text()


def test_the_declared_dependencies_are_what_the_bundle_needs_from_the_system(unpacked):
    depends = run("dpkg-deb", "-f", DEBS[-1], "Depends").stdout
    assert re.search(r"libc6 \(>= 2\.\d+\)", depends), depends  # glibc's version, computed
    for carried in ("libstdc++6", "libexpat1", "libxcb-cursor0", "libfontconfig1"):  # in the bundle
        assert carried not in depends
    assert "libegl1" in depends and "libxcb1" in depends


def test_the_bundle_carries_no_leftover_libraries_and_no_executable_libraries(unpacked):
    internal = unpacked / "opt/act-gui/_internal"
    for leftover in ("libcairo.so.2", "libpango-1.0.so.0", "libgio-2.0.so.0", "libkrb5.so.3", "libselinux.so.1"):
        assert not (internal / leftover).exists(), leftover
    libraries = [p for p in internal.rglob("*.so*") if p.is_file() and not p.is_symlink()]
    assert libraries and not [p for p in libraries if p.stat().st_mode & 0o111]


def test_desktop_and_metainfo_files_validate(unpacked):
    desktop = run("desktop-file-validate", unpacked / f"usr/share/applications/{ID}.desktop")
    assert desktop.returncode == 0, desktop.stdout + desktop.stderr
    assert "[Desktop Action present]" in (unpacked / f"usr/share/applications/{ID}.desktop").read_text()
    metainfo_path = unpacked / f"usr/share/metainfo/{ID}.metainfo.xml"
    metainfo = run("appstreamcli", "validate", "--no-net", metainfo_path)
    assert metainfo.returncode == 0, metainfo.stdout + metainfo.stderr
    text = metainfo_path.read_text()
    assert f"<id>{ID}</id>" in text and f"{ID}.desktop</launchable>" in text
    for part in ("<screenshots>", 'url type="homepage"', 'url type="bugtracker"', "<content_rating", "<releases>"):
        assert part in text, part


def test_the_manual_page_lists_every_option_of_the_command_line(unpacked):
    import gzip

    from act_gui.cli import build_parser

    page = gzip.decompress((unpacked / "usr/share/man/man1/act-gui.1.gz").read_bytes()).decode()
    usage = build_parser().format_usage()  # what `act-gui --help` lists, every option once
    flags = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", usage))
    assert {"-h", "--formula", "--param", "--lesson"} <= flags
    for flag in flags:
        assert flag.replace("-", "\\-") in page, flag


def test_lintian_reports_no_error_that_is_not_a_documented_override():
    result = run("lintian", "--tag-display-limit", "0", "--fail-on", "error", DEBS[-1])
    errors = [line for line in result.stdout.splitlines() if line.startswith("E:")]
    assert result.returncode == 0 and not errors, result.stdout
    overrides = (ROOT / "packaging/debian/lintian-overrides").read_text().split("\n\n")
    for block in overrides[1:]:  # after the header: each override comes with its reason
        assert block.lstrip().startswith("#") and "act-gui:" in block, block


def test_the_bundle_answers_on_the_command_line_without_a_display(unpacked):
    exe = unpacked / "opt/act-gui/act-gui"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    assert run(exe, "--version", env=env).stdout.startswith("act-gui ")
    bad = run(exe, "--function", "nope", env=env)
    assert bad.returncode == 2 and "valid ids" in bad.stderr


def test_the_unpacked_app_renders_its_window_on_a_real_display(unpacked, display, tmp_path):
    from PySide6.QtGui import QImage

    shot = tmp_path / "bundle.png"
    result = run(unpacked / "opt/act-gui/act-gui", "--train", "100", "--size", "1600x900", "--screenshot", shot,
                 env=app_env(display, tmp_path))
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1600, 900)
    colours = {image.pixel(x, y) for x in range(0, 1600, 9) for y in range(0, 900, 9)}
    assert len(colours) > 50  # plots, text and widgets, not an empty frame
    shutil.copy(shot, ROOT / "dist" / "e2e-screenshot.png")  # for a person to look at


def wait_for(condition, timeout=30.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("timed out")


def test_xdotool_drives_the_real_window(unpacked, display, tmp_path):
    env = app_env(display, tmp_path)
    app = subprocess.Popen([str(unpacked / "opt/act-gui/act-gui")],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        def title():
            found = run("xdotool", "search", "--name", "Activation Explorer", env=env).stdout.split()
            return found and run("xdotool", "getwindowname", found[0], env=env).stdout.strip()

        assert wait_for(title)
        window = run("xdotool", "search", "--name", "Activation Explorer", env=env).stdout.split()[0]
        run("xdotool", "windowfocus", "--sync", window, env=env)
        run("xdotool", "key", "--clearmodifiers", "ctrl+t", env=env)  # Training > Step: the user's work
        run("xdotool", "key", "--clearmodifiers", "F5", env=env)  # presentation, with lesson 1
        assert wait_for(lambda: "(step 1 of 3)" in title())
        run("xdotool", "key", "--clearmodifiers", "Next", env=env)  # a clicker's PageDown
        assert wait_for(lambda: "(step 2 of 3)" in title())
        run("xdotool", "key", "--clearmodifiers", "Escape", env=env)  # back to the user's own work
        assert wait_for(lambda: title() == "Activation Explorer")
        run("xdotool", "key", "--clearmodifiers", "ctrl+q", env=env)  # quit: autosaves the work
        app.wait(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == 0, app.stderr.read()
    saved = json.loads((tmp_path / "state" / "autosave.actx").read_text())
    assert saved["lab"]["trainer"]["steps"] == 1  # the user's step, kept through the lesson
