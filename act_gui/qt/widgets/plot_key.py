"""Keys to plots, in the plot's title row: above the data, never over it.

pyqtgraph's legend floats inside the data area, where it hid the curves it named and,
when it outgrew a small plot, lost entries. A key in the title row takes the room its
entries need (wrapping onto more lines rather than dropping any) and leaves the whole
data area to the data. Each entry is a swatch in the curve's colour, drawn with a glyph
for its dash pattern, then its name.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import QTextDocument, QTextOption
from PySide6.QtWidgets import QGraphicsTextItem

#: Box-drawing glyphs that look like each pen style.
SWATCHES = {Qt.SolidLine: "━━", Qt.DashLine: "╍╍", Qt.DotLine: "┉┉",
            Qt.DashDotLine: "━┉", Qt.DashDotDotLine: "━┉┉"}
SHORT_NAME = 16  # characters

#: Lines break between words only (Qt's default also breaks inside a word that does not
#: fit, which let a narrow layout squeeze a key into a tall column of letters).
WORD_WRAP = QTextOption()
WORD_WRAP.setWrapMode(QTextOption.WordWrap)


@dataclass(frozen=True)
class KeyEntry:
    label: str
    colour: str  # "#rrggbb"
    style: Qt.PenStyle = Qt.SolidLine


def entry_html(entry: KeyEntry) -> str:
    swatch = SWATCHES.get(entry.style, SWATCHES[Qt.SolidLine])
    # A short name stays on one line with its swatch; a long one (a pinned run's label)
    # may wrap, or it would set the plot's least width.
    name = html.escape(entry.label)
    if len(entry.label) <= SHORT_NAME:
        name = name.replace(" ", "&nbsp;")
    return f"<span style='color:{entry.colour}'>{swatch}</span>&nbsp;{name}"


def key_html(title: str, entries: list[KeyEntry]) -> str:
    """The title in bold, then the entries, on one line if there is room (the text
    wraps between entries only)."""
    parts = [f"<b>{title}</b>"] if title else []
    parts += [entry_html(e) for e in entries]
    return "<div align='center'>" + "&nbsp;&nbsp; ".join(parts) + "</div>"


class KeyLabel(pg.GraphicsWidget):
    """A plot's title and key, in the row above its data, across the whole plot.

    It wraps to the width the layout gives it (between entries, never inside one) and
    asks for the height that takes, so a narrow plot gets a taller key, never a clipped
    one. Alternatives may be offered, widest first: the first that fits is shown (e.g.
    two columns of functions on a wide plot, one on a narrow plot).
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.item = QGraphicsTextItem(self)
        self.item.document().setDefaultTextOption(WORD_WRAP)
        self.choices: list[str] = [""]
        self.text = ""  # the choice shown
        self.item_html = ""
        self.style = ""
        self.hints = {Qt.MinimumSize: QSizeF(0, 0), Qt.PreferredSize: QSizeF(0, 0)}

    def set_key(self, choices: list[str], size: str, color: str) -> None:
        """Show the first of ``choices`` (HTML) that fits, in type of ``size`` and ``color``."""
        choices, style = list(choices) or [""], f"color:{color}; font-size:{size}"
        if (choices, style) == (self.choices, self.style):
            return  # as shown (a frame asks again, mostly unchanged)
        self.choices, self.style = choices, style
        self._fit()

    def _styled(self, text: str) -> str:
        return f"<div style='{self.style}'>{text}</div>"

    def _laid_out(self, text: str, width: float) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultTextOption(WORD_WRAP)
        document.setDefaultFont(self.item.font())
        document.setHtml(self._styled(text))
        document.setTextWidth(width)
        return document

    def _fit(self) -> None:
        width = self.size().width()
        shown = next((c for c in self.choices if width <= 0 or self._laid_out(c, -1).idealWidth() <= width),
                     self.choices[-1])
        if self._styled(shown) != self.item_html:
            self.text, self.item_html = shown, self._styled(shown)
            self.item.setHtml(self.item_html)
        self.item.setTextWidth(width if width > 0 else -1)
        self.item.setPos(0, 0)
        # As narrow as it can wrap, and no wider by preference: a long key must not take
        # width from the plots beside it (the data areas share the row equally).
        least = self._laid_out(self.choices[-1], 1.0).idealWidth()
        height = self.item.boundingRect().height()
        hints = {Qt.MinimumSize: QSizeF(least, height), Qt.PreferredSize: QSizeF(least, height)}
        if hints != self.hints:
            self.hints = hints
            self.setMaximumHeight(height)
            self.updateGeometry()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._fit()

    def sizeHint(self, which, constraint=QSizeF()) -> QSizeF:  # noqa: N802 (Qt's name)
        return self.hints.get(which, QSizeF(-1, -1))


def add_key(plot: pg.PlotItem) -> KeyLabel:
    """A :class:`KeyLabel` in place of the plot's title, spanning the axes too
    (pyqtgraph's own title label sits over the data column only, in a row of fixed height)."""
    plot.setTitle(None)
    plot.layout.removeItem(plot.titleLabel)
    key = KeyLabel(parent=plot)
    plot.layout.addItem(key, 0, 0, 1, 3)
    plot.layout.setRowMaximumHeight(0, 10_000)
    return key
