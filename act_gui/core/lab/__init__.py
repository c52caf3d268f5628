"""The Network Lab's core: data sets, the network, training, diagnostics, settings, history.

The names most callers need are importable from here.
"""

#: Training steps per drawn frame that the Lab offers.
SPEEDS = (1, 2, 5, 10, 20, 50, 100, 200, 500)

from act_gui.core.lab.config import LabConfig  # noqa: E402 (after SPEEDS, which nothing here needs)
from act_gui.core.lab.fields import FIELDS, MAX_HIDDEN_LAYERS, MAX_WIDTH, FieldSpec  # noqa: E402
from act_gui.core.lab.history import RunHistory  # noqa: E402

__all__ = ["FIELDS", "MAX_HIDDEN_LAYERS", "MAX_WIDTH", "SPEEDS", "FieldSpec", "LabConfig", "RunHistory"]
