"""Tests for kata 30. Oracles: keras.losses.SparseCategoricalCrossentropy(from_logits=True), a
numpy loop over pixels, keras.metrics.MeanIoU, np.argmax, the layer graph of the model the
learner builds (layer types, shapes, which layer feeds which), tf.io.decode_png, and a tiny
U-Net trained here on pictures of a rectangle (class 1) and a disc (class 2)."""

import math
from pathlib import Path

import keras
import numpy as np
import pytest
import tensorflow as tf
from keras import layers

from tfkatas.testing import assert_close, assert_dtype, assert_equal, assert_shape, calls_forbidden

HEIGHT, WIDTH = 24, 32   # Not square, so a transposed mask or a swapped axis shows.
SPARSE_LOSSES = ("keras.losses.SparseCategoricalCrossentropy", "keras.losses.sparse_categorical_crossentropy",
                 "keras.ops.sparse_categorical_crossentropy", "tf.nn.sparse_softmax_cross_entropy_with_logits")


# ----------------------------------------------------------------------------- the pixel-wise loss


def loss_by_loop(true_masks, logits):
    """-log softmax(logits)[true class], pixel by pixel in float64, averaged."""
    logits = np.asarray(logits, np.float64)
    total, count = 0.0, 0
    for index in np.ndindex(*np.shape(true_masks)):
        scores = logits[index]
        largest = scores.max()
        log_sum = largest + math.log(sum(math.exp(s - largest) for s in scores))
        total += log_sum - scores[int(true_masks[index])]
        count += 1
    return total / count


def random_masks_and_logits(seed, shape, classes, scale=3.0):
    rng = np.random.default_rng(seed)
    masks = rng.integers(0, classes, shape).astype(np.int32)
    logits = (scale * rng.standard_normal((*shape, classes))).astype(np.float32)
    return masks, logits


def test_pixelwise_cross_entropy_on_the_worked_example(kata):
    logits = np.array([[[[0.0, 0.0], [0.0, math.log(3.0)]]]], np.float32)
    result = kata.pixelwise_cross_entropy(tf.constant([[[0, 1]]]), tf.constant(logits))
    expected = (math.log(2.0) + math.log(4.0 / 3.0)) / 2   # -log(1/2) and -log(3/4), averaged.
    assert_shape(result, (), "pixelwise_cross_entropy(true [[[0, 1]]], logits [[[[0, 0], [0, ln 3]]]]) "
                 "(a scalar: the mean over pixels)")
    assert_close(result, expected, "pixelwise_cross_entropy(true [[[0, 1]]], logits [[[[0, 0], [0, ln 3]]]])",
                 dtype=tf.float32)


def test_pixelwise_cross_entropy_agrees_with_keras_sparse_cross_entropy_from_logits(kata):
    masks, logits = random_masks_and_logits(1, (3, 5, 7), 4)
    expected = keras.losses.SparseCategoricalCrossentropy(from_logits=True)(masks, logits)
    with calls_forbidden("pixelwise_cross_entropy(masks, logits)", *SPARSE_LOSSES):
        result = kata.pixelwise_cross_entropy(tf.constant(masks), tf.constant(logits))
    assert_close(result, expected, "pixelwise_cross_entropy(3 random 5x7 masks, 4 classes)", rtol=1e-5,
                 dtype=tf.float32)


def test_pixelwise_cross_entropy_matches_a_loop_over_every_pixel(kata):
    masks, logits = random_masks_and_logits(2, (2, 3, 6), 5)
    with calls_forbidden("pixelwise_cross_entropy(masks, logits)", *SPARSE_LOSSES):
        result = kata.pixelwise_cross_entropy(tf.constant(masks, tf.int64), tf.constant(logits))
    assert_close(result, loss_by_loop(masks, logits), "pixelwise_cross_entropy(2 random int64 3x6 masks, "
                 "5 classes) (the mean of -log softmax over the class axis)", rtol=1e-5)


