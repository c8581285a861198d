"""A clean copy of the kata set holding only a learner's kata files: what `make grade` runs in.

Like nbgrader (which restores a release's tests before grading) and Gradescope (which copies a
submission into a clean image of the assignment), the grade never trusts the tests or tooling
it finds beside the learner's answers. The copy takes the project's own files — the tooling,
the tests, the words, the index — from a trusted source:

- `make grade` in a learner's git checkout: the files as committed at HEAD, so an edited test
  or tooling file in the working tree changes nothing;
- `grade --submission DIR` (a teacher's checkout grading a student's tree or a folder of
  files): this checkout's own files.

Then it puts each kata's code file from the submission in (`katas/NN_slug/slug.py`,
`NN_slug/slug.py` or `slug.py` in DIR) and lists every other submitted file that differs from
the trusted copy: those were ignored.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
from dataclasses import dataclass, field
from pathlib import Path

from tfkatas.curriculum import Kata

# What a test run needs from the project, relative to the checkout's root.
# solutions/ (where a checkout has it) holds the wrong answers the misconception diagnosis names;
# a submission's own solutions/ is never taken.
PROJECT_PATHS = ("tfkatas", "katas", "solutions", "data", "conftest.py", "pyproject.toml", "curriculum.toml")
# Never part of a submission's verdict, and too many to list: environments, caches, outputs.
NOT_SUBMITTED = {".git", ".venv", ".build", ".backups", "__pycache__", ".pytest_cache", ".ruff_cache", "artifacts",
                 "solutions", "grade.json", "grade.xml", "bench.json", ".kata-state.json"}


class CleanCopyError(Exception):
    """The clean copy could not be built; the message says why in one line."""


@dataclass
class CleanCopy:
    root: Path
    source: str  # Where the project's files came from, in words.
    taken: dict[str, str] = field(default_factory=dict)  # Kata code -> the submitted file graded.
    ignored: list[str] = field(default_factory=list)  # Submitted files that differ from the trusted copy.


def committed_project(checkout: Path, destination: Path) -> bool:
    """The project's files as committed at HEAD of `checkout`, into `destination`; False without git."""
    try:
        archive = subprocess.run(["git", "-C", str(checkout), "archive", "--format=tar", "HEAD", "--",
                                  *[path for path in PROJECT_PATHS if (checkout / path).exists()]],
                                 capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return False
    if archive.returncode != 0:
        return False
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(destination, filter="data")
    return True


def copied_project(checkout: Path, destination: Path) -> None:
    for name in PROJECT_PATHS:
        source = checkout / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif source.exists():
            shutil.copy2(source, destination / name)


def submitted_file(submission: Path, kata: Kata) -> Path | None:
    """The learner's code file for `kata` in a student's tree or a flat folder of files."""
    for candidate in (submission / "katas" / kata.dirname / kata.module_filename,
                      submission / kata.dirname / kata.module_filename, submission / kata.module_filename):
        if candidate.is_file():
            return candidate
    return None


def _submitted_files(submission: Path):
    for path in sorted(submission.rglob("*")):
        parts = path.relative_to(submission).parts
        if path.is_file() and not NOT_SUBMITTED.intersection(parts) and not path.name.endswith(".pyc"):
            yield path


def build(destination: Path, katas: list[Kata], submission: Path, trusted: Path, committed: bool) -> CleanCopy:
    """The clean copy in `destination` (an empty folder), from `trusted` (at HEAD when `committed`)."""
    destination.mkdir(parents=True, exist_ok=True)
    if committed and committed_project(trusted, destination):
        source = "the files committed at HEAD"
    else:
        copied_project(trusted, destination)
        source = f"{trusted}" if not committed else "the checkout's own files (not a git checkout)"
    if not (destination / "curriculum.toml").exists():
        raise CleanCopyError(f"{trusted} holds no kata set (no curriculum.toml)")
    copy = CleanCopy(destination, source)
    for kata in katas:
        graded = destination / "katas" / kata.dirname / kata.module_filename
        graded.unlink(missing_ok=True)
        found = submitted_file(submission, kata)
        if found is not None:
            graded.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(found, graded)
            copy.taken[kata.code] = found.relative_to(submission).as_posix()
    taken = set(copy.taken.values())
    for path in _submitted_files(submission):
        relative = path.relative_to(submission).as_posix()
        if relative in taken:
            continue
        # The project's files are compared with the clean copy; anything else (a README, notes)
        # with the trusted checkout, so a learner's untouched Makefile is not reported.
        pristine = (destination if relative.split("/")[0] in PROJECT_PATHS else trusted) / relative
        if not pristine.is_file() or pristine.read_bytes() != path.read_bytes():
            copy.ignored.append(relative)
    return copy
