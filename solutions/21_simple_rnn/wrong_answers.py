"""Plausible wrong answers to kata 21; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("forgets the tanh: a linear recurrence")
def rnn_step(inputs, state, kernel, recurrent_kernel, bias):
    return tf.matmul(inputs, kernel) + tf.matmul(state, recurrent_kernel) + bias


@wrong_answer("forgets the bias")
def rnn_step(inputs, state, kernel, recurrent_kernel, bias):  # noqa: F811
    return tf.tanh(tf.matmul(inputs, kernel) + tf.matmul(state, recurrent_kernel))


@wrong_answer("multiplies the state by the transposed recurrent kernel")
def rnn_step(inputs, state, kernel, recurrent_kernel, bias):  # noqa: F811
    return tf.tanh(tf.matmul(inputs, kernel) + tf.matmul(state, recurrent_kernel, transpose_b=True) + bias)


@wrong_answer("ignores initial_state and starts from zeros")
def rnn_sequence(inputs, initial_state, kernel, recurrent_kernel, bias, return_sequences=False):
    state = tf.zeros_like(initial_state)
    states = []
    for t in range(inputs.shape[1]):
        state = rnn_step(inputs[:, t, :], state, kernel, recurrent_kernel, bias)
        states.append(state)
    return tf.stack(states, axis=1) if return_sequences else state


@wrong_answer("stacks the states time-major: [time, batch, units]")
def rnn_sequence(inputs, initial_state, kernel, recurrent_kernel, bias, return_sequences=False):  # noqa: F811
    state = initial_state
    states = []
    for t in range(inputs.shape[1]):
        state = rnn_step(inputs[:, t, :], state, kernel, recurrent_kernel, bias)
        states.append(state)
    return tf.stack(states, axis=0) if return_sequences else state


@wrong_answer("feeds the initial state to every step instead of carrying the new one")
def rnn_sequence(inputs, initial_state, kernel, recurrent_kernel, bias, return_sequences=False):  # noqa: F811
    states = [rnn_step(inputs[:, t, :], initial_state, kernel, recurrent_kernel, bias)
              for t in range(inputs.shape[1])]
    return tf.stack(states, axis=1) if return_sequences else states[-1]


@wrong_answer("adds up each tensor's own norm instead of taking the norm of everything")
def global_norm(gradients):
    return tf.add_n([tf.norm(gradient) for gradient in gradients])


@wrong_answer("forgets the square root: the sum of squares")
def global_norm(gradients):  # noqa: F811
    return tf.add_n([tf.reduce_sum(tf.square(gradient)) for gradient in gradients])


@wrong_answer("clips each tensor by its own norm (tf.clip_by_norm) instead of the global norm")
def clip_gradients(gradients, clip_norm):
    return [tf.clip_by_norm(gradient, clip_norm) for gradient in gradients]


@wrong_answer("always rescales to clip_norm, even when the norm is already smaller")
def clip_gradients(gradients, clip_norm):  # noqa: F811
    scale = clip_norm / global_norm(gradients)
    return [gradient * scale for gradient in gradients]


@wrong_answer("clips every element to [-clip_norm, clip_norm] (clipping by value)")
def clip_gradients(gradients, clip_norm):  # noqa: F811
    return [tf.clip_by_value(gradient, -clip_norm, clip_norm) for gradient in gradients]


@wrong_answer("returns the norm after clipping")
def train_step(model, optimizer, loss_function, inputs, targets, clip_norm):
    with tf.GradientTape() as tape:
        loss = loss_function(targets, model(inputs, training=True))
    clipped, _ = tf.clip_by_global_norm(tape.gradient(loss, model.trainable_variables), clip_norm)
    optimizer.apply_gradients(zip(clipped, model.trainable_variables))
    return float(tf.linalg.global_norm(clipped))


@wrong_answer("computes the clipped gradients but applies the unclipped ones")
def train_step(model, optimizer, loss_function, inputs, targets, clip_norm):  # noqa: F811
    with tf.GradientTape() as tape:
        loss = loss_function(targets, model(inputs, training=True))
    gradients = tape.gradient(loss, model.trainable_variables)
    _, norm = tf.clip_by_global_norm(gradients, clip_norm)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return float(norm)


@wrong_answer("returns the norm as a tensor, not a Python float")
def train_step(model, optimizer, loss_function, inputs, targets, clip_norm):  # noqa: F811
    with tf.GradientTape() as tape:
        loss = loss_function(targets, model(inputs, training=True))
    clipped, norm = tf.clip_by_global_norm(tape.gradient(loss, model.trainable_variables), clip_norm)
    optimizer.apply_gradients(zip(clipped, model.trainable_variables))
    return norm


@wrong_answer("runs the sequence backwards in time (starts at the last step)")
def rnn_sequence(inputs, initial_state, kernel, recurrent_kernel, bias, return_sequences=False):  # noqa: F811
    state = initial_state
    states = []
    for t in reversed(range(inputs.shape[1])):
        state = rnn_step(inputs[:, t, :], state, kernel, recurrent_kernel, bias)
        states.append(state)
    return tf.stack(states, axis=1) if return_sequences else state


@wrong_answer("averages the squares (reduce_mean) instead of summing them")
def global_norm(gradients):  # noqa: F811
    return tf.sqrt(tf.add_n([tf.reduce_mean(tf.square(gradient)) for gradient in gradients]))


@wrong_answer("tf.minimum instead of tf.maximum in the scale: never clips, inflates small gradients")
def clip_gradients(gradients, clip_norm):  # noqa: F811
    scale = clip_norm / tf.minimum(global_norm(gradients), clip_norm)
    return [gradient * scale for gradient in gradients]


@wrong_answer("calls loss_function(predictions, targets): y_true and y_pred swapped")
def train_step(model, optimizer, loss_function, inputs, targets, clip_norm):  # noqa: F811
    with tf.GradientTape() as tape:
        loss = loss_function(model(inputs, training=True), targets)
    gradients = tape.gradient(loss, model.trainable_variables)
    clipped, norm = tf.clip_by_global_norm(gradients, clip_norm)
    optimizer.apply_gradients(zip(clipped, model.trainable_variables))
    return float(norm)
