"""Plausible wrong answers to kata 31; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("rnn_step", "forgets the tanh: a linear recurrence")
def forgets_tanh_linear_recurrence(inputs, state, kernel, recurrent_kernel, bias):
    return tf.matmul(inputs, kernel) + tf.matmul(state, recurrent_kernel) + bias


@wrong_answer("rnn_step", "forgets the bias")
def forgets_bias(inputs, state, kernel, recurrent_kernel, bias):
    return tf.tanh(tf.matmul(inputs, kernel) + tf.matmul(state, recurrent_kernel))


@wrong_answer("rnn_step", "multiplies the state by the transposed recurrent kernel")
def multiplies_state_transposed_recurrent_kernel(inputs, state, kernel, recurrent_kernel, bias):
    return tf.tanh(tf.matmul(inputs, kernel) + tf.matmul(state, recurrent_kernel, transpose_b=True) + bias)


@wrong_answer("rnn_sequence", "ignores initial_state and starts from zeros")
def ignores_initial_state_starts_zeros(inputs, initial_state, kernel, recurrent_kernel, bias, return_sequences=False):
    state = tf.zeros_like(initial_state)
    states = []
    for t in range(inputs.shape[1]):
        state = rnn_step(inputs[:, t, :], state, kernel, recurrent_kernel, bias)
        states.append(state)
    return tf.stack(states, axis=1) if return_sequences else state


@wrong_answer("rnn_sequence", "stacks the states time-major: [time, batch, units]")
def stacks_states_time_major_time(inputs, initial_state, kernel, recurrent_kernel, bias, return_sequences=False):
    state = initial_state
    states = []
    for t in range(inputs.shape[1]):
        state = rnn_step(inputs[:, t, :], state, kernel, recurrent_kernel, bias)
        states.append(state)
    return tf.stack(states, axis=0) if return_sequences else state


@wrong_answer("rnn_sequence", "feeds the initial state to every step instead of carrying the new one")
def feeds_initial_state_every_step(inputs, initial_state, kernel, recurrent_kernel, bias, return_sequences=False):
    states = [rnn_step(inputs[:, t, :], initial_state, kernel, recurrent_kernel, bias)
              for t in range(inputs.shape[1])]
    return tf.stack(states, axis=1) if return_sequences else states[-1]


@wrong_answer("global_norm", "adds up each tensor's own norm instead of taking the norm of everything")
def adds_up_each_tensor_own(gradients):
    return tf.add_n([tf.norm(gradient) for gradient in gradients])


@wrong_answer("global_norm", "forgets the square root: the sum of squares")
def forgets_square_root_sum_squares(gradients):
    return tf.add_n([tf.reduce_sum(tf.square(gradient)) for gradient in gradients])


@wrong_answer("clip_gradients", "clips each tensor by its own norm (tf.clip_by_norm) instead of the global norm")
def clips_each_tensor_own_norm(gradients, clip_norm):
    return [tf.clip_by_norm(gradient, clip_norm) for gradient in gradients]


@wrong_answer("clip_gradients", "always rescales to clip_norm, even when the norm is already smaller")
def always_rescales_clip_norm_even(gradients, clip_norm):
    scale = clip_norm / global_norm(gradients)
    return [gradient * scale for gradient in gradients]


@wrong_answer("clip_gradients", "clips every element to [-clip_norm, clip_norm] (clipping by value)")
def clips_every_element_clip_norm(gradients, clip_norm):
    return [tf.clip_by_value(gradient, -clip_norm, clip_norm) for gradient in gradients]


@wrong_answer("train_step", "returns the norm after clipping")
def returns_norm_after_clipping(model, optimizer, loss_function, inputs, targets, clip_norm):
    with tf.GradientTape() as tape:
        loss = loss_function(targets, model(inputs, training=True))
    clipped, _ = tf.clip_by_global_norm(tape.gradient(loss, model.trainable_variables), clip_norm)
    optimizer.apply_gradients(zip(clipped, model.trainable_variables))
    return float(tf.linalg.global_norm(clipped))


@wrong_answer("train_step", "computes the clipped gradients but applies the unclipped ones")
def computes_clipped_gradients_but_applies(model, optimizer, loss_function, inputs, targets, clip_norm):
    with tf.GradientTape() as tape:
        loss = loss_function(targets, model(inputs, training=True))
    gradients = tape.gradient(loss, model.trainable_variables)
    _, norm = tf.clip_by_global_norm(gradients, clip_norm)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return float(norm)


@wrong_answer("train_step", "returns the norm as a tensor, not a Python float")
def returns_norm_tensor_not_python(model, optimizer, loss_function, inputs, targets, clip_norm):
    with tf.GradientTape() as tape:
        loss = loss_function(targets, model(inputs, training=True))
    clipped, norm = tf.clip_by_global_norm(tape.gradient(loss, model.trainable_variables), clip_norm)
    optimizer.apply_gradients(zip(clipped, model.trainable_variables))
    return norm


@wrong_answer("rnn_sequence", "runs the sequence backwards in time (starts at the last step)")
def runs_sequence_backwards_time_starts(inputs, initial_state, kernel, recurrent_kernel, bias, return_sequences=False):
    state = initial_state
    states = []
    for t in reversed(range(inputs.shape[1])):
        state = rnn_step(inputs[:, t, :], state, kernel, recurrent_kernel, bias)
        states.append(state)
    return tf.stack(states, axis=1) if return_sequences else state


@wrong_answer("global_norm", "averages the squares (reduce_mean) instead of summing them")
def averages_squares_reduce_mean_instead(gradients):
    return tf.sqrt(tf.add_n([tf.reduce_mean(tf.square(gradient)) for gradient in gradients]))


@wrong_answer("clip_gradients", "tf.minimum instead of tf.maximum in the scale: never clips, inflates small gradients")
def tf_minimum_instead_tf_maximum(gradients, clip_norm):
    scale = clip_norm / tf.minimum(global_norm(gradients), clip_norm)
    return [gradient * scale for gradient in gradients]


@wrong_answer("train_step", "calls loss_function(predictions, targets): y_true and y_pred swapped")
def calls_loss_function_predictions_targets(model, optimizer, loss_function, inputs, targets, clip_norm):
    with tf.GradientTape() as tape:
        loss = loss_function(model(inputs, training=True), targets)
    gradients = tape.gradient(loss, model.trainable_variables)
    clipped, norm = tf.clip_by_global_norm(gradients, clip_norm)
    optimizer.apply_gradients(zip(clipped, model.trainable_variables))
    return float(norm)


@wrong_answer("global_norm", "calls tf.linalg.global_norm, which the docstring forbids")
def calls_tf_linalg_global_norm(gradients):
    return tf.linalg.global_norm(gradients)


@wrong_answer("global_norm", "works in numpy and returns a Python float, not a float32 tensor")
def returns_python_float_not_tensor(gradients):
    return float(sum((gradient.numpy() ** 2).sum() for gradient in gradients)) ** 0.5


@wrong_answer("clip_gradients", "calls tf.clip_by_global_norm, which the docstring forbids")
def calls_tf_clip_by_global_norm(gradients, clip_norm):
    clipped, _ = tf.clip_by_global_norm(gradients, clip_norm)
    return clipped


@wrong_answer("clip_gradients", "normalises then rescales, g / norm * min(norm, clip_norm): NaN for all-zero gradients")
def normalises_then_rescales_nan_at_zero(gradients, clip_norm):
    norm = global_norm(gradients)
    return [gradient / norm * tf.minimum(norm, clip_norm) for gradient in gradients]


@wrong_answer("clip_gradients", "returns a lazy map object, not a list")
def returns_map_not_list(gradients, clip_norm):
    scale = clip_norm / tf.maximum(global_norm(gradients), clip_norm)
    return map(lambda gradient: gradient * scale, gradients)


@wrong_answer("clip_gradients", "clips in numpy: returns numpy arrays, not tensors")
def clips_numpy_returns_arrays(gradients, clip_norm):
    arrays = [gradient.numpy() for gradient in gradients]
    norm = float(sum((array ** 2).sum() for array in arrays)) ** 0.5
    return [array * (clip_norm / max(norm, clip_norm)) for array in arrays]


@wrong_answer("train_step", "calls model(inputs) without training=True")
def predicts_without_training_true(model, optimizer, loss_function, inputs, targets, clip_norm):
    with tf.GradientTape() as tape:
        loss = loss_function(targets, model(inputs))
    gradients = tape.gradient(loss, model.trainable_variables)
    clipped, norm = tf.clip_by_global_norm(gradients, clip_norm)
    optimizer.apply_gradients(zip(clipped, model.trainable_variables))
    return float(norm)


@wrong_answer("train_step", "returns the loss instead of the gradients' norm")
def returns_loss_instead_of_norm(model, optimizer, loss_function, inputs, targets, clip_norm):
    with tf.GradientTape() as tape:
        loss = loss_function(targets, model(inputs, training=True))
    gradients = tape.gradient(loss, model.trainable_variables)
    clipped, _ = tf.clip_by_global_norm(gradients, clip_norm)
    optimizer.apply_gradients(zip(clipped, model.trainable_variables))
    return float(loss)


@wrong_answer("train_step", "clips each gradient by its own norm (tf.clip_by_norm) in the step")
def step_clips_each_gradient_own_norm(model, optimizer, loss_function, inputs, targets, clip_norm):
    with tf.GradientTape() as tape:
        loss = loss_function(targets, model(inputs, training=True))
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip([tf.clip_by_norm(g, clip_norm) for g in gradients], model.trainable_variables))
    return float(tf.linalg.global_norm(gradients))
