"""Plausible wrong answers to kata 37; `make check` proves the tests catch every one.

Two more mistakes show only with two replicas, so the test in a fresh process (which runs the
learner's file) catches them for a learner, but they cannot be registered here: batching the
dataset by the per-replica batch size, and returning the per-replica losses without combining
them (with one replica they are one tensor). A reduce with MEAN is caught in this process: the
tests record the ReduceOp that strategy.reduce is given.
"""

import keras
import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("per_replica_batch_size", "multiplies instead of dividing: global_batch_size * num_replicas")
def multiplies_instead_dividing_global_batch(global_batch_size, num_replicas):
    return global_batch_size * num_replicas


@wrong_answer("per_replica_batch_size", "floor division without a check: silently drops examples of an uneven split")
def floor_division_without_check_silently(global_batch_size, num_replicas):
    return global_batch_size // num_replicas


@wrong_answer("replica_loss", "the slice mean (tf.reduce_mean): each replica divides by its own slice size")
def slice_mean_tf_reduce_mean(labels, predictions, global_batch_size):
    return tf.reduce_mean(tf.square(labels - predictions))


@wrong_answer("replica_loss", "sums the squared errors over the outputs instead of averaging them")
def sums_squared_errors_over_outputs(labels, predictions, global_batch_size):
    return tf.reduce_sum(tf.square(labels - predictions)) / global_batch_size


@wrong_answer("distributed_dataset", "shuffles the examples: batches no longer match single-device training")
def shuffles_examples_batches_no_longer(strategy, features, labels, global_batch_size):
    dataset = tf.data.Dataset.from_tensor_slices((features, labels)).shuffle(64, seed=1).batch(global_batch_size)
    return strategy.experimental_distribute_dataset(dataset)


@wrong_answer("make_train_step", "averages the loss over the replica's batch, ignoring global_batch_size")
def averages_loss_over_replica_batch(strategy, model, optimizer, global_batch_size):
    def replica_step(features, labels):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(labels - model(features, training=True)))
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        return loss

    @tf.function
    def step(distributed_batch):
        return strategy.reduce(tf.distribute.ReduceOp.SUM, strategy.run(replica_step, args=distributed_batch),
                               axis=None)

    return step


@wrong_answer("make_train_step", "computes the loss and gradients but never applies them")
def computes_loss_gradients_but_never(strategy, model, optimizer, global_batch_size):
    def replica_step(features, labels):
        with tf.GradientTape() as tape:
            loss = replica_loss(labels, model(features, training=True), global_batch_size)
        tape.gradient(loss, model.trainable_variables)
        return loss

    @tf.function
    def step(distributed_batch):
        return strategy.reduce(tf.distribute.ReduceOp.SUM, strategy.run(replica_step, args=distributed_batch),
                               axis=None)

    return step


@wrong_answer("train_mirrored", "returns the losses as tensors instead of Python floats")
def returns_losses_tensors_instead_python(features, labels, global_batch_size, epochs, learning_rate, devices):
    strategy = tf.distribute.MirroredStrategy(devices)
    with strategy.scope():
        model = build_model(features.shape[1])
        optimizer = keras.optimizers.SGD(learning_rate=learning_rate)
    dataset = distributed_dataset(strategy, features, labels, global_batch_size)
    step = make_train_step(strategy, model, optimizer, global_batch_size)
    return [step(batch) for _ in range(epochs) for batch in dataset], model.get_weights()


@wrong_answer("per_replica_batch_size", "true division: returns 32.0, a float, not an int")
def true_division_returns_32_0(global_batch_size, num_replicas):
    if global_batch_size % num_replicas:
        raise ValueError("uneven split")
    return global_batch_size / num_replicas



@wrong_answer("distributed_dataset", "returns the batched tf.data.Dataset without distributing it over the replicas")
def never_distributes(strategy, features, labels, global_batch_size):
    return tf.data.Dataset.from_tensor_slices((features, labels)).batch(global_batch_size)


@wrong_answer("make_train_step", "a plain single-device step on the batch: never goes through strategy.run")
def plain_step_without_strategy_run(strategy, model, optimizer, global_batch_size):
    @tf.function
    def step(distributed_batch):
        features, labels = distributed_batch
        with tf.GradientTape() as tape:
            loss = replica_loss(labels, model(features, training=True), global_batch_size)
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        return loss

    return step


