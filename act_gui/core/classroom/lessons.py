"""Lessons as data: a titled list of steps, each setting up the state that shows one idea.

A lesson is a JSON file (the built-in ones live in ``act_gui/lessons/``). A step has a
caption and the state it sets: Explorer functions and probe, Network Lab configuration,
how many steps to train (and whether to animate them), runs to pin for comparison,
the unit or layer to select, which view to bring to the front, and which panels matter
(on a small projector only those are shown). Every run is seeded,
so a step shows the same thing every time, whichever step the teacher jumps to.

Lesson files may be written by hand, so :func:`parse` checks them fully and raises
:class:`LessonError` with a readable message.
"""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Generator

from act_gui.core import activations
from act_gui.core.activations.custom import (read_file_functions, rename_in_config, rename_in_explorer, settle_ids,
                                             to_spec)
from act_gui.core.activations.registry import custom_added
from act_gui.core.explorer import ExplorerModel
from act_gui.core.files.reading import excerpt, load_json, read_regular_file, shorten
from act_gui.core.lab import UNIT_COLOURS, LabConfig, RunHistory
from act_gui.core.lab.training import Trainer

FORMAT = "act-gui-lesson"
VERSION = 1
VIEWS = ("network", "contours", "sweep")
#: The window's panels a step may ask for: the f / f' plots, the network picture, the
#: training plots (a lesson view, if the step has one, stands in for the last two).
PANELS = ("explorer", "network", "training")
MAX_STEPS_PER_LESSON = 100
MAX_TRAIN = 100_000
MAX_BYTES = 2 * 1024 * 1024
MAX_MESSAGE = 300
MAX_FUNCTIONS = 32


class LessonError(ValueError):
    """A lesson file that cannot be used; the message says why (in a few lines at most)."""

    def __init__(self, message: str) -> None:
        super().__init__(message if len(message) <= MAX_MESSAGE else message[:MAX_MESSAGE] + "…")


@dataclass(frozen=True)
class Comparison:
    """A run trained when the step is set up, then pinned as a ghost."""

    label: str
    lab: LabConfig
    train: int


@dataclass(frozen=True)
class LessonStep:
    title: str
    caption: str
    explorer: dict = field(default_factory=dict)
    lab: LabConfig = field(default_factory=LabConfig)
    train: int = 0
    play: bool = False
    compare: tuple[Comparison, ...] = ()
    select: tuple[int, int | None] | None = None
    view: str = "network"
    #: What matters in this step, shown alone when the screen is too small for all.
    panels: tuple[str, ...] = PANELS
    unit_colour: str = "mean"  # one of UNIT_COLOURS: what the units' fill shows


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    steps: tuple[LessonStep, ...]
    #: Functions of the teacher's own (Activations, typed as formulas) that the steps use.
    functions: tuple = ()

    def to_dict(self) -> dict:
        return {"format": FORMAT, "version": VERSION, "id": self.id, "title": self.title,
                **({"functions": [to_spec(act) for act in self.functions]} if self.functions else {}),
                "steps": [step_to_dict(s) for s in self.steps]}


def _need(condition: bool, message: str) -> None:
    if not condition:
        raise LessonError(message)


def _text(value: Any, what: str, limit: int = 2000) -> str:
    _need(isinstance(value, str) and 0 < len(value) <= limit, f"{what} must be text of 1 to {limit} characters")
    return value


def _count(value: Any, what: str) -> int:
    _need(_whole(value) and 0 <= value <= MAX_TRAIN,
          f"{what} must be a whole number from 0 to {MAX_TRAIN:,}")
    return value


def _config(value: Any, what: str) -> LabConfig:
    _need(isinstance(value, dict), f"{what} must be a mapping of Network Lab settings")
    try:
        return LabConfig.from_dict(value)
    except (ValueError, TypeError, KeyError, OverflowError) as error:
        raise LessonError(f"{what}: {shorten(str(error), 200)}") from None


def _whole(value: Any) -> bool:
    return type(value) is int


def _explorer(value: Any, where: str) -> dict:
    """The step's Explorer part, checked in full: a lesson that cannot show what it
    names is refused when it is opened, not played with a part missing."""
    _need(isinstance(value, dict), f"{where}: explorer must be a mapping")
    if not value:
        return {}
    model, problems = ExplorerModel.from_dict(value)
    _need(not problems, f"{where} explorer: " + "; ".join(problems))
    return {key: model.to_dict()[key] for key in value}


