"""Kata 16 — Custom layers and models (MyDense).

Keras builds networks from layers; when no built-in layer fits, you write your own. Here you
rebuild the fully connected layer by hand as `MyDense`: it owns a weight matrix `kernel`
`[input_dim, units]` and a bias vector `bias` `[units]`, created with `add_weight` once the
input size is known (`build`), and its forward pass (`call`) is `activation(x @ kernel + bias)`.
Then you stack five of them into the notes' network `MyModel` (256-128-64-32-10) and count
its parameters with the `(inputs + 1) * outputs` rule.

Your `MyDense` must behave like any Keras layer: it trains inside `Sequential` with `fit`,
and it survives `get_config`/`from_config` and a `.keras` save/load round trip.

Last, model anatomy: grow a Sequential with `add` and shrink it with `pop`, see that a model has
no weights until it is built, write one small network three ways (Sequential, functional,
subclassed) and count the trainable and non-trainable parameters of a model.

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


## Model anatomy
# The rest of the kata looks inside a model: how a Sequential grows and shrinks, when its weights
# appear, that one network can be written three ways, and which of its weights training moves.


def sequential_add_and_pop(input_dim, units):
    """Grow a Sequential one Dense layer at a time, then remove the last one; report each stage.

    Start from `keras.Sequential([keras.Input((input_dim,))])`, add one `keras.layers.Dense(u)`
    per entry of `units` (a list of at least two ints) with the model's add method, then take
    the last layer off with its pop method. After every add and after the pop, record the pair
    `(number of layers, the model's output shape)`: the count is `len(model.layers)` (the Input
    is not a layer) and the shape a tuple such as `(None, 4)` (None for the batch size).

    Return `(model, stages)`: the model after the pop, and the list of `len(units) + 1` pairs.
    Example: input_dim 5, units [4, 3, 2] -> stages
    [(1, (None, 4)), (2, (None, 3)), (3, (None, 2)), (2, (None, 3))], and the model maps a
    [batch, 5] input to [batch, 3].
    """
    ### BEGIN SOLUTION: Sequential has methods to append and to remove its last layer; output_shape reads the current end.
    model = keras.Sequential([keras.Input((input_dim,))])
    stages = []
    for count in units:
        model.add(keras.layers.Dense(count))
        stages.append((len(model.layers), tuple(model.output_shape)))
    # pop removes the last layer and makes the one before it the model's output again.
    model.pop()
    stages.append((len(model.layers), tuple(model.output_shape)))
    return model, stages
    ### END SOLUTION


def weight_shapes_before_and_after_build(units, input_dim):
    """The weight shapes of a Sequential of Dense layers before and after it is built.

    Make `keras.Sequential([keras.layers.Dense(u) for u in units])` with no `keras.Input`: it
    cannot know its input size yet, so it has no weights. Record the shapes of `model.weights`,
    then build the model for `[batch, input_dim]` inputs (its build method, or one call on a
    batch) and record them again. Each shape is a tuple; the weights come in the model's order
    (each layer's kernel `[inputs, units]`, then its bias `[units]`).

    Return `(model, before, after)`: the built model and the two lists of shape tuples.
    Example: units [3, 2], input_dim 4 -> before [], after [(4, 3), (3,), (3, 2), (2,)].
    """
    ### BEGIN SOLUTION: a layer makes its weights in build, once the input shape is known; Model.build takes a shape with the batch dimension.
    model = keras.Sequential([keras.layers.Dense(count) for count in units])
    before = [tuple(weight.shape) for weight in model.weights]
    # None stands for any batch size; only the last dimension decides the kernels' shapes.
    model.build((None, input_dim))
    after = [tuple(weight.shape) for weight in model.weights]
    return model, before, after
    ### END SOLUTION


def sequential_mlp(input_dim, hidden_units, output_units):
    """A two-layer network as a `keras.Sequential`: Dense(hidden_units, ReLU), then
    Dense(output_units) with no activation, for `[batch, input_dim]` inputs (start the list with
    `keras.Input((input_dim,))` so the model is built).

    Example: sequential_mlp(6, 5, 3) has (6 + 1) * 5 + (5 + 1) * 3 = 53 parameters and maps a
    [4, 6] batch to [4, 3] logits.
    """
    ### BEGIN SOLUTION: a Sequential takes a list of layers, the Input first.
    return keras.Sequential([
        keras.Input((input_dim,)),
        keras.layers.Dense(hidden_units, activation="relu"),
        keras.layers.Dense(output_units),
    ])
    ### END SOLUTION


def functional_mlp(input_dim, hidden_units, output_units):
    """The same network as `sequential_mlp`, written with the functional API: a `keras.Input`,
    each layer called on the previous tensor, and `keras.Model(inputs, outputs)`.

    Example: functional_mlp(6, 5, 3) has 53 parameters, like sequential_mlp(6, 5, 3), and with
    the same weights it gives the same outputs.
    """
    ### BEGIN SOLUTION: the functional API calls each layer on a symbolic tensor and ties Input to output in keras.Model.
    inputs = keras.Input((input_dim,))
    hidden = keras.layers.Dense(hidden_units, activation="relu")(inputs)
    outputs = keras.layers.Dense(output_units)(hidden)
    return keras.Model(inputs, outputs)
    ### END SOLUTION


class SubclassedMLP(keras.Model):
    """The same network once more, as a subclass of `keras.Model`: `__init__` makes
    `self.hidden` (Dense(hidden_units, ReLU)) and `self.out` (Dense(output_units), no activation);
    `call` runs the inputs through them in that order.

    Example: SubclassedMLP(5, 3) applied to a [4, 6] batch returns [4, 3] logits and then has
    53 parameters, like the other two.
    """

    def __init__(self, hidden_units, output_units, **kwargs):
        super().__init__(**kwargs)
        ### BEGIN SOLUTION: layers assigned to attributes in __init__ are tracked by the model.
        self.hidden = keras.layers.Dense(hidden_units, activation="relu")
        self.out = keras.layers.Dense(output_units)
        ### END SOLUTION

    def call(self, inputs):
        """The logits: the output layer applied to the hidden layer's output."""
        ### BEGIN SOLUTION: call the layers in order.
        return self.out(self.hidden(inputs))
        ### END SOLUTION


def parameter_split(model):
    """How many of a built model's numbers training changes, and how many it leaves alone.

    Return `(trainable, non_trainable)`, two Python ints: the number of scalar values (not of
    weight tensors) in `model.trainable_weights` and in `model.non_trainable_weights`. Their sum
    is `model.count_params()`. Non-trainable weights are a BatchNormalization layer's moving mean
    and variance (its gamma and beta train) and every weight of a layer with `trainable=False`.

    Example: Input 6 -> Dense(8) -> BatchNormalization -> Dense(3, trainable=False):
    trainable 6*8 + 8 + 8 + 8 = 72, non-trainable 8 + 8 + 8*3 + 3 = 43 (115 in all).
    """
    ### BEGIN SOLUTION: a model lists its trainable and non-trainable weights apart; a weight's size is the product of its shape.
    def size(weights):
        total = 0
        for weight in weights:
            count = 1
            for dimension in weight.shape:
                count *= int(dimension)
            total += count
        return total

    return size(model.trainable_weights), size(model.non_trainable_weights)
    ### END SOLUTION
