"""Tests for kata 28. Oracles: Python loops over boxes, numpy counting, keras.metrics.MeanIoU,
keras.layers.UpSampling2D and values worked out by hand."""

import keras
import numpy as np
import pytest
import tensorflow as tf

from tfkatas.testing import assert_close, assert_python_float, assert_shape


def random_boxes(seed, count):
    """`count` boxes (y1, x1, y2, x2) in a 12 x 12 field: many overlap, many do not."""
    rng = np.random.default_rng(seed)
    corners = rng.uniform(0.0, 10.0, size=(count, 2))
    sizes = rng.uniform(0.5, 4.0, size=(count, 2))
    return np.concatenate([corners, corners + sizes], axis=1).astype(np.float32)


def iou_by_loop(boxes_a, boxes_b):
    result = np.zeros((len(boxes_a), len(boxes_b)))
    for i, (ay1, ax1, ay2, ax2) in enumerate(boxes_a.astype(np.float64)):
        for j, (by1, bx1, by2, bx2) in enumerate(boxes_b.astype(np.float64)):
            height, width = min(ay2, by2) - max(ay1, by1), min(ax2, bx2) - max(ax1, bx1)
            overlap = height * width if height > 0 and width > 0 else 0.0
            result[i, j] = overlap / ((ay2 - ay1) * (ax2 - ax1) + (by2 - by1) * (bx2 - bx1) - overlap)
    return result


def test_box_iou_on_the_worked_example(kata):
    result = kata.box_iou(tf.constant([[0.0, 0.0, 2.0, 2.0]]), tf.constant([[1.0, 1.0, 3.0, 3.0], [5.0, 5.0, 6.0, 6.0]]))
    assert_close(result, [[1 / 7, 0.0]], "box_iou([[0, 0, 2, 2]], [[1, 1, 3, 3], [5, 5, 6, 6]])", dtype=tf.float32)


def test_box_iou_is_zero_for_boxes_apart_in_both_directions(kata):
    # The overlap's height and width are both negative here (-1 and -2): their product is +2.
    result = kata.box_iou(tf.constant([[0.0, 0.0, 1.0, 1.0]]), tf.constant([[2.0, 3.0, 4.0, 5.0]]))
    assert_close(result, [[0.0]], "box_iou([[0, 0, 1, 1]], [[2, 3, 4, 5]]) (below and to the right)")


def test_box_iou_matches_a_loop_on_random_boxes(kata):
    boxes_a, boxes_b = random_boxes(1, 7), random_boxes(2, 5)
    expected = iou_by_loop(boxes_a, boxes_b)
    assert 0 < np.count_nonzero(expected) < expected.size, "test data should mix overlapping and apart boxes"
    assert_close(kata.box_iou(tf.constant(boxes_a), tf.constant(boxes_b)), expected, "box_iou(7 boxes, 5 boxes)",
                 dtype=tf.float32)


def test_box_iou_of_a_box_with_itself_is_one(kata):
    boxes = random_boxes(3, 4)
    result = kata.box_iou(tf.constant(boxes), tf.constant(boxes))
    assert_close(np.diagonal(np.asarray(result)), np.ones(4), "the diagonal of box_iou(boxes, boxes)")


def test_box_iou_is_zero_when_only_one_extent_overlaps(kata):
    # The rows overlap (height 1) but the columns do not (width -1): the overlap is empty, IoU 0.
    result = kata.box_iou(tf.constant([[0.0, 0.0, 2.0, 2.0]]), tf.constant([[1.0, 3.0, 3.0, 5.0], [3.0, 1.0, 5.0, 2.0]]))
    assert_close(result, [[0.0, 0.0]], "box_iou([[0, 0, 2, 2]], [[1, 3, 3, 5], [3, 1, 5, 2]]) (beside and below)")


