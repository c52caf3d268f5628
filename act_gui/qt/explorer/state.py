"""The Function Explorer's state in the window: the core model plus change signals.

Views read it, connect to its signals and write user edits back through its setters,
which validate (through :mod:`act_gui.core.explorer`); nothing else holds a copy.
``to_dict``/``from_dict`` carry it through settings and session files as plain data.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from act_gui.core import activations, explorer
from act_gui.core.explorer import ExplorerModel


class ExplorerState(QObject):
    current_changed = Signal(str)
    overlays_changed = Signal()
    params_changed = Signal(str)  # the id whose parameters changed
    z_range_changed = Signal()
    probe_changed = Signal()
    functions_changed = Signal()  # the user's own functions were added, edited or deleted

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        default = ExplorerModel()
        self._current = default.current
        self._overlays: list[str] = list(default.overlays)
        self._params: dict[str, dict[str, float]] = {}
        self._z_range = default.z_range
        self._probe = default.probe
        self._slots: dict[str, int] = {}
        self._assign_slots()
        #: Callables act_id -> a reason it is in use elsewhere (the Network Lab), or None.
        self.users: list = []

    # --- reading ------------------------------------------------------------------------
    @property
    def current(self) -> str:
        return self._current

    @property
    def overlays(self) -> list[str]:
        return list(self._overlays)

    def shown(self) -> list[str]:
        """Ids on the plots: the current function first, then the overlays in order."""
        return [self._current] + [i for i in self._overlays if i != self._current]

    def params(self, act_id: str) -> dict[str, float]:
        """Full parameter set of ``act_id`` (defaults where the user changed nothing)."""
        return {**activations.get(act_id).defaults(), **self._params.get(act_id, {})}

    @property
    def z_range(self) -> tuple[float, float]:
        return self._z_range

    @property
    def probe(self) -> float:
        return self._probe

    def slot(self, act_id: str) -> int:
        """A colour slot that stays with a function for as long as it is shown."""
        return self._slots[act_id]

    # --- writing ------------------------------------------------------------------------
    def set_current(self, act_id: str) -> None:
        explorer.check_function(act_id)  # KeyError listing valid ids
        if act_id != self._current:
            self._current = act_id
            self._assign_slots()
            self.current_changed.emit(act_id)

    def set_overlaid(self, act_id: str, overlaid: bool) -> None:
        explorer.check_function(act_id)
        if overlaid == (act_id in self._overlays):
            return
        if overlaid:
            self._overlays.append(act_id)
        else:
            self._overlays.remove(act_id)
        self._assign_slots()
        self.overlays_changed.emit()

    def clear_overlays(self) -> None:
        if self._overlays:
            self._overlays.clear()
            self._assign_slots()
            self.overlays_changed.emit()

    def set_param(self, act_id: str, name: str, value: float) -> None:
        """Set one parameter; ValueError/TypeError (state unchanged) if it is invalid."""
        checked = explorer.check_param(act_id, name, value)
        if self.params(act_id)[name] != checked:
            self._params.setdefault(act_id, {})[name] = checked
            self.params_changed.emit(act_id)

    def reset_params(self, act_id: str) -> None:
        if self._params.pop(act_id, None):
            self.params_changed.emit(act_id)

    def set_z_range(self, lo: float, hi: float) -> None:
        """Change the plotted z-range; ValueError (state unchanged) if it is not sensible."""
        new = explorer.check_range((lo, hi))
        if new != self._z_range:
            self._z_range = new
            self.z_range_changed.emit()

    def reset_z_range(self) -> None:
        self.set_z_range(*ExplorerModel().z_range)

    def set_probe(self, z: float) -> None:
        z = explorer.check_probe(z)
        if z != self._probe:
            self._probe = z
            self.probe_changed.emit()

    # --- the user's own functions ---------------------------------------------------------
    def custom_functions(self) -> list[activations.Activation]:
        return list(activations.CUSTOM.values())

    def add_function(self, act: activations.Activation) -> None:
        """Add (or replace, by id) one of the user's functions; it keeps its parameters only
        if they still fit."""
        replaced = act.id in activations.CUSTOM
        activations.add_custom(act)
        if replaced:
            kept = {name: value for name, value in self._params.pop(act.id, {}).items()
                    if name in act.defaults()}
            try:
                act.resolve(kept)
                if kept:
                    self._params[act.id] = kept
            except (TypeError, ValueError):
                pass
        self.functions_changed.emit()
        if replaced and act.id == self._current:  # a new definition: its panel (sliders) is built anew
            self.current_changed.emit(act.id)
        elif replaced and act.id in self._overlays:
            self.params_changed.emit(act.id)  # redraw it as it now is

    def remove_function(self, act_id: str) -> None:
        """Delete one of the user's functions; if it was shown, it goes from the plots.
        ValueError (nothing changed) if something else still uses it (see ``users``)."""
        if act_id not in activations.CUSTOM:
            return
        for user in self.users:
            reason = user(act_id)
            if reason:
                raise ValueError(f"{activations.get(act_id).label} cannot be deleted: {reason}")
        if act_id in self._overlays:
            self.set_overlaid(act_id, False)
        if act_id == self._current:
            self.set_current(ExplorerModel().current)
        self._params.pop(act_id, None)
        activations.remove_custom(act_id)
        self.functions_changed.emit()

    def new_function_id(self) -> str:
        taken = set(activations.ids())
        return next(f"my-{n}" for n in range(1, len(taken) + 2) if f"my-{n}" not in taken)

    # --- persistence --------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return self.model().to_dict()

    def model(self) -> ExplorerModel:
        return ExplorerModel(self._current, list(self._overlays), {k: dict(v) for k, v in self._params.items()},
                             self._z_range, self._probe)

    def from_dict(self, data: Any) -> list[str]:
        """Apply what is valid in ``data``; return a description of each part ignored.

        Every part is checked before anything is applied, so a bad file never leaves the
        state half-changed.
        """
        fresh, problems = ExplorerState.checked(data)
        if fresh is not None:
            self.adopt(fresh)
        return problems

    @staticmethod
    def checked(data: Any) -> tuple["ExplorerState | None", list[str]]:
        """A new state built from ``data`` and a description of each part that was bad."""
        if not isinstance(data, dict):
            return None, ["saved state is not a mapping"]
        model, problems = ExplorerModel.from_dict(data)
        return ExplorerState.of(model), problems

    def set_model(self, model: ExplorerModel) -> None:
        """Show ``model`` (already checked: it comes from the core), telling every view."""
        self.adopt(ExplorerState.of(model))

    @staticmethod
    def of(model: ExplorerModel) -> "ExplorerState":
        """A state holding ``model`` (already checked)."""
        fresh = ExplorerState()
        fresh._current, fresh._overlays = model.current, list(model.overlays)
        fresh._params = {k: dict(v) for k, v in model.params.items()}
        fresh._z_range, fresh._probe = tuple(model.z_range), model.probe
        fresh._assign_slots()
        return fresh

    def adopt(self, other: "ExplorerState") -> None:
        """Take over everything ``other`` holds, telling every view."""
        self._current, self._overlays = other._current, list(other._overlays)
        self._params = {k: dict(v) for k, v in other._params.items()}
        self._z_range, self._probe = other._z_range, other._probe
        self._assign_slots()
        self.current_changed.emit(self._current)
        self.overlays_changed.emit()
        self.z_range_changed.emit()
        self.probe_changed.emit()

    def _assign_slots(self) -> None:
        shown = self.shown()
        self._slots = {k: v for k, v in self._slots.items() if k in shown}
        for act_id in shown:
            if act_id not in self._slots:
                taken = set(self._slots.values())
                self._slots[act_id] = next(i for i in range(len(shown) + 1) if i not in taken)
