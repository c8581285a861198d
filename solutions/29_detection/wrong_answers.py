"""Plausible wrong answers to kata 29; `make check` proves the tests catch every one."""

import keras
import tensorflow as tf
from keras import layers

from tfkatas.wrong import wrong_answer

# ----------------------------------------------------------------------------- box formats


@wrong_answer("corners_to_centres", "x before y, the notes' (x, y, w, h): returns (cx, cy, w, h)")
def x_before_y_centres(boxes):
    y_min, x_min, y_max, x_max = tf.unstack(tf.cast(boxes, tf.float32), 4, axis=-1)
    return tf.stack([(x_min + x_max) / 2, (y_min + y_max) / 2, x_max - x_min, y_max - y_min], axis=-1)


@wrong_answer("corners_to_centres", "centre = minimum + size: forgets to halve the size")
def centre_forgets_to_halve(boxes):
    y_min, x_min, y_max, x_max = tf.unstack(tf.cast(boxes, tf.float32), 4, axis=-1)
    return tf.stack([y_min + (y_max - y_min), x_min + (x_max - x_min), y_max - y_min, x_max - x_min], axis=-1)


@wrong_answer("corners_to_centres", "reads the boxes as [4, n] columns: only right for a flat [n, 4] list by luck")
def unstacks_the_first_axis(boxes):
    boxes = tf.cast(boxes, tf.float32)
    y_min, x_min, y_max, x_max = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
    return tf.stack([(y_min + y_max) / 2, (x_min + x_max) / 2, y_max - y_min, x_max - x_min], axis=-1)


@wrong_answer("centres_to_corners", "corners a whole size away from the centre, not half")
def corners_a_whole_size_away(boxes):
    cy, cx, h, w = tf.unstack(tf.cast(boxes, tf.float32), 4, axis=-1)
    return tf.stack([cy - h, cx - w, cy + h, cx + w], axis=-1)


@wrong_answer("centres_to_corners", "returns (x_min, y_min, x_max, y_max)")
def corners_x_before_y(boxes):
    cy, cx, h, w = tf.unstack(tf.cast(boxes, tf.float32), 4, axis=-1)
    return tf.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], axis=-1)


# ----------------------------------------------------------------------------- the localiser


@wrong_answer("build_localiser", "box head without a sigmoid: boxes can leave the image")
def linear_box_head(input_shape, num_classes):
    inputs = keras.Input(input_shape)
    features = layers.MaxPooling2D(2)(layers.Conv2D(16, 3, padding="same", activation="relu")(inputs))
    features = layers.MaxPooling2D(2)(layers.Conv2D(32, 3, padding="same", activation="relu")(features))
    features = layers.Dense(64, activation="relu")(layers.Flatten()(features))
    return keras.Model(inputs, {"class": layers.Dense(num_classes, activation="softmax", name="class")(features),
                                "box": layers.Dense(4, name="box")(features)})


@wrong_answer("build_localiser", "class head without softmax: logits whose rows do not sum to 1")
def class_head_logits(input_shape, num_classes):
    inputs = keras.Input(input_shape)
    features = layers.MaxPooling2D(2)(layers.Conv2D(16, 3, padding="same", activation="relu")(inputs))
    features = layers.MaxPooling2D(2)(layers.Conv2D(32, 3, padding="same", activation="relu")(features))
    features = layers.Dense(64, activation="relu")(layers.Flatten()(features))
    return keras.Model(inputs, {"class": layers.Dense(num_classes, name="class")(features),
                                "box": layers.Dense(4, activation="sigmoid", name="box")(features)})


@wrong_answer("build_localiser", "global average pooling instead of Flatten: throws away where the object is")
def global_pooling_trunk(input_shape, num_classes):
    inputs = keras.Input(input_shape)
    features = layers.MaxPooling2D(2)(layers.Conv2D(16, 3, padding="same", activation="relu")(inputs))
    features = layers.MaxPooling2D(2)(layers.Conv2D(32, 3, padding="same", activation="relu")(features))
    features = layers.Dense(64, activation="relu")(layers.GlobalAveragePooling2D()(features))
    return keras.Model(inputs, {"class": layers.Dense(num_classes, activation="softmax", name="class")(features),
                                "box": layers.Dense(4, activation="sigmoid", name="box")(features)})


