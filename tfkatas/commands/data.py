"""`make data`: download MNIST once into Keras' cache, so the training katas use it offline."""

from __future__ import annotations

from tfkatas.arguments import fail


def add_arguments(parser) -> None:
    """No options: the command is idempotent (a cached MNIST is kept)."""


def run(args) -> int:
    from tfkatas.datasets import describe_data_source, mnist_cache_path

    cached = mnist_cache_path()
    if cached is not None:
        print(f"MNIST is already in Keras' cache: {cached}. Kata 15 trains on it offline.")
        return 0
    print("Downloading MNIST (about 11 MB) into Keras' cache…")
    import keras  # Heavy: imported only when a download is really wanted.

    try:
        keras.datasets.mnist.load_data()
    except Exception as error:  # No network, a proxy, a full disk: say what happened, in one line.
        return fail(f"could not download MNIST ({type(error).__name__}: {error}). "
                    f"The katas still work offline; they use {describe_data_source()}.", code=1)
    print(f"MNIST saved to {mnist_cache_path()}. Kata 15 now uses {describe_data_source()}.")
    return 0
