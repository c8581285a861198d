"""`make watch N=05` (or `make watch` for the first unsolved kata): re-run a kata's tests on every save.

The loop itself is `tfkatas.watcher.Watcher`.
"""

from __future__ import annotations

from tfkatas.curriculum import learner_language
from tfkatas.watcher import Watcher, add_watch_arguments, prepare


def add_arguments(parser) -> None:
    add_watch_arguments(parser)


def run(args) -> int:
    prepared = prepare(args)
    if isinstance(prepared, int):
        return prepared
    katas, kata = prepared
    watcher = Watcher(katas, kata, limit=args.limit, poll=args.poll, max_runs=args.max_runs,
                      language=learner_language(), auto_next=args.auto_next)
    return watcher.loop()
