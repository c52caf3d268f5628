"""Toy data sets: seeded, split, and shaped as the Network Lab expects."""

import numpy as np
import pytest

from act_gui.core.lab import datasets


@pytest.mark.parametrize("name", datasets.NAMES)
def test_every_data_set_is_seeded_and_split(name):
    a = datasets.make(name, 200, noise=0.1, seed=3)
    b = datasets.make(name, 200, noise=0.1, seed=3)
    c = datasets.make(name, 200, noise=0.1, seed=4)
    assert np.array_equal(a.X_train, b.X_train) and np.array_equal(a.y_test, b.y_test)
    assert not np.array_equal(a.X_train, c.X_train)
    assert len(a.X_train) == 200 and len(a.X_test) == 50
    assert a.X_train.shape[1] == (50 if name == "teacher" else 1 if name == "sine" else 2)
    assert np.isfinite(a.X_train).all() and np.isfinite(a.y_train).all()


@pytest.mark.parametrize("name", [n for n, spec in datasets.SPECS.items() if spec.task == "classification"])
def test_classification_labels_are_balanced_zeros_and_ones(name):
    d = datasets.make(name, 400, seed=0)
    assert set(np.unique(d.y_train)) == {0.0, 1.0}
    assert 0.4 < d.y_train.mean() < 0.6 and d.task == "classification"


def test_the_teacher_has_the_inputs_asked_for_and_a_learnable_rule():
    for inputs in (2, 20, 64):
        data = datasets.make("teacher", 300, noise=0.0, seed=1, inputs=inputs)
        assert data.X_train.shape == (300, inputs) and data.X_test.shape == (75, inputs)
    with pytest.raises(ValueError, match="inputs"):
        datasets.make("teacher", 100, inputs=65)


def test_noise_jitters_the_points():
    clean, noisy = datasets.make("circles", 100, noise=0.0), datasets.make("circles", 100, noise=0.2)
    radius = lambda d: np.hypot(*d.X_train.T)  # noqa: E731
    assert np.all((radius(clean) <= 0.45) | (radius(clean) >= 0.65))
    assert np.any((radius(noisy) > 0.45) & (radius(noisy) < 0.65))


@pytest.mark.parametrize("kwargs", [dict(name="swirl"), dict(name="xor", n=2), dict(name="xor", noise=5.0),
                                    dict(name="xor", n=10**6)])
def test_bad_requests_are_refused(kwargs):
    with pytest.raises((KeyError, ValueError)):
        datasets.make(**kwargs)
