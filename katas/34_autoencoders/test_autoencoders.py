"""Tests for kata 34. Oracles: layer-by-layer application, numpy statistics and loops,
hand-built models with known outputs, and data made here that depend on 3 hidden numbers, which
a 4-number bottleneck can hold: 8x8 pictures of a soft spot (its row, column and width), and 64
features on a smooth 3-dimensional manifold."""

import inspect
from pathlib import Path

import keras
import numpy as np
import pytest
import tensorflow as tf

from tfkatas.testing import assert_close, assert_dtype, assert_equal, assert_python_float, assert_shape

FEATURES, LATENT = 64, 3


def manifold_data(seed, count):
    """`count` examples of 64 values in (0, 1), each a smooth function of 3 hidden numbers."""
    basis = np.random.default_rng(0).normal(size=(LATENT, FEATURES)).astype(np.float32)
    hidden = np.random.default_rng(seed).normal(size=(count, LATENT)).astype(np.float32)
    return (0.5 + 0.5 * np.tanh(0.5 * hidden @ basis)).astype(np.float32)


def spot_pictures(seed, count, side=8):
    """`count` 8x8 pictures (flattened to 64 values in (0, 1]) of one soft spot each: a person can
    see in the saved comparison whether the reconstructions put the spot in the right place."""
    rng = np.random.default_rng(seed)
    centres = rng.uniform(1.0, side - 2.0, (count, 2))
    widths = rng.uniform(0.8, 1.8, count)
    rows, columns = np.mgrid[0:side, 0:side]
    squared_distance = (rows - centres[:, :1, None]) ** 2 + (columns - centres[:, 1:, None]) ** 2
    return np.exp(-squared_distance / (2 * widths[:, None, None] ** 2)).reshape(count, side * side).astype(np.float32)


def apply_layers_until(model, name, inputs):
    values = tf.constant(inputs)
    for layer in model.layers:
        if isinstance(layer, keras.layers.InputLayer):
            continue
        values = layer(values)
        if layer.name == name:
            return values.numpy()
    return values.numpy()


# ----------------------------------------------------------------------------- the model


@pytest.mark.parametrize("input_size, bottleneck_size, hidden_size", [(12, 3, 32), (20, 5, 7)])
def test_dense_autoencoder_maps_examples_back_to_their_own_size(kata, input_size, bottleneck_size, hidden_size):
    model = kata.dense_autoencoder(input_size, bottleneck_size, hidden_size)
    batch = np.random.default_rng(1).uniform(0, 1, (6, input_size)).astype(np.float32)
    what = f"dense_autoencoder({input_size}, {bottleneck_size}, {hidden_size})(6 examples)"
    assert_shape(model(batch), (6, input_size), what)
    code_shape = tuple(model.get_layer("bottleneck").output.shape)
    assert code_shape == (None, bottleneck_size), (f"the 'bottleneck' layer of {what.split('(6')[0]} outputs shape "
                                                   f"{code_shape}, expected (None, {bottleneck_size})")


def relu(values):
    return np.maximum(values, 0.0)


