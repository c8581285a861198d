"""Kata 28 — Boxes and segmentation metrics.

Localisation and segmentation are judged by overlap. A detector outputs boxes, float tensors
`[n, 4]` of corners (y1, x1, y2, x2) with y1 <= y2 and x1 <= x2 (TensorFlow's box order); it is
scored by the intersection over union (IoU) of each predicted box with each true box. (The
notes' localisation head outputs (x, y, w, h), a corner and a size: as corners that is
(y, x, y + h, x + w).) A segmentation model labels every pixel: masks are int tensors
`[batch, height, width]` of class ids, scored by pixel accuracy and mean IoU. An FCN predicts
coarse score maps `[batch, height, width, classes]`, upsamples them and adds them (`tf.add`) to
the finer predictions of an earlier layer: the skip connection.

Run `make kata N=28` to test your answers, `make hint N=28` when stuck.
"""

import tensorflow as tf


def box_iou(boxes_a, boxes_b):
    """The IoU of every box in `boxes_a` `[n, 4]` with every box in `boxes_b` `[m, 4]`: `[n, m]`.

    IoU = intersection area / (area_a + area_b - intersection area); boxes that do not
    overlap have IoU 0. No Python loops: it must handle 2000 x 2000 boxes quickly.

    Example: a = [[0, 0, 2, 2]], b = [[1, 1, 3, 3], [5, 5, 6, 6]] -> [[1 / 7, 0.0]]
    (overlap 1, areas 4 and 4; the second box is far away).
    """
    ### BEGIN SOLUTION: broadcasting over a new axis pairs each box of boxes_a with each of boxes_b; an overlap is never negative on either axis.
    y1a, x1a, y2a, x2a = tf.unstack(boxes_a[:, None, :], 4, axis=-1)  # each [n, 1]
    y1b, x1b, y2b, x2b = tf.unstack(boxes_b[None, :, :], 4, axis=-1)  # each [1, m]
    # Clip height and width separately: two negative extents would multiply to a positive area.
    height = tf.maximum(tf.minimum(y2a, y2b) - tf.maximum(y1a, y1b), 0.0)
    width = tf.maximum(tf.minimum(x2a, x2b) - tf.maximum(x1a, x1b), 0.0)
    intersection = height * width  # [n, m]
    area_a = (y2a - y1a) * (x2a - x1a)
    area_b = (y2b - y1b) * (x2b - x1b)
    return tf.math.divide_no_nan(intersection, area_a + area_b - intersection)
    ### END SOLUTION


def pixel_accuracy(true_mask, predicted_mask):
    """The fraction of pixels whose predicted class equals the true class, as a Python float.

    Example: true [[[0, 1], [1, 1]]], predicted [[[0, 1], [0, 0]]] -> 0.5.
    """
    ### BEGIN SOLUTION: pixel accuracy is the fraction of pixels where the masks are equal; look up tf.equal and tf.reduce_mean.
    return float(tf.reduce_mean(tf.cast(tf.equal(true_mask, predicted_mask), tf.float32)))
    ### END SOLUTION


def mean_iou(true_mask, predicted_mask, num_classes):
    """Mean IoU over classes, as a Python float, with the rule of `keras.metrics.MeanIoU`.

    For each class c: IoU_c = |true == c and predicted == c| / |true == c or predicted == c|,
    counted over all pixels of all images. Average IoU_c over the classes that appear in the
    true or the predicted mask; a class that appears in neither is left out of the average.

    Example: true [[[0, 1], [1, 1]]], predicted [[[0, 1], [0, 0]]], num_classes 3 ->
    class 0: 1 / 3, class 1: 1 / 3, class 2 absent -> 1 / 3.
    """
    ### BEGIN SOLUTION: tf.math.confusion_matrix on the flattened masks; its diagonal is the intersection.
    confusion = tf.math.confusion_matrix(tf.reshape(true_mask, [-1]), tf.reshape(predicted_mask, [-1]),
                                         num_classes=num_classes, dtype=tf.float64)
    intersection = tf.linalg.diag_part(confusion)
    # Row sums count true pixels of a class, column sums predicted ones; the overlap is counted twice.
    union = tf.reduce_sum(confusion, axis=0) + tf.reduce_sum(confusion, axis=1) - intersection
    present = union > 0
    return float(tf.reduce_mean(tf.boolean_mask(intersection / tf.where(present, union, 1.0), present)))
    ### END SOLUTION


def upsample_nearest(images, factor):
    """Enlarge `images` `[batch, height, width, channels]` by an integer `factor` by copying pixels.

    Return `[batch, height * factor, width * factor, channels]`: every pixel becomes a
    factor x factor block (what `keras.layers.UpSampling2D(factor)` does).
    Example (one channel): [[1, 2]] with factor 2 -> [[1, 1, 2, 2], [1, 1, 2, 2]].
    """
    ### BEGIN SOLUTION: look up tf.repeat (it copies each element next to itself, unlike tf.tile).
    # tf.repeat copies each row/column next to itself; tf.tile would repeat the whole image instead.
    return tf.repeat(tf.repeat(images, factor, axis=1), factor, axis=2)
    ### END SOLUTION


def upsample_bilinear(images, factor):
    """Enlarge `images` `[batch, height, width, channels]` by an integer `factor` with bilinear interpolation.

    Return float32 `[batch, height * factor, width * factor, channels]` with the half-pixel
    rule of `tf.image.resize` (and `UpSampling2D(interpolation="bilinear")`): output pixel i
    samples the input at (i + 0.5) / factor - 0.5, clamped to the edges. Int images give float32
    too (UpSampling2D keeps an int dtype: cast first).
    Example (one row, one channel): [[0, 4]] with factor 2 -> row [0, 1, 3, 4] (twice);
    int32 [[0, 3]] -> float32 row [0, 0.75, 2.25, 3].
    """
    ### BEGIN SOLUTION: tf.image.resize to (height * factor, width * factor); its default method is bilinear.
    height, width = images.shape[1], images.shape[2]
    return tf.image.resize(tf.cast(images, tf.float32), [height * factor, width * factor], method="bilinear")
    ### END SOLUTION


def fcn_skip_connection(coarse_scores, fine_scores):
    """Fuse a coarse FCN score map with a finer one, as the notes' FCN skip layer does.

    `coarse_scores` `[batch, h, w, classes]` comes from a deep layer, `fine_scores`
    `[batch, H, W, classes]` from an earlier one, with H = 2h and W = 2w. Upsample the
    coarse map bilinearly to H x W and add it to the fine map: return `[batch, H, W, classes]`.
    Example: coarse of shape [2, 3, 5, 4] and fine of shape [2, 6, 10, 4] -> [2, 6, 10, 4].
    """
    ### BEGIN SOLUTION: look up tf.image.resize; the skip connection is an addition.
    fine_size = tf.shape(fine_scores)[1:3]
    return tf.add(tf.image.resize(coarse_scores, fine_size, method="bilinear"), fine_scores)
    ### END SOLUTION
