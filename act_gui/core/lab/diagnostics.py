"""What a network's units are doing: firing rates, dead units, saturated units, gradients.

Computed over the whole training set, once per drawn frame (never once per step), so
training stays fast. The words mean what the Explorer's shaded regions mean:

* **dead**: f'(z) is exactly 0 for every training sample. No gradient reaches the
  unit's weights through any sample. In the first hidden layer that is for good (its
  inputs are the data, which never change); a later layer's unit can come back, but only
  if the layers before it change its inputs.
* **saturated**: the function flattens out (a bounded tail: sigmoid, tanh, ELU's left
  side...) and 0 < |f'(z)| < 5% of its largest slope for at least half of the
  samples (and the unit is not dead): most of what it sees teaches it next to nothing.
  A function that never flattens out, such as Leaky ReLU with its constant small
  slope, never counts as saturated.
* **on flat tails** (``flat_share``): the share of all (unit, sample) pairs of
  saturating functions whose |f'(z)| is under that 5% but not 0: how much of the
  network's input lands where the gradient nearly vanishes.

(The rule was once 95% of the samples; with many inputs, a network whose units sit on
the flat tails for 84% of the samples hardly learns, yet that rule flagged none of them.)
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from act_gui.core.activations.analysis import SATURATION_SHARE, max_abs_slope
from act_gui.core.lab.network import MLP

SATURATED_SAMPLE_SHARE = 0.5


@dataclass(frozen=True)
class Stats:
    """One snapshot of training, as the Network Lab draws it."""

    step: int
    train_loss: float
    test_loss: float
    train_accuracy: float | None      # classification only
    accuracy: float | None            # on the test set; classification only
    firing_rates: list[np.ndarray]    # per hidden layer: mean activation of each unit
    firing_display: list[np.ndarray]  # the same mapped onto 0 … 1 for colouring
    dead: list[np.ndarray]            # per hidden layer: bool per unit
    saturated: list[np.ndarray]
    dead_fraction: float              # over all hidden units
    saturated_fraction: float
    flat_share: float                 # of (unit, sample) pairs of saturating units: on a flat tail
    grad_norms: list[float]           # per layer: ‖dL/dW‖ on the training set
    preactivations: list[np.ndarray]  # per hidden layer: (samples, units)
    diverged_at: int | None = None    # the step whose update made training blow up
    weights: list[np.ndarray] = field(default_factory=list)
    #: Per hidden layer, the activations that map to 0 and 1 on the colour scale.
    display_ranges: list[tuple[float, float]] = field(default_factory=list)
    #: Per hidden layer (classification only): mean activation of each unit over the
    #: class-0 samples (row 0) and the class-1 samples (row 1), on the colour scale.
    class_display: list[np.ndarray] | None = None

    def display(self, layer: int, activations: np.ndarray) -> np.ndarray:
        """Activations of hidden ``layer`` (one sample's, say) on this snapshot's colour scale."""
        return on_scale(activations, self.display_ranges[layer])

    @property
    def diverged(self) -> bool:
        return self.diverged_at is not None


def on_scale(values: np.ndarray, span: tuple[float, float]) -> np.ndarray:
    """``values`` mapped onto 0 … 1, ``span`` giving the ends (clipped outside them)."""
    lo, hi = span
    return np.clip((values - lo) / (hi - lo), 0.0, 1.0) if hi > lo else np.zeros_like(values)


def unit_states(net: MLP, layer: int, pre: np.ndarray, peak: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(dead, saturated, flat) per unit of hidden ``layer`` from its pre-activations
    ``pre``: flat is the share of samples on a flat tail (NaN for a function without)."""
    act = net.activations[layer]
    slope = np.abs(act.kernel_prime(pre, **net.activation_params[layer]))
    dead = np.all(slope == 0.0, axis=0)
    if act.properties.saturates == "none":
        return dead, np.zeros_like(dead), np.full(dead.shape, np.nan)
    # As on the Explorer's plots: "flat" is a small slope that is not exactly zero (ReLU's
    # zero side is the dead band, not a saturated one).
    flat = np.mean((slope < SATURATION_SHARE * peak) & (slope > 0.0), axis=0)
    return dead, (flat >= SATURATED_SAMPLE_SHARE) & ~dead, flat


def display_range(net: MLP, layer: int, activations: np.ndarray) -> tuple[float, float]:
    """The activations shown as 0 and 1: the function's output range where it is
    bounded, what the layer actually produced where it is not (ReLU, say)."""
    lo, hi = net.activations[layer].properties.output_range
    if not np.isfinite(lo):
        lo = float(activations.min())
    if not np.isfinite(hi):
        hi = float(activations.max())
    return float(lo), float(hi)


def class_means(activations: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """(2, units): each unit's mean activation over the class-0 and the class-1 samples."""
    rows = []
    for label in (0, 1):
        members = activations[labels == label]
        rows.append(members.mean(axis=0) if len(members) else np.full(activations.shape[1], np.nan))
    return np.array(rows)


class Diagnostician:
    """Computes :class:`Stats` for one network; remembers each layer's largest slope."""

    def __init__(self, net: MLP) -> None:
        self.net = net
        self.peaks = [max_abs_slope(a, p)[0] for a, p in zip(net.activations, net.activation_params)]

    def stats(self, X_train, y_train, X_test, y_test, step: int, classification: bool,
              diverged_at: int | None = None) -> Stats:
        net = self.net
        run = net.forward(X_train)
        hidden = range(net.hidden_layers)
        states = [unit_states(net, l, run.pre[l], self.peaks[l]) for l in hidden]
        dead = [d for d, _, _ in states]
        saturated = [s for _, s, _ in states]
        flat = np.concatenate([f for _, _, f in states])
        flat = flat[np.isfinite(flat)]
        units = max(1, sum(len(d) for d in dead))
        train_loss, grads = net.backward(run, y_train)
        test_run = net.forward(X_test)
        accuracy = train_accuracy = None
        if classification:
            train_accuracy = float(np.mean((run.output[:, 0] > 0.5) == (y_train > 0.5)))
            accuracy = float(np.mean((test_run.output[:, 0] > 0.5) == (y_test > 0.5)))
        ranges = [display_range(net, l, run.inputs[l + 1]) for l in hidden]
        rates = [run.inputs[l + 1].mean(axis=0) for l in hidden]
        return Stats(
            step=step, train_loss=train_loss, test_loss=net.pass_loss(test_run, y_test),
            train_accuracy=train_accuracy, accuracy=accuracy,
            firing_rates=rates,
            firing_display=[on_scale(r, span) for r, span in zip(rates, ranges)],
            dead=dead, saturated=saturated,
            dead_fraction=sum(int(d.sum()) for d in dead) / units,
            saturated_fraction=sum(int(s.sum()) for s in saturated) / units,
            flat_share=float(flat.mean()) if flat.size else 0.0,
            grad_norms=[float(np.linalg.norm(g)) for g in grads["weights"]],
            preactivations=[run.pre[l] for l in hidden],
            diverged_at=diverged_at,
            weights=[w.copy() for w in net.weights],
            display_ranges=ranges,
            class_display=[on_scale(class_means(run.inputs[l + 1], y_train), ranges[l]) for l in hidden]
            if classification else None,
        )
