"""Plausible wrong answers to kata 38; `make check` proves the tests catch every one.

The two-worker test runs the learner's file in fresh processes, which see the unmodified
solution, so every mistake here is caught by an in-process test first. Only `tf_config` runs in
the test's own process (the TF_CONFIG dicts are handed to the workers), so its wrong answers
reach the workers as well. For a learner, the two-worker test catches the same mistakes a second
way: a wrong task index never forms the cluster (an error, or a wait cut off at the time limit),
missing sharding or a per-worker loss scale gives weights unlike one-process training, and
worker 1 reports where it saved, which must not be the model directory.
"""

import os
import tempfile

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("tf_config", "every worker gets task index 0: two chiefs, the cluster never forms")
def every_worker_index_zero(worker_index, ports):
    if not 0 <= worker_index < len(ports):
        raise ValueError("not a worker of the cluster")
    return {"cluster": {"worker": [f"127.0.0.1:{port}" for port in ports]}, "task": {"type": "worker", "index": 0}}


@wrong_answer("tf_config", "task index counted from 1: worker_index + 1")
def index_counted_from_one(worker_index, ports):
    if not 0 <= worker_index < len(ports):
        raise ValueError("not a worker of the cluster")
    return {"cluster": {"worker": [f"127.0.0.1:{port}" for port in ports]},
            "task": {"type": "worker", "index": worker_index + 1}}


@wrong_answer("tf_config", "the cluster lists only this worker's own address")
def cluster_lists_only_itself(worker_index, ports):
    if not 0 <= worker_index < len(ports):
        raise ValueError("not a worker of the cluster")
    return {"cluster": {"worker": [f"127.0.0.1:{ports[worker_index]}"]}, "task": {"type": "worker", "index": 0}}


@wrong_answer("tf_config", "the ports as ints, without the host: 'worker': [2222, 2223]")
def ports_without_host(worker_index, ports):
    if not 0 <= worker_index < len(ports):
        raise ValueError("not a worker of the cluster")
    return {"cluster": {"worker": list(ports)}, "task": {"type": "worker", "index": worker_index}}


@wrong_answer("tf_config", "no range check: an index outside the cluster is accepted")
def no_range_check(worker_index, ports):
    return {"cluster": {"worker": [f"127.0.0.1:{port}" for port in ports]},
            "task": {"type": "worker", "index": worker_index}}


@wrong_answer("is_chief", "every worker counts as the chief: every worker checkpoints into the real directory")
def every_worker_is_chief(task_type, task_id):
    return True


@wrong_answer("is_chief", "only a task of type 'chief' is the chief: a cluster of workers has none")
def only_chief_type(task_type, task_id):
    return task_type == "chief"


@wrong_answer("is_chief", "the last worker is taken for the chief (task_id != 0)")
def last_worker_is_chief(task_type, task_id):
    return task_type is None or task_type == "chief" or task_id != 0


@wrong_answer("make_input_fn", "no sharding: every worker reads every example")
def no_sharding(features, labels, global_batch_size):
    def input_fn(input_context):
        batch_size = input_context.get_per_replica_batch_size(global_batch_size)
        return tf.data.Dataset.from_tensor_slices((features, labels)).batch(batch_size)

    return input_fn


@wrong_answer("make_input_fn", "batches each worker's shard by the GLOBAL batch size")
def batches_by_global_batch(features, labels, global_batch_size):
    def input_fn(input_context):
        dataset = tf.data.Dataset.from_tensor_slices((features, labels))
        return dataset.shard(input_context.num_input_pipelines, input_context.input_pipeline_id).batch(global_batch_size)

    return input_fn


