"""Every test run starts here: the pytest arguments and environment of each command, built once.

`make kata`, watch, `make progress`/`grade`, `make check` and `make soak` differ only in the
options passed to `pytest_run`; the flags they share (the root, the plugins switched off, the
quiet output) and TensorFlow's environment are decided in this module and nowhere else.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tfkatas.curriculum import ROOT
from tfkatas.environment import tensorflow_environment

PACKAGE_PARENT = Path(__file__).resolve().parent.parent


@dataclass
class PytestRun:
    """A pytest command line and the environment it runs in."""

    arguments: list[str]
    environment: dict[str, str] = field(default_factory=dict)
    module: str = "pytest"  # What `python -m` runs in a child process.

    def command(self) -> list[str]:
        return [sys.executable, "-m", self.module, *self.arguments]


def pytest_run(paths: list[Path | str], *, verbose: bool = False, focus: bool = False, header: bool = True,
               results_json: Path | None = None, junit_xml: Path | None = None, workers: int = 0,
               check: bool = False, stubs_dir: Path | None = None, solutions_dir: Path | None = None,
               explain: bool = False,
               target: str | None = None, seed: int | None = None, device: str | None = None,
               traceback: str | None = None, list_failures: bool = False, collect_only: bool = False) -> PytestRun:
    """The run of `paths` (test files or folders) with the options a command asks for."""
    # pytest's unraisableexception plugin runs gc.collect() at exit: 0.1-0.3 s over TensorFlow's
    # object graph (measured), for warnings no learner reads. The cache provider would write
    # .pytest_cache into a learner's checkout.
    arguments = [*(str(path) for path in paths), f"--rootdir={ROOT}",
                 "-p", "no:cacheprovider", "-p", "no:unraisableexception"]
    arguments += ["-v", f"--tb={traceback or 'short'}"] if verbose else ["-q", f"--tb={traceback or 'no'}"]
    arguments.append("-rf" if list_failures else "-rN")  # -rf: a "FAILED test - reason" line each.
    if not header:
        arguments.append("--no-header")
    if focus:
        arguments.append("-x")
    if collect_only:
        arguments.append("--collect-only")
    # Option values go in the same word (--option=value): pytest takes a separate word that names an
    # existing folder for a test path, and a folder outside the checkout then hides pyproject.toml.
    if results_json is not None:
        arguments += [f"--kata-results-json={results_json}", "--continue-on-collection-errors"]
    if junit_xml is not None:
        arguments.append(f"--junitxml={junit_xml}")
    if check:
        arguments += ["--kata-check", f"--kata-stubs-dir={stubs_dir}"] + (["--kata-explain"] if explain else [])
        if solutions_dir is not None:
            arguments += [f"--kata-solutions-dir={solutions_dir}"]
    arguments += ["-n", str(workers), "--dist", "loadfile"] if workers > 1 else ["-p", "no:xdist"]
    environment = {"KATA_ROOT": str(ROOT)}
    if target is not None:
        environment["KATA_TARGET"] = target
    if seed is not None:
        environment["KATA_SEED"] = str(seed)
    tensorflow_environment(environment, device)
    return PytestRun(arguments, environment)


def batch_run(katas, results_json: Path, junit_xml: Path | None = None) -> PytestRun:
    """`make progress`/`grade`: the katas' tests, each in its own forked child (tfkatas.batch)."""
    arguments = [*(kata.code for kata in katas), "--results", str(results_json)]
    if junit_xml is not None:
        arguments += ["--junit", str(junit_xml)]
    return PytestRun(arguments, tensorflow_environment({"KATA_ROOT": str(ROOT), "KATA_TARGET": "katas"}),
                     module="tfkatas.batch")


def run_here(run: PytestRun) -> int:
    """Run in this process (TensorFlow is imported here, once): `make kata`, `make check`, watch's child."""
    os.environ.update(run.environment)
    import pytest  # Only now: pytest and, through the tests, TensorFlow.

    return int(pytest.main(run.arguments))


def run_apart(run: PytestRun, timeout: float | None = None) -> subprocess.CompletedProcess:
    """Run in a child process with this package importable; output captured."""
    environment = {**os.environ, **run.environment}
    paths = [str(PACKAGE_PARENT)] + [p for p in environment.get("PYTHONPATH", "").split(os.pathsep) if p]
    environment["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    return subprocess.run(run.command(), cwd=ROOT, env=environment, capture_output=True, text=True, timeout=timeout)
