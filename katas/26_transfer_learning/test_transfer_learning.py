"""Tests for kata 26. Oracles: parameter counts worked out by hand for a small base the tests
build (nothing is downloaded), each layer's `trainable` flag, weights compared before and after
one epoch of training, and inputs compared with outputs of the augmentation layers."""

import keras
import numpy as np
import pytest
from keras import layers

from tfkatas.testing import assert_close, assert_shape

IMAGE_SHAPE = (16, 12, 3)
# Trainable parameters of the small base, by hand (kernel + bias; BatchNormalization: gamma + beta):
CONV1 = 3 * 3 * 3 * 4 + 4      # 112
BN1 = 2 * 4                    # 8   (+ 8 non-trainable moving mean and variance)
CONV2 = 3 * 3 * 4 * 8 + 8      # 296
BN2 = 2 * 8                    # 16  (+ 16 non-trainable)
CONV3 = 3 * 3 * 8 * 8 + 8      # 584
BASE_TOTAL = CONV1 + BN1 + CONV2 + BN2 + CONV3   # 1016


def small_base():
    """A stand-in for a pretrained base: [16, 12, 3] images -> [10, 6, 8] features."""
    keras.utils.set_random_seed(25)
    inputs = keras.Input(IMAGE_SHAPE)
    x = layers.Conv2D(4, 3, name="conv1")(inputs)
    x = layers.BatchNormalization(name="bn1")(x)
    x = layers.ReLU(name="relu1")(x)
    x = layers.Conv2D(8, 3, name="conv2")(x)
    x = layers.BatchNormalization(name="bn2")(x)
    x = layers.Conv2D(8, 3, name="conv3")(x)
    return keras.Model(inputs, x, name="small_base")


def images(seed, count=6):
    return np.random.default_rng(seed).uniform(0, 1, (count,) + IMAGE_SHAPE).astype(np.float32)


def assert_int(value, expected, what):
    assert isinstance(value, int) and not isinstance(value, bool), (
        f"{what} returned {type(value).__name__} {value!r}, expected a Python int")
    assert value == expected, f"{what} returned {value}, expected {expected}"


def test_count_trainable_weights_counts_numbers_not_tensors(kata):
    dense = keras.Sequential([keras.Input((4,)), layers.Dense(3)])
    assert_int(kata.count_trainable_weights(dense), 15, "count_trainable_weights(Dense(3) on 4 inputs)")
    assert_int(kata.count_trainable_weights(small_base()), BASE_TOTAL,
               "count_trainable_weights(small base: 3 convs and 2 batch norms; moving statistics do not count)")


def test_freeze_leaves_nothing_to_train(kata):
    base = small_base()
    returned = kata.freeze(base)
    assert returned is base, "freeze(base) should return the same model it froze"
    assert_int(kata.count_trainable_weights(base), 0, "count_trainable_weights(freeze(base))")


def test_classifier_on_base_trains_only_its_new_head(kata):
    base = small_base()
    classifier = kata.classifier_on_base(base, 3)
    assert isinstance(classifier, keras.Model), (f"classifier_on_base returned {type(classifier).__name__}, "
                                                 "expected a keras.Model")
    assert_shape(classifier(images(1, 5)), (5, 3), "classifier_on_base(base, 3) on 5 images")
    assert_int(kata.count_trainable_weights(classifier), 8 * 3 + 3,
               "count_trainable_weights(classifier_on_base(base, 3)) (only the Dense head: 8 * 3 + 3)")
    # Logits by hand: the base's features averaged over space, times the head's kernel, plus its bias.
    batch = images(2, 4)
    kernel, bias = [w.numpy() for w in classifier.layers[-1].weights]
    expected = base(batch, training=False).numpy().mean(axis=(1, 2)) @ kernel + bias
    assert_close(classifier(batch), expected, "classifier_on_base(base, 3) on 4 images (raw logits: "
                 "global average pooling, then Dense without softmax)", rtol=1e-4, atol=1e-5)


def test_unfreeze_top_opens_the_last_layers_except_batch_norm(kata):
    base = small_base()
    kata.freeze(base)
    returned = kata.unfreeze_top(base, 3)
    assert returned is base, "unfreeze_top(base, 3) should return the same base"
    expected = {"conv1": False, "bn1": False, "relu1": False, "conv2": True, "bn2": False, "conv3": True}
    got = {name: base.get_layer(name).trainable for name in expected}
    assert got == expected, f"after unfreeze_top(base, 3) the layers' trainable flags are {got}, expected {expected}"
    assert_int(kata.count_trainable_weights(base), CONV2 + CONV3,
               "count_trainable_weights(unfreeze_top(frozen base, 3)) (conv2 + conv3)")


