"""Kata 12 — Linear regression by hand.

Fit a line y = w * x + b to noisy points `x`, `y` (float32 tensors [n]) by gradient descent,
twice: first with the gradients the notes derive by hand, then with a GradientTape, and see
that both give the same answer. The loss is the mean squared error
loss = 1/n * sum((w * x + b - y)^2), and its gradients are
d loss / d w = 2/n * sum((w * x + b - y) * x)   and   d loss / d b = 2/n * sum(w * x + b - y).
Each step moves downhill: w <- w - lr * d loss / d w, b <- b - lr * d loss / d b.

Run `make kata N=12` to test your answers, `make hint N=12` when stuck.
"""

import tensorflow as tf


def mse_loss(w, b, x, y):
    """The mean squared error of the line (w, b) on the points (x, y), a scalar float32 tensor.

    Example: w=2, b=1, x=[0, 1], y=[1, 5] -> predictions [1, 3], errors [0, -2] -> loss 2.0.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("the mean of the squared errors (w * x + b - y).")


def gradients(w, b, x, y):
    """The notes' hand-derived gradients (d loss / d w, d loss / d b), two scalar float32 tensors.

    Example: w=2, b=1, x=[0, 1], y=[1, 5] -> errors [0, -2] -> (2/2 * (0*0 + -2*1), 2/2 * (0 + -2)) = (-2.0, -2.0).
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("error = w * x + b - y; then 2 * mean(error * x) and 2 * mean(error).")


def gradient_descent_step(w, b, x, y, lr):
    """One step downhill: the new (w, b) as two scalar float32 tensors.

    Example: w=2, b=1, x=[0, 1], y=[1, 5], lr=0.1 -> gradients (-2, -2) -> (2.2, 1.2).
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("gradient descent steps against the gradient: each parameter moves by the learning rate times its gradient.")


def fit_by_hand(x, y, lr, steps):
    """Start from w = b = 0, take `steps` gradient_descent_steps; return (w, b) as Python floats.

    steps=0 takes no step and returns (0.0, 0.0).
    Example: 21 points on y = 3x - 2 with x = -2, -1.8, ..., 2, lr=0.1, steps=300 -> (3.0, -2.0) to
    about 4 decimals. The x range matters: with x = 0, 1, ..., 9 the same lr=0.1 diverges, because a
    step overshoots once lr is larger than 2 / (the loss's largest curvature, about 2 * mean(x^2)).
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("repeat gradient_descent_step from zero for the given number of steps; return Python floats.")


def tape_gradients(w, b, x, y):
    """The same two gradients, computed by a tf.GradientTape from mse_loss instead of by hand.

    Example: w=2, b=1, x=[0, 1], y=[1, 5] -> (-2.0, -2.0), equal to gradients(...).
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("make w and b tf.Variables (the tape watches variables), compute mse_loss under the tape, ask tape.gradient.")


def fit_with_tape(x, y, lr, steps):
    """fit_by_hand again, with tf.Variables, a GradientTape and assign_sub; (w, b) as Python floats.

    It follows exactly the same path as fit_by_hand, so both return the same numbers (steps=0 too).
    Example: 21 points on y = 3x - 2 with x = -2, -1.8, ..., 2, lr=0.1, steps=300 -> (3.0, -2.0) to
    about 4 decimals (with x = 0, 1, ..., 9 the same lr diverges: see fit_by_hand).
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tf.Variable holds trainable state; record mse_loss on a GradientTape and update in place with assign_sub.")
