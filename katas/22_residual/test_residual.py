"""Tests for kata 22. Oracles: keras.layers.BatchNormalization, tf.nn.conv2d with numpy batch norm,
parameter counts worked out by hand."""

import keras
import numpy as np
import pytest
import tensorflow as tf
from keras import layers

from tfkatas.testing import assert_close, assert_shape

CHANNELS = 5


def random(seed, shape, low=None, high=None):
    rng = np.random.default_rng(seed)
    if low is not None:
        return rng.uniform(low, high, size=shape).astype(np.float32)
    return rng.normal(size=shape).astype(np.float32)


def statistics(seed, channels=CHANNELS):
    """gamma, beta, moving_mean, moving_variance: random, variances positive."""
    return (random(seed, channels, 0.5, 2.0), random(seed + 1, channels), random(seed + 2, channels),
            random(seed + 3, channels, 0.5, 3.0))


def keras_batch_norm(shape, gamma, beta, moving_mean, moving_variance, momentum, epsilon):
    layer = layers.BatchNormalization(momentum=momentum, epsilon=epsilon)
    layer.build((None,) + tuple(shape[1:]))
    layer.set_weights([gamma, beta, moving_mean, moving_variance])
    return layer


def test_batch_norm_train_works_the_docstring_example(kata):
    moving_mean, moving_variance = tf.Variable([0.0]), tf.Variable([1.0])
    result = kata.batch_norm_train(tf.constant([[1.0], [3.0]]), tf.constant([1.0]), tf.constant([0.0]),
                                   moving_mean, moving_variance, momentum=0.9, epsilon=0.0)
    assert_close(result, [[-1.0], [1.0]], "batch_norm_train([[1], [3]], ..., epsilon=0)")
    assert_close(moving_mean, [0.2], "moving_mean after batch_norm_train([[1], [3]], momentum=0.9)")
    assert_close(moving_variance, [1.0], "moving_variance after batch_norm_train([[1], [3]], momentum=0.9)")


@pytest.mark.parametrize("shape, momentum, epsilon", [
    ((6, 4, 3, CHANNELS), 0.99, 1e-3),   # Images: statistics over batch, height and width.
    ((9, CHANNELS), 0.8, 0.5),           # Plain features, a large epsilon and a fast momentum.
])
def test_batch_norm_train_matches_keras_in_training_mode(kata, shape, momentum, epsilon):
    x = random(10, shape) * 3.0 + 1.0
    gamma, beta, mean, variance = statistics(20)
    layer = keras_batch_norm(shape, gamma, beta, mean, variance, momentum, epsilon)
    expected = layer(x, training=True)
    moving_mean, moving_variance = tf.Variable(mean), tf.Variable(variance)
    result = kata.batch_norm_train(tf.constant(x), tf.constant(gamma), tf.constant(beta), moving_mean,
                                   moving_variance, momentum=momentum, epsilon=epsilon)
    what = f"batch_norm_train(x {list(shape)}, momentum={momentum}, epsilon={epsilon})"
    assert_close(result, expected, what, rtol=1e-5, atol=1e-5)
    assert_close(moving_mean, layer.moving_mean, f"moving_mean after {what}", rtol=1e-5, atol=1e-6)
    assert_close(moving_variance, layer.moving_variance, f"moving_variance after {what}", rtol=1e-5, atol=1e-6)


def test_batch_norm_train_defaults_are_keras_defaults(kata):
    # A batch with a variance near 1e-3, so epsilon's default (Keras' 1e-3, not PyTorch's 1e-5) shows;
    # the moving statistics show the default momentum (0.99: Keras keeps 99% of the old value).
    shape = (6, 4, 3, CHANNELS)
    x = random(12, shape) * 0.03 + 0.5
    gamma, beta, mean, variance = statistics(25)
    layer = keras_batch_norm(shape, gamma, beta, mean, variance, 0.99, 1e-3)
    expected = layer(x, training=True)
    moving_mean, moving_variance = tf.Variable(mean), tf.Variable(variance)
    result = kata.batch_norm_train(tf.constant(x), tf.constant(gamma), tf.constant(beta), moving_mean, moving_variance)
    what = "batch_norm_train(x [6, 4, 3, 5], default momentum and epsilon)"
    assert_close(result, expected, f"{what} (Keras' epsilon 1e-3)", rtol=1e-4, atol=1e-4)
    assert_close(moving_mean, layer.moving_mean, f"moving_mean after {what} (Keras' momentum 0.99)", rtol=1e-5, atol=1e-6)
    assert_close(moving_variance, layer.moving_variance, f"moving_variance after {what}", rtol=1e-5, atol=1e-6)


