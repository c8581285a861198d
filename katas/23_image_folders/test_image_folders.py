"""Tests for kata 23. Oracles: tf.io.decode_jpeg and tf.image.resize on the same file, pictures
whose colour gives their class (the shape's colour is the brightest channel on average), the
folders' own file counts, a numpy softmax cross-entropy, and hand-set models whose logits are
known in closed form.

The pictures: 36x52 JPEGs (not square) of a red, green or blue circle, square or triangle on
a grey, noisy background, 80 per class, written here into a temporary folder. The training
test draws your learning curves to artifacts/23_image_folders_learning_curves.png.
"""

import hashlib
import shutil
from pathlib import Path

import keras
import numpy as np
import pytest
import tensorflow as tf
from keras import layers

from tfkatas.testing import assert_close, assert_dtype, assert_equal, assert_python_float, assert_shape

FILE_SHAPE = (36, 52)          # The JPEG files' height and width.
IMAGE_SIZE = (24, 40)          # What the datasets and the model use: not square, not Keras' 256x256.
CLASS_NAMES = ["blue", "green", "red"]
CHANNEL = {"red": 0, "green": 1, "blue": 2}
PER_CLASS = 80
BATCH_SIZE, VALIDATION_SPLIT, SPLIT_SEED = 16, 0.25, 7
TRAINING_FILES = 3 * PER_CLASS - int(VALIDATION_SPLIT * 3 * PER_CLASS)   # 180
VALIDATION_FILES = int(VALIDATION_SPLIT * 3 * PER_CLASS)                 # 60


def draw_picture(rng, colour, shape=FILE_SHAPE):
    """A uint8 [height, width, 3] picture: a shape of `colour` on a grey, noisy background."""
    height, width = shape
    picture = rng.uniform(70, 150, (height, width, 1)).repeat(3, axis=2) + rng.normal(0, 8, (height, width, 3))
    rows, columns = np.mgrid[:height, :width]
    size = rng.integers(8, 14)
    row, column = rng.integers(size, height - size), rng.integers(size, width - size)
    kind = rng.integers(3)
    if kind == 0:      # A circle.
        mask = (rows - row) ** 2 + (columns - column) ** 2 <= size ** 2
    elif kind == 1:    # A square.
        mask = (np.abs(rows - row) <= 0.8 * size) & (np.abs(columns - column) <= 0.8 * size)
    else:              # A triangle, point up.
        mask = (np.abs(rows - row) <= size) & (np.abs(columns - column) <= (rows - row + size) / 2)
    paint = rng.uniform(10, 60, 3)
    paint[CHANNEL[colour]] = rng.uniform(190, 250)
    picture[mask] = paint
    return np.clip(picture, 0, 255).astype(np.uint8)


def write_jpeg(picture, path):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(tf.io.encode_jpeg(picture, quality=90).numpy())
    return path


@pytest.fixture(scope="module")
def photos(tmp_path_factory):
    """photos/<colour>/<nnn>.jpg, 80 pictures per colour."""
    root = tmp_path_factory.mktemp("photos")
    rng = np.random.default_rng(31)
    for colour in ("red", "green", "blue"):    # Not alphabetical: the labels must be.
        for index in range(PER_CLASS):
            write_jpeg(draw_picture(rng, colour), root / colour / f"{index:03d}.jpg")
    return root


def decoded(path, size):
    """The oracle: the file decoded to RGB, resized bilinearly, as float32 0..255."""
    return tf.image.resize(tf.io.decode_jpeg(Path(path).read_bytes(), channels=3), size).numpy()


def colour_of(picture):
    """The class of a picture: the channel brightest on average (the shape's colour)."""
    return ["red", "green", "blue"][int(np.argmax(np.asarray(picture).mean(axis=(0, 1))))]


def all_batches(dataset, what):
    images, labels = [], []
    for batch_images, batch_labels in dataset:
        images.append(np.asarray(batch_images))
        labels.append(np.asarray(batch_labels))
    assert images, f"{what} yielded no batches"
    return np.concatenate(images), np.concatenate(labels)


# ----------------------------------------------------------------------------- load_image


