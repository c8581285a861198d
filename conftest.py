"""Top-level pytest configuration: everything lives in the TF Katas plugin (tfkatas/plugin/)."""

from tfkatas.environment import tensorflow_environment

tensorflow_environment()  # Before any test imports TensorFlow.

pytest_plugins = ["tfkatas.plugin"]
