"""Kata 25 — Grad-CAM heatmaps.

A trained image classifier says "class 1", but *where* did it look? Grad-CAM answers with a
heatmap at the resolution of one convolution layer. Take the class score (the model's raw
output for that class: the logit, as in the Grad-CAM paper), differentiate it with respect to
the layer's activations `[h', w', channels]`, average those gradients over space to get one
weight per channel, take the weighted sum of the activation maps, keep the positive part
(ReLU) and divide by the maximum. Then colour the heatmap, lay it over the image and save
the picture as a PNG you can open (the notes' "可视化类激活的热力图").

Run `make kata N=25` to test your answers, `make hint N=25` when stuck.
"""

from pathlib import Path

import keras
import numpy as np
import tensorflow as tf

# Pictures a learner opens go to the git-ignored artifacts/ folder at the repository root.
ARTIFACTS_DIR = Path(__file__).resolve().parents[2] / "artifacts"


def activations_and_scores_model(model, layer_name):
    """A keras.Model from `model`'s inputs to two outputs: the named layer's activations
    `[batch, h', w', channels]` and the model's class scores `[batch, classes]`.

    Works for functional and Sequential models (a Sequential model that has been built or
    called has `.inputs` and `.outputs`).
    Example: a model 32x32x3 -> conv "last_conv" [16, 16, 16] -> 2 logits, layer_name
    "last_conv": calling the result on images [5, 32, 32, 3] gives ([5, 16, 16, 16], [5, 2]).
    """
    ### BEGIN SOLUTION: a functional keras.Model can share the trained layers and return several outputs; see Model.get_layer.
    # The new model shares the layers (and weights) of the old one; it only exposes an
    # intermediate tensor of the same graph as a second output.
    layer = model.get_layer(layer_name)
    # model.inputs (a list) works for Sequential models too, where model.input may not;
    # its single entry makes a model you call with a plain tensor.
    return keras.Model(model.inputs[0], [layer.output, model.outputs[0]])
    ### END SOLUTION


def grad_cam(model, image, layer_name, class_index=None):
    """The Grad-CAM heatmap of one `image` `[height, width, colours]` (no batch axis) for
    `class_index` (the model's top class when None), as a float32 numpy array `[h', w']` at
    the resolution of the layer `layer_name`.

    Steps: score = model output[class_index] (the logit, not a softmax probability);
    gradients = d score / d activations `[h', w', channels]`; weights = the gradients averaged
    over h' and w' (one number per channel); heatmap = ReLU(sum over channels of weights *
    activations), divided by its maximum, so values lie in [0, 1] and the peak is 1. A heatmap
    with no positive value stays all zeros (never NaN).
    Example: activations [[[1, 0]], [[2, 2]]] (h'=2, w'=1, 2 channels) with channel weights
    [1, -2]: sums [[1], [-2]] -> ReLU [[1], [0]] -> divided by 1 -> [[1.0], [0.0]].
    """
    ### BEGIN SOLUTION: record the forward pass on a GradientTape and differentiate the class score w.r.t. the activations.
    images = tf.convert_to_tensor(image, tf.float32)[None]  # Add the batch axis the model expects.
    with tf.GradientTape() as tape:
        activations, scores = activations_and_scores_model(model, layer_name)(images)
        if class_index is None:
            class_index = int(tf.argmax(scores[0]))
        score = scores[0, class_index]
    gradients = tape.gradient(score, activations)  # [1, h', w', channels]
    # "Global average pooling" of the gradients: how much each channel matters for the class.
    channel_weights = tf.reduce_mean(gradients, axis=(0, 1, 2))  # [channels]
    heatmap = tf.nn.relu(tf.reduce_sum(activations[0] * channel_weights, axis=-1))  # [h', w']
    # divide_no_nan: a class with no positive evidence anywhere gives 0 / 0, which must stay 0.
    heatmap = tf.math.divide_no_nan(heatmap, tf.reduce_max(heatmap))
    return heatmap.numpy().astype(np.float32)
    ### END SOLUTION


def jet_colors(heatmap):
    """A "jet" colour for every value of `heatmap` `[h, w]` in [0, 1], as a float32 numpy array
    of RGB `[h, w, 3]` in [0, 1]: low values dark blue, middle values green, high values dark red.

    For a value v: red = clip(1.5 - |4v - 3|, 0, 1), green = clip(1.5 - |4v - 2|, 0, 1),
    blue = clip(1.5 - |4v - 1|, 0, 1).
    Example: [[0.0, 0.5, 1.0]] -> [[[0, 0, 0.5], [0.5, 1, 0.5], [0.5, 0, 0]]].
    """
    ### BEGIN SOLUTION: broadcast v[..., None] against the centres [3, 2, 1] in one numpy expression.
    values = np.asarray(heatmap, np.float32)[..., None]
    centres = np.array([3.0, 2.0, 1.0], np.float32)  # Red, green, blue peak at v = 3/4, 1/2, 1/4.
    return np.clip(1.5 - np.abs(4.0 * values - centres), 0.0, 1.0).astype(np.float32)
    ### END SOLUTION


def overlay(image, heatmap, alpha=0.4):
    """`image` (RGB, `[height, width, 3]`, values 0..255) with the coloured `heatmap` laid over
    it, as a uint8 numpy array `[height, width, 3]`.

    Resize the heatmap `[h', w']` to `[height, width]` with tf.image.resize (bilinear), colour
    it with jet_colors, scale to 0..255 and blend: (1 - alpha) * image + alpha * colours,
    rounded and clipped to 0..255.
    Example: a grey image (all 100) under a constant heatmap 0.5 (colour [127.5, 255, 127.5])
    with alpha 0.4 -> every pixel [111, 162, 111].
    """
    ### BEGIN SOLUTION: tf.image.resize wants a channel axis: resize heatmap[..., None], then drop it.
    image = np.asarray(image, np.float32)
    size = image.shape[:2]
    resized = tf.image.resize(np.asarray(heatmap, np.float32)[..., None], size)[..., 0].numpy()
    colours = 255.0 * jet_colors(resized)
    blended = (1.0 - alpha) * image + alpha * colours
    return np.clip(np.round(blended), 0, 255).astype(np.uint8)
    ### END SOLUTION


def save_png(image, path):
    """Write `image` (uint8 `[height, width, 3]`) to `path` (a str or a pathlib.Path) as a PNG,
    creating every missing folder on the way, and return the path as a pathlib.Path.

    Example: save_png(np.zeros([4, 6, 3], np.uint8), "artifacts/black.png") writes a 6-wide,
    4-high black PNG and returns Path("artifacts/black.png").
    """
    ### BEGIN SOLUTION: tf.io.encode_png gives the file's bytes; tf.io.write_file or Path.write_bytes saves them.
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(tf.io.encode_png(np.asarray(image, np.uint8)).numpy())
    return path
    ### END SOLUTION


def save_overlay(image, heatmap, name="grad_cam.png", directory=ARTIFACTS_DIR, alpha=0.4):
    """Save overlay(image, heatmap, alpha) as the PNG `directory / name` and return its path
    (a pathlib.Path, as save_png returns it).

    By default the picture lands in the repository's artifacts/ folder (ignored by git), where
    you can open it.
    Example: save_overlay(image, heatmap, "cat.png", directory=tmp) -> tmp / "cat.png".
    """
    ### BEGIN SOLUTION: combine overlay and save_png.
    return save_png(overlay(image, heatmap, alpha), Path(directory) / name)
    ### END SOLUTION