# 0 opens nothing (base.layers[-0:] would be every layer); 10 is more than the base's 7 layers.
@pytest.mark.parametrize("count, expected", [(0, 0), (1, CONV3), (5, CONV2 + CONV3), (10, CONV1 + CONV2 + CONV3)])
def test_unfreeze_top_counts_layers_from_the_end(kata, count, expected):
    base = kata.unfreeze_top(kata.freeze(small_base()), count)
    assert_int(kata.count_trainable_weights(base), expected, f"count_trainable_weights(unfreeze_top(base, {count}))")


def test_after_unfreeze_top_batch_norm_still_runs_in_inference_mode(kata):
    base = small_base()
    classifier = kata.classifier_on_base(base, 2)
    kata.unfreeze_top(base, 3)   # bn2 is among the last 3 layers but must stay frozen.
    batch = images(2)
    # A frozen BatchNormalization uses its moving statistics even when training=True.
    assert_close(classifier(batch, training=True), classifier(batch, training=False),
                 "classifier(images, training=True) vs training=False after unfreeze_top(base, 3)",
                 rtol=1e-4, atol=1e-5)


def test_fine_tuning_changes_only_the_unfrozen_layers_and_no_moving_statistics(kata):
    base = small_base()
    classifier = kata.classifier_on_base(base, 2)
    kata.unfreeze_top(base, 3)
    before = {name: [w.numpy().copy() for w in base.get_layer(name).weights] for name in ("conv1", "bn2", "conv3")}
    classifier.compile(keras.optimizers.Adam(0.01),
                       keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    labels = np.random.default_rng(3).integers(0, 2, 32)
    classifier.fit(images(4, 32), labels, epochs=1, batch_size=8, verbose=0)
    for name, changed in (("conv1", False), ("bn2", False), ("conv3", True)):
        after = [w.numpy() for w in base.get_layer(name).weights]
        moved = any(not np.allclose(a, b) for a, b in zip(before[name], after))
        assert moved == changed, (f"after fine-tuning with unfreeze_top(base, 3), {name}'s weights (moving "
                                  f"statistics included) {'changed' if moved else 'did not change'}; expected "
                                  f"them {'to change' if changed else 'to stay as they were'}")


def test_augmentation_leaves_images_alone_at_prediction_time(kata):
    batch = images(5)
    pipeline = kata.augmentation(seed=1)
    assert isinstance(pipeline, keras.Sequential), (f"augmentation(1) returned {type(pipeline).__name__}, "
                                                    "expected a keras.Sequential")
    assert_close(pipeline(batch, training=False), batch, "augmentation(1)(images, training=False)")
    kinds = sorted(type(layer).__name__ for layer in pipeline.layers)
    assert kinds == ["RandomFlip", "RandomRotation", "RandomZoom"], (
        f"augmentation(1) holds layers {kinds}, expected RandomFlip, RandomRotation and RandomZoom")
    settings = {type(layer).__name__: layer.get_config() for layer in pipeline.layers}
    assert settings["RandomFlip"]["mode"] == "horizontal", (
        f"augmentation(1)'s RandomFlip has mode {settings['RandomFlip']['mode']!r}, expected 'horizontal' "
        "(RandomFlip() alone flips vertically too)")
    factor = np.max(np.abs(settings["RandomRotation"]["factor"]))
    assert np.isclose(factor, 0.1), (f"augmentation(1)'s RandomRotation turns by up to {factor} of a full turn, "
                                     "expected 0.1 (the factor is a fraction of 2 pi, not degrees)")
    zoom = np.max(np.abs(settings["RandomZoom"]["height_factor"]))
    assert np.isclose(zoom, 0.1), (f"augmentation(1)'s RandomZoom zooms by up to {zoom}, expected 0.1 "
                                   "(a fraction of the size: 0.1 is 10%, not a scale like 1.1)")


def test_augmentation_changes_images_while_training_the_same_way_for_the_same_seed(kata):
    batch = images(6, 8)
    first = np.asarray(kata.augmentation(seed=3)(batch, training=True))
    assert_shape(first, batch.shape, "augmentation(3)(8 images, training=True)")
    assert not np.allclose(first, batch, atol=1e-3), "augmentation(3)(images, training=True) returned the images unchanged"
    again = np.asarray(kata.augmentation(seed=3)(batch, training=True))
    assert_close(again, first, "a second augmentation(3) pipeline on the same images (same seed, same changes)",
                 rtol=1e-4, atol=1e-4)
    other = np.asarray(kata.augmentation(seed=4)(batch, training=True))
    assert not np.allclose(other, first, atol=1e-3), ("augmentation(3) and augmentation(4) changed the images the "
                                                      "same way: each layer must be given the seed")
