"""Plausible wrong answers to kata 28; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("box_iou", "clips the overlap area instead of its height and width: two negative extents give a positive area")
def clips_overlap_area_instead_height(boxes_a, boxes_b):
    y1a, x1a, y2a, x2a = tf.unstack(boxes_a[:, None, :], 4, axis=-1)
    y1b, x1b, y2b, x2b = tf.unstack(boxes_b[None, :, :], 4, axis=-1)
    intersection = tf.maximum((tf.minimum(y2a, y2b) - tf.maximum(y1a, y1b))
                              * (tf.minimum(x2a, x2b) - tf.maximum(x1a, x1b)), 0.0)
    union = (y2a - y1a) * (x2a - x1a) + (y2b - y1b) * (x2b - x1b) - intersection
    return intersection / union


@wrong_answer("box_iou", "union = area_a + area_b: counts the overlap twice")
def union_area_area_b_counts(boxes_a, boxes_b):
    y1a, x1a, y2a, x2a = tf.unstack(boxes_a[:, None, :], 4, axis=-1)
    y1b, x1b, y2b, x2b = tf.unstack(boxes_b[None, :, :], 4, axis=-1)
    height = tf.maximum(tf.minimum(y2a, y2b) - tf.maximum(y1a, y1b), 0.0)
    width = tf.maximum(tf.minimum(x2a, x2b) - tf.maximum(x1a, x1b), 0.0)
    return height * width / ((y2a - y1a) * (x2a - x1a) + (y2b - y1b) * (x2b - x1b))


@wrong_answer("box_iou", "broadcasts the other way round: returns [m, n]")
def broadcasts_other_way_round_returns(boxes_a, boxes_b):
    y1a, x1a, y2a, x2a = tf.unstack(boxes_a[None, :, :], 4, axis=-1)
    y1b, x1b, y2b, x2b = tf.unstack(boxes_b[:, None, :], 4, axis=-1)
    height = tf.maximum(tf.minimum(y2a, y2b) - tf.maximum(y1a, y1b), 0.0)
    width = tf.maximum(tf.minimum(x2a, x2b) - tf.maximum(x1a, x1b), 0.0)
    intersection = height * width
    return intersection / ((y2a - y1a) * (x2a - x1a) + (y2b - y1b) * (x2b - x1b) - intersection)


@wrong_answer("pixel_accuracy", "returns a scalar tensor instead of a Python float")
def returns_scalar_tensor_instead_python(true_mask, predicted_mask):
    return tf.reduce_mean(tf.cast(tf.equal(true_mask, predicted_mask), tf.float32))


@wrong_answer("mean_iou", "averages over all num_classes: absent classes count as IoU 0")
def averages_over_all_num_classes(true_mask, predicted_mask, num_classes):
    confusion = tf.math.confusion_matrix(tf.reshape(true_mask, [-1]), tf.reshape(predicted_mask, [-1]),
                                         num_classes=num_classes, dtype=tf.float64)
    intersection = tf.linalg.diag_part(confusion)
    union = tf.reduce_sum(confusion, axis=0) + tf.reduce_sum(confusion, axis=1) - intersection
    return float(tf.reduce_mean(tf.math.divide_no_nan(intersection, union)))


@wrong_answer("mean_iou", "union = true pixels + predicted pixels: forgets to subtract the overlap")
def union_true_pixels_predicted_pixels(true_mask, predicted_mask, num_classes):
    confusion = tf.math.confusion_matrix(tf.reshape(true_mask, [-1]), tf.reshape(predicted_mask, [-1]),
                                         num_classes=num_classes, dtype=tf.float64)
    intersection = tf.linalg.diag_part(confusion)
    union = tf.reduce_sum(confusion, axis=0) + tf.reduce_sum(confusion, axis=1)
    present = union > 0
    return float(tf.reduce_mean(tf.boolean_mask(intersection / tf.where(present, union, 1.0), present)))


@wrong_answer("mean_iou", "mean IoU of each image separately, then averaged over images")
def mean_iou_each_image_separately(true_mask, predicted_mask, num_classes):
    scores = []
    for true_image, predicted_image in zip(tf.unstack(true_mask), tf.unstack(predicted_mask)):
        confusion = tf.math.confusion_matrix(tf.reshape(true_image, [-1]), tf.reshape(predicted_image, [-1]),
                                             num_classes=num_classes, dtype=tf.float64)
        intersection = tf.linalg.diag_part(confusion)
        union = tf.reduce_sum(confusion, axis=0) + tf.reduce_sum(confusion, axis=1) - intersection
        present = union > 0
        scores.append(tf.reduce_mean(tf.boolean_mask(intersection / tf.where(present, union, 1.0), present)))
    return float(tf.reduce_mean(scores))


@wrong_answer("upsample_nearest", "tf.tile instead of tf.repeat: repeats the whole image, not each pixel")
def tf_tile_instead_tf_repeat(images, factor):
    return tf.tile(images, [1, factor, factor, 1])


@wrong_answer("upsample_nearest", "repeats only along the height axis, twice")
def repeats_only_along_height_axis(images, factor):
    return tf.repeat(images, factor * factor, axis=1)


@wrong_answer("upsample_bilinear", "align_corners=True (the old tf.compat.v1 resize): samples the corners exactly")
def align_corners_true_old_tf(images, factor):
    height, width = images.shape[1], images.shape[2]
    return tf.compat.v1.image.resize_bilinear(tf.cast(images, tf.float32), [height * factor, width * factor],
                                              align_corners=True)


@wrong_answer("upsample_bilinear", "nearest-neighbour resize instead of bilinear")
def nearest_neighbour_resize_instead_bilinear(images, factor):
    height, width = images.shape[1], images.shape[2]
    return tf.image.resize(tf.cast(images, tf.float32), [height * factor, width * factor], method="nearest")


@wrong_answer("fcn_skip_connection", "concatenates the upsampled map with the fine one instead of adding")
def concatenates_upsampled_map_fine_one(coarse_scores, fine_scores):
    return tf.concat([tf.image.resize(coarse_scores, tf.shape(fine_scores)[1:3]), fine_scores], axis=-1)


@wrong_answer("fcn_skip_connection", "nearest-neighbour upsampling of the coarse map")
def nearest_neighbour_upsampling_coarse_map(coarse_scores, fine_scores):
    return tf.repeat(tf.repeat(coarse_scores, 2, axis=1), 2, axis=2) + fine_scores


@wrong_answer("box_iou", "pixel-count areas (x2 - x1 + 1) * (y2 - y1 + 1), the habit of old detection code")
def pixel_count_areas_x2_x1(boxes_a, boxes_b):
    y1a, x1a, y2a, x2a = tf.unstack(boxes_a[:, None, :], 4, axis=-1)
    y1b, x1b, y2b, x2b = tf.unstack(boxes_b[None, :, :], 4, axis=-1)
    height = tf.maximum(tf.minimum(y2a, y2b) - tf.maximum(y1a, y1b) + 1.0, 0.0)
    width = tf.maximum(tf.minimum(x2a, x2b) - tf.maximum(x1a, x1b) + 1.0, 0.0)
    intersection = height * width
    area_a = (y2a - y1a + 1.0) * (x2a - x1a + 1.0)
    area_b = (y2b - y1b + 1.0) * (x2b - x1b + 1.0)
    return tf.math.divide_no_nan(intersection, area_a + area_b - intersection)


@wrong_answer("pixel_accuracy", "averages the matches cast to int32: integer mean rounds down to 0")
def averages_matches_cast_int32_integer(true_mask, predicted_mask):
    return float(tf.reduce_mean(tf.cast(tf.equal(true_mask, predicted_mask), tf.int32)))


@wrong_answer("mean_iou", "divides by the true pixels of each class only (recall), not the union")
def divides_true_pixels_each_class(true_mask, predicted_mask, num_classes):
    confusion = tf.math.confusion_matrix(tf.reshape(true_mask, [-1]), tf.reshape(predicted_mask, [-1]),
                                         num_classes=num_classes, dtype=tf.float64)
    intersection = tf.linalg.diag_part(confusion)
    true_pixels = tf.reduce_sum(confusion, axis=1)
    present = true_pixels > 0
    return float(tf.reduce_mean(tf.boolean_mask(intersection / tf.where(present, true_pixels, 1.0), present)))


@wrong_answer("box_iou", "clips the overlap's height at 0 but not its width")
def clips_only_overlap_height(boxes_a, boxes_b):
    y1a, x1a, y2a, x2a = tf.unstack(boxes_a[:, None, :], 4, axis=-1)
    y1b, x1b, y2b, x2b = tf.unstack(boxes_b[None, :, :], 4, axis=-1)
    height = tf.maximum(tf.minimum(y2a, y2b) - tf.maximum(y1a, y1b), 0.0)
    width = tf.minimum(x2a, x2b) - tf.maximum(x1a, x1b)
    intersection = height * width
    union = (y2a - y1a) * (x2a - x1a) + (y2b - y1b) * (x2b - x1b) - intersection
    return tf.math.divide_no_nan(intersection, union)


@wrong_answer("mean_iou", "averages over the classes found in the true mask only: a class only predicted is dropped")
def averages_over_true_classes_only(true_mask, predicted_mask, num_classes):
    confusion = tf.math.confusion_matrix(tf.reshape(true_mask, [-1]), tf.reshape(predicted_mask, [-1]),
                                         num_classes=num_classes, dtype=tf.float64)
    intersection = tf.linalg.diag_part(confusion)
    true_pixels, predicted_pixels = tf.reduce_sum(confusion, axis=1), tf.reduce_sum(confusion, axis=0)
    ious = tf.math.divide_no_nan(intersection, true_pixels + predicted_pixels - intersection)
    return float(tf.reduce_mean(tf.boolean_mask(ious, true_pixels > 0)))


@wrong_answer("mean_iou", "averages over the classes found in the prediction only: a class never predicted is dropped")
def averages_over_predicted_classes_only(true_mask, predicted_mask, num_classes):
    confusion = tf.math.confusion_matrix(tf.reshape(true_mask, [-1]), tf.reshape(predicted_mask, [-1]),
                                         num_classes=num_classes, dtype=tf.float64)
    intersection = tf.linalg.diag_part(confusion)
    true_pixels, predicted_pixels = tf.reduce_sum(confusion, axis=1), tf.reduce_sum(confusion, axis=0)
    ious = tf.math.divide_no_nan(intersection, true_pixels + predicted_pixels - intersection)
    return float(tf.reduce_mean(tf.boolean_mask(ious, predicted_pixels > 0)))


@wrong_answer("mean_iou", "leaves class 0 out as background")
def leaves_out_background_class(true_mask, predicted_mask, num_classes):
    confusion = tf.math.confusion_matrix(tf.reshape(true_mask, [-1]), tf.reshape(predicted_mask, [-1]),
                                         num_classes=num_classes, dtype=tf.float64)
    intersection = tf.linalg.diag_part(confusion)
    true_pixels, predicted_pixels = tf.reduce_sum(confusion, axis=1), tf.reduce_sum(confusion, axis=0)
    ious = tf.math.divide_no_nan(intersection, true_pixels + predicted_pixels - intersection)
    present = (true_pixels + predicted_pixels > 0)[1:]
    return float(tf.reduce_mean(tf.boolean_mask(ious[1:], present)))


@wrong_answer("mean_iou", "returns keras.metrics.MeanIoU's result tensor instead of a Python float")
def returns_metric_tensor(true_mask, predicted_mask, num_classes):
    import keras

    metric = keras.metrics.MeanIoU(num_classes=num_classes)
    metric.update_state(true_mask, predicted_mask)
    return metric.result()


@wrong_answer("upsample_bilinear", "casts the result back to the images' dtype: int images lose the halfway values")
def casts_back_to_input_dtype(images, factor):
    height, width = images.shape[1], images.shape[2]
    return tf.cast(tf.image.resize(images, [height * factor, width * factor]), images.dtype)


@wrong_answer("upsample_bilinear", "resizes by 2 whatever the factor")
def resizes_by_two_always(images, factor):
    height, width = images.shape[1], images.shape[2]
    return tf.image.resize(tf.cast(images, tf.float32), [height * 2, width * 2])


@wrong_answer("fcn_skip_connection", "averages the upsampled and fine maps instead of adding them")
def averages_instead_of_adding(coarse_scores, fine_scores):
    upsampled = tf.image.resize(coarse_scores, tf.shape(fine_scores)[1:3])
    return (upsampled + fine_scores) / 2.0
