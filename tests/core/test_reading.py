"""Files from anywhere: only regular files are read, and never past a limit."""

import os

import pytest

from act_gui.core.classroom import lessons
from act_gui.core.files.reading import excerpt, read_regular_file


def test_a_regular_file_is_read_whole(tmp_path):
    path = tmp_path / "a.actx"
    path.write_bytes(b"x" * 1000)
    assert read_regular_file(path, 1000) == b"x" * 1000


def test_a_file_over_the_limit_is_refused(tmp_path):
    path = tmp_path / "a.actx"
    path.write_bytes(b"x" * 1001)
    with pytest.raises(OSError, match="larger than"):
        read_regular_file(path, 1000)


def test_a_fifo_is_refused_at_once_instead_of_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "lesson.json"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"):
        read_regular_file(fifo, 1000)
    with pytest.raises(lessons.LessonError, match="not a regular file"):
        lessons.load(fifo)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_link_to_an_endless_device_is_refused(tmp_path, device):
    link = tmp_path / "session.actx"
    link.symlink_to(device)
    with pytest.raises(OSError, match="not a regular file"):
        read_regular_file(link, 1000)


def test_excerpts_stay_short_whatever_they_quote():
    assert len(excerpt("z" * 10_000_000)) < 50
    assert excerpt(10**5000) == "a very large number"
    assert excerpt(list(range(10**6))) == "a list of 1,000,000 items"
    assert excerpt("relu") == "'relu'"
