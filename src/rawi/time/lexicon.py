"""Load the time layer's language data: word lists and patterns (``rawi/data/time``).

Engine as code, language as data (after HeidelTime's ``repattern`` /
``normalization`` / ``rules`` split): a word list is a TSV file ``WORD<TAB>VALUE``,
a pattern is a file of regular expressions, one alternative per line, whose
file name is the pattern's name. Words are written as an analyst writes them;
they are folded with :func:`rawi.text.normalize.normalize` here, so the lists
need no hamza or ta-marbuta variants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rawi.text.normalize import normalize

#: A blank inside a word or pattern line: a short run of spaces or tabs, never a newline.
BLANK = r"[^\S\n]{1,4}"
OPT_BLANK = r"[^\S\n]{0,4}"
_REF = re.compile(r"\{(@?)([a-z_|]+)(?::([A-Za-z_0-9]*))?\}")
_HEADER = re.compile(r"#\s*([a-z]+):\s*(.*)$")
_SPACES = re.compile(r"\s+")


class DataError(ValueError):
    """A data file is malformed; the message names the file and line."""


@dataclass(frozen=True)
class Example:
    """One ``# ex:`` (or ``# no:``) line of a pattern or list file, run by the tests."""

    source: str
    line: int
    text: str
    value: str | None
    published: str | None


@dataclass
class Pattern:
    """One pattern file: its alternatives (regex source) and how to resolve a match."""

    name: str
    resolve: str
    type: str
    priority: int
    lines: list[tuple[int, str]] = field(default_factory=list)
    examples: list[Example] = field(default_factory=list)


def data_dir() -> Path:
    return Path(str(resources.files("rawi") / "data" / "time"))


def fold(word: str) -> str:
    """The matching form of a word or phrase: normalised, single spaces."""
    return _SPACES.sub(" ", normalize(word)).strip()


def word_regex(word: str) -> str:
    """Regex for one folded word; a leading article also matches after a ل clitic (للعام)."""
    parts = [re.escape(p) for p in word.split(" ")]
    body = BLANK.join(parts)
    if word.startswith("ال") and len(word) > 3:
        body = "(?:ال|(?<=ل)ل)" + body[2:]
    return body


def _parse_example(source: str, lineno: int, body: str, negative: bool) -> Example:
    if negative:
        return Example(source, lineno, body.strip(), None, None)
    m = re.fullmatch(r"(.+?)\s*=>\s*(\S+)\s*@\s*(\d{4}-\d\d-\d\d)\s*", body)
    if not m:
        raise DataError(
            f"{source}:{lineno}: example must read '<expression> => <value> @ <YYYY-MM-DD>'"
        )
    return Example(source, lineno, m.group(1).strip(), m.group(2), m.group(3))


