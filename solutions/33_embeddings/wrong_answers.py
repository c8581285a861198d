"""Plausible wrong answers to kata 33; `make check` proves the tests catch every one."""

import keras
import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("embedding_lookup", "gathers columns of the matrix (axis=1) instead of rows")
def gathers_columns(weights, ids):
    return tf.gather(weights, ids, axis=1)


@wrong_answer("embedding_lookup", "flattens the ids first, so every result is [count, dim] whatever the ids' rank")
def flattens_ids(weights, ids):
    return tf.gather(weights, tf.reshape(ids, [-1]))


@wrong_answer("embedding_lookup", "casts the vectors to float32, losing float64 weights' precision")
def casts_to_float32(weights, ids):
    return tf.cast(tf.gather(weights, ids), tf.float32)


@wrong_answer("embedding_lookup", "reads the ids as 1-based: row id - 1")
def one_based_ids(weights, ids):
    return tf.gather(weights, tf.maximum(ids - 1, 0))


@wrong_answer("one_hot_embedding", "one-hot depth from the largest id seen instead of the vocabulary size")
def depth_from_largest_id(weights, ids):
    weights = tf.convert_to_tensor(weights)
    one_hot = tf.one_hot(ids, depth=int(tf.reduce_max(ids)) + 1, dtype=weights.dtype)
    return tf.tensordot(one_hot, weights, axes=1)


@wrong_answer("one_hot_embedding", "one-hot vectors in float32 whatever the weights' dtype")
def one_hot_in_float32(weights, ids):
    weights = tf.cast(weights, tf.float32)
    return tf.tensordot(tf.one_hot(ids, depth=weights.shape[0]), weights, axes=1)


@wrong_answer("one_hot_embedding", "a matmul that only works for [batch, time] ids")
def matmul_for_rank_two_only(weights, ids):
    weights = tf.convert_to_tensor(weights)
    return tf.matmul(tf.one_hot(ids, depth=weights.shape[0], dtype=weights.dtype), weights[None])


@wrong_answer("one_hot_embedding", "uses tf.gather after all")
def gathers_anyway(weights, ids):
    return tf.gather(weights, ids)


@wrong_answer("masking_embedding", "input_dim = vocab_size: no row left for the padding id 0")
def no_row_for_padding(vocab_size, output_dim):
    return keras.layers.Embedding(input_dim=vocab_size, output_dim=output_dim, mask_zero=True)


@wrong_answer("masking_embedding", "forgets mask_zero")
def forgets_mask_zero(vocab_size, output_dim):
    return keras.layers.Embedding(input_dim=vocab_size + 1, output_dim=output_dim)


@wrong_answer("masking_embedding", "input_dim and output_dim swapped")
def dims_swapped(vocab_size, output_dim):
    return keras.layers.Embedding(input_dim=output_dim, output_dim=vocab_size + 1, mask_zero=True)


@wrong_answer("padding_mask", "True at the padding: the mask inverted")
def mask_inverted(layer, ids):
    return tf.equal(ids, 0)


@wrong_answer("padding_mask", "recomputes ids != 0 instead of asking the layer")
def recomputes_mask(layer, ids):
    return tf.not_equal(ids, 0)


@wrong_answer("padding_mask", "returns the mask as 0/1 integers instead of bools")
def mask_as_integers(layer, ids):
    return tf.cast(layer.compute_mask(ids), tf.int32)


@wrong_answer("images_to_sequences", "columns by reshape instead of transpose: the right shape, scrambled pixels")
def columns_by_reshape(images, by="rows", time_major=False):
    if by not in ("rows", "columns"):
        raise ValueError(by)
    sequences = tf.cast(images, tf.float32)
    if sequences.shape.rank == 4:
        sequences = sequences[..., 0]
    if by == "columns":
        n, rows, cols = sequences.shape
        sequences = tf.reshape(sequences, [n, cols, rows])
    return tf.transpose(sequences, [1, 0, 2]) if time_major else sequences


@wrong_answer("images_to_sequences", "squeezes every axis of length 1, so one image (or one row) loses its axis")
def squeezes_every_axis(images, by="rows", time_major=False):
    if by not in ("rows", "columns"):
        raise ValueError(by)
    sequences = tf.squeeze(tf.cast(images, tf.float32))
    if by == "columns":
        sequences = tf.transpose(sequences, [0, 2, 1])
    return tf.transpose(sequences, [1, 0, 2]) if time_major else sequences


@wrong_answer("images_to_sequences", "keeps the channel axis: [n, rows, cols, 1]")
def keeps_channel_axis(images, by="rows", time_major=False):
    if by not in ("rows", "columns"):
        raise ValueError(by)
    sequences = tf.cast(images, tf.float32)
    rank = sequences.shape.rank
    if by == "columns":
        sequences = tf.transpose(sequences, [0, 2, 1, 3][:rank])
    return tf.transpose(sequences, [1, 0, 2, 3][:rank]) if time_major else sequences


@wrong_answer("images_to_sequences", "time_major by reshape: [time, n, features] with the batches interleaved")
def time_major_by_reshape(images, by="rows", time_major=False):
    if by not in ("rows", "columns"):
        raise ValueError(by)
    sequences = tf.cast(images, tf.float32)
    if sequences.shape.rank == 4:
        sequences = sequences[..., 0]
    if by == "columns":
        sequences = tf.transpose(sequences, [0, 2, 1])
    if time_major:
        n, time, features = sequences.shape
        sequences = tf.reshape(sequences, [time, n, features])
    return sequences


