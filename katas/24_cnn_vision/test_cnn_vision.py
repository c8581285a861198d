"""Tests for kata 24. Oracles: the layers applied one by one, numpy loops and formulas (the grid
cell by cell; gradient ascent on 1x1 convolutions, whose gradients are known in closed form),
tf.io.decode_png, hand-set colour filters, and a small CNN trained here on red and green
squares."""

import math
from pathlib import Path

import keras
import numpy as np
import pytest
import tensorflow as tf
from keras import layers

from tfkatas.testing import assert_close, assert_dtype, assert_equal, assert_python_float, assert_shape


def grid_by_hand(activations, columns):
    """The grid cell by cell: channel k at grid row k // columns, grid column k % columns."""
    values = np.asarray(activations, np.float64)
    height, width, channels = values.shape
    rows = math.ceil(channels / columns)
    grid = np.zeros((rows * height, columns * width))
    for k in range(channels):
        channel = values[:, :, k]
        span = channel.max() - channel.min()
        cell = np.zeros_like(channel) if span == 0 else np.round(255 * (channel - channel.min()) / span)
        row, column = divmod(k, columns)
        grid[row * height:(row + 1) * height, column * width:(column + 1) * width] = cell
    return grid


def layers_by_hand(model, images, count):
    """The outputs of model.layers[:count], applying the layers one after another."""
    outputs, values = [], tf.constant(images)
    for layer in model.layers[:count]:
        values = layer(values)
        outputs.append(values.numpy())
    return outputs


def layer_by_hand(model, image, layer_name):
    """One layer's output for one image [height, width, colours]: [h', w', channels]."""
    values = tf.constant(image[None])
    for layer in model.layers:
        values = layer(values)
        if layer.name == layer_name:
            return values.numpy()[0]
    raise AssertionError(f"the test model has no layer named {layer_name!r}")


# ----------------------------------------------------------------------------- the grid


def test_activation_grid_matches_the_worked_example(kata):
    activations = np.array([[[1, 5, 0], [3, 5, -7]]], np.float32)   # [1, 2, 3]: three 1x2 channels.
    expected = np.array([[0, 255, 0, 0], [255, 0, 0, 0]], np.uint8)
    assert_equal(kata.activation_grid(activations, columns=2), expected,
                 "activation_grid(channels [[1, 3]], [[5, 5]], [[0, -7]], columns=2)", dtype=np.uint8)


def test_activation_grid_scales_each_channel_from_its_own_minimum_and_rounds(kata):
    # Channel 0 runs 2..9 (span 7): 255 * 2 / 7 = 72.86 -> 73, 255 / 7 = 36.43 -> 36, 255 * 5 / 7 = 182.14 -> 182.
    # Channel 1 runs -3..4 (span 7, negative values) and gets the same picture as channel 0.
    channel = np.array([[2, 4, 3], [9, 7, 2]], np.float32)       # height 2, width 3.
    activations = np.stack([channel, channel - 5], axis=-1)       # [2, 3, 2].
    cell = np.array([[0, 73, 36], [255, 182, 0]], np.uint8)
    expected = np.concatenate([cell, cell], axis=1)               # One row of two 2x3 cells: [2, 6].
    assert_equal(kata.activation_grid(activations, columns=2), expected,
                 "activation_grid(two 2x3 channels spanning 2..9 and -3..4, columns=2) "
                 "(255 * (a - min) / (max - min), rounded)", dtype=np.uint8)


def test_activation_grid_lays_random_channels_out_row_by_row_leaving_empty_cells_black(kata):
    activations = np.random.default_rng(1).normal(size=(3, 5, 7)).astype(np.float32)  # 7 channels of 3x5.
    what = "activation_grid(random activations [3, 5, 7], columns=3)"
    result = kata.activation_grid(activations, columns=3)
    assert isinstance(result, np.ndarray), f"{what} returned {type(result).__name__}, expected a numpy array"
    assert_dtype(result, np.uint8, what)
    assert_shape(result, (9, 15), what + " (3 rows of 3 cells, each 3 high and 5 wide)")
    assert_close(result, grid_by_hand(activations, 3), what, rtol=0, atol=1)


