"""Training: determinism, diagnostics of dead and saturated units, divergence, the ReLU story."""

from __future__ import annotations

import numpy as np
import pytest

from act_gui.core.lab import datasets
from act_gui.core.lab.network import MLP
from act_gui.core.lab.training import Trainer


def reference_run(activation, lr, seed, steps=500):
    data = datasets.make("circles", 256, noise=0.05, seed=seed)
    net = MLP([2, 16, 16, 1], activation=activation, init="he_normal", seed=seed)
    trainer = Trainer(net, data, lr=lr, seed=seed)
    trainer.step(steps)
    return trainer.stats()


def test_same_seed_gives_a_bit_identical_loss_history():
    def run(trainer_seed):
        data = datasets.make("moons", 200, noise=0.1, seed=4)
        net = MLP([2, 8, 8, 1], activation="tanh", seed=4)
        trainer = Trainer(net, data, lr=0.1, batch_size=32, momentum=0.9, l2=1e-3, seed=trainer_seed)
        trainer.step(300)
        return trainer.losses.copy(), net.weights[0].copy()

    (a, wa), (b, wb), (c, _) = run(1), run(1), run(2)
    assert len(a) == 300 and np.array_equal(a, b) and np.array_equal(wa, wb)
    assert not np.array_equal(a, c)  # another batch order is another run


def test_training_learns_xor():
    data = datasets.make("xor", 256, noise=0.02, seed=0)
    trainer = Trainer(MLP([2, 8, 8, 1], activation="tanh", seed=0), data, lr=0.5, seed=0)
    before = trainer.stats()
    trainer.step(1500)
    after = trainer.stats()
    assert after.train_loss < 0.3 * before.train_loss and after.accuracy > 0.9
    assert after.step == 1500


def test_dead_and_saturated_units_on_hand_built_weights():
    data = datasets.make("gaussians", 64, noise=0.05, seed=0)
    net = MLP([2, 3, 1], activation="relu")
    net.weights[0][:] = [[0.0, 1.0, 1.0], [0.0, 1.0, 0.0]]
    net.biases[0][:] = [-5.0, 10.0, 0.0]  # unit 0 never fires, unit 1 always, unit 2 sometimes
    stats = Trainer(net, data).stats()
    assert stats.dead[0].tolist() == [True, False, False]
    assert stats.dead_fraction == pytest.approx(1 / 3)
    assert stats.firing_rates[0][0] == 0.0 and stats.firing_rates[0][1] > 9

    sig = MLP([2, 2, 1], activation="sigmoid")
    sig.weights[0][:] = 0.0
    sig.biases[0][:] = [15.0, 0.0]  # unit 0 sits at z = 15, where σ' ≈ 3e-7
    stats = Trainer(sig, data).stats()
    assert stats.saturated[0].tolist() == [True, False] and stats.dead[0].tolist() == [False, False]
    assert stats.firing_display[0][0] == pytest.approx(1.0, abs=1e-6)
    assert np.all(stats.preactivations[0][:, 0] == 15.0)


def test_relu_dies_at_a_high_learning_rate_and_leaky_relu_does_not():
    seeds = range(3)
    relu_high = np.mean([reference_run("relu", 3.0, s).dead_fraction for s in seeds])
    relu_low = np.mean([reference_run("relu", 0.03, s).dead_fraction for s in seeds])
    leaky_high = [reference_run("leaky_relu", 3.0, s).dead_fraction for s in seeds]
    assert relu_high >= 0.2, relu_high
    assert relu_low <= 0.1, relu_low
    assert leaky_high == [0.0, 0.0, 0.0]


def test_gradient_norms_vanish_through_a_deep_sigmoid_net():
    # σ' is at most 0.25, so each sigmoid layer shrinks the gradient flowing back.
    data = datasets.make("circles", 256, seed=0)
    sigmoid = Trainer(MLP([2, 8, 8, 8, 8, 1], activation="sigmoid", init="glorot_normal", seed=0), data).stats()
    tanh = Trainer(MLP([2, 8, 8, 8, 8, 1], activation="tanh", init="glorot_normal", seed=0), data).stats()
    assert sigmoid.grad_norms[0] < 1e-2 * sigmoid.grad_norms[-1]
    assert sigmoid.grad_norms[0] / sigmoid.grad_norms[-1] < 0.1 * tanh.grad_norms[0] / tanh.grad_norms[-1]


def test_divergence_is_undone_and_reported():
    data = datasets.make("sine", 128, noise=0.0, seed=0)

    def fresh():
        net = MLP([1, 16, 16, 1], activation="identity", output="identity", init="normal", init_scale=2.0, seed=0)
        return net, Trainer(net, data, lr=10.0)

    net, trainer = fresh()
    done = trainer.step(10_000)
    stats = trainer.stats()
    assert stats.diverged and done < 10_000
    failed = stats.diverged_at
    assert trainer.steps == failed - 1 and stats.step == failed - 1
    assert all(np.isfinite(p).all() for p in net.parameters())
    # The parameters are exactly those before the failing update.
    replay_net, replay = fresh()
    replay.step(failed - 1)
    assert all(np.array_equal(a, b) for a, b in zip(net.parameters(), replay_net.parameters()))
    assert trainer.step(5) == 0 and trainer.steps == failed - 1  # stopped until told otherwise
    trainer.resume()
    assert not trainer.stats().diverged


def test_changing_hyperparameters_keeps_the_weights():
    data = datasets.make("xor", 64, seed=0)
    net = MLP([2, 4, 1], seed=0)
    trainer = Trainer(net, data, lr=0.1)
    trainer.step(10)
    weights = [w.copy() for w in net.weights]
    trainer.set_hyperparameters(lr=0.01, momentum=0.5, batch_size=16, l2=0.01)
    assert all(np.array_equal(a, b) for a, b in zip(weights, net.weights)) and trainer.steps == 10
    for bad in (dict(lr=0.0), dict(lr=100.0), dict(momentum=1.0), dict(batch_size=0), dict(l2=-1.0)):
        with pytest.raises(ValueError):
            trainer.set_hyperparameters(**bad)
    assert trainer.lr == 0.01


def test_network_and_data_must_agree():
    with pytest.raises(ValueError, match="inputs"):
        Trainer(MLP([2, 4, 1]), datasets.make("sine", 32))


def test_a_trainer_hands_over_its_whole_state_and_takes_it_back():
    from act_gui.core.lab import LabConfig

    config = LabConfig(batch_size=16, momentum=0.9, dataset="moons")
    original = config.build()
    original.step(20)
    copy = config.build()
    copy.load_state_dict(original.state_dict())
    original.step(15)
    copy.step(15)  # same batches, same momentum: bit-identical
    assert np.array_equal(original.losses, copy.losses)
    assert all(np.array_equal(a, b) for a, b in zip(original.net.parameters(), copy.net.parameters()))


def test_a_state_that_does_not_fit_is_refused_and_changes_nothing():
    from act_gui.core.lab import LabConfig

    trainer = LabConfig(width=4).build()
    trainer.step(3)
    before = trainer.state_dict()
    other = LabConfig(width=5).build().state_dict()
    with pytest.raises(ValueError, match="do not fit"):
        trainer.load_state_dict(other)
    bad_rng = dict(before, rng={"bit_generator": "PCG64", "state": {"state": True, "inc": 1}})
    with pytest.raises(ValueError, match="random state"):
        trainer.load_state_dict(bad_rng)
    assert trainer.steps == 3 and all(np.array_equal(a, b) for a, b in
                                      zip(trainer.net.parameters(), before["parameters"]))
