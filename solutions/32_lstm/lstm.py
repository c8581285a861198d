"""Kata 32 — LSTM and GRU gates.

An LSTM reads a sequence `x` `[batch, time, input_dim]` one time step at a time and keeps two
states per example: the hidden state `h` `[batch, units]` (what it outputs) and the cell
state `c` `[batch, units]` (its long-term memory). Three sigmoid gates decide what to forget,
what to write and what to show. The notes write each gate as sigma(W . [h_{t-1}, x_t] + b);
Keras splits W into a `kernel` for x and a `recurrent_kernel` for h, so a gate is

    gate = sigmoid(x_t @ W + h_prev @ U + b)

and keeps all four blocks side by side: `kernel [input_dim, 4 * units]`,
`recurrent_kernel [units, 4 * units]`, `bias [4 * units]`, in the order
input, forget, candidate (c~), output. Build the gates, then a full LSTM step and sequence
that match `keras.layers.LSTM` exactly, and finally a GRU step that matches `keras.layers.GRU`.

Run `make kata N=32` to test your answers, `make hint N=32` when stuck.
"""

import tensorflow as tf


def forget_gate(x_t, h_prev, W_f, U_f, b_f):
    """The forget gate f_t = sigmoid(x_t @ W_f + h_prev @ U_f + b_f), `[batch, units]`.

    `x_t` is `[batch, input_dim]`, `h_prev` `[batch, units]`, `W_f` `[input_dim, units]`,
    `U_f` `[units, units]`, `b_f` `[units]`. A value near 1 keeps that cell's memory, near 0 wipes it.

    Example: all-zero inputs, weights and bias -> 0.5 everywhere (sigmoid(0)).
    """
    ### BEGIN SOLUTION: a matmul for x, a matmul for h, add the bias, then tf.sigmoid.
    return tf.sigmoid(tf.matmul(x_t, W_f) + tf.matmul(h_prev, U_f) + b_f)
    ### END SOLUTION


def input_gate(x_t, h_prev, W_i, U_i, b_i):
    """The input gate i_t = sigmoid(x_t @ W_i + h_prev @ U_i + b_i), `[batch, units]`.

    It decides how much of the new candidate c~ is written into the cell.
    Example: zero weights and b_i = [2.0] -> sigmoid(2) = 0.8808 in every row.
    """
    ### BEGIN SOLUTION: the same formula as the forget gate, with its own weights.
    return tf.sigmoid(tf.matmul(x_t, W_i) + tf.matmul(h_prev, U_i) + b_i)
    ### END SOLUTION


def output_gate(x_t, h_prev, W_o, U_o, b_o):
    """The output gate o_t = sigmoid(x_t @ W_o + h_prev @ U_o + b_o), `[batch, units]`.

    It decides how much of tanh(c_t) is shown as the new hidden state.
    Example: zero weights and b_o = [-2.0] -> sigmoid(-2) = 0.1192 in every row.
    """
    ### BEGIN SOLUTION: the same formula again; only the weights differ.
    return tf.sigmoid(tf.matmul(x_t, W_o) + tf.matmul(h_prev, U_o) + b_o)
    ### END SOLUTION


def lstm_step(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias):
    """One LSTM time step with Keras' weight layout; return `(h_t, c_t)`, each `[batch, units]`.

    With z = x_t @ kernel + h_prev @ recurrent_kernel + bias split into four `[batch, units]`
    blocks in the order (i, f, c~, o):
        i = sigmoid(.), f = sigmoid(.), c~ = tanh(.), o = sigmoid(.)
        c_t = f * c_prev + i * c~
        h_t = o * tanh(c_t)

    Example: units=1, every weight and bias 0, c_prev = [[1.0]] ->
    i = f = o = 0.5, c~ = 0, so c_t = [[0.5]] and h_t = [[0.5 * tanh(0.5)]] = [[0.2311]].
    """
    ### BEGIN SOLUTION: one big matmul pair, tf.split into 4 blocks in the order i, f, c~, o.
    # One [batch, 4 * units] product computes all four gates at once, as Keras does.
    z = tf.matmul(x_t, kernel) + tf.matmul(h_prev, recurrent_kernel) + bias
    z_input, z_forget, z_candidate, z_output = tf.split(z, 4, axis=-1)
    input_value = tf.sigmoid(z_input)
    forget_value = tf.sigmoid(z_forget)
    candidate = tf.tanh(z_candidate)  # tanh, not sigmoid: the candidate may be negative.
    output_value = tf.sigmoid(z_output)
    c_t = forget_value * c_prev + input_value * candidate
    h_t = output_value * tf.tanh(c_t)
    return h_t, c_t
    ### END SOLUTION


