"""Plausible wrong answers to kata 34; `make check` proves the tests catch every one."""
# The save_comparison answers default directory to None: ARTIFACTS_DIR is the solution module's own, read at call time.

import keras
import numpy as np
import tensorflow as tf
from keras import layers

from tfkatas.wrong import wrong_answer


@wrong_answer("dense_autoencoder", "the bottleneck layer gets hidden_size units instead of bottleneck_size")
def bottleneck_layer_gets_hidden_size(input_size, bottleneck_size, hidden_size=32):
    return keras.Sequential([
        keras.Input((input_size,)),
        layers.Dense(hidden_size, activation="relu"),
        layers.Dense(hidden_size, name="bottleneck"),
        layers.Dense(bottleneck_size, activation="relu"),
        layers.Dense(input_size, activation="sigmoid"),
    ])


@wrong_answer("dense_autoencoder", "relu on the last layer: reconstructions are not kept below 1")
def relu_last_layer_reconstructions_not(input_size, bottleneck_size, hidden_size=32):
    return keras.Sequential([
        keras.Input((input_size,)),
        layers.Dense(hidden_size, activation="relu"),
        layers.Dense(bottleneck_size, name="bottleneck"),
        layers.Dense(hidden_size, activation="relu"),
        layers.Dense(input_size, activation="relu"),
    ])


@wrong_answer("encoder", "encoder returns the whole autoencoder (reconstructions, not codes)")
def encoder_returns_whole_autoencoder_reconstructions(autoencoder):
    return autoencoder


@wrong_answer("add_noise", "add_noise uses the global np.random (ignores the seed)")
def add_noise_uses_global_np(data, stddev, seed):
    return np.clip(np.asarray(data) + np.random.normal(0.0, stddev, np.shape(data)), 0, 1).astype(np.float32)


@wrong_answer("add_noise", "add_noise forgets to clip to [0, 1]")
def add_noise_forgets_clip_0(data, stddev, seed):
    noise = np.random.default_rng(seed).normal(0.0, stddev, np.shape(data))
    return (np.asarray(data) + noise).astype(np.float32)


@wrong_answer("add_noise", "add_noise passes the variance stddev**2 where numpy wants the standard deviation")
def add_noise_passes_variance_stddev(data, stddev, seed):
    noise = np.random.default_rng(seed).normal(0.0, stddev ** 2, np.shape(data))
    return np.clip(np.asarray(data) + noise, 0.0, 1.0).astype(np.float32)


@wrong_answer("denoising_pairs", "denoising_pairs trains noisy -> noisy (the targets are the noisy copy)")
def denoising_pairs_trains_noisy_noisy(clean, stddev, seed):
    noisy = add_noise(clean, stddev, seed)
    return noisy, noisy


@wrong_answer("reconstruction_error", "reconstruction_error returns a scalar tensor instead of a Python float")
def reconstruction_error_returns_scalar_tensor(model, inputs, targets):
    return tf.reduce_mean(tf.square(model(np.asarray(inputs, np.float32)) - np.asarray(targets, np.float32)))


@wrong_answer("reconstruction_error", "reconstruction_error sums the squares instead of averaging them")
def reconstruction_error_sums_squares_instead(model, inputs, targets):
    return float(tf.reduce_sum(tf.square(model(np.asarray(inputs, np.float32)) - np.asarray(targets, np.float32))))


@wrong_answer("comparison_grid", "comparison_grid puts originals left and reconstructions right (one long row)")
def comparison_grid_puts_originals_left(originals, reconstructions, image_shape):
    images = np.asarray(np.concatenate([originals, reconstructions]), np.float32).reshape((-1,) + tuple(image_shape))
    return np.round(255 * np.clip(np.concatenate(list(images), axis=1), 0, 1)).astype(np.uint8)


@wrong_answer("comparison_grid", "comparison_grid forgets to scale [0, 1] to 0..255")
def comparison_grid_forgets_scale_0(originals, reconstructions, image_shape):
    def row(flat_images):
        return np.concatenate(list(np.asarray(flat_images, np.float32).reshape((-1,) + tuple(image_shape))), axis=1)
    return np.round(np.concatenate([row(originals), row(reconstructions)], axis=0)).astype(np.uint8)


@wrong_answer("comparison_grid", "comparison_grid casts with astype(uint8) without rounding: truncates 254.7 to 254")
def comparison_grid_casts_astype_uint8(originals, reconstructions, image_shape):
    def row(flat_images):
        return np.concatenate(list(np.asarray(flat_images, np.float32).reshape((-1,) + tuple(image_shape))), axis=1)
    return (255 * np.clip(np.concatenate([row(originals), row(reconstructions)], axis=0), 0, 1)).astype(np.uint8)


@wrong_answer("train_autoencoder", "train_autoencoder fits inputs -> inputs, ignoring the targets")
def train_autoencoder_fits_inputs_inputs(model, inputs, targets, epochs=30, batch_size=32):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
    return model.fit(inputs, inputs, epochs=epochs, batch_size=batch_size, verbose=0)


@wrong_answer("train_autoencoder", "train_autoencoder compiles with optimizer='adam' (learning rate 0.001, not 0.01)")
def train_autoencoder_compiles_optimizer_adam(model, inputs, targets, epochs=30, batch_size=32):
    model.compile(optimizer="adam", loss="mse")
    return model.fit(inputs, targets, epochs=epochs, batch_size=batch_size, verbose=0)


