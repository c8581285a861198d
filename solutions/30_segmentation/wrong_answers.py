"""Plausible wrong answers to kata 30; `make check` proves the tests catch every one."""
# Defaults that name the solution's own constants (ARTIFACTS_DIR, PALETTE) are None here and read
# at call time: a replacement function runs with the solution's globals, not this file's.

from pathlib import Path

import keras
import numpy as np
import tensorflow as tf
from keras import layers

from tfkatas.wrong import wrong_answer


@wrong_answer("tiny_unet", "no skip connections: the up path never sees the down path's feature maps")
def no_skip_connections(input_shape, num_classes, filters=16, depth=2):
    inputs = keras.Input(input_shape)
    features = inputs
    for level in range(depth):
        features = layers.Conv2D(filters * 2 ** level, 3, padding="same", activation="relu")(features)
        features = layers.MaxPooling2D(2)(features)
    features = layers.Conv2D(filters * 2 ** depth, 3, padding="same", activation="relu")(features)
    for level in reversed(range(depth)):
        features = layers.Conv2DTranspose(filters * 2 ** level, 2, strides=2, padding="same")(features)
        features = layers.Conv2D(filters * 2 ** level, 3, padding="same", activation="relu")(features)
    return keras.Model(inputs, layers.Conv2D(num_classes, 1)(features))


@wrong_answer("tiny_unet", "adds the skip (FCN style, layers.Add) instead of concatenating it")
def adds_the_skip_instead_of_concatenating(input_shape, num_classes, filters=16, depth=2):
    inputs = keras.Input(input_shape)
    features, skips = inputs, []
    for level in range(depth):
        features = layers.Conv2D(filters * 2 ** level, 3, padding="same", activation="relu")(features)
        skips.append(features)
        features = layers.MaxPooling2D(2)(features)
    features = layers.Conv2D(filters * 2 ** depth, 3, padding="same", activation="relu")(features)
    for level in reversed(range(depth)):
        features = layers.Conv2DTranspose(filters * 2 ** level, 2, strides=2, padding="same")(features)
        features = layers.Add()([features, skips[level]])
        features = layers.Conv2D(filters * 2 ** level, 3, padding="same", activation="relu")(features)
    return keras.Model(inputs, layers.Conv2D(num_classes, 1)(features))


@wrong_answer("tiny_unet", "UpSampling2D and a Conv2D instead of a transposed convolution")
def upsampling_instead_of_transposed_convolution(input_shape, num_classes, filters=16, depth=2):
    inputs = keras.Input(input_shape)
    features, skips = inputs, []
    for level in range(depth):
        features = layers.Conv2D(filters * 2 ** level, 3, padding="same", activation="relu")(features)
        skips.append(features)
        features = layers.MaxPooling2D(2)(features)
    features = layers.Conv2D(filters * 2 ** depth, 3, padding="same", activation="relu")(features)
    for level in reversed(range(depth)):
        features = layers.UpSampling2D(2)(features)
        features = layers.Conv2D(filters * 2 ** level, 2, padding="same")(features)
        features = layers.Concatenate()([features, skips[level]])
        features = layers.Conv2D(filters * 2 ** level, 3, padding="same", activation="relu")(features)
    return keras.Model(inputs, layers.Conv2D(num_classes, 1)(features))


@wrong_answer("tiny_unet", "a softmax on the last layer: probabilities, not logits")
def softmax_on_the_last_layer(input_shape, num_classes, filters=16, depth=2):
    inputs = keras.Input(input_shape)
    features, skips = inputs, []
    for level in range(depth):
        features = layers.Conv2D(filters * 2 ** level, 3, padding="same", activation="relu")(features)
        skips.append(features)
        features = layers.MaxPooling2D(2)(features)
    features = layers.Conv2D(filters * 2 ** depth, 3, padding="same", activation="relu")(features)
    for level in reversed(range(depth)):
        features = layers.Conv2DTranspose(filters * 2 ** level, 2, strides=2, padding="same")(features)
        features = layers.Concatenate()([features, skips[level]])
        features = layers.Conv2D(filters * 2 ** level, 3, padding="same", activation="relu")(features)
    return keras.Model(inputs, layers.Conv2D(num_classes, 1, activation="softmax")(features))


