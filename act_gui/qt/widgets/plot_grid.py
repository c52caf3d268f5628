"""Plots that rearrange themselves to the shape they are given.

A grid of plots in a pyqtgraph layout is laid out in as many columns as keep every
plot closest to a 4:3 data area: four training plots stand in one row on a wide, short
strip (a small projector under the network picture), in two rows of two otherwise.
"""

from __future__ import annotations

import pyqtgraph as pg


def best_columns(count: int, width: float, height: float, choices=None) -> int:
    """How many columns make the cells' shape closest to 4:3."""
    choices = choices or [c for c in range(1, count + 1) if count % c == 0]
    def badness(columns: int) -> float:
        rows = -(-count // columns)
        shape = (width / columns) / max(1.0, height / rows)
        return abs(shape - 4 / 3) / (4 / 3) + abs((4 / 3) / max(shape, 1e-9) - 1)
    return min(choices, key=badness)


def arrange(layout: pg.GraphicsLayout, items: list, columns: int) -> None:
    """Put ``items`` in ``layout`` row by row, ``columns`` to a row."""
    for item in items:
        layout.removeItem(item)
    for index, item in enumerate(items):
        layout.addItem(item, row=index // columns, col=index % columns)
