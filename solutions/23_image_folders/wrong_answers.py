"""Plausible wrong answers to kata 23; `make check` proves the tests catch every one."""

import keras
import numpy as np
import tensorflow as tf
from keras import layers

from tfkatas.wrong import wrong_answer

# ----------------------------------------------------------------------------- load_image


@wrong_answer("load_image", "forgets to divide by 255: values stay 0..255")
def forgets_divide_by_255(path, image_size):
    pixels = tf.io.decode_jpeg(tf.io.read_file(str(path)), channels=3)
    return tf.image.resize(pixels, image_size)


@wrong_answer("load_image", "resizes to (width, height): the image comes back transposed in shape")
def resizes_width_height_swapped(path, image_size):
    pixels = tf.io.decode_jpeg(tf.io.read_file(str(path)), channels=3)
    height, width = image_size
    return tf.image.resize(pixels, (width, height)) / 255.0


@wrong_answer("load_image", "nearest-neighbour resizing instead of bilinear")
def nearest_neighbour_resizing(path, image_size):
    pixels = tf.io.decode_jpeg(tf.io.read_file(str(path)), channels=3)
    return tf.cast(tf.image.resize(pixels, image_size, method="nearest"), tf.float32) / 255.0


@wrong_answer("load_image", "decodes with the file's own channels: a grayscale JPEG gives one channel")
def decodes_file_own_channels(path, image_size):
    pixels = tf.io.decode_jpeg(tf.io.read_file(str(path)))
    return tf.image.resize(pixels, image_size) / 255.0


@wrong_answer("load_image", "casts to float and divides by 255 but never resizes")
def never_resizes(path, image_size):
    pixels = tf.io.decode_jpeg(tf.io.read_file(str(path)), channels=3)
    return tf.cast(pixels, tf.float32) / 255.0


# ----------------------------------------------------------------------------- image_datasets


@wrong_answer("image_datasets", "a different seed for each subset: some files land in both")
def different_seed_each_subset(directory, image_size, batch_size, validation_split, seed):
    train = keras.utils.image_dataset_from_directory(
        directory, validation_split=validation_split, subset="training", seed=seed,
        image_size=image_size, batch_size=batch_size)
    validation = keras.utils.image_dataset_from_directory(
        directory, validation_split=validation_split, subset="validation", seed=seed + 1,
        image_size=image_size, batch_size=batch_size)
    class_names = list(train.class_names)
    return train.cache().prefetch(tf.data.AUTOTUNE), validation.cache().prefetch(tf.data.AUTOTUNE), class_names


@wrong_answer("image_datasets", "forgets cache(): every epoch reads and decodes the files again")
def forgets_cache(directory, image_size, batch_size, validation_split, seed):
    train, validation = keras.utils.image_dataset_from_directory(
        directory, validation_split=validation_split, subset="both", seed=seed,
        image_size=image_size, batch_size=batch_size)
    class_names = list(train.class_names)
    return train.prefetch(tf.data.AUTOTUNE), validation.prefetch(tf.data.AUTOTUNE), class_names


@wrong_answer("image_datasets", "prefetch, then cache: the wrong order")
def prefetch_then_cache(directory, image_size, batch_size, validation_split, seed):
    train, validation = keras.utils.image_dataset_from_directory(
        directory, validation_split=validation_split, subset="both", seed=seed,
        image_size=image_size, batch_size=batch_size)
    class_names = list(train.class_names)
    return train.prefetch(tf.data.AUTOTUNE).cache(), validation.prefetch(tf.data.AUTOTUNE).cache(), class_names


@wrong_answer("image_datasets", "keeps Keras' default image size (256x256)")
def default_image_size(directory, image_size, batch_size, validation_split, seed):
    train, validation = keras.utils.image_dataset_from_directory(
        directory, validation_split=validation_split, subset="both", seed=seed, batch_size=batch_size)
    class_names = list(train.class_names)
    return train.cache().prefetch(tf.data.AUTOTUNE), validation.cache().prefetch(tf.data.AUTOTUNE), class_names


