"""One test's outcome as the plugin records it: the shape shared by the plugin, the reports,
`make progress`/`grade`/watch (through the results JSON) and the tooling tests.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

PASSED, FAILED, SKIPPED = "passed", "failed", "skipped"


@dataclass
class TestRecord:
    """What happened to one test (one node id) of one kata."""

    __test__ = False  # Not a pytest test class, despite the name.

    variant: str | None = None  # Check mode: "solutions", "stubs" or a wrong answer's id; None otherwise.
    outcome: str = PASSED  # passed | failed | skipped
    message: str = ""  # Why it failed, in words a learner can act on.
    not_implemented: bool = False  # It failed with the stub's NotImplementedError.
    broken: bool = False  # The kata file could not be imported, or the test file not collected.
    error_type: str = ""  # The exception's class name.
    duration: float = 0.0  # Seconds, setup + call + teardown.
    diagnosis: str = ""  # The known mistake the answer behaves like, when one was recognised.

    @property
    def passed(self) -> bool:
        return self.outcome == PASSED

    @property
    def failed(self) -> bool:
        return self.outcome == FAILED

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> TestRecord:
        known = {field.name for field in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})


# {kata code: {node id: record}}; tests outside kata folders are filed under "tooling".
Results = dict[str, dict[str, TestRecord]]
TOOLING = "tooling"


def results_from_json(data: dict) -> Results:
    """The "katas" part of a results JSON file, as records."""
    return {code: {nodeid: TestRecord.from_dict(record) for nodeid, record in records.items()}
            for code, records in data.get("katas", {}).items()}


def write_results_json(path, results: Results, exitstatus: int, environment: dict | None = None) -> None:
    """The records as JSON, written atomically: {"exitstatus", "environment", "katas": {code: {nodeid: record}}}.

    `environment` is what the run ran on (versions, devices, seed), for the grade files.
    """
    import json
    import os

    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(results_to_json(results, exitstatus, environment), indent=1))
    os.replace(temporary, path)


def results_to_json(results: Results, exitstatus: int, environment: dict | None = None) -> dict:
    return {"exitstatus": int(exitstatus), "environment": environment or {},
            "katas": {code: {nodeid: record.to_dict() for nodeid, record in records.items()}
                      for code, records in results.items()}}
