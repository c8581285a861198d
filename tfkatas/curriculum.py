"""The curriculum: the index `curriculum.toml` (order, topic, source note, time budgets), each
kata's words in `katas/NN_slug/kata.toml` (title, summary, hints in English and Chinese), and
where each kata's files live. Code never hard-codes a kata.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tfkatas.paths import shown


def find_root() -> Path:
    """The kata set's checkout: KATA_ROOT, else the nearest folder at or above the current one
    holding curriculum.toml (where a learner runs an installed `tfkatas`), else the checkout
    this package sits in."""
    if os.environ.get("KATA_ROOT"):
        return Path(os.environ["KATA_ROOT"]).resolve()
    here = Path.cwd().resolve()
    found = next((folder for folder in (here, *here.parents) if (folder / "curriculum.toml").exists()), None)
    return found or Path(__file__).resolve().parent.parent


# KATA_ROOT points every command at another checkout laid out like this one (the tooling tests
# use a tiny fake curriculum); read once, when this module is first imported.
ROOT = find_root()
CURRICULUM_FILE = ROOT / "curriculum.toml"
KATAS_DIR = ROOT / "katas"
SOLUTIONS_DIR = ROOT / "solutions"
SOURCE_NOTES_DIR = ROOT.parent / "shared" / "seeds"


class CurriculumError(ValueError):
    """Raised for a kata number or curriculum entry that does not exist or is malformed."""


@dataclass(frozen=True)
class Kata:
    number: int
    slug: str
    title: str
    topic: str
    source: str
    summary: str
    minutes: int
    timeout: int
    hints: tuple[str, ...]
    title_zh: str = ""
    summary_zh: str = ""
    hints_zh: tuple[str, ...] = field(default_factory=tuple)
    soak: bool = False  # A training kata: `make soak` runs it on many seeds.

    @property
    def code(self) -> str:
        """The two-digit kata number, as learners type it: `make kata N=05`."""
        return f"{self.number:02d}"

    @property
    def dirname(self) -> str:
        return f"{self.code}_{self.slug}"

    @property
    def module_filename(self) -> str:
        return f"{self.slug}.py"

    @property
    def test_filename(self) -> str:
        return f"test_{self.slug}.py"

    def module_path(self, target_dir: Path) -> Path:
        """The kata's code file inside `katas/`, `solutions/` or any directory laid out like them."""
        return target_dir / self.dirname / self.module_filename

    @property
    def stub_path(self) -> Path:
        return self.module_path(KATAS_DIR)

    @property
    def solution_path(self) -> Path:
        return self.module_path(SOLUTIONS_DIR)

    @property
    def test_path(self) -> Path:
        return KATAS_DIR / self.dirname / self.test_filename

    @property
    def wrong_answers_path(self) -> Path:
        return SOLUTIONS_DIR / self.dirname / "wrong_answers.py"

    def localized_hints(self, language: str) -> tuple[str, ...]:
        return self.hints_zh if language == "zh" and self.hints_zh else self.hints

    def localized_title(self, language: str) -> str:
        return self.title_zh if language == "zh" and self.title_zh else self.title

    def localized_summary(self, language: str) -> str:
        return self.summary_zh if language == "zh" and self.summary_zh else self.summary


INDEX_KEYS = ("number", "slug", "topic", "source", "minutes", "timeout")  # Required in curriculum.toml.
OPTIONAL_INDEX_KEYS = ("soak",)
WORDS_FILENAME = "kata.toml"  # Beside the kata, in katas/NN_slug/: it travels with a student copy.
WORDS_KEYS = ("title", "summary", "hints")  # Required in kata.toml.
OPTIONAL_WORDS_KEYS = ("title_zh", "summary_zh", "hints_zh")


def load_curriculum(path: Path = CURRICULUM_FILE) -> list[Kata]:
    """Every kata in curriculum order: the index entry and the kata's own words."""
    try:
        with open(path, "rb") as file:
            entries = tomllib.load(file).get("kata", [])
    except tomllib.TOMLDecodeError as error:
        raise CurriculumError(f"{path.name} is not valid TOML ({error})") from None
    except FileNotFoundError:
        raise CurriculumError(f"no kata set here ({path} is missing): run tfkatas inside a TF Katas checkout, "
                              "or set KATA_ROOT to one") from None
    katas = []
    for entry in entries:
        missing = [key for key in INDEX_KEYS if key not in entry]
        unknown = sorted(set(entry) - set(INDEX_KEYS) - set(OPTIONAL_INDEX_KEYS))
        if missing or unknown:
            what = f"lacks {', '.join(missing)}" if missing else f"has unknown keys {', '.join(unknown)}"
            raise CurriculumError(f"{path.name}: kata entry {entry.get('number', '?')} {what}")
        folder = path.parent / "katas" / f"{entry['number']:02d}_{entry['slug']}"
        katas.append(Kata(**entry, **load_words(folder / WORDS_FILENAME, entry["slug"])))
    return sorted(katas, key=lambda kata: kata.number)


def load_words(path: Path, slug: str) -> dict:
    """A kata's title, summary and hints from its kata.toml; a kata not written yet has none."""
    if not path.exists():
        return {"title": slug.replace("_", " "), "summary": "", "hints": ()}
    try:
        with open(path, "rb") as file:
            words = tomllib.load(file)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise CurriculumError(f"{shown(path)} is not valid TOML ({error})") from None
    missing = [key for key in WORDS_KEYS if key not in words]
    unknown = sorted(set(words) - set(WORDS_KEYS) - set(OPTIONAL_WORDS_KEYS))
    if missing or unknown:
        what = f"lacks {', '.join(missing)}" if missing else f"has unknown keys {', '.join(unknown)}"
        raise CurriculumError(f"{shown(path)} {what}")
    words["hints"] = tuple(words["hints"])
    words["hints_zh"] = tuple(words.get("hints_zh", ()))
    return words


def find_kata(number: str | int, katas: list[Kata] | None = None) -> Kata:
    """The kata a learner means by `N=5`, `N=05` or `N=topk`; a clear error otherwise."""
    katas = load_curriculum() if katas is None else katas
    text = str(number).strip()
    for kata in katas:
        if text.isdigit() and int(text) == kata.number or text in (kata.slug, kata.dirname):
            return kata
    known = f"{katas[0].code}..{katas[-1].code}" if katas else "none"
    raise CurriculumError(f"there is no kata {text!r} (katas are numbered {known}; `make list` shows them all)")


def kata_for_path(path: Path, katas: list[Kata] | None = None) -> Kata | None:
    """The kata whose folder holds `path` (a test file, say), or None."""
    katas = load_curriculum() if katas is None else katas
    by_dirname = {kata.dirname: kata for kata in katas}
    for part in Path(path).parts:
        if part in by_dirname:
            return by_dirname[part]
    return None


def learner_language() -> str:
    """'zh' when KATA_LANG or LANG asks for Chinese, else 'en' (tfkatas.settings.language)."""
    from tfkatas.settings import language

    return language()
