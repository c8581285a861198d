"""Plausible wrong answers to kata 36; `make check` proves the tests catch every one."""

import glob
import os

import keras
import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("log_scalars", "counts steps from 1: the curve starts one step late")
def counts_steps_1_curve_starts(writer, name, values):
    with writer.as_default():
        for step, value in enumerate(values, start=1):
            tf.summary.scalar(name, value, step=step)
    writer.flush()


@wrong_answer("log_scalars", "writes outside `with writer.as_default():`: no default writer, nothing is written")
def writes_outside_writer_default_no(writer, name, values):
    for step, value in enumerate(values):
        tf.summary.scalar(name, value, step=step)
    writer.flush()


@wrong_answer("log_images", "pixels not scaled to [0, 1]: every float above 1 saturates, the images come out white")
def pixels_not_scaled_0_1(writer, name, pixels, step, max_outputs):
    with writer.as_default():
        tf.summary.image(name, pixels[..., tf.newaxis], step=step, max_outputs=max_outputs)
    writer.flush()


@wrong_answer("log_images", "max_outputs not passed: tf.summary.image keeps its default of 3 images")
def max_outputs_not_passed_tf(writer, name, pixels, step, max_outputs):
    with writer.as_default():
        tf.summary.image(name, pixels[..., tf.newaxis] / 255.0, step=step)
    writer.flush()


@wrong_answer("log_images", "step ignored: the images land at step 0")
def step_ignored_images_land_step(writer, name, pixels, step, max_outputs):
    with writer.as_default():
        tf.summary.image(name, pixels[..., tf.newaxis] / 255.0, step=0, max_outputs=max_outputs)
    writer.flush()


@wrong_answer("log_weight_histograms", "tags histograms with weight.name ('kernel', 'bias'): both layers' kernels share one tag")
def tags_histograms_weight_name_kernel(writer, model, step):
    with writer.as_default():
        for weight in model.weights:
            tf.summary.histogram(weight.name, weight, step=step)
    writer.flush()


@wrong_answer("read_scalars", "reads the TF1 field simple_value, which TF2 summaries leave at 0")
def reads_tf1_field_simple_value(logdir, name):
    found = []
    for path in glob.glob(os.path.join(logdir, "events.out.tfevents.*")):
        for event in tf.compat.v1.train.summary_iterator(path):
            for value in event.summary.value:
                if value.tag == name:
                    found.append((int(event.step), float(value.simple_value)))
    return sorted(found, key=lambda pair: pair[0])


@wrong_answer("read_scalars", "reads only the newest event file")
def reads_only_newest_event_file(logdir, name):
    found = []
    path = sorted(glob.glob(os.path.join(logdir, "events.out.tfevents.*")), key=os.path.getmtime)[-1]
    for event in tf.compat.v1.train.summary_iterator(path):
        for value in event.summary.value:
            if value.tag == name:
                found.append((int(event.step), float(tf.make_ndarray(value.tensor))))
    return sorted(found, key=lambda pair: pair[0])


@wrong_answer("read_scalars", "ignores the tag: returns every scalar in the files")
def ignores_tag_returns_every_scalar(logdir, name):
    found = []
    for path in glob.glob(os.path.join(logdir, "events.out.tfevents.*")):
        for event in tf.compat.v1.train.summary_iterator(path):
            for value in event.summary.value:
                found.append((int(event.step), float(tf.make_ndarray(value.tensor))))
    return sorted(found, key=lambda pair: pair[0])


@wrong_answer("read_scalars", "leaves the events in file order instead of sorting by step")
def leaves_events_file_order_instead(logdir, name):
    found = []
    for path in sorted(glob.glob(os.path.join(logdir, "events.out.tfevents.*"))):
        for event in tf.compat.v1.train.summary_iterator(path):
            for value in event.summary.value:
                if value.tag == name:
                    found.append((int(event.step), float(tf.make_ndarray(value.tensor))))
    return found


@wrong_answer("train_and_log", "logs the loss after the update: every logged value is one step late")
def logs_loss_after_update_every(logdir, x, y, steps, learning_rate):
    w = tf.Variable(tf.zeros([x.shape[1]]))
    b = tf.Variable(0.0)
    writer = tf.summary.create_file_writer(logdir)
    losses = []
    with writer.as_default():
        for step in range(steps):
            with tf.GradientTape() as tape:
                loss = tf.reduce_mean(tf.square(tf.linalg.matvec(x, w) + b - y))
            grad_w, grad_b = tape.gradient(loss, [w, b])
            w.assign_sub(learning_rate * grad_w)
            b.assign_sub(learning_rate * grad_b)
            after = tf.reduce_mean(tf.square(tf.linalg.matvec(x, w) + b - y))
            tf.summary.scalar("loss", after, step=step)
            losses.append(float(after))
    writer.flush()
    return losses


@wrong_answer("train_and_log", "returns the loss tensors, not Python floats")
def returns_loss_tensors_not_python(logdir, x, y, steps, learning_rate):
    w = tf.Variable(tf.zeros([x.shape[1]]))
    b = tf.Variable(0.0)
    writer = tf.summary.create_file_writer(logdir)
    losses = []
    with writer.as_default():
        for step in range(steps):
            with tf.GradientTape() as tape:
                loss = tf.reduce_mean(tf.square(tf.linalg.matvec(x, w) + b - y))
            grad_w, grad_b = tape.gradient(loss, [w, b])
            tf.summary.scalar("loss", loss, step=step)
            losses.append(loss)
            w.assign_sub(learning_rate * grad_w)
            b.assign_sub(learning_rate * grad_b)
    writer.flush()
    return losses


