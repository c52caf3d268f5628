"""Tidy the PyInstaller bundle before it is packaged: ``python packaging/tidy_bundle.py dist/act-gui``.

1. **Leftover libraries go.** PyInstaller collects every library the collected binaries
   need, before the spec drops some of those binaries (the GTK platform theme, say), so
   their dependencies stay behind: cairo, pango, GIO, Kerberos... Here the shared
   libraries at the top of the bundle are kept only if something that is loaded needs
   them: the executable, Python's extension modules and Qt's plugins are the roots, and
   each library's ``DT_NEEDED`` entries (read with ``readelf``) are followed from there.
2. **Shared libraries are not executable** (mode 644); the launcher stays 755.
3. **Binaries are stripped** of their symbol tables (``strip --strip-unneeded``), except
   those that must not be: libraries that ``patchelf`` rewrote (numpy's OpenBLAS and
   gfortran, which auditwheel renamed; strip can corrupt the section layout patchelf
   leaves) and the executable (PyInstaller's bootloader finds its archive at the end of
   the file). What is kept unstripped is printed, and listed in the lintian overrides.

Prints what it did, as numbers.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
#: Not stripped (see above): auditwheel's renamed libraries carry a hash in their name.
KEEP_SYMBOLS = re.compile(r"-[0-9a-f]{8}(-[0-9a-f]{8})?\.so|\.libs/")


def is_elf(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == ELF_MAGIC
    except OSError:
        return False


def needed(path: Path) -> list[str]:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def prune(internal: Path, executable: Path) -> list[Path]:
    """Remove top-level libraries nothing loaded needs; returns what was removed."""
    top = {p.name: p for p in internal.iterdir() if p.is_file() and ".so" in p.name and is_elf(p)}
    roots = [executable] + [p for p in internal.rglob("*") if p.is_file() and p.parent != internal and is_elf(p)]
    roots += [p for name, p in top.items() if name.startswith(("libpython", "libpyside6", "libshiboken6"))]
    reached: set[str] = set()
    todo = list(roots)
    while todo:
        for name in needed(todo.pop()):
            if name in top and name not in reached:
                reached.add(name)
                todo.append(top[name])
    removed = [p for name, p in top.items() if name not in reached and p not in roots]
    for path in removed:
        path.unlink()
    return removed


def tidy(bundle: Path) -> None:
    internal, executable = bundle / "_internal", bundle / "act-gui"
    removed = prune(internal, executable)
    elves = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p)]
    stripped, kept = 0, []
    for path in elves:
        if path != executable:
            path.chmod(stat.S_IRUSR | stat.S_IWUSR | stat.S_IRGRP | stat.S_IROTH)  # 644: loaded, not run
            if KEEP_SYMBOLS.search(str(path.relative_to(internal))):
                kept.append(path)
            elif subprocess.run(["strip", "--strip-unneeded", str(path)], capture_output=True).returncode == 0:
                stripped += 1
            else:
                kept.append(path)
    size = sum(p.lstat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    print(f"tidy: removed {len(removed)} unneeded libraries ({', '.join(sorted(p.name for p in removed))})")
    print(f"tidy: {stripped} binaries stripped, {len(kept)} kept as they are: "
          + ", ".join(sorted(str(p.relative_to(bundle)) for p in kept)))
    print(f"tidy: the bundle is now {size:.0f} MB")


if __name__ == "__main__":
    if len(sys.argv) != 2 or not os.path.isdir(sys.argv[1]):
        sys.exit("usage: python packaging/tidy_bundle.py dist/act-gui")
    tidy(Path(sys.argv[1]))
