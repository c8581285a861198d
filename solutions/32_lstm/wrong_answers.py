"""Plausible wrong answers to kata 32; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("forget_gate", "forget gate through tanh instead of sigmoid")
def forget_gate_through_tanh_instead(x_t, h_prev, W_f, U_f, b_f):
    return tf.tanh(tf.matmul(x_t, W_f) + tf.matmul(h_prev, U_f) + b_f)


@wrong_answer("input_gate", "input gate without its bias")
def input_gate_without_bias(x_t, h_prev, W_i, U_i, b_i):
    return tf.sigmoid(tf.matmul(x_t, W_i) + tf.matmul(h_prev, U_i))


@wrong_answer("output_gate", "output gate ignores the previous hidden state")
def output_gate_ignores_previous_hidden(x_t, h_prev, W_o, U_o, b_o):
    return tf.sigmoid(tf.matmul(x_t, W_o) + b_o)


@wrong_answer("lstm_step", "gate order i, f, o, c~ (the candidate and output blocks swapped)")
def gate_order_i_f_o(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias):
    z_i, z_f, z_o, z_c = tf.split(tf.matmul(x_t, kernel) + tf.matmul(h_prev, recurrent_kernel) + bias, 4, axis=-1)
    c_t = tf.sigmoid(z_f) * c_prev + tf.sigmoid(z_i) * tf.tanh(z_c)
    return tf.sigmoid(z_o) * tf.tanh(c_t), c_t


@wrong_answer("lstm_step", "sigmoid on the candidate c~ instead of tanh")
def sigmoid_candidate_c_instead_tanh(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias):
    z_i, z_f, z_c, z_o = tf.split(tf.matmul(x_t, kernel) + tf.matmul(h_prev, recurrent_kernel) + bias, 4, axis=-1)
    c_t = tf.sigmoid(z_f) * c_prev + tf.sigmoid(z_i) * tf.sigmoid(z_c)
    return tf.sigmoid(z_o) * tf.tanh(c_t), c_t


@wrong_answer("lstm_step", "h_t = o * c_t: forgets the tanh on the cell state")
def h_t_o_c_t(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias):
    z_i, z_f, z_c, z_o = tf.split(tf.matmul(x_t, kernel) + tf.matmul(h_prev, recurrent_kernel) + bias, 4, axis=-1)
    c_t = tf.sigmoid(z_f) * c_prev + tf.sigmoid(z_i) * tf.tanh(z_c)
    return tf.sigmoid(z_o) * c_t, c_t


@wrong_answer("lstm_step", "c_t = f * h_prev + i * c~: forgets through h instead of c")
def c_t_f_h_prev(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias):
    z_i, z_f, z_c, z_o = tf.split(tf.matmul(x_t, kernel) + tf.matmul(h_prev, recurrent_kernel) + bias, 4, axis=-1)
    c_t = tf.sigmoid(z_f) * h_prev + tf.sigmoid(z_i) * tf.tanh(z_c)
    return tf.sigmoid(z_o) * tf.tanh(c_t), c_t


@wrong_answer("lstm_step", "forgets the bias")
def forgets_bias(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias):
    z_i, z_f, z_c, z_o = tf.split(tf.matmul(x_t, kernel) + tf.matmul(h_prev, recurrent_kernel), 4, axis=-1)
    c_t = tf.sigmoid(z_f) * c_prev + tf.sigmoid(z_i) * tf.tanh(z_c)
    return tf.sigmoid(z_o) * tf.tanh(c_t), c_t


@wrong_answer("lstm_step", "returns (c_t, h_t): the states swapped")
def returns_c_t_h_t(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias):
    z_i, z_f, z_c, z_o = tf.split(tf.matmul(x_t, kernel) + tf.matmul(h_prev, recurrent_kernel) + bias, 4, axis=-1)
    c_t = tf.sigmoid(z_f) * c_prev + tf.sigmoid(z_i) * tf.tanh(z_c)
    return c_t, tf.sigmoid(z_o) * tf.tanh(c_t)


@wrong_answer("lstm_sequence", "outputs left time-major [time, batch, units]")
def outputs_left_time_major_time(x, kernel, recurrent_kernel, bias, h0=None, c0=None):
    batch, units = tf.shape(x)[0], recurrent_kernel.shape[0]
    h0 = tf.zeros([batch, units]) if h0 is None else h0
    c0 = tf.zeros([batch, units]) if c0 is None else c0
    hs, cs = tf.scan(lambda state, x_t: lstm_step(x_t, *state, kernel, recurrent_kernel, bias),
                     tf.transpose(x, [1, 0, 2]), initializer=(h0, c0))
    return hs, hs[-1], cs[-1]


@wrong_answer("lstm_sequence", "always starts from zero states, ignoring h0 and c0")
def always_starts_zero_states_ignoring(x, kernel, recurrent_kernel, bias, h0=None, c0=None):
    batch, units = tf.shape(x)[0], recurrent_kernel.shape[0]
    zeros = tf.zeros([batch, units])
    hs, cs = tf.scan(lambda state, x_t: lstm_step(x_t, *state, kernel, recurrent_kernel, bias),
                     tf.transpose(x, [1, 0, 2]), initializer=(zeros, zeros))
    return tf.transpose(hs, [1, 0, 2]), hs[-1], cs[-1]


@wrong_answer("lstm_sequence", "carries the first step's state to every step (h, c never updated)")
def carries_first_step_state_every(x, kernel, recurrent_kernel, bias, h0=None, c0=None):
    batch, units = tf.shape(x)[0], recurrent_kernel.shape[0]
    h0 = tf.zeros([batch, units]) if h0 is None else h0
    c0 = tf.zeros([batch, units]) if c0 is None else c0
    steps = [lstm_step(x[:, t], h0, c0, kernel, recurrent_kernel, bias) for t in range(x.shape[1])]
    return tf.stack([h for h, _ in steps], axis=1), steps[-1][0], steps[-1][1]


@wrong_answer("gru_step", "GRU with the textbook convention h_t = (1 - z) * h_prev + z * h~")
def gru_textbook_convention_h_t(x_t, h_prev, kernel, recurrent_kernel, bias):
    x_z, x_r, x_h = tf.split(tf.matmul(x_t, kernel) + bias[0], 3, axis=-1)
    h_z, h_r, h_h = tf.split(tf.matmul(h_prev, recurrent_kernel) + bias[1], 3, axis=-1)
    update, reset = tf.sigmoid(x_z + h_z), tf.sigmoid(x_r + h_r)
    candidate = tf.tanh(x_h + reset * h_h)
    return (1.0 - update) * h_prev + update * candidate


@wrong_answer("gru_step", "GRU with reset_after=False: the reset multiplies h before the recurrent matmul")
def gru_reset_after_false_reset(x_t, h_prev, kernel, recurrent_kernel, bias):
    units = recurrent_kernel.shape[0]
    x_z, x_r, x_h = tf.split(tf.matmul(x_t, kernel) + bias[0], 3, axis=-1)
    h_z, h_r, _ = tf.split(tf.matmul(h_prev, recurrent_kernel) + bias[1], 3, axis=-1)
    update, reset = tf.sigmoid(x_z + h_z), tf.sigmoid(x_r + h_r)
    candidate = tf.tanh(x_h + tf.matmul(reset * h_prev, recurrent_kernel[:, 2 * units:]) + bias[1][2 * units:])
    return update * h_prev + (1.0 - update) * candidate


@wrong_answer("gru_step", "GRU gate order r, z, h~ (reset and update blocks swapped)")
def gru_gate_order_r_z(x_t, h_prev, kernel, recurrent_kernel, bias):
    x_r, x_z, x_h = tf.split(tf.matmul(x_t, kernel) + bias[0], 3, axis=-1)
    h_r, h_z, h_h = tf.split(tf.matmul(h_prev, recurrent_kernel) + bias[1], 3, axis=-1)
    update, reset = tf.sigmoid(x_z + h_z), tf.sigmoid(x_r + h_r)
    return update * h_prev + (1.0 - update) * tf.tanh(x_h + reset * h_h)


@wrong_answer("gru_step", "GRU uses only the input-side bias row (bias[0]) for both sides")
def gru_uses_only_input_side(x_t, h_prev, kernel, recurrent_kernel, bias):
    x_z, x_r, x_h = tf.split(tf.matmul(x_t, kernel) + bias[0], 3, axis=-1)
    h_z, h_r, h_h = tf.split(tf.matmul(h_prev, recurrent_kernel), 3, axis=-1)
    update, reset = tf.sigmoid(x_z + h_z), tf.sigmoid(x_r + h_r)
    return update * h_prev + (1.0 - update) * tf.tanh(x_h + reset * h_h)


@wrong_answer("lstm_step", "h_t = o * tanh(c_prev): shows the old cell state instead of the new one")
def h_t_o_tanh_c(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias):
    z = tf.matmul(x_t, kernel) + tf.matmul(h_prev, recurrent_kernel) + bias
    z_input, z_forget, z_candidate, z_output = tf.split(z, 4, axis=-1)
    c_t = tf.sigmoid(z_forget) * c_prev + tf.sigmoid(z_input) * tf.tanh(z_candidate)
    return tf.sigmoid(z_output) * tf.tanh(c_prev), c_t


@wrong_answer("lstm_sequence", "returns the last hidden state twice: (outputs, h_T, h_T) instead of the cell state c_T")
def returns_last_hidden_state_twice(x, kernel, recurrent_kernel, bias, h0=None, c0=None):
    batch = tf.shape(x)[0]
    units = recurrent_kernel.shape[0]
    h0 = tf.zeros([batch, units], x.dtype) if h0 is None else h0
    c0 = tf.zeros([batch, units], x.dtype) if c0 is None else c0
    hs, cs = tf.scan(lambda state, x_t: lstm_step(x_t, state[0], state[1], kernel, recurrent_kernel, bias),
                     tf.transpose(x, [1, 0, 2]), initializer=(h0, c0))
    return tf.transpose(hs, [1, 0, 2]), hs[-1], hs[-1]


@wrong_answer("gru_step", "GRU applies the reset to the whole candidate sum: tanh(r * (x_h + h_h))")
def gru_applies_reset_whole_candidate(x_t, h_prev, kernel, recurrent_kernel, bias):
    x_z, x_r, x_h = tf.split(tf.matmul(x_t, kernel) + bias[0], 3, axis=-1)
    h_z, h_r, h_h = tf.split(tf.matmul(h_prev, recurrent_kernel) + bias[1], 3, axis=-1)
    update = tf.sigmoid(x_z + h_z)
    reset = tf.sigmoid(x_r + h_r)
    return update * h_prev + (1.0 - update) * tf.tanh(reset * (x_h + h_h))


@wrong_answer("gru_step", "GRU adds both bias rows on the input side, so the reset does not scale the recurrent bias")
def gru_adds_both_bias_rows(x_t, h_prev, kernel, recurrent_kernel, bias):
    x_z, x_r, x_h = tf.split(tf.matmul(x_t, kernel) + bias[0] + bias[1], 3, axis=-1)
    h_z, h_r, h_h = tf.split(tf.matmul(h_prev, recurrent_kernel), 3, axis=-1)
    update = tf.sigmoid(x_z + h_z)
    reset = tf.sigmoid(x_r + h_r)
    return update * h_prev + (1.0 - update) * tf.tanh(x_h + reset * h_h)


@wrong_answer("lstm_step", "c_t = f * c_prev + i * tanh(c~): the candidate put through tanh twice")
def candidate_through_tanh_twice(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias):
    z_i, z_f, z_c, z_o = tf.split(tf.matmul(x_t, kernel) + tf.matmul(h_prev, recurrent_kernel) + bias, 4, axis=-1)
    candidate = tf.tanh(z_c)
    c_t = tf.sigmoid(z_f) * c_prev + tf.sigmoid(z_i) * tf.tanh(candidate)
    return tf.sigmoid(z_o) * tf.tanh(c_t), c_t


@wrong_answer("lstm_step", "adds 1 to the forget gate's pre-activation by hand (unit_forget_bias is only an initialiser)")
def adds_one_to_forget_gate(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias):
    z_i, z_f, z_c, z_o = tf.split(tf.matmul(x_t, kernel) + tf.matmul(h_prev, recurrent_kernel) + bias, 4, axis=-1)
    c_t = tf.sigmoid(z_f + 1.0) * c_prev + tf.sigmoid(z_i) * tf.tanh(z_c)
    return tf.sigmoid(z_o) * tf.tanh(c_t), c_t


@wrong_answer("lstm_sequence", "starts both states from zeros unless both h0 and c0 are given")
def zeros_unless_both_states_given(x, kernel, recurrent_kernel, bias, h0=None, c0=None):
    batch, units = tf.shape(x)[0], recurrent_kernel.shape[0]
    if h0 is None or c0 is None:
        h0 = c0 = tf.zeros([batch, units], x.dtype)
    hs, cs = tf.scan(lambda state, x_t: lstm_step(x_t, state[0], state[1], kernel, recurrent_kernel, bias),
                     tf.transpose(x, [1, 0, 2]), initializer=(h0, c0))
    return tf.transpose(hs, [1, 0, 2]), hs[-1], cs[-1]


@wrong_answer("lstm_sequence", "a missing c0 copies h0 (one initial state used for both)")
def missing_c0_copies_h0(x, kernel, recurrent_kernel, bias, h0=None, c0=None):
    batch, units = tf.shape(x)[0], recurrent_kernel.shape[0]
    h0 = tf.zeros([batch, units], x.dtype) if h0 is None else h0
    c0 = h0 if c0 is None else c0
    hs, cs = tf.scan(lambda state, x_t: lstm_step(x_t, state[0], state[1], kernel, recurrent_kernel, bias),
                     tf.transpose(x, [1, 0, 2]), initializer=(h0, c0))
    return tf.transpose(hs, [1, 0, 2]), hs[-1], cs[-1]


@wrong_answer("lstm_sequence", "outputs are the cell states c_t instead of the hidden states h_t")
def outputs_are_cell_states(x, kernel, recurrent_kernel, bias, h0=None, c0=None):
    batch, units = tf.shape(x)[0], recurrent_kernel.shape[0]
    h0 = tf.zeros([batch, units], x.dtype) if h0 is None else h0
    c0 = tf.zeros([batch, units], x.dtype) if c0 is None else c0
    hs, cs = tf.scan(lambda state, x_t: lstm_step(x_t, state[0], state[1], kernel, recurrent_kernel, bias),
                     tf.transpose(x, [1, 0, 2]), initializer=(h0, c0))
    return tf.transpose(cs, [1, 0, 2]), hs[-1], cs[-1]


@wrong_answer("lstm_sequence", "a Python loop that skips the last time step: range(time - 1)")
def loop_skips_last_step(x, kernel, recurrent_kernel, bias, h0=None, c0=None):
    batch, units = x.shape[0], recurrent_kernel.shape[0]
    h = tf.zeros([batch, units], x.dtype) if h0 is None else h0
    c = tf.zeros([batch, units], x.dtype) if c0 is None else c0
    outputs = [h]
    for t in range(x.shape[1] - 1):
        h, c = lstm_step(x[:, t], h, c, kernel, recurrent_kernel, bias)
        outputs.append(h)
    return tf.stack(outputs[1:] + [h], axis=1), h, c


@wrong_answer("forget_gate", "multiplies h_prev by the transposed recurrent weights (h_prev @ U_f^T)")
def forget_gate_transposed_recurrent(x_t, h_prev, W_f, U_f, b_f):
    return tf.sigmoid(tf.matmul(x_t, W_f) + tf.matmul(h_prev, U_f, transpose_b=True) + b_f)


@wrong_answer("gru_step", "GRU forgets the reset gate: h~ = tanh(x_h + h_h)")
def gru_forgets_reset_gate(x_t, h_prev, kernel, recurrent_kernel, bias):
    x_z, _, x_h = tf.split(tf.matmul(x_t, kernel) + bias[0], 3, axis=-1)
    h_z, _, h_h = tf.split(tf.matmul(h_prev, recurrent_kernel) + bias[1], 3, axis=-1)
    update = tf.sigmoid(x_z + h_z)
    return update * h_prev + (1.0 - update) * tf.tanh(x_h + h_h)
