"""Tests for kata 29. Oracles: grids and boxes worked out by hand, numpy loops, keras.losses,
tf.image.non_max_suppression, tf.image.draw_bounding_boxes, tf.io.decode_png, and a localiser
trained here on synthetic one-object pictures."""

from pathlib import Path

import keras
import numpy as np
import pytest
import tensorflow as tf

from tfkatas.testing import assert_close, assert_dtype, assert_equal, assert_shape, calls_forbidden


def random_corner_boxes(seed, shape):
    """Corner boxes `[*shape, 4]` inside the unit square, with y_min < y_max and x_min < x_max."""
    rng = np.random.default_rng(seed)
    starts = rng.uniform(0.0, 0.6, size=shape + (2,))
    sizes = rng.uniform(0.05, 0.4, size=shape + (2,))
    return np.concatenate([starts, starts + sizes], axis=-1).astype(np.float32)


def centres_by_hand(corners):
    corners = corners.astype(np.float64)
    y_min, x_min, y_max, x_max = (corners[..., i] for i in range(4))
    return np.stack([(y_min + y_max) / 2, (x_min + x_max) / 2, y_max - y_min, x_max - x_min], axis=-1)


def corners_by_hand(centres):
    centres = centres.astype(np.float64)
    cy, cx, h, w = (centres[..., i] for i in range(4))
    return np.stack([cy - h / 2, cx - w / 2, cy + h / 2, cx + w / 2], axis=-1)


# ----------------------------------------------------------------------------- box formats


def test_corners_to_centres_on_the_worked_example(kata):
    result = kata.corners_to_centres(tf.constant([[0.2, 0.1, 0.6, 0.5]]))
    assert_close(result, [[0.4, 0.3, 0.4, 0.4]], "corners_to_centres([[0.2, 0.1, 0.6, 0.5]]) (cy, cx, h, w)",
                 dtype=tf.float32)


def test_corners_to_centres_keeps_y_before_x_on_a_tall_box(kata):
    # A tall, narrow box away from the diagonal: swapping y and x, or h and w, changes every number.
    result = kata.corners_to_centres(tf.constant([[0.1, 0.6, 0.9, 0.8]]))
    assert_close(result, [[0.5, 0.7, 0.8, 0.2]], "corners_to_centres([[0.1, 0.6, 0.9, 0.8]]) (cy, cx, h, w)")


def test_corners_to_centres_works_on_any_leading_axes(kata):
    corners = random_corner_boxes(1, (2, 3))
    result = kata.corners_to_centres(tf.constant(corners))
    assert_close(result, centres_by_hand(corners), "corners_to_centres(boxes [2, 3, 4])", dtype=tf.float32)


def test_centres_to_corners_on_the_worked_example(kata):
    result = kata.centres_to_corners(tf.constant([[0.4, 0.3, 0.4, 0.4]]))
    assert_close(result, [[0.2, 0.1, 0.6, 0.5]], "centres_to_corners([[0.4, 0.3, 0.4, 0.4]])", dtype=tf.float32)


def test_centres_to_corners_works_on_any_leading_axes(kata):
    centres = centres_by_hand(random_corner_boxes(2, (3, 2))).astype(np.float32)
    result = kata.centres_to_corners(tf.constant(centres))
    assert_close(result, corners_by_hand(centres), "centres_to_corners(boxes [3, 2, 4])", dtype=tf.float32)


def test_centres_to_corners_undoes_corners_to_centres(kata):
    corners = random_corner_boxes(3, (7,))
    result = kata.centres_to_corners(kata.corners_to_centres(tf.constant(corners)))
    assert_close(result, corners, "centres_to_corners(corners_to_centres(7 boxes))")


# ----------------------------------------------------------------------------- YOLO grids

def encode_by_loop(corners, grid_height, grid_width):
    grid = np.zeros((grid_height, grid_width, 5))
    for cy, cx, h, w in centres_by_hand(corners):
        row, column = int(cy * grid_height), int(cx * grid_width)
        grid[row, column] = [1.0, cy * grid_height - row, cx * grid_width - column, h, w]
    return grid


