"""Tests for kata 38. Oracle: plain single-process training on the global batch with a GradientTape.

The cheap tests call your functions in this process (a one-device MirroredStrategy stands in for
the cluster where a strategy is needed). The last test starts two worker processes on free
127.0.0.1 ports (one launcher imports TensorFlow once and forks them); each sets the TF_CONFIG
your `tf_config` returned, imports your module and trains under a MultiWorkerMirroredStrategy.
All of them are killed if they run past a time limit.
"""

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys

import keras
import numpy as np
import pytest
import tensorflow as tf

from tfkatas.testing import assert_close, assert_python_float

EXAMPLES, FEATURES, OUTPUTS, GLOBAL_BATCH, LEARNING_RATE = 40, 3, 2, 8, 0.1
WORKERS, WORKER_TIME_LIMIT = 2, 120  # Seconds for both workers together; both are killed past it.


def regression_data(seed=0, examples=EXAMPLES, features=FEATURES, outputs=OUTPUTS):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(examples, features)).astype(np.float32)
    weights = rng.normal(size=(features, outputs)).astype(np.float32)
    return x, (x @ weights + 0.1 * rng.normal(size=(examples, outputs))).astype(np.float32)


def initial_weights():
    """The tiny linear model's starting kernel [features, outputs] and bias [outputs]."""
    rng = np.random.default_rng(5)
    return [rng.normal(size=(FEATURES, OUTPUTS)).astype(np.float32), rng.normal(size=OUTPUTS).astype(np.float32)]


def linear_model():
    model = keras.Sequential([keras.Input(shape=(FEATURES,)), keras.layers.Dense(OUTPUTS)])
    model.set_weights(initial_weights())
    return model


@contextlib.contextmanager
def watching_strategy_calls():
    """While the block runs, count MirroredStrategy.run calls and record the ReduceOp of every reduce
    (kata 37's helper, cut down): with one replica SUM and MEAN give the same number."""
    record = {"runs": 0, "reduce_ops": []}
    mirrored = tf.distribute.MirroredStrategy
    original_run, original_reduce = mirrored.run, mirrored.reduce
    own = {name: mirrored.__dict__[name] for name in ("run", "reduce") if name in mirrored.__dict__}

    @tf.autograph.experimental.do_not_convert
    def run(self, fn, args=(), kwargs=None, options=None):
        record["runs"] += 1  # Inside a tf.function this counts traces: at least 1 when run is used.
        return original_run(self, fn, args=args, kwargs=kwargs, options=options)

    @tf.autograph.experimental.do_not_convert
    def reduce(self, reduce_op, value, axis):
        record["reduce_ops"].append(reduce_op)
        return original_reduce(self, reduce_op, value, axis)

    mirrored.run, mirrored.reduce = run, reduce
    try:
        yield record
    finally:
        for name in ("run", "reduce"):
            if name in own:
                setattr(mirrored, name, own[name])
            else:
                delattr(mirrored, name)  # Back to the method MirroredStrategy inherits.


class RecordingCheckpoint(tf.train.Checkpoint):
    """A tf.train.Checkpoint that remembers the prefixes it wrote under (save, write and CheckpointManager
    all end in _write)."""

    def __init__(self, **objects):
        super().__init__(**objects)
        self.saved_prefixes = []

    def _write(self, file_prefix, *args, **kwargs):
        self.saved_prefixes.append(os.fspath(file_prefix))
        return super()._write(file_prefix, *args, **kwargs)


def listing(directory):
    return sorted(os.listdir(directory)) if os.path.isdir(directory) else []


# ----------------------------------------------------------------------------- tf_config and is_chief


def test_tf_config_lists_every_worker_and_names_this_task(kata):
    ports = [23456, 23461, 23470]
    for index in (2, 0):
        config = kata.tf_config(index, ports)
        expected = {"cluster": {"worker": ["127.0.0.1:23456", "127.0.0.1:23461", "127.0.0.1:23470"]},
                    "task": {"type": "worker", "index": index}}
        assert config == expected, f"tf_config({index}, {ports}) returned {config!r}, expected {expected!r}"
        assert json.loads(json.dumps(config)) == expected, (
            f"tf_config({index}, {ports}) does not survive json.dumps (TF_CONFIG is a JSON string): use plain "
            "dicts, lists, strs and ints")


