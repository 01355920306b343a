"""The gazetteer: normalised Arabic place name -> candidate places.

Four files in ``rawi/data/places`` feed it: ``geonames.tsv.gz`` (generated from
GeoNames by ``scripts/places_build_gazetteer.py``) and three hand-curated TSVs,
``countries.tsv``, ``admin1.tsv`` and ``supplement.tsv``. They are read once per
process (``gazetteer()`` is cached); loading takes well under a second.
"""

from __future__ import annotations

import gzip
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import IO

from rawi.text.normalize import normalize

PACKAGE = "rawi.data.places"

#: Feature codes of places that are a country, a province or a wider region:
#: ACLED precision 3 when named.
AREA_FEATURES = frozenset({"PCLI", "ADM1", "RGN", "AREA", "CONT", "SEA", "STM", "MTS", "PLAT",
                           "DLTA", "CNL", "STRT"})
#: Base weight of a feature in disambiguation (log10 population is added).
FEATURE_WEIGHT = {"PCLI": 9.0, "CONT": 8.0, "ADM1": 6.0, "PPLC": 3.0, "RGN": 6.5, "SEA": 6.5,
                  "STM": 6.5, "STRT": 6.5, "CNL": 6.5, "PLAT": 6.0, "MTS": 5.5, "MT": 5.0,
                  "DLTA": 6.0, "AREA": 6.0, "PSTB": 5.0, "PPLX": 5.0, "CMPRF": 5.0, "MILB": 5.0,
                  "AIRP": 5.0, "PPL": 0.0}


#: Arab League countries and neighbours: Arabic news names their towns freely.
NEAR = frozenset([
    "SY", "IQ", "YE", "LB", "PS", "JO", "EG", "LY", "SD", "SA", "KW", "QA", "BH", "AE", "OM",
    "TN", "DZ", "MA", "MR", "SO", "DJ", "KM", "IL", "IR", "TR",
])
#: Population from which a place is matched with no cue: near and far from the Arab world.
MAJOR_NEAR = 20000
MAJOR_FAR = 200000


class GazetteerError(ValueError):
    """A malformed gazetteer line: names the file, the line and the field."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may refer to."""

    key: str  # "gn:<geonames id>" or the curated id
    name: str  # English name
    lat: float
    lon: float
    country: str | None
    feature: str
    population: int = 0
    admin1: str | None = None
    geonames_id: int | None = None
    source: str = "geonames"  # geonames | countries | admin1 | supplement

    @property
    def prominence(self) -> float:
        """How likely this candidate is, before any context: feature plus size."""
        return FEATURE_WEIGHT.get(self.feature, 0.0) + math.log10(self.population + 1) / 2

    @property
    def is_area(self) -> bool:
        return self.feature in AREA_FEATURES

    @property
    def is_major(self) -> bool:
        """Prominent enough to be matched with no locative cue around it."""
        if self.source != "geonames":
            return True
        if self.feature == "PPLC" and (self.country in NEAR or self.population >= MAJOR_NEAR):
            return True
        return self.population >= (MAJOR_NEAR if self.country in NEAR else MAJOR_FAR)


def clean(name: str) -> str:
    """Matching form of a name: normalised, hyphens as spaces, single spaces."""
    norm = normalize(name).replace("-", " ").replace("'", "").replace("’", "")
    return " ".join(norm.split())