@pytest.mark.parametrize("input_size, bottleneck_size, hidden_size", [(12, 3, 32), (20, 5, 7)])
def test_dense_autoencoder_computes_relu_linear_relu_sigmoid_with_its_own_weights(kata, input_size, bottleneck_size,
                                                                                   hidden_size):
    keras.utils.set_random_seed(4)
    model = kata.dense_autoencoder(input_size, bottleneck_size, hidden_size)
    name = f"dense_autoencoder({input_size}, {bottleneck_size}, {hidden_size})"
    weights = [w.numpy() for w in model.trainable_weights]
    shapes = [tuple(w.shape) for w in weights]
    expected_shapes = [(input_size, hidden_size), (hidden_size,), (hidden_size, bottleneck_size), (bottleneck_size,),
                       (bottleneck_size, hidden_size), (hidden_size,), (hidden_size, input_size), (input_size,)]
    assert shapes == expected_shapes, (f"{name} has weights of shapes {shapes}, expected {expected_shapes} "
                                       "(kernel and bias of Dense(hidden), Dense(bottleneck), Dense(hidden), "
                                       "Dense(input_size))")
    # The oracle: the four layers by hand in numpy, on the model's own weights. Inputs of both signs,
    # so every relu cuts something and a relu (or none) in the wrong place shows.
    batch = np.random.default_rng(11).normal(0, 2, (6, input_size)).astype(np.float32)
    k1, b1, k2, b2, k3, b3, k4, b4 = [w.astype(np.float64) for w in weights]
    code = relu(batch @ k1 + b1) @ k2 + b2
    expected = 1.0 / (1.0 + np.exp(-(relu(code @ k3 + b3) @ k4 + b4)))
    assert (code < 0).any(), "test data: the linear code should have negative values"
    assert_close(model(batch), expected, f"{name}(6 examples) against Dense layers computed by hand "
                 "(relu, then a linear bottleneck, relu, sigmoid)", rtol=1e-4, atol=1e-5)
    assert_close(kata.encoder(model)(batch), code, f"encoder({name})(6 examples) (the linear bottleneck code, "
                 "negative values included)", rtol=1e-4, atol=1e-5)


def test_dense_autoencoder_reconstructions_stay_between_zero_and_one(kata):
    model = kata.dense_autoencoder(12, 3)
    far_away = 100 * np.random.default_rng(2).normal(size=(50, 12)).astype(np.float32)
    reconstructions = model(far_away).numpy()
    assert reconstructions.min() >= 0 and reconstructions.max() <= 1, (
        f"dense_autoencoder(12, 3) on large inputs gave values in [{reconstructions.min()}, "
        f"{reconstructions.max()}]; a sigmoid on the last layer keeps them in (0, 1)")


@pytest.mark.parametrize("input_size, bottleneck_size", [(12, 3), (20, 5)])
def test_encoder_gives_the_bottleneck_code_of_the_same_weights(kata, input_size, bottleneck_size):
    autoencoder = kata.dense_autoencoder(input_size, bottleneck_size)
    batch = np.random.default_rng(3).uniform(0, 1, (7, input_size)).astype(np.float32)
    codes = kata.encoder(autoencoder)(batch)
    assert_close(codes, apply_layers_until(autoencoder, "bottleneck", batch),
                 f"encoder(dense_autoencoder({input_size}, {bottleneck_size}))(7 examples)", rtol=1e-4, atol=1e-5)


def test_encoder_shares_the_autoencoders_weights_not_a_copy(kata):
    autoencoder = kata.dense_autoencoder(12, 3, 9)
    encoder = kata.encoder(autoencoder)
    batch = np.random.default_rng(13).uniform(0, 1, (5, 12)).astype(np.float32)
    # Change the autoencoder after the encoder was made, as training does: the encoder must follow.
    for variable in autoencoder.trainable_variables:
        variable.assign(variable.numpy() + np.float32(0.05))
    assert_close(encoder(batch), apply_layers_until(autoencoder, "bottleneck", batch),
                 "encoder(autoencoder)(5 examples) after the autoencoder's weights changed (the encoder must share "
                 "them, not keep a copy)", rtol=1e-4, atol=1e-5)


# ----------------------------------------------------------------------------- noise


def test_add_noise_with_the_same_seed_gives_the_same_noise(kata):
    clean = np.full((4, 9), 0.5, np.float32)
    first, again = kata.add_noise(clean, 0.2, seed=7), kata.add_noise(clean, 0.2, seed=7)
    assert_dtype(first, np.float32, "add_noise(clean, 0.2, seed=7)")
    assert_equal(again, first, "add_noise(clean, 0.2, seed=7) called twice")
    other = kata.add_noise(clean, 0.2, seed=8)
    assert not np.allclose(other, first), "add_noise with seeds 7 and 8 gave the same noise"
    assert_equal(clean, np.full((4, 9), 0.5, np.float32), "the clean data after add_noise (must not change)")


