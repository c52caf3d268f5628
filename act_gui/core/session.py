"""Session files (``.actx``): the whole working state as JSON, to save, send and reopen.

A session holds the Explorer's choices and the Network Lab's run: configuration, trained
weights, optimiser state (velocity and the batch sampler's random state), the run's
history and pinned runs. Reopened, training continues exactly where it stopped: the next
step is the step the original would have taken.

Files come from anywhere, so :func:`parse` trusts nothing: sizes are bounded, types and
shapes checked against the configuration, every number must be finite. Any problem
raises :class:`SessionError` with a message fit for the user, before anything is used.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from act_gui.core.lab import SPEEDS, LabConfig, RunHistory
from act_gui.core.training import Trainer

FORMAT = "act-gui-session"
VERSION = 1
SUFFIX = ".actx"
MAX_BYTES = 50 * 1024 * 1024
MAX_HISTORY_ROWS = 200_000
MAX_LOSSES = 20_000_000
MAX_PINNED = 8


class SessionError(ValueError):
    """A session file that cannot be used; the message says why."""


@dataclass
class LabRun:
    """Everything about one Network Lab run that a session keeps."""

    config: LabConfig
    trainer: Trainer
    history: RunHistory
    pinned: list[RunHistory] = field(default_factory=list)
    selection: tuple[int, int | None] | None = None
    steps_per_frame: int = 10


@dataclass
class Session:
    explorer: dict
    lab: LabRun


# --- writing ------------------------------------------------------------------------------

def _arrays(arrays) -> list:
    return [a.tolist() for a in arrays]


def _history(history: RunHistory) -> dict:
    return {"label": history.label, "layers": history.layers, "rows": history.rows().tolist()}


def dumps(explorer: dict, run: LabRun) -> str:
    """The session as JSON text (floats written exactly, so they read back bit-identical)."""
    t = run.trainer
    doc = {
        "format": FORMAT, "version": VERSION, "explorer": explorer,
        "lab": {
            "config": run.config.to_dict(),
            "steps_per_frame": run.steps_per_frame,
            "selection": list(run.selection) if run.selection else None,
            "trainer": {
                "steps": t.steps, "diverged_at": t.diverged_at,
                "parameters": _arrays(t.net.parameters()), "velocity": _arrays(t._velocity),
                "before": _arrays(t._before), "velocity_before": _arrays(t._velocity_before),
                "rng": t.rng.bit_generator.state, "losses": t.losses.tolist(),
            },
            "history": _history(run.history),
            "pinned": [_history(h) for h in run.pinned],
        },
    }
    return json.dumps(doc, allow_nan=False)


# --- reading ------------------------------------------------------------------------------

def _reject_constant(name: str):
    raise SessionError(f"the file contains {name}, which is not a number a session can hold")


def _need(condition: bool, message: str) -> None:
    if not condition:
        raise SessionError(message)


def _mapping(value: Any, what: str) -> dict:
    _need(isinstance(value, dict), f"{what} must be a mapping")
    return value


def _integer(value: Any, what: str, lo: int, hi: int) -> int:
    _need(isinstance(value, int) and not isinstance(value, bool) and lo <= value <= hi,
          f"{what} must be a whole number from {lo} to {hi}")
    return value


def _only_numbers(value: Any) -> bool:
    """Nested lists of ints and floats only (numpy would quietly read True as 1.0)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif type(item) not in (int, float):
            return False
    return True


def _matrix(value: Any, shape: tuple[int, ...], what: str) -> np.ndarray:
    """A finite float array of exactly ``shape`` from nested lists."""
    _need(isinstance(value, list) and _only_numbers(value), f"{what} must be a list of numbers")
    try:
        array = np.array(value, dtype=np.float64)
    except (ValueError, TypeError):
        raise SessionError(f"{what} must hold only numbers, in a regular shape") from None
    _need(array.shape == shape, f"{what} has shape {array.shape}, but the network needs {shape}")
    _need(bool(np.isfinite(array).all()), f"{what} contains a number that is not finite")
    return array


def _arrays_like(value: Any, templates: list[np.ndarray], what: str) -> list[np.ndarray]:
    _need(isinstance(value, list) and len(value) == len(templates),
          f"{what} must list {len(templates)} arrays, one per weight and bias")
    return [_matrix(v, t.shape, f"{what}[{i}]") for i, (v, t) in enumerate(zip(value, templates))]


