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


# Model anatomy.

@wrong_answer("sequential_add_and_pop", "pops from model.layers, a copy: the model keeps its last layer")
def pops_from_a_copy_of_the_layers(input_dim, units):
    model = keras.Sequential([keras.Input((input_dim,))])
    stages = []
    for count in units:
        model.add(keras.layers.Dense(count))
        stages.append((len(model.layers), tuple(model.output_shape)))
    model.layers.pop()
    stages.append((len(model.layers), tuple(model.output_shape)))
    return model, stages


@wrong_answer("sequential_add_and_pop", "counts the Input as a layer: every count one too many")
def counts_the_input_as_a_layer(input_dim, units):
    model = keras.Sequential([keras.Input((input_dim,))])
    stages = []
    for count in units:
        model.add(keras.layers.Dense(count))
        stages.append((len(model.layers) + 1, tuple(model.output_shape)))
    model.pop()
    stages.append((len(model.layers) + 1, tuple(model.output_shape)))
    return model, stages


@wrong_answer("sequential_add_and_pop", "after the pop records the removed layer's output shape, not the model's")
def records_the_popped_layers_shape(input_dim, units):
    model = keras.Sequential([keras.Input((input_dim,))])
    stages = []
    for count in units:
        model.add(keras.layers.Dense(count))
        stages.append((len(model.layers), tuple(model.output_shape)))
    removed = model.pop()
    stages.append((len(model.layers), tuple(removed.output.shape)))
    return model, stages


@wrong_answer("weight_shapes_before_and_after_build", "starts the model with keras.Input: it has weights before any build")
def starts_with_an_input(units, input_dim):
    model = keras.Sequential([keras.Input((input_dim,)), *[keras.layers.Dense(count) for count in units]])
    before = [tuple(weight.shape) for weight in model.weights]
    model.build((None, input_dim))
    return model, before, [tuple(weight.shape) for weight in model.weights]


@wrong_answer("weight_shapes_before_and_after_build", "builds for units[0] inputs instead of input_dim")
def builds_for_the_first_layers_units(units, input_dim):
    model = keras.Sequential([keras.layers.Dense(count) for count in units])
    before = [tuple(weight.shape) for weight in model.weights]
    model.build((None, units[0]))
    return model, before, [tuple(weight.shape) for weight in model.weights]


@wrong_answer("weight_shapes_before_and_after_build", "lists only the trainable kernels, not the biases")
def lists_only_the_kernels(units, input_dim):
    model = keras.Sequential([keras.layers.Dense(count) for count in units])
    before = [tuple(weight.shape) for weight in model.weights]
    model.build((None, input_dim))
    return model, before, [tuple(layer.kernel.shape) for layer in model.layers]


@wrong_answer("sequential_mlp", "no ReLU on the hidden layer: two stacked linear maps")
def sequential_without_relu(input_dim, hidden_units, output_units):
    return keras.Sequential([keras.Input((input_dim,)), keras.layers.Dense(hidden_units),
                             keras.layers.Dense(output_units)])


@wrong_answer("functional_mlp", "an output layer without a bias (use_bias=False): fewer parameters")
def functional_output_without_bias(input_dim, hidden_units, output_units):
    inputs = keras.Input((input_dim,))
    hidden = keras.layers.Dense(hidden_units, activation="relu")(inputs)
    return keras.Model(inputs, keras.layers.Dense(output_units, use_bias=False)(hidden))


@wrong_answer("functional_mlp", "written as a Sequential instead of with the functional API")
def functional_as_a_sequential(input_dim, hidden_units, output_units):
    return keras.Sequential([keras.Input((input_dim,)), keras.layers.Dense(hidden_units, activation="relu"),
                             keras.layers.Dense(output_units)])


@wrong_answer("SubclassedMLP", "ReLU on the output layer too: the logits are never negative")
class subclassed_relu_on_the_logits(keras.Model):
    def __init__(self, hidden_units, output_units, **kwargs):
        super().__init__(**kwargs)
        self.hidden = keras.layers.Dense(hidden_units, activation="relu")
        self.out = keras.layers.Dense(output_units, activation="relu")

    def call(self, inputs):
        return self.out(self.hidden(inputs))


@wrong_answer("SubclassedMLP", "swaps the sizes: the hidden layer gets output_units and the output hidden_units")
class subclassed_swapped_sizes(keras.Model):
    def __init__(self, hidden_units, output_units, **kwargs):
        super().__init__(**kwargs)
        self.hidden = keras.layers.Dense(output_units, activation="relu")
        self.out = keras.layers.Dense(hidden_units)

    def call(self, inputs):
        return self.out(self.hidden(inputs))


@wrong_answer("parameter_split", "counts by layer.trainable only: BatchNormalization's moving statistics count as trainable")
def split_by_layer_flag(model):
    trainable = sum(layer.count_params() for layer in model.layers if layer.trainable)
    return trainable, model.count_params() - trainable


@wrong_answer("parameter_split", "counts weight tensors, not the numbers in them")
def counts_weight_tensors(model):
    return len(model.trainable_weights), len(model.non_trainable_weights)


@wrong_answer("parameter_split", "sizes with numpy: numpy int64s come back, not Python ints")
def split_with_numpy(model):
    import numpy as np  # The solution's globals have no numpy.

    return (sum(np.prod(weight.shape, dtype=np.int64) for weight in model.trainable_weights) + np.int64(0),
            sum(np.prod(weight.shape, dtype=np.int64) for weight in model.non_trainable_weights) + np.int64(0))
