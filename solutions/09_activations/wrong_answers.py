"""Plausible wrong answers to kata 09; `make check` proves the tests catch every one."""

import numpy as np

from tfkatas.wrong import wrong_answer


@wrong_answer("the textbook 1 / (1 + np.exp(-x)): overflows for x = -1000")
def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


@wrong_answer("np.where over the two textbook forms: numpy evaluates both, so one overflows")
def sigmoid(x):  # noqa: F811
    return np.where(x >= 0, 1.0 / (1.0 + np.exp(-x)), np.exp(x) / (1.0 + np.exp(x)))


@wrong_answer("applies s * (1 - s) to x itself instead of to sigmoid(x)")
def sigmoid_derivative(x):
    return x * (1.0 - x)


@wrong_answer("forgets the 2 inside: 2 * sigmoid(x) - 1")
def tanh(x):
    return 2.0 * sigmoid(x) - 1.0


@wrong_answer("1 - tanh(x) without the square")
def tanh_derivative(x):
    return 1.0 - tanh(x)


@wrong_answer("1 - x**2: the formula applied to the input instead of the output")
def tanh_derivative(x):  # noqa: F811
    return 1.0 - x ** 2


@wrong_answer("negative inputs become the constant p instead of p * x")
def leaky_relu(x, p=0.0):
    return np.where(x > 0, x, p)


@wrong_answer("the notes' x >= 0 -> 1: disagrees with TensorFlow at exactly 0")
def leaky_relu_derivative(x, p=0.0):
    return np.where(x >= 0, 1.0, p)


@wrong_answer("swaps the slopes: p for positive inputs, 1 for negative ones")
def leaky_relu_derivative(x, p=0.0):  # noqa: F811
    return np.where(x > 0, p, 1.0)


@wrong_answer("no max subtraction: e^1000 overflows to inf and the row becomes nan")
def softmax(logits):
    exps = np.exp(logits)
    return exps / np.sum(exps, axis=-1, keepdims=True)


@wrong_answer("subtracts the maximum of the whole batch, not of each row: small rows underflow to 0/0")
def softmax(logits):  # noqa: F811
    exps = np.exp(logits - np.max(logits))
    return exps / np.sum(exps, axis=-1, keepdims=True)


@wrong_answer("normalises over the rows (axis 0) instead of over the classes")
def softmax(logits):  # noqa: F811
    exps = np.exp(logits - np.max(logits, axis=0, keepdims=True))
    return exps / np.sum(exps, axis=0, keepdims=True)


@wrong_answer("forgets the diagonal term: returns -p_i * p_j only")
def softmax_jacobian(logits):
    p = softmax(logits)
    return -p[:, :, None] * p[:, None, :]


@wrong_answer("delta_ij - p_j without the factor p_i")
def softmax_jacobian(logits):  # noqa: F811
    p = softmax(logits)
    return np.eye(p.shape[-1]) - p[:, None, :]


@wrong_answer("clips x to [-500, 500] first: sigmoid(-1000) comes out as 7e-218, not 0")
def sigmoid(x):  # noqa: F811
    return 1.0 / (1.0 + np.exp(-np.clip(x, -500.0, 500.0)))


@wrong_answer("e^-x / (1 + e^-x)**2: the textbook derivative overflows for x = -1000")
def sigmoid_derivative(x):  # noqa: F811
    return np.exp(-x) / (1.0 + np.exp(-x)) ** 2


@wrong_answer("tanh from exponentials (e^x - e^-x) / (e^x + e^-x): overflows for ±1000")
def tanh(x):  # noqa: F811
    return (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))


@wrong_answer("sech**2 as 4 / (e^x + e^-x)**2: overflows for ±1000")
def tanh_derivative(x):  # noqa: F811
    return 4.0 / (np.exp(x) + np.exp(-x)) ** 2


@wrong_answer("ignores p: plain ReLU's derivative")
def leaky_relu_derivative(x, p=0.0):  # noqa: F811
    return np.where(x > 0, 1.0, 0.0)


@wrong_answer("divides by the sum of the whole batch, not of each row")
def softmax(logits):  # noqa: F811
    exps = np.exp(logits - np.max(logits, axis=-1, keepdims=True))
    return exps / np.sum(exps)


@wrong_answer("p_i * (1 - p_j) everywhere: treats delta_ij as 1 off the diagonal too")
def softmax_jacobian(logits):  # noqa: F811
    p = softmax(logits)
    return p[:, :, None] * (1.0 - p[:, None, :])
