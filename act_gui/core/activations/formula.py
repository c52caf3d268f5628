"""Activation functions typed as formulas: ``z * sigmoid(beta * z)``, ``max(0.1*z, z)``.

The text is read by a small parser of our own into a tree of whitelisted nodes; it is
never handed to ``eval``, ``exec``, ``compile`` or any parser that evaluates (Python's
``ast.parse`` compiles, and ``sympy.sympify`` evaluates). The language:

* numbers (``2``, ``0.5``, ``1e-3``), the variable ``z`` and declared parameter names;
* ``+ - * / **`` (``**`` binds tighter than unary minus on its left, as in Python:
  ``-z**2`` is ``-(z**2)``), parentheses;
* the functions ``exp log log1p sqrt abs sin cos tan tanh sinh cosh arctan erf sigmoid
  softplus relu`` (one argument), ``max min`` (two) and ``where(condition, a, b)``, whose
  condition compares two expressions with ``< <= > >= == !=``.

Anything else (another name, a string, an attribute, a subscript, a keyword) is refused
with :class:`FormulaError`, which says what is wrong and at which column. At most
:data:`MAX_LENGTH` characters and :data:`MAX_DEPTH` levels of nesting.

**f′ is exact**: every node carries its value and its derivative with respect to z
(forward-mode automatic differentiation), so f′ has the accuracy of f, with no step
size. At kinks it follows autograd's conventions, as the registry does: ``abs′(0) = 0``,
``relu′(0) = 0``, ``where`` takes the slope of the branch it takes, and ``max``/``min``
at a tie take the slope of their *first* argument, so ``max(0, z)`` has slope 0 at 0
(like ReLU) and ``max(0.1*z, z)`` has slope 0.1 there (like Leaky ReLU).

Constant sub-expressions are computed once, in floating point (``9**9**9`` is ``inf``,
not a huge integer), and three cancellations are rewritten into their exact forms:
``1 + erf(u)`` → ``erfc(-u)``, ``exp(u) - 1`` → ``expm1(u)``, ``log(1 + u)`` → ``log1p(u)``.
Values that overflow or are undefined (``exp(800)``, ``log(-1)``) come out as ±inf or
NaN, silently; the views say where.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Callable

import numpy as np

from act_gui.core.activations import numerics as nm

MAX_LENGTH = 500
MAX_DEPTH = 50
VARIABLE = "z"
UNARY = ("exp", "log", "log1p", "sqrt", "abs", "sin", "cos", "tan", "tanh", "sinh", "cosh", "arctan", "erf",
         "sigmoid", "softplus", "relu")
BINARY = ("max", "min")
FUNCTIONS = UNARY + BINARY + ("where",)
COMPARISONS = ("<=", ">=", "==", "!=", "<", ">")
NAME = re.compile(r"[A-Za-z_][A-Za-z_0-9]*\Z")
_TOKEN = re.compile(r"\s*(?:(?P<number>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)|(?P<name>[A-Za-z_][A-Za-z_0-9]*)"
                    r"|(?P<op>\*\*|<=|>=|==|!=|[-+*/(),<>]))")
_ERF = np.frompyfunc(math.erf, 1, 1)
_TWO_OVER_ROOT_PI = 2.0 / math.sqrt(math.pi)


class FormulaError(ValueError):
    """A formula that cannot be used; ``column`` (from 1) is where the problem is."""

    def __init__(self, message: str, column: int, part: str = "formula") -> None:
        super().__init__(f"column {column}: {message}")
        self.reason, self.column = message, column
        self.part = part  # "formula", or "params" when a parameter's declaration is at fault


# --- the tree -------------------------------------------------------------------------
@dataclass(frozen=True)
class Node:
    kind: str  # "num", "z", "param", "neg", "+", "-", "*", "/", "**", "call", "compare"
    column: int
    value: float = 0.0  # for "num"
    name: str = ""  # parameter, function or comparison operator
    args: tuple["Node", ...] = ()

    @property
    def constant(self) -> bool:
        """True if the node depends on neither z nor a parameter."""
        return self.kind == "num" or (self.kind not in ("z", "param") and all(a.constant for a in self.args))

    @property
    def uses_z(self) -> bool:
        return self.kind == "z" or any(a.uses_z for a in self.args)


def _erf(x):
    x = np.asarray(x, dtype=np.float64)
    return _ERF(x).astype(np.float64) if x.ndim else np.float64(math.erf(x))


# --- reading ----------------------------------------------------------------------------
def _tokens(text: str) -> list[tuple[str, str, int]]:
    """(kind, text, column) for each token, then an ("end", "", column) token."""
    out, position = [], 0
    stripped = text.rstrip()
    while position < len(stripped):
        match = _TOKEN.match(stripped, position)
        if match is None or match.end() == position:
            column = position + 1 + (len(stripped[position:]) - len(stripped[position:].lstrip()))
            bad = stripped[column - 1]
            hint = {"'": "strings", '"': "strings", ".": "attributes", "[": "subscripts", "]": "subscripts",
                    "=": "assignments", ":": "lambdas and slices", "^": "'^' (use ** for powers)",
                    "%": "'%'", "@": "'@'", ";": "statements"}.get(bad, f"the character {bad!r}")
            raise FormulaError(f"{hint} cannot be used in a formula", column)
        kind = match.lastgroup
        out.append((kind, match.group(kind), match.start(kind) + 1))
        position = match.end()
    out.append(("end", "", len(stripped) + 1))
    return out


class _Parser:
    def __init__(self, text: str, params: set[str]) -> None:
        self.tokens = _tokens(text)
        self.i = 0
        self.params = params
        self.depth = 0

    @property
    def token(self):
        return self.tokens[self.i]

    def take(self, op: str | None = None):
        kind, text, column = self.token
        if op is not None and text != op:
            raise FormulaError(f"expected {op!r} here, found {text or 'the end'}", column)
        self.i += 1
        return kind, text, column

    def nest(self, column: int) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise FormulaError(f"nested more than {MAX_DEPTH} levels deep", column)

    def formula(self) -> Node:
        node = self.expression()
        kind, text, column = self.token
        if kind != "end":
            raise FormulaError(f"unexpected {text!r}", column)
        return node

    def expression(self) -> Node:
        node = self.term()
        while self.token[1] in ("+", "-"):
            _, op, column = self.take()
            node = Node(op, column, args=(node, self.term()))
        return node

    def term(self) -> Node:
        node = self.unary()
        while self.token[1] in ("*", "/"):
            _, op, column = self.take()
            node = Node(op, column, args=(node, self.unary()))
        return node

    def unary(self) -> Node:
        if self.token[1] in ("-", "+"):
            _, op, column = self.take()
            self.nest(column)
            operand = self.unary()
            self.depth -= 1
            return Node("neg", column, args=(operand,)) if op == "-" else operand
        return self.power()

    def power(self) -> Node:
        base = self.atom()
        if self.token[1] == "**":
            _, _, column = self.take()
            self.nest(column)
            exponent = self.unary()  # right-associative; 2**-z is allowed
            self.depth -= 1
            return Node("**", column, args=(base, exponent))
        return base

    def atom(self) -> Node:
        kind, text, column = self.take()
        if kind == "number":
            return Node("num", column, value=float(text))
        if text == "(":
            self.nest(column)
            node = self.expression()
            self.take(")")
            self.depth -= 1
            return node
        if kind == "name":
            if self.token[1] == "(":
                return self.call(text, column)
            if text == VARIABLE:
                return Node("z", column)
            if text in self.params:
                return Node("param", column, name=text)
            if text in FUNCTIONS:
                raise FormulaError(f"{text} is a function: write {text}(...)", column)
            known = ", ".join(sorted(self.params)) or "none declared"
            raise FormulaError(f"unknown name {text!r}: use z, a parameter ({known}) or a number", column)
        raise FormulaError(f"expected a number, z, a parameter or '(' here, found {text or 'the end'}", column)

    def call(self, name: str, column: int) -> Node:
        if name not in FUNCTIONS:
            raise FormulaError(f"unknown function {name!r}; the functions are: {', '.join(FUNCTIONS)}", column)
        self.take("(")
        self.nest(column)
        args = [self.condition() if name == "where" else self.expression()]
        while self.token[1] == ",":
            self.take()
            args.append(self.expression())
        self.take(")")
        self.depth -= 1
        wanted = 3 if name == "where" else 2 if name in BINARY else 1
        if len(args) != wanted:
            raise FormulaError(f"{name} takes {wanted} argument{'s' if wanted > 1 else ''}, got {len(args)}", column)
        return Node("call", column, name=name, args=tuple(args))

    def condition(self) -> Node:
        left = self.expression()
        kind, op, column = self.token
        if op not in COMPARISONS:
            raise FormulaError("where's first argument must compare two expressions, e.g. z > 0", column)
        self.take()
        return Node("compare", column, name=op, args=(left, self.expression()))


# --- simplifying ---------------------------------------------------------------------------
def _simplify(node: Node) -> Node:
    """Constants folded (in floating point) and cancellations rewritten exactly."""
    args = tuple(_simplify(a) for a in node.args)
    node = Node(node.kind, node.column, node.value, node.name, args)
    if node.kind not in ("num", "compare") and args and all(a.kind == "num" for a in args):
        with np.errstate(all="ignore"):
            value, _ = evaluator(node)(np.float64(0.0), {})
        return Node("num", node.column, value=float(value))
    one = lambda n: n.kind == "num" and n.value == 1.0  # noqa: E731
    call = lambda n, name: n.kind == "call" and n.name == name  # noqa: E731
    if node.kind == "+" and len(args) == 2:
        for a, b in (args, args[::-1]):
            if one(a) and call(b, "erf"):  # 1 + erf(u) = erfc(-u), exact where erf(u) -> -1
                return Node("call", b.column, name="erfc", args=(Node("neg", b.column, args=b.args),))
    if node.kind == "-" and one(args[1]) and call(args[0], "exp"):  # exp(u) - 1 = expm1(u)
        return Node("call", args[0].column, name="expm1", args=args[0].args)
    if node.kind == "-" and one(args[0]) and call(args[1], "erf"):  # 1 - erf(u) = erfc(u)
        return Node("call", args[1].column, name="erfc", args=args[1].args)
    if call(node, "log") and args[0].kind == "+":
        a, b = args[0].args
        if one(a) or one(b):  # log(1 + u) = log1p(u)
            return Node("call", node.column, name="log1p", args=(b if one(a) else a,))
    return node


# --- evaluating: value and slope together --------------------------------------------------
Compiled = Callable[[np.ndarray, dict], tuple[np.ndarray, np.ndarray]]


def _unary_rule(name: str):
    """(f, f') of a one-argument function, each taking the argument's value."""
    return {
        "exp": (np.exp, np.exp),
        "expm1": (np.expm1, np.exp),
        "log": (np.log, lambda v: 1.0 / v),
        "log1p": (np.log1p, lambda v: 1.0 / (1.0 + v)),
        "sqrt": (np.sqrt, lambda v: 0.5 / np.sqrt(v)),
        "abs": (np.abs, np.sign),  # sign(0) = 0: autograd's abs'(0)
        "sin": (np.sin, np.cos),
        "cos": (np.cos, lambda v: -np.sin(v)),
        "tan": (np.tan, lambda v: 1.0 / np.cos(v) ** 2),
        "tanh": (np.tanh, nm.sech2),
        "sinh": (np.sinh, np.cosh),
        "cosh": (np.cosh, np.sinh),
        "arctan": (np.arctan, lambda v: 1.0 / (1.0 + v * v)),
        "erf": (_erf, lambda v: _TWO_OVER_ROOT_PI * np.exp(-np.minimum(v * v, 1e300))),
        "erfc": (nm.erfc, lambda v: -_TWO_OVER_ROOT_PI * np.exp(-np.minimum(v * v, 1e300))),
        "sigmoid": (nm.sigmoid, nm.sigmoid_prime),
        "softplus": (nm.softplus, nm.sigmoid),
        "relu": (lambda v: np.maximum(v, 0.0), lambda v: (v > 0).astype(np.float64)),
    }[name]


_COMPARE = {"<": np.less, "<=": np.less_equal, ">": np.greater, ">=": np.greater_equal, "==": np.equal,
            "!=": np.not_equal}


def evaluator(node: Node, slopes: bool = True) -> Compiled:
    """A function (z, params) -> (f, f') for the tree under ``node`` (f' is 0.0 throughout
    when ``slopes`` is False: f alone costs what the registry's kernels cost)."""
    kind = node.kind
    if kind == "num":
        value = np.float64(node.value)  # numpy arithmetic: overflow gives inf, never an exception
        return lambda z, p: (value, 0.0)
    if kind == "z":
        one = 1.0 if slopes else 0.0
        return lambda z, p: (z, one)
    if kind == "param":
        name = node.name
        return lambda z, p: (p[name], 0.0)
    args = [evaluator(a, slopes) for a in node.args]
    if kind == "neg":
        (a,) = args

        def negative(z, p):
            v, d = a(z, p)
            return -v, (-d if slopes else 0.0)
        return negative
    if kind in ("+", "-", "*", "/"):
        a, b = args

        def rule(z, p):
            (va, da), (vb, db) = a(z, p), b(z, p)
            if kind == "+":
                return va + vb, (da + db if slopes else 0.0)
            if kind == "-":
                return va - vb, (da - db if slopes else 0.0)
            if kind == "*":
                return va * vb, (da * vb + va * db if slopes else 0.0)
            q = va / vb
            return q, ((da - q * db) / vb if slopes else 0.0)
        return rule
    if kind == "**":
        a, b = args
        base_const, exp_const = not node.args[0].uses_z, not node.args[1].uses_z

        def power(z, p):
            (va, da), (vb, db) = a(z, p), b(z, p)
            v = va ** vb
            if not slopes:
                return v, 0.0
            if exp_const:  # z**2, z**beta: c·a^(c-1)·a' (finite at a = 0 for c >= 1)
                return v, _chain(lambda x: vb * x ** (vb - 1.0), va, da)
            if base_const:  # 2**z: a^b·ln(a)·b'
                return v, v * np.log(va) * db
            return v, v * (db * np.log(va) + vb * da / va)
        return power
    if kind == "compare":
        a, b = args
        test = _COMPARE[node.name]
        return lambda z, p: (test(a(z, p)[0], b(z, p)[0]), 0.0)
    name = node.name
    if name in BINARY:
        a, b = args
        first_wins = np.greater_equal if name == "max" else np.less_equal

        def pick(z, p):
            (va, da), (vb, db) = a(z, p), b(z, p)
            first = first_wins(va, vb)  # a tie goes to the first argument
            return np.where(first, va, vb), (np.where(first, da, db) if slopes else 0.0)
        return pick
    if name == "where":
        c, a, b = args

        def branch(z, p):
            cond = c(z, p)[0]
            (va, da), (vb, db) = a(z, p), b(z, p)
            return np.where(cond, va, vb), (np.where(cond, da, db) if slopes else 0.0)
        return branch
    f, f_prime = _unary_rule(name)
    (a,) = args

    def unary(z, p):
        v, d = a(z, p)
        return f(v), (_chain(f_prime, v, d) if slopes else 0.0)
    return unary


def _chain(outer_slope, v, d):
    """outer′(v) · d, where a zero inner slope gives zero even if outer′ is infinite there
    (sqrt(relu(z)) is flat, not undefined, for z < 0)."""
    if np.ndim(d) == 0 and d == 0:
        return 0.0
    out = outer_slope(v) * d
    bad = np.isnan(out)
    if bad.any():
        out = np.where(bad & (np.asarray(d) == 0), 0.0, out)
    return out


# --- the result ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Formula:
    """A checked formula: its text, its parameters' names and a compiled f and f′."""

    text: str
    params: tuple[str, ...]
    tree: Node
    evaluate: Compiled
    evaluate_value: Compiled  # f alone

    def value(self, z, params: dict) -> np.ndarray:
        """f(z) as a float64 array shaped like z, without warnings."""
        z = np.asarray(z, dtype=np.float64)
        with np.errstate(all="ignore"):
            return _shaped(self.evaluate_value(z, params)[0], z)

    def both(self, z, params: dict) -> tuple[np.ndarray, np.ndarray]:
        """(f(z), f′(z)) as float64 arrays shaped like z, without warnings."""
        z = np.asarray(z, dtype=np.float64)
        with np.errstate(all="ignore"):
            value, slope = self.evaluate(z, params)
            return _shaped(value, z), _shaped(slope, z)


def _shaped(values, z: np.ndarray) -> np.ndarray:
    values = np.asarray(values, dtype=np.float64)
    if values is z:  # (the formula "z"): never hand back the caller's own array
        return values.copy()
    return values if values.shape == z.shape else np.broadcast_to(values, z.shape).copy()


def parse(text: str, params=()) -> Formula:
    """Check ``text`` and compile it; FormulaError (with the column) if it cannot be used."""
    if not isinstance(text, str):
        raise FormulaError("a formula must be text", 1)
    if len(text) > MAX_LENGTH:
        raise FormulaError(f"longer than {MAX_LENGTH} characters ({len(text)})", MAX_LENGTH + 1)
    if not text.strip():
        raise FormulaError("the formula is empty", 1)
    names = tuple(params)
    for name in names:
        if not isinstance(name, str) or not NAME.match(name) or name == VARIABLE or name in FUNCTIONS:
            raise FormulaError(f"{name!r} cannot be a parameter name (a name like beta or alpha_1, "
                               "not z or a function)", 1, "params")
    tree = _simplify(_Parser(text, set(names)).formula())
    if not tree.uses_z:
        raise FormulaError("the formula does not use z", 1)
    return Formula(text, names, tree, evaluator(tree), evaluator(tree, slopes=False))


# --- f′ as a formula, for reading ----------------------------------------------------------
# The derivative is *computed* by the forward mode above; this writes the same rules out
# as a formula of the language (so it can be read, and even typed back in), simplified
# just enough to be legible.

def _num(value: float) -> Node:
    return Node("num", 0, value=float(value))


def _op(kind: str, a: Node, b: Node) -> Node:
    """a (kind) b with the obvious simplifications (0 and 1, constants folded)."""
    zero = lambda n: n.kind == "num" and n.value == 0.0  # noqa: E731
    one = lambda n: n.kind == "num" and n.value == 1.0  # noqa: E731
    if a.kind == "num" and b.kind == "num":
        with np.errstate(all="ignore"):
            return _num(evaluator(Node(kind, 0, args=(a, b)))(np.float64(0.0), {})[0])
    if kind == "+":
        return b if zero(a) else a if zero(b) else Node("+", 0, args=(a, b))
    if kind == "-":
        return a if zero(b) else _neg(b) if zero(a) else Node("-", 0, args=(a, b))
    if kind == "*":
        if zero(a) or zero(b):
            return _num(0.0)
        if b.kind == "num" and a.kind == "*" and a.args[1].kind == "num":  # (x * 2) * 3 = x * 6
            return _op("*", a.args[0], _op("*", a.args[1], b))
        if b.kind == "num" and a.kind != "num":  # numbers first: 6 * x
            return _op("*", b, a)
        if a.kind == "num" and b.kind == "*" and b.args[0].kind == "num":  # 2 * (3 * x) = 6 * x
            return _op("*", _op("*", a, b.args[0]), b.args[1])
        return b if one(a) else a if one(b) else Node("*", 0, args=(a, b))
    if kind == "/":
        return _num(0.0) if zero(a) else a if one(b) else Node("/", 0, args=(a, b))
    if kind == "**":
        return _num(1.0) if zero(b) else a if one(b) else Node("**", 0, args=(a, b))
    raise ValueError(kind)


def _neg(a: Node) -> Node:
    if a.kind == "num":
        return _num(-a.value)
    return a.args[0] if a.kind == "neg" else Node("neg", 0, args=(a,))


def _call(name: str, *args: Node) -> Node:
    return Node("call", 0, name=name, args=args)


def _derive(node: Node) -> Node:
    """The tree of d(node)/dz, by the same rules (and kink conventions) as the evaluation."""
    kind = node.kind
    if kind in ("num", "param") or not node.uses_z:
        return _num(0.0)
    if kind == "z":
        return _num(1.0)
    args = node.args
    if kind == "neg":
        return _neg(_derive(args[0]))
    if kind in ("+", "-"):
        return _op(kind, _derive(args[0]), _derive(args[1]))
    if kind == "compare":
        return _num(0.0)
    if kind == "call" and node.name == "where":
        return _call("where", args[0], _derive(args[1]), _derive(args[2]))
    a, da = args[0], _derive(args[0])
    if kind == "*":
        b, db = args[1], _derive(args[1])
        return _op("+", _op("*", da, b), _op("*", a, db))
    if kind == "/":
        b, db = args[1], _derive(args[1])
        return _op("/", _op("-", _op("*", da, b), _op("*", a, db)), _op("**", b, _num(2.0)))
    if kind == "**":
        b, db = args[1], _derive(args[1])
        if not b.uses_z:
            return _op("*", _op("*", b, _op("**", a, _op("-", b, _num(1.0)))), da)
        return _op("*", node, _op("+", _op("*", db, _call("log", a)), _op("/", _op("*", b, da), a)))
    name = node.name
    if name in BINARY:
        b, db = args[1], _derive(args[1])
        test = ">=" if name == "max" else "<="
        return _call("where", Node("compare", 0, name=test, args=(a, b)), da, db)
    u = a
    outer = {
        "exp": lambda: _call("exp", u), "expm1": lambda: _call("exp", u),
        "log": lambda: _op("/", _num(1.0), u), "log1p": lambda: _op("/", _num(1.0), _op("+", _num(1.0), u)),
        "sqrt": lambda: _op("/", _num(0.5), _call("sqrt", u)),
        "abs": lambda: _call("where", Node("compare", 0, name=">", args=(u, _num(0.0))), _num(1.0),
                             _call("where", Node("compare", 0, name="<", args=(u, _num(0.0))), _num(-1.0), _num(0.0))),
        "sin": lambda: _call("cos", u), "cos": lambda: _neg(_call("sin", u)),
        "tan": lambda: _op("/", _num(1.0), _op("**", _call("cos", u), _num(2.0))),
        "tanh": lambda: _op("-", _num(1.0), _op("**", _call("tanh", u), _num(2.0))),
        "sinh": lambda: _call("cosh", u), "cosh": lambda: _call("sinh", u),
        "arctan": lambda: _op("/", _num(1.0), _op("+", _num(1.0), _op("**", u, _num(2.0)))),
        "erf": lambda: _op("*", _num(_TWO_OVER_ROOT_PI), _call("exp", _neg(_op("**", u, _num(2.0))))),
        "erfc": lambda: _op("*", _num(-_TWO_OVER_ROOT_PI), _call("exp", _neg(_op("**", u, _num(2.0))))),
        "sigmoid": lambda: _op("*", _call("sigmoid", u), _op("-", _num(1.0), _call("sigmoid", u))),
        "softplus": lambda: _call("sigmoid", u),
        "relu": lambda: _call("where", Node("compare", 0, name=">", args=(u, _num(0.0))), _num(1.0), _num(0.0)),
    }[name]()
    return _op("*", outer, da)


_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "neg": 3, "**": 4}
_WRITTEN = {"erfc": lambda args: f"(1 - erf({args[0]}))", "expm1": lambda args: f"(exp({args[0]}) - 1)"}


def to_text(node: Node) -> str:
    """A tree written in the formula language, with as few parentheses as it needs."""
    kind = node.kind
    if kind == "num":
        return repr(node.value).removesuffix(".0") if math.isfinite(node.value) else repr(node.value)
    if kind == "z":
        return VARIABLE
    if kind == "param":
        return node.name
    if kind == "compare":
        return f"{to_text(node.args[0])} {node.name} {to_text(node.args[1])}"
    if kind == "call":
        args = [to_text(a) for a in node.args]
        return _WRITTEN[node.name](args) if node.name in _WRITTEN else f"{node.name}({', '.join(args)})"
    mine = _PRECEDENCE[kind]

    def part(child: Node, right: bool = False) -> str:
        theirs = _PRECEDENCE.get(child.kind, 5) if not (child.kind == "num" and child.value < 0) else 3
        tight = theirs < mine or (right and theirs == mine and kind in ("-", "/")) or \
            (kind == "**" and (theirs <= 4 if not right else theirs < 3))
        text = to_text(child)
        return f"({text})" if tight else text
    if kind == "neg":
        return "-" + part(node.args[0])
    a, b = node.args
    gap = "" if kind == "**" else " "
    return f"{part(a)}{gap}{kind}{gap}{part(b, right=True)}"


def derivative_text(formula: Formula) -> str:
    """f′ of ``formula`` written as a formula (the rules the evaluation uses)."""
    return to_text(_derive(formula.tree))