@wrong_answer("build_localiser", "a list of outputs [class, box] instead of the dict the docstring asks for")
def list_of_outputs(input_shape, num_classes):
    inputs = keras.Input(input_shape)
    features = layers.MaxPooling2D(2)(layers.Conv2D(16, 3, padding="same", activation="relu")(inputs))
    features = layers.MaxPooling2D(2)(layers.Conv2D(32, 3, padding="same", activation="relu")(features))
    features = layers.Dense(64, activation="relu")(layers.Flatten()(features))
    return keras.Model(inputs, [layers.Dense(num_classes, activation="softmax", name="class")(features),
                                layers.Dense(4, activation="sigmoid", name="box")(features)])


@wrong_answer("compile_localiser", "binary cross-entropy on the sigmoid box head instead of squared error")
def binary_cross_entropy_on_boxes(model, learning_rate):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss={"class": keras.losses.SparseCategoricalCrossentropy(),
                        "box": keras.losses.BinaryCrossentropy()})
    return model


@wrong_answer("compile_localiser", "plain SGD at learning_rate instead of Adam")
def sgd_instead_of_adam(model, learning_rate):
    model.compile(optimizer=keras.optimizers.SGD(learning_rate),
                  loss={"class": keras.losses.SparseCategoricalCrossentropy(),
                        "box": keras.losses.MeanSquaredError()})
    return model


@wrong_answer("compile_localiser", "mean absolute error (L1) on the box head instead of squared error")
def absolute_error_on_boxes(model, learning_rate):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss={"class": keras.losses.SparseCategoricalCrossentropy(),
                        "box": keras.losses.MeanAbsoluteError()})
    return model


@wrong_answer("compile_localiser", "Adam at its default learning rate: ignores learning_rate")
def ignores_the_learning_rate(model, learning_rate):
    model.compile(optimizer="adam", loss={"class": keras.losses.SparseCategoricalCrossentropy(),
                                          "box": keras.losses.MeanSquaredError()})
    return model


@wrong_answer("compile_localiser", "compiles but forgets to return the model")
def forgets_to_return(model, learning_rate):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss={"class": keras.losses.SparseCategoricalCrossentropy(),
                        "box": keras.losses.MeanSquaredError()})


# ----------------------------------------------------------------------------- YOLO grids


@wrong_answer("encode_grid", "rounds the centre to the nearest cell instead of flooring")
def rounds_to_the_nearest_cell(boxes, grid_height, grid_width):
    cy, cx, h, w = tf.unstack(corners_to_centres(boxes), 4, axis=-1)
    y_cells, x_cells = cy * grid_height, cx * grid_width
    rows = tf.minimum(tf.round(y_cells), grid_height - 1)
    columns = tf.minimum(tf.round(x_cells), grid_width - 1)
    values = tf.stack([tf.ones_like(cy), y_cells - rows, x_cells - columns, h, w], axis=-1)
    return tf.scatter_nd(tf.cast(tf.stack([rows, columns], axis=-1), tf.int32), values, [grid_height, grid_width, 5])


@wrong_answer("encode_grid", "offsets in image units (cy - row / grid_height), not in cells")
def offsets_in_image_units(boxes, grid_height, grid_width):
    cy, cx, h, w = tf.unstack(corners_to_centres(boxes), 4, axis=-1)
    rows, columns = tf.floor(cy * grid_height), tf.floor(cx * grid_width)
    values = tf.stack([tf.ones_like(cy), cy - rows / grid_height, cx - columns / grid_width, h, w], axis=-1)
    return tf.scatter_nd(tf.cast(tf.stack([rows, columns], axis=-1), tf.int32), values, [grid_height, grid_width, 5])


@wrong_answer("encode_grid", "sizes relative to a cell (h * grid_height) instead of to the image")
def sizes_relative_to_the_cell(boxes, grid_height, grid_width):
    cy, cx, h, w = tf.unstack(corners_to_centres(boxes), 4, axis=-1)
    y_cells, x_cells = cy * grid_height, cx * grid_width
    rows, columns = tf.floor(y_cells), tf.floor(x_cells)
    values = tf.stack([tf.ones_like(cy), y_cells - rows, x_cells - columns, h * grid_height, w * grid_width], axis=-1)
    return tf.scatter_nd(tf.cast(tf.stack([rows, columns], axis=-1), tf.int32), values, [grid_height, grid_width, 5])