def test_add_noise_has_mean_zero_and_the_asked_standard_deviation(kata):
    clean = np.full((300, 40), 0.5, np.float32)   # 0.5 +- 0.1 is almost never clipped.
    noise = kata.add_noise(clean, 0.1, seed=1) - clean
    assert abs(noise.mean()) < 0.005, f"add_noise(all 0.5, 0.1) noise has mean {noise.mean():.4f}, expected about 0"
    assert abs(noise.std() - 0.1) < 0.005, (f"add_noise(all 0.5, 0.1) noise has standard deviation "
                                            f"{noise.std():.4f}, expected about 0.1")


def test_add_noise_clips_to_the_range_of_the_data(kata):
    noisy = kata.add_noise(np.ones((20, 30), np.float32), 0.3, seed=2)
    assert noisy.min() >= 0 and noisy.max() <= 1, (f"add_noise(all ones, 0.3) has values in [{noisy.min()}, "
                                                   f"{noisy.max()}], expected them clipped to [0, 1]")
    at_one = float(np.mean(noisy == 1.0))
    assert 0.4 < at_one < 0.6, f"add_noise(all ones, 0.3): {at_one:.0%} of values are exactly 1, expected about half"


def test_denoising_pairs_feed_noisy_inputs_and_score_against_clean_targets(kata):
    clean = manifold_data(4, 10)
    inputs, targets = kata.denoising_pairs(clean, 0.2, seed=3)
    assert_equal(targets, clean, "denoising_pairs(clean, 0.2, seed=3) targets (the clean data)", dtype=np.float32)
    assert_equal(inputs, kata.add_noise(clean, 0.2, seed=3), "denoising_pairs(clean, 0.2, seed=3) inputs "
                 "(add_noise(clean, 0.2, seed=3))", dtype=np.float32)


def test_add_noise_and_denoising_pairs_give_float32_numpy_from_float64_data(kata):
    clean = manifold_data(5, 6).astype(np.float64)
    noisy = kata.add_noise(clean, 0.1, seed=4)
    assert isinstance(noisy, np.ndarray), f"add_noise returned {type(noisy).__name__}, expected a numpy array"
    assert_dtype(noisy, np.float32, "add_noise(float64 data, 0.1, seed=4)")
    inputs, targets = kata.denoising_pairs(clean, 0.1, seed=4)
    for part, value in [("inputs", inputs), ("targets", targets)]:
        assert_close(value, noisy if part == "inputs" else clean, f"denoising_pairs(float64 data, 0.1, seed=4) "
                     f"{part}", dtype=np.float32)


# ----------------------------------------------------------------------------- error and pictures


def test_reconstruction_error_of_a_model_that_always_says_one_half(kata):
    half = keras.Sequential([keras.Input((4,)), keras.layers.Dense(4, activation="sigmoid",
                                                                   kernel_initializer="zeros")])
    result = kata.reconstruction_error(half, np.zeros((3, 4), np.float32), np.ones((3, 4), np.float32))
    assert_python_float(result, 0.25, "reconstruction_error(model that outputs 0.5, inputs, targets all 1)")


def test_reconstruction_error_matches_numpy_on_a_random_model(kata):
    model = kata.dense_autoencoder(12, 3)
    inputs = np.random.default_rng(5).uniform(0, 1, (9, 12)).astype(np.float32)
    targets = np.random.default_rng(6).uniform(0, 1, (9, 12)).astype(np.float32)
    expected = float(np.mean((model(inputs).numpy() - targets) ** 2))
    assert_python_float(kata.reconstruction_error(model, inputs, targets), expected,
                        "reconstruction_error(model, 9 random inputs, 9 random targets)", tol=1e-5)


def test_comparison_grid_on_the_docstring_example(kata):
    grid = kata.comparison_grid(np.ones((1, 4)), np.zeros((1, 4)), (2, 2))
    assert_equal(grid, [[255, 255], [255, 255], [0, 0], [0, 0]],
                 "comparison_grid([[1, 1, 1, 1]], [[0, 0, 0, 0]], (2, 2))", dtype=np.uint8)


