"""The ``act-gui`` command as a user or a script runs it, in a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ACT_GUI = str(Path(sys.executable).with_name("act-gui"))
pytestmark = pytest.mark.slow  # each test starts the command in a new process


def run(*args, display=False, **kwargs):
    """Run the command; without ``display`` no Qt platform is reachable at all."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    if display:
        env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(list(args), capture_output=True, text=True, env=env, timeout=120, **kwargs)


@pytest.mark.parametrize("command", [[ACT_GUI], [sys.executable, "-m", "act_gui"]])
def test_version_and_help_need_no_display(command):
    from act_gui import __version__

    version = run(*command, "--version")
    assert version.returncode == 0 and version.stdout.strip() == f"act-gui {__version__}"
    usage = run(*command, "--help")
    assert usage.returncode == 0
    for word in ("--function", "--theme", "--size", "--screenshot", "leaky_relu"):
        assert word in usage.stdout


def test_unknown_function_exits_2_and_lists_valid_ids():
    result = run(ACT_GUI, "--function", "relu", "swish2")
    assert result.returncode == 2
    assert "swish2" in result.stderr and "valid ids:" in result.stderr and "gelu_tanh" in result.stderr


@pytest.mark.parametrize("args", [["--size", "big"], ["--size", "10x10"], ["--theme", "neon"],
                                  ["--screenshot", "/no/such/folder/shot.png"], ["--bogus"],
                                  ["--screenshot", ""], ["--lesson", ""], ["--lesson", " "]])
def test_bad_arguments_exit_2_with_a_message(args):
    result = run(ACT_GUI, *args)
    assert result.returncode == 2 and "act-gui: error:" in result.stderr


def test_screenshot_renders_the_window_and_exits_0(tmp_path):
    from PySide6.QtGui import QImage

    shot = tmp_path / "shot.png"
    result = run(ACT_GUI, "--function", "tanh", "sigmoid", "--size", "1280x800", "--screenshot", str(shot),
                 display=True)
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 800)
    # A real rendering has many colours (curves, text, widgets), not a blank fill.
    colours = {image.pixel(x, y) for x in range(0, 1280, 7) for y in range(0, 800, 7)}
    assert len(colours) > 20


def test_a_file_after_the_function_list_is_the_file_to_open(tmp_path):
    from act_gui.cli import parse

    work = tmp_path / "work.actx"
    work.write_text("{}")
    options = parse(["-f", "relu", "tanh", str(work)])
    assert options.functions == ["relu", "tanh"] and options.session == str(work)
    assert parse(["-f", "relu", "lesson.json"]).session == "lesson.json"


def test_a_formula_on_the_command_line_is_checked_with_its_column(capsys):
    from act_gui.cli import parse

    for argv, where in ((["--formula", "z * sigmoid(b * z)", "--param", "beta=1"], "column 13"),
                        (["--formula", "z +"], "column 4"), (["--param", "beta=1"], "--param needs --formula"),
                        (["--formula", "z", "--param", "beta"], "NAME=NUMBER")):
        with pytest.raises(SystemExit) as exited:
            parse(argv)
        assert exited.value.code == 2 and where in capsys.readouterr().err
    options = parse(["--formula", "z * sigmoid(beta * z)", "--param", "beta=1.5"])
    assert options.formula["formula"] == "z * sigmoid(beta * z)" and options.formula["params"]["beta"][0] == 1.5