def test_tf_config_refuses_an_index_outside_the_cluster(kata):
    for index in (2, -1):
        with pytest.raises(ValueError):
            kata.tf_config(index, [23456, 23461])
            pytest.fail(f"tf_config({index}, [23456, 23461]) returned instead of raising ValueError "
                        "(a cluster of 2 workers has tasks 0 and 1)")


def test_is_chief_is_worker_zero_the_chief_task_or_a_lone_process(kata):
    for task_type, task_id, expected in [("worker", 0, True), ("worker", 1, False), ("worker", 3, False),
                                         ("chief", 0, True), (None, None, True)]:
        result = kata.is_chief(task_type, task_id)
        assert result is expected or (isinstance(result, (bool, np.bool_)) and bool(result) == expected), (
            f"is_chief({task_type!r}, {task_id!r}) returned {result!r}, expected {expected}")


# ----------------------------------------------------------------------------- the input pipeline


def test_input_fn_shards_by_example_then_batches_per_replica(kata):
    features, labels = regression_data(1, examples=36, features=5, outputs=2)
    input_fn = kata.make_input_fn(features, labels, 12)
    # pipeline id, pipelines, replicas in sync -> this pipeline's examples, per-replica batch size.
    for pipeline, pipelines, replicas, batch_size in [(1, 3, 3, 4), (0, 2, 4, 3), (2, 3, 6, 2)]:
        context = tf.distribute.InputContext(num_input_pipelines=pipelines, input_pipeline_id=pipeline,
                                             num_replicas_in_sync=replicas)
        what = f"make_input_fn(36 examples, global batch 12)(pipeline {pipeline} of {pipelines}, {replicas} replicas)"
        dataset = input_fn(context)
        assert isinstance(dataset, tf.data.Dataset), f"{what} returned {type(dataset).__name__}, expected a tf.data.Dataset"
        batches = list(dataset)
        shard = np.arange(pipeline, 36, pipelines)
        expected_batches = [shard[start:start + batch_size] for start in range(0, len(shard), batch_size)]
        sizes = [int(x.shape[0]) for x, _ in batches]
        assert sizes == [len(rows) for rows in expected_batches], (
            f"{what} gave batches of sizes {sizes}, expected {[len(rows) for rows in expected_batches]} (this "
            f"pipeline keeps {len(shard)} examples, in batches of 12 / {replicas} replicas = {batch_size})")
        for index, ((x, y), rows) in enumerate(zip(batches, expected_batches)):
            assert_close(x, features[rows], f"{what} batch {index} features (examples {rows.tolist()})")
            assert_close(y, labels[rows], f"{what} batch {index} labels (examples {rows.tolist()})")


# ----------------------------------------------------------------------------- the training step


def test_train_step_scales_the_loss_by_the_global_batch_and_sums_the_replicas(kata):
    # One replica with a batch of 4 in a global batch of 8: it contributes sum / 8, not the mean.
    features, labels = regression_data(3, examples=4)
    strategy = tf.distribute.MirroredStrategy(["/cpu:0"])
    with strategy.scope():
        model = linear_model()
        optimizer = keras.optimizers.SGD(learning_rate=LEARNING_RATE)
    expected_model = linear_model()
    with tf.GradientTape() as tape:
        expected_loss = tf.reduce_sum(tf.reduce_mean(tf.square(labels - expected_model(features)), axis=1)) / 8
    gradients = tape.gradient(expected_loss, expected_model.trainable_variables)
    keras.optimizers.SGD(learning_rate=LEARNING_RATE).apply_gradients(zip(gradients, expected_model.trainable_variables))

    dataset = strategy.experimental_distribute_dataset(tf.data.Dataset.from_tensor_slices((features, labels)).batch(4))
    with watching_strategy_calls() as record:
        step = kata.make_train_step(strategy, model, optimizer, 8)
        loss = step(next(iter(dataset)))
    assert record["runs"] >= 1, (
        "make_train_step(...)'s step never called strategy.run: each replica's step must run through the "
        "strategy, not as a plain single-process step")
    wrong_ops = [op for op in record["reduce_ops"]
                 if op != tf.distribute.ReduceOp.SUM and not (isinstance(op, str) and op.upper() == "SUM")]
    assert not wrong_ops, f"the step reduced the replicas' losses with {wrong_ops[0]}, expected ReduceOp.SUM"
    assert_close(loss, expected_loss, "make_train_step(..., global_batch_size=8)(a batch of 4) loss", rtol=1e-5)
    for index, (got, expected) in enumerate(zip(model.get_weights(), expected_model.get_weights())):
        assert_close(got, expected, f"weight {index} after one step (was the update applied, with the loss / 8?)",
                     rtol=1e-5, atol=1e-6)


