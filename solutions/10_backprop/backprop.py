"""Kata 10 — Backpropagation by hand.

Train a two-layer classifier in plain numpy (float64), with no tape to lean on: the forward
pass keeps what the backward pass will need, and the backward pass walks the chain rule from
the loss back to every parameter, as the notes' "链式法则" and "感知机梯度传导" sections describe
(source: 004_af95ca7dde6da700.txt, backpropagation; 002_4d62c8e3e4a80dad.txt, the softmax
derivative and the chain rule). The tests check every gradient against `tf.GradientTape`.

The network, for a batch `x` [batch, inputs] and integer labels `y` [batch]:

    z1 = x @ W1 + b1          [batch, hidden]     W1 [inputs, hidden], b1 [hidden]
    h  = f(z1)                [batch, hidden]     f: sigmoid or ReLU, chosen by `activation`
    z2 = h @ W2 + b2          [batch, classes]    W2 [hidden, classes], b2 [classes]
    p  = softmax(z2)          [batch, classes]    each row sums to 1
    loss = mean over the batch of -log p[i, y[i]]

`params` is a dict {"W1": ..., "b1": ..., "W2": ..., "b2": ...} of float64 numpy arrays;
gradients come back in a dict with the same four keys and shapes. The activations and their
derivatives (you wrote them in kata 09) and a stable softmax are given below: use them.

Run `make kata N=10` to test your answers, `make hint N=10` when stuck.
"""

import numpy as np


def sigmoid(z):
    """1 / (1 + e^-z), element by element, stable for large |z| (kata 09)."""
    small = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + small), small / (1.0 + small))


def sigmoid_derivative(z):
    """d sigmoid / dz at every element of the pre-activation `z`: s * (1 - s), s = sigmoid(z)."""
    s = sigmoid(z)
    return s * (1.0 - s)


def relu(z):
    """max(z, 0), element by element."""
    return np.maximum(z, 0.0)


def relu_derivative(z):
    """d relu / dz at every element of the pre-activation `z`: 1 where z > 0, else 0 (as TensorFlow)."""
    return (z > 0).astype(np.float64)


def softmax(logits):
    """Softmax over the last axis of `logits` [batch, classes], with each row's maximum subtracted."""
    exps = np.exp(logits - np.max(logits, axis=-1, keepdims=True))
    return exps / np.sum(exps, axis=-1, keepdims=True)


# Each activation's name -> (the function, its derivative with respect to its input z).
ACTIVATIONS = {"sigmoid": (sigmoid, sigmoid_derivative), "relu": (relu, relu_derivative)}


def activation_pair(name):
    """(function, derivative) for the activation called `name`; a ValueError for any other name."""
    if name not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {sorted(ACTIVATIONS)}, got {name!r}")
    return ACTIVATIONS[name]


def forward(params, x, activation="sigmoid"):
    """The forward pass: (p, cache) for a batch `x` [batch, inputs] (float64).

    `p` is the [batch, classes] float64 array of class probabilities (softmax of z2). `cache`
    is a dict holding at least these entries, all numpy arrays (more keys are allowed):
        "x": the input x, "z1": x @ W1 + b1, "h": f(z1), "p": p.
    `activation` names f: "sigmoid" or "relu".
    Example: with every parameter zero, p is 1/classes everywhere and h is 0.5 (sigmoid) or 0 (relu).
    """
    ### BEGIN SOLUTION: one matrix product plus bias per layer, the hidden activation between them; keep each intermediate for later.
    function, _ = activation_pair(activation)
    z1 = x @ params["W1"] + params["b1"]   # b1 [hidden] broadcasts over the batch.
    h = function(z1)
    p = softmax(h @ params["W2"] + params["b2"])
    return p, {"x": x, "z1": z1, "h": h, "p": p}
    ### END SOLUTION