def test_activation_grid_of_a_tensor_with_a_dead_channel_uses_eight_columns_by_default(kata):
    activations = np.random.default_rng(2).uniform(0, 3, (4, 6, 10)).astype(np.float32)
    activations[..., 4] = 0.0                                     # A dead ReLU channel: all zeros.
    activations[..., 9] = 2.5                                     # A constant one.
    what = "activation_grid(tf tensor [4, 6, 10] with constant channels 4 and 9) (default columns=8)"
    result = kata.activation_grid(tf.constant(activations))
    assert_shape(result, (8, 48), what + " (2 rows of 8 cells, each 4 high and 6 wide)")
    assert_close(result, grid_by_hand(activations, 8), what + " (a constant channel is all 0, never NaN)",
                 rtol=0, atol=1)


def test_save_activation_grid_writes_a_greyscale_png_of_the_grid(kata, tmp_path):
    activations = np.random.default_rng(3).normal(size=(5, 4, 6)).astype(np.float32)
    path = tmp_path / "new_folder" / "grid.png"
    returned = kata.save_activation_grid(activations, 4, "grid.png", directory=path.parent)
    assert path.exists(), f"save_activation_grid(..., 'grid.png', directory={path.parent}) did not create {path}"
    assert str(returned) == str(path), f"save_activation_grid returned {returned!r}, expected the path {path}"
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", "the saved file does not start with the PNG signature"
    picture = tf.io.decode_png(path.read_bytes()).numpy()       # channels=0: as many as the file has.
    assert_shape(picture, (10, 16, 1), "the saved PNG, decoded (greyscale: one channel; 2 rows of 4 cells of 5x4)")
    assert_close(picture[..., 0], grid_by_hand(activations, 4), "the saved PNG's pixels", rtol=0, atol=1)


# ----------------------------------------------------------------------------- the activation model


@pytest.fixture(scope="module")
def random_model():
    """Nine layers with random weights, on non-square 13x17 images."""
    keras.utils.set_random_seed(33)
    return keras.Sequential([
        keras.Input((13, 17, 3)),
        layers.Conv2D(4, 3, activation="relu", name="conv_a"), layers.MaxPooling2D(),
        layers.Conv2D(5, 3, padding="same", activation="relu", name="conv_b"),
        layers.Conv2D(6, 1, name="conv_c"), layers.ReLU(), layers.MaxPooling2D(),
        layers.Flatten(), layers.Dense(7), layers.Dense(3),
    ])


@pytest.fixture(scope="module")
def images():
    return np.random.default_rng(4).uniform(0, 1, (2, 13, 17, 3)).astype(np.float32)


@pytest.mark.parametrize("count", [3, 5])
def test_activation_model_returns_the_first_layers_outputs_in_order(kata, random_model, images, count):
    outputs = kata.activation_model(random_model, count)(images)
    what = f"activation_model(nine-layer model, {count})(images [2, 13, 17, 3])"
    assert isinstance(outputs, (list, tuple)) and len(outputs) == count, (
        f"{what} gave {type(outputs).__name__} of length {len(outputs) if isinstance(outputs, (list, tuple)) else '-'},"
        f" expected a list of {count} tensors, one per layer")
    for index, (output, expected) in enumerate(zip(outputs, layers_by_hand(random_model, images, count))):
        assert_close(output, expected, f"{what}[{index}] (layer {random_model.layers[index].name})",
                     rtol=1e-4, atol=1e-5)


