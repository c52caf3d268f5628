"""Last choices survive a restart; a damaged settings file never stops the app."""

from __future__ import annotations

from pathlib import Path

import pytest

from act_gui.options import Options

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
    settings = open_settings()
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
    settings = open_settings()
    settings.setValue("lab/config", saved)
    settings.sync()
    window = make_window()
    assert window.lab.config.width == 8 and window.lab.trainer.net.sizes == [2, 8, 8, 1]
    assert "ignored" in window.statusBar().currentMessage()


@pytest.mark.parametrize("key", ["explorer/state", "lab/config"])
def test_a_value_python_cannot_decode_is_set_aside_and_the_app_starts(make_window, isolated_settings, key):
    settings = open_settings()
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


def test_an_admins_presets_apply_to_a_fresh_account(make_window, system_presets, isolated_settings):
    system_presets.write_text("[session]\nautosave=false\n[view]\nui_scale=1.5\ntheme=dark\n")
    window = make_window()
    assert not window.autosave.enabled and not window.commands["autosave"].isChecked()
    assert window.ui_scale == 1.5 and window.theme.name == "dark"
    assert not window.statusBar().currentMessage()
    window.close()
    assert "autosave" not in isolated_settings.read_text()  # read from the preset, not copied: a later preset still applies


def test_the_users_own_choices_win_over_the_presets_and_are_kept(make_window, system_presets):
    system_presets.write_text("[view]\nui_scale=150%\n")
    first = make_window()
    assert first.ui_scale == 1.5
    first.set_ui_scale(2.0)
    first.close()
    assert make_window().ui_scale == 2.0
    assert "ui_scale=1.5" not in system_presets.read_text().replace("150%", "")  # only the account's file is written


def test_presenting_does_not_keep_its_larger_scale(make_window):
    first = make_window()
    first.presentation.start()
    assert first.ui_scale > 1.0
    first.close()
    assert make_window().ui_scale == 1.0


@pytest.mark.parametrize("bad", ["7", "huge", "-1", "0.5"])
def test_a_scale_that_is_not_offered_falls_back_to_100_percent_and_says_so(make_window, system_presets, bad):
    system_presets.write_text(f"[view]\nui_scale={bad}\n")
    window = make_window()
    assert window.ui_scale == 1.0
    assert "UI scale" in window.statusBar().currentMessage()


def test_a_preset_lesson_opens_on_a_plain_start_only(make_window, system_presets):
    system_presets.write_text("[lessons]\ndefault=tanh\n")
    assert make_window().lessons.lesson.id == "tanh"
    assert make_window(Options(lesson="relu")).lessons.lesson.id == "relu"


def test_a_preset_lesson_that_does_not_exist_is_a_message_not_a_dialog(make_window, system_presets):
    system_presets.write_text("[lessons]\ndefault=no-such-lesson\n")
    window = make_window()
    assert window.lessons.lesson is None
    assert "preset lesson" in window.statusBar().currentMessage()


def test_the_settings_file_of_version_0_1_is_carried_over_once(make_window, isolated_settings):
    old = isolated_settings.parent.parent / "act-gui.ini"  # where 0.1 kept it
    old.write_text('[view]\ntheme=dark\n[explorer]\nstate="{\\"current\\": \\"tanh\\"}"\n')
    window = make_window()
    assert window.theme.name == "dark" and window.state.current == "tanh"
    assert not old.exists() and old.with_name("act-gui.ini.carried-over").exists()
    window.set_theme("light")
    window.close()
    assert make_window().theme.name == "light"  # read once: the new file is the one kept


def test_a_settings_file_written_by_version_0_1_is_carried_over(make_window, isolated_settings):
    """tests/fixtures/settings-0.1.ini was written by the app before settings moved to Qt's
    standard scopes (commit d20ca99): ELU current with alpha 2.5, GELU overlaid, the dark
    theme, a ReLU network of width 5, autosave off, and the window's layout."""
    fixture = Path(__file__).parents[2] / "fixtures" / "settings-0.1.ini"
    old = isolated_settings.parent.parent / "act-gui.ini"  # where 0.1 kept it
    old.write_bytes(fixture.read_bytes())
    window = make_window()
    assert window.state.current == "elu" and "gelu" in window.state.overlays
    assert window.state.params("elu")["alpha"] == 2.5
    assert window.theme.name == "dark" and not window.autosave.enabled
    assert window.lab.config.activation == "relu" and window.lab.config.width == 5
    assert not window.statusBar().currentMessage()  # nothing in it was refused
