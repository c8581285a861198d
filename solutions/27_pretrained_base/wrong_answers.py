"""Plausible wrong answers to kata 27; `make check` proves the tests catch every one."""

import keras
import numpy as np
from keras import layers

from tfkatas.wrong import wrong_answer


@wrong_answer("vgg16_base", "adds global average pooling (pooling='avg'): vectors, not feature maps")
def vgg16_base_average_pooling(input_shape):
    return keras.applications.VGG16(weights=None, include_top=False, input_shape=input_shape, pooling="avg")


@wrong_answer("vgg16_base", "builds VGG19 (16 convolutions) instead of VGG16")
def vgg16_base_builds_vgg19(input_shape):
    return keras.applications.VGG19(weights=None, include_top=False, input_shape=input_shape)


@wrong_answer("extract_features", "calls the base with training=True: BatchNormalization uses the batch's statistics")
def extract_features_training_mode(base, images, batch_size=32):
    chunks = [base(images[start:start + batch_size], training=True) for start in range(0, len(images), batch_size)]
    return np.concatenate([np.asarray(chunk) for chunk in chunks]).astype(np.float32)


@wrong_answer("extract_features", "returns the tf.Tensor of one call instead of a numpy array")
def extract_features_returns_tensor(base, images, batch_size=32):
    return base(images, training=False)


@wrong_answer("extract_features", "ignores batch_size (predict's default batches of 32)")
def extract_features_ignores_batch_size(base, images, batch_size=32):
    return np.asarray(base.predict(images, verbose=0), np.float32)


@wrong_answer("train_head", "a softmax on the Dense layer: probabilities, not logits")
def train_head_softmax_outputs(features, labels, classes, epochs=20, learning_rate=1e-2):
    inputs = keras.Input(features.shape[1:])
    head = keras.Model(inputs, layers.Dense(classes, activation="softmax")(layers.GlobalAveragePooling2D()(inputs)))
    head.compile(keras.optimizers.Adam(learning_rate), keras.losses.SparseCategoricalCrossentropy(), metrics=["accuracy"])
    head.fit(features, labels, epochs=epochs, batch_size=32, verbose=0)
    return head


@wrong_answer("train_head", "Flatten instead of GlobalAveragePooling2D: one weight per position and channel")
def train_head_flattens(features, labels, classes, epochs=20, learning_rate=1e-2):
    inputs = keras.Input(features.shape[1:])
    head = keras.Model(inputs, layers.Dense(classes)(layers.Flatten()(inputs)))
    head.compile(keras.optimizers.Adam(learning_rate), keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                 metrics=["accuracy"])
    head.fit(features, labels, epochs=epochs, batch_size=32, verbose=0)
    return head


@wrong_answer("train_head", "ignores learning_rate (Adam's default 1e-3)")
def train_head_default_learning_rate(features, labels, classes, epochs=20, learning_rate=1e-2):
    inputs = keras.Input(features.shape[1:])
    head = keras.Model(inputs, layers.Dense(classes)(layers.GlobalAveragePooling2D()(inputs)))
    head.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                 metrics=["accuracy"])
    head.fit(features, labels, epochs=epochs, batch_size=32, verbose=0)
    return head


@wrong_answer("train_head", "trains one epoch whatever epochs says")
def train_head_one_epoch(features, labels, classes, epochs=20, learning_rate=1e-2):
    inputs = keras.Input(features.shape[1:])
    head = keras.Model(inputs, layers.Dense(classes)(layers.GlobalAveragePooling2D()(inputs)))
    head.compile(keras.optimizers.Adam(learning_rate), keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                 metrics=["accuracy"])
    head.fit(features, labels, epochs=1, batch_size=32, verbose=0)
    return head


@wrong_answer("train_head", "the loss without from_logits=True, on a Dense layer that outputs logits")
def train_head_loss_without_from_logits(features, labels, classes, epochs=20, learning_rate=1e-2):
    inputs = keras.Input(features.shape[1:])
    head = keras.Model(inputs, layers.Dense(classes)(layers.GlobalAveragePooling2D()(inputs)))
    head.compile(keras.optimizers.Adam(learning_rate), "sparse_categorical_crossentropy", metrics=["accuracy"])
    head.fit(features, labels, epochs=epochs, batch_size=32, verbose=0)
    return head


