"""Plausible wrong answers to kata 18; `make check` proves the tests catch every one."""

import keras
import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("save_weights_to", "the notes' checkpoint name 'model.ckpt': Keras 3 refuses a weights file not named *.weights.h5")
def notes_checkpoint_name_model_ckpt(model, directory):
    path = str(directory / "model.ckpt")
    model.save_weights(path)
    return path


@wrong_answer("save_weights_to", "returns a pathlib.Path instead of the str asked for")
def returns_pathlib_path_instead_str(model, directory):
    path = directory / "model.weights.h5"
    model.save_weights(path)
    return path


@wrong_answer("restore_weights", "builds the fresh model but forgets load_weights")
def builds_fresh_model_but_forgets(build_model, path):
    return build_model()


@wrong_answer("round_trip_keras", "returns the original model instead of the one loaded from the file")
def returns_original_model_instead_one(model, directory):
    path = str(directory / "model.keras")
    model.save(path)
    keras.models.load_model(path)
    return path, model


@wrong_answer("copy_from_config", "from_config alone: the architecture without the trained weights")
def config_alone_architecture_without_trained(model):
    return type(model).from_config(model.get_config())


@wrong_answer("copy_from_config", "reuses the original's layers: keras.Sequential(model.layers) shares their weights")
def reuses_original_layers_keras_sequential(model):
    return keras.Sequential(model.layers)


@wrong_answer("export_for_serving", "model.save(folder) without .keras: Keras 3 no longer writes a SavedModel that way")
def model_save_folder_without_keras(model, directory):
    path = str(directory / "served")
    model.save(path)
    return path


@wrong_answer("serve", "calls the serving signature, which returns a dict of outputs, not the tensor")
def calls_serving_signature_returns_dict(path, x):
    served = tf.saved_model.load(path)
    return served.signatures["serving_default"](tf.constant(x, tf.float32))


@wrong_answer("round_trip_keras", "round_trip_keras saves the file but returns the original model instead of the loaded one")
def round_trip_keras_saves_file(model, directory):
    path = str(directory / "model.keras")
    model.save(path)
    keras.models.load_model(path)
    return path, model


@wrong_answer("copy_from_config", "keras.models.clone_model: copies the architecture with fresh weights, not the trained ones")
def keras_models_clone_model_copies(model):
    return keras.models.clone_model(model)


@wrong_answer("export_for_serving", "tf.saved_model.save(model, path): no `serve` endpoint for the server to call")
def tf_saved_model_save_model(model, directory):
    path = str(directory / "served")
    tf.saved_model.save(model, path)
    return path


@wrong_answer("save_weights_to", "saves a clone's weights (clone_model starts from fresh random weights), not the model's")
def saves_a_clones_fresh_weights(model, directory):
    path = str(directory / "model.weights.h5")
    keras.models.clone_model(model).save_weights(path)
    return path


@wrong_answer("restore_weights", "returns what load_weights returns (None) instead of the model")
def returns_what_load_weights_returns(build_model, path):
    return build_model().load_weights(path)


@wrong_answer("round_trip_keras", "loads with compile=False: the loss and optimizer are dropped")
def loads_with_compile_false(model, directory):
    path = str(directory / "model.keras")
    model.save(path)
    return path, keras.models.load_model(path, compile=False)


@wrong_answer("round_trip_keras", "the legacy 'model.h5' name instead of 'model.keras'")
def legacy_h5_file_name(model, directory):
    path = str(directory / "model.h5")
    model.save(path)
    return path, keras.models.load_model(path)


@wrong_answer("round_trip_keras", "returns the path as a pathlib.Path, not the str asked for")
def round_trip_returns_pathlib_path(model, directory):
    path = directory / "model.keras"
    model.save(path)
    return path, keras.models.load_model(path)


@wrong_answer("copy_from_config", "keras.Model.from_config instead of the model's own class: not a Sequential")
def base_model_from_config(model):
    copy = keras.Model.from_config(model.get_config())
    copy.set_weights(model.get_weights())
    return copy


@wrong_answer("serve", "converts the predictions to a numpy array instead of returning the tf.Tensor")
def serve_returns_numpy(path, x):
    served = tf.saved_model.load(path)
    return served.serve(tf.constant(x, tf.float32)).numpy()


@wrong_answer("export_for_serving", "returns a pathlib.Path instead of the str asked for")
def export_returns_pathlib_path(model, directory):
    path = directory / "served"
    model.export(str(path), verbose=False)
    return path


@wrong_answer("serve", "loads and serves in one expression: the loaded object, and its variables, are freed before the call")
def loads_and_serves_in_one_expression(path, x):
    return tf.saved_model.load(path).serve(tf.constant(x, tf.float32))
