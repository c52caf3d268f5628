"""The MLP: backprop through every registry activation, initialisation, stable losses."""

from __future__ import annotations

import numpy as np
import pytest

from act_gui.core.activations import REGISTRY, get
from act_gui.core.lab.network import INITS, MLP


def inputs_clear_of_kinks(net, rng, n=6, margin=1e-3):
    """Inputs whose pre-activations all keep ``margin`` away from every kink."""
    for _ in range(200):
        X = rng.normal(0, 1.5, (n, net.sizes[0]))
        run = net.forward(X)
        clear = True
        for layer, act in enumerate(net.activations):
            kinks = np.array(act.kinks(**net.activation_params[layer]), dtype=float)
            if kinks.size and np.min(np.abs(run.pre[layer][..., None] - kinks)) < margin:
                clear = False
        if clear:
            return X
    raise AssertionError("could not draw inputs away from the kinks")


def numeric_gradients(net, X, y, h=1e-6):
    grads = []
    for p in net.parameters():
        g = np.zeros_like(p)
        for i in np.ndindex(p.shape):
            keep = p[i]
            p[i] = keep + h
            up = net.loss(X, y)
            p[i] = keep - h
            down = net.loss(X, y)
            p[i] = keep
            g[i] = (up - down) / (2 * h)
        grads.append(g)
    return grads


@pytest.mark.parametrize("output", ["sigmoid", "identity"])
@pytest.mark.parametrize("act_id", list(REGISTRY))
def test_backprop_matches_finite_differences(act_id, output):
    rng = np.random.default_rng(7)
    net = MLP([2, 4, 3, 1], activation=act_id, output=output, init="glorot_normal",
              bias_init=0.1, seed=3)
    X = inputs_clear_of_kinks(net, rng)
    y = rng.integers(0, 2, len(X)).astype(float) if output == "sigmoid" else rng.normal(size=len(X))
    _, grads = net.loss_and_gradients(X, y)
    analytic = grads["weights"] + grads["biases"]
    for got, expected in zip(analytic, numeric_gradients(net, X, y)):
        np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-8)


def test_per_layer_activations_and_parameters():
    net = MLP([1, 3, 3, 1], activation=["elu", "leaky_relu"],
              activation_params=[{"alpha": 2.0}, {"negative_slope": 0.2}], seed=1)
    assert [a.id for a in net.activations] == ["elu", "leaky_relu"]
    X = np.array([[-1.0], [0.7]])
    run = net.forward(X)
    np.testing.assert_allclose(run.inputs[1], get("elu").forward(run.pre[0], alpha=2.0))
    np.testing.assert_allclose(run.inputs[2], get("leaky_relu").forward(run.pre[1], negative_slope=0.2))


def test_shapes_follow_the_layer_sizes():
    net = MLP([2, 8, 5, 1])
    assert [w.shape for w in net.weights] == [(2, 8), (8, 5), (5, 1)]
    assert [b.shape for b in net.biases] == [(8,), (5,), (1,)]
    assert net.predict(np.zeros((7, 2))).shape == (7,)


@pytest.mark.parametrize("init, std", [("glorot_normal", np.sqrt(2 / 400)), ("he_normal", np.sqrt(2 / 200)),
                                       ("lecun_normal", np.sqrt(1 / 200)), ("normal", 0.7),
                                       ("glorot_uniform", np.sqrt(2 / 400)), ("he_uniform", np.sqrt(2 / 200))])
def test_initialisation_spreads(init, std):
    scale = 0.7 if init == "normal" else 1.0
    w = MLP([200, 200, 1], init=init, init_scale=scale, seed=0).weights[0]
    assert w.std() == pytest.approx(std, rel=0.03) and abs(w.mean()) < 0.1 * std


def test_init_scale_and_bias_init():
    small = MLP([4, 6, 1], init="he_normal", init_scale=0.1, bias_init=0.5, seed=2)
    full = MLP([4, 6, 1], init="he_normal", seed=2)
    np.testing.assert_allclose(small.weights[0], 0.1 * full.weights[0])
    assert np.all(small.biases[0] == 0.5)
    assert set(INITS) == {"glorot_uniform", "glorot_normal", "he_normal", "he_uniform", "lecun_normal", "normal"}


def test_cross_entropy_is_stable_at_huge_logits():
    net = MLP([1, 1], output="sigmoid")
    net.weights[0][:] = 1.0
    X = np.array([[1e6], [-1e6]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        loss, grads = net.loss_and_gradients(X, np.array([0.0, 1.0]))
    assert loss == pytest.approx(1e6) and np.isfinite(grads["weights"][0]).all()


def test_mean_squared_error_definition():
    net = MLP([1, 1], output="identity")
    net.weights[0][:] = 2.0
    net.biases[0][:] = 1.0
    assert net.loss(np.array([[1.0], [0.0]]), np.array([0.0, 0.0])) == pytest.approx((9 + 1) / 2)


@pytest.mark.parametrize("kwargs", [dict(sizes=[2]), dict(sizes=[2, 0, 1]), dict(sizes=[2, 4, 1], init="zeros"),
                                    dict(sizes=[2, 4, 1], output="softmax"),
                                    dict(sizes=[2, 4, 4, 1], activation=["relu"]),
                                    dict(sizes=[2, 4, 1], init_scale=float("nan"))])
def test_bad_architectures_are_refused(kwargs):
    with pytest.raises(ValueError):
        MLP(**kwargs)


def test_unknown_activation_lists_valid_ids():
    with pytest.raises(KeyError, match="valid ids"):
        MLP([2, 3, 1], activation="swoosh")
