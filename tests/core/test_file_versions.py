"""Files written by every earlier version of the app still open, exactly as they were."""

from pathlib import Path

import numpy as np
import pytest

from act_gui.core.files import session
from act_gui.core.lab import LabConfig

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.mark.parametrize("name", ["session-v1.actx", "session-v2.actx"])
def test_every_session_version_opens_and_trains_on_identically(name):
    opened = session.parse((FIXTURES / name).read_bytes())
    run = opened.lab
    assert run.config == LabConfig(dataset="xor", width=4, batch_size=16, momentum=0.5, seed=3)
    assert run.trainer.steps == 20 and run.trainer.losses_from == 0 and len(run.trainer.losses) == 20
    assert run.selection == (1, 2) and run.steps_per_frame == 20
    assert len(run.history) == 5 and run.pinned[0].label == "pinned"
    assert opened.explorer["current"] == "leaky_relu" and opened.explorer["probe"] == 2.5
    # The file holds the run itself: continuing it matches a fresh run trained as far.
    fresh = run.config.build()
    fresh.step(30)
    run.trainer.step(10)
    assert np.array_equal(run.trainer.losses, fresh.losses)


def test_both_versions_hold_the_same_run():
    v1, v2 = (session.parse((FIXTURES / n).read_bytes()) for n in ("session-v1.actx", "session-v2.actx"))
    assert np.array_equal(v1.lab.history.rows(), v2.lab.history.rows())
    for a, b in zip(v1.lab.trainer.net.parameters(), v2.lab.trainer.net.parameters()):
        assert np.array_equal(a, b)


def test_the_lesson_format_reads_its_fixture():
    from act_gui.core.classroom import lessons

    lesson = lessons.load(FIXTURES / "lesson-v1.json")
    first, second = lesson.steps
    assert lesson.id == "fixture-lesson" and len(lesson.steps) == 2
    assert first.explorer["current"] == "tanh" and first.lab == LabConfig(activation="tanh", dataset="moons",
                                                                         width=6, seed=4)
    assert first.compare[0].label == "sigmoid" and first.select == (0, 2) and second.view == "contours"
    prepared = lessons.prepared(first)
    assert prepared.trainer.steps == 40 and len(prepared.pins) == 1


def test_a_session_with_a_function_of_ones_own_opens_and_trains_on_identically():
    from act_gui.core import activations
    from act_gui.core.activations.registry import custom_added

    opened = session.parse((FIXTURES / "session-v2-functions.actx").read_bytes())
    act, = opened.functions
    assert (act.id, act.label, act.source) == ("my-1", "Swish 1.5", "z * sigmoid(beta * z)")
    assert (act.params[0].default, act.params[0].min, act.params[0].max) == (1.5, 0.1, 4.0)
    assert opened.explorer["current"] == "my-1" and opened.explorer["params"] == {"my-1": {"beta": 2.0}}
    assert opened.lab.config.activation == "my-1" and opened.lab.trainer.steps == 20
    assert "my-1" not in activations.CUSTOM  # reading a file registers nothing by itself
    with custom_added([act]):
        fresh = opened.lab.config.build()
        fresh.step(30)
        opened.lab.trainer.step(10)
    assert np.array_equal(opened.lab.trainer.losses, fresh.losses)
