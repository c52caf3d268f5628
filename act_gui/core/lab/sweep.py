"""A learning-rate sweep: the same network trained from the same seed at many rates.

Used by the sweep view (which runs it off the UI thread, one result at a time) and by
the lesson tests. Each run is independent and deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

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


class Cancelled(Exception):
    """The caller asked the sweep to stop (``should_stop`` returned True)."""


#: Steps trained between two looks at ``should_stop``: a few milliseconds on any network.
CHECK_EVERY = 10


def run_one(base: LabConfig, activation: str, lr: float, steps: int = STEPS,
            should_stop: Callable[[], bool] = lambda: False) -> SweepResult:
    trainer = base.with_changes(activation=activation, layer_activations=None, lr=float(lr)).build()
    while trainer.steps < steps and trainer.diverged_at is None:
        if should_stop():
            raise Cancelled
        if not trainer.step(min(CHECK_EVERY, steps - trainer.steps)):
            break
    stats = trainer.stats()
    loss = float("nan") if stats.diverged else stats.train_loss
    return SweepResult(activation, float(lr), loss, stats.dead_fraction)


#: The grid a fair race searches for each activation's own best learning rate.
RATE_GRID = learning_rates(count=13, low=0.01, high=10.0)


def best_rate(base: LabConfig, activation: str, rates=RATE_GRID, steps: int = STEPS,
              should_stop: Callable[[], bool] = lambda: False) -> SweepResult:
    """The run of ``activation`` with the lowest training loss after ``steps`` steps, over
    ``rates`` (runs that diverge are left out): a race at one shared rate favours
    whichever activation that rate happens to suit."""
    results = [run_one(base, activation, lr, steps, should_stop) for lr in rates]
    finite = [r for r in results if np.isfinite(r.final_loss)]
    if not finite:
        raise ValueError(f"every rate diverged for {activation}")
    return min(finite, key=lambda r: r.final_loss)


def steps_to_reach(config: LabConfig, loss: float, max_steps: int, every: int = 10) -> int | None:
    """Training steps until the training loss first falls below ``loss`` (checked every
    ``every`` steps), or None if it does not within ``max_steps``."""
    trainer = config.build()
    while trainer.steps < max_steps:
        if not trainer.step(every):
            return None  # diverged
        if trainer.stats().train_loss < loss:
            return trainer.steps
    return None


def sweep(base: LabConfig, rates=None, activations=ACTIVATIONS, steps: int = STEPS,
          should_stop: Callable[[], bool] = lambda: False) -> Iterator[SweepResult]:
    """Every (activation, rate) run in turn; iterate to get results as they finish.

    ``should_stop`` is asked every few steps; when it says yes, :class:`Cancelled` is raised.
    """
    for lr in learning_rates() if rates is None else rates:
        for activation in activations:
            yield run_one(base, activation, lr, steps, should_stop)