@wrong_answer("image_datasets", "one-hot labels (label_mode='categorical') where integer labels were asked")
def one_hot_labels(directory, image_size, batch_size, validation_split, seed):
    train, validation = keras.utils.image_dataset_from_directory(
        directory, label_mode="categorical", validation_split=validation_split, subset="both", seed=seed,
        image_size=image_size, batch_size=batch_size)
    class_names = list(train.class_names)
    return train.cache().prefetch(tf.data.AUTOTUNE), validation.cache().prefetch(tf.data.AUTOTUNE), class_names


@wrong_answer("image_datasets", "rescales to [0, 1] in the dataset as ImageDataGenerator(rescale=1./255) did")
def rescales_in_the_dataset(directory, image_size, batch_size, validation_split, seed):
    train, validation = keras.utils.image_dataset_from_directory(
        directory, validation_split=validation_split, subset="both", seed=seed,
        image_size=image_size, batch_size=batch_size)
    class_names = list(train.class_names)
    train, validation = (dataset.map(lambda x, y: (x / 255.0, y)) for dataset in (train, validation))
    return train.cache().prefetch(tf.data.AUTOTUNE), validation.cache().prefetch(tf.data.AUTOTUNE), class_names


@wrong_answer("image_datasets", "class names in the order the folders were made, not alphabetical")
def class_names_unsorted(directory, image_size, batch_size, validation_split, seed):
    train, validation = keras.utils.image_dataset_from_directory(
        directory, validation_split=validation_split, subset="both", seed=seed,
        image_size=image_size, batch_size=batch_size)
    class_names = sorted(train.class_names, reverse=True)
    return train.cache().prefetch(tf.data.AUTOTUNE), validation.cache().prefetch(tf.data.AUTOTUNE), class_names


# ----------------------------------------------------------------------------- build_model


