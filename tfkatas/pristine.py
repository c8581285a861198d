"""The pristine test files: a committed manifest `katas/tests.sha256` of every kata's test file.

`make stubs` writes it, `make check` proves it current, and `make grade` reports the test files
a learner edited (for honest self-assessment and classroom autograding). The format is the
one `sha256sum` reads: `<hex digest>  <path relative to katas/>`, so
`cd katas && sha256sum -c tests.sha256` works as well.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

MANIFEST_NAME = "tests.sha256"


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
