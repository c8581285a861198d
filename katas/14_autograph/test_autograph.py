"""Tests for kata 14. Oracles: a plain Python Collatz loop, tf.clip_by_norm, the tracing counts
tf.function reports itself (experimental_get_tracing_count) and captured standard error; for the
module, numpy's x @ kernel + bias on the variables it holds, and a SavedModel read back from disk."""

import numpy as np
import pytest
import tensorflow as tf

from tfkatas.testing import assert_close, assert_equal


def collatz_by_loop(n):
    steps = 0
    while n > 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


@pytest.mark.parametrize("n", [1, 6, 7, 27])
def test_collatz_steps_counts_like_a_python_loop(kata, n):
    assert_equal(kata.collatz_steps(tf.constant(n)), collatz_by_loop(n), f"collatz_steps(tf.constant({n}))",
                 dtype=tf.int32)


def test_collatz_steps_runs_as_one_graph_with_a_while_loop(kata):
    graph_function = tf.function(kata.collatz_steps)
    concrete = graph_function.get_concrete_function(tf.TensorSpec([], tf.int32))
    op_types = {op.type for op in concrete.graph.get_operations()}
    assert op_types & {"While", "StatelessWhile"}, (
        f"tf.function(collatz_steps)'s graph has no While op (ops: {sorted(op_types)}): "
        "write a Python `while` on the tensor n")
    for n in (3, 9, 97):
        assert_equal(graph_function(tf.constant(n)), collatz_by_loop(n), f"tf.function(collatz_steps)({n})",
                     dtype=tf.int32)
    traces = graph_function.experimental_get_tracing_count()
    assert traces == 1, f"tf.function(collatz_steps) traced {traces} times for int32 scalars, expected once"


@pytest.mark.parametrize("max_norm", [1.0, 30.0])
def test_clip_to_norm_agrees_with_tf_clip_by_norm(kata, max_norm):
    values = np.random.default_rng(28).normal(0.0, 3.0, size=(3, 4)).astype(np.float32)  # Norm about 10.
    expected = tf.clip_by_norm(values, max_norm)
    assert_close(kata.clip_to_norm(tf.constant(values), tf.constant(max_norm)), expected,
                 f"clip_to_norm(values [3, 4] with norm {np.linalg.norm(values):.2f}, max_norm={max_norm})",
                 dtype=tf.float32)


def test_clip_to_norm_on_the_worked_example(kata):
    values = tf.constant([[3.0, 4.0]])
    assert_close(kata.clip_to_norm(values, tf.constant(1.0)), [[0.6, 0.8]], "clip_to_norm([[3, 4]], tf.constant(1.0))")
    assert_close(kata.clip_to_norm(values, tf.constant(10.0)), [[3.0, 4.0]], "clip_to_norm([[3, 4]], tf.constant(10.0))")
    # The docstring's example passes max_norm as a Python float.
    assert_close(kata.clip_to_norm(values, 2.0), [[1.2, 1.6]], "clip_to_norm([[3, 4]], 2.0)")


def test_clip_to_norm_runs_inside_tf_function(kata):
    graph_function = tf.function(kata.clip_to_norm)
    concrete = graph_function.get_concrete_function(tf.TensorSpec([None, None], tf.float32),
                                                    tf.TensorSpec([], tf.float32))
    op_types = {op.type for op in concrete.graph.get_operations()}
    assert op_types & {"If", "StatelessIf"}, (
        f"tf.function(clip_to_norm)'s graph has no If op (ops: {sorted(op_types)}): write a Python `if` on the "
        "norm tensor, which AutoGraph turns into a tf.cond")
    values = tf.constant([[3.0, 4.0], [0.0, 12.0]])  # Norm 13.
    for max_norm in (26.0, 6.5):
        assert_close(graph_function(values, tf.constant(max_norm)), tf.clip_by_norm(values, max_norm),
                     f"tf.function(clip_to_norm)(values with norm 13, max_norm={max_norm})")


def test_make_doubler_traces_once_for_tensors_of_one_shape(kata):
    double, trace_log = kata.make_doubler()
    for values in ([1.0, 2.0, 3.0], [4.0, 5.0, 6.0]):
        assert_close(double(tf.constant(values)), 2 * np.array(values), f"double(tf.constant({values}))")
    assert len(trace_log) == 1, f"trace_log has {len(trace_log)} entries after two calls with [3] float32 " \
                                "tensors, expected 1 (one trace)"
    assert double.experimental_get_tracing_count() == 1, (
        f"double was traced {double.experimental_get_tracing_count()} times, expected once")