@wrong_answer("make_train_step", "combines the replicas' losses with ReduceOp.MEAN instead of SUM")
def reduces_with_mean(strategy, model, optimizer, global_batch_size):
    def replica_step(features, labels):
        with tf.GradientTape() as tape:
            loss = replica_loss(labels, model(features, training=True), global_batch_size)
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        return loss

    @tf.function
    def step(distributed_batch):
        return strategy.reduce(tf.distribute.ReduceOp.MEAN, strategy.run(replica_step, args=distributed_batch),
                               axis=None)

    return step


@wrong_answer("train_mirrored", "tf.distribute.MirroredStrategy() without devices: the machine's devices, not the given ones")
def ignores_the_devices(features, labels, global_batch_size, epochs, learning_rate, devices):
    strategy = tf.distribute.MirroredStrategy()
    with strategy.scope():
        model = build_model(features.shape[1])
        optimizer = keras.optimizers.SGD(learning_rate=learning_rate)
    dataset = distributed_dataset(strategy, features, labels, global_batch_size)
    step = make_train_step(strategy, model, optimizer, global_batch_size)
    return [float(step(batch)) for _ in range(epochs) for batch in dataset], model.get_weights()


@wrong_answer("train_mirrored", "a plain single-device training loop: no tf.distribute at all, devices ignored")
def plain_single_device_loop(features, labels, global_batch_size, epochs, learning_rate, devices):
    model = build_model(features.shape[1])
    optimizer = keras.optimizers.SGD(learning_rate=learning_rate)
    dataset = tf.data.Dataset.from_tensor_slices((features, labels)).batch(global_batch_size)
    losses = []
    for _ in range(epochs):
        for x, y in dataset:
            with tf.GradientTape() as tape:
                loss = replica_loss(y, model(x, training=True), global_batch_size)
            gradients = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(gradients, model.trainable_variables))
            losses.append(float(loss))
    return losses, model.get_weights()


@wrong_answer("train_mirrored", "the default strategy (tf.distribute.get_strategy()): no MirroredStrategy over the devices")
def uses_the_default_strategy(features, labels, global_batch_size, epochs, learning_rate, devices):
    strategy = tf.distribute.get_strategy()
    with strategy.scope():
        model = build_model(features.shape[1])
        optimizer = keras.optimizers.SGD(learning_rate=learning_rate)
    dataset = distributed_dataset(strategy, features, labels, global_batch_size)
    step = make_train_step(strategy, model, optimizer, global_batch_size)
    return [float(step(batch)) for _ in range(epochs) for batch in dataset], model.get_weights()


@wrong_answer("train_mirrored", "builds the strategy over the devices but trains with a plain step outside it")
def strategy_built_but_unused(features, labels, global_batch_size, epochs, learning_rate, devices):
    tf.distribute.MirroredStrategy(devices)
    model = build_model(features.shape[1])
    optimizer = keras.optimizers.SGD(learning_rate=learning_rate)
    losses = []
    for _ in range(epochs):
        for start in range(0, len(features), global_batch_size):
            x, y = features[start:start + global_batch_size], labels[start:start + global_batch_size]
            with tf.GradientTape() as tape:
                loss = replica_loss(y, model(x, training=True), global_batch_size)
            gradients = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(gradients, model.trainable_variables))
            losses.append(float(loss))
    return losses, model.get_weights()


@wrong_answer("train_mirrored", "keras.optimizers.SGD() without learning_rate: Keras' default 0.01")
def sgd_default_learning_rate(features, labels, global_batch_size, epochs, learning_rate, devices):
    strategy = tf.distribute.MirroredStrategy(devices)
    with strategy.scope():
        model = build_model(features.shape[1])
        optimizer = keras.optimizers.SGD()
    dataset = distributed_dataset(strategy, features, labels, global_batch_size)
    step = make_train_step(strategy, model, optimizer, global_batch_size)
    return [float(step(batch)) for _ in range(epochs) for batch in dataset], model.get_weights()


@wrong_answer("split_cpu", "catches TensorFlow's RuntimeError (as the guide's snippet does) and returns the devices there are")
def swallows_the_runtime_error(count):
    cpu = tf.config.list_physical_devices("CPU")[0]
    try:
        tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration() for _ in range(count)])
    except RuntimeError as error:
        print(error)
    return [device.name for device in tf.config.list_logical_devices("CPU")]
