"""CoNLL files: ``token<TAB>tag[<TAB>pred]`` per line, a blank line between sentences.

The format every NER tool reads and writes. Readers accept tab- or
space-separated columns (the CAMeL distribution uses a space); a malformed
line is reported with its file and line number and skipped, never guessed.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

TAGS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")


@dataclass(slots=True)
class ConllSentence:
    """One sentence: its tokens and one list of labels per extra column."""

    tokens: list[str] = field(default_factory=list)
    columns: list[list[str]] = field(default_factory=list)
    line: int = 0  # 1-based line of the first token, for messages

    @property
    def tags(self) -> list[str]:
        """The first label column (the gold tags), or all ``O`` when there is none."""
        return self.columns[0] if self.columns else ["O"] * len(self.tokens)


class ConllError(ValueError):
    """A line that cannot be read, with the file and line it came from."""


def _split(line: str) -> list[str]:
    return line.split("\t") if "\t" in line else line.split()


def iter_conll(
    lines: Iterable[str], name: str = "<input>", errors: TextIO | None = sys.stderr,
    strict: bool = False,
) -> Iterator[ConllSentence]:
    """Yield sentences from CoNLL lines.

    A line with a different column count from the rest of its file is reported on
    ``errors`` (``name:line: ...``) and its sentence is skipped; with ``strict``
    it raises :class:`ConllError` instead.
    """
    sent = ConllSentence()
    width: int | None = None
    broken = False
    for lineno, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            if sent.tokens and not broken:
                yield sent
            sent, broken = ConllSentence(), False
            continue
        if line.startswith("-DOCSTART-"):
            continue
        parts = _split(line)
        if width is None:
            width = len(parts)
        problem = ""
        if len(parts) != width:
            problem = f"expected {width} columns, found {len(parts)}"
        elif not parts[0]:
            problem = "empty token"
        if problem:
            msg = f"{name}:{lineno}: {problem} in {line!r}; sentence skipped"
            if strict:
                raise ConllError(msg)
            if errors is not None:
                print(msg, file=errors)
            broken = True
            continue
        if not sent.tokens:
            sent.line = lineno
            sent.columns = [[] for _ in parts[1:]]
        sent.tokens.append(parts[0])
        for col, value in zip(sent.columns, parts[1:], strict=True):
            col.append(value)
    if sent.tokens and not broken:
        yield sent


def read_conll(path: str | Path, errors: TextIO | None = sys.stderr) -> list[ConllSentence]:
    """Read a whole CoNLL file (UTF-8)."""
    path = Path(path)
    with path.open(encoding="utf-8-sig") as fh:
        return list(iter_conll(fh, name=str(path), errors=errors))


def format_conll(sentences: Iterable[tuple[list[str], ...]]) -> Iterator[str]:
    """Yield the lines (with ``\\n``) of sentences given as parallel column lists."""
    for columns in sentences:
        for row in zip(*columns, strict=True):
            yield "\t".join(row) + "\n"
        yield "\n"


def write_conll(path: str | Path, sentences: Iterable[tuple[list[str], ...]]) -> None:
    with Path(path).open("w", encoding="utf-8") as fh:
        fh.writelines(format_conll(sentences))
