"""A student's own activation: an :class:`Activation` made from a formula.

>>> from act_gui.core.activations import from_formula
>>> swish = from_formula("z * sigmoid(beta * z)", {"beta": 1.5})
>>> round(float(swish.derivative(0.0)), 3)
0.5

The entry has the registry's contract: ``forward``/``derivative`` (f′ by automatic
differentiation, see :mod:`formula`), parameter specs (sliders), and a properties table,
here *measured* on the function at its default parameters instead of written by hand:
range, zero-centred, monotonic, smooth, saturating sides, zero-gradient region, max |f′|.
"""

from __future__ import annotations

import dataclasses
import math
import re
from typing import Mapping

import numpy as np

from act_gui.core.activations import formula as language
from act_gui.core.activations.formula import FormulaError
from act_gui.core.activations.types import Activation, ParamSpec, Properties

#: A parameter's range when only its default is given: the default ± this much (at least).
DEFAULT_SPAN = 5.0
_GRID = np.linspace(-60.0, 60.0, 24001)  # where properties are measured
_NEAR = 15.0  # a bound reached inside [-15, 15] is attained (tanh(20) already rounds to 1)
_FAR = 1e300  # "at infinity": f there is the limit (|f| beyond 1e250 counts as infinite)
_ID = re.compile(r"[a-z0-9_-]{1,40}\Z")
MAX_SWITCHES = 100


def from_formula(text: str, params: Mapping[str, object] | None = None, *, id: str | None = None,
                 label: str | None = None) -> Activation:
    """The activation ``text`` describes (a function of ``z``).

    ``params`` maps each parameter name to its default, or to ``(default, min, max)``.
    FormulaError (a ValueError saying what and at which column) if the text or a
    parameter cannot be used.
    """
    specs = _param_specs(params or {})
    parsed = language.parse(text, [s.name for s in specs])
    act_id = id or "custom"
    if not _ID.match(act_id):
        raise FormulaError(f"the id {act_id!r} must be 1-40 lower-case letters, digits, '-' or '_'", 1)

    def kernel(z, **p):
        return parsed.value(z, p)

    def kernel_prime(z, **p):
        return parsed.both(z, p)[1]

    def limits(**p):
        value = parsed.both(np.array([-_FAR, _FAR]), p)[0]
        return tuple(float(np.copysign(math.inf, v)) if abs(v) > 1e250 else float(v) for v in value)

    def limits_prime(**p):
        slope = parsed.both(np.array([-_FAR, _FAR]), p)[1]
        return tuple(float(v) for v in slope)

    defaults = {s.name: s.default for s in specs}
    switches = tuple(switch_points(parsed, defaults))
    shown = " ".join(text.split())
    act = Activation(
        id=act_id, label=label or shown, group="custom",
        kernel=kernel, kernel_prime=kernel_prime, limits=limits, limits_prime=limits_prime,
        formula=f"f(z) = {shown}", formula_prime=_prime_text(parsed),
        note="Your own function. f′ is computed exactly from the formula (automatic "
             "differentiation), and the properties are measured on its curve.",
        properties=Properties((0.0, 0.0), "", False, False, True, "none", False, 0.0, ""),  # replaced below
        params=specs,
        kinks=lambda **p: switch_points(parsed, p) if p != defaults else switches,
        source=parsed.text,
    )
    return dataclasses.replace(act, properties=measure(act))


def _prime_text(parsed: language.Formula) -> str:
    """f′ written out (what automatic differentiation computes), unless it is too long to read."""
    text = language.derivative_text(parsed)
    return f"f′(z) = {text}" if len(text) <= 240 else "f′(z): computed exactly by automatic differentiation"


def _param_specs(params: Mapping[str, object]) -> tuple[ParamSpec, ...]:
    specs = []
    for name, given in params.items():
        if not isinstance(name, str) or not language.NAME.match(name) or name == language.VARIABLE \
                or name in language.FUNCTIONS:
            raise FormulaError(f"{name!r} cannot be a parameter name (a name like beta or alpha_1, "
                               "not z or a function)", 1, "params")
        values = given if isinstance(given, (tuple, list)) else (given,)
        if len(values) not in (1, 3) or not all(isinstance(v, (int, float)) and not isinstance(v, bool)
                                                and math.isfinite(v) for v in values):
            raise FormulaError(f"parameter {name}: give a default, or (default, min, max), as finite numbers", 1,
                               "params")
        default = float(values[0])
        lo, hi = (float(values[1]), float(values[2])) if len(values) == 3 else (
            default - max(DEFAULT_SPAN, abs(default)), default + max(DEFAULT_SPAN, abs(default)))
        if not lo <= default <= hi:
            raise FormulaError(f"parameter {name}: its default {default:g} is outside [{lo:g}, {hi:g}]", 1, "params")
        specs.append(ParamSpec(name, default, lo, hi, name))
    return tuple(specs)