@wrong_answer("train_head", "RMSprop, the notes' optimizer, instead of Adam")
def train_head_rmsprop(features, labels, classes, epochs=20, learning_rate=1e-2):
    inputs = keras.Input(features.shape[1:])
    head = keras.Model(inputs, layers.Dense(classes)(layers.GlobalAveragePooling2D()(inputs)))
    head.compile(keras.optimizers.RMSprop(learning_rate),
                 keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    head.fit(features, labels, epochs=epochs, batch_size=32, verbose=0)
    return head


@wrong_answer("stack_on_base", "forgets to freeze the base: its weights train along with the head")
def stack_on_base_not_frozen(base, head):
    inputs = keras.Input(base.inputs[0].shape[1:])
    return keras.Model(inputs, head(base(inputs, training=False)))


@wrong_answer("stack_on_base", "a new Dense layer instead of the trained head")
def stack_on_base_new_head(base, head):
    base.trainable = False
    inputs = keras.Input(base.inputs[0].shape[1:])
    pooled = layers.GlobalAveragePooling2D()(base(inputs, training=False))
    return keras.Model(inputs, layers.Dense(head.outputs[0].shape[-1])(pooled))


@wrong_answer("unfreeze_block", "opens the BatchNormalization layers of the block too")
def unfreeze_block_with_batch_normalization(base, prefix):
    base.trainable = True
    for layer in base.layers:
        layer.trainable = layer.name.startswith(prefix)
    return [layer.name for layer in base.layers if layer.trainable_weights]


@wrong_answer("unfreeze_block", "sets the layers but not base.trainable = True (the frozen base hides them)")
def unfreeze_block_base_stays_frozen(base, prefix):
    for layer in base.layers:
        layer.trainable = layer.name.startswith(prefix) and not isinstance(layer, layers.BatchNormalization)
    return [layer.name for layer in base.layers if layer.trainable_weights]


@wrong_answer("unfreeze_block", "returns every layer of the block, pooling and activation layers included")
def unfreeze_block_names_every_layer(base, prefix):
    base.trainable = True
    for layer in base.layers:
        layer.trainable = layer.name.startswith(prefix) and not isinstance(layer, layers.BatchNormalization)
    return [layer.name for layer in base.layers if layer.name.startswith(prefix)]


@wrong_answer("fine_tune", "unfreezes the whole base, lower blocks included")
def fine_tune_whole_base(model, base, prefix, images, labels, epochs=2, learning_rate=1e-4):
    base.trainable = True
    model.compile(keras.optimizers.Adam(learning_rate), keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    model.fit(images, labels, epochs=epochs, batch_size=32, verbose=0)
    return model


@wrong_answer("fine_tune", "unfreezes the top block with its BatchNormalization layer")
def fine_tune_block_with_batch_normalization(model, base, prefix, images, labels, epochs=2, learning_rate=1e-4):
    base.trainable = True
    for layer in base.layers:
        layer.trainable = layer.name.startswith(prefix)
    model.compile(keras.optimizers.Adam(learning_rate), keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    model.fit(images, labels, epochs=epochs, batch_size=32, verbose=0)
    return model


@wrong_answer("fine_tune", "fine-tunes at Adam's default learning rate, not the low one asked for")
def fine_tune_default_learning_rate(model, base, prefix, images, labels, epochs=2, learning_rate=1e-4):
    unfreeze_block(base, prefix)
    model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    model.fit(images, labels, epochs=epochs, batch_size=32, verbose=0)
    return model


@wrong_answer("fine_tune", "never unfreezes the block: only the head trains")
def fine_tune_head_only(model, base, prefix, images, labels, epochs=2, learning_rate=1e-4):
    model.compile(keras.optimizers.Adam(learning_rate), keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    model.fit(images, labels, epochs=epochs, batch_size=32, verbose=0)
    return model


@wrong_answer("fine_tune", "trains one epoch whatever epochs says")
def fine_tune_one_epoch(model, base, prefix, images, labels, epochs=2, learning_rate=1e-4):
    unfreeze_block(base, prefix)
    model.compile(keras.optimizers.Adam(learning_rate), keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    model.fit(images, labels, epochs=1, batch_size=32, verbose=0)
    return model
