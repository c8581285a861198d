"""Tests for kata 36. Oracles: TensorBoard's own event-file reader (EventAccumulator, the code
behind `tensorboard --logdir`), PNG decoding with tf.io.decode_png, a numpy gradient-descent loop
and Keras' History. Every file goes to pytest's temporary directory, never into the repository."""

import os

import keras
import numpy as np
import pytest
import tensorflow as tf
from keras import layers
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

from tfkatas.testing import assert_close, assert_equal


def load_events(logdir):
    """TensorBoard's reader on logdir, keeping every event (size 0 = no sampling)."""
    accumulator = EventAccumulator(str(logdir), size_guidance={"tensors": 0, "images": 0, "scalars": 0})
    accumulator.Reload()
    return accumulator


def tensor_tags(accumulator):
    """TF2 summaries (scalars, images, histograms alike) are tensors to the plain reader."""
    return sorted(accumulator.Tags()["tensors"])


def plugin(accumulator, tag):
    """The TensorBoard dashboard that draws `tag` ("scalars", "images", "histograms")."""
    return accumulator.SummaryMetadata(tag).plugin_data.plugin_name


def series(accumulator, tag):
    """[(step, numpy value)] of every event tagged `tag`."""
    return [(event.step, tf.make_ndarray(event.tensor_proto)) for event in accumulator.Tensors(tag)]


@pytest.fixture
def writer(tmp_path):
    """A file writer on tmp_path, left open as a training program would keep it."""
    file_writer = tf.summary.create_file_writer(str(tmp_path))
    yield file_writer
    file_writer.close()


def test_log_scalars_writes_value_i_at_step_i(kata, tmp_path, writer):
    values = [0.9, 0.55, 0.31, 0.2, 0.18]
    kata.log_scalars(writer, "loss", values)
    events = load_events(tmp_path)
    assert tensor_tags(events) == ["loss"], (
        f"after log_scalars(writer, 'loss', 5 values) the event file holds tags {tensor_tags(events)}, expected "
        "['loss']: write inside `with writer.as_default():` (outside it there is no default writer)")
    logged = series(events, "loss")
    assert [step for step, _ in logged] == [0, 1, 2, 3, 4], (
        f"log_scalars wrote steps {[step for step, _ in logged]}, expected [0, 1, 2, 3, 4] (value i at step i)")
    assert plugin(events, "loss") == "scalars", (
        f"the 'loss' summary is drawn by the {plugin(events, 'loss')!r} plugin, expected 'scalars' (tf.summary.scalar)")
    assert_close([value for _, value in logged], np.float32(values), "the values log_scalars wrote")


def test_log_scalars_leaves_the_writer_open_for_more(kata, tmp_path, writer):
    kata.log_scalars(writer, "loss", [0.9, 0.5, 0.3])
    kata.log_scalars(writer, "accuracy", [0.25, 0.75])  # The same writer, passed again.
    events = load_events(tmp_path)
    assert tensor_tags(events) == ["accuracy", "loss"], (
        f"after log_scalars(writer, 'loss', ...) then log_scalars(writer, 'accuracy', ...) the event file holds tags "
        f"{tensor_tags(events)}, expected ['accuracy', 'loss']: the writer must stay open (flush it, never close it)")
    assert [step for step, _ in series(events, "accuracy")] == [0, 1], "the second call's steps should be [0, 1]"
    assert_close([value for _, value in series(events, "accuracy")], np.float32([0.25, 0.75]),
                 "the values the second log_scalars call wrote")


