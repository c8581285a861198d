"""Runs that are the same everywhere: no network, fixed seeds, TF32 off, the device asked for."""

from __future__ import annotations

import os
import random
import socket
import sys

import pytest

from tfkatas.environment import import_tensorflow, tensorflow_environment


def tf32_wanted() -> bool:
    return os.environ.get("KATA_TF32", "") == "1"


def pytest_configure(config):
    tensorflow_environment()  # Before any test imports TensorFlow.
    _refuse_network_connections()


def pytest_sessionstart(session):
    if os.environ.get("KATA_DEVICE", "").lower() == "gpu":
        if not import_tensorflow().config.list_physical_devices("GPU"):
            pytest.exit("DEVICE=gpu, but TensorFlow sees no GPU (is the CUDA build installed? make setup GPU=1)",
                        returncode=2)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Seed before any fixture too: a module fixture (a model trained once for several tests) is
    then the same whichever test first needs it, in a learner's run, a -k run or check mode's order."""
    _seed(item.config.option.kata_seed)


@pytest.fixture(autouse=True)
def _fixed_seeds(request):
    """The same random numbers at the start of every test, whatever the fixtures drew."""
    _seed(request.config.option.kata_seed)
    yield


def _seed(seed: int) -> None:
    """Python, numpy, and TensorFlow/Keras when imported."""
    random.seed(seed)
    import numpy as np

    np.random.seed(seed)
    if "keras" in sys.modules:
        sys.modules["keras"].utils.set_random_seed(seed)
        _close_leaked_name_scopes()
    elif "tensorflow" in sys.modules:
        sys.modules["tensorflow"].random.set_seed(seed)
    if "tensorflow" in sys.modules and not tf32_wanted():
        # float32 tolerances must mean the same on an Ampere or Hopper GPU as on a CPU.
        sys.modules["tensorflow"].config.experimental.enable_tensor_float_32_execution(False)


def _close_leaked_name_scopes() -> None:
    """Start every test at Keras' top-level name scope.

    A model whose call failed inside a scope can leave it open (measured with kata 16's wrong
    answers), and a later test in the same process then sees weight paths such as
    "failed_model/classifier/hidden/kernel".
    """
    from keras.src.backend.common import global_state  # Keras 3's own name-scope stack (pinned version).

    if global_state.get_global_attribute("name_scope_stack"):
        global_state.set_global_attribute("name_scope_stack", [])


def _refuse_network_connections():
    """Tests run offline: a connection beyond this machine fails at once with a message, never hangs."""
    if getattr(socket.socket, "_kata_offline", False):
        return
    for method_name in ("connect", "connect_ex"):
        setattr(socket.socket, method_name, _offline(getattr(socket.socket, method_name)))
    socket.socket._kata_offline = True


# This machine itself: multi-worker training talks between worker processes on 127.0.0.1 ports.
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


def _offline(method):
    def guarded(self, address, *args, **kwargs):
        if self.family in (socket.AF_INET, socket.AF_INET6) and address[0] not in LOOPBACK_HOSTS:
            raise OSError(f"TF Katas tests run offline: connection to {address!r} refused "
                          "(nothing may download at test time)")
        return method(self, address, *args, **kwargs)

    return guarded
