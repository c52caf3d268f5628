"""Every built-in lesson shows what its captions claim, run headless through the core.

If a change to the numerics, the defaults or a lesson file makes a lesson stop showing
its phenomenon, one of these fails.
"""

from __future__ import annotations

import dataclasses
import json
import random

import numpy as np
import pytest

from act_gui.core.classroom import lessons, zigzag
from act_gui.core.lab import sweep
from act_gui.core.activations import get
from act_gui.core.classroom.lessons import LessonError

LESSONS = {lesson.id: lesson for lesson in lessons.builtin_lessons()}


def step(lesson_id: str, title_start: str):
    return next(s for s in LESSONS[lesson_id].steps if s.title.startswith(title_start))


def as_shown_and_seeds(config):
    """The step's own configuration, then the same with seeds 0-4: a claim that holds
    for one seed only is not a claim."""
    yield config
    for seed in range(5):
        yield config.with_changes(seed=seed)


def test_the_seven_lessons_ship_in_teaching_order():
    assert list(LESSONS) == ["sigmoid", "killing-gradients", "zero-centred", "tanh", "relu",
                             "dead-neurons", "learning-rate-sweep"]
    for lesson in LESSONS.values():
        assert lesson.title and all(s.caption for s in lesson.steps)


def test_lesson_1_sigmoid_squashes_and_its_fill_is_the_firing_rate():
    sig = get("sigmoid")
    z = np.linspace(-40, 40, 801)
    assert np.all((sig.forward(z) >= 0) & (sig.forward(z) <= 1)) and sig.forward(0.0) == 0.5
    assert sig.forward(6.0) == pytest.approx(0.9975, abs=1e-4)
    trainer = lessons.run_headless(step("sigmoid", "Read it as a firing rate"))
    stats = trainer.stats()
    # For an output range of (0, 1) the colour scale is the mean output itself.
    np.testing.assert_allclose(stats.firing_display[0], stats.firing_rates[0])
    assert stats.accuracy > 0.9


def test_lesson_1_the_split_fill_shows_the_rates_moving_apart_by_class():
    shown = step("sigmoid", "Read it as a firing rate")
    assert shown.unit_colour == "classes" and "network" in shown.panels and "training" in shown.panels
    for config in as_shown_and_seeds(shown.lab):
        trainer = config.build()
        before = trainer.stats()
        trainer.step(shown.train)
        after = trainer.stats()
        def gap(stats):  # how differently a typical unit fires for the two classes
            return float(np.median(np.abs(stats.class_display[0][0] - stats.class_display[0][1])))
        assert gap(after) > 0.45 and gap(after) > 3 * gap(before), config.seed
        assert np.all(np.abs(after.firing_display[0] - 0.5) < 0.1)  # the overall mean alone hardly moves
        assert after.accuracy > 0.95


def test_lesson_2_saturation_kills_the_gradient():
    sig = get("sigmoid")
    probe = step("killing-gradients", "The slope at z = 15").explorer["probe"]
    assert sig.derivative(probe) == pytest.approx(3.06e-7, rel=0.01)
    assert sig.derivative(-probe) == pytest.approx(3.06e-7, rel=0.01)
    z = np.linspace(-16, 16, 3201)
    assert sig.derivative(z).max() == 0.25


def test_lesson_2_depth_shrinks_the_sigmoids_gradient_but_not_tanhs():
    sigmoid_step, tanh_step = step("killing-gradients", "Depth"), step("killing-gradients", "The same depth with tanh")
    assert sigmoid_step.lab.hidden_layers == tanh_step.lab.hidden_layers == 6
    assert sigmoid_step.lab.with_changes(activation="tanh") == tanh_step.lab
    for config in as_shown_and_seeds(sigmoid_step.lab):
        def first_over_last(act_id):
            norms = config.with_changes(activation=act_id).build().stats().grad_norms  # at the start
            return norms[0] / norms[-1]
        assert first_over_last("sigmoid") < 1e-4, config.seed  # "about a hundred thousand times smaller"
        assert 0.1 < first_over_last("tanh") < 10, config.seed  # "within a factor of about ten"
        assert 1e-2 < first_over_last("relu") < 10, config.seed  # "within a factor of about a hundred"