def test_log_images_writes_scaled_grey_images_at_the_step(kata, tmp_path, writer):
    pixels = np.random.default_rng(1).uniform(0, 255, (5, 6, 7)).astype(np.float32)
    pixels[0, 0, :3] = [0.0, 255.0, 128.0]
    kata.log_images(writer, "digits", tf.constant(pixels), step=4, max_outputs=4)
    events = load_events(tmp_path)
    assert tensor_tags(events) == ["digits"], (
        f"log_images(writer, 'digits', ...) left tags {tensor_tags(events)}, expected ['digits'] (written inside writer.as_default())")
    logged = series(events, "digits")
    assert [step for step, _ in logged] == [4], f"log_images(..., step=4) wrote steps {[s for s, _ in logged]}, expected [4]"
    assert plugin(events, "digits") == "images", (
        f"'digits' is drawn by the {plugin(events, 'digits')!r} plugin, expected 'images' (tf.summary.image)")
    stored = logged[0][1]  # TensorBoard's image format: [width, height, png, png, ...]
    assert len(stored) == 2 + 4, (
        f"the image summary holds {len(stored) - 2} images, expected 4 (max_outputs=4 of 5 images)")
    assert list(stored[:2]) == [b"7", b"6"], (
        f"the image summary says width, height = {list(stored[:2])}, expected [b'7', b'6'] (images [6, 7] are "
        "6 rows of 7 pixels: 7 wide, 6 high)")
    for index in range(4):
        decoded = tf.io.decode_png(stored[2 + index])
        # Within 1 grey level: the float-to-uint8 conversion may round either way.
        assert_close(decoded, pixels[index][..., None], f"stored image {index} decoded (one grey channel, "
                     "pixel values as in `pixels`; floats must be scaled to [0, 1])", rtol=0, atol=1.0)


def test_log_weight_histograms_writes_one_histogram_per_weight(kata, tmp_path, writer):
    model = keras.Sequential([keras.Input((4,)), layers.Dense(3, name="hidden"), layers.BatchNormalization(name="norm"),
                              layers.Dense(2, name="output")], name="classifier")
    rng = np.random.default_rng(2)
    model.set_weights([rng.normal(size=weight.shape).astype(np.float32) for weight in model.weights])
    kata.log_weight_histograms(writer, model, step=7)
    events = load_events(tmp_path)
    expected_tags = sorted(["classifier/hidden/kernel", "classifier/hidden/bias",
                            "classifier/norm/gamma", "classifier/norm/beta",   # BatchNormalization's weights:
                            "classifier/norm/moving_mean", "classifier/norm/moving_variance",   # 2 not trainable.
                            "classifier/output/kernel", "classifier/output/bias"])
    assert tensor_tags(events) == expected_tags, (
        f"log_weight_histograms wrote tags {tensor_tags(events)}, expected {expected_tags} (each weight's .path)")
    for weight in model.weights:
        logged = series(events, weight.path)
        assert [step for step, _ in logged] == [7] and plugin(events, weight.path) == "histograms", (
            f"{weight.path!r}: steps {[s for s, _ in logged]}, plugin {plugin(events, weight.path)!r}; "
            "expected [7] and 'histograms' (tf.summary.histogram)")
        buckets = logged[0][1]  # [bucket, (left edge, right edge, count)]
        values = weight.numpy()
        assert buckets[:, 2].sum() == values.size, (
            f"the {weight.path!r} histogram counts {buckets[:, 2].sum():g} numbers, expected {values.size}")
        assert_close([buckets[0, 0], buckets[-1, 1]], [values.min(), values.max()],
                     f"the {weight.path!r} histogram's range (smallest, largest weight)")


def test_read_scalars_reads_one_tag_from_every_event_file_sorted_by_step(kata, tmp_path):
    # Two writers on one folder make two event files, as two runs of a program would.
    # The second run logs step 0 again: both events are kept (both 1.0, so their order does not matter).
    for steps in ([0, 1, 2], [5, 3, 0]):
        file_writer = tf.summary.create_file_writer(str(tmp_path))
        with file_writer.as_default():
            for step in steps:
                tf.summary.scalar("loss", 1.0 / (step + 1), step=step)
                tf.summary.scalar("accuracy", 0.1 * step + 0.05, step=step)
        file_writer.close()
    # Another run's event file in a sub-folder is not "directly in logdir".
    other_writer = tf.summary.create_file_writer(str(tmp_path / "other_run"))
    with other_writer.as_default():
        tf.summary.scalar("loss", 99.0, step=4)
    other_writer.close()
    assert len(os.listdir(tmp_path)) == 3, "the test expected two event files and one sub-folder"
    result = kata.read_scalars(str(tmp_path), "loss")
    steps = [pair[0] for pair in result] if isinstance(result, list) else result
    assert isinstance(result, list) and steps == [0, 0, 1, 2, 3, 5], (
        f"read_scalars(logdir, 'loss') returned steps {steps!r}, expected [0, 0, 1, 2, 3, 5] "
        "(only the 'loss' tag, from both event files directly in logdir, every event kept, sorted by step)")
    for step, value in result:
        assert isinstance(step, int) and isinstance(value, float), (
            f"read_scalars gave ({step!r}, {value!r}); expected a Python int step and a Python float value")
    assert_close([value for _, value in result], [1.0, 1.0, 1 / 2, 1 / 3, 1 / 4, 1 / 6],
                 "read_scalars(logdir, 'loss') values (TF2 summaries keep the number in value.tensor, "
                 "not value.simple_value)")