def test_activation_model_takes_eight_layers_by_default_and_shares_the_weights(kata, random_model, images):
    activations = kata.activation_model(random_model).predict(images, verbose=0)
    what = "activation_model(nine-layer model).predict(images) (default count=8)"
    assert len(activations) == 8, f"{what} gave {len(activations)} outputs, expected 8: the notes' layers[:8]"
    for index, (output, expected) in enumerate(zip(activations, layers_by_hand(random_model, images, 8))):
        assert_close(output, expected, f"{what}[{index}]", rtol=1e-4, atol=1e-5)


# ----------------------------------------------------------------------------- one filter


def test_filter_activation_is_the_mean_of_one_channel_as_a_python_float(kata, random_model, images):
    image = images[1]
    features = layer_by_hand(random_model, image, "conv_b")          # [11, 15, 5].
    for filter_index in (3, 0):
        result = kata.filter_activation(random_model, "conv_b", filter_index, image)
        assert_python_float(result, float(features[:, :, filter_index].mean()),
                            f"filter_activation(model, 'conv_b', {filter_index}, image)", tol=1e-5)


def linear_model(height, width, kernel, activation=None, bias=None):
    """A 1x1 convolution "mix" with a hand-set kernel [colours, filters] (and bias)."""
    model = keras.Sequential([keras.Input((height, width, 3)),
                              layers.Conv2D(kernel.shape[1], 1, activation=activation, name="mix")])
    bias = np.zeros(kernel.shape[1]) if bias is None else bias
    model.get_layer("mix").set_weights([kernel[None, None].astype(np.float32), np.asarray(bias, np.float32)])
    return model


MIX = np.array([[1.0, 0.5], [-0.5, -1.0], [0.25, 2.0]])   # Colour c feeds filter k with weight MIX[c, k].


def test_visualize_filter_climbs_a_linear_filter_along_its_normalised_gradient(kata):
    # loss = mean(x @ MIX[:, 1]) has the constant gradient MIX[c, 1] / (h * w) at every pixel;
    # normalised, every step adds step_size * MIX[c, 1] / (sqrt(h * w) * |MIX[:, 1]|).
    height, width = 6, 9
    start = np.random.default_rng(5).uniform(0, 1, (height, width, 3)).astype(np.float32)
    original = start.copy()
    direction = np.broadcast_to(MIX[:, 1], start.shape) / (math.sqrt(height * width) * np.linalg.norm(MIX[:, 1]))
    expected = start + 12.0 * direction
    what = "visualize_filter(1x1 linear conv, 'mix', 1, start [6, 9, 3], steps=4, step_size=3.0)"
    result = kata.visualize_filter(linear_model(height, width, MIX), "mix", 1, start, steps=4, step_size=3.0)
    assert isinstance(result, np.ndarray), f"{what} returned {type(result).__name__}, expected a numpy array"
    assert_dtype(result, np.float32, what)
    assert_close(result, expected, what + " (4 steps of 3.0 up the L2-normalised gradient, "
                 "not clipped)", rtol=1e-4, atol=1e-5)
    assert_equal(start, original, f"`start` after {what} (it must be left unchanged)")


def test_visualize_filter_recomputes_the_gradient_at_every_step(kata):
    # With tanh the gradient shrinks where a pixel saturates: d loss / d x = (1 - tanh(z)^2) * w / (h * w).
    height, width = 5, 8
    bias = np.array([0.3, -0.2])
    rng = np.random.default_rng(6)
    start = rng.uniform(-1, 1, (height, width, 3)).astype(np.float32)
    model = linear_model(height, width, MIX, activation="tanh", bias=bias)
    for filter_index, steps, step_size in ((0, 6, 0.7), (1, 30, 0.1)):
        image = start.astype(np.float64)
        for _ in range(steps):
            slope = 1 - np.tanh(image @ MIX[:, filter_index] + bias[filter_index]) ** 2
            gradient = slope[..., None] * MIX[:, filter_index] / (height * width)
            image = image + step_size * gradient / np.linalg.norm(gradient)
        if steps == 30:
            result = kata.visualize_filter(model, "mix", filter_index, start)
            what = "visualize_filter(tanh 1x1 conv, 'mix', 1, start) (defaults steps=30, step_size=0.1)"
        else:
            result = kata.visualize_filter(model, "mix", filter_index, start, steps=steps, step_size=step_size)
            what = f"visualize_filter(tanh 1x1 conv, 'mix', 0, start, steps={steps}, step_size={step_size})"
        assert_close(result, image, what, rtol=1e-4, atol=1e-4)


