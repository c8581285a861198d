"""Tests for kata 37. Oracle: ordinary single-device training with a GradientTape loop.

TensorFlow can split the CPU into logical devices only before it starts up, and by the time a
test runs other tests have already started it. So the cheap tests use a one-device
MirroredStrategy in this process, and the last test runs your module in a fresh Python process
that splits the CPU in two and trains on both halves.
"""

import contextlib
import json
import os
import subprocess
import sys

import keras
import numpy as np
import pytest
import tensorflow as tf

from tfkatas.testing import assert_close, assert_python_float

EXAMPLES, FEATURES, GLOBAL_BATCH, EPOCHS, LEARNING_RATE = 32, 3, 8, 2, 0.1


def regression_data(seed=0, examples=EXAMPLES, features=FEATURES, outputs=1):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(examples, features)).astype(np.float32)
    weights = rng.normal(size=(features, outputs)).astype(np.float32)
    return x, (x @ weights + 0.1 * rng.normal(size=(examples, outputs))).astype(np.float32)


def train_single_device(model, features, labels, batch_size, epochs, learning_rate):
    """The reference: one device, whole batches, the batch mean of the per-example MSE."""
    optimizer = keras.optimizers.SGD(learning_rate=learning_rate)
    losses = []
    for _ in range(epochs):
        for start in range(0, len(features), batch_size):
            x, y = features[start:start + batch_size], labels[start:start + batch_size]
            with tf.GradientTape() as tape:
                loss = tf.reduce_mean(tf.square(y - model(x)))
            gradients = tape.gradient(loss, model.trainable_variables)
            optimizer.apply_gradients(zip(gradients, model.trainable_variables))
            losses.append(float(loss))
    return losses, model.get_weights()


@contextlib.contextmanager
def watching_mirrored_strategies():
    """While the block runs, record every MirroredStrategy built (with the devices it was given) and every
    call of its run and reduce, so a test can tell training through tf.distribute from a plain loop."""
    record = {"strategies": [], "runs": 0, "reduce_ops": []}
    mirrored = tf.distribute.MirroredStrategy
    original_init, original_run, original_reduce = mirrored.__init__, mirrored.run, mirrored.reduce
    own = {name: mirrored.__dict__[name] for name in ("__init__", "run", "reduce") if name in mirrored.__dict__}

    def init(self, devices=None, cross_device_ops=None):
        original_init(self, devices=devices, cross_device_ops=cross_device_ops)
        record["strategies"].append((self, devices))

    @tf.autograph.experimental.do_not_convert
    def run(self, fn, args=(), kwargs=None, options=None):
        record["runs"] += 1  # Inside a tf.function this counts traces: at least 1 when run is used.
        return original_run(self, fn, args=args, kwargs=kwargs, options=options)

    @tf.autograph.experimental.do_not_convert
    def reduce(self, reduce_op, value, axis):
        record["reduce_ops"].append(reduce_op)
        return original_reduce(self, reduce_op, value, axis)

    mirrored.__init__, mirrored.run, mirrored.reduce = init, run, reduce
    try:
        yield record
    finally:
        for name in ("__init__", "run", "reduce"):
            if name in own:
                setattr(mirrored, name, own[name])
            else:
                delattr(mirrored, name)  # Back to the method MirroredStrategy inherits.


def assert_losses_summed(record, what):
    """strategy.run was called, and any strategy.reduce of the losses used SUM."""
    assert record["runs"] >= 1, (
        f"{what} never called strategy.run: each replica's step must run through the strategy, not as a plain "
        "single-device step")
    # strategy.reduce also takes the op's name as a string ("SUM").
    wrong_ops = [op for op in record["reduce_ops"]
                 if op != tf.distribute.ReduceOp.SUM and not (isinstance(op, str) and op.upper() == "SUM")]
    assert not wrong_ops, f"{what} reduced the replicas' losses with {wrong_ops[0]}, expected ReduceOp.SUM"


def device_names(devices):
    """('CPU', 0) pairs: "/cpu:0" and "/device:CPU:0" name the same device."""
    specs = [tf.DeviceSpec.from_string(device if isinstance(device, str) else device.name) for device in devices]
    return [(spec.device_type.upper() if spec.device_type else None, spec.device_index) for spec in specs]


@pytest.fixture(scope="module")
def reference(kata):
    features, labels = regression_data()
    # build_model is given code (not the learner's): its seeded initializers make runs comparable.
    return train_single_device(kata.build_model(FEATURES), features, labels, GLOBAL_BATCH, EPOCHS, LEARNING_RATE)


