"""Tests for kata 16. Oracles: numpy matmuls on the layer's own weights, keras.layers.Dense
parameter counts and sums worked out by hand."""

import keras
import numpy as np
import pytest

from tfkatas.testing import assert_close, assert_equal, assert_shape

NOTES_SIZES = [784, 256, 128, 64, 32, 10]


def random_batch(seed, rows, columns):
    return np.random.default_rng(seed).normal(size=(rows, columns)).astype(np.float32)


def built_layer(kata, units, input_dim, activation=None, seed=0):
    """A MyDense built for `input_dim` inputs, with random kernel and nonzero bias set by the test."""
    layer = kata.MyDense(units, activation=activation)
    layer(random_batch(99, 2, input_dim))
    rng = np.random.default_rng(seed)
    layer.kernel.assign(rng.normal(size=(input_dim, units)).astype(np.float32))
    layer.bias.assign(rng.normal(size=(units,)).astype(np.float32))
    return layer


def test_my_dense_creates_a_trainable_kernel_and_bias(kata):
    layer = kata.MyDense(3)
    assert isinstance(layer, keras.layers.Layer), "MyDense should subclass keras.layers.Layer"
    output = layer(random_batch(1, 4, 5))
    assert_shape(output, (4, 3), "MyDense(3) on a [4, 5] batch")
    assert_shape(layer.kernel, (5, 3), "MyDense(3).kernel after a [4, 5] batch ([input_dim, units])")
    assert_shape(layer.bias, (3,), "MyDense(3).bias")
    trainable = sorted(weight.path.split("/")[-1] for weight in layer.trainable_weights)
    assert trainable == ["bias", "kernel"], (
        f"MyDense(3).trainable_weights are named {trainable}, expected ['bias', 'kernel']: "
        "create both with add_weight(..., trainable=True)")


def test_my_dense_bias_starts_at_zero(kata):
    layer = kata.MyDense(4)
    layer(random_batch(20, 2, 7))
    assert_close(layer.bias, np.zeros(4), "MyDense(4).bias right after build (the docstring says zeros)",
                 rtol=0, atol=0)


def test_my_dense_kernel_starts_random_and_differs_between_units(kata):
    layer = kata.MyDense(6)
    layer(random_batch(2, 3, 8))
    kernel = np.asarray(layer.kernel)
    assert np.std(kernel) > 0.01, (
        f"MyDense(6).kernel starts with standard deviation {np.std(kernel):.4f}: it should start random "
        "(for example initializer='glorot_uniform'), or every unit learns the same thing")


@pytest.mark.parametrize("activation, numpy_activation", [
    (None, lambda z: z),
    ("relu", lambda z: np.maximum(z, 0.0)),
    ("tanh", np.tanh),
])
def test_my_dense_computes_activation_of_x_kernel_plus_bias(kata, activation, numpy_activation):
    layer = built_layer(kata, units=4, input_dim=6, activation=activation, seed=3)
    x = random_batch(4, 5, 6)
    expected = numpy_activation(x @ np.asarray(layer.kernel) + np.asarray(layer.bias))
    assert_close(layer(x), expected, f"MyDense(4, activation={activation!r}) on a [5, 6] batch", rtol=1e-5, atol=1e-5)


def _leaky(z):
    """An activation of the test's own: a plain Python function, not a name Keras knows."""
    return keras.ops.maximum(z, 0.2 * z)


@pytest.mark.parametrize("activation, numpy_activation", [
    (keras.activations.sigmoid, lambda z: 1 / (1 + np.exp(-z))),
    (_leaky, lambda z: np.maximum(z, 0.2 * z)),
], ids=["keras.activations.sigmoid", "a_plain_function"])
def test_my_dense_takes_an_activation_function(kata, activation, numpy_activation):
    layer = built_layer(kata, units=3, input_dim=5, activation=activation, seed=21)
    x = random_batch(22, 4, 5)
    expected = numpy_activation(x @ np.asarray(layer.kernel).astype(np.float64) + np.asarray(layer.bias))
    assert_close(layer(x), expected, f"MyDense(3, activation={activation.__name__}) on a [4, 5] batch",
                 rtol=1e-5, atol=1e-5)


def test_my_dense_config_keeps_an_activation_function_and_no_activation(kata):
    x = random_batch(23, 4, 3)
    for activation in (keras.activations.sigmoid, None):
        layer = built_layer(kata, units=2, input_dim=3, activation=activation, seed=24)
        copy = kata.MyDense.from_config(layer.get_config())
        copy(x)
        copy.set_weights(layer.get_weights())
        assert_close(copy(x), layer(x), f"MyDense.from_config(MyDense(2, activation={activation!r}).get_config()) "
                     "with the same weights", rtol=1e-6, atol=1e-6)


