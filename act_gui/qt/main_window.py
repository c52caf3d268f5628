"""The main window: assembly only.

It builds the models (the Explorer's state, the Lab's controller), the views that show
them (each given its models and the theme, never the window), the commands (declared
in ``qt.actions``) and the file commands, and wires them together. What a feature does
lives in its own package; the window keeps one list of views and tells each of them
when the theme, the UI scale or the antialiasing changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from act_gui import __version__
from act_gui.core import activations
from act_gui.qt.storage import settings as stored
from act_gui.qt.actions import build_actions, shortcut_rows
from act_gui.qt.blas import one_blas_thread
from act_gui.qt.storage.autosave import Autosave
from act_gui.qt.classroom.lesson_bar import LessonBar
from act_gui.qt.classroom.lesson_player import LessonPlayer
from act_gui.qt.classroom.stage import LessonStage
from act_gui.qt.window.docks import arrange_docks, fit_to_screen, make_dock, wants_compact
from act_gui.qt.storage.error_log import log_folder
from act_gui.qt.explorer.details_panel import DetailsPanel
from act_gui.qt.explorer.function_panel import FunctionPanel
from act_gui.qt.explorer.plots import ExplorerPlots
from act_gui.qt.explorer.readout import status_text
from act_gui.qt.explorer.state import ExplorerState
from act_gui.qt.explorer.view_controls import ViewControls
from act_gui.qt.files import FileCommands
from act_gui.qt.lab.controller import LabController
from act_gui.qt.lab.controls import LabControls
from act_gui.qt.lab.network_view import NetworkView
from act_gui.qt.window.links import UnitInspector
from act_gui.qt.window.menus import build_menus, build_toolbars
from act_gui.qt.widgets.elided_label import ElidedLabel
from act_gui.qt.widgets.placeholder import FirstPaintPlaceholder
from act_gui.qt.window.presentation import PresentationMode
from act_gui.qt.storage.sessions import SessionManager
from act_gui.qt.style import THEMES, View, apply_to_application, apply_ui_font, check_scale

if TYPE_CHECKING:
    from act_gui.qt.lab.plots import LabPlots

DEFAULT_SIZE = (1600, 960)
MESSAGE_MS = 8000


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings, theme: str | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.persist = True  # off for one-shot runs such as --screenshot
        self.setWindowTitle("Activation Explorer")
        self.setObjectName("MainWindow")
        self.theme = THEMES[theme or stored.read_theme(settings)]
        self.ui_scale, self.antialias = 1.0, False
        self.compact = False  # the laptop layout: all three docks as tabs on the left
        self.sized_by_user = False  # --size: render that size whatever the screen (screenshots)
        apply_ui_font(QApplication.instance(), self.ui_scale)  # the base size all scales grow from
        problems: list[str] = []
        self.state = ExplorerState(self)
        for act in stored.read_functions(settings, problems):  # before the state that may name them
            self.state.add_function(act)
        self._restore_explorer(problems)
        self.lab = LabController(stored.read_lab_config(settings, problems), parent=self)
        self._build_views()
        self.inspector = UnitInspector(self.lab, self.state, self.plots)
        self.sessions = SessionManager(self.state, self.lab, settings, self)
        self.autosave = Autosave(self._autosave_to, self.sessions.open, settings, self)
        self.files = FileCommands(self, self.sessions, self.lessons, self.plots, self.lab,
                                  lambda: self.lab_plots, self.stage.stop)
        self.presentation = PresentationMode(self)
        self.commands = build_actions(self)
        self.docks = [make_dock(self, "Functions", self.function_panel),
                      make_dock(self, "Current function", self.details_panel, scrolling=True),
                      make_dock(self, "Network Lab", self.lab_controls, Qt.RightDockWidgetArea, scrolling=True)]
        build_menus(self)
        self.toolbars = build_toolbars(self, self.view_controls)
        self.readout = ElidedLabel()
        self.statusBar().addPermanentWidget(self.readout, 1)
        self.setAcceptDrops(True)
        self._restore_geometry()
        self.set_theme(self.theme.name)
        scale = stored.read_ui_scale(settings, problems)
        if scale != self.ui_scale:
            self.set_ui_scale(scale)
        self._connect()
        if problems:
            self.show_message("Some saved settings were ignored: " + "; ".join(problems) + ".")

    # --- construction --------------------------------------------------------------------
    def _build_views(self) -> None:
        self.plots = ExplorerPlots(self.state, self.theme)
        self.function_panel = FunctionPanel(self.state, self.theme)
        self.details_panel = DetailsPanel(self.state)
        self.view_controls = ViewControls(self.state)
        self.network_view = NetworkView(self.lab, self.theme)
        self.lab_controls = LabControls(self.lab, self.theme)
        self._lab_plots: LabPlots | None = None  # built once the window is on screen
        self.lab_splitter = QSplitter(Qt.Vertical)
        self.lab_splitter.addWidget(self.network_view)
        self.lab_splitter.addWidget(FirstPaintPlaceholder("Preparing the training plots…", lambda: self.lab_plots))
        self.lab_splitter.setSizes([400, 500])
        self.stage = LessonStage(self.lab_splitter, self.theme)
        self.lessons = LessonPlayer(self.state, self.lab, self.stage)
        self.lesson_bar = LessonBar(self.lessons)
        self.views: list[View] = [self.plots, self.function_panel, self.details_panel, self.view_controls,
                                  self.network_view, self.lab_controls, self.stage, self.lesson_bar]
        self.central_splitter = QSplitter(Qt.Horizontal)
        self.central_splitter.setObjectName("CentralSplitter")
        self.central_splitter.addWidget(self.plots)
        self.central_splitter.addWidget(self.stage)
        self.central_splitter.setSizes([500, 700])
        area = QWidget()
        layout = QVBoxLayout(area)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.lesson_bar)
        layout.addWidget(self.central_splitter, 1)
        self.setCentralWidget(area)

    def _connect(self) -> None:
        self.commands["autosave"].setChecked(self.autosave.enabled)
        self.lab.playing_changed.connect(self.commands["play_pause"].setChecked)
        self.lesson_bar.save_step_button.clicked.connect(lambda: self.files.save_state_as_step())
        self.lessons.step_changed.connect(self._update_title)
        for source in (self.autosave.problem, self.files.message, self.lessons.message,
                       self.view_controls.problem, self.lab_controls.problem, self.lab.run_reset):
            source.connect(self.show_message)
        self.plots.hover_changed.connect(self._on_hover_changed)
        self.state.functions_changed.connect(self.lab_controls.refresh_functions)
        self.state.users.append(lambda act_id: "the Network Lab's network uses it; choose another activation "
                                "there first" if act_id in self.lab.config.activations() else None)
        for signal in (self.state.probe_changed, self.state.params_changed,
                       self.state.current_changed, self.state.overlays_changed):
            signal.connect(self._on_readout_changed)
        self._on_readout_changed()

    @property
    def lab_plots(self) -> LabPlots:
        """The training plots, built on first use.

        Their four plots are the costliest widgets of the window, so the first paint does
        not wait for them: a placeholder stands in their place and asks for them once it
        has been painted (a tenth of a second later).
        """
        if self._lab_plots is None:
            # Before the first heavy numpy call (the decision surface, then training), and
            # after the first paint, which need not wait the ~10 ms it takes.
            one_blas_thread()
            from act_gui.qt.lab.plots import LabPlots  # (its import too waits for the first paint)

            self._lab_plots = LabPlots(self.lab, self.theme)
            self.lab_splitter.replaceWidget(1, self._lab_plots).deleteLater()
            self.views.append(self._lab_plots)
            self._lab_plots.set_scale(self.ui_scale)
            self._lab_plots.set_antialias(self.antialias)
        return self._lab_plots

    @property
    def interactive(self) -> bool:
        """False in one-shot runs (--screenshot): no dialogs, messages go to stderr."""
        return self.files.interactive

    @interactive.setter
    def interactive(self, on: bool) -> None:
        self.files.interactive = on

    # --- the look: one list of views --------------------------------------------------------
    def set_theme(self, name: str) -> None:
        self.theme = THEMES[name]
        apply_to_application(QApplication.instance(), self.theme)
        for view in self.views:
            view.set_theme(self.theme)
        self.commands[f"theme_{name}"].setChecked(True)

    def set_ui_scale(self, scale: float) -> None:
        apply_ui_font(QApplication.instance(), check_scale(scale))
        self.ui_scale = scale
        for view in self.views:
            view.set_scale(scale)
        for value, action in self.scale_actions.items():
            action.setChecked(value == scale)

    def set_antialias(self, on: bool) -> None:
        self.antialias = on
        for view in self.views:
            view.set_antialias(on)

    def show_panels(self, panels) -> None:
        """Show only these of the central panels ("explorer", "network", "training"); a
        lesson view, when one is in front, counts as the network and the training plots."""
        self.plots.setVisible("explorer" in panels)
        self.network_view.setVisible("network" in panels)
        self.lab_splitter.widget(1).setVisible("training" in panels)
        self.stage.setVisible("network" in panels or "training" in panels)
        height = max(self.stage.height(), 100)
        network = 0.3 if "training" in panels else 1.0  # the four plots need the rows
        self.lab_splitter.setSizes([int(height * network), int(height * (1 - network))])
        if "explorer" in panels and self.stage.isVisible():
            width = self.central_splitter.width()
            self.central_splitter.setSizes([int(width * 0.4), int(width * 0.6)])

    # --- commands ----------------------------------------------------------------------------
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
        self.commands["full_screen"].setChecked(self.isFullScreen())

    def focus_filter(self) -> None:
        self.docks[0].show()
        self.function_panel.filter.setFocus()
        self.function_panel.filter.selectAll()

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, MESSAGE_MS)

    def show_about(self) -> None:
        QMessageBox.about(self, "About Activation Explorer",
                          f"<b>Activation Explorer {__version__}</b><br>See activation functions, "
                          "their gradients, and the units they drive.<br>MIT licence.")

    def show_shortcuts(self) -> None:
        rows = "".join(f"<tr><td><b>{keys}</b></td><td>{what}</td></tr>" for keys, what in shortcut_rows())
        clicker = ("<tr><td><b>PageDown, Right, Space</b></td><td>Next lesson step (presentation mode)</td></tr>"
                   "<tr><td><b>PageUp, Left, Backspace</b></td><td>Previous lesson step</td></tr>"
                   "<tr><td><b>B or .</b></td><td>Blank the screen; any key brings it back</td></tr>"
                   "<tr><td><b>Esc</b></td><td>Leave presentation mode</td></tr>")
        QMessageBox.information(self, "Keyboard shortcuts", f"<table cellspacing=4>{rows}{clicker}</table>")

    def show_log_folder(self) -> None:
        folder = log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.show_message(f"The log folder is {folder}")

    def _update_title(self) -> None:
        lesson = self.lessons.lesson
        where = f" — {lesson.title} (step {self.lessons.index + 1} of {len(lesson.steps)})" if lesson else ""
        self.setWindowTitle("Activation Explorer" + where)

    # --- readout -------------------------------------------------------------------------
    def _on_readout_changed(self, *_args) -> None:
        # The plots computed these while drawing the probe (they are connected first).
        self.readout.setText(status_text(self.plots.probe_readings))

    def _on_hover_changed(self, z) -> None:
        if z is None:
            self._on_readout_changed()
        else:
            self.readout.setText(status_text(self.plots.readings(z), prefix="Mouse"))

    def _autosave_to(self, path) -> None:
        """Autosave the user's own work: while a lesson is open, what the lesson set aside."""
        if self.lessons.kept is not None:
            model, run = self.lessons.kept
            self.sessions.save(path, model.to_dict(), run)
        else:
            self.sessions.save(path)

    # --- settings, geometry, closing -------------------------------------------------------
    def _restore_explorer(self, problems: list[str]) -> None:
        data, read_problems = stored.read_state(self.settings)
        problems += read_problems
        if data is not None:
            problems += self.state.from_dict(data)

    def _restore_geometry(self) -> None:
        geometry = stored.read_bytes(self.settings, "window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        fit_to_screen(self)  # a geometry from a bigger screen (or the default) is clamped
        dock_state = stored.read_bytes(self.settings, "window/state")
        self._layout_restored = dock_state is not None and self.restoreState(dock_state)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not self._layout_restored:  # first run: lay the docks out for this screen
            self._layout_restored = True
            if not self.sized_by_user:
                fit_to_screen(self)  # now that the window manager's frame is known
            self.arrange_docks(compact=wants_compact(self, self.sized_by_user))
            self.windowHandle().screenChanged.connect(self._on_screen_changed)

    def _on_screen_changed(self, _screen) -> None:
        """Moved to another screen: fit it, and switch layouts if it is much smaller or larger."""
        fit_to_screen(self)
        if wants_compact(self) != self.compact:
            self.arrange_docks(compact=wants_compact(self))

    def arrange_docks(self, compact: bool) -> None:
        self.compact = compact
        arrange_docks(self, self.docks, self.central_splitter, compact)

    def save_settings(self) -> None:
        stored.write_choices(self.settings, self.state.to_dict(), self.lab.config, self.theme.name,
                             self.presentation.user_scale)
        stored.write_functions(self.settings, self.state.custom_functions())
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if any(self.files.openable(url.toLocalFile()) for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        for url in event.mimeData().urls():
            if self.files.openable(url.toLocalFile()):
                self.files.open_file(url.toLocalFile())
                event.acceptProposedAction()
                return

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.stage.stop()  # background work ends before anything goes away
        if self.persist:
            self.save_settings()
            self.autosave.save()
        self.autosave.stop()
        super().closeEvent(event)
