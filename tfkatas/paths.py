"""Paths as a person reads them."""

from __future__ import annotations

from pathlib import Path


def shown(path: Path | str) -> str:
    """`katas/05_topk/topk.py` inside the checkout; the full path elsewhere (KATA_TARGET=~/answers)."""
    from tfkatas.curriculum import ROOT

    path = Path(path)
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
