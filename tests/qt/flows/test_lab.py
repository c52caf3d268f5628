"""The Network Lab as a student drives it: step, play, reset, tune, select, compare."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from act_gui.qt.lab.plots import surface_grid


@pytest.fixture
def lab(window):
    return window.lab


def test_step_buttons_train_and_update_every_view(qtbot, window, lab):
    controls = window.lab_controls
    loss0 = lab.stats.train_loss
    qtbot.mouseClick(controls.step_button, Qt.LeftButton)
    assert lab.trainer.steps == 1
    qtbot.mouseClick(controls.step10_button, Qt.LeftButton)
    assert lab.trainer.steps == 11 and lab.stats.step == 11
    assert lab.stats.train_loss < loss0
    assert controls.status.text().startswith("Step 11 ·")
    steps, losses = window.lab_plots.train_curve.getOriginalDataset()  # getData() is log10 here
    assert steps[-1] == 11 and losses[-1] == pytest.approx(lab.stats.train_loss)
    assert len(window.network_view.nodes) == 4  # input, two hidden layers, output


def test_play_and_pause_run_through_the_timer(qtbot, window, lab):
    controls = window.lab_controls
    qtbot.mouseClick(controls.play_button, Qt.LeftButton)
    assert lab.playing and controls.play_button.text() == "Pause"
    qtbot.waitUntil(lambda: lab.trainer.steps >= 50, timeout=5000)
    qtbot.mouseClick(controls.play_button, Qt.LeftButton)
    assert not lab.playing and controls.play_button.text() == "Play"
    stopped = lab.trainer.steps
    qtbot.wait(100)
    assert lab.trainer.steps == stopped


def test_play_for_a_number_of_steps_stops_there(qtbot, lab):
    lab.set_steps_per_frame(7)
    with qtbot.waitSignal(lab.playing_changed, timeout=5000, check_params_cb=lambda playing: not playing):
        lab.play(steps=30)
    assert lab.trainer.steps == 30


def test_reset_replays_the_same_run(qtbot, window, lab):
    lab.step(20)
    first = lab.trainer.losses.copy()
    qtbot.mouseClick(window.lab_controls.reset_button, Qt.LeftButton)
    assert lab.trainer.steps == 0
    lab.step(20)
    assert np.array_equal(lab.trainer.losses, first)
    qtbot.mouseClick(window.lab_controls.seed_button, Qt.LeftButton)
    assert lab.config.seed == 1
    lab.step(20)
    assert not np.array_equal(lab.trainer.losses, first)


def test_learning_rate_changes_apply_without_resetting(qtbot, window, lab):
    lab.step(5)
    weights = [w.copy() for w in lab.trainer.net.weights]
    window.lab_controls.fields["lr"].slider.setValue(window.lab_controls.fields["lr"].slider.value() + 50)
    assert lab.trainer.steps == 5 and lab.trainer.lr == lab.config.lr != 0.3
    assert all(np.array_equal(a, b) for a, b in zip(weights, lab.trainer.net.weights))
    window.lab_controls.fields["lr"].box.setValue(0.05)
    assert lab.trainer.lr == 0.05 and lab.trainer.steps == 5


def test_architecture_changes_reset_and_say_so(qtbot, window, lab):
    lab.step(5)
    window.lab_controls.fields["width"].box.setValue(4)
    assert lab.trainer.steps == 0 and lab.trainer.net.sizes == [2, 4, 4, 1]
    assert "restarted" in window.statusBar().currentMessage()
    window.lab_controls.fields["hidden_layers"].box.setValue(3)
    assert lab.trainer.net.sizes == [2, 4, 4, 4, 1] and len(window.network_view.nodes) == 5
    activation = window.lab_controls.activation
    activation.setCurrentIndex(activation.findData("relu"))
    assert [a.id for a in lab.trainer.net.activations] == ["relu"] * 3
    window.lab_controls.dataset.setCurrentIndex(window.lab_controls.dataset.findData("sine"))
    assert lab.trainer.net.output == "identity" and lab.trainer.net.sizes[0] == 1
    x, fit = window.lab_plots.fit_curve.getData()
    assert len(x) == 200 and np.isfinite(fit).all()


def test_activation_parameters_and_per_layer_choice(qtbot, window, lab):
    controls = window.lab_controls
    controls.activation.setCurrentIndex(controls.activation.findData("leaky_relu"))
    assert [c.spec.name for c in controls.param_controls] == ["negative_slope"]
    controls.param_controls[0].spin.setValue(0.2)
    assert lab.trainer.net.activation_params[0] == {"negative_slope": 0.2}
    controls.per_layer.setChecked(True)
    controls.layer_boxes[1].setCurrentIndex(controls.layer_boxes[1].findData("sigmoid"))
    assert [a.id for a in lab.trainer.net.activations] == ["leaky_relu", "sigmoid"]


def test_clicking_a_unit_shows_its_inputs_on_the_explorer_plots(qtbot, window, lab):
    lab.apply(activation="sigmoid", bias_init=15.0)  # every unit starts at z ≈ 15: saturated
    view = window.network_view
    node = view.nodes[1][2]
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.mapFromScene(node.rect().center()))
    assert lab.selection == (0, 2)
    assert window.state.current == "sigmoid"
    lo, hi = window.state.z_range
    samples = lab.stats.preactivations[0][:, 2]
    assert lo <= samples.min() and samples.max() <= hi  # the view widened to show them
    edges, heights = window.plots.histograms[1].getData()
    assert window.plots.histograms[1].isVisible() and heights.max() > 0
    counts, _ = np.histogram(np.clip(samples, lo, hi), bins=len(edges) - 1, range=(lo, hi))
    assert np.argmax(heights) == np.argmax(counts)
    assert "z of unit 1.3" in window.plots.key_labels[-1]
    assert lab.stats.saturated[0][2]
    # Clicking the background deselects and hides the histogram.
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=QPoint(3, 3))
    assert lab.selection is None and not window.plots.histograms[0].isVisible()


def test_selecting_a_layer_shows_all_its_units(qtbot, window, lab):
    lab.select(1, None)
    _, heights = window.plots.histograms[0].getData()
    assert heights.size and "all of layer 2" in window.plots.histogram_label
    with pytest.raises(ValueError):
        lab.select(5, 0)


def test_dead_units_are_greyed_and_crossed(qtbot, window, lab):
    lab.apply(activation="relu", bias_init=-20.0)  # every ReLU unit starts below zero
    assert lab.stats.dead_fraction == 1.0
    node = window.network_view.nodes[1][0]
    assert node.brush().color().name() == "#9a9a9a"
    assert all(line.isVisible() for line in window.network_view.crosses[(0, 0)])
    assert "dead" in window.network_view.unit_summary(0, 0)


def test_divergence_stops_training_and_suggests_a_lower_rate(qtbot, window, lab):
    lab.apply(dataset="sine", activation="identity", init="normal", init_scale=2.0, width=16, lr=10.0)
    lab.set_steps_per_frame(500)
    with qtbot.waitSignal(lab.playing_changed, timeout=10000, check_params_cb=lambda playing: not playing):
        lab.play()
    assert lab.stats.diverged
    warning = window.lab_controls.warning.text()
    assert f"diverged at step {lab.stats.diverged_at:,}" in warning and "lower learning rate" in warning
    assert all(np.isfinite(p).all() for p in lab.trainer.net.parameters())
    window.lab_controls.fields["lr"].box.setValue(0.001)
    lab.reset()
    assert not lab.stats.diverged and window.lab_controls.warning.text() == ""


def test_pinned_runs_stay_as_ghosts(qtbot, window, lab):
    lab.step(30)
    lab.pin()
    activation = window.lab_controls.activation
    activation.setCurrentIndex(activation.findData("relu"))
    lab.step(30)
    ghosts = window.lab_plots.ghosts
    assert len(ghosts) == 3  # loss, dead and saturated curves of the pinned run
    steps, losses = ghosts[0][1].getOriginalDataset()
    assert steps[-1] == 30 and losses[-1] == pytest.approx(lab.pinned[0].column("train_loss")[-1])
    assert "tanh" in lab.pinned[0].label
    lab.clear_pins()
    assert window.lab_plots.ghosts == []


def test_bad_lab_input_keeps_the_run(qtbot, window, lab):
    lab.step(3)
    with pytest.raises(ValueError):
        lab.apply(lr=50.0)
    with pytest.raises(ValueError):
        lab.apply(hidden_layers=9)
    assert lab.trainer.steps == 3 and lab.config.lr == 0.3
    window.lab_controls.fields["lr"].write(50.0)  # what the box would send, if it allowed it
    assert "Not changed" in window.statusBar().currentMessage() and lab.trainer.steps == 3
    assert window.lab_controls.fields["lr"].box.value() == 0.3


@pytest.mark.slow
def test_train_option_runs_through_play_then_screenshots(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    shot = tmp_path / "lab.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([str(Path(sys.executable).with_name("act-gui")), "--train", "120",
                             "--screenshot", str(shot)], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 10_000


@pytest.mark.slow
def test_twenty_thousand_animated_steps_exit_cleanly(tmp_path):
    """Stamina: the Play path (timer, diagnostics, every view) for 20,000 steps."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    shot = tmp_path / "after.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ACT_GUI_CONFIG_DIR": str(tmp_path)}
    result = subprocess.run([str(Path(sys.executable).with_name("act-gui")), "--train", "20000", "--speed", "100",
                             "--screenshot", str(shot)], env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.is_file()


def test_decision_surface_covers_the_data(qtbot, window, lab):
    lab.step(200)
    surface = window.lab_plots.surface
    rect = surface.mapRectToParent(surface.boundingRect())
    X = lab.trainer.dataset.X_train
    assert rect.left() < X[:, 0].min() and rect.right() > X[:, 0].max()
    assert rect.width() < 2 * (X[:, 0].max() - X[:, 0].min())
    expected = lab.trainer.net.predict(surface_grid(X)[2]).reshape(surface.image.shape)
    np.testing.assert_allclose(surface.image, expected)


def test_narrowing_a_layer_under_a_selected_unit_drops_the_selection(qtbot, window, lab):
    lab.step(5)
    lab.select(1, 7)  # the last unit of layer 2
    window.lab_controls.fields["width"].box.setValue(4)  # unit 8 is gone: no exception, nothing selected
    assert lab.config.width == 4 and lab.selection is None
    assert len(window.network_view.nodes[2]) == 4
    lab.select(0, None)
    window.lab_controls.fields["hidden_layers"].box.setValue(1)  # another network: nothing selected in it
    assert lab.selection is None


def test_a_reopened_session_shows_its_own_speed(qtbot, make_window, tmp_path):
    first = make_window()
    first.lab_controls.speed.setCurrentIndex(first.lab_controls.speed.findData(500))
    assert first.lab.steps_per_frame == 500
    first.files.save_session(str(tmp_path / "fast.actx"))
    second = make_window()
    assert second.files.open_file(str(tmp_path / "fast.actx"))
    assert second.lab.steps_per_frame == 500 and second.lab_controls.speed.currentData() == 500


def test_changing_the_network_clears_the_selection_and_its_histogram(qtbot, window, lab):
    lab.step(5)
    lab.select(0, 1)
    assert window.plots.histograms[0].isVisible()
    window.lab_controls.activation.setCurrentIndex(window.lab_controls.activation.findData("relu"))
    assert lab.selection is None and not window.plots.histograms[0].isVisible()
