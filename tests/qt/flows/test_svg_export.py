"""SVG exports that any viewer draws as the app does: one path per curve in picture
coordinates, ordinary strokes, the decision surface's points in their class colours."""

import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SVG = "{http://www.w3.org/2000/svg}"


def exported(window, tmp_path, kind):
    path = tmp_path / f"{kind}.svg"
    assert window.files.export(kind, str(path))
    return path, ET.parse(path).getroot()


def shapes(root, inherited=None):
    """(tag, stroke, fill) of every drawn shape, with the style its groups give it."""
    style = dict(inherited or {})
    style.update({k: root.get(k) for k in ("stroke", "fill") if root.get(k) is not None})
    if root.tag in (f"{SVG}path", f"{SVG}circle", f"{SVG}polyline", f"{SVG}polygon"):
        yield root.tag[len(SVG):], style.get("stroke", "").lower(), style.get("fill", "").lower()
    for child in root:
        yield from shapes(child, style)


def stroke_colours(root):
    return [stroke for tag, stroke, _fill in shapes(root) if tag == "path"]


def scaling_transforms(root):
    """Transforms that scale strokes (a rotated axis title or a scaled image is fine)."""
    found = []
    for el in root.iter():
        match = re.match(r"matrix\(([^)]*)\)", el.get("transform", ""))
        stroked = any(stroke not in ("", "none") for tag, stroke, _fill in shapes(el))
        if match and stroked:
            a, b, c, d, _e, _f = (float(v) for v in match.group(1).split(","))
            if abs(np.hypot(a, b) - 1) > 1e-6 or abs(np.hypot(c, d) - 1) > 1e-6:
                found.append(el.get("transform"))
    return found


def test_each_function_is_one_path_per_plot_in_picture_coordinates(qtbot, window, tmp_path):
    path, root = exported(window, tmp_path, "svg")
    assert root.get("viewBox").split()[2:] == ["1920", "1080"]
    colours = stroke_colours(root)
    for act_id in window.state.shown():
        colour = window.theme.curve_colour(window.state.slot(act_id)).lower()
        assert colours.count(colour) == 2, act_id  # f(z) and f′(z), each a single path
    assert scaling_transforms(root) == []  # no data-unit coordinates under a scale
    assert b"non-scaling-stroke" not in path.read_bytes()  # ordinary strokes, scaled with the picture
    assert len(list(root.iter(f"{SVG}polyline"))) < 200  # not thousands of two-point segments


def test_the_decision_surface_keeps_its_class_colours(qtbot, window, tmp_path):
    window.lab.step(5)
    path, root = exported(window, tmp_path, "training_svg")
    fills = [fill for _tag, _stroke, fill in shapes(root)]
    y_test = window.lab.trainer.dataset.y_test
    for label, colour in enumerate(window.theme.classes):
        assert fills.count(colour.lower()) == int(np.sum(y_test == label))
    assert scaling_transforms(root) == []


@pytest.mark.parametrize("kind", ["svg", "training_svg"])
def test_the_svg_draws_what_the_png_export_shows(qtbot, window, tmp_path, kind):
    window.lab.step(5)
    svg, _ = exported(window, tmp_path, kind)
    png = tmp_path / "slide.png"
    assert window.files.export(kind.replace("svg", "png"), str(png))
    drawn = QImage(480, 270, QImage.Format_RGB32)
    drawn.fill(Qt.white)
    painter = QPainter(drawn)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    expected = QImage(str(png)).scaled(480, 270, Qt.IgnoreAspectRatio, Qt.SmoothTransformation)
    assert mean_difference(drawn, expected.convertToFormat(QImage.Format_RGB32)) < 4.0


def mean_difference(a: QImage, b: QImage) -> float:
    def pixels(image):
        data = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
        return data.reshape(image.height(), image.bytesPerLine())[:, :image.width() * 4].astype(float)
    return float(np.abs(pixels(a) - pixels(b)).mean())