def _rows(handle: IO[str], label: str, width: int):
    """Yield (line number, fields) of a TSV, skipping comments and blank lines."""
    for number, line in enumerate(handle, 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != width:
            raise GazetteerError(f"{label}:{number}: expected {width} tab-separated fields, "
                                 f"got {len(fields)}")
        yield number, fields


def _coord(value: str, label: str, number: int, field: str, limit: float) -> float:
    try:
        x = float(value)
    except ValueError:
        raise GazetteerError(f"{label}:{number}: field {field}: not a number: {value!r}") from None
    if not -limit <= x <= limit:
        raise GazetteerError(f"{label}:{number}: field {field}: {x} outside ±{limit}")
    return x


def _country(value: str, label: str, number: int) -> str | None:
    if not value:
        return None
    if len(value) != 2 or not value.isascii() or not value.isupper():
        raise GazetteerError(f"{label}:{number}: field country: not an ISO 3166 code: {value!r}")
    return value


def _names(value: str, label: str, number: int) -> list[str]:
    names = [clean(n) for n in value.split("|") if n.strip()]
    if not names or not all(names):
        raise GazetteerError(f"{label}:{number}: field names: empty name in {value!r}")
    return names


def read_curated(handle: IO[str], label: str, kind: str) -> list[tuple[Candidate, list[str]]]:
    """Parse one curated TSV (``countries``, ``admin1`` or ``supplement``)."""
    out = []
    width = 7 if kind == "supplement" else 5
    for number, f in _rows(handle, label, width):
        if kind == "supplement":
            key, name, lat, lon, cc, feature, names = f
            country = _country(cc, label, number)
        else:
            cc, name, lat, lon, names = f
            country = _country(cc, label, number)
            if country is None:
                raise GazetteerError(f"{label}:{number}: field country: empty")
            feature = "PCLI" if kind == "countries" else "ADM1"
            key = f"{kind}:{cc}:{name}"
        if feature not in FEATURE_WEIGHT:
            raise GazetteerError(f"{label}:{number}: field feature: unknown code {feature!r}")
        cand = Candidate(key=key, name=name, lat=_coord(lat, label, number, "lat", 90),
                         lon=_coord(lon, label, number, "lon", 180), country=country,
                         feature=feature, source=kind)
        out.append((cand, _names(names, label, number)))
    return out


def read_geonames(handle: IO[str], label: str) -> list[tuple[Candidate, list[str]]]:
    out = []
    for _number, f in _rows(handle, label, 9):
        gid, name, lat, lon, cc, feature, pop, admin1, names = f
        cand = Candidate(key=f"gn:{gid}", name=name, lat=float(lat), lon=float(lon),
                         country=cc or None, feature=feature, population=int(pop),
                         admin1=admin1 or None, geonames_id=int(gid))
        out.append((cand, names.split("|")))
    return out


class Gazetteer:
    """Name -> candidates, plus the longest name in tokens (for the matcher)."""

    def __init__(self, entries: list[tuple[Candidate, list[str]]]):
        index: dict[str, list[Candidate]] = {}
        for cand, names in entries:
            for name in names:
                bucket = index.setdefault(name, [])
                if cand not in bucket:
                    bucket.append(cand)
                joined = _joined(name)
                if joined and cand not in index.setdefault(joined, []):
                    index[joined].append(cand)
        self.index = index
        self.max_tokens = max((n.count(" ") + 1 for n in index), default=1)
        # Every word-prefix of a name («دير», «دير الزور»): lets the matcher stop early.
        prefixes: set[str] = set()
        for name in index:
            words = name.split(" ")
            prefixes.update(" ".join(words[:i]) for i in range(1, len(words) + 1))
        self.prefixes = frozenset(prefixes)

    def lookup(self, name: str) -> list[Candidate]:
        return self.index.get(name, [])

    def __contains__(self, name: str) -> bool:
        return name in self.index

    def __len__(self) -> int:
        return len(self.index)


#: First words often written joined to the next: «البو كمال» / «البوكمال», «أبو ظبي» / «أبوظبي».
_JOINABLE = ("البو", "ابو", "بو", "ام", "بني", "عين", "كفر", "دير", "تل", "بيت")


def _joined(name: str) -> str | None:
    first, _, rest = name.partition(" ")
    if rest and " " not in rest and first in _JOINABLE:
        return first + rest
    return None


def _open(name: str) -> IO[str]:
    path = resources.files(PACKAGE) / name
    if name.endswith(".gz"):
        return gzip.open(path.open("rb"), "rt", encoding="utf-8")
    return path.open("r", encoding="utf-8")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once per process."""
    entries: list[tuple[Candidate, list[str]]] = []
    for kind in ("countries", "admin1", "supplement"):
        with _open(f"{kind}.tsv") as handle:
            entries += read_curated(handle, f"{kind}.tsv", kind)
    try:
        handle = _open("geonames.tsv.gz")
    except FileNotFoundError:  # not built: curated places only
        return Gazetteer(entries)
    with handle:
        entries += read_geonames(handle, "geonames.tsv.gz")
    return Gazetteer(entries)
