"""Sampling activation curves and reading them off at one z: what the Explorer plots.

Kept free of Qt so the numbers behind every plot, probe readout and CSV export can be
reproduced (and tested) without a window.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np

from act_gui.core.activations import get

DEFAULT_Z_RANGE = (-6.0, 6.0)
DEFAULT_POINTS = 2000
#: The z-range a user may ask for: wide enough for z = ±1e4, narrow enough to stay finite.
Z_LIMIT = 1e6
MIN_SPAN = 1e-6


@dataclass(frozen=True)
class Curve:
    """f and f' of one activation, sampled on a common z grid."""

    act_id: str
    z: np.ndarray
    f: np.ndarray
    df: np.ndarray


@dataclass(frozen=True)
class Reading:
    """The probe's reading of one activation at one z."""

    act_id: str
    z: float
    f: float
    df: float


def check_z_range(lo: float, hi: float) -> tuple[float, float]:
    """The range as floats, or ValueError saying what is wrong with it."""
    lo, hi = float(lo), float(hi)
    if not (np.isfinite(lo) and np.isfinite(hi)):
        raise ValueError("the z-range must be finite numbers")
    if not hi - lo >= MIN_SPAN:
        raise ValueError(f"the z-range must run from low to high (got {lo:g} to {hi:g})")
    if max(abs(lo), abs(hi)) > Z_LIMIT:
        raise ValueError(f"the z-range must stay within ±{Z_LIMIT:g}")
    return lo, hi


def sample(act_id: str, params: Mapping[str, float], z_range: tuple[float, float],
           points: int = DEFAULT_POINTS) -> Curve:
    """f and f' of ``act_id`` at ``points`` evenly spaced z across ``z_range``."""
    lo, hi = check_z_range(*z_range)
    act = get(act_id)
    z = np.linspace(lo, hi, points)
    return Curve(act_id, z, act.forward(z, **params), act.derivative(z, **params))


def read(act_id: str, params: Mapping[str, float], z: float) -> Reading:
    """f(z) and f'(z) computed at exactly ``z`` (not interpolated from a curve)."""
    act = get(act_id)
    point = np.array([float(z)])
    return Reading(act_id, float(z), float(act.forward(point, **params)[0]),
                   float(act.derivative(point, **params)[0]))


def csv_text(curves: Sequence[Curve]) -> str:
    """One row per z, columns ``z, <id>, d_<id>, ...``; all curves share their z grid."""
    if not curves:
        raise ValueError("there are no curves to export")
    z = curves[0].z
    if any(c.z.shape != z.shape or not np.array_equal(c.z, z) for c in curves):
        raise ValueError("curves to export must share one z grid")
    header = ["z"] + [name for c in curves for name in (c.act_id, f"d_{c.act_id}")]
    columns = np.column_stack([z] + [col for c in curves for col in (c.f, c.df)])
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(columns.tolist())
    return out.getvalue()
