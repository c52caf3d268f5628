"""How big a very long run's session gets, and what saving it costs.

Trains the Lab's default network the way Play does (diagnostics recorded once per
drawn frame), then writes the session as autosave does, reads it back and checks it
continues exactly. Prints steps, frames, file size, time and peak memory of the save.

    python benchmarks/long_run.py --steps 3000000 --per-frame 10
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
import tracemalloc

import numpy as np

from act_gui.core.files import session
from act_gui.core.lab import LabConfig, RunHistory


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=3_000_000)
    parser.add_argument("--per-frame", type=int, default=10)
    args = parser.parse_args()
    config = LabConfig()
    trainer = config.build()
    history = RunHistory(len(trainer.net.weights), config.describe())
    history.record(trainer.stats())
    frames, started = 0, time.perf_counter()
    while trainer.steps < args.steps:
        trainer.step(args.per_frame)
        history.record(trainer.stats())
        frames += 1
    trained = time.perf_counter() - started
    run = session.LabRun(config, trainer, history, [history.copy("pinned")] * 4)
    explorer = {"current": "tanh", "overlays": [], "params": {}, "z_range": [-6.0, 6.0], "probe": 1.0}
    tracemalloc.start()
    started = time.perf_counter()
    text = session.dumps(explorer, run)
    path = os.path.join(tempfile.mkdtemp(), "long.actx")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    saved = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    started = time.perf_counter()
    reopened = session.parse(open(path, "rb").read()).lab
    read = time.perf_counter() - started
    trainer.step(10)
    reopened.trainer.step(10)
    same = np.array_equal(trainer.losses, reopened.trainer.losses)
    print(f"steps {trainer.steps:,} in {frames:,} frames ({trained:.0f} s); history rows kept {len(history):,}; "
          f"losses kept {len(trainer.losses):,} from step {trainer.losses_from:,}")
    print(f"session file {os.path.getsize(path) / 2**20:.2f} MB (read limit {session.MAX_BYTES // 2**20} MB), "
          f"with 4 pinned runs; save {saved * 1000:.0f} ms, peak Python memory while saving "
          f"{peak / 2**20:.1f} MB; read back in {read * 1000:.0f} ms; continues identically: {same}")


if __name__ == "__main__":
    main()