def test_pixelwise_cross_entropy_takes_float_class_ids_as_keras_hands_them(kata):
    masks, logits = random_masks_and_logits(3, (2, 4, 3), 3)
    result = kata.pixelwise_cross_entropy(tf.constant(masks, tf.float32), tf.constant(logits))
    assert_close(result, loss_by_loop(masks, logits), "pixelwise_cross_entropy(float32 masks [2, 4, 3] holding "
                 "class ids, 3 classes)", rtol=1e-5)


def test_pixelwise_cross_entropy_stays_finite_and_exact_for_logits_of_100(kata):
    rng = np.random.default_rng(4)
    masks = rng.integers(0, 3, (2, 3, 4)).astype(np.int32)
    logits = (rng.choice([-100.0, 100.0], (2, 3, 4, 3)) + rng.uniform(-1, 1, (2, 3, 4, 3))).astype(np.float32)
    result = kata.pixelwise_cross_entropy(tf.constant(masks), tf.constant(logits))
    value = float(np.asarray(result))
    assert math.isfinite(value), (f"pixelwise_cross_entropy(masks, logits of +-100) returned {value}: the log of "
                                  "a softmax underflows to log(0); a log-softmax stays finite")
    assert_close(result, loss_by_loop(masks, logits), "pixelwise_cross_entropy(2 masks 3x4, logits of about "
                 "+-100)", rtol=1e-5)


# ----------------------------------------------------------------------------- colours and files


def colour_by_loop(mask, palette):
    picture = np.zeros((*np.shape(mask), 3), np.uint8)
    for row, column in np.ndindex(*np.shape(mask)):
        picture[row, column] = palette[int(mask[row, column])]
    return picture


def test_colour_mask_on_the_worked_example(kata):
    result = kata.colour_mask(np.array([[0, 2]]), ((0, 0, 0), (9, 9, 9), (1, 2, 3)))
    assert isinstance(result, np.ndarray), f"colour_mask returned {type(result).__name__}, expected a numpy array"
    assert_equal(result, [[[0, 0, 0], [1, 2, 3]]], "colour_mask([[0, 2]], ((0, 0, 0), (9, 9, 9), (1, 2, 3)))",
                 dtype=np.uint8)


def test_colour_mask_paints_each_class_with_its_palette_colour(kata):
    mask = np.random.default_rng(8).integers(0, 4, (5, 7))
    palette = ((10, 20, 30), (200, 0, 50), (0, 255, 0), (7, 8, 9))
    assert_equal(kata.colour_mask(mask, palette), colour_by_loop(mask, palette),
                 "colour_mask(random 5x7 mask, a 4-colour palette) (RGB in the palette's order)", dtype=np.uint8)
    assert_equal(kata.colour_mask(mask), colour_by_loop(mask, kata.PALETTE),
                 "colour_mask(random 5x7 mask) with the default PALETTE", dtype=np.uint8)


def expected_picture(image, mask, palette, scale):
    """The image (rounded to 0..255) beside the coloured mask, each pixel a scale x scale block."""
    left = np.round(255 * np.clip(np.asarray(image, np.float64), 0, 1)).astype(np.uint8)
    pair = np.concatenate([left, colour_by_loop(mask, palette)], axis=1)
    return np.kron(pair, np.ones((scale, scale, 1), np.uint8)).astype(np.uint8)


def test_save_segmentation_writes_image_and_mask_side_by_side(kata, tmp_path):
    rng = np.random.default_rng(9)
    image = rng.uniform(-0.2, 1.2, (5, 7, 3)).astype(np.float32)   # Some values to clip at 0 and 1.
    mask = rng.integers(0, 3, (5, 7))
    palette = ((1, 2, 3), (40, 50, 60), (250, 0, 125))
    target = tmp_path / "two" / "new folders"
    path = kata.save_segmentation(image, mask, "pair.png", directory=target, palette=palette, scale=2)
    assert isinstance(path, Path), f"save_segmentation returned {type(path).__name__} {path!r}, expected a Path"
    assert path == target / "pair.png" and path.is_file(), (f"save_segmentation(..., 'pair.png', directory=...) "
                                                             f"returned {path!r}, expected {target / 'pair.png'} "
                                                             "written (its missing folders created)")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", "the saved file does not start with the PNG signature"
    assert_equal(tf.io.decode_png(path.read_bytes()), expected_picture(image, mask, palette, 2),
                 "the PNG of save_segmentation(5x7 image, mask, palette, scale=2) (image left, rounded and "
                 "clipped; mask right; every pixel a 2x2 block)")