# ----------------------------------------------------------------------------- checkpoints


def test_save_checkpoint_by_the_chief_lands_in_the_model_directory(kata, tmp_path):
    model_dir = tmp_path / "model"
    model_dir.mkdir()
    variable = tf.Variable([1.5, -2.0, 0.25])
    checkpoint = RecordingCheckpoint(weights=variable)
    path = kata.save_checkpoint(checkpoint, str(model_dir), "worker", 0)
    latest = tf.train.latest_checkpoint(str(model_dir))
    assert latest is not None and os.fspath(path) == latest, (
        f"save_checkpoint(..., 'worker', 0) returned {path!r}; the latest checkpoint in the model directory is "
        f"{latest!r}, expected the chief to save there and return that path")
    assert os.path.basename(latest) == "ckpt-1", f"the chief's checkpoint is {latest!r}, expected <model_dir>/ckpt-1"
    restored = tf.Variable([0.0, 0.0, 0.0])
    tf.train.Checkpoint(weights=restored).restore(latest).expect_partial()
    assert_close(restored, [1.5, -2.0, 0.25], "the variable restored from the chief's checkpoint")


def test_save_checkpoint_by_another_worker_saves_elsewhere_and_leaves_nothing(kata, tmp_path):
    model_dir = tmp_path / "model"
    model_dir.mkdir()
    checkpoint = RecordingCheckpoint(weights=tf.Variable([1.5, -2.0, 0.25]))
    path = kata.save_checkpoint(checkpoint, str(model_dir), "worker", 1)
    assert checkpoint.saved_prefixes, (
        "save_checkpoint(..., 'worker', 1) never called checkpoint.save: with a multi-worker strategy every worker "
        "must take part in saving (saving can need every worker: one that skips it may leave the others waiting)")
    assert listing(model_dir) == [], (
        f"save_checkpoint(..., 'worker', 1) left {listing(model_dir)} in the model directory, expected it empty: "
        "only the chief writes there")
    saved_dir = os.path.dirname(os.fspath(path))
    assert not os.path.exists(saved_dir), (
        f"save_checkpoint(..., 'worker', 1) saved to {path!r} and left {saved_dir!r} behind, expected its "
        "temporary directory deleted after saving")


# ----------------------------------------------------------------------------- two real workers

