"""Kata 31 — Simple RNN and gradient clipping.

A recurrent layer reads a sequence `[batch, time, features]` one time step at a time and
carries a hidden state `[batch, units]` from step to step. `keras.layers.SimpleRNN` does, at
every step t,

    h_t = tanh(x_t @ kernel + h_{t-1} @ recurrent_kernel + bias)

with `kernel` `[features, units]`, `recurrent_kernel` `[units, units]` and `bias` `[units]`
(the layer's weights, in that order). You rebuild it from those weights, then guard a training
step against exploding gradients — a classic problem of RNNs — by clipping the gradients'
global norm.

Run `make kata N=31` to test your answers, `make hint N=31` when stuck.
"""

import tensorflow as tf


def rnn_step(inputs, state, kernel, recurrent_kernel, bias):
    """One SimpleRNN step: the new state `[batch, units]` from `inputs` `[batch, features]`
    and the previous `state` `[batch, units]`.

    Example: inputs [[1., 2.]], state [[0.5]], kernel [[0.1], [0.2]], recurrent_kernel [[1.]],
    bias [0.] -> [[tanh(0.1 + 0.4 + 0.5)]] = [[0.7616]].
    """
    ### BEGIN SOLUTION: two matmuls (input and state), plus the bias, through tanh.
    return tf.tanh(tf.matmul(inputs, kernel) + tf.matmul(state, recurrent_kernel) + bias)
    ### END SOLUTION


def rnn_sequence(inputs, initial_state, kernel, recurrent_kernel, bias, return_sequences=False):
    """Run `rnn_step` over a whole sequence `inputs` `[batch, time, features]`, starting from
    `initial_state` `[batch, units]`.

    Returns the last state `[batch, units]`, or with `return_sequences=True` every step's state
    `[batch, time, units]` (what `keras.layers.SimpleRNN(units, return_sequences=True)` gives).
    Example: with zero kernels and bias and recurrent_kernel [[1.]], the state just goes through
    tanh again at every step: initial_state [[1.]] over 2 steps -> [[tanh(tanh(1))]] = [[0.6420]].
    """
    ### BEGIN SOLUTION: a loop over time steps (not over elements); stack the states on axis 1.
    state = initial_state
    states = []
    for t in range(inputs.shape[1]):
        state = rnn_step(inputs[:, t, :], state, kernel, recurrent_kernel, bias)
        states.append(state)
    return tf.stack(states, axis=1) if return_sequences else state
    ### END SOLUTION


def global_norm(gradients):
    """The global norm of a list of tensors (any shapes): sqrt of the sum of all their squared
    elements, as a scalar float32 tensor — the norm of everything flattened into one vector.

    Do not call tf.linalg.global_norm. Example: [[3., 0.], [[4.]]] -> 5.0.
    """
    ### BEGIN SOLUTION: the global norm is the square root of the sum of every element's square, across all the tensors.
    return tf.sqrt(tf.add_n([tf.reduce_sum(tf.square(gradient)) for gradient in gradients]))
    ### END SOLUTION


def clip_gradients(gradients, clip_norm):
    """Scale every tensor in `gradients` by the same factor so that their global norm is at most
    `clip_norm`; return a Python list of the clipped tensors (same shapes, same order, float32).

    When the global norm is already at most clip_norm, nothing changes; otherwise every tensor is
    multiplied by clip_norm / global_norm. All-zero gradients (global norm 0) come back as zeros.
    Do not call tf.clip_by_global_norm.
    Example: [[3., 0.], [[4.]]] with clip_norm 1.0 -> [[0.6, 0.], [[0.8]]]; with clip_norm 10.0
    -> unchanged.
    """
    ### BEGIN SOLUTION: one shared scale: clip_norm / max(global norm, clip_norm).
    scale = clip_norm / tf.maximum(global_norm(gradients), clip_norm)
    return [gradient * scale for gradient in gradients]
    ### END SOLUTION


def train_step(model, optimizer, loss_function, inputs, targets, clip_norm):
    """One training step with clipping: predict with `model(inputs, training=True)` (so layers
    such as Dropout behave as in training), compute the loss as
    `loss_function(targets, predictions)` (Keras' order: y_true, then y_pred) and its gradients
    with respect to `model.trainable_variables`, clip them with
    `tf.clip_by_global_norm(gradients, clip_norm)`, and apply them with `optimizer.apply_gradients`.

    Return the global norm of the gradients *before* clipping, as a Python float (worth logging:
    it tells you how often clipping kicks in).
    Example: with plain SGD(learning_rate=0.1) and gradients of global norm 20 clipped to 5,
    every weight moves by 0.1 * gradient / 4 and the function returns 20.0.
    """
    ### BEGIN SOLUTION: GradientTape for the gradients; tf.clip_by_global_norm returns (clipped, norm before).
    with tf.GradientTape() as tape:
        loss = loss_function(targets, model(inputs, training=True))
    gradients = tape.gradient(loss, model.trainable_variables)
    clipped, norm = tf.clip_by_global_norm(gradients, clip_norm)
    optimizer.apply_gradients(zip(clipped, model.trainable_variables))
    return float(norm)
    ### END SOLUTION