def test_box_iou_handles_2000_by_2000_boxes(kata):
    boxes_a, boxes_b = random_boxes(4, 2000), random_boxes(5, 2000)
    picked = np.random.default_rng(6).integers(0, 2000, size=5)
    expected = iou_by_loop(boxes_a[picked], boxes_b)
    result = kata.box_iou(tf.constant(boxes_a), tf.constant(boxes_b))
    assert_shape(result, (2000, 2000), "box_iou(2000 boxes, 2000 boxes)")
    assert_close(np.asarray(result)[picked], expected, "5 rows of box_iou(2000 boxes, 2000 boxes)")


WORKED_TRUE = [[[0, 1], [1, 1]]]
WORKED_PREDICTED = [[[0, 1], [0, 0]]]


def random_masks(seed, shape, classes):
    rng = np.random.default_rng(seed)
    true_mask = rng.integers(0, classes, size=shape)
    # Predictions agree with the truth on about 60% of the pixels.
    predicted = np.where(rng.random(shape) < 0.6, true_mask, rng.integers(0, classes, size=shape))
    return true_mask.astype(np.int32), predicted.astype(np.int32)


def test_pixel_accuracy_on_the_worked_example(kata):
    result = kata.pixel_accuracy(tf.constant(WORKED_TRUE), tf.constant(WORKED_PREDICTED))
    assert_python_float(result, 0.5, "pixel_accuracy(true [[[0, 1], [1, 1]]], predicted [[[0, 1], [0, 0]]])")


def test_pixel_accuracy_counts_every_pixel_of_every_image(kata):
    true_mask, predicted = random_masks(7, (3, 4, 6), 4)
    result = kata.pixel_accuracy(tf.constant(true_mask), tf.constant(predicted))
    assert_python_float(result, float(np.mean(true_mask == predicted)), "pixel_accuracy(3 random 4x6 masks)")


def test_mean_iou_on_the_worked_example(kata):
    result = kata.mean_iou(tf.constant(WORKED_TRUE), tf.constant(WORKED_PREDICTED), 3)
    assert_python_float(result, 1 / 3, "mean_iou(true [[[0, 1], [1, 1]]], predicted [[[0, 1], [0, 0]]], 3)")


@pytest.mark.parametrize("seed, shape", [(8, (3, 4, 6)), (9, (2, 7, 5))])
def test_mean_iou_agrees_with_keras_mean_iou(kata, seed, shape):
    # Classes 0-3 appear; classes 4 and 5 appear nowhere and must be left out of the mean.
    true_mask, predicted = random_masks(seed, shape, 4)
    metric = keras.metrics.MeanIoU(num_classes=6)
    metric.update_state(true_mask, predicted)
    result = kata.mean_iou(tf.constant(true_mask), tf.constant(predicted), 6)
    assert_python_float(result, float(metric.result()), f"mean_iou({shape[0]} random {shape[1]}x{shape[2]} masks, "
                        "num_classes=6)", tol=1e-5)


def test_mean_iou_counts_a_class_found_only_in_the_prediction(kata):
    # True pixels are classes 0 and 1 only; the prediction also says 2 (never true: IoU 0) on one pixel.
    true_mask = [[[0, 0, 1], [1, 1, 1]], [[0, 1, 1], [0, 0, 1]]]
    predicted = [[[0, 0, 1], [1, 2, 1]], [[0, 1, 1], [0, 0, 1]]]
    # Class 0: 5 / 5; class 1: 6 / 7; class 2: 0 / 1; classes 3, 4 absent -> (1 + 6 / 7 + 0) / 3.
    metric = keras.metrics.MeanIoU(num_classes=5)
    metric.update_state(true_mask, predicted)
    expected = (1 + 6 / 7 + 0) / 3
    assert abs(float(metric.result()) - expected) < 1e-6, "the hand-worked value should agree with keras MeanIoU"
    result = kata.mean_iou(tf.constant(true_mask, tf.int64), tf.constant(predicted, tf.int64), 5)
    assert_python_float(result, expected, "mean_iou(2 masks 2x3 whose prediction alone has class 2, num_classes=5): "
                        "class 2 counts as IoU 0", tol=1e-6)