def test_my_dense_config_round_trips_through_from_config(kata):
    layer = built_layer(kata, units=7, input_dim=3, activation="relu", seed=5)
    config = layer.get_config()
    assert config.get("units") == 7, f"MyDense(7).get_config()['units'] is {config.get('units')!r}, expected 7"
    assert "name" in config, "MyDense.get_config() should start from super().get_config() (it has no 'name' key)"
    assert config.get("activation") == "relu", (
        f"MyDense(7, activation='relu').get_config()['activation'] is {config.get('activation')!r}, expected 'relu': "
        "a config holds plain (JSON) values, so store keras.activations.serialize(self.activation)")
    copy = kata.MyDense.from_config(config)
    assert copy.units == 7, f"MyDense.from_config(config).units is {copy.units!r}, expected 7"
    x = random_batch(6, 4, 3) - 0.5
    copy(x)
    copy.set_weights(layer.get_weights())
    assert_close(copy(x), layer(x), "MyDense.from_config(config) with the same weights (activation kept?)")


def test_count_dense_params_follows_the_in_plus_one_times_out_rule(kata):
    result = kata.count_dense_params([4, 3, 2])
    assert isinstance(result, int), f"count_dense_params returned {type(result).__name__}, expected int"
    assert result == 23, f"count_dense_params([4, 3, 2]) returned {result}, expected (4+1)*3 + (3+1)*2 = 23"
    # The notes' network: 200960 + 32896 + 8256 + 2080 + 330.
    result = kata.count_dense_params(NOTES_SIZES)
    assert result == 244522, f"count_dense_params({NOTES_SIZES}) returned {result}, expected 244522"


@pytest.mark.parametrize("sizes, expected", [([7], 0), ([5, 1], 6), ([1, 1], 2), ([2, 9, 1, 6], 27 + 10 + 12)])
def test_count_dense_params_on_short_and_odd_stacks(kata, sizes, expected):
    result = kata.count_dense_params(sizes)
    assert isinstance(result, int) and result == expected, (
        f"count_dense_params({sizes}) returned {result!r}, expected {expected} (a Python int)")


def test_count_dense_params_agrees_with_keras_dense(kata):
    sizes = [9, 5, 7, 2]
    model = keras.Sequential([keras.Input((sizes[0],))] + [keras.layers.Dense(units) for units in sizes[1:]])
    result = kata.count_dense_params(sizes)
    assert result == model.count_params(), (
        f"count_dense_params({sizes}) returned {result}, Keras Dense layers have {model.count_params()}")


@pytest.fixture(scope="module")
def notes_batch():
    return random_batch(7, 3, 784)


def test_my_model_uses_relu_between_layers_and_returns_logits(kata, notes_batch):
    model = kata.MyModel()
    model(notes_batch)
    # Give the biases some size so that ReLU clips and negative logits appear.
    rng = np.random.default_rng(8)
    for layer in (model.fc1, model.fc2, model.fc3, model.fc4, model.fc5):
        layer.bias.assign(rng.normal(size=layer.bias.shape).astype(np.float32))
    x = notes_batch
    for index, layer in enumerate((model.fc1, model.fc2, model.fc3, model.fc4, model.fc5)):
        x = x @ np.asarray(layer.kernel) + np.asarray(layer.bias)
        if index < 4:
            x = np.maximum(x, 0.0)
    assert (x < 0).any(), "test data should give some negative logits"
    assert_close(model(notes_batch), x, "MyModel() logits (ReLU after fc1..fc4, nothing after fc5)",
                 rtol=1e-4, atol=1e-4)


def test_my_model_stacks_five_my_dense_layers_of_the_notes(kata, notes_batch):
    model = kata.MyModel()
    assert isinstance(model, keras.Model), "MyModel should subclass keras.Model"
    logits = model(notes_batch)
    assert_shape(logits, (3, 10), "MyModel() on a [3, 784] batch")
    layers = [getattr(model, name, None) for name in ("fc1", "fc2", "fc3", "fc4", "fc5")]
    assert all(isinstance(layer, kata.MyDense) for layer in layers), (
        f"MyModel's fc1 ... fc5 should be MyDense layers, got {[type(layer).__name__ for layer in layers]}")
    units = [layer.units for layer in layers]
    assert units == NOTES_SIZES[1:], f"MyModel's layers have units {units}, expected {NOTES_SIZES[1:]}"
    assert model.count_params() == kata.count_dense_params(NOTES_SIZES), (
        f"MyModel has {model.count_params()} parameters, expected {kata.count_dense_params(NOTES_SIZES)}")


@pytest.fixture(scope="module")
def regression_data():
    rng = np.random.default_rng(11)
    x = rng.normal(size=(96, 6)).astype(np.float32)
    y = (x @ rng.normal(size=(6, 1)) + 0.5).astype(np.float32)
    return x, y


