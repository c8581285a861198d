"""Kata 33 — Embeddings and sequences.

Two ways of turning data into the `[batch, time, features]` sequences a recurrent layer reads.
Words (or any tokens) arrive as integer ids; an embedding is a trainable `[vocab_size, dim]`
matrix whose row `i` is the vector of token `i`, so looking a token up is reading one row, and
similar tokens can learn nearby rows. Padded batches use id 0 for "no token here", and a Keras
`Embedding` built with `mask_zero=True` tells later layers to skip those positions. Images
are sequences too: the notes read an MNIST batch `[b, 28, 28]` as 28 time steps of 28 features
(`[b, time, 28]`, or time-major `[time, b, 28]`). You write the lookups, the padding mask, the
image-to-sequence views, and an LSTM classifier that reads the bundled 8x8 digits row by row.

Source: the notes' "Sequence" section (sequence embedding, `[b, 28, 28]` as a sequence, LSTM),
002_4d62c8e3e4a80dad.txt.

Run `make kata N=33` to test your answers, `make hint N=33` when stuck.
"""

import keras
import tensorflow as tf


def embedding_lookup(weights, ids):
    """The embedding vectors of `ids`: row `ids[...]` of `weights`, for ids of any rank.

    `weights` is a `[vocab_size, dim]` float tensor (float32 or float64); `ids` an int32 or int64
    tensor of any shape (a scalar, `[batch]`, `[batch, time]`, ...) with every id in
    `0 .. vocab_size - 1`. Return a tensor of shape `ids.shape + [dim]` with the dtype of
    `weights`: `result[b, t] = weights[ids[b, t]]`, what `keras.layers.Embedding` gives with
    these weights.

    Example: weights [[0., 1.], [10., 11.], [20., 21.]], ids [[2, 0, 2]] -> [[[20., 21.],
    [0., 1.], [20., 21.]]] (shape [1, 3, 2]).
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("an embedding lookup gathers rows of the matrix along its vocabulary axis.")


def one_hot_embedding(weights, ids):
    """The same lookup as `embedding_lookup`, written as one-hot vectors times the matrix.

    An embedding is a Dense layer without bias on one-hot inputs: `one_hot(ids, vocab_size) @ weights`.
    Same inputs, shape and dtype as `embedding_lookup`. Do not call tf.gather,
    tf.nn.embedding_lookup or keras.layers.Embedding here.

    Example: ids [1, 0] with vocab_size 3 -> one-hot [[0, 1, 0], [1, 0, 0]], times weights
    [[0., 1.], [10., 11.], [20., 21.]] -> [[10., 11.], [0., 1.]].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("one-hot vectors of the vocabulary's length, in the weights' dtype, contracted with the matrix.")


def masking_embedding(vocab_size, output_dim):
    """A `keras.layers.Embedding` for padded batches: id 0 means padding, real tokens are 1..vocab_size.

    Build it with `mask_zero=True`, so it reports the padding to the layers after it, and with
    room for `vocab_size` real tokens plus the padding id 0 (`input_dim = vocab_size + 1`).
    `output_dim` is the vector length. Return the layer (it need not be built yet).

    Example: masking_embedding(5, 3) takes ids 0..5 and gives 3-long vectors; ids [[4, 2, 0]]
    -> output [1, 3, 3], last position masked.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("the Embedding layer's mask_zero reserves id 0 for padding, so the vocabulary needs one more row.")


def padding_mask(layer, ids):
    """Which positions of `ids` the Embedding `layer` keeps: its mask for these ids.

    `ids` is an int tensor `[batch, time]`. Return what the layer's own mask says (ask the
    layer, do not recompute it): a bool tensor `[batch, time]`, True at a real token and False
    at padding (id 0), for a layer built with `mask_zero=True`; None for a layer without it.

    Example: ids [[4, 2, 0, 0], [1, 0, 3, 0]] -> [[True, True, False, False], [True, False, True, False]].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("a Keras layer reports its mask through its mask-computing method.")


def images_to_sequences(images, by="rows", time_major=False):
    """Read an image batch as a sequence batch for a recurrent layer.

    `images` (a numpy array or a tensor) is `[n, rows, cols]` or `[n, rows, cols, 1]` (one
    grayscale channel, dropped), of any real or integer dtype. With `by="rows"` every row is one time step: the result is
    `[n, rows, cols]` (time = rows, features = cols). With `by="columns"` every column is one time
    step, read top to bottom: `[n, cols, rows]`, with `result[i, c, r] = images[i, r, c]`. Any
    other `by` raises ValueError. With `time_major=True` the batch and time axes are swapped
    (the notes' `[time, b, 28]`): `[rows, n, cols]` or `[cols, n, rows]`. Return float32 (values
    unchanged; n may be 1).

    Example: images [[[1, 2, 3], [4, 5, 6]]] (n=1, 2 rows, 3 cols): by="rows" -> [[[1., 2., 3.],
    [4., 5., 6.]]] (shape [1, 2, 3]); by="columns" -> [[[1., 4.], [2., 5.], [3., 6.]]] (shape [1, 3, 2]).
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("a column sequence is a transpose of the image axes, not a reshape; time-major swaps batch and time.")


def build_lstm_classifier(time_steps, features, units, classes, learning_rate=1e-3):
    """A compiled sequence classifier: Input `[time_steps, features]` -> LSTM(units) -> Dense softmax.

    The LSTM returns only its last hidden state `[batch, units]`; a Dense layer of `classes`
    units with a softmax turns it into class probabilities `[batch, classes]` (each row sums to 1).
    Compile it with the Adam optimiser at `learning_rate`, the sparse categorical cross-entropy
    loss on those probabilities (labels are int class ids), and the metric named "accuracy"
    (so `model.evaluate(..., return_dict=True)` has the keys "loss" and "accuracy").

    Example: build_lstm_classifier(8, 8, 32, 10) reads an 8x8 digit as 8 rows of 8 pixels and
    has 4 * (32 * (8 + 32) + 32) + (32 * 10 + 10) = 5578 parameters.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("the functional API (or Sequential) with an Input of the sequence shape; compile with a sparse loss.")


def train_and_evaluate(model, x_train, y_train, x_test, y_test, epochs, batch_size):
    """Train the compiled `model` on `(x_train, y_train)`, then measure it on `(x_test, y_test)`.

    Fit for exactly `epochs` epochs with batches of `batch_size` (verbose off), then evaluate on
    the held-out test set. Return the tuple `(history, test_accuracy)`: the `keras.callbacks.History`
    that fit returns, and the test accuracy as a Python float in [0, 1].

    Example: history, accuracy = train_and_evaluate(model, x, y, x_test, y_test, epochs=3,
    batch_size=32) -> len(history.history["loss"]) == 3 and accuracy a float such as 0.87.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("fit returns the history; evaluate on the held-out set can return a dict of metrics.")
