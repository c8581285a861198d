"""Kata 08 — Automatic differentiation.

TensorFlow records the operations you run inside a `tf.GradientTape` and plays them
backwards to get derivatives (reverse mode); `tf.autodiff.ForwardAccumulator` pushes a
derivative forwards alongside the values instead (forward mode). Numerical differentiation
— nudging an input a little and watching the output move — is slow and approximate, but it
needs no tape at all, which makes it the standard way to check a gradient.

The notes' worked example is y = ln(x1) + x1*x2 - sin(x2) at x1 = 2, x2 = 5:
y = ln 2 + 10 - sin 5 ≈ 11.652, dy/dx1 = 1/x1 + x2 = 5.5 and dy/dx2 = x1 - cos x2 ≈ 1.716.

The last part does what the tape does, by hand, in plain Python (no tape, no accumulator):
forward mode with dual numbers, reverse mode with adjoints swept back over the notes'
evaluation trace, and the three ways to a derivative — numerical, symbolic, automatic — side
by side.

Run `make kata N=08` to test your answers, `make hint N=08` when stuck.
"""

import math

import numpy as np
import tensorflow as tf


def value_and_gradient(function, x):
    """The value of `function(x)` (a scalar) and its gradient with respect to `x`.

    `x` is a plain tensor (`tf.constant`), not a `tf.Variable`. Return `(value, gradient)`
    where `gradient` has the shape and dtype of `x`.

    Example: function = lambda x: tf.reduce_sum(x ** 2), x = [1., 2., 3.]
    -> (14.0, [2., 4., 6.]).
    """
    ### BEGIN SOLUTION: a tape only follows variables by itself; look up tape.watch for a constant.
    with tf.GradientTape() as tape:
        # Constants are not trainable, so the tape ignores them unless told to watch.
        tape.watch(x)
        value = function(x)
    return value, tape.gradient(value, x)
    ### END SOLUTION


def gradients_of_each(functions, x):
    """The gradient of every function in the list `functions` with respect to `x`, from ONE tape.

    Each function maps `x` to a scalar. Return a Python list with one gradient per function, in
    order, each shaped like `x`; open one `tf.GradientTape` for all of them, not one per function.

    Example: functions [lambda x: tf.reduce_sum(x ** 2), lambda x: tf.reduce_sum(3 * x)],
    x = [1., 2.] -> [[2., 4.], [3., 3.]].
    """
    ### BEGIN SOLUTION: a tape frees its record after one gradient call unless you make it persistent.
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(x)
        values = [function(x) for function in functions]
    # A list of targets would be summed into one gradient, so ask once per target.
    gradients = [tape.gradient(value, x) for value in values]
    del tape  # A persistent tape holds its record until it is deleted.
    return gradients
    ### END SOLUTION


def second_derivative(function, x):
    """The first and second derivatives of an element-wise `function` at every point of `x`.

    `function` acts on each element of `x` on its own (like `x ** 3` or `tf.sin`); `x` is a
    constant of any shape. Return `(first, second)`, both shaped like `x`.

    Example: function = lambda x: x ** 3, x = [2., -1.] -> ([12., 3.], [12., -6.]).
    """
    ### BEGIN SOLUTION: nest two tapes: the inner one gives f'(x), the outer one differentiates that again.
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = function(x)
        # Computed inside the outer tape, so the outer tape records how f' depends on x.
        # The gradient of sum(f(x)) is f'(x) element by element, because f acts element-wise.
        first = inner.gradient(y, x)
    second = outer.gradient(first, x)
    return first, second
    ### END SOLUTION


def numerical_gradient(function, x, epsilon=1e-4):
    """The gradient of a scalar `function` at the numpy float64 array `x`, by central differences.

    For every element i: (f(x + epsilon*e_i) - f(x - epsilon*e_i)) / (2 * epsilon), where e_i
    is 1 at position i and 0 elsewhere. Return a float64 numpy array shaped like `x`; leave `x`
    itself unchanged. `function` is called with a float64 numpy array shaped like `x` and
    returns a scalar: a Python or numpy float, or a scalar tensor, so pass what it returns
    through float() before doing arithmetic with it.

    Example: function = lambda x: np.sum(x ** 2), x = [[1., 2.], [3., 4.]]
    -> [[2., 4.], [6., 8.]] (up to about 1e-8).
    """
    ### BEGIN SOLUTION: loop over every index of x (np.ndindex); nudge one copy up and one down by epsilon.
    x = np.asarray(x, dtype=np.float64)
    gradient = np.zeros_like(x)
    # One pair of evaluations per element: that cost is why numerical gradients are only a check.
    for index in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[index] = epsilon
        # Central differences cancel the second-order error term: error ~ epsilon**2, not epsilon.
        gradient[index] = (float(function(x + step)) - float(function(x - step))) / (2 * epsilon)
    return gradient
    ### END SOLUTION