def test_comparison_grid_rounds_to_the_nearest_level(kata):
    # 0.999 * 255 = 254.7 and 0.333 * 255 = 84.9 round up; a plain astype(uint8) would cut them down.
    grid = kata.comparison_grid(np.array([[0.999, 0.333, 0.01]]), np.array([[0.25, 0.004, 0.0]]), (1, 3))
    assert_equal(grid, [[255, 85, 3], [64, 1, 0]], "comparison_grid([[0.999, 0.333, 0.01]], "
                 "[[0.25, 0.004, 0.0]], (1, 3)) (rounded, not truncated)", dtype=np.uint8)


def test_comparison_grid_puts_originals_above_their_reconstructions(kata):
    rng = np.random.default_rng(7)
    originals, reconstructions = rng.uniform(0, 1, (4, 15)), rng.uniform(0, 1, (4, 15))
    expected = np.zeros((6, 20))
    for i in range(4):   # Image i fills columns 5i..5i+4: its original on top, its reconstruction below.
        expected[:3, 5 * i:5 * i + 5] = originals[i].reshape(3, 5)
        expected[3:, 5 * i:5 * i + 5] = reconstructions[i].reshape(3, 5)
    grid = kata.comparison_grid(originals, reconstructions, (3, 5))
    assert_dtype(grid, np.uint8, "comparison_grid(4 originals, 4 reconstructions, (3, 5))")
    assert_close(grid, np.round(255 * expected), "comparison_grid(4 originals, 4 reconstructions, (3, 5))",
                 rtol=0, atol=1)


def test_save_comparison_writes_a_grayscale_png(kata, tmp_path):
    rng = np.random.default_rng(8)
    originals, reconstructions = rng.uniform(0, 1, (3, 8)), rng.uniform(0, 1, (3, 8))
    directory = tmp_path / "pictures" / "run 1"  # Two folders that do not exist yet.
    path = kata.save_comparison(originals, reconstructions, (2, 4), "grid.png", directory=directory)
    assert isinstance(path, Path), f"save_comparison returned {type(path).__name__} {path!r}, expected a pathlib.Path"
    assert path == directory / "grid.png", f"save_comparison returned {path!r}, expected {directory / 'grid.png'}"
    decoded = tf.io.decode_png(path.read_bytes())
    assert decoded.shape[-1] == 1, f"the PNG save_comparison wrote has {decoded.shape[-1]} channels, expected 1 (grayscale)"
    assert_equal(decoded[..., 0], kata.comparison_grid(originals, reconstructions, (2, 4)),
                 "the PNG save_comparison wrote, decoded")


def test_save_comparison_names_the_file_autoencoder_png_by_default(kata, tmp_path):
    path = kata.save_comparison(np.ones((1, 4)), np.zeros((1, 4)), (2, 2), directory=tmp_path)
    assert Path(path) == tmp_path / "autoencoder.png" and Path(path).is_file(), (
        f"save_comparison(..., directory=tmp) returned {path!r}, expected tmp / 'autoencoder.png' written")


# ----------------------------------------------------------------------------- training


def test_train_autoencoder_takes_one_adam_step_of_size_0_01_on_the_mse_to_the_targets(kata):
    keras.utils.set_random_seed(5)
    model = keras.Sequential([keras.Input((6,)), keras.layers.Dense(6, activation="sigmoid")])
    inputs = np.random.default_rng(9).uniform(0, 1, (8, 6)).astype(np.float32)
    targets = np.random.default_rng(10).uniform(0, 1, (8, 6)).astype(np.float32)
    before = [w.numpy() for w in model.trainable_variables]
    expected_loss = float(np.mean((model(inputs).numpy() - targets) ** 2))
    # One epoch, one batch: the logged loss is the MSE to the targets before the step, and Adam's
    # first step moves each weight by about the learning rate (gradient / |gradient|).
    history = kata.train_autoencoder(model, inputs, targets, epochs=1, batch_size=8)
    loss = history.history["loss"]
    assert len(loss) == 1, f"train_autoencoder(..., epochs=1) ran {len(loss)} epochs"
    assert_python_float(float(loss[0]), expected_loss, "train_autoencoder(model, inputs, targets, epochs=1, "
                        "batch_size=8) loss of its one step (mean squared error to the targets)", tol=1e-4)
    largest_move = max(float(np.max(np.abs(w.numpy() - b))) for w, b in zip(model.trainable_variables, before))
    assert abs(largest_move - 0.01) < 0.001, (f"after one step of train_autoencoder the weights moved by at most "
                                              f"{largest_move:.5f}; Adam with learning rate 0.01 moves them by "
                                              "about 0.01")


