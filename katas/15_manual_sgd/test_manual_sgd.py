"""Tests for kata 15. Oracles: numpy forward passes, Keras' cross-entropy, a GradientTape on the
test's own loss, and accuracy thresholds measured on the reference solution.

Data for the training tests (their names end in [mnist-local-cache] or [uci-digits-offline]):
real MNIST when Keras' cache has it (`make data`), else the UCI handwritten digits in
data/digits.csv.gz (1397 training, 400 held-out 8x8 images). Nothing is downloaded.
The learning-curve test draws your loss per step, with labelled axes, to artifacts/15_manual_sgd_learning_curve.png.
"""

import itertools
import os
import tempfile

import keras
import numpy as np
import pytest
import tensorflow as tf

from tfkatas.curriculum import ROOT
from tfkatas.datasets import describe_data_source, load_digits_or_mnist
from tfkatas.pictures import learning_curve
from tfkatas.testing import assert_close, assert_dtype, assert_python_float, assert_shape

DATA_SOURCE = describe_data_source()
DATA_ID = "mnist-local-cache" if DATA_SOURCE.startswith("MNIST") else "uci-digits-offline"
LEARNING_CURVE_NAME = "15_manual_sgd_learning_curve.png"  # In artifacts/, with labelled axes (tfkatas.pictures).

# Measured on the reference solution over 20 seeds (digits sorted by label, 8 epochs, batch 32,
# lr 0.1, one hidden layer of 64): held-out accuracy 0.947-0.962, so 0.90 leaves a wide margin.
# Without a shuffle the same run scores about 0.2-0.4. MNIST (10000 training images, 3 epochs,
# a hidden layer of 128) is expected around 0.93; 0.85 is the bar.
TRAINING_RUNS = {
    "mnist-local-cache": dict(train_size=10000, test_size=2000, hidden=128, epochs=3, batch_size=64, lr=0.1,
                              threshold=0.85),
    "uci-digits-offline": dict(train_size=None, test_size=None, hidden=64, epochs=8, batch_size=32, lr=0.1,
                               threshold=0.90),
}


@pytest.fixture(scope="module")
def digits():
    """(x_train, y_train, x_test, y_test) from the local data, trimmed to the training run's sizes."""
    x_train, y_train, x_test, y_test, _ = load_digits_or_mnist()
    run = TRAINING_RUNS[DATA_ID]
    return x_train[:run["train_size"]], y_train[:run["train_size"]], x_test[:run["test_size"]], y_test[:run["test_size"]]


def random_params(seed, layer_sizes):
    """Test-made parameters [W1, b1, ...] with non-zero biases, so a missing bias shows."""
    rng = np.random.default_rng(seed)
    params = []
    for inputs, outputs in zip(layer_sizes[:-1], layer_sizes[1:]):
        params.append(tf.Variable(rng.normal(0, 0.5, (inputs, outputs)).astype(np.float32)))
        params.append(tf.Variable(rng.normal(0, 0.5, (outputs,)).astype(np.float32)))
    return params


def numpy_forward(params, x):
    hidden = np.asarray(x, np.float64).reshape(len(x), -1)
    values = [p.numpy().astype(np.float64) for p in params]
    for index in range(0, len(values), 2):
        hidden = hidden @ values[index] + values[index + 1]
        if index + 2 < len(values):
            hidden = np.maximum(hidden, 0)
    return hidden


def reference_loss(params, x, y):
    """The test's own loss: flatten, ReLU MLP, Keras' sparse cross-entropy on logits."""
    hidden = tf.reshape(tf.constant(x, tf.float32), [len(x), -1])
    for index in range(0, len(params), 2):
        hidden = hidden @ params[index] + params[index + 1]
        if index + 2 < len(params):
            hidden = tf.nn.relu(hidden)
    return tf.reduce_mean(keras.losses.sparse_categorical_crossentropy(y, hidden, from_logits=True))


def batch(seed, shape, classes):
    rng = np.random.default_rng(seed)
    return rng.random(shape).astype(np.float32), rng.integers(0, classes, shape[0]).astype(np.int32)


# ----------------------------------------------------------------------------- init_params