def switch_points(parsed: language.Formula, params: Mapping[str, float]) -> list[float]:
    """The z in [-60, 60] where a branch of the formula switches (abs, relu, max, min,
    where): the only places a kink can be. Found on the grid, then refined by bisection."""
    decisions = _decisions(parsed.tree, _GRID, params)
    points: list[float] = []
    for decide in decisions:
        on_grid = decide(_GRID)
        flips = np.flatnonzero(on_grid[1:] != on_grid[:-1])
        # (a formula that flips everywhere, like abs(sin(40 z)), has no short kink list:
        # at most MAX_SWITCHES are looked for, so typing one stays quick)
        for i in flips[:max(0, MAX_SWITCHES - len(points))]:
            lo, hi = _GRID[i], _GRID[i + 1]
            left = decide(np.array([lo]))[0]
            for _ in range(60):
                mid = 0.5 * (lo + hi)
                if decide(np.array([mid]))[0] == left:
                    lo = mid
                else:
                    hi = mid
            points.append(float(hi))
    return sorted(set(points))


def _decisions(node: language.Node, z, params) -> list:
    """A function z -> bool array per branching node of the tree."""
    found = []
    for arg in node.args:
        found += _decisions(arg, z, params)
    if node.kind == "call" and node.name in ("abs", "relu", "max", "min", "where"):
        inner = [language.evaluator(a, slopes=False) for a in node.args]

        def decide(x, inner=inner, name=node.name):
            with np.errstate(all="ignore"):
                values = [f(x, params)[0] for f in inner]
            if name in ("abs", "relu"):
                return np.broadcast_to(values[0] > 0, np.shape(x))
            if name == "where":
                return np.broadcast_to(np.asarray(values[0], dtype=bool), np.shape(x))
            return np.broadcast_to(values[0] >= values[1] if name == "max" else values[0] <= values[1], np.shape(x))
        found.append(decide)
    return found


def measure(act: Activation) -> Properties:
    """The properties table of ``act`` at its default parameters, measured on its curve."""
    f = act.forward(_GRID)
    slope = act.derivative(_GRID)
    lo_inf, hi_inf = act.limits(**act.defaults())
    finite = np.isfinite(f)
    lo = min(float(np.min(f[finite])) if finite.any() else math.nan, lo_inf)
    hi = max(float(np.max(f[finite])) if finite.any() else math.nan, hi_inf)
    near = np.abs(_GRID) <= _NEAR
    attained = lambda bound: bool(np.any(f[near] == bound))  # noqa: E731
    range_text = (("[" if attained(lo) else "(") + _number(lo) + ", " + _number(hi)
                  + ("]" if attained(hi) else ")"))
    zero_centred = bool(np.allclose(act.forward(-_GRID), -f, rtol=1e-9, atol=1e-12, equal_nan=True))
    steps = np.diff(f[finite])
    monotonic = bool(np.all(steps >= 0) or np.all(steps <= 0))
    kinks = act.kinks(**act.defaults())
    smooth = not any(_jumps(act, point) for point in kinks)
    peak = float(np.nanmax(np.abs(slope))) if np.isfinite(slope).any() else 0.0
    tails = [abs(v) for v in act.limits_prime(**act.defaults())]
    flat = [math.isfinite(t) and t <= 1e-9 * max(peak, 1e-300) for t in tails]
    saturates = {(False, False): "none", (True, False): "negative", (False, True): "positive",
                 (True, True): "both"}[tuple(flat)]
    zero = (slope == 0.0) & near  # (far out, a slope like GELU's underflows to 0 without being 0)
    zero_region = bool(np.any(zero[1:] & zero[:-1]))
    from act_gui.core.activations.analysis import max_abs_slope  # (analysis imports the types, not us)

    gmax, at = max_abs_slope(act) if peak > 0 else (0.0, 0.0)
    return Properties((lo, hi), range_text, zero_centred, monotonic, smooth, saturates, zero_region,
                      gmax, f"z ≈ {at:.3g}")


