"""The Network Lab's settings as data, and the history of a training run.

``LabConfig`` says everything needed to rebuild a run exactly: architecture, activation,
initialisation, data and optimiser. Changing an *architecture* field means a new network
(training restarts); changing an *optimiser* field does not. ``RunHistory`` keeps what
the plots draw, one row per drawn frame, so a pinned run can be shown as a ghost.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, field, fields, replace

import numpy as np

from act_gui.core import datasets
from act_gui.core.activations import get
from act_gui.core.diagnostics import Stats
from act_gui.core.network import INITS, MLP
from act_gui.core.training import LR_RANGE, Trainer

MAX_HIDDEN_LAYERS, MAX_WIDTH = 6, 16
OPTIMISER_FIELDS = ("lr", "batch_size", "momentum", "l2")
#: Training steps per drawn frame that the Lab offers.
SPEEDS = (1, 2, 5, 10, 20, 50, 100, 200, 500)


@dataclass(frozen=True)
class LabConfig:
    hidden_layers: int = 2
    width: int = 8
    activation: str = "tanh"
    #: One id per hidden layer, overriding ``activation`` where given (None: all alike).
    layer_activations: tuple[str, ...] | None = None
    activation_params: dict = field(default_factory=dict)
    init: str = "glorot_uniform"
    init_scale: float = 1.0
    bias_init: float = 0.0
    dataset: str = "circles"
    noise: float = 0.05
    points: int = 256
    seed: int = 0
    lr: float = 0.3  # the Lab's default: visible progress within seconds on the default task
    batch_size: int | None = None
    momentum: float = 0.0
    l2: float = 0.0

    def __post_init__(self) -> None:
        """Check every field, so a configuration from a file is either valid or refused."""
        _whole(self.hidden_layers, "hidden layers", 1, MAX_HIDDEN_LAYERS)
        _whole(self.width, "layer width", 1, MAX_WIDTH)
        _whole(self.points, "number of points", 4, datasets.MAX_POINTS)
        _whole(self.seed, "seed", 0, 2**32 - 1)
        if self.batch_size is not None:
            _whole(self.batch_size, "batch size", 1, datasets.MAX_POINTS)
        for name in ("init_scale", "bias_init", "noise", "lr", "momentum", "l2"):
            if getattr(self, name) == 0:  # -0.0 (typed "-0") passes "≥ 0" but numpy calls it negative
                object.__setattr__(self, name, abs(getattr(self, name)))
        _number(self.init_scale, "initialisation scale", 0.0, 20.0)
        _number(self.bias_init, "bias initialisation", -20.0, 20.0)
        _number(self.noise, "noise", 0.0, 1.0)
        _number(self.lr, "learning rate", *LR_RANGE)
        _number(self.momentum, "momentum", 0.0, 0.99)
        _number(self.l2, "L2 penalty", 0.0, 1.0)
        if self.init not in INITS:
            raise ValueError(f"initialisation must be one of {', '.join(INITS)}")
        if self.dataset not in datasets.NAMES:
            raise ValueError(f"data set must be one of {', '.join(datasets.NAMES)}")
        if not isinstance(self.activation_params, dict) or not all(
                isinstance(v, dict) for v in self.activation_params.values()):
            raise ValueError("activation parameters must map each function to its parameters")
        for act_id in [self.activation, *self.activations()]:
            if not isinstance(act_id, str):
                raise ValueError("activation ids must be text")
            get(act_id).resolve(self.activation_params.get(act_id, {}))

    def activations(self) -> list[str]:
        """The activation id of each hidden layer."""
        if self.layer_activations:
            if not isinstance(self.layer_activations, tuple) or len(self.layer_activations) != self.hidden_layers:
                raise ValueError("give one activation per hidden layer")
            return list(self.layer_activations)
        return [self.activation] * self.hidden_layers

    def changes_architecture(self, other: "LabConfig") -> bool:
        """Whether going from ``self`` to ``other`` needs a new network (a reset)."""
        return any(getattr(self, f.name) != getattr(other, f.name)
                   for f in fields(self) if f.name not in OPTIMISER_FIELDS)

    def with_changes(self, **changes) -> "LabConfig":
        return replace(self, **changes)

    def build(self) -> Trainer:
        """A fresh network and trainer for this configuration (deterministic)."""
        data = datasets.make(self.dataset, self.points, noise=self.noise, seed=self.seed)
        output = "identity" if data.task == "regression" else "sigmoid"
        ids = self.activations()
        net = MLP([data.inputs] + [self.width] * self.hidden_layers + [1], activation=ids, output=output,
                  init=self.init, init_scale=self.init_scale, bias_init=self.bias_init, seed=self.seed,
                  activation_params=[self.activation_params.get(i, {}) for i in ids])
        return Trainer(net, data, lr=self.lr, batch_size=self.batch_size, momentum=self.momentum,
                       l2=self.l2, seed=self.seed)

    def describe(self) -> str:
        """A short label for a run, e.g. for a pinned ghost in a legend."""
        acts = "/".join(dict.fromkeys(self.activations()))
        return f"{acts} {self.hidden_layers}×{self.width}, lr {self.lr:g}, {self.dataset}"

    def to_dict(self) -> dict:
        data = asdict(self)
        data["layer_activations"] = list(self.layer_activations) if self.layer_activations else None
        return data

    @classmethod
    def from_dict(cls, data) -> "LabConfig":
        """The configuration ``data`` describes; ValueError/TypeError if it is not one."""
        if not isinstance(data, dict) or set(data) - {f.name for f in fields(cls)}:
            raise ValueError("not a Network Lab configuration")
        data = dict(data)
        if isinstance(data.get("layer_activations"), list):
            data["layer_activations"] = tuple(data["layer_activations"])
        return cls(**data)


def _whole(value, what: str, lo: int, hi: int) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not lo <= value <= hi:
        raise ValueError(f"{what} must be a whole number from {lo} to {hi:,}")


def _number(value, what: str, lo: float, hi: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not lo <= value <= hi:
        raise ValueError(f"{what} must be a number from {lo:g} to {hi:g}")


class RunHistory:
    """Per-frame records of one run: step, losses, unit fractions, gradient norms.

    At most MAX_ROWS rows are kept: when a long run reaches it, the older half is thinned
    to every other row (the first row always stays). Recent frames stay dense, the
    curve's shape is kept (the plots show a few points per pixel anyway), and memory and
    session files stay bounded however long Play runs.
    """

    COLUMNS = ("step", "train_loss", "test_loss", "dead_fraction", "saturated_fraction")
    MAX_ROWS = 20_000

    def __init__(self, layers: int, label: str = "") -> None:
        self.label = label
        self.layers = layers
        self._rows = np.empty((256, len(self.COLUMNS) + layers))
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def record(self, stats: Stats) -> None:
        if self._count and self._rows[self._count - 1, 0] == stats.step:
            self._count -= 1  # the same step drawn again: replace, do not repeat
        if self._count == self.MAX_ROWS:
            self._thin()
        if self._count == len(self._rows):
            self._rows = np.concatenate([self._rows, np.empty_like(self._rows)])
        self._rows[self._count] = [stats.step, stats.train_loss, stats.test_loss, stats.dead_fraction,
                                   stats.saturated_fraction, *stats.grad_norms]
        self._count += 1

    def _thin(self) -> None:
        half = self._count // 2
        kept = np.concatenate([self._rows[:half:2], self._rows[half:self._count]])
        self._rows[:len(kept)] = kept
        self._count = len(kept)

    def column(self, name: str) -> np.ndarray:
        return self._rows[:self._count, self.COLUMNS.index(name)]

    def grad_norms(self, layer: int) -> np.ndarray:
        return self._rows[:self._count, len(self.COLUMNS) + layer]

    def rows(self) -> np.ndarray:
        """All records as one array: the columns, then one gradient norm per layer."""
        return self._rows[:self._count]

    @classmethod
    def from_rows(cls, rows: np.ndarray, layers: int, label: str = "") -> "RunHistory":
        history = cls(layers, label)
        rows = np.array(rows, dtype=np.float64).reshape(-1, len(cls.COLUMNS) + layers)
        while len(rows) > cls.MAX_ROWS:  # an older file recorded more frames than we keep
            half = len(rows) // 2
            rows = np.concatenate([rows[:half:2], rows[half:]])
        history._rows = np.concatenate([rows, np.empty((256, rows.shape[1]))])
        history._count = len(rows)
        return history

    def csv_text(self) -> str:
        """One row per recorded frame: the columns, then grad_norm_W1, grad_norm_W2, ..."""
        header = list(self.COLUMNS) + [f"grad_norm_W{i + 1}" for i in range(self.layers)]
        out = io.StringIO(newline="")
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(self.rows().tolist())
        return out.getvalue()

    def copy(self, label: str) -> "RunHistory":
        other = RunHistory(self.layers, label)
        other._rows = self._rows[:self._count].copy()
        other._count = self._count
        return other
