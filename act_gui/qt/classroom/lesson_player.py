"""Plays a lesson: each step sets up its whole state, the same every time.

Jumping to step k builds exactly what step k describes (functions, network, pinned
comparison runs, training), independent of the steps before it, so a teacher can go
back, skip ahead or restart and always get the same picture.

The player is given what it changes: the Explorer's state, the Lab's controller and
the stage that shows the step's view. It knows nothing of the window.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from act_gui.core.classroom import lessons
from act_gui.core.classroom.lessons import Lesson, LessonError, LessonStep
from act_gui.core.explorer import ExplorerModel
from act_gui.core.files.reading import excerpt
from act_gui.core.files.session import LabRun
from act_gui.qt.classroom.stage import LessonStage
from act_gui.qt.widgets.progress import run_with_progress
from act_gui.qt.storage.save_file import write_text


class LessonPlayer(QObject):
    step_changed = Signal()   # a step was set up (or the lesson closed: lesson is None)
    message = Signal(str)     # for the status bar

    def __init__(self, state, lab, stage: LessonStage) -> None:
        """``state``: the Explorer's state (``to_dict``, ``set_model``); ``lab``: the
        Lab's controller; ``stage``: where a step's view is brought to the front."""
        super().__init__(stage)
        self.state, self.lab, self.stage = state, lab, stage
        self.lesson: Lesson | None = None
        self.index = 0
        #: The user's own work (Explorer model, Lab run), kept aside while a lesson is
        #: open; closing the lesson brings it back exactly.
        self.kept: tuple[ExplorerModel, LabRun] | None = None

    @property
    def step(self) -> LessonStep | None:
        return self.lesson.steps[self.index] if self.lesson else None

    def start(self, lesson: Lesson, index: int = 0) -> bool:
        return self._set_up(lesson, index)

    def open(self, source: str, index: int = 0) -> bool:
        """Start a built-in lesson by id, or a lesson file by path; LessonError if neither.

        False if the user cancelled setting up the step (the previous lesson stays).
        """
        if not source:
            raise LessonError("no lesson was named")
        path = Path(source)
        lesson = lessons.load(path) if path.suffix == ".json" or path.is_file() else lessons.builtin(source)
        if not 0 <= index < len(lesson.steps):
            raise LessonError(f"{excerpt(lesson.title)} has steps 1 to {len(lesson.steps)}")
        return self.start(lesson, index)

    def capture_step(self, title: str, caption: str) -> LessonStep:
        """What is shown now, as a lesson step (training is replayed from the seed)."""
        return LessonStep(title=title, caption=caption, explorer=self.state.to_dict(), lab=self.lab.config,
                          train=self.lab.trainer.steps, play=False, select=self.lab.selection,
                          view=self.stage.current(), unit_colour=self.lab.unit_colour)

    def save_step(self, path: str | Path, title: str, caption: str) -> Lesson:
        """Append the current state as a step to the lesson file ``path`` (created if new)."""
        path = Path(path)
        step = self.capture_step(title, caption)
        shown = ExplorerModel.from_dict(step.explorer)[0]
        used = {*step.lab.activations(), shown.current, *shown.overlays}
        mine = tuple(act for act in self.state.custom_functions() if act.id in used)
        if path.exists():
            lesson = lessons.load(path)
            kept = tuple(f for f in lesson.functions if f.id not in {m.id for m in mine})
            lesson = Lesson(lesson.id, lesson.title, lesson.steps + (step,), kept + mine)
        else:
            lesson = Lesson(path.stem, path.stem.replace("-", " ").replace("_", " ").capitalize(), (step,), mine)
        text = json.dumps(lesson.to_dict(), indent=2, ensure_ascii=False)
        lessons.parse(text)  # what cannot be read back (an overlong title, say) is not written
        write_text(path, text)  # all or nothing: a full disk leaves the old lesson intact
        return lesson

    def close(self) -> None:
        """Leave the lesson and put the user's own work back as it was."""
        if self.lesson is None:
            return
        kept, self.kept, self.lesson = self.kept, None, None
        self.stage.stop()
        self.stage.show("network")
        if kept is not None:
            model, run = kept
            self.state.set_model(model)
            self.lab.install(run, "Lesson closed: your own work is back as you left it.")
        self.step_changed.emit()

    def discard(self) -> None:
        """Leave the lesson without restoring anything (a session file replaced it all)."""
        if self.lesson is None:
            return
        self.lesson, self.kept = None, None
        self.stage.show("network")
        self.step_changed.emit()

    def next(self) -> None:
        if self.lesson and self.index + 1 < len(self.lesson.steps):
            self.go(self.index + 1)

    def previous(self) -> None:
        if self.lesson and self.index > 0:
            self.go(self.index - 1)

    def go(self, index: int) -> bool:
        """Set up step ``index`` (0-based); IndexError if the lesson has no such step.

        False if the user cancelled the set-up: then nothing changed.
        """
        if self.lesson is None or not 0 <= index < len(self.lesson.steps):
            raise IndexError(f"the lesson has steps 1 to {len(self.lesson.steps) if self.lesson else 0}")
        return self._set_up(self.lesson, index)

    def _set_up(self, lesson: Lesson, index: int) -> bool:
        """Train what the step needs (cancellable), then show it all at once."""
        step = lesson.steps[index]
        self.lab.pause()
        for act in lesson.functions:  # the teacher's own functions join the student's list
            self.state.add_function(act)
        prepared = run_with_progress(lessons.prepare(step), self.stage, f"Setting up “{step.title}”…")
        if prepared is None:
            self.message.emit("Setting up the step was cancelled; nothing changed.")
            return False
        if self.lesson is None:  # the user's own work steps aside for the lesson
            self.kept = (self.state.model(), self.lab.capture())
        self.lesson, self.index = lesson, index
        model, _problems = ExplorerModel.from_dict(step.explorer)  # checked when the lesson was read
        self.state.set_model(model)
        self._set_lab(step, prepared)
        self.stage.show(step.view, step.lab)
        self.step_changed.emit()
        return True

    def _set_lab(self, step: LessonStep, prepared: lessons.PreparedStep) -> None:
        lab = self.lab
        lab.install(LabRun(step.lab, prepared.trainer, prepared.history, prepared.pins, None,
                           lab.steps_per_frame, step.unit_colour), reason=f"Lesson step {self.index + 1}: {step.title}")
        if step.select is not None:
            lab.select(*step.select)  # as a click would: the Explorer shows the unit's inputs
        if step.train and step.play:
            lab.play(steps=step.train)  # animated, through the same timer as Play
