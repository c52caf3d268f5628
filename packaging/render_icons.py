"""Render the master SVG icon to the PNG sizes of the hicolor icon theme.

Usage: python packaging/render_icons.py OUTPUT_DIR  (writes OUTPUT_DIR/<n>x<n>/act-gui.png)
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

SIZES = (16, 24, 32, 48, 64, 128, 256)
MASTER = Path(__file__).resolve().parents[1] / "resources" / "icons" / "act-gui.svg"


def main(out: Path) -> None:
    app = QGuiApplication([])  # noqa: F841 (QImage text and SVG rendering need one)
    renderer = QSvgRenderer(str(MASTER))
    for size in SIZES:
        image = QImage(size, size, QImage.Format_ARGB32)
        image.fill(Qt.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = out / f"{size}x{size}" / "act-gui.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(target))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
