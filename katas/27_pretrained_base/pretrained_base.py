"""Kata 27 — Transfer learning from a trained base.

Kata 26 froze a base with random weights: the mechanics, but not the point. Here the base has
really learned something. The tests train a small CNN on one task (telling four filled shapes
apart), the way VGG16 was trained on ImageNet, and you reuse its convolution layers on a second,
related task with few examples (telling hollow outlines of shapes apart). First *feature
extraction*: run the frozen base over the images once (predict), keep the feature maps, and
train only a small classifier head on them. Then put that trained head on the base as one model
and *fine-tune*: unfreeze the top block only, keep its BatchNormalization layers frozen (in
inference mode), and train again at a low learning rate so the pretrained weights move a little
(the notes: "冻结模型的底部的卷积层，共同训练新添加的分类器层和顶部部分卷积层；注意要先训练好分类器").
Finally the notes' VGG16 itself, built without downloading its ImageNet weights.

Source: 000_27a1c33c3287df56.txt (使用预训练的网络模型, 微调), 001_ef19bbe4496db3a5.txt (VGG-16,
预训练网络, 迁移学习, 微调), 003_6931a14f711d4b53.txt (基于顺序模型的迁移学习).

Run `make kata N=27` to test your answers, `make hint N=27` when stuck.
"""

import keras
import numpy as np
from keras import layers


def vgg16_base(input_shape):
    """The notes' VGG16 convolution base (no classifier on top) for images of `input_shape`
    `(height, width, 3)`, with freshly initialised weights: nothing is downloaded.

    Its layers are named block1_conv1 ... block5_conv3 and block1_pool ... block5_pool; each of
    its five blocks halves height and width, and the last has 512 channels. It has 14,714,688
    parameters whatever the input size (convolution weights do not depend on it).
    Example: vgg16_base((96, 128, 3)) maps images [2, 96, 128, 3] -> features [2, 3, 4, 512].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("keras.applications has VGG16; look up its weights, include_top and input_shape arguments.")


def extract_features(base, images, batch_size=32):
    """Run the trained `base` over `images` `[n, height, width, colours]` once, in inference mode
    and in batches of `batch_size`, and return its feature maps as a float32 numpy array
    `[n, h', w', channels]`.

    Inference mode matters: a base with BatchNormalization layers must normalise with its
    moving mean and variance (what it learned), not with this batch's statistics.
    Example: a base [24, 32, 3] -> [6, 8, 32] and 50 images -> an array [50, 6, 8, 32].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("Model.predict runs a model in inference mode, batch by batch, and returns numpy.")


def train_head(features, labels, classes, epochs=20, learning_rate=1e-2):
    """Train a new classifier head on extracted `features` `[n, h', w', channels]` (float32) with
    integer `labels` `[n]` in 0..classes-1, and return the trained head (a keras.Model).

    The head: keras.Input (the features' shape without n) -> GlobalAveragePooling2D ->
    Dense(classes), whose outputs are logits (no softmax). Train it with Adam at `learning_rate`,
    sparse categorical cross-entropy on the logits and an "accuracy" metric, for `epochs` epochs
    in batches of 32.
    Example: features [120, 6, 8, 32], classes=3 -> a head mapping [k, 6, 8, 32] -> [k, 3] with
    32 * 3 + 3 = 99 parameters.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("a small keras.Model on the features' shape; compile it (logits, so from_logits) and fit.")


def stack_on_base(base, head):
    """One keras.Model from images to logits: a new keras.Input (the base's input shape) -> the
    frozen `base`, called in inference mode -> the trained `head`.

    Freeze the base first, so only the head's weights are trainable. The model computes
    exactly head(base(images)) and shares their weights (nothing is copied or re-initialised).
    Example: base [24, 32, 3] -> [6, 8, 32], head [6, 8, 32] -> [3]: the model maps
    [5, 24, 32, 3] -> [5, 3] and has 99 trainable parameters.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("model.trainable freezes every layer inside; a functional model calls the base and then the head (look up the training argument).")


def unfreeze_block(base, prefix):
    """Prepare `base` for fine-tuning its top block: every layer whose name starts with `prefix`
    becomes trainable, except BatchNormalization layers; every other layer is frozen. Return the
    names of the layers that now have trainable weights, in the order of `base.layers`.

    A frozen BatchNormalization layer runs in inference mode (it normalises with its moving mean
    and variance and never updates them), even while fit trains the layers around it.
    Example: a base with layers block1_conv, block1_bn, block1_relu, ..., block3_conv, block3_bn,
    block3_relu and prefix "block3_" -> ["block3_conv"]; a VGG16 base and prefix "block5_" ->
    ["block5_conv1", "block5_conv2", "block5_conv3"] (7,079,424 trainable parameters).
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("a frozen model hides its layers' weights, so open the whole model first, then set each layer by its name.")


def fine_tune(model, base, prefix, images, labels, epochs=2, learning_rate=1e-4):
    """Fine-tune `model` (stack_on_base(base, head), its head already trained): unfreeze the
    block of `base` whose layer names start with `prefix` (as unfreeze_block does), compile
    `model` again with Adam at the low `learning_rate`, sparse categorical cross-entropy on its
    logits and an "accuracy" metric, and train it on `images` `[n, height, width, colours]` with
    integer `labels` `[n]` for `epochs` epochs in batches of 32. Return `model`.

    Compile after changing what is trainable: compiling starts a new training step, built for
    the weights that are trainable now (a model trained before keeps the step it built). Only
    the top block's convolution weights and the head's weights may change; the lower blocks and
    every BatchNormalization statistic stay exactly as they were.
    Example: fine_tune(model, base, "block3_", images, labels, epochs=2, learning_rate=1e-4)
    -> model, whose model.optimizer.learning_rate is 1e-4.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("reuse unfreeze_block, then compile and fit again; a small learning rate keeps the pretrained weights close.")