def boxes_in_distinct_cells(seed, grid_height, grid_width, count):
    """`count` corner boxes whose centres lie in different cells, away from the cell borders."""
    rng = np.random.default_rng(seed)
    cells = rng.choice(grid_height * grid_width, size=count, replace=False)
    cy = (cells // grid_width + rng.uniform(0.1, 0.9, count)) / grid_height
    cx = (cells % grid_width + rng.uniform(0.1, 0.9, count)) / grid_width
    h, w = rng.uniform(0.05, 0.5, count), rng.uniform(0.05, 0.5, count)
    return corners_by_hand(np.stack([cy, cx, h, w], axis=-1)).astype(np.float32)


def test_encode_grid_on_the_worked_example(kata):
    result = kata.encode_grid(tf.constant([[0.1, 0.2, 0.5, 0.6]]), 2, 3)
    expected = np.zeros((2, 3, 5))
    expected[0, 1] = [1.0, 0.6, 0.2, 0.4, 0.4]
    assert_close(result, expected, "encode_grid([[0.1, 0.2, 0.5, 0.6]], grid_height=2, grid_width=3)",
                 dtype=tf.float32, rtol=1e-5, atol=1e-5)


def test_encode_grid_on_a_hand_worked_three_by_four_grid(kata):
    # Box A: centre (0.75, 0.125), size 0.3 x 0.15 -> rows 2.25, columns 0.5: cell (2, 0), offsets 0.25, 0.5.
    # Box B: centre (0.2, 0.8), size 0.2 x 0.4 -> rows 0.6, columns 3.2: cell (0, 3), offsets 0.6, 0.2.
    boxes = [[0.6, 0.05, 0.9, 0.2], [0.1, 0.6, 0.3, 1.0]]
    expected = np.zeros((3, 4, 5))
    expected[2, 0] = [1.0, 0.25, 0.5, 0.3, 0.15]
    expected[0, 3] = [1.0, 0.6, 0.2, 0.2, 0.4]
    assert_close(kata.encode_grid(tf.constant(boxes), 3, 4), expected,
                 "encode_grid(two boxes, grid_height=3, grid_width=4)", rtol=1e-5, atol=1e-5)


def test_encode_grid_matches_a_loop_on_random_boxes(kata):
    boxes = boxes_in_distinct_cells(4, 5, 7, 9)
    assert_close(kata.encode_grid(tf.constant(boxes), 5, 7), encode_by_loop(boxes, 5, 7),
                 "encode_grid(9 boxes, grid_height=5, grid_width=7)", dtype=tf.float32, rtol=1e-5, atol=1e-5)


def test_decode_grid_on_the_worked_example(kata):
    grid = np.zeros((2, 3, 5), np.float32)
    grid[0, 1] = [0.9, 0.6, 0.2, 0.4, 0.4]
    boxes, scores = kata.decode_grid(tf.constant(grid))
    assert_close(boxes, [[0.1, 0.2, 0.5, 0.6]], "the boxes of decode_grid(2 x 3 grid with one cell at 0.9)",
                 dtype=tf.float32, atol=1e-6)
    assert_close(scores, [0.9], "the scores of decode_grid(2 x 3 grid with one cell at 0.9)", dtype=tf.float32)


def test_decode_grid_keeps_only_cells_above_the_threshold_in_row_major_order(kata):
    grid = np.zeros((3, 4, 5), np.float32)
    grid[2, 0] = [0.875, 0.25, 0.5, 0.3, 0.15]   # Kept: above 0.75.
    grid[0, 3] = [0.8, 0.6, 0.2, 0.2, 0.4]       # Kept, and comes first: row 0 before row 2.
    grid[1, 1] = [0.75, 0.5, 0.5, 0.1, 0.1]      # Exactly at the threshold: left out.
    grid[1, 2] = [0.5, 0.5, 0.5, 0.1, 0.1]       # Below: left out.
    boxes, scores = kata.decode_grid(tf.constant(grid), threshold=0.75)
    what = "decode_grid(3 x 4 grid with objectness 0.875, 0.8, 0.75, 0.5, threshold=0.75)"
    assert_close(scores, [0.8, 0.875], "the scores of " + what)
    assert_close(boxes, [[0.1, 0.6, 0.3, 1.0], [0.6, 0.05, 0.9, 0.2]], "the boxes of " + what, atol=1e-6)


def test_decode_grid_of_an_empty_grid_gives_no_boxes(kata):
    boxes, scores = kata.decode_grid(tf.zeros((2, 5, 5)), threshold=0.25)
    assert_shape(boxes, (0, 4), "the boxes of decode_grid(all-zero 2 x 5 grid)")
    assert_shape(scores, (0,), "the scores of decode_grid(all-zero 2 x 5 grid)")


def test_decode_grid_recovers_the_boxes_of_an_encoded_grid(kata):
    boxes = boxes_in_distinct_cells(5, 4, 6, 8)
    grid = encode_by_loop(boxes, 4, 6).astype(np.float32)
    cells = [(int(cy * 4), int(cx * 6)) for cy, cx, _, _ in centres_by_hand(boxes)]
    order = sorted(range(8), key=lambda index: cells[index])   # Row-major: by row, then by column.
    decoded, scores = kata.decode_grid(tf.constant(grid), threshold=0.3)
    assert_close(decoded, boxes[order], "decode_grid(the grid of 8 boxes on 4 x 6, threshold=0.3) (row-major order)",
                 dtype=tf.float32, atol=1e-6)
    assert_close(scores, np.ones(8), "the scores of decode_grid(the grid of 8 boxes)")


# ----------------------------------------------------------------------------- non-max suppression

NMS_APIS = ("tf.image.non_max_suppression", "tf.image.non_max_suppression_padded",
            "tf.image.non_max_suppression_with_scores", "tf.image.non_max_suppression_overlaps",
            "tf.image.combined_non_max_suppression")


def nms(kata, boxes, scores, max_outputs, iou_threshold, what):
    with calls_forbidden(what, *NMS_APIS):
        result = kata.non_max_suppression(tf.constant(boxes, tf.float32), tf.constant(scores, tf.float32),
                                          max_outputs, iou_threshold)
    assert_dtype(result, tf.int32, what)
    return result


def test_non_max_suppression_on_the_worked_example(kata):
    boxes, scores = [[0, 0, 2, 2], [0, 0, 2, 1.8], [3, 3, 4, 4]], [0.8, 0.9, 0.7]
    what = "non_max_suppression(3 boxes, scores [0.8, 0.9, 0.7], 5, 0.5)"
    assert_equal(nms(kata, boxes, scores, 5, 0.5, what), [1, 2], what)


def test_non_max_suppression_keeps_a_box_exactly_at_the_threshold(kata):
    # IoU([0, 0, 2, 2], [0, 0, 2, 1]) = 2 / 4 = 0.5 exactly: not greater than 0.5, so both stay.
    boxes, scores = [[0, 0, 2, 1], [0, 0, 2, 2]], [0.6, 0.7]
    what = "non_max_suppression(two boxes with IoU exactly 0.5, 4, iou_threshold=0.5)"
    assert_equal(nms(kata, boxes, scores, 4, 0.5, what), [1, 0], what)


def test_non_max_suppression_lets_only_kept_boxes_suppress(kata):
    # A chain: A overlaps B, B overlaps C, A and C are apart. Greedy NMS keeps A, drops B; C survives,
    # because B (dropped) suppresses nothing.
    boxes = [[0, 0, 1, 1], [0, 0.6, 1, 1.6], [0, 1.2, 1, 2.2]]
    scores = [0.9, 0.8, 0.7]
    what = "non_max_suppression(a chain of 3 boxes, 3, iou_threshold=0.2)"
    assert_equal(nms(kata, boxes, scores, 3, 0.2, what), [0, 2], what)


def test_non_max_suppression_stops_at_max_outputs(kata):
    boxes = random_corner_boxes(6, (12,))
    scores = np.random.default_rng(7).permutation(12).astype(np.float32) / 12 + 0.01
    expected = tf.image.non_max_suppression(boxes, scores, 3, 0.9)
    assert len(expected) == 3, "test data: more than 3 boxes should survive at iou_threshold=0.9"
    what = "non_max_suppression(12 boxes, max_outputs=3, iou_threshold=0.9)"
    result = nms(kata, boxes, scores, 3, 0.9, what)
    assert_equal(result, expected, what)


@pytest.mark.parametrize("seed, count, max_outputs, iou_threshold",
                         [(8, 30, 10, 0.3), (9, 25, 25, 0.45), (10, 40, 6, 0.1)])
def test_non_max_suppression_agrees_with_tensorflow(kata, seed, count, max_outputs, iou_threshold):
    boxes = random_corner_boxes(seed, (count,))
    scores = np.random.default_rng(seed + 100).permutation(count).astype(np.float32) / count + 0.01
    expected = tf.image.non_max_suppression(boxes, scores, max_outputs, iou_threshold)
    what = f"non_max_suppression({count} random boxes, max_outputs={max_outputs}, iou_threshold={iou_threshold})"
    assert_equal(nms(kata, boxes, scores, max_outputs, iou_threshold, what), expected, what)


# ----------------------------------------------------------------------------- drawing

def test_draw_detections_outlines_the_worked_example(kata):
    grey = np.full((6, 8, 3), 100, np.uint8)
    result = kata.draw_detections(grey, tf.constant([[0.2, 0.25, 0.8, 0.75]]), tf.constant([[255, 0, 0]]))
    expected = grey.copy()
    for row, column in [(r, c) for r in (1, 4) for c in range(1, 6)] + [(r, c) for r in (2, 3) for c in (1, 5)]:
        expected[row, column] = [255, 0, 0]
    assert_equal(result, expected, "draw_detections(grey 6 x 8 image, box [0.2, 0.25, 0.8, 0.75], red)",
                 dtype=tf.uint8)


def test_draw_detections_agrees_with_draw_bounding_boxes_in_each_colour(kata):
    rng = np.random.default_rng(11)
    image = rng.integers(0, 256, (20, 30, 3)).astype(np.uint8)
    boxes = random_corner_boxes(12, (3,))
    colours = np.array([[255, 0, 0], [0, 255, 0], [40, 80, 250]], np.float32)
    expected = tf.image.draw_bounding_boxes(image[None].astype(np.float32), boxes[None], colours)[0]
    result = kata.draw_detections(image, tf.constant(boxes), tf.constant(colours))
    assert_equal(result, tf.cast(expected, tf.uint8), "draw_detections(random 20 x 30 image, 3 boxes, 3 colours)",
                 dtype=tf.uint8)


def test_save_detections_writes_the_drawn_picture_as_a_png(kata, tmp_path):
    grey = np.full((6, 8, 3), 100, np.uint8)
    path = kata.save_detections(grey, tf.constant([[0.2, 0.25, 0.8, 0.75]]), tf.constant([[0, 0, 255]]),
                                "boxes.png", directory=tmp_path / "new_folder")
    expected_path = tmp_path / "new_folder" / "boxes.png"
    assert str(path) == str(expected_path), f"save_detections returned {path!r}, expected {expected_path}"
    assert expected_path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", "the saved file does not start with the PNG signature"
    picture = tf.io.decode_png(expected_path.read_bytes())
    assert_shape(picture, (6, 8, 3), "the PNG save_detections wrote")
    assert_equal(picture[1, 1], [0, 0, 255], "the PNG's pixel (1, 1), on the box outline")
    assert_equal(picture[2, 2], [100, 100, 100], "the PNG's pixel (2, 2), inside the box")


# ----------------------------------------------------------------------------- the localiser

HEIGHT, WIDTH = 24, 32   # Not square: a model that mixes up height and width has the wrong shapes.
RED, BLUE = 0, 1


def one_object_pictures(rng, count):
    """Dark noisy pictures, each with one bright red (class 0) or blue (class 1) rectangle; its box
    in centre format (cy, cx, h, w) relative to the picture."""
    pictures = rng.uniform(0.0, 0.2, (count, HEIGHT, WIDTH, 3)).astype(np.float32)
    labels = rng.integers(0, 2, count)
    boxes = np.zeros((count, 4), np.float32)
    for picture, label, box in zip(pictures, labels, boxes):
        height, width = rng.integers(5, 15), rng.integers(5, 20)
        top, left = rng.integers(0, HEIGHT - height + 1), rng.integers(0, WIDTH - width + 1)
        picture[top:top + height, left:left + width] = 0.1
        picture[top:top + height, left:left + width, 0 if label == RED else 2] = 1.0
        box[:] = [(top + height / 2) / HEIGHT, (left + width / 2) / WIDTH, height / HEIGHT, width / WIDTH]
    return pictures, labels, boxes


def paired_iou(centres_a, centres_b):
    """IoU of box i of a with box i of b, both in centre format: numpy `[n]`."""
    a, b = corners_by_hand(centres_a), corners_by_hand(centres_b)
    height = np.clip(np.minimum(a[:, 2], b[:, 2]) - np.maximum(a[:, 0], b[:, 0]), 0, None)
    width = np.clip(np.minimum(a[:, 3], b[:, 3]) - np.maximum(a[:, 1], b[:, 1]), 0, None)
    overlap = height * width
    return overlap / ((a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1]) + (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1]) - overlap)


