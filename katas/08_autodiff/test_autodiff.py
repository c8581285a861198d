"""Tests for kata 08. Oracles: derivatives worked out by hand, numpy arithmetic and tf.GradientTape in float64."""

import contextlib
import math

import numpy as np
import pytest
import tensorflow as tf

from tfkatas.testing import assert_close, assert_python_float, calls_forbidden


def random_points(seed, shape, low=0.5, high=2.0, dtype=np.float32):
    return np.random.default_rng(seed).uniform(low, high, size=shape).astype(dtype)


def assert_gradient(gradient, expected, what, **tolerances):
    assert gradient is not None, (f"{what} gave None: the tape did not record x "
                                  "(a tf.constant is only recorded after tape.watch(x))")
    assert_close(gradient, expected, what, **tolerances)


@contextlib.contextmanager
def counting(cls):
    """Counts the objects of `cls` (tf.GradientTape, tf.autodiff.ForwardAccumulator) built in the block."""
    built = []
    original = cls.__init__

    def init(self, *args, **kwargs):
        built.append(self)
        original(self, *args, **kwargs)

    cls.__init__ = init
    try:
        yield built
    finally:
        cls.__init__ = original


def test_value_and_gradient_on_the_docstring_example(kata):
    value, gradient = kata.value_and_gradient(lambda x: tf.reduce_sum(x ** 2), tf.constant([1.0, 2.0, 3.0]))
    assert_close(value, 14.0, "value_and_gradient(sum(x**2), [1, 2, 3]) value")
    assert_gradient(gradient, [2.0, 4.0, 6.0], "value_and_gradient(sum(x**2), [1, 2, 3]) gradient",
                    dtype=tf.float32)


def test_value_and_gradient_of_a_cubic_on_a_3x4_constant(kata):
    x = random_points(1, (3, 4))
    value, gradient = kata.value_and_gradient(lambda t: tf.reduce_sum(t ** 3), tf.constant(x))
    assert_close(value, np.sum(x ** 3), "value_and_gradient(sum(x**3), 3x4 x) value")
    assert_gradient(gradient, 3 * x ** 2, "value_and_gradient(sum(x**3), 3x4 x) gradient", dtype=tf.float32)


def test_value_and_gradient_keeps_a_float64_dtype(kata):
    x = random_points(9, (2, 5), dtype=np.float64)
    value, gradient = kata.value_and_gradient(lambda t: tf.reduce_sum(tf.sin(t)), tf.constant(x))
    assert_close(value, np.sum(np.sin(x)), "value_and_gradient(sum(sin x), float64 2x5 x) value")
    assert_gradient(gradient, np.cos(x), "value_and_gradient(sum(sin x), float64 2x5 x) gradient", dtype=tf.float64)


def test_gradients_of_each_returns_one_gradient_per_function(kata):
    x = random_points(2, (2, 3))
    functions = [lambda t: tf.reduce_sum(t ** 2), lambda t: tf.reduce_sum(3.0 * t), lambda t: tf.reduce_sum(tf.exp(t))]
    with counting(tf.GradientTape) as tapes:
        gradients = kata.gradients_of_each(functions, tf.constant(x))
    assert isinstance(gradients, list), (f"gradients_of_each(3 functions, x) returned {type(gradients).__name__}, "
                                         "expected a Python list of gradients")
    assert len(gradients) == 3, f"gradients_of_each(3 functions, x) returned {len(gradients)} gradients, expected 3"
    assert len(tapes) == 1, f"gradients_of_each(3 functions, x) opened {len(tapes)} tf.GradientTape(s), expected one"
    for index, expected in enumerate([2 * x, np.full_like(x, 3.0), np.exp(x)]):
        assert_gradient(gradients[index], expected, f"gradients_of_each(3 functions, 2x3 x)[{index}]")


