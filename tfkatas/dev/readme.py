"""`make readme`: rewrite the kata table in README.md from the curriculum."""

from __future__ import annotations

from tfkatas.readme_table import END, README, START, with_table


def add_arguments(parser) -> None:
    parser.add_argument("--check", action="store_true", help="exit 1 if the table is out of date")


def run(args) -> int:
    text = README.read_text()
    if START not in text or END not in text:
        print("tfkatas: README.md lacks the kata-table markers")
        return 2
    updated = with_table(text)
    if args.check:
        if updated != text:
            print("README.md's kata table is out of date: run `make readme`")
            return 1
        return 0
    README.write_text(updated)
    return 0
