"""Plausible wrong answers to kata 10; `make check` proves the tests catch every one."""

import numpy as np

from tfkatas.wrong import wrong_answer


@wrong_answer("forward", "forgets the first layer's bias: z1 = x @ W1")
def forgets_first_bias(params, x, activation="sigmoid"):
    function, _ = activation_pair(activation)
    z1 = x @ params["W1"]
    h = function(z1)
    p = softmax(h @ params["W2"] + params["b2"])
    return p, {"x": x, "z1": z1, "h": h, "p": p}


@wrong_answer("forward", "always uses the sigmoid, whatever `activation` says")
def ignores_activation_argument(params, x, activation="sigmoid"):
    z1 = x @ params["W1"] + params["b1"]
    h = sigmoid(z1)
    p = softmax(h @ params["W2"] + params["b2"])
    return p, {"x": x, "z1": z1, "h": h, "p": p}


@wrong_answer("forward", "softmax over the batch axis instead of over the classes")
def softmax_over_batch_axis(params, x, activation="sigmoid"):
    function, _ = activation_pair(activation)
    z1 = x @ params["W1"] + params["b1"]
    h = function(z1)
    z2 = h @ params["W2"] + params["b2"]
    exps = np.exp(z2 - z2.max(axis=0, keepdims=True))
    p = exps / exps.sum(axis=0, keepdims=True)
    return p, {"x": x, "z1": z1, "h": h, "p": p}


@wrong_answer("forward", "caches the pre-activation z1 under 'h' too")
def caches_z1_as_h(params, x, activation="sigmoid"):
    function, _ = activation_pair(activation)
    z1 = x @ params["W1"] + params["b1"]
    p = softmax(function(z1) @ params["W2"] + params["b2"])
    return p, {"x": x, "z1": z1, "h": z1, "p": p}


@wrong_answer("cross_entropy", "sums over the batch instead of taking the mean")
def sums_over_batch(p, y):
    return float(np.sum(-np.log(p[np.arange(len(y)), y])))


@wrong_answer("cross_entropy", "p[:, y] picks a [batch, batch] block, and the mean runs over all of it")
def column_indexing_only(p, y):
    return float(np.mean(-np.log(p[:, y])))


@wrong_answer("cross_entropy", "returns a 0-d numpy array instead of a Python float")
def returns_numpy_array(p, y):
    return np.asarray(np.mean(-np.log(p[np.arange(len(y)), y])))


@wrong_answer("backward", "forgets the 1 / batch of the mean: gradients of the summed loss")
def forgets_divide_by_batch(params, cache, y, activation="sigmoid"):
    _, derivative = activation_pair(activation)
    x, z1, h, p = cache["x"], cache["z1"], cache["h"], cache["p"]
    dz2 = p - np.eye(p.shape[1])[y]
    dz1 = (dz2 @ params["W2"].T) * derivative(z1)
    return {"W1": x.T @ dz1, "b1": dz1.sum(axis=0), "W2": h.T @ dz2, "b2": dz2.sum(axis=0)}


@wrong_answer("backward", "skips the activation's derivative: dz1 = dh")
def skips_activation_derivative(params, cache, y, activation="sigmoid"):
    x, h, p = cache["x"], cache["h"], cache["p"]
    dz2 = (p - np.eye(p.shape[1])[y]) / len(y)
    dz1 = dz2 @ params["W2"].T
    return {"W1": x.T @ dz1, "b1": dz1.sum(axis=0), "W2": h.T @ dz2, "b2": dz2.sum(axis=0)}


@wrong_answer("backward", "the sigmoid's derivative taken at h = f(z1) instead of at z1")
def derivative_at_h(params, cache, y, activation="sigmoid"):
    _, derivative = activation_pair(activation)
    x, h, p = cache["x"], cache["h"], cache["p"]
    dz2 = (p - np.eye(p.shape[1])[y]) / len(y)
    dz1 = (dz2 @ params["W2"].T) * derivative(h)
    return {"W1": x.T @ dz1, "b1": dz1.sum(axis=0), "W2": h.T @ dz2, "b2": dz2.sum(axis=0)}


@wrong_answer("backward", "uses the sigmoid's derivative whatever `activation` says")
def always_sigmoid_derivative(params, cache, y, activation="sigmoid"):
    x, z1, h, p = cache["x"], cache["z1"], cache["h"], cache["p"]
    dz2 = (p - np.eye(p.shape[1])[y]) / len(y)
    dz1 = (dz2 @ params["W2"].T) * sigmoid_derivative(z1)
    return {"W1": x.T @ dz1, "b1": dz1.sum(axis=0), "W2": h.T @ dz2, "b2": dz2.sum(axis=0)}


