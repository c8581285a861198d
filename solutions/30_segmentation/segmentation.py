"""Kata 30 — Segmentation with a tiny U-Net.

Semantic segmentation labels every pixel (the notes' "图像语义分割：预测出图像中每一个像素的类的
标签"). A U-Net is an encoder-decoder: its down path (convolutions and 2x2 max pooling) sees
more and more of the image at a coarser and coarser size; its up path enlarges the feature
maps again with transposed convolutions (the notes' "反卷积 (转置卷积)：通过训练放大图片") and, at
every size, concatenates the down path's feature maps of that size (the skip connections that
bring back the fine detail). A last 1x1 convolution gives `num_classes` logits per pixel:
`[batch, height, width, num_classes]`. The loss is cross-entropy at every pixel, averaged.
You build the network, write the pixel-wise loss, train it on pictures of a rectangle and a
disc, predict a mask and save it beside its image as a PNG. (Kata 28 scores masks with pixel
accuracy and mean IoU; here the tests use `keras.metrics.MeanIoU` to score yours.)

Source note: 001_ef19bbe4496db3a5.txt (FCN, U-Net, upsampling, skip connections).

Run `make kata N=30` to test your answers, `make hint N=30` when stuck.
"""

from pathlib import Path

import keras
import numpy as np
import tensorflow as tf
from keras import layers

# Pictures a learner opens go to the git-ignored artifacts/ folder at the repository root.
ARTIFACTS_DIR = Path(__file__).resolve().parents[2] / "artifacts"

# One RGB colour per class: background black, class 1 orange, class 2 sky blue, class 3 yellow.
PALETTE = ((0, 0, 0), (255, 140, 0), (80, 180, 255), (255, 230, 60))


def tiny_unet(input_shape, num_classes, filters=16, depth=2):
    """A U-Net as a functional keras.Model: images `[batch, height, width, channels]` ->
    logits `[batch, height, width, num_classes]` (float32, no softmax).

    `input_shape` is (height, width, channels); height and width must both be divisible by
    2 ** depth, otherwise raise ValueError (before building anything).
    - Down path, levels i = 0, 1, ..., depth - 1: one or more 3x3 `layers.Conv2D` with
      filters * 2 ** i channels (padding "same", ReLU); keep the level's last feature map (the
      skip), then `layers.MaxPooling2D` halves height and width.
    - Bottom: a 3x3 Conv2D with filters * 2 ** depth channels (padding "same", ReLU).
    - Up path, levels i = depth - 1, ..., 1, 0: a `layers.Conv2DTranspose` with filters * 2 ** i
      channels and strides 2 (padding "same"; kernel size 2 or 3) doubles height and width;
      `layers.Concatenate` joins it with the skip of level i along the channels (2 * filters
      * 2 ** i channels); then one or more 3x3 Conv2D with filters * 2 ** i channels (ReLU).
    - Last: a 1x1 Conv2D with num_classes channels and no activation: the logits.
    So the model has exactly `depth` MaxPooling2D, `depth` Conv2DTranspose and `depth`
    Concatenate layers.
    Example: tiny_unet((24, 32, 3), 5, filters=4, depth=3) maps [2, 24, 32, 3] to
    [2, 24, 32, 5]; its three Concatenate layers output [6, 8, 32], [12, 16, 16] and
    [24, 32, 8] per image. tiny_unet((20, 32, 3), 5, depth=3) raises ValueError (20 is not
    divisible by 8).
    """
    ### BEGIN SOLUTION: an encoder-decoder in the functional API; keep each level's feature map in a list for the way back up.
    height, width = input_shape[0], input_shape[1]
    if height % 2 ** depth or width % 2 ** depth:
        raise ValueError(f"height {height} and width {width} must be divisible by 2 ** depth = {2 ** depth}")
    inputs = keras.Input(input_shape)
    features = inputs
    skips = []
    for level in range(depth):
        features = layers.Conv2D(filters * 2 ** level, 3, padding="same", activation="relu")(features)
        skips.append(features)  # The fine detail this level sees, before pooling throws half of it away.
        features = layers.MaxPooling2D(2)(features)
    features = layers.Conv2D(filters * 2 ** depth, 3, padding="same", activation="relu")(features)
    for level in reversed(range(depth)):
        # A learned upsampling: strides 2 doubles height and width.
        features = layers.Conv2DTranspose(filters * 2 ** level, 2, strides=2, padding="same")(features)
        features = layers.Concatenate()([features, skips[level]])
        features = layers.Conv2D(filters * 2 ** level, 3, padding="same", activation="relu")(features)
    # Logits: the loss applies the softmax, so the model must not.
    logits = layers.Conv2D(num_classes, 1)(features)
    return keras.Model(inputs, logits)
    ### END SOLUTION


