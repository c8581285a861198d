"""Tests for kata 27. Oracles: the parameter counts of VGG16 worked out by hand, numpy formulas
(global average pooling, a Dense layer, BatchNormalization in inference mode), models the tests
call directly, and a small CNN trained here on filled shapes that stands in for ImageNet."""

import math

import keras
import numpy as np
import pytest
from keras import layers

from tfkatas.testing import assert_close, assert_dtype, assert_shape

HEIGHT, WIDTH = 24, 32          # Not square: a transposed picture has the wrong shape.
FEATURES = (6, 8, 32)           # The base's output: two 2x2 poolings, 32 channels in block 3.
SHAPES_A = ["square", "circle", "triangle", "cross"]   # Task A (the "ImageNet"): filled shapes.
SHAPES_B = ["triangle", "square", "circle"]            # Task B: hollow outlines, new labels.

# Cheap tests first: `make check` stops each wrong answer at its first failing test, and the
# comparison of a pretrained and a random base (the slowest) comes last.


def make_base(seed):
    """Three blocks conv -> BatchNormalization -> ReLU (-> pool), named like VGG's layers."""
    keras.utils.set_random_seed(seed)
    inputs = keras.Input((HEIGHT, WIDTH, 3))
    values = inputs
    for block, channels in ((1, 8), (2, 16), (3, 32)):
        values = layers.Conv2D(channels, 3, padding="same", name=f"block{block}_conv")(values)
        values = layers.BatchNormalization(momentum=0.9, name=f"block{block}_bn")(values)
        values = layers.ReLU(name=f"block{block}_relu")(values)
        if block < 3:
            values = layers.MaxPooling2D(name=f"block{block}_pool")(values)
    return keras.Model(inputs, values, name="base")


def cross_entropy_from_logits(labels, logits):
    """The mean sparse categorical cross-entropy of `logits`, by numpy: log-sum-exp minus the true logit."""
    logits = np.asarray(keras.ops.convert_to_numpy(logits), np.float64)
    top = logits.max(axis=-1, keepdims=True)
    log_sum = np.log(np.exp(logits - top).sum(axis=-1)) + top[:, 0]
    return float(np.mean(log_sum - logits[np.arange(len(labels)), labels]))


def check_compiled(model, what, learning_rate, labels, logits):
    """`model` was compiled with Adam at `learning_rate`, cross-entropy on logits and an accuracy metric."""
    optimizer = model.optimizer
    assert isinstance(optimizer, keras.optimizers.Adam), f"{what} trained with {type(optimizer).__name__}, expected Adam"
    rate = float(keras.ops.convert_to_numpy(optimizer.learning_rate))
    assert math.isclose(rate, learning_rate, rel_tol=1e-5), (
        f"{what}: the Adam learning rate is {rate}, expected {learning_rate}")
    loss = keras.losses.get(model.loss) if isinstance(model.loss, str) else model.loss
    value = float(keras.ops.convert_to_numpy(keras.ops.mean(loss(labels, logits))))
    expected = cross_entropy_from_logits(labels, logits)
    assert math.isclose(value, expected, rel_tol=1e-3), (
        f"{what}: the compiled loss gives {value:.5f} on the model's own outputs, but the sparse categorical "
        f"cross-entropy of those logits is {expected:.5f} (the outputs are logits: from_logits=True)")
    names = list(model.get_metrics_result())
    assert any("accuracy" in name for name in names), f"{what}: the model tracks {names}, expected an accuracy metric"


# ----------------------------------------------------------------------------- unfreezing a block


def test_unfreeze_block_keeps_batch_normalization_frozen_in_the_block(kata):
    base = make_base(2)
    base.trainable = False
    opened = kata.unfreeze_block(base, "block2_")
    assert opened == ["block2_conv"], (f"unfreeze_block(base, 'block2_') returned {opened}, expected ['block2_conv']: "
                                       "block2_bn stays frozen, block2_relu and block2_pool have no weights")
    states = {layer.name: layer.trainable for layer in base.layers if layer.weights}
    expected = {name: name == "block2_conv" for name in states}
    assert states == expected, f"after unfreeze_block(base, 'block2_') layer.trainable is {states}, expected {expected}"
    trainable = int(sum(np.prod(weight.shape) for weight in base.trainable_weights))
    assert trainable == 8 * 9 * 16 + 16, f"the base has {trainable} trainable parameters, expected 1168 (block2_conv)"


