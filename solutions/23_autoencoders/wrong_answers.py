"""Plausible wrong answers to kata 23; `make check` proves the tests catch every one."""

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
