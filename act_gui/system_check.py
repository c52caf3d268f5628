"""Before Qt starts on Linux/X11: are the system libraries its xcb platform needs there?

Without them Qt aborts with "Could not load the Qt platform plugin xcb", which sends
people hunting for the wrong package (it blames libxcb-cursor0 whatever is missing).
This names the missing library and the Debian/Ubuntu package that provides it.
"""

from __future__ import annotations

import ctypes
import os
import sys

#: Shared library -> Debian package, for what Qt 6's xcb platform plugin loads.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def _loadable(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def uses_xcb(environ=os.environ, platform: str = sys.platform) -> bool:
    """Whether Qt is about to use its X11 (xcb) platform plugin."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0].split(";")[0] == "xcb"
    return bool(environ.get("DISPLAY")) and not environ.get("WAYLAND_DISPLAY")


def missing_libraries(loadable=_loadable) -> list[tuple[str, str]]:
    """(library, package) for each library the xcb plugin needs that cannot be loaded."""
    return [(lib, pkg) for lib, pkg in XCB_LIBRARIES.items() if not loadable(lib)]


def _listing(items: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def message(missing: list[tuple[str, str]]) -> str:
    """What is missing and the one command that installs it, in plain English."""
    libs = _listing([lib for lib, _ in missing])
    packages = " ".join(dict.fromkeys(pkg for _, pkg in missing))
    if len(missing) == 1:
        what, verb, pronoun = f"the system library {libs}", "is", "it"
    else:
        what, verb, pronoun = f"the system libraries {libs}", "are", "them"
    return (f"act-gui: cannot open a window: {what} {verb} missing.\n"
            f"Install {pronoun} (Debian/Ubuntu): sudo apt install {packages}")
