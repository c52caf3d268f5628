"""Themes: every colour a view draws with, and readable selections."""

from PySide6.QtGui import QColor, QPalette

from act_gui.qt.style import THEMES, widget_palette


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours."""
    def luminance(name: str) -> float:
        channels = [c / 255 for c in QColor(name).getRgb()[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_a_selected_row_is_readable_in_every_theme(qtbot):
    for theme in THEMES.values():
        palette = widget_palette(theme)
        text = palette.color(QPalette.HighlightedText).name()
        back = palette.color(QPalette.Highlight).name()
        assert contrast(text, back) >= 4.5, theme.name


def test_the_decision_surface_is_a_quiet_tint_under_its_points_in_every_theme(qtbot):
    for theme in THEMES.values():
        for tint in theme.surface:  # close to the plot's background, far from the points
            assert contrast(tint, theme.plot_background) < 3.0, theme.name
        for tint, point in zip((theme.surface[0], theme.surface[2]), theme.classes):
            assert contrast(tint, point) >= 1.5, theme.name
