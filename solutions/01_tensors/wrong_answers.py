"""Plausible wrong answers to kata 01; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("to_float32", "tf.constant without a dtype: keeps numpy's int64 / float64")
def tf_constant_without_dtype_keeps(values):
    return tf.constant(values)


@wrong_answer("to_int_points", "casts without rounding: tf.cast truncates 89.6 to 89")
def casts_without_rounding_tf_cast(scores):
    return tf.cast(scores, tf.int32)


@wrong_answer("to_int_points", "floor instead of round: -1.7 becomes -2 but 89.6 becomes 89")
def floor_instead_round_1_7(scores):
    return tf.cast(tf.floor(scores), tf.int32)


@wrong_answer("to_int_points", "rounds but keeps tf.int64")
def rounds_but_keeps_tf_int64(scores):
    return tf.cast(tf.round(scores), tf.int64)


@wrong_answer("as_numpy", "returns the tensor itself instead of a numpy array")
def returns_tensor_itself_instead_numpy(scores):
    return scores


@wrong_answer("filled_like", "tf.fill with the raw value: an int reference and a float value give float32")
def tf_fill_raw_value_int(reference, value):
    return tf.fill(tf.shape(reference), value)


@wrong_answer("filled_like", "ones_like(reference) * value computed in float32, whatever the reference dtype")
def ones_like_reference_value_computed(reference, value):
    return tf.ones(tf.shape(reference)) * value


@wrong_answer("make_parameters", "weights as a plain tf.zeros tensor, not a tf.Variable")
def weights_plain_tf_zeros_tensor(inputs, units):
    return tf.zeros([inputs, units]), tf.Variable(0, dtype=tf.int64, trainable=False)


@wrong_answer("make_parameters", "step counter left trainable (tf.Variable's default)")
def step_counter_left_trainable_tf(inputs, units):
    return tf.Variable(tf.zeros([inputs, units])), tf.Variable(0, dtype=tf.int64)


@wrong_answer("make_parameters", "weights shaped [units, inputs]")
def weights_shaped_units_inputs(inputs, units):
    return tf.Variable(tf.zeros([units, inputs])), tf.Variable(0, dtype=tf.int64, trainable=False)


@wrong_answer("make_parameters", "step created from the Python int 0 without a dtype: int32")
def step_created_python_int_0(inputs, units):
    return tf.Variable(tf.zeros([inputs, units])), tf.Variable(0, trainable=False)


@wrong_answer("add_in_place", "variable + delta: returns a new tensor and leaves the variable unchanged")
def variable_delta_returns_new_tensor(variable, delta):
    return variable + delta


@wrong_answer("add_in_place", "builds a new tf.Variable instead of updating the old one")
def builds_new_tf_variable_instead(variable, delta):
    return tf.Variable(variable + delta)


@wrong_answer("seeded_noise", "tf.random.normal(shape, seed=seed): a stateful op, different on every call")
def tf_random_normal_shape_seed(shape, seed):
    return tf.random.normal(shape, seed=seed)


@wrong_answer("seeded_noise", "ignores the seed: always seed [0, 0]")
def ignores_seed_always_seed_0(shape, seed):
    return tf.random.stateless_normal(shape, seed=[0, 0])


@wrong_answer("seeded_noise", "uniform noise in [0, 1) instead of standard normal")
def uniform_noise_0_1_instead(shape, seed):
    return tf.random.stateless_uniform(shape, seed=[seed, 0])


@wrong_answer("shuffle_pairs", "shuffles features and labels separately with tf.random.shuffle: pairs come apart")
def shuffles_features_labels_separately_tf(features, labels, seed):
    return tf.random.shuffle(features, seed=seed), tf.random.shuffle(labels, seed=seed)


@wrong_answer("shuffle_pairs", "shuffles the features only; labels keep their old order")
def shuffles_features_only_labels_keep(features, labels, seed):
    order = tf.random.experimental.stateless_shuffle(tf.range(tf.shape(features)[0]), seed=[seed, 0])
    return tf.gather(features, order), labels


@wrong_answer("shuffle_pairs", "one permutation, but from np.random: ignores the seed")
def one_permutation_but_np_random(features, labels, seed):
    import numpy as np  # Wrong answers run with the solution's globals, which have no numpy.

    order = np.random.permutation(int(tf.shape(features)[0]))
    return tf.gather(features, order), tf.gather(labels, order)


@wrong_answer("to_float32", "np.asarray(values, np.float32): a numpy array, not a tensor")
def np_asarray_values_np_float32(values):
    import numpy as np  # Wrong answers run with the solution's globals, which have no numpy.

    return np.asarray(values, np.float32)


@wrong_answer("to_int_points", "adds 0.5 then casts: rounds halves up and truncates negatives toward zero")
def adds_0_5_casts_rounds(scores):
    return tf.cast(scores + 0.5, tf.int32)


@wrong_answer("filled_like", "tf.ones_like(reference) * value: fails when an int reference meets a float value")
def tf_ones_like_reference_value(reference, value):
    return tf.ones_like(reference) * value


@wrong_answer("add_in_place", "returns what assign_add returns instead of the variable itself")
def returns_what_assign_add_returns(variable, delta):
    return variable.assign_add(delta)


@wrong_answer("seeded_noise", "truncated normal noise: standard deviation about 0.88, not 1")
def truncated_normal_noise_standard_deviation(shape, seed):
    return tf.random.stateless_truncated_normal(shape, seed=[seed, 0])


@wrong_answer("shuffle_pairs", "one permutation from tf.random.shuffle(seed=seed): stateful, different on every call")
def one_permutation_tf_random_shuffle(features, labels, seed):
    order = tf.random.shuffle(tf.range(tf.shape(features)[0]), seed=seed)
    return tf.gather(features, order), tf.gather(labels, order)


@wrong_answer("to_int_points", "rounds halves away from zero (the schoolbook rule): 2.5 becomes 3, not 2")
def rounds_halves_away_from_zero(scores):
    return tf.cast(tf.sign(scores) * tf.floor(tf.abs(scores) + 0.5), tf.int32)


@wrong_answer("to_int_points", "np.rint(...).astype(np.int32): right values, but a numpy array, not a tensor")
def np_rint_astype_int32_numpy(scores):
    import numpy as np  # Wrong answers run with the solution's globals, which have no numpy.

    return np.rint(scores).astype(np.int32)


@wrong_answer("as_numpy", "np.asarray(scores, np.float32): assumes floats, so an int32 tensor comes back float32")
def np_asarray_assumes_float32(scores):
    import numpy as np  # Wrong answers run with the solution's globals, which have no numpy.

    return np.asarray(scores, np.float32)


@wrong_answer("filled_like", "np.full with the reference's shape and dtype: a numpy array, not a tensor")
def np_full_numpy_array(reference, value):
    import numpy as np  # Wrong answers run with the solution's globals, which have no numpy.

    return np.full(reference.shape, value, reference.dtype.as_numpy_dtype)


@wrong_answer("make_parameters", "weights from np.zeros: a float64 variable")
def weights_from_np_zeros_float64(inputs, units):
    import numpy as np  # Wrong answers run with the solution's globals, which have no numpy.

    return tf.Variable(np.zeros((inputs, units))), tf.Variable(0, dtype=tf.int64, trainable=False)


@wrong_answer("make_parameters", "step as a one-element vector [0] instead of the scalar 0")
def step_one_element_vector(inputs, units):
    return tf.Variable(tf.zeros([inputs, units])), tf.Variable([0], dtype=tf.int64, trainable=False)


@wrong_answer("add_in_place", "assign instead of assign_add: the variable becomes delta")
def assign_instead_of_assign_add(variable, delta):
    variable.assign(delta)
    return variable


@wrong_answer("add_in_place", "assign_sub, the notes' SGD update, instead of assign_add")
def assign_sub_instead_of_assign_add(variable, delta):
    variable.assign_sub(delta)
    return variable


@wrong_answer("seeded_noise", "numpy's seeded generator cast to float32: a numpy array, not a tensor")
def numpy_generator_not_a_tensor(shape, seed):
    import numpy as np  # Wrong answers run with the solution's globals, which have no numpy.

    return np.random.default_rng(seed).standard_normal(shape).astype(np.float32)


@wrong_answer("shuffle_pairs", "shuffles with numpy indexing and returns numpy arrays, not tensors")
def shuffles_with_numpy_returns_arrays(features, labels, seed):
    import numpy as np  # Wrong answers run with the solution's globals, which have no numpy.

    order = np.random.default_rng(seed).permutation(len(labels))
    return np.asarray(features)[order], np.asarray(labels)[order]
