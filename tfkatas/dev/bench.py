"""`make bench`: the five performance figures, as ratios measured in one run on this machine.

1. cold `make kata N=05` wall time / `python -c "import tensorflow"` wall time   (target <= 1.3)
2. watch-mode re-run after a save, katas 01-07: seconds (<= 1.0) and / cold run (<= 0.25)
3. `make check` wall seconds (<= 240), also as a multiple of the TensorFlow import
4. kata 15's tf.function SGD loop samples/s / `model.fit` samples/s on the same MLP (>= 1.0)
5. vectorised reference solutions / their TensorFlow built-in on large inputs (<= 2.0 each):
   top-k accuracy vs tf.math.in_top_k, box IoU vs keras' compute_iou, convolution vs tf.nn.conv2d

Timing is dependency-free: wall clock, a warm-up call, then the median of repeats. Nothing here
asserts a time; the table says pass or fail and bench.json keeps the numbers.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time

from tfkatas.curriculum import ROOT
from tfkatas.environment import tensorflow_environment

BENCH_FILE = ROOT / "bench.json"


def add_arguments(parser) -> None:
    parser.add_argument("--device", choices=("cpu", "gpu"), default=os.environ.get("KATA_DEVICE") or None)
    parser.add_argument("--repeats", type=int, default=5, help="repeats per timing; the median is kept")
    parser.add_argument("--skip-check", action="store_true", help="skip figure 3 (it runs the full `make check`)")


def median_seconds(run, repeats: int, warmup: bool = True) -> float:
    if warmup:
        run()
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _wall(command: list[str], env: dict | None = None, expect_success: bool = False) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if expect_success and result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {result.returncode}; run it to see why")
    return time.perf_counter() - started


def _environment(**overrides) -> dict:
    return dict(tensorflow_environment(dict(os.environ)), **overrides)


def cold_start(repeats: int) -> dict:
    """Figure 1: both commands are fresh processes; the median of `repeats` runs each."""
    env = _environment(KATA_TARGET="solutions")
    import_seconds = statistics.median(_wall([sys.executable, "-c", "import tensorflow"], env) for _ in range(repeats))
    kata_seconds = statistics.median(_wall(["make", "-s", "kata", "N=05"], env) for _ in range(repeats))
    return {"import_tensorflow_s": import_seconds, "make_kata_05_s": kata_seconds,
            "ratio": kata_seconds / import_seconds}


def watch_reruns(cold_kata_seconds: float, repeats: int) -> dict:
    """Figure 2: watch's own forked re-run (TensorFlow imported once), on the solutions of katas 01-07."""
    import tempfile
    from pathlib import Path

    from tfkatas.curriculum import load_curriculum
    from tfkatas.watcher import DEFAULT_PRELOAD, Watcher, preload

    os.environ["KATA_TARGET"] = "solutions"  # Every test runs to the end, as after a correct save.
    preload(DEFAULT_PRELOAD)
    katas = load_curriculum()
    watcher = Watcher(katas, katas[0])
    per_kata = {}
    with tempfile.TemporaryDirectory(prefix="tfkatas-bench-") as scratch:
        for kata in katas:
            if kata.number > 7 or not kata.test_path.exists():
                continue
            results = Path(scratch) / f"{kata.code}.json"
            per_kata[kata.code] = median_seconds(lambda: watcher.run_child(kata, results, kata.timeout + 5), repeats)
    worst = max(per_kata.values()) if per_kata else float("nan")
    return {"per_kata_s": per_kata, "worst_s": worst, "worst_over_cold": worst / cold_kata_seconds}


def full_check(import_seconds: float) -> dict:
    seconds = _wall([sys.executable, "-m", "tfkatas", "dev", "check"], _environment(), expect_success=True)
    return {"make_check_s": seconds, "over_import": seconds / import_seconds}


def _solution(number: int):
    from tfkatas.curriculum import SOLUTIONS_DIR, find_kata
    from tfkatas.targets import load_kata_module

    return load_kata_module(find_kata(number), SOLUTIONS_DIR)


