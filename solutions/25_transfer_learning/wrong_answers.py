"""Plausible wrong answers to kata 25; `make check` proves the tests catch every one."""

import keras
import numpy as np
from keras import layers

from tfkatas.wrong import wrong_answer


@wrong_answer("counts weight tensors (len(model.trainable_weights)) instead of numbers")
def count_trainable_weights(model):
    return len(model.trainable_weights)


@wrong_answer("counts every weight, the non-trainable moving statistics included")
def count_trainable_weights(model):  # noqa: F811
    return int(sum(np.prod(weight.shape) for weight in model.weights))


@wrong_answer("freeze sets trainable on the model's first layer only")
def freeze(model):
    model.layers[1].trainable = False
    return model


@wrong_answer("classifier_on_base forgets to freeze the base")
def classifier_on_base(base, classes):
    inputs = keras.Input(base.inputs[0].shape[1:])
    pooled = layers.GlobalAveragePooling2D()(base(inputs, training=False))
    return keras.Model(inputs, layers.Dense(classes)(pooled))


@wrong_answer("unfreeze_top unfreezes the BatchNormalization layers too")
def unfreeze_top(base, count):
    base.trainable = True
    for position, layer in enumerate(base.layers):
        layer.trainable = position >= len(base.layers) - count
    return base


@wrong_answer("unfreeze_top sets the layers but not base.trainable = True (the frozen base hides them)")
def unfreeze_top(base, count):  # noqa: F811
    for position, layer in enumerate(base.layers):
        in_top = position >= len(base.layers) - count
        layer.trainable = in_top and not isinstance(layer, layers.BatchNormalization)
    return base


@wrong_answer("unfreeze_top opens the first count layers instead of the last")
def unfreeze_top(base, count):  # noqa: F811
    base.trainable = True
    for position, layer in enumerate(base.layers):
        layer.trainable = position < count and not isinstance(layer, layers.BatchNormalization)
    return base


@wrong_answer("unfreeze_top is off by one: base.layers[-count:-1] (leaves the very last layer frozen)")
def unfreeze_top(base, count):  # noqa: F811
    base.trainable = True
    top = base.layers[-count:-1]
    for layer in base.layers:
        layer.trainable = layer in top and not isinstance(layer, layers.BatchNormalization)
    return base


@wrong_answer("augmentation without seeds: two pipelines change images differently")
def augmentation(seed):
    return keras.Sequential([layers.RandomFlip("horizontal"), layers.RandomRotation(0.1), layers.RandomZoom(0.1)])


@wrong_answer("augmentation flips with a Lambda layer, which also flips at prediction time")
def augmentation(seed):  # noqa: F811
    return keras.Sequential([layers.Lambda(lambda images: images[:, :, ::-1]),
                             layers.RandomRotation(0.1, seed=seed), layers.RandomZoom(0.1, seed=seed)])


@wrong_answer("classifier_on_base ends in Dense(classes, activation='softmax'): probabilities, not logits")
def classifier_on_base(base, classes):  # noqa: F811
    freeze(base)  # noqa: F821
    inputs = keras.Input(base.inputs[0].shape[1:])
    pooled = layers.GlobalAveragePooling2D()(base(inputs, training=False))
    return keras.Model(inputs, layers.Dense(classes, activation="softmax")(pooled))


@wrong_answer("augmentation uses RandomFlip() with its default mode, which flips vertically too")
def augmentation(seed):  # noqa: F811
    return keras.Sequential([
        layers.RandomFlip(seed=seed),
        layers.RandomRotation(0.1, seed=seed),
        layers.RandomZoom(0.1, seed=seed),
    ])

