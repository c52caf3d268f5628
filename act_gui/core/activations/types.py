"""The data types that describe one activation function: parameters, properties, entry."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable, Mapping

import numpy as np

from act_gui.core.files.reading import excerpt

Kernel = Callable[..., np.ndarray]
#: f or f' as z -> -inf and z -> +inf: a pair, or a function of the parameters giving one.
Limits = tuple[float, float] | Callable[..., tuple[float, float]]
SIDES = ("none", "negative", "positive", "both")
GROUPS = ("classic", "rectifiers", "smooth", "hard", "other", "custom")  # custom: typed as formulas


@dataclass(frozen=True)
class ParamSpec:
    """One tunable parameter: its keyword name, default and allowed closed range."""

    name: str
    default: float
    min: float
    max: float
    label: str

    def check(self, value: object, owner: str) -> float:
        """Return ``value`` as a float, or raise if it is not a number in range."""
        if isinstance(value, bool) or not isinstance(value, (int, float, np.floating, np.integer)):
            raise TypeError(f"{owner}: parameter {self.name!r} must be a number, got {excerpt(value)}")
        try:
            value = float(value)
        except OverflowError:  # an integer too large for a float
            value = math.inf
        if not (self.min <= value <= self.max):
            raise ValueError(
                f"{owner}: parameter {self.name!r} = {value!r} is outside its allowed range "
                f"[{self.min:g}, {self.max:g}]"
            )
        return value


@dataclass(frozen=True)
class Properties:
    """What a teacher would tabulate about a function, at its default parameters.

    ``smooth`` means continuously differentiable (no kink). ``zero_centred`` means odd,
    f(−z) = −f(z), so its outputs are balanced around 0. ``saturates`` names the side(s)
    on which f' tends to 0. ``zero_gradient_region`` means f' is exactly 0 on a whole
    interval: a unit whose inputs all fall there receives no gradient and cannot learn.
    """

    output_range: tuple[float, float]
    range_text: str
    zero_centred: bool
    monotonic: bool
    smooth: bool
    saturates: str
    zero_gradient_region: bool
    max_abs_grad: float
    max_abs_grad_at: str

    def __post_init__(self) -> None:
        if self.saturates not in SIDES:
            raise ValueError(f"saturates must be one of {SIDES}, got {self.saturates!r}")

    @property
    def bounded_below(self) -> bool:
        return math.isfinite(self.output_range[0])

    @property
    def bounded_above(self) -> bool:
        return math.isfinite(self.output_range[1])

    def rows(self) -> list[tuple[str, str]]:
        """(name, value) pairs in display order, as text."""
        yes = lambda flag: "yes" if flag else "no"  # noqa: E731
        return [
            ("Output range", self.range_text),
            ("Zero-centred", yes(self.zero_centred)),
            ("Monotonic", yes(self.monotonic)),
            ("Smooth (no kink)", yes(self.smooth)),
            ("Bounded below", yes(self.bounded_below)),
            ("Bounded above", yes(self.bounded_above)),
            ("Saturates", self.saturates),
            ("Zero-gradient region", yes(self.zero_gradient_region)),
            ("Max |f′|", f"{self.max_abs_grad:.4g} at {self.max_abs_grad_at}"),
        ]


@dataclass(frozen=True, kw_only=True)
class Activation:
    """One registry entry: an activation function f, its derivative f', and what it is.

    Entries are written with keyword arguments only (``id=..., kernel=...``), so each
    reads as a labelled record and a new field can never shift the others.

    ``forward`` and ``derivative`` accept any array-like of real numbers and return a
    float64 array of the same shape. Parameters are keyword arguments named as in
    PyTorch; omitted ones take their defaults, out-of-range ones raise ``ValueError``.
    At a kink the derivative takes the value PyTorch's autograd uses (relu'(0) = 0).

    Limits at ±inf are part of the description, so the kernels only ever see finite
    numbers and ±inf inputs return the mathematical limit; NaN returns NaN.
    """

    id: str
    label: str
    group: str
    kernel: Kernel
    kernel_prime: Kernel
    limits: Limits
    limits_prime: Limits
    formula: str
    formula_prime: str
    note: str
    properties: Properties
    params: tuple[ParamSpec, ...] = ()
    kinks: Callable[..., tuple[float, ...]] = field(default=lambda **_: ())
    #: Optional f' computed from the output a = f(z), as PyTorch's backward does for tanh
    #: (1 − a²) and sigmoid (a(1 − a)): exact to absolute rounding and several times
    #: cheaper, so training uses it; plots and diagnostics use the relatively exact f'.
    prime_from_output: Callable[[np.ndarray], np.ndarray] | None = None
    #: The formula a custom function was made from (see ``custom.from_formula``); None
    #: for the registry's own entries.
    source: str | None = None

    def __post_init__(self) -> None:
        if self.group not in GROUPS:
            raise ValueError(f"{self.id}: group must be one of {GROUPS}, got {self.group!r}")

    def defaults(self) -> dict[str, float]:
        return {p.name: p.default for p in self.params}

    def resolve(self, params: Mapping[str, object]) -> dict[str, float]:
        """Defaults overlaid with ``params``, each checked against its spec."""
        specs = {p.name: p for p in self.params}
        unknown = sorted(set(params) - set(specs))
        if unknown:
            allowed = ", ".join(specs) or "none"
            raise TypeError(f"{self.id}: unknown parameter(s) {excerpt(unknown)}; it takes: {allowed}")
        resolved = self.defaults()
        for name, value in params.items():
            resolved[name] = specs[name].check(value, self.id)
        return resolved

    def forward(self, z, **params) -> np.ndarray:
        """f(z), element-wise."""
        return self._evaluate(self.kernel, self.limits, z, params)

    def derivative(self, z, **params) -> np.ndarray:
        """f'(z), element-wise (PyTorch's autograd value at kinks)."""
        return self._evaluate(self.kernel_prime, self.limits_prime, z, params)

    def _evaluate(self, kernel: Kernel, limits: Limits, z, params) -> np.ndarray:
        p = self.resolve(params)
        z = np.asarray(z, dtype=np.float64)
        finite = np.isfinite(z)
        if finite.all():
            return np.asarray(kernel(z, **p), dtype=np.float64).reshape(z.shape)
        out = np.full(z.shape, np.nan)
        out[finite] = kernel(z[finite], **p)
        if callable(limits):
            limits = limits(**p)
        out[z == np.inf] = limits[1]
        out[z == -np.inf] = limits[0]
        return out

    def __repr__(self) -> str:
        return f"<Activation {self.id}: {self.formula}>"
