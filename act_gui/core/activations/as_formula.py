"""The registry's functions written in the formula language, for "Duplicate".

A student who wants to change a built-in function starts from its formula here. Each
text has the entry's maths (values and slopes agree, kinks included: the tests check);
where PyTorch switches to a cheaper form past a threshold (softplus), the formula keeps
the plain mathematical one.
"""

from __future__ import annotations

from act_gui.core.activations.kernels import SELU_ALPHA, SELU_SCALE
from act_gui.core.activations.types import Activation

FORMULAS: dict[str, str] = {
    "sigmoid": "sigmoid(z)",
    "tanh": "tanh(z)",
    "identity": "z",
    "binary_step": "where(z >= 0, 1, 0 * z)",
    "relu": "relu(z)",
    "leaky_relu": "where(z > 0, z, negative_slope * z)",
    "prelu": "where(z > 0, z, a * z)",
    "relu6": "min(6, max(0, z))",  # (constants first: a tie takes the flat side, as PyTorch)
    "elu": "where(z > 0, z, alpha * (exp(z) - 1))",
    "selu": f"{SELU_SCALE!r} * where(z > 0, z, {SELU_ALPHA!r} * (exp(z) - 1))",
    "celu": "where(z > 0, z, alpha * (exp(z / alpha) - 1))",
    "softplus": "softplus(beta * z) / beta",
    "gelu": "z * 0.5 * (1 + erf(z / sqrt(2)))",
    "gelu_tanh": "0.5 * z * (1 + tanh(sqrt(2 / 3.141592653589793) * (z + 0.044715 * z**3)))",
    "silu": "z * sigmoid(z)",
    "mish": "z * tanh(softplus(z))",
    "softsign": "z / (1 + abs(z))",
    "logsigmoid": "-softplus(-z)",
    "tanhshrink": "z - tanh(z)",
    "hardtanh": "min(max_val, max(min_val, z))",
    "hardsigmoid": "min(6, max(0, z + 3)) / 6",
    "hardswish": "z * min(6, max(0, z + 3)) / 6",
    "softshrink": "where(z > lambd, z - lambd, where(z < -lambd, z + lambd, 0 * z))",
    "hardshrink": "where(abs(z) > lambd, z, 0 * z)",
    "sin": "sin(z)",
    "arctan": "arctan(z)",
    "sigmoid_rescaled": "2 * sigmoid(2 * z) - 1",
    "sigmoid_centred": "sigmoid(z) - 0.5",
    "sigmoid_steep": "2 * sigmoid(2 * z)",
}
#: Parameters a formula leaves out (PyTorch's switch to z past softplus's threshold).
LEFT_OUT = {"softplus": ("threshold",)}


def as_formula(act: Activation) -> tuple[str, dict[str, list[float]]] | None:
    """(formula, parameters as name -> [default, min, max]) for a registry entry or a
    function of the user's own (its own formula), or None."""
    text = act.source or FORMULAS.get(act.id)
    if text is None:
        return None
    left_out = () if act.source else LEFT_OUT.get(act.id, ())
    params = {p.name: [p.default, p.min, p.max] for p in act.params if p.name not in left_out}
    return text, params
