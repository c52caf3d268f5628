"""Last choices survive a restart; a damaged settings file never stops the app."""

from __future__ import annotations

import pytest

from act_gui.qt.storage.settings import open_settings


def test_choices_and_window_are_restored_next_time(make_window):
    first = make_window()
    first.state.set_current("elu")
    first.state.set_overlaid("gelu", True)
    first.state.set_param("elu", "alpha", 2.5)
    first.state.set_z_range(-3.0, 9.0)
    first.state.set_probe(4.0)
    first.set_theme("dark")
    first.close()

    second = make_window()
    assert second.state.current == "elu"
    assert "gelu" in second.state.overlays
    assert second.state.params("elu")["alpha"] == 2.5
    assert second.details_panel.controls["alpha"].spin.value() == 2.5
    assert second.state.z_range == (-3.0, 9.0) and second.state.probe == 4.0
    assert second.theme.name == "dark"


@pytest.mark.parametrize("garbage", [
    b"\x00\xff\xfe garbage \x00" * 50,
    b"[explorer]\nstate=\"{not json\"\n",
    b'[explorer]\nstate="{\\"current\\": \\"no_such\\", \\"z_range\\": [5, -5], \\"probe\\": \\"x\\"}"\n',
    b'[explorer]\nstate="[1, 2, 3]"\n[view]\ntheme=purple\n[window]\ngeometry=nonsense\n',
])
def test_corrupt_settings_fall_back_to_defaults(make_window, isolated_settings, garbage):
    isolated_settings.write_bytes(garbage)
    window = make_window()
    assert window.state.current == "sigmoid"
    assert window.state.z_range == (-6.0, 6.0)
    assert window.theme.name == "light"
    assert window.isVisible()


def test_partly_bad_settings_keep_the_good_parts_and_say_so(make_window, isolated_settings):
    settings = open_settings(isolated_settings)
    settings.setValue("explorer/state", '{"current": "tanh", "params": {"elu": {"alpha": 99}}}')
    settings.sync()
    window = make_window()
    assert window.state.current == "tanh"
    assert window.state.params("elu")["alpha"] == 1.0
    assert "ignored" in window.statusBar().currentMessage()


def test_network_lab_settings_are_restored(make_window):
    first = make_window()
    first.lab.apply(activation="relu", width=5, lr=1.0, dataset="moons")
    first.close()
    second = make_window()
    assert second.lab.config.activation == "relu" and second.lab.config.width == 5
    assert second.lab.trainer.net.sizes == [2, 5, 5, 1] and second.lab.trainer.lr == 1.0


@pytest.mark.parametrize("saved", ['{"width": 99}', '{"width": "wide"}', '{"bogus": 1}', '[1]',
                                   '{"activation": "nope"}', '{"lr": 1e9}', "{broken"])
def test_bad_network_lab_settings_fall_back_to_defaults(make_window, isolated_settings, saved):
    settings = open_settings(isolated_settings)
    settings.setValue("lab/config", saved)
    settings.sync()
    window = make_window()
    assert window.lab.config.width == 8 and window.lab.trainer.net.sizes == [2, 8, 8, 1]
    assert "ignored" in window.statusBar().currentMessage()


@pytest.mark.parametrize("key", ["explorer/state", "lab/config"])
def test_a_value_python_cannot_decode_is_set_aside_and_the_app_starts(make_window, isolated_settings, key):
    settings = open_settings(isolated_settings)
    settings.setValue(key, "[" * 100_000 + "]" * 100_000)  # deeper than Python's recursion limit
    settings.setValue("view/theme", "dark")
    settings.sync()
    window = make_window()
    assert window.isVisible() and window.theme.name == "dark"  # the good values stay
    message = window.statusBar().currentMessage()
    assert "unreadable" in message and "kept as" in message
    copies = list(isolated_settings.parent.glob("act-gui.ini.unreadable-*"))
    assert len(copies) == 1 and "[[[[" in copies[0].read_text()
    window.close()
    again = make_window()  # the bad value is gone: the next start says nothing
    assert "unreadable" not in again.statusBar().currentMessage()
