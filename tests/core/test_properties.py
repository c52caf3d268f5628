"""The properties each registry entry tabulates are checked against its own numbers.

A teacher reads these tables aloud; a wrong "monotonic: yes" would teach something false.
"""

from __future__ import annotations

import numpy as np
import pytest

from act_gui.core.activations import REGISTRY, get
from act_gui.core.activations.analysis import gradient_regions, max_abs_slope, runs

IDS = list(REGISTRY)
Z = np.linspace(-60, 60, 120001)


@pytest.mark.parametrize("act_id", IDS)
def test_output_stays_within_the_stated_range(act_id):
    act = get(act_id)
    lo, hi = act.properties.output_range
    # Far points too: softsign and arctan approach their bounds only polynomially.
    f = act.forward(np.concatenate([Z, [-1e7, 1e7]]))
    assert f.min() >= lo - 1e-4 and f.max() <= hi + 1e-4
    if act.properties.bounded_below:  # the bound is approached, not just respected
        assert f.min() == pytest.approx(lo, abs=1e-3)
    if act.properties.bounded_above:
        assert f.max() == pytest.approx(hi, abs=1e-3)


@pytest.mark.parametrize("act_id", IDS)
def test_zero_centred_means_odd(act_id):
    act = get(act_id)
    odd = np.allclose(act.forward(-Z[Z > 0]), -act.forward(Z[Z > 0]), atol=1e-12)
    assert odd == act.properties.zero_centred


@pytest.mark.parametrize("act_id", IDS)
def test_monotonic_flag(act_id):
    act = get(act_id)
    assert bool(np.all(np.diff(act.forward(Z)) >= 0)) == act.properties.monotonic


@pytest.mark.parametrize("act_id", IDS)
def test_smooth_flag_agrees_with_kinks(act_id):
    act = get(act_id)
    assert (len(act.kinks(**act.defaults())) == 0) == act.properties.smooth


@pytest.mark.parametrize("act_id", IDS)
def test_saturating_sides(act_id):
    act = get(act_id)
    peak, _ = max_abs_slope(act)
    flat = np.abs(act.derivative(np.array([-60.0, 60.0]))) <= 1e-3 * max(peak, 1e-300)
    expected = {(False, False): "none", (True, False): "negative",
                (False, True): "positive", (True, True): "both"}[tuple(flat.tolist())]
    assert act.properties.saturates == expected


@pytest.mark.parametrize("act_id", IDS)
def test_zero_gradient_region_flag(act_id):
    act = get(act_id)
    has_region = any(b - a > 1 for a, b in runs(act.derivative(np.linspace(-20, 20, 4001)) == 0))
    assert has_region == act.properties.zero_gradient_region


@pytest.mark.parametrize("act_id", IDS)
def test_tabulated_maximum_slope(act_id):
    act = get(act_id)
    peak, _ = max_abs_slope(act)
    assert peak == pytest.approx(act.properties.max_abs_grad, rel=1e-4, abs=1e-12)


def test_regions_of_relu_and_sigmoid():
    z = np.linspace(-6, 6, 1201)
    relu = gradient_regions(z, get("relu").derivative(z), 1.0)
    assert len(relu["zero"]) == 1 and relu["zero"][0][1] == pytest.approx(0.0, abs=0.01)
    assert relu["saturated"] == []
    sig = gradient_regions(z, get("sigmoid").derivative(z), 0.25)
    # σ'(z) < 0.05 · 0.25 for |z| > about 4.36 on both sides, and nowhere exactly zero.
    assert sig["zero"] == [] and len(sig["saturated"]) == 2
    assert sig["saturated"][0][1] == pytest.approx(-4.36, abs=0.02)
    assert sig["saturated"][1][0] == pytest.approx(4.36, abs=0.02)


def test_a_single_zero_is_not_a_region():
    z = np.linspace(-3, 3, 601)
    assert gradient_regions(z, get("tanhshrink").derivative(z), 1.0)["zero"] == []


def test_maximum_slope_can_sit_on_a_kink():
    assert max_abs_slope(get("selu")) == pytest.approx((1.0507009873554805 * 1.6732632423543772, 0.0))
    # Hard swish's slope rises to 1.5 just below z = 3 and is 1 at 3 (PyTorch's value).
    assert max_abs_slope(get("hardswish")) == pytest.approx((1.5, 3.0))
    assert float(get("hardswish").derivative(3.0)) == 1.0