def test_lesson_2_large_weights_alone_saturate_and_stall_learning():
    shown = step("killing-gradients", "Large weights alone")
    assert shown.lab.bias_init == 0.0 and shown.lab.inputs >= 20  # weights, not biases
    glorot = shown.compare[0]
    assert glorot.lab.with_changes(init=shown.lab.init, init_scale=shown.lab.init_scale) == shown.lab
    for config in as_shown_and_seeds(shown.lab):
        big = config.build()
        start = big.stats()
        big.step(shown.train)
        sensible = glorot.lab.with_changes(seed=config.seed).build()
        sensible_start = sensible.stats()
        sensible.step(glorot.train)
        end, sensible_end = big.stats(), sensible.stats()
        assert start.flat_share > 0.75 and start.saturated_fraction >= 0.9  # most inputs on flat tails, nearly all units
        assert sensible_start.flat_share < 0.05
        assert end.train_loss > 10 * sensible_end.train_loss
        assert end.accuracy < sensible_end.accuracy - 0.08


def test_lesson_2_large_biases_saturate_a_deep_network_and_a_sensible_start_learns():
    stuck_step = step("killing-gradients", "A second way in")
    sensible_step = step("killing-gradients", "A sensible start")
    assert stuck_step.lab.bias_init > 0 and sensible_step.lab.bias_init == 0.0
    for config in as_shown_and_seeds(stuck_step.lab):
        trainer = config.build()
        start = trainer.stats()
        assert start.saturated_fraction >= 0.9
        assert start.grad_norms[0] < 1e-6 * start.grad_norms[-1]
        trainer.step(stuck_step.train)
        stuck = trainer.stats()
        learning = lessons.run_headless(with_seed(sensible_step, config.seed)).stats()
        assert stuck.accuracy < 0.65 and learning.accuracy > 0.95  # a coin toss, against nearly all right
        assert learning.train_loss < 0.1 * stuck.train_loss


def with_seed(lesson_step, seed):
    """The same lesson step with another seed for its network and data."""
    return dataclasses.replace(lesson_step, lab=lesson_step.lab.with_changes(seed=seed))


def test_lesson_3_positive_inputs_zig_zag_and_centred_ones_go_straight():
    for seed in range(5):  # the data and the order of the examples
        positive_path, positive_updates = zigzag.descent(zigzag.problem(zero_centred=False, seed=seed), seed=seed)
        centred_path, centred_updates = zigzag.descent(zigzag.problem(zero_centred=True, seed=seed), seed=seed)
        assert zigzag.same_sign_share(positive_updates) == 1.0  # every step moves both weights alike
        assert zigzag.same_sign_share(centred_updates) < 0.75
        assert zigzag.steps_to_reach(centred_path) * 2 < zigzag.steps_to_reach(positive_path), seed
    assert all(s.view == "contours" for s in LESSONS["zero-centred"].steps)


def test_lesson_4_tanh_is_a_rescaled_sigmoid_that_saturates():
    z = np.linspace(-8, 8, 1601)
    np.testing.assert_allclose(get("tanh").forward(z), 2 * get("sigmoid").forward(2 * z) - 1, atol=1e-15)
    np.testing.assert_allclose(get("sigmoid_rescaled").forward(z), get("tanh").forward(z), atol=1e-15)
    assert get("tanh").derivative(5.0) < 2e-4


def final_loss(config, steps):
    trainer = config.build()
    trainer.step(steps)
    return trainer.stats().train_loss


