"""The icon shipped in the package is the master artwork, and Qt can draw it."""

from pathlib import Path

from act_gui.qt.app import application, icon

ROOT = Path(__file__).resolve().parents[2]


def test_packaged_icon_matches_the_master_artwork():
    shipped = ROOT / "act_gui" / "resources" / "icons" / "act-gui.svg"
    master = ROOT / "resources" / "icons" / "act-gui.svg"
    assert shipped.read_bytes() == master.read_bytes()


def test_icon_renders_at_small_and_large_sizes(qtbot):
    application()
    for size in (16, 256):
        image = icon().pixmap(size, size).toImage()
        assert image.width() == size
        assert len({image.pixel(x, y) for x in range(size) for y in range(size)}) > 3