# One launcher process imports TensorFlow once (most of a worker's start-up time), then forks the
# two workers: each sets its TF_CONFIG, imports your module and trains under the strategy. Nothing
# of TensorFlow's runtime has started before the fork, so each worker starts its own.
LAUNCHER_SCRIPT = f"""
import importlib.util, json, os, signal, sys, traceback
import numpy as np
import keras
import tensorflow as tf
module_path, configs, data_path, model_dir, out_dir = sys.argv[1], json.loads(sys.argv[2]), *sys.argv[3:]


def work(index, config):
    os.environ["TF_CONFIG"] = json.dumps(config)  # Before the strategy is built: it reads TF_CONFIG once.
    spec = importlib.util.spec_from_file_location("multi_worker_under_test", module_path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    data = np.load(data_path)
    features, labels = data["features"], data["labels"]
    tf.config.threading.set_inter_op_parallelism_threads(1)  # The two workers share the machine's cores.
    tf.config.threading.set_intra_op_parallelism_threads(1)
    strategy = tf.distribute.MultiWorkerMirroredStrategy()
    with strategy.scope():
        model = keras.Sequential([keras.Input(shape=({FEATURES},)), keras.layers.Dense({OUTPUTS})])
        model.set_weights([data["kernel"], data["bias"]])
        optimizer = keras.optimizers.SGD(learning_rate={LEARNING_RATE})
    dataset = strategy.distribute_datasets_from_function(module.make_input_fn(features, labels, {GLOBAL_BATCH}))
    step = module.make_train_step(strategy, model, optimizer, {GLOBAL_BATCH})
    losses, first_rows = [], None
    for batch in dataset:
        if first_rows is None:
            first_rows = [np.asarray(part).tolist() for part in strategy.experimental_local_results(batch[0])]
        losses.append(float(step(batch)))
    resolver = strategy.cluster_resolver
    path = module.save_checkpoint(tf.train.Checkpoint(model=model), model_dir, resolver.task_type, resolver.task_id)
    result = {{"task": [resolver.task_type, resolver.task_id], "path": str(path), "losses": losses,
               "first_rows": first_rows, "weights": [np.asarray(w).tolist() for w in model.get_weights()]}}
    with open(os.path.join(out_dir, f"worker{{index}}.json"), "w") as file:
        json.dump(result, file)


children = {{}}
for index, config in enumerate(configs):
    pid = os.fork()
    if pid == 0:
        os.dup2(os.open(os.path.join(out_dir, f"worker{{index}}.err"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 2)
        code = 0
        try:
            work(index, config)
        except BaseException:
            traceback.print_exc()
            code = 1
        sys.stderr.flush()
        os._exit(code)  # Skip TensorFlow's slow teardown: the result is out.
    children[pid] = index
failed = False
while children:
    pid, status = os.wait()
    index = children.pop(pid)
    if status != 0 and not failed:  # The other worker would wait for this one forever: stop it.
        failed = True
        with open(os.path.join(out_dir, "first_failure.json"), "w") as file:
            json.dump({{"worker": index, "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None}}, file)
        for other in children:
            os.kill(other, signal.SIGKILL)
os._exit(1 if failed else 0)
"""


def free_ports(count):
    """Ports nothing listens on now: bind port 0 and let the system choose."""
    sockets = [socket.socket(socket.AF_INET, socket.SOCK_STREAM) for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def last_line(path):
    text = path.read_text() if path.exists() else ""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "(no output)"


def run_two_workers(kata, tmp_path, model_dir):
    """Start both workers; kill them all (the launcher's whole process group) past the time limit."""
    features, labels = regression_data()
    kernel, bias = initial_weights()
    data_path = tmp_path / "data.npz"
    np.savez(data_path, features=features, labels=labels, kernel=kernel, bias=bias)
    ports = free_ports(WORKERS)
    configs = [kata.tf_config(index, ports) for index in range(WORKERS)]  # In this process: fails fast on a stub.
    environment = dict(os.environ, CUDA_VISIBLE_DEVICES="-1", TF_CPP_MIN_LOG_LEVEL="2")
    environment.pop("TF_CONFIG", None)
    with open(tmp_path / "launcher.err", "w") as launcher_err:
        launcher = subprocess.Popen(
            [sys.executable, "-c", LAUNCHER_SCRIPT, kata.__file__, json.dumps(configs), str(data_path),
             str(model_dir), str(tmp_path)],
            stdout=subprocess.DEVNULL, stderr=launcher_err, env=environment, start_new_session=True)
        try:
            launcher.wait(timeout=WORKER_TIME_LIMIT)
            timed_out = False
        except subprocess.TimeoutExpired:
            timed_out = True
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(launcher.pid, signal.SIGKILL)  # The workers too, whatever state they are in.
            launcher.wait()
    if timed_out:
        raise AssertionError(
            f"the two workers did not finish within {WORKER_TIME_LIMIT} s and were killed (TF_CONFIG {configs}): do "
            "both name the same cluster, each with its own task index? does every worker save its checkpoint?")
    failure_path = tmp_path / "first_failure.json"
    if failure_path.exists() or launcher.returncode != 0:
        failure = json.loads(failure_path.read_text()) if failure_path.exists() else {"worker": None, "signal": None}
        where = (tmp_path / f"worker{failure['worker']}.err") if failure["worker"] is not None else tmp_path / "launcher.err"
        last = last_line(where)
        if "NotImplementedError" in last:
            raise NotImplementedError(last.split("NotImplementedError:", 1)[-1].strip())
        how = f" (killed by signal {failure['signal']})" if failure["signal"] else ""
        who = f"worker {failure['worker']}" if failure["worker"] is not None else "the launcher"
        raise AssertionError(f"{who} of the two-worker run (TF_CONFIG {configs}) failed{how}: {last}")
    return [json.loads((tmp_path / f"worker{index}.json").read_text()) for index in range(WORKERS)]


def train_single_process(features, labels, batch_size):
    """The reference: one process, consecutive global batches, the batch mean of the per-example loss."""
    model = linear_model()
    optimizer = keras.optimizers.SGD(learning_rate=LEARNING_RATE)
    losses = []
    for start in range(0, len(features), batch_size):
        x, y = features[start:start + batch_size], labels[start:start + batch_size]
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.reduce_mean(tf.square(y - model(x)), axis=1))
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        losses.append(float(loss))
    return losses, model.get_weights()