def test_init_params_gives_a_weight_and_a_bias_variable_per_layer(kata):
    params = kata.init_params([12, 7, 5, 3])
    assert isinstance(params, list) and len(params) == 6, (
        f"init_params([12, 7, 5, 3]) returned {type(params).__name__} of length {len(params)}, "
        "expected a list of 6: [W1, b1, W2, b2, W3, b3]")
    shapes = [(12, 7), (7,), (7, 5), (5,), (5, 3), (3,)]
    for index, (param, shape) in enumerate(zip(params, shapes)):
        what = f"init_params([12, 7, 5, 3])[{index}]"
        assert isinstance(param, tf.Variable), (
            f"{what} is a {type(param).__name__}, expected a tf.Variable (the tape and assign_sub need one)")
        assert_shape(param, shape, what)
        assert_dtype(param, tf.float32, what)


def test_init_params_biases_start_at_zero(kata):
    params = kata.init_params([6, 4, 2])
    for index in (1, 3):
        assert_close(params[index], np.zeros(params[index].shape), f"init_params([6, 4, 2])[{index}] (a bias)")


def test_init_params_weights_are_truncated_normal_with_stddev_0_1(kata):
    weights = np.concatenate([p.numpy().ravel() for p in kata.init_params([300, 200, 10], seed=3)[0::2]])
    # A normal cut at two standard deviations (0.2) has a standard deviation of 0.1 * 0.8796 = 0.088.
    largest = float(np.abs(weights).max())
    assert largest <= 0.2 + 1e-6, (
        f"init_params([300, 200, 10]) has a weight of size {largest:.3f}; a truncated normal with "
        "stddev 0.1 never goes beyond 0.2")
    spread = float(weights.std())
    assert 0.08 <= spread <= 0.096, (
        f"init_params([300, 200, 10]) weights have standard deviation {spread:.4f}, expected about 0.088 "
        "(a truncated normal with stddev=0.1)")
    assert abs(float(weights.mean())) < 0.005, f"the weights' mean is {weights.mean():.4f}, expected about 0"


def test_init_params_is_repeatable_for_a_seed_and_differs_across_seeds(kata):
    first, again, other = (kata.init_params([5, 4, 3], seed=seed) for seed in (7, 7, 8))
    assert_close(again[0], first[0], "init_params([5, 4, 3], seed=7)[0] called twice", rtol=0, atol=0)
    assert not np.allclose(first[0].numpy(), other[0].numpy()), (
        "init_params(..., seed=7) and init_params(..., seed=8) drew the same W1: the seed should choose the numbers")


# ----------------------------------------------------------------------------- forward


def test_forward_matches_numpy_on_flat_input(kata):
    params = random_params(10, [12, 7, 5, 3])
    x, _ = batch(11, (9, 12), 3)
    assert_close(kata.forward(params, tf.constant(x)), numpy_forward(params, x),
                 "forward(params of [12, 7, 5, 3], x [9, 12])", rtol=1e-5, atol=1e-5, dtype=tf.float32)


def test_forward_flattens_images(kata):
    params = random_params(12, [12, 5, 4])
    images, _ = batch(13, (6, 3, 4), 4)
    assert_close(kata.forward(params, tf.constant(images)), numpy_forward(params, images),
                 "forward(params of [12, 5, 4], images [6, 3, 4])", rtol=1e-5, atol=1e-5)


def test_forward_leaves_the_output_layer_linear(kata):
    params = random_params(14, [8, 6, 5])
    x, _ = batch(15, (20, 8), 5)
    logits = kata.forward(params, tf.constant(x)).numpy()
    assert (logits < 0).any(), (
        "forward(...) returned no negative logit out of 100: is there a ReLU after the output layer? "
        "Only hidden layers get one")
    assert_close(logits, numpy_forward(params, x), "forward(params of [8, 6, 5], x [20, 8])", atol=1e-5)


def test_forward_without_a_hidden_layer_is_linear(kata):
    # params [W1, b1]: the only layer is the output layer, so no ReLU at all.
    params = random_params(30, [7, 3])
    x, _ = batch(31, (16, 7), 3)
    logits = kata.forward(params, tf.constant(x))
    assert_close(logits, numpy_forward(params, x), "forward(params of [7, 3] (no hidden layer), x [16, 7])",
                 rtol=1e-5, atol=1e-5)
    assert (logits.numpy() < 0).any(), "forward(params of [7, 3]) gave no negative logit: a ReLU on the output layer?"