@wrong_answer("images_to_sequences", "any by other than 'rows' reads columns, with no ValueError")
def anything_else_is_columns(images, by="rows", time_major=False):
    sequences = tf.cast(images, tf.float32)
    if sequences.shape.rank == 4:
        sequences = sequences[..., 0]
    if by != "rows":
        sequences = tf.transpose(sequences, [0, 2, 1])
    return tf.transpose(sequences, [1, 0, 2]) if time_major else sequences


@wrong_answer("images_to_sequences", "keeps integer pixels as integers (no cast to float32)")
def keeps_integer_dtype(images, by="rows", time_major=False):
    if by not in ("rows", "columns"):
        raise ValueError(by)
    sequences = tf.convert_to_tensor(images)
    if sequences.shape.rank == 4:
        sequences = sequences[..., 0]
    if by == "columns":
        sequences = tf.transpose(sequences, [0, 2, 1])
    return tf.transpose(sequences, [1, 0, 2]) if time_major else sequences


@wrong_answer("build_lstm_classifier", "the Input shape swapped: (features, time_steps)")
def input_shape_swapped(time_steps, features, units, classes, learning_rate=1e-3):
    inputs = keras.Input(shape=(features, time_steps))
    model = keras.Model(inputs, keras.layers.Dense(classes, activation="softmax")(keras.layers.LSTM(units)(inputs)))
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    return model


@wrong_answer("build_lstm_classifier", "no softmax: the Dense layer gives raw scores")
def no_softmax(time_steps, features, units, classes, learning_rate=1e-3):
    inputs = keras.Input(shape=(time_steps, features))
    model = keras.Model(inputs, keras.layers.Dense(classes)(keras.layers.LSTM(units)(inputs)))
    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    return model


@wrong_answer("build_lstm_classifier", "a SimpleRNN instead of an LSTM")
def simple_rnn_instead(time_steps, features, units, classes, learning_rate=1e-3):
    inputs = keras.Input(shape=(time_steps, features))
    model = keras.Model(inputs, keras.layers.Dense(classes, activation="softmax")(keras.layers.SimpleRNN(units)(inputs)))
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    return model


@wrong_answer("build_lstm_classifier", "LSTM(return_sequences=True): a class distribution per time step")
def returns_sequences(time_steps, features, units, classes, learning_rate=1e-3):
    inputs = keras.Input(shape=(time_steps, features))
    hidden = keras.layers.LSTM(units, return_sequences=True)(inputs)
    model = keras.Model(inputs, keras.layers.Dense(classes, activation="softmax")(hidden))
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    return model


@wrong_answer("build_lstm_classifier", "Adam at its default learning rate: the argument ignored")
def ignores_learning_rate(time_steps, features, units, classes, learning_rate=1e-3):
    inputs = keras.Input(shape=(time_steps, features))
    model = keras.Model(inputs, keras.layers.Dense(classes, activation="softmax")(keras.layers.LSTM(units)(inputs)))
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


@wrong_answer("build_lstm_classifier", "the metric as SparseCategoricalAccuracy(): named sparse_categorical_accuracy")
def metric_named_otherwise(time_steps, features, units, classes, learning_rate=1e-3):
    inputs = keras.Input(shape=(time_steps, features))
    model = keras.Model(inputs, keras.layers.Dense(classes, activation="softmax")(keras.layers.LSTM(units)(inputs)))
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="sparse_categorical_crossentropy",
                  metrics=[keras.metrics.SparseCategoricalAccuracy()])
    return model


@wrong_answer("train_and_evaluate", "reports the last training epoch's accuracy instead of the test set's")
def reports_training_accuracy(model, x_train, y_train, x_test, y_test, epochs, batch_size):
    history = model.fit(x_train, y_train, epochs=epochs, batch_size=batch_size, verbose=0)
    return history, float(history.history["accuracy"][-1])


@wrong_answer("train_and_evaluate", "one epoch whatever epochs says")
def one_epoch(model, x_train, y_train, x_test, y_test, epochs, batch_size):
    history = model.fit(x_train, y_train, epochs=1, batch_size=batch_size, verbose=0)
    return history, float(model.evaluate(x_test, y_test, verbose=0, return_dict=True)["accuracy"])


@wrong_answer("train_and_evaluate", "ignores batch_size: Keras' default batches of 32")
def default_batch_size(model, x_train, y_train, x_test, y_test, epochs, batch_size):
    history = model.fit(x_train, y_train, epochs=epochs, verbose=0)
    return history, float(model.evaluate(x_test, y_test, verbose=0, return_dict=True)["accuracy"])


@wrong_answer("train_and_evaluate", "returns evaluate's [loss, accuracy] list instead of the accuracy")
def returns_loss_and_accuracy(model, x_train, y_train, x_test, y_test, epochs, batch_size):
    history = model.fit(x_train, y_train, epochs=epochs, batch_size=batch_size, verbose=0)
    return history, model.evaluate(x_test, y_test, verbose=0)
