"""Tests for kata 13. Oracles: every test image carries its own index in its first pixel, so a
test can tell which example it got and check its label, its order and its normalisation.
Standardising: numpy in float64 (mean and np.std of the training split) and the worked example."""

import keras
import numpy as np
import pytest
import tensorflow as tf

from tfkatas.testing import assert_close, assert_dtype, assert_equal, assert_shape

HEIGHT, WIDTH = 4, 3


def digits(n, seed=0):
    """n uint8 images [n, 4, 3] whose pixel [0, 0] is the example's index; labels 0..9 at random."""
    rng = np.random.default_rng(seed)
    images = rng.integers(0, 256, size=(n, HEIGHT, WIDTH)).astype(np.uint8)
    images[:, 0, 0] = np.arange(n)
    images[0, 1, 1], images[-1, 1, 1] = 0, 255  # Black and white pixels, so 255 -> 1.0 is checked.
    return images, rng.integers(0, 10, size=n).astype(np.int32)


def index_of(image):
    """The example an image came from: its first pixel, raw (0..255) or normalised (0..1)."""
    value = float(np.asarray(image)[..., 0, 0])
    return int(round(value * 255)) if np.asarray(image).dtype.kind == "f" else int(value)


def elements(dataset):
    return [(np.asarray(image), np.asarray(label)) for image, label in dataset.as_numpy_iterator()]


def test_make_dataset_yields_each_pair_in_order(kata):
    images, labels = digits(7)
    got = elements(kata.make_dataset(images, labels))
    assert len(got) == 7, f"make_dataset(7 images, 7 labels) yielded {len(got)} elements, expected 7"
    for index, (image, label) in enumerate(got):
        assert_equal(image, images[index], f"make_dataset(...) element {index} image")
        assert_equal(label, labels[index], f"make_dataset(...) element {index} label")


def test_shuffle_pairs_keeps_every_image_with_its_label(kata):
    images, labels = digits(40, seed=1)
    got = elements(kata.shuffle_pairs(images, labels, seed=3))
    order = [index_of(image) for image, _ in got]
    assert sorted(order) == list(range(40)), (
        f"shuffle_pairs(40 examples) yielded examples {sorted(order)}, expected each of 0..39 exactly once")
    assert order != list(range(40)), "shuffle_pairs(40 examples, seed=3) kept the original order"
    for image, label in got:
        assert int(label) == labels[index_of(image)], (
            f"shuffle_pairs paired image {index_of(image)} with label {int(label)}, but its label is "
            f"{labels[index_of(image)]}: shuffle the (image, label) pairs together")


def test_shuffle_pairs_repeats_its_order_for_the_same_seed(kata):
    images, labels = digits(30, seed=4)
    first, again, other = ([index_of(image) for image, _ in elements(kata.shuffle_pairs(images, labels, seed=seed))]
                           for seed in (5, 5, 6))
    assert first == again, (
        f"shuffle_pairs(30 examples, seed=5) called twice gave two orders, {first[:6]}... and {again[:6]}...: "
        "pass the seed to .shuffle so a seed always gives the same order")
    assert first != other, "shuffle_pairs(..., seed=5) and shuffle_pairs(..., seed=6) gave the same order"


def test_shuffle_pairs_mixes_the_whole_data_not_just_neighbours(kata):
    images, labels = digits(100, seed=2)
    firsts = [index_of(next(iter(kata.shuffle_pairs(images, labels, seed=seed)))[0]) for seed in range(8)]
    assert max(firsts) >= 20, (
        f"over seeds 0..7 the first example shuffle_pairs yields is always one of the first 20 {firsts}: "
        "is the shuffle buffer smaller than the data?")


def test_shuffle_pairs_mixes_thousands_of_examples_not_a_fixed_buffer(kata):
    # 3000 examples whose label is their index: a fixed buffer of 1000 or 1024 could only yield
    # one of the first ~1030 examples among the first ten; a full shuffle draws from all 3000.
    labels = np.arange(3000, dtype=np.int32)
    images = np.zeros((3000, 2, 2), np.uint8)
    for seed in (0, 1):
        firsts = [int(label) for _, label in kata.shuffle_pairs(images, labels, seed=seed).take(10)]
        assert max(firsts) >= 1100, (
            f"shuffle_pairs(3000 examples, seed={seed}) began with examples {firsts}, all among the first 1100: "
            "is the shuffle buffer a fixed size instead of the whole data?")


