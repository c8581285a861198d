"""Plausible wrong answers to kata 22; `make check` proves the tests catch every one."""

import keras
import tensorflow as tf
from keras import layers

from tfkatas.wrong import wrong_answer


@wrong_answer("batch_norm_train", "unbiased batch variance (divides by N - 1), unlike Keras")
def unbiased_batch_variance_divides_n(x, gamma, beta, moving_mean, moving_variance, momentum=0.99, epsilon=1e-3):
    axes = list(range(len(x.shape) - 1))
    mean = tf.reduce_mean(x, axis=axes)
    count = tf.cast(tf.size(x) // tf.shape(x)[-1], x.dtype)
    variance = tf.reduce_sum(tf.square(x - mean), axis=axes) / (count - 1.0)
    moving_mean.assign(moving_mean * momentum + mean * (1.0 - momentum))
    moving_variance.assign(moving_variance * momentum + variance * (1.0 - momentum))
    return gamma * (x - mean) / tf.sqrt(variance + epsilon) + beta


@wrong_answer("batch_norm_train", "momentum weights the new batch: moving * (1 - momentum) + batch * momentum")
def momentum_weights_new_batch_moving(x, gamma, beta, moving_mean, moving_variance, momentum=0.99, epsilon=1e-3):
    mean, variance = tf.nn.moments(x, axes=list(range(len(x.shape) - 1)))
    moving_mean.assign(moving_mean * (1.0 - momentum) + mean * momentum)
    moving_variance.assign(moving_variance * (1.0 - momentum) + variance * momentum)
    return gamma * (x - mean) / tf.sqrt(variance + epsilon) + beta


@wrong_answer("batch_norm_train", "never updates the moving statistics")
def never_updates_moving_statistics(x, gamma, beta, moving_mean, moving_variance, momentum=0.99, epsilon=1e-3):
    mean, variance = tf.nn.moments(x, axes=list(range(len(x.shape) - 1)))
    return gamma * (x - mean) / tf.sqrt(variance + epsilon) + beta


@wrong_answer("batch_norm_train", "statistics over the batch axis only, not over height and width too")
def statistics_over_batch_axis_only(x, gamma, beta, moving_mean, moving_variance, momentum=0.99, epsilon=1e-3):
    mean, variance = tf.nn.moments(x, axes=[0])
    spatial = list(range(len(x.shape) - 2))  # Average the per-pixel statistics for the moving ones.
    moving_mean.assign(moving_mean * momentum + tf.reduce_mean(mean, axis=spatial) * (1.0 - momentum))
    moving_variance.assign(moving_variance * momentum + tf.reduce_mean(variance, axis=spatial) * (1.0 - momentum))
    return gamma * (x - mean) / tf.sqrt(variance + epsilon) + beta


@wrong_answer("batch_norm_inference", "epsilon added outside the square root")
def epsilon_added_outside_square_root(x, gamma, beta, moving_mean, moving_variance, epsilon=1e-3):
    return gamma * (x - moving_mean) / (tf.sqrt(moving_variance) + epsilon) + beta


@wrong_answer("batch_norm_inference", "uses the batch's own statistics at inference")
def uses_batch_own_statistics_inference(x, gamma, beta, moving_mean, moving_variance, epsilon=1e-3):
    mean, variance = tf.nn.moments(x, axes=list(range(len(x.shape) - 1)))
    return gamma * (x - mean) / tf.sqrt(variance + epsilon) + beta


class _SolutionBlock(layers.Layer):
    """The correct block's build, shared by the wrong blocks below (they differ in one place)."""

    def __init__(self, filters, stride=1, **kwargs):
        super().__init__(**kwargs)
        self.filters = filters
        self.stride = stride

    def needs_projection(self, input_shape):
        return self.stride != 1 or input_shape[-1] != self.filters

    def build(self, input_shape):
        self.conv1 = layers.Conv2D(self.filters, 3, strides=self.stride, padding="same", use_bias=False)
        self.bn1 = layers.BatchNormalization()
        self.conv2 = layers.Conv2D(self.filters, 3, padding="same", use_bias=False)
        self.bn2 = layers.BatchNormalization()
        self.shortcut_conv = self.shortcut_bn = None
        if self.needs_projection(input_shape):
            self.shortcut_conv = layers.Conv2D(self.filters, 1, strides=self.stride, use_bias=False)
            self.shortcut_bn = layers.BatchNormalization()

    def shortcut(self, inputs, training):
        if self.shortcut_conv is None:
            return inputs
        return self.shortcut_bn(self.shortcut_conv(inputs), training=training)

    def call(self, inputs, training=None):
        main = tf.nn.relu(self.bn1(self.conv1(inputs), training=training))
        main = self.bn2(self.conv2(main), training=training)
        return tf.nn.relu(main + self.shortcut(inputs, training))


@wrong_answer("BasicBlock", "ReLU on the main path before the addition, and no ReLU after it")
class relu_main_path_before_addition(_SolutionBlock):
    def call(self, inputs, training=None):
        main = tf.nn.relu(self.bn1(self.conv1(inputs), training=training))
        main = tf.nn.relu(self.bn2(self.conv2(main), training=training))
        return main + self.shortcut(inputs, training)


@wrong_answer("BasicBlock", "forgets the final ReLU after the addition")
class forgets_final_relu_after_addition(_SolutionBlock):
    def call(self, inputs, training=None):
        main = tf.nn.relu(self.bn1(self.conv1(inputs), training=training))
        main = self.bn2(self.conv2(main), training=training)
        return main + self.shortcut(inputs, training)


@wrong_answer("BasicBlock", "projects only when the channels change, ignoring the stride")
class projects_only_when_channels_change(_SolutionBlock):
    def needs_projection(self, input_shape):
        return input_shape[-1] != self.filters


@wrong_answer("BasicBlock", "always projects, even when the identity shortcut fits")
class always_projects_even_when_identity(_SolutionBlock):
    def needs_projection(self, input_shape):
        return True


@wrong_answer("BasicBlock", "strides the second convolution instead of the first")
class strides_second_convolution_instead_first(_SolutionBlock):
    def build(self, input_shape):
        super().build(input_shape)
        self.conv1 = layers.Conv2D(self.filters, 3, padding="same", use_bias=False)
        self.conv2 = layers.Conv2D(self.filters, 3, strides=self.stride, padding="same", use_bias=False)


@wrong_answer("BasicBlock", "calls the batch norms without passing training: always inference mode")
class calls_batch_norms_without_passing(_SolutionBlock):
    def call(self, inputs, training=None):
        main = tf.nn.relu(self.bn1(self.conv1(inputs)))
        main = self.bn2(self.conv2(main))
        return tf.nn.relu(main + self.shortcut(inputs, False))


@wrong_answer("small_resnet", "the second block keeps stride 1: no downsampling in small_resnet")
def second_block_keeps_stride_1(input_shape, num_classes):
    inputs = keras.Input(shape=input_shape)
    x = layers.Conv2D(16, 3, padding="same", use_bias=False)(inputs)
    x = layers.ReLU()(layers.BatchNormalization()(x))
    x = BasicBlock(32)(BasicBlock(16)(x))
    x = layers.GlobalAveragePooling2D()(x)
    return keras.Model(inputs, layers.Dense(num_classes, activation="softmax")(x))


@wrong_answer("small_resnet", "no batch norm after the stem convolution")
def no_batch_norm_after_stem(input_shape, num_classes):
    inputs = keras.Input(shape=input_shape)
    x = layers.ReLU()(layers.Conv2D(16, 3, padding="same", use_bias=False)(inputs))
    x = BasicBlock(32, stride=2)(BasicBlock(16)(x))
    x = layers.GlobalAveragePooling2D()(x)
    return keras.Model(inputs, layers.Dense(num_classes, activation="softmax")(x))


@wrong_answer("batch_norm_train", "normalises with the freshly updated moving statistics instead of the batch's own")
def normalises_freshly_updated_moving_statistics(x, gamma, beta, moving_mean, moving_variance, momentum=0.99, epsilon=1e-3):
    mean, variance = tf.nn.moments(x, axes=list(range(len(x.shape) - 1)))
    moving_mean.assign(moving_mean * momentum + mean * (1.0 - momentum))
    moving_variance.assign(moving_variance * momentum + variance * (1.0 - momentum))
    return gamma * (x - moving_mean) / tf.sqrt(moving_variance + epsilon) + beta


@wrong_answer("BasicBlock", "projection shortcut without its batch norm: conv1x1 only")
class projection_shortcut_without_batch_norm(_SolutionBlock):
    def shortcut(self, inputs, training):
        if self.shortcut_conv is None:
            return inputs
        return self.shortcut_conv(inputs)


@wrong_answer("small_resnet", "stem in the order Conv -> ReLU -> BatchNormalization")
def stem_order_conv_relu_batchnormalization(input_shape, num_classes):
    inputs = keras.Input(shape=input_shape)
    x = layers.ReLU()(layers.Conv2D(16, 3, padding="same", use_bias=False)(inputs))
    x = layers.BatchNormalization()(x)
    x = BasicBlock(32, stride=2)(BasicBlock(16)(x))
    x = layers.GlobalAveragePooling2D()(x)
    return keras.Model(inputs, layers.Dense(num_classes, activation="softmax")(x))


@wrong_answer("small_resnet", "GlobalMaxPooling2D instead of GlobalAveragePooling2D")
def globalmaxpooling2d_instead_globalaveragepooling2d(input_shape, num_classes):
    inputs = keras.Input(shape=input_shape)
    x = layers.Conv2D(16, 3, padding="same", use_bias=False)(inputs)
    x = layers.ReLU()(layers.BatchNormalization()(x))
    x = BasicBlock(32, stride=2)(BasicBlock(16)(x))
    x = layers.GlobalMaxPooling2D()(x)
    return keras.Model(inputs, layers.Dense(num_classes, activation="softmax")(x))


@wrong_answer("batch_norm_train", "PyTorch's default epsilon 1e-5 instead of Keras' 1e-3")
def pytorch_default_epsilon(x, gamma, beta, moving_mean, moving_variance, momentum=0.99, epsilon=1e-5):
    mean, variance = tf.nn.moments(x, axes=list(range(len(x.shape) - 1)))
    moving_mean.assign(moving_mean * momentum + mean * (1.0 - momentum))
    moving_variance.assign(moving_variance * momentum + variance * (1.0 - momentum))
    return gamma * (x - mean) / tf.sqrt(variance + epsilon) + beta


@wrong_answer("batch_norm_train", "a default momentum of 0.9 (PyTorch's 0.1 read the other way) instead of Keras' 0.99")
def default_momentum_0_9(x, gamma, beta, moving_mean, moving_variance, momentum=0.9, epsilon=1e-3):
    mean, variance = tf.nn.moments(x, axes=list(range(len(x.shape) - 1)))
    moving_mean.assign(moving_mean * momentum + mean * (1.0 - momentum))
    moving_variance.assign(moving_variance * momentum + variance * (1.0 - momentum))
    return gamma * (x - mean) / tf.sqrt(variance + epsilon) + beta


@wrong_answer("batch_norm_train", "PyTorch's running variance: the moving average takes the N - 1 variance")
def moving_variance_from_the_unbiased_variance(x, gamma, beta, moving_mean, moving_variance, momentum=0.99,
                                               epsilon=1e-3):
    mean, variance = tf.nn.moments(x, axes=list(range(len(x.shape) - 1)))
    count = tf.cast(tf.size(x) // tf.shape(x)[-1], x.dtype)
    moving_mean.assign(moving_mean * momentum + mean * (1.0 - momentum))
    moving_variance.assign(moving_variance * momentum + variance * count / (count - 1.0) * (1.0 - momentum))
    return gamma * (x - mean) / tf.sqrt(variance + epsilon) + beta


@wrong_answer("batch_norm_inference", "PyTorch's default epsilon 1e-5 instead of Keras' 1e-3")
def inference_pytorch_default_epsilon(x, gamma, beta, moving_mean, moving_variance, epsilon=1e-5):
    return gamma * (x - moving_mean) / tf.sqrt(moving_variance + epsilon) + beta


@wrong_answer("BasicBlock", "passes training=True to every batch norm: inference uses the batch's statistics")
class always_training_mode(_SolutionBlock):
    def call(self, inputs, training=None):
        main = tf.nn.relu(self.bn1(self.conv1(inputs), training=True))
        main = self.bn2(self.conv2(main), training=True)
        return tf.nn.relu(main + self.shortcut(inputs, True))


@wrong_answer("BasicBlock", "PyTorch's batch-norm settings: BatchNormalization(momentum=0.9, epsilon=1e-5)")
class pytorch_batch_norm_settings(_SolutionBlock):
    def build(self, input_shape):
        super().build(input_shape)
        self.bn1 = layers.BatchNormalization(momentum=0.9, epsilon=1e-5)
        self.bn2 = layers.BatchNormalization(momentum=0.9, epsilon=1e-5)
        if self.shortcut_bn is not None:
            self.shortcut_bn = layers.BatchNormalization(momentum=0.9, epsilon=1e-5)


@wrong_answer("small_resnet", "Dense without softmax: logits, not probabilities")
def head_without_softmax(input_shape, num_classes):
    inputs = keras.Input(shape=input_shape)
    x = layers.Conv2D(16, 3, padding="same", use_bias=False)(inputs)
    x = layers.ReLU()(layers.BatchNormalization()(x))
    x = BasicBlock(32, stride=2)(BasicBlock(16)(x))
    x = layers.GlobalAveragePooling2D()(x)
    return keras.Model(inputs, layers.Dense(num_classes)(x))


@wrong_answer("small_resnet", "the stem convolution keeps its bias, which the batch norm after it makes useless")
def stem_convolution_keeps_its_bias(input_shape, num_classes):
    inputs = keras.Input(shape=input_shape)
    x = layers.Conv2D(16, 3, padding="same")(inputs)
    x = layers.ReLU()(layers.BatchNormalization()(x))
    x = BasicBlock(32, stride=2)(BasicBlock(16)(x))
    x = layers.GlobalAveragePooling2D()(x)
    return keras.Model(inputs, layers.Dense(num_classes, activation="softmax")(x))
