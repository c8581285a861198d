"""Text columns that line up on a terminal, whatever the script: a Chinese character takes two
cells, so padding by len() misaligns `KATA_LANG=zh make list` and `make progress`."""

from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    """Terminal cells: two for wide and full-width characters (East Asian Width W or F), else one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1 for ch in text)


def fit(text: str, width: int) -> str:
    """`text` cut to at most `width` cells, then padded with spaces to exactly `width`."""
    kept, used = [], 0
    for ch in text:
        cells = display_width(ch)
        if used + cells > width:
            break
        kept.append(ch)
        used += cells
    return "".join(kept) + " " * (width - used)
