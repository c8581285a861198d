"""Kata 13 — Input pipelines with tf.data.

A model trains on batches, not on one big array. `tf.data` turns arrays into a stream of
examples and lets you chain the usual steps: shuffle, map (e.g. normalise), batch, repeat for
several epochs, prefetch. Here `images` is a uint8 array [examples, height, width] of pixel
values 0..255 and `labels` an int array [examples]: a tiny stand-in for MNIST.

Run `make kata N=13` to test your answers, `make hint N=13` when stuck.
"""

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
