"""Plausible wrong answers to kata 24; `make check` proves the tests catch every one."""

import keras
import numpy as np
import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("activation_model", "skips the first layer, as if model.layers began with the Input")
def skips_first_layer_as_if_input(model, count=8):
    return keras.Model(model.inputs[0], [layer.output for layer in model.layers[1:count + 1]])


@wrong_answer("activation_model", "ignores count: always the notes' eight layers")
def ignores_count_always_eight(model, count=8):
    return keras.Model(model.inputs[0], [layer.output for layer in model.layers[:8]])


@wrong_answer("activation_model", "exposes the model's final output once per layer")
def final_output_once_per_layer(model, count=8):
    return keras.Model(model.inputs[0], [model.outputs[0] for _ in model.layers[:count]])


@wrong_answer("activation_grid", "places the channels column by column instead of row by row")
def places_channels_column_by_column(activations, columns=8):
    values = np.asarray(activations, np.float64)
    height, width, channels = values.shape
    low = values.min(axis=(0, 1), keepdims=True)
    span = values.max(axis=(0, 1), keepdims=True) - low
    scaled = np.round(255.0 * (values - low) / np.where(span > 0, span, 1.0))
    rows = -(-channels // columns)
    padded = np.zeros((height, width, rows * columns))
    padded[..., :channels] = scaled
    cells = padded.reshape(height, width, columns, rows).transpose(3, 0, 2, 1)
    return cells.reshape(rows * height, columns * width).astype(np.uint8)


@wrong_answer("activation_grid", "scales with the whole layer's min and max, not each channel's")
def scales_whole_layer_not_channel(activations, columns=8):
    values = np.asarray(activations, np.float64)
    height, width, channels = values.shape
    span = values.max() - values.min()
    scaled = np.round(255.0 * (values - values.min()) / (span if span > 0 else 1.0))
    rows = -(-channels // columns)
    padded = np.zeros((height, width, rows * columns))
    padded[..., :channels] = scaled
    cells = padded.reshape(height, width, rows, columns).transpose(2, 0, 3, 1)
    return cells.reshape(rows * height, columns * width).astype(np.uint8)


@wrong_answer("activation_grid", "divides by the channel's max without subtracting its min")
def divides_by_max_without_min(activations, columns=8):
    values = np.asarray(activations, np.float64)
    height, width, channels = values.shape
    high = values.max(axis=(0, 1), keepdims=True)
    scaled = np.clip(np.round(255.0 * values / np.where(high > 0, high, 1.0)), 0, 255)
    rows = -(-channels // columns)
    padded = np.zeros((height, width, rows * columns))
    padded[..., :channels] = scaled
    cells = padded.reshape(height, width, rows, columns).transpose(2, 0, 3, 1)
    return cells.reshape(rows * height, columns * width).astype(np.uint8)


@wrong_answer("activation_grid", "truncates with astype(uint8) instead of rounding")
def truncates_instead_of_rounding(activations, columns=8):
    values = np.asarray(activations, np.float64)
    height, width, channels = values.shape
    low = values.min(axis=(0, 1), keepdims=True)
    span = values.max(axis=(0, 1), keepdims=True) - low
    scaled = 255.0 * (values - low) / np.where(span > 0, span, 1.0)
    rows = -(-channels // columns)
    padded = np.zeros((height, width, rows * columns))
    padded[..., :channels] = scaled
    cells = padded.reshape(height, width, rows, columns).transpose(2, 0, 3, 1)
    return cells.reshape(rows * height, columns * width).astype(np.uint8)


@wrong_answer("activation_grid", "rows = channels // columns: the last, partly filled row is dropped")
def floor_rows_drops_last_row(activations, columns=8):
    values = np.asarray(activations, np.float64)
    height, width, channels = values.shape
    low = values.min(axis=(0, 1), keepdims=True)
    span = values.max(axis=(0, 1), keepdims=True) - low
    scaled = np.round(255.0 * (values - low) / np.where(span > 0, span, 1.0))
    rows = channels // columns
    cells = scaled[..., :rows * columns].reshape(height, width, rows, columns).transpose(2, 0, 3, 1)
    return cells.reshape(rows * height, columns * width).astype(np.uint8)


@wrong_answer("activation_grid", "the old book's scaling: (a - mean) / std * 64 + 128, clipped")
def book_mean_std_scaling(activations, columns=8):
    values = np.asarray(activations, np.float64)
    height, width, channels = values.shape
    mean = values.mean(axis=(0, 1), keepdims=True)
    std = values.std(axis=(0, 1), keepdims=True)
    scaled = np.clip(np.round((values - mean) / np.where(std > 0, std, 1.0) * 64 + 128), 0, 255)
    rows = -(-channels // columns)
    padded = np.zeros((height, width, rows * columns))
    padded[..., :channels] = scaled
    cells = padded.reshape(height, width, rows, columns).transpose(2, 0, 3, 1)
    return cells.reshape(rows * height, columns * width).astype(np.uint8)


@wrong_answer("save_activation_grid", "saves an RGB PNG (the grey grid repeated in three channels)")
def saves_rgb_png_grey_grid(activations, columns=8, name="24_activations.png", directory=None):
    # ARTIFACTS_DIR is the solution's global: it exists when this runs, not when it is defined.
    path = Path(ARTIFACTS_DIR if directory is None else directory) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    grid = activation_grid(activations, columns)
    path.write_bytes(tf.io.encode_png(np.repeat(grid[..., None], 3, axis=-1)).numpy())
    return path


@wrong_answer("save_activation_grid", "does not create the missing folder")
def does_not_create_missing_folder(activations, columns=8, name="24_activations.png", directory=None):
    # ARTIFACTS_DIR is the solution's global: it exists when this runs, not when it is defined.
    path = Path(ARTIFACTS_DIR if directory is None else directory) / name
    path.write_bytes(tf.io.encode_png(activation_grid(activations, columns)[..., None]).numpy())
    return path


@wrong_answer("filter_activation", "the filter's maximum activation instead of its mean")
def maximum_activation_instead_mean(model, layer_name, filter_index, image):
    features = keras.Model(model.inputs[0], model.get_layer(layer_name).output)
    outputs = features(tf.convert_to_tensor(image, tf.float32)[None])
    return float(tf.reduce_max(outputs[0, :, :, filter_index]))


@wrong_answer("filter_activation", "picks filter_index on the height axis instead of the channel axis")
def filter_index_on_height_axis(model, layer_name, filter_index, image):
    features = keras.Model(model.inputs[0], model.get_layer(layer_name).output)
    outputs = features(tf.convert_to_tensor(image, tf.float32)[None])
    return float(tf.reduce_mean(outputs[0, filter_index]))


@wrong_answer("filter_activation", "returns a scalar tensor instead of a Python float")
def returns_scalar_tensor_not_float(model, layer_name, filter_index, image):
    features = keras.Model(model.inputs[0], model.get_layer(layer_name).output)
    outputs = features(tf.convert_to_tensor(image, tf.float32)[None])
    return tf.reduce_mean(outputs[0, :, :, filter_index])


@wrong_answer("visualize_filter", "gradient descent: subtracts the step")
def gradient_descent_subtracts_step(model, layer_name, filter_index, start, steps=30, step_size=0.1):
    features = keras.Model(model.inputs[0], model.get_layer(layer_name).output)
    image = tf.Variable(np.asarray(start, np.float32)[None])
    for _ in range(steps):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(features(image)[..., filter_index])
        image.assign_sub(step_size * tf.math.l2_normalize(tape.gradient(loss, image)))
    return image[0].numpy()


@wrong_answer("visualize_filter", "the old book's root-mean-square normalisation instead of the L2 norm")
def root_mean_square_normalisation(model, layer_name, filter_index, start, steps=30, step_size=0.1):
    features = keras.Model(model.inputs[0], model.get_layer(layer_name).output)
    image = tf.Variable(np.asarray(start, np.float32)[None])
    for _ in range(steps):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(features(image)[..., filter_index])
        gradient = tape.gradient(loss, image)
        image.assign_add(step_size * gradient / (tf.sqrt(tf.reduce_mean(tf.square(gradient))) + 1e-5))
    return image[0].numpy()


@wrong_answer("visualize_filter", "forgets to normalise the gradient: tiny raw steps")
def forgets_normalise_gradient(model, layer_name, filter_index, start, steps=30, step_size=0.1):
    features = keras.Model(model.inputs[0], model.get_layer(layer_name).output)
    image = tf.Variable(np.asarray(start, np.float32)[None])
    for _ in range(steps):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(features(image)[..., filter_index])
        image.assign_add(step_size * tape.gradient(loss, image))
    return image[0].numpy()


@wrong_answer("visualize_filter", "computes the gradient once, at the start, and reuses it")
def gradient_once_reused(model, layer_name, filter_index, start, steps=30, step_size=0.1):
    features = keras.Model(model.inputs[0], model.get_layer(layer_name).output)
    image = tf.Variable(np.asarray(start, np.float32)[None])
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(features(image)[..., filter_index])
    step = step_size * tf.math.l2_normalize(tape.gradient(loss, image))
    for _ in range(steps):
        image.assign_add(step)
    return image[0].numpy()


@wrong_answer("visualize_filter", "one step too few (range(steps - 1))")
def one_step_too_few(model, layer_name, filter_index, start, steps=30, step_size=0.1):
    features = keras.Model(model.inputs[0], model.get_layer(layer_name).output)
    image = tf.Variable(np.asarray(start, np.float32)[None])
    for _ in range(steps - 1):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(features(image)[..., filter_index])
        image.assign_add(step_size * tf.math.l2_normalize(tape.gradient(loss, image)))
    return image[0].numpy()


@wrong_answer("visualize_filter", "divides by tf.norm: a dead filter's zero gradient becomes NaN")
def divides_by_norm_nan(model, layer_name, filter_index, start, steps=30, step_size=0.1):
    features = keras.Model(model.inputs[0], model.get_layer(layer_name).output)
    image = tf.Variable(np.asarray(start, np.float32)[None])
    for _ in range(steps):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(features(image)[..., filter_index])
        gradient = tape.gradient(loss, image)
        image.assign_add(step_size * gradient / tf.norm(gradient))
    return image[0].numpy()


@wrong_answer("visualize_filter", "clips the image to [0, 1] after every step")
def clips_image_every_step(model, layer_name, filter_index, start, steps=30, step_size=0.1):
    features = keras.Model(model.inputs[0], model.get_layer(layer_name).output)
    image = tf.Variable(np.asarray(start, np.float32)[None])
    for _ in range(steps):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(features(image)[..., filter_index])
        image.assign(tf.clip_by_value(image + step_size * tf.math.l2_normalize(tape.gradient(loss, image)), 0, 1))
    return image[0].numpy()


@wrong_answer("visualize_filter", "ascends the whole layer's mean, not the one filter's")
def ascends_whole_layer_mean(model, layer_name, filter_index, start, steps=30, step_size=0.1):
    features = keras.Model(model.inputs[0], model.get_layer(layer_name).output)
    image = tf.Variable(np.asarray(start, np.float32)[None])
    for _ in range(steps):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(features(image))
        image.assign_add(step_size * tf.math.l2_normalize(tape.gradient(loss, image)))
    return image[0].numpy()


@wrong_answer("visualize_filter", "updates `start` in place (numpy +=) instead of a copy")
def updates_start_in_place(model, layer_name, filter_index, start, steps=30, step_size=0.1):
    features = keras.Model(model.inputs[0], model.get_layer(layer_name).output)
    for _ in range(steps):
        image = tf.constant(start[None])
        with tf.GradientTape() as tape:
            tape.watch(image)
            loss = tf.reduce_mean(features(image)[..., filter_index])
        start += step_size * tf.math.l2_normalize(tape.gradient(loss, image))[0].numpy()
    return start


@wrong_answer("activation_grid", "builds the grid with TensorFlow ops and returns a tf.Tensor, not numpy")
def returns_tf_tensor_grid(activations, columns=8):
    values = tf.convert_to_tensor(activations, tf.float32)
    height, width, channels = values.shape
    low = tf.reduce_min(values, axis=(0, 1), keepdims=True)
    span = tf.reduce_max(values, axis=(0, 1), keepdims=True) - low
    scaled = tf.round(255.0 * tf.math.divide_no_nan(values - low, span))
    rows = -(-channels // columns)
    padded = tf.pad(scaled, [[0, 0], [0, 0], [0, rows * columns - channels]])
    cells = tf.transpose(tf.reshape(padded, (height, width, rows, columns)), (2, 0, 3, 1))
    return tf.cast(tf.reshape(cells, (rows * height, columns * width)), tf.uint8)
