"""Activation functions: the registry, their kernels and numerics, analysis and sampled curves.

The registry's API is importable from here:

>>> from act_gui.core.activations import get
>>> float(get("sigmoid").derivative(15.0))  # the "killed" gradient at z = 15
3.0590213334945224e-07
"""

from act_gui.core.activations.custom import from_formula
from act_gui.core.activations.formula import FormulaError
from act_gui.core.activations.kernels import SELU_ALPHA, SELU_SCALE
from act_gui.core.activations.registry import CUSTOM, GROUP_LABELS, REGISTRY, add_custom, get, ids, remove_custom
from act_gui.core.activations.types import Activation, ParamSpec, Properties

__all__ = ["CUSTOM", "GROUP_LABELS", "REGISTRY", "SELU_ALPHA", "SELU_SCALE", "Activation", "FormulaError",
           "ParamSpec", "Properties", "add_custom", "from_formula", "get", "ids", "remove_custom"]