def test_batch_norm_inference_works_the_docstring_example(kata):
    result = kata.batch_norm_inference(tf.constant([[1.0], [3.0]]), tf.constant([3.0]), tf.constant([1.0]),
                                       tf.constant([1.0]), tf.constant([4.0]), epsilon=0.0)
    assert_close(result, [[1.0], [4.0]], "batch_norm_inference([[1], [3]], gamma 3, beta 1, mean 1, var 4)")


@pytest.mark.parametrize("shape, epsilon", [((6, 4, 3, CHANNELS), 1e-3), ((7, CHANNELS), 0.5)])
def test_batch_norm_inference_matches_keras_in_inference_mode(kata, shape, epsilon):
    x = random(11, shape) * 2.0 - 1.0
    gamma, beta, mean, variance = statistics(30)
    expected = keras_batch_norm(shape, gamma, beta, mean, variance, 0.99, epsilon)(x, training=False)
    result = kata.batch_norm_inference(tf.constant(x), tf.constant(gamma), tf.constant(beta), tf.constant(mean),
                                       tf.constant(variance), epsilon=epsilon)
    assert_close(result, expected, f"batch_norm_inference(x {list(shape)}, epsilon={epsilon})", rtol=1e-5,
                 atol=1e-5)


def test_batch_norm_inference_default_epsilon_is_keras(kata):
    shape = (7, CHANNELS)
    x = random(13, shape) * 0.05
    gamma, beta, mean, _ = statistics(35)
    variance = np.full(CHANNELS, 2e-3, np.float32)  # Close to epsilon, so its default shows.
    expected = keras_batch_norm(shape, gamma, beta, mean, variance, 0.99, 1e-3)(x, training=False)
    result = kata.batch_norm_inference(tf.constant(x), tf.constant(gamma), tf.constant(beta), tf.constant(mean),
                                       tf.constant(variance))
    assert_close(result, expected, "batch_norm_inference(x [7, 5], moving variance 0.002, default epsilon 1e-3)",
                 rtol=1e-4, atol=1e-4)


# ---- The basic block, checked against tf.nn.conv2d and numpy batch norm on its own weights. ----

def randomise_block(block, seed):
    """Random kernels and batch-norm statistics, so every layer's place in the block matters."""
    rng = np.random.default_rng(seed)
    for conv in (block.conv1, block.conv2, block.shortcut_conv):
        if conv is not None:
            conv.kernel.assign(rng.normal(scale=0.3, size=conv.kernel.shape).astype(np.float32))
    for bn in (block.bn1, block.bn2, block.shortcut_bn):
        if bn is not None:
            channels = bn.gamma.shape[0]
            bn.set_weights([rng.uniform(0.5, 1.5, channels), rng.normal(scale=0.5, size=channels),
                            rng.normal(scale=0.5, size=channels), rng.uniform(0.5, 2.0, channels)])


def reference_block(block, x, training, stride, project):
    def conv(layer, inputs, strides):
        return tf.nn.conv2d(inputs, layer.kernel, strides, "SAME").numpy()

    def norm(bn, inputs):
        if training:
            mean, variance = inputs.mean(axis=(0, 1, 2)), inputs.var(axis=(0, 1, 2))
        else:
            mean, variance = bn.moving_mean.numpy(), bn.moving_variance.numpy()
        return bn.gamma.numpy() * (inputs - mean) / np.sqrt(variance + bn.epsilon) + bn.beta.numpy()

    main = np.maximum(norm(block.bn1, conv(block.conv1, x, stride)), 0.0)
    main = norm(block.bn2, conv(block.conv2, main, 1))
    shortcut = norm(block.shortcut_bn, conv(block.shortcut_conv, x, stride)) if project else x
    return np.maximum(main + shortcut, 0.0)


