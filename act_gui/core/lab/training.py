"""Gradient descent on an :class:`~act_gui.core.lab.network.MLP`, one step or many.

``Trainer.step(n)`` is the whole training loop: the app's Play button calls it from a
timer and draws once per frame; a notebook can call it directly. Runs are deterministic:
the same network seed, data and trainer seed give a bit-identical loss history.

If an update makes the loss or a parameter non-finite, it is undone and training stops
(``diverged_at`` names the step); nothing is lost and a lower learning rate will do.
"""

from __future__ import annotations

import math

import numpy as np

from act_gui.core.lab.datasets import Dataset
from act_gui.core.lab.diagnostics import Diagnostician, Stats
from act_gui.core.lab.fields import FIELDS, LR_RANGE  # noqa: F401 (LR_RANGE: part of this module's API)
from act_gui.core.lab.network import MLP, flat_views

#: Per-step losses kept (the most recent): enough to compare runs step by step, while a
#: run of millions of steps costs bounded memory and a bounded session file.
LOSS_WINDOW = 100_000


class Trainer:
    def __init__(self, net: MLP, dataset: Dataset, lr: float = 0.03, batch_size: int | None = None,
                 momentum: float = 0.0, l2: float = 0.0, seed: int = 0) -> None:
        if dataset.inputs != net.sizes[0]:
            raise ValueError(f"the network takes {net.sizes[0]} inputs but {dataset.name} has {dataset.inputs}")
        self.net, self.dataset = net, dataset
        self.set_hyperparameters(lr=lr, batch_size=batch_size, momentum=momentum, l2=l2)
        self.rng = np.random.default_rng(seed)
        self.steps = 0
        self.diverged_at: int | None = None
        self._losses = np.empty(1024)
        self._losses_from = 0  # the step of _losses[0]
        # Flat buffers shaped like the network's (with per-array views for saving): one
        # copy for the undo, one update for all parameters, gradients written in place.
        self._grad = np.zeros_like(net.flat)
        self._grad_views = flat_views(self._grad, net.shapes)
        self._step_flat = np.zeros_like(net.flat)  # the scaled step, reused
        self._velocity_flat = np.zeros_like(net.flat)
        self._before_flat = net.flat.copy()          # parameters before the last update
        self._velocity_before_flat = np.zeros_like(net.flat)
        self._velocity = flat_views(self._velocity_flat, net.shapes)
        self._before = flat_views(self._before_flat, net.shapes)
        self._velocity_before = flat_views(self._velocity_before_flat, net.shapes)
        self._weights_end = sum(w.size for w in net.weights)  # the weights come first in flat
        self._diagnostician = Diagnostician(net)

    def set_hyperparameters(self, *, lr: float | None = None, batch_size: int | None | str = "keep",
                            momentum: float | None = None, l2: float | None = None) -> None:
        """Change how training proceeds without resetting it (the weights stay as they are)."""
        if lr is not None:
            self.lr = float(FIELDS["lr"].check(lr))
        if batch_size != "keep":
            n = len(self.dataset.X_train)
            if batch_size is not None and not (isinstance(batch_size, (int, np.integer)) and 1 <= batch_size):
                raise ValueError("the batch size must be a whole number of at least 1 (or None for all)")
            self.batch_size = None if batch_size is None or batch_size >= n else int(batch_size)
        if momentum is not None:
            self.momentum = float(FIELDS["momentum"].check(momentum))
        if l2 is not None:
            self.l2 = float(FIELDS["l2"].check(l2))

    @property
    def losses(self) -> np.ndarray:
        """The loss of each recent step's batch, in order, from step ``losses_from``
        (at most LOSS_WINDOW of them; a view: copy to keep)."""
        return self._losses[:self.steps - self._losses_from]

    @property
    def losses_from(self) -> int:
        """The step whose loss is ``losses[0]`` (0 until the run outgrows LOSS_WINDOW)."""
        return self._losses_from

    def step(self, n: int = 1) -> int:
        """Run up to ``n`` updates; returns how many ran (fewer if training diverged)."""
        start = self.steps
        # Overflow on the way to divergence is expected and handled: no warnings.
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            for _ in range(n):
                if self.diverged_at is not None:
                    break
                self._one_step()
        return max(0, self.steps - start)

    def _batch(self):
        X, y = self.dataset.X_train, self.dataset.y_train
        if self.batch_size is None:
            return X, y
        pick = self.rng.integers(0, len(X), self.batch_size)
        return X[pick], y[pick]

    def _one_step(self) -> None:
        loss, _grads = self.net.loss_and_gradients(*self._batch(), into=self._grad_views)
        # One check covers everything: a non-finite weight or bias makes the loss NaN
        # or infinite (NaN spreads through every product), so the update that caused
        # it is the one just before this step.
        if not math.isfinite(loss):
            self._undo(failed_step=self.steps)
            return
        flat, grad, scaled = self.net.flat, self._grad, self._step_flat
        np.copyto(self._before_flat, flat)
        if self.l2:  # on the weights only (the first part of flat), as before
            w = slice(0, self._weights_end)
            np.multiply(flat[w], self.l2, out=scaled[w])
            grad[w] += scaled[w]
        np.multiply(grad, self.lr, out=scaled)
        if self.momentum:
            np.copyto(self._velocity_before_flat, self._velocity_flat)
            self._velocity_flat *= self.momentum
            self._velocity_flat -= scaled
            flat += self._velocity_flat
        else:  # plain gradient descent: the velocity stays zero
            flat -= scaled
        self._record(loss)

    def _record(self, loss: float) -> None:
        kept = self.steps - self._losses_from
        if kept == 2 * LOSS_WINDOW:  # forget the older half: bounded, and rarely
            self._losses[:LOSS_WINDOW] = self._losses[LOSS_WINDOW:kept]
            self._losses_from += LOSS_WINDOW
            kept = LOSS_WINDOW
        if kept == len(self._losses):
            self._losses = np.concatenate([self._losses, np.empty(len(self._losses))])
        self._losses[kept] = loss
        self.steps += 1

    def _undo(self, failed_step: int) -> None:
        """Put back the parameters from before the last update and stop."""
        np.copyto(self.net.flat, self._before_flat)
        np.copyto(self._velocity_flat, self._velocity_before_flat)
        self.steps = max(self._losses_from, failed_step - 1)
        self.diverged_at = failed_step

    def restore_progress(self, steps: int, losses: np.ndarray, diverged_at: int | None,
                         losses_from: int = 0) -> None:
        """Set the step count, recent losses and divergence mark (when reopening a session).

        ``losses`` are the losses of steps ``losses_from`` to ``steps - 1``; as many are
        kept as a run keeps while training (an older, longer file keeps its last ones).
        """
        if losses_from < 0 or len(losses) != steps - losses_from:
            raise ValueError("there must be one loss per step since losses_from")
        keep = len(losses) if len(losses) < 2 * LOSS_WINDOW else LOSS_WINDOW
        tail = np.asarray(losses, dtype=np.float64)[len(losses) - keep:]
        self._losses = np.concatenate([tail, np.empty(max(1024, keep))])
        self._losses_from = steps - keep
        self.steps = steps
        self.diverged_at = diverged_at

    def state_dict(self) -> dict:
        """Everything needed to continue this run exactly (arrays are copies): parameters,
        momentum velocity, the undo copies, the batch sampler's state, progress."""
        return {"parameters": [p.copy() for p in self.net.parameters()],
                "velocity": [v.copy() for v in self._velocity],
                "before": [b.copy() for b in self._before],
                "velocity_before": [v.copy() for v in self._velocity_before],
                "rng": self.rng.bit_generator.state, "steps": self.steps, "diverged_at": self.diverged_at,
                "losses_from": self._losses_from, "losses": self.losses.copy()}

    def load_state_dict(self, state: dict) -> None:
        """Continue the run ``state`` describes (from :meth:`state_dict`, or a checked file).

        ValueError (nothing changed) if an array does not fit this network or the random
        state is not one the sampler takes.
        """
        groups = ("parameters", "velocity", "before", "velocity_before")
        shapes = [p.shape for p in self.net.parameters()]
        for group in groups:
            if [np.shape(a) for a in state[group]] != shapes:
                raise ValueError(f"{group} do not fit this network")
        rng = np.random.default_rng()
        try:
            rng.bit_generator.state = state["rng"]  # checked before anything changes
        except (TypeError, KeyError, OverflowError, ValueError) as error:
            raise ValueError(f"the batch sampler's random state is unusable ({error})") from None
        self.rng = rng
        for target, source in zip((self.net.parameters(), self._velocity, self._before, self._velocity_before),
                                  (state[g] for g in groups)):
            for t, s in zip(target, source):
                np.copyto(t, s)
        self.restore_progress(state["steps"], state["losses"], state["diverged_at"], state["losses_from"])

    def resume(self) -> None:
        """Allow training again after a divergence (e.g. once the learning rate is lower)."""
        self.diverged_at = None

    def stats(self) -> Stats:
        """Diagnostics of the network as it is now, over the whole data set."""
        if self.diverged_at is None and not all(np.isfinite(p).all() for p in self.net.parameters()):
            self._undo(failed_step=self.steps)  # the last update left a non-finite parameter
        d = self.dataset
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            return self._diagnostician.stats(d.X_train, d.y_train, d.X_test, d.y_test, self.steps,
                                             d.task == "classification", self.diverged_at)
