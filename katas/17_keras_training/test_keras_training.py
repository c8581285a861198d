"""Tests for kata 17. Oracles: numpy cross-entropy and argmax, hand-worked means, and Keras'
own `fit` on an identical copy of the model (same weights, same batches, no shuffling)."""

import keras
import numpy as np
import pytest
import tensorflow as tf

from tfkatas.testing import assert_close, assert_equal, assert_python_float

FEATURES, CLASSES = 5, 3


@pytest.fixture(scope="module")
def data():
    rng = np.random.default_rng(15)
    x = rng.normal(size=(64, FEATURES)).astype(np.float32)
    y = np.argmax(x @ rng.normal(size=(FEATURES, CLASSES)), axis=1).astype(np.int32)
    return x, y


def small_model(seed=0):
    keras.utils.set_random_seed(seed)
    return keras.Sequential([keras.Input((FEATURES,)), keras.layers.Dense(8, activation="relu"),
                             keras.layers.Dense(CLASSES)])


def twin(model):
    """A second model with the same architecture and the same starting weights."""
    copy = keras.models.clone_model(model)
    copy.set_weights(model.get_weights())
    return copy


def numpy_cross_entropy(logits, y):
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-log_probs[np.arange(len(y)), y].mean())


def test_epoch_means_averages_each_epoch_separately(kata):
    result = kata.epoch_means([[1.0, 2.0, 3.0], [10.0, 20.0]])
    assert isinstance(result, list), f"epoch_means returned {type(result).__name__}, expected a list"
    assert len(result) == 2, f"epoch_means returned {len(result)} values for 2 epochs"
    for epoch, (value, expected) in enumerate(zip(result, [2.0, 15.0])):
        assert_python_float(value, expected, f"epoch_means([[1, 2, 3], [10, 20]])[{epoch}] (reset between epochs?)")


def test_epoch_means_of_single_batch_epochs_and_of_no_epochs(kata):
    result = kata.epoch_means([[4.0], [1.0, 2.0, 6.0], [0.5]])
    assert isinstance(result, list) and len(result) == 3, (
        f"epoch_means([[4], [1, 2, 6], [0.5]]) returned {result!r}, expected a list of 3 epoch means")
    for epoch, (value, expected) in enumerate(zip(result, [4.0, 3.0, 0.5])):
        assert_python_float(value, expected, f"epoch_means([[4], [1, 2, 6], [0.5]])[{epoch}]")
    assert kata.epoch_means([]) == [], "epoch_means([]) (no epochs) should return []"


def test_accuracy_of_compares_argmax_classes_with_labels(kata):
    result = kata.accuracy_of(np.array([0, 2]), np.array([[3.0, 1.0, 0.0], [0.0, 5.0, 1.0]], np.float32))
    assert_python_float(result, 0.5, "accuracy_of([0, 2], [[3, 1, 0], [0, 5, 1]])")


def test_accuracy_of_matches_numpy_on_random_logits(kata):
    rng = np.random.default_rng(4)
    logits = rng.normal(size=(37, 4)).astype(np.float32)
    labels = rng.integers(0, 4, size=37)
    expected = float(np.mean(np.argmax(logits, axis=1) == labels))
    assert_python_float(kata.accuracy_of(labels, logits), expected, "accuracy_of(37 labels, [37, 4] logits)")


def test_accuracy_of_takes_int32_label_tensors(kata):
    rng = np.random.default_rng(6)
    logits = rng.normal(size=(23, 5)).astype(np.float32)
    labels = rng.integers(0, 5, size=23).astype(np.int32)
    expected = float(np.mean(np.argmax(logits, axis=1) == labels))
    assert_python_float(kata.accuracy_of(tf.constant(labels), tf.constant(logits)), expected,
                        "accuracy_of(int32 label tensor [23], logits tensor [23, 5])")