def test_my_dense_trains_inside_sequential_with_fit(kata, regression_data):
    x, y = regression_data
    model = keras.Sequential([keras.Input((6,)), kata.MyDense(8, activation="relu"), kata.MyDense(1)])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.05), loss="mse")
    before = model.evaluate(x, y, verbose=0)
    model.fit(x, y, epochs=15, batch_size=32, verbose=0)
    after = model.evaluate(x, y, verbose=0)
    assert after < 0.3 * before, (
        f"a Sequential of MyDense layers went from loss {before:.3f} to {after:.3f} after 15 epochs; "
        "expected it to fall below 30% (are kernel and bias trainable and used in call?)")


def test_my_dense_model_survives_a_keras_save_and_load(kata, regression_data, tmp_path):
    x, _ = regression_data
    name = keras.saving.get_registered_name(kata.MyDense)
    assert name != "MyDense", (
        "MyDense is not registered: keep the @keras.saving.register_keras_serializable decorator on the class")
    model = keras.Sequential([keras.Input((6,)), kata.MyDense(5, activation="relu"), kata.MyDense(2)])
    # Nonzero biases, so a loaded model that dropped them would differ.
    for layer in model.layers:
        layer.bias.assign(np.linspace(-1.0, 1.0, layer.units).astype(np.float32))
    path = tmp_path / "my_dense.keras"
    model.save(path)
    # The scope maps the registered name to this run's class (other runs register the same name).
    with keras.saving.custom_object_scope({name: kata.MyDense}):
        loaded = keras.models.load_model(path)
    assert [type(layer).__name__ for layer in loaded.layers] == ["MyDense", "MyDense"], (
        f"the loaded model has layers {[type(layer).__name__ for layer in loaded.layers]}, expected two MyDense")
    assert_close(loaded.predict(x, verbose=0), model.predict(x, verbose=0), "predictions after save and load")


# Model anatomy. Oracles: the layer counts and shapes worked out by hand, keras.layers.Dense's own
# parameter counts, and numpy's relu(x @ W1 + b1) @ W2 + b2 on the models' weights.

def _plain_stages(stages):
    """Stages as (int, tuple) pairs, whether the learner wrote tuples or lists."""
    return [(count, tuple(shape)) for count, shape in stages]


@pytest.mark.parametrize("input_dim, units, expected", [
    (5, [4, 3, 2], [(1, (None, 4)), (2, (None, 3)), (3, (None, 2)), (2, (None, 3))]),
    (7, [6, 1], [(1, (None, 6)), (2, (None, 1)), (1, (None, 6))]),
])
def test_sequential_add_and_pop_reports_each_stage(kata, input_dim, units, expected):
    model, stages = kata.sequential_add_and_pop(input_dim, units)
    assert isinstance(model, keras.Sequential), f"sequential_add_and_pop returned a {type(model).__name__}, expected a Sequential"
    assert len(stages) == len(units) + 1, (
        f"sequential_add_and_pop({input_dim}, {units}) recorded {len(stages)} stages, expected "
        f"{len(units) + 1}: one after each add and one after the pop")
    assert _plain_stages(stages) == expected, (
        f"sequential_add_and_pop({input_dim}, {units}) recorded {_plain_stages(stages)}, expected {expected} "
        "(the Input is not a layer; after the pop the output is the previous layer's again)")
    assert [layer.units for layer in model.layers] == units[:-1], (
        f"the returned model has Dense layers of {[getattr(layer, 'units', None) for layer in model.layers]} "
        f"units, expected {units[:-1]}: pop should remove the last layer")
    assert_shape(model(random_batch(30, 2, input_dim)), (2, units[-2]), "the popped model on a [2, input_dim] batch")


@pytest.mark.parametrize("units, input_dim", [([3, 2], 4), ([5, 1, 6], 2)])
def test_weight_shapes_before_and_after_build(kata, units, input_dim):
    model, before, after = kata.weight_shapes_before_and_after_build(units, input_dim)
    assert list(before) == [], (
        f"weight_shapes_before_and_after_build({units}, {input_dim}) saw weights {before} before the build, "
        "expected none: without a keras.Input a model cannot know its kernels' shapes")
    sizes = [input_dim, *units]
    expected = []
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        expected += [(n_in, n_out), (n_out,)]
    assert [tuple(shape) for shape in after] == expected, (
        f"weight_shapes_before_and_after_build({units}, {input_dim}) saw {after} after the build, expected {expected}")
    assert model.built, "the returned model should be built"
    assert [tuple(weight.shape) for weight in model.weights] == expected, (
        "the returned model's weights do not have the shapes reported after the build")


MLP_SIZES = (6, 5, 3)  # input_dim, hidden_units, output_units: none equal, so a swap shows.