def test_per_replica_batch_size_divides_the_global_batch(kata):
    for global_batch, replicas, expected in [(64, 2, 32), (12, 3, 4), (5, 1, 5)]:
        result = kata.per_replica_batch_size(global_batch, replicas)
        assert result == expected and isinstance(result, int), (
            f"per_replica_batch_size({global_batch}, {replicas}) returned {type(result).__name__} {result!r}, "
            f"expected the int {expected}")


def test_per_replica_batch_size_refuses_an_uneven_split(kata):
    with pytest.raises(ValueError):
        kata.per_replica_batch_size(10, 4)
        pytest.fail("per_replica_batch_size(10, 4) returned instead of raising ValueError (10 examples do not split over 4)")


def test_split_cpu_after_start_up_lets_tensorflows_runtime_error_through(kata):
    tf.config.list_logical_devices("CPU")  # Starts TensorFlow up, if nothing has yet.
    try:
        kata.split_cpu(2)
    except NotImplementedError:
        raise  # A RuntimeError too, but the stub's, not TensorFlow's.
    except RuntimeError:
        return
    pytest.fail("split_cpu(2) after TensorFlow started returned instead of raising RuntimeError (the split "
                "cannot happen any more; hiding the error would leave one device where two were asked for)")


def test_replica_loss_divides_by_the_global_batch_size(kata):
    rng = np.random.default_rng(1)
    labels, predictions = rng.normal(size=(3, 4)).astype(np.float32), rng.normal(size=(3, 4)).astype(np.float32)
    expected = np.mean((labels - predictions) ** 2, axis=1).sum() / 12
    result = kata.replica_loss(tf.constant(labels), tf.constant(predictions), 12)
    assert_close(result, expected, "replica_loss(a slice of 3 examples x 4 outputs, global batch 12)", dtype=tf.float32)


def test_distributed_dataset_gives_global_batches_in_order(kata):
    features, labels = regression_data(2, examples=20, features=5, outputs=2)
    strategy = tf.distribute.MirroredStrategy(["/cpu:0"])
    distributed = kata.distributed_dataset(strategy, features, labels, 8)
    assert isinstance(distributed, tf.distribute.DistributedDataset), (
        f"distributed_dataset returned {type(distributed).__name__}, expected a distributed dataset that the "
        "strategy splits across its replicas (a plain tf.data.Dataset is not split)")
    batches = list(distributed)
    assert len(batches) == 3, f"distributed_dataset(20 examples, global batch 8) gave {len(batches)} batches, expected 3"
    for index, start in enumerate([0, 8, 16]):
        x, y = batches[index]
        assert_close(x, features[start:start + 8], f"distributed_dataset(...) batch {index} features")
        assert_close(y, labels[start:start + 8], f"distributed_dataset(...) batch {index} labels")


def test_train_step_scales_the_loss_by_the_global_batch_size(kata):
    # One replica with a batch of 4 in a global batch of 8: it must contribute sum / 8, not the mean.
    features, labels = regression_data(3, examples=4)
    strategy = tf.distribute.MirroredStrategy(["/cpu:0"])
    with strategy.scope():
        model = kata.build_model(FEATURES)
        optimizer = keras.optimizers.SGD(learning_rate=LEARNING_RATE)
    expected_model = kata.build_model(FEATURES)
    with tf.GradientTape() as tape:
        expected_loss = tf.reduce_sum(tf.reduce_mean(tf.square(labels - expected_model(features)), axis=1)) / 8
    gradients = tape.gradient(expected_loss, expected_model.trainable_variables)
    keras.optimizers.SGD(learning_rate=LEARNING_RATE).apply_gradients(zip(gradients, expected_model.trainable_variables))

    dataset = strategy.experimental_distribute_dataset(tf.data.Dataset.from_tensor_slices((features, labels)).batch(4))
    with watching_mirrored_strategies() as record:
        step = kata.make_train_step(strategy, model, optimizer, 8)
        loss = step(next(iter(dataset)))
    assert_losses_summed(record, "make_train_step(...)'s step")
    assert_close(loss, expected_loss, "make_train_step(..., global_batch_size=8)(a batch of 4) loss", rtol=1e-5)
    for index, (got, expected) in enumerate(zip(model.get_weights(), expected_model.get_weights())):
        assert_close(got, expected, f"weight {index} after one step (was the update applied, with the loss / 8?)",
                     rtol=1e-5, atol=1e-6)


