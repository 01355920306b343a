"""Tag a CoNLL file line by line, keeping every line as it was.

``tag_conll_lines`` appends the predicted tag as one more column (tab-separated,
or space-separated in a file whose lines use spaces)
to each token line and keeps blank lines (and any other line) where they were:
the output lines up with the input for other tools.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rawi.ner.tagger import CONLL_WINDOW, NerTagger


def tag_conll_lines(
    lines: Iterable[str], tagger: NerTagger, window: int | None = CONLL_WINDOW
) -> Iterator[str]:
    """Yield output lines (with ``\\n``): ``<input line><TAB><predicted tag>``."""
    blocks: list[tuple[bool, list[str]]] = []  # (is_sentence, raw lines)
    current: list[str] = []
    for raw in lines:
        line = raw.rstrip("\r\n")
        if not line.strip() or line.startswith("-DOCSTART-"):
            if current:
                blocks.append((True, current))
                current = []
            blocks.append((False, [line]))
        else:
            current.append(line)
    if current:
        blocks.append((True, current))
    sentences = [
        [(ln.split("\t") if "\t" in ln else ln.split())[0] for ln in block]
        for is_sent, block in blocks if is_sent
    ]
    tags = iter(tagger.tag_document(sentences, window=window))
    for is_sent, block in blocks:
        if not is_sent:
            yield block[0] + "\n"
            continue
        for ln, tag in zip(block, next(tags), strict=True):
            sep = "\t" if "\t" in ln or " " not in ln.strip() else " "
            yield f"{ln}{sep}{tag}\n"
