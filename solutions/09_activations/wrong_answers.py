"""Plausible wrong answers to kata 09; `make check` proves the tests catch every one."""

import numpy as np

from tfkatas.wrong import wrong_answer


@wrong_answer("sigmoid", "the textbook 1 / (1 + np.exp(-x)): overflows for x = -1000")
def textbook_1_1_np_exp(x):
    return 1.0 / (1.0 + np.exp(-x))


@wrong_answer("sigmoid", "np.where over the two textbook forms: numpy evaluates both, so one overflows")
def np_where_over_two_textbook(x):
    return np.where(x >= 0, 1.0 / (1.0 + np.exp(-x)), np.exp(x) / (1.0 + np.exp(x)))


@wrong_answer("sigmoid_derivative", "applies s * (1 - s) to x itself instead of to sigmoid(x)")
def applies_1_x_itself_instead(x):
    return x * (1.0 - x)


@wrong_answer("tanh", "forgets the 2 inside: 2 * sigmoid(x) - 1")
def forgets_2_inside_2_sigmoid(x):
    return 2.0 * sigmoid(x) - 1.0


@wrong_answer("tanh_derivative", "1 - tanh(x) without the square")
def w_1_tanh_x_without_square(x):
    return 1.0 - tanh(x)


@wrong_answer("tanh_derivative", "1 - x**2: the formula applied to the input instead of the output")
def w_1_x_2_formula_applied(x):
    return 1.0 - x ** 2


@wrong_answer("leaky_relu", "negative inputs become the constant p instead of p * x")
def negative_inputs_become_constant_p(x, p=0.0):
    return np.where(x > 0, x, p)


@wrong_answer("leaky_relu_derivative", "the notes' x >= 0 -> 1: disagrees with TensorFlow at exactly 0")
def notes_x_0_1_disagrees(x, p=0.0):
    return np.where(x >= 0, 1.0, p)


@wrong_answer("leaky_relu_derivative", "swaps the slopes: p for positive inputs, 1 for negative ones")
def swaps_slopes_p_positive_inputs(x, p=0.0):
    return np.where(x > 0, p, 1.0)


@wrong_answer("softmax", "no max subtraction: e^1000 overflows to inf and the row becomes nan")
def no_max_subtraction_e_1000(logits):
    exps = np.exp(logits)
    return exps / np.sum(exps, axis=-1, keepdims=True)


@wrong_answer("softmax", "subtracts the maximum of the whole batch, not of each row: small rows underflow to 0/0")
def subtracts_maximum_whole_batch_not(logits):
    exps = np.exp(logits - np.max(logits))
    return exps / np.sum(exps, axis=-1, keepdims=True)


@wrong_answer("softmax", "normalises over the rows (axis 0) instead of over the classes")
def normalises_over_rows_axis_0(logits):
    exps = np.exp(logits - np.max(logits, axis=0, keepdims=True))
    return exps / np.sum(exps, axis=0, keepdims=True)


@wrong_answer("softmax_jacobian", "forgets the diagonal term: returns -p_i * p_j only")
def forgets_diagonal_term_returns_p(logits):
    p = softmax(logits)
    return -p[:, :, None] * p[:, None, :]


@wrong_answer("softmax_jacobian", "delta_ij - p_j without the factor p_i")
def delta_ij_p_j_without(logits):
    p = softmax(logits)
    return np.eye(p.shape[-1]) - p[:, None, :]


@wrong_answer("sigmoid", "clips x to [-500, 500] first: sigmoid(-1000) comes out as 7e-218, not 0")
def clips_x_500_500_first(x):
    return 1.0 / (1.0 + np.exp(-np.clip(x, -500.0, 500.0)))


@wrong_answer("sigmoid_derivative", "e^-x / (1 + e^-x)**2: the textbook derivative overflows for x = -1000")
def e_x_1_e_x(x):
    return np.exp(-x) / (1.0 + np.exp(-x)) ** 2


@wrong_answer("tanh", "tanh from exponentials (e^x - e^-x) / (e^x + e^-x): overflows for ±1000")
def tanh_exponentials_e_x_e(x):
    return (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))


@wrong_answer("tanh_derivative", "sech**2 as 4 / (e^x + e^-x)**2: overflows for ±1000")
def sech_2_4_e_x(x):
    return 4.0 / (np.exp(x) + np.exp(-x)) ** 2


@wrong_answer("leaky_relu_derivative", "ignores p: plain ReLU's derivative")
def ignores_p_plain_relu_derivative(x, p=0.0):
    return np.where(x > 0, 1.0, 0.0)


@wrong_answer("softmax", "divides by the sum of the whole batch, not of each row")
def divides_sum_whole_batch_not(logits):
    exps = np.exp(logits - np.max(logits, axis=-1, keepdims=True))
    return exps / np.sum(exps)


@wrong_answer("softmax_jacobian", "p_i * (1 - p_j) everywhere: treats delta_ij as 1 off the diagonal too")
def p_i_1_p_j(logits):
    p = softmax(logits)
    return p[:, :, None] * (1.0 - p[:, None, :])


@wrong_answer("sigmoid", "TensorFlow's tf.sigmoid: a tensor, not a numpy array")
def tensorflow_sigmoid_tensor(x):
    import tensorflow as tf
    return tf.sigmoid(x)


@wrong_answer("sigmoid", "a stable scalar sigmoid looped over rows and values: only 2-D inputs work")
def loops_over_rows_and_values(x):
    import math

    def one(value):
        return 1.0 / (1.0 + math.exp(-value)) if value >= 0 else math.exp(value) / (1.0 + math.exp(value))
    return np.array([[one(value) for value in row] for row in x])


@wrong_answer("tanh", "np.tanh instead of the notes' identity with sigmoid")
def np_tanh_instead_of_identity(x):
    return np.tanh(x)


@wrong_answer("leaky_relu_derivative", "the mask x > 0 plus p: 1 + p for positive inputs")
def mask_plus_p(x, p=0.0):
    return (x > 0) + p


@wrong_answer("softmax", "TensorFlow's tf.nn.softmax: a tensor, not a numpy array")
def tensorflow_softmax_tensor(logits):
    import tensorflow as tf
    return tf.nn.softmax(logits)


@wrong_answer("softmax", "subtracts each row's minimum instead of its maximum: e^x still overflows")
def subtracts_row_minimum(logits):
    exps = np.exp(logits - np.min(logits, axis=-1, keepdims=True))
    return exps / np.sum(exps, axis=-1, keepdims=True)


@wrong_answer("softmax_jacobian", "its own softmax without the max shift: huge logits give nan")
def jacobian_with_unstable_softmax(logits):
    exps = np.exp(logits)
    p = exps / np.sum(exps, axis=-1, keepdims=True)
    return p[:, :, None] * np.eye(p.shape[-1]) - p[:, :, None] * p[:, None, :]
