"""Plausible wrong answers to kata 13; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("shuffles images and labels separately, then zips them: pairs come apart")
def shuffle_pairs(images, labels, seed):
    shuffled_images = tf.data.Dataset.from_tensor_slices(images).shuffle(len(labels), seed=seed)
    shuffled_labels = tf.data.Dataset.from_tensor_slices(labels).shuffle(len(labels), seed=seed + 1)
    return tf.data.Dataset.zip((shuffled_images, shuffled_labels))


@wrong_answer("shuffle(8): a buffer far smaller than the data only mixes neighbours")
def shuffle_pairs(images, labels, seed):  # noqa: F811
    return make_dataset(images, labels).shuffle(buffer_size=8, seed=seed)


@wrong_answer("divides by 256: white becomes 0.996, not 1.0")
def normalise(image, label):
    return tf.cast(image, tf.float32) / 256.0, label


@wrong_answer("ignores drop_remainder: always counts the last, partial batch")
def count_batches(dataset, batch_size, drop_remainder):
    return int(dataset.batch(batch_size).cardinality())


@wrong_answer("returns the cardinality as a tensor, not a Python int")
def count_batches(dataset, batch_size, drop_remainder):  # noqa: F811
    return dataset.batch(batch_size, drop_remainder=drop_remainder).cardinality()


@wrong_answer("repeat before batch: batches straddle epochs, so the count per epoch is off")
def training_pipeline(images, labels, batch_size, epochs, seed):
    return (shuffle_pairs(images, labels, seed).map(normalise).repeat(epochs)
            .batch(batch_size, drop_remainder=True).prefetch(tf.data.AUTOTUNE))


@wrong_answer("batches first, then shuffles the batches: each batch holds neighbouring examples")
def training_pipeline(images, labels, batch_size, epochs, seed):  # noqa: F811
    return (make_dataset(images, labels).map(normalise).batch(batch_size, drop_remainder=True)
            .shuffle(64, seed=seed).repeat(epochs).prefetch(tf.data.AUTOTUNE))


@wrong_answer("reshuffle_each_iteration=False: every epoch comes in the same order")
def training_pipeline(images, labels, batch_size, epochs, seed):  # noqa: F811
    return (make_dataset(images, labels).shuffle(len(labels), seed=seed, reshuffle_each_iteration=False)
            .map(normalise).batch(batch_size, drop_remainder=True).repeat(epochs).prefetch(tf.data.AUTOTUNE))


@wrong_answer("keeps the remainder: the last batch of each epoch is smaller")
def training_pipeline(images, labels, batch_size, epochs, seed):  # noqa: F811
    return (shuffle_pairs(images, labels, seed).map(normalise).batch(batch_size)
            .repeat(epochs).prefetch(tf.data.AUTOTUNE))


@wrong_answer("forgets prefetch")
def training_pipeline(images, labels, batch_size, epochs, seed):  # noqa: F811
    return shuffle_pairs(images, labels, seed).map(normalise).batch(batch_size, drop_remainder=True).repeat(epochs)


@wrong_answer("drop_remainder=True in evaluation: the last examples are never scored")
def evaluation_pipeline(images, labels, batch_size):
    return make_dataset(images, labels).map(normalise).batch(batch_size, drop_remainder=True).prefetch(1)


@wrong_answer("from_tensors instead of from_tensor_slices: one element holding the whole arrays")
def make_dataset(images, labels):  # noqa: F811
    return tf.data.Dataset.from_tensors((images, labels))


@wrong_answer("forgets the seed: a new order on every run")
def shuffle_pairs(images, labels, seed):  # noqa: F811
    return make_dataset(images, labels).shuffle(buffer_size=len(labels))


@wrong_answer("casts the label to float32 too")
def normalise(image, label):  # noqa: F811
    return tf.cast(image, tf.float32) / 255.0, tf.cast(label, tf.float32)


@wrong_answer("repeat before shuffle: epochs blur together, an example can come twice before another comes once")
def training_pipeline(images, labels, batch_size, epochs, seed):  # noqa: F811
    return (make_dataset(images, labels).repeat(epochs).shuffle(len(labels), seed=seed).map(normalise)
            .batch(batch_size, drop_remainder=True).prefetch(tf.data.AUTOTUNE))


@wrong_answer("copies the training pipeline's shuffle into evaluation: batches out of order")
def evaluation_pipeline(images, labels, batch_size):  # noqa: F811
    return shuffle_pairs(images, labels, 0).map(normalise).batch(batch_size).prefetch(tf.data.AUTOTUNE)
