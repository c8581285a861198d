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
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("a functional keras.Model can share the trained layers and return several outputs; see Model.get_layer.")


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
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("record the forward pass on a GradientTape and differentiate the class score w.r.t. the activations.")


def jet_colors(heatmap):
    """A "jet" colour for every value of `heatmap` `[h, w]` in [0, 1], as a float32 numpy array
    of RGB `[h, w, 3]` in [0, 1]: low values dark blue, middle values green, high values dark red.

    For a value v: red = clip(1.5 - |4v - 3|, 0, 1), green = clip(1.5 - |4v - 2|, 0, 1),
    blue = clip(1.5 - |4v - 1|, 0, 1).
    Example: [[0.0, 0.5, 1.0]] -> [[[0, 0, 0.5], [0.5, 1, 0.5], [0.5, 0, 0]]].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("broadcast v[..., None] against the centres [3, 2, 1] in one numpy expression.")


def overlay(image, heatmap, alpha=0.4):
    """`image` (RGB, `[height, width, 3]`, values 0..255) with the coloured `heatmap` laid over
    it, as a uint8 numpy array `[height, width, 3]`.

    Resize the heatmap `[h', w']` to `[height, width]` with tf.image.resize (bilinear), colour
    it with jet_colors, scale to 0..255 and blend: (1 - alpha) * image + alpha * colours,
    rounded and clipped to 0..255.
    Example: a grey image (all 100) under a constant heatmap 0.5 (colour [127.5, 255, 127.5])
    with alpha 0.4 -> every pixel [111, 162, 111].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tf.image.resize wants a channel axis: resize heatmap[..., None], then drop it.")


def save_png(image, path):
    """Write `image` (uint8 `[height, width, 3]`) to `path` (a str or a pathlib.Path) as a PNG,
    creating every missing folder on the way, and return the path as a pathlib.Path.

    Example: save_png(np.zeros([4, 6, 3], np.uint8), "artifacts/black.png") writes a 6-wide,
    4-high black PNG and returns Path("artifacts/black.png").
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tf.io.encode_png gives the file's bytes; tf.io.write_file or Path.write_bytes saves them.")


def save_overlay(image, heatmap, name="grad_cam.png", directory=ARTIFACTS_DIR, alpha=0.4):
    """Save overlay(image, heatmap, alpha) as the PNG `directory / name` and return its path
    (a pathlib.Path, as save_png returns it).

    By default the picture lands in the repository's artifacts/ folder (ignored by git), where
    you can open it.
    Example: save_overlay(image, heatmap, "cat.png", directory=tmp) -> tmp / "cat.png".
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("combine overlay and save_png.")