def test_load_image_of_a_white_file_is_all_ones_in_the_requested_size(kata, tmp_path):
    path = write_jpeg(np.full(FILE_SHAPE + (3,), 255, np.uint8), tmp_path / "white.jpg")
    result = kata.load_image(str(path), IMAGE_SIZE)
    what = "load_image('white.jpg' (36x52, all 255), image_size (24, 40))"
    assert_shape(result, IMAGE_SIZE + (3,), what)
    assert_dtype(result, tf.float32, what)
    assert_close(result, np.ones(IMAGE_SIZE + (3,), np.float32), what + " (values divided by 255)", atol=1e-3)


def test_load_image_matches_decoding_and_a_bilinear_resize(kata, tmp_path):
    rng = np.random.default_rng(1)
    for index, colour in enumerate(("red", "blue")):
        path = write_jpeg(draw_picture(rng, colour), tmp_path / f"picture{index}.jpg")
        for size in ((24, 40), (45, 20)):
            result = kata.load_image(path, size)    # A pathlib.Path this time.
            assert_close(result, decoded(path, size) / 255.0,
                         f"load_image(Path('picture{index}.jpg'), {size}) (bilinear tf.image.resize, then / 255)",
                         rtol=1e-5, atol=1e-5)


def test_load_image_of_a_grayscale_file_has_three_equal_channels(kata, tmp_path):
    grey = np.random.default_rng(2).integers(0, 256, FILE_SHAPE + (1,)).astype(np.uint8)
    path = write_jpeg(grey, tmp_path / "grey.jpg")
    result = kata.load_image(str(path), IMAGE_SIZE)
    what = "load_image('grey.jpg' (a one-channel JPEG), (24, 40))"
    assert_shape(result, IMAGE_SIZE + (3,), what)
    values = np.asarray(result)
    assert_close(values[..., 1], values[..., 0], what + ": green channel against red")
    assert_close(values[..., 2], values[..., 0], what + ": blue channel against red")
    assert_close(values[..., 0], decoded(path, IMAGE_SIZE)[..., 0] / 255.0, what, rtol=1e-5, atol=1e-5)


# ----------------------------------------------------------------------------- image_datasets


def test_image_datasets_split_the_folders_into_batches_of_labelled_pictures(kata, photos):
    train, validation, class_names = kata.image_datasets(photos, IMAGE_SIZE, BATCH_SIZE, VALIDATION_SPLIT, SPLIT_SEED)
    call = f"image_datasets(photos, {IMAGE_SIZE}, {BATCH_SIZE}, {VALIDATION_SPLIT}, {SPLIT_SEED})"
    assert isinstance(class_names, list) and class_names == CLASS_NAMES, (
        f"{call} returned class_names {class_names!r}, expected the list {CLASS_NAMES} (folder names, alphabetical)")
    # Whole passes only: a dataset cached in memory keeps nothing from a pass that stopped early.
    batches = {name: [(tf.convert_to_tensor(x), tf.convert_to_tensor(y)) for x, y in dataset]
               for dataset, name in ((train, "training"), (validation, "validation"))}
    assert batches["training"], f"{call}: the training dataset yielded no batches"
    images, labels = batches["training"][0]
    assert_shape(images, (BATCH_SIZE, *IMAGE_SIZE, 3), call + ": the first training batch's images")
    assert_dtype(images, tf.float32, call + ": the first training batch's images")
    assert_shape(labels, (BATCH_SIZE,), call + ": the first training batch's labels (integer labels)")
    assert_dtype(labels, tf.int32, call + ": the first training batch's labels")
    assert 1.5 < float(tf.reduce_max(images)) <= 255.0, (
        f"{call}: the training images' largest value is {float(tf.reduce_max(images)):.3f}, expected pixel values "
        "0..255 (the model rescales them itself)")
    for name, expected in (("training", TRAINING_FILES), ("validation", VALIDATION_FILES)):
        count = sum(int(y.shape[0]) for _, y in batches[name])
        assert count == expected, (f"{call}: the {name} dataset holds {count} pictures, expected {expected} "
                                   f"of the {3 * PER_CLASS} files")


