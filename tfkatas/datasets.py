"""Handwritten digits for the training katas, always offline.

`load_digits_or_mnist()` prefers real MNIST from Keras' local cache (`~/.keras/datasets/mnist.npz`,
what `python -m tfkatas data` downloads once); without it, it falls back to the UCI handwritten
digits (1797 images of 8x8 pixels) stored in `data/digits.csv.gz`. It never touches the network.

Set KATA_DATA=digits to use the fallback even when MNIST is cached, KATA_DATA=mnist to insist on MNIST.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from tfkatas.curriculum import ROOT

DIGITS_FILE = ROOT / "data" / "digits.csv.gz"
DIGITS_TEST_SIZE = 400  # The last 400 digits of a fixed shuffle are held out; 1397 remain for training.
DATA_ENV = "KATA_DATA"


def mnist_cache_path() -> Path | None:
    """Where Keras' `mnist.load_data()` keeps MNIST, if the file is there; None otherwise."""
    homes = []
    if os.environ.get("KERAS_HOME"):
        homes.append(Path(os.environ["KERAS_HOME"]))
    homes += [Path.home() / ".keras", Path("/tmp/.keras")]  # Keras uses /tmp when ~ is read-only.
    for home in homes:
        path = home / "datasets" / "mnist.npz"
        if path.is_file():
            return path
    return None


def _wanted() -> str:
    wanted = os.environ.get(DATA_ENV, "auto").strip().lower() or "auto"
    if wanted not in ("auto", "mnist", "digits"):
        raise ValueError(f"{DATA_ENV}={wanted!r}: expected auto, mnist or digits")
    return wanted


def _use_mnist() -> bool:
    wanted = _wanted()
    if wanted == "mnist" and mnist_cache_path() is None:
        raise FileNotFoundError(f"{DATA_ENV}=mnist, but MNIST is not in Keras' cache: run `python -m tfkatas data`")
    return wanted != "digits" and mnist_cache_path() is not None


def describe_data_source() -> str:
    """One line naming the data `load_digits_or_mnist()` returns right now."""
    if _use_mnist():
        return "MNIST (local Keras cache)"
    return "UCI digits 8x8 (offline fallback, data/digits.csv.gz)"


def load_mnist() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """MNIST from the local cache: images float32 [n, 28, 28] in [0, 1], labels int32 [n]."""
    path = mnist_cache_path()
    if path is None:
        raise FileNotFoundError("MNIST is not in Keras' cache: run `python -m tfkatas data` once")
    with np.load(path) as arrays:  # The same file and keys keras.datasets.mnist.load_data() reads.
        return (arrays["x_train"].astype(np.float32) / 255.0, arrays["y_train"].astype(np.int32),
                arrays["x_test"].astype(np.float32) / 255.0, arrays["y_test"].astype(np.int32))


def load_digits() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """UCI digits: images float32 [n, 8, 8] in [0, 1], labels int32 [n]; 1397 train, 400 test."""
    table = np.loadtxt(DIGITS_FILE, delimiter=",", dtype=np.float32)
    images = (table[:, :64] / 16.0).reshape(-1, 8, 8)
    labels = table[:, 64].astype(np.int32)
    order = np.random.default_rng(0).permutation(len(labels))  # The file is grouped by writer.
    train, test = order[:-DIGITS_TEST_SIZE], order[-DIGITS_TEST_SIZE:]
    return images[train], labels[train], images[test], labels[test]


def load_digits_or_mnist() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, str]:
    """(x_train, y_train, x_test, y_test, source_name): MNIST when cached, else UCI digits."""
    if _use_mnist():
        return (*load_mnist(), "mnist")
    return (*load_digits(), "digits")