def test_shuffle_pairs_reshuffles_on_every_pass(kata):
    images, labels = np.zeros((60, 2, 2), np.uint8), np.arange(60, dtype=np.int32)
    dataset = kata.shuffle_pairs(images, labels, seed=9)
    passes = [[int(label) for _, label in dataset] for _ in range(3)]
    for number, order in enumerate(passes):
        assert sorted(order) == list(range(60)), (
            f"pass {number} over shuffle_pairs(60 examples) did not yield each example exactly once")
    assert passes[0] != passes[1] and passes[1] != passes[2], (
        f"iterating shuffle_pairs(60 examples, seed=9) again gave the same order ({passes[0][:6]}...): the "
        "dataset should reshuffle on every pass, so each epoch comes in a new order")


def test_normalise_scales_pixels_to_0_1_and_keeps_the_label(kata):
    image = tf.constant([[0, 51, 255], [102, 204, 1]], tf.uint8)
    scaled, label = kata.normalise(image, tf.constant(7))
    assert_close(scaled, np.array([[0, 51, 255], [102, 204, 1]]) / 255.0, "normalise(uint8 image, 7) image",
                 dtype=tf.float32)
    assert_equal(label, 7, "normalise(uint8 image, 7) label", dtype=tf.int32)
    _, label = kata.normalise(image, tf.constant(9, tf.int64))
    assert_equal(label, 9, "normalise(uint8 image, int64 label 9) label (as is: int64 stays int64)",
                 dtype=tf.int64)


@pytest.mark.parametrize("n, batch_size, drop_remainder, expected", [
    (10, 4, False, 3), (10, 4, True, 2), (12, 4, False, 3), (12, 4, True, 3), (3, 5, False, 1), (3, 5, True, 0),
    (0, 4, False, 0), (5, 1, True, 5), (7, 7, True, 1), (25, 6, False, 5),
])
def test_count_batches(kata, n, batch_size, drop_remainder, expected):
    images, labels = np.zeros((n, HEIGHT, WIDTH), np.uint8), np.arange(n, dtype=np.int32)  # n may be 0.
    result = kata.count_batches(tf.data.Dataset.from_tensor_slices((images, labels)), batch_size, drop_remainder)
    assert isinstance(result, int) and result == expected, (
        f"count_batches({n} examples, batch_size={batch_size}, drop_remainder={drop_remainder}) returned "
        f"{result!r}, expected {expected} (an int)")


def test_training_pipeline_gives_full_normalised_batches_for_every_epoch(kata):
    images, labels = digits(30, seed=4)
    batches = elements(kata.training_pipeline(images, labels, batch_size=8, epochs=3, seed=5))
    assert len(batches) == 9, (
        f"training_pipeline(30 examples, batch_size=8, epochs=3) yielded {len(batches)} batches, expected "
        "3 full batches per epoch, 9 in all (batch with drop_remainder=True, then repeat)")
    for number, (image_batch, label_batch) in enumerate(batches):
        assert_shape(image_batch, (8, HEIGHT, WIDTH), f"training batch {number} images")
        assert_dtype(image_batch, tf.float32, f"training batch {number} images")
        assert_shape(label_batch, (8,), f"training batch {number} labels")
        assert image_batch.min() >= 0 and image_batch.max() <= 1, (
            f"training batch {number} has pixels from {image_batch.min()} to {image_batch.max()}, expected [0, 1]")
        for image, label in zip(image_batch, label_batch):
            assert int(label) == labels[index_of(image)], (
                f"training batch {number} pairs image {index_of(image)} with label {int(label)}, expected "
                f"{labels[index_of(image)]}")


