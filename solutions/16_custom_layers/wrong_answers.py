"""Plausible wrong answers to kata 16; `make check` proves the tests catch every one."""

import keras

from tfkatas.wrong import wrong_answer


class _Dense(keras.layers.Layer):
    """A correct MyDense for the wrong answers below to change one method of."""

    def __init__(self, units, activation=None, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.activation = keras.activations.get(activation)

    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units), initializer="glorot_uniform",
                                      trainable=True, name="kernel")
        self.bias = self.add_weight(shape=(self.units,), initializer="zeros", trainable=True, name="bias")

    def call(self, inputs):
        return self.activation(keras.ops.matmul(inputs, self.kernel) + self.bias)

    def get_config(self):
        config = super().get_config()
        config.update({"units": self.units, "activation": keras.activations.serialize(self.activation)})
        return config


@wrong_answer("MyDense", "missing bias: call returns activation(x @ kernel)")
@keras.saving.register_keras_serializable(package="tfkatas")
class missing_bias_call_returns_activation(_Dense):
    def call(self, inputs):
        return self.activation(keras.ops.matmul(inputs, self.kernel))


@wrong_answer("MyDense", "forgotten activation: call returns x @ kernel + bias whatever activation was asked")
@keras.saving.register_keras_serializable(package="tfkatas")
class forgotten_activation_call_returns_x(_Dense):
    def call(self, inputs):
        return keras.ops.matmul(inputs, self.kernel) + self.bias


@wrong_answer("MyDense", "transposed kernel [units, input_dim], multiplied as x @ kernel.T")
@keras.saving.register_keras_serializable(package="tfkatas")
class transposed_kernel_units_input_dim(_Dense):
    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(self.units, input_shape[-1]), initializer="glorot_uniform",
                                      trainable=True, name="kernel")
        self.bias = self.add_weight(shape=(self.units,), initializer="zeros", trainable=True, name="bias")

    def call(self, inputs):
        return self.activation(keras.ops.matmul(inputs, keras.ops.transpose(self.kernel)) + self.bias)


@wrong_answer("MyDense", "non-trainable weights: add_weight(..., trainable=False)")
@keras.saving.register_keras_serializable(package="tfkatas")
class non_trainable_weights_add_weight(_Dense):
    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units), initializer="glorot_uniform",
                                      trainable=False, name="kernel")
        self.bias = self.add_weight(shape=(self.units,), initializer="zeros", trainable=False, name="bias")


@wrong_answer("MyDense", "kernel initialised with zeros: every unit starts (and stays) the same")
@keras.saving.register_keras_serializable(package="tfkatas")
class kernel_initialised_zeros_every_unit(_Dense):
    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units), initializer="zeros",
                                      trainable=True, name="kernel")
        self.bias = self.add_weight(shape=(self.units,), initializer="zeros", trainable=True, name="bias")


@wrong_answer("MyDense", "get_config without units: from_config cannot rebuild the layer")
@keras.saving.register_keras_serializable(package="tfkatas")
class get_config_without_units_config(_Dense):
    def get_config(self):
        config = super(_Dense, self).get_config()
        config.update({"activation": keras.activations.serialize(self.activation)})
        return config


@wrong_answer("MyDense", "get_config without the activation: the copy from from_config has none")
@keras.saving.register_keras_serializable(package="tfkatas")
class get_config_without_activation_copy(_Dense):
    def get_config(self):
        config = super(_Dense, self).get_config()
        config.update({"units": self.units})
        return config


@wrong_answer("MyModel", "MyModel without activations in the hidden layers (five stacked linear maps)")
@keras.saving.register_keras_serializable(package="tfkatas")
class mymodel_without_activations_hidden_layers(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.fc1, self.fc2, self.fc3, self.fc4, self.fc5 = (_Dense(units) for units in (256, 128, 64, 32, 10))

    def call(self, inputs, training=None):
        return self.fc5(self.fc4(self.fc3(self.fc2(self.fc1(inputs)))))


@wrong_answer("MyModel", "MyModel applies ReLU on the logits too")
@keras.saving.register_keras_serializable(package="tfkatas")
class mymodel_applies_relu_logits_too(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.fc1, self.fc2, self.fc3, self.fc4, self.fc5 = (
            _Dense(units, activation="relu") for units in (256, 128, 64, 32, 10))

    def call(self, inputs, training=None):
        return self.fc5(self.fc4(self.fc3(self.fc2(self.fc1(inputs)))))


@wrong_answer("count_dense_params", "count without the +1: forgets the biases")
def count_without_1_forgets_biases(layer_sizes):
    return sum(n_in * n_out for n_in, n_out in zip(layer_sizes[:-1], layer_sizes[1:]))


@wrong_answer("count_dense_params", "counts the input as a layer: (0 + 1) * input extra biases")
def counts_input_layer_0_1(layer_sizes):
    return sum((n_in + 1) * n_out for n_in, n_out in zip([0] + list(layer_sizes[:-1]), layer_sizes))


@wrong_answer("MyDense", "input_dim read from input_shape[0], the batch size, instead of input_shape[-1]")
@keras.saving.register_keras_serializable(package="tfkatas")
class input_dim_read_input_shape(_Dense):
    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[0], self.units), initializer="glorot_uniform",
                                      trainable=True, name="kernel")
        self.bias = self.add_weight(shape=(self.units,), initializer="zeros", trainable=True, name="bias")


