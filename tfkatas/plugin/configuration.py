"""Options, configuration and the `kata` fixture: what a run tests and how it says so.

Per-run state lives in `config.stash` (no module globals): the curriculum, and the plugin
objects registered for this run (`Recorder` always, `CheckMode` with --kata-check).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tfkatas.curriculum import SOLUTIONS_DIR, Kata, kata_for_path, load_curriculum
from tfkatas.plugin.explain import broken_kata_failure
from tfkatas.targets import (
    KataLoadError,
    describe_target,
    load_kata_module,
    load_wrong_answer,
    resolve_target,
    wrong_answers,
)
from tfkatas.variants import SOLUTION_VARIANT, STUB_VARIANT, variant_of

SEED_HELP = "seed for Python, numpy and TensorFlow, set before every test (env KATA_SEED, default 1234)"
CHECK_HELP = "prove the kata set: solutions pass, stubs fail, every wrong answer is caught"
EXPLAIN_HELP = "in check mode, say which test caught each wrong answer"
STUBS_DIR_HELP = "directory of freshly generated stubs to test in check mode (default: generated into .build/stubs)"
SOLUTIONS_DIR_HELP = ("in check mode, load the solutions (and the wrong answers built on them) from this copy of "
                      "solutions/, kept outside the checkout to prove they pass anywhere on disk")
RESULTS_JSON_HELP = "write the per-test records of every kata as JSON to this path (make progress, grade, watch)"

CURRICULUM = pytest.StashKey[list[Kata]]()


def pytest_addoption(parser):
    group = parser.getgroup("tfkatas", "TF Katas")
    group.addoption("--kata-check", action="store_true", default=False, help=CHECK_HELP)
    group.addoption("--kata-stubs-dir", default=None, help=STUBS_DIR_HELP)
    group.addoption("--kata-solutions-dir", default=None, help=SOLUTIONS_DIR_HELP)
    group.addoption("--kata-explain", action="store_true", default=False, help=EXPLAIN_HELP)
    group.addoption("--kata-seed", default=None, help=SEED_HELP)
    group.addoption("--kata-results-json", default=None, metavar="PATH", help=RESULTS_JSON_HELP)


def pytest_configure(config):
    from tfkatas.plugin.guards import Guards
    from tfkatas.plugin.recorder import Recorder

    config.addinivalue_line("markers", "slow: a training test; `make check` still runs it")
    _check_settings(config)
    config.stash[CURRICULUM] = load_curriculum()
    config.pluginmanager.register(Recorder(config), Recorder.NAME)
    config.pluginmanager.register(Guards(config), Guards.NAME)
    from tfkatas.plugin.misconceptions import Misconceptions

    config.pluginmanager.register(Misconceptions(config), Misconceptions.NAME)
    if config.option.kata_check:
        from tfkatas.plugin.check_mode import CheckMode

        config.pluginmanager.register(CheckMode(config), CheckMode.NAME)
    if is_worker(config):
        # An xdist worker's imports are not captured: import TensorFlow now, without its log lines.
        from tfkatas.environment import import_tensorflow

        import_tensorflow()


def _check_settings(config) -> None:
    """A bad KATA_SEED or KATA_TARGET stops the run with one line, before any test blames the code."""
    from tfkatas.settings import SettingError, seed

    try:
        config.option.kata_seed = seed(config.option.kata_seed)
        if not config.option.kata_check:
            resolve_target()
    except (SettingError, KataLoadError) as error:
        raise pytest.UsageError(str(error)) from None


def is_worker(config) -> bool:
    return hasattr(config, "workerinput")


def curriculum_of(config) -> list[Kata]:
    return config.stash[CURRICULUM]


def selected_katas(config) -> list[Kata]:
    """The katas whose test files the command line asked for (all of them for `pytest katas`)."""
    asked = [Path(arg.split("::")[0]).resolve() for arg in config.args]
    return [kata for kata in curriculum_of(config)
            if any(kata.test_path == path or path in kata.test_path.parents for path in asked)]


# ----------------------------------------------------------------------------- header


def pytest_report_header(config):
    return _header_lines(config, import_tensorflow=True)  # Verbose runs: the header comes before collection.


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session):
    """pytest hides the header under -q; a learner's run still says what it tested and where."""
    config = session.config
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if (reporter is not None and config.option.verbose < 0 and not is_worker(config)
            and not config.option.no_header):  # progress, grade and watch pass --no-header.
        reporter.write_line(" · ".join(_header_lines(config, import_tensorflow=False)), light=True)


