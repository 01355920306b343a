"""Write analyses: JSON lines (the contract), a JSON array, or a readable summary."""

from __future__ import annotations

import json
from typing import IO, Protocol

from rawi.model import Doc


class Writer(Protocol):
    def write(self, doc: Doc) -> None: ...
    def close(self) -> None: ...


class JsonlWriter:
    """One ``rawi/1`` object per line: the format every rawi tool reads."""

    def __init__(self, out: IO[str], tokens: bool = False) -> None:
        self.out, self.tokens = out, tokens

    def write(self, doc: Doc) -> None:
        self.out.write(json.dumps(doc.to_dict(tokens=self.tokens), ensure_ascii=False))
        self.out.write("\n")

    def close(self) -> None:
        self.out.flush()


class JsonWriter:
    """A single indented JSON array, for reading by eye or loading whole."""

    def __init__(self, out: IO[str], tokens: bool = False) -> None:
        self.out, self.tokens, self.count = out, tokens, 0

    def write(self, doc: Doc) -> None:
        self.out.write("[\n" if self.count == 0 else ",\n")
        self.out.write(json.dumps(doc.to_dict(tokens=self.tokens), ensure_ascii=False, indent=2))
        self.count += 1

    def close(self) -> None:
        self.out.write("[]\n" if self.count == 0 else "\n]\n")
        self.out.flush()