def test_train_autoencoder_takes_one_step_per_batch_of_batch_size_and_defaults_to_30_epochs_of_32(kata):
    keras.utils.set_random_seed(6)
    inputs = np.random.default_rng(12).uniform(0, 1, (40, 6)).astype(np.float32)
    model = keras.Sequential([keras.Input((6,)), keras.layers.Dense(6, activation="sigmoid")])
    history = kata.train_autoencoder(model, inputs, inputs, epochs=1, batch_size=7)
    assert isinstance(history, keras.callbacks.History), (f"train_autoencoder returned {type(history).__name__}, "
                                                          "expected the keras History")
    steps = int(model.optimizer.iterations.numpy())
    assert steps == 6, (f"train_autoencoder(40 examples, epochs=1, batch_size=7) took {steps} optimizer steps, "
                        "expected 6 (five batches of 7, then one of 5)")
    # The defaults are read from the signature: 30 real epochs would cost seconds.
    parameters = inspect.signature(kata.train_autoencoder).parameters
    defaults = {name: parameters[name].default for name in ("epochs", "batch_size") if name in parameters}
    assert defaults == {"epochs": 30, "batch_size": 32}, (f"train_autoencoder's defaults are {defaults}, expected "
                                                          "epochs=30 and batch_size=32")


@pytest.fixture(scope="module")
def manifold():
    return manifold_data(10, 600), manifold_data(11, 200)


@pytest.fixture(scope="module")
def spots():
    return spot_pictures(10, 600), spot_pictures(11, 200)


def test_an_autoencoder_with_a_4_number_bottleneck_learns_the_data(kata, spots):
    train, test = spots
    keras.utils.set_random_seed(23)
    model = kata.dense_autoencoder(FEATURES, 4)
    history = kata.train_autoencoder(model, train, train, epochs=10)
    assert len(history.history["loss"]) == 10, f"train_autoencoder(..., epochs=10) ran {len(history.history['loss'])} epochs"
    guess_the_mean = float(np.mean((test - train.mean(axis=0)) ** 2))
    error = kata.reconstruction_error(model, test, test)
    assert error < 0.1 * guess_the_mean, (f"after training, the reconstruction error on new data is {error:.4f}; "
                                          f"expected under a tenth of {guess_the_mean:.4f} (always guessing the mean)")
    # A picture to open: artifacts/34_autoencoder.png (originals on top, reconstructions below).
    path = kata.save_comparison(test[:8], model(test[:8]).numpy(), (8, 8), "34_autoencoder.png")
    # The default folder is the module's ARTIFACTS_DIR (the repository's artifacts/ for katas/ and
    # solutions/, and beside any KATA_TARGET copy), so an answer kept outside the checkout passes too.
    expected = Path(kata.ARTIFACTS_DIR) / "34_autoencoder.png"
    assert Path(path) == expected and expected.parent.name == "artifacts" and expected.is_file(), (
        f"save_comparison(...) saved to {path}, expected {expected} (ARTIFACTS_DIR) by default")


def test_a_denoising_autoencoder_removes_most_of_the_noise(kata, manifold):
    train, test = manifold
    keras.utils.set_random_seed(24)
    model = kata.dense_autoencoder(FEATURES, 4)
    kata.train_autoencoder(model, *kata.denoising_pairs(train, 0.2, seed=1), epochs=10)
    noisy_test = np.clip(test + np.random.default_rng(2).normal(0, 0.2, test.shape), 0, 1).astype(np.float32)
    noise_left = kata.reconstruction_error(model, noisy_test, test)
    noise_before = float(np.mean((noisy_test - test) ** 2))
    assert noise_left < 0.4 * noise_before, (f"the denoising autoencoder's output differs from the clean data by "
                                             f"{noise_left:.4f} (mean squared); the noisy input by {noise_before:.4f}; "
                                             "expected under 40% of it")
