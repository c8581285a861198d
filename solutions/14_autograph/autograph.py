"""Kata 14 — AutoGraph and tf.function.

`@tf.function` turns a Python function into a TensorFlow graph. AutoGraph rewrites Python
control flow that depends on tensors: a `while` on a tensor becomes `tf.while_loop`, an `if`
on a tensor becomes `tf.cond`. The Python body runs only while the function is *traced*
(once per new input signature); after that the graph runs without Python. So a Python side
effect (`print`, appending to a list) happens once per trace, while `tf.print` runs on every
call. Python numbers are part of the signature (every new value retraces), tensors only by
dtype and shape, and an `input_signature` fixes the signature once and for all.

A `tf.Module` gathers variables and tf.functions in one object. A tf.function may create
variables only on its first call (a layer that learns its input width from its first input
does exactly that), and `tf.saved_model.save` writes the module's variables and traced graphs
to a directory that `tf.saved_model.load` brings back without the Python class: what is
served there is what was traced, so an `input_signature` with a `None` batch size lets it
serve batches of any size. (TF1 built a graph of placeholders and ran it in a Session with a
feed_dict; in TF2 the tf.function is the graph and calling it with tensors runs it.)

Run `make kata N=14` to test your answers, `make hint N=14` when stuck.
"""

import tensorflow as tf


def collatz_steps(n):
    """How many Collatz steps take the int32 scalar tensor `n` (>= 1) down to 1: an int32 scalar.

    A step halves an even number and turns an odd one into 3n + 1. Write it with a plain
    Python `while` and `if` on tensors (no `.numpy()`, no `int(n)`): the tests also run it
    as `tf.function(collatz_steps)`, where AutoGraph turns them into tf.while_loop and tf.cond.
    Example: 6 -> 3 -> 10 -> 5 -> 16 -> 8 -> 4 -> 2 -> 1, so collatz_steps(6) = 8; collatz_steps(1) = 0.
    """
    ### BEGIN SOLUTION: AutoGraph turns a Python while and if on tensors into graph loops and conditions; keep n an integer.
    steps = tf.constant(0, tf.int32)
    while n > 1:  # A tensor condition: AutoGraph builds a tf.while_loop.
        if n % 2 == 0:  # Also a tensor condition: a tf.cond. Both branches must give n the same dtype.
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps
    ### END SOLUTION


def clip_to_norm(values, max_norm):
    """`values` scaled down so that its L2 norm over all elements is at most `max_norm`.

    If the norm is already <= max_norm, return `values` unchanged; otherwise return
    values * max_norm / norm. Use a Python `if` on the norm tensor: eagerly it is a plain `if`,
    inside `tf.function(clip_to_norm)` AutoGraph makes it a tf.cond.
    Example: [[3.0, 4.0]] (norm 5) with max_norm 1.0 -> [[0.6, 0.8]]; with max_norm 10.0 -> [[3.0, 4.0]].
    """
    ### BEGIN SOLUTION: take the norm over every element (tf.norm), and rescale with a Python `if` that AutoGraph turns into tf.cond.
    norm = tf.norm(values)
    if norm > max_norm:
        values = values * (max_norm / norm)
    return values
    ### END SOLUTION


def make_doubler(input_signature=None):
    """Return `(double, trace_log)`: a tf.function `double(x) = 2 * x` and a Python list.

    `double` must append one entry to `trace_log` each time TensorFlow traces it, and nothing
    on the calls that reuse a graph. Pass `input_signature` on to `tf.function`.
    Example: double(tf.constant([1.0, 2.0])) twice -> [2.0, 4.0] twice, trace_log has 1 entry;
    double(1) then double(2) (Python ints) -> two more entries: each new Python value retraces.
    """
    ### BEGIN SOLUTION: a Python list.append inside the function body runs only while tracing.
    trace_log = []

    def double(x):
        trace_log.append(x)  # Python code: runs during tracing, not when the graph is reused.
        return 2 * x

    return tf.function(double, input_signature=input_signature), trace_log
    ### END SOLUTION