def sgd_versus_fit(repeats: int) -> dict:
    """Figure 4: the same MLP, data, batch size and epochs, timed end to end (tracing included)."""
    import keras
    import numpy as np

    kata12 = _solution(12)
    rng = np.random.default_rng(0)
    samples, sizes, batch_size, epochs, lr = 8192, [784, 128, 64, 10], 128, 2, 0.1
    x = rng.random((samples, 784), dtype=np.float32)
    y = rng.integers(0, 10, samples).astype(np.int32)

    def manual():
        kata12.train(x, y, sizes, epochs=epochs, batch_size=batch_size, lr=lr, seed=0)

    def fit():
        model = keras.Sequential([keras.Input((784,))] + [
            keras.layers.Dense(units, activation="relu" if index < len(sizes) - 2 else None)
            for index, units in enumerate(sizes[1:])])
        model.compile(optimizer=keras.optimizers.SGD(lr),
                      loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
        model.fit(x, y, batch_size=batch_size, epochs=epochs, shuffle=True, verbose=0)

    manual_s, fit_s = median_seconds(manual, repeats), median_seconds(fit, repeats)
    processed = samples * epochs
    return {"manual_samples_per_s": processed / manual_s, "fit_samples_per_s": processed / fit_s,
            "ratio": fit_s / manual_s}


def vectorised_solutions(repeats: int) -> dict:
    """Figure 5: reference solutions against the built-in that does the same job."""
    import keras
    import numpy as np
    import tensorflow as tf

    rng = np.random.default_rng(0)
    results = {}

    results["topk_accuracy"] = _topk_timings(rng, repeats)  # Its 400 MB of inputs are freed on return.

    corners = rng.random((2, 2000, 2), dtype=np.float32) * 100
    sizes = rng.random((2, 2000, 2), dtype=np.float32) * 30 + 1
    boxes = tf.constant(np.concatenate([corners, corners + sizes], axis=-1))  # (y1, x1, y2, x2)
    iou = _solution(26).box_iou
    compute_iou = keras.utils.bounding_boxes.compute_iou
    results["box_iou"] = (median_seconds(lambda: iou(boxes[0], boxes[1]).numpy(), repeats),
                          median_seconds(lambda: np.asarray(compute_iou(boxes[0], boxes[1], "yxyx")), repeats))

    images = tf.constant(rng.random((16, 64, 64, 16), dtype=np.float32))
    kernel = tf.constant(rng.random((3, 3, 16, 32), dtype=np.float32))
    conv = _solution(19).conv2d
    results["conv2d"] = (median_seconds(lambda: conv(images, kernel).numpy(), repeats),
                         median_seconds(lambda: tf.nn.conv2d(images, kernel, 1, "VALID").numpy(), repeats))
    return {name: {"solution_s": mine, "builtin_s": builtin, "ratio": mine / builtin}
            for name, (mine, builtin) in results.items()}


def _topk_timings(rng, repeats: int) -> tuple[float, float]:
    import numpy as np
    import tensorflow as tf

    probs = tf.constant(rng.random((1_000_000, 100), dtype=np.float32))
    labels = tf.constant(rng.integers(0, 100, 1_000_000).astype(np.int32))
    topk = _solution(5).topk_accuracy
    return (median_seconds(lambda: topk(probs, labels, 5), repeats),
            median_seconds(lambda: float(tf.reduce_mean(tf.cast(tf.math.in_top_k(labels, probs, 5), tf.float32))),
                           repeats))


def _row(figure: str, value: str, target: str, ok: bool | None) -> str:
    verdict = "n/a" if ok is None else ("pass" if ok else "FAIL")
    return f"{figure:<52}{value:>18}  {target:<14}{verdict}"


def _guarded(name: str, measure, errors: dict):
    """Run one measurement; a missing kata or a crash is reported, not fatal."""
    try:
        return measure()
    except Exception as error:  # The bench reports every figure it can, whatever breaks.
        errors[name] = f"{type(error).__name__}: {error}"
        return None


def run(args) -> int:
    tensorflow_environment(device=args.device)
    errors: dict = {}
    cold = cold_start(args.repeats)
    check = None if args.skip_check else _guarded("make_check", lambda: full_check(cold["import_tensorflow_s"]), errors)
    watch = _guarded("watch", lambda: watch_reruns(cold["make_kata_05_s"], args.repeats), errors)
    sgd = _guarded("sgd_vs_fit", lambda: sgd_versus_fit(args.repeats), errors)
    vectorised = _guarded("vectorised", lambda: vectorised_solutions(args.repeats), errors)

    from tfkatas.environment import import_tensorflow

    tf = import_tensorflow()

    gpus = tf.config.list_physical_devices("GPU")
    device = ", ".join(tf.config.experimental.get_device_details(g).get("device_name", "GPU") for g in gpus) or \
        f"CPU ({os.cpu_count()} cores, {platform.processor() or platform.machine()})"
    rows = [_row("figure", "value", "target", None).replace("n/a", "result"),
            _row("1 cold make kata N=05 / import tensorflow", f"{cold['ratio']:.2f}x", "<= 1.30x", cold["ratio"] <= 1.3)]
    if watch:
        rows.append(_row("2 watch re-run, worst of katas 01-07", f"{watch['worst_s']:.2f} s", "<= 1.00 s",
                         watch["worst_s"] <= 1.0))
        rows.append(_row("2 watch re-run / cold run", f"{watch['worst_over_cold']:.2f}x", "<= 0.25x",
                         watch["worst_over_cold"] <= 0.25))
    if check:
        rows.append(_row("3 make check wall time", f"{check['make_check_s']:.0f} s", "<= 240 s",
                         check["make_check_s"] <= 240))
        rows.append(_row("3 make check / import tensorflow", f"{check['over_import']:.0f}x", "(reported)", None))
    if sgd:
        rows.append(_row("4 manual SGD samples/s / model.fit samples/s", f"{sgd['ratio']:.2f}x", ">= 1.00x",
                         sgd["ratio"] >= 1.0))
    for name, figure in (vectorised or {}).items():
        rows.append(_row(f"5 {name} solution / built-in", f"{figure['ratio']:.2f}x", "<= 2.00x", figure["ratio"] <= 2.0))
    print(f"TF Katas bench on {device}; import tensorflow {cold['import_tensorflow_s']:.2f} s, "
          f"cold make kata N=05 {cold['make_kata_05_s']:.2f} s")
    for row in rows:
        print(row)
    for name, error in errors.items():
        print(f"could not measure {name}: {error}")
    BENCH_FILE.write_text(json.dumps({
        "device": device, "python": platform.python_version(), "tensorflow": tf.__version__,
        "cold_start": cold, "watch": watch, "make_check": check, "sgd_vs_fit": sgd,
        "vectorised": vectorised, "errors": errors}, indent=2))
    print(f"wrote {BENCH_FILE.relative_to(ROOT)}")
    failed = any(row.endswith("FAIL") for row in rows)
    return 1 if failed or errors else 0