def test_mean_iou_counts_a_class_found_only_in_the_truth(kata):
    # The prediction never says 3: class 3's IoU is 0 / 2 and still counts; class 0 (background) counts too.
    true_mask = [[[0, 3, 3, 1]], [[1, 1, 0, 0]]]
    predicted = [[[0, 1, 1, 1]], [[1, 1, 0, 0]]]
    # Class 0: 3 / 3; class 1: 3 / 5; class 3: 0 / 2 -> (1 + 3 / 5 + 0) / 3.
    result = kata.mean_iou(tf.constant(true_mask), tf.constant(predicted), 4)
    assert_python_float(result, (1 + 3 / 5) / 3, "mean_iou(2 masks 1x4 whose truth alone has class 3, "
                        "num_classes=4): class 3 counts as IoU 0", tol=1e-6)


def random_images(seed, shape):
    return np.random.default_rng(seed).standard_normal(shape).astype(np.float32)


def test_upsample_nearest_copies_each_pixel_into_a_block(kata):
    images = random_images(10, (2, 3, 5, 2))
    expected = np.repeat(np.repeat(images, 3, axis=1), 3, axis=2)
    assert_close(kata.upsample_nearest(tf.constant(images), 3), expected, "upsample_nearest(images [2, 3, 5, 2], 3)")


def test_upsample_nearest_agrees_with_keras_upsampling2d(kata):
    images = random_images(11, (3, 4, 2, 3))
    expected = keras.layers.UpSampling2D(2)(images)
    assert_close(kata.upsample_nearest(tf.constant(images), 2), expected, "upsample_nearest(images [3, 4, 2, 3], 2)")


def test_upsample_bilinear_on_the_worked_example(kata):
    result = kata.upsample_bilinear(tf.constant([[[[0.0], [4.0]]]]), 2)  # One image, one row [0, 4], one channel.
    expected = np.array([[0.0, 1.0, 3.0, 4.0]] * 2).reshape(1, 2, 4, 1)
    assert_close(result, expected, "upsample_bilinear(one row [0, 4], 2)", dtype=tf.float32)


def test_upsample_bilinear_agrees_with_keras_upsampling2d(kata):
    images = random_images(12, (2, 3, 5, 2))
    expected = keras.layers.UpSampling2D(2, interpolation="bilinear")(images)
    assert_close(kata.upsample_bilinear(tf.constant(images), 2), expected,
                 "upsample_bilinear(images [2, 3, 5, 2], 2)", dtype=tf.float32)


def test_upsample_bilinear_by_three_agrees_with_keras_upsampling2d(kata):
    images = random_images(15, (1, 2, 4, 3))
    expected = keras.layers.UpSampling2D(3, interpolation="bilinear")(images)
    assert_close(kata.upsample_bilinear(tf.constant(images), 3), expected,
                 "upsample_bilinear(images [1, 2, 4, 3], 3)", dtype=tf.float32)


def test_upsample_bilinear_of_int_images_is_float32(kata):
    # Halfway between 0 and 3 is not an integer: the result must stay float32, as promised.
    result = kata.upsample_bilinear(tf.constant([[[[0], [3]]]], tf.int32), 2)
    expected = np.array([[0.0, 0.75, 2.25, 3.0]] * 2).reshape(1, 2, 4, 1)
    assert_close(result, expected, "upsample_bilinear(int32 row [0, 3], 2)", dtype=tf.float32)


def test_fcn_skip_connection_upsamples_the_coarse_map_and_adds(kata):
    coarse, fine = random_images(13, (2, 3, 5, 4)), random_images(14, (2, 6, 10, 4))
    expected = keras.layers.UpSampling2D(2, interpolation="bilinear")(coarse) + fine
    result = kata.fcn_skip_connection(tf.constant(coarse), tf.constant(fine))
    assert_shape(result, (2, 6, 10, 4), "fcn_skip_connection(coarse [2, 3, 5, 4], fine [2, 6, 10, 4])")
    assert_close(result, expected, "fcn_skip_connection(coarse [2, 3, 5, 4], fine [2, 6, 10, 4])")