def test_image_datasets_hold_out_different_files_and_label_them_by_folder(kata, photos):
    train, validation, class_names = kata.image_datasets(photos, IMAGE_SIZE, BATCH_SIZE, VALIDATION_SPLIT, SPLIT_SEED)
    call = f"image_datasets(photos, ..., seed={SPLIT_SEED})"
    train_images, train_labels = all_batches(train, call + "'s training dataset")
    validation_images, validation_labels = all_batches(validation, call + "'s validation dataset")
    seen = {hashlib.sha1(picture.tobytes()).hexdigest() for picture in train_images}
    shared = sum(hashlib.sha1(picture.tobytes()).hexdigest() in seen for picture in validation_images)
    assert shared == 0, (f"{call}: {shared} of the {len(validation_images)} validation pictures are also in the "
                         "training dataset; use the same seed for both subsets so the split is disjoint")
    for images, labels, name in ((train_images, train_labels, "training"),
                                 (validation_images, validation_labels, "validation")):
        wrong = [index for index, (picture, label) in enumerate(zip(images, labels))
                 if CLASS_NAMES[int(label)] != colour_of(picture)]
        assert not wrong, (f"{call}: {len(wrong)} {name} pictures carry the wrong label; the first is a "
                           f"{colour_of(images[wrong[0]])} picture labelled {int(labels[wrong[0]])}, expected "
                           f"{CLASS_NAMES.index(colour_of(images[wrong[0]]))} (its folder's place in {CLASS_NAMES})")


def test_image_datasets_are_cached_then_prefetched_so_a_second_pass_needs_no_files(kata, photos, tmp_path):
    copy = tmp_path / "photos"
    for colour in CLASS_NAMES:   # 20 files per class are enough here.
        for path in sorted((photos / colour).glob("*.jpg"))[:20]:
            (copy / colour).mkdir(parents=True, exist_ok=True)
            shutil.copy(path, copy / colour / path.name)
    train, validation, _ = kata.image_datasets(copy, IMAGE_SIZE, 8, 0.4, 3)
    call = "image_datasets(photos (60 files), (24, 40), 8, 0.4, 3)"
    for dataset, name in ((train, "training"), (validation, "validation")):
        kind = type(dataset).__name__
        assert "Prefetch" in kind, (f"{call}: the {name} dataset's last step is {kind}, expected a prefetch "
                                    "(cache first, then prefetch)")
    first = [len(all_batches(dataset, call)[1]) for dataset in (train, validation)]
    shutil.rmtree(copy)    # A cached dataset no longer needs the files.
    try:
        second = [len(all_batches(dataset, call)[1]) for dataset in (train, validation)]
    except (tf.errors.NotFoundError, tf.errors.InvalidArgumentError) as error:
        raise AssertionError(f"{call}: after one full pass and the files deleted, a second pass read the disk "
                             f"again ({type(error).__name__}); expected the datasets cached in memory") from None
    assert second == first, f"{call}: a second pass gave {second} pictures (training, validation), the first {first}"


# ----------------------------------------------------------------------------- build_model


def flat_layers(model):
    """Every layer in order, looking inside nested Sequential blocks (an augmentation block)."""
    found = []
    for layer in model.layers:
        found.extend(flat_layers(layer) if hasattr(layer, "layers") else [layer])
    return found


def test_build_model_gives_logits_for_a_batch_of_pictures(kata):
    model = kata.build_model(IMAGE_SIZE, 5, dropout_rate=0.35, learning_rate=0.004)
    pictures = np.random.default_rng(3).uniform(0, 255, (7, *IMAGE_SIZE, 3)).astype(np.float32)
    logits = model(pictures, training=False)
    call = "build_model((24, 40), 5, 0.35, 0.004) on pictures [7, 24, 40, 3]"
    assert_shape(logits, (7, 5), call)
    sums = np.asarray(logits).sum(axis=1)
    assert np.abs(sums - 1).max() > 1e-3, (f"{call} gave rows that each sum to 1 ({sums.round(4)}): the last layer "
                                           "should give raw logits, with no softmax")


