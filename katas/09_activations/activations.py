"""Kata 09 — Activations and their derivatives.

Backpropagation multiplies, layer after layer, by the derivative of each activation. Write
the common activations and their derivatives in plain numpy, as the notes do, so you can see
exactly what TensorFlow's tape computes for `tf.sigmoid`, `tf.tanh`, `tf.nn.leaky_relu` and
`tf.nn.softmax`. Every input `x` is a float64 numpy array of any shape (softmax: `[rows,
classes]`); every output is a numpy array. Inputs may be huge (±1000): the results must
stay finite, without numpy overflow warnings.

Run `make kata N=09` to test your answers, `make hint N=09` when stuck.
"""

import numpy as np


def sigmoid(x):
    """1 / (1 + e^-x), element by element, without overflow for large |x|.

    Example: [0., 2., -1000.] -> [0.5, 0.8808, 0.0].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("e^-x overflows for x = -1000; write both halves with e^-|x|, which is at most 1.")


def sigmoid_derivative(x):
    """The derivative of sigmoid at every element of `x`: sigmoid(x) * (1 - sigmoid(x)).

    Example: [0., 2.] -> [0.25, 0.1050].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("the derivative is written in terms of the sigmoid's own output, not of x.")


def tanh(x):
    """tanh(x) built from your sigmoid with the notes' identity tanh(x) = 2 * sigmoid(2x) - 1.

    Do not call np.tanh or tf.tanh here (the tests make them raise while this function runs).

    Example: [0., 1., 1000.] -> [0.0, 0.7616, 1.0].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tanh is a scaled, shifted sigmoid of a scaled input; mind the factor inside the sigmoid.")


def tanh_derivative(x):
    """The derivative of tanh at every element of `x`: 1 - tanh(x)**2.

    Example: [0., 1.] -> [1.0, 0.4200].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("like sigmoid's, tanh's derivative is a function of its own output.")


def leaky_relu(x, p=0.0):
    """LeakyReLU with slope `p` for negative inputs: x where x > 0, p * x elsewhere.

    `p = 0` is plain ReLU. Example: leaky_relu([-2., 0., 3.], p=0.1) -> [-0.2, 0.0, 3.0].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("np.where picks per element: x where it is positive, the slope p times x elsewhere.")


def leaky_relu_derivative(x, p=0.0):
    """The derivative of `leaky_relu(x, p)`: 1 where x > 0, p elsewhere (p = 0: ReLU's derivative).

    The derivative does not exist at exactly 0; return p there, as TensorFlow does (the notes
    use 1 at 0, which differs from TensorFlow's tape).
    Example: leaky_relu_derivative([-2., 0., 3.], p=0.1) -> [0.1, 0.1, 1.0].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("np.where again; the test is strictly greater than 0, so 0 itself gets the slope p.")


def softmax(logits):
    """Softmax over the last axis of `logits` `[rows, classes]`: exp(x_i) / sum_j exp(x_j).

    Subtract each row's maximum first: the result is unchanged and e^x never overflows.
    Example: [[1., 2., 3.], [1000., 1000., 0.]] -> [[0.0900, 0.2447, 0.6652], [0.5, 0.5, 0.0]].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("subtract each row's maximum (keep its axis for broadcasting), exponentiate, divide by the row sum.")


def softmax_jacobian(logits):
    """For every row, the matrix of derivatives d p_i / d x_j = p_i * (delta_ij - p_j).

    `logits` is `[rows, classes]`, p = softmax(logits). Return `[rows, classes, classes]`.
    Example: [[0., 0.]] (p = [0.5, 0.5]) -> [[[0.25, -0.25], [-0.25, 0.25]]].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("per row, diag(p) - outer(p, p); np.einsum or broadcasting p[:, :, None] * p[:, None, :].")
