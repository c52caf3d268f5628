"""Toy data sets for the Network Lab: five 2-D classification tasks and a 1-D regression.

Every set is drawn from a seeded generator, so the same (name, size, noise, seed) gives
the same points on every machine, and lessons replay exactly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

CLASSIFICATION = ("xor", "circles", "moons", "gaussians", "spiral")
REGRESSION = ("sine",)
NAMES = CLASSIFICATION + REGRESSION
LABELS = {"xor": "XOR (four quadrants)", "circles": "Circles (ring around a disc)",
          "moons": "Two moons", "gaussians": "Two Gaussian blobs", "spiral": "Two spirals",
          "sine": "Sine wave (regression)"}
MAX_POINTS = 5000


@dataclass(frozen=True)
class Dataset:
    """Training and test points. Classification targets are 0/1; ``sine`` is real-valued."""

    name: str
    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray

    @property
    def task(self) -> str:
        return "regression" if self.name in REGRESSION else "classification"

    @property
    def inputs(self) -> int:
        return self.X_train.shape[1]


def _xor(rng, n):
    X = rng.uniform(-1, 1, (n, 2))
    return X, (X[:, 0] * X[:, 1] > 0).astype(float)


def _circles(rng, n):
    y = (np.arange(n) % 2).astype(float)
    radius = np.where(y == 1, rng.uniform(0, 0.45, n), rng.uniform(0.65, 1.0, n))
    angle = rng.uniform(0, 2 * math.pi, n)
    return np.column_stack([radius * np.cos(angle), radius * np.sin(angle)]), y


def _moons(rng, n):
    y = (np.arange(n) % 2).astype(float)
    t = rng.uniform(0, math.pi, n)
    upper = np.column_stack([np.cos(t), np.sin(t)])
    lower = np.column_stack([1 - np.cos(t), 0.5 - np.sin(t)])
    X = np.where(y[:, None] == 0, upper, lower)
    return (X - [0.5, 0.25]) / 1.25, y


def _gaussians(rng, n):
    y = (np.arange(n) % 2).astype(float)
    centres = np.where(y[:, None] == 1, [0.45, 0.45], [-0.45, -0.45])
    return centres + rng.normal(0, 0.25, (n, 2)), y


def _spiral(rng, n):
    y = (np.arange(n) % 2).astype(float)
    t = rng.uniform(0.05, 1.0, n)
    angle = 3.2 * math.pi * t + math.pi * y
    return np.column_stack([t * np.cos(angle), t * np.sin(angle)]), y


def _sine(rng, n):
    x = rng.uniform(-1, 1, (n, 1))
    return x, np.sin(math.pi * x[:, 0])


_MAKERS = {"xor": _xor, "circles": _circles, "moons": _moons, "gaussians": _gaussians,
           "spiral": _spiral, "sine": _sine}


def make(name: str, n: int = 256, noise: float = 0.05, test_fraction: float = 0.25, seed: int = 0) -> Dataset:
    """``n`` training points (plus ``test_fraction`` as many for testing) of data set ``name``.

    ``noise`` is the standard deviation of Gaussian jitter added to the inputs (to the
    targets, for the regression task).
    """
    if name not in _MAKERS:
        raise KeyError(f"unknown data set {name!r}; valid: {', '.join(NAMES)}")
    if not (isinstance(n, (int, np.integer)) and 4 <= n <= MAX_POINTS):
        raise ValueError(f"the number of points must be an integer from 4 to {MAX_POINTS}, got {n!r}")
    if not (0 <= noise <= 1 and 0 < test_fraction <= 1):
        raise ValueError("noise must be in [0, 1] and test_fraction in (0, 1]")
    rng = np.random.default_rng(seed)
    n_test = max(2, round(n * test_fraction))
    X, y = _MAKERS[name](rng, n + n_test)
    if name in REGRESSION:
        y = y + rng.normal(0, noise, y.shape)
    else:
        X = X + rng.normal(0, noise, X.shape)
    order = rng.permutation(n + n_test)
    X, y = X[order], y[order]
    return Dataset(name, X[:n], y[:n], X[n:], y[n:])
