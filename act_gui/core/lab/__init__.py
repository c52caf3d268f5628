"""The Network Lab's core: data sets, the network, training, diagnostics, settings, history.

The names most callers need are importable from here.
"""

from act_gui.core.lab.config import LabConfig
from act_gui.core.lab.fields import FIELDS, MAX_HIDDEN_LAYERS, MAX_WIDTH, SPEEDS, UNIT_COLOURS, FieldSpec
from act_gui.core.lab.history import RunHistory

__all__ = ["FIELDS", "MAX_HIDDEN_LAYERS", "MAX_WIDTH", "SPEEDS", "UNIT_COLOURS", "FieldSpec", "LabConfig", "RunHistory"]
