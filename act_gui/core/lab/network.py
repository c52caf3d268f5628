"""A small fully connected network with hand-written backpropagation.

Small enough to read in one sitting: ``forward`` keeps every layer's pre-activations
(the numbers the diagnostics look at), ``loss_and_gradients`` runs backprop through the
registry's derivatives, so any activation the Explorer shows can be trained here.

>>> net = MLP([2, 8, 1], activation="relu", init="he_normal", seed=0)
>>> loss, grads = net.loss_and_gradients(np.zeros((4, 2)), np.ones(4))
>>> [g.shape for g in grads["weights"]]
[(2, 8), (8, 1)]
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np

from act_gui.core.activations import numerics
from act_gui.core.activations import get

INITS = ("glorot_uniform", "glorot_normal", "he_normal", "he_uniform", "lecun_normal", "normal")
OUTPUTS = ("sigmoid", "identity")
MAX_LAYERS, MAX_WIDTH = 8, 256


@dataclass
class Pass:
    """What one forward pass leaves behind: inputs, pre-activations and outputs per layer."""

    inputs: list[np.ndarray]      # inputs[l] feeds layer l (inputs[0] is X)
    pre: list[np.ndarray]         # pre[l] = inputs[l] @ W[l] + b[l]
    output: np.ndarray            # network output after the output function


def flat_views(flat: np.ndarray, shapes) -> list[np.ndarray]:
    """Consecutive views of the 1-D array ``flat``, one of each shape in ``shapes``."""
    views, start = [], 0
    for shape in shapes:
        size = int(np.prod(shape))
        views.append(flat[start:start + size].reshape(shape))
        start += size
    return views


def _init_weights(rng, scheme: str, fan_in: int, fan_out: int, scale: float) -> np.ndarray:
    """Draw one weight matrix; every scheme's spread is multiplied by ``scale``."""
    shape = (fan_in, fan_out)
    if scheme == "glorot_uniform":
        return rng.uniform(-1, 1, shape) * scale * math.sqrt(6.0 / (fan_in + fan_out))
    if scheme == "he_uniform":
        return rng.uniform(-1, 1, shape) * scale * math.sqrt(6.0 / fan_in)
    std = {"glorot_normal": math.sqrt(2.0 / (fan_in + fan_out)), "he_normal": math.sqrt(2.0 / fan_in),
           "lecun_normal": math.sqrt(1.0 / fan_in), "normal": 1.0}[scheme]
    return rng.normal(0.0, scale * std, shape)


