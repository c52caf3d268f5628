"""Why non-zero-centred inputs slow gradient descent: one unit, two weights, two inputs.

A linear unit z = w₁x₁ + w₂x₂ learns to match a target unit w* = (1, −1) by stochastic
gradient descent on the squared error, one example per step. The gradient on wᵢ is
(z − target)·xᵢ: the same error times each input. When every input is positive (as the
outputs of a sigmoid layer are), both weights always move in the same direction, so the
path to w* has to zig-zag. With inputs centred on zero it can head straight there.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

TARGET = np.array([1.0, -1.0])
START = np.array([-1.2, 1.6])
LEARNING_RATE = 0.35
STEPS = 120


@dataclass(frozen=True)
class Problem:
    X: np.ndarray
    y: np.ndarray
    zero_centred: bool


def problem(zero_centred: bool, n: int = 200, seed: int = 0) -> Problem:
    """Inputs like a sigmoid layer's outputs, uniform on (0, 1), or uniform on (−1, 1).

    Both have the same mean square (1/3), so the learning rate means the same for both
    and only the centring differs.
    """
    X = np.random.default_rng(seed).uniform(0.0, 1.0, (n, 2))
    if zero_centred:
        X = 2.0 * X - 1.0
    return Problem(X, X @ TARGET, zero_centred)


def loss(p: Problem, w1: np.ndarray, w2: np.ndarray) -> np.ndarray:
    """Mean squared error ½·mean((w·x − y)²) on a grid of weights (contours)."""
    W = np.stack([np.asarray(w1, float), np.asarray(w2, float)], axis=-1)
    residual = W @ p.X.T - p.y
    return 0.5 * np.mean(residual**2, axis=-1)


def descent(p: Problem, steps: int = STEPS, lr: float = LEARNING_RATE, seed: int = 0):
    """The SGD path (steps + 1 points) and each step's update Δw, one example per step."""
    order = np.random.default_rng(seed).integers(0, len(p.X), steps)
    w = START.copy()
    path, updates = [w.copy()], []
    for i in order:
        update = -lr * (p.X[i] @ w - p.y[i]) * p.X[i]
        w = w + update
        path.append(w.copy())
        updates.append(update)
    return np.array(path), np.array(updates)


def same_sign_share(updates: np.ndarray) -> float:
    """Share of steps that moved both weights in the same direction."""
    moving = np.all(updates != 0, axis=1)
    return float(np.mean(np.sign(updates[moving, 0]) == np.sign(updates[moving, 1])))


def steps_to_reach(path: np.ndarray, radius: float = 0.15) -> int | None:
    """First step at which the path is within ``radius`` of the optimum (None if never)."""
    near = np.flatnonzero(np.linalg.norm(path - TARGET, axis=1) <= radius)
    return int(near[0]) if near.size else None