@wrong_answer("make_input_fn", "divides the global batch by the number of workers, not of replicas")
def divides_by_pipelines(features, labels, global_batch_size):
    def input_fn(input_context):
        dataset = tf.data.Dataset.from_tensor_slices((features, labels))
        dataset = dataset.shard(input_context.num_input_pipelines, input_context.input_pipeline_id)
        return dataset.batch(global_batch_size // input_context.num_input_pipelines)

    return input_fn


@wrong_answer("make_input_fn", "shards whole batches instead of examples (batch, then shard)")
def shards_after_batching(features, labels, global_batch_size):
    def input_fn(input_context):
        batch_size = input_context.get_per_replica_batch_size(global_batch_size)
        dataset = tf.data.Dataset.from_tensor_slices((features, labels)).batch(batch_size)
        return dataset.shard(input_context.num_input_pipelines, input_context.input_pipeline_id)

    return input_fn


@wrong_answer("make_input_fn", "shards by a contiguous block per worker instead of every n-th example")
def contiguous_blocks(features, labels, global_batch_size):
    def input_fn(input_context):
        batch_size = input_context.get_per_replica_batch_size(global_batch_size)
        share = len(features) // input_context.num_input_pipelines
        start = input_context.input_pipeline_id * share
        dataset = tf.data.Dataset.from_tensor_slices((features[start:start + share], labels[start:start + share]))
        return dataset.batch(batch_size)

    return input_fn


@wrong_answer("make_train_step", "scales the loss by the worker's own batch (tf.reduce_mean), not the global batch")
def loss_by_per_worker_batch(strategy, model, optimizer, global_batch_size):
    def replica_step(features, labels):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.reduce_mean(tf.square(labels - model(features, training=True)), axis=-1))
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        return loss

    @tf.function
    def step(distributed_batch):
        return strategy.reduce(tf.distribute.ReduceOp.SUM, strategy.run(replica_step, args=distributed_batch),
                               axis=None)

    return step


@wrong_answer("make_train_step", "combines the replicas' losses with ReduceOp.MEAN instead of SUM")
def reduces_with_mean(strategy, model, optimizer, global_batch_size):
    def replica_step(features, labels):
        with tf.GradientTape() as tape:
            per_example = tf.reduce_mean(tf.square(labels - model(features, training=True)), axis=-1)
            loss = tf.nn.compute_average_loss(per_example, global_batch_size=global_batch_size)
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        return loss

    @tf.function
    def step(distributed_batch):
        return strategy.reduce(tf.distribute.ReduceOp.MEAN, strategy.run(replica_step, args=distributed_batch),
                               axis=None)

    return step


@wrong_answer("make_train_step", "a plain step on the batch: never goes through strategy.run")
def plain_step_without_strategy_run(strategy, model, optimizer, global_batch_size):
    @tf.function
    def step(distributed_batch):
        features, labels = distributed_batch
        with tf.GradientTape() as tape:
            per_example = tf.reduce_mean(tf.square(labels - model(features, training=True)), axis=-1)
            loss = tf.nn.compute_average_loss(per_example, global_batch_size=global_batch_size)
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        return loss

    return step


@wrong_answer("make_train_step", "computes the loss and gradients but never applies them")
def never_applies_gradients(strategy, model, optimizer, global_batch_size):
    def replica_step(features, labels):
        with tf.GradientTape() as tape:
            per_example = tf.reduce_mean(tf.square(labels - model(features, training=True)), axis=-1)
            loss = tf.nn.compute_average_loss(per_example, global_batch_size=global_batch_size)
        tape.gradient(loss, model.trainable_variables)
        return loss

    @tf.function
    def step(distributed_batch):
        return strategy.reduce(tf.distribute.ReduceOp.SUM, strategy.run(replica_step, args=distributed_batch),
                               axis=None)

    return step


@wrong_answer("save_checkpoint", "every worker saves into model_dir: the workers overwrite each other's files")
def every_worker_checkpoints(checkpoint, model_dir, task_type, task_id):
    return checkpoint.save(os.path.join(model_dir, "ckpt"))


@wrong_answer("save_checkpoint", "only the chief saves: the other workers skip the collective save")
def only_chief_saves(checkpoint, model_dir, task_type, task_id):
    if is_chief(task_type, task_id):
        return checkpoint.save(os.path.join(model_dir, "ckpt"))
    return os.path.join(tempfile.gettempdir(), f"workertemp_{task_id}", "ckpt-1")


@wrong_answer("save_checkpoint", "the other workers save to a temporary directory and leave it behind")
def leaves_temporary_directory(checkpoint, model_dir, task_type, task_id):
    if is_chief(task_type, task_id):
        return checkpoint.save(os.path.join(model_dir, "ckpt"))
    return checkpoint.save(os.path.join(tempfile.mkdtemp(prefix=f"workertemp_{task_id}_"), "ckpt"))


@wrong_answer("save_checkpoint", "the other workers save to model_dir/workertemp_<id> and never delete it")
def temporary_inside_model_dir_kept(checkpoint, model_dir, task_type, task_id):
    if is_chief(task_type, task_id):
        return checkpoint.save(os.path.join(model_dir, "ckpt"))
    return checkpoint.save(os.path.join(model_dir, f"workertemp_{task_id}", "ckpt"))
