"""Every file the app writes goes through here: all or nothing, and never a device.

Qt's ``QSaveFile`` writes to a uniquely named temporary file beside the target,
flushes it to disk and only then renames it over the target; it follows a symbolic
link to the file it names and keeps that file's permissions. A failed or cancelled
write leaves the old file exactly as it was and no temporary file behind.

What QSaveFile does not do is refuse a target that is not a regular file: asked to
save to ``/dev/full`` it replaces the device node. So an existing target must be a
regular file (after following links), and its folder must exist.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QIODevice, QSaveFile


def check_target(path: str | Path) -> None:
    """OSError if ``path`` is somewhere a file cannot safely be written."""
    path = Path(path)
    folder = Path(os.path.realpath(path)).parent
    if not folder.is_dir():
        raise OSError(f"the folder {folder} does not exist")
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise OSError(f"{path.name} is not a regular file")


def write_with(path: str | Path, write: Callable[[QIODevice], object]) -> None:
    """Call ``write(device)`` and put what it wrote in ``path`` atomically.

    ``write`` may return False to say it failed; OSError then, and nothing changes.
    """
    check_target(path)
    file = QSaveFile(str(path))
    if not file.open(QIODevice.WriteOnly):
        raise OSError(f"cannot write {Path(path).name}: {file.errorString()}")
    try:
        ok = write(file) is not False
    except BaseException:
        file.cancelWriting()
        file.commit()  # discards the temporary file
        raise
    if not ok or file.error() != QSaveFile.NoError:
        reason = file.errorString() if file.error() != QSaveFile.NoError else "nothing was written"
        file.cancelWriting()
        file.commit()
        raise OSError(f"cannot write {Path(path).name}: {reason}")
    if not file.commit():
        raise OSError(f"cannot write {Path(path).name}: {file.errorString()}")


def write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; OSError (old file intact) on failure."""
    write_with(path, lambda device: device.write(data) == len(data))


def write_text(path: str | Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))