def test_make_doubler_retraces_for_python_numbers_and_new_shapes(kata):
    double, trace_log = kata.make_doubler()
    for number in (1, 2, 3):
        assert_equal(double(number), 2 * number, f"double({number})")
    double(tf.constant([1.0, 2.0]))
    double(tf.constant([1.0, 2.0, 3.0, 4.0, 5.0]))
    assert len(trace_log) == 5, (f"trace_log has {len(trace_log)} entries after double(1), double(2), double(3) and "
                                 "float32 tensors of shapes [2] and [5]; expected 5 (each is a new signature)")


def test_make_doubler_with_an_input_signature_traces_once(kata):
    double, trace_log = kata.make_doubler(input_signature=[tf.TensorSpec([None], tf.float32)])
    for length in (2, 5, 7):
        assert_close(double(tf.ones([length])), 2 * np.ones(length), f"double(tf.ones([{length}]))")
    assert len(trace_log) == 1, (f"trace_log has {len(trace_log)} entries after shapes [2], [5], [7] with "
                                 "input_signature [TensorSpec([None], float32)], expected 1")


def test_count_traces_counts_only_new_traces(kata):
    increment = tf.function(lambda x: x + 1)
    arguments = [1, 2, tf.constant(1.0), tf.constant(2.0)]
    assert kata.count_traces(increment, arguments) == 3, "count_traces(fresh function, [1, 2, 1.0 and 2.0 as " \
                                                         "float32 tensors]) should be 3"
    result = kata.count_traces(increment, [tf.constant(5.0), 2, 7])
    assert isinstance(result, int), f"count_traces returned {type(result).__name__}, expected a Python int"
    assert result == 1, f"count_traces(same function, [tf.constant(5.0), 2, 7]) returned {result}, expected 1 " \
                        "(only 7 is new)"
    assert kata.count_traces(increment, []) == 0, "count_traces(function, []) should be 0: no calls, no traces"


def tf_print_output(captured) -> str:
    """What tf.print wrote to standard error. Inside IPython (a notebook's %kata), TensorFlow sends
    it through Python's standard output into the cell instead (its "interactive logging")."""
    import builtins

    return captured.out if hasattr(builtins, "get_ipython") else captured.err


def test_make_logging_function_prints_every_call_but_traces_once(kata, capfd):
    add_one, python_log = kata.make_logging_function()
    for values in ([1.0, 2.0], [3.0, 4.0], [5.0, 6.0]):
        assert_close(add_one(tf.constant(values)), np.array(values) + 1, f"add_one(tf.constant({values}))")
    printed = tf_print_output(capfd.readouterr()).count("add_one got")
    assert printed == 3, f"'add_one got' appeared {printed} times on standard error after 3 calls, expected 3 " \
                         "(tf.print runs on every call; Python's print only while tracing)"
    assert python_log == ["traced"], f"python_log is {python_log!r} after 3 calls of one shape, expected ['traced']"


def test_make_logging_function_traces_again_for_a_new_shape(kata, capfd):
    add_one, python_log = kata.make_logging_function()
    assert hasattr(add_one, "experimental_get_tracing_count"), (
        f"make_logging_function returned add_one of type {type(add_one).__name__}, expected a tf.function")
    for values in ([1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]):
        assert_close(add_one(tf.constant(values)), np.array(values) + 1, f"add_one(tf.constant({values}))")
    printed = tf_print_output(capfd.readouterr()).count("add_one got")
    assert printed == 3, f"'add_one got' appeared {printed} times on standard error after 3 calls, expected 3"
    assert python_log == ["traced", "traced"], (
        f"python_log is {python_log!r} after calls with shapes [2], [3], [3]; expected ['traced', 'traced'] "
        "(each trace appends, the second [3] call reuses its graph)")
    traces = add_one.experimental_get_tracing_count()
    assert traces == 2, f"add_one was traced {traces} times for shapes [2], [3], [3], expected 2"


