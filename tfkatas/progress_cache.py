"""The progress cache: each kata's last status, kept in the state file under a hash of its files.

When neither the learner's file nor the test file changed, `make progress` and watch reuse the
status instead of running the tests again.
"""

from __future__ import annotations

import hashlib

from tfkatas.curriculum import Kata
from tfkatas.statuses import KataStatus


def fingerprint(kata: Kata) -> str:
    """sha256 of the learner's file and the test file: the cache key."""
    digest = hashlib.sha256()
    for path in (kata.stub_path, kata.test_path):
        digest.update(str(path.name).encode() + b"\0")
        digest.update(path.read_bytes() if path.exists() else b"<missing>")
        digest.update(b"\0")
    return digest.hexdigest()


def cache_statuses(statuses: dict[str, KataStatus], fingerprints: dict[str, str]) -> None:
    """Remember each kata's status under the hash of its files."""
    from tfkatas import state

    def change(current: dict) -> None:
        cache = current.setdefault("progress", {})
        for code, status in statuses.items():
            cache[code] = {"key": fingerprints[code], **status.to_dict()}

    state.update(change)


def cached_status(current_state: dict, kata: Kata, key: str) -> KataStatus | None:
    entry = current_state.get("progress", {}).get(kata.code)
    if not entry or entry.get("key") != key:
        return None
    return KataStatus(**{name: entry[name] for name in ("status", "passed", "total", "message", "test") if name in entry})


def first_unsolved_after(katas: list[Kata], after: Kata | None = None) -> Kata | None:
    """The first available kata (after `after`, when given) that the cache does not know as solved."""
    from tfkatas.state import StateError, load
    from tfkatas.statuses import SOLVED, available

    try:
        current = load()
    except StateError:
        current = {}
    for kata in katas:
        if (after is not None and kata.number <= after.number) or not available(kata) or not kata.test_path.exists():
            continue
        cached = cached_status(current, kata, fingerprint(kata))
        if cached is None or cached.status != SOLVED:
            return kata
    return None
