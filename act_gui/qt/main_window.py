"""The Function Explorer window: function list and details docked, plots in the centre."""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QActionGroup, QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (QApplication, QDockWidget, QLabel, QMainWindow, QMessageBox, QScrollArea,
                               QSplitter, QStackedWidget, QVBoxLayout, QWidget)

from act_gui import __version__
from act_gui.core import activations
from act_gui.core.files.reading import shorten
from act_gui.core.lab import LabConfig
from act_gui.core.classroom.lessons import builtin_lessons
from act_gui.qt import settings as stored
from act_gui.qt.actions import build_actions
from act_gui.qt.autosave import Autosave
from act_gui.qt.explorer.details_panel import DetailsPanel
from act_gui.qt.error_log import log_folder
from act_gui.qt.explorer.plots import ExplorerPlots
from act_gui.qt.explorer.state import ExplorerState
from act_gui.qt.explorer.function_panel import FunctionPanel
from act_gui.qt.lab.controller import LabController
from act_gui.qt.lab.controls import LabControls
from act_gui.qt.lab.plots import LabPlots
from act_gui.qt.classroom.lesson_bar import LessonBar
from act_gui.qt.classroom.lesson_player import LessonPlayer
from act_gui.qt.lab.network_view import NetworkView
from act_gui.qt.placeholder import FirstPaintPlaceholder
from act_gui.qt.presentation import PresentationMode
from act_gui.qt.explorer.readout import status_text
from act_gui.qt.sessions import SessionManager
from act_gui.qt.classroom.sweep_view import SweepView
from act_gui.qt.style import THEMES, apply_to_application
from act_gui.qt.ui_scale import SCALES, apply_scale
from act_gui.qt.explorer.view_controls import ViewControls
from act_gui.qt.files import FileCommands
from act_gui.qt.window_lab_link import LabLink
from act_gui.qt.classroom.zigzag_view import ZigzagView

DEFAULT_SIZE = (1600, 960)
DOCK_WIDTH = 340
LAB_DOCK_WIDTH = 330
COMPACT_WIDTH = 1500  # narrower windows (laptops) get the compact dock layout
COMPACT_DOCK_WIDTH = 330
MESSAGE_MS = 8000