# ----------------------------------------------------------------------------- a new head


def test_train_head_builds_pooling_and_dense_logits_and_trains_as_asked(kata):
    rng = np.random.default_rng(6)
    features = rng.uniform(0, 1, (40, 3, 5, 6)).astype(np.float32)
    labels = rng.integers(0, 4, 40)
    head = kata.train_head(features, labels, 4, epochs=3, learning_rate=5e-3)
    what = "train_head(features [40, 3, 5, 6], labels, classes=4, epochs=3, learning_rate=5e-3)"
    assert isinstance(head, keras.Model), f"{what} returned {type(head).__name__}, expected a keras.Model"
    assert head.count_params() == 6 * 4 + 4, (f"{what}: the head has {head.count_params()} parameters, expected "
                                              "28 (GlobalAveragePooling2D -> Dense(4) on 6 channels)")
    kernel, bias = (weight.numpy() for weight in head.trainable_weights)
    expected = features.mean(axis=(1, 2)) @ kernel + bias   # Logits: no softmax.
    assert_close(head(features), expected, f"the head of {what} (mean over h' and w', then Dense, no softmax)",
                 rtol=1e-4, atol=1e-5)
    check_compiled(head, what, 5e-3, labels, head(features))
    steps = int(head.optimizer.iterations.numpy())
    assert steps == 3 * 2, f"{what} took {steps} training steps, expected 6 (3 epochs of 2 batches of 32)"


# ----------------------------------------------------------------------------- the stand-in for ImageNet

_ROWS, _COLUMNS = np.mgrid[:HEIGHT, :WIDTH]


def shape_mask(kind, radius, row, column):
    down, across = _ROWS - row, _COLUMNS - column
    if kind == "square":
        return (abs(down) <= 0.8 * radius) & (abs(across) <= 0.8 * radius)
    if kind == "circle":
        return down ** 2 + across ** 2 <= radius ** 2
    if kind == "triangle":
        return (down <= 0.8 * radius) & (abs(across) <= 0.5 * (down + radius))
    return ((abs(down) <= radius / 3) & (abs(across) <= radius)) | ((abs(across) <= radius / 3) & (abs(down) <= radius))


def shapes(kinds, count, rng, hollow=False):
    """`count` pictures [HEIGHT, WIDTH, 3] of one coloured shape each on a dark noisy background,
    and their labels (the index in `kinds`); hollow shapes are 2-pixel outlines."""
    labels = rng.integers(0, len(kinds), count)
    pictures = rng.uniform(0, 0.25, (count, HEIGHT, WIDTH, 3)).astype(np.float32)
    for picture, label in zip(pictures, labels):
        radius = rng.integers(5, 9)
        row, column = rng.integers(radius + 1, HEIGHT - radius - 1), rng.integers(radius + 1, WIDTH - radius - 1)
        mask = shape_mask(kinds[label], radius, row, column)
        if hollow:
            mask &= ~shape_mask(kinds[label], radius - 2, row, column)
        picture[mask] = rng.uniform(0.5, 1.0, 3)
    return pictures, labels


@pytest.fixture(scope="module")
def run_seed(request):
    """The run's seed (KATA_SEED): `make soak` trains the base and draws task B anew on each one."""
    return int(request.config.getoption("kata_seed", default=1234))


@pytest.fixture(scope="module")
def pretrained_base(run_seed):
    """The base trained on task A (four filled shapes, 1000 pictures, 3 epochs; a few seconds on
    a CPU), as VGG16 was on ImageNet. A rare bad start is retrained."""
    for attempt in range(3):
        seed = 32 + run_seed + 1000 * attempt
        base = make_base(seed)
        rng = np.random.default_rng(seed)
        classifier = keras.Sequential([base, layers.GlobalAveragePooling2D(), layers.Dense(len(SHAPES_A))])
        classifier.compile(keras.optimizers.Adam(3e-3), keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                           metrics=["accuracy"])
        classifier.fit(*shapes(SHAPES_A, 1000, rng), epochs=3, batch_size=32, verbose=0)
        if classifier.evaluate(*shapes(SHAPES_A, 200, rng), verbose=0)[1] >= 0.8:
            return base
    pytest.fail("the base did not learn task A (a test set-up problem, not your code)")