@wrong_answer("MyDense", "keeps the activation as given (a string or None) instead of keras.activations.get(...)")
@keras.saving.register_keras_serializable(package="tfkatas")
class keeps_activation_given_string_none(_Dense):
    def __init__(self, units, activation=None, **kwargs):
        keras.layers.Layer.__init__(self, **kwargs)
        self.units = units
        self.activation = activation


@wrong_answer("MyDense", "get_config puts the activation function itself in the config, not its serialized name")
@keras.saving.register_keras_serializable(package="tfkatas")
class get_config_puts_activation_function(_Dense):
    def get_config(self):
        config = super(_Dense, self).get_config()
        config.update({"units": self.units, "activation": self.activation})
        return config


@wrong_answer("MyModel", "MyModel ends in a softmax: returns probabilities, not logits")
@keras.saving.register_keras_serializable(package="tfkatas")
class mymodel_ends_softmax_returns_probabilities(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.fc1, self.fc2, self.fc3, self.fc4 = (_Dense(units, activation="relu") for units in (256, 128, 64, 32))
        self.fc5 = _Dense(10, activation="softmax")

    def call(self, inputs, training=None):
        return self.fc5(self.fc4(self.fc3(self.fc2(self.fc1(inputs)))))


@wrong_answer("count_dense_params", "puts the +1 on the wrong side: n_in * (n_out + 1)")
def puts_1_wrong_side_n(layer_sizes):
    return sum(n_in * (n_out + 1) for n_in, n_out in zip(layer_sizes[:-1], layer_sizes[1:]))


@wrong_answer("MyDense", "bias initialised with ones instead of zeros")
@keras.saving.register_keras_serializable(package="tfkatas")
class bias_initialised_with_ones(_Dense):
    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units), initializer="glorot_uniform",
                                      trainable=True, name="kernel")
        self.bias = self.add_weight(shape=(self.units,), initializer="ones", trainable=True, name="bias")


@wrong_answer("MyDense", "looks the activation up by name with getattr: an activation function is refused")
@keras.saving.register_keras_serializable(package="tfkatas")
class activation_looked_up_by_name(_Dense):
    def __init__(self, units, activation=None, **kwargs):
        keras.layers.Layer.__init__(self, **kwargs)
        self.units = units
        self.activation = getattr(keras.activations, activation) if activation else keras.activations.linear


@wrong_answer("MyDense", "applies the activation before adding the bias: activation(x @ kernel) + bias")
@keras.saving.register_keras_serializable(package="tfkatas")
class activation_before_the_bias(_Dense):
    def call(self, inputs):
        return self.activation(keras.ops.matmul(inputs, self.kernel)) + self.bias


@wrong_answer("MyDense", "get_config serializes only a named activation: a function is stored as None and lost")
@keras.saving.register_keras_serializable(package="tfkatas")
class get_config_drops_activation_functions(_Dense):
    def __init__(self, units, activation=None, **kwargs):
        super().__init__(units, activation=activation, **kwargs)
        self.activation_name = activation if isinstance(activation, str) else None

    def get_config(self):
        config = super(_Dense, self).get_config()
        config.update({"units": self.units, "activation": self.activation_name})
        return config


@wrong_answer("count_dense_params", "np.sum over the layers: a numpy int64 comes back, not a Python int")
def count_with_numpy_sum(layer_sizes):
    import numpy as np  # A wrong answer runs with the solution's globals, which have no numpy.

    sizes = np.array(layer_sizes)
    return np.sum((sizes[:-1] + 1) * sizes[1:])


@wrong_answer("count_dense_params", "one bias per layer, not one per unit: n_in * n_out + 1")
def one_bias_per_layer(layer_sizes):
    return sum(n_in * n_out + 1 for n_in, n_out in zip(layer_sizes[:-1], layer_sizes[1:]))


@wrong_answer("count_dense_params", "loops range(1, len - 1): the last layer is never counted")
def skips_the_last_layer(layer_sizes):
    return sum((layer_sizes[i - 1] + 1) * layer_sizes[i] for i in range(1, len(layer_sizes) - 1))
