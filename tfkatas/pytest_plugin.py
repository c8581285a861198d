"""The pytest plugin behind every kata run (loaded from the top-level conftest.py).

Hooks appear in the order pytest calls them. The plugin
- picks the code under test: KATA_TARGET (`katas`, `solutions` or a directory), served to
  tests by the module-scoped `kata` fixture;
- in check mode (`--kata-check`, what `make check` uses) runs every test against the
  solution, the generated stub and each wrong answer, and judges the outcome: solutions
  pass, stubs fail with NotImplementedError, every wrong answer fails at least one test;
- keeps runs reproducible and offline: fixed seeds, TF32 off, network connections refused;
- ends a learner's run with a short report in words and a `make hint` pointer.
"""

from __future__ import annotations

import os
import random
import re
import socket
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from tfkatas.curriculum import ROOT, SOLUTIONS_DIR, Kata, kata_for_path, load_curriculum
from tfkatas.targets import (KataLoadError, describe_target, load_kata_module, load_wrong_answer,
                             resolve_target, wrong_answers)

SEED_HELP = "seed for Python, numpy and TensorFlow, set before every test (env KATA_SEED, default 1234)"
CHECK_HELP = "prove the kata set: solutions pass, stubs fail, every wrong answer is caught"
EXPLAIN_HELP = "in check mode, say which test caught each wrong answer"
STUBS_DIR_HELP = "directory of freshly generated stubs to test in check mode (default: generated into .build/stubs)"
RESULTS_JSON_HELP = "write the per-test records of every kata as JSON to this path (make progress, grade, watch)"

STUB_VARIANT = "stubs"
SOLUTION_VARIANT = "solutions"
_RESULTS: list = []  # The session's records, for hooks that receive no config (pytest_runtest_logreport).


# ----------------------------------------------------------------------------- options


def pytest_addoption(parser):
    group = parser.getgroup("tfkatas", "TF Katas")
    group.addoption("--kata-check", action="store_true", default=False, help=CHECK_HELP)
    group.addoption("--kata-stubs-dir", default=None, help=STUBS_DIR_HELP)
    group.addoption("--kata-explain", action="store_true", default=False, help=EXPLAIN_HELP)
    group.addoption("--kata-seed", type=int, default=int(os.environ.get("KATA_SEED", "1234")), help=SEED_HELP)
    group.addoption("--kata-results-json", default=None, metavar="PATH", help=RESULTS_JSON_HELP)


def pytest_configure(config):
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # Hide TensorFlow's start-up log lines.
    if os.environ.get("KATA_DEVICE", "").lower() == "cpu":
        os.environ["CUDA_VISIBLE_DEVICES"] = "-1"  # Must happen before TensorFlow is imported.
    config.addinivalue_line("markers", "slow: a training test; `make check` still runs it")
    _refuse_network_connections()
    config._kata_curriculum = load_curriculum()
    config._kata_results = _Results(dict)  # kata code -> {nodeid: outcome record}
    config._kata_results._kata_curriculum = config._kata_curriculum
    config._kata_results._kata_record_collection = bool(config.option.kata_results_json)
    _RESULTS[:] = [config._kata_results]  # pytest_runtest_logreport receives no config.
    if config.option.kata_check and not config.option.kata_stubs_dir:
        # Workers read the stubs the controller (or a single process) generates at this fixed place.
        from tfkatas.stubs import GENERATED_STUBS_DIR

        config.option.kata_stubs_dir = str(GENERATED_STUBS_DIR)
        if not hasattr(config, "workerinput"):
            _generate_stubs(config._kata_curriculum)
    if hasattr(config, "workerinput"):
        # An xdist worker's imports are not captured: import TensorFlow now, without its log lines.
        from tfkatas.quiet import import_tensorflow

        import_tensorflow()


class _Results(defaultdict):
    """The per-kata records; a defaultdict that can carry the curriculum for hooks without config."""


def _generate_stubs(curriculum: list[Kata]) -> None:
    from tfkatas.stubs import GENERATED_STUBS_DIR, write_stub

    for kata in curriculum:
        if kata.solution_path.exists():
            write_stub(kata, GENERATED_STUBS_DIR)


