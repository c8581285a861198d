"""Kata 38 — Multi-worker training with MultiWorkerMirroredStrategy.

Kata 37 trained on several devices of ONE process. When one machine is not enough,
`tf.distribute.MultiWorkerMirroredStrategy` trains across several processes (workers), usually
on several machines: every worker holds a copy of the model, reads its own share (shard) of the
data, and after each step the workers add up their gradients over the network (an all-reduce),
so every copy applies the same update and the copies never drift apart.

You write the four pieces a worker needs:
- its `TF_CONFIG`: the cluster (every worker's "host:port") and which task this process is;
- its input pipeline: its own shard of the examples, batched by the per-replica batch size;
- the training step: each replica's loss scaled by the GLOBAL batch size, run through
  `strategy.run`, the replicas' losses combined with a SUM;
- checkpointing: every worker saves (saving can need all of them), but only the chief's copy
  goes to the real directory; the others write to a temporary directory and delete it.

The tests start two worker processes on this machine, on two free 127.0.0.1 ports, and check
that both end with the same weights as plain single-process training on the global batch.

On several machines the code is the same; only TF_CONFIG changes. Give every machine the same
cluster list with the machines' own addresses, and each machine its own index:

    # on host-a (the chief):  {"cluster": {"worker": ["host-a:12345", "host-b:12345"]},
    #                          "task": {"type": "worker", "index": 0}}
    # on host-b:              same "cluster", "task": {"type": "worker", "index": 1}

Set `os.environ["TF_CONFIG"] = json.dumps(config)` before building the strategy, start the same
script on every machine (the strategy waits until all workers have joined), open the port in
the firewall, and put the checkpoint directory on storage every machine can reach (the chief
writes it; a restarted job restores from it).

The study notes this curriculum comes from do not cover distributed training: this kata goes
beyond them, after TensorFlow's multi-worker training guide.

Run `make kata N=38` to test your answers, `make hint N=38` when stuck.
"""

import os
import tempfile

import tensorflow as tf


def tf_config(worker_index, ports):
    """The TF_CONFIG dict of worker `worker_index` in a cluster of workers on this machine.

    `ports` is a list of ints, one per worker: worker k listens on "127.0.0.1:<ports[k]>".
    Return {"cluster": {"worker": [every worker's "127.0.0.1:port", in order]},
            "task": {"type": "worker", "index": worker_index}}.
    Raise ValueError when `worker_index` is not a worker of the cluster (below 0 or too big).
    Example: tf_config(1, [2222, 2223]) -> {"cluster": {"worker": ["127.0.0.1:2222",
    "127.0.0.1:2223"]}, "task": {"type": "worker", "index": 1}}.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("TF_CONFIG has a \"cluster\" (job name -> list of host:port) and a \"task\" (type and index).")


def is_chief(task_type, task_id):
    """Whether this task is the chief, the one worker whose checkpoint is the real one.

    `task_type` and `task_id` come from `strategy.cluster_resolver` (a str and an int). A task
    of type "chief" is the chief; in a cluster of workers only (as here), worker 0 is. A
    `task_type` of None means no cluster at all (a single process): it is its own chief.
    Example: ("worker", 0) -> True; ("worker", 1) -> False; (None, None) -> True.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("the chief does the extra work (checkpoints, logs); which task is it when there is no \"chief\" job?")


def make_input_fn(features, labels, global_batch_size):
    """An `input_fn(input_context)` for `strategy.distribute_datasets_from_function`.

    `features` `[examples, features]` and `labels` `[examples, outputs]` are numpy arrays. The
    strategy calls `input_fn` once per input pipeline (one per worker here) with a
    `tf.distribute.InputContext`. It returns that pipeline's `tf.data.Dataset` of
    `(features, labels)` batches: first keep this pipeline's shard of the examples (pipeline p of
    n keeps examples p, p + n, p + 2n, ...), then batch them by the per-replica batch size (the
    global batch size divided over ALL replicas in sync, not over the pipelines). Do not shuffle.
    Example: 8 examples, global batch 4, pipeline 1 of 2 with 2 replicas -> batches of
    examples [1, 3] and [5, 7].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("the InputContext knows the pipeline's id, the number of pipelines and the per-replica batch size; look up Dataset.shard.")


def make_train_step(strategy, model, optimizer, global_batch_size):
    """A function `step(distributed_batch)` that trains once and returns the global batch's mean loss.

    `model` and `optimizer` were created inside `strategy.scope()`; `distributed_batch` is one
    `(features, labels)` element of the strategy's distributed dataset. Each replica computes
    its per-example loss (the squared error averaged over the outputs), sums it and divides by
    `global_batch_size` (not by its own batch size: the workers' gradients are added up), and
    applies its gradients. Run that on every replica through `strategy.run`, and combine the
    replicas' losses with a SUM. Return a scalar tensor.
    Example: one replica, a batch of 4 in a global batch of 8 -> the loss is the sum of the 4
    per-example losses / 8 (the other worker's 4 examples bring the rest).
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("in a tf.function, strategy.run runs the step on each replica; look up tf.nn.compute_average_loss and strategy.reduce.")


def save_checkpoint(checkpoint, model_dir, task_type, task_id):
    """Save `checkpoint` (a `tf.train.Checkpoint`) from this worker; return the path it was saved to.

    EVERY worker must save (with a multi-worker strategy saving can need every worker, so one
    that skips it may leave the others waiting), but only the chief (`is_chief`) saves into
    `model_dir`, with the file prefix
    "ckpt" (`model_dir/ckpt-1`, ...). Any other worker saves into a temporary directory of its
    own instead (never `model_dir`) and deletes that directory once saved, so nothing of it is
    left behind. Return the path `checkpoint.save` returned.
    Example: ("worker", 0) -> "<model_dir>/ckpt-1"; ("worker", 1) -> a path in a temporary
    directory that no longer exists when the call returns.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("the TF multi-worker guide writes non-chief checkpoints to a temporary directory; look up tf.io.gfile.rmtree.")