def test_training_pipeline_shuffles_across_batches_and_anew_each_epoch(kata):
    images, labels = digits(32, seed=6)
    batches = elements(kata.training_pipeline(images, labels, batch_size=8, epochs=2, seed=7))
    epochs = [[index_of(image) for image_batch, _ in batches[start:start + 4] for image in image_batch]
              for start in (0, 4)]
    for number, epoch in enumerate(epochs):
        assert sorted(epoch) == list(range(32)), (
            f"epoch {number} of training_pipeline(32 examples, batch 8) holds examples {sorted(epoch)}, expected "
            "each example exactly once per epoch")
    runs = [sorted(epochs[0][start:start + 8]) for start in range(0, 32, 8)]
    assert any(run != list(range(run[0], run[0] + 8)) for run in runs), (
        f"every batch holds 8 neighbouring examples {runs}: shuffle the examples before batching, not the batches")
    assert epochs[0] != epochs[1], "both epochs came in the same order: let the shuffle reshuffle on every pass"


def test_training_pipeline_mixes_thousands_of_examples(kata):
    labels = np.arange(3000, dtype=np.int32)  # Each label is its example's index.
    first_batch = next(iter(kata.training_pipeline(np.zeros((3000, 2, 2), np.uint8), labels, batch_size=10,
                                                   epochs=1, seed=3)))[1].numpy()
    assert first_batch.max() >= 1100, (
        f"the first batch of training_pipeline(3000 examples, batch_size=10) holds examples {list(first_batch)}, "
        "all among the first 1100: shuffle the whole data (shuffle_pairs), not a fixed buffer")


def test_training_pipeline_prefetches(kata):
    images, labels = digits(16)
    dataset = kata.training_pipeline(images, labels, batch_size=4, epochs=1, seed=0)
    assert "Prefetch" in type(dataset).__name__, (
        f"training_pipeline returned a {type(dataset).__name__}; end the pipeline with "
        ".prefetch(tf.data.AUTOTUNE) so the next batch is ready while the model trains")


def test_evaluation_pipeline_keeps_every_example_in_order(kata):
    images, labels = digits(10, seed=8)
    batches = elements(kata.evaluation_pipeline(images, labels, batch_size=4))
    sizes = [len(label_batch) for _, label_batch in batches]
    assert sizes == [4, 4, 2], f"evaluation_pipeline(10 examples, batch_size=4) gave batches of {sizes}, expected [4, 4, 2]"
    assert_close(np.concatenate([image_batch for image_batch, _ in batches]), images / 255.0,
                 "evaluation_pipeline(...) images, all batches joined", dtype=tf.float32)
    assert_equal(np.concatenate([label_batch for _, label_batch in batches]), labels,
                 "evaluation_pipeline(...) labels, all batches joined")
    assert "Prefetch" in type(kata.evaluation_pipeline(images, labels, 4)).__name__, (
        "evaluation_pipeline should end with .prefetch(tf.data.AUTOTUNE)")


def tabular_splits(train_examples=7, test_examples=5, features=4, seed=13):
    """Features on very different scales, and a test split drawn from a shifted distribution, so
    its own statistics (or the whole data's) differ clearly from the training split's."""
    rng = np.random.default_rng(seed)
    offsets, scales = np.array([5.0, -40.0, 0.0, 300.0])[:features], np.array([1.0, 20.0, 0.1, 50.0])[:features]
    train = rng.normal(offsets, scales, size=(train_examples, features))
    test = rng.normal(offsets + 2 * scales, 3 * scales, size=(test_examples, features))
    return train.astype(np.float32), test.astype(np.float32)


def standardised_by_training_statistics(train, test):
    mean, std = train.astype(np.float64).mean(axis=0), train.astype(np.float64).std(axis=0)
    return (train - mean) / std, (test - mean) / std


def test_standardise_on_the_worked_example(kata):
    train_out, test_out = kata.standardise(np.array([[1, 10], [3, 30]], np.float32), np.array([[5, 0]], np.float32))
    assert_close(train_out, [[-1, -1], [1, 1]], "standardise(train [[1, 10], [3, 30]], test [[5, 0]]) train",
                 dtype=tf.float32)
    assert_close(test_out, [[3, -2]], "standardise(train [[1, 10], [3, 30]], test [[5, 0]]) test (with the "
                 "training means 2, 20 and stds 1, 10)", dtype=tf.float32)


