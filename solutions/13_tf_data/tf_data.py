"""Kata 13 — Input pipelines with tf.data.

A model trains on batches, not on one big array. `tf.data` turns arrays into a stream of
examples and lets you chain the usual steps: shuffle, map (e.g. normalise), batch, repeat for
several epochs, prefetch. Here `images` is a uint8 array [examples, height, width] of pixel
values 0..255 and `labels` an int array [examples]: a tiny stand-in for MNIST. Tabular
features are standardised instead (centred on 0, scaled to standard deviation 1), with the
statistics of the training split only: the test split stands for data the model has not seen.

Run `make kata N=13` to test your answers, `make hint N=13` when stuck.
"""

import keras
import tensorflow as tf


def make_dataset(images, labels):
    """A dataset of (image, label) pairs, one per example, in the original order.

    Example: images [3, 28, 28], labels [3] -> 3 elements, each (image [28, 28], label []).
    """
    ### BEGIN SOLUTION: tf.data.Dataset.from_tensor_slices slices a tuple of arrays along their first axis.
    return tf.data.Dataset.from_tensor_slices((images, labels))
    ### END SOLUTION


def shuffle_pairs(images, labels, seed):
    """The same (image, label) pairs in a random order (the whole data mixed, not just neighbours).

    An image keeps its own label: shuffle the pairs, never images and labels apart. The whole
    data means all of it, however many examples there are: a fixed buffer (say 1000) only mixes
    neighbours once the data is larger. The dataset reshuffles on every pass: iterating it again
    (or repeating it, one pass per epoch) gives a new order each time; the same seed gives the
    same first order.
    Example: labels [0, 1, 2, 3] with images of digits 0, 1, 2, 3 -> e.g. (3, 3), (0, 0), (2, 2), (1, 1)
    on the first pass, then e.g. (1, 1), (3, 3), (0, 0), (2, 2) on the next.
    """
    ### BEGIN SOLUTION: Dataset.shuffle fills a buffer and draws from it; a buffer as big as the data gives a full shuffle, seeded.
    # The buffer holds that many examples and draws from them at random: a smaller buffer only mixes neighbours.
    return make_dataset(images, labels).shuffle(buffer_size=len(labels), seed=seed)
    ### END SOLUTION


def normalise(image, label):
    """One example, ready for a network: the image as float32 in [0, 1] (divided by 255), the label
    as is (same value, same dtype).

    Use it with dataset.map(normalise).
    Example: (image uint8 [[0, 255]], label 7) -> (float32 [[0.0, 1.0]], 7).
    """
    ### BEGIN SOLUTION: tf.cast the image to float32, then divide by 255.
    return tf.cast(image, tf.float32) / 255.0, label
    ### END SOLUTION


def count_batches(dataset, batch_size, drop_remainder):
    """How many batches dataset.batch(batch_size, drop_remainder=...) yields, as a Python int.

    Example: 10 examples, batch_size 4 -> 3 batches (4, 4, 2), or 2 with drop_remainder=True.
    """
    ### BEGIN SOLUTION: batch the dataset and read .cardinality() (or count the batches with a loop).
    return int(dataset.batch(batch_size, drop_remainder=drop_remainder).cardinality())
    ### END SOLUTION


def training_pipeline(images, labels, batch_size, epochs, seed):
    """Batches for training: shuffled pairs (the whole data mixed, in a new order every epoch, as
    shuffle_pairs gives them), normalised, full batches only, repeated for `epochs` epochs, with
    the next batch prefetched.

    Each element is (images float32 [batch_size, height, width], labels [batch_size]).
    Example: 30 examples, batch_size 8, epochs 3 -> 3 full batches per epoch, 9 batches in all.
    """
    ### BEGIN SOLUTION: a training pipeline shuffles, maps, batches, repeats and prefetches; the order matters (see the hints).
    # Shuffle before batching so every batch mixes the whole data, and before repeat so each epoch
    # is one full pass (the shuffle reshuffles on every pass by default).
    return (shuffle_pairs(images, labels, seed)
            .map(normalise, num_parallel_calls=tf.data.AUTOTUNE)
            .batch(batch_size, drop_remainder=True)
            .repeat(epochs)
            .prefetch(tf.data.AUTOTUNE))  # Prepares the next batch while the model trains on this one.
    ### END SOLUTION


def evaluation_pipeline(images, labels, batch_size):
    """Batches for evaluation: the original order, normalised, every example kept (the last batch
    may be smaller), prefetched.

    Example: 10 examples, batch_size 4 -> batches of 4, 4 and 2 examples, in order.
    """
    ### BEGIN SOLUTION: an evaluation pipeline maps, batches and prefetches; no shuffle and no dropped remainder.
    return make_dataset(images, labels).map(normalise).batch(batch_size).prefetch(tf.data.AUTOTUNE)
    ### END SOLUTION


def standardise(train_features, test_features):
    """Both splits standardised with the TRAINING split's statistics: a tuple (train, test).

    `train_features` float32 [train_examples, features] and `test_features` float32
    [test_examples, features] (numpy arrays or tensors) hold one column per feature. Each feature
    becomes (x - mean) / std, where mean and std are that feature's (that column's) statistics over
    the training examples only, and the same mean and std are applied to both splits: the test
    split stands for unseen data, so its own statistics (or the whole data's) are not known when
    the model is built. std divides by the number of examples (np.std's default, ddof=0, as Keras's
    Normalization layer does). Every feature varies in training (its std is above 0).
    Return (train_standardised, test_standardised): float32 tensors (numpy float32 arrays are
    accepted too) of the shapes given.
    Example: train [[1, 10], [3, 30]] (means 2 and 20, stds 1 and 10), test [[5, 0]] ->
    ([[-1, -1], [1, 1]], [[3, -2]]).
    """
    ### BEGIN SOLUTION: per-feature statistics are reductions over the examples axis, taken from the training split alone.
    train = tf.convert_to_tensor(train_features, tf.float32)
    test = tf.convert_to_tensor(test_features, tf.float32)
    # Statistics over axis 0 (the examples): one mean and one std per feature, from training only.
    mean = tf.reduce_mean(train, axis=0)
    std = tf.math.reduce_std(train, axis=0)
    return (train - mean) / std, (test - mean) / std
    ### END SOLUTION


def adapt_normalization(train_features, test_features):
    """A keras.layers.Normalization layer that learnt the training split, and the test split through it.

    `train_features` float32 [train_examples, features], `test_features` float32
    [test_examples, features]. The layer keeps one mean and one variance per feature (the last
    axis), learnt from the training split only; it then transforms any data with those training
    statistics, (x - mean) / sqrt(variance), as `standardise` does.
    Return (layer, test_normalised): the keras.layers.Normalization layer and layer(test_features),
    float32 [test_examples, features].
    Example: train [[1, 10], [3, 30]], test [[5, 0]] -> layer.mean [[2, 20]],
    layer.variance [[1, 100]], test_normalised [[3, -2]].
    """
    ### BEGIN SOLUTION: a Keras preprocessing layer learns its statistics from data with its adapt method; which data?
    layer = keras.layers.Normalization(axis=-1)  # One mean and variance per feature (the last axis).
    layer.adapt(train_features)  # The training split only: the test split is unseen data.
    return layer, layer(test_features)
    ### END SOLUTION