def test_two_workers_train_like_one_process_on_the_global_batch(kata, tmp_path):
    model_dir = tmp_path / "model"
    model_dir.mkdir()
    results = run_two_workers(kata, tmp_path, model_dir)
    features, labels = regression_data()
    expected_losses, expected_weights = train_single_process(features, labels, GLOBAL_BATCH)

    for index, result in enumerate(results):
        assert result["task"] == ["worker", index], (
            f"worker {index} ran as task {result['task']}, expected ['worker', {index}] (the TF_CONFIG task)")
        rows = features[index::WORKERS][:GLOBAL_BATCH // WORKERS]
        assert_close(np.array(result["first_rows"][0], np.float32), rows,
                     f"worker {index}'s first batch (its shard: examples {index}, {index + WORKERS}, ...)")
    assert np.array_equal(np.concatenate([np.ravel(w) for w in results[0]["weights"]]),
                          np.concatenate([np.ravel(w) for w in results[1]["weights"]])), (
        "the two workers ended with different weights: their gradients must be combined every step")
    for index, result in enumerate(results):
        assert len(result["losses"]) == len(expected_losses), (
            f"worker {index} ran {len(result['losses'])} steps, expected {len(expected_losses)} "
            f"({EXAMPLES} examples in global batches of {GLOBAL_BATCH})")
        for step, (got, expected) in enumerate(zip(result["losses"], expected_losses)):
            assert_python_float(got, expected, f"worker {index}'s loss at step {step} (the global batch's mean)",
                                tol=1e-4)
        for number, (got, expected) in enumerate(zip(result["weights"], expected_weights)):
            assert_close(np.array(got, np.float32), expected,
                         f"worker {index}'s weight {number} against one process training on the global batch",
                         rtol=1e-4, atol=1e-5)

    chief_path = results[0]["path"]
    assert tf.train.latest_checkpoint(str(model_dir)) == chief_path, (
        f"the chief saved to {chief_path!r}; the latest checkpoint in the model directory is "
        f"{tf.train.latest_checkpoint(str(model_dir))!r}")
    assert listing(model_dir) == sorted(["checkpoint", "ckpt-1.index", "ckpt-1.data-00000-of-00001"]), (
        f"the model directory holds {listing(model_dir)}, expected only the chief's checkpoint (ckpt-1 and its "
        "'checkpoint' index file)")
    other_path = results[1]["path"]
    assert os.path.dirname(other_path) != str(model_dir), (
        f"worker 1 saved its checkpoint to {other_path!r}, in the model directory: only the chief saves there")
    assert not os.path.exists(os.path.dirname(other_path)), (
        f"worker 1 left its checkpoint directory {os.path.dirname(other_path)!r} behind")
    restored = linear_model()
    tf.train.Checkpoint(model=restored).restore(chief_path).expect_partial()
    for number, (got, expected) in enumerate(zip(restored.get_weights(), results[0]["weights"])):
        assert_close(got, np.array(expected, np.float32), f"weight {number} restored from the chief's checkpoint")
