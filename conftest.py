"""Top-level pytest configuration: everything lives in the TF Katas plugin."""

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # Before any test imports TensorFlow.

pytest_plugins = ["tfkatas.pytest_plugin"]
