"""TF Katas helper package: curriculum data, the kata runner, and the pytest plugin.

Importing this package is cheap on purpose: nothing here imports TensorFlow until a
command actually runs tests (see `tfkatas.cli`).
"""


def load_ipython_extension(ipython) -> None:
    """`%load_ext tfkatas`: the %kata, %%kata and %kata_hint magics (tfkatas.notebook)."""
    from tfkatas.notebook import register

    register(ipython)


def check(number: str) -> int:
    """`tfkatas.check("05")` in a notebook: save this notebook's kata 05 functions, run its tests."""
    from tfkatas.notebook import check as check_in_notebook

    return check_in_notebook(number)
