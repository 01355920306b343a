"""Load the actor dictionary: the TSV files in ``rawi/data/actors`` plus user files.

Every file is UTF-8, tab-separated, ``#`` lines are comments and the first other
line is the header naming the columns (see ``docs/actors.md``). A broken record
is reported (file, line, field) and skipped, never fatal: an analyst's file with
one typo still loads the rest.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rawi.model import Actor

log = logging.getLogger(__name__)

#: Actor types and the entity type a mention of them gets.
TYPES: dict[str, str] = {
    "person": "PER",
    "country": "LOC",
    "region": "LOC",
    "government": "ORG",
    "presidency": "ORG",
    "ministry": "ORG",
    "legislature": "ORG",
    "judiciary": "ORG",
    "embassy": "ORG",
    "armed_forces": "ORG",
    "security": "ORG",
    "intelligence": "ORG",
    "armed_group": "ORG",
    "militia": "ORG",
    "coalition": "ORG",
    "igo": "ORG",
    "ngo": "ORG",
    "religious": "ORG",
    "party": "ORG",
    "media": "ORG",
    "platform": "ORG",
    "company": "ORG",
}
#: Columns every entry file must have.
REQUIRED = ("id", "type", "name", "ar")
#: Files of entries (institution and role templates are loaded separately).
ENTRY_FILES = (
    "countries.tsv",
    "governments.tsv",
    "governments.gen.tsv",
    "armed_forces.tsv",
    "armed_forces.gen.tsv",
    "armed_groups.tsv",
    "igos_ngos.tsv",
    "parties.tsv",
    "media.tsv",
    "persons.tsv",
)
#: Codes valid besides the countries in countries.tsv (Western Sahara, Kosovo).
EXTRA_CODES = frozenset({"EH", "XK"})
_QID = re.compile(r"^Q[1-9][0-9]*$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_DATE = r"\d{4}(?:-\d{2}(?:-\d{2})?)?-?"
_ROLE = re.compile(
    rf"^(?P<key>[a-z_]+)@(?P<target>[A-Za-z0-9-]+):(?P<start>{_DATE})?\.\.(?P<end>{_DATE})?$"
)


class DictionaryError(ValueError):
    """A record that cannot be used; the message names file, line and field."""


@dataclass(slots=True, frozen=True)
class Role:
    """A person's office: ``foreign_minister`` of ``RU`` from ``2004-03-09``, open-ended."""

    key: str
    target: str
    start: str  # '' = unknown start
    end: str  # '' = still in office

    def holds_on(self, date: str) -> bool:
        """True when the role was held on ``date`` (YYYY-MM-DD); partial bounds match by prefix."""
        if self.start and date[: len(self.start)] < self.start:
            return False
        return not (self.end and date[: len(self.end)] > self.end)


@dataclass(slots=True)
class Entry:
    """One dictionary record; ``ar`` lists Arabic forms, ``ambiguous`` those marked ``?``."""

    id: str
    type: str
    name: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    ar: list[str] = field(default_factory=list)
    ambiguous: set[str] = field(default_factory=set)
    roles: list[Role] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)
    source: str = ""
    _actor: Actor | None = None

    @property
    def wikidata(self) -> str | None:
        return self.id if _QID.match(self.id) else None

    def actor(self) -> Actor:
        """The contract Actor; built once and shared (treat it as read-only)."""
        if self._actor is None:
            self._actor = self._build_actor()
        return self._actor

    def _build_actor(self) -> Actor:
        return Actor(
            id=self.id,
            name=self.name,
            type=self.type,
            aliases=list(self.aliases),
            name_ar=self.ar[0] if self.ar else None,
            country=self.country,
            wikidata=self.wikidata,
        )