def test_save_segmentation_defaults_to_scale_4_and_its_file_name(kata, tmp_path):
    rng = np.random.default_rng(10)
    image = rng.uniform(0, 1, (6, 4, 3)).astype(np.float32)
    mask = rng.integers(0, 4, (6, 4))
    path = kata.save_segmentation(image, mask, directory=tmp_path)
    assert path == tmp_path / "30_segmentation.png", (f"save_segmentation(image, mask, directory=tmp) returned "
                                                      f"{path!r}, expected tmp / '30_segmentation.png'")
    assert_equal(tf.io.decode_png(path.read_bytes()), expected_picture(image, mask, kata.PALETTE, 4),
                 "the PNG of save_segmentation(6x4 image, mask) (default PALETTE, scale 4: 24 x 32)")


# ----------------------------------------------------------------------------- predicting a mask


@pytest.fixture(scope="module")
def small_model():
    """A two-layer convolutional net with random weights: 10 x 14 RGB -> 4 class logits per pixel."""
    keras.utils.set_random_seed(35)
    return keras.Sequential([keras.Input((10, 14, 3)), layers.Conv2D(6, 3, padding="same", activation="relu"),
                             layers.Conv2D(4, 1)])


def test_predict_mask_is_the_argmax_over_the_classes_as_int32(kata, small_model):
    image = np.random.default_rng(6).uniform(0, 1, (10, 14, 3)).astype(np.float32)
    expected = np.argmax(np.asarray(small_model(image[None]))[0], axis=-1)
    assert len(np.unique(expected)) > 1, "the test model should predict more than one class"
    mask = kata.predict_mask(small_model, image)
    assert isinstance(mask, np.ndarray), f"predict_mask returned {type(mask).__name__}, expected a numpy array"
    assert_equal(mask, expected, "predict_mask(model, one 10x14 image) (no batch axis in, none out)", dtype=np.int32)


# ----------------------------------------------------------------------------- the U-Net


def layers_of_type(model, layer_type):
    return [layer for layer in model.layers if isinstance(layer, layer_type)]


def producer(tensor):
    """The layer whose output `tensor` is (Keras 3 records it in the tensor's history)."""
    return tensor._keras_history.operation


def spatial_and_channels(tensor):
    return tuple(int(size) for size in tensor.shape[1:])


@pytest.fixture(scope="module")
def random_images():
    return np.random.default_rng(5).uniform(0, 1, (2, HEIGHT, WIDTH, 3)).astype(np.float32)


@pytest.fixture(scope="module")
def unet_4_3(kata):
    """The learner's tiny_unet((24, 32, 3), 5, filters=4, depth=3), built once per run."""
    return kata.tiny_unet((HEIGHT, WIDTH, 3), 5, filters=4, depth=3)


def test_tiny_unet_maps_images_to_logits_of_the_same_height_and_width(kata, unet_4_3, random_images):
    what = "tiny_unet((24, 32, 3), 5, filters=4, depth=3)"
    model = unet_4_3
    assert isinstance(model, keras.Model), f"{what} returned {type(model).__name__}, expected a keras.Model"
    logits = model(random_images)
    assert_shape(logits, (2, HEIGHT, WIDTH, 5), what + " called on images [2, 24, 32, 3]")
    assert_dtype(logits, tf.float32, what + " called on images [2, 24, 32, 3]")


def test_tiny_unet_outputs_logits_not_probabilities(kata, unet_4_3, random_images):
    logits = np.asarray(unet_4_3(random_images))
    assert (logits < 0).any(), ("tiny_unet(...) gave no negative output on random images: the last 1x1 Conv2D "
                                "must have no activation (logits; the loss applies the softmax)")
    sums = logits.sum(axis=-1)
    assert not np.allclose(sums, 1.0, atol=1e-3), ("tiny_unet(...)'s outputs sum to 1 over the classes at every "
                                                   "pixel: that is a softmax, expected raw logits")


