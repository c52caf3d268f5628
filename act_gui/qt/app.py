"""Starting the application: QApplication, the window, the command-line choices."""

from __future__ import annotations

import dataclasses
import os
import sys
from importlib import resources

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from act_gui import __version__, system_check
from act_gui.options import Options
from act_gui.qt.storage.error_log import start_logging, stop_logging
from act_gui.qt.main_window import MainWindow
from act_gui.core import activations
from act_gui.core.activations.custom import from_spec, same_definition
from act_gui.core.classroom.lessons import LessonError
from act_gui.qt.storage.settings import open_settings, read_default_lesson


def icon() -> QIcon:
    return QIcon(str(resources.files("act_gui") / "resources" / "icons" / "act-gui.svg"))


def application() -> QApplication:
    """The one QApplication, created on first use with the app's identity."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Activation Explorer")
    app.setOrganizationName("act-gui")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.act_gui.ActivationExplorer")  # = the AppStream id
    app.setWindowIcon(icon())
    # Thin curves of a few thousand points look clean without antialiasing, and thick
    # antialiased pens are the main redraw cost (measured by `make bench`, which sets
    # ACT_GUI_ANTIALIAS=1 to show the difference).
    pg.setConfigOptions(antialias=os.environ.get("ACT_GUI_ANTIALIAS") == "1")
    return app


def make_window(options: Options) -> MainWindow:
    """The main window with saved settings restored, then the command line applied."""
    window = MainWindow(open_settings(), theme=options.theme)
    # A one-shot run (--screenshot) neither asks questions nor keeps its state.
    window.interactive = window.persist = options.screenshot is None
    if options.session:
        window.files.open_file(options.session)
    # A start with a file or a lesson takes an empty autosave slot: the work autosaved
    # last time stays where it is, for the next plain start.
    # An admin may preset a lesson for every plain start (settings key lessons/default).
    preset = None if options.session or options.lesson is not None else read_default_lesson(window.settings)
    problem = window.autosave.start(restore=not (options.session or options.lesson or preset))
    if problem:
        window.show_message(problem)
    if options.formula is not None:  # --formula: checked by the command line already
        wanted = from_spec(options.formula)
        same = [a for a in activations.CUSTOM.values() if same_definition(a, wanted)]  # from an earlier start
        act = same[0] if same else dataclasses.replace(wanted, id=window.state.new_function_id())
        window.state.add_function(act)
        window.state.set_current(act.id)
    if options.functions:
        window.state.set_current(options.functions[0])
        window.state.clear_overlays()
        for act_id in options.functions[1:]:
            window.state.set_overlaid(act_id, True)
    if options.size:
        window.resize(*options.size)
        window.sized_by_user = True
    if options.lesson is not None:
        window.files.start_lesson(options.lesson, options.step - 1)
    elif preset:
        try:
            window.lessons.open(preset)
        except LessonError as error:  # a preset, not the user's doing: a message, not a dialog
            window.show_message(f"The preset lesson could not be opened: {error}")
    return window


def save_screenshot(window: MainWindow, path: str) -> int:
    """Render the shown window into a PNG; exit status 0 on success."""
    app = QApplication.instance()
    window.lab_plots  # noqa: B018 (built on first use; the picture must show them)
    for _ in range(3):  # let layouts settle and the plots paint
        app.processEvents()
    if not window.grab().save(path, "PNG"):
        print(f"act-gui: could not write the screenshot to {path}", file=sys.stderr)
        return 1
    return 0


def wait_for_training(window: MainWindow) -> None:
    """Run the event loop until the Network Lab stops playing (its --train steps are done)."""
    if not window.lab.playing:
        return
    loop = QEventLoop()
    window.lab.playing_changed.connect(lambda playing: None if playing else loop.quit())
    loop.exec()


def run(options: Options) -> int:
    if system_check.uses_xcb():
        missing = system_check.missing_libraries()
        if missing:
            print(system_check.message(missing), file=sys.stderr)
            return 3
    app = application()
    start_logging()
    window = make_window(options)
    window.show()
    if options.present:
        window.presentation.start()
        if options.size:  # a screenshot of a projector of that size
            window.showNormal()
            window.resize(*options.size)
    if options.speed:
        window.lab_controls.speed.setCurrentIndex(window.lab_controls.speed.findData(options.speed))
    if options.train:
        window.lab.play(steps=options.train)  # the same timer path as the Play button
    if options.screenshot is not None:
        wait_for_training(window)
        status = save_screenshot(window, options.screenshot)
        window.close()
        dispose(window)
        stop_logging()
        return status
    status = app.exec()
    dispose(window)
    stop_logging()
    return status


def dispose(window: MainWindow) -> None:
    """Delete the window's Qt objects now, in Qt's order. Left to the interpreter's exit,
    they are freed in whatever order Python picks, which crashed after some lesson
    sequences (a zig-zag lesson, then another, in presentation mode)."""
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
