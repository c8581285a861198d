"""Tests for kata 25. Oracles: hand-built models whose gradients are known in closed form
(Flatten -> Dense: d score / d activation is a Dense weight), numpy formulas, tf.image.resize,
tf.io.decode_png, and a small CNN trained here on red and green squares."""

from pathlib import Path

import keras
import numpy as np
import pytest
import tensorflow as tf
from keras import layers

from tfkatas.testing import assert_close, assert_dtype, assert_equal, assert_shape

IMAGE_SHAPE = (10, 14, 3)    # Not square, so a transposed heatmap has the wrong shape.
FEATURE_SHAPE = (5, 7, 6)    # The "features" layer after one 2x2 pooling: [h', w', channels].
CLASSES = 4


def flatten_dense_layers():
    """conv -> pool -> conv "features" -> Flatten -> Dense: score_c = sum(A * W[..., c]) + b_c."""
    return [layers.Conv2D(4, 3, padding="same", activation="relu"), layers.MaxPooling2D(),
            layers.Conv2D(FEATURE_SHAPE[-1], 3, padding="same", activation="relu", name="features"),
            layers.Flatten(), layers.Dense(CLASSES, name="scores")]


@pytest.fixture(scope="module")
def functional_model():
    keras.utils.set_random_seed(24)
    inputs = keras.Input(IMAGE_SHAPE)
    outputs = inputs
    for layer in flatten_dense_layers():
        outputs = layer(outputs)
    return keras.Model(inputs, outputs)


@pytest.fixture(scope="module")
def sequential_model():
    keras.utils.set_random_seed(25)
    return keras.Sequential([keras.Input(IMAGE_SHAPE)] + flatten_dense_layers())


@pytest.fixture(scope="module")
def image():
    return np.random.default_rng(3).uniform(0, 1, IMAGE_SHAPE).astype(np.float32)


def features_by_hand(model, image):
    """Apply the layers one by one up to "features": the oracle for the layer's activations."""
    values = tf.constant(image[None])
    for layer in model.layers:
        if isinstance(layer, keras.layers.InputLayer):
            continue   # A functional model lists its Input; a Sequential model does not.
        values = layer(values)
        if layer.name == "features":
            return values.numpy()[0]
    raise AssertionError("the test model has no layer named 'features'")


def expected_grad_cam(model, image, class_index):
    """Closed form for Flatten -> Dense: d score / d A[i, j, k] = W[i, j, k, class_index]."""
    activations = features_by_hand(model, image)                        # [h', w', channels]
    kernel = model.get_layer("scores").kernel.numpy().reshape(FEATURE_SHAPE + (CLASSES,))
    channel_weights = kernel[..., class_index].mean(axis=(0, 1))        # [channels]
    heatmap = np.maximum(activations @ channel_weights, 0.0)
    return heatmap / heatmap.max() if heatmap.max() > 0 else heatmap


def top_class(model, image):
    return int(np.argmax(model(image[None]).numpy()[0]))


# ----------------------------------------------------------------------------- colours and files


def test_jet_colors_matches_the_formula_at_hand_picked_values(kata):
    heatmap = np.array([[0.0, 0.25, 0.5], [0.75, 1.0, 0.125]], np.float32)
    expected = [[[0.0, 0.0, 0.5], [0.0, 0.5, 1.0], [0.5, 1.0, 0.5]],
                [[1.0, 0.5, 0.0], [0.5, 0.0, 0.0], [0.0, 0.0, 1.0]]]
    colours = kata.jet_colors(heatmap)
    assert isinstance(colours, np.ndarray), f"jet_colors returned {type(colours).__name__}, expected a numpy array"
    assert_close(colours, expected, "jet_colors([[0, .25, .5], [.75, 1, .125]]) (RGB order)", dtype=np.float32)


def test_overlay_blends_a_constant_heatmap_over_a_grey_image(kata):
    grey = np.full((6, 10, 3), 100, np.uint8)
    heatmap = np.full((3, 5), 0.5, np.float32)   # jet(0.5) * 255 = [127.5, 255, 127.5].
    expected = np.broadcast_to(np.array([111, 162, 111], np.uint8), (6, 10, 3))
    assert_equal(kata.overlay(grey, heatmap), expected, "overlay(grey 100 image, heatmap all 0.5, alpha=0.4)",
                 dtype=np.uint8)


def test_overlay_rounds_the_blend_to_the_nearest_integer(kata):
    grey = np.full((4, 7, 3), 101, np.uint8)
    heatmap = np.zeros((2, 3), np.float32)   # jet(0) * 255 = [0, 0, 127.5].
    # 0.7 * 101 = 70.7 -> 71 and 70.7 + 0.3 * 127.5 = 108.95 -> 109; a plain astype(uint8) cuts to 70 and 108.
    expected = np.broadcast_to(np.array([71, 71, 109], np.uint8), (4, 7, 3))
    assert_equal(kata.overlay(grey, heatmap, alpha=0.3), expected,
                 "overlay(grey 101 image, heatmap all 0, alpha=0.3) (rounded, not truncated)", dtype=np.uint8)


