"""Session files: an exact round trip, and a clear refusal of every kind of bad file."""

from __future__ import annotations

import copy
import json
import random

import numpy as np
import pytest

from act_gui.core.files import session
from act_gui.core.lab import LabConfig, RunHistory
from act_gui.core.files.session import LabRun, SessionError

EXPLORER = {"current": "relu", "overlays": ["tanh"], "params": {}, "z_range": [-6.0, 6.0], "probe": 1.0}


def trained_run(steps=37) -> LabRun:
    config = LabConfig(activation="leaky_relu", width=5, batch_size=16, momentum=0.9, lr=0.2,
                       activation_params={"leaky_relu": {"negative_slope": 0.05}}, dataset="moons")
    trainer = config.build()
    history = RunHistory(len(trainer.net.weights), config.describe())
    for _ in range(steps // 10 + 1):
        trainer.step(10)
        history.record(trainer.stats())
    pinned = [history.copy("an earlier run")]
    return LabRun(config, trainer, history, pinned, selection=(1, 3), steps_per_frame=20, unit_colour="classes")


@pytest.fixture(scope="module")
def good_text() -> str:
    return session.dumps(EXPLORER, trained_run())


def test_a_reopened_session_continues_exactly_where_it_stopped(good_text):
    original = trained_run()
    reopened = session.parse(good_text)
    assert reopened.explorer == EXPLORER
    assert reopened.lab.config == original.config
    assert reopened.lab.trainer.steps == original.trainer.steps
    assert np.array_equal(reopened.lab.trainer.losses, original.trainer.losses)
    assert np.array_equal(reopened.lab.history.rows(), original.history.rows())
    assert reopened.lab.pinned[0].label == "an earlier run"
    assert reopened.lab.selection == (1, 3) and reopened.lab.steps_per_frame == 20
    assert reopened.lab.unit_colour == "classes"
    original.trainer.step(25)
    reopened.lab.trainer.step(25)  # same batches, same momentum: bit-identical
    assert np.array_equal(original.trainer.losses, reopened.lab.trainer.losses)
    for a, b in zip(original.trainer.net.parameters(), reopened.lab.trainer.net.parameters()):
        assert np.array_equal(a, b)


def test_a_diverged_run_stays_diverged():
    config = LabConfig(dataset="sine", activation="identity", init="normal", init_scale=2.0, width=16, lr=10.0)
    trainer = config.build()
    trainer.step(5000)
    assert trainer.diverged_at is not None
    history = RunHistory(len(trainer.net.weights))
    history.record(trainer.stats())
    run = LabRun(config, trainer, history)
    assert session.parse(session.dumps(EXPLORER, run)).lab.trainer.diverged_at == trainer.diverged_at


# --- bad files --------------------------------------------------------------------------------

def leaf_paths(node, path=()):
    """Every path into the document (mappings and lists), outermost first."""
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaf_paths(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node[:3]):
            yield from leaf_paths(value, path + (index,))


def replaced(doc, path, value):
    doc = copy.deepcopy(doc)
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return doc


def wrong_values_for(value):
    """Values of the wrong kind for a place in the document that holds ``value``."""
    if isinstance(value, bool) or value is None:
        return ["text", [], {}, 2.5]
    if isinstance(value, (int, float)):
        return ["text", None, [], {}, True, float("nan")]
    if isinstance(value, str):
        return [None, 5, [], {}]
    if isinstance(value, list):
        return ["text", None, {}, 5, [["ragged", 1], [2]], [None] * 3]
    return [[], "text", None, 5]


def value_at(doc, path):
    for key in path:
        doc = doc[key]
    return doc


#: Places where None is a valid value ("no selection", "full batch").
NONE_ALLOWED = {("lab", "selection"), ("lab", "config", "batch_size")}


def bad_documents(good: str, count: int = 400, seed: int = 1):
    """Many seeded variations of a good file, each broken in one way."""
    rng = random.Random(seed)
    doc = json.loads(good)
    paths = [p for p in leaf_paths(doc) if p and p[:2] != ("lab", "config")]
    for _ in range(count):
        path = rng.choice(paths)
        wrong = rng.choice(wrong_values_for(value_at(doc, path)))
        if wrong is None and path in NONE_ALLOWED:
            continue
        yield "type swap at " + "/".join(map(str, path)), json.dumps(replaced(doc, path, wrong))
    for key in ("hidden_layers", "width", "lr", "init", "noise", "batch_size", "seed", "activation_params"):
        for wrong in wrong_values_for(doc["lab"]["config"][key]):
            if wrong is None and ("lab", "config", key) in NONE_ALLOWED:
                continue
            yield f"config {key} = {wrong!r}", json.dumps(replaced(doc, ("lab", "config", key), wrong))
    for cut in sorted(rng.sample(range(1, len(good) - 1), 60)):
        yield f"truncated at {cut}", good[:cut]


def test_generated_bad_files_are_refused_with_a_message(good_text):
    cases = list(bad_documents(good_text))
    assert len(cases) > 450
    for what, text in cases:
        with pytest.raises(SessionError) as refusal:
            session.parse(text)
        assert str(refusal.value), what


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d.update(version=3), "version"),
    (lambda d: d.update(version="x" * 10_000_000), "version 'xxxxxxxx"),
    (lambda d: d.update(format="something-else"), "not an Activation Explorer session"),
    (lambda d: d["lab"]["trainer"]["parameters"][0].pop(), "shape"),
    (lambda d: d["lab"]["trainer"]["parameters"][0][0].append(1.0), "shape"),
    (lambda d: d["lab"]["trainer"].update(losses_from=1), "losses has shape"),
    (lambda d: d["lab"]["trainer"].update(rng={"bit_generator": "MT19937"}), "random state"),
    (lambda d: d["lab"]["config"].update(width=999), "network settings"),
    (lambda d: d["lab"]["config"].update(activation="nope"), "network settings"),
    (lambda d: d["lab"].update(selection=[7, 0]), "selected layer"),
    (lambda d: d["lab"].update(steps_per_frame=3), "steps per frame"),
    (lambda d: d["lab"]["history"].update(layers=9), "another network"),
    (lambda d: d["lab"]["history"].update(rows=[[0.0] * 8] * (session.MAX_HISTORY_ROWS + 1)), "at most"),
    (lambda d: d["lab"].update(pinned=[d["lab"]["history"]] * 20), "pinned"),
])
def test_specific_bad_files_name_the_problem(good_text, mutate, message):
    doc = json.loads(good_text)
    mutate(doc)
    with pytest.raises(SessionError, match=message):
        session.parse(json.dumps(doc))