def max_gradient_error(function, x):
    """How far the tape's gradient of `function` at `x` is from the numerical one.

    `x` is a numpy float64 array; `function` maps a tensor to a scalar tensor. Return the
    largest absolute difference between the two gradients, as a Python float. A correct
    gradient gives a tiny number (about 1e-8); a buggy one a large number.

    Example: function = lambda x: tf.reduce_sum(tf.sin(x)), x = [0.5, 1.0] -> about 1e-9.
    """
    ### BEGIN SOLUTION: compare value_and_gradient on a tensor with numerical_gradient on the array; take the largest gap.
    _, tape_gradient = value_and_gradient(function, tf.constant(x, tf.float64))
    # float64 keeps rounding far below the size of the bugs the check looks for.
    check = numerical_gradient(lambda point: function(tf.constant(point, tf.float64)), x)
    return float(np.max(np.abs(tape_gradient.numpy() - check)))
    ### END SOLUTION


def notes_function(x1, x2):
    """The notes' example y = ln(x1) + x1*x2 - sin(x2), element by element.

    Example: x1 = 2., x2 = 5. -> ln 2 + 10 - sin 5 ≈ 11.6520.
    """
    ### BEGIN SOLUTION: tf.math.log is the natural logarithm; tf.sin takes radians.
    return tf.math.log(x1) + x1 * x2 - tf.sin(x2)
    ### END SOLUTION


def forward_mode_partials(x1, x2):
    """The notes' function and both partial derivatives, by forward mode.

    Use `tf.autodiff.ForwardAccumulator`: one forward pass per input, with tangent 1 on that
    input. `x1` and `x2` are float tensors of the same shape. Return
    `(y, dy_dx1, dy_dx2)`, each shaped like `x1`.

    Example: x1 = 2., x2 = 5. -> (11.6520, 5.5, 2 - cos 5 ≈ 1.7163).
    """
    ### BEGIN SOLUTION: ForwardAccumulator takes primals and tangents; compute y inside its with block, then ask for the jvp.
    # Forward mode carries one direction through the computation, so each input needs its own pass.
    with tf.autodiff.ForwardAccumulator(primals=x1, tangents=tf.ones_like(x1)) as accumulator:
        y = notes_function(x1, x2)
    dy_dx1 = accumulator.jvp(y)
    with tf.autodiff.ForwardAccumulator(primals=x2, tangents=tf.ones_like(x2)) as accumulator:
        y = notes_function(x1, x2)
    dy_dx2 = accumulator.jvp(y)
    return y, dy_dx1, dy_dx2
    ### END SOLUTION


def reverse_mode_partials(x1, x2):
    """The notes' function and both partial derivatives, by reverse mode (one GradientTape).

    Same inputs and outputs as `forward_mode_partials`: `(y, dy_dx1, dy_dx2)`.

    Example: x1 = 2., x2 = 5. -> (11.6520, 5.5, 1.7163).
    """
    ### BEGIN SOLUTION: watch both inputs and ask tape.gradient once, with a list of both sources.
    with tf.GradientTape() as tape:
        tape.watch([x1, x2])
        y = notes_function(x1, x2)
    # Reverse mode gets the derivative with respect to every input from one backward pass.
    dy_dx1, dy_dx2 = tape.gradient(y, [x1, x2])
    return y, dy_dx1, dy_dx2
    ### END SOLUTION


# Forward and reverse mode by hand, in plain Python: no tape, no accumulator.


