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

import contextlib
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
        id="sigmoid", label="Sigmoid (logistic)", group="classic",
        kernel=nm.sigmoid, kernel_prime=nm.sigmoid_prime,
        limits=(0.0, 1.0), limits_prime=(0.0, 0.0),
        formula="σ(z) = 1 / (1 + e^{−z})",
        formula_prime="σ′(z) = σ(z) · (1 − σ(z))",
        note="Squashes any input into (0, 1), which reads naturally as a firing rate. Far from "
             "0 the curve is flat, so its gradient all but vanishes: at z = ±15 it is about "
             "3·10^{−7}, and even at best it is only 0.25. Outputs are always positive.",
        properties=_props(0, 1, "(0, 1)", zc=False, mono=True, smooth=True, sat="both", zero=False,
                          gmax=0.25, at="z = 0"),
        prime_from_output=lambda a: a * (1.0 - a),
    ),
    Activation(
        id="tanh", label="Tanh", group="classic",
        kernel=np.tanh, kernel_prime=nm.sech2,
        limits=(-1.0, 1.0), limits_prime=(0.0, 0.0),
        formula="tanh(z) = (e^{z} − e^{−z}) / (e^{z} + e^{−z}) = 2σ(2z) − 1",
        formula_prime="tanh′(z) = 1 − tanh^{2}(z)",
        note="A sigmoid stretched to (−1, 1) and centred on 0, so the next layer sees inputs "
             "of both signs. It still flattens out on both sides and kills gradients there.",
        properties=_props(-1, 1, "(−1, 1)", zc=True, mono=True, smooth=True, sat="both", zero=False,
                          gmax=1.0, at="z = 0"),
        prime_from_output=lambda a: 1.0 - a * a,
    ),
    Activation(
        id="identity", label="Identity (linear)", group="classic",
        kernel=lambda z: z.copy(), kernel_prime=k.ones,
        limits=(-INF, INF), limits_prime=(1.0, 1.0),
        formula="f(z) = z",
        formula_prime="f′(z) = 1",
        note="No non-linearity at all: a network of identity units, however deep, can only "
             "draw a straight decision boundary. Useful as a baseline.",
        properties=_props(-INF, INF, "(−∞, ∞)", zc=True, mono=True, smooth=True, sat="none",
                          zero=False, gmax=1.0, at="every z"),
    ),
    Activation(
        id="binary_step", label="Binary step", group="classic",
        kernel=lambda z: (z >= 0).astype(np.float64), kernel_prime=k.zeros,
        limits=(0.0, 1.0), limits_prime=(0.0, 0.0),
        formula="f(z) = 1 if z ≥ 0, else 0",
        formula_prime="f′(z) = 0 (undefined at 0)",
        note="The original perceptron's all-or-nothing unit. Its slope is zero everywhere, "
             "so gradient descent gets no signal at all: it cannot be trained by backprop.",
        properties=_props(0, 1, "{0, 1}", zc=False, mono=True, smooth=False, sat="both", zero=True,
                          gmax=0.0, at="every z"),
        kinks=lambda: (0.0,),
    ),
    # ---- rectifiers
    Activation(
        id="relu", label="ReLU", group="rectifiers",
        kernel=lambda z: np.maximum(z, 0.0), kernel_prime=lambda z: (z > 0).astype(np.float64),
        limits=(0.0, INF), limits_prime=(0.0, 1.0),
        formula="relu(z) = max(0, z)",
        formula_prime="relu′(z) = 1 if z > 0, else 0",
        note="Passes positive inputs unchanged and zeroes the rest. The gradient is exactly 1 "
             "or exactly 0, which speeds up learning, but a unit whose inputs are all "
             "negative gets no gradient and can die. relu′(0) is taken as 0.",
        properties=_props(0, INF, "[0, ∞)", zc=False, mono=True, smooth=False, sat="negative",
                          zero=True, gmax=1.0, at="z > 0"),
        kinks=lambda: (0.0,),
        prime_from_output=lambda a: (a > 0).astype(np.float64),
    ),
    Activation(
        id="leaky_relu", label="Leaky ReLU", group="rectifiers",
        kernel=lambda z, negative_slope: k.leaky(z, negative_slope), kernel_prime=lambda z, negative_slope: k.leaky_prime(z, negative_slope),
        limits=lambda negative_slope: (-INF if negative_slope > 0 else 0.0, INF), limits_prime=lambda negative_slope: (negative_slope, 1.0),
        formula="f(z) = z if z > 0, else s · z",
        formula_prime="f′(z) = 1 if z > 0, else s",
        note="ReLU with a small slope s for negative inputs, so a unit always gets some "
             "gradient and can recover instead of dying. Set s to 0 to get plain ReLU back.",
        properties=_props(-INF, INF, "(−∞, ∞)", zc=False, mono=True, smooth=False, sat="none",
                          zero=False, gmax=1.0, at="z > 0"),
        params=(_p("negative_slope", 0.01, 0.0, 1.0, "Negative slope s"),),
        kinks=lambda negative_slope: (0.0,),
    ),
    Activation(
        id="prelu", label="PReLU", group="rectifiers",
        kernel=lambda z, a: k.leaky(z, a), kernel_prime=lambda z, a: k.leaky_prime(z, a),
        limits=lambda a: (-INF if a > 0 else (INF if a < 0 else 0.0), INF), limits_prime=lambda a: (a, 1.0),
        formula="f(z) = z if z > 0, else a · z",
        formula_prime="f′(z) = 1 if z > 0, else a",
        note="Leaky ReLU whose negative slope a is learned along with the weights (here you "
             "set it by hand; PyTorch starts it at 0.25).",
        properties=_props(-INF, INF, "(−∞, ∞)", zc=False, mono=True, smooth=False, sat="none",
                          zero=False, gmax=1.0, at="z > 0"),
        params=(_p("a", 0.25, -1.0, 1.0, "Negative slope a"),),
        kinks=lambda a: (0.0,),
    ),
    Activation(
        id="relu6", label="ReLU6", group="rectifiers",
        kernel=lambda z: np.clip(z, 0.0, 6.0), kernel_prime=lambda z: k.inside(z, 0.0, 6.0),
        limits=(0.0, 6.0), limits_prime=(0.0, 0.0),
        formula="relu6(z) = min(max(0, z), 6)",
        formula_prime="relu6′(z) = 1 if 0 < z < 6, else 0",
        note="ReLU capped at 6, popular in mobile networks for low-precision arithmetic. It "
             "has two flat zones, so units can get stuck on either side.",
        properties=_props(0, 6, "[0, 6]", zc=False, mono=True, smooth=False, sat="both", zero=True,
                          gmax=1.0, at="0 < z < 6"),
        kinks=lambda: (0.0, 6.0),
    ),
    Activation(
        id="elu", label="ELU", group="rectifiers",
        kernel=lambda z, alpha: k.elu(z, alpha), kernel_prime=lambda z, alpha: k.elu_prime(z, alpha),
        limits=lambda alpha: (-alpha, INF), limits_prime=(0.0, 1.0),
        formula="f(z) = z if z > 0, else α(e^{z} − 1)",
        formula_prime="f′(z) = 1 if z > 0, else α e^{z}",
        note="Like ReLU for positive inputs, but bends smoothly down to −α for negative ones. "
             "Negative outputs pull the mean activation towards zero and the gradient is "
             "never exactly zero.",
        properties=_props(-1, INF, "(−1, ∞) for α = 1", zc=False, mono=True, smooth=True,
                          sat="negative", zero=False, gmax=1.0, at="z ≥ 0"),
        params=(_p("alpha", 1.0, 0.0, 5.0, "α (negative plateau)"),),
        kinks=lambda alpha: () if alpha == 1.0 else (0.0,),
    ),
    Activation(
        id="selu", label="SELU", group="rectifiers",
        kernel=lambda z: k.elu(z, SELU_ALPHA, SELU_SCALE), kernel_prime=lambda z: k.elu_prime(z, SELU_ALPHA, SELU_SCALE),
        limits=(-SELU_SCALE * SELU_ALPHA, INF), limits_prime=(0.0, SELU_SCALE),
        formula="f(z) = λz if z > 0, else λα(e^{z} − 1)",
        formula_prime="f′(z) = λ if z > 0, else λα e^{z}",
        note="A scaled ELU with fixed constants λ ≈ 1.0507 and α ≈ 1.6733, chosen so that, "
             "with the right initialisation, activations keep zero mean and unit variance "
             "from layer to layer.",
        properties=_props(-SELU_SCALE * SELU_ALPHA, INF, "(−1.7581, ∞)", zc=False, mono=True,
                          smooth=False, sat="negative", zero=False, gmax=SELU_SCALE * SELU_ALPHA,
                          at="z = 0 (left side)"),
        kinks=lambda: (0.0,),
    ),
    Activation(
        id="celu", label="CELU", group="rectifiers",
        kernel=lambda z, alpha: k.elu(z, alpha, inner=1.0 / alpha), kernel_prime=lambda z, alpha: k.elu_prime(z, alpha, inner=1.0 / alpha),
        limits=lambda alpha: (-alpha, INF), limits_prime=(0.0, 1.0),
        formula="f(z) = z if z > 0, else α(e^{z/α} − 1)",
        formula_prime="f′(z) = 1 if z > 0, else e^{z/α}",
        note="ELU rescaled so that its slope is continuous at 0 for every α, not only α = 1.",
        properties=_props(-1, INF, "(−1, ∞) for α = 1", zc=False, mono=True, smooth=True,
                          sat="negative", zero=False, gmax=1.0, at="z ≥ 0"),
        params=(_p("alpha", 1.0, 0.05, 5.0, "α (negative plateau)"),),
    ),
    Activation(
        id="softplus", label="Softplus", group="rectifiers",
        kernel=lambda z, beta, threshold: k.softplus(z, beta, threshold), kernel_prime=lambda z, beta, threshold: k.softplus_prime(z, beta, threshold),
        limits=(0.0, INF), limits_prime=(0.0, 1.0),
        formula="f(z) = (1/β) log(1 + e^{βz}); z once βz > threshold",
        formula_prime="f′(z) = σ(βz); 1 once βz > threshold",
        note="A smooth ReLU: its slope is the sigmoid. Larger β makes the corner sharper. Above "
             "the threshold it switches to the identity, as PyTorch does, to stay exact.",
        properties=_props(0, INF, "(0, ∞)", zc=False, mono=True, smooth=True, sat="negative",
                          zero=False, gmax=1.0, at="βz > threshold"),
        params=(_p("beta", 1.0, 0.1, 10.0, "β (sharpness)"),
                _p("threshold", 20.0, 1.0, 50.0, "Linear above βz =")),
    ),
    # ---- smooth
    Activation(
        id="gelu", label="GELU (exact)", group="smooth",
        kernel=lambda z: z * nm.normal_cdf(z), kernel_prime=lambda z: nm.normal_cdf(z) + z * nm.normal_pdf(z),
        limits=(0.0, INF), limits_prime=(0.0, 1.0),
        formula="gelu(z) = z · Φ(z), Φ(z) = ½ erfc(−z / √2)",
        formula_prime="gelu′(z) = Φ(z) + z · φ(z)",
        note="Weights each input by the probability that a standard normal variable is below "
             "it (Φ). Smooth, with a small dip below zero; used in Transformers such as BERT.",
        properties=_props(-0.16997, INF, "[−0.1700, ∞)", zc=False, mono=False, smooth=True,
                          sat="negative", zero=False, gmax=1.12880, at="z = √2"),
    ),
    Activation(
        id="gelu_tanh", label="GELU (tanh approximation)", group="smooth",
        kernel=k.gelu_tanh, kernel_prime=k.gelu_tanh_prime,
        limits=(0.0, INF), limits_prime=(0.0, 1.0),
        formula="f(z) = ½ z (1 + tanh(√(2/π) (z + 0.044715 z^{3})))",
        formula_prime="f′(z) = ½ (1 + tanh u) + ½ z (1 − tanh^{2} u) u′",
        note="The fast approximation of GELU used by GPT-2; it differs from the exact GELU by "
             "less than 0.0005 everywhere.",
        properties=_props(-0.17004, INF, "[−0.1700, ∞)", zc=False, mono=False, smooth=True,
                          sat="negative", zero=False, gmax=1.12899, at="z ≈ 1.42"),
    ),
    Activation(
        id="silu", label="SiLU (Swish)", group="smooth",
        kernel=lambda z: z * nm.sigmoid(z), kernel_prime=lambda z: nm.sigmoid(z) + z * nm.sigmoid_prime(z),
        limits=(0.0, INF), limits_prime=(0.0, 1.0),
        formula="silu(z) = z · σ(z)",
        formula_prime="silu′(z) = σ(z) + z · σ(z)(1 − σ(z))",
        note="The input gated by its own sigmoid. Smooth and non-monotonic: it dips to about "
             "−0.28 before rising, and its slope briefly exceeds 1.",
        properties=_props(-0.27846, INF, "[−0.2785, ∞)", zc=False, mono=False, smooth=True,
                          sat="negative", zero=False, gmax=1.09984, at="z ≈ 2.40"),
    ),
    Activation(
        id="mish", label="Mish", group="smooth",
        kernel=k.mish, kernel_prime=k.mish_prime,
        limits=(0.0, INF), limits_prime=(0.0, 1.0),
        formula="mish(z) = z · tanh(softplus(z))",
        formula_prime="mish′(z) = tanh(sp) + z · sech^{2}(sp) · σ(z),  sp = softplus(z)",
        note="Close cousin of SiLU with a slightly deeper dip (about −0.31); smooth everywhere.",
        properties=_props(-0.30884, INF, "[−0.3088, ∞)", zc=False, mono=False, smooth=True,
                          sat="negative", zero=False, gmax=1.08850, at="z ≈ 1.49"),
    ),
    Activation(
        id="softsign", label="Softsign", group="smooth",
        kernel=lambda z: z / (1.0 + np.abs(z)), kernel_prime=lambda z: (1.0 / (1.0 + np.abs(z))) ** 2,
        limits=(-1.0, 1.0), limits_prime=(0.0, 0.0),
        formula="f(z) = z / (1 + |z|)",
        formula_prime="f′(z) = 1 / (1 + |z|)^{2}",
        note="Shaped like tanh but approaches ±1 only polynomially, so it saturates more "
             "gently: its slope decays like 1/z² instead of exponentially.",
        properties=_props(-1, 1, "(−1, 1)", zc=True, mono=True, smooth=True, sat="both", zero=False,
                          gmax=1.0, at="z = 0"),
    ),
    Activation(
        id="logsigmoid", label="Log-sigmoid", group="smooth",
        kernel=lambda z: -nm.softplus(-z), kernel_prime=lambda z: nm.sigmoid(-z),
        limits=(-INF, 0.0), limits_prime=(1.0, 0.0),
        formula="f(z) = log σ(z) = −softplus(−z)",
        formula_prime="f′(z) = σ(−z) = 1 − σ(z)",
        note="The logarithm of the sigmoid, the building block of the cross-entropy loss. It "
             "flattens towards 0 on the right and becomes linear on the left.",
        properties=_props(-INF, 0, "(−∞, 0)", zc=False, mono=True, smooth=True, sat="positive",
                          zero=False, gmax=1.0, at="z → −∞"),
    ),
    Activation(
        id="tanhshrink", label="Tanhshrink", group="smooth",
        kernel=k.tanhshrink, kernel_prime=lambda z: np.tanh(z) ** 2,
        limits=(-INF, INF), limits_prime=(1.0, 1.0),
        formula="f(z) = z − tanh(z)",
        formula_prime="f′(z) = tanh^{2}(z)",
        note="What is left of z after tanh is taken away: nearly flat around 0 (like z³/3) and "
             "parallel to the identity far out.",
        properties=_props(-INF, INF, "(−∞, ∞)", zc=True, mono=True, smooth=True, sat="none",
                          zero=False, gmax=1.0, at="|z| → ∞"),
    ),
    # ---- hard
    Activation(
        id="hardtanh", label="Hardtanh", group="hard",
        kernel=lambda z, min_val, max_val: np.clip(z, min_val, max_val), kernel_prime=lambda z, min_val, max_val: k.inside(z, min_val, max_val),
        limits=lambda min_val, max_val: (min_val, max_val), limits_prime=(0.0, 0.0),
        formula="f(z) = min(max(z, lo), hi)",
        formula_prime="f′(z) = 1 if lo < z < hi, else 0",
        note="A piecewise-linear tanh: the identity between lo and hi, flat outside. Cheap to "
             "compute, but units pushed beyond the corners receive no gradient at all.",
        properties=_props(-1, 1, "[−1, 1]", zc=True, mono=True, smooth=False, sat="both", zero=True,
                          gmax=1.0, at="−1 < z < 1"),
        params=(_p("min_val", -1.0, -5.0, 0.0, "Lower corner lo"),
                _p("max_val", 1.0, 0.0, 5.0, "Upper corner hi")),
        kinks=lambda min_val, max_val: (min_val, max_val),
    ),
    Activation(
        id="hardsigmoid", label="Hard sigmoid", group="hard",
        kernel=lambda z: np.clip(z / 6.0 + 0.5, 0.0, 1.0), kernel_prime=lambda z: k.inside(z, -3.0, 3.0) / 6.0,
        limits=(0.0, 1.0), limits_prime=(0.0, 0.0),
        formula="f(z) = relu6(z + 3) / 6",
        formula_prime="f′(z) = 1/6 if −3 < z < 3, else 0",
        note="A straight-line stand-in for the sigmoid, flat outside [−3, 3].",
        properties=_props(0, 1, "[0, 1]", zc=False, mono=True, smooth=False, sat="both", zero=True,
                          gmax=1 / 6, at="−3 < z < 3"),
        kinks=lambda: (-3.0, 3.0),
    ),
    Activation(
        id="hardswish", label="Hard swish", group="hard",
        kernel=lambda z: z * (np.clip(z + 3.0, 0.0, 6.0) / 6.0), kernel_prime=k.hardswish_prime,
        limits=(0.0, INF), limits_prime=(0.0, 1.0),
        formula="f(z) = z · relu6(z + 3) / 6",
        formula_prime="f′(z) = 0 if z ≤ −3; z/3 + ½ if z < 3; else 1",
        note="A piecewise-quadratic SiLU used in MobileNetV3: zero below −3, the identity above 3.",
        properties=_props(-0.375, INF, "[−0.375, ∞)", zc=False, mono=False, smooth=False,
                          sat="negative", zero=True, gmax=1.5, at="z just below 3"),
        kinks=lambda: (-3.0, 3.0),
    ),
    Activation(
        id="softshrink", label="Softshrink", group="hard",
        kernel=lambda z, lambd: np.where(z > lambd, z - lambd, np.where(z < -lambd, z + lambd, 0.0)), kernel_prime=k.shrink_prime,
        limits=(-INF, INF), limits_prime=(1.0, 1.0),
        formula="f(z) = z − λ if z > λ; z + λ if z < −λ; else 0",
        formula_prime="f′(z) = 1 if |z| > λ, else 0",
        note="Sets small inputs to zero and moves the rest towards zero by λ: the "
             "soft-thresholding step of sparse coding.",
        properties=_props(-INF, INF, "(−∞, ∞)", zc=True, mono=True, smooth=False, sat="none",
                          zero=True, gmax=1.0, at="|z| > λ"),
        params=(_p("lambd", 0.5, 0.0, 3.0, "λ (dead zone half-width)"),),
        kinks=lambda lambd: (-lambd, lambd),
    ),
    Activation(
        id="hardshrink", label="Hardshrink", group="hard",
        kernel=lambda z, lambd: np.where(np.abs(z) > lambd, z, 0.0), kernel_prime=k.shrink_prime,
        limits=(-INF, INF), limits_prime=(1.0, 1.0),
        formula="f(z) = z if |z| > λ, else 0",
        formula_prime="f′(z) = 1 if |z| > λ, else 0",
        note="Keeps inputs larger than λ in size and zeroes the rest; it jumps at ±λ.",
        properties=_props(-INF, INF, "(−∞, −λ] ∪ {0} ∪ [λ, ∞)", zc=True, mono=True, smooth=False,
                          sat="none", zero=True, gmax=1.0, at="|z| > λ"),
        params=(_p("lambd", 0.5, 0.0, 3.0, "λ (dead zone half-width)"),),
        kinks=lambda lambd: (-lambd, lambd),
    ),
    # ---- other
    Activation(
        id="sin", label="Sine", group="other",
        kernel=np.sin, kernel_prime=np.cos,
        limits=(math.nan, math.nan), limits_prime=(math.nan, math.nan),
        formula="f(z) = sin(z)",
        formula_prime="f′(z) = cos(z)",
        note="A periodic activation (as in SIREN networks). It never saturates, but its slope "
             "keeps changing sign, and it has no limit at ±∞.",
        properties=_props(-1, 1, "[−1, 1]", zc=True, mono=False, smooth=True, sat="none", zero=False,
                          gmax=1.0, at="z = 2πk"),
    ),
    Activation(
        id="arctan", label="Arctan", group="other",
        kernel=np.arctan, kernel_prime=k.inv_one_plus_square,
        limits=(-math.pi / 2, math.pi / 2), limits_prime=(0.0, 0.0),
        formula="f(z) = arctan(z)",
        formula_prime="f′(z) = 1 / (1 + z^{2})",
        note="Another S-shaped squashing function, to (−π/2, π/2); like softsign it saturates "
             "only polynomially.",
        properties=_props(-math.pi / 2, math.pi / 2, "(−π/2, π/2)", zc=True, mono=True, smooth=True,
                          sat="both", zero=False, gmax=1.0, at="z = 0"),
    ),
]