@pytest.mark.parametrize("text, message", [
    ("", "not valid JSON"), ("{", "not valid JSON"), ("[1, 2]", "mapping"),
    ('{"format": "act-gui-session", "version": 1, "explorer": {}, "lab": {"x": NaN}}', "not a number"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply|not valid JSON|mapping"),
    (b"\xff\xfe\x00garbage", "not text"),
    (b" " * (session.MAX_BYTES + 1), "larger than"),
])
def test_garbage_is_refused(text, message):
    with pytest.raises(SessionError, match=message):
        session.parse(text)


def test_nan_weights_are_refused(good_text):
    text = good_text.replace(json.dumps(json.loads(good_text)["lab"]["trainer"]["parameters"][0][0][0]), "NaN", 1)
    with pytest.raises(SessionError):
        session.parse(text)


# --- what the app writes, it reads -------------------------------------------------------

def test_a_run_that_blew_up_saves_and_reopens():
    config = LabConfig(lr=10.0, activation="relu", dataset="sine", width=16, init="normal", init_scale=3.0)
    trainer = config.build()
    history = RunHistory(len(trainer.net.weights))
    for _ in range(30):
        trainer.step(10)
        history.record(trainer.stats())
    rows = history.rows().copy()
    rows[-1, 1] = np.inf  # what a blown-up frame records: an infinite loss
    history = RunHistory.from_rows(rows, history.layers)
    text = session.dumps(EXPLORER, LabRun(config, trainer, history))
    reopened = session.parse(text).lab.history.rows()
    assert np.array_equal(reopened, rows)


def test_a_run_of_millions_of_steps_stays_within_what_the_app_reads(monkeypatch):
    from act_gui.core.lab import training

    monkeypatch.setattr(training, "LOSS_WINDOW", 300)
    config = LabConfig(width=16, hidden_layers=6, dataset="spiral")
    trainer = config.build()
    trainer.step(1000)
    assert trainer.losses_from + len(trainer.losses) == 1000 and len(trainer.losses) <= 600
    # The longest history the Lab keeps, for the run and for as many pins as a file holds.
    history = RunHistory(len(trainer.net.weights))
    stats = trainer.stats()
    for step in range(3 * RunHistory.MAX_ROWS):
        history.record(_at_step(stats, step))
    assert len(history) <= RunHistory.MAX_ROWS
    steps = history.column("step")
    assert steps[0] == 0 and steps[-1] == 3 * RunHistory.MAX_ROWS - 1 and np.all(np.diff(steps) > 0)
    run = LabRun(config, trainer, history, [history.copy(f"pin {i}") for i in range(session.MAX_PINNED)])
    text = session.dumps(EXPLORER, run)
    assert len(text.encode()) < session.MAX_BYTES
    reopened = session.parse(text).lab
    assert np.array_equal(reopened.trainer.losses, trainer.losses)
    assert reopened.trainer.losses_from == trainer.losses_from
    trainer.step(5)
    reopened.trainer.step(5)
    assert np.array_equal(reopened.trainer.losses, trainer.losses)


def _at_step(stats, step):
    import dataclasses

    return dataclasses.replace(stats, step=step)


def _with(doc, path, value):
    return json.dumps(replaced(doc, path, value))


@pytest.mark.parametrize("path, value, message", [
    (("lab", "steps_per_frame"), 10.0, "steps per frame"),
    (("lab", "trainer", "diverged_at"), 10**30, "diverged_at"),
    (("explorer", "probe"), "5", "probe"),
    (("explorer", "z_range"), "05", "z-range"),
    (("explorer", "current"), "no_such_function", "unknown activation"),
    (("lab", "trainer", "rng", "state", "state"), 2**200, "random state"),
    (("lab", "trainer", "rng", "state", "inc"), True, "random state"),
])
def test_values_of_the_wrong_kind_are_refused(good_text, path, value, message):
    with pytest.raises(SessionError, match=message):
        session.parse(_with(json.loads(good_text), path, value))


def test_history_steps_the_plots_cannot_draw_are_refused(good_text):
    doc = json.loads(good_text)
    rows = session.parse(good_text).lab.history.rows().copy()
    rows[-1, 0] = 1.5e308
    doc["lab"]["history"]["rows"] = session.encode_array(rows)
    with pytest.raises(SessionError, match="whole number"):
        session.parse(json.dumps(doc))


def test_numbers_python_cannot_read_are_refused_not_raised(good_text):
    huge = good_text.replace('"steps": ', '"steps": ' + "9" * 5000, 1)
    with pytest.raises(SessionError, match="too long"):
        session.parse(huge)
    big_float = good_text.replace('"probe": 1.0', '"probe": 1e400', 1)
    with pytest.raises(SessionError):
        session.parse(big_float)


def test_messages_quote_only_a_short_excerpt(good_text):
    doc = json.loads(good_text)
    doc["explorer"]["current"] = "x" * 1_000_000
    with pytest.raises(SessionError) as refusal:
        session.parse(json.dumps(doc))
    assert len(str(refusal.value)) <= session.MAX_MESSAGE + 1