class Dual:
    """A dual number value + derivative·ε with ε² = 0: forward mode by hand.

    Carrying a (value, derivative) pair through every operation applies the chain rule one
    operation at a time, which is all forward mode is. `value` and `derivative` are Python
    floats. Each operator takes a Dual or a plain number on either side (a plain number is a
    constant: derivative 0), returns a new Dual and leaves its operands unchanged.

    Example: x = Dual(3.0, 1.0) (x, with dx/dx = 1); x * x + 2 * x - 1 -> Dual(14.0, 8.0),
    because d(x² + 2x - 1)/dx = 2x + 2 = 8 at x = 3.
    """

    def __init__(self, value, derivative=0.0):
        self.value = value
        self.derivative = derivative

    def __repr__(self):
        return f"Dual({self.value!r}, {self.derivative!r})"

    def __add__(self, other):
        """self + other. Example: Dual(3., 1.) + Dual(2., 5.) -> Dual(5., 6.)."""
        ### BEGIN SOLUTION: the sum rule: the derivative of a sum is the sum of the derivatives.
        other = as_dual(other)
        return Dual(self.value + other.value, self.derivative + other.derivative)
        ### END SOLUTION

    __radd__ = __add__  # 2 + x: addition commutes.

    def __sub__(self, other):
        """self - other. Example: Dual(3., 1.) - 5 -> Dual(-2., 1.)."""
        ### BEGIN SOLUTION: the difference rule, like the sum rule with a minus sign.
        other = as_dual(other)
        return Dual(self.value - other.value, self.derivative - other.derivative)
        ### END SOLUTION

    def __rsub__(self, other):
        """other - self, for a plain number on the left. Example: 5 - Dual(3., 1.) -> Dual(2., -1.)."""
        ### BEGIN SOLUTION: the same rule with the operands the other way round.
        # Subtraction does not commute, so this cannot be __sub__ again.
        return as_dual(other) - self
        ### END SOLUTION

    def __mul__(self, other):
        """self * other. Example: Dual(3., 1.) * Dual(2., 5.) -> Dual(6., 1*2 + 3*5 = 17.)."""
        ### BEGIN SOLUTION: the product rule: each factor's derivative times the other factor's value.
        other = as_dual(other)
        return Dual(self.value * other.value, self.derivative * other.value + self.value * other.derivative)
        ### END SOLUTION

    __rmul__ = __mul__  # 2 * x: multiplication commutes.


def as_dual(number):
    """`number` itself if it is a Dual, else the constant Dual(number, 0.0)."""
    return number if isinstance(number, Dual) else Dual(float(number), 0.0)


def dual_log(x):
    """The natural logarithm of a Dual (or a plain positive number), as a Dual.

    Example: dual_log(Dual(2., 3.)) -> Dual(ln 2 ≈ 0.6931, 3 / 2 = 1.5).
    """
    ### BEGIN SOLUTION: the chain rule with the derivative of ln, using the math module on the value.
    x = as_dual(x)
    return Dual(math.log(x.value), x.derivative / x.value)
    ### END SOLUTION


def dual_sin(x):
    """The sine (radians) of a Dual (or a plain number), as a Dual.

    Example: dual_sin(Dual(0., 2.)) -> Dual(0., cos 0 * 2 = 2.).
    """
    ### BEGIN SOLUTION: the chain rule with the derivative of sin.
    x = as_dual(x)
    return Dual(math.sin(x.value), math.cos(x.value) * x.derivative)
    ### END SOLUTION


def forward_mode_by_hand(x1, x2):
    """The notes' y = ln(x1) + x1*x2 - sin(x2) and both partials, by forward mode with `Dual`.

    `x1 > 0` and `x2` are Python floats. Evaluate the function on Duals, once per input: the
    input you differentiate by starts with derivative 1 (the notes' "x1 = 1"), the other
    with 0. No tf.GradientTape, no tf.autodiff.ForwardAccumulator. Return
    `(y, dy_dx1, dy_dx2)` as Python floats.

    Example: (2., 5.) -> (11.6521, 5.5, 1.7163).
    """
    ### BEGIN SOLUTION: seed derivatives: 1 on the input you differentiate by, 0 on the other; one pass per input.
    def notes_on_duals(a, b):
        return dual_log(a) + a * b - dual_sin(b)

    # Forward mode gets one directional derivative per pass: one pass per input.
    along_x1 = notes_on_duals(Dual(float(x1), 1.0), Dual(float(x2), 0.0))
    along_x2 = notes_on_duals(Dual(float(x1), 0.0), Dual(float(x2), 1.0))
    return along_x1.value, along_x1.derivative, along_x2.derivative
    ### END SOLUTION


TRACE_KEYS = ("v-1", "v0", "v1", "v2", "v3", "v4", "v5")  # The notes' names: inputs v-1 and v0, output v5.


