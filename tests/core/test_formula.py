"""Activations typed as formulas: exact values and slopes, measured properties, safe parsing."""

from __future__ import annotations

import itertools
import math
import random
import time
import warnings

import numpy as np
import pytest

from act_gui.core.activations import REGISTRY, FormulaError, from_formula, get
from act_gui.core.activations.as_formula import as_formula
from act_gui.core.activations.formula import MAX_DEPTH, MAX_LENGTH

Z = np.concatenate([np.linspace(-30, 30, 6001), [0.0, 1e-9, -1e-9, 5e-324, -5e-324]])

# (formula, parameters, the registry entry with the same maths, its parameters)
EQUIVALENTS = [
    ("z * sigmoid(z)", {}, "silu", {}),
    ("z * tanh(softplus(z))", {}, "mish", {}),
    ("z * 0.5 * (1 + erf(z / sqrt(2)))", {}, "gelu", {}),
    ("z / (1 + abs(z))", {}, "softsign", {}),
    ("where(z > 0, z, s * z)", {"s": 0.01}, "leaky_relu", {}),
    ("max(s * z, z)", {"s": 0.01}, "leaky_relu", {}),
    ("where(z > 0, z, alpha * (exp(z) - 1))", {"alpha": 1.0}, "elu", {}),
    ("where(z > 0, z, alpha * (exp(z) - 1))", {"alpha": (1.7, 0.0, 5.0)}, "elu", {"alpha": 1.7}),
    ("max(0, z)", {}, "relu", {}),
    ("tanh(z)", {}, "tanh", {}),
    ("sigmoid(z)", {}, "sigmoid", {}),
]


