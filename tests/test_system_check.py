"""A missing system library is named, with its package, instead of Qt's plugin error."""

import os
import subprocess
import sys

from act_gui import system_check


def test_xcb_is_detected_from_the_environment():
    assert system_check.uses_xcb({"DISPLAY": ":0"}, "linux")
    assert not system_check.uses_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert system_check.uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not system_check.uses_xcb({"DISPLAY": ":0"}, "win32")
    assert not system_check.uses_xcb({}, "linux")


def test_missing_libraries_are_named_with_their_package():
    missing = system_check.missing_libraries(loadable=lambda lib: lib != "libxcb-icccm.so.4")
    assert missing == [("libxcb-icccm.so.4", "libxcb-icccm4")]
    text = system_check.message(missing)
    assert "libxcb-icccm.so.4" in text and "sudo apt install libxcb-icccm4" in text


def test_the_command_reports_a_missing_library_clearly(tmp_path):
    # An empty library path hides nothing that is installed, so fake a missing one by
    # asking for a library name that cannot exist, through the same code path.
    script = ("import sys; from act_gui import system_check as s; "
              "s.XCB_LIBRARIES['libnot-there.so.9'] = 'libnot-there9'; "
              "from act_gui.cli import main; sys.exit(main(['--screenshot', sys.argv[1]]))")
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": ":99"}
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "x.png")],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 3
    assert "libnot-there.so.9 is missing" in result.stderr and "apt install libnot-there9" in result.stderr
    assert "platform plugin" not in result.stderr