def test_train_and_log_logs_the_loss_before_each_update(kata, tmp_path):
    rng = np.random.default_rng(3)
    x = rng.uniform(-1, 1, (64, 3)).astype(np.float32)
    y = (x @ np.float32([2.0, -1.0, 0.5]) + 0.3 + rng.normal(0, 0.1, 64)).astype(np.float32)
    # Oracle: the same gradient descent in float64 numpy, loss taken before each update.
    w, b, expected = np.zeros(3), 0.0, []
    for _ in range(40):
        residual = x @ w + b - y
        expected.append(np.mean(residual ** 2))
        w, b = w - 0.2 * 2 * x.T @ residual / 64, b - 0.2 * 2 * residual.mean()
    losses = kata.train_and_log(str(tmp_path), tf.constant(x), tf.constant(y), 40, 0.2)
    assert isinstance(losses, list) and len(losses) == 40 and all(isinstance(v, float) for v in losses), (
        f"train_and_log(..., steps=40) returned {type(losses).__name__} "
        f"{[type(v).__name__ for v in losses[:2]] if isinstance(losses, list) else ''}, "
        "expected a list of 40 Python floats")
    assert_close(losses, expected, "train_and_log's returned losses (loss before each update)", rtol=1e-4)
    events = load_events(tmp_path)
    logged = series(events, "loss") if "loss" in tensor_tags(events) else []
    assert [step for step, _ in logged] == list(range(40)), (
        f"train_and_log wrote 'loss' at steps {[s for s, _ in logged][:5]}... ({len(logged)} events), "
        "expected steps 0..39")
    assert_close([value for _, value in logged], np.float32(losses), "the logged losses against the returned ones")


def test_fit_with_tensorboard_writes_train_and_validation_epoch_loss(kata, tmp_path):
    rng = np.random.default_rng(4)
    x = rng.normal(size=(80, 3)).astype(np.float32)
    y = (x @ np.float32([[1.0], [-2.0], [0.5]])).astype(np.float32)
    model = keras.Sequential([keras.Input((3,)), layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss="mse")
    history = kata.fit_with_tensorboard(str(tmp_path), model, x, y, 3)
    assert isinstance(history, keras.callbacks.History), (
        f"fit_with_tensorboard returned {type(history).__name__}, expected the History that model.fit returns")
    folders = sorted(entry.name for entry in tmp_path.iterdir() if entry.is_dir())
    assert folders == ["train", "validation"], (
        f"the log folder holds sub-folders {folders}, expected ['train', 'validation'] "
        "(keras.callbacks.TensorBoard with validation data)")
    steps = int(model.optimizer.iterations.numpy())
    assert steps == 3 * 4, (f"fit_with_tensorboard(..., 80 examples, 3 epochs) took {steps} training steps, expected "
                            "12: 60 training examples (75%) in batches of 16 make 4 steps per epoch")
    # The last validation loss is the final model's error on the held-out last 25% (examples 60..79).
    held_out = float(np.mean((model(x[60:]).numpy() - y[60:]) ** 2))
    assert_close(history.history["val_loss"][-1], held_out, "history.history['val_loss'][-1] against the final "
                 "model's mean squared error on the last 20 examples (validation_split=0.25)", rtol=1e-4)
    for folder, key in [("train", "loss"), ("validation", "val_loss")]:
        events = load_events(tmp_path / folder)
        assert "epoch_loss" in tensor_tags(events), (
            f"{folder}/ holds tags {tensor_tags(events)}, expected 'epoch_loss' among them")
        logged = series(events, "epoch_loss")
        assert [step for step, _ in logged] == [0, 1, 2], (
            f"{folder}/epoch_loss has steps {[s for s, _ in logged]}, expected [0, 1, 2] (one per epoch)")
        assert_close([value for _, value in logged], history.history[key],
                     f"{folder}/epoch_loss against history.history[{key!r}]")