@wrong_answer("build_model", "ends in a softmax while the loss expects logits")
def ends_in_softmax(image_size, num_classes, dropout_rate=0.2, learning_rate=0.001):
    height, width = image_size
    model = keras.Sequential([
        keras.Input((height, width, 3)), layers.RandomFlip("horizontal"), layers.RandomRotation(0.1),
        layers.Rescaling(1.0 / 255),
        layers.Conv2D(16, 3, padding="same", activation="relu"), layers.MaxPooling2D(),
        layers.Conv2D(32, 3, padding="same", activation="relu"), layers.MaxPooling2D(),
        layers.Dropout(dropout_rate), layers.GlobalAveragePooling2D(), layers.Dense(num_classes, activation="softmax"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    return model


@wrong_answer("build_model", "no Rescaling layer: the convolutions see 0..255")
def no_rescaling_layer(image_size, num_classes, dropout_rate=0.2, learning_rate=0.001):
    height, width = image_size
    model = keras.Sequential([
        keras.Input((height, width, 3)), layers.RandomFlip("horizontal"), layers.RandomRotation(0.1),
        layers.Conv2D(16, 3, padding="same", activation="relu"), layers.MaxPooling2D(),
        layers.Conv2D(32, 3, padding="same", activation="relu"), layers.MaxPooling2D(),
        layers.Dropout(dropout_rate), layers.GlobalAveragePooling2D(), layers.Dense(num_classes),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    return model


@wrong_answer("build_model", "no augmentation layers")
def no_augmentation(image_size, num_classes, dropout_rate=0.2, learning_rate=0.001):
    height, width = image_size
    model = keras.Sequential([
        keras.Input((height, width, 3)), layers.Rescaling(1.0 / 255),
        layers.Conv2D(16, 3, padding="same", activation="relu"), layers.MaxPooling2D(),
        layers.Conv2D(32, 3, padding="same", activation="relu"), layers.MaxPooling2D(),
        layers.Dropout(dropout_rate), layers.GlobalAveragePooling2D(), layers.Dense(num_classes),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    return model


@wrong_answer("build_model", "Dropout at a fixed 0.5, ignoring dropout_rate")
def dropout_fixed_half(image_size, num_classes, dropout_rate=0.2, learning_rate=0.001):
    height, width = image_size
    model = keras.Sequential([
        keras.Input((height, width, 3)), layers.RandomFlip("horizontal"), layers.RandomRotation(0.1),
        layers.Rescaling(1.0 / 255),
        layers.Conv2D(16, 3, padding="same", activation="relu"), layers.MaxPooling2D(),
        layers.Conv2D(32, 3, padding="same", activation="relu"), layers.MaxPooling2D(),
        layers.Dropout(0.5), layers.GlobalAveragePooling2D(), layers.Dense(num_classes),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    return model


@wrong_answer("build_model", "the loss by name ('sparse_categorical_crossentropy') expects probabilities, not logits")
def loss_by_name_expects_probabilities(image_size, num_classes, dropout_rate=0.2, learning_rate=0.001):
    height, width = image_size
    model = keras.Sequential([
        keras.Input((height, width, 3)), layers.RandomFlip("horizontal"), layers.RandomRotation(0.1),
        layers.Rescaling(1.0 / 255),
        layers.Conv2D(16, 3, padding="same", activation="relu"), layers.MaxPooling2D(),
        layers.Conv2D(32, 3, padding="same", activation="relu"), layers.MaxPooling2D(),
        layers.Dropout(dropout_rate), layers.GlobalAveragePooling2D(), layers.Dense(num_classes),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    return model


@wrong_answer("build_model", "compiles with optimizer='adam': the default learning rate, not learning_rate")
def adam_by_name_default_rate(image_size, num_classes, dropout_rate=0.2, learning_rate=0.001):
    height, width = image_size
    model = keras.Sequential([
        keras.Input((height, width, 3)), layers.RandomFlip("horizontal"), layers.RandomRotation(0.1),
        layers.Rescaling(1.0 / 255),
        layers.Conv2D(16, 3, padding="same", activation="relu"), layers.MaxPooling2D(),
        layers.Conv2D(32, 3, padding="same", activation="relu"), layers.MaxPooling2D(),
        layers.Dropout(dropout_rate), layers.GlobalAveragePooling2D(), layers.Dense(num_classes),
    ])
    model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    return model


# ----------------------------------------------------------------------------- train


@wrong_answer("train", "returns the History object instead of its dict")
def returns_history_object(model, train_dataset, validation_dataset, epochs):
    return model.fit(train_dataset, validation_data=validation_dataset, epochs=epochs, verbose=0)


@wrong_answer("train", "validates on the training data")
def validates_on_training_data(model, train_dataset, validation_dataset, epochs):
    return model.fit(train_dataset, validation_data=train_dataset, epochs=epochs, verbose=0).history


@wrong_answer("train", "trains one epoch whatever epochs says")
def trains_one_epoch(model, train_dataset, validation_dataset, epochs):
    return model.fit(train_dataset, validation_data=validation_dataset, verbose=0).history


# ----------------------------------------------------------------------------- predict_image


@wrong_answer("predict_image", "feeds the [0, 1] pixels of load_image to a model trained on 0..255")
def feeds_unit_range_pixels(model, path, image_size, class_names):
    logits = model(load_image(path, image_size)[None], training=False)[0]
    probabilities = tf.nn.softmax(logits).numpy()
    best = int(np.argmax(probabilities))
    return class_names[best], float(probabilities[best])


@wrong_answer("predict_image", "returns the largest logit as the probability (no softmax)")
def largest_logit_no_softmax(model, path, image_size, class_names):
    logits = model(255.0 * load_image(path, image_size)[None], training=False)[0].numpy()
    best = int(np.argmax(logits))
    return class_names[best], float(logits[best])


@wrong_answer("predict_image", "returns the class index instead of its name")
def returns_class_index(model, path, image_size, class_names):
    logits = model(255.0 * load_image(path, image_size)[None], training=False)[0]
    probabilities = tf.nn.softmax(logits).numpy()
    best = int(np.argmax(probabilities))
    return best, float(probabilities[best])


@wrong_answer("predict_image", "returns a numpy float32 instead of a Python float")
def returns_numpy_float32(model, path, image_size, class_names):
    logits = model(255.0 * load_image(path, image_size)[None], training=False)[0]
    probabilities = tf.nn.softmax(logits).numpy()
    best = int(np.argmax(probabilities))
    return class_names[best], probabilities[best]


@wrong_answer("predict_image", "a sigmoid per class instead of a softmax over the classes")
def sigmoid_instead_of_softmax(model, path, image_size, class_names):
    logits = model(255.0 * load_image(path, image_size)[None], training=False)[0]
    probabilities = tf.sigmoid(logits).numpy()
    best = int(np.argmax(probabilities))
    return class_names[best], float(probabilities[best])