def _read_history(value: Any, layers: int, what: str) -> RunHistory:
    data = _mapping(value, what)
    _need(isinstance(data.get("label", ""), str) and len(data.get("label", "")) <= 500,
          f"{what}: the label must be text")
    _need(data.get("layers") == layers, f"{what} was recorded for another network")
    rows = data.get("rows")
    _need(isinstance(rows, list) and len(rows) <= MAX_HISTORY_ROWS,
          f"{what} must list at most {MAX_HISTORY_ROWS:,} rows")
    width = len(RunHistory.COLUMNS) + layers
    array = _matrix(rows, (len(rows), width), f"{what} rows") if rows else np.empty((0, width))
    return RunHistory.from_rows(array, layers, data.get("label", ""))


def _read_trainer(config: LabConfig, value: Any) -> Trainer:
    data = _mapping(value, "the trainer")
    try:
        trainer = config.build()
    except (ValueError, TypeError, KeyError) as error:
        raise SessionError(f"the network settings are unusable ({error})") from None
    params = trainer.net.parameters()
    loaded = _arrays_like(data.get("parameters"), params, "parameters")
    velocity = _arrays_like(data.get("velocity"), params, "velocity")
    before = _arrays_like(data.get("before"), params, "before")
    velocity_before = _arrays_like(data.get("velocity_before"), params, "velocity_before")
    steps = _integer(data.get("steps"), "the step count", 0, MAX_LOSSES)
    diverged = data.get("diverged_at")
    _need(diverged is None or (isinstance(diverged, int) and not isinstance(diverged, bool) and diverged >= 0),
          "diverged_at must be empty or a step number")
    losses = data.get("losses")
    _need(isinstance(losses, list) and len(losses) == steps, "there must be one loss per step")
    loss_array = _matrix(losses, (steps,), "losses") if steps else np.empty(0)
    try:
        trainer.rng.bit_generator.state = data.get("rng")
    except (TypeError, ValueError, KeyError) as error:
        raise SessionError(f"the batch sampler's random state is unusable ({error})") from None
    for target, source in ((params, loaded), (trainer._velocity, velocity), (trainer._before, before),
                           (trainer._velocity_before, velocity_before)):
        for t, s in zip(target, source):
            np.copyto(t, s)
    trainer.restore_progress(steps, loss_array, diverged)
    return trainer


def parse(text: str | bytes) -> Session:
    """Read and check a session; SessionError (with the reason) if it cannot be used."""
    if isinstance(text, bytes):
        _need(len(text) <= MAX_BYTES, f"the file is larger than {MAX_BYTES // 2**20} MB")
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise SessionError("the file is not text (UTF-8)") from None
    _need(len(text) <= MAX_BYTES, f"the file is larger than {MAX_BYTES // 2**20} MB")
    try:
        doc = json.loads(text, parse_constant=_reject_constant)
    except RecursionError:
        raise SessionError("the file is nested too deeply") from None
    except json.JSONDecodeError as error:
        raise SessionError(f"the file is not valid JSON (line {error.lineno}: {error.msg})") from None
    doc = _mapping(doc, "the file")
    _need(doc.get("format") == FORMAT, "this is not an Activation Explorer session")
    _need(doc.get("version") == VERSION,
          f"the session has format version {doc.get('version')!r}; this app reads version {VERSION}")
    explorer = _mapping(doc.get("explorer"), "the Explorer part")
    lab = _mapping(doc.get("lab"), "the Network Lab part")
    try:
        config = LabConfig.from_dict(lab.get("config"))
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        raise SessionError(f"the network settings are unusable ({error})") from None
    trainer = _read_trainer(config, lab.get("trainer"))
    layers = len(trainer.net.weights)
    history = _read_history(lab.get("history"), layers, "the run history")
    pinned = lab.get("pinned", [])
    _need(isinstance(pinned, list) and len(pinned) <= MAX_PINNED, f"at most {MAX_PINNED} pinned runs")
    pins = [_read_history(p, _layers_of(p), f"pinned run {i + 1}") for i, p in enumerate(pinned)]
    speed = lab.get("steps_per_frame", 10)
    _need(speed in SPEEDS and not isinstance(speed, bool), f"steps per frame must be one of {SPEEDS}")
    return Session(explorer, LabRun(config, trainer, history, pins, _selection(lab.get("selection"), config), speed))


def _layers_of(pinned: Any) -> int:
    layers = pinned.get("layers") if isinstance(pinned, dict) else None
    return _integer(layers, "a pinned run's layer count", 2, 7)


def _selection(value: Any, config: LabConfig):
    if value is None:
        return None
    _need(isinstance(value, list) and len(value) == 2, "the selection must be [layer, unit]")
    layer = _integer(value[0], "the selected layer", 0, config.hidden_layers - 1)
    unit = None if value[1] is None else _integer(value[1], "the selected unit", 0, config.width - 1)
    return layer, unit

