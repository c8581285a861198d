"""Kata 37 — Distributed training with MirroredStrategy.

`tf.distribute.MirroredStrategy` keeps one copy (replica) of the model on every device. Each
step, the GLOBAL batch is cut into one slice per replica; every replica computes gradients on
its slice, the gradients are summed across replicas, and every copy applies the same update.
Done right, training on 2 devices gives the same losses and weights as on 1.

Two details make that true. Each replica divides its summed loss by the GLOBAL batch size
(`tf.nn.compute_average_loss`), not by its own slice size, because the replicas' gradients are
added together. And the per-replica losses are combined with a SUM.

No GPUs needed: TensorFlow can split one CPU into several logical devices, but only before it
starts up (before the first operation runs). The tests run that part in a fresh Python process.

The study notes this curriculum comes from do not cover distributed training: this kata goes
beyond them, after TensorFlow's own distributed-training guide.

Run `make kata N=37` to test your answers, `make hint N=37` when stuck.
"""

import keras
import tensorflow as tf
from keras import layers


def build_model(features):
    """A small regression network (given): `features` inputs -> 8 ReLU units -> 1 output.

    Seeded initializers give the same starting weights every time it is built, so runs on one
    and on two devices can be compared weight for weight.
    """
    return keras.Sequential([
        keras.Input(shape=(features,)),
        layers.Dense(8, activation="relu", kernel_initializer=keras.initializers.GlorotUniform(seed=1)),
        layers.Dense(1, kernel_initializer=keras.initializers.GlorotUniform(seed=2)),
    ])


def split_cpu(count):
    """Split the first physical CPU into `count` logical devices; return their names.

    Must run before TensorFlow starts up (TensorFlow raises RuntimeError otherwise).
    Example: split_cpu(2) -> ["/device:CPU:0", "/device:CPU:1"].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("a physical CPU can be split into several logical devices; look up tf.config.set_logical_device_configuration.")


def per_replica_batch_size(global_batch_size, num_replicas):
    """How many examples each replica gets from one global batch.

    Raise ValueError when the global batch does not split evenly.
    Example: (64, 2) -> 32; (10, 4) -> ValueError.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("divide; check the remainder with % first.")


def replica_loss(labels, predictions, global_batch_size):
    """One replica's share of the loss: per-example mean squared error, summed, / global batch size.

    `labels` and `predictions` are this replica's slice, `[slice, outputs]`. Return a scalar.
    Example: a slice of 2 examples with squared errors (averaged over outputs) 1.0 and 3.0, in a
    global batch of 8 -> (1 + 3) / 8 = 0.5 (not the slice mean 2.0).
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("per-example MSE, scaled by the global batch size (not the replica's); look up tf.nn.compute_average_loss.")


def distributed_dataset(strategy, features, labels, global_batch_size):
    """The examples in order, in batches of `global_batch_size`, split across `strategy`'s replicas.

    `features` `[examples, features]` and `labels` `[examples, outputs]` are numpy arrays. Do not
    shuffle. Example: 32 examples, global batch 8, 2 replicas -> 4 steps, each giving every
    replica a slice of 4 examples.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("batch by the GLOBAL batch size; the strategy's experimental_distribute_dataset splits each batch per replica.")


def make_train_step(strategy, model, optimizer, global_batch_size):
    """A function `step(distributed_batch)` that trains once and returns the global batch's mean loss.

    `model` and `optimizer` were created inside `strategy.scope()`. Each replica computes
    `replica_loss` on its slice and applies its gradients: run that work on every replica through
    `strategy.run` (a plain step on the batch would ignore the replicas); combine the replicas'
    losses with a SUM.
    Example: with one replica, a batch of 4 and global_batch_size 8, the loss returned is half
    the batch mean (the other half would come from the second replica).
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("in a tf.function, strategy.run runs the step on each replica; strategy.reduce adds up their losses.")


def train_mirrored(features, labels, global_batch_size, epochs, learning_rate, devices):
    """Train `build_model` with plain SGD under a `tf.distribute.MirroredStrategy` over exactly `devices`.

    Build the strategy from `devices` (a list of device names such as ["/cpu:0"]), the model and
    the optimizer inside its scope, and train with `distributed_dataset` and `make_train_step`.

    Return `(losses, weights)`: one Python float per step (the global batch's mean loss) and
    `model.get_weights()` at the end. Example: 32 examples, global batch 8, 2 epochs -> 8 losses.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("look up strategy.scope(): variables made inside it are mirrored on every replica.")