def three_mlps(kata, input_dim=MLP_SIZES[0], hidden=MLP_SIZES[1], outputs=MLP_SIZES[2]):
    subclassed = kata.SubclassedMLP(hidden, outputs)
    subclassed(random_batch(32, 1, input_dim))  # A subclassed model is built by its first call.
    return {"sequential_mlp": kata.sequential_mlp(input_dim, hidden, outputs),
            "functional_mlp": kata.functional_mlp(input_dim, hidden, outputs),
            "SubclassedMLP": subclassed}


def test_the_three_mlps_are_written_three_ways(kata):
    models = three_mlps(kata)
    assert isinstance(models["sequential_mlp"], keras.Sequential), (
        f"sequential_mlp returned a {type(models['sequential_mlp']).__name__}, expected a keras.Sequential")
    functional = models["functional_mlp"]
    assert isinstance(functional, keras.Model) and not isinstance(functional, keras.Sequential), (
        f"functional_mlp returned a {type(functional).__name__}, expected keras.Model(inputs, outputs)")
    assert type(functional).__name__ == "Functional", (
        f"functional_mlp returned a {type(functional).__name__}, expected the functional API's model "
        "(keras.Model(inputs, outputs))")
    assert issubclass(kata.SubclassedMLP, keras.Model) and not issubclass(kata.SubclassedMLP, keras.Sequential), (
        "SubclassedMLP should subclass keras.Model directly")


@pytest.mark.parametrize("sizes", [MLP_SIZES, (2, 7, 4)])
def test_the_three_mlps_have_the_same_parameter_count(kata, sizes):
    input_dim, hidden, outputs = sizes
    expected = (input_dim + 1) * hidden + (hidden + 1) * outputs
    for name, model in three_mlps(kata, *sizes).items():
        assert model.count_params() == expected, (
            f"{name} for sizes {sizes} has {model.count_params()} parameters, expected "
            f"({input_dim} + 1) * {hidden} + ({hidden} + 1) * {outputs} = {expected}")


def test_the_three_mlps_give_the_same_outputs_with_the_same_weights(kata):
    rng = np.random.default_rng(33)
    input_dim, hidden, outputs = MLP_SIZES
    weights = [rng.normal(size=(input_dim, hidden)), rng.normal(size=hidden),
               rng.normal(size=(hidden, outputs)), rng.normal(size=outputs)]
    weights = [w.astype(np.float32) for w in weights]
    x = random_batch(34, 4, input_dim)
    expected = np.maximum(x @ weights[0] + weights[1], 0.0) @ weights[2] + weights[3]
    for name, model in three_mlps(kata).items():
        shapes = [tuple(w.shape) for w in model.get_weights()]
        assert shapes == [w.shape for w in weights], (
            f"{name}'s weights have shapes {shapes}, expected {[w.shape for w in weights]} "
            "(hidden kernel, hidden bias, output kernel, output bias)")
        model.set_weights(weights)
        assert_close(model(x), expected, f"{name} with the test's weights on a [4, 6] batch "
                     "(ReLU after the hidden layer, none after the output)", rtol=1e-5, atol=1e-5)


def frozen_batch_norm_model():
    return keras.Sequential([keras.Input((6,)), keras.layers.Dense(8), keras.layers.BatchNormalization(),
                             keras.layers.Dense(3, trainable=False)])


def test_parameter_split_counts_moving_statistics_and_frozen_layers_apart(kata):
    model = frozen_batch_norm_model()
    result = kata.parameter_split(model)
    assert isinstance(result, tuple) and len(result) == 2, (
        f"parameter_split returned {result!r}, expected a (trainable, non_trainable) tuple")
    assert all(type(count) is int for count in result), (
        f"parameter_split returned {tuple(type(count).__name__ for count in result)}, expected two Python ints")
    assert result == (72, 43), (
        f"parameter_split(Input 6 -> Dense 8 -> BatchNormalization -> Dense 3 frozen) returned {result}, expected "
        "(72, 43): the moving mean and variance (8 + 8) and the frozen Dense (8 * 3 + 3) do not train")
    assert sum(result) == model.count_params(), "trainable + non_trainable should equal model.count_params()"


def test_parameter_split_follows_trainable_flags(kata):
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(5), keras.layers.Dense(2)])
    assert kata.parameter_split(model) == (37, 0), (
        f"parameter_split(Input 4 -> Dense 5 -> Dense 2) returned {kata.parameter_split(model)}, expected (37, 0)")
    model.layers[0].trainable = False
    assert kata.parameter_split(model) == (12, 25), (
        f"parameter_split after freezing the first Dense returned {kata.parameter_split(model)}, expected (12, 25)")
    model.trainable = False
    assert kata.parameter_split(model) == (0, 37), (
        f"parameter_split after model.trainable = False returned {kata.parameter_split(model)}, expected (0, 37)")