def pixelwise_cross_entropy(true_masks, logits):
    """The sparse categorical cross-entropy of every pixel, averaged over all pixels of all
    images, as a float32 scalar tensor (shape []).

    `true_masks` `[batch, height, width]` holds class ids (any int dtype, or a float dtype holding
    whole numbers: Keras hands a loss its targets as float32); `logits` `[batch, height, width,
    classes]` are raw scores. Per pixel: -log softmax(logits)[true class], with the softmax over
    the classes (the last axis). It must stay finite and exact for logits as large as +-100: use
    a log-softmax, not the log of a softmax. Do not call Keras' sparse cross-entropy losses or
    tf.nn.sparse_softmax_cross_entropy_with_logits (the tests compare with them).
    Example: one image of one row of two pixels, true [[[0, 1]]], logits [[[[0, 0], [0, ln 3]]]]:
    pixel 1: -log(1/2) = 0.6931; pixel 2: -log(3/4) = 0.2877; mean 0.4904.
    """
    ### BEGIN SOLUTION: tf.nn.log_softmax over the class axis, then pick each pixel's true class (one-hot or a gather).
    log_probabilities = tf.nn.log_softmax(tf.convert_to_tensor(logits, tf.float32), axis=-1)
    classes = tf.shape(log_probabilities)[-1]
    # Float targets (from Keras) are whole numbers: cast them to ids first.
    one_hot = tf.one_hot(tf.cast(true_masks, tf.int32), classes, dtype=tf.float32)
    per_pixel = -tf.reduce_sum(one_hot * log_probabilities, axis=-1)  # [batch, height, width]
    return tf.reduce_mean(per_pixel)
    ### END SOLUTION


def train_unet(model, images, masks, epochs=2, batch_size=16, learning_rate=0.005):
    """Compile `model` with `keras.optimizers.Adam(learning_rate)` and the pixel-wise
    cross-entropy from logits as the loss (your pixelwise_cross_entropy, or Keras'
    SparseCategoricalCrossentropy(from_logits=True), which computes the same), then fit it on
    `images` `[count, height, width, channels]` and `masks` `[count, height, width]` for
    `epochs` epochs of `batch_size` images (shuffled, silently). Return the History.

    Example: train_unet(model, images, masks, epochs=3, batch_size=8, learning_rate=0.01) on
    128 images runs 3 * 16 = 48 steps; history.history["loss"] has 3 values.
    """
    ### BEGIN SOLUTION: model.compile takes the optimizer and a loss function; model.fit does the rest.
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss=pixelwise_cross_entropy)
    return model.fit(images, masks, epochs=epochs, batch_size=batch_size, shuffle=True, verbose=0)
    ### END SOLUTION


def predict_mask(model, image):
    """The predicted mask of one `image` `[height, width, channels]` (no batch axis): the class
    with the largest logit at every pixel, as an int32 numpy array `[height, width]`.

    Example: a model whose logits for the image are [[[1, 3, 0], [2, 0, 5]]] (one row, two
    pixels, three classes) -> [[1, 2]].
    """
    ### BEGIN SOLUTION: a model wants a batch axis; the predicted class is the argmax over the class axis.
    logits = model(tf.convert_to_tensor(image, tf.float32)[None])  # [1, height, width, classes]
    return tf.argmax(logits[0], axis=-1, output_type=tf.int32).numpy()
    ### END SOLUTION


def colour_mask(mask, palette=PALETTE):
    """Paint `mask` `[height, width]` (int class ids) with one colour per class: a uint8 numpy
    array `[height, width, 3]` whose pixel is palette[class] (palette: RGB triples 0..255, one
    per class, indexed by class id).

    Example: colour_mask([[0, 2]], ((0, 0, 0), (9, 9, 9), (1, 2, 3))) -> [[[0, 0, 0], [1, 2, 3]]].
    """
    ### BEGIN SOLUTION: numpy fancy indexing: an array of colours indexed by an array of class ids.
    return np.asarray(palette, np.uint8)[np.asarray(mask)]
    ### END SOLUTION


def save_segmentation(image, mask, name="30_segmentation.png", directory=ARTIFACTS_DIR, palette=PALETTE,
                      scale=4):
    """Save `image` and its `mask` side by side as the PNG `directory / name` and return its path
    (a pathlib.Path), creating every missing folder.

    `image` is RGB float `[height, width, 3]` with values in [0, 1] (values outside are clipped),
    shown as round(255 * value); `mask` `[height, width]` holds class ids, shown as
    colour_mask(mask, palette). The picture is uint8 `[height, 2 * width, 3]`, the image on
    the left and the mask on the right, then enlarged `scale` times by copying every pixel into
    a scale x scale block: `[scale * height, 2 * scale * width, 3]`.
    Example: a 24 x 32 image and mask with scale 4 -> a PNG 96 high and 256 wide.
    """
    ### BEGIN SOLUTION: side by side is a concatenation along the width; copying pixels into blocks is a repeat (not a tile); tf.io.encode_png gives the bytes.
    picture = np.round(255.0 * np.clip(np.asarray(image, np.float32), 0.0, 1.0)).astype(np.uint8)
    picture = np.concatenate([picture, colour_mask(mask, palette)], axis=1)
    picture = np.repeat(np.repeat(picture, scale, axis=0), scale, axis=1)
    path = Path(directory) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(tf.io.encode_png(picture).numpy())
    return path
    ### END SOLUTION