@pytest.mark.parametrize("name, function, first, second", [
    ("x**3", lambda x: x ** 3, lambda x: 3 * x ** 2, lambda x: 6 * x),
    ("sin", tf.sin, np.cos, lambda x: -np.sin(x)),
], ids=["cube", "sin"])
def test_second_derivative_of_element_wise_functions(kata, name, function, first, second):
    x = random_points(3, (2, 3), low=-2.0, high=2.0)
    got_first, got_second = kata.second_derivative(function, tf.constant(x))
    assert_gradient(got_first, first(x), f"second_derivative({name}, 2x3 x) first derivative", rtol=1e-5, atol=1e-5)
    assert_gradient(got_second, second(x), f"second_derivative({name}, 2x3 x) second derivative",
                    rtol=1e-5, atol=1e-5)


def test_numerical_gradient_of_a_quadratic(kata):
    x = np.array([[1.0, 2.0], [3.0, 4.0]])
    assert_close(kata.numerical_gradient(lambda t: np.sum(t ** 2), x), 2 * x,
                 "numerical_gradient(sum(x**2), [[1, 2], [3, 4]])", dtype=np.float64, rtol=1e-7, atol=1e-7)


def test_numerical_gradient_uses_central_differences(kata):
    # A forward difference is off by about 3 * x * epsilon here; a central one by epsilon**2.
    x = random_points(4, (3, 2), dtype=np.float64)
    assert_close(kata.numerical_gradient(lambda t: np.sum(t ** 3), x), 3 * x ** 2,
                 "numerical_gradient(sum(x**3), 3x2 x)", rtol=1e-6, atol=1e-6)


def test_numerical_gradient_leaves_x_unchanged_and_respects_epsilon(kata):
    x = random_points(5, (4,), dtype=np.float64)
    original = x.copy()
    # For exp, the central difference overshoots by exp(x) * epsilon**2 / 6: visible at epsilon 0.1.
    got = kata.numerical_gradient(lambda t: np.sum(np.exp(t)), x, epsilon=0.1)
    assert_close(x, original, "x after numerical_gradient (it must not be changed)", rtol=0, atol=0)
    expected = np.exp(x) * np.sinh(0.1) / 0.1
    assert_close(got, expected, "numerical_gradient(sum(exp(x)), x, epsilon=0.1)", rtol=1e-9, atol=1e-9)


def test_numerical_gradient_returns_a_numpy_array_from_a_tensor_valued_function(kata):
    x = random_points(10, (2, 3), dtype=np.float64)
    got = kata.numerical_gradient(lambda t: tf.reduce_sum(tf.constant(t) ** 2), x)
    assert isinstance(got, np.ndarray), (f"numerical_gradient(a function returning a tensor, x) returned "
                                         f"{type(got).__name__}, expected a float64 numpy array")
    assert_close(got, 2 * x, "numerical_gradient(tf.reduce_sum(x**2), 2x3 x)", dtype=np.float64, rtol=1e-7, atol=1e-7)


def test_max_gradient_error_is_tiny_for_a_correct_gradient(kata):
    x = random_points(6, (2, 3), dtype=np.float64)
    error = kata.max_gradient_error(lambda t: tf.reduce_sum(tf.sin(t) * t), x)
    assert isinstance(error, float), f"max_gradient_error returned {type(error).__name__}, expected a Python float"
    assert 0 <= error < 1e-6, f"max_gradient_error(sum(x*sin x), 2x3 x) returned {error}, expected below 1e-6"


@tf.custom_gradient
def sin_with_a_bug(x):
    """sin(x) whose hand-written gradient is wrong only where x > 1: it says 1 instead of cos x."""
    def gradient(upstream):
        return upstream * tf.where(x > 1.0, tf.ones_like(x), tf.cos(x))
    return tf.sin(x), gradient


