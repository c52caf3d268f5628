"""The Network Lab's numeric settings, each declared once.

A :class:`FieldSpec` holds everything known about a setting: its label, its limits,
the step and precision its control offers, whether it is shown on a log scale, and
whether changing it restarts training (the architecture, the initialisation and the
data do; the optimiser does not). ``LabConfig`` checks values against it, ``Trainer``
takes its limits from it and the Lab's controls are built from it, so the three can
never disagree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from act_gui.core.lab.datasets import MAX_POINTS

MAX_HIDDEN_LAYERS, MAX_WIDTH = 6, 16
#: Training steps per drawn frame that the Lab offers.
SPEEDS = (1, 2, 5, 10, 20, 50, 100, 200, 500)
#: What a unit's fill in the network picture shows: its mean activation over all the
#: training data, or (split in two halves) over each class's samples.
UNIT_COLOURS = ("mean", "classes")


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    whole: bool            # a whole number (a spin box) or a real one
    lo: float
    hi: float
    step: float = 1.0
    decimals: int = 0
    log_scale: bool = False
    restarts: bool = True  # changing it builds a new network
    group: str = ""        # the Lab panel's box it is shown in ("" = not shown)
    tip: str = ""
    none_text: str = ""    # if set, None is allowed and the control shows this text
    short: str = ""        # the label beside its control, where the box's title says the rest

    def check(self, value):
        """``value`` if it is allowed (-0.0 becomes 0.0); ValueError saying the range if not."""
        if value is None and self.none_text:
            return None
        number_types = (int, np.integer) if self.whole else (int, float, np.integer, np.floating)
        if isinstance(value, bool) or not isinstance(value, number_types) or not self.lo <= value <= self.hi:
            kind = "a whole number" if self.whole else "a number"
            raise ValueError(f"{self.label.lower()} ({self.name}) must be {kind} from {self.lo:,g} to {self.hi:,g}")
        if not self.whole and not math.isfinite(value):
            raise ValueError(f"{self.label.lower()} ({self.name}) must be a finite number")
        return value + 0 if value == 0 else value  # -0.0 passes ">= 0" but numpy calls it negative


FIELDS: dict[str, FieldSpec] = {spec.name: spec for spec in (
    FieldSpec("lr", "Learning rate", False, 1e-4, 10.0, 0.01, 4, log_scale=True, restarts=False,
              group="optimiser", tip="Learning rate on a log scale, 0.0001 … 10 (changes apply at once)"),
    FieldSpec("batch_size", "Batch size", True, 1, MAX_POINTS, restarts=False, group="optimiser",
              none_text="all (full batch)", tip="Points per gradient step (all: full-batch gradient descent)"),
    FieldSpec("momentum", "Momentum", False, 0.0, 0.99, 0.05, 2, restarts=False, group="optimiser"),
    FieldSpec("l2", "L2 penalty", False, 0.0, 1.0, 0.0005, 4, restarts=False, group="optimiser"),
    FieldSpec("hidden_layers", "Hidden layers", True, 1, MAX_HIDDEN_LAYERS, group="network"),
    FieldSpec("width", "Units per layer", True, 1, MAX_WIDTH, group="network"),
    FieldSpec("init_scale", "Initialisation scale", False, 0.0, 20.0, 0.1, 2, group="init", short="Scale",
              tip="Multiplies the scheme's standard deviation"),
    FieldSpec("bias_init", "Bias initialisation", False, -20.0, 20.0, 0.1, 2, group="init", short="Bias",
              tip="The value every bias starts at"),
    FieldSpec("noise", "Noise", False, 0.0, 1.0, 0.05, 2, group="data"),
    FieldSpec("inputs", "Inputs", True, 2, 64, group="data",
              tip="How many inputs the teacher data set has (the other sets have one or two)"),
    FieldSpec("points", "Number of points", True, 4, MAX_POINTS),
    FieldSpec("seed", "Seed", True, 0, 2**32 - 1),
)}

LR_RANGE = (FIELDS["lr"].lo, FIELDS["lr"].hi)
OPTIMISER_FIELDS = tuple(name for name, spec in FIELDS.items() if not spec.restarts)