@wrong_answer("backward", "p - y with the integer labels broadcast, not one-hot")
def labels_not_one_hot(params, cache, y, activation="sigmoid"):
    _, derivative = activation_pair(activation)
    x, z1, h, p = cache["x"], cache["z1"], cache["h"], cache["p"]
    dz2 = (p - y[:, None]) / len(y)
    dz1 = (dz2 @ params["W2"].T) * derivative(z1)
    return {"W1": x.T @ dz1, "b1": dz1.sum(axis=0), "W2": h.T @ dz2, "b2": dz2.sum(axis=0)}


@wrong_answer("backward", "biases' gradients averaged over the batch again (mean instead of sum)")
def bias_mean_instead_of_sum(params, cache, y, activation="sigmoid"):
    _, derivative = activation_pair(activation)
    x, z1, h, p = cache["x"], cache["z1"], cache["h"], cache["p"]
    dz2 = (p - np.eye(p.shape[1])[y]) / len(y)
    dz1 = (dz2 @ params["W2"].T) * derivative(z1)
    return {"W1": x.T @ dz1, "b1": dz1.mean(axis=0), "W2": h.T @ dz2, "b2": dz2.mean(axis=0)}


@wrong_answer("backward", "dh summed over the hidden units: every hidden unit gets the same upstream gradient")
def hidden_gradient_summed(params, cache, y, activation="sigmoid"):
    _, derivative = activation_pair(activation)
    x, z1, h, p = cache["x"], cache["z1"], cache["h"], cache["p"]
    dz2 = (p - np.eye(p.shape[1])[y]) / len(y)
    dz1 = derivative(z1) * (dz2 @ params["W2"].T).sum(axis=1, keepdims=True)
    return {"W1": x.T @ dz1, "b1": dz1.sum(axis=0), "W2": h.T @ dz2, "b2": dz2.sum(axis=0)}


@wrong_answer("backward", "weight gradients transposed: dW2 = dz2.T @ h, dW1 = dz1.T @ x")
def transposed_weight_gradients(params, cache, y, activation="sigmoid"):
    _, derivative = activation_pair(activation)
    x, z1, h, p = cache["x"], cache["z1"], cache["h"], cache["p"]
    dz2 = (p - np.eye(p.shape[1])[y]) / len(y)
    dz1 = (dz2 @ params["W2"].T) * derivative(z1)
    return {"W1": dz1.T @ x, "b1": dz1.sum(axis=0), "W2": dz2.T @ h, "b2": dz2.sum(axis=0)}


@wrong_answer("sgd_step", "adds the gradient: climbs the loss instead of descending it")
def adds_gradient(params, grads, learning_rate):
    return {name: value + learning_rate * grads[name] for name, value in params.items()}


@wrong_answer("sgd_step", "updates the arrays in place with -=")
def updates_in_place(params, grads, learning_rate):
    for name in params:
        params[name] -= learning_rate * grads[name]
    return params


@wrong_answer("train", "records the loss after each update instead of before it")
def loss_after_update(params, x, y, steps, learning_rate, activation="sigmoid"):
    losses = []
    for _ in range(steps):
        p, cache = forward(params, x, activation)
        params = sgd_step(params, backward(params, cache, y, activation), learning_rate)
        losses.append(cross_entropy(forward(params, x, activation)[0], y))
    return params, losses


@wrong_answer("train", "computes the gradients once and applies them every step")
def gradients_computed_once(params, x, y, steps, learning_rate, activation="sigmoid"):
    losses = []
    p, cache = forward(params, x, activation)
    grads = backward(params, cache, y, activation)
    for _ in range(steps):
        losses.append(cross_entropy(forward(params, x, activation)[0], y))
        params = sgd_step(params, grads, learning_rate)
    return params, losses


@wrong_answer("train", "ignores `activation`: always trains the sigmoid network")
def train_ignores_activation(params, x, y, steps, learning_rate, activation="sigmoid"):
    losses = []
    for _ in range(steps):
        p, cache = forward(params, x)
        losses.append(cross_entropy(p, y))
        params = sgd_step(params, backward(params, cache, y), learning_rate)
    return params, losses


@wrong_answer("train", "one step too few: range(steps - 1)")
def one_step_too_few(params, x, y, steps, learning_rate, activation="sigmoid"):
    losses = []
    for _ in range(steps - 1):
        p, cache = forward(params, x, activation)
        losses.append(cross_entropy(p, y))
        params = sgd_step(params, backward(params, cache, y, activation), learning_rate)
    return params, losses