def test_max_gradient_error_exposes_a_buggy_gradient(kata):
    x = np.array([0.2, 0.4, 1.5, 0.6, 0.8, 1.2])
    expected = max(abs(1.0 - math.cos(1.5)), abs(1.0 - math.cos(1.2)))
    error = kata.max_gradient_error(lambda t: tf.reduce_sum(sin_with_a_bug(t)), x)
    assert_python_float(error, expected, "max_gradient_error(a sin whose gradient is 1 where x > 1)", tol=1e-6)


@tf.custom_gradient
def sin_with_a_small_gradient(x):
    """sin(x) whose hand-written gradient is 0 instead of cos x where x > 1: too small there, not too big."""
    def gradient(upstream):
        return upstream * tf.where(x > 1.0, tf.zeros_like(x), tf.cos(x))
    return tf.sin(x), gradient


def test_max_gradient_error_exposes_a_gradient_that_is_too_small(kata):
    x = np.array([0.3, 1.4, 0.7, 1.1])
    expected = max(math.cos(1.4), math.cos(1.1))  # The size of the error, whatever its sign.
    error = kata.max_gradient_error(lambda t: tf.reduce_sum(sin_with_a_small_gradient(t)), x)
    assert_python_float(error, expected, "max_gradient_error(a sin whose gradient is 0 where x > 1)", tol=1e-6)


def test_notes_function_at_the_notes_point(kata):
    assert_close(kata.notes_function(tf.constant(2.0), tf.constant(5.0)), math.log(2) + 10 - math.sin(5),
                 "notes_function(2, 5)", dtype=tf.float32)


def test_notes_function_element_by_element(kata):
    x1, x2 = random_points(11, (2, 3), low=0.5, high=3.0), random_points(12, (2, 3), low=-3.0, high=3.0)
    assert_close(kata.notes_function(tf.constant(x1), tf.constant(x2)), np.log(x1) + x1 * x2 - np.sin(x2),
                 "notes_function(2x3 x1, 2x3 x2)", dtype=tf.float32)


def notes_by_hand(x1, x2):
    return np.log(x1) + x1 * x2 - np.sin(x2), 1 / x1 + x2, x1 - np.cos(x2)


@pytest.mark.parametrize("mode", ["forward_mode_partials", "reverse_mode_partials"])
def test_partials_at_the_notes_point(kata, mode):
    got = getattr(kata, mode)(tf.constant(2.0), tf.constant(5.0))
    assert len(got) == 3, f"{mode}(2, 5) returned {len(got)} values, expected (y, dy_dx1, dy_dx2)"
    for name, value, expected in zip(["y", "dy_dx1", "dy_dx2"], got, notes_by_hand(2.0, 5.0)):
        assert_gradient(value, expected, f"{mode}(2, 5) {name}")


@pytest.mark.parametrize("mode", ["forward_mode_partials", "reverse_mode_partials"])
def test_partials_on_vectors_of_points(kata, mode):
    x1, x2 = random_points(7, (5,), low=0.5, high=3.0), random_points(8, (5,), low=-3.0, high=3.0)
    got = getattr(kata, mode)(tf.constant(x1), tf.constant(x2))
    for name, value, expected in zip(["y", "dy_dx1", "dy_dx2"], got, notes_by_hand(x1, x2)):
        assert_gradient(value, expected, f"{mode}(5 points) {name}", dtype=tf.float32)


def test_forward_mode_partials_makes_one_forward_pass_per_input(kata):
    with counting(tf.autodiff.ForwardAccumulator) as accumulators:
        kata.forward_mode_partials(tf.constant([2.0, 1.0]), tf.constant([5.0, 0.5]))
    assert len(accumulators) >= 2, (f"forward_mode_partials built {len(accumulators)} tf.autodiff.ForwardAccumulator(s), "
                                    "expected one per input (forward mode, not a tape)")