def test_lesson_4_at_one_shared_rate_tanh_learns_faster_than_sigmoid():
    race = step("tanh", "On the same task")
    sigmoid = race.compare[0]
    assert sigmoid.lab.lr == race.lab.lr and sigmoid.label.endswith(f"{race.lab.lr:g}")
    for config in as_shown_and_seeds(race.lab):
        tanh_loss = final_loss(config, race.train)
        sigmoid_loss = final_loss(sigmoid.lab.with_changes(seed=config.seed), sigmoid.train)
        assert tanh_loss < 0.5 * sigmoid_loss, config.seed


@pytest.mark.slow  # 13 rates x 3 functions x 6 seeds: seconds, so not in the quick loop
def test_lesson_4_and_5_races_at_each_ones_best_rate():
    tanh_step, relu_step = step("tanh", "Each at its own best rate"), step("relu", "Each at its own best rate")
    runs = {"tanh": tanh_step.lab, "relu": relu_step.lab}
    runs.update({c.lab.activation: c.lab for c in (*tanh_step.compare, *relu_step.compare)})
    for act, config in runs.items():  # the rates shown are each one's best on the grid
        assert config.lr == pytest.approx(sweep.best_rate(config, act).lr), act
    for seed in range(5):
        base = runs["tanh"].with_changes(seed=seed)
        reach = {act: sweep.steps_to_reach(base.with_changes(activation=act, lr=sweep.best_rate(base, act).lr),
                                           0.1, max_steps=600) for act in ("sigmoid", "tanh", "relu")}
        fast = max(reach["tanh"], reach["relu"])
        assert max(reach["tanh"], reach["relu"]) <= 3 * min(reach["tanh"], reach["relu"]), (seed, reach)  # close
        assert reach["sigmoid"] is None or reach["sigmoid"] >= 4 * fast, (seed, reach)  # far behind


def test_lesson_4_slope_not_centring_makes_tanh_fast():
    shown = step("tanh", "Slope, not centring")
    by_function = {c.lab.activation: c for c in shown.compare}
    assert set(by_function) == {"sigmoid", "sigmoid_centred", "sigmoid_steep"}
    assert all(c.lab.lr == shown.lab.lr and c.train == shown.train for c in shown.compare)
    for config in as_shown_and_seeds(shown.lab):
        loss = {act: final_loss(config.with_changes(activation=act), shown.train)
                for act in ("sigmoid", "sigmoid_centred", "sigmoid_steep", "tanh")}
        assert loss["sigmoid_centred"] > 0.6 and loss["sigmoid"] > 0.6, (config.seed, loss)  # centring alone: no help
        assert loss["sigmoid_steep"] < 0.5 and loss["tanh"] < 0.5, (config.seed, loss)  # the slope alone: most of it


def test_lesson_5_relu_has_slope_0_or_1_and_wins_the_shared_rate_race():
    assert set(np.unique(get("relu").derivative(np.linspace(-5, 5, 1001)))) == {0.0, 1.0}
    race = step("relu", "It converges faster")
    for config in as_shown_and_seeds(race.lab):
        relu = final_loss(config, race.train)
        sigmoid, tanh = (final_loss(c.lab.with_changes(seed=config.seed), c.train) for c in race.compare)
        assert relu < tanh < sigmoid, config.seed


def trained(config, steps):
    trainer = config.build()
    trainer.step(steps)
    return trainer.stats()


def test_lesson_6_too_high_a_rate_kills_units_and_first_layer_ones_never_return():
    too_high = step("dead-neurons", "A learning rate that is too high")
    shown = trained(too_high.lab, too_high.train)
    layer, unit = too_high.select
    assert layer == 0 and shown.dead[layer][unit]  # the unit the lesson selects really is dead
    assert too_high.lab.build().stats().dead[1].sum() >= 1  # "born dead" units at step 0, as the caption says
    for config in as_shown_and_seeds(too_high.lab):
        trainer = config.build()
        ever_dead = np.zeros(config.width, bool)
        for _ in range(50):
            trainer.step(10)
            dead = trainer.stats().dead[0]
            assert not np.any(ever_dead & ~dead), config.seed  # a dead first-layer unit never comes back
            ever_dead |= dead
        assert trainer.stats().dead_fraction >= 0.15, config.seed


