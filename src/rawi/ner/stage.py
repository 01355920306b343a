"""The entities stage: the NER model over the text layer's tokens, sentence by sentence.

Spans are the name as written without attached clitics (gold-dev convention):
«بريف دمشق» gives «دمشق», «والولايات المتحدة» gives «الولايات المتحدة» (the
article belongs to the name), «للعراق» gives «عراق» (its article is not
written in full, so the span starts at the stem).
"""

from __future__ import annotations

from rawi.model import Doc, Entity, Token
from rawi.ner.resources import not_entities
from rawi.ner.scoring import entities as chunks
from rawi.ner.tagger import CONTRACT_TYPES, get_tagger
from rawi.text.lexicon import function_words
from rawi.text.normalize import REMOVED, strip_conjunction

#: proclitics that never belong to a name
_DETACHABLE = frozenset("وفبلكس")


def _ends_in_hamza(word: str) -> bool:
    """Adjectives and nouns end in «ئ» (هادئ، طارئ، لاجئ); personal names almost never do."""
    return word.translate(_NO_MARKS).endswith("ئ")


_NO_MARKS = {ord(c): None for c in REMOVED}

#: a definite word before «السعودية» that makes it part of the country's name
_NAME_BEFORE_NISBA = frozenset({"العربيه"})


def nisba_after_noun(group: list[Token], a: int) -> bool:
    """A one-word LOC that is a definite nisba («السعودية», «السورية») right after a
    definite noun it agrees with: an adjective («المرأة السعودية»), not the country
    («إلى السعودية», «المملكة العربية السعودية» keep it)."""
    tok = group[a]
    if a == 0 or tok.prefix != "ال" or not tok.norm.endswith(("يه", "ي")):
        return False
    prev = group[a - 1]
    return (prev.kind == "word" and prev.prefix in ("ال", "و+ال", "ف+ال")
            and prev.norm not in _NAME_BEFORE_NISBA and prev.end >= tok.start - 1)


def name_start(token: Token) -> int:
    """Where the name starts inside ``token``: after و/ف/ب/ل/ك, before a full ال."""
    if not token.prefix:
        return token.start
    parts = token.prefix.split("+")
    if "ال" not in parts:
        return token.stem_start
    i = parts.index("ال")
    if i > 0 and parts[i - 1] == "ل":  # لل: the article's alef is not written
        return token.stem_start
    skip = sum(1 for p in parts[:i] if p in _DETACHABLE)
    pos = token.start
    while skip and pos < token.stem_start:
        if token.text[pos - token.start] not in REMOVED:
            skip -= 1
        pos += 1
    while pos < token.stem_start and token.text[pos - token.start] in REMOVED:
        pos += 1
    return pos


def sentence_tokens(doc: Doc) -> list[list[Token]]:
    """The doc's tokens grouped by sentence (tokens outside every sentence form their own)."""
    groups: list[list[Token]] = []
    sents = doc.sentences
    si = 0
    current: list[Token] = []
    for tok in doc.tokens:
        while si < len(sents) and tok.start >= sents[si].end:
            if current:
                groups.append(current)
                current = []
            si += 1
        current.append(tok)
    if current:
        groups.append(current)
    return groups


class EntitiesStage:
    name = "entities"
    reads: tuple[str, ...] = ("tokens", "sentences")
    writes: tuple[str, ...] = ("entities",)

    def __init__(self) -> None:
        self.tagger = get_tagger()
        self.not_names = function_words()
        self.not_entities = not_entities()

    def __call__(self, doc: Doc) -> Doc:
        groups = sentence_tokens(doc)
        tags = self.tagger.tag_document([[t.text for t in g] for g in groups], complete=True)
        found: list[Entity] = []
        for group, sent_tags in zip(groups, tags, strict=True):
            for typ, a, b in chunks(sent_tags):
                if b - a == 1 and strip_conjunction(group[a].norm) in self.not_names:
                    continue  # «وقال لي»: "to me", not the surname Li; «وبين»
                if self._common_word(group, a, b):
                    continue  # «إن شاء الله», «مليون دولار»: no named entity
                if typ == "PERS" and b - a == 1 and _ends_in_hamza(group[a].text):
                    continue  # «الوضع هادئ»: an adjective, not «هادي» (normalised alike)
                if typ == "LOC" and b - a == 1 and nisba_after_noun(group, a):
                    continue  # «المرأة السعودية», «السجون السورية»: an adjective
                start, end = name_start(group[a]), group[b - 1].end
                if start >= end:
                    start = group[a].start
                found.append(Entity(
                    id="", start=start, end=end, text=doc.text[start:end],
                    type=CONTRACT_TYPES.get(typ, "MISC"), source="ner",
                ))
        found.sort(key=lambda e: (e.start, e.end))
        for n, ent in enumerate(found, start=1):
            ent.id = f"e{n}"
        doc.entities = found
        return doc

    def _common_word(self, group: list[Token], a: int, b: int) -> bool:
        """A word of ``not_entities.txt`` alone, or a currency and its nisba."""
        words = self.not_entities
        first = group[a]
        if first.norm not in words and first.stem not in words:
            return False
        return b - a == 1 or (b - a == 2 and group[a + 1].norm.endswith(("ي", "يه")))