@wrong_answer("tiny_unet", "a ReLU on the last layer: logits can never be negative")
def relu_on_the_last_layer(input_shape, num_classes, filters=16, depth=2):
    inputs = keras.Input(input_shape)
    features, skips = inputs, []
    for level in range(depth):
        features = layers.Conv2D(filters * 2 ** level, 3, padding="same", activation="relu")(features)
        skips.append(features)
        features = layers.MaxPooling2D(2)(features)
    features = layers.Conv2D(filters * 2 ** depth, 3, padding="same", activation="relu")(features)
    for level in reversed(range(depth)):
        features = layers.Conv2DTranspose(filters * 2 ** level, 2, strides=2, padding="same")(features)
        features = layers.Concatenate()([features, skips[level]])
        features = layers.Conv2D(filters * 2 ** level, 3, padding="same", activation="relu")(features)
    return keras.Model(inputs, layers.Conv2D(num_classes, 1, activation="relu")(features))


@wrong_answer("tiny_unet", "the same number of filters at every level: never doubles them")
def never_doubles_the_filters(input_shape, num_classes, filters=16, depth=2):
    inputs = keras.Input(input_shape)
    features, skips = inputs, []
    for level in range(depth):
        features = layers.Conv2D(filters, 3, padding="same", activation="relu")(features)
        skips.append(features)
        features = layers.MaxPooling2D(2)(features)
    features = layers.Conv2D(filters, 3, padding="same", activation="relu")(features)
    for level in reversed(range(depth)):
        features = layers.Conv2DTranspose(filters, 2, strides=2, padding="same")(features)
        features = layers.Concatenate()([features, skips[level]])
        features = layers.Conv2D(filters, 3, padding="same", activation="relu")(features)
    return keras.Model(inputs, layers.Conv2D(num_classes, 1)(features))


@wrong_answer("tiny_unet", "ignores depth: always two levels")
def ignores_depth_always_two_levels(input_shape, num_classes, filters=16, depth=2):
    depth = 2
    if input_shape[0] % 4 or input_shape[1] % 4:
        raise ValueError("height and width must be divisible by 4")
    inputs = keras.Input(input_shape)
    features, skips = inputs, []
    for level in range(depth):
        features = layers.Conv2D(filters * 2 ** level, 3, padding="same", activation="relu")(features)
        skips.append(features)
        features = layers.MaxPooling2D(2)(features)
    features = layers.Conv2D(filters * 2 ** depth, 3, padding="same", activation="relu")(features)
    for level in reversed(range(depth)):
        features = layers.Conv2DTranspose(filters * 2 ** level, 2, strides=2, padding="same")(features)
        features = layers.Concatenate()([features, skips[level]])
        features = layers.Conv2D(filters * 2 ** level, 3, padding="same", activation="relu")(features)
    return keras.Model(inputs, layers.Conv2D(num_classes, 1)(features))


@wrong_answer("tiny_unet", "default filters=8 instead of 16")
def default_filters_eight(input_shape, num_classes, filters=8, depth=2):
    inputs = keras.Input(input_shape)
    features, skips = inputs, []
    for level in range(depth):
        features = layers.Conv2D(filters * 2 ** level, 3, padding="same", activation="relu")(features)
        skips.append(features)
        features = layers.MaxPooling2D(2)(features)
    features = layers.Conv2D(filters * 2 ** depth, 3, padding="same", activation="relu")(features)
    for level in reversed(range(depth)):
        features = layers.Conv2DTranspose(filters * 2 ** level, 2, strides=2, padding="same")(features)
        features = layers.Concatenate()([features, skips[level]])
        features = layers.Conv2D(filters * 2 ** level, 3, padding="same", activation="relu")(features)
    return keras.Model(inputs, layers.Conv2D(num_classes, 1)(features))


