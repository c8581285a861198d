"""`make autograder`: a Gradescope autograder zip for the whole kata set.

Gradescope unpacks the zip into /autograder/source, runs `setup.sh` once to build the image,
then `run_autograder` for each submission, with the student's files in /autograder/submission;
it reads /autograder/results/results.json. The zip holds the student release (tests, tooling,
no solutions), so grading runs the pristine tests in a clean copy (`grade --submission`), and
the platform's own isolation keeps each submission apart. AUTOGRADER_ROOT moves /autograder
(the tooling test runs the script under a temporary directory); PYTHON picks the interpreter.
"""

from __future__ import annotations

import stat
import tempfile
import zipfile
from pathlib import Path

from tfkatas.arguments import fail
from tfkatas.curriculum import ROOT, CurriculumError
from tfkatas.dev.release import build_release
from tfkatas.stubs import StubError

SETUP = """#!/usr/bin/env bash
# Gradescope runs this once, as root, to build the grading image: the pinned CPU packages.
set -euo pipefail
apt-get update -qq && apt-get install -y -qq python3 python3-pip python3-venv >/dev/null
python3 -m venv /opt/tfkatas
/opt/tfkatas/bin/pip install --quiet -r /autograder/source/requirements/cpu.txt
"""

RUN_AUTOGRADER = """#!/usr/bin/env bash
# Gradescope runs this for each submission; it writes results/results.json in Gradescope's format.
set -euo pipefail
root="${AUTOGRADER_ROOT:-/autograder}"
python="${PYTHON:-/opt/tfkatas/bin/python}"
mkdir -p "$root/results"
cd "$root/source"
export KATA_ROOT="$root/source"
"$python" -m tfkatas grade --submission "$root/submission" --format gradescope \\
    --output "$root/results/results.json" --junit "$root/results/grade.xml"
"""


def add_arguments(parser) -> None:
    parser.add_argument("--output", default=str(ROOT / "autograder.zip"), help="the zip to write (default autograder.zip)")


def build_zip(output: Path) -> int:
    """Write the autograder zip; its size in bytes."""
    with tempfile.TemporaryDirectory(prefix="tfkatas-autograder-") as scratch:
        source = Path(scratch) / "source"
        build_release(source)
        for name, text in (("setup.sh", SETUP), ("run_autograder", RUN_AUTOGRADER)):
            (source / name).write_text(text)
        with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(source.rglob("*")):
                if path.is_file():
                    info = zipfile.ZipInfo.from_file(path, path.relative_to(source).as_posix())
                    if path.name in ("setup.sh", "run_autograder"):
                        info.external_attr = (stat.S_IFREG | 0o755) << 16  # Executable once unpacked.
                    info.compress_type = zipfile.ZIP_DEFLATED
                    archive.writestr(info, path.read_bytes())
    return output.stat().st_size


def run(args) -> int:
    output = Path(args.output).expanduser().resolve()
    try:
        size = build_zip(output)
    except (CurriculumError, StubError) as error:
        return fail(str(error))
    except OSError as error:
        return fail(f"could not write the autograder ({error.strerror or error})")
    print(f"wrote {output} ({size / 1024:.0f} KiB): upload it as a Gradescope autograder "
          "(setup.sh installs the pinned packages; run_autograder grades /autograder/submission)")
    return 0
