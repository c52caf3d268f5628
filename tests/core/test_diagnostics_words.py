"""One vocabulary for slopes: "dead" is no gradient at all, "saturated" a flat tail."""

from act_gui.core.activations import get
from act_gui.core.lab import LabConfig


def test_leaky_relu_units_are_never_called_saturated():
    # Leaky ReLU's left side has a small constant slope, not a flat tail: its properties
    # say "Saturates: none", so its units must not wear the saturated ring either.
    assert get("leaky_relu").properties.saturates == "none"
    trainer = LabConfig(activation="leaky_relu", bias_init=-3.0, width=8).build()
    trainer.step(20)
    stats = trainer.stats()
    assert stats.saturated_fraction == 0.0 and not any(s.any() for s in stats.saturated)


def test_saturating_functions_still_are():
    trainer = LabConfig(activation="sigmoid", bias_init=6.0, width=8).build()
    assert trainer.stats().saturated_fraction > 0.5
