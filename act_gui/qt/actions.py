"""Every command of the window, declared once: id, text, shortcut, menu, handler.

The menus, the shortcuts and the Help > Keyboard shortcuts list are all made from
:data:`ACTIONS`, in the order they are declared here; :data:`TOOLBARS` picks the
toolbar buttons by id. A handler receives the window and does its work through the
window's parts. Standard key sequences
(``QKeySequence.StandardKey``) are used where Qt has one, so shortcuts follow each
platform's conventions. Adding a command is adding one ``Action`` line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Key = QKeySequence.StandardKey
MENUS = ("&File", "&View", "F&unctions", "&Training", "&Help")


@dataclass(frozen=True)
class Action:
    id: str
    text: str
    shortcut: QKeySequence.StandardKey | str | None
    menu: str                        # one of MENUS
    handler: Callable[..., object]   # called with the window
    tip: str = ""
    checkable: bool = False
    separator_before: bool = False   # a line above it in its menu
    button: str = ""                 # shorter text for a toolbar button, if it has one


def _export(kind: str):
    return lambda w: w.files.export(kind)


ACTIONS = (
    # File
    Action("open", "&Open…", Key.Open, "&File", lambda w: w.files.open_file(),
           "Open a session (.actx) or a lesson (.json)"),
    Action("save", "&Save session", Key.Save, "&File", lambda w: w.files.save_session(),
           "Save everything, trained weights included"),
    Action("save_as", "Save session &as…", Key.SaveAs, "&File", lambda w: w.files.save_session_as(),
           "Save everything to a new file"),
    Action("save_step", "Save current state as a lesson &step…", None, "&File", lambda w: w.files.save_state_as_step(),
           "Add what the window shows now to a lesson file of your own", separator_before=True),
    Action("autosave", "Auto&save and restore my work", None, "&File",
           lambda w: w.autosave.set_enabled(w.commands["autosave"].isChecked()),
           "Save the working state every minute and on exit, and reopen it next time", checkable=True,
           separator_before=True),
    Action("export_png", "Export plots as &PNG…", "Ctrl+E", "&File", _export("png"),
           "Save both plots as a PNG image", separator_before=True, button="Export PNG"),
    Action("export_svg", "Export plots as S&VG…", "Ctrl+Shift+E", "&File", _export("svg"),
           "Save both plots as scalable vector graphics", button="Export SVG"),
    Action("export_csv", "Export curve &data as CSV…", "Ctrl+Shift+C", "&File", _export("csv"),
           "Save z, f(z) and f′(z) of every shown function", button="Export CSV"),
    Action("export_training_png", "Export training plots as PNG…", None, "&File", _export("training_png"),
           "Save the four training plots"),
    Action("export_training_svg", "Export training plots as SVG…", None, "&File", _export("training_svg"),
           "Save the four training plots"),
    Action("export_window_png", "Export &window as PNG…", None, "&File", _export("window_png"),
           "Save the whole window, sized for a slide"),
    Action("export_window_svg", "Export window as SVG…", None, "&File", _export("window_svg"),
           "Save the whole window as vector graphics"),
    Action("export_history_csv", "Export training &history as CSV…", None, "&File", _export("history_csv"),
           "Save step, losses, dead and saturated shares and gradient norms"),
    Action("quit", "&Quit", Key.Quit, "&File", lambda w: w.close(), "Close Activation Explorer",
           separator_before=True),
    # View
    Action("reset_view", "&Reset view", "Ctrl+0", "&View", lambda w: w.state.reset_z_range(),
           "Back to the default z-range −6 … 6"),
    Action("zoom_in", "Zoom &in", Key.ZoomIn, "&View", lambda w: w.zoom(0.5), "Halve the plotted z-range"),
    Action("zoom_out", "Zoom &out", Key.ZoomOut, "&View", lambda w: w.zoom(2.0), "Double the plotted z-range"),
    Action("theme_light", "&Light theme", None, "&View", lambda w: w.set_theme("light"), "Dark curves on white",
           checkable=True, separator_before=True),
    Action("theme_dark", "&Dark theme", None, "&View", lambda w: w.set_theme("dark"), "Light curves on black",
           checkable=True),
    Action("theme_high_contrast", "&High-contrast theme", None, "&View", lambda w: w.set_theme("high_contrast"),
           "White on black, strong colours", checkable=True),
    Action("present", "&Presentation mode", "F5", "&View", lambda w: w.presentation.toggle(),
           "Full screen, lesson bar, big type; clicker keys step through the lesson; Esc leaves",
           separator_before=True),
    Action("full_screen", "&Full screen", "F11", "&View", lambda w: w.toggle_full_screen(),
           "Fill the screen with the window", checkable=True),
    Action("show_network", "Show the &network", None, "&View", lambda w: w.stage.show("network"),
           "Bring the network and its training plots to the front", separator_before=True),
    # Functions
    Action("find", "&Filter functions", Key.Find, "F&unctions", lambda w: w.focus_filter(), "Jump to the filter box"),
    Action("next_function", "&Next function", "Alt+Down", "F&unctions", lambda w: w.select_relative(1),
           "Make the next function in the list current"),
    Action("previous_function", "&Previous function", "Alt+Up", "F&unctions", lambda w: w.select_relative(-1),
           "Make the previous function in the list current"),
    Action("reset_params", "Reset &parameters", "Ctrl+R", "F&unctions", lambda w: w.state.reset_params(w.state.current),
           "Put the current function's parameters back to their defaults", separator_before=True),
    Action("clear_overlays", "&Clear overlays", "Ctrl+Shift+X", "F&unctions", lambda w: w.state.clear_overlays(),
           "Untick every overlaid function"),
    # Training
    Action("train_step", "&Step", "Ctrl+T", "&Training", lambda w: w.lab.step(1), "One gradient-descent step"),
    Action("play_pause", "&Play / pause training", "Ctrl+Space", "&Training", lambda w: w.lab.toggle_play(),
           "Train continuously, or stop", checkable=True),
    Action("train_reset", "&Reset training", "Ctrl+Shift+R", "&Training", lambda w: w.lab.reset(),
           "A fresh network with the same seed"),
    Action("pin_run", "P&in run for comparison", "Ctrl+I", "&Training", lambda w: w.lab.pin(),
           "Keep this run's curves as a ghost", separator_before=True),
    # Help
    Action("shortcuts", "&Keyboard shortcuts", Key.HelpContents, "&Help", lambda w: w.show_shortcuts(),
           "Every shortcut and the presentation clicker's keys"),
    Action("show_log_folder", "Show &log folder", None, "&Help", lambda w: w.show_log_folder(),
           "Open the folder with the log of warnings and errors (and the autosaved work)"),
    Action("about", "&About Activation Explorer", None, "&Help", lambda w: w.show_about(), "Version and licence",
           separator_before=True),
)


#: The toolbars: action ids in order; "|" is a separator and "fields" the View toolbar's
#: z-range and probe boxes. Training has no toolbar: the Network Lab panel has those
#: buttons, and a second set overflowed the toolbar on a laptop screen.
TOOLBARS = {
    "View": ("reset_view", "fields", "|", "export_png", "export_svg", "export_csv"),
}


def build_actions(window: QWidget) -> dict[str, QAction]:
    """One QAction per declaration, triggered into its handler with ``window``."""
    actions = {}
    for spec in ACTIONS:
        action = QAction(spec.text, window)
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.button:
            action.setIconText(spec.button)
        action.setStatusTip(spec.tip)
        action.setToolTip(spec.tip)
        action.setCheckable(spec.checkable)
        action.triggered.connect(lambda _checked=False, run=spec.handler: run(window))
        window.addAction(action)  # shortcuts work even when the menu bar is hidden
        actions[spec.id] = action
    return actions


def shortcut_rows() -> list[tuple[str, str]]:
    """(keys, what they do) for every declared action that has a shortcut."""
    rows = []
    for spec in ACTIONS:
        if spec.shortcut is not None:
            keys = QKeySequence(spec.shortcut).toString(QKeySequence.NativeText)
            if keys:
                rows.append((keys, spec.text.replace("&", "").rstrip("…")))
    return rows


def shortcut_text(action_id: str) -> str:
    """The keys of a declared action, as the platform writes them ("Ctrl+T")."""
    spec = next(spec for spec in ACTIONS if spec.id == action_id)
    return QKeySequence(spec.shortcut).toString(QKeySequence.NativeText) if spec.shortcut else ""