def outputs_of(model, images, what):
    outputs = model(images)
    assert isinstance(outputs, dict) and set(outputs) == {"class", "box"}, (
        f"{what} returned {type(outputs).__name__} {list(outputs) if isinstance(outputs, dict) else ''}, "
        "expected a dict with the keys 'class' and 'box' (build the keras.Model with a dict of outputs)")
    return outputs


def test_build_localiser_gives_softmax_classes_and_sigmoid_boxes(kata):
    keras.utils.set_random_seed(34)
    model = kata.build_localiser((HEIGHT, WIDTH, 3), 3)
    images = np.random.default_rng(13).uniform(0, 1, (5, HEIGHT, WIDTH, 3)).astype(np.float32)
    what = "build_localiser((24, 32, 3), 3) called on images [5, 24, 32, 3]"
    outputs = outputs_of(model, images, what)
    assert_shape(outputs["class"], (5, 3), what + ", its 'class' output")
    assert_shape(outputs["box"], (5, 4), what + ", its 'box' output")
    assert_close(np.sum(outputs["class"], axis=1), np.ones(5), what + ": each row of 'class' summed (softmax)",
                 rtol=1e-4, atol=1e-5)
    boxes = np.asarray(outputs["box"])
    assert boxes.min() > 0 and boxes.max() < 1, (
        f"{what}: 'box' values run from {boxes.min():.3f} to {boxes.max():.3f}, expected all in (0, 1) (sigmoid)")


