"""City institutions: «الشرطة في سياتل», «شرطة مدينة نيويورك», «بلدية إسطنبول».

News names a city's police or council by the city, and no dictionary can list every
city's. A head noun of ``city_institutions.tsv`` followed by a city's name (after «في»
when the head is definite, and an optional «مدينة») composes an actor at match time,
named with the places gazetteer's English name and country (GeoNames). Names that are
also a country or a province are left to the national institution, and small places
need the NER to call them a place. ``country_after`` reads the same gazetteer for a bare
institution followed by a state or a region («وزارة الصحة بقطاع غزة»)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rawi.actors.dictionary import Entry, data_dir, read_table, split_cell
from rawi.actors.matcher import TokenKeys
from rawi.model import Entity
from rawi.text.normalize import normalize

FILE = "city_institutions.tsv"
#: a city this large needs no NER tag to be taken as a place («شرطة مانشستر»)
MAJOR_CITY = 100_000
#: longest city name tried, in tokens («سان خوسيه», «ريو دي جانيرو»)
MAX_NAME_TOKENS = 3
_CITY_WORD = "مدينه"
_IN = "في"


@dataclass(frozen=True, slots=True)
class CityHead:
    key: str
    head: str
    name: str
    aliases: tuple[str, ...]
    type: str


@dataclass(frozen=True, slots=True)
class CityInstitution:
    """One composed mention: the head token, the city's tokens [first, last), the actor."""

    head: int
    first: int
    last: int
    entry: Entry


@cache
def _gazetteer():
    from rawi.places.gazetteer import gazetteer  # loaded on the first city head only

    return gazetteer()


def _plain(name: str) -> str:
    """The name without diacritics or transliteration marks: «Ḩadā’iq» → "Hadaiq"."""
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(name.replace("'", "").split())


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _plain(name).lower()).strip("-")


class CityInstitutions:
    def __init__(self, base: Path | None = None) -> None:
        base = base or data_dir()
        self.heads: dict[str, CityHead] = {}
        path = base / FILE
        if not path.exists():
            return
        for _, row in read_table(path):
            head = CityHead(row["key"], row["head"], row["name"],
                            tuple(split_cell(row["aliases"])), row["type"])
            self.heads[normalize(row["head"])] = head

    def find(self, tk: TokenKeys, entities: list[Entity]) -> list[CityInstitution]:
        """Every head + city phrase of the document, in text order."""
        heads = self.heads
        tokens = tk.tokens
        at = [i for i, t in enumerate(tokens) if t.stem in heads]
        if not at:
            return []
        places = {e.start: e.end for e in entities if e.type == "LOC"}
        out: list[CityInstitution] = []
        norms = tk.norms
        for i in at:
            head = heads[tokens[i].stem]
            j = i + 1
            if "ال" in tokens[i].prefix.split("+"):
                if j >= len(tokens) or norms[j] != _IN:
                    continue  # «الشرطة السويدية»: the national police
                j += 1
            if j < len(tokens) and norms[j] == _CITY_WORD:
                j += 1
            found = self._city(tk, j, places)
            if found is not None:
                city, last = found
                text = " ".join(t.text for t in tokens[j:last])
                out.append(CityInstitution(i, j, last, self._entry(head, city, text)))
        return out

    def _city(self, tk: TokenKeys, j: int, places: dict[int, int]):
        """The largest city named by tokens j.. (longest name first), and its end token."""
        gaz = _gazetteer()
        tokens = tk.tokens
        for last in range(min(len(tokens), j + MAX_NAME_TOKENS), j, -1):
            cands = gaz.lookup(" ".join(tk.norms[j:last]))
            if not cands:
                continue
            if any(not c.feature.startswith("PPL") for c in cands):
                return None  # also a country or province: «شرطة الكويت», «بلدية دبي»
            cands = [c for c in cands if c.feature != "PPLX"]  # a quarter of a city
            if not cands:
                return None
            city = max(cands, key=lambda c: c.population)
            tagged = places.get(tokens[j].start) == tokens[last - 1].end
            if city.population >= MAJOR_CITY or (tagged and city.population > 0):
                return city, last
            return None
        return None

    @staticmethod
    def _entry(head: CityHead, city, city_ar: str) -> Entry:
        name = _plain(city.name)  # "Janin" as English news writes it, not GeoNames' "Janīn"
        return Entry(
            id=f"{(city.country or 'xx').lower()}-{_slug(name)}-{head.key}",
            type=head.type,
            name=head.name.format(city=name),
            country=city.country,
            aliases=[a.format(city=name) for a in head.aliases],
            ar=[f"{head.head} {city_ar}"],
            source=FILE,
        )


#: words before a place's name that the place is looked up without («جمهورية ألمانيا»)
PLACE_WORDS = frozenset({"جمهوريه", "مملكه", "قطاع", "مدينه", "ولايه", "منطقه", "اقليم",
                         "محافظه", "اماره", "دوله", "العاصمه"})
#: definite adjectives an institution may carry before «في» («الاتحادية», «المحلية»)
ADJECTIVE_SKIP = 2


def country_after(tk: TokenKeys, k: int) -> str | None:
    """The country of a place named right after token ``k`` with «في» or «بـ»: «وزارة
    الداخلية الاتحادية في جمهورية ألمانيا» → DE, «وزارة الصحة بقطاع غزة» → PS."""
    toks, norms = tk.tokens, tk.norms
    n = len(toks)
    for _ in range(ADJECTIVE_SKIP):  # «الاتحادية»: an adjective of the institution
        if k < n and toks[k].kind == "word" and toks[k].prefix == "ال" \
                and norms[k].endswith(("يه", "ي")):
            k += 1  # (not «المرتبطة بإيران»: what the institution deals with)
    if k >= n:
        return None
    words: list[str] = []
    if norms[k] == "في":
        k += 1
    elif toks[k].prefix == "ب" and len(norms[k]) > 2:
        words.append(norms[k][1:])  # «بقطاع», «بأبها»: the place starts inside the token
        k += 1
    else:
        return None
    while k < n and len(words) < MAX_NAME_TOKENS + 1 and toks[k].kind == "word":
        words.append(norms[k])
        k += 1
    gaz = _gazetteer()
    while words:
        for size in range(min(len(words), MAX_NAME_TOKENS), 0, -1):
            # states, provinces and regions only: a town's name is too often a word
            # («في بيان» is no Bayan), and a city's country can be disputed («القدس»)
            cands = [c for c in gaz.lookup(" ".join(words[:size])) if c.source != "geonames"]
            if cands:
                return max(cands, key=lambda c: c.prominence).country
        if words[0] not in PLACE_WORDS:
            return None
        words = words[1:]  # «جمهورية ألمانيا»: the state's name after its title
    return None