def _refuse_network_connections():
    """Tests run offline: a connection attempt fails at once with a message, never hangs."""
    if getattr(socket.socket, "_kata_offline", False):
        return
    for method_name in ("connect", "connect_ex"):
        setattr(socket.socket, method_name, _offline(getattr(socket.socket, method_name)))
    socket.socket._kata_offline = True


def _offline(method):
    def guarded(self, address, *args, **kwargs):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            raise OSError(f"TF Katas tests run offline: connection to {address!r} refused "
                          "(nothing may download at test time)")
        return method(self, address, *args, **kwargs)

    return guarded


# ----------------------------------------------------------------------------- header


def pytest_report_header(config):
    return _header_lines(config)


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session):
    """pytest hides the header under -q; a learner's run still says what it tested and where."""
    config = session.config
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if (reporter is not None and config.option.verbose < 0 and not hasattr(config, "workerinput")
            and not config.option.no_header):  # progress, grade and watch pass --no-header.
        reporter.write_line(" · ".join(_header_lines(config)), light=True)


def _header_lines(config) -> list[str]:
    import importlib.metadata as metadata

    def version(*names):
        for name in names:
            try:
                return metadata.version(name)
            except metadata.PackageNotFoundError:
                continue
        return "not installed"

    target = "check mode: solutions, generated stubs and wrong answers" if config.option.kata_check else (
        f"{describe_target(resolve_target())}")
    lines = [
        f"kata target: {target}",
        f"tensorflow {version('tensorflow', 'tensorflow-cpu')}, keras {version('keras')}, "
        f"devices: {_visible_devices()}",
        f"seed: {config.option.kata_seed} (KATA_SEED); TF32 matmuls: "
        f"{'on (KATA_TF32=1)' if _tf32_wanted() else 'off'}",
    ]
    if any(kata.slug == "manual_sgd" for kata in _selected_katas(config)):
        from tfkatas.datasets import describe_data_source

        lines.append(f"kata 12 data: {describe_data_source()} (KATA_DATA=mnist|digits)")
    return lines


def _visible_devices() -> str:
    from tfkatas.quiet import import_tensorflow

    tf = import_tensorflow()

    names = []
    for device in tf.config.list_physical_devices():
        name = device.name.replace("/physical_device:", "")
        if device.device_type == "GPU":
            details = tf.config.experimental.get_device_details(device)
            name += f" ({details.get('device_name', 'GPU')})"
        names.append(name)
    return ", ".join(names)


def _tf32_wanted() -> bool:
    return os.environ.get("KATA_TF32", "") == "1"


def pytest_sessionstart(session):
    if os.environ.get("KATA_DEVICE", "").lower() == "gpu":
        from tfkatas.quiet import import_tensorflow

        tf = import_tensorflow()

        if not tf.config.list_physical_devices("GPU"):
            pytest.exit("DEVICE=gpu, but TensorFlow sees no GPU (is the CUDA build installed? make setup GPU=1)",
                        returncode=2)


# ----------------------------------------------------------------------------- collection


def pytest_generate_tests(metafunc):
    if "kata" not in metafunc.fixturenames or not metafunc.config.option.kata_check:
        return
    kata = kata_for_path(metafunc.definition.path, metafunc.config._kata_curriculum)
    if kata is None:
        return
    variants = [SOLUTION_VARIANT, STUB_VARIANT] + [wrong.id for wrong in wrong_answers(kata)]
    metafunc.parametrize("kata", variants, indirect=True, scope="module", ids=variants)


def pytest_collection_modifyitems(session, config, items):
    config._kata_collected = defaultdict(int)  # kata code -> tests collected (focus mode runs fewer)
    for item in items:
        kata = kata_for_path(item.path, config._kata_curriculum)
        if kata is None:
            continue
        config._kata_collected[kata.code] += 1
        if item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(kata.timeout))
        variant = _variant_of(item)
        item.user_properties.append(("kata", kata.code))
        if variant:
            item.user_properties.append(("kata_variant", variant))


def _variant_of(item) -> str | None:
    callspec = getattr(item, "callspec", None)
    return callspec.params.get("kata") if callspec else None