@pytest.mark.parametrize("in_channels, filters, stride, project", [
    (6, 6, 1, False),   # Same shape: the identity shortcut.
    (6, 6, 2, True),    # Same channels but stride 2: the image shrinks, so project.
    (4, 7, 1, True),    # More channels: project.
    (4, 7, 2, True),
])
def test_basic_block_shapes_and_shortcut(kata, in_channels, filters, stride, project):
    x = random(40, (3, 10, 7, in_channels))
    block = kata.BasicBlock(filters, stride=stride)
    output = block(x, training=False)
    what = f"BasicBlock({filters}, stride={stride}) on [3, 10, 7, {in_channels}]"
    assert_shape(output, (3, -(-10 // stride), -(-7 // stride), filters), what)
    has_projection = block.shortcut_conv is not None and block.shortcut_bn is not None
    assert has_projection == project, (f"{what}: expected {'a' if project else 'no'} projection shortcut "
                                       f"(shortcut_conv and shortcut_bn), got shortcut_conv={block.shortcut_conv!r},"
                                       f" shortcut_bn={block.shortcut_bn!r}")
    weights = 9 * in_channels * filters + 9 * filters * filters + 2 * 4 * filters
    weights += (in_channels * filters + 4 * filters) if project else 0
    assert block.count_params() == weights, (f"{what} has {block.count_params()} weights, expected {weights} "
                                             "(3x3 convs without bias, 4 numbers per batch-norm channel)")
    for name in ("bn1", "bn2", "shortcut_bn"):
        bn = getattr(block, name)
        if bn is not None:
            settings = (float(bn.momentum), float(bn.epsilon))
            assert np.allclose(settings, (0.99, 1e-3)), (
                f"{what}: {name} has momentum {settings[0]} and epsilon {settings[1]}, expected the "
                "layers.BatchNormalization() defaults 0.99 and 0.001")


@pytest.mark.parametrize("training", [False, True])
@pytest.mark.parametrize("in_channels, filters, stride", [(6, 6, 1), (6, 6, 2), (4, 7, 2)])
def test_basic_block_matches_a_reference_computation(kata, in_channels, filters, stride, training):
    x = random(41, (4, 9, 8, in_channels))
    block = kata.BasicBlock(filters, stride=stride)
    block(x, training=False)  # Build the sub-layers.
    randomise_block(block, seed=42)
    expected = reference_block(block, x, training, stride, project=(stride != 1 or in_channels != filters))
    # Training nudges bn1's moving mean 1% towards the batch mean of conv1's output; inference leaves it.
    old_mean = block.bn1.moving_mean.numpy()
    batch_mean = tf.nn.conv2d(x, block.conv1.kernel, stride, "SAME").numpy().mean(axis=(0, 1, 2))
    expected_mean = 0.99 * old_mean + 0.01 * batch_mean if training else old_mean
    what = f"BasicBlock({filters}, stride={stride})(x [4, 9, 8, {in_channels}], training={training})"
    result = block(x, training=training)
    assert_close(result, expected, what, rtol=1e-4, atol=1e-4)
    assert_close(block.bn1.moving_mean, expected_mean, f"bn1's moving mean after {what}", rtol=1e-4, atol=1e-5)


def test_small_resnet_has_the_described_layers(kata):
    model = kata.small_resnet((16, 12, 3), 5)
    assert isinstance(model, keras.Model), f"small_resnet returned {type(model).__name__}, expected a keras.Model"
    probabilities = model(random(50, (6, 16, 12, 3)), training=False)
    assert_shape(probabilities, (6, 5), "small_resnet((16, 12, 3), 5) on 6 images")
    assert_close(tf.reduce_sum(probabilities, axis=1), np.ones(6), "the sum of each image's probabilities")
    stem = 9 * 3 * 16 + 4 * 16
    first = 2 * 9 * 16 * 16 + 2 * 4 * 16
    second = 9 * 16 * 32 + 9 * 32 * 32 + 2 * 4 * 32 + 16 * 32 + 4 * 32
    head = 32 * 5 + 5
    expected = stem + first + second + head
    assert model.count_params() == expected, (f"small_resnet((16, 12, 3), 5) has {model.count_params()} weights, "
                                              f"expected {expected}")
    blocks = [layer for layer in model.layers if isinstance(layer, kata.BasicBlock)]
    assert len(blocks) == 2, f"small_resnet should contain 2 BasicBlock layers, found {len(blocks)}"
    shapes = [tuple(block.output.shape) for block in blocks]
    assert shapes == [(None, 16, 12, 16), (None, 8, 6, 32)], (
        f"small_resnet's blocks output shapes {shapes}, expected [(None, 16, 12, 16), (None, 8, 6, 32)] "
        "(the second block halves height and width with stride 2)")


def test_small_resnet_computes_stem_blocks_and_average_pooling_in_order(kata):
    model = kata.small_resnet((10, 8, 3), 4)
    # The reference: the described layers, with the learner's BasicBlock (tested above) and the same weights.
    inputs = keras.Input(shape=(10, 8, 3))
    x = layers.Conv2D(16, 3, padding="same", use_bias=False)(inputs)
    x = layers.ReLU()(layers.BatchNormalization()(x))
    x = kata.BasicBlock(32, stride=2)(kata.BasicBlock(16)(x))
    x = layers.GlobalAveragePooling2D()(x)
    reference = keras.Model(inputs, layers.Dense(4, activation="softmax")(x))
    reference.set_weights(model.get_weights())
    images = random(51, (5, 10, 8, 3))
    # Training mode: batch norm then uses the batch's statistics, so the order of the stem's layers shows.
    assert_close(model(images, training=True), reference(images, training=True),
                 "small_resnet((10, 8, 3), 4) on 5 images, training=True, vs Conv -> BN -> ReLU -> blocks -> "
                 "GlobalAveragePooling2D -> Dense(softmax) with the same weights", rtol=1e-4, atol=1e-5)
