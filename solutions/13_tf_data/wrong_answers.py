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


@wrong_answer("shuffle_pairs", "shuffle(1000), the tutorials' fixed buffer: larger data is only mixed among neighbours")
def fixed_buffer_of_1000(images, labels, seed):
    return make_dataset(images, labels).shuffle(buffer_size=1000, seed=seed)


@wrong_answer("shuffle_pairs", "reshuffle_each_iteration=False: every pass, so every epoch, comes in the same order")
def shuffle_pairs_never_reshuffles(images, labels, seed):
    return make_dataset(images, labels).shuffle(buffer_size=len(labels), seed=seed, reshuffle_each_iteration=False)


@wrong_answer("shuffle_pairs", "one numpy permutation, then from_tensor_slices: a fixed order on every pass")
def numpy_permutation_once(images, labels, seed):
    import numpy as np  # A wrong answer runs with the solution's globals, which have no numpy.

    order = np.random.default_rng(seed).permutation(len(labels))
    return make_dataset(np.asarray(images)[order], np.asarray(labels)[order])


@wrong_answer("normalise", "casts the label to int32 'to be safe': an int64 label does not stay as it is")
def normalise_casts_label_to_int32(image, label):
    return tf.cast(image, tf.float32) / 255.0, tf.cast(label, tf.int32)


@wrong_answer("count_batches", "ceil as (n + batch_size) // batch_size: one batch too many when batch_size divides n")
def ceil_off_by_one(dataset, batch_size, drop_remainder):
    n = int(dataset.cardinality())
    return n // batch_size if drop_remainder else (n + batch_size) // batch_size


@wrong_answer("count_batches", "n // batch_size + 1 without drop_remainder: counts an empty batch when n is 0")
def floor_plus_one_without_drop(dataset, batch_size, drop_remainder):
    n = int(dataset.cardinality())
    if drop_remainder:
        return n // batch_size
    return n // batch_size + (1 if n % batch_size or n == 0 else 0)


@wrong_answer("training_pipeline", "its own shuffle(1024) instead of shuffle_pairs: a fixed buffer smaller than large data")
def training_pipeline_fixed_buffer(images, labels, batch_size, epochs, seed):
    return (make_dataset(images, labels).shuffle(1024, seed=seed).map(normalise)
            .batch(batch_size, drop_remainder=True).repeat(epochs).prefetch(tf.data.AUTOTUNE))


@wrong_answer("standardise", "standardises the test split with its own statistics, not the training split's")
def standardise_test_with_its_own_statistics(train_features, test_features):
    def by_itself(features):
        features = tf.convert_to_tensor(features, tf.float32)
        return (features - tf.reduce_mean(features, axis=0)) / tf.math.reduce_std(features, axis=0)

    return by_itself(train_features), by_itself(test_features)


@wrong_answer("standardise", "takes the mean and std of the whole data (train and test together)")
def standardise_with_whole_data_statistics(train_features, test_features):
    train = tf.convert_to_tensor(train_features, tf.float32)
    test = tf.convert_to_tensor(test_features, tf.float32)
    both = tf.concat([train, test], axis=0)
    mean, std = tf.reduce_mean(both, axis=0), tf.math.reduce_std(both, axis=0)
    return (train - mean) / std, (test - mean) / std


@wrong_answer("standardise", "the sample std (dividing by n - 1) instead of np.std's n")
def standardise_with_sample_std(train_features, test_features):
    train = tf.convert_to_tensor(train_features, tf.float32)
    test = tf.convert_to_tensor(test_features, tf.float32)
    n = tf.cast(tf.shape(train)[0], tf.float32)
    mean = tf.reduce_mean(train, axis=0)
    std = tf.math.reduce_std(train, axis=0) * tf.sqrt(n / (n - 1))
    return (train - mean) / std, (test - mean) / std


@wrong_answer("standardise", "statistics over axis 1 (each example's own mean and std), not over the examples")
def standardise_each_example(train_features, test_features):
    def by_row(features):
        features = tf.convert_to_tensor(features, tf.float32)
        mean = tf.reduce_mean(features, axis=1, keepdims=True)
        return (features - mean) / tf.math.reduce_std(features, axis=1, keepdims=True)

    return by_row(train_features), by_row(test_features)


@wrong_answer("standardise", "one mean and std over every value of the training split, not one per feature")
def standardise_with_one_global_statistic(train_features, test_features):
    train = tf.convert_to_tensor(train_features, tf.float32)
    test = tf.convert_to_tensor(test_features, tf.float32)
    mean, std = tf.reduce_mean(train), tf.math.reduce_std(train)
    return (train - mean) / std, (test - mean) / std


@wrong_answer("adapt_normalization", "adapts the layer to the test split")
def adapts_to_the_test_split(train_features, test_features):
    layer = keras.layers.Normalization()
    layer.adapt(test_features)
    return layer, layer(test_features)


@wrong_answer("adapt_normalization", "adapts the layer to the whole data, train and test together")
def adapts_to_the_whole_data(train_features, test_features):
    layer = keras.layers.Normalization()
    layer.adapt(tf.concat([tf.cast(train_features, tf.float32), tf.cast(test_features, tf.float32)], axis=0))
    return layer, layer(test_features)


@wrong_answer("adapt_normalization", "Normalization(axis=None): one mean and variance for all features")
def normalization_axis_none(train_features, test_features):
    layer = keras.layers.Normalization(axis=None)
    layer.adapt(train_features)
    return layer, layer(test_features)


@wrong_answer("adapt_normalization", "returns the layer applied to the training split instead of the test split")
def returns_the_training_split_normalised(train_features, test_features):
    layer = keras.layers.Normalization()
    layer.adapt(train_features)
    return layer, layer(train_features)
