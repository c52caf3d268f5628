"""Toy data sets for the Network Lab: five 2-D classification tasks and a 1-D regression.

Every set is drawn from a seeded generator, so the same (name, size, noise, seed) gives
the same points on every machine, and lessons replay exactly. A data set is declared
once, by the ``@dataset`` line over the function that draws it; the Lab's list, its
labels and the checks on configurations and files all come from :data:`SPECS`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import numpy as np

MAX_POINTS = 5000
MAX_INPUTS = 64
TEACHER_UNITS = 8


@dataclass(frozen=True)
class DatasetSpec:
    """One data set: its id, the label the Lab shows, its task and how to draw it."""

    name: str
    label: str
    task: str  # "classification" (targets 0/1) or "regression"
    draw: Callable[..., tuple[np.ndarray, np.ndarray]]  # (rng, n[, inputs]) -> X, y
    many_inputs: bool = False  # the number of inputs is chosen (``inputs``); else 1 or 2


SPECS: dict[str, DatasetSpec] = {}


def dataset(name: str, label: str, task: str = "classification", many_inputs: bool = False):
    """Declare the function below as data set ``name`` (in the Lab's order)."""
    def register(draw):
        SPECS[name] = DatasetSpec(name, label, task, draw, many_inputs)
        return draw
    return register


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
        return SPECS[self.name].task

    @property
    def inputs(self) -> int:
        return self.X_train.shape[1]


@dataset("xor", "XOR (four quadrants)")
def _xor(rng, n):
    X = rng.uniform(-1, 1, (n, 2))
    return X, (X[:, 0] * X[:, 1] > 0).astype(float)


@dataset("circles", "Circles (ring around a disc)")
def _circles(rng, n):
    y = (np.arange(n) % 2).astype(float)
    radius = np.where(y == 1, rng.uniform(0, 0.45, n), rng.uniform(0.65, 1.0, n))
    angle = rng.uniform(0, 2 * math.pi, n)
    return np.column_stack([radius * np.cos(angle), radius * np.sin(angle)]), y


@dataset("moons", "Two moons")
def _moons(rng, n):
    y = (np.arange(n) % 2).astype(float)
    t = rng.uniform(0, math.pi, n)
    upper = np.column_stack([np.cos(t), np.sin(t)])
    lower = np.column_stack([1 - np.cos(t), 0.5 - np.sin(t)])
    X = np.where(y[:, None] == 0, upper, lower)
    return (X - [0.5, 0.25]) / 1.25, y


@dataset("gaussians", "Two Gaussian blobs")
def _gaussians(rng, n):
    y = (np.arange(n) % 2).astype(float)
    centres = np.where(y[:, None] == 1, [0.45, 0.45], [-0.45, -0.45])
    return centres + rng.normal(0, 0.25, (n, 2)), y


@dataset("spiral", "Two spirals")
def _spiral(rng, n):
    y = (np.arange(n) % 2).astype(float)
    t = rng.uniform(0.05, 1.0, n)
    angle = 3.2 * math.pi * t + math.pi * y
    return np.column_stack([t * np.cos(angle), t * np.sin(angle)]), y


@dataset("sine", "Sine wave (regression)", "regression")
def _sine(rng, n):
    x = rng.uniform(-1, 1, (n, 1))
    return x, np.sin(math.pi * x[:, 0])


@dataset("teacher", "Teacher network (many inputs)", many_inputs=True)
def _teacher(rng, n, inputs):
    """Inputs ~ N(0, I); the label is a small random tanh network's opinion of each
    point. Many inputs make a unit's pre-activation a sum of many terms, so the scale of
    the initial weights, not only the biases, decides whether units start saturated."""
    teacher_rng = np.random.default_rng(rng.integers(2**32))
    hidden = teacher_rng.normal(0, 1 / math.sqrt(inputs), (inputs, TEACHER_UNITS))
    out = teacher_rng.normal(0, 1 / math.sqrt(TEACHER_UNITS), TEACHER_UNITS)
    X = rng.normal(0, 1, (n, inputs))
    score = np.tanh(X @ hidden) @ out
    return X, (score > np.median(score)).astype(float)  # balanced classes


NAMES = tuple(SPECS)
LABELS = {name: spec.label for name, spec in SPECS.items()}


def make(name: str, n: int = 256, noise: float = 0.05, test_fraction: float = 0.25, seed: int = 0,
         inputs: int = 50) -> Dataset:
    """``n`` training points (plus ``test_fraction`` as many for testing) of data set ``name``.

    ``noise`` is the standard deviation of Gaussian jitter added to the inputs (to the
    targets, for the regression task); ``inputs`` is the number of inputs of a data set
    that lets you choose it (the teacher), ignored by the others.
    """
    if name not in SPECS:
        raise KeyError(f"unknown data set {name!r}; valid: {', '.join(NAMES)}")
    if not (isinstance(n, (int, np.integer)) and 4 <= n <= MAX_POINTS):
        raise ValueError(f"the number of points must be an integer from 4 to {MAX_POINTS}, got {n!r}")
    if not (0 <= noise <= 1 and 0 < test_fraction <= 1):
        raise ValueError("noise must be in [0, 1] and test_fraction in (0, 1]")
    rng = np.random.default_rng(seed)
    n_test = max(2, round(n * test_fraction))
    if not (isinstance(inputs, (int, np.integer)) and 2 <= inputs <= MAX_INPUTS):
        raise ValueError(f"the number of inputs must be an integer from 2 to {MAX_INPUTS}, got {inputs!r}")
    spec = SPECS[name]
    X, y = spec.draw(rng, n + n_test, inputs) if spec.many_inputs else spec.draw(rng, n + n_test)
    if SPECS[name].task == "regression":
        y = y + rng.normal(0, noise, y.shape)
    else:
        X = X + rng.normal(0, noise, X.shape)
    order = rng.permutation(n + n_test)
    X, y = X[order], y[order]
    return Dataset(name, X[:n], y[:n], X[n:], y[n:])
