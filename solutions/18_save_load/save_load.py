"""Kata 18 — Saving and loading models.

A trained Keras `model` is worth keeping. There are four ways to keep it, each for a
different job: the weights alone (`.weights.h5`, when the code that builds the model is at
hand), the whole model in one `.keras` file (architecture, weights and compile settings),
the architecture alone as a config dict (`get_config`/`from_config`), and an exported
TensorFlow SavedModel (`model.export`) that a server loads with `tf.saved_model.load`
without any of your Python code. After every round trip the model must predict exactly
what it predicted before.

Every function takes a `directory` (a `pathlib.Path` that exists) to write into.

Run `make kata N=18` to test your answers, `make hint N=18` when stuck.
"""

import keras
import tensorflow as tf


def save_weights_to(model, directory):
    """Save the model's weights to `directory / "model.weights.h5"` and return that path as a str.

    Example: save_weights_to(model, Path("/tmp/run")) -> "/tmp/run/model.weights.h5" (the file exists).
    """
    ### BEGIN SOLUTION: keras.Model.save_weights; Keras 3 picks the format from the name, which must end in ".weights.h5".
    path = str(directory / "model.weights.h5")
    model.save_weights(path)
    return path
    ### END SOLUTION


def restore_weights(build_model, path):
    """Build a fresh model with `build_model()` and load the weights saved at `path` into it.

    Return the new model. Example: restore_weights(build_model, save_weights_to(model, d))
    predicts exactly what `model` predicts.
    """
    ### BEGIN SOLUTION: load_weights fills an existing model, so build a fresh one with build_model first.
    # Weights are matched to layers by position, so the builder must make the same architecture.
    model = build_model()
    model.load_weights(path)
    return model
    ### END SOLUTION


def round_trip_keras(model, directory):
    """Save the whole model to `directory / "model.keras"` and load it back.

    Return `(path, loaded_model)`: the file's path as a str and the model read from it
    (a new object, not `model`).

    Example: round_trip_keras(model, d) -> ("d/model.keras", a model with the same layers,
    weights and predictions).
    """
    ### BEGIN SOLUTION: keras.Model.save with a ".keras" name stores everything; keras.models.load_model reads it back.
    path = str(directory / "model.keras")
    model.save(path)
    return path, keras.models.load_model(path)
    ### END SOLUTION


def copy_from_config(model):
    """A second, independent model with the same architecture and the same weights.

    Rebuild the architecture from `model.get_config()` with the class's `from_config`, then
    copy the weights over. Changing the copy's weights must not change `model`.

    Example: copy_from_config(sequential) -> a new Sequential whose predictions equal the original's.
    """
    ### BEGIN SOLUTION: from_config rebuilds the architecture from get_config with new weights; copy them with get/set_weights.
    # The config holds the architecture only: the new layers start with fresh random weights.
    copy = type(model).from_config(model.get_config())
    copy.set_weights(model.get_weights())
    return copy
    ### END SOLUTION


def export_for_serving(model, directory):
    """Export the model as a TensorFlow SavedModel in `directory / "served"`; return that path as a str.

    Example: export_for_serving(model, d) -> "d/served", a folder holding saved_model.pb.
    """
    ### BEGIN SOLUTION: keras.Model.export writes a TensorFlow SavedModel with a "serve" endpoint.
    path = str(directory / "served")
    model.export(path, verbose=False)
    return path
    ### END SOLUTION


def serve(path, x):
    """Load the SavedModel at `path` with `tf.saved_model.load` and run its `serve` endpoint on x.

    `x` is a float32 batch `[examples, features]`; return the predictions as a tf.Tensor
    `[examples, outputs]`. No Keras code is needed: this is what a server would run.
    Keep the loaded object in a name while you call it: in a one-line
    `tf.saved_model.load(path).serve(x)` the object, and with it the model's variables, is
    freed before the call, and TensorFlow complains about "variables which have been deleted".

    Example: serve(export_for_serving(model, d), x) equals model.predict(x).
    """
    ### BEGIN SOLUTION: tf.saved_model.load returns an object whose serve endpoint you call on a float32 tensor.
    served = tf.saved_model.load(path)
    return served.serve(tf.constant(x, tf.float32))
    ### END SOLUTION