def test_train_mirrored_on_one_device_matches_single_device_training(kata, reference):
    features, labels = regression_data()
    with watching_mirrored_strategies() as record:
        losses, weights = kata.train_mirrored(features, labels, GLOBAL_BATCH, EPOCHS, LEARNING_RATE, ["/cpu:0"])
    over_devices = [strategy for strategy, given in record["strategies"]
                    if given is not None and device_names(given) == [("CPU", 0)]]
    assert over_devices, (
        "train_mirrored(..., devices=['/cpu:0']) built no tf.distribute.MirroredStrategy over those devices (it built "
        f"{len(record['strategies'])}, given devices {[given for _, given in record['strategies']]}): pass `devices` "
        "to the strategy")
    strategy = over_devices[-1]
    assert strategy.num_replicas_in_sync == 1 and device_names(strategy.extended.worker_devices) == [("CPU", 0)], (
        f"the strategy has {strategy.num_replicas_in_sync} replicas on {strategy.extended.worker_devices}, "
        "expected 1 on CPU:0")
    assert_losses_summed(record, "train_mirrored's training step")
    expected_losses, expected_weights = reference
    assert isinstance(losses, list) and len(losses) == len(expected_losses), (
        f"train_mirrored returned {type(losses).__name__} of length {len(losses)} for losses, "
        f"expected a list of {len(expected_losses)} floats (one per step)")
    for index, (got, expected) in enumerate(zip(losses, expected_losses)):
        assert_python_float(got, expected, f"train_mirrored(one device) loss of step {index}", tol=1e-4)
    for index, (got, expected) in enumerate(zip(weights, expected_weights)):
        assert_close(got, expected, f"train_mirrored(one device) weight {index}", rtol=1e-4, atol=1e-5)


# Runs in a fresh process: split the CPU in two, then train on both halves.
TWO_DEVICE_SCRIPT = f"""
import importlib.util, json, sys
import numpy as np
spec = importlib.util.spec_from_file_location("distributed_under_test", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
names = module.split_cpu(2)
import tensorflow as tf
data = np.load(sys.argv[2])
features, labels = data["features"], data["labels"]
strategy = tf.distribute.MirroredStrategy(names)
first = next(iter(module.distributed_dataset(strategy, features, labels, {GLOBAL_BATCH})))
slices = [list(part.shape) for part in strategy.experimental_local_results(first[0])]
losses, weights = module.train_mirrored(features, labels, {GLOBAL_BATCH}, {EPOCHS}, {LEARNING_RATE}, names)
print("RESULT " + json.dumps({{"names": names, "slices": slices, "losses": [float(loss) for loss in losses],
                               "weights": [np.asarray(w).tolist() for w in weights]}}))
"""


def run_on_two_logical_cpus(kata, tmp_path):
    features, labels = regression_data()
    data_path = tmp_path / "data.npz"
    np.savez(data_path, features=features, labels=labels)
    environment = dict(os.environ, CUDA_VISIBLE_DEVICES="-1", TF_CPP_MIN_LOG_LEVEL="2")
    process = subprocess.run([sys.executable, "-c", TWO_DEVICE_SCRIPT, kata.__file__, str(data_path)],
                             capture_output=True, text=True, env=environment, timeout=90)
    lines = [line for line in process.stdout.splitlines() if line.startswith("RESULT ")]
    if process.returncode != 0 or not lines:
        last = (process.stderr.strip().splitlines() or ["(no output)"])[-1]
        if "NotImplementedError" in last:
            raise NotImplementedError(last.split("NotImplementedError:", 1)[-1].strip())
        raise AssertionError(f"training on two logical CPUs in a fresh process failed: {last}")
    return json.loads(lines[-1][len("RESULT "):])


def test_training_on_two_logical_cpus_matches_single_device_training(kata, reference, tmp_path):
    result = run_on_two_logical_cpus(kata, tmp_path)
    assert len(result["names"]) == 2, f"split_cpu(2) returned {result['names']}, expected two CPU device names"
    assert result["slices"] == [[4, FEATURES], [4, FEATURES]], (
        f"a global batch of {GLOBAL_BATCH} on 2 replicas gave slices of shapes {result['slices']}, "
        f"expected [[4, {FEATURES}], [4, {FEATURES}]] (batch the dataset by the GLOBAL batch size)")
    expected_losses, expected_weights = reference
    assert len(result["losses"]) == len(expected_losses), (
        f"two-device training ran {len(result['losses'])} steps, expected {len(expected_losses)}")
    for index, (got, expected) in enumerate(zip(result["losses"], expected_losses)):
        assert_python_float(got, expected, f"two-device loss of step {index} (combine replica losses with SUM)",
                            tol=1e-4)
    for index, (got, expected) in enumerate(zip(result["weights"], expected_weights)):
        assert_close(np.array(got, np.float32), expected, f"two-device weight {index} after training",
                     rtol=1e-4, atol=1e-5)