def test_build_model_augments_rescales_and_drops_out(kata):
    model = kata.build_model(IMAGE_SIZE, 5, dropout_rate=0.35, learning_rate=0.004)
    found = flat_layers(model)
    names = [type(layer).__name__ for layer in found]
    call = f"build_model((24, 40), 5, 0.35, 0.004) (layers {names})"
    assert "Conv2D" in names, f"{call} has no Conv2D layer"
    first_conv = names.index("Conv2D")
    for kind in ("RandomFlip", "RandomRotation", "Rescaling"):
        assert kind in names[:first_conv], f"{call}: expected a {kind} layer before the first Conv2D"
    rescaling = found[names.index("Rescaling")]
    assert abs(float(rescaling.scale) - 1 / 255) < 1e-7 and float(rescaling.offset) == 0.0, (
        f"{call}: Rescaling has scale {rescaling.scale} and offset {rescaling.offset}, expected 1/255 and 0")
    flip = found[names.index("RandomFlip")]
    assert flip.mode == "horizontal", f"{call}: RandomFlip has mode {flip.mode!r}, expected 'horizontal'"
    rates = [layer.rate for layer in found if isinstance(layer, layers.Dropout)]
    assert rates and all(abs(rate - 0.35) < 1e-9 for rate in rates), (
        f"{call}: Dropout rates {rates}, expected a Dropout layer with rate 0.35 (dropout_rate)")


def test_build_model_is_compiled_with_adam_and_the_cross_entropy_of_logits(kata):
    model = kata.build_model(IMAGE_SIZE, 3, dropout_rate=0.35, learning_rate=0.004)
    call = "build_model((24, 40), 3, 0.35, 0.004)"
    assert isinstance(model.optimizer, keras.optimizers.Adam), (
        f"{call} is compiled with {type(model.optimizer).__name__}, expected keras.optimizers.Adam")
    assert_close(float(model.optimizer.learning_rate), 0.004, call + ": the optimizer's learning rate", rtol=1e-6)
    rng = np.random.default_rng(4)
    pictures = rng.uniform(0, 255, (6, *IMAGE_SIZE, 3)).astype(np.float32)
    labels = np.array([0, 2, 1, 1, 0, 2], np.int32)
    logits = np.asarray(model(pictures, training=False), np.float64)
    log_probabilities = logits - logits.max(axis=1, keepdims=True)
    log_probabilities -= np.log(np.exp(log_probabilities).sum(axis=1, keepdims=True))
    expected_loss = -log_probabilities[np.arange(6), labels].mean()
    expected_accuracy = float((logits.argmax(axis=1) == labels).mean())
    scores = model.evaluate(pictures, labels, batch_size=6, verbose=0, return_dict=True)
    assert_close(scores["loss"], expected_loss, call + ": evaluate's loss (sparse cross-entropy of the logits)",
                 rtol=1e-4, atol=1e-6)
    assert "accuracy" in scores, f"{call}: evaluate reports {sorted(scores)}, expected an 'accuracy' metric"
    assert_close(scores["accuracy"], expected_accuracy, call + ": evaluate's accuracy", atol=1e-6)


# ----------------------------------------------------------------------------- predict_image

PREDICT_SIZE = (20, 30)


@pytest.fixture(scope="module")
def colour_model():
    """logits = 6 * (mean red, mean green, mean blue) of the picture scaled to [0, 1], through
    Flatten and Dense, so a picture of any other size cannot be fed to it."""
    height, width = PREDICT_SIZE
    model = keras.Sequential([keras.Input((height, width, 3)), layers.Rescaling(1 / 255), layers.Flatten(),
                              layers.Dense(3)])
    kernel = np.tile(6.0 / (height * width) * np.eye(3, dtype=np.float32), (height * width, 1))
    model.layers[-1].set_weights([kernel, np.zeros(3, np.float32)])
    return model