@wrong_answer("encode_grid", "scales cy by grid_width and cx by grid_height")
def grid_sizes_swapped(boxes, grid_height, grid_width):
    cy, cx, h, w = tf.unstack(corners_to_centres(boxes), 4, axis=-1)
    y_cells, x_cells = cy * grid_width, cx * grid_height
    rows = tf.minimum(tf.floor(y_cells), grid_height - 1)
    columns = tf.minimum(tf.floor(x_cells), grid_width - 1)
    values = tf.stack([tf.ones_like(cy), y_cells - rows, x_cells - columns, h, w], axis=-1)
    return tf.scatter_nd(tf.cast(tf.stack([rows, columns], axis=-1), tf.int32), values, [grid_height, grid_width, 5])


@wrong_answer("decode_grid", "objectness >= threshold: keeps a cell exactly at the threshold")
def keeps_cells_at_the_threshold(grid, threshold=0.5):
    grid = tf.cast(grid, tf.float32)
    cells = tf.where(grid[..., 0] >= threshold)
    chosen = tf.gather_nd(grid, cells)
    rows, columns = tf.unstack(tf.cast(cells, tf.float32), 2, axis=-1)
    centres = tf.stack([(rows + chosen[:, 1]) / grid.shape[0], (columns + chosen[:, 2]) / grid.shape[1],
                        chosen[:, 3], chosen[:, 4]], axis=-1)
    return centres_to_corners(centres), chosen[:, 0]


@wrong_answer("decode_grid", "adds the offset after dividing: cy = row / grid_height + offset")
def adds_offset_after_dividing(grid, threshold=0.5):
    grid = tf.cast(grid, tf.float32)
    cells = tf.where(grid[..., 0] > threshold)
    chosen = tf.gather_nd(grid, cells)
    rows, columns = tf.unstack(tf.cast(cells, tf.float32), 2, axis=-1)
    centres = tf.stack([rows / grid.shape[0] + chosen[:, 1], columns / grid.shape[1] + chosen[:, 2],
                        chosen[:, 3], chosen[:, 4]], axis=-1)
    return centres_to_corners(centres), chosen[:, 0]


@wrong_answer("decode_grid", "returns centre boxes: forgets to convert to corners")
def returns_centre_boxes(grid, threshold=0.5):
    grid = tf.cast(grid, tf.float32)
    cells = tf.where(grid[..., 0] > threshold)
    chosen = tf.gather_nd(grid, cells)
    rows, columns = tf.unstack(tf.cast(cells, tf.float32), 2, axis=-1)
    centres = tf.stack([(rows + chosen[:, 1]) / grid.shape[0], (columns + chosen[:, 2]) / grid.shape[1],
                        chosen[:, 3], chosen[:, 4]], axis=-1)
    return centres, chosen[:, 0]


@wrong_answer("decode_grid", "lists the kept cells from the highest score down instead of row-major")
def sorted_by_score(grid, threshold=0.5):
    grid = tf.cast(grid, tf.float32)
    cells = tf.where(grid[..., 0] > threshold)
    chosen = tf.gather_nd(grid, cells)
    order = tf.argsort(chosen[:, 0], direction="DESCENDING")
    cells, chosen = tf.gather(cells, order), tf.gather(chosen, order)
    rows, columns = tf.unstack(tf.cast(cells, tf.float32), 2, axis=-1)
    centres = tf.stack([(rows + chosen[:, 1]) / grid.shape[0], (columns + chosen[:, 2]) / grid.shape[1],
                        chosen[:, 3], chosen[:, 4]], axis=-1)
    return centres_to_corners(centres), chosen[:, 0]


# ----------------------------------------------------------------------------- non-max suppression


@wrong_answer("non_max_suppression", "a box is dropped if any higher-scoring box overlaps it, kept or not")
def any_higher_box_suppresses(boxes, scores, max_outputs, iou_threshold=0.5):
    boxes = tf.cast(boxes, tf.float32)
    order = tf.argsort(scores, direction="DESCENDING")
    kept = []
    for rank in range(int(tf.size(order))):
        index = order[rank]
        if rank == 0 or float(tf.reduce_max(iou_one_to_many(boxes[index], tf.gather(boxes, order[:rank])))) \
                <= iou_threshold:
            kept.append(index)
    return tf.cast(tf.stack(kept[:max_outputs]), tf.int32)