@pytest.mark.parametrize("input_shape", [(20, 32, 3), (24, 36, 3)])
def test_tiny_unet_refuses_a_size_not_divisible_by_two_to_the_depth(kata, input_shape):
    with pytest.raises(ValueError):
        kata.tiny_unet(input_shape, 5, filters=4, depth=3)
        pytest.fail(f"tiny_unet({input_shape}, 5, filters=4, depth=3) did not raise ValueError "
                    f"({input_shape[0]} x {input_shape[1]} cannot be halved 3 times)")


def test_tiny_unet_accepts_any_size_divisible_by_two_to_the_depth(kata):
    # 20 x 36 halves twice (to 5 x 9), so depth 2 works although depth 3 does not.
    model = kata.tiny_unet((20, 36, 2), 4, filters=4, depth=2)
    logits = model(np.zeros((3, 20, 36, 2), np.float32))
    assert_shape(logits, (3, 20, 36, 4), "tiny_unet((20, 36, 2), 4, filters=4, depth=2) on images [3, 20, 36, 2]")


def test_tiny_unet_pools_depth_times_with_max_pooling(kata, unet_4_3):
    model = unet_4_3
    pools = layers_of_type(model, layers.MaxPooling2D)
    assert len(pools) == 3, f"tiny_unet(..., depth=3) has {len(pools)} MaxPooling2D layers, expected 3"
    sizes = sorted(spatial_and_channels(pool.output) for pool in pools)
    assert sizes == [(3, 4, 16), (6, 8, 8), (12, 16, 4)], (
        f"the MaxPooling2D outputs of tiny_unet((24, 32, 3), 5, filters=4, depth=3) are {sizes}; expected "
        "[(3, 4, 16), (6, 8, 8), (12, 16, 4)]: filters * 2 ** i channels at level i, halved each time")


def test_tiny_unet_has_depth_transposed_convolutions_each_doubling_height_and_width(kata, unet_4_3):
    model = unet_4_3
    transposed = layers_of_type(model, layers.Conv2DTranspose)
    assert len(transposed) == 3, (f"tiny_unet(..., depth=3) has {len(transposed)} Conv2DTranspose layers, "
                                  "expected 3 (one per level of the up path)")
    for layer in transposed:
        before, after = spatial_and_channels(layer.input), spatial_and_channels(layer.output)
        assert after[:2] == (2 * before[0], 2 * before[1]), (
            f"the Conv2DTranspose {layer.name} turns {before[:2]} into {after[:2]}; expected it to double "
            "height and width (strides 2, padding 'same')")
    channels = sorted(spatial_and_channels(layer.output)[2] for layer in transposed)
    assert channels == [4, 8, 16], (f"the Conv2DTranspose layers of tiny_unet(..., filters=4, depth=3) have "
                                    f"{channels} channels, expected [4, 8, 16] (filters * 2 ** level)")


def test_tiny_unet_concatenates_each_upsampled_map_with_the_down_path_map_of_its_size(kata, unet_4_3):
    model = unet_4_3
    joins = layers_of_type(model, layers.Concatenate)
    assert len(joins) == 3, (f"tiny_unet(..., depth=3) has {len(joins)} Concatenate layers, expected 3 (the skip "
                             "connections, one per level: concatenate, not add)")
    sizes = sorted(spatial_and_channels(join.output) for join in joins)
    assert sizes == [(6, 8, 32), (12, 16, 16), (24, 32, 8)], (
        f"the Concatenate outputs of tiny_unet((24, 32, 3), 5, filters=4, depth=3) are {sizes}; expected "
        "[(6, 8, 32), (12, 16, 16), (24, 32, 8)]: 2 * filters * 2 ** i channels at level i")
    down_path = {id(producer(pool.input)) for pool in layers_of_type(model, layers.MaxPooling2D)}
    for join in joins:
        kinds = sorted(type(producer(tensor)).__name__ for tensor in join.input)
        assert len(join.input) == 2 and any(isinstance(producer(t), layers.Conv2DTranspose) for t in join.input), (
            f"the Concatenate {join.name} joins outputs of {kinds}; expected a Conv2DTranspose output and a "
            "down-path feature map")
        assert any(id(producer(t)) in down_path for t in join.input), (
            f"the Concatenate {join.name} joins outputs of {kinds}, but none of them is a down-path feature map "
            "(the map that the MaxPooling2D of that level pools)")