def test_lazy_dense_creates_its_variables_on_the_first_call_only_and_computes_x_kernel_plus_bias(kata):
    layer = kata.LazyDense(3)
    assert layer.kernel is None and layer.bias is None and not layer.variables, (
        "LazyDense(3) holds variables before its first call; create them in the first call, from x's width")
    inputs = np.random.default_rng(14).normal(size=(2, 5)).astype(np.float32)
    outputs = layer(tf.constant(inputs))
    assert isinstance(layer.kernel, tf.Variable) and isinstance(layer.bias, tf.Variable), (
        f"after the first call kernel is a {type(layer.kernel).__name__} and bias a {type(layer.bias).__name__}, "
        "expected two tf.Variables")
    assert_equal(tf.shape(layer.kernel), [5, 3], "the kernel's shape after LazyDense(3)(x [2, 5]) ([features, units])")
    assert_equal(layer.bias, np.zeros(3), "the bias after the first call (zeros [units])", dtype=tf.float32)
    kernel = layer.kernel.numpy()
    assert kernel.dtype == np.float32 and np.abs(kernel).max() < 1 and kernel.std() > 0.01, (
        f"the kernel starts at {kernel.ravel()[:5]}..., expected small random values (normal, stddev 0.1)")
    assert_close(outputs, inputs @ kernel, "LazyDense(3)(x [2, 5]) (x @ kernel + zero bias)", dtype=tf.float32,
                 rtol=1e-4, atol=1e-5)
    first_kernel, first_bias = layer.kernel, layer.bias
    for batch in (2, 4):  # The same shape again, then a new batch size: a retrace.
        layer(tf.ones([batch, 5]))
        assert layer.kernel is first_kernel and layer.bias is first_bias and len(layer.variables) == 2, (
            f"after a call on [{batch}, 5] the layer holds {len(layer.variables)} variables or new ones: a later "
            "call (a retrace included) must reuse the first call's kernel and bias")
    rng = np.random.default_rng(28)
    kernel, bias = rng.normal(size=(5, 3)).astype(np.float32), np.array([0.5, -2.0, 1.0], np.float32)
    layer.kernel.assign(kernel)
    layer.bias.assign(bias)
    inputs = rng.normal(size=(4, 5)).astype(np.float32)
    assert_close(layer(tf.constant(inputs)), inputs @ kernel + bias, "LazyDense(3) with a kernel [5, 3] and bias "
                 "[0.5, -2, 1] assigned, on x [4, 5] (x @ kernel + bias)", dtype=tf.float32, rtol=1e-4, atol=1e-5)


def test_save_and_load_serves_new_batch_sizes_from_disk(kata, tmp_path):
    layer = kata.LazyDense(3)
    layer(tf.ones([3, 4]))  # Only batch size 3 was traced before saving.
    layer.bias.assign([1.0, -1.0, 0.5])
    directory = str(tmp_path / "lazy_dense")
    loaded = kata.save_and_load(layer, directory, 4)
    assert (tmp_path / "lazy_dense" / "saved_model.pb").exists(), (
        "save_and_load(layer, directory, 4) wrote no saved_model.pb in the directory: save with tf.saved_model.save")
    assert loaded is not layer and not isinstance(loaded, kata.LazyDense), (
        "save_and_load returned the module itself: return what tf.saved_model.load reads back")
    inputs = np.random.default_rng(7).normal(size=(7, 4)).astype(np.float32)
    expected = layer(tf.constant(inputs)).numpy()
    for batch in (7, 2):
        try:
            got = loaded(tf.constant(inputs[:batch]))
        except (ValueError, TypeError) as error:
            raise AssertionError(
                f"loaded(x [{batch}, 4]) failed ({type(error).__name__}): the SavedModel holds only the shapes traced "
                "before saving; trace a signature whose batch size is None") from None
        assert_close(got, expected[:batch], f"loaded(x [{batch}, 4]) after saving a layer only ever called on [3, 4]",
                     dtype=tf.float32, rtol=1e-5, atol=1e-6)
    assert_close(loaded.kernel, layer.kernel.numpy(), "loaded.kernel")
    assert_close(loaded.bias, [1.0, -1.0, 0.5], "loaded.bias (the bias assigned before saving)")
    layer.bias.assign_add([10.0, 10.0, 10.0])  # The loaded copy must not follow the original.
    assert_close(loaded(tf.constant(inputs[:2])), expected[:2], "loaded(x [2, 4]) after the original layer's bias "
                 "changed (the loaded object is a copy read from disk)", rtol=1e-5, atol=1e-6)
    assert "serving_default" in loaded.signatures, (
        f"loaded.signatures holds {list(loaded.signatures)}, expected 'serving_default': pass the traced function "
        "as the signature when saving")
    serve = loaded.signatures["serving_default"]
    (name,) = serve.structured_input_signature[1]
    (output,) = serve(**{name: tf.constant(inputs[:5])}).values()
    assert_close(output, expected[:5], "loaded.signatures['serving_default'] on x [5, 4]", rtol=1e-5, atol=1e-6)

