"""Kata 29 — Localisation and detection.

A localiser looks at an image holding one object and says what it is and where: a convolutional
base, then two heads, a softmax over the classes and four numbers for the box (the notes'
"先卷积——>全连接层——>两种激活（softmax，L2loss回归问题来定位）"). A detector finds many objects:
YOLO cuts the image into an S_h x S_w grid, and the cell that holds an object's centre predicts
it; overlapping guesses of the same object are then thinned out by non-max suppression (NMS).

Boxes come in two formats, both relative to the image (0 = top or left edge, 1 = bottom or right
edge): corners (y_min, x_min, y_max, x_max), TensorFlow's order, and centres (cy, cx, h, w).
Box quality is measured by IoU (intersection over union, kata 28); `iou_one_to_many` below is
given to you. (The notes: `001_ef19bbe4496db3a5.txt` on localisation and IoU,
`000_27a1c33c3287df56.txt` on YOLO.)

Run `make kata N=29` to test your answers, `make hint N=29` when stuck.
"""

from pathlib import Path

import keras
import tensorflow as tf
from keras import layers

# Pictures a learner opens go to the git-ignored artifacts/ folder at the repository root.
ARTIFACTS_DIR = Path(__file__).resolve().parents[2] / "artifacts"


def iou_one_to_many(box, boxes):
    """Given (kata 28's IoU, one box against many): the IoU of corner box `box` `[4]` with each
    corner box of `boxes` `[n, 4]`, as float32 `[n]`."""
    box, boxes = tf.cast(box, tf.float32), tf.cast(boxes, tf.float32)
    height = tf.maximum(tf.minimum(box[2], boxes[:, 2]) - tf.maximum(box[0], boxes[:, 0]), 0.0)
    width = tf.maximum(tf.minimum(box[3], boxes[:, 3]) - tf.maximum(box[1], boxes[:, 1]), 0.0)
    intersection = height * width
    area = (box[2] - box[0]) * (box[3] - box[1])
    areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    return tf.math.divide_no_nan(intersection, area + areas - intersection)


def corners_to_centres(boxes):
    """Corner boxes `[..., 4]` (y_min, x_min, y_max, x_max) as centre boxes `[..., 4]`
    (cy, cx, h, w), float32, for any number of leading axes (`[n, 4]`, `[batch, n, 4]`).

    Keep TensorFlow's y-before-x order in both formats.
    Example: [[0.2, 0.1, 0.6, 0.5]] -> [[0.4, 0.3, 0.4, 0.4]].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("the centre is the midpoint of the two corners, the size their difference; split and stack the last axis.")


def centres_to_corners(boxes):
    """Centre boxes `[..., 4]` (cy, cx, h, w) as corner boxes `[..., 4]`
    (y_min, x_min, y_max, x_max), float32, for any number of leading axes.

    Example: [[0.4, 0.3, 0.4, 0.4]] -> [[0.2, 0.1, 0.6, 0.5]].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("each corner lies half a size away from the centre.")


