"""Start-up of the bundle next to the source install, measured in one run.

Each run is `act-gui --screenshot` on the offscreen platform: process start, window
built and painted, PNG written, exit. Runs alternate between the two so drifts hit both.

Usage: .venv/bin/python packaging/compare_startup.py [RUNS]   (after `make package`)
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = {"source": [str(Path(sys.executable).with_name("act-gui"))],
            "bundle": [str(ROOT / "dist" / "act-gui" / "act-gui")]}


def once(command, folder):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ACT_GUI_CONFIG_DIR": folder}
    start = time.perf_counter()
    subprocess.run(command + ["--screenshot", os.path.join(folder, "s.png")], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1e3


def main(runs: int) -> None:
    times = {name: [] for name in COMMANDS}
    with tempfile.TemporaryDirectory() as folder:
        for name, command in COMMANDS.items():
            once(command, folder)  # warm the file cache once each
        for _ in range(runs):
            for name, command in COMMANDS.items():
                times[name].append(once(command, folder))
    source, bundle = (statistics.median(times[n]) for n in ("source", "bundle"))
    print(json.dumps({"source_ms": round(source, 1), "bundle_ms": round(bundle, 1),
                      "ratio": round(bundle / source, 3), "runs": runs, "target_ratio": 1.2}))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
