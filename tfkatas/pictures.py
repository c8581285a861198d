"""Pictures the tests draw for a learner to open (learning curves), with labelled axes.

`learning_curve(losses, name, request)` draws a line plot with PIL (pillow is pinned) and writes
it atomically to the artifacts/ folder beside the code under test: the checkout's artifacts/
for katas/, `~/answers/../artifacts` for KATA_TARGET=~/answers. In `make check` it draws into a
temporary folder instead, so proving the kata set never rewrites a learner's pictures.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np


def artifacts_dir(request) -> Path:
    """Where a test's picture for the learner goes (a temporary folder in check mode)."""
    if request.config.option.kata_check:
        return Path(tempfile.gettempdir()) / f"tfkatas-check-artifacts-{os.getpid()}"
    from tfkatas.targets import resolve_target

    return resolve_target().parent / "artifacts"


def learning_curve(values, name: str, request, ylabel: str = "loss", xlabel: str = "step",
                   width: int = 480, height: int = 260) -> Path:
    """A line plot of `values` per step, axes labelled with their ranges; the PNG's path."""
    from PIL import Image, ImageDraw

    left, right, top, bottom = 56, 16, 20, 40
    values = np.nan_to_num(np.asarray(values, np.float64), nan=0.0, posinf=0.0, neginf=0.0)
    high = max(float(values.max()), 1e-9) if values.size else 1.0
    picture = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(picture)
    draw.line([(left, top), (left, height - bottom), (width - right, height - bottom)], fill=(64, 64, 64))
    draw.text((width // 2 - 12, height - bottom + 22), xlabel, fill="black")
    draw.text((6, top + (height - top - bottom) // 2), ylabel, fill="black")
    draw.text((6, top - 6), f"{high:.3g}", fill="black")
    draw.text((left - 12, height - bottom - 6), "0", fill="black")
    draw.text((left - 3, height - bottom + 6), "1", fill="black")
    draw.text((width - right - 24, height - bottom + 6), str(len(values)), fill="black")
    if values.size > 1:
        xs = left + np.arange(values.size) / (values.size - 1) * (width - left - right)
        ys = height - bottom - values / high * (height - top - bottom)
        draw.line([(float(x), float(y)) for x, y in zip(xs, ys)], fill=(31, 119, 180), width=2)
    folder = artifacts_dir(request)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    handle, temporary = tempfile.mkstemp(dir=folder, suffix=".png")
    with os.fdopen(handle, "wb") as file:
        picture.save(file, format="PNG")
    os.replace(temporary, path)  # Atomic: parallel runs never leave half a file.
    return path