def test_tiny_unet_defaults_to_16_filters_and_depth_2(kata):
    model = kata.tiny_unet((HEIGHT, WIDTH, 3), 3)
    sizes = sorted(spatial_and_channels(join.output) for join in layers_of_type(model, layers.Concatenate))
    assert sizes == [(12, 16, 64), (24, 32, 32)], (
        f"the Concatenate outputs of tiny_unet((24, 32, 3), 3) are {sizes}; expected [(12, 16, 64), (24, 32, 32)] "
        "(defaults filters=16, depth=2)")
    assert_shape(model(np.zeros((1, HEIGHT, WIDTH, 3), np.float32)), (1, HEIGHT, WIDTH, 3),
                 "tiny_unet((24, 32, 3), 3) on one image")


# ----------------------------------------------------------------------------- training


def test_train_unet_with_its_defaults_compiles_the_pixelwise_loss_from_logits(kata, small_model):
    rng = np.random.default_rng(7)
    images = rng.uniform(0, 1, (40, 10, 14, 3)).astype(np.float32)
    masks = rng.integers(0, 4, (40, 10, 14)).astype(np.int32)
    model = keras.models.clone_model(small_model)
    history = kata.train_unet(model, images, masks)
    assert isinstance(history, keras.callbacks.History), (f"train_unet returned {type(history).__name__}, "
                                                         "expected the History that model.fit returns")
    losses = history.history.get("loss", [])
    assert len(losses) == 2, f"train_unet(...) with default epochs ran {len(losses)} epochs, expected 2"
    steps = int(model.optimizer.iterations)
    assert steps == 2 * 3, (f"train_unet(40 images) took {steps} steps, expected 6 (2 epochs of ceil(40 / 16) "
                            "batches: default batch_size 16)")
    assert isinstance(model.optimizer, keras.optimizers.Adam), (
        f"train_unet compiled with {type(model.optimizer).__name__}, expected keras.optimizers.Adam")
    rate = float(np.asarray(model.optimizer.learning_rate))
    assert math.isclose(rate, 0.005, rel_tol=1e-5), f"the default learning rate is {rate}, expected 0.005"
    loss = model.loss   # What model.compile was given as the loss.
    assert callable(loss), (f"train_unet compiled the loss {loss!r}; expected a loss for logits (your "
                            "pixelwise_cross_entropy or a SparseCategoricalCrossentropy(from_logits=True))")
    logits = model(images[:8])
    expected = keras.losses.SparseCategoricalCrossentropy(from_logits=True)(masks[:8], logits)
    assert_close(loss(tf.constant(masks[:8]), logits), expected, "the loss train_unet compiled, on 8 images "
                 "(the pixel-wise cross-entropy of the model's logits)", rtol=1e-4)


# ----------------------------------------------------------------------------- a trained U-Net