@pytest.mark.parametrize("text, params, ref, ref_params", EQUIVALENTS)
def test_a_formula_matches_the_registry_entry_with_the_same_maths(text, params, ref, ref_params):
    mine, theirs = from_formula(text, params), get(ref)
    assert mine.group == "custom" and mine.source == text
    np.testing.assert_allclose(mine.forward(Z), theirs.forward(Z, **ref_params), rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(mine.derivative(Z), theirs.derivative(Z, **ref_params), rtol=1e-12, atol=1e-300)


@pytest.mark.parametrize("text, params", [
    ("z * sigmoid(beta * z)", {"beta": 1.5}), ("z / (1 + abs(z)) ** 2", {}), ("sin(z) * exp(-z**2 / 8)", {}),
    ("log1p(exp(a * z)) / a", {"a": 2.0}), ("2**z / (1 + 2**z)", {}), ("z**3 - 2*z", {}),
    ("arctan(z) + cosh(z / 10) - sinh(z / 10)", {}), ("sqrt(1 + z*z) - 1", {}), ("tan(z / 10)", {}),
    ("min(z, 1) + max(z, -1)", {}), ("relu(z) ** 0.5", {}), ("(1 + z*z) ** (z / 10)", {}),
    ("where(z >= 1, log(z), z - 1)", {}), ("erf(z) * z", {}),
])
def test_every_slope_agrees_with_central_differences(text, params):
    act = from_formula(text, params)
    z = np.linspace(-6.3, 6.7, 401)  # (no grid point on a kink)
    z = z[np.min(np.abs(z[:, None] - np.asarray(act.kinks(**act.defaults()) or [99.0])[None, :]), axis=1) > 1e-3]
    h = 1e-6
    central = (act.forward(z + h) - act.forward(z - h)) / (2 * h)
    np.testing.assert_allclose(act.derivative(z), central, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("text, params, ref, ref_params", [e for e in EQUIVALENTS if not e[3]])  # (tabulated at defaults)
def test_measured_properties_match_the_registrys_tabulated_ones(text, params, ref, ref_params):
    mine = from_formula(text, params).properties
    theirs = get(ref).properties
    for field in ("zero_centred", "monotonic", "smooth", "saturates", "zero_gradient_region",
                  "bounded_below", "bounded_above"):
        assert getattr(mine, field) == getattr(theirs, field), field
    for mine_bound, their_bound in zip(mine.output_range, theirs.output_range):
        assert mine_bound == pytest.approx(their_bound, abs=1e-4) or mine_bound == their_bound
    assert mine.max_abs_grad == pytest.approx(theirs.max_abs_grad, rel=1e-3)
    assert mine.range_text.startswith(theirs.range_text[0]) and mine.range_text.endswith(theirs.range_text.split(" for")[0][-1])


def test_kinks_follow_autograd_conventions():
    assert from_formula("abs(z)").derivative(0.0) == 0.0
    assert from_formula("relu(z)").derivative(0.0) == 0.0
    assert from_formula("max(0, z)").derivative(0.0) == 0.0  # a tie takes the first argument's slope
    assert from_formula("max(0.1 * z, z)").derivative(0.0) == pytest.approx(0.1)
    assert from_formula("where(z > 0, z, 0)").derivative(0.0) == 0.0
    assert list(from_formula("abs(z)").kinks()) == [pytest.approx(0.0, abs=1e-15)]
    assert list(from_formula("where(z > b, z, b)", {"b": 2.0}).kinks(b=1.0)) == [pytest.approx(1.0, abs=1e-12)]


def test_overflow_and_undefined_values_come_out_silently_as_inf_and_nan():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        exp = from_formula("exp(z)")
        assert exp.forward(800.0) == math.inf and exp.derivative(800.0) == math.inf
        log = from_formula("log(z)")
        assert math.isnan(log.forward(-1.0)) and log.forward(0.0) == -math.inf
        assert from_formula("9**9**9 * z").forward(1.0) == math.inf  # floating point, not a huge integer
        assert exp.forward(np.inf) == math.inf and exp.forward(-np.inf) == 0.0  # limits


def test_parameters_are_checked_and_have_ranges():
    act = from_formula("z * sigmoid(beta * z)", {"beta": (1.0, 0.1, 4.0)})
    assert act.params[0].min == 0.1 and act.params[0].max == 4.0
    assert float(act.forward(1.0, beta=2.0)) == pytest.approx(1 / (1 + math.exp(-2)))
    with pytest.raises(ValueError):
        act.forward(1.0, beta=9.0)
    for bad in ({"z": 1.0}, {"exp": 1.0}, {"b c": 1.0}, {"beta": "x"}, {"beta": (5.0, 0.0, 1.0)},
                {"beta": math.nan}, {"beta": (1, 2)}):
        with pytest.raises(FormulaError):
            from_formula("z * sigmoid(z)", bad)


def hostile_formulas(count: int = 240) -> list[str]:
    """Payloads that would do something if evaluated, and malformed texts of every kind."""
    payloads = [
        "__import__('os').system('touch {m}')", "open('{m}', 'w').write('x')", "exec(\"open('{m}','w')\")",
        "eval(\"open('{m}','w')\")", "(lambda: open('{m}','w'))()", "z.__class__.__bases__[0].__subclasses__()",
        "[c for c in ().__class__.__base__.__subclasses__()]", "globals()['__builtins__']", "z if open('{m}') else z",
        "compile('open(\"{m}\",\"w\")', 'x', 'exec')", "getattr(z, '__class__')", "__builtins__.open('{m}','w')",
        "z; import os", "import os", "z @ z", "z % 2", "z // 2", "not z", "z and z", "z or 1", "{{}}", "{m}",
        "sympify('z')", "np.exp(z)", "math.exp(z)", "exp(z)[0]", "exp(z).real", "f'{{z}}'", "b'z'", "z = 1",
        "z := 1", "x", "exp", "exp()", "exp(z, z)", "max(z)", "where(z, z)", "where(1, z, z)", "z <", "< z",
        "z > 0", "()", "(", ")", "z)", "(z", "1e", "1e+", "..5", "1.2.3", "z ** ", "** z", "z + + ", "z,",
        ",z", "", "   ", "\n", "\t", "z\x00", "z # comment", "z \\ 2", "z ^ 2", "z ? 1 : 2", "é * z", "z ** z **",
    ]
    marker = "MARKER_FILE"
    texts = [p.format(m=marker) for p in payloads]
    texts += ["(" * (MAX_DEPTH + 1) + "z" + ")" * (MAX_DEPTH + 1), "-" * (MAX_DEPTH + 5) + "z",
              "z" + "+z" * (MAX_LENGTH // 2), "exp(" * 60 + "z" + ")" * 60, "9" * 600, "z*" * 300 + "z"]
    rng = random.Random(0)
    alphabet = list("z+-*/()., <>=!0123456789e") + ["exp(", "max(", "where(", "**", "abc", "'", "[", "]", "_"]
    while len(texts) < count:
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
        try:
            from_formula(text)
        except FormulaError:
            texts.append(text)  # a malformed one (the generator also makes valid ones: those are skipped)
    return texts


def test_hundreds_of_hostile_or_malformed_formulas_are_refused_quickly_with_a_position(tmp_path, monkeypatch):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)  # where a payload that ran would leave its marker
    texts = hostile_formulas()
    assert len(texts) >= 200
    start = time.perf_counter()
    for text in texts:
        begun = time.perf_counter()
        with pytest.raises(FormulaError) as refused:
            from_formula(text)
        assert time.perf_counter() - begun < 1.0, text  # no refusal hangs (e.g. on 9**9**9)
        error = refused.value
        assert isinstance(error, ValueError) and 1 <= error.column <= max(len(text), MAX_LENGTH) + 1
        assert str(error).startswith(f"column {error.column}: ")
    assert time.perf_counter() - start < 30
    assert not list(work.iterdir())  # nothing was created: no payload ran


def test_the_language_accepts_what_it_promises():
    names = ["exp", "log", "log1p", "sqrt", "abs", "sin", "cos", "tan", "tanh", "sinh", "cosh", "arctan", "erf",
             "sigmoid", "softplus", "relu"]
    for name, op in itertools.product(names, ["+", "-", "*", "/", "**"]):
        from_formula(f"{name}(z / 3 + 2) {op} -0.5e0")
    for cmp in ("<", "<=", ">", ">=", "==", "!="):
        from_formula(f"where(z {cmp} 1, min(z, 2), max(z, -2))")
    assert from_formula("-z**2").forward(3.0) == -9.0  # ** binds tighter than unary minus
    assert from_formula("2**-z").forward(1.0) == 0.5


@pytest.mark.parametrize("act_id", list(REGISTRY))
def test_every_built_in_function_duplicates_as_a_formula_with_the_same_maths(act_id):
    act = REGISTRY[act_id]
    text, params = as_formula(act)
    mine = from_formula(text, params)
    z = np.concatenate([np.linspace(-8, 8, 1601), [0.0, 3.0, -3.0, 0.5, -0.5, 6.0, 1.0, -1.0]])
    np.testing.assert_allclose(mine.forward(z), act.forward(z), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(mine.derivative(z), act.derivative(z), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("text, params", [
    ("z * sigmoid(beta * z)", {"beta": 1.5}), ("max(0.1 * z, z)", {}), ("z / (1 + abs(z))", {}),
    ("where(z > 0, z, alpha * (exp(z) - 1))", {"alpha": 1.0}), ("z * 0.5 * (1 + erf(z / sqrt(2)))", {}),
    ("z * tanh(softplus(z))", {}), ("2**-z", {}), ("(1 + z*z) ** (z / 10)", {}), ("log1p(z*z) - arctan(z)", {}),
    ("sin(z) * cos(2*z) / cosh(z / 3)", {}), ("min(z, 1) * sinh(z / 4)", {}),
])
def test_the_written_out_slope_is_a_formula_that_gives_the_computed_slope(text, params):
    act = from_formula(text, params)
    written = act.formula_prime.removeprefix("f′(z) = ")
    again = from_formula(written, params)  # the written f′ is itself a formula of the language
    z = np.linspace(-5, 5, 1001)
    np.testing.assert_allclose(again.forward(z), act.derivative(z), rtol=1e-9, atol=1e-12)