class MLP:
    """Fully connected network ``sizes[0] -> ... -> sizes[-1]``, float64, seeded.

    ``activation`` is one registry id for every hidden layer or a list with one per
    hidden layer; ``activation_params`` likewise gives their parameters. ``output`` is
    ``"sigmoid"`` (mean binary cross-entropy loss) or ``"identity"`` (mean squared
    error, ``mean((yhat - y)**2)``). ``init="normal"`` draws N(0, init_scale²); the other
    schemes are scaled by ``init_scale``.
    """

    def __init__(self, sizes: Sequence[int], activation: str | Sequence[str] = "tanh",
                 output: str = "sigmoid", init: str = "glorot_uniform", init_scale: float = 1.0,
                 bias_init: float = 0.0, seed: int = 0,
                 activation_params: Mapping | Sequence[Mapping] | None = None) -> None:
        self.sizes = [int(s) for s in sizes]
        if len(self.sizes) < 2 or len(self.sizes) > MAX_LAYERS + 2 or not all(1 <= s <= MAX_WIDTH for s in self.sizes):
            raise ValueError(f"sizes must list 2 to {MAX_LAYERS + 2} layer widths of 1 to {MAX_WIDTH}, got {sizes}")
        if output not in OUTPUTS:
            raise ValueError(f"output must be one of {OUTPUTS}, got {output!r}")
        if init not in INITS:
            raise ValueError(f"init must be one of {INITS}, got {init!r}")
        if not (math.isfinite(init_scale) and init_scale >= 0 and math.isfinite(bias_init)):
            raise ValueError("init_scale must be a finite number >= 0 and bias_init finite")
        hidden = len(self.sizes) - 2
        ids = [activation] * hidden if isinstance(activation, str) else list(activation)
        params = (activation_params if isinstance(activation_params, Sequence) else [activation_params or {}] * hidden)
        if len(ids) != hidden or len(params) != hidden:
            raise ValueError(f"give one activation (and parameter set) per hidden layer: {hidden}")
        self.activations = [get(i) for i in ids]
        self.activation_params = [a.resolve(p or {}) for a, p in zip(self.activations, params)]
        self.output, self.init, self.init_scale, self.bias_init, self.seed = output, init, init_scale, bias_init, seed
        rng = np.random.default_rng(seed)
        pairs = list(zip(self.sizes[:-1], self.sizes[1:]))
        weights = [_init_weights(rng, init, a, b, init_scale) for a, b in pairs]
        biases = [np.full(b, float(bias_init)) for _, b in pairs]
        # Every weight and bias lives in one flat array; ``weights`` and ``biases`` are
        # views of it, so a training update is one operation on one array.
        self.flat = np.concatenate([p.ravel() for p in weights + biases])
        self.shapes = [p.shape for p in weights + biases]
        views = flat_views(self.flat, self.shapes)
        self.weights, self.biases = views[:len(pairs)], views[len(pairs):]

    @property
    def hidden_layers(self) -> int:
        return len(self.sizes) - 2

    def parameters(self) -> list[np.ndarray]:
        """Weights then biases, the arrays themselves (updated in place by training)."""
        return self.weights + self.biases

    def forward(self, X: np.ndarray) -> Pass:
        inputs, pre = [np.asarray(X, dtype=np.float64)], []
        for layer, (W, b) in enumerate(zip(self.weights, self.biases)):
            z = inputs[-1] @ W + b
            pre.append(z)
            if layer < self.hidden_layers:
                act = self.activations[layer]
                inputs.append(act.kernel(z, **self.activation_params[layer]))
        out = numerics.sigmoid(pre[-1]) if self.output == "sigmoid" else pre[-1]
        return Pass(inputs, pre, out)

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Network output, shape (N,) for one output unit: a probability or a value."""
        out = self.forward(X).output
        return out[:, 0] if out.shape[1] == 1 else out

    def loss(self, X: np.ndarray, y: np.ndarray) -> float:
        return self._loss(self.forward(X).pre[-1], self._targets(y, len(X)))

    def loss_and_gradients(self, X: np.ndarray, y: np.ndarray, into: list[np.ndarray] | None = None) -> tuple[float, dict]:
        """Mean loss over the batch and its gradient for every weight and bias."""
        return self.backward(self.forward(X), y, into)

    def pass_loss(self, run: Pass, y: np.ndarray) -> float:
        """The mean loss of a forward pass already made."""
        return self._loss(run.pre[-1], self._targets(y, len(run.pre[-1])))

    def backward(self, run: Pass, y: np.ndarray, into: list[np.ndarray] | None = None) -> tuple[float, dict]:
        """Backpropagation through a forward pass already made: (loss, gradients).

        ``into``, arrays shaped like :meth:`parameters` (views of one flat buffer, say),
        receives the gradients, so a training loop need not allocate them every step."""
        y = self._targets(y, len(run.inputs[0]))
        logits = run.pre[-1]
        n = len(logits)
        # Both losses' gradient with respect to the last pre-activation, per sample.
        delta = (run.output - y) / n if self.output == "sigmoid" else 2.0 * (logits - y) / n
        layers = len(self.weights)
        views = flat_views(np.empty_like(self.flat), self.shapes) if into is None else into
        grads_w, grads_b = views[:layers], views[layers:]
        for layer in range(layers - 1, -1, -1):
            np.matmul(run.inputs[layer].T, delta, out=grads_w[layer])
            np.add.reduce(delta, axis=0, out=grads_b[layer])  # np.sum's own sum, without its wrapper
            if layer:
                delta = (delta @ self.weights[layer].T) * self._slope(layer - 1, run)
        return self._loss(logits, y), {"weights": grads_w, "biases": grads_b}

    def _slope(self, layer: int, run: Pass) -> np.ndarray:
        """f'(z) of hidden ``layer`` for backprop, from its output where that is cheaper."""
        act = self.activations[layer]
        if act.prime_from_output is not None:
            return act.prime_from_output(run.inputs[layer + 1])
        return act.kernel_prime(run.pre[layer], **self.activation_params[layer])

    def _loss(self, logits: np.ndarray, y: np.ndarray) -> float:
        if self.output == "sigmoid":
            # BCE written on the logit: softplus(l) − y·l never overflows.
            return _mean(numerics.softplus(logits) - y * logits)
        return _mean((logits - y) ** 2)

    def _targets(self, y: np.ndarray, n: int) -> np.ndarray:
        y = np.asarray(y, dtype=np.float64)
        return y.reshape(n, -1)


def _mean(values: np.ndarray) -> float:
    """``np.mean`` of all the values, the same sum and division, minus its Python wrapper
    (a few microseconds, a tenth of a small batch's training step)."""
    return float(np.add.reduce(values, axis=None)) / values.size
