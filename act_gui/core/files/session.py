"""Session files (``.actx``): the whole working state as JSON, to save, send and reopen.

A session holds the Explorer's choices and the Network Lab's run: configuration, trained
weights, optimiser state (velocity and the batch sampler's random state), the run's
history and pinned runs. Reopened, training continues exactly where it stopped: the next
step is the step the original would have taken.

What the app writes it can read: the history is bounded (:class:`RunHistory` thins old
rows), per-step losses are kept for the last ``LOSS_WINDOW`` steps, and the long arrays
are stored as base64 float64 (exact, compact, and able to hold the infinite loss of a
run that blew up). Parameters stay readable JSON numbers.

Files come from anywhere, so :func:`parse` trusts nothing: sizes are bounded, types and
shapes checked against the configuration, parameters must be finite. Any problem
raises :class:`SessionError` with a message fit for the user, before anything is used.
Older format versions are read through :data:`MIGRATIONS`; a committed file of each
version is read by the tests.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from act_gui.core.activations import CUSTOM, REGISTRY
from act_gui.core.activations.custom import read_file_functions, rename_in_config, rename_in_explorer, settle_ids, to_spec
from act_gui.core.activations.registry import custom_added
from act_gui.core.explorer import ExplorerModel
from act_gui.core.files.reading import excerpt, load_json, shorten
from act_gui.core.lab import SPEEDS, UNIT_COLOURS, LabConfig, RunHistory
from act_gui.core.lab.training import Trainer

FORMAT = "act-gui-session"
VERSION = 2
SUFFIX = ".actx"
MAX_BYTES = 50 * 1024 * 1024
MAX_HISTORY_ROWS = 200_000  # what version 1 files could hold; new files hold far fewer
MAX_STEPS = 10**12
MAX_PINNED = 8
MAX_MESSAGE = 300
MAX_FUNCTIONS = 32


class SessionError(ValueError):
    """A session file that cannot be used; the message says why (in a few lines at most)."""

    def __init__(self, message: str) -> None:
        super().__init__(message if len(message) <= MAX_MESSAGE else message[:MAX_MESSAGE] + "…")


@dataclass
class LabRun:
    """Everything about one Network Lab run that a session keeps."""

    config: LabConfig
    trainer: Trainer
    history: RunHistory
    pinned: list[RunHistory] = field(default_factory=list)
    selection: tuple[int, int | None] | None = None
    steps_per_frame: int = 10
    unit_colour: str = "mean"


@dataclass
class Session:
    explorer: dict
    lab: LabRun
    functions: list = field(default_factory=list)  # the user's own functions it uses (Activations)


# --- writing ------------------------------------------------------------------------------

def _arrays(arrays) -> list:
    return [a.tolist() for a in arrays]


def encode_array(array: np.ndarray) -> dict:
    """A float array as JSON: its shape and its little-endian float64 bytes in base64."""
    data = np.ascontiguousarray(array, dtype="<f8")
    return {"dtype": "float64", "shape": list(data.shape), "base64": base64.b64encode(data.tobytes()).decode("ascii")}


def _history(history: RunHistory) -> dict:
    return {"label": history.label, "layers": history.layers, "rows": encode_array(history.rows())}


def dumps(explorer: dict, run: LabRun, functions=()) -> str:
    """The session as JSON text (floats written exactly, so they read back bit-identical),
    with the user's own ``functions`` (Activations) it may use."""
    state = run.trainer.state_dict()
    doc = {
        "format": FORMAT, "version": VERSION, "explorer": explorer,
        **({"functions": [to_spec(act) for act in functions]} if functions else {}),
        "lab": {
            "config": run.config.to_dict(),
            "steps_per_frame": run.steps_per_frame,
            "unit_colour": run.unit_colour,
            "selection": list(run.selection) if run.selection else None,
            "trainer": {
                "steps": state["steps"], "diverged_at": state["diverged_at"],
                **{group: _arrays(state[group]) for group in ("parameters", "velocity", "before", "velocity_before")},
                "rng": state["rng"], "losses_from": state["losses_from"], "losses": encode_array(state["losses"]),
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
          f"{what} must be a whole number from {lo:,} to {hi:,}")
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


def _decode(value: Any, what: str) -> np.ndarray:
    """A float array from its base64 form, or (as version 1 wrote them) nested lists."""
    if isinstance(value, list):
        _need(_only_numbers(value), f"{what} must be a list of numbers")
        try:
            return np.array(value, dtype=np.float64)
        except (ValueError, TypeError, OverflowError):
            raise SessionError(f"{what} must hold only numbers, in a regular shape") from None
    data = _mapping(value, what)
    shape = data.get("shape")
    _need(data.get("dtype") == "float64" and isinstance(data.get("base64"), str)
          and isinstance(shape, list) and len(shape) <= 2
          and all(isinstance(n, int) and not isinstance(n, bool) and 0 <= n <= MAX_BYTES for n in shape),
          f"{what} must be a float64 array with its shape")
    try:
        raw = base64.b64decode(data["base64"], validate=True)
    except (binascii.Error, ValueError):
        raise SessionError(f"{what}: the array data is not valid base64") from None
    count = int(np.prod(shape, dtype=np.int64))
    _need(len(raw) == 8 * count, f"{what}: the array data does not match its shape {excerpt(shape)}")
    return np.frombuffer(raw, dtype="<f8").astype(np.float64).reshape(shape)


def _matrix(value: Any, shape: tuple[int, ...], what: str, finite: bool = True) -> np.ndarray:
    """A float array of exactly ``shape`` (finite unless told otherwise)."""
    array = _decode(value, what)
    _need(array.shape == shape, f"{what} has shape {array.shape}, but the network needs {shape}")
    _need(not finite or bool(np.isfinite(array).all()), f"{what} contains a number that is not finite")
    return array


def _arrays_like(value: Any, templates: list[np.ndarray], what: str) -> list[np.ndarray]:
    _need(isinstance(value, list) and len(value) == len(templates),
          f"{what} must list {len(templates)} arrays, one per weight and bias")
    return [_matrix(v, t.shape, f"{what}[{i}]") for i, (v, t) in enumerate(zip(value, templates))]


def _read_history(value: Any, layers: int, what: str) -> RunHistory:
    data = _mapping(value, what)
    label = data.get("label", "")
    _need(isinstance(label, str) and len(label) <= 500, f"{what}: the label must be text")
    _need(data.get("layers") == layers, f"{what} was recorded for another network")
    width = len(RunHistory.COLUMNS) + layers
    rows = _decode(data.get("rows"), f"{what} rows")
    _need(rows.ndim == 2 and len(rows) > 0, f"{what} must have at least one row")
    _need(rows.ndim == 2 and rows.shape[1] == width, f"{what} rows must have {width} columns")
    _need(len(rows) <= MAX_HISTORY_ROWS, f"{what} must list at most {MAX_HISTORY_ROWS:,} rows")
    _check_history_rows(rows, what)
    return RunHistory.from_rows(rows, layers, label)


def _check_history_rows(rows: np.ndarray, what: str) -> None:
    """What the plots need: whole, ordered step numbers; shares in [0, 1]; no negative
    loss or norm. A loss or norm may be infinite or NaN (a run that blew up shows so)."""
    steps = rows[:, 0]
    _need(bool(np.all(np.isfinite(steps) & (steps >= 0) & (steps <= MAX_STEPS) & (steps == np.floor(steps)))),
          f"{what}: each step must be a whole number from 0 to {MAX_STEPS:,}")
    _need(bool(np.all(np.diff(steps) >= 0)), f"{what}: the steps must not go backwards")
    shares = rows[:, 3:5]
    _need(bool(np.all((shares >= 0) & (shares <= 1))), f"{what}: dead and saturated shares must be from 0 to 1")
    others = np.concatenate([rows[:, 1:3], rows[:, 5:]], axis=1)
    _need(not bool(np.any(others < 0)), f"{what}: losses and gradient norms cannot be negative")


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
    steps = _integer(data.get("steps"), "the step count", 0, MAX_STEPS)
    diverged = data.get("diverged_at")
    if diverged is not None:
        _integer(diverged, "diverged_at", 0, steps + 1)
    losses_from = _integer(data.get("losses_from"), "losses_from", 0, steps)
    losses = _matrix(data.get("losses"), (steps - losses_from,), "losses")
    _need(_plain_state(data.get("rng")), "the batch sampler's random state is unusable")
    state = {"parameters": loaded, "velocity": velocity, "before": before, "velocity_before": velocity_before,
             "rng": data.get("rng"), "steps": steps, "diverged_at": diverged, "losses_from": losses_from,
             "losses": losses}
    try:
        trainer.load_state_dict(state)
    except ValueError as error:
        raise SessionError(shorten(str(error), 160)) from None
    return trainer


def _plain_state(value: Any, depth: int = 0) -> bool:
    """A random generator's state: text and whole numbers in mappings (numpy would
    quietly take True or 2.5 for a number)."""
    if isinstance(value, dict) and depth < 4:
        return all(isinstance(k, str) and _plain_state(v, depth + 1) for k, v in value.items())
    return isinstance(value, str) or (type(value) is int)


def _from_v1(doc: dict) -> dict:
    """Version 1 kept every step's loss as a JSON list and had no ``losses_from``."""
    trainer = doc.get("lab", {}).get("trainer") if isinstance(doc.get("lab"), dict) else None
    if isinstance(trainer, dict):
        trainer["losses_from"] = 0
    doc["version"] = 2
    return doc


#: Format version -> a function bringing a document of that version one version up.
MIGRATIONS = {1: _from_v1}


def parse(text: str | bytes) -> Session:
    """Read and check a session; SessionError (with the reason) if it cannot be used."""
    doc = _mapping(load_json(text, MAX_BYTES, SessionError, parse_constant=_reject_constant), "the file")
    _need(doc.get("format") == FORMAT, "this is not an Activation Explorer session")
    version = doc.get("version")
    while type(version) is int and version in MIGRATIONS:
        doc = MIGRATIONS[version](doc)
        version = doc.get("version")
    _need(version == VERSION,
          f"the session has format version {excerpt(doc.get('version'))}; this app reads versions 1 to {VERSION}")
    try:
        return _read(doc)
    except SessionError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError, RecursionError) as error:
        raise SessionError(f"the file is not a usable session ({shorten(str(error), 80)})") from None


def _read(doc: dict) -> Session:
    functions, renamed = settle_ids(_read_functions(doc.get("functions", [])), CUSTOM)
    if renamed:  # the file's "my-1" is not the user's "my-1": the file's is renamed
        lab = doc.get("lab")
        if isinstance(lab, dict):
            lab = {**lab, "config": rename_in_config(lab.get("config"), renamed)}
        doc = {**doc, "explorer": rename_in_explorer(doc.get("explorer"), renamed), "lab": lab}
    with custom_added(functions):  # the parts below may name them
        session = _read_parts(doc)
    session.functions = functions
    return session


def _read_functions(specs: Any) -> list:
    """The user's functions a file defines, each checked (a hostile formula is refused here)."""
    try:
        return read_file_functions(specs, MAX_FUNCTIONS, REGISTRY)
    except ValueError as error:
        raise SessionError(str(error)) from None


def _read_parts(doc: dict) -> Session:
    model, problems = ExplorerModel.from_dict(doc.get("explorer"))
    _need(not problems, "the Explorer part is unusable: " + "; ".join(problems))
    lab = _mapping(doc.get("lab"), "the Network Lab part")
    try:
        config = LabConfig.from_dict(lab.get("config"))
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as error:
        raise SessionError(f"the network settings are unusable ({shorten(str(error), 120)})") from None
    trainer = _read_trainer(config, lab.get("trainer"))
    layers = len(trainer.net.weights)
    history = _read_history(lab.get("history"), layers, "the run history")
    pinned = lab.get("pinned", [])
    _need(isinstance(pinned, list) and len(pinned) <= MAX_PINNED, f"at most {MAX_PINNED} pinned runs")
    pins = [_read_history(p, _layers_of(p), f"pinned run {i + 1}") for i, p in enumerate(pinned)]
    speed = lab.get("steps_per_frame", 10)
    _need(type(speed) is int and speed in SPEEDS, f"steps per frame must be one of {SPEEDS}")
    selection = _selection(lab.get("selection"), config)
    colour = lab.get("unit_colour", "mean")  # absent from files written before it existed
    _need(colour in UNIT_COLOURS, f"the unit colour must be one of {', '.join(UNIT_COLOURS)}")
    return Session(model.to_dict(), LabRun(config, trainer, history, pins, selection, speed, colour))


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