def rectangles_and_discs(rng, count):
    """RGB pictures [count, 24, 32, 3] in [0, 1]: dim noise, an orange-red rectangle (class 1) and
    a blue disc (class 2) that do not overlap; the masks [count, 24, 32] are int32."""
    images = rng.uniform(0, 0.35, (count, HEIGHT, WIDTH, 3))
    masks = np.zeros((count, HEIGHT, WIDTH), np.int32)
    rows, columns = np.mgrid[:HEIGHT, :WIDTH]
    for image, mask in zip(images, masks):
        while True:
            height, width = rng.integers(5, 10), rng.integers(6, 13)
            top, left = rng.integers(0, HEIGHT - height + 1), rng.integers(0, WIDTH - width + 1)
            radius = rng.integers(3, 6)
            centre_row, centre_column = rng.integers(radius, HEIGHT - radius), rng.integers(radius, WIDTH - radius)
            rectangle = (rows >= top) & (rows < top + height) & (columns >= left) & (columns < left + width)
            disc = (rows - centre_row) ** 2 + (columns - centre_column) ** 2 <= radius ** 2
            if not (rectangle & disc).any():
                break
        image[rectangle], image[disc] = (0.95, 0.15, 0.1), (0.1, 0.15, 0.95)
        mask[rectangle], mask[disc] = 1, 2
    images += rng.uniform(-0.1, 0.1, images.shape)
    return np.clip(images, 0, 1).astype(np.float32), masks


@pytest.fixture(scope="module")
def shapes_data():
    rng = np.random.default_rng(35)
    return rectangles_and_discs(rng, 128), rectangles_and_discs(rng, 48)


@pytest.fixture(scope="module")
def trained_unet(kata, shapes_data):
    """The learner's U-Net (defaults: filters 16, depth 2) trained by the learner's train_unet on
    128 pictures: 3 epochs of 16 batches of 8, about 3 s on a CPU."""
    (images, masks), _ = shapes_data
    model = kata.tiny_unet((HEIGHT, WIDTH, 3), 3)
    history = kata.train_unet(model, images, masks, epochs=3, batch_size=8, learning_rate=0.01)
    return model, history


def test_train_unet_runs_the_epochs_batches_and_learning_rate_asked_for(kata, trained_unet):
    model, history = trained_unet
    losses = history.history.get("loss", [])
    assert len(losses) == 3, f"train_unet(..., epochs=3) ran {len(losses)} epochs, expected 3"
    steps = int(model.optimizer.iterations)
    assert steps == 3 * 16, f"train_unet(128 images, epochs=3, batch_size=8) took {steps} steps, expected 48"
    rate = float(np.asarray(model.optimizer.learning_rate))
    assert math.isclose(rate, 0.01, rel_tol=1e-5), f"train_unet(..., learning_rate=0.01) trained at {rate}"
    assert losses[-1] < 0.5 * losses[0], f"the training loss went {losses}: expected it to fall by half or more"


def test_the_trained_unet_segments_unseen_pictures_to_a_mean_iou_above_0_8(kata, trained_unet, shapes_data):
    model, _ = trained_unet
    _, (images, masks) = shapes_data
    predicted = np.argmax(np.asarray(model(images)), axis=-1)
    metric = keras.metrics.MeanIoU(num_classes=3)
    metric.update_state(masks, predicted)
    score = float(metric.result())
    assert score > 0.8, (f"the U-Net trained by train_unet scores a mean IoU of {score:.3f} on 48 new pictures, "
                         "expected above 0.8 (the solution reaches about 0.95)")


def test_save_segmentation_puts_the_predicted_mask_in_the_artifacts_folder_by_default(kata, trained_unet,
                                                                                      shapes_data):
    """The one test that writes outside tmp_path: open artifacts/30_segmentation.png to see it."""
    model, _ = trained_unet
    _, (images, _) = shapes_data
    mask = kata.predict_mask(model, images[0])
    assert_equal(mask, np.argmax(np.asarray(model(images[:1]))[0], axis=-1),
                 "predict_mask(trained U-Net, one 24x32 picture)", dtype=np.int32)
    path = kata.save_segmentation(images[0], mask)
    expected = Path(kata.ARTIFACTS_DIR) / "30_segmentation.png"
    assert Path(path) == expected and expected.parent.name == "artifacts", (
        f"save_segmentation(image, mask) saved to {path}, expected {expected} (ARTIFACTS_DIR) by default")
    assert_equal(tf.io.decode_png(expected.read_bytes()), expected_picture(images[0], mask, kata.PALETTE, 4),
                 "the PNG in artifacts/ (the picture beside its predicted mask, 96 x 256)")
