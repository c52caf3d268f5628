"""The activation-function registry.

>>> from act_gui.core.activations import get
>>> float(get("sigmoid").derivative(15.0))  # the "killed" gradient at z = 15
3.0590213334945224e-07

Each entry is data: kernels for f and f', their limits at ±inf, formulas, a note and a
table of properties. The app's function list, parameter controls and tables are all
generated from it, so adding a function means adding one entry here (and nothing else:
the tests cover every entry automatically).

Definitions and defaults follow PyTorch (``torch.nn.functional``), including the value
of the derivative at a kink, which is what autograd returns there: relu'(0) = 0,
leaky_relu'(0) = negative_slope, hardtanh' = 0 at both corners, and so on. Every
kink was checked against PyTorch 2.13 in float64: relu6, hardsigmoid, softshrink and
hardshrink have slope 0 at their corners, hardswish'(-3) = 0 and hardswish'(3) = 1,
elu'(0) = alpha, selu'(0) = scale * alpha, celu'(0) = 1.

Formulas use a tiny markup readable as plain text: ``^{...}`` is a superscript and
``_{...}`` a subscript.
"""

from __future__ import annotations

import math

import numpy as np

from act_gui.core.activations import numerics as nm
from act_gui.core.activations import kernels as k
from act_gui.core.files.reading import excerpt
from act_gui.core.activations.types import Activation, ParamSpec, Properties
from act_gui.core.activations.kernels import SELU_ALPHA, SELU_SCALE

INF = math.inf


def _p(name, default, lo, hi, label):
    return ParamSpec(name, default, lo, hi, label)


def _props(lo, hi, text, *, zc, mono, smooth, sat, zero, gmax, at):
    return Properties((lo, hi), text, zc, mono, smooth, sat, zero, gmax, at)


