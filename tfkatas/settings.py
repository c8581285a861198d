"""The settings a learner passes through the environment, each checked in one place.

A bad value gets one line saying what is wrong and what is allowed (`SettingError`), never a
traceback, and is never blamed on the learner's code.
"""

from __future__ import annotations

import functools
import math
import os
import sys

LANGUAGES = ("en", "zh")


class SettingError(ValueError):
    """A setting (environment variable or option) with a value that cannot work."""


def seed(value: str | None = None) -> int:
    """KATA_SEED: a whole number from 0 to 2**32 - 1 (default 1234)."""
    text = os.environ.get("KATA_SEED", "") if value is None else value
    if text.strip() == "":
        return 1234
    if not text.strip().isdigit() or int(text) >= 2**32:
        raise SettingError(f"KATA_SEED={text!r} is not a seed: use a whole number from 0 to 4294967295")
    return int(text)


def minutes(value: str | None, default: float = 7) -> float:
    """MINUTES for pair mode: a positive, finite number of minutes."""
    if value is None or str(value).strip() == "":
        return default
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or number <= 0:
        raise SettingError(f"MINUTES={value!r} is not a time: use a positive number of minutes, e.g. MINUTES=7")
    return number


def fraction(value: float, name: str) -> float:
    """A score threshold from 0 to 1."""
    if not (math.isfinite(value) and 0 <= value <= 1):
        raise SettingError(f"{name} {value:g} is outside 0..1: a score is a fraction, e.g. {name} 0.8 for 80 %")
    return value


def language() -> str:
    """'zh' when KATA_LANG (or LANG) asks for Chinese, else 'en'; an unknown KATA_LANG is said once."""
    chosen = os.environ.get("KATA_LANG", "")
    if chosen:
        short = chosen.lower().split("_")[0].split("-")[0].split(".")[0]
        if short in LANGUAGES:
            return short
        _say_unknown_language(chosen)
        return "en"
    return "zh" if os.environ.get("LANG", "").lower().startswith("zh") else "en"


@functools.cache  # Said once per process, however often the language is asked.
def _say_unknown_language(chosen: str) -> None:
    print(f"tfkatas: KATA_LANG={chosen!r} is not a language the katas speak ({', '.join(LANGUAGES)}): "
          "using English", file=sys.stderr)
