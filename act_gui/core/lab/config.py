"""The Network Lab's settings as data.

``LabConfig`` says everything needed to rebuild a run exactly: architecture, activation,
initialisation, data and optimiser. Changing an *architecture* field means a new network
(training restarts); changing an *optimiser* field does not. The numeric fields' limits
and labels are declared in :mod:`act_gui.core.lab.fields`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace

from act_gui.core.lab import datasets
from act_gui.core.activations import get
from act_gui.core.lab.network import INITS, MLP
from act_gui.core.lab.fields import FIELDS, OPTIMISER_FIELDS
from act_gui.core.lab.training import Trainer



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
    inputs: int = 50  # the teacher data set's; the others have one or two
    seed: int = 0
    lr: float = 0.3  # the Lab's default: visible progress within seconds on the default task
    batch_size: int | None = None
    momentum: float = 0.0
    l2: float = 0.0

    def __post_init__(self) -> None:
        """Check every field, so a configuration from a file is either valid or refused."""
        for name, spec in FIELDS.items():  # limits: one declaration each, in fields.py
            object.__setattr__(self, name, spec.check(getattr(self, name)))
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
        data = datasets.make(self.dataset, self.points, noise=self.noise, seed=self.seed, inputs=self.inputs)
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
