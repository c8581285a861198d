"""TF Katas helper package: curriculum data, the kata runner, and the pytest plugin.

Importing this package is cheap on purpose: nothing here imports TensorFlow until a
command actually runs tests (see `tfkatas.cli`).
"""
