"""Kata 22 — Residual blocks and batch normalisation.

A ResNet stacks "basic blocks": two 3x3 convolutions, each followed by batch normalisation,
whose result is *added* to the block's input before the last ReLU. When the block changes the
image size (stride 2) or the number of channels, the input no longer fits, so a 1x1
convolution (plus batch norm) projects it to the new shape first.

Batch normalisation behaves differently in training and at inference. While training it
normalises each channel with the batch's own mean and variance and nudges its moving
averages towards them; at inference it uses the moving averages. You write both halves
by hand (checked against `keras.layers.BatchNormalization`), then the block as a Keras
layer and a small ResNet with the functional API.

Images are `[batch, height, width, channels]`; statistics are per channel (the last axis).

Run `make kata N=22` to test your answers, `make hint N=22` when stuck.
"""

import keras
import tensorflow as tf
from keras import layers


def batch_norm_train(x, gamma, beta, moving_mean, moving_variance, momentum=0.99, epsilon=1e-3):
    """Batch normalisation in training mode; returns the normalised `x` (same shape).

    Per channel (all axes but the last): mean and variance of this batch (the plain average of
    squared deviations, dividing by N, not N - 1), then
        output = gamma * (x - mean) / sqrt(variance + epsilon) + beta
    and update the moving statistics (`tf.Variable`s of shape `[channels]`) in place:
        moving_mean <- moving_mean * momentum + mean * (1 - momentum)   (the same for variance)
    Example: x [[1.], [3.]] (2 samples, 1 channel), gamma [1], beta [0], moving_mean [0],
    moving_variance [1], momentum 0.9, epsilon 0 -> output [[-1.], [1.]],
    moving_mean [0.2], moving_variance [1.0] (0.9 * 1 + 0.1 * 1).
    """
    ### BEGIN SOLUTION: tf.nn.moments over every axis but the last; then assign the moving averages.
    axes = list(range(len(x.shape) - 1))
    mean, variance = tf.nn.moments(x, axes=axes)  # Divides by N, like Keras.
    moving_mean.assign(moving_mean * momentum + mean * (1.0 - momentum))
    moving_variance.assign(moving_variance * momentum + variance * (1.0 - momentum))
    return gamma * (x - mean) / tf.sqrt(variance + epsilon) + beta
    ### END SOLUTION


def batch_norm_inference(x, gamma, beta, moving_mean, moving_variance, epsilon=1e-3):
    """Batch normalisation at inference: the same formula with the moving statistics.

        output = gamma * (x - moving_mean) / sqrt(moving_variance + epsilon) + beta
    Nothing is updated. Example: x [[1.], [3.]], gamma [3], beta [1], moving_mean [1],
    moving_variance [4], epsilon 0 -> [[1.], [4.]] (3 * (3 - 1) / 2 + 1 = 4).
    """
    ### BEGIN SOLUTION: the training formula with moving_mean and moving_variance in place of the batch's.
    return gamma * (x - moving_mean) / tf.sqrt(moving_variance + epsilon) + beta
    ### END SOLUTION


class BasicBlock(layers.Layer):
    """A ResNet basic block: `[batch, h, w, c] -> [batch, ceil(h / stride), ceil(w / stride), filters]`.

        main     = BN(conv3x3(stride)) -> ReLU -> BN(conv3x3(stride 1))
        shortcut = the input itself, or BN(conv1x1(stride)) when stride != 1 or c != filters
        output   = ReLU(main + shortcut)

    In `build`, create these attributes (the tests read their weights):
      `self.conv1`, `self.conv2`: `layers.Conv2D(filters, 3, padding="same", use_bias=False)`,
          conv1 with `strides=stride`;
      `self.bn1`, `self.bn2`: `layers.BatchNormalization()`;
      `self.shortcut_conv`: `layers.Conv2D(filters, 1, strides=stride, use_bias=False)` and
      `self.shortcut_bn`: `layers.BatchNormalization()` when a projection is needed, else both None.
    Example: BasicBlock(32, stride=2) on [8, 16, 12, 16] -> [8, 8, 6, 32] with a projection;
    BasicBlock(16) on the same input -> [8, 16, 12, 16] without one.
    """

    def __init__(self, filters, stride=1, **kwargs):
        super().__init__(**kwargs)
        self.filters = filters
        self.stride = stride

    def build(self, input_shape):
        ### BEGIN SOLUTION: two 3x3 convs (only the first strided), a BN after each; project only if shapes change.
        self.conv1 = layers.Conv2D(self.filters, 3, strides=self.stride, padding="same", use_bias=False)
        self.bn1 = layers.BatchNormalization()
        self.conv2 = layers.Conv2D(self.filters, 3, padding="same", use_bias=False)
        self.bn2 = layers.BatchNormalization()
        if self.stride != 1 or input_shape[-1] != self.filters:
            # The input must match the main path's shape before the addition.
            self.shortcut_conv = layers.Conv2D(self.filters, 1, strides=self.stride, use_bias=False)
            self.shortcut_bn = layers.BatchNormalization()
        else:
            self.shortcut_conv = None
            self.shortcut_bn = None
        ### END SOLUTION

    def call(self, inputs, training=None):
        ### BEGIN SOLUTION: conv-BN-ReLU-conv-BN, add the (projected) input, and only then the last ReLU.
        main = tf.nn.relu(self.bn1(self.conv1(inputs), training=training))
        main = self.bn2(self.conv2(main), training=training)
        shortcut = inputs
        if self.shortcut_conv is not None:
            shortcut = self.shortcut_bn(self.shortcut_conv(inputs), training=training)
        return tf.nn.relu(main + shortcut)
        ### END SOLUTION


def small_resnet(input_shape, num_classes):
    """A tiny ResNet as a functional `keras.Model` mapping images to class probabilities.

    Input(input_shape) -> Conv2D(16, 3, padding="same", use_bias=False) -> BatchNormalization
    -> ReLU -> BasicBlock(16) -> BasicBlock(32, stride=2) -> GlobalAveragePooling2D
    -> Dense(num_classes, activation="softmax").
    Example: small_resnet((16, 12, 3), 5) maps [batch, 16, 12, 3] images to [batch, 5]
    probabilities; it has 3 * 3 * 3 * 16 + 4 * 16 weights before the first block.
    """
    ### BEGIN SOLUTION: the Keras functional API: call each layer on the previous tensor, then wrap inputs and outputs in keras.Model.
    inputs = keras.Input(shape=input_shape)
    x = layers.Conv2D(16, 3, padding="same", use_bias=False)(inputs)
    x = layers.BatchNormalization()(x)
    x = layers.ReLU()(x)
    x = BasicBlock(16)(x)
    x = BasicBlock(32, stride=2)(x)
    x = layers.GlobalAveragePooling2D()(x)
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    return keras.Model(inputs, outputs)
    ### END SOLUTION
