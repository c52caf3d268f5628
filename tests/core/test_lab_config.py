"""The Network Lab's configuration: what a user can type is either usable or refused."""

from act_gui.core.lab import LabConfig


def test_minus_zero_is_zero_everywhere_it_can_be_typed():
    config = LabConfig(noise=-0.0, momentum=-0.0, l2=-0.0, bias_init=-0.0, init_scale=-0.0)
    trainer = config.build()  # numpy refuses a noise scale of -0.0; the config must not pass it on
    assert trainer.step(5) == 5
    assert str(config.noise) == "0.0" and str(config.bias_init) == "0.0"
