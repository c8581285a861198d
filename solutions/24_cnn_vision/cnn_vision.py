"""Kata 24 — What a CNN sees.

A trained CNN is a stack of filters, and two pictures show what those filters do. The first is
the notes' "中间激活的可视化": a model from the network's input to the outputs of its first
layers (`layers[:8]`), run on one image, with each channel of one layer laid out as a small
grey map in a grid. The second is the notes' "可视化卷积神经网络的过滤器": start from noise and
climb the gradient of one filter's mean activation with respect to the *input image*, so the
image turns into the pattern that filter likes best. You build both on a small CNN and save
the grid as a PNG you can open in artifacts/.

Source: the study notes `000_27a1c33c3287df56.txt` (keras API 范例 1.6, 可视化).

Run `make kata N=24` to test your answers, `make hint N=24` when stuck.
"""

from pathlib import Path

import keras
import numpy as np
import tensorflow as tf

# Pictures a learner opens go to the git-ignored artifacts/ folder at the repository root.
ARTIFACTS_DIR = Path(__file__).resolve().parents[2] / "artifacts"


def activation_model(model, count=8):
    """A keras.Model from `model`'s input to the outputs of its first `count` layers, in order
    (the notes' `[layer.output for layer in model.layers[:8]]`).

    `model` is a Sequential model built with a keras.Input, so `model.layers` starts with the
    first real layer (the Input is not in the list). The new model shares the trained layers;
    for count >= 2 calling it on images `[batch, height, width, colours]` gives a list of
    `count` tensors, one per layer.
    Example: a model Input(24, 40, 3) -> Conv2D(6, 3) -> MaxPooling2D -> Conv2D(12, 3) -> ...
    with count=3: calling the result on images [5, 24, 40, 3] gives a list of three tensors of
    shapes [5, 22, 38, 6], [5, 11, 19, 6] and [5, 9, 17, 12].
    """
    ### BEGIN SOLUTION: a functional keras.Model can take a list of intermediate tensors as its outputs.
    # model.inputs[0] (rather than model.input) works for every built Sequential model.
    return keras.Model(model.inputs[0], [layer.output for layer in model.layers[:count]])
    ### END SOLUTION


def activation_grid(activations, columns=8):
    """One layer's activations for one image, `[height, width, channels]` (no batch axis), laid
    out as a grid picture: uint8 numpy `[rows * height, columns * width]`, where
    rows = ceil(channels / columns).

    Channel k fills the cell in grid row k // columns and grid column k % columns (row by row,
    like reading text), with no gap between cells. Each channel is scaled on its own:
    255 * (a - min) / (max - min) with that channel's min and max, rounded to the nearest
    integer; a channel whose max equals its min (a dead ReLU channel) is all 0. Cells after the
    last channel stay 0 (black).
    Example: height 1, width 2, channels 3, columns 2: channel 0 [[1, 3]], channel 1 [[5, 5]],
    channel 2 [[0, -7]] -> [[0, 255, 0, 0], [255, 0, 0, 0]].
    """
    ### BEGIN SOLUTION: scale with per-channel reductions (keepdims), then pad the channels and reshape/transpose them into a grid.
    values = np.asarray(activations, np.float64)
    height, width, channels = values.shape
    low = values.min(axis=(0, 1), keepdims=True)
    span = values.max(axis=(0, 1), keepdims=True) - low
    # A constant channel has span 0: divide by 1 there, so (a - min) = 0 gives 0, never NaN.
    scaled = np.round(255.0 * (values - low) / np.where(span > 0, span, 1.0))
    rows = -(-channels // columns)  # Ceiling division.
    padded = np.zeros((height, width, rows * columns))
    padded[..., :channels] = scaled
    # [height, width, rows, columns] -> [rows, height, columns, width] -> one picture.
    cells = padded.reshape(height, width, rows, columns).transpose(2, 0, 3, 1)
    return cells.reshape(rows * height, columns * width).astype(np.uint8)
    ### END SOLUTION


def save_activation_grid(activations, columns=8, name="24_activations.png", directory=ARTIFACTS_DIR):
    """Save activation_grid(activations, columns) as a greyscale PNG (one colour channel)
    `directory / name`, creating missing folders, and return its path as a pathlib.Path.

    By default the picture lands in the repository's artifacts/ folder (ignored by git), where
    you can open it.
    Example: save_activation_grid(activations [22, 38, 6], 4, "conv.png", directory=tmp)
    writes a 44-high, 152-wide PNG with one channel and returns tmp / "conv.png".
    """
    ### BEGIN SOLUTION: tf.io.encode_png wants [height, width, channels]: give the grid a channel axis of 1.
    path = Path(directory) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    grid = activation_grid(activations, columns)
    path.write_bytes(tf.io.encode_png(grid[..., None]).numpy())
    return path
    ### END SOLUTION


def filter_activation(model, layer_name, filter_index, image):
    """How strongly one filter responds to one `image` `[height, width, colours]` (no batch
    axis): the mean over all positions of channel `filter_index` of the layer `layer_name`'s
    output, as a Python float.

    Example: a layer whose channel 1 is [[0, 2, 4], [6, 8, 10]] for this image -> 5.0.
    """
    ### BEGIN SOLUTION: a model up to the named layer (Model.get_layer); pick the channel on the last axis.
    features = keras.Model(model.inputs[0], model.get_layer(layer_name).output)
    outputs = features(tf.convert_to_tensor(image, tf.float32)[None])  # [1, h', w', channels]
    return float(tf.reduce_mean(outputs[0, :, :, filter_index]))
    ### END SOLUTION


def visualize_filter(model, layer_name, filter_index, start, steps=30, step_size=0.1):
    """The image that filter `filter_index` of the layer `layer_name` likes: `steps` steps of
    gradient ASCENT on the input image, from `start` `[height, width, colours]`, as float32
    numpy of the same shape.

    Each step: loss = the mean over all positions of that filter's activation (what
    filter_activation measures); gradient = d loss / d image; normalise the gradient by its L2
    norm over the whole image, all pixels and colours (tf.math.l2_normalize: a zero gradient
    stays zero, never NaN); image = image + step_size * normalised gradient. The gradient is
    computed afresh at every step. No clipping; `start` itself is left unchanged.
    Example: a layer that is a 1x1 convolution without activation has a constant gradient, so
    3 steps of size 0.5 move `start` by exactly 1.5 along that gradient's direction.
    """
    ### BEGIN SOLUTION: tf.GradientTape watches a tf.Variable (or tape.watch a tensor); take the gradient w.r.t. the image.
    features = keras.Model(model.inputs[0], model.get_layer(layer_name).output)
    # A copy in a Variable: assign_add updates it in place, and `start` stays untouched.
    image = tf.Variable(np.asarray(start, np.float32)[None])
    for _ in range(steps):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(features(image)[..., filter_index])
        gradient = tape.gradient(loss, image)
        # Normalising makes every step the same length, however large or small the gradient.
        image.assign_add(step_size * tf.math.l2_normalize(gradient))
    return image[0].numpy()
    ### END SOLUTION
