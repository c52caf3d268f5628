"""Exact definitions of every activation, in 100-digit arithmetic (mpmath).

These are written from the mathematical definitions (PyTorch's, where they differ), not
from our kernels, so that comparing against them checks our numerics independently.
"""

from __future__ import annotations

import mpmath as mp

# 100 digits: 1 + tanh(u) for the tanh-GELU at z = -12 cancels about 62 of them.
mp.mp.dps = 100

SELU_ALPHA = mp.mpf("1.6732632423543772848170429916717")
SELU_SCALE = mp.mpf("1.0507009873554804934193349852946")


def _sig(z):
    return 1 / (1 + mp.exp(-z))


def _softplus(z, beta=1, threshold=20):
    return z if beta * z > threshold else mp.log1p(mp.exp(beta * z)) / beta


def _elu(z, alpha):
    return z if z > 0 else alpha * mp.expm1(z)


REFERENCE = {
    "identity": lambda z: z,
    "binary_step": lambda z: mp.mpf(1) if z >= 0 else mp.mpf(0),
    "sigmoid": _sig,
    "tanh": mp.tanh,
    "relu": lambda z: max(z, 0),
    "leaky_relu": lambda z, negative_slope=0.01: z if z > 0 else negative_slope * z,
    "prelu": lambda z, a=0.25: z if z > 0 else a * z,
    "relu6": lambda z: min(max(z, 0), 6),
    "elu": lambda z, alpha=1.0: _elu(z, alpha),
    "selu": lambda z: SELU_SCALE * _elu(z, SELU_ALPHA) if z <= 0 else SELU_SCALE * z,
    "celu": lambda z, alpha=1.0: z if z > 0 else alpha * mp.expm1(z / alpha),
    "gelu": lambda z: z * mp.erfc(-z / mp.sqrt(2)) / 2,
    "gelu_tanh": lambda z: z * (1 + mp.tanh(mp.sqrt(2 / mp.pi) * (z + mp.mpf("0.044715") * z**3))) / 2,
    "silu": lambda z: z * _sig(z),
    "mish": lambda z: z * mp.tanh(mp.log1p(mp.exp(z))),
    "softplus": _softplus,
    "softsign": lambda z: z / (1 + abs(z)),
    "hardtanh": lambda z, min_val=-1.0, max_val=1.0: min(max(z, min_val), max_val),
    "hardsigmoid": lambda z: min(max(z + 3, 0), 6) / 6,
    "hardswish": lambda z: z * min(max(z + 3, 0), 6) / 6,
    "logsigmoid": lambda z: mp.log(_sig(z)),
    "tanhshrink": lambda z: z - mp.tanh(z),
    "softshrink": lambda z, lambd=0.5: z - lambd if z > lambd else (z + lambd if z < -lambd else mp.mpf(0)),
    "hardshrink": lambda z, lambd=0.5: z if abs(z) > lambd else mp.mpf(0),
    "sin": mp.sin,
    "arctan": mp.atan,
    "sigmoid_rescaled": lambda z: 2 * _sig(2 * z) - 1,
    "sigmoid_centred": lambda z: _sig(z) - mp.mpf(1) / 2,
    "sigmoid_steep": lambda z: 2 * _sig(2 * z),
}


def value(activation_id: str, z: float, **params) -> float:
    return float(REFERENCE[activation_id](mp.mpf(z), **params))


def slope(activation_id: str, z: float, **params) -> float:
    """f'(z) by 100-digit numerical differentiation of the exact definition."""
    f = REFERENCE[activation_id]
    return float(mp.diff(lambda t: f(t, **params), mp.mpf(z)))
