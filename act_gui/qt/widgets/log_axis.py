"""Log axes that always carry numbers: pyqtgraph labels only whole powers of ten, so a
range under one decade had none. Positions are in log10 units, as pyqtgraph's log mode
uses."""

from __future__ import annotations

import numpy as np


def decades(*series: np.ndarray) -> tuple[float, float]:
    """Whole powers of ten (as log10 values) enclosing every positive finite value."""
    values = np.concatenate([s[np.isfinite(s) & (s > 0)] for s in series]) if series else np.array([])
    if values.size == 0:
        return -3.0, 0.0
    lo, hi = np.floor(np.log10(values.min())), np.ceil(np.log10(values.max()))
    return float(lo), float(max(hi, lo + 1))


def decade_ticks(lo: float, hi: float) -> list[tuple[float, str]]:
    """Labelled ticks on a log axis (positions in log10 units): one per power of ten, at
    most six, and 2 and 5 times each power too when fewer than two decades show (else
    a short range would have a single number, or none)."""
    powers = list(range(int(lo), int(hi) + 1))
    step = max(1, -(-len(powers) // 6))
    ticks = [(float(k), f"{10.0 ** k:g}") for k in powers[::step]]
    if hi - lo < 2:
        ticks += [(float(np.log10(m * 10.0 ** k)), f"{m * 10.0 ** k:g}") for k in powers for m in (2, 5)
                  if lo <= np.log10(m * 10.0 ** k) <= hi]
    return sorted(ticks)


EDGE_ROOM = 0.06  # in decades, past each end of a log axis