def evaluation_trace(x1, x2):
    """The notes' evaluation trace of y = ln(x1) + x1*x2 - sin(x2): every intermediate value.

    `x1 > 0` and `x2` are Python floats. Return a dict with the keys in TRACE_KEYS and Python
    floats as values: v-1 = x1, v0 = x2, v1 = ln v-1, v2 = v-1 * v0, v3 = sin v0,
    v4 = v1 + v2, v5 = v4 - v3 (= y).

    Example: (2., 5.) -> {"v-1": 2.0, "v0": 5.0, "v1": 0.6931, "v2": 10.0, "v3": -0.9589,
    "v4": 10.6931, "v5": 11.6521}.
    """
    ### BEGIN SOLUTION: one entry per elementary operation, each computed from earlier entries only.
    v = {"v-1": float(x1), "v0": float(x2)}
    v["v1"] = math.log(v["v-1"])
    v["v2"] = v["v-1"] * v["v0"]
    v["v3"] = math.sin(v["v0"])
    v["v4"] = v["v1"] + v["v2"]
    v["v5"] = v["v4"] - v["v3"]
    return v
    ### END SOLUTION


def reverse_mode_by_hand(x1, x2):
    """The notes' y and the adjoint dy/dv of every entry of its evaluation trace, by reverse mode.

    Run `evaluation_trace` forwards, then sweep it backwards: the adjoint of v5 is dy/dy = 1,
    and each entry passes its adjoint times its local derivative back to the entries it was
    computed from; an entry used twice (v-1 and v0 both are) adds up both shares. No
    tf.GradientTape. Return `(y, adjoints)`: y a Python float, adjoints a dict with the keys
    in TRACE_KEYS and Python floats as values; the partials are adjoints["v-1"] (dy/dx1) and
    adjoints["v0"] (dy/dx2), both from one backward sweep.

    Example: (2., 5.) -> (11.6521, {"v5": 1.0, "v4": 1.0, "v3": -1.0, "v2": 1.0, "v1": 1.0,
    "v0": 2 - cos 5 ≈ 1.7163, "v-1": 1/2 + 5 = 5.5}).
    """
    ### BEGIN SOLUTION: start from an adjoint of 1 on the output, walk the trace backwards, multiply by local derivatives and add.
    v = evaluation_trace(x1, x2)
    adjoint = {"v5": 1.0}
    adjoint["v4"] = adjoint["v5"]  # v5 = v4 - v3
    adjoint["v3"] = -adjoint["v5"]
    adjoint["v1"] = adjoint["v4"]  # v4 = v1 + v2
    adjoint["v2"] = adjoint["v4"]
    # v0 feeds v2 = v-1 * v0 and v3 = sin v0: its adjoint sums both paths.
    adjoint["v0"] = adjoint["v2"] * v["v-1"] + adjoint["v3"] * math.cos(v["v0"])
    # v-1 feeds v1 = ln v-1 and v2 = v-1 * v0.
    adjoint["v-1"] = adjoint["v1"] / v["v-1"] + adjoint["v2"] * v["v0"]
    return v["v5"], adjoint
    ### END SOLUTION


def derivatives_three_ways(x1, x2, epsilon=1e-5):
    """Both partials of the notes' function at (x1, x2), worked out numerically, symbolically and automatically.

    `x1 > epsilon` and `x2` are Python floats. Return a dict of four `(dy_dx1, dy_dx2)` pairs
    of Python floats:
    - "numerical": central differences (f(x + epsilon) - f(x - epsilon)) / (2 * epsilon) on
      each input in turn, the other held fixed, with f evaluated in plain Python floats;
    - "symbolic": the hand-derived formulas dy/dx1 = 1/x1 + x2 and dy/dx2 = x1 - cos x2;
    - "forward": from `forward_mode_by_hand`; "reverse": from `reverse_mode_by_hand`.
    Symbolic, forward and reverse agree to rounding (about 1e-15); numerical is off by about
    epsilon² (plus rounding of about 1e-16 / epsilon). No tf.GradientTape.

    Example: (2., 5.) -> every pair ≈ (5.5, 1.7163).
    """
    ### BEGIN SOLUTION: the numerical pair nudges one input at a time; the symbolic pair is the formula; the automatic pairs reuse your two modes.
    def f(a, b):
        return math.log(a) + a * b - math.sin(b)

    x1, x2 = float(x1), float(x2)
    numerical = ((f(x1 + epsilon, x2) - f(x1 - epsilon, x2)) / (2 * epsilon),
                 (f(x1, x2 + epsilon) - f(x1, x2 - epsilon)) / (2 * epsilon))
    symbolic = (1.0 / x1 + x2, x1 - math.cos(x2))
    _, dy_dx1, dy_dx2 = forward_mode_by_hand(x1, x2)
    _, adjoints = reverse_mode_by_hand(x1, x2)
    return {"numerical": numerical, "symbolic": symbolic, "forward": (dy_dx1, dy_dx2),
            "reverse": (adjoints["v-1"], adjoints["v0"])}
    ### END SOLUTION
