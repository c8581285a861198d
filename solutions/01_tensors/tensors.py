"""Kata 01 — Tensors, dtypes and variables.

Before a model can learn, its data must become tensors of the right dtype and its
parameters must become variables. A teacher's exam scores arrive as a numpy array; you
turn them into tensors, change their dtype, build starting parameters with `tf.zeros`,
`tf.fill` and `tf.Variable`, draw random noise that is the same on every run, and shuffle
examples without separating each one from its label.

Run `make kata N=01` to test your answers, `make hint N=01` when stuck.
"""

import tensorflow as tf


def to_float32(values):
    """`values` (a numpy array or nested Python list of numbers) as a float32 tensor.

    numpy integers arrive as int64 and numpy floats as float64; a model wants float32.
    Example: np.array([[90, 85], [70, 100]]) -> tf.Tensor([[90., 85.], [70., 100.]], float32).
    """
    ### BEGIN SOLUTION: tf.convert_to_tensor (or tf.constant) takes a dtype argument.
    # Asking for the dtype up front converts in one step instead of keeping numpy's int64/float64.
    return tf.convert_to_tensor(values, dtype=tf.float32)
    ### END SOLUTION


def to_int_points(scores):
    """Float `scores` (a tensor) rounded to the nearest whole point, as an int32 tensor of the same shape.

    Halves round to the even neighbour, as `tf.round` and `np.rint` do.
    Example: [[89.6, 70.2], [-1.7, 2.5]] -> [[90, 70], [-2, 2]] (int32).
    """
    ### BEGIN SOLUTION: tf.cast to an integer dtype drops the fraction; round first.
    # tf.cast truncates toward zero (89.6 -> 89), so tf.round must come before it.
    return tf.cast(tf.round(scores), tf.int32)
    ### END SOLUTION


def as_numpy(scores):
    """The values of the tensor `scores` as a numpy array of the same dtype (for a library that only speaks numpy).

    Example: tf.constant([1.5, 2.0]) -> np.array([1.5, 2.0], dtype=float32); an int32 tensor
    gives an int32 array.
    """
    ### BEGIN SOLUTION: an eager tensor has a .numpy() method.
    return scores.numpy()
    ### END SOLUTION


def filled_like(reference, value):
    """A tensor (not a numpy array) with the shape and dtype of `reference`, every element equal to `value`.

    Example: reference tf.constant([[1, 2, 3], [4, 5, 6]]) (int32), value 7 ->
    [[7, 7, 7], [7, 7, 7]] (int32). A reference of shape [0, 3] gives an empty [0, 3] tensor.
    """
    ### BEGIN SOLUTION: tf.fill takes its dtype from the value; tf.shape gives the reference's shape; match its dtype too.
    # tf.fill takes its dtype from the value, so a Python float would turn an int tensor into float32.
    return tf.fill(tf.shape(reference), tf.cast(value, reference.dtype))
    ### END SOLUTION


def make_parameters(inputs, units):
    """A zero-filled parameter table for `inputs` features and `units` outputs, and a step counter.

    Return `(weights, step)`: `weights` a trainable float32 `tf.Variable` of zeros with shape
    `[inputs, units]`; `step` an int64 `tf.Variable` holding the scalar 0 that is NOT trainable
    (it only counts training steps, so no gradient should ever touch it).
    Zeros are fine for a bias or for this exercise, but not as a real layer's starting weights:
    all-zero weights give every hidden unit the same gradient, so those units stay identical forever
    (kata 16 starts its kernel at random values for that reason). The notes' random start,
    `tf.Variable(tf.random.truncated_normal([784, 256]), stddev=0.1)`, puts `stddev` on
    `tf.Variable`, which silently ignores it (the weights keep a standard deviation of 1): it
    belongs inside, `tf.random.truncated_normal([784, 256], stddev=0.1)`.
    Example: make_parameters(3, 2) -> weights [[0., 0.], [0., 0.], [0., 0.]], step 0.
    """
    ### BEGIN SOLUTION: a tf.Variable wraps an initial tensor of zeros; look up its dtype and trainable arguments.
    weights = tf.Variable(tf.zeros([inputs, units], tf.float32))
    # A counter is state, not a parameter: trainable=False keeps it out of model.trainable_variables.
    step = tf.Variable(0, dtype=tf.int64, trainable=False)
    return weights, step
    ### END SOLUTION


def add_in_place(variable, delta):
    """Add `delta` to `variable` in place and return that same variable.

    The variable object must stay the same (a model keeps a reference to it); only its
    value changes. Example: v = tf.Variable([1., 2.]); add_in_place(v, [10., 20.]) is v,
    and v now holds [11., 22.].
    """
    ### BEGIN SOLUTION: a variable's assign_add method updates it in place.
    # `variable + delta` would build a new tensor and leave the variable untouched.
    variable.assign_add(delta)
    return variable
    ### END SOLUTION


def seeded_noise(shape, seed):
    """Standard normal noise (mean 0, standard deviation 1): a float32 tensor of the given shape.

    The same `seed` must give the same tensor on every call; different seeds give
    different tensors. Example: seeded_noise([2, 3], 7) twice -> two equal [2, 3] tensors.
    """
    ### BEGIN SOLUTION: a stateless random op such as tf.random.stateless_normal depends only on its seed pair.
    # tf.random.normal(shape, seed=seed) keeps an internal counter, so calling it twice gives
    # different numbers; a stateless op (or tf.random.Generator.from_seed) does not.
    return tf.random.stateless_normal(shape, seed=[seed, 0], dtype=tf.float32)
    ### END SOLUTION


def shuffle_pairs(features, labels, seed):
    """Shuffle examples and their labels with one permutation, so every pair stays together.

    `features` is `[examples, ...]`, `labels` is `[examples]`; return `(features, labels)` as
    tensors with the same shapes and dtypes, rows in a random order that depends only on `seed`.
    Example: features [[0, 0], [1, 1], [2, 2]], labels [0, 1, 2] might become
    [[2, 2], [0, 0], [1, 1]], [2, 0, 1]: row i of the features still goes with label i.
    """
    ### BEGIN SOLUTION: build one stateless permutation of the example indices from the seed, then tf.gather both tensors.
    # Shuffling the indices, not the data, lets one permutation reorder both tensors alike.
    examples = tf.shape(features)[0]
    order = tf.random.experimental.stateless_shuffle(tf.range(examples), seed=[seed, 0])
    return tf.gather(features, order), tf.gather(labels, order)
    ### END SOLUTION