def test_build_localiser_has_the_layers_the_docstring_lists(kata):
    model = kata.build_localiser((20, 28, 3), 4)
    # conv 3x3x3->16, conv 3x3x16->32, Dense (5*7*32)->64, heads 64->4 and 64->4: (in * k * k + 1) * out.
    expected = (3 * 9 + 1) * 16 + (16 * 9 + 1) * 32 + (5 * 7 * 32 + 1) * 64 + (64 + 1) * 4 + (64 + 1) * 4
    assert model.count_params() == expected, (
        f"build_localiser((20, 28, 3), 4) has {model.count_params()} parameters, expected {expected} "
        "(Conv2D 16, pool, Conv2D 32, pool, Flatten, Dense 64, then the 'class' and 'box' heads)")
    assert {"class", "box"} <= {layer.name for layer in model.layers}, (
        f"build_localiser's layers are named {[layer.name for layer in model.layers]}; expected heads named "
        "'class' and 'box'")


def test_compile_localiser_uses_adam_and_one_loss_per_head(kata):
    keras.utils.set_random_seed(35)
    model = kata.compile_localiser(kata.build_localiser((HEIGHT, WIDTH, 3), 2), 0.0025)
    assert model is not None, "compile_localiser(model, 0.0025) returned None: return the compiled model"
    assert isinstance(model.optimizer, keras.optimizers.Adam), (
        f"compile_localiser used {type(model.optimizer).__name__}, expected keras.optimizers.Adam")
    rate = float(model.optimizer.learning_rate.numpy())
    assert np.isclose(rate, 0.0025), f"compile_localiser(model, 0.0025) set a learning rate of {rate}, expected 0.0025"
    images, labels, boxes = one_object_pictures(np.random.default_rng(14), 6)
    outputs = outputs_of(model, images, "the compiled localiser")
    expected_class = float(keras.losses.SparseCategoricalCrossentropy()(labels, outputs["class"]))
    expected_box = float(keras.losses.MeanSquaredError()(boxes, outputs["box"]))
    report = model.evaluate(images, {"class": labels, "box": boxes}, batch_size=6, verbose=0, return_dict=True)
    for key, expected in (("class_loss", expected_class), ("box_loss", expected_box),
                          ("loss", expected_class + expected_box)):
        assert key in report, f"model.evaluate reports {sorted(report)}, expected '{key}' too (a loss per head)"
        assert np.isclose(report[key], expected, rtol=1e-4), (
            f"after compile_localiser, model.evaluate gives {key} = {report[key]:.5f}, expected {expected:.5f} "
            "(sparse categorical cross-entropy on the softmax 'class', mean squared error on 'box', summed)")


