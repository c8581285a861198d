"""Kata 34 — Autoencoders.

An autoencoder squeezes every example through a narrow "bottleneck" layer and learns to
rebuild it on the other side: Input [features] -> Dense(hidden) -> Dense(bottleneck) ->
Dense(hidden) -> Dense(features). The bottleneck is a short code for each example; the
reconstruction error says how much the code lost. A *denoising* autoencoder has the same
layers but is trained to turn a noisy copy back into the clean original. Finish with a
picture of originals above their reconstructions that you can open (the notes' 1.7
"Autoencoder").

Run `make kata N=34` to test your answers, `make hint N=34` when stuck.
"""

from pathlib import Path

import keras
import numpy as np
import tensorflow as tf
from keras import layers

# Pictures a learner opens go to the git-ignored artifacts/ folder at the repository root.
ARTIFACTS_DIR = Path(__file__).resolve().parents[2] / "artifacts"


def dense_autoencoder(input_size, bottleneck_size, hidden_size=32):
    """A keras.Model `[batch, input_size]` -> `[batch, input_size]`:
    Dense(hidden_size, relu) -> Dense(bottleneck_size, name="bottleneck") ->
    Dense(hidden_size, relu) -> Dense(input_size, sigmoid).

    The bottleneck layer has no activation (a linear code); the sigmoid keeps every
    reconstructed value in (0, 1), like the data.
    Example: dense_autoencoder(64, 4) maps [10, 64] -> [10, 64]; its "bottleneck" layer
    outputs [10, 4].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("a stack of Dense layers in keras.Sequential, starting from keras.Input; name the middle one \"bottleneck\".")


def encoder(autoencoder):
    """The first half of `autoencoder`: a keras.Model from its input to the output of its
    layer named "bottleneck", sharing the trained weights.

    Example: encoder(dense_autoencoder(64, 4)) maps [10, 64] -> [10, 4].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("the functional API can cut a model at a named layer; look up keras.Model and Model.get_layer.")


def add_noise(data, stddev, seed):
    """`data` plus Gaussian noise (mean 0, standard deviation `stddev`), clipped to [0, 1],
    as a float32 numpy array whatever the dtype of `data`. The noise comes from
    np.random.default_rng(seed), so the same seed gives the same noise; `data` itself is not
    changed.

    Example: add_noise(np.full([2, 3], 0.5), 0.0, seed=1) -> all 0.5;
    add_noise(np.ones([2, 3]), 0.3, seed=1) -> values in [0, 1], about half of them exactly 1.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("seeded Gaussian noise from a numpy Generator (np.random.default_rng), then np.clip to stay in [0, 1].")


def denoising_pairs(clean, stddev, seed):
    """Training pairs for a denoising autoencoder: `(inputs, targets)` where the inputs are
    add_noise(clean, stddev, seed) and the targets are the clean data, both float32 numpy arrays
    (even when `clean` is float64).

    Example: clean [[0.5, 0.5]], stddev 0 -> ([[0.5, 0.5]], [[0.5, 0.5]]).
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("the model sees the noisy copy and is scored against the clean original.")


def train_autoencoder(model, inputs, targets, epochs=30, batch_size=32):
    """Compile `model` with the Adam optimizer (learning rate 0.01) and mean squared error,
    fit it to map `inputs` to `targets`, and return the keras History.

    Example: train_autoencoder(dense_autoencoder(64, 4), clean, clean) trains a plain
    autoencoder; train_autoencoder(model, *denoising_pairs(clean, 0.2, seed=0)) a denoising one.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("compile with the Adam optimizer and a mean-squared-error loss, then fit inputs against targets.")


def reconstruction_error(model, inputs, targets):
    """The mean squared difference between model(inputs) and `targets` over every value,
    as a Python float.

    Example: a model that outputs all 0.5, targets all 1.0 -> 0.25.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("the reconstruction error is the mean squared difference between the model's output and the targets.")


def comparison_grid(originals, reconstructions, image_shape):
    """One grayscale picture, uint8 `[2 * height, count * width]`: the `count` originals
    (each a flat row `[height * width]` of values in [0, 1]) side by side in the top row,
    their reconstructions below them. Values are scaled to 0..255 and rounded.

    Example: originals [[1, 1, 1, 1]], reconstructions [[0, 0, 0, 0]], image_shape (2, 2)
    -> [[255, 255], [255, 255], [0, 0], [0, 0]].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("reshape to [count, height, width], concatenate along width, stack the two rows.")


def save_comparison(originals, reconstructions, image_shape, name="autoencoder.png", directory=ARTIFACTS_DIR):
    """Save comparison_grid(...) as the grayscale (one-channel) PNG `directory / name`, creating
    the folder and any missing parents, and return its path as a pathlib.Path; by default it
    lands in the module's ARTIFACTS_DIR (the git-ignored artifacts/ folder).

    Example: save_comparison(x[:8], model(x[:8]), (8, 8), directory=tmp) -> tmp / "autoencoder.png".
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tf.io.encode_png needs a channel axis: grid[..., None].")