def lstm_sequence(x, kernel, recurrent_kernel, bias, h0=None, c0=None):
    """Run `lstm_step` over every time step of `x` `[batch, time, input_dim]`.

    `h0`, `c0` `[batch, units]` are the initial states, each zeros when None on its own (one
    may be given without the other; units is `recurrent_kernel.shape[0]`). Return the tuple
    `(outputs [batch, time, units], h_T, c_T)` of float32 tensors:
    outputs[:, t] is h after step t, and h_T, c_T are the states after the last step,
    just like `keras.layers.LSTM(units, return_sequences=True, return_state=True)`.

    Example: x of shape [3, 5, 4] and units 6 -> outputs [3, 5, 6], h_T [3, 6], c_T [3, 6],
    with outputs[:, -1] equal to h_T.
    """
    ### BEGIN SOLUTION: tf.scan over the time-major sequence, carrying (h, c); transpose back at the end.
    batch = tf.shape(x)[0]
    units = recurrent_kernel.shape[0]
    if h0 is None:
        h0 = tf.zeros([batch, units], x.dtype)
    if c0 is None:
        c0 = tf.zeros([batch, units], x.dtype)

    def step(state, x_t):
        h_prev, c_prev = state
        return lstm_step(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias)

    # tf.scan walks along axis 0, so put time first: [time, batch, input_dim].
    hs, cs = tf.scan(step, tf.transpose(x, [1, 0, 2]), initializer=(h0, c0))
    return tf.transpose(hs, [1, 0, 2]), hs[-1], cs[-1]
    ### END SOLUTION


def gru_step(x_t, h_prev, kernel, recurrent_kernel, bias):
    """One GRU step with Keras' default layout (`reset_after=True`); return h_t `[batch, units]`.

    `kernel [input_dim, 3 * units]`, `recurrent_kernel [units, 3 * units]`, `bias [2, 3 * units]`
    (row 0 for the input side, row 1 for the recurrent side); blocks in the order z, r, h~:
        x_z, x_r, x_h = split(x_t @ kernel + bias[0])
        h_z, h_r, h_h = split(h_prev @ recurrent_kernel + bias[1])
        z = sigmoid(x_z + h_z)          update gate
        r = sigmoid(x_r + h_r)          reset gate
        h~ = tanh(x_h + r * h_h)        the reset is applied after the recurrent matmul
        h_t = z * h_prev + (1 - z) * h~

    Example: units=1, every weight and bias 0, h_prev = [[1.0]] -> z = 0.5, h~ = 0,
    h_t = [[0.5]].
    """
    ### BEGIN SOLUTION: two matmuls (+ their bias rows), tf.split each into 3; r multiplies the recurrent h~ block.
    x_z, x_r, x_h = tf.split(tf.matmul(x_t, kernel) + bias[0], 3, axis=-1)
    h_z, h_r, h_h = tf.split(tf.matmul(h_prev, recurrent_kernel) + bias[1], 3, axis=-1)
    update = tf.sigmoid(x_z + h_z)
    reset = tf.sigmoid(x_r + h_r)
    candidate = tf.tanh(x_h + reset * h_h)
    # Keras keeps the old state where z is near 1 (the opposite of some textbooks).
    return update * h_prev + (1.0 - update) * candidate
    ### END SOLUTION