def test_lesson_6_a_later_layer_unit_dies_and_comes_back():
    dead_step, back_step = step("dead-neurons", "Dead for now"), step("dead-neurons", "...and back again")
    assert dead_step.select == back_step.select and dead_step.select[0] == 1 and dead_step.lab == back_step.lab
    layer, unit = dead_step.select
    assert trained(dead_step.lab, dead_step.train).dead[layer][unit]
    back = trained(back_step.lab, back_step.train)
    assert not back.dead[layer][unit] and np.mean(back.preactivations[layer][:, unit] > 0) >= 0.5  # "most are positive"
    revived = 0
    for seed in range(5):  # not a one-seed accident: it happens on most seeds
        trainer = dead_step.lab.with_changes(seed=seed).build()
        ever_dead, came_back = np.zeros(dead_step.lab.width, bool), False
        for _ in range(50):
            trainer.step(10)
            dead = trainer.stats().dead[1]
            came_back |= bool(np.any(ever_dead & ~dead))
            ever_dead |= dead
        revived += came_back
    assert revived >= 3


def test_lesson_6_units_born_dead_usually_leave_a_network_that_cannot_learn():
    born = step("dead-neurons", "Born dead")
    assert born.lab.bias_init < 0
    coin_tosses = 0
    for config in as_shown_and_seeds(born.lab):
        trainer = config.build()
        start = trainer.stats()
        assert start.dead_fraction >= 0.6, config.seed  # most units dead before any training
        trainer.step(born.train)
        end = trainer.stats()
        assert np.all(end.dead[0] >= start.dead[0])  # the first layer's born-dead stay dead
        alive = trained(born.compare[0].lab.with_changes(seed=config.seed), born.compare[0].train)
        assert alive.accuracy > 0.95
        coin_tosses += end.accuracy < 0.6
    assert coin_tosses >= 4  # usually (the step as shown, and most seeds), not always


def test_lesson_6_dead_units_cost_a_narrow_network_its_fit():
    narrow = step("dead-neurons", "When dying costs accuracy")
    assert narrow.lab.width <= 4 and narrow.compare[0].lab.lr < narrow.lab.lr
    shown = trained(narrow.lab, narrow.train)
    assert shown.dead_fraction >= 0.5 and shown.accuracy < 0.7
    failures = 0
    for seed in range(5):
        fast = trained(narrow.lab.with_changes(seed=seed), narrow.train)
        gentle = trained(narrow.compare[0].lab.with_changes(seed=seed), narrow.compare[0].train)
        assert gentle.accuracy >= 0.9 and gentle.dead_fraction <= 0.15, seed
        failures += fast.accuracy < 0.7 and fast.dead_fraction >= 0.25
    assert failures >= 4


def test_lesson_6_leaky_relu_never_dies_and_a_gentle_rate_keeps_relus_alive():
    leaky_step, sensible_step = step("dead-neurons", "Leaky ReLU never dies"), step("dead-neurons", "A sensible learning rate")
    too_high = step("dead-neurons", "A learning rate that is too high")
    for seed in [None, *range(5)]:
        pick = (lambda c: c) if seed is None else (lambda c: c.with_changes(seed=seed))  # noqa: E731
        leaky = trained(pick(leaky_step.lab), leaky_step.train)
        assert leaky.dead_fraction == 0.0 and leaky.saturated_fraction == 0.0
        sensible = trained(pick(sensible_step.lab), sensible_step.train)
        fast = trained(pick(too_high.lab), too_high.train)
        assert sensible.dead_fraction <= 0.1 and 0.15 <= fast.dead_fraction <= 0.85


