"""A missing system library is named, with its package, instead of Qt's plugin error.

None of these tests depends on which libraries this machine happens to have: the list
of libraries to look for is replaced by names that cannot exist.
"""

import os
import subprocess
import sys

import pytest

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
    assert "the system library libxcb-icccm.so.4 is missing" in text
    assert "Install it (Debian/Ubuntu): sudo apt install libxcb-icccm4" in text


def test_several_missing_libraries_read_as_a_sentence():
    two = system_check.message([("liba.so.1", "liba1"), ("libb.so.2", "libb2")])
    assert "the system libraries liba.so.1 and libb.so.2 are missing" in two
    assert "Install them (Debian/Ubuntu): sudo apt install liba1 libb2" in two
    three = system_check.message([("liba.so.1", "liba1"), ("libb.so.2", "libb2"), ("libc.so.3", "libc3")])
    assert "liba.so.1, libb.so.2 and libc.so.3 are missing" in three


@pytest.mark.slow
def test_the_command_reports_a_missing_library_clearly(tmp_path):
    # Look for one library that cannot exist and nothing else, so the outcome is the
    # same on a machine that lacks other X11 libraries too.
    script = ("import sys; from act_gui import system_check as s; "
              "s.XCB_LIBRARIES.clear(); s.XCB_LIBRARIES['libnot-there.so.9'] = 'libnot-there9'; "
              "from act_gui.cli import main; sys.exit(main(['--screenshot', sys.argv[1]]))")
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": ":99"}
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "x.png")],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 3
    assert "the system library libnot-there.so.9 is missing" in result.stderr
    assert "sudo apt install libnot-there9" in result.stderr
    assert "platform plugin" not in result.stderr
