"""Plausible wrong answers to kata 25; `make check` proves the tests catch every one."""
# save_overlay's answer defaults directory to None: ARTIFACTS_DIR is the solution module's own, read at call time.

from pathlib import Path

import keras
import numpy as np
import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("grad_cam", "forgets the ReLU: negative evidence stays in the heatmap")
def forgets_relu_negative_evidence_stays(model, image, layer_name, class_index=None):
    images = tf.convert_to_tensor(image, tf.float32)[None]
    with tf.GradientTape() as tape:
        activations, scores = activations_and_scores_model(model, layer_name)(images)
        if class_index is None:
            class_index = int(tf.argmax(scores[0]))
        score = scores[0, class_index]
    gradients = tape.gradient(score, activations)
    heatmap = tf.reduce_sum(activations[0] * tf.reduce_mean(gradients, axis=(0, 1, 2)), axis=-1)
    return tf.math.divide_no_nan(heatmap, tf.reduce_max(heatmap)).numpy()


@wrong_answer("grad_cam", "gradients with respect to the input image (a saliency map), not the layer")
def gradients_respect_input_image_saliency(model, image, layer_name, class_index=None):
    images = tf.convert_to_tensor(image, tf.float32)[None]
    with tf.GradientTape() as tape:
        tape.watch(images)
        scores = model(images)
        class_index = int(tf.argmax(scores[0])) if class_index is None else class_index
        score = scores[0, class_index]
    saliency = tf.reduce_max(tf.abs(tape.gradient(score, images)[0]), axis=-1)
    return tf.math.divide_no_nan(saliency, tf.reduce_max(saliency)).numpy()


@wrong_answer("grad_cam", "no spatial averaging: multiplies gradients and activations position by position")
def no_spatial_averaging_multiplies_gradients(model, image, layer_name, class_index=None):
    images = tf.convert_to_tensor(image, tf.float32)[None]
    with tf.GradientTape() as tape:
        activations, scores = activations_and_scores_model(model, layer_name)(images)
        if class_index is None:
            class_index = int(tf.argmax(scores[0]))
        score = scores[0, class_index]
    gradients = tape.gradient(score, activations)
    heatmap = tf.nn.relu(tf.reduce_sum(activations[0] * gradients[0], axis=-1))
    return tf.math.divide_no_nan(heatmap, tf.reduce_max(heatmap)).numpy()


@wrong_answer("grad_cam", "averages the gradients over the channel axis instead of over space")
def averages_gradients_over_channel_axis(model, image, layer_name, class_index=None):
    images = tf.convert_to_tensor(image, tf.float32)[None]
    with tf.GradientTape() as tape:
        activations, scores = activations_and_scores_model(model, layer_name)(images)
        if class_index is None:
            class_index = int(tf.argmax(scores[0]))
        score = scores[0, class_index]
    gradients = tape.gradient(score, activations)
    weights = tf.reduce_mean(gradients[0], axis=-1, keepdims=True)   # [h', w', 1]
    heatmap = tf.nn.relu(tf.reduce_sum(activations[0] * weights, axis=-1))
    return tf.math.divide_no_nan(heatmap, tf.reduce_max(heatmap)).numpy()


@wrong_answer("grad_cam", "min-max normalisation: the weakest positive position becomes 0")
def min_max_normalisation_weakest_positive(model, image, layer_name, class_index=None):
    images = tf.convert_to_tensor(image, tf.float32)[None]
    with tf.GradientTape() as tape:
        activations, scores = activations_and_scores_model(model, layer_name)(images)
        if class_index is None:
            class_index = int(tf.argmax(scores[0]))
        score = scores[0, class_index]
    gradients = tape.gradient(score, activations)
    heatmap = tf.nn.relu(tf.reduce_sum(activations[0] * tf.reduce_mean(gradients, axis=(0, 1, 2)), axis=-1))
    low, high = tf.reduce_min(heatmap), tf.reduce_max(heatmap)
    return tf.math.divide_no_nan(heatmap - low, high - low).numpy()


