"""Plausible wrong answers to kata 08; `make check` proves the tests catch every one."""

import math

import numpy as np
import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("value_and_gradient", "forgets tape.watch: the tape ignores a constant and the gradient is None")
def forgets_tape_watch_tape_ignores(function, x):
    with tf.GradientTape() as tape:
        value = function(x)
    return value, tape.gradient(value, x)


@wrong_answer("gradients_of_each", "a plain (non-persistent) tape: the second gradient call raises")
def plain_non_persistent_tape_second(functions, x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        values = [function(x) for function in functions]
    return [tape.gradient(value, x) for value in values]


@wrong_answer("gradients_of_each", "asks for the gradient of the whole list at once: every entry is the sum of the gradients")
def asks_gradient_whole_list_once(functions, x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        values = [function(x) for function in functions]
    total = tape.gradient(values, x)
    return [total for _ in functions]


@wrong_answer("second_derivative", "the outer tape differentiates f again instead of f': returns f' twice")
def outer_tape_differentiates_f_again(function, x):
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = function(x)
        first = inner.gradient(y, x)
    return first, outer.gradient(y, x)


@wrong_answer("numerical_gradient", "forward difference (f(x+e) - f(x)) / e instead of the central difference")
def forward_difference_f_x_e(function, x, epsilon=1e-4):
    x = np.asarray(x, dtype=np.float64)
    gradient = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[index] = epsilon
        gradient[index] = (float(function(x + step)) - float(function(x))) / epsilon
    return gradient


@wrong_answer("numerical_gradient", "divides the central difference by epsilon instead of 2 * epsilon")
def divides_central_difference_epsilon_instead(function, x, epsilon=1e-4):
    x = np.asarray(x, dtype=np.float64)
    gradient = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[index] = epsilon
        gradient[index] = (float(function(x + step)) - float(function(x - step))) / epsilon
    return gradient


@wrong_answer("numerical_gradient", "nudges x in place and never puts it back: the caller's x ends up changed")
def nudges_x_place_never_puts(function, x, epsilon=1e-4):
    gradient = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        x[index] += epsilon
        up = float(function(x))
        x[index] -= 2 * epsilon
        down = float(function(x))
        gradient[index] = (up - down) / (2 * epsilon)
    return gradient


@wrong_answer("numerical_gradient", "ignores epsilon: always nudges by 1e-4")
def ignores_epsilon_always_nudges_1e(function, x, epsilon=1e-4):
    x = np.asarray(x, dtype=np.float64)
    gradient = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[index] = 1e-4
        gradient[index] = (float(function(x + step)) - float(function(x - step))) / 2e-4
    return gradient


@wrong_answer("max_gradient_error", "the mean difference instead of the largest: one bad element hides among good ones")
def mean_difference_instead_largest_one(function, x):
    _, tape_gradient = value_and_gradient(function, tf.constant(x, tf.float64))
    check = numerical_gradient(lambda point: function(tf.constant(point, tf.float64)), x)
    return float(np.mean(np.abs(tape_gradient.numpy() - check)))


@wrong_answer("max_gradient_error", "returns a scalar tensor instead of a Python float")
def returns_scalar_tensor_instead_python(function, x):
    _, tape_gradient = value_and_gradient(function, tf.constant(x, tf.float64))
    check = numerical_gradient(lambda point: function(tf.constant(point, tf.float64)), x)
    return tf.reduce_max(tf.abs(tape_gradient - check))


@wrong_answer("notes_function", "the base-10 logarithm instead of the natural one")
def base_10_logarithm_instead_natural(x1, x2):
    return tf.math.log(x1) / tf.math.log(10.0) + x1 * x2 - tf.sin(x2)


@wrong_answer("forward_mode_partials", "one ForwardAccumulator with tangents on both inputs: both 'partials' are their sum")
def one_forwardaccumulator_tangents_both_inputs(x1, x2):
    with tf.autodiff.ForwardAccumulator(primals=[x1, x2], tangents=[tf.ones_like(x1), tf.ones_like(x2)]) as acc:
        y = notes_function(x1, x2)
    both = acc.jvp(y)
    return y, both, both


@wrong_answer("reverse_mode_partials", "returns the partials in the order (dy_dx2, dy_dx1)")
def returns_partials_order_dy_dx2(x1, x2):
    with tf.GradientTape() as tape:
        tape.watch([x1, x2])
        y = notes_function(x1, x2)
    dy_dx1, dy_dx2 = tape.gradient(y, [x1, x2])
    return y, dy_dx2, dy_dx1


@wrong_answer("value_and_gradient", "calls function(x) before opening the tape: nothing is recorded, the gradient is None")
def calls_function_x_before_opening(function, x):
    value = function(x)
    with tf.GradientTape() as tape:
        tape.watch(x)
    return value, tape.gradient(value, x)


@wrong_answer("second_derivative", "asks the inner tape for f' after leaving the outer tape: the outer tape never saw it")
def asks_inner_tape_f_after(function, x):
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = function(x)
    first = inner.gradient(y, x)
    return first, outer.gradient(first, x)


@wrong_answer("numerical_gradient", "loops over range(len(x)): nudges a whole row at once on a 2-D x")
def loops_over_range_len_x(function, x, epsilon=1e-4):
    x = np.asarray(x, dtype=np.float64)
    gradient = np.zeros_like(x)
    for index in range(len(x)):
        step = np.zeros_like(x)
        step[index] = epsilon
        gradient[index] = (float(function(x + step)) - float(function(x - step))) / (2 * epsilon)
    return gradient


@wrong_answer("max_gradient_error", "checks in float32: rounding in the numerical gradient swamps the comparison")
def checks_float32_rounding_numerical_gradient(function, x):
    _, tape_gradient = value_and_gradient(function, tf.constant(x, tf.float32))
    check = numerical_gradient(lambda point: function(tf.constant(point, tf.float32)), x)
    return float(np.max(np.abs(tape_gradient.numpy() - check)))


@wrong_answer("max_gradient_error", "forgets the absolute value: the largest signed difference misses a gradient that is too small")
def forgets_absolute_value_largest_signed(function, x):
    _, tape_gradient = value_and_gradient(function, tf.constant(x, tf.float64))
    check = numerical_gradient(lambda point: function(tf.constant(point, tf.float64)), x)
    return float(np.max(tape_gradient.numpy() - check))


@wrong_answer("notes_function", "np.log instead of tf.math.log: the value is right, but the tape cannot see through numpy")
def np_log_instead_tf_math(x1, x2):
    return np.log(x1) + x1 * x2 - tf.sin(x2)


@wrong_answer("forward_mode_partials", "tangents=x1 instead of ones: the jvp is scaled by the point itself")
def tangents_x1_instead_ones_jvp(x1, x2):
    with tf.autodiff.ForwardAccumulator(primals=x1, tangents=x1) as accumulator:
        y = notes_function(x1, x2)
    dy_dx1 = accumulator.jvp(y)
    with tf.autodiff.ForwardAccumulator(primals=x2, tangents=x2) as accumulator:
        y = notes_function(x1, x2)
    return y, dy_dx1, accumulator.jvp(y)


@wrong_answer("reverse_mode_partials", "watches x1 only: the gradient with respect to x2 is None")
def watches_x1_only_gradient_respect(x1, x2):
    with tf.GradientTape() as tape:
        tape.watch(x1)
        y = notes_function(x1, x2)
    dy_dx1, dy_dx2 = tape.gradient(y, [x1, x2])
    return y, dy_dx1, dy_dx2


@wrong_answer("value_and_gradient", "casts x to float32 before watching it: a float64 x gets a float32 gradient")
def casts_x_to_float32(function, x):
    x32 = tf.cast(x, tf.float32)
    with tf.GradientTape() as tape:
        tape.watch(x32)
        value = function(x32)
    return value, tape.gradient(value, x32)


@wrong_answer("value_and_gradient", "returns (gradient, value)")
def returns_gradient_then_value(function, x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        value = function(x)
    return tape.gradient(value, x), value


@wrong_answer("gradients_of_each", "a fresh tape for every function instead of one persistent tape")
def one_tape_per_function(functions, x):
    gradients = []
    for function in functions:
        with tf.GradientTape() as tape:
            tape.watch(x)
            value = function(x)
        gradients.append(tape.gradient(value, x))
    return gradients


@wrong_answer("gradients_of_each", "tf.stack of the gradients: one tensor, not a list")
def stacks_the_gradients(functions, x):
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(x)
        values = [function(x) for function in functions]
    return tf.stack([tape.gradient(value, x) for value in values])


@wrong_answer("second_derivative", "outer.jacobian of f': the full [x, x] Hessian instead of its diagonal")
def outer_jacobian_full_hessian(function, x):
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = function(x)
        first = inner.gradient(y, x)
    return first, outer.jacobian(first, x)


@wrong_answer("numerical_gradient", "returns a tensor built with tf.stack, not a numpy array")
def returns_a_tensor(function, x, epsilon=1e-4):
    x = np.asarray(x, dtype=np.float64)
    pieces = []
    for index in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[index] = epsilon
        pieces.append(tf.constant((float(function(x + step)) - float(function(x - step))) / (2 * epsilon), tf.float64))
    return tf.reshape(tf.stack(pieces), x.shape)


@wrong_answer("numerical_gradient", "builds the gradient in float32")
def gradient_in_float32(function, x, epsilon=1e-4):
    x = np.asarray(x, dtype=np.float64)
    gradient = np.zeros(x.shape, np.float32)
    for index in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[index] = epsilon
        gradient[index] = (float(function(x + step)) - float(function(x - step))) / (2 * epsilon)
    return gradient


@wrong_answer("max_gradient_error", "the relative error |tape - numerical| / |numerical|, not the absolute one")
def relative_error(function, x):
    _, tape_gradient = value_and_gradient(function, tf.constant(x, tf.float64))
    check = numerical_gradient(lambda point: function(tf.constant(point, tf.float64)), x)
    return float(np.max(np.abs(tape_gradient.numpy() - check) / np.abs(check)))


@wrong_answer("max_gradient_error", "the sum of the absolute differences instead of the largest")
def sum_of_differences(function, x):
    _, tape_gradient = value_and_gradient(function, tf.constant(x, tf.float64))
    check = numerical_gradient(lambda point: function(tf.constant(point, tf.float64)), x)
    return float(np.sum(np.abs(tape_gradient.numpy() - check)))


@wrong_answer("notes_function", "math.log and math.sin: right at one point, fails on a tensor of points")
def python_math_functions(x1, x2):
    import math
    return math.log(x1) + x1 * x2 - math.sin(x2)


@wrong_answer("forward_mode_partials", "a GradientTape (reverse mode) instead of ForwardAccumulator")
def reverse_mode_in_disguise(x1, x2):
    with tf.GradientTape() as tape:
        tape.watch([x1, x2])
        y = notes_function(x1, x2)
    dy_dx1, dy_dx2 = tape.gradient(y, [x1, x2])
    return y, dy_dx1, dy_dx2


@wrong_answer("reverse_mode_partials", "one tape per input: two backward passes where one gives both")
def one_tape_per_input(x1, x2):
    with tf.GradientTape() as tape:
        tape.watch(x1)
        y = notes_function(x1, x2)
    dy_dx1 = tape.gradient(y, x1)
    with tf.GradientTape() as tape:
        tape.watch(x2)
        y = notes_function(x1, x2)
    return y, dy_dx1, tape.gradient(y, x2)


# ----------------------------------------------------------------------------- by hand
# A replacement class keeps the globals of this file, so it converts plain numbers itself.


@wrong_answer("Dual", "the product rule keeps one term: (uv)' = u' v, forgetting u v'")
class ProductRuleWithOneTerm:
    def __init__(self, value, derivative=0.0):
        self.value, self.derivative = value, derivative

    def _lift(self, other):
        return other if isinstance(other, type(self)) else type(self)(float(other), 0.0)

    def __add__(self, other):
        other = self._lift(other)
        return type(self)(self.value + other.value, self.derivative + other.derivative)

    __radd__ = __add__

    def __sub__(self, other):
        other = self._lift(other)
        return type(self)(self.value - other.value, self.derivative - other.derivative)

    def __rsub__(self, other):
        return self._lift(other) - self

    def __mul__(self, other):
        other = self._lift(other)
        return type(self)(self.value * other.value, self.derivative * other.value)

    __rmul__ = __mul__


@wrong_answer("Dual", "__rsub__ = __sub__: 5 - x computes x - 5")
class ReflectedSubtractionReversed:
    def __init__(self, value, derivative=0.0):
        self.value, self.derivative = value, derivative

    def _lift(self, other):
        return other if isinstance(other, type(self)) else type(self)(float(other), 0.0)

    def __add__(self, other):
        other = self._lift(other)
        return type(self)(self.value + other.value, self.derivative + other.derivative)

    __radd__ = __add__

    def __sub__(self, other):
        other = self._lift(other)
        return type(self)(self.value - other.value, self.derivative - other.derivative)

    __rsub__ = __sub__

    def __mul__(self, other):
        other = self._lift(other)
        return type(self)(self.value * other.value, self.derivative * other.value + self.value * other.derivative)

    __rmul__ = __mul__


@wrong_answer("Dual", "adds a plain number to the derivative too: a constant treated as having derivative 1")
class ConstantsWithDerivativeOne:
    def __init__(self, value, derivative=0.0):
        self.value, self.derivative = value, derivative

    def _lift(self, other):
        return other if isinstance(other, type(self)) else type(self)(float(other), 1.0)

    def __add__(self, other):
        other = self._lift(other)
        return type(self)(self.value + other.value, self.derivative + other.derivative)

    __radd__ = __add__

    def __sub__(self, other):
        other = self._lift(other)
        return type(self)(self.value - other.value, self.derivative - other.derivative)

    def __rsub__(self, other):
        return self._lift(other) - self

    def __mul__(self, other):
        other = self._lift(other)
        return type(self)(self.value * other.value, self.derivative * other.value + self.value * other.derivative)

    __rmul__ = __mul__


@wrong_answer("dual_sin", "forgets the chain rule: the derivative is cos(value), not cos(value) * derivative")
def sin_without_chain_rule(x):
    x = as_dual(x)
    return Dual(math.sin(x.value), math.cos(x.value))


@wrong_answer("dual_log", "the derivative of ln is 1/value, dropping the incoming derivative")
def log_without_chain_rule(x):
    x = as_dual(x)
    return Dual(math.log(x.value), 1.0 / x.value)


@wrong_answer("forward_mode_by_hand", "seeds both inputs with derivative 1 in one pass: both 'partials' are their sum")
def seeds_both_inputs_at_once(x1, x2):
    a, b = Dual(float(x1), 1.0), Dual(float(x2), 1.0)
    y = dual_log(a) + a * b - dual_sin(b)
    return y.value, y.derivative, y.derivative


@wrong_answer("forward_mode_by_hand", "types in the hand-derived formulas: symbolic, not forward mode (no Duals)")
def symbolic_instead_of_forward_mode(x1, x2):
    return math.log(x1) + x1 * x2 - math.sin(x2), 1.0 / x1 + x2, x1 - math.cos(x2)


@wrong_answer("evaluation_trace", "v5 = v4 + v3: adds the sine instead of subtracting it")
def adds_the_sine(x1, x2):
    v = {"v-1": float(x1), "v0": float(x2)}
    v["v1"] = math.log(v["v-1"])
    v["v2"] = v["v-1"] * v["v0"]
    v["v3"] = math.sin(v["v0"])
    v["v4"] = v["v1"] + v["v2"]
    v["v5"] = v["v4"] + v["v3"]
    return v


@wrong_answer("reverse_mode_by_hand", "v0 feeds two nodes but its adjoint keeps only the product's share: dy/dx2 = x1")
def v0_adjoint_misses_the_sine_path(x1, x2):
    v = evaluation_trace(x1, x2)
    adjoint = {"v5": 1.0, "v4": 1.0, "v3": -1.0, "v1": 1.0, "v2": 1.0}
    adjoint["v0"] = adjoint["v2"] * v["v-1"]
    adjoint["v-1"] = adjoint["v1"] / v["v-1"] + adjoint["v2"] * v["v0"]
    return v["v5"], adjoint


@wrong_answer("reverse_mode_by_hand", "forgets the minus of v5 = v4 - v3: the adjoint of v3 is +1")
def adjoint_of_v3_without_minus(x1, x2):
    v = evaluation_trace(x1, x2)
    adjoint = {"v5": 1.0, "v4": 1.0, "v3": 1.0, "v1": 1.0, "v2": 1.0}
    adjoint["v0"] = adjoint["v2"] * v["v-1"] + adjoint["v3"] * math.cos(v["v0"])
    adjoint["v-1"] = adjoint["v1"] / v["v-1"] + adjoint["v2"] * v["v0"]
    return v["v5"], adjoint


@wrong_answer("reverse_mode_by_hand", "the adjoint of v-1 multiplies by its own value instead of v0's: d(v-1 * v0)/dv-1 = v-1")
def product_adjoint_uses_the_wrong_factor(x1, x2):
    v = evaluation_trace(x1, x2)
    adjoint = {"v5": 1.0, "v4": 1.0, "v3": -1.0, "v1": 1.0, "v2": 1.0}
    adjoint["v0"] = adjoint["v2"] * v["v-1"] + adjoint["v3"] * math.cos(v["v0"])
    adjoint["v-1"] = adjoint["v1"] / v["v-1"] + adjoint["v2"] * v["v-1"]
    return v["v5"], adjoint


@wrong_answer("derivatives_three_ways", "numerical by forward differences (f(x + e) - f(x)) / e")
def numerical_by_forward_differences(x1, x2, epsilon=1e-5):
    def f(a, b):
        return math.log(a) + a * b - math.sin(b)

    x1, x2 = float(x1), float(x2)
    numerical = ((f(x1 + epsilon, x2) - f(x1, x2)) / epsilon, (f(x1, x2 + epsilon) - f(x1, x2)) / epsilon)
    _, dy_dx1, dy_dx2 = forward_mode_by_hand(x1, x2)
    _, adjoints = reverse_mode_by_hand(x1, x2)
    return {"numerical": numerical, "symbolic": (1.0 / x1 + x2, x1 - math.cos(x2)), "forward": (dy_dx1, dy_dx2),
            "reverse": (adjoints["v-1"], adjoints["v0"])}


@wrong_answer("derivatives_three_ways", "the symbolic dy/dx2 with the wrong sign: d(-sin x2)/dx2 taken as +cos x2")
def symbolic_sign_of_the_cosine(x1, x2, epsilon=1e-5):
    def f(a, b):
        return math.log(a) + a * b - math.sin(b)

    x1, x2 = float(x1), float(x2)
    numerical = ((f(x1 + epsilon, x2) - f(x1 - epsilon, x2)) / (2 * epsilon),
                 (f(x1, x2 + epsilon) - f(x1, x2 - epsilon)) / (2 * epsilon))
    _, dy_dx1, dy_dx2 = forward_mode_by_hand(x1, x2)
    _, adjoints = reverse_mode_by_hand(x1, x2)
    return {"numerical": numerical, "symbolic": (1.0 / x1 + x2, x1 + math.cos(x2)), "forward": (dy_dx1, dy_dx2),
            "reverse": (adjoints["v-1"], adjoints["v0"])}


@wrong_answer("derivatives_three_ways", "nudges both inputs at once: the numerical pair is the directional derivative twice")
def numerical_nudges_both_inputs(x1, x2, epsilon=1e-5):
    def f(a, b):
        return math.log(a) + a * b - math.sin(b)

    x1, x2 = float(x1), float(x2)
    both = (f(x1 + epsilon, x2 + epsilon) - f(x1 - epsilon, x2 - epsilon)) / (2 * epsilon)
    _, dy_dx1, dy_dx2 = forward_mode_by_hand(x1, x2)
    _, adjoints = reverse_mode_by_hand(x1, x2)
    return {"numerical": (both, both), "symbolic": (1.0 / x1 + x2, x1 - math.cos(x2)), "forward": (dy_dx1, dy_dx2),
            "reverse": (adjoints["v-1"], adjoints["v0"])}