def test_reverse_mode_partials_opens_one_tape(kata):
    with counting(tf.GradientTape) as tapes:
        kata.reverse_mode_partials(tf.constant([2.0, 1.0]), tf.constant([5.0, 0.5]))
    assert len(tapes) == 1, f"reverse_mode_partials opened {len(tapes)} tf.GradientTape(s), expected one"


# ----------------------------------------------------------------------------- by hand: dual numbers

NO_TAPE = ("tf.GradientTape", "tf.autodiff.ForwardAccumulator")


def assert_dual(got, value, derivative, what):
    assert hasattr(got, "value") and hasattr(got, "derivative"), (
        f"{what} returned {got!r} ({type(got).__name__}), expected a Dual with .value and .derivative")
    assert_python_float(got.value, value, f"({what}).value", tol=1e-12)
    assert_python_float(got.derivative, derivative, f"({what}).derivative", tol=1e-12)


def test_dual_arithmetic_follows_the_sum_difference_and_product_rules(kata):
    a, b = kata.Dual(3.0, 1.0), kata.Dual(2.0, 5.0)
    with calls_forbidden("Dual arithmetic", *NO_TAPE):
        assert_dual(a + b, 5.0, 6.0, "Dual(3, 1) + Dual(2, 5)")
        assert_dual(a - b, 1.0, -4.0, "Dual(3, 1) - Dual(2, 5)")
        assert_dual(a * b, 6.0, 17.0, "Dual(3, 1) * Dual(2, 5)")
        assert_dual(b * a, 6.0, 17.0, "Dual(2, 5) * Dual(3, 1)")
    assert_dual(a, 3.0, 1.0, "Dual(3, 1) after the arithmetic (operands must not change)")
    assert_dual(b, 2.0, 5.0, "Dual(2, 5) after the arithmetic (operands must not change)")


def test_dual_arithmetic_with_plain_numbers_on_either_side(kata):
    x = kata.Dual(3.0, 1.0)
    assert_dual(x + 2, 5.0, 1.0, "Dual(3, 1) + 2")
    assert_dual(2 + x, 5.0, 1.0, "2 + Dual(3, 1)")
    assert_dual(x - 5, -2.0, 1.0, "Dual(3, 1) - 5")
    assert_dual(5 - x, 2.0, -1.0, "5 - Dual(3, 1)")
    assert_dual(x * 4, 12.0, 4.0, "Dual(3, 1) * 4")
    assert_dual(4.0 * x, 12.0, 4.0, "4.0 * Dual(3, 1)")
    assert_dual(x * x + 2 * x - 1, 14.0, 8.0, "x*x + 2*x - 1 at x = Dual(3, 1)")


def test_dual_log_and_sin_apply_the_chain_rule(kata):
    assert_dual(kata.dual_log(kata.Dual(2.0, 3.0)), math.log(2.0), 1.5, "dual_log(Dual(2, 3))")
    assert_dual(kata.dual_sin(kata.Dual(0.0, 2.0)), 0.0, 2.0, "dual_sin(Dual(0, 2))")
    assert_dual(kata.dual_sin(kata.Dual(1.3, -0.5)), math.sin(1.3), -0.5 * math.cos(1.3), "dual_sin(Dual(1.3, -0.5))")


@pytest.mark.parametrize("x", [0.7, 1.9, 3.4])
def test_duals_differentiate_a_composite_function(kata, x):
    # f(x) = x * ln(x * x) - sin(2x) + 3, so f'(x) = ln(x²) + 2 - 2 cos(2x).
    with calls_forbidden("Dual arithmetic on x*ln(x*x) - sin(2x) + 3", *NO_TAPE):
        d = kata.Dual(x, 1.0)
        got = d * kata.dual_log(d * d) - kata.dual_sin(2 * d) + 3
    assert_dual(got, x * math.log(x * x) - math.sin(2 * x) + 3, math.log(x * x) + 2 - 2 * math.cos(2 * x),
                f"Dual(x, 1) through x*ln(x*x) - sin(2x) + 3 at x = {x}")