@wrong_answer("tiny_unet", "the skip is taken after pooling and enlarged again: the down path's fine map is lost")
def skip_taken_after_pooling(input_shape, num_classes, filters=16, depth=2):
    inputs = keras.Input(input_shape)
    features, skips = inputs, []
    for level in range(depth):
        features = layers.Conv2D(filters * 2 ** level, 3, padding="same", activation="relu")(features)
        features = layers.MaxPooling2D(2)(features)
        skips.append(layers.UpSampling2D(2)(features))
    features = layers.Conv2D(filters * 2 ** depth, 3, padding="same", activation="relu")(features)
    for level in reversed(range(depth)):
        features = layers.Conv2DTranspose(filters * 2 ** level, 2, strides=2, padding="same")(features)
        features = layers.Concatenate()([features, skips[level]])
        features = layers.Conv2D(filters * 2 ** level, 3, padding="same", activation="relu")(features)
    return keras.Model(inputs, layers.Conv2D(num_classes, 1)(features))


@wrong_answer("pixelwise_cross_entropy", "the log of a softmax: underflows to log(0) for large logits")
def log_of_a_softmax(true_masks, logits):
    probabilities = tf.nn.softmax(tf.convert_to_tensor(logits, tf.float32), axis=-1)
    one_hot = tf.one_hot(tf.cast(true_masks, tf.int32), tf.shape(probabilities)[-1])
    return -tf.reduce_mean(tf.reduce_sum(one_hot * tf.math.log(probabilities), axis=-1))


@wrong_answer("pixelwise_cross_entropy", "sums over the pixels instead of averaging")
def sums_over_the_pixels(true_masks, logits):
    log_probabilities = tf.nn.log_softmax(tf.convert_to_tensor(logits, tf.float32), axis=-1)
    one_hot = tf.one_hot(tf.cast(true_masks, tf.int32), tf.shape(log_probabilities)[-1])
    return -tf.reduce_sum(one_hot * log_probabilities)


@wrong_answer("pixelwise_cross_entropy", "averages over the classes too: divides the loss by the number of classes")
def averages_over_the_classes_too(true_masks, logits):
    log_probabilities = tf.nn.log_softmax(tf.convert_to_tensor(logits, tf.float32), axis=-1)
    one_hot = tf.one_hot(tf.cast(true_masks, tf.int32), tf.shape(log_probabilities)[-1])
    return -tf.reduce_mean(one_hot * log_probabilities)


@wrong_answer("pixelwise_cross_entropy", "the softmax over the width axis instead of the classes")
def softmax_over_the_width_axis(true_masks, logits):
    log_probabilities = tf.nn.log_softmax(tf.convert_to_tensor(logits, tf.float32), axis=2)
    one_hot = tf.one_hot(tf.cast(true_masks, tf.int32), tf.shape(log_probabilities)[-1])
    return -tf.reduce_mean(tf.reduce_sum(one_hot * log_probabilities, axis=-1))


@wrong_answer("pixelwise_cross_entropy", "one-hot of the masks as given: float class ids (as Keras passes them) fail")
def one_hot_of_float_class_ids(true_masks, logits):
    log_probabilities = tf.nn.log_softmax(tf.convert_to_tensor(logits, tf.float32), axis=-1)
    one_hot = tf.one_hot(true_masks, tf.shape(log_probabilities)[-1])
    return -tf.reduce_mean(tf.reduce_sum(one_hot * log_probabilities, axis=-1))