# ----------------------------------------------------------------------------- loss_fn


def test_loss_fn_of_all_zero_logits_is_log_of_the_class_count(kata):
    params = [tf.Variable(tf.zeros([6, 10])), tf.Variable(tf.zeros([10]))]
    x, y = batch(16, (4, 6), 10)
    loss = kata.loss_fn(params, tf.constant(x), tf.constant(y))
    assert_close(loss, np.float32(np.log(10)), "loss_fn(all-zero logits over 10 classes)", dtype=tf.float32)


def test_loss_fn_matches_keras_sparse_cross_entropy(kata):
    params = random_params(17, [6, 5, 4])
    x, y = batch(18, (11, 2, 3), 4)
    expected = keras.losses.sparse_categorical_crossentropy(y, numpy_forward(params, x).astype(np.float32),
                                                            from_logits=True).numpy().mean()
    assert_close(kata.loss_fn(params, tf.constant(x), tf.constant(y)), expected,
                 "loss_fn(params of [6, 5, 4], images [11, 2, 3], labels [11])", rtol=1e-5, atol=1e-5)


def test_loss_fn_takes_int64_labels_too(kata):
    params = random_params(32, [6, 5])
    x, y = batch(33, (9, 6), 5)
    expected = keras.losses.sparse_categorical_crossentropy(y, numpy_forward(params, x).astype(np.float32),
                                                            from_logits=True).numpy().mean()
    assert_close(kata.loss_fn(params, tf.constant(x), tf.constant(y, tf.int64)), expected,
                 "loss_fn(params of [6, 5], x [9, 6], int64 labels [9])", rtol=1e-5, atol=1e-5, dtype=tf.float32)


# ----------------------------------------------------------------------------- sgd_step


def test_sgd_step_returns_the_loss_before_the_update_as_a_float(kata):
    params = random_params(19, [6, 5, 4])
    x, y = batch(20, (10, 6), 4)
    before = float(reference_loss(params, x, y))
    loss = kata.sgd_step(params, tf.constant(x), tf.constant(y), 0.5)
    assert_python_float(loss, before, "sgd_step(params, x, y, lr=0.5) (the loss before the update)", tol=1e-5)