def test_forward_mode_by_hand_at_the_notes_point(kata):
    with calls_forbidden("forward_mode_by_hand(2, 5)", *NO_TAPE), counting(kata.Dual) as duals:
        got = kata.forward_mode_by_hand(2.0, 5.0)
    assert len(got) == 3, f"forward_mode_by_hand(2, 5) returned {len(got)} values, expected (y, dy_dx1, dy_dx2)"
    for name, value, expected in zip(["y", "dy_dx1", "dy_dx2"], got, (11.652071455223084, 5.5, 2 - math.cos(5))):
        assert_python_float(value, expected, f"forward_mode_by_hand(2, 5) {name}", tol=1e-9)
    assert len(duals) >= 2, (f"forward_mode_by_hand(2, 5) built {len(duals)} Dual(s): forward mode evaluates the "
                             "function on Duals, seeding each input in turn")


def tape_partials(x1, x2):
    """The notes' value and partials from tf.GradientTape in float64: an independent oracle."""
    a, b = tf.constant(x1, tf.float64), tf.constant(x2, tf.float64)
    with tf.GradientTape() as tape:
        tape.watch([a, b])
        y = tf.math.log(a) + a * b - tf.sin(b)
    return [float(y)] + [float(g) for g in tape.gradient(y, [a, b])]


POINTS = [(0.3, -2.5), (1.7, 0.4), (4.2, 3.0)]


@pytest.mark.parametrize("x1, x2", POINTS)
def test_forward_mode_by_hand_matches_a_float64_tape(kata, x1, x2):
    expected = tape_partials(x1, x2)
    with calls_forbidden(f"forward_mode_by_hand({x1}, {x2})", *NO_TAPE):
        got = kata.forward_mode_by_hand(x1, x2)
    for name, value, want in zip(["y", "dy_dx1", "dy_dx2"], got, expected):
        assert_python_float(value, want, f"forward_mode_by_hand({x1}, {x2}) {name}", tol=1e-12)


# ----------------------------------------------------------------------------- by hand: the trace and adjoints


def test_evaluation_trace_at_the_notes_point(kata):
    trace = kata.evaluation_trace(2.0, 5.0)
    assert isinstance(trace, dict) and sorted(trace) == sorted(kata.TRACE_KEYS), (
        f"evaluation_trace(2, 5) returned {trace!r}, expected a dict with the keys {list(kata.TRACE_KEYS)}")
    expected = {"v-1": 2.0, "v0": 5.0, "v1": math.log(2), "v2": 10.0, "v3": math.sin(5),
                "v4": math.log(2) + 10, "v5": math.log(2) + 10 - math.sin(5)}
    for key, want in expected.items():
        assert_python_float(trace[key], want, f"evaluation_trace(2, 5)[{key!r}]", tol=1e-12)


def test_reverse_mode_by_hand_at_the_notes_point(kata):
    with calls_forbidden("reverse_mode_by_hand(2, 5)", *NO_TAPE):
        got = kata.reverse_mode_by_hand(2.0, 5.0)
    assert len(got) == 2, f"reverse_mode_by_hand(2, 5) returned {len(got)} values, expected (y, adjoints)"
    y, adjoints = got
    assert_python_float(y, 11.652071455223084, "reverse_mode_by_hand(2, 5) y", tol=1e-9)
    assert isinstance(adjoints, dict) and sorted(adjoints) == sorted(kata.TRACE_KEYS), (
        f"reverse_mode_by_hand(2, 5) adjoints are {adjoints!r}, expected a dict with the keys {list(kata.TRACE_KEYS)}")
    expected = {"v5": 1.0, "v4": 1.0, "v3": -1.0, "v2": 1.0, "v1": 1.0, "v0": 2 - math.cos(5), "v-1": 5.5}
    for key, want in expected.items():
        assert_python_float(adjoints[key], want, f"reverse_mode_by_hand(2, 5) adjoints[{key!r}] (dy/d{key})", tol=1e-12)