def cross_entropy(p, y):
    """The mean softmax cross-entropy loss: the mean over the batch of -log p[i, y[i]], a Python float.

    `p` [batch, classes] holds probabilities (forward's first result); `y` [batch] holds integer
    class labels (int32 or int64).
    Example: p = [[0.25, 0.25, 0.5], [0.1, 0.8, 0.1]], y = [2, 1] -> (-log 0.5 - log 0.8) / 2 = 0.4581.
    """
    ### BEGIN SOLUTION: pick each row's probability of its true class (fancy indexing with a row index), then average the negative logs.
    picked = p[np.arange(len(y)), y]
    return float(np.mean(-np.log(picked)))
    ### END SOLUTION


def backward(params, cache, y, activation="sigmoid"):
    """The gradients of cross_entropy(p, y) with respect to every parameter, by the chain rule.

    `cache` is the dict your forward(params, x, activation) returned, for the same `params` and
    `activation`; `y` [batch] holds integer labels. Return a dict {"W1": dW1, "b1": db1, "W2": dW2,
    "b2": db2} of float64 arrays, each shaped like its parameter. Start from the softmax
    cross-entropy gradient with respect to the logits, dz2 = (p - Y) / batch, where Y is y
    one-hot [batch, classes]; then go back through the second layer, the activation (its
    derivative at z1) and the first layer.
    Example: if p already equals Y (the network is certain and right), every gradient is zero.
    """
    ### BEGIN SOLUTION: chain rule layer by layer: a weight's gradient pairs its layer's input with the gradient at its output; a bias sums it over the batch.
    _, derivative = activation_pair(activation)
    x, z1, h, p = cache["x"], cache["z1"], cache["h"], cache["p"]
    batch = len(y)
    one_hot = np.eye(p.shape[1])[y]
    # The mean over the batch in the loss becomes the 1 / batch here.
    dz2 = (p - one_hot) / batch                   # [batch, classes]
    dW2 = h.T @ dz2                               # [hidden, classes]: sums over the batch.
    db2 = dz2.sum(axis=0)
    dh = dz2 @ params["W2"].T                     # [batch, hidden]
    dz1 = dh * derivative(z1)                     # Element-wise: h = f(z1) acts element by element.
    return {"W1": x.T @ dz1, "b1": dz1.sum(axis=0), "W2": dW2, "b2": db2}
    ### END SOLUTION


def sgd_step(params, grads, learning_rate):
    """One step of gradient descent: a new dict with params[k] - learning_rate * grads[k] for every key.

    Leave `params` and its arrays unchanged (a caller may still hold them).
    Example: params {"W1": [[1.0]], ...}, grads {"W1": [[2.0]], ...}, learning_rate 0.1 -> {"W1": [[0.8]], ...}.
    """
    ### BEGIN SOLUTION: a dict comprehension over the keys; arithmetic on numpy arrays makes new arrays.
    return {name: value - learning_rate * grads[name] for name, value in params.items()}
    ### END SOLUTION


def train(params, x, y, steps, learning_rate, activation="sigmoid"):
    """Full-batch gradient descent on (x, y) for `steps` steps; returns (params, losses).

    Each step runs forward, the loss, backward and sgd_step on the whole batch. `losses` is a list
    of `steps` Python floats: losses[i] is the loss of the parameters *before* step i (so
    losses[0] is the loss of the parameters passed in). The returned params are those after the
    last step; the `params` passed in are left unchanged.
    Example: train(params, x, y, steps=3, learning_rate=0.5) -> (params after 3 steps, [loss before
    step 0, before step 1, before step 2]), three floats that fall on an easy problem.
    """
    ### BEGIN SOLUTION: a plain loop: forward, record the loss, backward, update; feed each step's new params to the next.
    losses = []
    for _ in range(steps):
        p, cache = forward(params, x, activation)
        losses.append(cross_entropy(p, y))
        params = sgd_step(params, backward(params, cache, y, activation), learning_rate)
    return params, losses
    ### END SOLUTION