@wrong_answer("reconstruction_error", "reconstruction_error compares the reconstructions with the inputs, not the targets")
def reconstruction_error_compares_reconstructions_inputs(model, inputs, targets):
    inputs = np.asarray(inputs, np.float32)
    return float(tf.reduce_mean(tf.square(model(inputs) - inputs)))


@wrong_answer("dense_autoencoder", "ignores hidden_size: the hidden layers always have 32 units")
def ignores_hidden_size_always_32(input_size, bottleneck_size, hidden_size=32):
    return keras.Sequential([
        keras.Input((input_size,)),
        layers.Dense(32, activation="relu"),
        layers.Dense(bottleneck_size, name="bottleneck"),
        layers.Dense(32, activation="relu"),
        layers.Dense(input_size, activation="sigmoid"),
    ])


@wrong_answer("dense_autoencoder", "relu on the bottleneck too: the code can never be negative")
def relu_on_the_bottleneck(input_size, bottleneck_size, hidden_size=32):
    return keras.Sequential([
        keras.Input((input_size,)),
        layers.Dense(hidden_size, activation="relu"),
        layers.Dense(bottleneck_size, activation="relu", name="bottleneck"),
        layers.Dense(hidden_size, activation="relu"),
        layers.Dense(input_size, activation="sigmoid"),
    ])


@wrong_answer("dense_autoencoder", "sigmoid hidden layers instead of relu")
def sigmoid_hidden_layers(input_size, bottleneck_size, hidden_size=32):
    return keras.Sequential([
        keras.Input((input_size,)),
        layers.Dense(hidden_size, activation="sigmoid"),
        layers.Dense(bottleneck_size, name="bottleneck"),
        layers.Dense(hidden_size, activation="sigmoid"),
        layers.Dense(input_size, activation="sigmoid"),
    ])


@wrong_answer("dense_autoencoder", "the decoder's hidden layer has no activation (only the encoder's has relu)")
def decoder_hidden_layer_linear(input_size, bottleneck_size, hidden_size=32):
    return keras.Sequential([
        keras.Input((input_size,)),
        layers.Dense(hidden_size, activation="relu"),
        layers.Dense(bottleneck_size, name="bottleneck"),
        layers.Dense(hidden_size),
        layers.Dense(input_size, activation="sigmoid"),
    ])


@wrong_answer("add_noise", "adds the noise with TensorFlow and returns a tensor, not a numpy array")
def add_noise_returns_tensor(data, stddev, seed):
    noise = np.random.default_rng(seed).normal(0.0, stddev, np.shape(data))
    return tf.clip_by_value(tf.constant(np.asarray(data) + noise, tf.float32), 0.0, 1.0)


@wrong_answer("denoising_pairs", "returns the clean data as given: float64 targets stay float64")
def denoising_pairs_targets_keep_dtype(clean, stddev, seed):
    return add_noise(clean, stddev, seed), clean


@wrong_answer("train_autoencoder", "ignores batch_size: fit's default of 32 examples a batch")
def train_autoencoder_ignores_batch_size(model, inputs, targets, epochs=30, batch_size=32):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
    return model.fit(inputs, targets, epochs=epochs, verbose=0)


@wrong_answer("train_autoencoder", "defaults to 10 epochs, not 30")
def train_autoencoder_defaults_10_epochs(model, inputs, targets, epochs=10, batch_size=32):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
    return model.fit(inputs, targets, epochs=epochs, batch_size=batch_size, verbose=0)


@wrong_answer("save_comparison", "writes an RGB PNG (the gray level copied into three channels)")
def save_comparison_writes_rgb(originals, reconstructions, image_shape, name="autoencoder.png",
                               directory=None):
    path = Path(ARTIFACTS_DIR if directory is None else directory) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    grid = comparison_grid(originals, reconstructions, image_shape)
    path.write_bytes(tf.io.encode_png(np.repeat(grid[..., None], 3, axis=-1)).numpy())
    return path


@wrong_answer("save_comparison", "returns the path as a str, not a pathlib.Path")
def save_comparison_returns_str(originals, reconstructions, image_shape, name="autoencoder.png",
                                directory=None):
    path = Path(ARTIFACTS_DIR if directory is None else directory) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(tf.io.encode_png(comparison_grid(originals, reconstructions, image_shape)[..., None]).numpy())
    return str(path)


@wrong_answer("save_comparison", "creates only the last folder (mkdir without parents=True)")
def save_comparison_mkdir_without_parents(originals, reconstructions, image_shape, name="autoencoder.png",
                                          directory=None):
    path = Path(ARTIFACTS_DIR if directory is None else directory) / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(tf.io.encode_png(comparison_grid(originals, reconstructions, image_shape)[..., None]).numpy())
    return path


@wrong_answer("encoder", "builds a new encoder and copies the weights over: a snapshot that training leaves behind")
def encoder_copies_weights_snapshot(autoencoder):
    dense_layers = [layer for layer in autoencoder.layers if layer.weights]
    copy = keras.Sequential([keras.Input(autoencoder.inputs[0].shape[1:])]
                            + [layers.Dense(layer.units, activation=layer.activation) for layer in dense_layers[:2]])
    for new, old in zip(copy.layers, dense_layers):
        new.set_weights(old.get_weights())
    return copy