def test_visualize_filter_leaves_the_image_alone_when_the_filter_is_dead(kata):
    # Bias -100: the ReLU output is 0 everywhere, so the gradient is all zeros (and must not become NaN).
    start = np.random.default_rng(7).uniform(0, 1, (4, 7, 3)).astype(np.float32)
    model = linear_model(4, 7, MIX, activation="relu", bias=[-100.0, 0.0])
    result = kata.visualize_filter(model, "mix", 0, start, steps=3, step_size=0.5)
    assert_close(result, start, "visualize_filter(dead ReLU filter, 'mix', 0, start, steps=3, step_size=0.5) "
                 "(a zero gradient stays zero: l2_normalize, never 0 / 0)")


@pytest.fixture(scope="module")
def colour_model():
    """3x3 filters on 12x20 images: filter 0 prefers red, filter 1 prefers blue."""
    model = keras.Sequential([keras.Input((12, 20, 3)), layers.Conv2D(2, 3, activation="relu", name="colour")])
    kernel = np.zeros((3, 3, 3, 2), np.float32)
    kernel[..., 0] = [1.0, -0.25, -0.25]     # Red up, green and blue a little down.
    kernel[..., 1] = [-0.25, -0.25, 1.0]     # Blue up.
    model.get_layer("colour").set_weights([kernel, np.zeros(2, np.float32)])
    return model


@pytest.mark.parametrize("filter_index, colour", [(0, "red"), (1, "blue")])
def test_visualize_filter_turns_grey_noise_into_the_colour_the_filter_prefers(kata, colour_model, filter_index, colour):
    start = np.random.default_rng(8).uniform(0.4, 0.6, (12, 20, 3)).astype(np.float32)
    result = kata.visualize_filter(colour_model, "colour", filter_index, start, steps=10, step_size=1.0)
    means = np.asarray(result).mean(axis=(0, 1))
    wanted = {"red": 0, "blue": 2}[colour]
    others = [means[c] for c in range(3) if c != wanted]
    assert means[wanted] > max(others) + 0.1, (
        f"visualize_filter(a filter that prefers {colour}, steps=10, step_size=1.0) gave mean colours "
        f"(red, green, blue) {np.round(means, 3).tolist()}: expected {colour} to be clearly the largest")
    before = layer_by_hand(colour_model, start, "colour")[..., filter_index].mean()
    after = layer_by_hand(colour_model, np.asarray(result, np.float32), "colour")[..., filter_index].mean()
    assert after > before + 1.0, f"the {colour} filter's mean activation went from {before:.3f} to {after:.3f}"


# ----------------------------------------------------------------------------- a trained CNN

HEIGHT, WIDTH, SQUARE = 24, 40, 6
RED, GREEN = 1, 0   # Class numbers.


def squares(rng, count):
    """Dim noise with one bright 6x6 square, red (class 1) or green (class 0), anywhere."""
    pictures = rng.uniform(0, 0.3, (count, HEIGHT, WIDTH, 3)).astype(np.float32)
    labels = rng.integers(0, 2, count)
    for picture, label in zip(pictures, labels):
        top, left = rng.integers(0, HEIGHT - SQUARE), rng.integers(0, WIDTH - SQUARE)
        picture[top:top + SQUARE, left:left + SQUARE] = 0.1
        picture[top:top + SQUARE, left:left + SQUARE, 0 if label == RED else 1] = 1.0
    return pictures, labels