def count_traces(function, arguments):
    """Call the tf.function `function` once on each item of `arguments`, in order; return how
    many *new* traces those calls caused, as a Python int.

    Example: for a fresh tf.function, arguments [1, 2, tf.constant(1.0), tf.constant(2.0)] -> 3
    (one trace per Python value, one for the float32 scalar tensors).
    """
    ### BEGIN SOLUTION: read function.experimental_get_tracing_count() before and after the calls.
    before = function.experimental_get_tracing_count()
    for argument in arguments:
        function(argument)
    return function.experimental_get_tracing_count() - before
    ### END SOLUTION


def make_logging_function():
    """Return `(add_one, python_log)`: a tf.function `add_one(x) = x + 1` and a Python list.

    Every *call* must `tf.print("add_one got", x)` (to standard error, tf.print's default);
    every *trace* must append the string "traced" to `python_log`.
    Example: three calls with float32 tensors of shape [2] -> "add_one got" printed three times,
    python_log == ["traced"].
    """
    ### BEGIN SOLUTION: tf.print becomes an op in the graph (runs every call); list.append is Python (runs per trace).
    python_log = []

    @tf.function
    def add_one(x):
        python_log.append("traced")
        tf.print("add_one got", x)
        return x + 1

    return add_one, python_log
    ### END SOLUTION


class LazyDense(tf.Module):
    """A dense layer, outputs = x @ kernel + bias, that learns its input width from its first call.

    `LazyDense(units)` makes no variables: `kernel` and `bias` are None until the first call.
    The first call, on x float32 [batch, features], creates `kernel`, a tf.Variable float32
    [features, units] drawn at random (tf.random.normal with stddev 0.1: small, not all equal),
    and `bias`, a tf.Variable float32 [units] of zeros; every later call (any batch size, a retrace
    included) reuses those two variables and never creates another one.
    `__call__` returns float32 [batch, units].
    Example: layer = LazyDense(3); layer(tf.ones([2, 5])) has shape [2, 3] and creates kernel
    [5, 3] and bias [3]; layer(tf.ones([4, 5])) after it -> shape [4, 3], still 2 variables.
    """

    def __init__(self, units, name=None):
        super().__init__(name=name)
        self.units = units
        self.kernel = None
        self.bias = None

    @tf.function
    def __call__(self, x):
        ### BEGIN SOLUTION: a tf.function may create variables on its first call only; create them once, when they do not exist yet.
        if self.kernel is None:  # A Python check, run while tracing: true only on the first trace.
            features = x.shape[-1]  # The static width: known while tracing.
            self.kernel = tf.Variable(tf.random.normal([features, self.units], stddev=0.1), name="kernel")
            self.bias = tf.Variable(tf.zeros([self.units]), name="bias")
        return x @ self.kernel + self.bias
        ### END SOLUTION


def save_and_load(module, directory, features):
    """Save the LazyDense `module` to `directory` as a SavedModel, load it back and return the loaded object.

    `module` has been called at least once (so its variables exist); `features` is its input width. The loaded
    object works without the LazyDense class: `loaded(x)` gives module(x) for x float32
    [batch, features] of ANY batch size (not only the sizes called before saving), its `kernel`
    and `bias` hold the saved values, and `loaded.signatures["serving_default"]` serves it too
    (called with the keyword `x=...`, it returns a dict holding the one output).
    It is a copy read from disk: changing `module`'s variables afterwards does not change it.
    Example: module called on [3, 4] inputs, then loaded = save_and_load(module, path, 4):
    loaded(tf.ones([7, 4])) equals module(tf.ones([7, 4])).
    """
    ### BEGIN SOLUTION: only traced graphs are saved; trace one for a signature whose batch size is None, then save and load.
    # A concrete function for [None, features] serves every batch size; as the signature it is
    # also the serving_default the notes read back (they spell it "serving_defaut").
    serving = module.__call__.get_concrete_function(tf.TensorSpec([None, features], tf.float32))
    tf.saved_model.save(module, directory, signatures=serving)
    return tf.saved_model.load(directory)
    ### END SOLUTION