def _jumps(act: Activation, point: float) -> bool:
    """Whether f′ jumps at ``point`` (a kink), comparing it just left and just right."""
    h = 1e-7 * max(1.0, abs(point))
    left, right = act.derivative(np.array([point - h, point + h]))
    scale = max(1.0, abs(left), abs(right))
    return not (np.isfinite(left) and np.isfinite(right)) or abs(right - left) > 1e-4 * scale


def _number(value: float) -> str:
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    return f"{value:.4g}".replace("-", "−")


def to_spec(act: Activation) -> dict:
    """What a file keeps of a user's function: plain data that :func:`from_spec` reads."""
    return {"id": act.id, "label": act.label, "formula": act.source,
            "params": {p.name: [p.default, p.min, p.max] for p in act.params}}


def from_spec(data: object) -> Activation:
    """A user's function from a file's plain data; FormulaError (a ValueError) if unusable."""
    if not isinstance(data, dict) or not isinstance(data.get("formula"), str):
        raise FormulaError("a function needs its formula as text", 1)
    params = data.get("params", {})
    label = data.get("label")
    if not isinstance(params, dict) or not (label is None or isinstance(label, str) and len(label) <= 80):
        raise FormulaError("a function's parameters must map names to numbers, and its label be short text", 1)
    return from_formula(data["formula"], params, id=data.get("id") or "custom", label=label or None)


def same_definition(a: Activation, b: Activation) -> bool:
    """Whether two of the user's functions are the same formula with the same parameters."""
    return (a.source, to_spec(a)["params"]) == (b.source, to_spec(b)["params"])


def settle_ids(functions: list[Activation], taken: Mapping[str, Activation]) -> tuple[list[Activation], dict]:
    """A file's functions made to fit beside the user's own (``taken``): one that has the id
    of a *different* function of the user's gets a fresh id, so opening a file never
    replaces the user's work. Returns the functions and the renaming (old id -> new)."""
    renamed, settled = {}, []
    used = set(taken) | {f.id for f in functions}
    for act in functions:
        mine = taken.get(act.id)
        if mine is not None and not same_definition(mine, act):
            new = next(f"{act.id}-{n}" for n in range(2, 10_000) if f"{act.id}-{n}" not in used)
            used.add(new)
            renamed[act.id] = new
            act = dataclasses.replace(act, id=new)
        settled.append(act)
    return settled, renamed


def rename_in_explorer(explorer: object, renamed: Mapping[str, str]) -> object:
    """An Explorer part of a file (plain data) with functions renamed (anything else as it was)."""
    return _renamed(explorer, renamed, "current", "overlays", "params")


def rename_in_config(config: object, renamed: Mapping[str, str]) -> object:
    """A Network Lab configuration (plain data) with functions renamed."""
    return _renamed(config, renamed, "activation", "layer_activations", "activation_params")


def _renamed(part: object, renamed: Mapping[str, str], one: str, many: str, keyed: str) -> object:
    """``part`` with the ids under ``one`` (an id), ``many`` (a list of ids) and ``keyed``
    (a mapping by id) renamed."""
    if not renamed or not isinstance(part, dict):
        return part
    out = dict(part)
    rename = lambda i: renamed.get(i, i) if isinstance(i, str) else i  # noqa: E731
    if one in out:
        out[one] = rename(out[one])
    if isinstance(out.get(many), list):
        out[many] = [rename(i) for i in out[many]]
    if isinstance(out.get(keyed), dict):
        out[keyed] = {rename(k): v for k, v in out[keyed].items()}
    return out


def read_file_functions(specs: object, limit: int, registry_ids) -> list[Activation]:
    """The functions a session or lesson file defines, each checked; ValueError saying which
    one is unusable and why (a hostile formula refuses the file here)."""
    if not isinstance(specs, list) or len(specs) > limit:
        raise ValueError(f"a file defines at most {limit} functions of its own, as a list")
    functions = []
    for index, spec in enumerate(specs):
        try:
            act = from_spec(spec)
        except FormulaError as error:
            raise ValueError(f"function {index + 1} is unusable: {str(error)[:160]}") from None
        if act.id in registry_ids:
            raise ValueError(f"function {index + 1} takes the id of a built-in function ({act.id})")
        functions.append(act)
    return functions
