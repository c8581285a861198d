"""Kata 16 — Custom layers and models (MyDense).

Keras builds networks from layers; when no built-in layer fits, you write your own. Here you
rebuild the fully connected layer by hand as `MyDense`: it owns a weight matrix `kernel`
`[input_dim, units]` and a bias vector `bias` `[units]`, created with `add_weight` once the
input size is known (`build`), and its forward pass (`call`) is `activation(x @ kernel + bias)`.
Then you stack five of them into the notes' network `MyModel` (256-128-64-32-10) and count
its parameters with the `(inputs + 1) * outputs` rule.

Your `MyDense` must behave like any Keras layer: it trains inside `Sequential` with `fit`,
and it survives `get_config`/`from_config` and a `.keras` save/load round trip.

Run `make kata N=16` to test your answers, `make hint N=16` when stuck.
"""

import keras


@keras.saving.register_keras_serializable(package="tfkatas")
class MyDense(keras.layers.Layer):
    """A fully connected layer: `activation(x @ kernel + bias)`.

    `units` is the number of outputs; `activation` is anything `keras.activations.get`
    accepts (None, "relu", a function). Keep them as `self.units` and `self.activation`.

    Example: MyDense(3) applied to x of shape [4, 5] builds `kernel` [5, 3] (random) and
    `bias` [3] (zeros), both trainable, and returns a [4, 3] tensor.
    """

    def __init__(self, units, activation=None, **kwargs):
        super().__init__(**kwargs)
        # TODO: your code here (the docstring shows an example input and its output).
        raise NotImplementedError("store the settings on self; keras.activations.get turns a name or None into a callable.")

    def build(self, input_shape):
        """Create `self.kernel` [input_dim, units] and `self.bias` [units] with self.add_weight."""
        # TODO: your code here (the docstring shows an example input and its output).
        raise NotImplementedError("create the weights with Layer.add_weight, which takes keywords in Keras 3; the input size is input_shape[-1].")

    def call(self, inputs):
        """Return activation(inputs @ kernel + bias), shape [batch, units]."""
        # TODO: your code here (the docstring shows an example input and its output).
        raise NotImplementedError("a dense layer is a matrix product with the kernel plus the bias (keras.ops.matmul), then the activation.")

    def get_config(self):
        """The base layer's config plus `units` and the activation (serialized).

        Example: MyDense(3, activation="relu").get_config() holds "units": 3 and
        "activation": "relu" beside the base keys ("name", "trainable", "dtype").
        """
        # TODO: your code here (the docstring shows an example input and its output).
        raise NotImplementedError("extend the parent's get_config with units and the activation, serialised by keras.activations.serialize.")


@keras.saving.register_keras_serializable(package="tfkatas")
class MyModel(keras.Model):
    """The notes' network: five MyDense layers `self.fc1` ... `self.fc5` of 256, 128, 64, 32
    and 10 units. The hidden layers use ReLU; the last one has no activation (it returns logits).

    Example: MyModel() applied to a [4, 784] batch returns logits of shape [4, 10].
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # TODO: your code here (the docstring shows an example input and its output).
        raise NotImplementedError("five MyDense layers, self.fc1 ... self.fc5; ReLU on all but the last.")

    def call(self, inputs, training=None):
        """Run the inputs through fc1 ... fc5 in order and return the logits."""
        # TODO: your code here (the docstring shows an example input and its output).
        raise NotImplementedError("x = self.fc1(inputs); x = self.fc2(x); ... return self.fc5(x).")


def count_dense_params(layer_sizes):
    """The number of parameters of a stack of dense layers, as a Python int.

    `layer_sizes` lists the input size then each layer's units; a layer with `n_in` inputs and
    `n_out` units (its outputs) has `n_in * n_out` weights plus `n_out` biases.

    Example: [4, 3, 2] -> (4 + 1) * 3 + (3 + 1) * 2 = 23. A list with only the input size, [4],
    has no layer: 0.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("a dense layer has (inputs + 1) * outputs parameters; sum that over consecutive pairs of sizes.")