_ENTRIES = [
    # ---- classic
    Activation(
        "sigmoid", "Sigmoid (logistic)", "classic",
        nm.sigmoid, nm.sigmoid_prime, (0.0, 1.0), (0.0, 0.0),
        "σ(z) = 1 / (1 + e^{−z})", "σ′(z) = σ(z) · (1 − σ(z))",
        "Squashes any input into (0, 1), which reads naturally as a firing rate. Far from "
        "0 the curve is flat, so its gradient all but vanishes: at z = ±15 it is about "
        "3·10^{−7}, and even at best it is only 0.25. Outputs are always positive.",
        _props(0, 1, "(0, 1)", zc=False, mono=True, smooth=True, sat="both", zero=False,
               gmax=0.25, at="z = 0"),
        prime_from_output=lambda a: a * (1.0 - a),
    ),
    Activation(
        "tanh", "Tanh", "classic",
        np.tanh, nm.sech2, (-1.0, 1.0), (0.0, 0.0),
        "tanh(z) = (e^{z} − e^{−z}) / (e^{z} + e^{−z}) = 2σ(2z) − 1", "tanh′(z) = 1 − tanh^{2}(z)",
        "A sigmoid stretched to (−1, 1) and centred on 0, so the next layer sees inputs "
        "of both signs. It still flattens out on both sides and kills gradients there.",
        _props(-1, 1, "(−1, 1)", zc=True, mono=True, smooth=True, sat="both", zero=False,
               gmax=1.0, at="z = 0"),
        prime_from_output=lambda a: 1.0 - a * a,
    ),
    Activation(
        "identity", "Identity (linear)", "classic",
        lambda z: z.copy(), k.ones, (-INF, INF), (1.0, 1.0),
        "f(z) = z", "f′(z) = 1",
        "No non-linearity at all: a network of identity units, however deep, can only "
        "draw a straight decision boundary. Useful as a baseline.",
        _props(-INF, INF, "(−∞, ∞)", zc=True, mono=True, smooth=True, sat="none",
               zero=False, gmax=1.0, at="every z"),
    ),
    Activation(
        "binary_step", "Binary step", "classic",
        lambda z: (z >= 0).astype(np.float64), k.zeros, (0.0, 1.0), (0.0, 0.0),
        "f(z) = 1 if z ≥ 0, else 0", "f′(z) = 0 (undefined at 0)",
        "The original perceptron's all-or-nothing unit. Its slope is zero everywhere, "
        "so gradient descent gets no signal at all: it cannot be trained by backprop.",
        _props(0, 1, "{0, 1}", zc=False, mono=True, smooth=False, sat="both", zero=True,
               gmax=0.0, at="every z"),
        kinks=lambda: (0.0,),
    ),
    # ---- rectifiers
    Activation(
        "relu", "ReLU", "rectifiers",
        lambda z: np.maximum(z, 0.0), lambda z: (z > 0).astype(np.float64),
        (0.0, INF), (0.0, 1.0),
        "relu(z) = max(0, z)", "relu′(z) = 1 if z > 0, else 0",
        "Passes positive inputs unchanged and zeroes the rest. The gradient is exactly 1 "
        "or exactly 0, which speeds up learning, but a unit whose inputs are all "
        "negative gets no gradient and can die. relu′(0) is taken as 0.",
        _props(0, INF, "[0, ∞)", zc=False, mono=True, smooth=False, sat="negative",
               zero=True, gmax=1.0, at="z > 0"),
        kinks=lambda: (0.0,),
        prime_from_output=lambda a: (a > 0).astype(np.float64),
    ),
    Activation(
        "leaky_relu", "Leaky ReLU", "rectifiers",
        lambda z, negative_slope: k.leaky(z, negative_slope),
        lambda z, negative_slope: k.leaky_prime(z, negative_slope),
        lambda negative_slope: (-INF if negative_slope > 0 else 0.0, INF),
        lambda negative_slope: (negative_slope, 1.0),
        "f(z) = z if z > 0, else s · z", "f′(z) = 1 if z > 0, else s",
        "ReLU with a small slope s for negative inputs, so a unit always gets some "
        "gradient and can recover instead of dying. Set s to 0 to get plain ReLU back.",
        _props(-INF, INF, "(−∞, ∞)", zc=False, mono=True, smooth=False, sat="none",
               zero=False, gmax=1.0, at="z > 0"),
        params=(_p("negative_slope", 0.01, 0.0, 1.0, "Negative slope s"),),
        kinks=lambda negative_slope: (0.0,),
    ),
    Activation(
        "prelu", "PReLU", "rectifiers",
        lambda z, a: k.leaky(z, a), lambda z, a: k.leaky_prime(z, a),
        lambda a: (-INF if a > 0 else (INF if a < 0 else 0.0), INF),
        lambda a: (a, 1.0),
        "f(z) = z if z > 0, else a · z", "f′(z) = 1 if z > 0, else a",
        "Leaky ReLU whose negative slope a is learned along with the weights (here you "
        "set it by hand; PyTorch starts it at 0.25).",
        _props(-INF, INF, "(−∞, ∞)", zc=False, mono=True, smooth=False, sat="none",
               zero=False, gmax=1.0, at="z > 0"),
        params=(_p("a", 0.25, -1.0, 1.0, "Negative slope a"),),
        kinks=lambda a: (0.0,),
    ),
    Activation(
        "relu6", "ReLU6", "rectifiers",
        lambda z: np.clip(z, 0.0, 6.0), lambda z: k.inside(z, 0.0, 6.0), (0.0, 6.0), (0.0, 0.0),
        "relu6(z) = min(max(0, z), 6)", "relu6′(z) = 1 if 0 < z < 6, else 0",
        "ReLU capped at 6, popular in mobile networks for low-precision arithmetic. It "
        "has two flat zones, so units can get stuck on either side.",
        _props(0, 6, "[0, 6]", zc=False, mono=True, smooth=False, sat="both", zero=True,
               gmax=1.0, at="0 < z < 6"),
        kinks=lambda: (0.0, 6.0),
    ),
    Activation(
        "elu", "ELU", "rectifiers",
        lambda z, alpha: k.elu(z, alpha), lambda z, alpha: k.elu_prime(z, alpha),
        lambda alpha: (-alpha, INF), (0.0, 1.0),
        "f(z) = z if z > 0, else α(e^{z} − 1)", "f′(z) = 1 if z > 0, else α e^{z}",
        "Like ReLU for positive inputs, but bends smoothly down to −α for negative ones. "
        "Negative outputs pull the mean activation towards zero and the gradient is "
        "never exactly zero.",
        _props(-1, INF, "(−1, ∞) for α = 1", zc=False, mono=True, smooth=True,
               sat="negative", zero=False, gmax=1.0, at="z ≥ 0"),
        params=(_p("alpha", 1.0, 0.0, 5.0, "α (negative plateau)"),),
        kinks=lambda alpha: () if alpha == 1.0 else (0.0,),
    ),
    Activation(
        "selu", "SELU", "rectifiers",
        lambda z: k.elu(z, SELU_ALPHA, SELU_SCALE), lambda z: k.elu_prime(z, SELU_ALPHA, SELU_SCALE),
        (-SELU_SCALE * SELU_ALPHA, INF), (0.0, SELU_SCALE),
        "f(z) = λz if z > 0, else λα(e^{z} − 1)", "f′(z) = λ if z > 0, else λα e^{z}",
        "A scaled ELU with fixed constants λ ≈ 1.0507 and α ≈ 1.6733, chosen so that, "
        "with the right initialisation, activations keep zero mean and unit variance "
        "from layer to layer.",
        _props(-SELU_SCALE * SELU_ALPHA, INF, "(−1.7581, ∞)", zc=False, mono=True,
               smooth=False, sat="negative", zero=False, gmax=SELU_SCALE * SELU_ALPHA,
               at="z = 0 (left side)"),
        kinks=lambda: (0.0,),
    ),
    Activation(
        "celu", "CELU", "rectifiers",
        lambda z, alpha: k.elu(z, alpha, inner=1.0 / alpha),
        lambda z, alpha: k.elu_prime(z, alpha, inner=1.0 / alpha),
        lambda alpha: (-alpha, INF), (0.0, 1.0),
        "f(z) = z if z > 0, else α(e^{z/α} − 1)", "f′(z) = 1 if z > 0, else e^{z/α}",
        "ELU rescaled so that its slope is continuous at 0 for every α, not only α = 1.",
        _props(-1, INF, "(−1, ∞) for α = 1", zc=False, mono=True, smooth=True,
               sat="negative", zero=False, gmax=1.0, at="z ≥ 0"),
        params=(_p("alpha", 1.0, 0.05, 5.0, "α (negative plateau)"),),
    ),
    Activation(
        "softplus", "Softplus", "rectifiers",
        lambda z, beta, threshold: k.softplus(z, beta, threshold),
        lambda z, beta, threshold: k.softplus_prime(z, beta, threshold),
        (0.0, INF), (0.0, 1.0),
        "f(z) = (1/β) log(1 + e^{βz}); z once βz > threshold", "f′(z) = σ(βz); 1 once βz > threshold",
        "A smooth ReLU: its slope is the sigmoid. Larger β makes the corner sharper. Above "
        "the threshold it switches to the identity, as PyTorch does, to stay exact.",
        _props(0, INF, "(0, ∞)", zc=False, mono=True, smooth=True, sat="negative",
               zero=False, gmax=1.0, at="βz > threshold"),
        params=(_p("beta", 1.0, 0.1, 10.0, "β (sharpness)"),
                _p("threshold", 20.0, 1.0, 50.0, "Linear above βz =")),
    ),
    # ---- smooth
    Activation(
        "gelu", "GELU (exact)", "smooth",
        lambda z: z * nm.normal_cdf(z), lambda z: nm.normal_cdf(z) + z * nm.normal_pdf(z),
        (0.0, INF), (0.0, 1.0),
        "gelu(z) = z · Φ(z), Φ(z) = ½ erfc(−z / √2)", "gelu′(z) = Φ(z) + z · φ(z)",
        "Weights each input by the probability that a standard normal variable is below "
        "it (Φ). Smooth, with a small dip below zero; used in Transformers such as BERT.",
        _props(-0.16997, INF, "[−0.1700, ∞)", zc=False, mono=False, smooth=True,
               sat="negative", zero=False, gmax=1.12880, at="z = √2"),
    ),
    Activation(
        "gelu_tanh", "GELU (tanh approximation)", "smooth",
        k.gelu_tanh, k.gelu_tanh_prime, (0.0, INF), (0.0, 1.0),
        "f(z) = ½ z (1 + tanh(√(2/π) (z + 0.044715 z^{3})))",
        "f′(z) = ½ (1 + tanh u) + ½ z (1 − tanh^{2} u) u′",
        "The fast approximation of GELU used by GPT-2; it differs from the exact GELU by "
        "less than 0.0005 everywhere.",
        _props(-0.17004, INF, "[−0.1700, ∞)", zc=False, mono=False, smooth=True,
               sat="negative", zero=False, gmax=1.12899, at="z ≈ 1.42"),
    ),
    Activation(
        "silu", "SiLU (Swish)", "smooth",
        lambda z: z * nm.sigmoid(z), lambda z: nm.sigmoid(z) + z * nm.sigmoid_prime(z),
        (0.0, INF), (0.0, 1.0),
        "silu(z) = z · σ(z)", "silu′(z) = σ(z) + z · σ(z)(1 − σ(z))",
        "The input gated by its own sigmoid. Smooth and non-monotonic: it dips to about "
        "−0.28 before rising, and its slope briefly exceeds 1.",
        _props(-0.27846, INF, "[−0.2785, ∞)", zc=False, mono=False, smooth=True,
               sat="negative", zero=False, gmax=1.09984, at="z ≈ 2.40"),
    ),
    Activation(
        "mish", "Mish", "smooth",
        k.mish, k.mish_prime, (0.0, INF), (0.0, 1.0),
        "mish(z) = z · tanh(softplus(z))", "mish′(z) = tanh(sp) + z · sech^{2}(sp) · σ(z),  sp = softplus(z)",
        "Close cousin of SiLU with a slightly deeper dip (about −0.31); smooth everywhere.",
        _props(-0.30884, INF, "[−0.3088, ∞)", zc=False, mono=False, smooth=True,
               sat="negative", zero=False, gmax=1.08850, at="z ≈ 1.49"),
    ),
    Activation(
        "softsign", "Softsign", "smooth",
        lambda z: z / (1.0 + np.abs(z)), lambda z: (1.0 / (1.0 + np.abs(z))) ** 2,
        (-1.0, 1.0), (0.0, 0.0),
        "f(z) = z / (1 + |z|)", "f′(z) = 1 / (1 + |z|)^{2}",
        "Shaped like tanh but approaches ±1 only polynomially, so it saturates more "
        "gently: its slope decays like 1/z² instead of exponentially.",
        _props(-1, 1, "(−1, 1)", zc=True, mono=True, smooth=True, sat="both", zero=False,
               gmax=1.0, at="z = 0"),
    ),
    Activation(
        "logsigmoid", "Log-sigmoid", "smooth",
        lambda z: -nm.softplus(-z), lambda z: nm.sigmoid(-z), (-INF, 0.0), (1.0, 0.0),
        "f(z) = log σ(z) = −softplus(−z)", "f′(z) = σ(−z) = 1 − σ(z)",
        "The logarithm of the sigmoid, the building block of the cross-entropy loss. It "
        "flattens towards 0 on the right and becomes linear on the left.",
        _props(-INF, 0, "(−∞, 0)", zc=False, mono=True, smooth=True, sat="positive",
               zero=False, gmax=1.0, at="z → −∞"),
    ),
    Activation(
        "tanhshrink", "Tanhshrink", "smooth",
        k.tanhshrink, lambda z: np.tanh(z) ** 2, (-INF, INF), (1.0, 1.0),
        "f(z) = z − tanh(z)", "f′(z) = tanh^{2}(z)",
        "What is left of z after tanh is taken away: nearly flat around 0 (like z³/3) and "
        "parallel to the identity far out.",
        _props(-INF, INF, "(−∞, ∞)", zc=True, mono=True, smooth=True, sat="none",
               zero=False, gmax=1.0, at="|z| → ∞"),
    ),
    # ---- hard
    Activation(
        "hardtanh", "Hardtanh", "hard",
        lambda z, min_val, max_val: np.clip(z, min_val, max_val),
        lambda z, min_val, max_val: k.inside(z, min_val, max_val),
        lambda min_val, max_val: (min_val, max_val), (0.0, 0.0),
        "f(z) = min(max(z, lo), hi)", "f′(z) = 1 if lo < z < hi, else 0",
        "A piecewise-linear tanh: the identity between lo and hi, flat outside. Cheap to "
        "compute, but units pushed beyond the corners receive no gradient at all.",
        _props(-1, 1, "[−1, 1]", zc=True, mono=True, smooth=False, sat="both", zero=True,
               gmax=1.0, at="−1 < z < 1"),
        params=(_p("min_val", -1.0, -5.0, 0.0, "Lower corner lo"),
                _p("max_val", 1.0, 0.0, 5.0, "Upper corner hi")),
        kinks=lambda min_val, max_val: (min_val, max_val),
    ),
    Activation(
        "hardsigmoid", "Hard sigmoid", "hard",
        lambda z: np.clip(z / 6.0 + 0.5, 0.0, 1.0), lambda z: k.inside(z, -3.0, 3.0) / 6.0,
        (0.0, 1.0), (0.0, 0.0),
        "f(z) = relu6(z + 3) / 6", "f′(z) = 1/6 if −3 < z < 3, else 0",
        "A straight-line stand-in for the sigmoid, flat outside [−3, 3].",
        _props(0, 1, "[0, 1]", zc=False, mono=True, smooth=False, sat="both", zero=True,
               gmax=1 / 6, at="−3 < z < 3"),
        kinks=lambda: (-3.0, 3.0),
    ),
    Activation(
        "hardswish", "Hard swish", "hard",
        lambda z: z * (np.clip(z + 3.0, 0.0, 6.0) / 6.0), k.hardswish_prime, (0.0, INF), (0.0, 1.0),
        "f(z) = z · relu6(z + 3) / 6", "f′(z) = 0 if z ≤ −3; z/3 + ½ if z < 3; else 1",
        "A piecewise-quadratic SiLU used in MobileNetV3: zero below −3, the identity above 3.",
        _props(-0.375, INF, "[−0.375, ∞)", zc=False, mono=False, smooth=False,
               sat="negative", zero=True, gmax=1.5, at="z just below 3"),
        kinks=lambda: (-3.0, 3.0),
    ),
    Activation(
        "softshrink", "Softshrink", "hard",
        lambda z, lambd: np.where(z > lambd, z - lambd, np.where(z < -lambd, z + lambd, 0.0)),
        k.shrink_prime, (-INF, INF), (1.0, 1.0),
        "f(z) = z − λ if z > λ; z + λ if z < −λ; else 0", "f′(z) = 1 if |z| > λ, else 0",
        "Sets small inputs to zero and moves the rest towards zero by λ: the "
        "soft-thresholding step of sparse coding.",
        _props(-INF, INF, "(−∞, ∞)", zc=True, mono=True, smooth=False, sat="none",
               zero=True, gmax=1.0, at="|z| > λ"),
        params=(_p("lambd", 0.5, 0.0, 3.0, "λ (dead zone half-width)"),),
        kinks=lambda lambd: (-lambd, lambd),
    ),
    Activation(
        "hardshrink", "Hardshrink", "hard",
        lambda z, lambd: np.where(np.abs(z) > lambd, z, 0.0), k.shrink_prime, (-INF, INF), (1.0, 1.0),
        "f(z) = z if |z| > λ, else 0", "f′(z) = 1 if |z| > λ, else 0",
        "Keeps inputs larger than λ in size and zeroes the rest; it jumps at ±λ.",
        _props(-INF, INF, "(−∞, −λ] ∪ {0} ∪ [λ, ∞)", zc=True, mono=True, smooth=False,
               sat="none", zero=True, gmax=1.0, at="|z| > λ"),
        params=(_p("lambd", 0.5, 0.0, 3.0, "λ (dead zone half-width)"),),
        kinks=lambda lambd: (-lambd, lambd),
    ),
    # ---- other
    Activation(
        "sin", "Sine", "other",
        np.sin, np.cos, (math.nan, math.nan), (math.nan, math.nan),
        "f(z) = sin(z)", "f′(z) = cos(z)",
        "A periodic activation (as in SIREN networks). It never saturates, but its slope "
        "keeps changing sign, and it has no limit at ±∞.",
        _props(-1, 1, "[−1, 1]", zc=True, mono=False, smooth=True, sat="none", zero=False,
               gmax=1.0, at="z = 2πk"),
    ),
    Activation(
        "arctan", "Arctan", "other",
        np.arctan, k.inv_one_plus_square, (-math.pi / 2, math.pi / 2), (0.0, 0.0),
        "f(z) = arctan(z)", "f′(z) = 1 / (1 + z^{2})",
        "Another S-shaped squashing function, to (−π/2, π/2); like softsign it saturates "
        "only polynomially.",
        _props(-math.pi / 2, math.pi / 2, "(−π/2, π/2)", zc=True, mono=True, smooth=True,
               sat="both", zero=False, gmax=1.0, at="z = 0"),
    ),
]

