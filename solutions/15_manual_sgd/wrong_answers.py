"""Plausible wrong answers to kata 15; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("init_params", "the notes' slip: stddev=0.1 lands outside truncated_normal, so the weights have stddev 1")
def notes_slip_stddev_0_1(layer_sizes, seed=0):
    generator = tf.random.Generator.from_seed(seed)
    params = []
    for inputs, outputs in zip(layer_sizes[:-1], layer_sizes[1:]):
        params += [tf.Variable(generator.truncated_normal([inputs, outputs])), tf.Variable(tf.zeros([outputs]))]
    return params


@wrong_answer("init_params", "W shaped [outputs, inputs] (the PyTorch layout), so x @ W does not fit")
def w_shaped_outputs_inputs_pytorch(layer_sizes, seed=0):
    generator = tf.random.Generator.from_seed(seed)
    params = []
    for inputs, outputs in zip(layer_sizes[:-1], layer_sizes[1:]):
        params += [tf.Variable(generator.truncated_normal([outputs, inputs], stddev=0.1)),
                   tf.Variable(tf.zeros([outputs]))]
    return params


@wrong_answer("init_params", "plain tensors instead of tf.Variable: nothing to assign_sub, the tape does not watch them")
def plain_tensors_instead_tf_variable(layer_sizes, seed=0):
    generator = tf.random.Generator.from_seed(seed)
    params = []
    for inputs, outputs in zip(layer_sizes[:-1], layer_sizes[1:]):
        params += [generator.truncated_normal([inputs, outputs], stddev=0.1), tf.zeros([outputs])]
    return params


@wrong_answer("init_params", "ignores the seed: tf.random.truncated_normal draws new numbers on every call")
def ignores_seed_tf_random_truncated(layer_sizes, seed=0):
    params = []
    for inputs, outputs in zip(layer_sizes[:-1], layer_sizes[1:]):
        params += [tf.Variable(tf.random.truncated_normal([inputs, outputs], stddev=0.1)),
                   tf.Variable(tf.zeros([outputs]))]
    return params


@wrong_answer("forward", "forgets to flatten: multiplies [batch, height, width] images by W")
def forgets_flatten_multiplies_batch_height(params, x):
    hidden = tf.cast(x, tf.float32)
    weights, biases = params[0::2], params[1::2]
    for W, b in zip(weights[:-1], biases[:-1]):
        hidden = tf.nn.relu(hidden @ W + b)
    return hidden @ weights[-1] + biases[-1]


@wrong_answer("forward", "a ReLU after the output layer too: no logit can be negative")
def relu_after_output_layer_too(params, x):
    hidden = tf.reshape(tf.cast(x, tf.float32), [tf.shape(x)[0], -1])
    for W, b in zip(params[0::2], params[1::2]):
        hidden = tf.nn.relu(hidden @ W + b)
    return hidden


@wrong_answer("loss_fn", "the notes' loss: mean squared error against one-hot labels")
def notes_loss_mean_squared_error(params, x, y):
    one_hot = tf.one_hot(tf.cast(y, tf.int32), depth=params[-1].shape[0])
    return tf.reduce_mean(tf.square(one_hot - forward(params, x)))


@wrong_answer("loss_fn", "softmax applied twice: softmax of the logits fed to a from-logits cross-entropy")
def softmax_applied_twice_softmax_logits(params, x, y):
    probabilities = tf.nn.softmax(forward(params, x))
    return tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.cast(y, tf.int32),
                                                                         logits=probabilities))


@wrong_answer("sgd_step", "new variables instead of assign_sub: the caller's params are replaced, not updated")
def new_variables_instead_assign_sub(params, x, y, lr):
    with tf.GradientTape() as tape:
        loss = loss_fn(params, x, y)
    gradients = tape.gradient(loss, params)
    for index, gradient in enumerate(gradients):
        params[index] = tf.Variable(params[index] - lr * gradient)
    return float(loss)


@wrong_answer("sgd_step", "returns the loss after the update (a second forward pass)")
def returns_loss_after_update_second(params, x, y, lr):
    with tf.GradientTape() as tape:
        loss = loss_fn(params, x, y)
    for variable, gradient in zip(params, tape.gradient(loss, params)):
        variable.assign_sub(lr * gradient)
    return float(loss_fn(params, x, y))


@wrong_answer("sgd_step", "returns the loss as a scalar tensor, not a Python float")
def returns_loss_scalar_tensor_not(params, x, y, lr):
    with tf.GradientTape() as tape:
        loss = loss_fn(params, x, y)
    for variable, gradient in zip(params, tape.gradient(loss, params)):
        variable.assign_sub(lr * gradient)
    return loss


@wrong_answer("sgd_step", "assign_add: climbs the loss instead of descending it")
def assign_add_climbs_loss_instead(params, x, y, lr):
    with tf.GradientTape() as tape:
        loss = loss_fn(params, x, y)
    for variable, gradient in zip(params, tape.gradient(loss, params)):
        variable.assign_add(lr * gradient)
    return float(loss)


@wrong_answer("train", "no shuffle: batches arrive in the data's order")
def no_shuffle_batches_arrive_data(x, y, layer_sizes, epochs, batch_size, lr, seed=0):
    params = init_params(layer_sizes, seed)
    for _ in range(epochs):
        for x_batch, y_batch in tf.data.Dataset.from_tensor_slices((x, y)).batch(batch_size):
            sgd_step(params, x_batch, y_batch, lr)
    return params


@wrong_answer("train", "shuffle(100): a buffer far smaller than the data only mixes neighbours")
def shuffle_100_buffer_far_smaller(x, y, layer_sizes, epochs, batch_size, lr, seed=0):
    params = init_params(layer_sizes, seed)
    dataset = tf.data.Dataset.from_tensor_slices((x, y)).shuffle(100, seed=seed).batch(batch_size)
    for _ in range(epochs):
        for x_batch, y_batch in dataset:
            sgd_step(params, x_batch, y_batch, lr)
    return params


@wrong_answer("accuracy", "returns the accuracy as a scalar tensor, not a Python float")
def returns_accuracy_scalar_tensor_not(params, x, y):
    predicted = tf.argmax(forward(params, x), axis=1, output_type=tf.int32)
    return tf.reduce_mean(tf.cast(tf.equal(predicted, tf.cast(y, tf.int32)), tf.float32))


@wrong_answer("loss_fn", "sums the per-example cross-entropy instead of averaging it")
def sums_per_example_cross_entropy(params, x, y):
    return tf.reduce_sum(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.cast(y, tf.int32),
                                                                        logits=forward(params, x)))


@wrong_answer("sgd_step", "forgets the learning rate: assign_sub(gradient)")
def forgets_learning_rate_assign_sub(params, x, y, lr):
    with tf.GradientTape() as tape:
        loss = loss_fn(params, x, y)
    for variable, gradient in zip(params, tape.gradient(loss, params)):
        variable.assign_sub(gradient)
    return float(loss)


@wrong_answer("train", "forgets the epoch loop: a single pass over the data")
def forgets_epoch_loop_single_pass(x, y, layer_sizes, epochs, batch_size, lr, seed=0):
    params = init_params(layer_sizes, seed)
    dataset = tf.data.Dataset.from_tensor_slices((x, y)).shuffle(len(y), seed=seed).batch(batch_size)
    for x_batch, y_batch in dataset:
        sgd_step(params, x_batch, y_batch, lr)
    return params


@wrong_answer("init_params", "a plain normal instead of a truncated one: weights beyond two standard deviations")
def plain_normal_not_truncated(layer_sizes, seed=0):
    generator = tf.random.Generator.from_seed(seed)
    params = []
    for inputs, outputs in zip(layer_sizes[:-1], layer_sizes[1:]):
        params += [tf.Variable(generator.normal([inputs, outputs], stddev=0.1)), tf.Variable(tf.zeros([outputs]))]
    return params


@wrong_answer("forward", "assumes a hidden layer: the first layer always gets a ReLU, even when it is the output")
def first_layer_always_hidden(params, x):
    weights, biases = params[0::2], params[1::2]
    hidden = tf.nn.relu(tf.reshape(tf.cast(x, tf.float32), [tf.shape(x)[0], -1]) @ weights[0] + biases[0])
    for W, b in zip(weights[1:-1], biases[1:-1]):
        hidden = tf.nn.relu(hidden @ W + b)
    if len(weights) > 1:
        hidden = hidden @ weights[-1] + biases[-1]
    return hidden


@wrong_answer("forward", "spots the output layer by its width 10 (MNIST's classes): other class counts get a ReLU")
def output_layer_spotted_by_width_10(params, x):
    hidden = tf.reshape(tf.cast(x, tf.float32), [tf.shape(x)[0], -1])
    for W, b in zip(params[0::2], params[1::2]):
        hidden = hidden @ W + b
        if W.shape[1] != 10:
            hidden = tf.nn.relu(hidden)
    return hidden


@wrong_answer("loss_fn", "picks each label's log-probability with gather_nd over an int32 range: int64 labels fail")
def gather_nd_needs_int32_labels(params, x, y):
    log_probabilities = tf.nn.log_softmax(forward(params, x))
    indices = tf.stack([tf.range(tf.shape(y)[0]), y], axis=1)
    return -tf.reduce_mean(tf.gather_nd(log_probabilities, indices))


@wrong_answer("sgd_step", "updates only the weights params[0::2]: the biases never move")
def updates_only_the_weights(params, x, y, lr):
    with tf.GradientTape() as tape:
        loss = loss_fn(params, x, y)
    gradients = tape.gradient(loss, params)
    for variable, gradient in zip(params[0::2], gradients[0::2]):
        variable.assign_sub(lr * gradient)
    return float(loss)


@wrong_answer("accuracy", "casts the matches to int before the mean: an integer mean rounds down to 0")
def integer_mean_of_matches(params, x, y):
    predicted = tf.argmax(forward(params, x), axis=1, output_type=tf.int32)
    return float(tf.reduce_mean(tf.cast(tf.equal(predicted, tf.cast(y, tf.int32)), tf.int32)))


@wrong_answer("accuracy", "compares int64 argmax with the labels without a cast: int32 labels fail")
def argmax_int64_against_int32_labels(params, x, y):
    predicted = tf.argmax(forward(params, x), axis=1)
    return float(tf.reduce_mean(tf.cast(tf.equal(predicted, y), tf.float32)))


@wrong_answer("train", "drop_remainder=True: the last, smaller batch of every epoch is never trained on")
def drops_the_last_smaller_batch(x, y, layer_sizes, epochs, batch_size, lr, seed=0):
    params = init_params(layer_sizes, seed)
    dataset = tf.data.Dataset.from_tensor_slices((x, y)).shuffle(len(y), seed=seed).batch(
        batch_size, drop_remainder=True)
    for _ in range(epochs):
        for x_batch, y_batch in dataset:
            sgd_step(params, x_batch, y_batch, lr)
    return params


@wrong_answer("train", "ignores seed: the network always starts from init_params(layer_sizes), seed 0")
def train_ignores_the_seed(x, y, layer_sizes, epochs, batch_size, lr, seed=0):
    params = init_params(layer_sizes)
    dataset = tf.data.Dataset.from_tensor_slices((x, y)).shuffle(len(y), seed=seed).batch(batch_size)
    for _ in range(epochs):
        for x_batch, y_batch in dataset:
            sgd_step(params, x_batch, y_batch, lr)
    return params


@wrong_answer("train", "reshuffle_each_iteration=False: every epoch comes in the first epoch's order")
def train_never_reshuffles(x, y, layer_sizes, epochs, batch_size, lr, seed=0):
    params = init_params(layer_sizes, seed)
    dataset = tf.data.Dataset.from_tensor_slices((x, y)).shuffle(
        len(y), seed=seed, reshuffle_each_iteration=False).batch(batch_size)
    for _ in range(epochs):
        for x_batch, y_batch in dataset:
            sgd_step(params, x_batch, y_batch, lr)
    return params
