"""The pristine test files: a committed manifest `katas/tests.sha256` of every kata's test file.

`make stubs` writes it, `make check` proves it current, and `make grade` reports the test files
a learner edited (for honest self-assessment and classroom autograding). The format is the
one `sha256sum` reads: `<hex digest>  <path relative to katas/>`, so
`cd katas && sha256sum -c tests.sha256` works as well.

Beside it, `katas/tests.count` says how many tests each pristine file holds, so a kata whose
files were deleted, renamed or broken still counts as 0 of its tests in `make progress` and
`make grade` (the total never shrinks); `make check` proves the counts current.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

MANIFEST_NAME = "tests.sha256"
COUNTS_NAME = "tests.count"  # How many tests each pristine test file holds: `<count>  <path>`.


def _katas_dir() -> Path:
    from tfkatas import curriculum

    return curriculum.KATAS_DIR


def manifest_path() -> Path:
    return _katas_dir() / MANIFEST_NAME


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def current_digests() -> dict[str, str]:
    """Digest of every `katas/*/test_*.py` on disk, keyed by its path relative to katas/."""
    katas_dir = _katas_dir()
    return {path.relative_to(katas_dir).as_posix(): sha256_of(path)
            for path in sorted(katas_dir.glob("*/test_*.py"))}


def render(digests: dict[str, str]) -> str:
    return "".join(f"{digest}  {name}\n" for name, digest in sorted(digests.items()))


def read_manifest() -> dict[str, str] | None:
    """The committed digests, or None when there is no manifest."""
    path = manifest_path()
    if not path.exists():
        return None
    digests = {}
    for line in path.read_text().splitlines():
        if line.strip():
            digest, _, name = line.partition("  ")
            digests[name.strip()] = digest.strip()
    return digests


def write_manifest() -> bool:
    """Rewrite the manifest from the test files on disk; True when it changed."""
    text = render(current_digests())
    path = manifest_path()
    if path.exists() and path.read_text() == text:
        return False
    path.write_text(text)
    return True


def stale_entries() -> list[str]:
    """Why the manifest does not match the test files (empty when it does)."""
    recorded, actual = read_manifest(), current_digests()
    if recorded is None:
        return [f"katas/{MANIFEST_NAME} is missing"]
    problems = [f"{name} changed" for name in sorted(actual) if name in recorded and recorded[name] != actual[name]]
    problems += [f"{name} is not listed" for name in sorted(set(actual) - set(recorded))]
    problems += [f"{name} is listed but gone" for name in sorted(set(recorded) - set(actual))]
    return problems


def edited_test_files() -> list[str] | None:
    """Test files that differ from (or are missing against) the manifest; None without one."""
    recorded = read_manifest()
    if recorded is None:
        return None
    actual = current_digests()
    return sorted(f"katas/{name}" for name, digest in recorded.items() if actual.get(name) != digest)


def counts_path() -> Path:
    return _katas_dir() / COUNTS_NAME


def read_counts() -> dict[str, int]:
    """{path relative to katas/: number of tests}; empty without the file."""
    path = counts_path()
    if not path.exists():
        return {}
    counts = {}
    for line in path.read_text().splitlines():
        count, _, name = line.strip().partition("  ")
        if count.isdigit() and name:
            counts[name.strip()] = int(count)
    return counts


def write_counts(counts: dict[str, int]) -> bool:
    """Rewrite the counts file; True when it changed."""
    text = "".join(f"{count}  {name}\n" for name, count in sorted(counts.items()))
    path = counts_path()
    if path.exists() and path.read_text() == text:
        return False
    path.write_text(text)
    return True


def pristine_count(kata) -> int:
    """How many tests the kata's pristine test file holds (0 when unknown)."""
    return read_counts().get(f"{kata.dirname}/{kata.test_filename}", 0)


def edited_note(kata) -> str | None:
    """One line when the kata's test file differs from its pristine copy (None when it does not)."""
    recorded = (read_manifest() or {}).get(f"{kata.dirname}/{kata.test_filename}")
    if recorded is None or not kata.test_path.exists() or sha256_of(kata.test_path) == recorded:
        return None
    shown = f"katas/{kata.dirname}/{kata.test_filename}"
    return (f"note: {shown} differs from its pristine copy, so this verdict is of edited tests "
            f"(git checkout -- {shown} restores it; make grade reports it)")
