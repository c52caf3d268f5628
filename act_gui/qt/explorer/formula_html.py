"""Formulas as Qt rich text: the registry's ``^{..}``/``_{..}`` markup to HTML.

Qt's rich-text engine draws superscripts, subscripts and italics with the system fonts,
so formulas render as mathematics on any machine, offline, without LaTeX.
"""

from __future__ import annotations

import html
import re

_SCRIPT = re.compile(r"([\^_])\{([^{}]*)\}")
# A lone Latin letter used as a variable (z, e, a, s, u): set in italics as in print.
_VARIABLE = re.compile(r"(?<![A-Za-z&#;])([a-z])(?![A-Za-z;])")


def to_html(formula: str, italic_variables: bool = True) -> str:
    """HTML for ``formula``: scripts raised or lowered, single-letter variables in italics.

    Prose (a function's note) passes ``italic_variables=False``: there "a" is a word.
    """
    text = html.escape(formula, quote=False)
    if italic_variables:
        text = _VARIABLE.sub(r"<i>\1</i>", text)
    while _SCRIPT.search(text):  # innermost first, so scripts may nest
        text = _SCRIPT.sub(_script_tag, text)
    return text


def _script_tag(match: re.Match) -> str:
    tag = "sup" if match[1] == "^" else "sub"
    return f"<{tag}>{match[2]}</{tag}>"
