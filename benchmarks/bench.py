"""Benchmarks: ``make bench`` (``python benchmarks/bench.py``) prints JSON.

Each number comes with a bare baseline measured in the same run, on the same machine,
so the ratios mean something even where absolute times vary:

* a parameter change (recompute + redraw, 5 functions at 2,000 points shown) next to
  bare pyqtgraph ``setData`` of the same curves and one repaint;
* start-up, from process start to the first painted window, next to a bare PySide6 +
  pyqtgraph window;
* one ``Trainer.step`` next to a minimal hand-written numpy step of the same network;
* frames per second while the Network Lab plays (10 and 100 steps per frame, 1920x1080),
  and the memory in use after 10,000 and after 110,000 animated steps;
* frames per second while playing in presentation mode, with and without antialiasing;
* what a frame costs in three scenes (``benchmarks/frames.py``): CPU ms per frame and fps,
  uncapped and capped, in normal and presentation mode, at 10 and 100 steps per frame.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

SHOWN = ["elu", "sigmoid", "tanh", "relu", "softsign"]  # the current one (elu) first
REPEATS = 300
STARTUP_RUNS = 11
SIZE = (1600, 900)


def _median_ms(action, repeats: int = REPEATS) -> float:
    for _ in range(10):  # warm-up
        action()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def bench_parameter_change(custom: bool = False) -> dict:
    """A slider drag on ELU's alpha (or, ``custom``, on the same ELU typed as a formula)."""
    import pyqtgraph as pg

    from act_gui.core import activations
    from act_gui.options import Options
    from act_gui.qt.app import application, make_window

    app = application()
    window = make_window(Options(functions=SHOWN, size=SIZE))
    if custom:
        act = activations.from_formula("where(z > 0, z, alpha * (exp(z) - 1))", {"alpha": (1.0, 0.0, 5.0)},
                                       id="bench-elu", label="ELU as a formula")
        window.state.add_function(act)
        window.state.set_current(act.id)
    window.show()
    app.processEvents()
    slider = window.details_panel.controls["alpha"].slider
    viewport = window.plots.viewport()
    positions = iter(np.tile(np.arange(100, 900), 10))

    def parameter_change():
        slider.setValue(int(next(positions)))  # what one step of a slider drag does
        viewport.repaint()

    app_ms = _median_ms(parameter_change)

    bare = pg.GraphicsLayoutWidget()
    bare.resize(window.plots.size())
    plots = [bare.addPlot(row=0, col=0), bare.addPlot(row=1, col=0)]
    items = [(p.plot(pen=pg.mkPen(i, width=3 if i == 0 else 2))) for p in plots for i in range(len(SHOWN))]
    z = np.linspace(-6, 6, 2000)
    data = [np.tanh(z * (1 + k / 10)) for k in range(len(items))]
    bare.show()
    app.processEvents()
    flip = iter(range(10**9))

    def bare_all():
        shift = next(flip) % 2 * 0.01
        for item, y in zip(items, data):
            item.setData(z, y + shift)
        bare.viewport().repaint()

    def bare_changed():  # only the two curves a parameter change touches
        shift = next(flip) % 2 * 0.01
        for item, y in zip(items[::len(SHOWN)], data[::len(SHOWN)]):
            item.setData(z, y + shift)
        bare.viewport().repaint()

    all_ms, changed_ms = _median_ms(bare_all), _median_ms(bare_changed)
    window.persist = False
    window.close()
    bare.close()
    if custom:
        activations.remove_custom("bench-elu")
    return {
        "functions_shown": len(SHOWN), "points_per_curve": 2000, "plot_size": list(window.plots.size().toTuple()),
        "parameter_change_ms": round(app_ms, 3),
        "bare_setData_all_curves_ms": round(all_ms, 3),
        "bare_setData_changed_curves_ms": round(changed_ms, 3),
        "ratio_vs_all_curves": round(app_ms / all_ms, 3),
        "ratio_vs_changed_curves": round(app_ms / changed_ms, 3),
        "target_ratio": 1.5,
    }


_STARTUP_CHILD = {
    "app": """
from act_gui.options import Options
from act_gui.qt.app import application, make_window
app = application()
window = make_window(Options())
watched = lambda obj: obj is window.plots.viewport()
""",
    # Until the training plots (built just after the first paint) have painted too.
    "app_complete": """
from act_gui.options import Options
from act_gui.qt.app import application, make_window
from act_gui.qt.lab.plots import LabPlots
app = application()
window = make_window(Options())
watched = lambda obj: isinstance(obj.parent(), LabPlots)
""",
    "bare": """
import pyqtgraph as pg
from PySide6.QtWidgets import QApplication
app = QApplication([])
window = pg.PlotWidget()
window.plot([0, 1, 2], [0, 1, 0])
window.resize(1440, 900)
watched = lambda obj: obj is window.viewport()
""",
}
_FIRST_PAINT = """
import os, sys
from PySide6.QtCore import QEvent, QObject
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Paint and watched(obj):
            sys.stdout.write("painted\\n"); sys.stdout.flush(); os._exit(0)
        return False
spy = FirstPaint()
app.installEventFilter(spy)
window.show()
app.exec()
"""


