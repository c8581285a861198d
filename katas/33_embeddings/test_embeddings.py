"""Tests for kata 33. Oracles: tf.gather, keras.layers.Embedding with the same weights, numpy
indexing and transposes, Keras' own LSTM parameter count and cross-entropy, and an accuracy
threshold measured on the reference solution.

The training test reads the bundled UCI digits (data/digits.csv.gz: 1397 training and 400
held-out 8x8 images, KATA_DATA=digits for this module even when MNIST is cached), so every run
trains on the same small data: 8 time steps of 8 pixels. Nothing is downloaded.
"""

from contextlib import nullcontext

import keras
import numpy as np
import pytest
import tensorflow as tf

from tfkatas.datasets import DATA_ENV, load_digits_or_mnist
from tfkatas.testing import assert_close, assert_dtype, assert_equal, assert_python_float, assert_shape, calls_forbidden

VOCAB, DIM = 7, 3  # vocab_size != dim, so a transposed matrix changes the shape.
FORBIDDEN_LOOKUPS = ("tf.gather", "tf.nn.embedding_lookup", "keras.layers.Embedding")

# Measured on the reference solution over seeds 1-10 (LSTM(32), Adam 0.01, 6 epochs, batch 64, digits
# read row by row): held-out accuracy 0.86-0.93. 0.75 leaves a wide margin; chance is 0.10.
ACCURACY_THRESHOLD = 0.75


def random_weights(seed, shape=(VOCAB, DIM), dtype=np.float32):
    return np.random.default_rng(seed).normal(size=shape).astype(dtype)


def random_ids(seed, shape, dtype=np.int32, low=0, high=VOCAB):
    return np.random.default_rng(seed).integers(low, high, size=shape).astype(dtype)


