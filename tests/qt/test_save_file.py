"""Every write is all or nothing, lands where the user pointed, and never on a device."""

from __future__ import annotations

import os
import stat

import pytest

from act_gui.qt.storage.save_file import write_bytes


def leftovers(folder, keep):
    return sorted(p.name for p in folder.iterdir() if p.name not in keep and p.is_file())


def test_a_failed_write_leaves_the_old_file_and_nothing_else(tmp_path, full_disk):
    target = tmp_path / "lesson.json"
    target.write_bytes(b"old content")
    with full_disk(100), pytest.raises(OSError):
        write_bytes(target, b"x" * 10_000)
    assert target.read_bytes() == b"old content"
    assert leftovers(tmp_path, {"lesson.json"}) == []


def test_a_link_is_followed_and_kept(tmp_path):
    real = tmp_path / "real.actx"
    real.write_bytes(b"old")
    link = tmp_path / "link.actx"
    link.symlink_to(real)
    write_bytes(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_the_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "private.actx"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write_bytes(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and target.read_bytes() == b"new"


def test_a_name_of_the_longest_legal_length_can_be_written(tmp_path):
    target = tmp_path / ("n" * 250 + ".actx")
    write_bytes(target, b"data")
    assert target.read_bytes() == b"data"
    assert leftovers(tmp_path, {target.name}) == []


def test_a_target_that_is_not_a_regular_file_is_refused(tmp_path):
    fifo = tmp_path / "pipe.actx"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        write_bytes(fifo, b"data")
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still the pipe, not replaced by a file


def test_a_missing_folder_is_named(tmp_path):
    with pytest.raises(OSError, match="does not exist"):
        write_bytes(tmp_path / "nope" / "a.actx", b"data")


def test_readers_never_see_a_half_written_file_while_two_writers_save(tmp_path):
    import json
    import threading

    target = tmp_path / "autosave.actx"
    write_bytes(target, json.dumps({"writer": -1, "data": []}).encode())
    errors = []

    def writer(number: int) -> None:
        try:
            for k in range(150):
                write_bytes(target, json.dumps({"writer": number, "data": list(range(5000 + k))}).encode())
        except Exception as error:  # noqa: BLE001 (reported by the main thread)
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(n,)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    reads = 0
    while any(t.is_alive() for t in threads) or reads < 50:
        json.loads(target.read_bytes())  # always a whole file: one writer's or the other's
        reads += 1
    for thread in threads:
        thread.join()
    assert not errors and reads >= 50
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["autosave.actx"]