def test_sgd_step_updates_the_same_variables_in_place(kata):
    params = random_params(21, [6, 5, 4])
    originals = list(params)
    x, y = batch(22, (10, 3, 2), 4)
    with tf.GradientTape() as tape:
        loss = reference_loss(params, x, y)
    expected = [p.numpy() - 0.3 * g.numpy() for p, g in zip(params, tape.gradient(loss, params))]
    kata.sgd_step(params, tf.constant(x), tf.constant(y), 0.3)
    assert len(params) == 4 and all(p is q for p, q in zip(params, originals)), (
        "after sgd_step, `params` holds different objects: update each tf.Variable in place with "
        "assign_sub instead of building new ones")
    for index, (param, wanted) in enumerate(zip(params, expected)):
        assert_close(param, wanted, f"params[{index}] after sgd_step(params, x, y, lr=0.3) (p - lr * gradient)",
                     rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("data_id", [DATA_ID])
def test_sgd_steps_lower_the_loss_and_draw_a_learning_curve(kata, digits, data_id, request):
    x_train, y_train = digits[0][:1408], digits[1][:1408]
    pixels = x_train[0].size
    params = kata.init_params([pixels, 32, 10], seed=1)
    losses = []
    for _ in range(2):
        for start in range(0, len(y_train), 64):
            losses.append(kata.sgd_step(params, tf.constant(x_train[start:start + 64]),
                                        tf.constant(y_train[start:start + 64]), 0.5))
    curve = learning_curve(losses, LEARNING_CURVE_NAME, request)
    first, last = losses[0], float(np.mean(losses[-5:]))
    assert last < 0.6 * first, (
        f"on {DATA_SOURCE}, {len(losses)} sgd_steps took the loss from {first:.3f} to {last:.3f} (mean of the "
        f"last 5); expected it to fall below {0.6 * first:.3f}. See {curve}")


# ----------------------------------------------------------------------------- accuracy


def test_accuracy_counts_rows_whose_best_logit_is_the_label(kata):
    # An identity layer makes the logits equal to x: rows 0, 2 and 3 are right, row 1 is wrong.
    params = [tf.Variable(tf.eye(2)), tf.Variable(tf.zeros([2]))]
    x = tf.constant([[2.0, 1.0], [0.0, 3.0], [5.0, 4.0], [1.0, 1.5]])
    result = kata.accuracy(params, x, tf.constant([0, 0, 0, 1]))
    assert_python_float(result, 0.75, "accuracy(logits [[2, 1], [0, 3], [5, 4], [1, 1.5]], labels [0, 0, 0, 1])")


def test_accuracy_on_the_worked_example(kata):
    params = [tf.Variable(tf.eye(2)), tf.Variable(tf.zeros([2]))]
    result = kata.accuracy(params, tf.constant([[2.0, 1.0], [0.0, 3.0]]), tf.constant([0, 0]))
    assert_python_float(result, 0.5, "accuracy(identity params, x [[2, 1], [0, 3]], labels [0, 0])")


def test_accuracy_of_a_deeper_network_with_int64_labels(kata):
    params = random_params(34, [6, 5, 4])
    x, _ = batch(35, (40, 2, 3), 4)
    best = numpy_forward(params, x).argmax(axis=1)
    labels = best.copy()
    labels[::3] = (labels[::3] + 1) % 4  # Rows 0, 3, ..., 39 made wrong: 14 of 40.
    result = kata.accuracy(params, tf.constant(x), tf.constant(labels, tf.int64))
    assert_python_float(result, 26 / 40, "accuracy(params of [6, 5, 4], images [40, 2, 3], int64 labels, "
                        "26 of 40 right)", tol=1e-6)


# ----------------------------------------------------------------------------- train


def test_train_returns_trained_variables_of_the_requested_sizes(kata):
    x, y = batch(23, (50, 3, 4), 3)
    params = kata.train(x, y, [12, 6, 3], epochs=1, batch_size=16, lr=0.1, seed=2)
    assert isinstance(params, list) and len(params) == 4, (
        f"train(..., layer_sizes [12, 6, 3]) returned {type(params).__name__} of length {len(params)}, "
        "expected a list [W1, b1, W2, b2]")
    for index, (param, shape) in enumerate(zip(params, [(12, 6), (6,), (6, 3), (3,)])):
        assert isinstance(param, tf.Variable), f"train(...)[{index}] is a {type(param).__name__}, expected a tf.Variable"
        assert_shape(param, shape, f"train(...)[{index}]")
    assert np.abs(params[1].numpy()).sum() > 0, "train(...) returned biases that are still zero: did it update?"


def test_train_with_one_full_batch_takes_one_sgd_step_per_epoch(kata):
    # With a single batch holding every example the shuffle cannot change the result: each epoch
    # is exactly one full-batch step from init_params(layer_sizes, seed).
    x, y = batch(24, (30, 2, 3), 4)
    params = kata.train(x, y, [6, 5, 4], epochs=3, batch_size=30, lr=0.5, seed=4)
    expected = [tf.Variable(p) for p in kata.init_params([6, 5, 4], seed=4)]
    for _ in range(3):
        with tf.GradientTape() as tape:
            loss = reference_loss(expected, x, y)
        for variable, gradient in zip(expected, tape.gradient(loss, expected)):
            variable.assign_sub(0.5 * gradient)
    for index, (param, wanted) in enumerate(zip(params, expected)):
        assert_close(param, wanted, f"train(30 examples, [6, 5, 4], epochs=3, batch_size=30, lr=0.5, seed=4)[{index}] "
                     "(3 full-batch steps from init_params([6, 5, 4], seed=4))", rtol=1e-4, atol=1e-5)


def test_train_keeps_the_last_smaller_batch_of_every_epoch(kata):
    # 30 copies of one example: every batch has the same mean gradient whatever the shuffle, so
    # the result only depends on how many steps were taken. batch_size=20 does not divide 30:
    # 2 steps an epoch (20, then 10), 4 in 2 epochs.
    x = np.tile(np.random.default_rng(36).random((1, 6)).astype(np.float32), (30, 1))
    y = np.full(30, 2, np.int32)
    params = kata.train(x, y, [6, 5, 3], epochs=2, batch_size=20, lr=0.4, seed=5)
    expected = [tf.Variable(p) for p in kata.init_params([6, 5, 3], seed=5)]
    after = {}
    for step in range(1, 6):
        with tf.GradientTape() as tape:
            loss = reference_loss(expected, x[:1], y[:1])
        for variable, gradient in zip(expected, tape.gradient(loss, expected)):
            variable.assign_sub(0.4 * gradient)
        after[step] = [v.numpy() for v in expected]
    taken = [steps for steps, values in after.items()
             if all(np.allclose(p.numpy(), v, rtol=1e-4, atol=1e-5) for p, v in zip(params, values))]
    found = f"ended where {taken[0]} step(s) lead" if taken else "ended where no 1 to 5 steps lead"
    assert taken == [4], (
        f"train(30 copies of one example, epochs=2, batch_size=20, lr=0.4) {found}; expected 4 steps: "
        "2 per epoch (a batch of 20, then the last, smaller batch of 10)")


def _numpy_single_example_sgd(start, x, y, order, lr):
    """Softmax regression (no hidden layer) stepped by hand in float64, one example per step."""
    weights, bias = (value.astype(np.float64) for value in start)
    for index in order:
        logits = x[index] @ weights + bias
        probabilities = np.exp(logits - logits.max())
        probabilities /= probabilities.sum()
        probabilities[y[index]] -= 1.0  # d loss / d logits of the cross-entropy.
        weights, bias = weights - lr * np.outer(x[index], probabilities), bias - lr * probabilities
    return weights, bias


def test_train_reshuffles_every_epoch(kata):
    # 3 examples, batch_size=1, 2 epochs: 6 single-example steps whose result depends on their
    # order. The test replays all 36 pairs of epoch orders and finds the one train followed. A
    # shuffle that never reshuffles repeats the first epoch's order every time; a reshuffling one
    # breaks the pattern for some seed (each seed has a 5/6 chance).
    x = np.array([[1.0, -0.5, 0.3, 0.8], [-0.7, 1.2, 0.4, -0.2], [0.2, 0.6, -1.1, 0.9]], np.float32)
    y = np.array([0, 1, 2], np.int32)
    orders = list(itertools.permutations(range(3)))
    seen = []
    for seed in range(4):
        params = kata.train(x, y, [4, 3], epochs=2, batch_size=1, lr=1.0, seed=seed)
        start = [p.numpy() for p in kata.init_params([4, 3], seed=seed)]
        got = [p.numpy() for p in params]
        followed = [(first, second) for first in orders for second in orders
                    if all(np.allclose(g, e, rtol=1e-4, atol=1e-5)
                           for g, e in zip(got, _numpy_single_example_sgd(start, x, y, first + second, 1.0)))]
        assert followed, (
            f"train(3 examples, [4, 3], epochs=2, batch_size=1, lr=1.0, seed={seed}) ended where no two epochs "
            "of single-example SGD steps lead: each epoch should visit every example once")
        seen.append(followed[0])
        if followed[0][0] != followed[0][1]:
            return
    assert False, (
        f"over seeds 0..3 train's second epoch always repeated the first epoch's order {seen}: the shuffle "
        "should reshuffle on every epoch (tf.data's shuffle does by default)")


@pytest.mark.slow
@pytest.mark.parametrize("data_id", [DATA_ID])
def test_train_learns_digits_that_arrive_sorted_by_label(kata, digits, data_id):
    x_train, y_train, x_test, y_test = digits
    order = np.argsort(y_train, kind="stable")  # All 0s, then all 1s...: only a shuffle mixes them.
    run = TRAINING_RUNS[data_id]
    layer_sizes = [x_train[0].size, run["hidden"], 10]
    params = kata.train(x_train[order], y_train[order], layer_sizes, epochs=run["epochs"],
                        batch_size=run["batch_size"], lr=run["lr"], seed=0)
    score = kata.accuracy(params, x_test, y_test)
    assert isinstance(score, float), f"accuracy(...) returned {type(score).__name__}, expected a Python float"
    assert score >= run["threshold"], (
        f"on {DATA_SOURCE}, train({layer_sizes}, epochs={run['epochs']}, batch_size={run['batch_size']}, "
        f"lr={run['lr']}) on label-sorted data reached held-out accuracy {score:.3f}; expected at least "
        f"{run['threshold']}. Does the pipeline shuffle all the examples (a buffer as large as the data) "
        "before batching?")