@wrong_answer("pixelwise_cross_entropy", "a sigmoid cross-entropy per class instead of a softmax over the classes")
def sigmoid_cross_entropy_per_class(true_masks, logits):
    logits = tf.convert_to_tensor(logits, tf.float32)
    one_hot = tf.one_hot(tf.cast(true_masks, tf.int32), tf.shape(logits)[-1])
    per_class = tf.nn.sigmoid_cross_entropy_with_logits(labels=one_hot, logits=logits)
    return tf.reduce_mean(tf.reduce_sum(per_class, axis=-1))


@wrong_answer("train_unet", "ignores learning_rate: Adam's own default 0.001")
def ignores_learning_rate(model, images, masks, epochs=2, batch_size=16, learning_rate=0.005):
    model.compile(optimizer=keras.optimizers.Adam(), loss=pixelwise_cross_entropy)
    return model.fit(images, masks, epochs=epochs, batch_size=batch_size, verbose=0)


@wrong_answer("train_unet", "ignores batch_size: fit's own default of 32")
def ignores_batch_size(model, images, masks, epochs=2, batch_size=16, learning_rate=0.005):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss=pixelwise_cross_entropy)
    return model.fit(images, masks, epochs=epochs, verbose=0)


@wrong_answer("train_unet", "the Keras loss without from_logits: treats the logits as probabilities")
def loss_without_from_logits(model, images, masks, epochs=2, batch_size=16, learning_rate=0.005):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="sparse_categorical_crossentropy")
    return model.fit(images, masks, epochs=epochs, batch_size=batch_size, verbose=0)


@wrong_answer("train_unet", "SparseCategoricalCrossentropy() object without from_logits=True")
def loss_object_without_from_logits(model, images, masks, epochs=2, batch_size=16, learning_rate=0.005):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss=keras.losses.SparseCategoricalCrossentropy())
    return model.fit(images, masks, epochs=epochs, batch_size=batch_size, verbose=0)


@wrong_answer("train_unet", "hard-codes the defaults: epochs, batch_size and learning_rate passed in are ignored")
def hard_codes_the_defaults(model, images, masks, epochs=2, batch_size=16, learning_rate=0.005):
    model.compile(optimizer=keras.optimizers.Adam(0.005), loss=pixelwise_cross_entropy)
    return model.fit(images, masks, epochs=2, batch_size=16, verbose=0)


@wrong_answer("predict_mask", "tf.argmax's default int64 instead of int32")
def argmax_default_int64(model, image):
    return tf.argmax(model(tf.convert_to_tensor(image, tf.float32)[None])[0], axis=-1).numpy()


@wrong_answer("predict_mask", "keeps the batch axis: [1, height, width]")
def keeps_the_batch_axis(model, image):
    return tf.argmax(model(tf.convert_to_tensor(image, tf.float32)[None]), axis=-1, output_type=tf.int32).numpy()


@wrong_answer("predict_mask", "returns a tf.Tensor instead of a numpy array")
def returns_a_tensor(model, image):
    return tf.argmax(model(tf.convert_to_tensor(image, tf.float32)[None])[0], axis=-1, output_type=tf.int32)


@wrong_answer("predict_mask", "the largest softmax probability of class 0 thresholded, not the argmax over classes")
def class_zero_or_one(model, image):
    probabilities = tf.nn.softmax(model(tf.convert_to_tensor(image, tf.float32)[None])[0], axis=-1)
    return tf.cast(probabilities[..., 0] < 0.5, tf.int32).numpy()


@wrong_answer("colour_mask", "colours as float32 instead of uint8")
def colours_as_float32(mask, palette=None):
    palette = PALETTE if palette is None else palette  # noqa: F821 (the solution's constant)
    return np.asarray(palette, np.float32)[np.asarray(mask)]


@wrong_answer("colour_mask", "BGR order (the OpenCV habit)")
def colours_in_bgr_order(mask, palette=None):
    palette = PALETTE if palette is None else palette  # noqa: F821
    return np.asarray(palette, np.uint8)[np.asarray(mask)][..., ::-1]