def test_overlay_resizes_the_heatmap_bilinearly_to_the_image_size(kata):
    rng = np.random.default_rng(4)
    image = rng.integers(0, 256, (12, 20, 3)).astype(np.uint8)
    heatmap = rng.uniform(0, 1, (3, 5)).astype(np.float32)
    resized = tf.image.resize(heatmap[..., None], (12, 20)).numpy()   # [12, 20, 1], bilinear.
    colours = 255 * np.clip(1.5 - np.abs(4 * resized - np.array([3.0, 2.0, 1.0])), 0, 1)
    expected = np.clip(np.round(0.7 * image + 0.3 * colours), 0, 255)
    result = kata.overlay(image, heatmap, alpha=0.3)
    assert isinstance(result, np.ndarray), f"overlay returned {type(result).__name__}, expected a numpy array"
    assert_dtype(result, np.uint8, "overlay(random 12x20 image, 3x5 heatmap, alpha=0.3)")
    assert_close(result, expected, "overlay(random 12x20 image, 3x5 heatmap, alpha=0.3)", rtol=0, atol=1)


def test_save_png_writes_a_png_that_decodes_to_the_same_pixels(kata, tmp_path):
    picture = np.random.default_rng(5).integers(0, 256, (4, 6, 3)).astype(np.uint8)
    path = tmp_path / "new_folder" / "picture.png"
    returned = kata.save_png(picture, path)
    assert path.exists(), f"save_png(picture, {path}) did not create the file (and its missing folder)"
    assert str(returned) == str(path), f"save_png returned {returned!r}, expected the path {path}"
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", "the saved file does not start with the PNG signature"
    assert_equal(tf.io.decode_png(path.read_bytes()), picture, "the saved PNG, decoded")


def test_save_png_takes_a_str_creates_nested_folders_and_returns_a_path(kata, tmp_path):
    picture = np.random.default_rng(6).integers(0, 256, (3, 5, 3)).astype(np.uint8)
    path = tmp_path / "two" / "new folders" / "picture.png"
    returned = kata.save_png(picture, str(path))
    assert isinstance(returned, Path), (f"save_png(picture, a str path) returned {type(returned).__name__} "
                                        f"{returned!r}, expected a pathlib.Path")
    assert returned == path and path.is_file(), f"save_png returned {returned!r}, expected {path} written"
    assert_equal(tf.io.decode_png(path.read_bytes()), picture, "the PNG save_png wrote to nested new folders")


def test_save_overlay_passes_alpha_on_and_names_the_file_grad_cam_png_by_default(kata, tmp_path):
    grey = np.full((4, 7, 3), 101, np.uint8)
    path = kata.save_overlay(grey, np.zeros((2, 3), np.float32), directory=tmp_path, alpha=0.3)
    assert isinstance(path, Path), f"save_overlay returned {type(path).__name__} {path!r}, expected a pathlib.Path"
    assert path == tmp_path / "grad_cam.png", f"save_overlay(..., directory=tmp) returned {path!r}, expected " \
        "tmp / 'grad_cam.png'"
    expected = np.broadcast_to(np.array([71, 71, 109], np.uint8), (4, 7, 3))   # As in the rounding test.
    assert_equal(tf.io.decode_png(path.read_bytes()), expected, "the PNG save_overlay(..., alpha=0.3) wrote")


def test_save_overlay_saves_the_overlay_under_the_given_directory(kata, tmp_path):
    grey = np.full((6, 10, 3), 100, np.uint8)
    path = kata.save_overlay(grey, np.full((3, 5), 0.5, np.float32), "grey.png", directory=tmp_path)
    assert str(path) == str(tmp_path / "grey.png"), f"save_overlay returned {path!r}, expected {tmp_path / 'grey.png'}"
    expected = np.broadcast_to(np.array([111, 162, 111], np.uint8), (6, 10, 3))
    assert_equal(tf.io.decode_png((tmp_path / "grey.png").read_bytes()), expected, "the PNG save_overlay wrote")


# ----------------------------------------------------------------------------- the heatmap


@pytest.mark.parametrize("model_name", ["functional_model", "sequential_model"])
def test_activations_and_scores_model_exposes_the_layer_and_the_scores(kata, request, model_name, image):
    model = request.getfixturevalue(model_name)
    images = np.stack([image, image[::-1]])   # A batch of 2.
    both = kata.activations_and_scores_model(model, "features")
    assert isinstance(both, keras.Model), (f"activations_and_scores_model returned {type(both).__name__}, expected "
                                           "one keras.Model with two outputs (one graph, so the scores can be "
                                           "differentiated with respect to the activations)")
    activations, scores = both(images)
    expected = np.stack([features_by_hand(model, image), features_by_hand(model, image[::-1])])
    assert_close(activations, expected, f"activations from the {model_name}", rtol=1e-4, atol=1e-5)
    assert_close(scores, model(images), f"scores from the {model_name}", rtol=1e-4, atol=1e-5)


