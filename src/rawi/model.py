"""The document model: one article, its unmodified text and the annotation layers.

Every annotation is a span ``[start, end)`` of Python string indices into
``Doc.text``; ``doc.text[span.start:span.end] == span.text`` always holds.
Field names follow the public ``rawi/1`` output contract (``docs/schema.md``):
extend them, never rename them.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "rawi/1"
ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
MODALITIES = ("asserted", "hedged", "denied", "question", "belief", "alleged")
TIME_TYPES = ("DATE", "TIME", "DURATION", "SET")


def content_id(text: str) -> str:
    """A stable article id derived from the text, for records that carry none."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class Article:
    """One input article, as read; ``text`` is never altered afterwards."""

    text: str
    id: str = ""
    published: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "published": self.published,
                "source": self.source, "url": self.url, "title": self.title}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """An Article from the fields of a rawi/1 object (or any mapping with ``text``)."""
        return cls(
            text=data["text"],
            id=data.get("id") or "",
            published=data.get("published"),
            source=data.get("source"),
            url=data.get("url"),
            title=data.get("title"),
        )


@dataclass(slots=True)
class Span:
    """A bare span of text: used for cues, contents and similar sub-parts."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Sentence:
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


@dataclass(slots=True)
class Token:
    """A surface word, number or punctuation mark with its clitic analysis.

    ``norm`` is the normalised surface (for matching, never for display).
    ``stem`` is ``norm`` without proclitics (و ف ب ل ك س ال) and enclitic
    pronouns; ``stem_start``/``stem_end`` locate that stem in the text, so a
    stage can make a span «دير الزور» out of «بريف دير الزور» without guessing.
    ``prefix``/``suffix`` list the normalised clitics removed, joined by ``+``.
    ``kind`` is one of word, number, latin, url, punct, symbol. ``base`` is the
    stem without one inflectional ending (أعلنت → أعلن), for lookups only.
    """

    start: int
    end: int
    text: str
    norm: str
    stem: str
    stem_start: int
    stem_end: int
    prefix: str = ""
    suffix: str = ""
    kind: str = "word"
    base: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "norm": self.norm,
            "stem": self.stem,
            "stem_start": self.stem_start,
            "stem_end": self.stem_end,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "kind": self.kind,
            "base": self.base,
        }


@dataclass(slots=True)
class Actor:
    """A canonical actor (person, organisation, state...) from the actor dictionary."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    name_ar: str | None = None
    country: str | None = None
    wikidata: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "aliases": list(self.aliases),
            "name_ar": self.name_ar,
            "type": self.type,
            "country": self.country,
            "wikidata": self.wikidata,
        }


@dataclass(slots=True)
class Entity:
    id: str
    start: int
    end: int
    text: str
    type: str
    actor: Actor | None = None
    confidence: float | None = None
    source: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "actor": self.actor.to_dict() if self.actor else None,
        }
        if self.confidence is not None:
            out["confidence"] = self.confidence
        if self.source:
            out["source"] = self.source
        return out


@dataclass(slots=True)
class Speaker:
    start: int
    end: int
    text: str
    actor: Actor | None = None
    anonymous: bool = False
    entity: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "actor": self.actor.to_dict() if self.actor else None,
            "anonymous": self.anonymous,
            "entity": self.entity,
        }


@dataclass(slots=True)
class Channel:
    start: int
    end: int
    text: str
    type: str
    platform: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Evidence:
    start: int
    end: int
    text: str
    type: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Attribution:
    id: str
    cue: Span
    content: Span
    speaker: Speaker | None = None
    direct: bool = False
    modality: str = "asserted"
    channel: Channel | None = None
    evidence: list[Evidence] = field(default_factory=list)
    time: str | None = None
    parent: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "cue": self.cue.to_dict(),
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "content": self.content.to_dict(),
            "direct": self.direct,
            "modality": self.modality,
            "channel": self.channel.to_dict() if self.channel else None,
            "evidence": [e.to_dict() for e in self.evidence],
            "time": self.time,
            "parent": self.parent,
        }


@dataclass(slots=True)
class Time:
    id: str
    start: int
    end: int
    text: str
    type: str
    value: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Place:
    id: str
    start: int
    end: int
    text: str
    name: str
    lat: float | None
    lon: float | None
    country: str | None = None
    feature: str | None = None
    qualifier: str | None = None
    geonames_id: int | None = None
    precision: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Doc:
    """The analysis of one article: the article plus one list per layer."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.text

    def span(self, start: int, end: int) -> Span:
        """A checked span of the text; raises if the bounds fall outside it."""
        if not 0 <= start <= end <= len(self.article.text):
            raise ValueError(f"span [{start}, {end}) outside text of length {len(self.text)}")
        return Span(start, end, self.article.text[start:end])

    def to_dict(self, tokens: bool = False) -> dict[str, Any]:
        a = self.article
        out: dict[str, Any] = {
            "schema": SCHEMA,
            "id": a.id,
            "published": a.published,
            "source": a.source,
            "url": a.url,
            "title": a.title,
            "text": a.text,
            "sentences": [s.to_dict() for s in self.sentences],
        }
        if tokens:
            out["tokens"] = [t.to_dict() for t in self.tokens]
        out["entities"] = [e.to_dict() for e in self.entities]
        out["attributions"] = [x.to_dict() for x in self.attributions]
        out["times"] = [t.to_dict() for t in self.times]
        out["places"] = [p.to_dict() for p in self.places]
        out["events"] = list(self.events)
        out["actors"] = list(self.actors)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Doc:
        """Rebuild a Doc from its ``rawi/1`` JSON form (the inverse of ``to_dict``)."""
        schema = data.get("schema")
        if schema != SCHEMA:
            raise ValueError(f"unsupported schema {schema!r}, expected {SCHEMA!r}")
        return cls(
            article=Article.from_dict(data),
            sentences=[Sentence(**s) for s in data.get("sentences", [])],
            tokens=[Token(**t) for t in data.get("tokens", [])],
            entities=[_entity(e) for e in data.get("entities", [])],
            attributions=[_attribution(x) for x in data.get("attributions", [])],
            times=[Time(**t) for t in data.get("times", [])],
            places=[Place(**p) for p in data.get("places", [])],
            events=list(data.get("events", [])),
            actors=list(data.get("actors", [])),
        )


def _actor(data: dict[str, Any] | None) -> Actor | None:
    return Actor(**data) if data else None


def _entity(data: dict[str, Any]) -> Entity:
    return Entity(**{**data, "actor": _actor(data.get("actor"))})


def _attribution(data: dict[str, Any]) -> Attribution:
    speaker = data.get("speaker")
    channel = data.get("channel")
    return Attribution(
        id=data["id"],
        cue=Span(**data["cue"]),
        content=Span(**data["content"]),
        speaker=Speaker(**{**speaker, "actor": _actor(speaker.get("actor"))}) if speaker else None,
        direct=data.get("direct", False),
        modality=data.get("modality", "asserted"),
        channel=Channel(**channel) if channel else None,
        evidence=[Evidence(**e) for e in data.get("evidence", [])],
        time=data.get("time"),
        parent=data.get("parent"),
    )
