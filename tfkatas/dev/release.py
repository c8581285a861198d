"""`make release DEST=dir`: the student repository, as nbgrader releases a student version.

It holds what a learner needs — the stubs (generated afresh from the solutions, whatever the
teacher's katas/ holds), the tests, the words, the tooling, the data, the Makefile — and no
solutions or wrong answers. The pristine stubs also go to `.pristine/`, where `make reset`
finds them without a solution. README.md is written for students. In the release, every
learner command works; the authors' commands say in one line that they need the teacher's copy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tfkatas.arguments import fail
from tfkatas.curriculum import ROOT, WORDS_FILENAME, CurriculumError, load_curriculum
from tfkatas.pristine import COUNTS_NAME, MANIFEST_NAME
from tfkatas.readme_table import kata_table
from tfkatas.stubs import RELEASED_STUBS_DIR, StubError, write_stub

# Copied as they are; katas/ is assembled kata by kata.
PROJECT_FILES = ("tfkatas", "data", "requirements", "conftest.py", "pyproject.toml", "curriculum.toml", "Makefile",
                 "LICENSE", ".gitignore")
NOT_RELEASED = shutil.ignore_patterns("__pycache__", "*.pyc", "fake_checkout.py")

STUDENT_README = """# TF Katas

Learn TensorFlow 2 and Keras 3 by doing. Each kata in `katas/` is a small Python file of stubbed
functions whose docstrings state a task; its tests fail until you fill the stubs in.

## Quick start

```bash
make kata N=01     # first run installs a pinned .venv (a few minutes), then tests kata 01 against your code
```

Then edit `katas/01_tensors/tensors.py` until `make kata N=01` is green, and move on.

## Getting help

- `make hint N=01`: the next hint, gentlest first (`ALL=1`: every hint).
- `make watch N=01`: re-run the tests on every save.
- `make progress`: every kata's status and your score.
- `make reset N=01`: the pristine stub back (your version is backed up; `make restore N=01` returns it).
- `make grade`: grade.json and grade.xml, graded in a clean copy of the tests.

Requirements: Python 3.11, `make`, and access to the package index on the first run. Nothing
downloads at test time. Your teacher holds the reference solutions.

## The katas

{table}
"""


def add_arguments(parser) -> None:
    parser.add_argument("destination", help="an empty or new directory for the student repository")


def build_release(destination: Path) -> list[str]:
    """Write the release into `destination`; the kata codes released."""
    katas = load_curriculum()
    destination.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=NOT_RELEASED)
        elif source.exists():
            shutil.copy2(source, destination / name)
    released = []
    for kata in katas:
        if not kata.solution_path.exists():
            continue  # Not written yet.
        folder = destination / "katas" / kata.dirname
        folder.mkdir(parents=True, exist_ok=True)
        for path in (kata.test_path.parent / WORDS_FILENAME, *kata.test_path.parent.glob("test_*.py")):
            shutil.copy2(path, folder / path.name)
        write_stub(kata, destination / "katas")
        write_stub(kata, destination / RELEASED_STUBS_DIR.relative_to(ROOT))
        released.append(kata.code)
    for name in (MANIFEST_NAME, COUNTS_NAME):
        shutil.copy2(ROOT / "katas" / name, destination / "katas" / name)
    (destination / "README.md").write_text(STUDENT_README.format(table=kata_table()))
    return released


def run(args) -> int:
    destination = Path(args.destination).expanduser().resolve()
    if destination.exists() and any(destination.iterdir()):
        return fail(f"{destination} is not empty: give a new or empty directory")
    if destination == ROOT or ROOT in destination.parents:
        return fail(f"{destination} is inside this checkout: give a directory elsewhere")
    try:
        released = build_release(destination)
    except (CurriculumError, StubError) as error:
        return fail(str(error))
    except OSError as error:
        return fail(f"could not write the release ({error.strerror or error})")
    print(f"released {len(released)} katas to {destination} (stubs, tests, hints and tooling; no solutions)")
    print(f"try it: cd {destination} && make kata N={released[0] if released else '01'}")
    return 0