@wrong_answer("grad_cam", "plain division by the maximum: an all-zero heatmap becomes NaN")
def plain_division_maximum_all_zero(model, image, layer_name, class_index=None):
    images = tf.convert_to_tensor(image, tf.float32)[None]
    with tf.GradientTape() as tape:
        activations, scores = activations_and_scores_model(model, layer_name)(images)
        if class_index is None:
            class_index = int(tf.argmax(scores[0]))
        score = scores[0, class_index]
    gradients = tape.gradient(score, activations)
    heatmap = tf.nn.relu(tf.reduce_sum(activations[0] * tf.reduce_mean(gradients, axis=(0, 1, 2)), axis=-1))
    return (heatmap / tf.reduce_max(heatmap)).numpy()


@wrong_answer("grad_cam", "class_index=None means class 0 instead of the top class")
def class_index_none_means_class(model, image, layer_name, class_index=None):
    class_index = 0 if class_index is None else class_index
    images = tf.convert_to_tensor(image, tf.float32)[None]
    with tf.GradientTape() as tape:
        activations, scores = activations_and_scores_model(model, layer_name)(images)
        if class_index is None:
            class_index = int(tf.argmax(scores[0]))
        score = scores[0, class_index]
    gradients = tape.gradient(score, activations)
    heatmap = tf.nn.relu(tf.reduce_sum(activations[0] * tf.reduce_mean(gradients, axis=(0, 1, 2)), axis=-1))
    heatmap = tf.math.divide_no_nan(heatmap, tf.reduce_max(heatmap)).numpy()
    return heatmap


@wrong_answer("grad_cam", "ignores class_index: always explains the top class")
def ignores_class_index_always_explains(model, image, layer_name, class_index=None):
    class_index = None
    images = tf.convert_to_tensor(image, tf.float32)[None]
    with tf.GradientTape() as tape:
        activations, scores = activations_and_scores_model(model, layer_name)(images)
        if class_index is None:
            class_index = int(tf.argmax(scores[0]))
        score = scores[0, class_index]
    gradients = tape.gradient(score, activations)
    heatmap = tf.nn.relu(tf.reduce_sum(activations[0] * tf.reduce_mean(gradients, axis=(0, 1, 2)), axis=-1))
    heatmap = tf.math.divide_no_nan(heatmap, tf.reduce_max(heatmap)).numpy()
    return heatmap


@wrong_answer("grad_cam", "returns a tf.Tensor instead of a numpy array")
def returns_tf_tensor_instead_numpy(model, image, layer_name, class_index=None):
    images = tf.convert_to_tensor(image, tf.float32)[None]
    with tf.GradientTape() as tape:
        activations, scores = activations_and_scores_model(model, layer_name)(images)
        if class_index is None:
            class_index = int(tf.argmax(scores[0]))
        score = scores[0, class_index]
    gradients = tape.gradient(score, activations)
    heatmap = tf.nn.relu(tf.reduce_sum(activations[0] * tf.reduce_mean(gradients, axis=(0, 1, 2)), axis=-1))
    heatmap = tf.math.divide_no_nan(heatmap, tf.reduce_max(heatmap)).numpy()
    return tf.constant(heatmap)


@wrong_answer("jet_colors", "jet_colors in BGR order (the OpenCV habit)")
def jet_colors_bgr_order_opencv(heatmap):
    values = np.asarray(heatmap, np.float32)[..., None]
    return np.clip(1.5 - np.abs(4.0 * values - np.array([1.0, 2.0, 3.0], np.float32)), 0.0, 1.0)


@wrong_answer("overlay", "overlay swaps the weights: alpha * image + (1 - alpha) * colours")
def overlay_swaps_weights_alpha_image(image, heatmap, alpha=0.4):
    image = np.asarray(image, np.float32)
    resized = tf.image.resize(np.asarray(heatmap, np.float32)[..., None], image.shape[:2])[..., 0].numpy()
    blended = alpha * image + (1.0 - alpha) * 255.0 * jet_colors(resized)
    return np.clip(np.round(blended), 0, 255).astype(np.uint8)


@wrong_answer("overlay", "overlay resizes with nearest-neighbour instead of bilinear")
def overlay_resizes_nearest_neighbour_instead(image, heatmap, alpha=0.4):
    image = np.asarray(image, np.float32)
    resized = tf.image.resize(np.asarray(heatmap, np.float32)[..., None], image.shape[:2],
                              method="nearest")[..., 0].numpy()
    blended = (1.0 - alpha) * image + alpha * 255.0 * jet_colors(resized)
    return np.clip(np.round(blended), 0, 255).astype(np.uint8)


