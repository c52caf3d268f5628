"""Every menu item and shortcut, declared in one table and looked up by name.

Standard key sequences (``QKeySequence.StandardKey``) are used where Qt has one, so
shortcuts follow each platform's conventions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    shortcut: QKeySequence.StandardKey | str | None
    tip: str
    checkable: bool = False


SPECS = (
    ActionSpec("open", "&Open…", Key.Open, "Open a session (.actx) or a lesson (.json)"),
    ActionSpec("save", "&Save session", Key.Save, "Save everything, trained weights included"),
    ActionSpec("save_as", "Save session &as…", Key.SaveAs, "Save everything to a new file"),
    ActionSpec("autosave", "Auto&save and restore my work", None,
               "Save the working state every minute and on exit, and reopen it next time", checkable=True),
    ActionSpec("export_training_png", "Export training plots as PNG…", None, "Save the four training plots"),
    ActionSpec("export_training_svg", "Export training plots as SVG…", None, "Save the four training plots"),
    ActionSpec("export_window_png", "Export &window as PNG…", None, "Save the whole window, sized for a slide"),
    ActionSpec("export_window_svg", "Export window as SVG…", None, "Save the whole window as vector graphics"),
    ActionSpec("export_history_csv", "Export training &history as CSV…", None,
               "Save step, losses, dead and saturated shares and gradient norms"),
    ActionSpec("export_png", "Export plots as &PNG…", "Ctrl+E", "Save both plots as a PNG image"),
    ActionSpec("export_svg", "Export plots as S&VG…", "Ctrl+Shift+E", "Save both plots as scalable vector graphics"),
    ActionSpec("export_csv", "Export curve &data as CSV…", "Ctrl+Shift+C", "Save z, f(z) and f′(z) of every shown function"),
    ActionSpec("quit", "&Quit", Key.Quit, "Close Activation Explorer"),
    ActionSpec("reset_view", "&Reset view", "Ctrl+0", "Back to the default z-range −6 … 6"),
    ActionSpec("zoom_in", "Zoom &in", Key.ZoomIn, "Halve the plotted z-range"),
    ActionSpec("zoom_out", "Zoom &out", Key.ZoomOut, "Double the plotted z-range"),
    ActionSpec("theme_light", "&Light theme", None, "Dark curves on white", checkable=True),
    ActionSpec("theme_dark", "&Dark theme", None, "Light curves on black", checkable=True),
    ActionSpec("full_screen", "&Full screen", "F11", "Fill the screen with the window", checkable=True),
    ActionSpec("present", "&Presentation mode", "F5",
               "Full screen, lesson bar, big type; clicker keys step through the lesson; Esc leaves"),
    ActionSpec("theme_high_contrast", "&High-contrast theme", None, "White on black, strong colours",
               checkable=True),
    ActionSpec("save_step", "Save current state as a lesson &step…", None,
               "Add what the window shows now to a lesson file of your own"),
    ActionSpec("show_network", "Show the &network", None, "Bring the network and its training plots to the front"),
    ActionSpec("find", "&Filter functions", Key.Find, "Jump to the filter box"),
    ActionSpec("next_function", "&Next function", "Alt+Down", "Make the next function in the list current"),
    ActionSpec("previous_function", "&Previous function", "Alt+Up", "Make the previous function in the list current"),
    ActionSpec("reset_params", "Reset &parameters", "Ctrl+R", "Put the current function's parameters back to their defaults"),
    ActionSpec("clear_overlays", "&Clear overlays", "Ctrl+Shift+X", "Untick every overlaid function"),
    ActionSpec("about", "&About Activation Explorer", None, "Version and licence"),
    ActionSpec("show_log_folder", "Show &log folder", None,
               "Open the folder with the log of warnings and errors (and the autosaved work)"),
    ActionSpec("play_pause", "&Play / pause training", "Ctrl+Space", "Train continuously, or stop"),
    ActionSpec("train_step", "&Step", "Ctrl+T", "One gradient-descent step"),
    ActionSpec("train_reset", "&Reset training", "Ctrl+Shift+R", "A fresh network with the same seed"),
    ActionSpec("pin_run", "P&in run for comparison", "Ctrl+I", "Keep this run's curves as a ghost"),
)


def build_actions(parent: QWidget, handlers: dict[str, Callable]) -> dict[str, QAction]:
    """One QAction per spec, triggered into ``handlers[name]``; every name must have one."""
    actions = {}
    for spec in SPECS:
        action = QAction(spec.text, parent)
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        action.setStatusTip(spec.tip)
        action.setToolTip(spec.tip)
        action.setCheckable(spec.checkable)
        handler = handlers[spec.name]
        action.triggered.connect(lambda _checked=False, run=handler: run())
        parent.addAction(action)  # shortcuts work even when the menu bar is hidden
        actions[spec.name] = action
    return actions
