"""Text of the probe readout: for the status bar (plain) and the f(z) plot's key (HTML)."""

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


def _name_cell(reading: Reading, colour_of: Callable[[str], str], current: str) -> str:
    """A swatch in the curve's colour and the function's short name (bold if current):
    short, because the key must fit over a narrow plot."""
    name = html.escape(short_label(reading.act_id))
    if reading.act_id == current:
        name = f"<b>{name}</b>"
    return f"<td><span style='color:{colour_of(reading.act_id)}'>━━</span>&nbsp;{name}</td>"


def _table(rows: list[str]) -> str:
    return "<table cellspacing='0' cellpadding='1'>" + "".join(f"<tr>{row}</tr>" for row in rows) + "</table>"


def key_html(readings: Sequence[Reading], colour_of: Callable[[str], str], current: str,
             extra: str = "", pairs: int = 1) -> str:
    """The f(z) plot's key, which is also the probe readout: ``z = ...``, then each
    function (a swatch in its curve's colour, its name, f and f' at the probe), the
    current one in bold, ``pairs`` to a row; then ``extra`` (e.g. the histogram's entry)."""
    if not readings:
        return extra
    cells = [_name_cell(r, colour_of, current)
             + f"<td>&nbsp;f&nbsp;=&nbsp;{number(r.f)}</td><td>&nbsp;f′&nbsp;=&nbsp;{number(r.df)}&nbsp;&nbsp;</td>"
             for r in readings]
    rows = []
    for start in range(0, len(cells), pairs):
        lead = f"z&nbsp;=&nbsp;{number(readings[0].z)}&nbsp;&nbsp;" if start == 0 else ""
        rows.append(f"<td>{lead}</td>" + "".join(cells[start:start + pairs]))
    if extra:
        rows.append(f"<td></td><td colspan='{3 * pairs}'>{extra}</td>")
    return _table(rows)


def narrow_key_html(readings: Sequence[Reading], colour_of: Callable[[str], str], current: str,
                    extra: str = "") -> str:
    """The same key for a narrow plot: a heading row (z, f, f'), then one row per function."""
    if not readings:
        return extra
    rows = [f"<td>z&nbsp;=&nbsp;{number(readings[0].z)}</td><td align='right'>f</td><td align='right'>f′</td>"]
    rows += [_name_cell(r, colour_of, current)
             + f"<td align='right'>&nbsp;{number(r.f)}</td><td align='right'>&nbsp;{number(r.df)}</td>"
             for r in readings]
    if extra:
        rows.append(f"<td colspan='3'>{extra}</td>")
    return _table(rows)
