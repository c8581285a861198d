"""Plausible wrong answers to kata 14; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("collatz_steps", "counts the numbers visited instead of the steps (starts at 1)")
def counts_numbers_visited_instead_steps(n):
    steps = tf.constant(1, tf.int32)
    while n > 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


@wrong_answer("collatz_steps", "n / 2: true division makes n a float in one branch only")
def n_2_true_division_makes(n):
    steps = tf.constant(0, tf.int32)
    while n > 1:
        if n % 2 == 0:
            n = n / 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


@wrong_answer("collatz_steps", "loops on n.numpy(): works eagerly, fails inside tf.function")
def loops_n_numpy_works_eagerly(n):
    value, steps = int(n.numpy()), 0
    while value > 1:
        value = value // 2 if value % 2 == 0 else 3 * value + 1
        steps += 1
    return tf.constant(steps, tf.int32)


@wrong_answer("clip_to_norm", "rescales even when the norm is already below max_norm")
def rescales_even_when_norm_already(values, max_norm):
    return values * (max_norm / tf.norm(values))


@wrong_answer("clip_to_norm", "clips every row to max_norm separately (norm over the last axis)")
def clips_every_row_max_norm(values, max_norm):
    norms = tf.norm(values, axis=-1, keepdims=True)
    return tf.where(norms > max_norm, values * max_norm / norms, values)


@wrong_answer("make_doubler", "ignores input_signature")
def ignores_input_signature(input_signature=None):
    trace_log = []

    def double(x):
        trace_log.append(x)
        return 2 * x

    return tf.function(double), trace_log


@wrong_answer("make_doubler", "logs every call from a Python wrapper around the tf.function")
def logs_every_call_python_wrapper(input_signature=None):
    trace_log = []
    graph_function = tf.function(lambda x: 2 * x, input_signature=input_signature)

    def double(x):
        trace_log.append(x)
        return graph_function(x)

    double.experimental_get_tracing_count = graph_function.experimental_get_tracing_count
    return double, trace_log


@wrong_answer("count_traces", "returns the total tracing count, not the new traces")
def returns_total_tracing_count_not(function, arguments):
    for argument in arguments:
        function(argument)
    return function.experimental_get_tracing_count()


@wrong_answer("count_traces", "counts the arguments whose type was not seen before in this call")
def counts_arguments_whose_type_not(function, arguments):
    for argument in arguments:
        function(argument)
    return len({type(argument) for argument in arguments})


@wrong_answer("make_logging_function", "Python print instead of tf.print: prints only while tracing")
def python_print_instead_tf_print():
    python_log = []

    @tf.function
    def add_one(x):
        python_log.append("traced")
        print("add_one got", x)
        return x + 1

    return add_one, python_log


@wrong_answer("collatz_steps", "counts with a Python int (steps = 0): eagerly it returns a Python int, not an int32 tensor")
def counts_python_int_steps_0(n):
    steps = 0
    while n > 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


@wrong_answer("clip_to_norm", "the L1 norm (sum of absolute values) instead of the L2 norm")
def l1_norm_sum_absolute_values(values, max_norm):
    norm = tf.reduce_sum(tf.abs(values))
    if norm > max_norm:
        values = values * (max_norm / norm)
    return values


@wrong_answer("make_doubler", "make_doubler wraps a new tf.function at every call: every call traces again")
def make_doubler_wraps_new_tf(input_signature=None):
    trace_log = []

    def double(x):
        trace_log.append(x)
        return 2 * x

    return (lambda x: tf.function(double, input_signature=input_signature)(x)), trace_log


@wrong_answer("collatz_steps", "counts in int64 (tf.constant(0, tf.int64)) where an int32 scalar is promised")
def counts_in_int64(n):
    steps = tf.constant(0, tf.int64)
    while n > 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


@wrong_answer("clip_to_norm", "divides by the norm but forgets to multiply by max_norm: clips to norm 1")
def clips_to_unit_norm(values, max_norm):
    norm = tf.norm(values)
    if norm > max_norm:
        values = values / norm
    return values


@wrong_answer("clip_to_norm", "compares norm.numpy() with max_norm: works eagerly, fails inside tf.function")
def compares_numpy_norm(values, max_norm):
    norm = tf.norm(values)
    if norm.numpy() > max_norm:
        values = values * (max_norm / norm)
    return values


@wrong_answer("make_doubler", "returns a new empty list, not the list double appends to")
def returns_another_list(input_signature=None):
    trace_log = []

    def double(x):
        trace_log.append(x)
        return 2 * x

    return tf.function(double, input_signature=input_signature), []


@wrong_answer("count_traces", "reads the count after the first call: misses that call's trace, fails on no arguments")
def reads_count_after_first_call(function, arguments):
    function(arguments[0])
    before = function.experimental_get_tracing_count()
    for argument in arguments[1:]:
        function(argument)
    return function.experimental_get_tracing_count() - before


@wrong_answer("make_logging_function", "appends 'traced' once while building the function, not on every trace")
def appends_once_when_built():
    python_log = ["traced"]

    @tf.function
    def add_one(x):
        tf.print("add_one got", x)
        return x + 1

    return add_one, python_log


@wrong_answer("make_logging_function", "tf.print in a plain Python wrapper around the tf.function")
def prints_in_a_python_wrapper():
    python_log = []

    @tf.function
    def graph_add_one(x):
        python_log.append("traced")
        return x + 1

    def add_one(x):
        tf.print("add_one got", x)
        return graph_add_one(x)

    return add_one, python_log


@wrong_answer("make_logging_function", "tf.print to standard output (output_stream=sys.stdout), not standard error")
def prints_to_stdout():
    import sys

    python_log = []

    @tf.function
    def add_one(x):
        python_log.append("traced")
        tf.print("add_one got", x, output_stream=sys.stdout)
        return x + 1

    return add_one, python_log


@wrong_answer("clip_to_norm", "branchless values * tf.minimum(1.0, max_norm / norm): right values, but no Python if")
def branchless_minimum(values, max_norm):
    return values * tf.minimum(1.0, max_norm / tf.norm(values))


@wrong_answer("clip_to_norm", "calls tf.clip_by_norm instead of writing the if")
def calls_clip_by_norm(values, max_norm):
    return tf.clip_by_norm(values, max_norm)


class _LazyDenseBase(tf.Module):
    def __init__(self, units, name=None):
        super().__init__(name=name)
        self.units = units
        self.kernel = None
        self.bias = None


@wrong_answer("LazyDense", "creates kernel and bias on every call: a tf.function may create variables on its first call only")
class CreatesVariablesOnEveryCall(_LazyDenseBase):
    @tf.function
    def __call__(self, x):
        self.kernel = tf.Variable(tf.random.normal([x.shape[-1], self.units], stddev=0.1), name="kernel")
        self.bias = tf.Variable(tf.zeros([self.units]), name="bias")
        return x @ self.kernel + self.bias


@wrong_answer("LazyDense", "stores plain tensors (tf.random.normal, tf.zeros) instead of tf.Variables")
class StoresTensorsNotVariables(_LazyDenseBase):
    @tf.function
    def __call__(self, x):
        if self.kernel is None:
            self.kernel = tf.random.normal([x.shape[-1], self.units], stddev=0.1)
            self.bias = tf.zeros([self.units])
        return x @ self.kernel + self.bias


@wrong_answer("LazyDense", "a kernel [units, features], used transposed")
class TransposedKernel(_LazyDenseBase):
    @tf.function
    def __call__(self, x):
        if self.kernel is None:
            self.kernel = tf.Variable(tf.random.normal([self.units, x.shape[-1]], stddev=0.1), name="kernel")
            self.bias = tf.Variable(tf.zeros([self.units]), name="bias")
        return x @ tf.transpose(self.kernel) + self.bias


@wrong_answer("LazyDense", "forgets the bias: kernel only")
class ForgetsTheBias(_LazyDenseBase):
    @tf.function
    def __call__(self, x):
        if self.kernel is None:
            self.kernel = tf.Variable(tf.random.normal([x.shape[-1], self.units], stddev=0.1), name="kernel")
        return x @ self.kernel


@wrong_answer("LazyDense", "starts the kernel at zeros: every unit the same, nothing to break the symmetry")
class ZeroKernel(_LazyDenseBase):
    @tf.function
    def __call__(self, x):
        if self.kernel is None:
            self.kernel = tf.Variable(tf.zeros([x.shape[-1], self.units]), name="kernel")
            self.bias = tf.Variable(tf.zeros([self.units]), name="bias")
        return x @ self.kernel + self.bias


@wrong_answer("LazyDense", "creates the variables again whenever the batch size changes (a check on x's shape)")
class RecreatesForANewBatchSize(_LazyDenseBase):
    @tf.function
    def __call__(self, x):
        if self.kernel is None or getattr(self, "batch", None) != x.shape[0]:
            self.batch = x.shape[0]
            self.kernel = tf.Variable(tf.random.normal([x.shape[-1], self.units], stddev=0.1), name="kernel")
            self.bias = tf.Variable(tf.zeros([self.units]), name="bias")
        return x @ self.kernel + self.bias


@wrong_answer("save_and_load", "saves without a signature: only the batch sizes traced before saving are served")
def saves_without_a_signature(module, directory, features):
    tf.saved_model.save(module, directory)
    return tf.saved_model.load(directory)


@wrong_answer("save_and_load", "a signature with a fixed batch size (3) instead of None")
def signature_with_a_fixed_batch(module, directory, features):
    serving = module.__call__.get_concrete_function(tf.TensorSpec([3, features], tf.float32))
    tf.saved_model.save(module, directory, signatures=serving)
    return tf.saved_model.load(directory)


@wrong_answer("save_and_load", "saves, then returns the module itself instead of what tf.saved_model.load reads back")
def returns_the_module_itself(module, directory, features):
    serving = module.__call__.get_concrete_function(tf.TensorSpec([None, features], tf.float32))
    tf.saved_model.save(module, directory, signatures=serving)
    return module


@wrong_answer("save_and_load", "traces [None, features] but saves no signatures: no serving_default to read back")
def traces_but_saves_no_signatures(module, directory, features):
    module.__call__.get_concrete_function(tf.TensorSpec([None, features], tf.float32))
    tf.saved_model.save(module, directory)
    return tf.saved_model.load(directory)
