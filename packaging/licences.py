"""Collect the licences of what the bundle carries: ``python packaging/licences.py OUT_DIR``.

For each bundled distribution (Qt for Python, numpy, pyqtgraph, threadpoolctl) its
licence files are copied from its installed metadata into ``OUT_DIR/<name>/``, and
Python's own licence from the interpreter that built the bundle. A distribution that
ships no licence file (PySide6 and shiboken6 wheels do not) gets a note naming its
licence expression and the text of each licence in Debian's /usr/share/common-licenses.
Prints the machine-readable ``Files``/``License`` paragraphs for the copyright file.
"""

from __future__ import annotations

import importlib.metadata as metadata
import re
import shutil
import sys
import sysconfig
from pathlib import Path

BUNDLED = ("PySide6_Essentials", "shiboken6", "numpy", "pyqtgraph", "threadpoolctl")
LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE)", re.IGNORECASE)
COMMON = {"LGPL-3.0-only": "LGPL-3", "GPL-2.0-only": "GPL-2", "GPL-3.0-only": "GPL-3", "Apache-2.0": "Apache-2.0"}


def collect(out: Path) -> list[str]:
    paragraphs = []
    for name in BUNDLED:
        dist = metadata.distribution(name)
        expression = dist.metadata.get("License-Expression") or dist.metadata.get("License") or "see the files"
        target = out / dist.metadata["Name"]
        target.mkdir(parents=True, exist_ok=True)
        files = [f for f in dist.files or [] if LICENCE_FILE.search(f.name) and f.locate().is_file()]
        for file in files:
            relative = Path(*file.parts[1:]) if file.parts[0].endswith(".dist-info") else Path(*file.parts)
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file.locate(), destination)
        if not files:
            texts = [f"/usr/share/common-licenses/{COMMON[part]}" for part in re.split(r"\s+OR\s+|\s+AND\s+", expression)
                     if part in COMMON]
            (target / "LICENSE-NOTE.txt").write_text(
                f"{dist.metadata['Name']} {dist.version} (with the Qt libraries it bundles) is licensed under\n"
                f"{expression}. It ships no licence file; the licence texts are in\n" + "\n".join(texts) + "\n"
                "and at https://www.qt.io/licensing/. Its source: https://download.qt.io/official_releases/QtForPython/\n")
        paragraphs.append(f"Files: opt/act-gui/_internal/{name.split('_')[0]}*\n"
                          f"Comment: {dist.metadata['Name']} {dist.version}, licence texts in third-party/"
                          f"{dist.metadata['Name']}/\nLicense: {expression}")
    python_licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    (out / "Python").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(python_licence, out / "Python" / "LICENSE.txt")
    paragraphs.append(f"Files: opt/act-gui/_internal/libpython* opt/act-gui/_internal/python3*\n"
                      f"Comment: Python {sys.version.split()[0]}, licence text in third-party/Python/\n"
                      f"License: PSF-2.0")
    return paragraphs


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python packaging/licences.py OUT_DIR")
    print("\n\n".join(collect(Path(sys.argv[1]))))
