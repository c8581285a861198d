"""The pytest plugin behind every kata run, loaded by the top-level conftest.py.

Where things happen:
- `configuration`: the options, the curriculum in `config.stash`, the report header, per-test
  timeouts, and the `kata` fixture that serves the code under test (KATA_TARGET);
- `sandbox`: offline, seeded and reproducible runs (no network, fixed seeds, TF32 off, device);
- `explain`: pure functions that turn an exception into one line a learner can act on;
- `recorder`: the `Recorder`, one `TestRecord` per test, the learner's report, the results JSON;
- `check_mode`: the `CheckMode` of `make check`, registered only with --kata-check: every test
  runs against the solution, the stub and each wrong answer, and the verdict is decided there.
"""

pytest_plugins = ["tfkatas.plugin.sandbox", "tfkatas.plugin.configuration"]