@pytest.fixture(scope="module")
def square_classifier():
    """A small CNN (eight layers) that tells a red square from a green one; ~3 s on a CPU.
    A rare bad start is retrained.

    The seeds come from numpy's global state, which the plugin seeds (KATA_SEED) before every
    test: the same model on every run, and a different one for each seed of `make soak`."""
    for seed in np.random.randint(0, 2**31, size=3):
        keras.utils.set_random_seed(int(seed))
        rng = np.random.default_rng(int(seed))
        model = keras.Sequential([
            keras.Input((HEIGHT, WIDTH, 3)),
            layers.Conv2D(6, 3, padding="same", activation="relu", name="conv_1"), layers.MaxPooling2D(),
            layers.Conv2D(12, 3, padding="same", activation="relu", name="conv_2"), layers.MaxPooling2D(),
            layers.Conv2D(16, 3, padding="same", activation="relu", name="conv_3"),
            layers.GlobalAveragePooling2D(), layers.Dropout(0.1), layers.Dense(2),
        ])
        model.compile(keras.optimizers.Adam(1e-2), keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                      metrics=["accuracy"])
        model.fit(*squares(rng, 800), epochs=1, batch_size=32, verbose=0)
        if model.evaluate(*squares(rng, 200), verbose=0)[1] >= 0.95:
            return model
    pytest.fail("the square classifier did not train (a test set-up problem, not your code)")


def test_activation_grid_of_a_trained_cnn_lands_in_the_artifacts_folder(kata, square_classifier):
    """The one test that writes outside tmp_path: open artifacts/24_activations_conv_1.png."""
    pictures, _ = squares(np.random.default_rng(9), 2)
    activations = kata.activation_model(square_classifier)(pictures)
    expected_outputs = layers_by_hand(square_classifier, pictures, 8)
    for index in (0, 4, 7):   # conv_1, conv_3 and the class scores.
        assert_close(activations[index], expected_outputs[index],
                     f"activation_model(trained CNN)(two pictures)[{index}]", rtol=1e-4, atol=1e-4)
    path = kata.save_activation_grid(np.asarray(activations[0])[0], 3, "24_activations_conv_1.png")
    expected = Path(kata.ARTIFACTS_DIR) / "24_activations_conv_1.png"
    assert Path(path) == expected and expected.parent.name == "artifacts", (
        f"save_activation_grid(...) saved to {path}, expected {expected} (ARTIFACTS_DIR) by default")
    picture = tf.io.decode_png(expected.read_bytes()).numpy()
    assert_shape(picture, (2 * HEIGHT, 3 * WIDTH, 1), "the PNG in artifacts/ (conv_1's 6 channels, 3 columns)")
    assert_close(picture[..., 0], grid_by_hand(expected_outputs[0][0], 3), "the PNG's pixels", rtol=0, atol=1)


def test_visualize_filter_makes_a_trained_filter_fire_far_more_than_noise_does(kata, square_classifier):
    start = np.random.default_rng(10).uniform(0, 0.3, (HEIGHT, WIDTH, 3)).astype(np.float32)
    before = layer_by_hand(square_classifier, start, "conv_2").mean(axis=(0, 1))      # [12] filters.
    alive = [int(k) for k in np.argsort(-before)[:2]]        # The two filters the noise excites most.
    for filter_index in alive:
        result = kata.visualize_filter(square_classifier, "conv_2", filter_index, start, steps=20, step_size=3.0)
        after = layer_by_hand(square_classifier, np.asarray(result, np.float32), "conv_2")[..., filter_index].mean()
        # The solution reaches 9 to 1000 times the noise's activation; 3 times is asked.
        assert after > 3 * before[filter_index], (
            f"visualize_filter(trained CNN, 'conv_2', {filter_index}, noise, steps=20, step_size=3.0): the "
            f"filter's mean activation went from {before[filter_index]:.3f} on the noise to only {after:.3f}")
