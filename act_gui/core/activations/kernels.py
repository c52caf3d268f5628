"""Numerically stable kernels of the piecewise and composite activation functions.

Each takes a finite float64 array (and the function's parameters) and returns f or f'
without overflowing; the registry in :mod:`act_gui.core.activations` wires them up.
"""

from __future__ import annotations

import math

import numpy as np

from act_gui.core.activations import numerics as nm

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946
GELU_TANH_C = math.sqrt(2.0 / math.pi)
GELU_TANH_A = 0.044715
#: |z| beyond which the tanh-GELU's cubic is clipped (its sigmoid is exactly 0 or 1).
CUBIC_CLIP = 1e5


def ones(z):
    return np.ones_like(z)


def zeros(z):
    return np.zeros_like(z)


# --- rectifiers -------------------------------------------------------------------------

def leaky(z, slope):
    return np.where(z > 0, z, slope * z)


def leaky_prime(z, slope):
    return np.where(z > 0, 1.0, slope)


def negative_part(z, inner):
    """inner · min(z, 0), floored where e^{...} is already 0 so it cannot overflow."""
    return np.maximum(np.minimum(z, 0.0), -800.0 / inner) * inner


def elu(z, alpha, scale=1.0, inner=1.0):
    """PyTorch's ELU family: scale·(max(0,z) + min(0, alpha·(e^{inner·z} − 1)))."""
    neg = negative_part(z, inner)
    return scale * np.where(z > 0, z, alpha * np.expm1(neg))


def elu_prime(z, alpha, scale=1.0, inner=1.0):
    neg = negative_part(z, inner)
    return scale * np.where(z > 0, 1.0, alpha * inner * np.exp(neg))


def softplus_arg(z, beta, threshold):
    """(βz capped at the threshold, whether βz is beyond it): PyTorch's linear switch."""
    bz = beta * np.clip(z, -1e300, 1e300)
    return np.minimum(bz, threshold), bz > threshold


def softplus(z, beta, threshold):
    bz, linear = softplus_arg(z, beta, threshold)
    return np.where(linear, z, nm.softplus(bz) / beta)


def softplus_prime(z, beta, threshold):
    bz, linear = softplus_arg(z, beta, threshold)
    return np.where(linear, 1.0, nm.sigmoid(bz))


# --- smooth ------------------------------------------------------------------------------

def gelu_tanh_arg(z):
    """2u with u = √(2/π)(z + a z³), so that 1 + tanh(u) = 2σ(2u) (no cancellation)."""
    zc = np.clip(z, -CUBIC_CLIP, CUBIC_CLIP)
    return 2.0 * GELU_TANH_C * (zc + GELU_TANH_A * zc**3), zc


def gelu_tanh(z):
    two_u, _ = gelu_tanh_arg(z)
    return z * nm.sigmoid(two_u)


def gelu_tanh_prime(z):
    two_u, zc = gelu_tanh_arg(z)
    du = 2.0 * GELU_TANH_C * (1.0 + 3.0 * GELU_TANH_A * zc * zc)
    return nm.sigmoid(two_u) + zc * du * nm.sigmoid_prime(two_u)


def mish_parts(z):
    """tanh(softplus(z)) and sech²(softplus(z)) without cancellation on either tail.

    With q = (1 + e^z)²: tanh(softplus) = (q − 1)/(q + 1) and sech² = 4q/(q + 1)².
    For z ≤ 0 write q − 1 = w = e(2 + e) with e = e^z; for z > 0 use r = 1/q.
    """
    neg = z <= 0
    e_neg = np.exp(np.minimum(z, 0.0))
    w = e_neg * (2.0 + e_neg)
    e_pos = np.exp(-np.maximum(z, 0.0))
    r = (e_pos / (1.0 + e_pos)) ** 2
    tsp = np.where(neg, w / (w + 2.0), (1.0 - r) / (1.0 + r))
    sech2 = np.where(neg, 4.0 * (1.0 + w) / (w + 2.0) ** 2, 4.0 * r / (1.0 + r) ** 2)
    return tsp, sech2


def mish(z):
    return z * mish_parts(z)[0]


def mish_prime(z):
    tsp, sech2 = mish_parts(z)
    return tsp + z * sech2 * nm.sigmoid(z)


def tanhshrink(z):
    """z − tanh z; its Taylor series near 0, where the subtraction would cancel."""
    small = np.abs(z) < 0.1
    s = np.where(small, z, 0.0)
    s2 = s * s
    coeffs = (1 / 3, -2 / 15, 17 / 315, -62 / 2835, 1382 / 155925, -21844 / 6081075,
              929569 / 638512875)
    series = np.zeros_like(s)
    for c in reversed(coeffs):
        series = series * s2 + c
    return np.where(small, series * s * s2, z - np.tanh(z))


def inv_one_plus_square(z):
    """1 / (1 + z²) without forming z² for huge |z|."""
    a = np.abs(z)
    big = a > 1.0
    inv = 1.0 / np.where(big, a, 1.0)
    small = np.where(big, 0.0, z)
    return np.where(big, inv * inv / (1.0 + inv * inv), 1.0 / (1.0 + small * small))


# --- hard --------------------------------------------------------------------------------

def inside(z, lo, hi):
    """1 strictly inside (lo, hi), else 0: the autograd value at both corners."""
    return ((z > lo) & (z < hi)).astype(np.float64)


def shrink_prime(z, lambd):
    return (np.abs(z) > lambd).astype(np.float64)


def hardswish_prime(z):
    """0 up to z = -3, z/3 + 1/2 strictly between, 1 from z = 3 on: at both kinks this is
    the value PyTorch's autograd gives (2.13: hardswish'(-3) = 0, hardswish'(3) = 1)."""
    return np.where(z <= -3.0, 0.0, np.where(z < 3.0, z / 3.0 + 0.5, 1.0))


def rescaled_sigmoid(z):
    """2σ(2z) − 1 written as sign(z)·(1 − e)/(1 + e), e = e^(−2|z|): no cancellation at 0."""
    a = np.minimum(np.abs(z), 1e300)
    e = np.exp(-2.0 * a)
    return np.sign(z) * (-np.expm1(-2.0 * a)) / (1.0 + e)


def rescaled_sigmoid_prime(z):
    """4σ'(2z) = 4e / (1 + e)² with e = e^(−2|z|)."""
    e = np.exp(-2.0 * np.minimum(np.abs(z), 1e300))
    return 4.0 * e / ((1.0 + e) * (1.0 + e))


def centred_sigmoid(z):
    """σ(z) − ½ computed as ½·tanh(z/2), which is exact near 0 where the subtraction is not."""
    return 0.5 * np.tanh(0.5 * z)


def steep_sigmoid(z):
    """2σ(2z): tanh's slope at 0 (1) but the sigmoid's positive outputs, (0, 2). (z is
    clipped far out on the flat tails first, so that doubling it cannot overflow.)"""
    return 2.0 * nm.sigmoid(2.0 * np.clip(z, -1e300, 1e300))


def steep_sigmoid_prime(z):
    return 4.0 * nm.sigmoid_prime(2.0 * np.clip(z, -1e300, 1e300))