def _startup_once(kind: str, config_dir: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ACT_GUI_CONFIG_DIR": config_dir}
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", _STARTUP_CHILD[kind] + _FIRST_PAINT],
                             stdout=subprocess.PIPE, env=env, text=True)
    line = child.stdout.readline()
    elapsed = time.perf_counter() - start
    child.wait(timeout=60)
    if line.strip() != "painted":
        raise RuntimeError(f"{kind} start-up run did not paint")
    return elapsed * 1e3


def bench_startup() -> dict:
    """Start-up to the first painted window against a bare PySide6 + pyqtgraph window.

    The app's modules are compiled to bytecode first, as an install has them (pip writes
    them at install time, an editable checkout on its first run); without that, a checkout
    that never writes bytecode (PYTHONDONTWRITEBYTECODE) compiles every module at every
    start, and the bare window, all of whose modules came from pip, does not.
    """
    import compileall

    import act_gui

    compileall.compile_dir(os.path.dirname(act_gui.__file__), quiet=1)
    with tempfile.TemporaryDirectory() as config_dir:
        runs = {"app": [], "app_complete": [], "bare": []}
        for _ in range(STARTUP_RUNS):  # interleaved, so drifts hit both alike
            for kind in runs:
                runs[kind].append(_startup_once(kind, config_dir))
    app_ms, bare_ms = statistics.median(runs["app"]), statistics.median(runs["bare"])
    return {"startup_to_first_paint_ms": round(app_ms, 1), "bare_window_ms": round(bare_ms, 1),
            "startup_until_training_plots_painted_ms": round(statistics.median(runs["app_complete"]), 1),
            "ratio": round(app_ms / bare_ms, 3), "runs": STARTUP_RUNS, "target_ratio": 1.4}


def _hand_written_step(X, y, W, b, lr):
    """The smallest honest numpy step of a 2-8-8-1 tanh/sigmoid net: the baseline."""
    z1 = X @ W[0] + b[0]
    a1 = np.tanh(z1)
    z2 = a1 @ W[1] + b[1]
    a2 = np.tanh(z2)
    z3 = a2 @ W[2] + b[2]
    p = 1 / (1 + np.exp(-z3))
    loss = np.mean(np.logaddexp(0, z3) - y * z3)
    d3 = (p - y) / len(X)
    d2 = (d3 @ W[2].T) * (1 - a2 * a2)
    d1 = (d2 @ W[1].T) * (1 - a1 * a1)
    for param, grad in zip(W + b, [X.T @ d1, a1.T @ d2, a2.T @ d3, d1.sum(0), d2.sum(0), d3.sum(0)]):
        param -= lr * grad
    return loss


def bench_training_step(blocks: int = 40, block: int = 300) -> dict:
    """``Trainer.step`` against the hand-written step, full batch and batches of 10."""
    from act_gui.core.lab import datasets
    from act_gui.core.lab.network import MLP
    from act_gui.core.lab.training import Trainer

    data = datasets.make("circles", 256, noise=0.05)
    results = {"network": "2-8-8-1 tanh, sigmoid output, 256 points"}
    for batch in (None, 10):
        net = MLP([2, 8, 8, 1], activation="tanh", output="sigmoid", seed=0)
        trainer = Trainer(net, data, lr=0.1, batch_size=batch)
        X, y = data.X_train, data.y_train[:, None]
        W, b = [w.copy() for w in net.weights], [v.copy() for v in net.biases]
        rng = np.random.default_rng(0)

        def hand_step():
            if batch is None:
                _hand_written_step(X, y, W, b, 0.1)
            else:
                pick = rng.integers(0, len(X), batch)
                _hand_written_step(X[pick], y[pick], W, b, 0.1)

        def timed(action):
            start = time.perf_counter()
            for _ in range(block):
                action()
            return (time.perf_counter() - start) / block * 1e6

        ours, hand = [], []
        for _ in range(blocks):  # interleaved blocks: frequency drifts hit both alike
            hand.append(timed(hand_step))
            ours.append(timed(lambda: trainer.step(1)))
        name = "full_batch" if batch is None else f"batch_{batch}"
        ours_us, hand_us = statistics.median(ours), statistics.median(hand)
        results[name] = {"trainer_step_us": round(ours_us, 1), "hand_written_numpy_step_us": round(hand_us, 1),
                         "ratio": round(ours_us / hand_us, 3)}
    results["target_ratio"] = {"full_batch": 1.1, "batch_10": 1.2}
    return results


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def bench_playing(seconds: float = 4.0, memory: bool = True) -> dict:
    """Frames per second while playing at 1920x1080, and memory over 100,000 steps."""
    from act_gui.options import Options
    from act_gui.qt.app import application, make_window, wait_for_training
    from act_gui.qt.lab import controller as lab_controller

    app = application()
    window = make_window(Options(size=(1920, 1080)))
    window.show()
    app.processEvents()
    lab = window.lab
    lab.timer.setInterval(0)  # uncapped, to see what a frame costs (the app caps at 60)
    results = {}
    for steps in (10, 100):
        lab.reset()
        lab.set_steps_per_frame(steps)
        frames = []

        def count(_stats, frames=frames):
            frames.append(time.perf_counter())

        lab.stats_changed.connect(count)
        lab.play()
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()  # paints happen here, as in the real event loop
        lab.pause()
        lab.stats_changed.disconnect(count)
        fps = (len(frames) - 1) / (frames[-1] - frames[0])
        results[f"fps_at_{steps}_steps_per_frame"] = round(fps, 1)
    results["frame_timer_cap_fps"] = round(1000 / lab_controller.FRAME_MS, 1)
    if not memory:
        return results

    lab.reset()
    lab.set_steps_per_frame(100)
    lab.play(steps=10_000)
    wait_for_training(window)
    warm = _rss_mb()
    lab.play(steps=100_000)
    wait_for_training(window)
    results.update({"rss_after_10k_steps_mb": round(warm, 1), "rss_after_110k_steps_mb": round(_rss_mb(), 1),
                    "steps_trained": lab.trainer.steps})
    window.persist = False
    window.close()
    return results


