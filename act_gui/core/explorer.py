"""The Function Explorer's state as plain data: checked field by field, no Qt.

The window's :class:`~act_gui.qt.explorer.state.ExplorerState` holds one of these and
adds change signals; session and lesson files check their Explorer part here, so a
file that names an unknown function or a probe of ``"5"`` is refused when it is read,
not silently half-applied when it is used.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from act_gui.core import activations
from act_gui.core.activations.curves import DEFAULT_Z_RANGE, Z_LIMIT, check_z_range
from act_gui.core.files.reading import excerpt

DEFAULT_CURRENT = "sigmoid"
DEFAULT_OVERLAYS = ("tanh", "relu")
KEYS = ("current", "overlays", "params", "z_range", "probe")
MAX_OVERLAYS = 64


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def check_function(act_id: Any) -> str:
    """``act_id`` if it names a registry entry; KeyError saying which ids exist."""
    if not isinstance(act_id, str):
        raise KeyError(f"a function id must be text, not {excerpt(act_id)}")
    activations.get(act_id)
    return act_id


def check_probe(z: Any) -> float:
    if not _is_number(z):
        raise ValueError(f"the probe z must be a number, not {excerpt(z)}")
    try:
        z = float(z)
    except OverflowError:
        z = math.inf
    if not math.isfinite(z) or abs(z) > Z_LIMIT:
        raise ValueError(f"the probe z must be a finite number within ±{Z_LIMIT:g}")
    return z


def check_range(value: Any) -> tuple[float, float]:
    """A z-range from a file or a caller: two numbers, low then high."""
    if not (isinstance(value, (list, tuple)) and len(value) == 2 and all(_is_number(v) for v in value)):
        raise ValueError(f"the z-range must be two numbers, not {excerpt(value)}")
    try:
        return check_z_range(*value)
    except OverflowError:
        raise ValueError("the z-range must be finite numbers") from None


def check_param(act_id: str, name: Any, value: Any) -> float:
    """The checked value of parameter ``name`` of ``act_id``; ValueError/KeyError if bad."""
    if not _is_number(value):
        raise ValueError(f"parameter {excerpt(name)} must be a number, not {excerpt(value)}")
    return activations.get(act_id).resolve({name: value})[name]


@dataclass
class ExplorerModel:
    current: str = DEFAULT_CURRENT
    overlays: list[str] = field(default_factory=lambda: list(DEFAULT_OVERLAYS))
    params: dict[str, dict[str, float]] = field(default_factory=dict)
    z_range: tuple[float, float] = DEFAULT_Z_RANGE
    probe: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {"current": self.current, "overlays": list(self.overlays),
                "params": {k: dict(v) for k, v in self.params.items() if v},
                "z_range": list(self.z_range), "probe": self.probe}

    @classmethod
    def from_dict(cls, data: Any) -> tuple["ExplorerModel", list[str]]:
        """The model ``data`` describes, and one description per part that was unusable
        (that part keeps its default). Files refuse any problem; settings forgive them."""
        model, problems = cls(), []
        if not isinstance(data, dict):
            return model, ["the Explorer part is not a mapping"]
        unknown = [k for k in data if k not in KEYS]
        if unknown:
            problems.append(f"unknown entries: {excerpt(', '.join(map(str, unknown[:5])))}")
        for key, check in (("current", check_function), ("z_range", check_range), ("probe", check_probe)):
            if key in data:
                try:
                    setattr(model, key, check(data[key]))
                except (KeyError, ValueError, TypeError) as error:
                    problems.append(f"{key}: {_message(error)}")
        model.overlays = _overlays(data.get("overlays", list(DEFAULT_OVERLAYS)), problems)
        model.params = _params(data.get("params", {}), problems)
        return model, problems


def _message(error: Exception) -> str:
    return error.args[0] if isinstance(error, KeyError) and error.args else str(error)


def _overlays(value: Any, problems: list[str]) -> list[str]:
    if not isinstance(value, list) or len(value) > MAX_OVERLAYS:
        problems.append(f"overlays: must be a list of at most {MAX_OVERLAYS} function ids")
        return list(DEFAULT_OVERLAYS)
    overlays = []
    for act_id in value:
        try:
            act_id = check_function(act_id)
        except KeyError as error:
            problems.append(f"overlay: {_message(error)}")
            continue
        if act_id not in overlays:
            overlays.append(act_id)
    return overlays


def _params(value: Any, problems: list[str]) -> dict[str, dict[str, float]]:
    if not isinstance(value, dict):
        problems.append("params: must map function ids to their parameters")
        return {}
    params: dict[str, dict[str, float]] = {}
    for act_id, values in value.items():
        try:
            check_function(act_id)
            if not isinstance(values, dict):
                raise ValueError(f"the parameters of {act_id} must be a mapping")
            for name, number in values.items():
                params.setdefault(act_id, {})[name] = check_param(act_id, name, number)
        except (KeyError, ValueError, TypeError) as error:
            problems.append(f"parameter: {_message(error)}")
    return params
