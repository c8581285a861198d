"""Plausible wrong answers to kata 26; `make check` proves the tests catch every one."""

import keras
import numpy as np
from keras import layers

from tfkatas.wrong import wrong_answer


@wrong_answer("count_trainable_weights", "counts weight tensors (len(model.trainable_weights)) instead of numbers")
def counts_weight_tensors_len_model(model):
    return len(model.trainable_weights)


@wrong_answer("count_trainable_weights", "counts every weight, the non-trainable moving statistics included")
def counts_every_weight_non_trainable(model):
    return int(sum(np.prod(weight.shape) for weight in model.weights))


@wrong_answer("freeze", "freeze sets trainable on the model's first layer only")
def freeze_sets_trainable_model_first(model):
    model.layers[1].trainable = False
    return model


@wrong_answer("classifier_on_base", "classifier_on_base forgets to freeze the base")
def classifier_base_forgets_freeze_base(base, classes):
    inputs = keras.Input(base.inputs[0].shape[1:])
    pooled = layers.GlobalAveragePooling2D()(base(inputs, training=False))
    return keras.Model(inputs, layers.Dense(classes)(pooled))


@wrong_answer("unfreeze_top", "unfreeze_top unfreezes the BatchNormalization layers too")
def unfreeze_top_unfreezes_batchnormalization_layers(base, count):
    base.trainable = True
    for position, layer in enumerate(base.layers):
        layer.trainable = position >= len(base.layers) - count
    return base


@wrong_answer("unfreeze_top", "unfreeze_top sets the layers but not base.trainable = True (the frozen base hides them)")
def unfreeze_top_sets_layers_but(base, count):
    for position, layer in enumerate(base.layers):
        in_top = position >= len(base.layers) - count
        layer.trainable = in_top and not isinstance(layer, layers.BatchNormalization)
    return base


@wrong_answer("unfreeze_top", "unfreeze_top opens the first count layers instead of the last")
def unfreeze_top_opens_first_count(base, count):
    base.trainable = True
    for position, layer in enumerate(base.layers):
        layer.trainable = position < count and not isinstance(layer, layers.BatchNormalization)
    return base


@wrong_answer("unfreeze_top", "unfreeze_top is off by one: base.layers[-count:-1] (leaves the very last layer frozen)")
def unfreeze_top_off_one_base(base, count):
    base.trainable = True
    top = base.layers[-count:-1]
    for layer in base.layers:
        layer.trainable = layer in top and not isinstance(layer, layers.BatchNormalization)
    return base


@wrong_answer("augmentation", "augmentation without seeds: two pipelines change images differently")
def augmentation_without_seeds_two_pipelines(seed):
    return keras.Sequential([layers.RandomFlip("horizontal"), layers.RandomRotation(0.1), layers.RandomZoom(0.1)])


@wrong_answer("augmentation", "augmentation flips with a Lambda layer, which also flips at prediction time")
def augmentation_flips_lambda_layer_also(seed):
    return keras.Sequential([layers.Lambda(lambda images: images[:, :, ::-1]),
                             layers.RandomRotation(0.1, seed=seed), layers.RandomZoom(0.1, seed=seed)])


@wrong_answer("classifier_on_base", "classifier_on_base ends in Dense(classes, activation='softmax'): probabilities, not logits")
def classifier_base_ends_dense_classes(base, classes):
    freeze(base)
    inputs = keras.Input(base.inputs[0].shape[1:])
    pooled = layers.GlobalAveragePooling2D()(base(inputs, training=False))
    return keras.Model(inputs, layers.Dense(classes, activation="softmax")(pooled))


@wrong_answer("augmentation", "augmentation uses RandomFlip() with its default mode, which flips vertically too")
def augmentation_uses_randomflip_default_mode(seed):
    return keras.Sequential([
        layers.RandomFlip(seed=seed),
        layers.RandomRotation(0.1, seed=seed),
        layers.RandomZoom(0.1, seed=seed),
    ])



@wrong_answer("count_trainable_weights", "forgets int(): returns the numpy integer the sum of np.prod gives")
def count_returns_numpy_integer(model):
    return sum(np.prod(weight.shape) for weight in model.trainable_weights)


@wrong_answer("count_trainable_weights", "counts only the kernels of trainable layers, forgetting biases, gamma and beta")
def counts_only_kernels(model):
    return int(sum(np.prod(layer.kernel.shape) for layer in model.layers
                   if layer.trainable and hasattr(layer, "kernel")))


@wrong_answer("freeze", "freeze sets model.trainable = False but forgets to return the model")
def freeze_forgets_return(model):
    model.trainable = False


@wrong_answer("unfreeze_top", "unfreeze_top slices base.layers[-count:]: count=0 opens every layer")
def unfreeze_top_slice_minus_zero(base, count):
    base.trainable = True
    top = base.layers[-count:]
    for layer in base.layers:
        layer.trainable = layer in top and not isinstance(layer, layers.BatchNormalization)
    return base


@wrong_answer("unfreeze_top", "unfreeze_top slices from len(layers) - count: a count beyond the layers wraps around")
def unfreeze_top_negative_start_wraps(base, count):
    base.trainable = True
    top = base.layers[len(base.layers) - count:] if count else []
    for layer in base.layers:
        layer.trainable = layer in top and not isinstance(layer, layers.BatchNormalization)
    return base


@wrong_answer("augmentation", "augmentation hard-codes seed=0 in every layer instead of the seed given")
def augmentation_hard_codes_seed(seed):
    return keras.Sequential([
        layers.RandomFlip("horizontal", seed=0),
        layers.RandomRotation(0.1, seed=0),
        layers.RandomZoom(0.1, seed=0),
    ])


@wrong_answer("augmentation", "augmentation zooms by RandomZoom(1.1): a scale, where Keras wants a fraction")
def augmentation_zoom_as_scale(seed):
    return keras.Sequential([
        layers.RandomFlip("horizontal", seed=seed),
        layers.RandomRotation(0.1, seed=seed),
        layers.RandomZoom(1.1, seed=seed),
    ])
