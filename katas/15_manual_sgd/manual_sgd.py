"""Kata 15 — Manual SGD on MNIST.

Train a digit classifier with nothing but `tf.Variable`, `tf.GradientTape` and `assign_sub`,
as the notes do: no Keras layers, no optimizer, no `fit`. The network is a multilayer
perceptron described by `layer_sizes`, e.g. [784, 256, 10]: 28x28 = 784 pixels in, one
hidden layer of 256 ReLU units, 10 logits out (one per digit). Its parameters are a flat
list [W1, b1, W2, b2, ...] with every W shaped [inputs, outputs], so a batch of flattened
images `x` [batch, 784] goes through a layer as `x @ W + b`.

Data: the tests use real MNIST when it is in Keras' local cache (`make data` downloads it
once), otherwise the UCI handwritten digits (8x8 images, `data/digits.csv.gz`); the test
names say which. The tests draw your learning curve to artifacts/15_manual_sgd_learning_curve.png.
Once your tests pass, `.venv/bin/python katas/15_manual_sgd/manual_sgd.py` runs the full
training: on MNIST, 10 epochs of [784, 256, 128, 10] should reach 0.97-0.98 test accuracy in
about two minutes on a CPU.

Run `make kata N=15` to test your answers, `make hint N=15` when stuck.
"""

import tensorflow as tf


def init_params(layer_sizes, seed=0):
    """A list [W1, b1, W2, b2, ...] of float32 `tf.Variable`s for a network of `layer_sizes`.

    W of layer i is [layer_sizes[i], layer_sizes[i + 1]], drawn from a truncated normal with
    stddev 0.1 (as in the notes); every b is zeros [layer_sizes[i + 1]]. The same seed gives
    the same numbers every time.
    Example: init_params([784, 256, 10]) -> [W1 (784, 256), b1 (256,), W2 (256, 10), b2 (10,)].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("one (W, b) pair per neighbouring pair of sizes; a seeded tf.random.Generator makes the draws repeatable.")


def forward(params, x):
    """Logits [batch, classes] of images `x` [batch, height, width] (or already flat [batch, pixels]).

    Flatten each image, then every layer computes `h @ W + b`; a ReLU follows every hidden
    layer, none follows the last one (logits may be negative). A network with no hidden layer
    (params [W1, b1]) is a plain linear map: x @ W1 + b1.
    Example: params of init_params([4, 3, 2]), x of shape [5, 2, 2] -> logits of shape [5, 2].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("flatten each image with tf.reshape, then apply the (W, b) pairs in turn; the parameters alternate W, b.")


def loss_fn(params, x, y):
    """The mean softmax cross-entropy of the network's logits against integer labels `y` [batch]
    (int32 or int64).

    A scalar float32 tensor.
    Example: with all-zero logits over 10 classes the loss is log(10) = 2.3026 for any labels.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tf.nn.sparse_softmax_cross_entropy_with_logits takes integer labels and raw logits.")


def sgd_step(params, x, y, lr):
    """One step of gradient descent on the batch (x, y); returns the loss *before* the update.

    Update every variable in place with `assign_sub(lr * gradient)`: `params` keeps the same
    variable objects, with new values. Return the loss as a Python float.
    Example: sgd_step(params, x, y, 0.1) -> 2.301... (and params have moved downhill).
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("record loss_fn on a tf.GradientTape, ask the tape for the gradients, and update each variable in place.")


def train(x, y, layer_sizes, epochs, batch_size, lr, seed=0):
    """Train a fresh network (init_params(layer_sizes, seed)) with SGD; return its params.

    Build the batches with tf.data: shuffle all the examples (a buffer as large as the data,
    reshuffled every epoch), then batch them, keeping the last, smaller batch when batch_size
    does not divide the data: 30 examples with batch_size=20 take 2 steps an epoch. Use the same update as sgd_step, compiled with
    `tf.function` so each step runs as a graph (no Keras optimizer, no `fit`).
    Example: train(x_train, y_train, [784, 256, 10], epochs=5, batch_size=128, lr=0.1)
    -> [W1, b1, W2, b2] that classify MNIST test digits with about 0.97 accuracy.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("build a tf.data pipeline that shuffles and batches (x, y); look up tf.function for a compiled inner step.")


def accuracy(params, x, y):
    """The fraction of images in `x` whose highest logit (forward(params, x)) is their label `y`.

    `y` holds integer labels [batch] (int32 or int64); the result is a Python float.
    Example: params [W = the 2x2 identity, b = zeros] make the logits equal to x, so
    x = [[2, 1], [0, 3]] has logits [[2, 1], [0, 3]] and best classes [0, 1]; with labels [0, 0]
    one image of two is right -> 0.5.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tf.argmax over the class axis, compare with y, take the mean as a float.")


def main():
    """The full run: train on MNIST (or the offline digits) and print the test accuracy."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # The repository root, for tfkatas.
    from tfkatas.datasets import describe_data_source, load_digits_or_mnist

    x_train, y_train, x_test, y_test, source = load_digits_or_mnist()
    pixels = x_train.shape[1] * x_train.shape[2]
    if source == "mnist":
        layer_sizes, epochs, batch_size, lr = [pixels, 256, 128, 10], 10, 128, 0.1
    else:
        layer_sizes, epochs, batch_size, lr = [pixels, 128, 10], 40, 32, 0.1
    print(f"Training {layer_sizes} on {describe_data_source()}: {epochs} epochs, batch {batch_size}, lr {lr}")
    params = train(x_train, y_train, layer_sizes, epochs, batch_size, lr)
    print(f"train accuracy {accuracy(params, x_train, y_train):.4f}, "
          f"test accuracy {accuracy(params, x_test, y_test):.4f}")


if __name__ == "__main__":
    main()
