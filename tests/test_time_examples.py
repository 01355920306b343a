"""Every ``# ex:`` / ``# no:`` line in rawi/data/time is a test case."""

from __future__ import annotations

import pytest

from rawi.time.lexicon import Example, lexicon
from rawi.time.tagger import tag

EXAMPLES = lexicon().examples


def _id(ex: Example) -> str:
    return f"{ex.source}:{ex.line}"


def test_there_are_examples() -> None:
    assert len(EXAMPLES) >= 80
    patterns = {p.name for p in lexicon().patterns}
    covered = {ex.source.split("/")[-1].removesuffix(".txt") for ex in EXAMPLES}
    assert patterns <= covered, f"patterns without examples: {sorted(patterns - covered)}"


@pytest.mark.parametrize("ex", [e for e in EXAMPLES if e.value is not None], ids=_id)
def test_example(ex: Example) -> None:
    text, span = ex.text, None
    if "[" in text:
        start = text.index("[")
        end = text.index("]") - 1
        text = text.replace("[", "").replace("]", "")
        span = (start, end)
    times = tag(text, ex.published)
    for t in times:
        assert text[t.start : t.end] == t.text
    if span is not None:
        hits = [t for t in times if (t.start, t.end) == span]
        assert hits, f"{_id(ex)}: no time at {text[span[0] : span[1]]!r}; got {times}"
        assert hits[0].value == ex.value, f"{_id(ex)}: {hits[0]}"
    else:
        assert len(times) == 1, f"{_id(ex)}: expected one time in {text!r}, got {times}"
        assert times[0].value == ex.value, f"{_id(ex)}: {times[0]}"


@pytest.mark.parametrize("ex", [e for e in EXAMPLES if e.value is None], ids=_id)
def test_negative_example(ex: Example) -> None:
    times = [t for t in tag(ex.text, "2017-09-25") if t.type in ("DATE", "TIME")]
    assert not times, f"{_id(ex)}: nothing expected in {ex.text!r}, got {times}"
