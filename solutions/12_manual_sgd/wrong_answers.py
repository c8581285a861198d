"""Plausible wrong answers to kata 12; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("the notes' slip: stddev=0.1 lands outside truncated_normal, so the weights have stddev 1")
def init_params(layer_sizes, seed=0):
    generator = tf.random.Generator.from_seed(seed)
    params = []
    for inputs, outputs in zip(layer_sizes[:-1], layer_sizes[1:]):
        params += [tf.Variable(generator.truncated_normal([inputs, outputs])), tf.Variable(tf.zeros([outputs]))]
    return params


@wrong_answer("W shaped [outputs, inputs] (the PyTorch layout), so x @ W does not fit")
def init_params(layer_sizes, seed=0):  # noqa: F811
    generator = tf.random.Generator.from_seed(seed)
    params = []
    for inputs, outputs in zip(layer_sizes[:-1], layer_sizes[1:]):
        params += [tf.Variable(generator.truncated_normal([outputs, inputs], stddev=0.1)),
                   tf.Variable(tf.zeros([outputs]))]
    return params


@wrong_answer("plain tensors instead of tf.Variable: nothing to assign_sub, the tape does not watch them")
def init_params(layer_sizes, seed=0):  # noqa: F811
    generator = tf.random.Generator.from_seed(seed)
    params = []
    for inputs, outputs in zip(layer_sizes[:-1], layer_sizes[1:]):
        params += [generator.truncated_normal([inputs, outputs], stddev=0.1), tf.zeros([outputs])]
    return params


@wrong_answer("ignores the seed: tf.random.truncated_normal draws new numbers on every call")
def init_params(layer_sizes, seed=0):  # noqa: F811
    params = []
    for inputs, outputs in zip(layer_sizes[:-1], layer_sizes[1:]):
        params += [tf.Variable(tf.random.truncated_normal([inputs, outputs], stddev=0.1)),
                   tf.Variable(tf.zeros([outputs]))]
    return params


@wrong_answer("forgets to flatten: multiplies [batch, height, width] images by W")
def forward(params, x):
    hidden = tf.cast(x, tf.float32)
    weights, biases = params[0::2], params[1::2]
    for W, b in zip(weights[:-1], biases[:-1]):
        hidden = tf.nn.relu(hidden @ W + b)
    return hidden @ weights[-1] + biases[-1]


@wrong_answer("a ReLU after the output layer too: no logit can be negative")
def forward(params, x):  # noqa: F811
    hidden = tf.reshape(tf.cast(x, tf.float32), [tf.shape(x)[0], -1])
    for W, b in zip(params[0::2], params[1::2]):
        hidden = tf.nn.relu(hidden @ W + b)
    return hidden


@wrong_answer("the notes' loss: mean squared error against one-hot labels")
def loss_fn(params, x, y):
    one_hot = tf.one_hot(tf.cast(y, tf.int32), depth=params[-1].shape[0])
    return tf.reduce_mean(tf.square(one_hot - forward(params, x)))


@wrong_answer("softmax applied twice: softmax of the logits fed to a from-logits cross-entropy")
def loss_fn(params, x, y):  # noqa: F811
    probabilities = tf.nn.softmax(forward(params, x))
    return tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.cast(y, tf.int32),
                                                                         logits=probabilities))


@wrong_answer("new variables instead of assign_sub: the caller's params are replaced, not updated")
def sgd_step(params, x, y, lr):
    with tf.GradientTape() as tape:
        loss = loss_fn(params, x, y)
    gradients = tape.gradient(loss, params)
    for index, gradient in enumerate(gradients):
        params[index] = tf.Variable(params[index] - lr * gradient)
    return float(loss)


@wrong_answer("returns the loss after the update (a second forward pass)")
def sgd_step(params, x, y, lr):  # noqa: F811
    with tf.GradientTape() as tape:
        loss = loss_fn(params, x, y)
    for variable, gradient in zip(params, tape.gradient(loss, params)):
        variable.assign_sub(lr * gradient)
    return float(loss_fn(params, x, y))


@wrong_answer("returns the loss as a scalar tensor, not a Python float")
def sgd_step(params, x, y, lr):  # noqa: F811
    with tf.GradientTape() as tape:
        loss = loss_fn(params, x, y)
    for variable, gradient in zip(params, tape.gradient(loss, params)):
        variable.assign_sub(lr * gradient)
    return loss


@wrong_answer("assign_add: climbs the loss instead of descending it")
def sgd_step(params, x, y, lr):  # noqa: F811
    with tf.GradientTape() as tape:
        loss = loss_fn(params, x, y)
    for variable, gradient in zip(params, tape.gradient(loss, params)):
        variable.assign_add(lr * gradient)
    return float(loss)


@wrong_answer("no shuffle: batches arrive in the data's order")
def train(x, y, layer_sizes, epochs, batch_size, lr, seed=0):
    params = init_params(layer_sizes, seed)
    for _ in range(epochs):
        for x_batch, y_batch in tf.data.Dataset.from_tensor_slices((x, y)).batch(batch_size):
            sgd_step(params, x_batch, y_batch, lr)
    return params


@wrong_answer("shuffle(100): a buffer far smaller than the data only mixes neighbours")
def train(x, y, layer_sizes, epochs, batch_size, lr, seed=0):  # noqa: F811
    params = init_params(layer_sizes, seed)
    dataset = tf.data.Dataset.from_tensor_slices((x, y)).shuffle(100, seed=seed).batch(batch_size)
    for _ in range(epochs):
        for x_batch, y_batch in dataset:
            sgd_step(params, x_batch, y_batch, lr)
    return params


@wrong_answer("returns the accuracy as a scalar tensor, not a Python float")
def accuracy(params, x, y):
    predicted = tf.argmax(forward(params, x), axis=1, output_type=tf.int32)
    return tf.reduce_mean(tf.cast(tf.equal(predicted, tf.cast(y, tf.int32)), tf.float32))


@wrong_answer("sums the per-example cross-entropy instead of averaging it")
def loss_fn(params, x, y):  # noqa: F811
    return tf.reduce_sum(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=tf.cast(y, tf.int32),
                                                                        logits=forward(params, x)))


@wrong_answer("forgets the learning rate: assign_sub(gradient)")
def sgd_step(params, x, y, lr):  # noqa: F811
    with tf.GradientTape() as tape:
        loss = loss_fn(params, x, y)
    for variable, gradient in zip(params, tape.gradient(loss, params)):
        variable.assign_sub(gradient)
    return float(loss)


@wrong_answer("forgets the epoch loop: a single pass over the data")
def train(x, y, layer_sizes, epochs, batch_size, lr, seed=0):  # noqa: F811
    params = init_params(layer_sizes, seed)
    dataset = tf.data.Dataset.from_tensor_slices((x, y)).shuffle(len(y), seed=seed).batch(batch_size)
    for x_batch, y_batch in dataset:
        sgd_step(params, x_batch, y_batch, lr)
    return params