def build_localiser(input_shape, num_classes):
    """A functional keras.Model from images `[batch, *input_shape]` (float, 0..1) to a dict of two
    outputs: "class", the softmax probabilities `[batch, num_classes]`, and "box", the object's
    centre box (cy, cx, h, w) relative to the image, `[batch, 4]`, squashed into (0, 1) by a sigmoid.

    Layers, in order: Conv2D(16, 3, padding="same", activation="relu"), MaxPooling2D(2),
    Conv2D(32, 3, padding="same", activation="relu"), MaxPooling2D(2), Flatten, Dense(64, relu);
    the two heads are Dense layers on that shared Dense(64), named "class" and "box".
    Example: build_localiser((24, 32, 3), 2) called on images [5, 24, 32, 3] returns
    {"class": [5, 2] (rows sum to 1), "box": [5, 4] (every value in (0, 1))}.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("keras.Model accepts a dict of output tensors; each head is a Dense layer with its own activation and name.")


def compile_localiser(model, learning_rate):
    """Compile the localiser `model` for training with Adam at `learning_rate`, one loss per head,
    and return the model.

    The "class" head learns integer class ids `[batch]` with sparse categorical cross-entropy (the
    head already applies softmax); the "box" head learns centre boxes `[batch, 4]` with mean
    squared error (the notes' L2 loss). The total loss is their plain sum, so
    `model.fit(images, {"class": labels, "box": boxes})` trains both heads at once.
    Example: after compile_localiser(model, 0.005), model.evaluate(..., return_dict=True) reports
    "class_loss", "box_loss" and "loss" = class_loss + box_loss.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("compile takes a dict of losses keyed by the output names.")


def encode_grid(boxes, grid_height, grid_width):
    """YOLO-style targets for corner boxes `boxes` `[n, 4]` (relative to the image) on a
    `grid_height` x `grid_width` grid: float32 `[grid_height, grid_width, 5]`.

    A box belongs to the cell that holds its centre (cy, cx): row floor(cy * grid_height), column
    floor(cx * grid_width); centres satisfy 0 <= cy, cx < 1 and no two share a cell. That cell holds
    [1, y offset, x offset, h, w]: 1 is the objectness, the offsets cy * grid_height - row and
    cx * grid_width - column place the centre inside the cell (0..1), and h, w stay relative
    to the whole image. Every other cell is all zeros.
    Example: one box [0.1, 0.2, 0.5, 0.6] (centre (0.3, 0.4), size 0.4 x 0.4) on a 2 x 3 grid ->
    cell (0, 1) holds [1, 0.6, 0.2, 0.4, 0.4]: 0.3 * 2 = 0.6 rows, 0.4 * 3 = 1.2 columns.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("scale the centres to grid units; floor gives the cell, the remainder the offset; scatter the rows into a zero grid.")


def decode_grid(grid, threshold=0.5):
    """The boxes a YOLO-style grid `[grid_height, grid_width, 5]` (the layout of encode_grid)
    holds: a tuple (boxes, scores) for the cells whose objectness is greater than `threshold`.

    boxes: float32 `[k, 4]` corner boxes (y_min, x_min, y_max, x_max) relative to the image;
    scores: float32 `[k]`, those cells' objectness. Cells come in row-major order (row 0 left to
    right, then row 1, ...). A cell at exactly `threshold` is left out; no cell above it gives
    boxes of shape [0, 4] and scores of shape [0].
    Example: a 2 x 3 grid whose cell (0, 1) holds [0.9, 0.6, 0.2, 0.4, 0.4] (the rest zeros) ->
    boxes [[0.1, 0.2, 0.5, 0.6]], scores [0.9].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tf.where on the objectness finds the cells in row-major order; undo the offsets in grid units, then divide by the grid size.")


def non_max_suppression(boxes, scores, max_outputs, iou_threshold=0.5):
    """Greedy non-max suppression, by hand: the indices of the boxes to keep, int32 `[k]`.

    `boxes` are corner boxes `[n, 4]`, `scores` `[n]` (all different). Go through the boxes from
    the highest score down: keep a box unless its IoU with a box already kept is greater than
    `iou_threshold` (a box at exactly the threshold is kept); stop once `max_outputs` boxes are
    kept. Return the kept indices in the order they were kept (highest score first), as
    `tf.image.non_max_suppression(boxes, scores, max_outputs, iou_threshold)` does, without
    calling it or its variants. `iou_one_to_many` is there to help.
    Example: boxes [[0, 0, 2, 2], [0, 0, 2, 1.8], [3, 3, 4, 4]], scores [0.8, 0.9, 0.7],
    max_outputs 5, iou_threshold 0.5 -> [1, 2] (box 0 overlaps kept box 1 with IoU 0.9).
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("sort by score with tf.argsort; each round keeps the best remaining box and drops those that overlap it too much.")


def draw_detections(image, boxes, colours):
    """`image` (uint8 `[height, width, 3]`) with each corner box of `boxes` `[k, 4]` (relative to
    the image) drawn as a one-pixel outline in its colour from `colours` (`[k, 3]`, 0..255):
    a uint8 tensor `[height, width, 3]`, the rest of the picture unchanged.

    Use tf.image.draw_bounding_boxes (it wants a batch axis and floats); a box's outline runs
    along pixel rows floor(y_min * (height - 1)) and floor(y_max * (height - 1)), and the columns
    likewise with width - 1.
    Example: a grey 6 x 8 image with box [0.2, 0.25, 0.8, 0.75] in red -> a red outline on rows 1
    and 4, columns 1 and 5.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("add a batch axis to the image and the boxes, cast to float, draw, then remove the axis and cast back.")


def save_detections(image, boxes, colours, name="29_detections.png", directory=ARTIFACTS_DIR):
    """Draw the boxes on `image` as draw_detections does and save the picture as the PNG
    `directory / name` (creating missing folders); return its path as a pathlib.Path.

    By default the picture lands in the repository's artifacts/ folder (ignored by git).
    Example: save_detections(image, boxes, colours, "cars.png", directory=tmp) -> tmp / "cars.png".
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tf.io.encode_png gives the file's bytes; Path.write_bytes saves them.")
