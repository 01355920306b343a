"""Find and resolve time expressions in a text: one regex pass, then resolvers.

All patterns are compiled into one alternation, ordered by priority, so the text
is scanned once. The scan runs on the normalised text (hamza, ta-marbuta, digits
folded, diacritics removed) and every span is mapped back to the original text,
so ``text[t.start:t.end] == t.text`` always holds.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass

from rawi.model import Time
from rawi.text.normalize import REMOVED, normalize, normalize_aligned
from rawi.time.lexicon import DataError, Lexicon, Pattern, lexicon
from rawi.time.resolve import NOT_A_TIME, RESOLVERS, Context

_GROUP = re.compile(r"\(\?P<([A-Za-z_][A-Za-z_0-9]*)>")
_REMOVED_RE = re.compile("[" + "".join(sorted(re.escape(c) for c in REMOVED)) + "]")
_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
#: Clitics that may stick to the first word of an expression and stay out of its span.
PROCLITIC = r"(?:[وف]?[بلك]?)"
_WORD = re.compile(r"\w+")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]{2,}")
_CLITIC_LETTERS = frozenset("وفبلك")
#: Lists whose words do not by themselves make a time expression (they only extend one).
_NOT_KEYS = frozenset(
    {
        "modifier",
        "period_part",
        "number",
        "ordinal",
        "part_of_day",
        "future_cue",
        "month_ambiguous",
        "century",
        "general_noun",
    }
)
_FUNCTION_WORDS = frozenset(
    ["في", "من", "حتي", "هذا", "هذه", "علي", "الي", "بعد", "قبل", "عن", "مع", "ما", "كل"]
)
#: How many words before a key word an expression may start («الثاني عشر من يونيو»).
MAX_LEAD = 5
#: Text allowed between two words of one expression.
_GAP = re.compile(r"[^\S\n]*[/(),\-–]?[^\S\n]*")


@dataclass(frozen=True)
class _Alt:
    pattern: Pattern
    lineno: int
    groups: tuple[str, ...]  # group names as written in the pattern line
    has_span: bool  # the line marks its span with (?P<T>...)


class Aligned:
    """The normalised text and a map from its offsets back to the original."""

    __slots__ = ("norm", "_removed", "_index")

    def __init__(self, text: str) -> None:
        self._removed: list[int] | None = None
        self._index: list[int] | None = None
        if _PRESENTATION_RE.search(text):
            self.norm, self._index = normalize_aligned(text)
        else:
            self.norm = normalize(text)
            if len(self.norm) != len(text):
                self._removed = [m.start() for m in _REMOVED_RE.finditer(text)]

    def orig(self, i: int) -> int:
        """Original offset of normalised character ``i``."""
        if self._index is not None:
            return self._index[i]
        if not self._removed:
            return i
        shift = 0
        while True:
            moved = bisect_right(self._removed, i + shift)
            if moved == shift:
                return i + shift
            shift = moved

    def span(self, start: int, end: int, text: str) -> tuple[int, int]:
        """Original span of ``norm[start:end]``, with the marks (tatweel, harakat) of its
        last letter."""
        s, e = self.orig(start), self.orig(end - 1) + 1
        while e < len(text) and text[e] in REMOVED and not text[e].isspace():
            e += 1
        return s, e


def parse_anchor(published: str | None) -> dt.date | None:
    """The publication date as a date; None when absent or unreadable."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


