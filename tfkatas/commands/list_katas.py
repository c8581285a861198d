"""`make list`: the katas in order, with topic and source note."""

from __future__ import annotations

from tfkatas.columns import fit
from tfkatas.curriculum import learner_language, load_curriculum


def add_arguments(parser) -> None:
    pass


def run(args) -> int:
    language = learner_language()
    for kata in load_curriculum():
        print(f"{kata.code}  {fit(kata.localized_title(language), 46)} {kata.topic:<14} ~{kata.minutes} min")
    return 0
