"""`Guards`: a learner's code cannot end the run, loop forever twice, or change the checks.

A green verdict must mean a correct answer, so what the code under test does besides returning
a value is stopped at the test it happens in and reported there, in words:
- `sys.exit`, `pytest.exit`, a `KeyboardInterrupt` it raises itself (not a real Ctrl-C) or any
  other BaseException fail that test instead of ending the run;
- an endless loop costs one timeout: the function that did not return is replaced, for the rest
  of the run, by one that fails at once ("not run: an earlier call ... did not return");
- the checks (tfkatas.testing, numpy.testing, the test module's own functions) are fingerprinted
  when collected; a test after which they changed fails, and the originals are put back.
"""

from __future__ import annotations

import signal
import types
from pathlib import Path

import pytest

from tfkatas.curriculum import kata_for_path
from tfkatas.plugin.configuration import curriculum_of
from tfkatas.plugin.explain import learner_location

CHECK_MODULES = ("tfkatas.testing", "numpy.testing")


class Guards:
    NAME = "tfkatas-guards"

    def __init__(self, config):
        self.config = config
        self.curriculum = curriculum_of(config)
        self.real_interrupt = False
        self.checks: list[types.ModuleType] = []  # CHECK_MODULES, once imported
        self.fingerprints: dict[int, dict[str, tuple[types.FunctionType, types.CodeType]]] = {}  # by id(namespace)
        self._install_interrupt_flag()

    def _install_interrupt_flag(self) -> None:
        """Tell a real Ctrl-C (which must stop the run) from a KeyboardInterrupt raised by code."""
        previous = signal.getsignal(signal.SIGINT)
        if not callable(previous):
            return

        def on_interrupt(signum, frame):
            self.real_interrupt = True
            return previous(signum, frame)

        try:
            signal.signal(signal.SIGINT, on_interrupt)
        except ValueError:  # Not the main thread: leave Ctrl-C as it is.
            pass

    # ------------------------------------------------------------------------- fingerprints

    def pytest_collection_modifyitems(self, items):
        import importlib

        self.checks = [importlib.import_module(name) for name in CHECK_MODULES]
        modules = {id(item.module): item.module for item in items if getattr(item, "module", None) is not None}
        for namespace in [*self.checks, *modules.values()]:
            self.fingerprints[id(namespace)] = {name: (value, value.__code__) for name, value in vars(namespace).items()
                                                if isinstance(value, types.FunctionType)}

    def _changed_checks(self, item) -> list[str]:
        """The checks whose function or code changed since collection; each is put back."""
        changed = []
        for namespace in [*self.checks, getattr(item, "module", None)]:
            for name, (function, code) in self.fingerprints.get(id(namespace), {}).items():
                if vars(namespace).get(name) is not function or function.__code__ is not code:
                    changed.append(f"{namespace.__name__}.{name}")
                    setattr(namespace, name, function)
                    function.__code__ = code
        return changed

    # ------------------------------------------------------------------------- the test phases

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_setup(self, item):
        return (yield from self._guarded(item))

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item):
        return (yield from self._guarded(item))

    def _guarded(self, item):
        try:
            result = yield
        except KeyboardInterrupt as error:
            if self.real_interrupt:
                raise
            raise self._failure(item, error, "raised KeyboardInterrupt") from None
        except SystemExit as error:
            raise self._failure(item, error, f"called sys.exit({error.code!r})") from None
        except pytest.exit.Exception as error:
            raise self._failure(item, error, "called pytest.exit") from None
        except pytest.fail.Exception as error:
            if str(error).startswith("Timeout"):
                self._disable_looping_function(item, error)
            raise
        changed = self._changed_checks(item)
        if changed:
            raise pytest.fail.Exception(f"your code changed the checks ({', '.join(changed[:3])}): a kata's code "
                                        "must not patch its tests; the originals are back", pytrace=False)
        return result

    def _failure(self, item, error: BaseException, what: str) -> BaseException:
        kata = kata_for_path(item.path, self.curriculum)
        where = learner_location(_frames(error), "", kata)
        return pytest.fail.Exception(f"your code {what}{where}: a kata's code must return a value, "
                                     "not end the test run", pytrace=False)

    def _disable_looping_function(self, item, error: BaseException) -> None:
        """After a timeout, the kata's function that was running fails at once from now on."""
        kata = kata_for_path(item.path, self.curriculum)
        module = getattr(item, "funcargs", {}).get("kata")
        if kata is None or not isinstance(module, types.ModuleType):
            return
        for path, _, name in _frames(error, with_names=True):
            if path.name == kata.module_filename and path.parent.name == kata.dirname:
                if isinstance(getattr(module, name, None), types.FunctionType):
                    setattr(module, name, _not_run(name, kata.timeout))
                return  # The outermost frame in the kata's file is the function a test called.


def _frames(error: BaseException, with_names: bool = False) -> list:
    """(file, line) or (file, line, function) of each frame of the error's traceback, outermost first."""
    frames = []
    traceback = error.__traceback__
    while traceback is not None:
        code = traceback.tb_frame.f_code
        entry = (Path(code.co_filename), traceback.tb_lineno)
        frames.append((*entry, code.co_name) if with_names else entry)
        traceback = traceback.tb_next
    return frames


def _not_run(name: str, timeout: int):
    def not_run(*args, **kwargs):
        raise pytest.fail.Exception(f"not run: an earlier call of {name} did not return within {timeout} s "
                                    "(an endless loop?)", pytrace=False)

    not_run.__name__ = name
    return not_run
