"""TensorFlow's environment, set in one place: quiet start-up logs, the device, a quiet import.

Every process that may import TensorFlow (a learner's run, watch's warm parent, `make check`,
the bench) goes through `tensorflow_environment` before the import, because TensorFlow reads
these variables only once, when it starts.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping
from types import ModuleType

DEVICES = ("cpu", "gpu")


def tensorflow_environment(environment: MutableMapping[str, str] | None = None,
                           device: str | None = None) -> MutableMapping[str, str]:
    """Set TensorFlow's variables in `environment` (default: this process's) and return it.

    device "cpu" hides every GPU; "gpu" asks the plugin to insist on one (KATA_DEVICE).
    """
    if environment is None:
        environment = os.environ
        keep_ipython_out()
    environment.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # Hide TensorFlow's start-up log lines.
    if device:
        environment["KATA_DEVICE"] = device
    if environment.get("KATA_DEVICE", "").lower() == "cpu":
        environment["CUDA_VISIBLE_DEVICES"] = "-1"
    return environment


def keep_ipython_out() -> None:
    """Outside a notebook, make `import IPython` fail fast in this process.

    Keras imports IPython whenever it is installed (keras.src.saving.file_editor), which adds
    0.23 s to every TensorFlow import here (measured); the notebook packages are installed for
    the notebook tests, and command-line runs must not pay for them. Inside a kernel IPython is
    already imported, and this does nothing.
    """
    if "IPython" not in sys.modules:
        sys.modules["IPython"] = None  # type: ignore[assignment]  # Python's way to block an import.


def import_tensorflow() -> ModuleType:
    """Import TensorFlow without its start-up log lines.

    TensorFlow 2.21 writes absl/oneDNN notices to file descriptor 2 on import even with
    TF_CPP_MIN_LOG_LEVEL=2 (measured here). Inside a test pytest captures them; everywhere else
    (the report header, watch's warm process, the bench) import it through this function.
    """
    if "tensorflow" in sys.modules:
        return sys.modules["tensorflow"]
    tensorflow_environment()
    sys.stderr.flush()
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        import tensorflow
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)
    return tensorflow
