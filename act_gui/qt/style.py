"""The look of the app: colour themes, the UI scale, and the View protocol.

The curve palette is Okabe & Ito's (2008) set, distinguishable under the common forms of
colour blindness; yellow is left out because it vanishes on a light background and a
projector. Each theme gives the Qt widget palette and every colour a view draws with:
no view holds a colour of its own.

The UI scale (100-300 %) grows fonts, pens, markers and labels together, for a
projector in a lecture hall; presentation mode raises it to at least 175 %.

Every view implements :class:`View`; the window keeps one list of its views and tells
each of them when the theme, the scale or the antialiasing changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

OKABE_ITO = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
OKABE_ITO_DARK = ("#56B4E9", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#0072B2", "#FFFFFF")


@dataclass(frozen=True)
class Theme:
    name: str
    plot_background: str
    plot_foreground: str
    grid_alpha: float
    curves: tuple[str, ...]
    zero_region: tuple[int, int, int, int]
    saturated_region: tuple[int, int, int, int]
    window: str
    base: str
    text: str
    highlight: str
    histogram: tuple[int, int, int, int] = (0, 114, 178, 70)
    #: The part of the viridis scale used for per-layer curves: its dark end vanishes on
    #: a black background, its yellow end on a white one.
    sequence_range: tuple[float, float] = (0.0, 0.85)
    #: Extra style rules (high contrast: white outlines, which Fusion's palette cannot give).
    stylesheet: str = ""
    # What the Network Lab and the lesson views draw (Okabe & Ito colours by meaning).
    train: str = "#0072B2"
    test: str = "#009E73"
    dead: str = "#D55E00"
    saturated: str = "#E69F00"
    classes: tuple[str, str] = ("#D55E00", "#0072B2")          # label 0, label 1
    surface: tuple[str, str, str] = ("#F2B894", "#F7F7F7", "#93C3E6")  # pale tints of the classes
    outline: str = "#202020"                                  # data points, the cross on a dead unit
    positive: str = "#0072B2"                                 # weights
    negative: str = "#D55E00"
    dead_fill: str = "#9A9A9A"
    warning: str = "#D55E00"
    path: str = "#D55E00"                                     # the zig-zag descent
    optimum: str = "#009E73"
    contour: str = "#0072B2"
    blank: str = "#000000"                                    # the blanked screen (clicker B key)
    highlighted_text: str = "#FFFFFF"                         # text on the highlight (a selected row)

    def curve_colour(self, slot: int) -> str:
        return self.curves[slot % len(self.curves)]

    def region_colour(self, kind: str) -> QColor:
        """The shading of a gradient region, pre-blended onto the plot background.

        Drawn opaque, it looks the same as a translucent fill but paints several times
        faster (alpha blending of large areas was a fifth of each redraw).
        """
        r, g, b, a = self.zero_region if kind == "zero" else self.saturated_region
        bg = QColor(self.plot_background)
        mix = lambda fg, back: round(fg * a / 255 + back * (1 - a / 255))  # noqa: E731
        return QColor(mix(r, bg.red()), mix(g, bg.green()), mix(b, bg.blue()))


THEMES = {
    "light": Theme("light", "#FFFFFF", "#202020", 0.25, OKABE_ITO,
                   (110, 110, 110, 70), (230, 159, 0, 60),
                   "#F2F2F2", "#FFFFFF", "#141414", "#0072B2"),
    # Base lighter than Window: Fusion outlines check boxes in a darkened Window colour,
    # which would vanish on a darker Base.
    "dark": Theme("dark", "#161616", "#E0E0E0", 0.3, OKABE_ITO_DARK,
                  (160, 160, 160, 60), (230, 159, 0, 90),
                  "#262626", "#333333", "#E6E6E6", "#2A72AD",
                  histogram=(86, 180, 233, 120), sequence_range=(0.3, 1.0),
                  # Dark tints: a pale surface was a bright block on the dark window.
                  surface=("#5C2F14", "#1C1C1C", "#17395A")),
}
THEMES["high_contrast"] = Theme(
    "high_contrast", "#000000", "#FFFFFF", 0.45,
    # Okabe & Ito's brightest members, which stay apart for colour-blind eyes on black.
    ("#F0E442", "#56B4E9", "#E69F00", "#CC79A7", "#FFFFFF", "#009E73", "#D55E00"),
    (170, 170, 170, 90), (255, 200, 0, 110),
    "#000000", "#000000", "#FFFFFF", "#F0E442",
    histogram=(0, 229, 255, 120), sequence_range=(0.35, 1.0), highlighted_text="#000000",
    surface=("#5C2F14", "#000000", "#17395A"),
    stylesheet="""
        QAbstractSpinBox, QComboBox, QLineEdit, QPushButton, QGroupBox { border: 1px solid #FFFFFF; }
        QPushButton { padding: 3px 8px; }
        QPushButton:checked, QPushButton:pressed { background: #F0E442; color: #000000; }
        QGroupBox { margin-top: 1.2em; padding-top: 0.4em; }
        QGroupBox::title { subcontrol-origin: margin; left: 6px; }
        QCheckBox::indicator, QTreeView::indicator {
            width: 12px; height: 12px; border: 2px solid #FFFFFF; background: #000000; }
        QCheckBox::indicator:checked, QTreeView::indicator:checked { background: #F0E442; }
    """)
DEFAULT_THEME = "light"


def widget_palette(theme: Theme) -> QPalette:
    """A full QPalette for the Fusion style built from the theme's few colours."""
    window, base, text = QColor(theme.window), QColor(theme.base), QColor(theme.text)
    palette = QPalette()
    for role, colour in ((QPalette.Window, window), (QPalette.Base, base),
                         (QPalette.AlternateBase, window), (QPalette.Button, window),
                         (QPalette.WindowText, text), (QPalette.Text, text),
                         (QPalette.ButtonText, text), (QPalette.ToolTipBase, base),
                         (QPalette.ToolTipText, text), (QPalette.Highlight, QColor(theme.highlight)),
                         (QPalette.HighlightedText, QColor(theme.highlighted_text))):
        palette.setColor(role, colour)
    muted = QColor(text)
    muted.setAlpha(110)
    for role in (QPalette.Text, QPalette.WindowText, QPalette.ButtonText):
        palette.setColor(QPalette.Disabled, role, muted)
    palette.setColor(QPalette.PlaceholderText, muted)
    return palette


def apply_to_application(app: QApplication, theme: Theme) -> None:
    app.setStyle("Fusion")
    app.setPalette(widget_palette(theme))
    app.setStyleSheet(theme.stylesheet)


# --- UI scale --------------------------------------------------------------------------------

SCALES = (1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
BASE_POINTS = 10.0
PLOT_POINTS = 9.0


def check_scale(scale: float) -> float:
    if not SCALES[0] <= scale <= SCALES[-1]:
        raise ValueError(f"the UI scale must be {SCALES[0]:.0%} to {SCALES[-1]:.0%}")
    return scale


def apply_ui_font(app: QApplication, scale: float) -> None:
    """The widgets' font for a UI scale (views scale their own plot fonts)."""
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINTS * check_scale(scale))
    app.setFont(font)


def plot_font(scale: float) -> QFont:
    """The font of axis ticks, legends and labels on plots at a UI scale."""
    font = QFont(QApplication.font())
    font.setPointSizeF(PLOT_POINTS * scale)
    return font


# --- the View protocol --------------------------------------------------------------------------

class View(Protocol):
    """What the window tells every view it shows."""

    def set_theme(self, theme: Theme) -> None: ...

    def set_scale(self, scale: float) -> None: ...

    def set_antialias(self, on: bool) -> None: ...


class FixedLook:
    """A View whose look does not change with the theme, the scale or antialiasing
    (its Qt widgets follow the application's palette and font by themselves)."""

    def set_theme(self, theme: Theme) -> None:
        pass

    def set_scale(self, scale: float) -> None:
        pass

    def set_antialias(self, on: bool) -> None:
        pass