@pytest.fixture(scope="module")
def trained_localiser(kata, request):
    """The learner's localiser, trained on 320 pictures for 5 epochs (a few seconds on a CPU).

    Its weights and pictures follow the run's seed (KATA_SEED), so `make soak` tries new ones."""
    seed = request.config.getoption("kata_seed")
    keras.utils.set_random_seed(seed)
    rng = np.random.default_rng(seed)
    model = kata.compile_localiser(kata.build_localiser((HEIGHT, WIDTH, 3), 2), 0.003)
    images, labels, boxes = one_object_pictures(rng, 320)
    model.fit(images, {"class": labels, "box": boxes}, epochs=5, batch_size=16, verbose=0)
    return model, one_object_pictures(rng, 100)


def test_the_trained_localiser_finds_the_class_and_the_box(kata, trained_localiser):
    model, (images, labels, boxes) = trained_localiser
    outputs = outputs_of(model, images, "the trained localiser")
    accuracy = float(np.mean(np.argmax(outputs["class"], axis=1) == labels))
    mean_iou = float(np.mean(paired_iou(np.asarray(outputs["box"]), boxes)))
    # Always guessing the average box scores a mean IoU of about 0.2; the reference reaches 0.44-0.6 over seeds.
    assert accuracy >= 0.9, f"the trained localiser tells red from blue on {accuracy:.0%} of 100 pictures, expected >= 90%"
    assert mean_iou >= 0.3, (f"the trained localiser's boxes have a mean IoU of {mean_iou:.3f} with the true boxes on "
                             "100 pictures, expected >= 0.3 (always guessing the average box gives about 0.2)")


