"""Tests for kata 29. Oracle: the test's own event-file reader (tf.data.TFRecordDataset and the
Event protocol buffer), PNG decoding with tf.io.decode_png and numpy rounding. Every file goes to
pytest's temporary directory, never into the repository."""

import glob
import os

import numpy as np
import pytest
import tensorflow as tf

from tfkatas.testing import assert_close, assert_equal


def read_events(logdir):
    """[(step, tag, plugin name, numpy value)] of every summary in logdir's event files."""
    found = []
    for path in sorted(glob.glob(os.path.join(str(logdir), "events.out.tfevents.*"))):
        for record in tf.data.TFRecordDataset(path):
            event = tf.compat.v1.Event.FromString(record.numpy())
            for value in event.summary.value:
                found.append((int(event.step), value.tag, value.metadata.plugin_data.plugin_name,
                              tf.make_ndarray(value.tensor)))
    return found


def scalar_metadata():
    return tf.compat.v1.SummaryMetadata(plugin_data=tf.compat.v1.SummaryMetadata.PluginData(plugin_name="scalars"))


def describe(events):
    return [(step, tag, plugin) for step, tag, plugin, _ in events]


def test_write_scalar_writes_one_scalar_event(kata, tmp_path):
    writer = tf.summary.create_file_writer(str(tmp_path))
    with writer.as_default():
        written = kata.write_scalar("learning_rate", 0.25, 3)
    writer.flush()
    assert written is True, f"write_scalar(...) with a default writer returned {written!r}, expected True (a bool)"
    events = read_events(tmp_path)
    assert describe(events) == [(3, "learning_rate", "scalars")], (
        f"after write_scalar('learning_rate', 0.25, 3) the event file holds {describe(events)}, expected "
        "[(3, 'learning_rate', 'scalars')]: (step, tag, plugin from the SCALARS metadata)")
    assert_close(events[0][3], np.float32(0.25), "the value write_scalar wrote", dtype=tf.float32)


def test_log_scalars_writes_value_i_at_step_i(kata, tmp_path):
    values = [0.9, 0.55, 0.31, 0.2, 0.18]
    kata.log_scalars(str(tmp_path), "loss", values)
    events = read_events(tmp_path)
    assert describe(events) == [(step, "loss", "scalars") for step in range(5)], (
        f"log_scalars(logdir, 'loss', 5 values) wrote {describe(events)}, expected steps 0..4 tagged 'loss'")
    assert_close([value for *_, value in events], np.float32(values), "the values log_scalars wrote")


def test_png_images_uses_tensorboards_image_format(kata):
    images = np.random.default_rng(1).random((3, 4, 5)).astype(np.float32)
    images[0, 0, :3] = [0.0, 1.0, 0.999]
    result = kata.png_images(tf.constant(images))
    assert_equal(result[:2], [b"5", b"4"], "png_images(3 images [4, 5])[:2] (width, then height, as text)",
                 dtype=tf.string)
    assert result.shape == (5,), f"png_images(3 images) has shape {tuple(result.shape)}, expected (5,): 2 + 3 PNGs"
    for index in range(3):
        decoded = tf.io.decode_png(result[2 + index])
        assert_equal(decoded, np.round(images[index] * 255).astype(np.uint8)[..., None],
                     f"PNG {index} of png_images(...) decoded (round(value * 255), one grey channel)")


def test_log_images_writes_one_image_summary_at_the_step(kata, tmp_path):
    images = np.random.default_rng(2).random((4, 6, 7)).astype(np.float32)
    kata.log_images(str(tmp_path), "digits", tf.constant(images), step=2)
    events = read_events(tmp_path)
    assert describe(events) == [(2, "digits", "images")], (
        f"log_images(logdir, 'digits', 4 images, step=2) wrote {describe(events)}, expected [(2, 'digits', 'images')]")
    stored = events[0][3]
    assert list(stored[:2]) == [b"7", b"6"] and len(stored) == 6, (
        f"the image summary holds {len(stored)} strings starting {list(stored[:2])}, expected [b'7', b'6'] and 4 PNGs")
    for index in range(4):
        assert_equal(tf.io.decode_png(stored[2 + index]), np.round(images[index] * 255).astype(np.uint8)[..., None],
                     f"stored image {index} decoded")


def test_read_scalars_reads_one_tag_from_every_event_file(kata, tmp_path):
    # Two writers on the same folder make two event files, as two runs of a program would.
    for steps in ([0, 1, 2], [5, 3]):
        writer = tf.summary.create_file_writer(str(tmp_path))
        with writer.as_default():
            for step in steps:
                tf.summary.write("loss", tf.constant(1.0 / (step + 1)), step=step, metadata=scalar_metadata())
                tf.summary.write("accuracy", tf.constant(0.1 * step), step=step, metadata=scalar_metadata())
        writer.close()
    result = kata.read_scalars(str(tmp_path), "loss")
    assert isinstance(result, list) and [step for step, _ in result] == [0, 1, 2, 3, 5], (
        f"read_scalars(logdir, 'loss') returned steps {[pair[0] for pair in result] if isinstance(result, list) else result!r}, "
        "expected [0, 1, 2, 3, 5] (only the 'loss' tag, from both event files, sorted by step)")
    for step, value in result:
        assert isinstance(step, int) and isinstance(value, float), (
            f"read_scalars gave ({step!r}, {value!r}); expected a Python int step and a Python float value")
        assert abs(value - 1.0 / (step + 1)) < 1e-6, (
            f"read_scalars gave value {value} at step {step}, expected {1.0 / (step + 1):.6f} "
            "(TF2 summaries store the number in value.tensor, not value.simple_value)")


def test_fit_and_log_logs_a_falling_loss_at_every_step(kata, tmp_path):
    rng = np.random.default_rng(3)
    x = rng.uniform(-1, 1, 64).astype(np.float32)
    y = (2.0 * x + 0.5 + rng.normal(0, 0.1, 64)).astype(np.float32)
    losses = kata.fit_and_log(str(tmp_path), tf.constant(x), tf.constant(y), 40, 0.2)
    assert isinstance(losses, list) and len(losses) == 40 and all(isinstance(v, float) for v in losses), (
        f"fit_and_log(..., steps=40) returned {type(losses).__name__}, expected a list of 40 Python floats")
    assert_close(losses[0], np.mean(y.astype(np.float64) ** 2), "the first loss (w = b = 0: mean of y squared)")
    assert losses[-1] < 0.1 * losses[0], f"the loss went from {losses[0]:.4f} to {losses[-1]:.4f}; expected it to fall"
    events = read_events(tmp_path)
    assert describe(events) == [(step, "loss", "scalars") for step in range(40)], (
        f"fit_and_log wrote {len(events)} events, starting {describe(events)[:3]}; expected steps 0..39 tagged 'loss'")
    assert_close([value for *_, value in events], np.float32(losses), "the logged losses against the returned ones")
