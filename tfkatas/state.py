"""The learner's state in one small JSON file, `.kata-state.json`, like rustlings' state file.

It holds the hints shown per kata, the progress cache (keyed by a hash of the learner's file
and the test file) and the pair-programming log. It is written atomically (a temporary file,
then os.replace), so an interrupted write never leaves half a file behind.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

NOTE = "managed by tfkatas; do not edit"
STATE_FILENAME = ".kata-state.json"


class StateError(Exception):
    """The state file cannot be read or written; the message says what to do."""


def state_path() -> Path:
    from tfkatas import curriculum

    return curriculum.ROOT / STATE_FILENAME


def load(path: Path | None = None) -> dict:
    """The state, or a fresh one when there is no file yet."""
    path = path or state_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {"_note": NOTE}
    except OSError as error:
        raise StateError(f"cannot read {path.name} ({error.strerror or error}); check the file's permissions") from None
    try:
        state = json.loads(text)
    except json.JSONDecodeError:
        raise StateError(f"{path.name} is not valid JSON: delete it to start the hints and progress cache afresh") from None
    if not isinstance(state, dict):
        raise StateError(f"{path.name} does not hold a JSON object: delete it to start afresh")
    state["_note"] = NOTE
    return state


def save(state: dict, path: Path | None = None) -> None:
    """Write the state atomically; StateError (read-only checkout, full disk) otherwise."""
    path = path or state_path()
    state = {"_note": NOTE, **{key: value for key, value in state.items() if key != "_note"}}
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(json.dumps(state, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(temporary, path)
    except OSError as error:
        try:
            temporary.unlink()
        except OSError:
            pass
        raise StateError(_cannot_write(path, error)) from None


def ensure_writable(path: Path | None = None) -> None:
    """Fail early, before any work, when the checkout is read-only."""
    path = path or state_path()
    probe = path.with_name(f"{path.name}.{os.getpid()}.probe")
    try:
        probe.write_text("")
        probe.unlink()
    except OSError as error:
        raise StateError(_cannot_write(path, error)) from None


def _cannot_write(path: Path, error: OSError) -> str:
    reason = error.strerror or str(error)
    return (f"cannot write {path.name} in {path.parent} ({reason}): is the checkout read-only? "
            "Work in a writable copy (git clone it somewhere you can write)")


def update(change, path: Path | None = None):
    """Load, apply `change(state)`, save; returns what `change` returned."""
    state = load(path)
    result = change(state)
    save(state, path)
    return result
