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
        ### BEGIN SOLUTION: store the settings on self; keras.activations.get turns a name or None into a callable.
        self.units = units
        # keras.activations.get turns None into the identity and "relu" into a function.
        self.activation = keras.activations.get(activation)
        ### END SOLUTION

    def build(self, input_shape):
        """Create `self.kernel` [input_dim, units] and `self.bias` [units] with self.add_weight."""
        ### BEGIN SOLUTION: create the weights with Layer.add_weight, which takes keywords in Keras 3; the input size is input_shape[-1].
        input_dim = input_shape[-1]
        # Random starting weights break the symmetry between units; zeros would keep them identical.
        self.kernel = self.add_weight(shape=(input_dim, self.units), initializer="glorot_uniform",
                                      trainable=True, name="kernel")
        self.bias = self.add_weight(shape=(self.units,), initializer="zeros", trainable=True, name="bias")
        ### END SOLUTION

    def call(self, inputs):
        """Return activation(inputs @ kernel + bias), shape [batch, units]."""
        ### BEGIN SOLUTION: a dense layer is a matrix product with the kernel plus the bias (keras.ops.matmul), then the activation.
        return self.activation(keras.ops.matmul(inputs, self.kernel) + self.bias)
        ### END SOLUTION

    def get_config(self):
        """The base layer's config plus `units` and the activation (serialized).

        Example: MyDense(3, activation="relu").get_config() holds "units": 3 and
        "activation": "relu" beside the base keys ("name", "trainable", "dtype").
        """
        ### BEGIN SOLUTION: extend the parent's get_config with units and the activation, serialised by keras.activations.serialize.
        # from_config calls MyDense(**config), so every __init__ argument must be in the config.
        config = super().get_config()
        config.update({"units": self.units, "activation": keras.activations.serialize(self.activation)})
        return config
        ### END SOLUTION


@keras.saving.register_keras_serializable(package="tfkatas")
class MyModel(keras.Model):
    """The notes' network: five MyDense layers `self.fc1` ... `self.fc5` of 256, 128, 64, 32
    and 10 units. The hidden layers use ReLU; the last one has no activation (it returns logits).

    Example: MyModel() applied to a [4, 784] batch returns logits of shape [4, 10].
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        ### BEGIN SOLUTION: five MyDense layers, self.fc1 ... self.fc5; ReLU on all but the last.
        self.fc1 = MyDense(256, activation="relu")
        self.fc2 = MyDense(128, activation="relu")
        self.fc3 = MyDense(64, activation="relu")
        self.fc4 = MyDense(32, activation="relu")
        # Logits: the loss (from_logits=True) or a softmax applies the final squashing.
        self.fc5 = MyDense(10)
        ### END SOLUTION

    def call(self, inputs, training=None):
        """Run the inputs through fc1 ... fc5 in order and return the logits."""
        ### BEGIN SOLUTION: x = self.fc1(inputs); x = self.fc2(x); ... return self.fc5(x).
        x = inputs
        for layer in (self.fc1, self.fc2, self.fc3, self.fc4, self.fc5):
            x = layer(x)
        return x
        ### END SOLUTION


def count_dense_params(layer_sizes):
    """The number of parameters of a stack of dense layers, as a Python int.

    `layer_sizes` lists the input size then each layer's units; a layer with `n_in` inputs and
    `n_out` units (its outputs) has `n_in * n_out` weights plus `n_out` biases.

    Example: [4, 3, 2] -> (4 + 1) * 3 + (3 + 1) * 2 = 23. A list with only the input size, [4],
    has no layer: 0.
    """
    ### BEGIN SOLUTION: a dense layer has (inputs + 1) * outputs parameters; sum that over consecutive pairs of sizes.
    return sum((n_in + 1) * n_out for n_in, n_out in zip(layer_sizes[:-1], layer_sizes[1:]))
    ### END SOLUTION
