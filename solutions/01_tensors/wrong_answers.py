"""Plausible wrong answers to kata 01; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("tf.constant without a dtype: keeps numpy's int64 / float64")
def to_float32(values):
    return tf.constant(values)


@wrong_answer("casts without rounding: tf.cast truncates 89.6 to 89")
def to_int_points(scores):
    return tf.cast(scores, tf.int32)


@wrong_answer("floor instead of round: -1.7 becomes -2 but 89.6 becomes 89")
def to_int_points(scores):  # noqa: F811
    return tf.cast(tf.floor(scores), tf.int32)


@wrong_answer("rounds but keeps tf.int64")
def to_int_points(scores):  # noqa: F811
    return tf.cast(tf.round(scores), tf.int64)


@wrong_answer("returns the tensor itself instead of a numpy array")
def as_numpy(scores):
    return scores


@wrong_answer("tf.fill with the raw value: an int reference and a float value give float32")
def filled_like(reference, value):
    return tf.fill(tf.shape(reference), value)


@wrong_answer("ones_like(reference) * value computed in float32, whatever the reference dtype")
def filled_like(reference, value):  # noqa: F811
    return tf.ones(tf.shape(reference)) * value


@wrong_answer("weights as a plain tf.zeros tensor, not a tf.Variable")
def make_parameters(inputs, units):
    return tf.zeros([inputs, units]), tf.Variable(0, dtype=tf.int64, trainable=False)


@wrong_answer("step counter left trainable (tf.Variable's default)")
def make_parameters(inputs, units):  # noqa: F811
    return tf.Variable(tf.zeros([inputs, units])), tf.Variable(0, dtype=tf.int64)


@wrong_answer("weights shaped [units, inputs]")
def make_parameters(inputs, units):  # noqa: F811
    return tf.Variable(tf.zeros([units, inputs])), tf.Variable(0, dtype=tf.int64, trainable=False)


@wrong_answer("step created from the Python int 0 without a dtype: int32")
def make_parameters(inputs, units):  # noqa: F811
    return tf.Variable(tf.zeros([inputs, units])), tf.Variable(0, trainable=False)


@wrong_answer("variable + delta: returns a new tensor and leaves the variable unchanged")
def add_in_place(variable, delta):
    return variable + delta


@wrong_answer("builds a new tf.Variable instead of updating the old one")
def add_in_place(variable, delta):  # noqa: F811
    return tf.Variable(variable + delta)


@wrong_answer("tf.random.normal(shape, seed=seed): a stateful op, different on every call")
def seeded_noise(shape, seed):
    return tf.random.normal(shape, seed=seed)


@wrong_answer("ignores the seed: always seed [0, 0]")
def seeded_noise(shape, seed):  # noqa: F811
    return tf.random.stateless_normal(shape, seed=[0, 0])


@wrong_answer("uniform noise in [0, 1) instead of standard normal")
def seeded_noise(shape, seed):  # noqa: F811
    return tf.random.stateless_uniform(shape, seed=[seed, 0])


@wrong_answer("shuffles features and labels separately with tf.random.shuffle: pairs come apart")
def shuffle_pairs(features, labels, seed):
    return tf.random.shuffle(features, seed=seed), tf.random.shuffle(labels, seed=seed)


@wrong_answer("shuffles the features only; labels keep their old order")
def shuffle_pairs(features, labels, seed):  # noqa: F811
    order = tf.random.experimental.stateless_shuffle(tf.range(tf.shape(features)[0]), seed=[seed, 0])
    return tf.gather(features, order), labels


@wrong_answer("one permutation, but from np.random: ignores the seed")
def shuffle_pairs(features, labels, seed):  # noqa: F811
    import numpy as np  # Wrong answers run with the solution's globals, which have no numpy.

    order = np.random.permutation(int(tf.shape(features)[0]))
    return tf.gather(features, order), tf.gather(labels, order)


@wrong_answer("np.asarray(values, np.float32): a numpy array, not a tensor")
def to_float32(values):
    import numpy as np  # Wrong answers run with the solution's globals, which have no numpy.

    return np.asarray(values, np.float32)


@wrong_answer("adds 0.5 then casts: rounds halves up and truncates negatives toward zero")
def to_int_points(scores):  # noqa: F811
    return tf.cast(scores + 0.5, tf.int32)


@wrong_answer("tf.ones_like(reference) * value: fails when an int reference meets a float value")
def filled_like(reference, value):  # noqa: F811
    return tf.ones_like(reference) * value


@wrong_answer("returns what assign_add returns instead of the variable itself")
def add_in_place(variable, delta):  # noqa: F811
    return variable.assign_add(delta)


@wrong_answer("truncated normal noise: standard deviation about 0.88, not 1")
def seeded_noise(shape, seed):  # noqa: F811
    return tf.random.stateless_truncated_normal(shape, seed=[seed, 0])


@wrong_answer("one permutation from tf.random.shuffle(seed=seed): stateful, different on every call")
def shuffle_pairs(features, labels, seed):  # noqa: F811
    order = tf.random.shuffle(tf.range(tf.shape(features)[0]), seed=seed)
    return tf.gather(features, order), tf.gather(labels, order)