def _header_lines(config, import_tensorflow: bool) -> list[str]:
    """What a person needs to reproduce the run: target, versions, devices, seed, TF32.

    After collection, the kata tests have imported TensorFlow; tests that never do (the tooling's
    fake katas) are not made to pay its 3 s start-up just to list devices.
    """
    from tfkatas.plugin.sandbox import tf32_wanted

    target = "check mode: solutions, generated stubs and wrong answers" if config.option.kata_check else (
        f"{describe_target(resolve_target())}")
    lines = [
        f"kata target: {target}",
        f"tensorflow {_version('tensorflow', 'tensorflow-cpu')}, keras {_version('keras')}, "
        f"devices: {_visible_devices(import_tensorflow)}",
        f"seed: {config.option.kata_seed} (KATA_SEED); TF32 matmuls: "
        f"{'on (KATA_TF32=1)' if tf32_wanted() else 'off'}",
    ]
    if any(kata.slug == "manual_sgd" for kata in selected_katas(config)):
        from tfkatas.datasets import describe_data_source

        lines.append(f"kata 15 data: {describe_data_source()} (KATA_DATA=mnist|digits)")
    return lines


def _version(*names: str) -> str:
    import importlib.metadata as metadata

    for name in names:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return "not installed"


def run_environment(config) -> dict:
    """The header's facts as data, for the results JSON and so the grade files."""
    return {"tensorflow": _version("tensorflow", "tensorflow-cpu"), "keras": _version("keras"),
            "devices": _visible_devices(import_if_needed=False), "seed": config.option.kata_seed}


def _visible_devices(import_if_needed: bool) -> str:
    from tfkatas.environment import import_tensorflow

    if not import_if_needed and "tensorflow" not in sys.modules:
        return "(TensorFlow not imported by these tests)"
    tf = import_tensorflow()
    names = []
    for device in tf.config.list_physical_devices():
        name = device.name.replace("/physical_device:", "")
        if device.device_type == "GPU":
            details = tf.config.experimental.get_device_details(device)
            name += f" ({details.get('device_name', 'GPU')})"
        names.append(name)
    return ", ".join(names)


# ----------------------------------------------------------------------------- collection


def pytest_collection_modifyitems(session, config, items):
    """Each kata test gets its kata's timeout and carries its kata code (and variant) to the reports."""
    for item in items:
        kata = kata_for_path(item.path, curriculum_of(config))
        if kata is None:
            continue
        if item.get_closest_marker("timeout") is None:
            item.add_marker(pytest.mark.timeout(kata.timeout))
        item.user_properties.append(("kata", kata.code))
        variant = variant_of(item)
        if variant:
            item.user_properties.append(("kata_variant", variant))


# ----------------------------------------------------------------------------- the kata fixture


@pytest.fixture(scope="module")
def kata(request):
    """The module under test for this test file's kata (learner's, solution, stub or wrong answer)."""
    config = request.config
    meta = kata_for_path(request.path, curriculum_of(config))
    if meta is None:
        pytest.fail(f"{request.path} is not inside a kata folder listed in curriculum.toml", pytrace=False)
    variant = getattr(request, "param", None)
    from tfkatas.plugin.misconceptions import Misconceptions

    try:
        if variant is None:
            module = load_kata_module(meta, resolve_target())
        elif variant == SOLUTION_VARIANT:
            return load_kata_module(meta, Path(config.option.kata_solutions_dir or SOLUTIONS_DIR), variant=variant)
        elif variant == STUB_VARIANT:
            return load_kata_module(meta, Path(config.option.kata_stubs_dir), variant=variant)
        else:
            wrong = next(w for w in wrong_answers(meta) if w.id == variant)
            module = load_wrong_answer(meta, wrong, Path(config.option.kata_solutions_dir or SOLUTIONS_DIR))
    except KataLoadError as error:
        raise broken_kata_failure(str(error)) from None
    Misconceptions.of(config).watch(module, variant)  # A failing test can then say which mistake it saw.
    return module