@pytest.mark.parametrize("as_tensors", [False, True], ids=["numpy", "tensors"])
def test_standardise_applies_the_training_statistics_to_both_splits(kata, as_tensors):
    train, test = tabular_splits()
    expected_train, expected_test = standardised_by_training_statistics(train, test)
    inputs = (tf.constant(train), tf.constant(test)) if as_tensors else (train, test)
    train_out, test_out = kata.standardise(*inputs)
    what = f"standardise(train [7, 4], test [5, 4] as {'tensors' if as_tensors else 'numpy arrays'})"
    assert_shape(train_out, (7, 4), f"{what} train")
    assert_shape(test_out, (5, 4), f"{what} test")
    assert_close(train_out, expected_train, f"{what} train: (x - mean) / std, mean and std of each column of "
                 "the training split (np.std, dividing by the number of examples)", dtype=tf.float32, rtol=1e-4, atol=1e-5)
    assert_close(test_out, expected_test, f"{what} test: the TRAINING split's mean and std, not the test split's "
                 "or the whole data's", dtype=tf.float32, rtol=1e-4, atol=1e-5)


def test_standardise_leaves_the_test_split_off_centre_when_it_is_shifted(kata):
    train, test = tabular_splits(train_examples=9, test_examples=6, features=3, seed=21)
    train_out, test_out = (np.asarray(part) for part in kata.standardise(train, test))
    assert_close(train_out.mean(axis=0), np.zeros(3), "each feature's mean over the standardised training split",
                 atol=1e-5)
    assert_close(train_out.std(axis=0), np.ones(3), "each feature's std over the standardised training split",
                 rtol=1e-4)
    assert np.all(test_out.mean(axis=0) > 0.5), (
        f"the standardised test split has feature means {test_out.mean(axis=0)}, but its data sits about 2 training "
        "stds above the training mean: were the test split's own statistics used? Use the training split's.")


def test_adapt_normalization_learns_the_training_mean_and_variance(kata):
    train, test = tabular_splits(train_examples=6, test_examples=8)
    layer, _ = kata.adapt_normalization(train, test)
    assert isinstance(layer, keras.layers.Normalization), (
        f"adapt_normalization returned a {type(layer).__name__} as its layer, expected a keras.layers.Normalization")
    mean, variance = np.asarray(layer.mean).reshape(-1), np.asarray(layer.variance).reshape(-1)
    assert mean.shape == (4,) and variance.shape == (4,), (
        f"the layer holds {mean.size} mean(s) and {variance.size} variance(s), expected one per feature (4): "
        "normalise along the last axis, the features")
    assert_close(mean, train.astype(np.float64).mean(axis=0), "layer.mean (expected the training split's mean "
                 "of each feature)", rtol=1e-4, atol=1e-4)
    assert_close(variance, train.astype(np.float64).var(axis=0), "layer.variance (expected the training split's "
                 "variance of each feature)", rtol=1e-4, atol=1e-4)


def test_adapt_normalization_transforms_test_data_with_the_training_statistics(kata):
    train, test = tabular_splits(train_examples=6, test_examples=8, seed=5)
    layer, test_out = kata.adapt_normalization(train, test)
    expected_train, expected_test = standardised_by_training_statistics(train, test)
    assert_close(test_out, expected_test, "adapt_normalization(train [6, 4], test [8, 4]) test_normalised: "
                 "(x - training mean) / training std", dtype=tf.float32, rtol=1e-4, atol=1e-4)
    assert_close(layer(train[:3]), expected_train[:3], "layer(first 3 training examples)", rtol=1e-4, atol=1e-4)


def test_adapt_normalization_on_the_worked_example(kata):
    layer, test_out = kata.adapt_normalization(np.array([[1, 10], [3, 30]], np.float32), np.array([[5, 0]], np.float32))
    assert_close(np.asarray(layer.mean).reshape(-1), [2, 20], "layer.mean for train [[1, 10], [3, 30]]")
    assert_close(np.asarray(layer.variance).reshape(-1), [1, 100], "layer.variance for train [[1, 10], [3, 30]]")
    assert_close(test_out, [[3, -2]], "adapt_normalization(train [[1, 10], [3, 30]], test [[5, 0]]) test_normalised",
                 dtype=tf.float32, rtol=1e-4)