def test_predict_image_gives_the_most_probable_class_and_its_softmax_probability(kata, colour_model, tmp_path):
    rng = np.random.default_rng(5)
    names = ["rot", "grün", "blau"]    # Channel order: red, green, blue.
    for colour in ("green", "red", "blue", "red"):
        path = write_jpeg(draw_picture(rng, colour), tmp_path / f"{colour}.jpg")
        logits = 6.0 * decoded(path, PREDICT_SIZE).mean(axis=(0, 1)) / 255.0
        probabilities = np.exp(logits) / np.exp(logits).sum()
        best = int(np.argmax(probabilities))
        name, probability = kata.predict_image(colour_model, path, PREDICT_SIZE, names)
        call = f"predict_image(colour model, '{colour}.jpg', {PREDICT_SIZE}, {names}) (logits {logits.round(3)})"
        assert isinstance(name, str) and name == names[best], (
            f"{call} returned the class {name!r}, expected the str {names[best]!r}")
        assert_python_float(probability, float(probabilities[best]), call + "'s probability (softmax)", tol=1e-4)


# ----------------------------------------------------------------------------- train


def test_train_returns_one_number_per_epoch_for_training_and_validation(kata):
    keras.utils.set_random_seed(6)
    rng = np.random.default_rng(6)
    x = rng.normal(size=(40, 4, 6, 3)).astype(np.float32)
    y = rng.integers(0, 3, 40).astype(np.int32)
    train = tf.data.Dataset.from_tensor_slices((x[:30], y[:30])).batch(10)
    validation = tf.data.Dataset.from_tensor_slices((x[30:], y[30:])).batch(5)
    model = keras.Sequential([keras.Input((4, 6, 3)), layers.Flatten(), layers.Dense(3)])
    model.compile(keras.optimizers.SGD(0.1), keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    history = kata.train(model, train, validation, 3)
    call = "train(small model, 30 training pictures, 10 validation pictures, epochs=3)"
    assert isinstance(history, dict), f"{call} returned a {type(history).__name__}, expected a dict of lists"
    for key in ("loss", "accuracy", "val_loss", "val_accuracy"):
        assert key in history and len(history[key]) == 3, (
            f"{call}: history[{key!r}] is {history.get(key)!r}, expected a list of 3 numbers (one per epoch)")
    after = model.evaluate(x[30:], y[30:], verbose=0, return_dict=True)
    assert_close(history["val_loss"][-1], after["loss"], call + ": the last val_loss against the trained model's "
                 "loss on the validation pictures", rtol=1e-4, atol=1e-6)


# ----------------------------------------------------------------------------- all together


def test_the_cnn_learns_the_colours_from_the_folders_and_names_new_pictures(kata, photos, tmp_path):
    """Open artifacts/23_image_folders_learning_curves.png to see training against validation."""
    train, validation, class_names = kata.image_datasets(photos, IMAGE_SIZE, BATCH_SIZE, VALIDATION_SPLIT, SPLIT_SEED)
    model = kata.build_model(IMAGE_SIZE, len(class_names), dropout_rate=0.3, learning_rate=0.005)
    history = kata.train(model, train, validation, 6)
    path = kata.save_learning_curves(history)
    expected = Path(kata.ARTIFACTS_DIR) / "23_image_folders_learning_curves.png"
    assert Path(path) == expected, f"save_learning_curves wrote {path}, expected {expected}"
    picture = tf.io.decode_png(expected.read_bytes()).numpy()
    assert_shape(picture, (300, 480, 3), "the learning-curve PNG")
    for colour, name in (((31, 119, 180), "training (blue)"), ((255, 127, 14), "validation (orange)")):
        assert (picture == colour).all(axis=-1).sum() > 50, f"the learning-curve PNG has no {name} curve"
    accuracy = history["val_accuracy"][-1]
    assert accuracy >= 0.8, (f"after 6 epochs the validation accuracy is {accuracy:.3f} (per epoch: "
                             f"{np.round(history['val_accuracy'], 3).tolist()}), expected at least 0.8; see {expected}")
    rng = np.random.default_rng(8)
    right = 0
    for index, colour in enumerate(["red", "green", "blue"] * 2):
        new = write_jpeg(draw_picture(rng, colour), tmp_path / f"new{index}.jpg")
        name, probability = kata.predict_image(model, new, IMAGE_SIZE, class_names)
        right += name == colour and probability > 1 / 3
    assert right >= 5, f"the trained model named {right} of 6 new pictures right, expected at least 5"