def test_grad_cam_is_a_numpy_heatmap_at_the_layer_resolution_scaled_to_a_peak_of_one(kata, functional_model, image):
    what = f"grad_cam(model, image {list(IMAGE_SHAPE)}, 'features')"
    heatmap = kata.grad_cam(functional_model, image, "features")
    assert isinstance(heatmap, np.ndarray), f"{what} returned {type(heatmap).__name__}, expected a numpy array (.numpy())"
    assert_shape(heatmap, FEATURE_SHAPE[:2], what + " (the 'features' layer is 5x7)")
    assert_dtype(heatmap, np.float32, what)
    assert heatmap.min() >= 0, f"{what} has a negative value {heatmap.min()}: keep only the positive part (ReLU)"
    assert np.isclose(heatmap.max(), 1.0), f"{what} peaks at {heatmap.max()}, expected 1 (divide by the maximum)"


@pytest.mark.parametrize("class_index", [0, 1, 2, 3])
def test_grad_cam_matches_the_closed_form_for_each_class(kata, functional_model, image, class_index):
    expected = expected_grad_cam(functional_model, image, class_index)
    result = kata.grad_cam(functional_model, image, "features", class_index=class_index)
    assert_close(result, expected, f"grad_cam(functional model, image, 'features', class_index={class_index})",
                 rtol=1e-4, atol=1e-5)


def test_grad_cam_without_a_class_explains_the_top_class(kata, functional_model, image):
    best = top_class(functional_model, image)
    result = kata.grad_cam(functional_model, image, "features")
    assert_close(result, expected_grad_cam(functional_model, image, best),
                 f"grad_cam(model, image, 'features') (class_index=None, top class {best})", rtol=1e-4, atol=1e-5)


def test_grad_cam_works_on_a_sequential_model(kata, sequential_model, image):
    flipped = image[:, ::-1]
    for class_index in (1, 3):
        expected = expected_grad_cam(sequential_model, flipped, class_index)
        result = kata.grad_cam(sequential_model, flipped, "features", class_index)
        assert_close(result, expected, f"grad_cam(Sequential model, image, 'features', {class_index})",
                     rtol=1e-4, atol=1e-5)


@pytest.fixture(scope="module")
def positive_model():
    """features = image[..., 0] + image[..., 1] + 1 in both channels (always > 0); the Dense
    weights are -1 for class 0 (no positive evidence anywhere), +1 for class 1 (the top class)
    and tiny for class 2."""
    inputs = keras.Input((4, 6, 2))
    features = layers.Conv2D(2, 1, name="features", kernel_initializer="ones", bias_initializer="ones")(inputs)
    scores = layers.Dense(3, name="scores")(layers.Flatten()(features))
    model = keras.Model(inputs, scores)
    kernel = np.stack([-np.ones(48), np.ones(48), 0.01 * np.random.default_rng(6).normal(size=48)], axis=1)
    model.get_layer("scores").set_weights([kernel.astype(np.float32), np.zeros(3, np.float32)])
    return model


@pytest.fixture(scope="module")
def positive_image():
    return np.random.default_rng(7).uniform(0.1, 1.0, (4, 6, 2)).astype(np.float32)


def test_grad_cam_divides_by_the_maximum_only_so_the_smallest_value_stays_above_zero(kata, positive_model, positive_image):
    evidence = positive_image.sum(axis=-1) + 1    # Every channel weight is 1: heatmap ∝ the features.
    result = kata.grad_cam(positive_model, positive_image, "features", class_index=1)
    assert_close(result, evidence / evidence.max(), "grad_cam(model, image, 'features', 1) where every "
                 "position has positive evidence (divide by the max, do not subtract the min)", rtol=1e-4, atol=1e-5)


def test_grad_cam_with_no_positive_evidence_is_all_zeros_not_nan(kata, positive_model, positive_image):
    result = kata.grad_cam(positive_model, positive_image, "features", class_index=0)
    assert_close(result, np.zeros((4, 6), np.float32), "grad_cam(model, image, 'features', 0) whose every "
                 "weighted sum is negative (0 / 0 must stay 0)")


def test_grad_cam_without_a_class_uses_the_top_scoring_class_not_class_zero(kata, positive_model, positive_image):
    evidence = positive_image.sum(axis=-1) + 1    # Class 1 scores highest here.
    result = kata.grad_cam(positive_model, positive_image, "features")
    assert_close(result, evidence / evidence.max(), "grad_cam(model, image, 'features') (class_index=None; "
                 "the top class is 1)", rtol=1e-4, atol=1e-5)


