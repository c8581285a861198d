"""Kata 23 — Image classification from a folder.

The notes' flowers walkthrough and their small-dataset chapter, end to end: your pictures sit
on disk as JPEG files, one folder per class (`photos/red/001.jpg`, `photos/green/002.jpg`, ...).
Decode and resize one file by hand (read the bytes, decode the JPEG to RGB pixels, resize,
scale to [0, 1]); let `keras.utils.image_dataset_from_directory` build the training and
validation datasets from the folders, cached and prefetched; build a small CNN that rescales
its own input and fights overfitting with augmentation layers and dropout; train it; and ask
it which class one new picture belongs to, and how sure it is.

The tests write a few hundred small pictures of coloured shapes (a red, a green or a blue
shape on a grey background; the colour is the class) into a temporary folder, and draw your
learning curves to artifacts/23_image_folders_learning_curves.png.
Source: the notes' "keras使用示例（鲜花分类）" (003) and "图像增强训练小数据集" (000).

Run `make kata N=23` to test your answers, `make hint N=23` when stuck.
"""

from pathlib import Path

import keras
import numpy as np
import tensorflow as tf
from keras import layers
from PIL import Image, ImageDraw

# Pictures a learner opens go to the git-ignored artifacts/ folder at the repository root.
ARTIFACTS_DIR = Path(__file__).resolve().parents[2] / "artifacts"


def load_image(path, image_size):
    """One JPEG file as a float32 tensor `[height, width, 3]` with values in [0, 1].

    `path` is a str or a pathlib.Path; `image_size` is `(height, width)`. Read the file's
    bytes, decode them as a JPEG with 3 colour channels (a grayscale file gives 3 equal
    channels), resize to `image_size` with tf.image.resize (its default: bilinear, no
    antialiasing) and divide by 255.
    Example: a 36x52 JPEG that is pure white, image_size (24, 40) -> a [24, 40, 3] float32
    tensor of ones.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tf.io has a reader for a file's bytes and a JPEG decoder (mind its channels); tf.image resizes.")


def image_datasets(directory, image_size, batch_size, validation_split, seed):
    """Training and validation datasets from a folder with one subfolder of JPEGs per class.

    Use keras.utils.image_dataset_from_directory with integer labels (a class's label is the
    position of its folder name in alphabetical order), images resized to `image_size`
    `(height, width)`, batches of `batch_size`, and `validation_split` (a fraction) of the
    files held out for validation, chosen with `seed`: the same seed for both subsets, so
    that no file is in both. Then cache each dataset in memory and prefetch
    (tf.data.AUTOTUNE), in that order: after the first full pass the pictures come from
    memory, not from disk.

    Returns `(train_dataset, validation_dataset, class_names)`: each dataset yields
    `(images, labels)` with images float32 `[batch, height, width, 3]`, values 0..255 (not
    rescaled: the model does that) and labels int32 `[batch]`; class_names is the list of
    folder names in label order.
    Example: folders blue/ (80 files), green/ (80), red/ (80), validation_split 0.25 ->
    180 training and 60 validation pictures, class_names ["blue", "green", "red"].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("keras.utils.image_dataset_from_directory splits with validation_split, subset and seed; then Dataset.cache and Dataset.prefetch.")


def build_model(image_size, num_classes, dropout_rate=0.2, learning_rate=0.001):
    """A small CNN for pictures `[batch, height, width, 3]` with values 0..255, compiled.

    A keras.Sequential, in this order:
    keras.Input((height, width, 3)); the augmentation layers RandomFlip("horizontal") and
    RandomRotation(0.1) (they change pictures only while training); Rescaling(1 / 255);
    Conv2D(16, 3, padding="same", activation="relu"); MaxPooling2D();
    Conv2D(32, 3, padding="same", activation="relu"); MaxPooling2D();
    Dropout(dropout_rate); GlobalAveragePooling2D(); Dense(num_classes) (raw logits, no softmax).
    Compile with keras.optimizers.Adam(learning_rate),
    keras.losses.SparseCategoricalCrossentropy(from_logits=True) and metrics=["accuracy"].
    Example: build_model((24, 40), 3) on images [5, 24, 40, 3] -> logits [5, 3].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("a keras.Sequential of the listed layers (the preprocessing ones live in keras.layers too), then compile.")


def train(model, train_dataset, validation_dataset, epochs):
    """Fit the compiled `model` on `train_dataset` for `epochs` epochs, evaluating on
    `validation_dataset` after each, and return the history as a dict of lists: one number
    per epoch under "loss", "accuracy", "val_loss" and "val_accuracy".

    Example: train(model, train, validation, 3)["val_accuracy"] -> [0.45, 0.8, 0.95].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("Model.fit takes validation data and returns a History whose .history is the dict.")


def predict_image(model, path, image_size, class_names):
    """The class of the picture in the JPEG file `path`, as `(class_name, probability)`: a
    Python str and a Python float.

    Load the file with load_image, feed it to `model` as a batch of one with the 0..255
    values the model was trained on (255 * load_image(...)), turn the logits into
    probabilities with a softmax, and return the most probable class's name (from
    `class_names`) and its probability.
    Example: logits [2.0, 0.0, 0.0] with class_names ["blue", "green", "red"] ->
    ("blue", 0.787) (e**2 / (e**2 + 2)).
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("add a batch axis, tf.nn.softmax the logits, then argmax; convert to Python types.")


def save_learning_curves(history, path=ARTIFACTS_DIR / "23_image_folders_learning_curves.png",
                         height=300, width=480):
    """Given: draws history["accuracy"] (blue) and history["val_accuracy"] (orange) per epoch
    on white, with labelled axes ("epoch" across, "accuracy" up, 0 to 1), and saves the
    picture as a `height` x `width` RGB PNG at `path`; returns the path as a pathlib.Path.

    Open the file to see whether your model overfits: training accuracy far above
    validation accuracy is the sign.
    """
    left, right, top, bottom = 60, 20, 30, 40
    picture = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(picture)
    draw.line([(left, top), (left, height - bottom), (width - right, height - bottom)], fill=(64, 64, 64))
    draw.text((width // 2 - 15, height - bottom + 20), "epoch", fill="black")
    draw.text((5, top + (height - top - bottom) // 2), "accuracy", fill="black")
    draw.text((left - 20, top - 5), "1", fill="black")
    draw.text((left - 20, height - bottom - 5), "0", fill="black")
    curves = (("accuracy", (31, 119, 180), "training"), ("val_accuracy", (255, 127, 14), "validation"))
    for row, (key, colour, label) in enumerate(curves):
        values = np.clip(np.asarray(history[key], np.float64), 0.0, 1.0)
        epochs = np.arange(1, len(values) + 1)
        xs = left + (epochs - 1) / max(len(values) - 1, 1) * (width - left - right)
        ys = height - bottom - values * (height - top - bottom)
        points = [(float(x), float(y)) for x, y in zip(xs, ys)]
        if len(points) > 1:
            draw.line(points, fill=colour, width=3)
        for x, y in points:
            draw.ellipse([x - 3, y - 3, x + 3, y + 3], fill=colour)
        draw.text((width - right - 90, height - bottom - 40 + 15 * row), label, fill=colour)
    for epoch in range(1, len(history["accuracy"]) + 1):
        x = left + (epoch - 1) / max(len(history["accuracy"]) - 1, 1) * (width - left - right)
        draw.text((x - 3, height - bottom + 5), str(epoch), fill="black")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(tf.io.encode_png(np.asarray(picture)).numpy())
    return path