def test_lesson_7_the_sweep_shows_relu_dying_with_the_rate_and_leaky_relu_not():
    shown = LESSONS["learning-rate-sweep"].steps[0].lab  # the seed the lesson shows
    rates = sweep.learning_rates(count=5, low=0.01, high=10.0)
    for base in as_shown_and_seeds(shown):
        results = list(sweep.sweep(base, rates))
        relu = [r.dead_fraction for r in results if r.activation == "relu"]
        leaky = [r.dead_fraction for r in results if r.activation == "leaky_relu"]
        assert relu[-1] >= 0.3 and relu[-1] > relu[0], base.seed
        assert leaky == [0.0] * len(rates)


def test_every_lesson_file_round_trips():
    for lesson in LESSONS.values():
        assert lessons.parse(json.dumps(lesson.to_dict())) == lesson


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d.update(format="x"), "not an Activation Explorer lesson"),
    (lambda d: d.update(version=7), "version"),
    (lambda d: d.update(steps=[]), "1 to"),
    (lambda d: d["steps"][0].update(caption=""), "caption"),
    (lambda d: d["steps"][0].update(lab={"width": 99}), "width"),
    (lambda d: d["steps"][0].update(view="pie"), "view"),
    (lambda d: d["steps"][0].update(select=[9, 0]), "select"),
    (lambda d: d["steps"][0].update(train=-5), "train"),
    (lambda d: d["steps"][0].update(explorer={"colour": 1}), "explorer"),
    (lambda d: d["steps"][0].update(surprise=True), "unknown"),
    (lambda d: d["steps"][0].update(select=[True, None]), "select"),
    (lambda d: d["steps"][0].update(train=5.0), "train"),
    (lambda d: d["steps"][0].update(explorer={"current": "no_such_function"}), "unknown activation"),
    (lambda d: d["steps"][0].update(explorer={"probe": "5"}), "probe"),
    (lambda d: d["steps"][0].update(explorer={"z_range": "05"}), "z-range"),
    (lambda d: d["steps"][0].update(lab={"seed": 10**400}), "seed"),
    (lambda d: d.update(version="v" * 1_000_000), "version 'vvvv"),
])
def test_bad_lesson_files_are_refused(mutate, message):
    doc = LESSONS["relu"].to_dict()
    mutate(doc)
    with pytest.raises(LessonError, match=message):
        lessons.parse(json.dumps(doc))


def test_unknown_builtin_lists_the_real_ones():
    with pytest.raises(LessonError, match="dead-neurons"):
        lessons.builtin("nope")


def test_numbers_python_cannot_read_are_refused_not_raised():
    text = json.dumps(LESSONS["relu"].to_dict()).replace('"train": ', '"train": ' + "9" * 5000, 1)
    with pytest.raises(LessonError, match="too long"):
        lessons.parse(text)


def test_messages_quote_only_a_short_excerpt():
    doc = LESSONS["relu"].to_dict()
    doc["steps"][0]["explorer"] = {"current": "y" * 1_000_000}
    with pytest.raises(LessonError) as refusal:
        lessons.parse(json.dumps(doc))
    assert len(str(refusal.value)) <= lessons.MAX_MESSAGE + 1


def test_hundreds_of_damaged_lessons_are_refused_cleanly():
    from tests.core.test_session import leaf_paths, replaced, value_at, wrong_values_for

    doc = LESSONS["dead-neurons"].to_dict()
    rng = random.Random(8)
    paths = [p for p in leaf_paths(doc) if p]
    refused = 0
    for _ in range(400):
        path = rng.choice(paths)
        text = json.dumps(replaced(doc, path, rng.choice(wrong_values_for(value_at(doc, path)))))
        try:
            lessons.parse(text)
        except LessonError as error:  # anything else (a traceback) fails the test
            assert 0 < len(str(error)) <= lessons.MAX_MESSAGE + 1
            refused += 1
    assert refused >= 390  # a swap can still make a valid lesson (a caption of other text)
