"""Plausible wrong answers to kata 29; `make check` proves the tests catch every one."""

import glob
import os

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("no metadata: the event has no plugin, so TensorBoard's scalar dashboard ignores it")
def write_scalar(name, value, step):
    return bool(tf.summary.write(name, tf.cast(value, tf.float32), step=step))


@wrong_answer("returns the bool tensor, not a Python bool")
def write_scalar(name, value, step):  # noqa: F811
    return tf.summary.write(name, tf.cast(value, tf.float32), step=step, metadata=SCALARS)


@wrong_answer("counts steps from 1")
def log_scalars(logdir, name, values):
    writer = tf.summary.create_file_writer(logdir)
    with writer.as_default():
        for step, value in enumerate(values, start=1):
            write_scalar(name, value, step)
    writer.flush()


@wrong_answer("height before width in the first two strings")
def png_images(images):
    pixels = tf.cast(tf.round(images * 255.0), tf.uint8)[..., tf.newaxis]
    shape = tf.shape(images)
    return tf.concat([tf.strings.as_string([shape[1], shape[2]]),
                      tf.stack([tf.io.encode_png(image) for image in tf.unstack(pixels)])], axis=0)


@wrong_answer("truncates instead of rounding: 0.999 becomes 254, not 255")
def png_images(images):  # noqa: F811
    pixels = tf.cast(images * 255.0, tf.uint8)[..., tf.newaxis]
    shape = tf.shape(images)
    return tf.concat([tf.strings.as_string([shape[2], shape[1]]),
                      tf.stack([tf.io.encode_png(image) for image in tf.unstack(pixels)])], axis=0)


@wrong_answer("ignores `step`: every image summary lands at step 0")
def log_images(logdir, name, images, step):
    writer = tf.summary.create_file_writer(logdir)
    with writer.as_default():
        tf.summary.write(name, png_images(images), step=0, metadata=IMAGES)
    writer.flush()


@wrong_answer("reads the TF1 field simple_value, which TF2 summaries leave at 0")
def read_scalars(logdir, name):
    found = []
    for path in sorted(glob.glob(os.path.join(logdir, "events.out.tfevents.*"))):
        for event in tf.compat.v1.train.summary_iterator(path):
            for value in event.summary.value:
                if value.tag == name:
                    found.append((int(event.step), float(value.simple_value)))
    return sorted(found, key=lambda pair: pair[0])


@wrong_answer("reads only the newest event file")
def read_scalars(logdir, name):  # noqa: F811
    found = []
    path = sorted(glob.glob(os.path.join(logdir, "events.out.tfevents.*")))[-1]
    for event in tf.compat.v1.train.summary_iterator(path):
        for value in event.summary.value:
            if value.tag == name:
                found.append((int(event.step), float(tf.make_ndarray(value.tensor))))
    return sorted(found, key=lambda pair: pair[0])


@wrong_answer("ignores the tag: returns every scalar in the files")
def read_scalars(logdir, name):  # noqa: F811
    found = []
    for path in sorted(glob.glob(os.path.join(logdir, "events.out.tfevents.*"))):
        for event in tf.compat.v1.train.summary_iterator(path):
            for value in event.summary.value:
                found.append((int(event.step), float(tf.make_ndarray(value.tensor))))
    return sorted(found, key=lambda pair: pair[0])


@wrong_answer("logs the loss after the update, one step late")
def fit_and_log(logdir, x, y, steps, lr):
    w, b = tf.Variable(0.0), tf.Variable(0.0)
    writer = tf.summary.create_file_writer(logdir)
    losses = []
    with writer.as_default():
        for step in range(steps):
            with tf.GradientTape() as tape:
                loss = tf.reduce_mean(tf.square(w * x + b - y))
            grad_w, grad_b = tape.gradient(loss, [w, b])
            w.assign_sub(lr * grad_w)
            b.assign_sub(lr * grad_b)
            after = tf.reduce_mean(tf.square(w * x + b - y))
            write_scalar("loss", after, step)
            losses.append(float(after))
    writer.flush()
    return losses