class MainWindow(FileCommands, LabLink, QMainWindow):
    def __init__(self, settings: QSettings, theme: str | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.persist = True  # off for one-shot runs such as --screenshot
        self.interactive = True  # off too: no dialogs then, messages go to stderr
        self.setWindowTitle("Activation Explorer")
        self.setObjectName("MainWindow")
        self.state = ExplorerState(self)
        self.theme = THEMES[theme or stored.read_theme(settings)]
        startup_problems = self._restore_state()

        self.plots = ExplorerPlots(self.state, self.theme)
        self.lab = LabController(self._restore_lab_config(startup_problems), parent=self)
        self.network_view = NetworkView(self.lab, self.theme)
        self._lab_plots: LabPlots | None = None  # built once the window is on screen
        self.lab_controls = LabControls(self.lab)
        self.lessons = LessonPlayer(self)
        self.lesson_bar = LessonBar(self.lessons)
        self.presentation = PresentationMode(self)
        self.lesson_bar.save_step_button.clicked.connect(lambda: self.save_state_as_step())
        self.lessons.step_changed.connect(self._update_title)
        self.ui_scale = 1.0
        self.antialias = False
        self._zigzag_view: ZigzagView | None = None  # lesson views, built when first shown
        self._sweep_view: SweepView | None = None
        self.setCentralWidget(self._central_area())
        self.function_panel = FunctionPanel(self.state, self.theme)
        self.details_panel = DetailsPanel(self.state)
        self.view_controls = ViewControls(self.state)
        self.function_dock = self._dock("Functions", self.function_panel)
        self.details_dock = self._dock("Current function", self._scrolling(self.details_panel))
        self.lab_dock = self._dock("Network Lab", self._scrolling(self.lab_controls), Qt.RightDockWidgetArea)
        self.readout = QLabel()
        self.statusBar().addPermanentWidget(self.readout, 1)

        self.sessions = SessionManager(self.state, self.lab, settings, self)
        self.autosave = Autosave(self.sessions.save, self.sessions.open, settings, self)
        self.autosave.problem.connect(self.show_message)
        self.open_lesson_file = self.start_lesson
        self.setAcceptDrops(True)
        self.actions = build_actions(self, self._handlers())
        self._build_menus_and_toolbar()
        self._restore_geometry()
        self.set_theme(self.theme.name)
        self.actions["autosave"].setChecked(self.autosave.enabled)

        self.plots.hover_changed.connect(self._on_hover_changed)
        self.view_controls.problem.connect(self.show_message)
        self.lab_controls.problem.connect(self.show_message)
        self.lab.run_reset.connect(self.show_message)
        self.lab.unit_picked.connect(self._on_unit_picked)
        self.lab.selection_changed.connect(self._update_histogram)
        self.state.z_range_changed.connect(self._update_histogram)  # bins span the view
        self.lab.stats_changed.connect(lambda _stats: self._update_histogram())
        for signal in (self.state.probe_changed, self.state.params_changed,
                       self.state.current_changed, self.state.overlays_changed):
            signal.connect(self._on_readout_changed)
        self._on_readout_changed()
        if startup_problems:
            self.show_message("Some saved settings were ignored: " + "; ".join(startup_problems) + ".")

    # --- construction --------------------------------------------------------------------
    def _dock(self, title: str, widget, area=Qt.LeftDockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title.replace(" ", "") + "Dock")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable
                         | QDockWidget.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    def _central_area(self) -> QSplitter:
        """Explorer plots on the left; the network and its training plots on the right."""
        lab = QSplitter(Qt.Vertical)
        lab.addWidget(self.network_view)
        lab.addWidget(FirstPaintPlaceholder("Preparing the training plots…", lambda: self.lab_plots))
        lab.setSizes([400, 500])
        self.lab_splitter = lab
        self.view_stack = QStackedWidget()  # which view is in front: network, contours, sweep
        self.view_stack.addWidget(lab)
        central = QSplitter(Qt.Horizontal)
        central.addWidget(self.plots)
        central.addWidget(self.view_stack)
        central.setSizes([500, 700])
        central.setObjectName("CentralSplitter")
        self.central_splitter = central
        area = QWidget()
        layout = QVBoxLayout(area)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.lesson_bar)
        layout.addWidget(central, 1)
        return area

    # --- views in front ------------------------------------------------------------------
    @property
    def zigzag_view(self) -> ZigzagView:
        if self._zigzag_view is None:
            self._add_view("_zigzag_view", ZigzagView(self.theme))
        return self._zigzag_view

    @property
    def sweep_view(self) -> SweepView:
        if self._sweep_view is None:
            self._add_view("_sweep_view", SweepView(self.theme))
        return self._sweep_view

    def _add_view(self, attribute: str, view) -> None:
        """A lesson view built on first use joins the stack at the current UI scale."""
        setattr(self, attribute, view)  # first, so apply_scale finds it
        self.view_stack.addWidget(view)
        if self.ui_scale != 1.0:
            apply_scale(self, self.ui_scale)

    def show_view(self, name: str) -> None:
        """Bring the network ("network"), the zig-zag contours or the sweep to the front."""
        widget = {"network": lambda: self.lab_splitter, "contours": lambda: self.zigzag_view,
                  "sweep": lambda: self.sweep_view}[name]()
        self.view_stack.setCurrentWidget(widget)

    def current_view(self) -> str:
        current = self.view_stack.currentWidget()
        return "contours" if current is self._zigzag_view else "sweep" if current is self._sweep_view else "network"

    def docks(self) -> list[QDockWidget]:
        return [self.function_dock, self.details_dock, self.lab_dock]

    def toolbars(self) -> list:
        return [self.view_toolbar, self.training_toolbar]

    # --- lessons and presentation ------------------------------------------------------
    def _update_title(self) -> None:
        lesson = self.lessons.lesson
        where = f" — {lesson.title} (step {self.lessons.index + 1} of {len(lesson.steps)})" if lesson else ""
        self.setWindowTitle("Activation Explorer" + where)

    def set_antialias(self, on: bool) -> None:
        self.antialias = on
        self.plots.set_antialias(on)
        if self._lab_plots is not None:
            self._lab_plots.set_antialias(on)

    def set_ui_scale(self, scale: float) -> None:
        apply_scale(self, scale)
        self.ui_scale = scale
        for value, action in self.scale_actions.items():
            action.setChecked(value == scale)

    @staticmethod
    def _scrolling(widget) -> QScrollArea:
        area = QScrollArea()
        area.setWidget(widget)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.NoFrame)
        return area

    def _handlers(self) -> dict:
        step = lambda delta: lambda: self.select_relative(delta)  # noqa: E731
        return {
            "export_png": lambda: self.export_plots("png"),
            "export_svg": lambda: self.export_plots("svg"),
            "export_csv": lambda: self.export_plots("csv"),
            "export_training_png": lambda: self.export_plots("training_png"),
            "export_training_svg": lambda: self.export_plots("training_svg"),
            "export_window_png": lambda: self.export_plots("window_png"),
            "export_window_svg": lambda: self.export_plots("window_svg"),
            "export_history_csv": lambda: self.export_plots("history_csv"),
            "open": self.open_file,
            "save": self.save_session,
            "save_as": lambda: self._save_as(),
            "autosave": lambda: self.autosave.set_enabled(self.actions["autosave"].isChecked()),
            "quit": self.close,
            "reset_view": self.state.reset_z_range,
            "zoom_in": lambda: self.zoom(0.5),
            "zoom_out": lambda: self.zoom(2.0),
            "theme_light": lambda: self.set_theme("light"),
            "theme_dark": lambda: self.set_theme("dark"),
            "full_screen": self.toggle_full_screen,
            "find": self._focus_filter,
            "next_function": step(1),
            "previous_function": step(-1),
            "reset_params": lambda: self.state.reset_params(self.state.current),
            "clear_overlays": self.state.clear_overlays,
            "about": self._show_about,
            "show_log_folder": self._show_log_folder,
            "present": lambda: self.presentation.stop() if self.presentation.active else self.presentation.start(),
            "theme_high_contrast": lambda: self.set_theme("high_contrast"),
            "save_step": lambda: self.save_state_as_step(),
            "show_network": lambda: self.show_view("network"),
            "play_pause": self.lab.toggle_play,
            "train_step": lambda: self.lab.step(1),
            "train_reset": self.lab.reset,
            "pin_run": self.lab.pin,
        }

    def _build_menus_and_toolbar(self) -> None:
        a = self.actions
        menus = (("&File", ["open", "save", "save_as", None, "save_step", None, "autosave", None, "export_png", "export_svg",
                            "export_csv", "export_training_png", "export_training_svg", "export_window_png",
                            "export_window_svg", "export_history_csv", None, "quit"]),
                 ("&View", ["reset_view", "zoom_in", "zoom_out", None, "theme_light", "theme_dark",
                            "theme_high_contrast", None, "present", "full_screen", None, "show_network"]),
                 ("F&unctions", ["find", "next_function", "previous_function", None,
                                 "reset_params", "clear_overlays"]),
                 ("&Training", ["play_pause", "train_step", "train_reset", None, "pin_run"]),
                 ("&Help", ["show_log_folder", None, "about"]))
        for title, names in menus:
            menu = self.menuBar().addMenu(title)
            if title == "&File":
                self.recent_menu = menu.addMenu("Open &recent")
                self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
                self._fill_recent_menu()
            for name in names:
                menu.addSeparator() if name is None else menu.addAction(a[name])
            if title == "&View":
                scale_menu = menu.addMenu("UI &scale")
                self.scale_actions = {}
                scales = QActionGroup(self)
                for value in SCALES:
                    action = scale_menu.addAction(f"{value:.0%}", lambda v=value: self.set_ui_scale(v))
                    action.setCheckable(True)
                    action.setChecked(value == 1.0)
                    scales.addAction(action)
                    self.scale_actions[value] = action
                menu.addSeparator()
                for dock in (self.function_dock, self.details_dock, self.lab_dock):
                    menu.addAction(dock.toggleViewAction())
            if title == "&Training":
                lessons_menu = self.menuBar().addMenu("&Lessons")
                for lesson in builtin_lessons():
                    lessons_menu.addAction(lesson.title, lambda i=lesson.id: self.start_lesson(i))
        themes = QActionGroup(self)
        for name in ("theme_light", "theme_dark", "theme_high_contrast"):
            themes.addAction(a[name])
        toolbar = self.addToolBar("View")
        toolbar.setObjectName("ViewToolbar")
        toolbar.addAction(a["reset_view"])
        toolbar.addWidget(self.view_controls)
        toolbar.addSeparator()
        for name in ("export_png", "export_svg", "export_csv"):
            toolbar.addAction(a[name])
        self.view_toolbar = toolbar
        training = self.addToolBar("Training")
        training.setObjectName("TrainingToolbar")
        for name in ("train_step", "play_pause", "train_reset", "pin_run"):
            training.addAction(a[name])
        a["play_pause"].setCheckable(True)
        self.lab.playing_changed.connect(a["play_pause"].setChecked)
        self.training_toolbar = training

    # --- commands --------------------------------------------------------------------
    def set_theme(self, name: str) -> None:
        self.theme = THEMES[name]
        apply_to_application(QApplication.instance(), self.theme)
        self.plots.set_theme(self.theme)
        self.function_panel.set_theme(self.theme)
        self.network_view.set_theme(self.theme)
        for view in (self._lab_plots, self._zigzag_view, self._sweep_view):
            if view is not None:
                view.set_theme(self.theme)
        self.actions[f"theme_{name}"].setChecked(True)

    def zoom(self, factor: float) -> None:
        lo, hi = self.state.z_range
        centre, half = (lo + hi) / 2, (hi - lo) / 2 * factor
        try:
            self.state.set_z_range(centre - half, centre + half)
        except ValueError as error:
            self.show_message(f"Cannot zoom further: {error}.")

    def select_relative(self, delta: int) -> None:
        """Make the next (or previous) function in the filtered list current."""
        ids = self.function_panel.visible_ids() or activations.ids()
        here = ids.index(self.state.current) if self.state.current in ids else -1
        self.state.set_current(ids[(here + delta) % len(ids)])

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()
        self.actions["full_screen"].setChecked(self.isFullScreen())

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, MESSAGE_MS)

    def _focus_filter(self) -> None:
        self.function_dock.show()
        self.function_panel.filter.setFocus()
        self.function_panel.filter.selectAll()

    def _show_about(self) -> None:
        QMessageBox.about(self, "About Activation Explorer",
                          f"<b>Activation Explorer {__version__}</b><br>See activation functions, "
                          "their gradients, and the units they drive.<br>MIT licence.")

    def _show_log_folder(self) -> None:
        folder = log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.show_message(f"The log folder is {folder}")

    # --- readout -------------------------------------------------------------------------
    def _on_readout_changed(self, *_args) -> None:
        # The plots computed these while drawing the probe (they are connected first).
        self.readout.setText(status_text(self.plots.probe_readings))

    def _on_hover_changed(self, z) -> None:
        if z is None:
            self._on_readout_changed()
        else:
            self.readout.setText(status_text(self.plots.readings(z), prefix="Mouse"))

    # --- settings --------------------------------------------------------------------
    def _restore_state(self) -> list[str]:
        data, problems = stored.read_state(self.settings)
        if data is not None:
            problems += self.state.from_dict(data)
        return problems

    def _restore_lab_config(self, problems: list[str]) -> LabConfig:
        data, read_problems = stored.read_json(self.settings, "lab/config")
        problems += read_problems
        if data is None:
            return LabConfig()
        try:
            return LabConfig.from_dict(data)
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as error:
            problems.append(f"Network Lab: {shorten(str(error), 120)}")
            return LabConfig()

    def _restore_geometry(self) -> None:
        geometry = stored.read_bytes(self.settings, "window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        dock_state = stored.read_bytes(self.settings, "window/state")
        self._layout_restored = dock_state is not None and self.restoreState(dock_state)

    @property
    def lab_plots(self) -> LabPlots:
        """The training plots, built on first use.

        Their four plots are the costliest widgets of the window, so the first paint does
        not wait for them: a placeholder stands in their place and asks for them once it
        has been painted (a tenth of a second later).
        """
        if self._lab_plots is None:
            self._lab_plots = LabPlots(self.lab, self.theme)
            self.lab_splitter.replaceWidget(1, self._lab_plots).deleteLater()
            if self.ui_scale != 1.0:
                apply_scale(self, self.ui_scale)
            if self.antialias:
                self._lab_plots.set_antialias(True)
        return self._lab_plots

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not self._layout_restored:  # first run: lay the docks out for this screen
            self._layout_restored = True
            self.arrange_docks(compact=self.width() < COMPACT_WIDTH)

    def arrange_docks(self, compact: bool) -> None:
        """Side by side on a wide screen; on a laptop all three docks share the left side
        as tabs, so the plots and the network keep enough room (the Training toolbar
        still offers Step and Play)."""
        if compact:
            self.addDockWidget(Qt.LeftDockWidgetArea, self.lab_dock)
            self.tabifyDockWidget(self.function_dock, self.details_dock)
            self.tabifyDockWidget(self.details_dock, self.lab_dock)
            self.lab_dock.raise_()
            self.resizeDocks([self.function_dock], [COMPACT_DOCK_WIDTH], Qt.Horizontal)
        else:
            self.resizeDocks([self.function_dock, self.lab_dock], [DOCK_WIDTH, LAB_DOCK_WIDTH], Qt.Horizontal)
        side = self.width() - (COMPACT_DOCK_WIDTH if compact else DOCK_WIDTH + LAB_DOCK_WIDTH)
        self.central_splitter.setSizes([int(side * 0.42), int(side * 0.58)])

    def save_settings(self) -> None:
        stored.write_state(self.settings, self.state.to_dict())
        self.settings.setValue("lab/config", json.dumps(self.lab.config.to_dict()))
        self.settings.setValue("view/theme", self.theme.name)
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()

    def cancel_background_work(self) -> None:
        """Stop and join every worker thread (the learning-rate sweep) within ~0.1 s."""
        if self._sweep_view is not None:
            self._sweep_view.cancel()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.cancel_background_work()  # before anything goes away
        if self.persist:
            self.save_settings()
            self.autosave.save()
        self.autosave.stop()
        super().closeEvent(event)