def test_save_detections_puts_the_localisers_boxes_in_the_artifacts_folder(kata, trained_localiser):
    """The one test that writes outside tmp_path: open artifacts/29_detections.png to see it."""
    model, (images, _, boxes) = trained_localiser
    predicted = np.asarray(outputs_of(model, images[:1], "the trained localiser")["box"])
    scale = 8   # Enlarge the 24 x 32 picture so the one-pixel outlines are easy to see.
    picture = np.repeat(np.repeat((255 * images[0]).astype(np.uint8), scale, axis=0), scale, axis=1)
    # The predicted box (green) first, the true box (white) last: a later box is drawn over an earlier one.
    corner_boxes = corners_by_hand(np.concatenate([predicted, boxes[:1]])).astype(np.float32)
    path = kata.save_detections(picture, tf.constant(corner_boxes), tf.constant([[0, 255, 0], [255, 255, 255]]))
    # The module's ARTIFACTS_DIR: the repository's artifacts/, or beside a KATA_TARGET copy of the answers.
    expected = Path(kata.ARTIFACTS_DIR) / "29_detections.png"
    assert Path(path) == expected and expected.parent.name == "artifacts", (
        f"save_detections(...) saved to {path}, expected {expected} (ARTIFACTS_DIR) by default")
    saved = tf.io.decode_png(expected.read_bytes())
    assert_shape(saved, (HEIGHT * scale, WIDTH * scale, 3), "the PNG in artifacts/")
    top = int(np.clip(corner_boxes[1, 0], 0, 1) * (HEIGHT * scale - 1))
    left = int(np.clip(corner_boxes[1, 1], 0, 1) * (WIDTH * scale - 1))
    assert_equal(saved[top, left], [255, 255, 255], "the PNG's pixel at the true box's top-left corner (white)")