_ENTRIES.append(Activation(
        id="sigmoid_rescaled", label="Rescaled sigmoid 2σ(2z) − 1", group="other",
        kernel=k.rescaled_sigmoid, kernel_prime=k.rescaled_sigmoid_prime,
        limits=(-1.0, 1.0), limits_prime=(0.0, 0.0),
        formula="f(z) = 2σ(2z) − 1",
        formula_prime="f′(z) = 4σ′(2z)",
        note="The sigmoid squeezed to twice the speed, doubled in height and moved down by one. "
    "It is exactly tanh: overlay the two to see them coincide.",
        properties=_props(-1, 1, "(−1, 1)", zc=True, mono=True, smooth=True, sat="both", zero=False,
           gmax=1.0, at="z = 0"),
    ))

# The two halves of the difference between sigmoid and tanh (lesson 4): centring alone,
# and slope alone.
_ENTRIES.append(Activation(
        id="sigmoid_centred", label="Centred sigmoid σ(z) − ½", group="other",
        kernel=k.centred_sigmoid, kernel_prime=nm.sigmoid_prime,
        limits=(-0.5, 0.5), limits_prime=(0.0, 0.0),
        formula="f(z) = σ(z) − ½",
        formula_prime="f′(z) = σ′(z)",
        note="The sigmoid moved down by a half: centred on zero like tanh, but with the sigmoid's "
    "gentle slope (a quarter at most). Race it against the sigmoid to see what centring alone buys.",
        properties=_props(-0.5, 0.5, "(−½, ½)", zc=True, mono=True, smooth=True, sat="both", zero=False,
           gmax=0.25, at="z = 0"),
    ))
