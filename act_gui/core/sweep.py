"""A learning-rate sweep: the same network trained from the same seed at many rates.

Used by the sweep view (which runs it off the UI thread, one result at a time) and by
the lesson tests. Each run is independent and deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import numpy as np

from act_gui.core.lab import LabConfig

ACTIVATIONS = ("relu", "leaky_relu")
STEPS = 300


def learning_rates(count: int = 13, low: float = 1e-3, high: float = 10.0) -> np.ndarray:
    """A log-spaced grid of learning rates from ``low`` to ``high``."""
    return np.logspace(np.log10(low), np.log10(high), count)


@dataclass(frozen=True)
class SweepResult:
    activation: str
    lr: float
    final_loss: float      # NaN if the run diverged
    dead_fraction: float


def run_one(base: LabConfig, activation: str, lr: float, steps: int = STEPS) -> SweepResult:
    trainer = base.with_changes(activation=activation, layer_activations=None, lr=float(lr)).build()
    trainer.step(steps)
    stats = trainer.stats()
    loss = float("nan") if stats.diverged else stats.train_loss
    return SweepResult(activation, float(lr), loss, stats.dead_fraction)


def sweep(base: LabConfig, rates=None, activations=ACTIVATIONS, steps: int = STEPS) -> Iterator[SweepResult]:
    """Every (activation, rate) run in turn; iterate to get results as they finish."""
    for lr in learning_rates() if rates is None else rates:
        for activation in activations:
            yield run_one(base, activation, lr, steps)
