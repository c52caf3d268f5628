"""Questions asked of an activation's gradient: where is it zero, where has it saturated?

These feed the shaded regions of the gradient plot; the Network Lab's dead and
saturated units use the same definitions, so a student sees one meaning for each word.
"""

from __future__ import annotations

from typing import Mapping

import numpy as np

from act_gui.core.activations.types import Activation

#: |f'| below this share of its maximum counts as saturated (the Network Lab uses it too).
SATURATION_SHARE = 0.05

#: Where the maximum of |f'| is searched: wide enough for every registry entry's peak.
_SEARCH_SPAN = 60.0
_SEARCH_POINTS = 24001


def max_abs_slope(act: Activation, params: Mapping[str, float] | None = None) -> tuple[float, float]:
    """(max |f'(z)|, the z where it occurs) for the given parameters.

    Found on a dense grid over [-60, 60] plus each kink and the floats either side of
    it, since several functions take their largest slope at a kink (SELU at 0) or just
    beside one (hard swish, whose slope nears 1.5 as z rises to 3 and is 1 at 3 itself).
    """
    params = dict(params or {})
    kinks = np.asarray(act.kinks(**act.resolve(params)), dtype=np.float64)
    beside = np.concatenate([kinks, np.nextafter(kinks, -np.inf), np.nextafter(kinks, np.inf)])
    z = np.concatenate([np.linspace(-_SEARCH_SPAN, _SEARCH_SPAN, _SEARCH_POINTS), beside])
    slope = np.abs(act.derivative(z, **params))
    if np.isnan(slope).all():  # (a formula of the user's, undefined everywhere it was tried)
        return 0.0, 0.0
    best = int(np.nanargmax(slope))  # where f′ is undefined (NaN), it is not the largest
    return float(slope[best]), float(z[best])


def runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """Index ranges [start, stop) of the consecutive True stretches in a 1-D mask."""
    padded = np.concatenate([[False], np.asarray(mask, dtype=bool), [False]])
    edges = np.flatnonzero(np.diff(padded.astype(np.int8)))
    return list(zip(edges[0::2].tolist(), edges[1::2].tolist()))


def gradient_regions(z: np.ndarray, slope: np.ndarray, max_abs: float,
                     share: float = SATURATION_SHARE) -> dict[str, list[tuple[float, float]]]:
    """z-intervals where f' is exactly zero ("dead") and where it is nearly so ("saturated").

    ``z`` must be sorted. A run of a single sample is ignored: f' = 0 at one point (the
    bottom of tanhshrink, say) is not a region a unit can get stuck in. Each interval is
    widened by half a grid step on both sides so neighbouring shaded bands meet.
    """
    z = np.asarray(z, dtype=float)
    mag = np.abs(np.asarray(slope, dtype=float))
    zero = mag == 0.0
    saturated = (~zero) & (mag < share * max_abs) if max_abs > 0 else np.zeros_like(zero)
    half_step = (z[-1] - z[0]) / (2 * (len(z) - 1)) if len(z) > 1 else 0.0

    def intervals(mask):
        return [(float(z[a]) - half_step, float(z[b - 1]) + half_step)
                for a, b in runs(mask) if b - a > 1]

    return {"zero": intervals(zero), "saturated": intervals(saturated)}