@wrong_answer("save_png", "save_png does not create the missing folder")
def save_png_does_not_create(image, path):
    path = Path(path)
    path.write_bytes(tf.io.encode_png(np.asarray(image, np.uint8)).numpy())
    return path


@wrong_answer("grad_cam", "explains the softmax probability of the class instead of its logit")
def explains_softmax_probability_class_instead(model, image, layer_name, class_index=None):
    images = tf.convert_to_tensor(image, tf.float32)[None]
    with tf.GradientTape() as tape:
        activations, scores = activations_and_scores_model(model, layer_name)(images)
        if class_index is None:
            class_index = int(tf.argmax(scores[0]))
        score = tf.nn.softmax(scores)[0, class_index]
    gradients = tape.gradient(score, activations)
    heatmap = tf.nn.relu(tf.reduce_sum(activations[0] * tf.reduce_mean(gradients, axis=(0, 1, 2)), axis=-1))
    return tf.math.divide_no_nan(heatmap, tf.reduce_max(heatmap)).numpy().astype(np.float32)


@wrong_answer("jet_colors", "jet_colors forgets the clip: colours go below 0 and above 1")
def jet_colors_forgets_clip_colours(heatmap):
    values = np.asarray(heatmap, np.float32)[..., None]
    return (1.5 - np.abs(4.0 * values - np.array([3.0, 2.0, 1.0], np.float32))).astype(np.float32)


@wrong_answer("overlay", "overlay casts the blend with astype(uint8) without rounding (truncates)")
def overlay_casts_blend_astype_uint8(image, heatmap, alpha=0.4):
    image = np.asarray(image, np.float32)
    resized = tf.image.resize(np.asarray(heatmap, np.float32)[..., None], image.shape[:2])[..., 0].numpy()
    blended = (1.0 - alpha) * image + alpha * 255.0 * jet_colors(resized)
    return np.clip(blended, 0, 255).astype(np.uint8)


@wrong_answer("save_png", "save_png returns the path as it was given: a str stays a str")
def save_png_returns_path_as_given(image, path):
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    tf.io.write_file(str(path), tf.io.encode_png(np.asarray(image, np.uint8)))
    return path


@wrong_answer("save_png", "save_png creates only the last missing folder (mkdir without parents=True)")
def save_png_mkdir_without_parents(image, path):
    path = Path(path)
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(tf.io.encode_png(np.asarray(image, np.uint8)).numpy())
    return path


@wrong_answer("save_overlay", "save_overlay forgets to pass alpha on: always the default 0.4")
def save_overlay_forgets_alpha(image, heatmap, name="grad_cam.png", directory=None, alpha=0.4):
    return save_png(overlay(image, heatmap), Path(ARTIFACTS_DIR if directory is None else directory) / name)


@wrong_answer("jet_colors", "jet_colors in TensorFlow: returns a tf.Tensor, not a numpy array")
def jet_colors_returns_tensor(heatmap):
    values = tf.convert_to_tensor(heatmap, tf.float32)[..., None]
    return tf.clip_by_value(1.5 - tf.abs(4.0 * values - tf.constant([3.0, 2.0, 1.0])), 0.0, 1.0)


@wrong_answer("overlay", "overlay returns the tf.Tensor from tf.cast, not a numpy array")
def overlay_returns_tensor(image, heatmap, alpha=0.4):
    image = np.asarray(image, np.float32)
    resized = tf.image.resize(np.asarray(heatmap, np.float32)[..., None], image.shape[:2])[..., 0].numpy()
    blended = (1.0 - alpha) * image + alpha * 255.0 * jet_colors(resized)
    return tf.cast(tf.clip_by_value(tf.round(blended), 0, 255), tf.uint8)


@wrong_answer("activations_and_scores_model", "returns a function that runs two separate models, not one keras.Model")
def two_separate_models_in_a_function(model, layer_name):
    features = keras.Model(model.inputs[0], model.get_layer(layer_name).output)
    return lambda images: (features(images), model(images))
