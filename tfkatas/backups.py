"""Never lose a learner's work: copies of kata files taken before anything overwrites them."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from tfkatas.curriculum import ROOT, Kata

BACKUP_DIR = ROOT / ".backups"


def backup(kata: Kata) -> Path:
    """Copy the learner's kata file to .backups/NN_slug/<timestamp>.py and return that path."""
    destination_dir = BACKUP_DIR / kata.dirname
    destination_dir.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    destination = destination_dir / f"{stamp}.py"
    counter = 1
    while destination.exists():  # Two backups in one second must not overwrite each other.
        destination = destination_dir / f"{stamp}-{counter}.py"
        counter += 1
    shutil.copy2(kata.stub_path, destination)
    return destination


def backups_of(kata: Kata) -> list[Path]:
    """The kata's backups, oldest first."""
    directory = BACKUP_DIR / kata.dirname
    return sorted(directory.glob("*.py"), key=lambda path: path.stat().st_mtime_ns) if directory.exists() else []