def split_cell(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


def read_table(path: Path | str, text: str | None = None) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row dict) for each record of a header-first TSV file."""
    if text is None:
        text = Path(path).read_text(encoding="utf-8")
    header: list[str] | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.rstrip("\r").split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            continue
        if len(cells) > len(header):
            log.warning("%s:%d: %d cells for %d columns; extra cells ignored",
                        path, number, len(cells), len(header))
        cells += [""] * (len(header) - len(cells))
        yield number, dict(zip(header, (c.strip() for c in cells), strict=False))


def parse_roles(cell: str, where: str) -> list[Role]:
    roles = []
    for part in (p.strip() for p in cell.split(";")):
        if not part:
            continue
        m = _ROLE.match(part)
        if not m:
            raise DictionaryError(f"{where}: field 'roles': cannot read {part!r} "
                                  "(expected role@TARGET:FROM..TO)")
        roles.append(Role(m["key"], m["target"], (m["start"] or "").rstrip("-"),
                          (m["end"] or "").rstrip("-")))
    return roles


def parse_entry(row: dict[str, str], where: str, codes: frozenset[str] | None = None) -> Entry:
    """Build and check one entry; raises DictionaryError naming the bad field."""
    for name in REQUIRED:
        if not row.get(name):
            raise DictionaryError(f"{where}: field {name!r} is empty")
    ident, kind = row["id"], row["type"]
    if not (_QID.match(ident) or _SLUG.match(ident)):
        raise DictionaryError(f"{where}: field 'id': {ident!r} is neither a QID nor a slug")
    if kind not in TYPES:
        raise DictionaryError(f"{where}: field 'type': unknown type {kind!r}")
    country = row.get("country") or None
    if country and codes is not None and country not in codes and country not in EXTRA_CODES:
        raise DictionaryError(f"{where}: field 'country': {country!r} is not an ISO 3166 code")
    forms = split_cell(row["ar"])
    ambiguous = {f[1:].strip() for f in forms if f.startswith("?")}
    forms = [f[1:].strip() if f.startswith("?") else f for f in forms]
    known = {"id", "type", "country", "name", "aliases", "ar", "roles"}
    return Entry(
        id=ident,
        type=kind,
        name=row["name"],
        country=country,
        aliases=split_cell(row.get("aliases", "")),
        ar=forms,
        ambiguous=ambiguous,
        roles=parse_roles(row.get("roles", ""), where),
        extra={k: v for k, v in row.items() if k not in known and v},
        source=where.rsplit(":", 1)[0],
    )


def data_dir() -> Path:
    return Path(str(resources.files("rawi") / "data" / "actors"))


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    path = data_dir() / "countries.tsv"
    return frozenset(row["country"] for _, row in read_table(path) if row.get("country"))


def read_entries(path: Path | str, codes: frozenset[str] | None = None,
                 errors: list[str] | None = None) -> list[Entry]:
    """Entries of one file; broken records are logged (and collected in ``errors``) and skipped."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"actor file not found: {path}")
    out = []
    for number, row in read_table(path):
        where = f"{path.name}:{number}"
        try:
            out.append(parse_entry(row, where, codes))
        except DictionaryError as exc:
            log.warning("skipped: %s", exc)
            if errors is not None:
                errors.append(str(exc))
    return out


class Dictionary:
    """All entries by id; later files override earlier ones with the same id."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.by_id: dict[str, Entry] = {}
        for e in entries:
            self.by_id[e.id] = e
        self.by_country: dict[str, Entry] = {
            e.country: e for e in self.by_id.values() if e.type == "country" and e.country
        }

    def __len__(self) -> int:
        return len(self.by_id)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.by_id.values())

    def get(self, ident: str) -> Entry | None:
        return self.by_id.get(ident)


def load_entries(extra_files: Iterable[Path | str] = (), errors: list[str] | None = None
                 ) -> list[Entry]:
    codes = country_codes()
    entries: list[Entry] = []
    base = data_dir()
    for name in ENTRY_FILES:
        if (base / name).exists():
            entries.extend(read_entries(base / name, codes, errors))
    for path in extra_files:
        entries.extend(read_entries(path, codes, errors))
    return entries


def load_actors(extra_files: Iterable[Path | str] = ()) -> Dictionary:
    """The packaged dictionary plus the analyst's files (``rawi analyze --actors FILE``)."""
    return Dictionary(load_entries(extra_files))
