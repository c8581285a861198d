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
    ### BEGIN SOLUTION: the centre is the midpoint of the two corners, the size their difference; split and stack the last axis.
    y_min, x_min, y_max, x_max = tf.unstack(tf.cast(boxes, tf.float32), 4, axis=-1)
    return tf.stack([(y_min + y_max) / 2, (x_min + x_max) / 2, y_max - y_min, x_max - x_min], axis=-1)
    ### END SOLUTION


def centres_to_corners(boxes):
    """Centre boxes `[..., 4]` (cy, cx, h, w) as corner boxes `[..., 4]`
    (y_min, x_min, y_max, x_max), float32, for any number of leading axes.

    Example: [[0.4, 0.3, 0.4, 0.4]] -> [[0.2, 0.1, 0.6, 0.5]].
    """
    ### BEGIN SOLUTION: each corner lies half a size away from the centre.
    cy, cx, h, w = tf.unstack(tf.cast(boxes, tf.float32), 4, axis=-1)
    return tf.stack([cy - h / 2, cx - w / 2, cy + h / 2, cx + w / 2], axis=-1)
    ### END SOLUTION


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
    ### BEGIN SOLUTION: keras.Model accepts a dict of output tensors; each head is a Dense layer with its own activation and name.
    inputs = keras.Input(input_shape)
    features = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
    features = layers.MaxPooling2D(2)(features)
    features = layers.Conv2D(32, 3, padding="same", activation="relu")(features)
    features = layers.MaxPooling2D(2)(features)
    # Flatten, not global pooling: pooling over space would throw away where the object is.
    features = layers.Dense(64, activation="relu")(layers.Flatten()(features))
    probabilities = layers.Dense(num_classes, activation="softmax", name="class")(features)
    # A sigmoid keeps the box inside the image: every coordinate lies between 0 and 1.
    box = layers.Dense(4, activation="sigmoid", name="box")(features)
    return keras.Model(inputs, {"class": probabilities, "box": box})
    ### END SOLUTION


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
    ### BEGIN SOLUTION: compile takes a dict of losses keyed by the output names.
    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss={"class": keras.losses.SparseCategoricalCrossentropy(),
                        "box": keras.losses.MeanSquaredError()})
    return model
    ### END SOLUTION


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
    ### BEGIN SOLUTION: scale the centres to grid units; floor gives the cell, the remainder the offset; scatter the rows into a zero grid.
    cy, cx, h, w = tf.unstack(corners_to_centres(boxes), 4, axis=-1)
    y_cells, x_cells = cy * grid_height, cx * grid_width
    rows, columns = tf.floor(y_cells), tf.floor(x_cells)
    values = tf.stack([tf.ones_like(cy), y_cells - rows, x_cells - columns, h, w], axis=-1)  # [n, 5]
    cells = tf.cast(tf.stack([rows, columns], axis=-1), tf.int32)  # [n, 2]
    return tf.scatter_nd(cells, values, [grid_height, grid_width, 5])
    ### END SOLUTION


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
    ### BEGIN SOLUTION: tf.where on the objectness finds the cells in row-major order; undo the offsets in grid units, then divide by the grid size.
    grid = tf.cast(grid, tf.float32)
    grid_height, grid_width = grid.shape[0], grid.shape[1]
    cells = tf.where(grid[..., 0] > threshold)  # [k, 2] int64, row-major.
    chosen = tf.gather_nd(grid, cells)  # [k, 5]
    rows, columns = tf.unstack(tf.cast(cells, tf.float32), 2, axis=-1)
    cy = (rows + chosen[:, 1]) / grid_height
    cx = (columns + chosen[:, 2]) / grid_width
    centres = tf.stack([cy, cx, chosen[:, 3], chosen[:, 4]], axis=-1)
    return centres_to_corners(centres), chosen[:, 0]
    ### END SOLUTION


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
    ### BEGIN SOLUTION: sort by score with tf.argsort; each round keeps the best remaining box and drops those that overlap it too much.
    boxes = tf.cast(boxes, tf.float32)
    remaining = tf.argsort(scores, direction="DESCENDING", stable=True)
    kept = []
    # One round per kept box (at most max_outputs); each round is vectorised over the boxes left.
    while len(kept) < max_outputs and tf.size(remaining) > 0:
        best = remaining[0]
        kept.append(best)
        overlaps = iou_one_to_many(boxes[best], tf.gather(boxes, remaining[1:]))
        # Only boxes that overlap a *kept* box are dropped: a dropped box suppresses nothing.
        remaining = tf.boolean_mask(remaining[1:], overlaps <= iou_threshold)
    return tf.cast(tf.stack(kept), tf.int32) if kept else tf.zeros([0], tf.int32)
    ### END SOLUTION


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
    ### BEGIN SOLUTION: add a batch axis to the image and the boxes, cast to float, draw, then remove the axis and cast back.
    pictures = tf.cast(image, tf.float32)[None]
    drawn = tf.image.draw_bounding_boxes(pictures, tf.cast(boxes, tf.float32)[None], tf.cast(colours, tf.float32))
    return tf.cast(drawn[0], tf.uint8)
    ### END SOLUTION


def save_detections(image, boxes, colours, name="29_detections.png", directory=ARTIFACTS_DIR):
    """Draw the boxes on `image` as draw_detections does and save the picture as the PNG
    `directory / name` (creating missing folders); return its path as a pathlib.Path.

    By default the picture lands in the repository's artifacts/ folder (ignored by git).
    Example: save_detections(image, boxes, colours, "cars.png", directory=tmp) -> tmp / "cars.png".
    """
    ### BEGIN SOLUTION: tf.io.encode_png gives the file's bytes; Path.write_bytes saves them.
    path = Path(directory) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(tf.io.encode_png(draw_detections(image, boxes, colours)).numpy())
    return path
    ### END SOLUTION
