"""What the user asked for on the command line, already checked.

A plain dataclass, so that the parser (``act_gui.cli``) and the Qt application
(``act_gui.qt.app``) both import it and neither imports the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Options:
    """What the user asked for on the command line, already validated."""

    functions: list[str] = field(default_factory=list)
    theme: str | None = None
    size: tuple[int, int] | None = None
    screenshot: str | None = None
    train: int | None = None
    speed: int | None = None
    session: str | None = None
    lesson: str | None = None
    step: int = 1
    present: bool = False
    #: --formula with its --param values, as plain data (``custom.to_spec``), or None
    formula: dict | None = None