# ----------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def kata(request):
    """The module under test for this test file's kata (learner's, solution, stub or wrong answer)."""
    config = request.config
    meta = kata_for_path(request.path, config._kata_curriculum)
    if meta is None:
        pytest.fail(f"{request.path} is not inside a kata folder listed in curriculum.toml", pytrace=False)
    variant = getattr(request, "param", None)
    try:
        if variant is None:
            return load_kata_module(meta, resolve_target())
        if variant == SOLUTION_VARIANT:
            return load_kata_module(meta, SOLUTIONS_DIR, variant=variant)
        if variant == STUB_VARIANT:
            return load_kata_module(meta, Path(config.option.kata_stubs_dir), variant=variant)
        wrong = next(w for w in wrong_answers(meta) if w.id == variant)
        return load_wrong_answer(meta, wrong)
    except KataLoadError as error:
        broken = pytest.fail.Exception(str(error), pytrace=False)
        broken.kata_broken = True  # Syntax or import error: `make progress` shows the kata as broken.
        raise broken from None


@pytest.fixture(autouse=True)
def _fixed_seeds(request):
    """The same random numbers on every run: Python, numpy, and TensorFlow/Keras when imported."""
    seed = request.config.option.kata_seed
    random.seed(seed)
    import numpy as np

    np.random.seed(seed)
    if "keras" in sys.modules:
        sys.modules["keras"].utils.set_random_seed(seed)
    elif "tensorflow" in sys.modules:
        sys.modules["tensorflow"].random.set_seed(seed)
    if "tensorflow" in sys.modules and not _tf32_wanted():
        sys.modules["tensorflow"].config.experimental.enable_tensor_float_32_execution(False)
    yield


# ----------------------------------------------------------------------------- running


_caught: set[str] = set()  # Wrong answers already caught in this process: their other tests are skipped.


def pytest_runtest_setup(item):
    variant = _variant_of(item)
    if variant and variant.startswith("wrong") and f"{item.path}::{variant}" in _caught:
        pytest.skip("wrong answer already caught by an earlier test")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed and call.excinfo is not None:
        report.user_properties.append(("kata_message", _explain(item, call.excinfo)))
        report.user_properties.append(("kata_not_implemented", _raised_not_implemented(call.excinfo.value)))
        report.user_properties.append(("kata_error_type", type(call.excinfo.value).__name__))
        report.user_properties.append(("kata_broken", getattr(call.excinfo.value, "kata_broken", False)))
        variant = _variant_of(item)
        if variant and variant.startswith("wrong"):
            _caught.add(f"{item.path}::{variant}")
    return report


def _raised_not_implemented(error: BaseException | None) -> bool:
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, NotImplementedError):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def _explain(item, excinfo) -> str:
    """One or two lines a beginner can act on."""
    error = excinfo.value
    kata = kata_for_path(item.path, item.config._kata_curriculum)
    where = _learner_location(excinfo, kata)
    if _raised_not_implemented(error):
        return f"not written yet{where}: {_nudge(error)}"
    text = str(error).strip()
    if text.startswith("Timeout"):
        timeout = kata.timeout if kata else "the"
        return f"stopped after {timeout} s{where}: is there an endless loop (a `while` that never ends)?"
    if isinstance(error, AssertionError):
        return text.splitlines()[0] if text else "an assertion failed (no message)"
    if isinstance(error, pytest.fail.Exception):
        return text
    return f"your code raised {type(error).__name__}{where}: {_first_line(error)}"


def _nudge(error: BaseException) -> str:
    """The stub's nudge, also when tf.function re-raised it with "in user code:" and a traceback."""
    lines = str(error).strip().splitlines()
    tagged = [line.split("NotImplementedError:", 1)[1].strip() for line in lines if "NotImplementedError:" in line]
    return tagged[-1] if tagged else (lines[0] if lines else "NotImplementedError")


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _learner_location(excinfo, kata: Kata | None) -> str:
    """' in katas/05_topk/topk.py line 42' for the deepest frame inside the kata's code file.

    Inside a tf.function the frames belong to AutoGraph's converted code; TensorFlow then names
    the learner's file and line in the message ("File ".../topk.py", line 42"), so look there too.
    """
    if kata is None:
        return ""
    locations = [(Path(str(entry.path)), entry.lineno + 1) for entry in excinfo.traceback]
    pattern = re.compile(r'File "([^"]+)", line (\d+)')
    locations += [(Path(path), int(line)) for path, line in pattern.findall(str(excinfo.value))]
    where = ""
    for path, line in locations:
        if path.name == kata.module_filename and path.parent.name == kata.dirname:
            try:
                shown = path.relative_to(ROOT)
            except ValueError:
                shown = path
            where = f" in {shown} line {line}"
    return where