def _step(value: Any, number: int) -> LessonStep:
    where = f"step {number}"
    _need(isinstance(value, dict), f"{where} must be a mapping")
    unknown = set(value) - {"title", "caption", "explorer", "lab", "train", "play", "compare", "select", "view",
                            "panels", "unit_colour"}
    _need(not unknown, f"{where} has unknown entries: {', '.join(sorted(unknown))}")
    explorer = _explorer(value.get("explorer", {}), where)
    config = _config(value.get("lab", {}), f"{where} lab")
    compare = value.get("compare", [])
    _need(isinstance(compare, list) and len(compare) <= 4, f"{where}: compare must list at most 4 runs")
    comparisons = []
    for i, run in enumerate(compare):
        _need(isinstance(run, dict), f"{where}: compare run {i + 1} must be a mapping")
        comparisons.append(Comparison(_text(run.get("label"), f"{where}: compare label", 80),
                                      _config(run.get("lab", {}), f"{where} compare {i + 1}"),
                                      _count(run.get("train", 0), f"{where}: compare train")))
    select = value.get("select")
    if select is not None:
        _need(isinstance(select, list) and len(select) == 2 and _whole(select[0])
              and 0 <= select[0] < config.hidden_layers
              and (select[1] is None or (_whole(select[1]) and 0 <= select[1] < config.width)),
              f"{where}: select must be [layer, unit or null] within the network")
        select = (select[0], select[1])
    view = value.get("view", "network")
    _need(view in VIEWS, f"{where}: view must be one of {', '.join(VIEWS)}")
    play = value.get("play", False)
    _need(isinstance(play, bool), f"{where}: play must be true or false")
    panels = value.get("panels", list(PANELS))
    _need(isinstance(panels, list) and panels and all(p in PANELS for p in panels) and len(set(panels)) == len(panels),
          f"{where}: panels must list some of {', '.join(PANELS)}, each once")
    unit_colour = value.get("unit_colour", "mean")
    _need(unit_colour in UNIT_COLOURS, f"{where}: unit_colour must be one of {', '.join(UNIT_COLOURS)}")
    return LessonStep(_text(value.get("title"), f"{where} title", 120), _text(value.get("caption"), f"{where} caption"),
                      explorer, config, _count(value.get("train", 0), f"{where} train"), play,
                      tuple(comparisons), select, view, tuple(p for p in PANELS if p in panels), unit_colour)


def parse(text: str | bytes) -> Lesson:
    doc = load_json(text, MAX_BYTES, LessonError, "the lesson file")
    _need(isinstance(doc, dict) and doc.get("format") == FORMAT, "this is not an Activation Explorer lesson")
    _need(doc.get("version") == VERSION, f"lesson format version {excerpt(doc.get('version'))} is not {VERSION}")
    steps = doc.get("steps")
    _need(isinstance(steps, list) and 1 <= len(steps) <= MAX_STEPS_PER_LESSON,
          f"a lesson needs 1 to {MAX_STEPS_PER_LESSON} steps")
    try:
        return _lesson(doc, steps)
    except LessonError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError, RecursionError) as error:
        raise LessonError(f"the lesson file is not usable ({shorten(str(error), 80)})") from None


def _lesson(doc: dict, steps: list) -> Lesson:
    functions, renamed = settle_ids(list(_functions(doc.get("functions", []))), activations.CUSTOM)
    functions = tuple(functions)
    if renamed:  # the lesson's "my-1" is not the user's "my-1": the lesson's is renamed
        steps = [_renamed_step(s, renamed) for s in steps]
    with custom_added(functions):  # the steps may name them
        return Lesson(_text(doc.get("id"), "the lesson id", 60), _text(doc.get("title"), "the lesson title", 120),
                      tuple(_step(s, i + 1) for i, s in enumerate(steps)), functions)


def _renamed_step(step: Any, renamed: dict) -> Any:
    if not isinstance(step, dict):
        return step
    out = dict(step)
    if "explorer" in out:
        out["explorer"] = rename_in_explorer(out["explorer"], renamed)
    if "lab" in out:
        out["lab"] = rename_in_config(out["lab"], renamed)
    if isinstance(out.get("compare"), list):
        out["compare"] = [{**c, "lab": rename_in_config(c["lab"], renamed)} if isinstance(c, dict) and "lab" in c
                          else c for c in out["compare"]]
    return out