_ENTRIES.append(Activation(
        id="sigmoid_steep", label="Steep sigmoid 2σ(2z)", group="other",
        kernel=k.steep_sigmoid, kernel_prime=k.steep_sigmoid_prime,
        limits=(0.0, 2.0), limits_prime=(0.0, 0.0),
        formula="f(z) = 2σ(2z)",
        formula_prime="f′(z) = 4σ′(2z)",
        note="The sigmoid made as steep as tanh (slope 1 at z = 0) but not centred: its outputs "
    "are all positive, in (0, 2). Race it against tanh to see what the slope alone buys.",
        properties=_props(0, 2, "(0, 2)", zc=False, mono=True, smooth=True, sat="both", zero=False,
           gmax=1.0, at="z = 0"),
    ))

REGISTRY: dict[str, Activation] = {a.id: a for a in _ENTRIES}
GROUP_LABELS = {
    "classic": "Classic",
    "rectifiers": "Rectifiers",
    "smooth": "Smooth",
    "hard": "Hard (piecewise linear)",
    "other": "Other",
    "custom": "My functions",
}


#: The user's own functions (typed as formulas, see ``custom``), by id: added and removed
#: by the app, and found by :func:`get` like the registry's entries.
CUSTOM: dict[str, Activation] = {}


def get(activation_id: str) -> Activation:
    """The registry entry (or the user's function) ``activation_id``; a KeyError listing
    valid ids otherwise."""
    try:
        return REGISTRY[activation_id]
    except (KeyError, TypeError):  # TypeError: not even hashable (a list from a file)
        pass
    try:
        return CUSTOM[activation_id]
    except (KeyError, TypeError):
        valid = ", ".join([*REGISTRY, *CUSTOM])
        raise KeyError(f"unknown activation {excerpt(activation_id)}; valid ids: {valid}") from None


def ids() -> list[str]:
    """All ids, in display order: the registry's, then the user's functions."""
    return [*REGISTRY, *CUSTOM]


def add_custom(act: Activation) -> None:
    """Make the user's function ``act`` known to :func:`get` (replacing one of the same id)."""
    if act.id in REGISTRY or act.group != "custom":
        raise ValueError(f"{act.id!r} is a built-in function's id; choose another")
    CUSTOM[act.id] = act


def remove_custom(activation_id: str) -> None:
    CUSTOM.pop(activation_id, None)


@contextlib.contextmanager
def custom_added(acts):
    """Make ``acts`` known for the time of a ``with`` block (checking a file that defines
    functions it then uses), then put the user's functions back as they were."""
    saved = dict(CUSTOM)
    try:
        for act in acts:
            add_custom(act)
        yield
    finally:
        CUSTOM.clear()
        CUSTOM.update(saved)