# ----------------------------------------------------------------------------- reporting


def pytest_runtest_logreport(report):
    """Collect one record per test (runs in the controller when tests run under xdist)."""
    properties = dict(report.user_properties)
    code = properties.get("kata", "tooling")  # Tests outside kata folders: the helper package's own.
    record = _RESULTS[0][code].setdefault(report.nodeid, {
        "variant": properties.get("kata_variant"), "outcome": "passed", "message": "",
        "not_implemented": False, "duration": 0.0})
    record["duration"] += report.duration
    if report.failed and record["outcome"] != "failed":
        record.update(outcome="failed", message=properties.get("kata_message", ""),
                      not_implemented=properties.get("kata_not_implemented", False),
                      broken=properties.get("kata_broken", False),
                      error_type=properties.get("kata_error_type", ""))
    elif report.skipped and record["outcome"] == "passed":
        record["outcome"] = "skipped"


def pytest_report_teststatus(report, config):
    """In check mode an expected failure (stub, wrong answer) is a success: count it so."""
    if not config.option.kata_check:
        return None
    properties = dict(report.user_properties)
    variant = properties.get("kata_variant")
    if variant in (None, SOLUTION_VARIANT):
        return None
    if report.when == "call" and report.passed:
        if variant == STUB_VARIANT:
            return "failed", "F", "PASSES ON THE STUB"
        return "passed", ".", "wrong answer not caught here"
    if report.failed:
        return "passed", ".", "fails as it should"
    return None


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    from tfkatas.report import check_verdict, learner_report

    if config.option.kata_check:
        lines, ok = check_verdict(_selected_katas(config), config._kata_results, wrong_answers,
                                  explain=config.option.kata_explain)
        config._kata_check_ok = ok
    else:
        lines = learner_report(config._kata_curriculum, config._kata_results, getattr(config, "_kata_collected", {}))
    for line in lines:
        terminalreporter.write_line(line)


def _selected_katas(config) -> list[Kata]:
    """The katas whose test files the command line asked for (all of them for `pytest katas`)."""
    asked = [Path(arg.split("::")[0]).resolve() for arg in config.args]
    return [kata for kata in config._kata_curriculum
            if any(kata.test_path == path or path in kata.test_path.parents for path in asked)]


def pytest_collectreport(report):
    """With --kata-results-json, a test file that cannot be collected becomes one failed record."""
    if not report.failed or not _RESULTS or not getattr(_RESULTS[0], "_kata_record_collection", False):
        return
    path = Path(str(report.fspath))
    kata = kata_for_path(path, _RESULTS[0]._kata_curriculum)
    lines = [line[1:].strip() for line in report.longreprtext.splitlines() if line.startswith("E ")]
    reason = lines[-1] if lines else (report.longreprtext.strip().splitlines() or ["error"])[-1]
    _RESULTS[0][kata.code if kata else "tooling"][report.nodeid] = {
        "variant": None, "outcome": "failed", "message": f"{_shown_path(path)} could not be collected: {reason}",
        "not_implemented": False, "broken": True, "duration": 0.0}


def _shown_path(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    config = session.config
    if config.option.kata_results_json and not hasattr(config, "workerinput"):
        _write_results_json(config, exitstatus)
    if config.option.kata_check and not hasattr(config, "workerinput"):
        ok = getattr(config, "_kata_check_ok", None)
        if ok is None:
            from tfkatas.report import check_verdict

            _, ok = check_verdict(_selected_katas(config), config._kata_results, wrong_answers)
        if exitstatus in (0, 1):
            session.exitstatus = 0 if ok else 1


def _write_results_json(config, exitstatus) -> None:
    """The records as JSON, written atomically: {"exitstatus", "katas": {code: {nodeid: record}}}."""
    import json

    path = Path(config.option.kata_results_json)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps({"exitstatus": int(exitstatus), "katas": config._kata_results}, indent=1))
    os.replace(temporary, path)