# ----------------------------------------------------------------------------- a trained model

SIZE, SQUARE = 32, 6
RED, GREEN = 1, 0   # Class numbers.


def draw_square(picture, channel, quadrant, rng):
    """A bright 6x6 square of one colour somewhere inside quadrant 0..3 (row-major)."""
    half = SIZE // 2
    top = (quadrant // 2) * half + rng.integers(1, half - SQUARE)
    left = (quadrant % 2) * half + rng.integers(1, half - SQUARE)
    picture[top:top + SQUARE, left:left + SQUARE] = 0.1
    picture[top:top + SQUARE, left:left + SQUARE, channel] = 1.0


def squares(rng, count):
    pictures = rng.uniform(0, 0.3, (count, SIZE, SIZE, 3)).astype(np.float32)
    labels = rng.integers(0, 2, count)
    for picture, label in zip(pictures, labels):
        draw_square(picture, 0 if label == RED else 1, rng.integers(4), rng)
    return pictures, labels


@pytest.fixture(scope="module")
def square_classifier():
    """A small CNN that tells a red square (class 1) from a green one (class 0); ~2 s on a CPU.

    The last Dense layer's weights are kept non-negative, so each class needs evidence *for* it
    (a green square) rather than against the other class. A rare bad start is retrained."""
    for seed in (24, 124, 224):
        keras.utils.set_random_seed(seed)
        rng = np.random.default_rng(seed)
        model = keras.Sequential([
            keras.Input((SIZE, SIZE, 3)),
            layers.Conv2D(8, 3, padding="same", activation="relu"), layers.MaxPooling2D(),
            layers.Conv2D(16, 3, padding="same", activation="relu", name="last_conv"),
            layers.GlobalAveragePooling2D(),
            layers.Dense(2, kernel_constraint=keras.constraints.NonNeg()),
        ])
        model.compile(keras.optimizers.Adam(1e-2), keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                      metrics=["accuracy"])
        model.fit(*squares(rng, 1000), epochs=1, batch_size=32, verbose=0)
        if model.evaluate(*squares(rng, 200), verbose=0)[1] >= 0.95:
            return model
    pytest.fail("the square classifier did not train (a test set-up problem, not your code)")


def quadrant_of_peak(heatmap):
    row, column = np.unravel_index(np.argmax(heatmap), heatmap.shape)
    return int(row >= heatmap.shape[0] // 2) * 2 + int(column >= heatmap.shape[1] // 2)


def test_grad_cam_of_a_trained_cnn_points_at_the_square_of_each_class(kata, square_classifier):
    rng = np.random.default_rng(8)
    for trial in range(4):
        picture = rng.uniform(0, 0.3, (SIZE, SIZE, 3)).astype(np.float32)
        red_quadrant, green_quadrant = rng.choice(4, 2, replace=False)
        draw_square(picture, 0, red_quadrant, rng)
        draw_square(picture, 1, green_quadrant, rng)
        for class_index, quadrant, colour in ((RED, red_quadrant, "red"), (GREEN, green_quadrant, "green")):
            heatmap = kata.grad_cam(square_classifier, picture, "last_conv", class_index)
            assert_shape(heatmap, (16, 16), "grad_cam(trained CNN, 32x32 picture, 'last_conv')")
            found = quadrant_of_peak(heatmap)
            assert found == quadrant, (f"picture {trial}: the heatmap for class {class_index} ({colour}) peaks in "
                                       f"quadrant {found}, but the {colour} square is in quadrant {quadrant}")


def test_save_overlay_puts_the_picture_in_the_artifacts_folder_by_default(kata, square_classifier):
    """The one test that writes outside tmp_path: open artifacts/25_grad_cam_red.png to see it."""
    rng = np.random.default_rng(9)
    picture = rng.uniform(0, 0.3, (SIZE, SIZE, 3)).astype(np.float32)
    draw_square(picture, 0, 0, rng)
    draw_square(picture, 1, 3, rng)
    heatmap = kata.grad_cam(square_classifier, picture, "last_conv", RED)
    path = kata.save_overlay((255 * picture).astype(np.uint8), heatmap, "25_grad_cam_red.png")
    # The module's ARTIFACTS_DIR: the repository's artifacts/, or beside a KATA_TARGET copy of the answers.
    expected = Path(kata.ARTIFACTS_DIR) / "25_grad_cam_red.png"
    assert Path(path) == expected and expected.parent.name == "artifacts", (
        f"save_overlay(...) saved to {path}, expected {expected} (ARTIFACTS_DIR) by default")
    assert_shape(tf.io.decode_png(expected.read_bytes()), (SIZE, SIZE, 3), "the PNG in artifacts/")
