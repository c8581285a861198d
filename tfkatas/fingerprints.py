"""Failure fingerprints: how each curated wrong answer fails, so a learner's failure can be named.

Replaying a test's calls (tfkatas.diagnosis) cannot reach every mistake within the diagnosis's
time budget: a training call takes seconds, and a Keras model cannot be replayed without
changing the model later tests reuse. But the test itself already compares the answer's
results with the right ones, and says what it saw: "train ran 1 epoch, expected 5". So
`make check` records, for each wrong answer, the test it first fails and a hash of what that
failure said (`solutions/NN_slug/fingerprints.json`); a learner's answer that fails the same
test saying exactly the same thing behaves like that wrong answer there.

The hash is of the error's type and message with what differs between runs of the same
behaviour taken out: paths and line numbers (the learner's file is not the wrong answer's, nor
its temporary folder), memory addresses, times, the counters in Keras' automatic layer names,
and pytest's explanation of a failed assert (its length depends on the CI variable).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

FILENAME = "fingerprints.json"

_RUN_SPECIFIC = [
    (re.compile(r'File "[^"]*", line \d+(, in \S+)?'), "File"),
    (re.compile(r"(?:[A-Za-z]:)?(?:[\\/][\w.+~-]+){2,}(?::\d+)?"), "<path>"),  # Temporary folders too.
    (re.compile(r"\bline \d+"), "line"),
    (re.compile(r"\b0x[0-9a-fA-F]+\b"), "0x"),
    (re.compile(r"\b\d+(?:\.\d+)?(?:ms|us|µs|s)\b(?:/step)?"), "<time>"),  # Keras' progress bar.
    (re.compile(r"\b([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z][A-Za-z0-9]*)*)_\d+\b"), r"\1_#"),
]


def fingerprint(error: BaseException) -> str:
    """A short hash of what the failure said, the same for the same behaviour in another file."""
    text = f"{type(error).__name__}: {error}"
    for pattern, replacement in _RUN_SPECIFIC:
        text = pattern.sub(replacement, text)
    # pytest's explanation of a failed assert is left out: it is cut short on a terminal but not
    # where CI is set, and lists differing dict or set items in hash order, which changes per process.
    lines = text.splitlines() or [""]
    explanation = next((index for index, line in enumerate(lines) if index and line.startswith("assert ")), None)
    if explanation is not None:
        lines = lines[:explanation]  # The test's own message stays.
    elif lines[0].split(": ", 1)[-1].startswith("assert "):
        lines = lines[:1]  # A bare assert: its first line, "assert 3 == 5".
    text = "\n".join(lines)
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:16]


def name_in_learner_run(name: str, variant: str | None) -> str:
    """The test's name as a learner's run shows it: check mode's parameter id without the variant."""
    if not variant:
        return name
    base, _, ids = name.partition("[")
    ids = ids.removesuffix("]")
    for joined in (f"{variant}-", f"-{variant}", variant):  # pytest joins parameter ids with "-".
        if joined in ids:
            ids = ids.replace(joined, "", 1)
            break
    return f"{base}[{ids}]" if ids else base


Table = dict[str, dict[str, list[str]]]  # test key -> fingerprint -> wrong answer ids failing so.


def read_table(kata_solutions: Path) -> Table:
    try:
        return json.loads((kata_solutions / FILENAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write_table(kata_solutions: Path, table: Table) -> bool:
    """Write the kata's table (sorted, one line per test); True when the file changed."""
    ordered = {key: {found: sorted(ids) for found, ids in sorted(table[key].items())} for key in sorted(table)}
    text = json.dumps(ordered, indent=1, ensure_ascii=False) + "\n"
    path = kata_solutions / FILENAME
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True