def test_train_step_moves_weights_like_one_batch_of_fit(kata, data):
    x, y = data
    reference = small_model(seed=3)
    model = twin(reference)
    reference.compile(optimizer=keras.optimizers.SGD(learning_rate=0.5),
                      loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    expected_loss = reference.fit(x, y, batch_size=len(x), epochs=1, shuffle=False, verbose=0).history["loss"][0]
    optimizer = keras.optimizers.SGD(learning_rate=0.5)
    loss = kata.train_step(model, optimizer, x, y)
    assert int(optimizer.iterations) == 1, (
        f"after one train_step the optimizer has taken {int(optimizer.iterations)} steps, expected 1")
    assert_python_float(float(loss), float(expected_loss), "train_step loss (cross-entropy on logits)", tol=1e-4)
    for index, (weight, expected) in enumerate(zip(model.get_weights(), reference.get_weights())):
        assert_close(weight, expected, f"weight {index} after train_step vs after one batch of fit",
                     rtol=1e-4, atol=1e-5)


def test_custom_fit_matches_fit_without_shuffling(kata, data):
    x, y = data
    reference = small_model(seed=5)
    model = twin(reference)
    reference.compile(optimizer=keras.optimizers.SGD(learning_rate=0.3),
                      loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    expected = reference.fit(x, y, batch_size=16, epochs=3, shuffle=False, verbose=0).history["loss"]
    losses = kata.custom_fit(model, x, y, epochs=3, batch_size=16, learning_rate=0.3)
    assert isinstance(losses, list) and len(losses) == 3, f"custom_fit returned {losses!r}, expected a list of 3 losses"
    assert_close(np.array(losses, np.float64), np.array(expected, np.float64),
                 "custom_fit epoch losses vs fit's history['loss']", rtol=1e-4)
    assert losses[-1] < losses[0], f"custom_fit's loss went from {losses[0]:.4f} to {losses[-1]:.4f}, expected it to fall"
    for index, (weight, expected_weight) in enumerate(zip(model.get_weights(), reference.get_weights())):
        assert_close(weight, expected_weight, f"weight {index} after custom_fit vs after fit", rtol=1e-4, atol=1e-5)


def test_custom_fit_keeps_the_smaller_last_batch_and_counts_each_batch_once(kata, data):
    # batch_size=24 does not divide 64: slices of 24, 24 and 16, 3 steps an epoch. The oracle
    # steps a twin by hand (w <- w - 0.2 * gradient, what SGD does once per batch in fit) and
    # records every batch's loss before its step; custom_fit's epoch loss is their plain mean.
    x, y = data
    reference = small_model(seed=9)
    model = twin(reference)
    cross_entropy = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    expected = []
    for _ in range(2):
        batch_losses = []
        for start in range(0, len(x), 24):
            x_batch, y_batch = x[start:start + 24], y[start:start + 24]
            with tf.GradientTape() as tape:
                loss = cross_entropy(y_batch, reference(x_batch))
            for variable, gradient in zip(reference.trainable_variables,
                                          tape.gradient(loss, reference.trainable_variables)):
                variable.assign_sub(0.2 * gradient)
            batch_losses.append(float(loss))
        expected.append(float(np.mean(batch_losses)))
    losses = kata.custom_fit(model, x, y, epochs=2, batch_size=24, learning_rate=0.2)
    assert isinstance(losses, list) and len(losses) == 2, f"custom_fit returned {losses!r}, expected a list of 2 losses"
    for epoch, (value, wanted) in enumerate(zip(losses, expected)):
        assert_python_float(value, wanted, f"custom_fit(64 examples, batch_size=24)[{epoch}] (the plain mean of the "
                            "epoch's 3 batch losses, each batch counting once)", tol=1e-4)
    for index, (weight, expected_weight) in enumerate(zip(model.get_weights(), reference.get_weights())):
        assert_close(weight, expected_weight, f"weight {index} after custom_fit(64 examples, batch_size=24, epochs=2) "
                     "vs after 6 SGD steps (3 an epoch: 24, 24, then the last 16)", rtol=1e-4, atol=1e-5)


def test_compile_classifier_uses_adam_and_cross_entropy_on_logits(kata, data):
    x, y = data
    model = small_model()
    result = kata.compile_classifier(model, 0.02)
    assert result is model, "compile_classifier should return the model it compiled"
    assert isinstance(model.optimizer, keras.optimizers.Adam), (
        f"model.optimizer is {type(model.optimizer).__name__}, expected Adam")
    assert_python_float(float(model.optimizer.learning_rate), 0.02, "model.optimizer.learning_rate", tol=1e-6)
    loss, accuracy = model.evaluate(x, y, verbose=0)
    logits = model.predict(x, verbose=0)
    assert_python_float(float(loss), numpy_cross_entropy(logits, y), "evaluate's loss (cross-entropy on logits)", tol=1e-4)
    expected_accuracy = float(np.mean(np.argmax(logits, axis=1) == y))
    assert_python_float(float(accuracy), expected_accuracy, "evaluate's accuracy metric")


def compiled_model(seed=0):
    model = small_model(seed)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.02),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    return model


def test_evaluate_and_predict_returns_floats_and_argmax_classes(kata, data):
    x, y = data
    model = compiled_model()
    logits = model.predict(x, verbose=0)
    loss, accuracy, classes = kata.evaluate_and_predict(model, x, y)
    assert isinstance(loss, float) and isinstance(accuracy, float), (
        f"evaluate_and_predict returned loss {type(loss).__name__} and accuracy {type(accuracy).__name__}, "
        "expected Python floats")
    assert_python_float(loss, numpy_cross_entropy(logits, y), "evaluate_and_predict loss", tol=1e-4)
    assert_python_float(accuracy, float(np.mean(np.argmax(logits, axis=1) == y)), "evaluate_and_predict accuracy")
    assert tf.is_tensor(classes), (
        f"evaluate_and_predict returned classes as {type(classes).__name__}, expected an int tensor")
    assert classes.dtype in (tf.int32, tf.int64), (
        f"evaluate_and_predict classes have dtype {classes.dtype.name}, expected int32 or int64")
    assert_equal(classes, np.argmax(logits, axis=1), "evaluate_and_predict classes")


def test_fit_with_validation_validates_every_few_epochs_on_the_last_examples(kata, data, capsys):
    x, y = data
    model = compiled_model()
    capsys.readouterr()
    history = kata.fit_with_validation(model, x, y, epochs=4, validation_split=0.25, validation_freq=2)
    printed = capsys.readouterr().out
    assert not printed.strip(), (
        f"fit_with_validation printed {printed.strip()[:80]!r}...: the docstring asks for no progress bar (verbose=0)")
    # 48 training examples in batches of 16: 3 optimizer steps an epoch, 12 in 4 epochs.
    assert int(model.optimizer.iterations) == 12, (
        f"fit_with_validation took {int(model.optimizer.iterations)} optimizer steps, expected 12: 48 training "
        "examples (the first 75%) in batches of 16 over 4 epochs")
    assert isinstance(history, dict), f"fit_with_validation returned {type(history).__name__}, expected a dict"
    assert len(history.get("loss", [])) == 4, f"history['loss'] has {len(history.get('loss', []))} entries, expected 4"
    validation = history.get("val_loss", [])
    assert len(validation) == 2, (
        f"history['val_loss'] has {len(validation)} entries, expected 2 (validation_freq=2 over 4 epochs)")
    # validation_split holds out the last 25% (16 examples); after the last epoch the model is unchanged.
    expected = model.evaluate(x[48:], y[48:], verbose=0)[0]
    assert_python_float(float(validation[-1]), float(expected), "last val_loss (the last 16 examples)", tol=1e-4)
