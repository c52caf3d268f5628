"""The Function Explorer window: function list and details docked, plots in the centre."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QActionGroup, QCloseEvent
from PySide6.QtWidgets import (QApplication, QDockWidget, QFileDialog, QLabel, QMainWindow,
                               QMessageBox, QScrollArea)

from act_gui import __version__
from act_gui.core import activations
from act_gui.qt import export, settings as stored
from act_gui.qt.actions import build_actions
from act_gui.qt.details_panel import DetailsPanel
from act_gui.qt.explorer_plots import ExplorerPlots
from act_gui.qt.explorer_state import ExplorerState
from act_gui.qt.function_panel import FunctionPanel
from act_gui.qt.readout import status_text
from act_gui.qt.theme import THEMES, apply_to_application
from act_gui.qt.view_controls import ViewControls

DEFAULT_SIZE = (1440, 900)
DOCK_WIDTH = 360
MESSAGE_MS = 8000


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings, theme: str | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.persist = True  # off for one-shot runs such as --screenshot
        self.setWindowTitle("Activation Explorer")
        self.setObjectName("MainWindow")
        self.state = ExplorerState(self)
        self.theme = THEMES[theme or stored.read_theme(settings)]
        startup_problems = self._restore_state()

        self.plots = ExplorerPlots(self.state, self.theme)
        self.setCentralWidget(self.plots)
        self.function_panel = FunctionPanel(self.state, self.theme)
        self.details_panel = DetailsPanel(self.state)
        self.view_controls = ViewControls(self.state)
        self.function_dock = self._dock("Functions", self.function_panel)
        self.details_dock = self._dock("Current function", self._scrolling(self.details_panel))
        self.readout = QLabel()
        self.statusBar().addPermanentWidget(self.readout, 1)

        self.actions = build_actions(self, self._handlers())
        self._build_menus_and_toolbar()
        self._restore_geometry()
        self.set_theme(self.theme.name)

        self.plots.hover_changed.connect(self._on_hover_changed)
        self.view_controls.problem.connect(self.show_message)
        for signal in (self.state.probe_changed, self.state.params_changed,
                       self.state.current_changed, self.state.overlays_changed):
            signal.connect(self._on_readout_changed)
        self._on_readout_changed()
        if startup_problems:
            self.show_message("Some saved settings were ignored: " + "; ".join(startup_problems) + ".")

    # --- construction --------------------------------------------------------------------
    def _dock(self, title: str, widget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title.replace(" ", "") + "Dock")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable
                         | QDockWidget.DockWidgetClosable)
        self.addDockWidget(Qt.LeftDockWidgetArea, dock)
        return dock

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
        }

    def _build_menus_and_toolbar(self) -> None:
        a = self.actions
        menus = (("&File", ["export_png", "export_svg", "export_csv", None, "quit"]),
                 ("&View", ["reset_view", "zoom_in", "zoom_out", None, "theme_light", "theme_dark",
                            None, "full_screen"]),
                 ("F&unctions", ["find", "next_function", "previous_function", None,
                                 "reset_params", "clear_overlays"]),
                 ("&Help", ["about"]))
        for title, names in menus:
            menu = self.menuBar().addMenu(title)
            for name in names:
                menu.addSeparator() if name is None else menu.addAction(a[name])
            if title == "&View":
                menu.addSeparator()
                menu.addAction(self.function_dock.toggleViewAction())
                menu.addAction(self.details_dock.toggleViewAction())
        themes = QActionGroup(self)
        for name in ("theme_light", "theme_dark"):
            themes.addAction(a[name])
        toolbar = self.addToolBar("View")
        toolbar.setObjectName("ViewToolbar")
        toolbar.addAction(a["reset_view"])
        toolbar.addWidget(self.view_controls)
        toolbar.addSeparator()
        for name in ("export_png", "export_svg", "export_csv"):
            toolbar.addAction(a[name])
        self.view_toolbar = toolbar

    # --- commands --------------------------------------------------------------------
    def set_theme(self, name: str) -> None:
        self.theme = THEMES[name]
        apply_to_application(QApplication.instance(), self.theme)
        self.plots.set_theme(self.theme)
        self.function_panel.set_theme(self.theme)
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

    def export_plots(self, kind: str, path: str | None = None) -> bool:
        """Write the plots (png/svg) or the curve data (csv); ask for a path if none given."""
        if path is None:
            filters = {"png": "PNG image (*.png)", "svg": "SVG image (*.svg)", "csv": "CSV data (*.csv)"}
            path, _ = QFileDialog.getSaveFileName(self, "Export", f"activations.{kind}", filters[kind])
            if not path:
                return False
        writer = {"png": export.export_png, "svg": export.export_svg, "csv": export.export_csv}[kind]
        try:
            writer(self.plots, path)
        except (OSError, ValueError) as error:
            self.show_message(f"Export failed: {error}")
            return False
        self.show_message(f"Exported {Path(path).name}")
        return True

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

    # --- readout -------------------------------------------------------------------------
    def _on_readout_changed(self, *_args) -> None:
        self.readout.setText(status_text(self.plots.readings(self.state.probe)))

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

    def _restore_geometry(self) -> None:
        geometry = stored.read_bytes(self.settings, "window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
            self.resizeDocks([self.function_dock], [DOCK_WIDTH], Qt.Horizontal)
        dock_state = stored.read_bytes(self.settings, "window/state")
        if dock_state is not None:
            self.restoreState(dock_state)

    def save_settings(self) -> None:
        stored.write_state(self.settings, self.state.to_dict())
        self.settings.setValue("view/theme", self.theme.name)
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.persist:
            self.save_settings()
        super().closeEvent(event)
