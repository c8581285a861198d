"""Plausible wrong answers to kata 13; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("shuffle_pairs", "shuffles images and labels separately, then zips them: pairs come apart")
def shuffles_images_labels_separately_zips(images, labels, seed):
    shuffled_images = tf.data.Dataset.from_tensor_slices(images).shuffle(len(labels), seed=seed)
    shuffled_labels = tf.data.Dataset.from_tensor_slices(labels).shuffle(len(labels), seed=seed + 1)
    return tf.data.Dataset.zip((shuffled_images, shuffled_labels))


@wrong_answer("shuffle_pairs", "shuffle(8): a buffer far smaller than the data only mixes neighbours")
def shuffle_8_buffer_far_smaller(images, labels, seed):
    return make_dataset(images, labels).shuffle(buffer_size=8, seed=seed)


@wrong_answer("normalise", "divides by 256: white becomes 0.996, not 1.0")
def divides_256_white_becomes_0(image, label):
    return tf.cast(image, tf.float32) / 256.0, label


@wrong_answer("count_batches", "ignores drop_remainder: always counts the last, partial batch")
def ignores_drop_remainder_always_counts(dataset, batch_size, drop_remainder):
    return int(dataset.batch(batch_size).cardinality())


@wrong_answer("count_batches", "returns the cardinality as a tensor, not a Python int")
def returns_cardinality_tensor_not_python(dataset, batch_size, drop_remainder):
    return dataset.batch(batch_size, drop_remainder=drop_remainder).cardinality()


@wrong_answer("training_pipeline", "repeat before batch: batches straddle epochs, so the count per epoch is off")
def repeat_before_batch_batches_straddle(images, labels, batch_size, epochs, seed):
    return (shuffle_pairs(images, labels, seed).map(normalise).repeat(epochs)
            .batch(batch_size, drop_remainder=True).prefetch(tf.data.AUTOTUNE))


@wrong_answer("training_pipeline", "batches first, then shuffles the batches: each batch holds neighbouring examples")
def batches_first_shuffles_batches_each(images, labels, batch_size, epochs, seed):
    return (make_dataset(images, labels).map(normalise).batch(batch_size, drop_remainder=True)
            .shuffle(64, seed=seed).repeat(epochs).prefetch(tf.data.AUTOTUNE))


@wrong_answer("training_pipeline", "reshuffle_each_iteration=False: every epoch comes in the same order")
def reshuffle_each_iteration_false_every(images, labels, batch_size, epochs, seed):
    return (make_dataset(images, labels).shuffle(len(labels), seed=seed, reshuffle_each_iteration=False)
            .map(normalise).batch(batch_size, drop_remainder=True).repeat(epochs).prefetch(tf.data.AUTOTUNE))


@wrong_answer("training_pipeline", "keeps the remainder: the last batch of each epoch is smaller")
def keeps_remainder_last_batch_each(images, labels, batch_size, epochs, seed):
    return (shuffle_pairs(images, labels, seed).map(normalise).batch(batch_size)
            .repeat(epochs).prefetch(tf.data.AUTOTUNE))


@wrong_answer("training_pipeline", "forgets prefetch")
def forgets_prefetch(images, labels, batch_size, epochs, seed):
    return shuffle_pairs(images, labels, seed).map(normalise).batch(batch_size, drop_remainder=True).repeat(epochs)


@wrong_answer("evaluation_pipeline", "drop_remainder=True in evaluation: the last examples are never scored")
def drop_remainder_true_evaluation_last(images, labels, batch_size):
    return make_dataset(images, labels).map(normalise).batch(batch_size, drop_remainder=True).prefetch(1)


@wrong_answer("make_dataset", "from_tensors instead of from_tensor_slices: one element holding the whole arrays")
def tensors_instead_tensor_slices_one(images, labels):
    return tf.data.Dataset.from_tensors((images, labels))


@wrong_answer("shuffle_pairs", "forgets the seed: a new order on every run")
def forgets_seed_new_order_every(images, labels, seed):
    return make_dataset(images, labels).shuffle(buffer_size=len(labels))


@wrong_answer("normalise", "casts the label to float32 too")
def casts_label_float32_too(image, label):
    return tf.cast(image, tf.float32) / 255.0, tf.cast(label, tf.float32)


@wrong_answer("training_pipeline", "repeat before shuffle: epochs blur together, an example can come twice before another comes once")
def repeat_before_shuffle_epochs_blur(images, labels, batch_size, epochs, seed):
    return (make_dataset(images, labels).repeat(epochs).shuffle(len(labels), seed=seed).map(normalise)
            .batch(batch_size, drop_remainder=True).prefetch(tf.data.AUTOTUNE))


@wrong_answer("evaluation_pipeline", "copies the training pipeline's shuffle into evaluation: batches out of order")
def copies_training_pipeline_shuffle_evaluation(images, labels, batch_size):
    return shuffle_pairs(images, labels, 0).map(normalise).batch(batch_size).prefetch(tf.data.AUTOTUNE)
