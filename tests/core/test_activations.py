"""The activation registry: accuracy, robustness, kink conventions and tabulated properties.

Every test that loops over the registry is parametrised by id, so a new entry is covered
the moment it is added.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from act_gui.core import activations
from act_gui.core.activations import REGISTRY, get
from tests.core import reference

IDS = list(REGISTRY)
RAISE_ON_TROUBLE = dict(over="raise", invalid="raise", divide="raise", under="ignore")


def grid_away_from_kinks(act, lo=-12.0, hi=12.0, n=97, margin=1e-3, **params):
    """A grid with small and moderate |z|, minus points within ``margin`` of a kink."""
    z = np.concatenate([np.linspace(lo, hi, n), [1e-9, -1e-9, 1e-4, -1e-4, 0.05, -0.05]])
    kinks = np.array(act.kinks(**act.resolve(params)), dtype=float)
    if kinks.size:
        z = z[np.min(np.abs(z[:, None] - kinks[None, :]), axis=1) > margin]
    return np.sort(z)


def assert_close(actual, expected, rtol, floor):
    """Relative error at most rtol, measured against max(|expected|, floor).

    The floor only matters next to a zero of the function (e.g. where silu' crosses 0),
    where relative error is meaningless whatever the implementation.
    """
    expected = np.asarray(expected, dtype=float)
    err = np.abs(np.asarray(actual) - expected) / np.maximum(np.abs(expected), floor)
    worst = int(np.argmax(err))
    assert err[worst] <= rtol, f"relative error {err[worst]:.2e} at index {worst}"


@pytest.mark.parametrize("act_id", IDS)
def test_forward_matches_exact_definition(act_id):
    act = get(act_id)
    z = grid_away_from_kinks(act)
    expected = [reference.value(act_id, float(x)) for x in z]
    assert_close(act.forward(z), expected, rtol=1e-12, floor=1e-300)


@pytest.mark.parametrize("act_id", IDS)
def test_derivative_matches_exact_definition(act_id):
    act = get(act_id)
    z = grid_away_from_kinks(act)
    expected = [reference.slope(act_id, float(x)) for x in z]
    # Floor 1e-12: one step of the grid can land within ~1e-4 of a root of f'.
    assert_close(act.derivative(z), expected, rtol=1e-12, floor=1e-12)


@pytest.mark.parametrize("act_id", IDS)
def test_derivative_matches_central_finite_difference(act_id):
    act = get(act_id)
    z = grid_away_from_kinks(act, margin=1e-2)
    h = 1e-6
    fd = (act.forward(z + h) - act.forward(z - h)) / (2 * h)
    np.testing.assert_allclose(act.derivative(z), fd, rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize(
    "act_id, params",
    [("leaky_relu", {"negative_slope": 0.3}), ("prelu", {"a": -0.5}), ("elu", {"alpha": 2.5}),
     ("celu", {"alpha": 0.3}), ("softplus", {"beta": 3.0, "threshold": 5.0}),
     ("hardtanh", {"min_val": -2.0, "max_val": 0.5}), ("softshrink", {"lambd": 1.7}),
     ("hardshrink", {"lambd": 2.2})],
)
def test_parameters_change_the_function_as_defined(act_id, params):
    act = get(act_id)
    z = grid_away_from_kinks(act, **params)
    assert_close(act.forward(z, **params), [reference.value(act_id, float(x), **params) for x in z],
                 rtol=1e-12, floor=1e-300)
    assert_close(act.derivative(z, **params), [reference.slope(act_id, float(x), **params) for x in z],
                 rtol=1e-12, floor=1e-12)


def test_known_values_from_the_lecture_notes():
    sig, tanh = get("sigmoid"), get("tanh")
    assert sig.derivative(np.array([15.0, -15.0])) == pytest.approx([3.059e-7, 3.059e-7], rel=1e-3)
    z = np.linspace(-10, 10, 20001)
    assert sig.derivative(z).max() == 0.25 and z[np.argmax(sig.derivative(z))] == 0.0
    assert tanh.derivative(z).max() == 1.0
    np.testing.assert_allclose(tanh.forward(z), 2 * sig.forward(2 * z) - 1, atol=1e-15)
    np.testing.assert_allclose(sig.derivative(z), sig.forward(z) * (1 - sig.forward(z)), atol=1e-16)


def test_exact_gelu_uses_an_accurate_error_function():
    # Φ(z) far in the lower tail, where 1 + erf(z/√2) would cancel to 0 or garbage.
    z = np.array([-5.0, -10.0, -20.0, -30.0])
    assert_close(get("gelu").forward(z), [reference.value("gelu", x) for x in z], 1e-12, 1e-300)
    assert np.all(get("gelu").forward(z) < 0)


@pytest.mark.parametrize(
    "act_id, z, slope",
    [("relu", 0.0, 0.0), ("leaky_relu", 0.0, 0.01), ("prelu", 0.0, 0.25), ("relu6", 0.0, 0.0),
     ("relu6", 6.0, 0.0), ("elu", 0.0, 1.0), ("selu", 0.0, activations.SELU_SCALE * activations.SELU_ALPHA),
     ("hardtanh", -1.0, 0.0), ("hardtanh", 1.0, 0.0), ("hardsigmoid", -3.0, 0.0),
     ("hardsigmoid", 3.0, 0.0), ("hardswish", -3.0, 0.0), ("hardswish", 3.0, 1.0),
     ("softshrink", 0.5, 0.0), ("softshrink", -0.5, 0.0), ("hardshrink", 0.5, 0.0),
     ("binary_step", 0.0, 0.0)],
)
def test_derivative_at_a_kink_follows_autograd(act_id, z, slope):
    assert float(get(act_id).derivative(z)) == pytest.approx(slope, rel=1e-15)


@pytest.mark.parametrize("act_id", IDS)
def test_extreme_inputs_never_overflow_or_produce_nan(act_id):
    act = get(act_id)
    z = np.array([-1.7e308, -1e200, -1e12, -1e4, -800.0, -50.0, 50.0, 800.0, 1e4, 1e12, 1e200, 1.7e308])
    with np.errstate(**RAISE_ON_TROUBLE):
        f, df = act.forward(z), act.derivative(z)
    assert f.dtype == np.float64 and df.dtype == np.float64
    assert not np.isnan(f).any() and not np.isnan(df).any()


@pytest.mark.parametrize("act_id", IDS)
def test_nan_in_gives_nan_out_and_infinity_gives_the_limit(act_id):
    act = get(act_id)
    z = np.array([np.nan, -np.inf, np.inf])
    with np.errstate(**RAISE_ON_TROUBLE):
        f, df = act.forward(z), act.derivative(z)
    assert np.isnan(f[0]) and np.isnan(df[0])
    far = np.array([-1e300, 1e300])
    for got, at_far in ((f[1:], act.forward(far)), (df[1:], act.derivative(far))):
        for limit, approx in zip(got, at_far):
            if math.isnan(limit):  # no limit (sine): the value at ±1e300 is arbitrary
                continue
            if math.isinf(limit):
                assert np.sign(limit) == np.sign(approx) and abs(approx) > 1e250
            else:
                assert approx == pytest.approx(limit, abs=1e-12)


@pytest.mark.parametrize("act_id", IDS)
def test_shape_is_preserved(act_id):
    act = get(act_id)
    z = np.linspace(-3, 3, 24).reshape(2, 3, 4)
    assert act.forward(z).shape == z.shape and act.derivative(z).shape == z.shape
    assert act.forward(0.5).shape == ()
    assert act.forward([1, 2]).dtype == np.float64


def test_out_of_range_parameter_names_the_allowed_range():
    with pytest.raises(ValueError, match=r"negative_slope.*\[0, 1\]"):
        get("leaky_relu").forward(np.zeros(3), negative_slope=2.0)
    with pytest.raises(ValueError, match=r"alpha"):
        get("celu").forward(np.zeros(3), alpha=0.0)
    with pytest.raises(TypeError, match=r"unknown parameter"):
        get("relu").forward(np.zeros(3), alpha=1.0)
    with pytest.raises(TypeError, match=r"must be a number"):
        get("elu").forward(np.zeros(3), alpha="big")


def test_defaults_follow_pytorch():
    assert get("leaky_relu").defaults() == {"negative_slope": 0.01}
    assert get("prelu").defaults() == {"a": 0.25}
    assert get("softplus").defaults() == {"beta": 1.0, "threshold": 20.0}
    assert get("hardtanh").defaults() == {"min_val": -1.0, "max_val": 1.0}
    assert get("softshrink").defaults() == get("hardshrink").defaults() == {"lambd": 0.5}
    assert get("elu").defaults() == get("celu").defaults() == {"alpha": 1.0}


def test_unknown_id_lists_the_valid_ones():
    with pytest.raises(KeyError) as info:
        get("swishy")
    assert "swishy" in str(info.value) and "relu" in str(info.value) and "arctan" in str(info.value)


def test_registry_holds_every_required_function():
    required = ("identity binary_step sigmoid tanh relu leaky_relu prelu relu6 elu selu celu gelu "
                "gelu_tanh silu mish softplus softsign hardtanh hardsigmoid hardswish logsigmoid "
                "tanhshrink softshrink hardshrink sin arctan").split()
    assert set(required) <= set(activations.ids())


@pytest.mark.parametrize("act_id", IDS)
def test_every_parameter_default_lies_in_its_range(act_id):
    for spec in get(act_id).params:
        assert spec.min <= spec.default <= spec.max and spec.label