@wrong_answer("colour_mask", "ignores the palette passed in: always PALETTE")
def ignores_the_palette(mask, palette=None):
    return np.asarray(PALETTE, np.uint8)[np.asarray(mask)]  # noqa: F821


@wrong_answer("save_segmentation", "truncates 255 * value instead of rounding it")
def truncates_instead_of_rounding(image, mask, name="30_segmentation.png", directory=None, palette=None, scale=4):
    directory = ARTIFACTS_DIR if directory is None else directory  # noqa: F821
    palette = PALETTE if palette is None else palette  # noqa: F821
    picture = (255.0 * np.clip(np.asarray(image, np.float32), 0.0, 1.0)).astype(np.uint8)
    picture = np.concatenate([picture, colour_mask(mask, palette)], axis=1)  # noqa: F821
    picture = np.repeat(np.repeat(picture, scale, axis=0), scale, axis=1)
    path = Path(directory) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(tf.io.encode_png(picture).numpy())
    return path


@wrong_answer("save_segmentation", "no clipping: values above 1 wrap around in uint8")
def no_clipping(image, mask, name="30_segmentation.png", directory=None, palette=None, scale=4):
    directory = ARTIFACTS_DIR if directory is None else directory  # noqa: F821
    palette = PALETTE if palette is None else palette  # noqa: F821
    picture = np.round(255.0 * np.asarray(image, np.float32)).astype(np.int64).astype(np.uint8)
    picture = np.concatenate([picture, colour_mask(mask, palette)], axis=1)  # noqa: F821
    picture = np.repeat(np.repeat(picture, scale, axis=0), scale, axis=1)
    path = Path(directory) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(tf.io.encode_png(picture).numpy())
    return path


@wrong_answer("save_segmentation", "np.tile instead of np.repeat: the whole picture repeated, not each pixel")
def tiles_instead_of_repeating(image, mask, name="30_segmentation.png", directory=None, palette=None, scale=4):
    directory = ARTIFACTS_DIR if directory is None else directory  # noqa: F821
    palette = PALETTE if palette is None else palette  # noqa: F821
    picture = np.round(255.0 * np.clip(np.asarray(image, np.float32), 0.0, 1.0)).astype(np.uint8)
    picture = np.concatenate([picture, colour_mask(mask, palette)], axis=1)  # noqa: F821
    picture = np.tile(picture, (scale, scale, 1))
    path = Path(directory) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(tf.io.encode_png(picture).numpy())
    return path


@wrong_answer("save_segmentation", "the mask on the left and the image on the right")
def mask_on_the_left(image, mask, name="30_segmentation.png", directory=None, palette=None, scale=4):
    directory = ARTIFACTS_DIR if directory is None else directory  # noqa: F821
    palette = PALETTE if palette is None else palette  # noqa: F821
    picture = np.round(255.0 * np.clip(np.asarray(image, np.float32), 0.0, 1.0)).astype(np.uint8)
    picture = np.concatenate([colour_mask(mask, palette), picture], axis=1)  # noqa: F821
    picture = np.repeat(np.repeat(picture, scale, axis=0), scale, axis=1)
    path = Path(directory) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(tf.io.encode_png(picture).numpy())
    return path


@wrong_answer("save_segmentation", "does not create the missing folders")
def does_not_create_folders(image, mask, name="30_segmentation.png", directory=None, palette=None, scale=4):
    directory = ARTIFACTS_DIR if directory is None else directory  # noqa: F821
    palette = PALETTE if palette is None else palette  # noqa: F821
    picture = np.round(255.0 * np.clip(np.asarray(image, np.float32), 0.0, 1.0)).astype(np.uint8)
    picture = np.concatenate([picture, colour_mask(mask, palette)], axis=1)  # noqa: F821
    picture = np.repeat(np.repeat(picture, scale, axis=0), scale, axis=1)
    path = Path(directory) / name
    path.write_bytes(tf.io.encode_png(picture).numpy())
    return path
