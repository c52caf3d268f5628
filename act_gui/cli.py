"""Command line of ``act-gui``: parsed and checked before Qt is imported.

So ``--help``, ``--version`` and every argument error work on a machine with no display,
and a typo exits 2 with a message instead of opening a window.
"""

from __future__ import annotations

import argparse
import os
import sys

from act_gui import __version__
from act_gui.core import activations
from act_gui.core.lab import SPEEDS
from act_gui.options import Options

THEMES = ("light", "dark", "high_contrast")
MIN_SIZE, MAX_SIZE = 320, 10000
MAX_TRAIN_STEPS = 10_000_000


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1920x1080, got {text!r}")
    if not (MIN_SIZE <= width <= MAX_SIZE and MIN_SIZE <= height <= MAX_SIZE):
        raise argparse.ArgumentTypeError(
            f"each side must be between {MIN_SIZE} and {MAX_SIZE} pixels, got {text!r}")
    return width, height


def _steps(text: str) -> int:
    try:
        steps = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of steps, got {text!r}")
    if not 1 <= steps <= MAX_TRAIN_STEPS:
        raise argparse.ArgumentTypeError(f"the number of steps must be 1 to {MAX_TRAIN_STEPS:,}")
    return steps


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="act-gui",
        description="Activation Explorer: plot activation functions and their gradients live.",
        epilog="Function ids: " + ", ".join(activations.ids()),
    )
    parser.add_argument("session", nargs="?", metavar="FILE.actx",
                        help="a session file to open (saved with File > Save)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--function", "-f", metavar="ID", nargs="+", default=[],
                        help="functions to show; the first becomes current, the rest are overlaid")
    parser.add_argument("--theme", choices=THEMES, help="colour theme (default: the last one used)")
    parser.add_argument("--size", type=_size, metavar="WxH", help="window size, e.g. 1920x1080")
    parser.add_argument("--screenshot", metavar="PATH",
                        help="render the window to a PNG file and exit (works offscreen)")
    parser.add_argument("--train", metavar="N", type=_steps,
                        help="train the Network Lab for N steps, animated like Play; with "
                             "--screenshot, the picture is taken when they are done")
    parser.add_argument("--lesson", metavar="ID|FILE",
                        help="open a lesson: a built-in id (" + ", ".join(_lesson_ids()) + ") or a lesson file")
    parser.add_argument("--step", metavar="K", type=int, default=1, help="start the lesson at step K (from 1)")
    parser.add_argument("--present", action="store_true",
                        help="start in presentation mode (full screen, big type, clicker keys)")
    parser.add_argument("--speed", metavar="STEPS", type=int, choices=SPEEDS,
                        help="training steps per drawn frame: " + ", ".join(map(str, SPEEDS)))
    parser.add_argument("--formula", metavar="TEXT",
                        help='start with your own function of z, e.g. "z*sigmoid(beta*z)" (it is added to '
                             "My functions)")
    parser.add_argument("--param", metavar="NAME=VALUE", action="append", default=[], type=_param,
                        help="a parameter of --formula and its default, e.g. beta=1.5 (repeat for more)")
    return parser


def _param(text: str) -> tuple[str, float]:
    name, sep, value = text.partition("=")
    try:
        number = float(value)
    except ValueError:
        number = None
    if not sep or not name.strip() or number is None:
        raise argparse.ArgumentTypeError(f"expected NAME=NUMBER such as beta=1.5, got {text!r}")
    return name.strip(), number


def _check_formula(parser: argparse.ArgumentParser, text: str, params: list[tuple[str, float]]):
    """The user's function from --formula and --param; exits 2 saying where it is wrong."""
    try:
        return activations.from_formula(text, dict(params), label=" ".join(text.split()))
    except activations.FormulaError as error:
        pointer = " " * (error.column - 1) + "^" if error.column <= len(text) + 1 else ""
        parser.error(f"--formula: {error}\n  {text}\n  {pointer}")


def parse(argv: list[str] | None = None) -> Options:
    """Parse and validate; exits 2 with a message on bad input (argparse's convention)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.session is None and args.function and _looks_like_a_file(args.function[-1]):
        args.session = args.function.pop()  # "-f relu work.actx": the file is not a function
    unknown = [f for f in args.function if f not in activations.REGISTRY]
    if unknown:
        parser.error(f"unknown function id(s): {', '.join(unknown)}\n"
                     f"valid ids: {', '.join(activations.ids())}")
    if args.screenshot is not None:
        if not args.screenshot.strip():
            parser.error("--screenshot needs the name of a PNG file to write")
        folder = os.path.dirname(os.path.abspath(args.screenshot))
        if not os.path.isdir(folder):
            parser.error(f"cannot write the screenshot: folder {folder!r} does not exist")
    if args.session is not None and args.screenshot is not None:
        # No one is there to read a dialog: refuse now. Interactively the window opens
        # and says what is wrong with the file, where a double-click's user looks.
        _check_session(parser, args.session)
    if args.step != 1 and args.lesson is None:
        parser.error("--step needs --lesson")
    if args.lesson is not None:
        if not args.lesson.strip():
            parser.error("--lesson needs a lesson id or a lesson file")
        _check_lesson(parser, args.lesson, args.step)
    if args.param and args.formula is None:
        parser.error("--param needs --formula")
    custom = None
    if args.formula is not None:
        custom = _check_formula(parser, args.formula, args.param)
    functions = list(dict.fromkeys(args.function))  # drop repeats, keep order
    return Options(functions, args.theme, args.size, args.screenshot, args.train, args.speed, args.session,
                   args.lesson, args.step, args.present,
                   formula=None if custom is None else activations.custom.to_spec(custom))


def _looks_like_a_file(text: str) -> bool:
    return text not in activations.REGISTRY and (text.lower().endswith((".actx", ".json")) or os.path.isfile(text))


def _lesson_ids() -> list[str]:
    from act_gui.core.classroom.lessons import builtin_lessons

    return [lesson.id for lesson in builtin_lessons()]


def _check_lesson(parser: argparse.ArgumentParser, source: str, step: int) -> None:
    from pathlib import Path

    from act_gui.core.classroom import lessons

    try:
        lesson = lessons.load(source) if Path(source).suffix == ".json" or Path(source).is_file() \
            else lessons.builtin(source)
    except lessons.LessonError as error:
        parser.error(str(error))
    if not 1 <= step <= len(lesson.steps):
        parser.error(f"{lesson.title!r} has steps 1 to {len(lesson.steps)}, not {step}")


def _check_session(parser: argparse.ArgumentParser, path: str) -> None:
    """Refuse a session that cannot be opened before any window appears (exit 2)."""
    from act_gui.core.classroom import lessons
    from act_gui.core.files import session
    from act_gui.core.files.reading import read_regular_file

    is_lesson = path.lower().endswith(".json")
    try:
        if is_lesson:
            lessons.load(path)
        else:
            session.parse(read_regular_file(path, session.MAX_BYTES))
    except OSError as error:
        parser.error(f"cannot read {path}: {error.strerror or error}")
    except (session.SessionError, lessons.LessonError) as error:
        parser.error(f"cannot open {path}: {error}")


def main(argv: list[str] | None = None) -> int:
    options = parse(argv)
    from act_gui.qt.app import run  # Qt only now that the arguments are known to be good

    return run(options)


if __name__ == "__main__":
    sys.exit(main())
