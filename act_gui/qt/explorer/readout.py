"""Text of the probe readout, for the status bar (plain) and the plot (coloured HTML)."""

from __future__ import annotations

import html
from typing import Callable, Sequence

from act_gui.core.activations import get
from act_gui.core.activations.curves import Reading


def number(value: float) -> str:
    """Seven significant digits: enough to tell σ(15) = 0.9999997 from 1."""
    return f"{value:.7g}".replace("-", "−")


def status_text(readings: Sequence[Reading], prefix: str = "Probe") -> str:
    if not readings:
        return ""
    parts = [f"{prefix} z = {number(readings[0].z)}"]
    parts += [f"{get(r.act_id).label}: f = {number(r.f)}, f′ = {number(r.df)}" for r in readings]
    return "   ·   ".join(parts)


def short_label(act_id: str) -> str:
    """The function's name without its parenthesis: "Sigmoid" for "Sigmoid (logistic)"."""
    return get(act_id).label.split(" (")[0]


def plot_html(readings: Sequence[Reading], colour_of: Callable[[str], str]) -> str:
    """One line per function, in its curve's colour, under a ``z = ...`` heading."""
    if not readings:
        return ""
    rows = [f"<b>z = {number(readings[0].z)}</b>"]
    for r in readings:
        label = html.escape(short_label(r.act_id))  # short: the box must fit beside the curve
        rows.append(f"<span style='color:{colour_of(r.act_id)}'>■</span> {label}: "
                    f"f = {number(r.f)}, f′ = {number(r.df)}")
    return "<br>".join(rows)