class Lexicon:
    """All word lists and patterns of the time layer, loaded once."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or data_dir()
        self.lists: dict[str, dict[str, str]] = {}
        self.examples: list[Example] = []
        for path in sorted((self.root / "lists").glob("*.tsv")):
            self.lists[path.stem] = self._load_list(path)
        self.macros = self._load_macros(self.root / "macros.tsv")
        self.patterns = [
            self._load_pattern(p) for p in sorted((self.root / "patterns").glob("*.txt"))
        ]
        self.patterns.sort(key=lambda p: -p.priority)
        self._alternation: dict[str, str] = {}

    # -- loading -------------------------------------------------------------------
    def _load_list(self, path: Path) -> dict[str, str]:
        out: dict[str, str] = {}
        source = f"{self.root.name}/lists/{path.name}"
        for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.rstrip("\r")
            if line.startswith("# ex:") or line.startswith("# no:"):
                self.examples.append(_parse_example(source, lineno, line[5:], line[2] == "n"))
                continue
            if not line.strip() or line.startswith("#"):
                continue
            word, sep, value = line.partition("\t")
            if not sep or not word.strip() or not value.strip():
                raise DataError(f"{source}:{lineno}: expected WORD<TAB>VALUE, got {line!r}")
            out[fold(word)] = value.strip()
        return out

    def _load_macros(self, path: Path) -> dict[str, str]:
        out: dict[str, str] = {}
        if not path.exists():
            return out
        for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not raw.strip() or raw.startswith("#"):
                continue
            name, sep, body = raw.partition("\t")
            if not sep or not re.fullmatch(r"[a-z_]+", name):
                raise DataError(f"macros.tsv:{lineno}: expected NAME<TAB>REGEX, got {raw!r}")
            out[name] = body.strip()
        return out

    def _load_pattern(self, path: Path) -> Pattern:
        source = f"{self.root.name}/patterns/{path.name}"
        header: dict[str, str] = {}
        pattern = Pattern(path.stem, "", "DATE", 0)
        for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.rstrip("\r")
            if line.startswith("# ex:") or line.startswith("# no:"):
                ex = _parse_example(source, lineno, line[5:], line[2] == "n")
                pattern.examples.append(ex)
                self.examples.append(ex)
            elif line.startswith("#"):
                m = _HEADER.match(line)
                if m:
                    header[m.group(1)] = m.group(2).strip()
            elif line.strip():
                pattern.lines.append((lineno, line.strip()))
        if header.get("pattern") != path.stem:
            raise DataError(f"{source}: header '# pattern: {path.stem}' missing or different")
        if "resolve" not in header:
            raise DataError(f"{source}: header '# resolve: <resolver>' missing")
        if not pattern.lines:
            raise DataError(f"{source}: no pattern lines")
        pattern.resolve = header["resolve"]
        pattern.type = header.get("type", "DATE")
        try:
            pattern.priority = int(header.get("priority", "0"))
        except ValueError as exc:
            raise DataError(f"{source}: priority must be an integer") from exc
        return pattern

    # -- regex building -------------------------------------------------------------
    def alternation(self, names: str) -> str:
        """Regex alternation of every word of the lists ``a|b|c``, longest first."""
        if names not in self._alternation:
            words: set[str] = set()
            for name in names.split("|"):
                if name not in self.lists:
                    raise DataError(f"unknown word list {name!r}")
                words.update(self.lists[name])
            ordered = sorted(words, key=lambda w: (-len(w), w))
            self._alternation[names] = "(?:" + "|".join(word_regex(w) for w in ordered) + ")"
        return self._alternation[names]

    def expand(self, source: str, where: str = "", depth: int = 0) -> str:
        """Expand ``{list}``, ``{a|b:group}``, ``{@macro:group}`` and blanks in a line."""
        if depth > 8:
            raise DataError(f"{where}: macros nest too deep")

        def sub(m: re.Match[str]) -> str:
            is_macro, names, group = m.group(1), m.group(2), m.group(3)
            if is_macro:
                if names not in self.macros:
                    raise DataError(f"{where}: unknown macro {{@{names}}}")
                body = self.expand(self.macros[names], f"macro {names}", depth + 1)
            else:
                try:
                    body = self.alternation(names)
                except DataError as exc:
                    raise DataError(f"{where}: {exc}") from None
                if group is None:
                    group = names if "|" not in names else ""
            return f"(?P<{group}>{body})" if group else f"(?:{body})"

        return _REF.sub(sub, self._blanks(normalize(source)))

    @staticmethod
    def _blanks(source: str) -> str:
        return source.replace(" ?", "\x00").replace(" ", BLANK).replace("\x00", OPT_BLANK)

    def value(self, lists: str, text: str) -> str | None:
        """The value of a matched word in the first of the lists ``a|b`` that has it."""
        key = fold(text)
        for name in lists.split("|"):
            table = self.lists[name]
            if key in table:
                return table[key]
            if key.startswith("ل") and "ا" + key in table:  # للعام -> العام
                return table["ا" + key]
        return None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged lexicon, loaded once per process."""
    return Lexicon()
