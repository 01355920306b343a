"""The ``places`` stage: toponyms resolved to coordinates, with qualifier and precision."""

from __future__ import annotations

from rawi.model import Doc, Place
from rawi.places.detect import Mention, detect
from rawi.places.gazetteer import Gazetteer, gazetteer
from rawi.places.resolve import resolve
from rawi.places.rules import outlet_country

#: Characters that close a dateline («دبي، الإمارات - ...», «دمشق - سانا»).
DATELINE_MARKS = frozenset(",،-–—:(")
#: A dateline sits in the first characters of the text.
DATELINE_WINDOW = 40


def find_dateline(doc: Doc, mentions: list[Mention]) -> Mention | None:
    """The place a news dateline opens with, if the text starts with one."""
    if not mentions:
        return None
    m = mentions[0]
    head = doc.text[:m.start]
    if m.start > DATELINE_WINDOW or any(c.isalpha() for c in head.replace("ال", "")):
        return None
    rest = doc.text[m.end:m.end + 3].lstrip(" ")
    return m if rest[:1] in DATELINE_MARKS else None


class PlacesStage:
    """Reads tokens (and NER entities when present); writes ``doc.places``."""

    name = "places"
    reads = ("tokens",)
    #: Used when an earlier stage filled them (NER LOC spans); not required.
    uses = ("entities",)
    writes = ("places",)

    def __init__(self, gaz: Gazetteer | None = None) -> None:
        self.gazetteer = gaz or gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        mentions = detect(doc, self.gazetteer)
        outlet = outlet_country(doc.article.source, doc.article.url)
        chosen = resolve(mentions, find_dateline(doc, mentions), outlet)
        places = []
        for i, (m, c) in enumerate(zip(mentions, chosen, strict=True), 1):
            precision = m.precision
            if c is not None and precision is None:
                precision = 3 if c.is_area else 1
            places.append(Place(
                id=f"p{i}", start=m.start, end=m.end, text=doc.text[m.start:m.end],
                name=c.name if c else doc.text[m.start:m.end],
                lat=c.lat if c else None, lon=c.lon if c else None,
                country=c.country if c else None, feature=c.feature if c else None,
                qualifier=m.qualifier, geonames_id=c.geonames_id if c else None,
                precision=precision,
            ))
        doc.places = places
        return doc