_ENTRIES.append(Activation(
    "sigmoid_rescaled", "Rescaled sigmoid 2σ(2z) − 1", "other",
    k.rescaled_sigmoid, k.rescaled_sigmoid_prime, (-1.0, 1.0), (0.0, 0.0),
    "f(z) = 2σ(2z) − 1", "f′(z) = 4σ′(2z)",
    "The sigmoid squeezed to twice the speed, doubled in height and moved down by one. "
    "It is exactly tanh: overlay the two to see them coincide.",
    _props(-1, 1, "(−1, 1)", zc=True, mono=True, smooth=True, sat="both", zero=False,
           gmax=1.0, at="z = 0"),
))

REGISTRY: dict[str, Activation] = {a.id: a for a in _ENTRIES}
GROUP_LABELS = {
    "classic": "Classic",
    "rectifiers": "Rectifiers",
    "smooth": "Smooth",
    "hard": "Hard (piecewise linear)",
    "other": "Other",
}


def get(activation_id: str) -> Activation:
    """The registry entry for ``activation_id``; a KeyError listing valid ids otherwise."""
    try:
        return REGISTRY[activation_id]
    except (KeyError, TypeError):  # TypeError: not even hashable (a list from a file)
        valid = ", ".join(REGISTRY)
        raise KeyError(f"unknown activation {excerpt(activation_id)}; valid ids: {valid}") from None


def ids() -> list[str]:
    """All registry ids, in display order."""
    return list(REGISTRY)