_PRESENTATION_CHILD = """
import json, os, time
from act_gui.options import Options
from act_gui.qt.app import application, make_window, wait_for_training
app = application()
window = make_window(Options(size=(1920, 1080)))
window.show()
window.presentation.start()
window.set_antialias(os.environ["ACT_GUI_ANTIALIAS"] == "1")
window.showNormal()
window.resize(1920, 1080)  # the projector's size, whatever the offscreen screen is
window.files.start_lesson("dead-neurons")
wait_for_training(window)
lab = window.lab
lab.timer.setInterval(0)
lab.set_steps_per_frame(10)
frames = []
lab.stats_changed.connect(lambda _s: frames.append(time.perf_counter()))
lab.play()
end = time.perf_counter() + SECONDS
while time.perf_counter() < end:
    app.processEvents()
lab.pause()
print(json.dumps({"fps": (len(frames) - 1) / (frames[-1] - frames[0]), "scale": window.ui_scale}))
"""


def bench_presentation(seconds: float = 4.0) -> dict:
    """Frames per second while playing in presentation mode (1920x1080, 175 % scale,
    thick pens), with antialiased curves (what presentation mode uses) and without
    (forced by ACT_GUI_ANTIALIAS=0 before the mode turns it on)."""
    results = {}
    for antialias in ("0", "1"):
        with tempfile.TemporaryDirectory() as config_dir:
            env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ACT_GUI_CONFIG_DIR": config_dir,
                   "ACT_GUI_ANTIALIAS": antialias}
            out = subprocess.run([sys.executable, "-c", f"SECONDS = {seconds}\n" + _PRESENTATION_CHILD],
                                 env=env, capture_output=True, text=True, timeout=300)
            measured = json.loads(out.stdout.strip().splitlines()[-1])
        key = "antialiased" if antialias == "1" else "not_antialiased"
        results[f"fps_{key}_at_10_steps_per_frame"] = round(measured["fps"], 1)
        results["ui_scale"] = measured["scale"]
    results["frame_timer_cap_fps"] = 62.5
    return results


def bench_formula(points: int = 2000, repeats: int = 2000) -> dict:
    """f and f' of a typed formula against the registry entry with the same maths, at the
    Explorer's 2,000 points, interleaved (target: at most 2x)."""
    from act_gui.core.activations import from_formula, get

    z = np.linspace(-6.0, 6.0, points)
    pairs = {"silu": ("z * sigmoid(z)", {}), "elu": ("where(z > 0, z, alpha * (exp(z) - 1))", {"alpha": 1.0}),
             "gelu": ("z * 0.5 * (1 + erf(z / sqrt(2)))", {})}
    out = {"points": points}
    for ref, (text, params) in pairs.items():
        custom, entry = from_formula(text, params), get(ref)
        mine, theirs = [], []
        for _ in range(5):
            mine.append(_median_ms(lambda: (custom.forward(z), custom.derivative(z)), repeats // 5))
            theirs.append(_median_ms(lambda: (entry.forward(z), entry.derivative(z)), repeats // 5))
        out[ref] = {"formula": text, "formula_ms": round(statistics.median(mine), 4),
                    "registry_ms": round(statistics.median(theirs), 4),
                    "ratio": round(statistics.median(mine) / statistics.median(theirs), 3)}
    out["target_ratio"] = 2.0
    return out


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as config_dir:
        os.environ["ACT_GUI_CONFIG_DIR"] = config_dir
        results = {"parameter_change": bench_parameter_change(),
                   "parameter_change_formula": bench_parameter_change(custom=True)}
        results["training_step"] = bench_training_step()
        results["formula"] = bench_formula()
        results["playing"] = bench_playing()
    results["presentation"] = bench_presentation()
    from frames import bench_frames  # noqa: E402 (beside this file)

    results["frames"] = bench_frames()
    results["startup"] = bench_startup()
    results["python"] = sys.version.split()[0]
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
