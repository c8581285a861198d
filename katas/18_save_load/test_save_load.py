"""Tests for kata 18. Oracle: the original model's own predictions, which every round trip
must reproduce; files are written under pytest's tmp_path."""

import os

import keras
import numpy as np
import pytest
import tensorflow as tf

from tfkatas.testing import assert_close

FEATURES, OUTPUTS = 4, 3


def build_model():
    model = keras.Sequential([keras.Input((FEATURES,)), keras.layers.Dense(6, activation="relu"),
                              keras.layers.Dense(OUTPUTS)])
    # Not Keras' defaults (rmsprop, learning rate 0.001), so a round trip that drops them shows.
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss="mse")
    return model


@pytest.fixture(scope="module")
def batch():
    return np.random.default_rng(16).normal(size=(5, FEATURES)).astype(np.float32)


@pytest.fixture
def model():
    """A model with random weights and nonzero biases, so a restore that missed anything shows."""
    model = build_model()
    rng = np.random.default_rng(6)
    model.set_weights([rng.normal(size=weight.shape).astype(np.float32) for weight in model.get_weights()])
    return model


def test_save_weights_to_writes_a_weights_h5_file_that_loads_back(kata, model, batch, tmp_path):
    path = kata.save_weights_to(model, tmp_path)
    assert isinstance(path, str), f"save_weights_to returned {type(path).__name__}, expected the path as a str"
    assert path == str(tmp_path / "model.weights.h5"), (
        f"save_weights_to returned {path!r}, expected {str(tmp_path / 'model.weights.h5')!r}")
    assert os.path.isfile(path), f"save_weights_to returned {path!r}, but no file is there"
    # A file is not enough: it must hold this model's weights, as loading it back shows.
    fresh = build_model()
    fresh.load_weights(path)
    assert_close(fresh(batch), model(batch),
                 "a fresh model loaded from save_weights_to's file: predictions vs the original's (whose weights?)")


def test_restore_weights_predicts_like_the_original(kata, model, batch, tmp_path):
    path = str(tmp_path / "saved.weights.h5")
    model.save_weights(path)
    restored = kata.restore_weights(build_model, path)
    assert restored is not model, "restore_weights should build a new model with build_model()"
    assert_close(restored(batch), model(batch), "restore_weights(...) predictions vs the original's")


def test_round_trip_keras_loads_a_new_model_that_predicts_the_same(kata, model, batch, tmp_path):
    path, loaded = kata.round_trip_keras(model, tmp_path)
    assert isinstance(path, str), f"round_trip_keras returned a path of type {type(path).__name__}, expected a str"
    assert path == str(tmp_path / "model.keras"), (
        f"round_trip_keras returned path {path!r}, expected {str(tmp_path / 'model.keras')!r}")
    assert os.path.isfile(path), f"round_trip_keras returned {path!r}, but no file is there"
    assert loaded is not model, "round_trip_keras should return the model loaded from the file, not the original"
    assert_close(loaded(batch), model(batch), "round_trip_keras(...) loaded model's predictions")
    assert loaded.loss == model.loss, (
        f"the loaded model's loss is {loaded.loss!r}, expected {model.loss!r}: a .keras file keeps compile settings")
    assert isinstance(loaded.optimizer, keras.optimizers.SGD), (
        f"the loaded model's optimizer is {type(loaded.optimizer).__name__}, expected SGD: a .keras file keeps it")
    learning_rate = float(loaded.optimizer.learning_rate)
    assert abs(learning_rate - 0.05) < 1e-7, (
        f"the loaded model's learning rate is {learning_rate}, expected the original's 0.05")
    # The file itself must hold the model: load it here, apart from what round_trip_keras returned.
    assert_close(keras.models.load_model(path)(batch), model(batch), "a model loaded here from round_trip_keras' file")


def test_copy_from_config_is_independent_and_predicts_the_same(kata, model, batch):
    copy = kata.copy_from_config(model)
    assert copy is not model, "copy_from_config returned the original model, expected a new one"
    assert type(copy) is type(model), f"copy_from_config returned a {type(copy).__name__}, expected Sequential"
    assert_close(copy(batch), model(batch), "copy_from_config(model) predictions (weights copied?)")
    before = model(batch).numpy()
    copy.set_weights([np.zeros_like(weight) for weight in copy.get_weights()])
    assert_close(model(batch), before, "the original's predictions after zeroing the copy's weights (shared layers?)")


@pytest.fixture(scope="module")
def exported(tmp_path_factory, batch):
    """A model exported by Keras itself, for testing `serve` apart from `export_for_serving`."""
    model = build_model()
    path = str(tmp_path_factory.mktemp("reference") / "served")
    model.export(path, verbose=False)
    return path, model.predict(batch, verbose=0)


def test_serve_runs_the_exported_model_without_keras(kata, exported, batch):
    path, expected = exported
    result = kata.serve(path, batch)
    assert isinstance(result, tf.Tensor), f"serve returned {type(result).__name__}, expected a tf.Tensor"
    assert_close(result, expected, "serve(exported model, 5 examples)", rtol=1e-5, atol=1e-5)
    one = kata.serve(path, batch[:1])
    assert_close(one, expected[:1], "serve(exported model, 1 example): a [1, outputs] batch", rtol=1e-5, atol=1e-5)


def test_export_for_serving_writes_a_saved_model(kata, model, batch, tmp_path):
    path = kata.export_for_serving(model, tmp_path)
    assert isinstance(path, str), f"export_for_serving returned {type(path).__name__}, expected the path as a str"
    assert path == str(tmp_path / "served"), (
        f"export_for_serving returned {path!r}, expected {str(tmp_path / 'served')!r}")
    assert os.path.isfile(os.path.join(path, "saved_model.pb")), f"{path} holds no saved_model.pb"
    served = tf.saved_model.load(path)
    assert hasattr(served, "serve"), (
        f"the SavedModel export_for_serving wrote at {path} has no `serve` endpoint: use model.export(path), "
        "not tf.saved_model.save")
    assert_close(served.serve(batch), model(batch), "the exported model's serve(x) vs the original",
                 rtol=1e-5, atol=1e-5)
