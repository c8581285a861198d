"""Plausible wrong answers to kata 16; `make check` proves the tests catch every one."""

import keras
import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("the notes' checkpoint name 'model.ckpt': Keras 3 refuses a weights file not named *.weights.h5")
def save_weights_to(model, directory):
    path = str(directory / "model.ckpt")
    model.save_weights(path)
    return path


@wrong_answer("returns a pathlib.Path instead of the str asked for")
def save_weights_to(model, directory):  # noqa: F811
    path = directory / "model.weights.h5"
    model.save_weights(path)
    return path


@wrong_answer("builds the fresh model but forgets load_weights")
def restore_weights(build_model, path):
    return build_model()


@wrong_answer("returns the original model instead of the one loaded from the file")
def round_trip_keras(model, directory):
    path = str(directory / "model.keras")
    model.save(path)
    keras.models.load_model(path)
    return path, model


@wrong_answer("from_config alone: the architecture without the trained weights")
def copy_from_config(model):
    return type(model).from_config(model.get_config())


@wrong_answer("reuses the original's layers: keras.Sequential(model.layers) shares their weights")
def copy_from_config(model):  # noqa: F811
    return keras.Sequential(model.layers)


@wrong_answer("model.save(folder) without .keras: Keras 3 no longer writes a SavedModel that way")
def export_for_serving(model, directory):
    path = str(directory / "served")
    model.save(path)
    return path


@wrong_answer("calls the serving signature, which returns a dict of outputs, not the tensor")
def serve(path, x):
    served = tf.saved_model.load(path)
    return served.signatures["serving_default"](tf.constant(x, tf.float32))


@wrong_answer("round_trip_keras saves the file but returns the original model instead of the loaded one")
def round_trip_keras(model, directory):  # noqa: F811
    path = str(directory / "model.keras")
    model.save(path)
    keras.models.load_model(path)
    return path, model


@wrong_answer("keras.models.clone_model: copies the architecture with fresh weights, not the trained ones")
def copy_from_config(model):  # noqa: F811
    return keras.models.clone_model(model)


@wrong_answer("tf.saved_model.save(model, path): no `serve` endpoint for the server to call")
def export_for_serving(model, directory):  # noqa: F811
    path = str(directory / "served")
    tf.saved_model.save(model, path)
    return path