@wrong_answer("non_max_suppression", "IoU >= iou_threshold suppresses: drops a box exactly at the threshold")
def suppresses_at_the_threshold(boxes, scores, max_outputs, iou_threshold=0.5):
    boxes = tf.cast(boxes, tf.float32)
    remaining = tf.argsort(scores, direction="DESCENDING")
    kept = []
    while len(kept) < max_outputs and tf.size(remaining) > 0:
        kept.append(remaining[0])
        overlaps = iou_one_to_many(boxes[remaining[0]], tf.gather(boxes, remaining[1:]))
        remaining = tf.boolean_mask(remaining[1:], overlaps < iou_threshold)
    return tf.cast(tf.stack(kept), tf.int32)


@wrong_answer("non_max_suppression", "goes through the boxes in index order, not by score")
def index_order_not_score(boxes, scores, max_outputs, iou_threshold=0.5):
    boxes = tf.cast(boxes, tf.float32)
    remaining = tf.range(tf.shape(boxes)[0])
    kept = []
    while len(kept) < max_outputs and tf.size(remaining) > 0:
        kept.append(remaining[0])
        overlaps = iou_one_to_many(boxes[remaining[0]], tf.gather(boxes, remaining[1:]))
        remaining = tf.boolean_mask(remaining[1:], overlaps <= iou_threshold)
    return tf.cast(tf.stack(kept), tf.int32)


@wrong_answer("non_max_suppression", "ignores max_outputs")
def ignores_max_outputs(boxes, scores, max_outputs, iou_threshold=0.5):
    boxes = tf.cast(boxes, tf.float32)
    remaining = tf.argsort(scores, direction="DESCENDING")
    kept = []
    while tf.size(remaining) > 0:
        kept.append(remaining[0])
        overlaps = iou_one_to_many(boxes[remaining[0]], tf.gather(boxes, remaining[1:]))
        remaining = tf.boolean_mask(remaining[1:], overlaps <= iou_threshold)
    return tf.cast(tf.stack(kept), tf.int32)


@wrong_answer("non_max_suppression", "returns the kept indices sorted by index, not in the order kept")
def kept_sorted_by_index(boxes, scores, max_outputs, iou_threshold=0.5):
    boxes = tf.cast(boxes, tf.float32)
    remaining = tf.argsort(scores, direction="DESCENDING")
    kept = []
    while len(kept) < max_outputs and tf.size(remaining) > 0:
        kept.append(remaining[0])
        overlaps = iou_one_to_many(boxes[remaining[0]], tf.gather(boxes, remaining[1:]))
        remaining = tf.boolean_mask(remaining[1:], overlaps <= iou_threshold)
    return tf.sort(tf.cast(tf.stack(kept), tf.int32))


@wrong_answer("non_max_suppression", "calls the built-in tf.image.non_max_suppression the docstring forbids")
def calls_the_built_in(boxes, scores, max_outputs, iou_threshold=0.5):
    return tf.image.non_max_suppression(boxes, scores, max_outputs, iou_threshold)


# ----------------------------------------------------------------------------- drawing


@wrong_answer("draw_detections", "colours divided by 255 as for a 0..1 image: the outline comes out black")
def colours_scaled_to_one(image, boxes, colours):
    drawn = tf.image.draw_bounding_boxes(tf.cast(image, tf.float32)[None], tf.cast(boxes, tf.float32)[None],
                                         tf.cast(colours, tf.float32) / 255.0)
    return tf.cast(drawn[0], tf.uint8)


@wrong_answer("draw_detections", "draws every box in the first colour")
def one_colour_for_all(image, boxes, colours):
    drawn = tf.image.draw_bounding_boxes(tf.cast(image, tf.float32)[None], tf.cast(boxes, tf.float32)[None],
                                         tf.cast(colours, tf.float32)[:1])
    return tf.cast(drawn[0], tf.uint8)


@wrong_answer("save_detections", "saves the picture as a JPEG under the .png name")
def saves_a_jpeg(image, boxes, colours, name="29_detections.png", directory=None):
    # The default is read at call time: ARTIFACTS_DIR lives in the solution's globals, not here.
    path = Path(ARTIFACTS_DIR if directory is None else directory) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(tf.io.encode_jpeg(draw_detections(image, boxes, colours)).numpy())
    return path


@wrong_answer("save_detections", "saves the image without the boxes")
def saves_without_boxes(image, boxes, colours, name="29_detections.png", directory=None):
    # The default is read at call time: ARTIFACTS_DIR lives in the solution's globals, not here.
    path = Path(ARTIFACTS_DIR if directory is None else directory) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(tf.io.encode_png(tf.cast(image, tf.uint8)).numpy())
    return path
