"""Read a user's file without trusting what the path points at.

A path named ``lesson.json`` may be a FIFO (opening it would wait forever for a writer),
a link to ``/dev/zero`` (whose size reads as 0 and whose content never ends) or a huge
file. Only regular files are read, opened without blocking, and never more than
``limit`` bytes are taken from them, whatever the file system says their size is.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

CHUNK = 1 << 20


def read_regular_file(path: str | Path, limit: int) -> bytes:
    """The bytes of ``path``; OSError with a readable message if it cannot be used."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)  # O_NONBLOCK: a FIFO opens at once instead of hanging
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{Path(path).name} is not a regular file")
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise OSError(f"the file is larger than {describe_size(limit)}")
        return b"".join(chunks)
    finally:
        os.close(fd)


def load_json(text: str | bytes, limit: int, error: type[ValueError], what: str = "the file", **options):
    """JSON from a user's file, every way it can fail turned into ``error(message)``:
    too large, not UTF-8, not JSON, nested deeper than Python recurses, or holding an
    integer longer than Python's digit limit. ``options`` go to ``json.loads``."""
    if len(text) > limit:
        raise error(f"{what} is larger than {describe_size(limit)}")
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise error(f"{what} is not text (UTF-8)") from None
    try:
        return json.loads(text, **options)
    except error:
        raise  # raised by a hook in ``options``
    except RecursionError:
        raise error(f"{what} is nested too deeply") from None
    except json.JSONDecodeError as problem:
        raise error(f"{what} is not valid JSON (line {problem.lineno}: {problem.msg})") from None
    except ValueError:  # Python's limit on the digits of an integer
        raise error(f"{what} holds a number too long to read") from None


def describe_size(limit: int) -> str:
    return f"{limit // 2**20} MB" if limit >= 2**20 else f"{limit // 2**10} KB"


def shorten(text: str, limit: int = 200) -> str:
    """Plain text cut to ``limit`` characters (for a message that quotes another)."""
    return text if len(text) <= limit else text[:limit] + "…"


def excerpt(value: object, limit: int = 40) -> str:
    """``repr(value)`` cut to ``limit`` characters: safe to quote from a hostile file."""
    if isinstance(value, str) and len(value) > limit:
        return repr(value[:limit]) + "…"
    if isinstance(value, (dict, list)) and len(value) > 5:
        return f"a {type(value).__name__} of {len(value):,} items"
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**30:
        return "a very large number"
    try:
        text = repr(value)
    except (ValueError, RecursionError):  # Python's integer-digit limit, deep nesting
        return f"a {type(value).__name__}"
    return text if len(text) <= limit else text[:limit] + "…"