@pytest.fixture(scope="module")
def digits():
    """(x_train, y_train, x_test, y_test): the offline UCI digits, [n, 8, 8] float32 in [0, 1]."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DATA_ENV, "digits")
        x_train, y_train, x_test, y_test, source = load_digits_or_mnist()
    assert source == "digits", f"load_digits_or_mnist() with {DATA_ENV}=digits returned {source!r} data"
    return x_train, y_train, x_test, y_test


# ----------------------------------------------------------------------------- embedding_lookup

LOOKUP_CASES = [((), np.int32), ((5,), np.int64), ((4, 6), np.int32), ((2, 3, 5), np.int64)]


@pytest.mark.parametrize("function", ["embedding_lookup", "one_hot_embedding"])
def test_lookup_works_the_docstring_example(kata, function):
    weights = tf.constant([[0.0, 1.0], [10.0, 11.0], [20.0, 21.0]])
    result = getattr(kata, function)(weights, tf.constant([[2, 0, 2]]))
    assert_close(result, [[[20.0, 21.0], [0.0, 1.0], [20.0, 21.0]]], f"{function}(weights [3, 2], ids [[2, 0, 2]])",
                 dtype=tf.float32)


@pytest.mark.parametrize("function", ["embedding_lookup", "one_hot_embedding"])
def test_lookup_of_ids_that_leave_out_the_last_rows_works_the_one_hot_example(kata, function):
    weights = tf.constant([[0.0, 1.0], [10.0, 11.0], [20.0, 21.0]])  # vocab_size 3, the largest id below is 1.
    result = getattr(kata, function)(weights, tf.constant([1, 0], tf.int64))
    assert_close(result, [[10.0, 11.0], [0.0, 1.0]], f"{function}(weights [3, 2], ids [1, 0])", dtype=tf.float32)


@pytest.mark.parametrize("function", ["embedding_lookup", "one_hot_embedding"])
@pytest.mark.parametrize("shape, id_dtype", LOOKUP_CASES)
def test_lookup_matches_tf_gather_for_ids_of_any_rank_and_int_dtype(kata, function, shape, id_dtype):
    weights = random_weights(1)
    ids = random_ids(len(shape) + 2, shape, id_dtype)
    expected = tf.gather(weights, ids).numpy()
    what = f"{function}(weights [{VOCAB}, {DIM}], {np.dtype(id_dtype).name} ids of shape {list(shape)})"
    with calls_forbidden(what, *FORBIDDEN_LOOKUPS) if function == "one_hot_embedding" else nullcontext():  # embedding_lookup may use any API.
        result = getattr(kata, function)(tf.constant(weights), tf.constant(ids))
    assert_shape(result, shape + (DIM,), what)
    assert_close(result, expected, what, dtype=tf.float32)


@pytest.mark.parametrize("function", ["embedding_lookup", "one_hot_embedding"])
def test_lookup_matches_a_keras_embedding_layer_with_the_same_weights(kata, function):
    weights = random_weights(2, (VOCAB + 4, DIM + 2))
    ids = random_ids(3, (3, 5), np.int64, high=VOCAB + 4)
    layer = keras.layers.Embedding(VOCAB + 4, DIM + 2)
    layer.build((None, 5))
    layer.set_weights([weights])
    expected = layer(ids).numpy()
    result = getattr(kata, function)(tf.constant(weights), tf.constant(ids))
    assert_close(result, expected, f"{function}(weights [{VOCAB + 4}, {DIM + 2}], ids [3, 5]) against "
                 "keras.layers.Embedding with those weights", dtype=tf.float32)


@pytest.mark.parametrize("function", ["embedding_lookup", "one_hot_embedding"])
def test_lookup_keeps_float64_weights_in_float64(kata, function):
    weights = random_weights(4, dtype=np.float64)
    ids = random_ids(5, (2, 4))
    result = getattr(kata, function)(tf.constant(weights), tf.constant(ids))
    what = f"{function}(float64 weights [{VOCAB}, {DIM}], ids [2, 4])"
    assert_dtype(result, tf.float64, what)
    assert_close(result, weights[ids], what, rtol=1e-12, atol=1e-12)


# ----------------------------------------------------------------------------- masking

PADDED_IDS = np.array([[4, 2, 0, 0, 5], [1, 0, 3, 0, 0], [5, 5, 5, 1, 2]], np.int32)  # vocab_size 5.


def test_masking_embedding_reserves_id_zero_for_padding(kata):
    layer = kata.masking_embedding(5, 3)
    assert isinstance(layer, keras.layers.Embedding), (
        f"masking_embedding(5, 3) returned {type(layer).__name__}, expected a keras.layers.Embedding")
    assert layer.mask_zero, "masking_embedding(5, 3) built an Embedding without mask_zero=True"
    assert layer.input_dim == 6, (
        f"masking_embedding(5, 3) has input_dim {layer.input_dim}, expected 6: ids 1..5 for the tokens plus "
        "0 for padding")
    assert layer.output_dim == 3, f"masking_embedding(5, 3) has output_dim {layer.output_dim}, expected 3"
    assert_shape(layer(PADDED_IDS), (3, 5, 3), "masking_embedding(5, 3) called on ids [3, 5] (largest id 5)")


def test_padding_mask_is_true_at_real_tokens_and_false_at_padding(kata):
    layer = keras.layers.Embedding(6, 4, mask_zero=True)
    mask = kata.padding_mask(layer, tf.constant(PADDED_IDS))
    assert mask is not None, "padding_mask(an Embedding with mask_zero=True, ids) returned None, expected its mask"
    assert_equal(mask, PADDED_IDS != 0, "padding_mask(Embedding(6, 4, mask_zero=True), ids [3, 5])", dtype=tf.bool)


def test_padding_mask_works_the_docstring_example_on_the_learners_layer(kata):
    ids = tf.constant([[4, 2, 0, 0], [1, 0, 3, 0]], tf.int64)
    mask = kata.padding_mask(kata.masking_embedding(4, 2), ids)
    assert mask is not None, "padding_mask(masking_embedding(4, 2), ids) returned None, expected the layer's mask"
    assert_equal(mask, [[True, True, False, False], [True, False, True, False]],
                 "padding_mask(masking_embedding(4, 2), [[4, 2, 0, 0], [1, 0, 3, 0]])", dtype=tf.bool)


def test_padding_mask_of_a_layer_without_mask_zero_is_none(kata):
    layer = keras.layers.Embedding(6, 4)  # mask_zero=False: this layer masks nothing.
    mask = kata.padding_mask(layer, tf.constant(PADDED_IDS))
    assert mask is None, (f"padding_mask(an Embedding without mask_zero, ids) returned {mask!r}, expected None: "
                          "the mask comes from the layer, and this layer has none")


# ----------------------------------------------------------------------------- images_to_sequences

N, ROWS, COLS = 3, 4, 6  # All different, so a swapped axis changes a shape.


def image_batch(seed, shape=(N, ROWS, COLS)):
    return np.random.default_rng(seed).integers(0, 256, size=shape).astype(np.uint8)


def test_images_to_sequences_works_the_docstring_example(kata):
    images = tf.constant([[[1, 2, 3], [4, 5, 6]]], tf.int32)
    assert_close(kata.images_to_sequences(images), [[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]],
                 "images_to_sequences([[[1, 2, 3], [4, 5, 6]]])", dtype=tf.float32)
    assert_close(kata.images_to_sequences(images, by="columns"), [[[1.0, 4.0], [2.0, 5.0], [3.0, 6.0]]],
                 "images_to_sequences([[[1, 2, 3], [4, 5, 6]]], by='columns')", dtype=tf.float32)


@pytest.mark.parametrize("by, time_major", [("rows", False), ("columns", False), ("rows", True), ("columns", True)])
def test_images_to_sequences_matches_numpy_transposes(kata, by, time_major):
    images = image_batch(10)
    expected = images.astype(np.float32)
    if by == "columns":
        expected = expected.transpose(0, 2, 1)
    if time_major:
        expected = expected.transpose(1, 0, 2)
    what = f"images_to_sequences(uint8 images [{N}, {ROWS}, {COLS}], by={by!r}, time_major={time_major})"
    assert_close(kata.images_to_sequences(tf.constant(images), by=by, time_major=time_major), expected, what,
                 dtype=tf.float32, rtol=0, atol=0)


@pytest.mark.parametrize("by", ["rows", "columns"])
def test_images_to_sequences_drops_the_channel_axis_of_a_single_image(kata, by):
    images = image_batch(11, (1, ROWS, COLS, 1)).astype(np.float32) / 255.0
    expected = images[..., 0] if by == "rows" else images[..., 0].transpose(0, 2, 1)
    what = f"images_to_sequences(a numpy float32 array [1, {ROWS}, {COLS}, 1], by={by!r})"
    assert_close(kata.images_to_sequences(images, by=by), expected, what, dtype=tf.float32)


def test_images_to_sequences_keeps_a_one_row_image_a_sequence_of_one_step(kata):
    images = image_batch(12, (N, 1, COLS, 1))
    what = f"images_to_sequences(images [{N}, 1, {COLS}, 1]) (one row: one time step)"
    assert_close(kata.images_to_sequences(tf.constant(images)), images[..., 0].astype(np.float32), what,
                 dtype=tf.float32)


def test_images_to_sequences_refuses_an_unknown_reading_direction(kata):
    with pytest.raises(ValueError):
        kata.images_to_sequences(tf.constant(image_batch(13)), by="diagonal")


# ----------------------------------------------------------------------------- build_lstm_classifier

TIME_STEPS, FEATURES, UNITS, CLASSES = 7, 5, 6, 4


@pytest.fixture(scope="module")
def sequences():
    rng = np.random.default_rng(20)
    return (rng.random((9, TIME_STEPS, FEATURES)).astype(np.float32),
            rng.integers(0, CLASSES, size=9).astype(np.int32))


def test_build_lstm_classifier_reads_sequences_and_outputs_class_probabilities(kata, sequences):
    model = kata.build_lstm_classifier(TIME_STEPS, FEATURES, UNITS, CLASSES, learning_rate=0.01)
    what = f"build_lstm_classifier({TIME_STEPS}, {FEATURES}, {UNITS}, {CLASSES})"
    assert isinstance(model, keras.Model), f"{what} returned {type(model).__name__}, expected a keras.Model"
    x, _ = sequences
    probabilities = model(x)
    assert_shape(probabilities, (9, CLASSES), f"{what} called on x [9, {TIME_STEPS}, {FEATURES}]")
    assert_close(tf.reduce_sum(probabilities, axis=-1), np.ones(9), f"{what}(x): each row's sum (a softmax "
                 "sums to 1)", rtol=1e-5, atol=1e-5)
    assert np.all(np.asarray(probabilities) > 0), f"{what}(x) has probabilities <= 0: expected a softmax"


def test_build_lstm_classifier_is_one_lstm_and_one_dense_layer(kata):
    model = kata.build_lstm_classifier(TIME_STEPS, FEATURES, UNITS, CLASSES)
    what = f"build_lstm_classifier({TIME_STEPS}, {FEATURES}, {UNITS}, {CLASSES})"
    lstms = [layer for layer in model.layers if isinstance(layer, keras.layers.LSTM)]
    assert len(lstms) == 1 and lstms[0].units == UNITS, (
        f"{what} has LSTM layers with units {[layer.units for layer in lstms]}, expected one LSTM({UNITS})")
    assert not lstms[0].return_sequences, f"{what}: the LSTM returns sequences; the classifier needs its last state"
    reference = keras.Sequential([keras.Input((TIME_STEPS, FEATURES)), keras.layers.LSTM(UNITS),
                                  keras.layers.Dense(CLASSES, activation="softmax")])
    assert model.count_params() == reference.count_params(), (
        f"{what} has {model.count_params()} parameters, expected {reference.count_params()} "
        f"(LSTM({UNITS}) on {FEATURES} features, then Dense({CLASSES}))")


def test_build_lstm_classifier_compiles_adam_at_the_learning_rate_and_sparse_cross_entropy(kata, sequences):
    model = kata.build_lstm_classifier(TIME_STEPS, FEATURES, UNITS, CLASSES, learning_rate=0.02)
    what = f"build_lstm_classifier({TIME_STEPS}, {FEATURES}, {UNITS}, {CLASSES}, learning_rate=0.02)"
    assert isinstance(model.optimizer, keras.optimizers.Adam), (
        f"{what} compiled with {type(model.optimizer).__name__}, expected keras.optimizers.Adam")
    assert_python_float(float(model.optimizer.learning_rate), 0.02, f"{what}: the optimiser's learning rate",
                        tol=1e-7)
    x, y = sequences
    probabilities = model(x)
    expected_loss = float(np.mean(keras.losses.sparse_categorical_crossentropy(y, probabilities)))
    expected_accuracy = float(np.mean(np.argmax(probabilities, axis=-1) == y))
    # The compiled loss and metrics, applied eagerly (model.evaluate would trace a graph for each model).
    loss = float(model.compute_loss(x=x, y=y, y_pred=probabilities))
    metrics = model.compute_metrics(x, y, probabilities)
    assert_python_float(loss, expected_loss, f"{what}: the compiled loss on 9 sequences (sparse categorical "
                        "cross-entropy of the probabilities)", tol=1e-4)
    assert "accuracy" in metrics, (
        f"{what}: the compiled metrics are named {sorted(metrics)}, expected one named 'accuracy'")
    assert_python_float(float(metrics["accuracy"]), expected_accuracy, f"{what}: the compiled accuracy metric",
                        tol=1e-6)


# ----------------------------------------------------------------------------- train_and_evaluate


def small_model(seed):
    """The test's own tiny classifier for 8x8 digits, so train_and_evaluate is tested on its own."""
    keras.utils.set_random_seed(seed)
    model = keras.Sequential([keras.Input((8, 8)), keras.layers.LSTM(8), keras.layers.Dense(10, activation="softmax")])
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def test_train_and_evaluate_fits_the_epochs_and_reports_the_held_out_accuracy(kata, digits):
    x_train, y_train, x_test, y_test = digits
    model = small_model(30)
    history, accuracy = kata.train_and_evaluate(model, x_train[:96], y_train[:96], x_test[:150], y_test[:150],
                                                epochs=3, batch_size=24)
    what = "train_and_evaluate(model, 96 digits, 150 test digits, epochs=3, batch_size=24)"
    assert isinstance(history, keras.callbacks.History), (
        f"{what} returned {type(history).__name__} first, expected the History that fit returns")
    assert len(history.history["loss"]) == 3, (
        f"{what}: the history has {len(history.history['loss'])} epochs, expected 3")
    assert model.optimizer.iterations.numpy() == 3 * 4, (
        f"{what}: the optimiser took {model.optimizer.iterations.numpy()} steps, expected 3 epochs of "
        "96 / 24 = 4 batches")
    expected = float(np.mean(np.argmax(model(x_test[:150]), axis=-1) == y_test[:150]))
    assert_python_float(accuracy, expected, f"{what}: the accuracy on the 150 test digits", tol=1e-6)


def test_an_lstm_reading_digit_rows_learns_to_classify_the_held_out_digits(kata, digits):
    x_train, y_train, x_test, y_test = digits
    model = kata.build_lstm_classifier(8, 8, 32, 10, learning_rate=0.01)
    history, accuracy = kata.train_and_evaluate(model, kata.images_to_sequences(x_train), y_train,
                                                kata.images_to_sequences(x_test), y_test, epochs=6, batch_size=64)
    assert accuracy >= ACCURACY_THRESHOLD, (
        f"an LSTM(32) trained on the 1397 digits (8 rows of 8 pixels, 6 epochs) reached {accuracy:.3f} on the 400 "
        f"held-out digits, expected at least {ACCURACY_THRESHOLD} (the solution reaches about 0.9; chance is 0.1); "
        f"training losses per epoch: {[round(v, 3) for v in history.history['loss']]}")
