"""The history of a training run: what the plots draw, one row per drawn frame.

A pinned run keeps its history to be shown as a ghost; sessions save it.
"""

from __future__ import annotations

import csv
import io

import numpy as np

from act_gui.core.lab.diagnostics import Stats


class RunHistory:
    """Per-frame records of one run: step, losses, unit fractions, gradient norms.

    At most MAX_ROWS rows are kept: when a long run reaches it, the older half is thinned
    to every other row (the first row always stays). Recent frames stay dense, the
    curve's shape is kept (the plots show a few points per pixel anyway), and memory and
    session files stay bounded however long Play runs.
    """

    COLUMNS = ("step", "train_loss", "test_loss", "dead_fraction", "saturated_fraction")
    MAX_ROWS = 20_000

    def __init__(self, layers: int, label: str = "") -> None:
        self.label = label
        self.layers = layers
        self._rows = np.empty((256, len(self.COLUMNS) + layers))
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def record(self, stats: Stats) -> None:
        if self._count and self._rows[self._count - 1, 0] == stats.step:
            self._count -= 1  # the same step drawn again: replace, do not repeat
        if self._count == self.MAX_ROWS:
            self._thin()
        if self._count == len(self._rows):
            self._rows = np.concatenate([self._rows, np.empty_like(self._rows)])
        self._rows[self._count] = [stats.step, stats.train_loss, stats.test_loss, stats.dead_fraction,
                                   stats.saturated_fraction, *stats.grad_norms]
        self._count += 1

    def _thin(self) -> None:
        half = self._count // 2
        kept = np.concatenate([self._rows[:half:2], self._rows[half:self._count]])
        self._rows[:len(kept)] = kept
        self._count = len(kept)

    def column(self, name: str) -> np.ndarray:
        return self._rows[:self._count, self.COLUMNS.index(name)]

    def grad_norms(self, layer: int) -> np.ndarray:
        return self._rows[:self._count, len(self.COLUMNS) + layer]

    def rows(self) -> np.ndarray:
        """All records as one array: the columns, then one gradient norm per layer."""
        return self._rows[:self._count]

    @classmethod
    def from_rows(cls, rows: np.ndarray, layers: int, label: str = "") -> "RunHistory":
        history = cls(layers, label)
        rows = np.array(rows, dtype=np.float64).reshape(-1, len(cls.COLUMNS) + layers)
        while len(rows) > cls.MAX_ROWS:  # an older file recorded more frames than we keep
            half = len(rows) // 2
            rows = np.concatenate([rows[:half:2], rows[half:]])
        history._rows = np.concatenate([rows, np.empty((256, rows.shape[1]))])
        history._count = len(rows)
        return history

    def csv_text(self) -> str:
        """One row per recorded frame: the columns, then grad_norm_W1, grad_norm_W2, ..."""
        header = list(self.COLUMNS) + [f"grad_norm_W{i + 1}" for i in range(self.layers)]
        out = io.StringIO(newline="")
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(self.rows().tolist())
        return out.getvalue()

    def copy(self, label: str) -> "RunHistory":
        other = RunHistory(self.layers, label)
        other._rows = self._rows[:self._count].copy()
        other._count = self._count
        return other