@pytest.mark.parametrize("x1, x2", POINTS)
def test_reverse_mode_by_hand_matches_a_float64_tape(kata, x1, x2):
    expected = tape_partials(x1, x2)
    with calls_forbidden(f"reverse_mode_by_hand({x1}, {x2})", *NO_TAPE):
        y, adjoints = kata.reverse_mode_by_hand(x1, x2)
    what = f"reverse_mode_by_hand({x1}, {x2})"
    assert_python_float(y, expected[0], f"{what} y", tol=1e-12)
    assert_python_float(adjoints["v-1"], expected[1], f"{what} adjoints['v-1'] (dy/dx1)", tol=1e-12)
    assert_python_float(adjoints["v0"], expected[2], f"{what} adjoints['v0'] (dy/dx2)", tol=1e-12)
    assert_python_float(adjoints["v3"], -1.0, f"{what} adjoints['v3'] (dy/dv3, v3 = sin v0 is subtracted)", tol=1e-12)


# ----------------------------------------------------------------------------- numerical vs symbolic vs automatic


def check_pairs(got, what):
    assert isinstance(got, dict) and sorted(got) == ["forward", "numerical", "reverse", "symbolic"], (
        f"{what} returned {got!r}, expected a dict with the keys 'numerical', 'symbolic', 'forward', 'reverse'")
    for key, pair in got.items():
        assert len(pair) == 2, f"{what}[{key!r}] is {pair!r}, expected a (dy_dx1, dy_dx2) pair"


@pytest.mark.parametrize("x1, x2", [(2.0, 5.0)] + POINTS)
def test_derivatives_three_ways_agree(kata, x1, x2):
    _, dy_dx1, dy_dx2 = tape_partials(x1, x2)
    what = f"derivatives_three_ways({x1}, {x2})"
    with calls_forbidden(what, *NO_TAPE):
        got = kata.derivatives_three_ways(x1, x2)
    check_pairs(got, what)
    for key in ("symbolic", "forward", "reverse"):
        assert_python_float(got[key][0], dy_dx1, f"{what}[{key!r}] dy_dx1", tol=1e-12)
        assert_python_float(got[key][1], dy_dx2, f"{what}[{key!r}] dy_dx2", tol=1e-12)
    # Central differences at epsilon 1e-5: truncation ~1e-10, rounding ~1e-10.
    assert_python_float(got["numerical"][0], dy_dx1, f"{what}['numerical'] dy_dx1", tol=1e-8)
    assert_python_float(got["numerical"][1], dy_dx2, f"{what}['numerical'] dy_dx2", tol=1e-8)


def test_derivatives_three_ways_numerical_uses_central_differences_of_epsilon(kata):
    # At epsilon 0.1 the central difference is visibly off the exact derivative, by a known amount:
    # ln: (ln 2.1 - ln 1.9) / 0.2 + 5; sin: 2 - cos 5 * sin(0.1) / 0.1 (x1*x2 is linear: exact).
    got = kata.derivatives_three_ways(2.0, 5.0, epsilon=0.1)
    check_pairs(got, "derivatives_three_ways(2, 5, epsilon=0.1)")
    expected = ((math.log(2.1) - math.log(1.9)) / 0.2 + 5.0, 2.0 - math.cos(5.0) * math.sin(0.1) / 0.1)
    for index, name in enumerate(["dy_dx1", "dy_dx2"]):
        assert_python_float(got["numerical"][index], expected[index],
                            f"derivatives_three_ways(2, 5, epsilon=0.1)['numerical'] {name}", tol=1e-12)
    assert_python_float(got["symbolic"][0], 5.5, "derivatives_three_ways(2, 5, epsilon=0.1)['symbolic'] dy_dx1 "
                        "(the formula does not depend on epsilon)", tol=1e-12)