@pytest.fixture(scope="module")
def task_b(run_seed):
    """Task B: 120 training and 200 test pictures of hollow triangles, squares and circles."""
    rng = np.random.default_rng(320 + run_seed)
    return shapes(SHAPES_B, 120, rng, hollow=True), shapes(SHAPES_B, 200, rng, hollow=True)


def copy_of(base):
    """A fresh model with the same architecture and weights: fine-tuning it leaves the fixture alone."""
    twin = keras.models.clone_model(base)
    twin.set_weights(base.get_weights())
    return twin


def accuracy(logits, labels):
    return float(np.mean(np.argmax(keras.ops.convert_to_numpy(logits), axis=-1) == labels))


@pytest.fixture(scope="module")
def trained_head(pretrained_base, task_b):
    """A head trained by the tests on the pretrained base's features of task B."""
    (train_images, train_labels), _ = task_b
    features = pretrained_base.predict(train_images, verbose=0)
    keras.utils.set_random_seed(35)
    inputs = keras.Input(FEATURES)
    head = keras.Model(inputs, layers.Dense(3)(layers.GlobalAveragePooling2D()(inputs)))
    head.compile(keras.optimizers.Adam(3e-2), keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    head.fit(features, train_labels, epochs=8, batch_size=32, verbose=0)
    return head


def copy_of_head(head):
    twin = keras.models.clone_model(head)
    twin.set_weights(head.get_weights())
    return twin


# ----------------------------------------------------------------------------- fine-tuning and stacking


def test_fine_tune_moves_only_the_top_block_and_the_head(kata, pretrained_base, trained_head, task_b):
    (train_images, train_labels), (test_images, test_labels) = task_b
    base, head = copy_of(pretrained_base), copy_of_head(trained_head)
    base.trainable = False
    inputs = keras.Input((HEIGHT, WIDTH, 3))
    model = keras.Model(inputs, head(base(inputs, training=False)))   # What stack_on_base builds.
    before = {weight.path: weight.numpy() for weight in model.weights}
    returned = kata.fine_tune(model, base, "block3_", train_images[:64], train_labels[:64], epochs=3,
                              learning_rate=3e-4)
    what = "fine_tune(model, base, 'block3_', 64 task B pictures, epochs=3, learning_rate=3e-4)"
    assert returned is model, f"{what} returned {type(returned).__name__}, expected the model it was given"
    after = {weight.path: weight.numpy() for weight in model.weights}
    moved = sorted(path for path, value in before.items() if not np.array_equal(value, after[path]))
    lower = [path for path in moved if path.split("/")[0] in ("block1_conv", "block1_bn", "block2_conv", "block2_bn")]
    assert not lower, f"{what} changed {lower}: only the top block (block3_) may move"
    statistics = [path for path in moved if "_bn/" in path]
    assert not statistics, (f"{what} changed {statistics}: BatchNormalization must stay frozen (inference mode), "
                            "its gamma, beta and moving statistics untouched")
    missing = sorted({"block3_conv/kernel", "block3_conv/bias"} - set(moved))
    assert not missing, f"{what} did not change {missing}: the top block's convolution should be trained"
    head_paths = {weight.path for weight in head.weights}
    assert head_paths & set(moved), f"{what} did not change the head's weights: the head trains along with the top block"
    check_compiled(model, what, 3e-4, test_labels[:40], model(test_images[:40]))
    steps = int(model.optimizer.iterations.numpy())
    assert steps == 3 * 2, f"{what} took {steps} training steps, expected 6 (3 epochs of 2 batches of 32)"
    score = accuracy(model(test_images), test_labels)
    assert score >= 0.85, f"after {what} the model scores {score:.0%} on 200 new pictures, expected at least 85%"


# ----------------------------------------------------------------------------- VGG16, no download

VGG_INPUT = (96, 128, 3)


@pytest.fixture(scope="module")
def vgg(kata):
    return kata.vgg16_base(VGG_INPUT)


def vgg16_parameters():
    """(in * 3 * 3 + 1) * out for the 13 convolutions: the notes' parameter formula."""
    blocks = [(3, 64), (64, 64), (64, 128), (128, 128), (128, 256), (256, 256), (256, 256),
              (256, 512), (512, 512), (512, 512), (512, 512), (512, 512), (512, 512)]
    return sum((channels_in * 9 + 1) * channels_out for channels_in, channels_out in blocks)


def test_vgg16_base_has_the_convolution_parameters_only(vgg):
    assert vgg16_parameters() == 14_714_688   # The figure keras.applications documents for include_top=False.
    count = vgg.count_params()
    assert count == 14_714_688, (f"vgg16_base{VGG_INPUT} has {count:,} parameters, expected 14,714,688: VGG16's "
                                 "13 convolutions and no classifier on top (include_top=False)")


def test_vgg16_base_maps_images_to_512_channel_features_a_32nd_of_the_size(vgg):
    shape = tuple(vgg.outputs[0].shape)
    assert shape == (None, 3, 4, 512), (f"vgg16_base{VGG_INPUT} outputs features {shape}, expected (None, 3, 4, 512): "
                                        "five 2x2 poolings, no classifier on top and no global pooling")


def test_vgg16_base_names_its_layers_by_block(vgg):
    names = [layer.name for layer in vgg.layers]
    for name in ("block1_conv1", "block4_conv3", "block5_conv1", "block5_conv3", "block5_pool"):
        assert name in names, f"vgg16_base has no layer {name!r}; its layers are {names}"
    assert names[-1] == "block5_pool", f"vgg16_base's last layer is {names[-1]!r}, expected 'block5_pool' (no top)"


def test_unfreeze_block_of_vgg16_opens_the_three_block5_convolutions(kata, vgg):
    vgg.trainable = False   # As after feature extraction: the whole base frozen.
    opened = kata.unfreeze_block(vgg, "block5_")
    assert opened == ["block5_conv1", "block5_conv2", "block5_conv3"], (
        f"unfreeze_block(vgg16, 'block5_') returned {opened}, expected the names of the layers that now have "
        "trainable weights: ['block5_conv1', 'block5_conv2', 'block5_conv3'] (a pooling layer has none)")
    trainable = int(sum(np.prod(weight.shape) for weight in vgg.trainable_weights))
    assert trainable == 3 * (512 * 9 + 1) * 512 == 7_079_424, (
        f"after unfreeze_block(vgg16, 'block5_') the base has {trainable:,} trainable parameters, expected 7,079,424 "
        "(block5's three convolutions only; did you set base.trainable = True first?)")
    still_frozen = [layer.name for layer in vgg.layers if layer.name.startswith("block4") and layer.trainable]
    assert not still_frozen, f"unfreeze_block(vgg16, 'block5_') left block 4 layers trainable: {still_frozen}"


def test_stack_on_base_is_the_head_on_the_frozen_base_in_inference_mode(kata, pretrained_base, trained_head, task_b):
    base, head = copy_of(pretrained_base), copy_of_head(trained_head)
    _, (test_images, test_labels) = task_b
    model = kata.stack_on_base(base, head)
    what = "stack_on_base(pretrained base, trained head)"
    assert isinstance(model, keras.Model), f"{what} returned {type(model).__name__}, expected a keras.Model"
    expected = head(base(test_images[:20], training=False))
    assert_close(model(test_images[:20]), expected, f"{what} on 20 pictures (head(base(images)), moving statistics)",
                 rtol=1e-4, atol=1e-4)
    assert_close(model(test_images[:20], training=True), expected,
                 f"{what} called with training=True (the frozen base stays in inference mode)", rtol=1e-4, atol=1e-4)
    trainable = int(sum(np.prod(weight.shape) for weight in model.trainable_weights))
    assert trainable == 32 * 3 + 3, f"{what} has {trainable} trainable parameters, expected 99 (the head's: freeze the base)"
    assert accuracy(model(test_images), test_labels) >= 0.85, f"{what} should classify task B as well as its head does"


# ----------------------------------------------------------------------------- feature extraction


def set_batch_statistics(base, seed):
    """Give every BatchNormalization layer moving statistics far from 0 and 1, so inference mode
    (moving statistics) and training mode (the batch's) give clearly different features."""
    rng = np.random.default_rng(seed)
    for layer in base.layers:
        if isinstance(layer, layers.BatchNormalization):
            channels = layer.gamma.shape[0]
            layer.set_weights([rng.uniform(0.5, 2, channels), rng.uniform(-1, 1, channels),
                               rng.uniform(-0.5, 0.5, channels), rng.uniform(0.2, 3, channels)])
    return base


def bn_inference(values, layer):
    gamma, beta, mean, variance = (weight.numpy() for weight in layer.weights)
    return gamma * (values - mean) / np.sqrt(variance + layer.epsilon) + beta


def test_extract_features_is_the_base_in_inference_mode_as_float32_numpy(kata):
    base = set_batch_statistics(make_base(3), 3)
    images = np.random.default_rng(4).uniform(0, 1, (50, HEIGHT, WIDTH, 3)).astype(np.float32)
    features = kata.extract_features(base, images, batch_size=16)
    what = "extract_features(base, 50 images, batch_size=16)"
    assert isinstance(features, np.ndarray), f"{what} returned {type(features).__name__}, expected a numpy array"
    assert_shape(features, (50,) + FEATURES, what)
    assert_dtype(features, np.float32, what)
    # The oracle: the layers one by one, BatchNormalization by its formula with the moving statistics.
    values = images
    for layer in base.layers[1:]:
        values = bn_inference(values, layer) if isinstance(layer, layers.BatchNormalization) else layer(values).numpy()
    assert_close(features, values, what + " (BatchNormalization with its moving mean and variance)",
                 rtol=1e-4, atol=1e-4)


class BatchCentring(layers.Layer):
    """Subtracts the mean over the batch: its output shows how the images were batched."""

    def call(self, images):
        return images - keras.ops.mean(images, axis=0, keepdims=True)


def test_extract_features_runs_the_base_in_batches_of_the_given_size(kata):
    inputs = keras.Input((3, 5, 2))
    base = keras.Model(inputs, BatchCentring()(inputs))
    images = np.random.default_rng(5).normal(size=(23, 3, 5, 2)).astype(np.float32)
    expected = np.concatenate([chunk - chunk.mean(axis=0) for chunk in np.split(images, [10, 20])])
    assert_close(kata.extract_features(base, images, batch_size=10), expected,
                 "extract_features(a base that centres each batch, 23 images, batch_size=10) (batches 10, 10, 3)",
                 rtol=1e-5, atol=1e-5)


# ----------------------------------------------------------------------------- why a pretrained base


def test_a_pretrained_base_beats_the_same_base_with_random_weights_on_task_b(kata, pretrained_base, task_b, run_seed):
    (train_images, train_labels), (test_images, test_labels) = task_b
    results = {}
    for name, base in (("pretrained", pretrained_base), ("random", make_base(33 + run_seed))):
        keras.utils.set_random_seed(34 + run_seed)   # Both heads start alike and see the same batches.
        head = kata.train_head(kata.extract_features(base, train_images, batch_size=16), train_labels, 3,
                               epochs=8, learning_rate=3e-2)
        results[name] = accuracy(head(kata.extract_features(base, test_images, batch_size=64)), test_labels)
    pretrained, random = results["pretrained"], results["random"]
    assert pretrained >= 0.85, (f"a head trained on the pretrained base's features of 120 task B pictures scores "
                                f"{pretrained:.0%} on 200 new ones, expected at least 85%")
    assert pretrained >= random + 0.25, (f"the pretrained base's features give {pretrained:.0%} and random weights "
                                         f"{random:.0%}: the trained base should win by 25 points or more")