class TimeTagger:
    """Compiled patterns of a lexicon; ``tag(text, published)`` returns Time spans."""

    def __init__(self, lex: Lexicon | None = None) -> None:
        self.lex = lex or lexicon()
        self.alts: list[_Alt] = []
        sources: list[str] = []
        for pattern in self.lex.patterns:
            if pattern.resolve not in RESOLVERS:
                raise DataError(
                    f"patterns/{pattern.name}.txt: unknown resolver {pattern.resolve!r}"
                )
            for lineno, line in pattern.lines:
                where = f"patterns/{pattern.name}.txt:{lineno}"
                body = self.lex.expand(line, where)
                try:
                    re.compile(body)
                except re.error as exc:
                    raise DataError(f"{where}: bad regular expression: {exc}") from None
                k = len(self.alts)
                names = tuple(_GROUP.findall(body))
                renamed = _GROUP.sub(lambda m, k=k: f"(?P<{m.group(1)}__{k}>", body)
                sources.append(f"(?P<A{k}>{renamed})")
                self.alts.append(_Alt(pattern, lineno, names, "T" in names))
        self._sources = sources
        self.regex = re.compile(r"(?<!\w)" + PROCLITIC + "(?:" + "|".join(sources) + r")(?!\w)")
        self._single: dict[int, re.Pattern[str]] = {}
        self.keys, self.vocab = self._vocabulary()
        self._key_cache: dict[str, bool] = {}
        self.future_cue, self.past_cue = (
            re.compile(r"(?<!\w)" + PROCLITIC + self.lex.expand(f"{{{name}:}}") + r"(?!\w)")
            for name in ("future_cue", "past_cue")
        )

    def _vocabulary(self) -> tuple[frozenset[str], frozenset[str]]:
        """Key words (one of them is in every expression) and every word patterns use.

        Matching is tried only at a key word and at up to ``MAX_LEAD`` pattern words
        before it: the text is walked word by word, not character by character.
        """
        keys: set[str] = set()
        vocab: set[str] = set()
        for name, table in self.lex.lists.items():
            for entry in table:
                words = entry.split(" ")
                vocab.update(words)
                if name not in _NOT_KEYS:
                    keys.update(w for w in words if w not in _FUNCTION_WORDS)
        sources = [line for p in self.lex.patterns for _, line in p.lines]
        sources += list(self.lex.macros.values())
        for source in sources:
            vocab.update(_ARABIC_WORD.findall(normalize(source)))
        return frozenset(keys), frozenset(vocab)

    def _word_in(self, word: str, table: frozenset[str]) -> bool:
        """Is ``word``, or ``word`` without its proclitics or article, in ``table``?"""
        variants = [word]
        for cut in (1, 2):
            if len(word) > cut + 1 and word[cut - 1] in _CLITIC_LETTERS:
                variants += [word[cut:], "ا" + word[cut:]]
            else:
                break
        return any(v in table or v.startswith("ال") and v[2:] in table for v in variants)

    def _is_key(self, word: str) -> bool:
        known = self._key_cache.get(word)
        if known is None:
            known = word[0].isdigit() or word[-1].isdigit() or self._word_in(word, self.keys)
            if len(self._key_cache) > 200_000:
                self._key_cache.clear()
            self._key_cache[word] = known
        return known

    def candidates(self, norm: str) -> list[int]:
        """Offsets in ``norm`` where an expression may start, in order."""
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(norm)]
        starts: list[int] = []
        last = -1
        for i, (_start, _, word) in enumerate(words):
            if not self._is_key(word):
                continue
            j = i
            while j > 0 and i - j < MAX_LEAD and j - 1 > last:
                prev_start, prev_end, prev = words[j - 1]
                gap = _GAP.fullmatch(norm, prev_end, words[j][0])
                if gap is None or not (self._word_in(prev, self.vocab) or prev.isdigit()):
                    break
                j -= 1
            for k in range(max(j, last + 1), i + 1):
                starts.append(words[k][0])
            last = i
        return starts

    def _alt_regex(self, k: int) -> re.Pattern[str]:
        if k not in self._single:
            self._single[k] = re.compile(r"(?<!\w)" + PROCLITIC + self._sources[k] + r"(?!\w)")
        return self._single[k]

    def _resolve(self, m: re.Match[str], k: int, ctx: Context) -> tuple[str, int, int] | None:
        alt = self.alts[k]
        groups = {}
        for name in alt.groups:
            value = m.group(f"{name}__{k}")
            if value is not None:
                groups[name] = value
        ctx.start = m.start()
        value = RESOLVERS[alt.pattern.resolve](groups, ctx)
        if value is None:
            return None
        if alt.has_span and m.group(f"T__{k}") is not None:
            start, end = m.span(f"T__{k}")
        else:
            start, end = m.span(f"A{k}")
        return value, start, end

    def tag(self, text: str, published: str | None = None) -> list[Time]:
        """All time expressions of ``text``, resolved against ``published``."""
        aligned = Aligned(text)
        norm = aligned.norm
        ctx = Context(self.lex, parse_anchor(published), norm, 0, self.future_cue, self.past_cue)
        times: list[Time] = []
        pos = 0
        for cand in self.candidates(norm):
            if cand < pos:
                continue
            m = self.regex.match(norm, cand)
            if m is None:
                continue
            k = int(m.lastgroup[1:]) if m.lastgroup else -1
            found = self._resolve(m, k, ctx) if k >= 0 else None
            j = k + 1
            while found is None and j < len(self.alts):
                mm = self._alt_regex(j).match(norm, m.start())
                if mm is not None:
                    found = self._resolve(mm, j, ctx)
                    if found is not None:
                        m, k = mm, j
                j += 1
            if found is None:
                continue
            value, start, end = found
            if value == NOT_A_TIME:
                pos = m.end()
                continue
            s, e = aligned.span(start, end, text)
            times.append(
                Time(f"t{len(times) + 1}", s, e, text[s:e], self.alts[k].pattern.type, value)
            )
            pos = max(m.end(), pos + 1)
        return times


_tagger: TimeTagger | None = None


def tagger() -> TimeTagger:
    """The packaged tagger, compiled once per process."""
    global _tagger
    if _tagger is None:
        _tagger = TimeTagger()
    return _tagger


def tag(text: str, published: str | None = None) -> list[Time]:
    """Find and resolve the time expressions of ``text`` (see :class:`TimeTagger`)."""
    return tagger().tag(text, published)
