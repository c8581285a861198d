"""Kata 26 — Transfer learning and augmentation.

A "base" network already trained on lots of images (the notes' VGG-16 on ImageNet) has
convolution layers that find useful features. Transfer learning keeps them: freeze the base,
put a small new classifier on top and train only that; later *fine-tune* by unfreezing just
the last few layers of the base. BatchNormalization layers stay frozen and in inference mode
the whole time, or their statistics drift and undo the pretraining. Augmentation layers
(random flips, rotations, zooms) make a small data set look bigger; they change images only
while training and leave them alone at prediction time (the notes' ImageDataGenerator).

Here the base is any small keras.Model the tests build (nothing is downloaded).

Run `make kata N=26` to test your answers, `make hint N=26` when stuck.
"""

import keras
import numpy as np
from keras import layers


def count_trainable_weights(model):
    """How many numbers training may change in `model` (the trainable parameters, counted
    one by one), as a Python int.

    Example: a model with one Dense(3) layer on 4 inputs -> 4 * 3 + 3 = 15. A
    BatchNormalization layer on 8 channels adds 16 (gamma and beta; its moving mean and
    variance are not trainable).
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("add up the sizes (np.prod of the shapes) of model.trainable_weights.")


def freeze(model):
    """Make every layer of `model` non-trainable and return `model` (the same object).

    Example: a base with 1016 trainable parameters -> count_trainable_weights(freeze(base)) == 0.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("setting model.trainable = False freezes every layer inside it.")


def classifier_on_base(base, classes):
    """A new keras.Model on the frozen `base`: Input (the base's input shape) -> base, called
    with training=False -> GlobalAveragePooling2D -> Dense(classes) (logits).

    Freeze the base first. (Keras guides also call the base with training=False; in Keras 3
    an outer call with training=True, as fit makes, overrides that, so what really keeps a
    BatchNormalization layer in inference mode is its trainable=False: see unfreeze_top.)
    Example: a base [16, 12, 3] -> [10, 8, 8 channels] and classes=3: the classifier maps
    [5, 16, 12, 3] -> [5, 3] and has 8 * 3 + 3 = 27 trainable parameters.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("a new keras.Input feeds the frozen base in inference mode (look up the training argument), then a new head.")


def unfreeze_top(base, count):
    """Fine-tuning: make the last `count` layers of `base.layers` trainable and every earlier
    layer frozen (count 0 leaves every layer frozen; a count beyond len(base.layers) opens them
    all); BatchNormalization layers stay frozen even among the last `count` (a frozen
    BatchNormalization layer runs in inference mode: it uses its moving mean and variance and
    never updates them, even while fit trains the layers around it). Return `base`.

    Example: base.layers [input, conv1, bn1, relu1, conv2, bn2, conv3], count=3 -> conv2 and
    conv3 trainable; input, conv1, bn1, relu1 and bn2 frozen.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("base.trainable = True first (a frozen model hides its layers' weights), then set each layer.")


def augmentation(seed):
    """A keras.Sequential of three random layers, each given `seed` (a different seed changes the
    images differently): RandomFlip("horizontal"),
    RandomRotation(0.1) and RandomZoom(0.1).

    It changes images only when called with training=True; with training=False it returns
    them unchanged. Two pipelines built with the same seed change the same images the same way.
    Example: augmentation(1)(images, training=False) -> images.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("Keras preprocessing layers RandomFlip, RandomRotation and RandomZoom in a Sequential, each seeded.")
