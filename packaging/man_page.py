"""Write act-gui(1) from the command line's own parser: ``python packaging/man_page.py OUT``.

The options and their help are read from ``act_gui.cli.build_parser()``, so the manual
page never drifts from ``act-gui --help``; the sections a manual page has beyond that
(files, environment, exit status) are written here.
"""

from __future__ import annotations

import argparse
import datetime
import sys

from act_gui import __version__
from act_gui.cli import build_parser


def roff(text: str) -> str:
    """Text safe in a roff line: backslashes and hyphens escaped, no leading dot."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text.startswith((".", "'")) else text


def option_lines(action: argparse.Action) -> list[str]:
    if action.help == argparse.SUPPRESS:
        return []
    if action.option_strings:
        metavar = "" if action.nargs == 0 else " " + (action.metavar or action.dest.upper())
        if action.nargs == "+":
            metavar += " ..."
        names = ", ".join(f"\\fB{roff(name)}\\fR{roff(metavar)}" for name in action.option_strings)
    else:
        names = f"\\fI{roff(action.metavar or action.dest)}\\fR"
    text = (action.help or "").replace("%(default)s", str(action.default))
    if action.choices and "%(choices)" not in text and action.option_strings:
        text += " (one of: " + ", ".join(map(str, action.choices)) + ")"
    return [".TP", names, roff(text)]


def man_page() -> str:
    parser = build_parser()
    usage = " ".join(parser.format_usage().split()[1:])  # after "usage:"
    lines = [f'.TH ACT\\-GUI 1 "{datetime.date.today():%Y-%m-%d}" "act-gui {__version__}" "User Commands"',
             ".SH NAME", "act\\-gui \\- learn how activation functions behave",
             ".SH SYNOPSIS", roff(usage),
             ".SH DESCRIPTION", roff(parser.description or ""),
             ".PP", roff("Activation Explorer plots activation functions and their gradients live and trains a "
                         "small neural network step by step beside them, with lessons and a presentation mode "
                         "for teaching."),
             ".SH OPTIONS"]
    for action in parser._actions:  # argparse offers no public list of its actions
        lines += option_lines(action)
    if parser.epilog:
        lines += [".PP", roff(parser.epilog)]
    lines += [
        ".SH FILES",
        ".TP", "\\fI~/.config/act\\-gui/act\\-gui.ini\\fR", roff("The user's choices."),
        ".TP", "\\fI/etc/xdg/act\\-gui/act\\-gui.ini\\fR",
        roff("Defaults for every account, set by an administrator: keys session/autosave (true or false), "
             "view/ui_scale (1 to 3), view/theme (light, dark or high_contrast) and lessons/default "
             "(a lesson id or file opened by a start that names no file)."),
        ".TP", "\\fI~/.local/state/act\\-gui/\\fR",
        roff("Autosaved work and the log of warnings and errors."),
        ".SH ENVIRONMENT",
        ".TP", "\\fBACT_GUI_CONFIG_DIR\\fR", roff("Use this folder for the user's settings."),
        ".TP", "\\fBACT_GUI_STATE_DIR\\fR", roff("Use this folder for autosaves and the log."),
        ".TP", "\\fBQT_QPA_PLATFORM\\fR",
        roff("offscreen renders without a display (with --screenshot)."),
        ".SH EXIT STATUS",
        roff("0 on success; 1 if a screenshot could not be written; 2 for a bad argument, an unknown id or "
             "a file that cannot be opened with --screenshot; 3 if a system library the display needs is "
             "missing (the message names the package)."),
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python packaging/man_page.py OUT")
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        out.write(man_page())
