"""Plausible wrong answers to kata 28; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("counts the numbers visited instead of the steps (starts at 1)")
def collatz_steps(n):
    steps = tf.constant(1, tf.int32)
    while n > 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


@wrong_answer("n / 2: true division makes n a float in one branch only")
def collatz_steps(n):  # noqa: F811
    steps = tf.constant(0, tf.int32)
    while n > 1:
        if n % 2 == 0:
            n = n / 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


@wrong_answer("loops on n.numpy(): works eagerly, fails inside tf.function")
def collatz_steps(n):  # noqa: F811
    value, steps = int(n.numpy()), 0
    while value > 1:
        value = value // 2 if value % 2 == 0 else 3 * value + 1
        steps += 1
    return tf.constant(steps, tf.int32)


@wrong_answer("rescales even when the norm is already below max_norm")
def clip_to_norm(values, max_norm):
    return values * (max_norm / tf.norm(values))


@wrong_answer("clips every row to max_norm separately (norm over the last axis)")
def clip_to_norm(values, max_norm):  # noqa: F811
    norms = tf.norm(values, axis=-1, keepdims=True)
    return tf.where(norms > max_norm, values * max_norm / norms, values)


@wrong_answer("ignores input_signature")
def make_doubler(input_signature=None):
    trace_log = []

    def double(x):
        trace_log.append(x)
        return 2 * x

    return tf.function(double), trace_log


@wrong_answer("logs every call from a Python wrapper around the tf.function")
def make_doubler(input_signature=None):  # noqa: F811
    trace_log = []
    graph_function = tf.function(lambda x: 2 * x, input_signature=input_signature)

    def double(x):
        trace_log.append(x)
        return graph_function(x)

    double.experimental_get_tracing_count = graph_function.experimental_get_tracing_count
    return double, trace_log


@wrong_answer("returns the total tracing count, not the new traces")
def count_traces(function, arguments):
    for argument in arguments:
        function(argument)
    return function.experimental_get_tracing_count()


@wrong_answer("counts the arguments whose type was not seen before in this call")
def count_traces(function, arguments):  # noqa: F811
    for argument in arguments:
        function(argument)
    return len({type(argument) for argument in arguments})


@wrong_answer("Python print instead of tf.print: prints only while tracing")
def make_logging_function():
    python_log = []

    @tf.function
    def add_one(x):
        python_log.append("traced")
        print("add_one got", x)
        return x + 1

    return add_one, python_log


@wrong_answer("counts with a Python int (steps = 0): eagerly it returns a Python int, not an int32 tensor")
def collatz_steps(n):  # noqa: F811
    steps = 0
    while n > 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


@wrong_answer("the L1 norm (sum of absolute values) instead of the L2 norm")
def clip_to_norm(values, max_norm):  # noqa: F811
    norm = tf.reduce_sum(tf.abs(values))
    if norm > max_norm:
        values = values * (max_norm / norm)
    return values


@wrong_answer("make_doubler wraps a new tf.function at every call: every call traces again")
def make_doubler(input_signature=None):  # noqa: F811
    trace_log = []

    def double(x):
        trace_log.append(x)
        return 2 * x

    return (lambda x: tf.function(double, input_signature=input_signature)(x)), trace_log
