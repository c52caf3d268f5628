"""A student's own activation: typed in the editor, drawn, kept, shared in files, trained."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from act_gui.core import activations


def type_function(window, formula: str, params: str = "", name: str = ""):
    editor = window.function_panel.open_editor()
    editor.name.setText(name)
    editor.params.setText(params)
    editor.formula.setText(formula)
    return editor


def ok(editor):
    return editor.buttons.button(QDialogButtonBox.Ok)


def test_a_new_function_is_checked_as_it_is_typed_then_drawn_and_listed(window):
    editor = type_function(window, "z * sigmoid(beta * z", "beta = 1.5 in [0.1, 4]", "Swish β")
    assert not ok(editor).isEnabled()
    lines = editor.problem.text().splitlines()
    assert lines[0].startswith("column 21:") and lines[2].index("^") == 20  # the caret under the column
    editor.formula.setText("z * sigmoid(beta * z)")
    assert ok(editor).isEnabled() and "Output range" in editor.table.text()
    ok(editor).click()
    act_id = window.state.current
    act = activations.get(act_id)
    assert act.group == "custom" and act.label == "Swish β" and act.params[0].max == 4.0
    assert window.function_panel.items[act_id].parent().text(0) == "My functions"
    x, y = window.plots.curve_items[window.state.slot(act_id)][0].getData()
    np.testing.assert_allclose(y, x / (1 + np.exp(-1.5 * x)), rtol=1e-12)
    assert "beta" in window.details_panel.controls  # a slider for its parameter


def test_errors_in_the_parameters_are_shown_under_the_parameters(window):
    editor = type_function(window, "z * a", "a = x")
    assert not ok(editor).isEnabled() and "name = default" in editor.problem.text()
    editor.params.setText("a = 9 in [0, 1]")
    assert not ok(editor).isEnabled() and "outside" in editor.problem.text()


def test_edit_duplicate_and_delete(window):
    ok(type_function(window, "z * tanh(z)")).click()
    mine = window.state.current
    editor = window.function_panel.open_editor(activations.get(mine))
    editor.formula.setText("z * tanh(2 * z)")
    ok(editor).click()
    assert window.state.current == mine and activations.get(mine).source == "z * tanh(2 * z)"
    _, y = window.plots.curve_items[window.state.slot(mine)][0].getData()
    assert y[-1] == pytest.approx(6 * np.tanh(12))

    window.state.set_current("leaky_relu")
    copy = window.function_panel.duplicate_current()
    assert copy.formula.text() == "where(z > 0, z, negative_slope * z)" and "negative_slope = 0.01" in copy.params.text()
    ok(copy).click()
    assert window.state.current != "leaky_relu" and activations.get(window.state.current).group == "custom"

    window.state.set_current(mine)
    window.function_panel.delete_current(confirm=False)
    assert mine not in activations.ids() and mine not in window.function_panel.items
    assert window.state.current == "sigmoid"


def test_a_function_the_lab_uses_cannot_be_deleted(window):
    ok(type_function(window, "z / (1 + abs(z))")).click()
    mine = window.state.current
    window.lab.apply(activation=mine)
    with pytest.raises(ValueError, match="Network Lab"):
        window.state.remove_function(mine)
    assert mine in activations.ids()


def test_the_lab_trains_a_network_with_ones_own_function(window):
    ok(type_function(window, "z * sigmoid(beta * z)", "beta = 1")).click()
    mine = window.state.current
    box = window.lab_controls.activation
    box.setCurrentIndex(box.findData(mine))  # offered to the Lab like any other function
    assert window.lab.config.activation == mine
    before = window.lab.stats.train_loss
    window.lab.step(300)
    assert np.isfinite(window.lab.stats.train_loss) and window.lab.stats.train_loss < before


def test_ones_own_functions_are_kept_between_sessions(make_window):
    first = make_window()
    ok(type_function(first, "softplus(z) - log(2)", name="Shifted softplus")).click()
    mine = first.state.current
    first.close()
    activations.CUSTOM.clear()  # a new process: nothing but the settings
    second = make_window()
    assert second.state.current == mine and activations.get(mine).label == "Shifted softplus"


def test_a_session_carries_its_functions_and_refuses_a_hostile_one(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    ok(type_function(window, "where(z > 0, z, alpha * (exp(z) - 1))", "alpha = 0.5")).click()
    mine = window.state.current
    window.lab.apply(activation=mine)
    window.lab.step(20)
    path = tmp_path / "work.actx"
    window.sessions.save(path)
    activations.CUSTOM.clear()
    window.lab.apply(activation="tanh")
    window.state.set_current("tanh")
    window.files.open_file(str(path))
    assert window.state.current == mine and window.lab.config.activation == mine
    assert window.lab.trainer.steps == 20

    doc = json.loads(path.read_text())
    doc["functions"][0]["formula"] = "__import__('os').system('touch pwned')"
    hostile = tmp_path / "hostile.actx"
    hostile.write_text(json.dumps(doc))
    before = (window.state.to_dict(), window.lab.trainer.steps, dict(activations.CUSTOM))
    window.files.open_file(str(hostile))
    assert len(shown) == 1 and "function 1 is unusable: column 12: strings" in shown[0]
    assert (window.state.to_dict(), window.lab.trainer.steps, dict(activations.CUSTOM)) == before
    assert not (tmp_path / "pwned").exists()


def test_the_command_line_starts_with_a_formula(make_window):
    from act_gui.cli import parse

    window = make_window(parse(["--formula", "z * sigmoid(beta * z)", "--param", "beta=1.5"]))
    act = activations.get(window.state.current)
    assert act.source == "z * sigmoid(beta * z)" and act.defaults() == {"beta": 1.5}


def test_a_lesson_defines_the_functions_it_uses_and_a_hostile_one_refuses_it(window, tmp_path, monkeypatch):
    from act_gui.core.classroom import lessons

    ok(type_function(window, "z * sigmoid(beta * z)", "beta = 2", name="Swish 2")).click()
    mine = window.state.current
    window.lab.apply(activation=mine)
    path = tmp_path / "my-lesson.json"
    assert window.files.save_state_as_step(str(path), "Swish", "A function of my own.")
    activations.CUSTOM.clear()  # a student's machine: the lesson file alone
    lesson = lessons.load(path)
    assert [f.id for f in lesson.functions] == [mine] and lesson.functions[0].label == "Swish 2"
    assert window.files.start_lesson(str(path))
    assert window.state.current == mine and window.lab.config.activation == mine
    assert mine in window.function_panel.items

    doc = json.loads(path.read_text())
    doc["functions"][0]["formula"] = "(" * 60 + "z" + ")" * 60
    path.write_text(json.dumps(doc))
    with pytest.raises(lessons.LessonError, match="function 1 is unusable: column 51: nested"):
        lessons.load(path)


def test_a_misspelt_parameter_in_the_formula_is_shown_under_the_formula(window):
    editor = type_function(window, "z * sigmoid(bta * z)", "beta = 1.5")
    lines = editor.problem.text().splitlines()
    assert lines[0].startswith("column 13: unknown name 'bta'")
    assert lines[1] == "z * sigmoid(bta * z)" and lines[2].index("^") == 12


def test_starting_twice_with_the_same_formula_keeps_one_function(make_window):
    from act_gui.cli import parse

    argv = ["--formula", "z / (1 + abs(z))"]
    first = make_window(parse(argv))
    first.close()
    second = make_window(parse(argv))
    assert [a.source for a in activations.CUSTOM.values()] == ["z / (1 + abs(z))"]
    assert second.state.current == "my-1"


def test_where_ones_function_is_undefined_the_plots_have_gaps_and_say_so(window):
    ok(type_function(window, "log(z)")).click()
    x, y = window.plots.curve_items[window.state.slot(window.state.current)][0].getData()
    assert np.isnan(y[x < 0]).all() and np.isfinite(y[x > 0]).all()
    assert "undefined or overflows" in window.plots.region_key.text.replace("&nbsp;", " ")
    window.state.set_current("tanh")
    assert "undefined" not in window.plots.region_key.text


def test_ones_own_function_is_exported_with_the_others(window, tmp_path):
    import csv

    from act_gui.qt.storage.export import export_csv

    ok(type_function(window, "z * sigmoid(z)")).click()
    mine = window.state.current
    path = tmp_path / "curves.csv"
    export_csv(window.plots, path)
    rows = list(csv.reader(path.open()))
    header, data = rows[0], np.array(rows[1:], dtype=float)
    z, f, df = data[:, 0], data[:, header.index(mine)], data[:, header.index(f"d_{mine}")]
    silu = activations.get("silu")
    np.testing.assert_allclose(f, silu.forward(z), rtol=1e-12)
    np.testing.assert_allclose(df, silu.derivative(z), rtol=1e-12, atol=1e-300)


def test_a_file_whose_function_has_the_id_of_another_of_mine_never_replaces_mine(window, tmp_path):
    ok(type_function(window, "z * sigmoid(z)")).click()  # my-1 in this file
    window.lab.apply(activation="my-1")
    path = tmp_path / "theirs.actx"
    window.sessions.save(path)
    window.lab.apply(activation="tanh")
    window.state.set_current("tanh")
    window.state.remove_function("my-1")
    ok(type_function(window, "z / (1 + abs(z))")).click()  # my own, different, also my-1
    assert window.state.current == "my-1"
    window.files.open_file(str(path))
    assert activations.get("my-1").source == "z / (1 + abs(z))"  # mine is untouched
    theirs = window.state.current
    assert theirs != "my-1" and activations.get(theirs).source == "z * sigmoid(z)"
    assert window.lab.config.activation == theirs


def test_editing_the_current_function_rebuilds_its_sliders(window):
    ok(type_function(window, "z * sigmoid(beta * z)", "beta = 1")).click()
    editor = window.function_panel.open_editor(activations.get(window.state.current))
    editor.params.setText("gamma = 2")
    editor.formula.setText("z * sigmoid(gamma * z)")
    ok(editor).click()
    assert set(window.details_panel.controls) == {"gamma"}
    window.details_panel.controls["gamma"].spin.setValue(3.0)
    assert window.state.params(window.state.current) == {"gamma": 3.0}