def _functions(specs: Any) -> tuple:
    """The lesson's own functions, each checked (a hostile formula refuses the lesson)."""
    try:
        return tuple(read_file_functions(specs, MAX_FUNCTIONS, activations.REGISTRY))
    except ValueError as error:
        raise LessonError(str(error)) from None


def load(path: str | Path) -> Lesson:
    try:
        data = read_regular_file(path, MAX_BYTES)
    except OSError as error:
        raise LessonError(f"cannot read {Path(path).name}: {error.strerror or error}") from None
    return parse(data)


def _builtin_files():
    return sorted((f for f in resources.files("act_gui").joinpath("lessons").iterdir()
                   if f.name.endswith(".json")), key=lambda f: f.name)


@functools.lru_cache(maxsize=1)
def builtin_lessons() -> tuple[Lesson, ...]:
    """The lessons shipped with the app, in teaching order (read once: they never change)."""
    return tuple(parse(f.read_bytes()) for f in _builtin_files())


def builtin(lesson_id: str) -> Lesson:
    lessons = {lesson.id: lesson for lesson in builtin_lessons()}
    if lesson_id not in lessons:
        raise LessonError(f"no built-in lesson {lesson_id!r}; there are: {', '.join(lessons)}")
    return lessons[lesson_id]


# --- setting up a step (the app and the claim tests share this) -------------------------

@dataclass
class PreparedStep:
    """What a step trains before it is shown: its main run and its comparison ghosts."""

    trainer: Trainer
    history: RunHistory
    pins: list[RunHistory]


#: A slice of set-up work between two progress reports: short enough that Cancel is
#: answered at once, long enough that reporting costs nothing.
SLICE_SECONDS = 0.02


def prepare(step: LessonStep) -> Generator[float, None, PreparedStep]:
    """Train what ``step`` needs, yielding the share done (0..1) after every slice.

    Nothing outside the generator changes, so a caller may stop (``close()``) at any
    yield and keep what it had. Exhausted, it returns a :class:`PreparedStep`.
    """
    headless = 0 if step.play else step.train
    total = max(1, sum(run.train for run in step.compare) + headless)
    done = 0
    pins = []
    for run in step.compare:
        trainer = run.lab.build()
        history = RunHistory(len(trainer.net.weights), run.label)
        history.record(trainer.stats())
        for _ in range(max(1, run.train // 10)):  # ten records per hundred steps, like a frame
            done += trainer.step(min(10, run.train - trainer.steps))
            yield done / total
            history.record(trainer.stats())
            yield done / total
        pins.append(history)
    trainer = step.lab.build()
    history = RunHistory(len(trainer.net.weights), step.lab.describe())
    history.record(trainer.stats())
    chunk = 10
    while trainer.steps < headless and trainer.diverged_at is None:
        started = time.perf_counter()
        done += trainer.step(min(chunk, headless - trainer.steps))
        yield done / total
        took = time.perf_counter() - started
        chunk = max(1, min(10_000, int(chunk * SLICE_SECONDS / max(took, 1e-6))))
    if headless:
        history.record(trainer.stats())
    return PreparedStep(trainer, history, pins)


def prepared(step: LessonStep) -> PreparedStep:
    """:func:`prepare` run to the end (no window, no progress)."""
    work = prepare(step)
    while True:
        try:
            next(work)
        except StopIteration as finished:
            return finished.value


def pinned_runs(step: LessonStep) -> list[RunHistory]:
    """Train each comparison run of ``step`` and return its history, for ghosts."""
    return prepared(LessonStep(step.title, step.caption, compare=step.compare)).pins


def run_headless(step: LessonStep) -> Trainer:
    """The step's main run, trained as the lesson says (what Play would show at the end)."""
    trainer = step.lab.build()
    trainer.step(step.train)
    return trainer


def step_to_dict(step: LessonStep) -> dict:
    defaults = LabConfig().to_dict()
    lab = {k: v for k, v in step.lab.to_dict().items() if defaults.get(k) != v}
    data = {"title": step.title, "caption": step.caption, "explorer": step.explorer, "lab": lab,
            "train": step.train, "play": step.play, "view": step.view}
    if step.panels != PANELS:
        data["panels"] = list(step.panels)
    if step.unit_colour != "mean":
        data["unit_colour"] = step.unit_colour
    if step.select is not None:
        data["select"] = list(step.select)
    if step.compare:
        data["compare"] = [{"label": c.label, "train": c.train,
                            "lab": {k: v for k, v in c.lab.to_dict().items() if defaults.get(k) != v}}
                           for c in step.compare]
    return data