@wrong_answer("fit_with_tensorboard", "no validation data: the callback writes only logdir/train")
def no_validation_data_callback_writes(logdir, model, x, y, epochs):
    return model.fit(x, y, epochs=epochs, batch_size=16,
                     callbacks=[keras.callbacks.TensorBoard(log_dir=logdir)], verbose=0)


@wrong_answer("log_weight_histograms", "logs only model.trainable_weights: BatchNormalization's moving statistics go missing")
def logs_only_model_trainable_weights(writer, model, step):
    with writer.as_default():
        for weight in model.trainable_weights:
            tf.summary.histogram(weight.path, weight, step=step)
    writer.flush()


@wrong_answer("fit_with_tensorboard", "fit_with_tensorboard forgets batch_size=16 (fit's default is 32)")
def fit_tensorboard_forgets_batch_size(logdir, model, x, y, epochs):
    return model.fit(x, y, epochs=epochs, validation_split=0.25,
                     callbacks=[keras.callbacks.TensorBoard(log_dir=logdir)], verbose=0)


@wrong_answer("fit_with_tensorboard", "fit_with_tensorboard holds out 20% (validation_split=0.2) instead of 25%")
def fit_tensorboard_holds_out_20(logdir, model, x, y, epochs):
    return model.fit(x, y, epochs=epochs, batch_size=16, validation_split=0.2,
                     callbacks=[keras.callbacks.TensorBoard(log_dir=logdir)], verbose=0)


@wrong_answer("log_scalars", "closes the writer instead of flushing it: the next call on it fails")
def closes_the_writer(writer, name, values):
    with writer.as_default():
        for step, value in enumerate(values):
            tf.summary.scalar(name, value, step=step)
    writer.close()


@wrong_answer("log_images", "scales the pixels but adds no channel axis: tf.summary.image wants rank 4")
def no_channel_axis(writer, name, pixels, step, max_outputs):
    with writer.as_default():
        tf.summary.image(name, pixels / 255.0, step=step, max_outputs=max_outputs)
    writer.flush()


@wrong_answer("log_images", "reshapes to [count, width, height, 1]: reads 7 x 6 as 7 high and 6 wide")
def reshapes_width_before_height(writer, name, pixels, step, max_outputs):
    count, height, width = pixels.shape
    images = tf.reshape(pixels / 255.0, [count, width, height, 1])
    with writer.as_default():
        tf.summary.image(name, images, step=step, max_outputs=max_outputs)
    writer.flush()


@wrong_answer("log_weight_histograms", "step ignored: every histogram lands at step 0")
def histograms_at_step_zero(writer, model, step):
    with writer.as_default():
        for weight in model.weights:
            tf.summary.histogram(weight.path, weight, step=0)
    writer.flush()


@wrong_answer("train_and_log", "w of shape [features, 1]: x @ w is [examples, 1] and broadcasts against y to [examples, examples]")
def column_weights_broadcast(logdir, x, y, steps, learning_rate):
    w = tf.Variable(tf.zeros([x.shape[1], 1]))
    b = tf.Variable(0.0)
    writer = tf.summary.create_file_writer(logdir)
    losses = []
    with writer.as_default():
        for step in range(steps):
            with tf.GradientTape() as tape:
                loss = tf.reduce_mean(tf.square(x @ w + b - y))
            grad_w, grad_b = tape.gradient(loss, [w, b])
            tf.summary.scalar("loss", loss, step=step)
            losses.append(float(loss))
            w.assign_sub(learning_rate * grad_w)
            b.assign_sub(learning_rate * grad_b)
    writer.flush()
    return losses


@wrong_answer("read_scalars", "searches sub-folders too (a recursive glob): reads other runs' event files")
def reads_sub_folders(logdir, name):
    found = []
    for path in glob.glob(os.path.join(logdir, "**", "events.out.tfevents.*"), recursive=True):
        for event in tf.compat.v1.train.summary_iterator(path):
            for value in event.summary.value:
                if value.tag == name:
                    found.append((int(event.step), float(tf.make_ndarray(value.tensor))))
    return sorted(found, key=lambda pair: pair[0])


@wrong_answer("read_scalars", "keeps the events in a dict keyed by step: two events at one step become one")
def dict_keyed_by_step(logdir, name):
    found = {}
    for path in glob.glob(os.path.join(logdir, "events.out.tfevents.*")):
        for event in tf.compat.v1.train.summary_iterator(path):
            for value in event.summary.value:
                if value.tag == name:
                    found[int(event.step)] = float(tf.make_ndarray(value.tensor))
    return sorted(found.items())


@wrong_answer("fit_with_tensorboard", "holds out the first 25% (validation_data) instead of the last, as validation_split does")
def holds_out_the_first_quarter(logdir, model, x, y, epochs):
    held_out = len(x) // 4
    return model.fit(x[held_out:], y[held_out:], epochs=epochs, batch_size=16,
                     validation_data=(x[:held_out], y[:held_out]),
                     callbacks=[keras.callbacks.TensorBoard(log_dir=logdir)], verbose=0)
