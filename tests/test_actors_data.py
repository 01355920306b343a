"""The actor dictionary files: valid records, coverage, generated files up to date."""

from __future__ import annotations

import re

import pytest

from rawi.actors.dictionary import (
    ENTRY_FILES,
    DictionaryError,
    data_dir,
    parse_entry,
    read_entries,
    read_table,
)
from rawi.actors.generate import generate
from rawi.actors.stage import ActorsStage
from rawi.model import Article, Doc
from rawi.text.stage import TextStage


@pytest.fixture(scope="module")
def entries():
    errors: list[str] = []
    out = []
    for name in ENTRY_FILES:
        out.extend(read_entries(data_dir() / name, None, errors))
    assert errors == []
    return out


def test_ids_unique_across_files(entries):
    seen: dict[str, str] = {}
    for e in entries:
        assert e.id not in seen, f"{e.id} in {e.source} and {seen[e.id]}"
        seen[e.id] = e.source


def test_every_entry_complete(entries):
    codes = {e.country for e in entries if e.type == "country"} | {"EH"}
    for e in entries:
        assert e.name and e.type, e.id
        assert len(set(e.ar)) >= 2, f"{e.source}: {e.id} has fewer than two Arabic forms"
        assert all(re.search("[\u0600-\u06ff]", f) or f.isascii() for f in e.ar), e.id
        if e.country:
            assert e.country in codes, f"{e.id}: unknown country {e.country}"
        if e.id.startswith("Q"):
            assert e.wikidata == e.id


def test_coverage(entries):
    assert len(entries) >= 1500
    countries = [e for e in entries if e.type == "country"]
    assert len(countries) >= 193
    assert len({c.country for c in countries}) == len(countries)
    with_nisba = [c for c in countries if c.extra.get("nisba")]
    assert len(with_nisba) >= 140
    persons = [e for e in entries if e.type == "person"]
    assert len(persons) >= 250


def test_roles_refer_to_known_keys_and_targets(entries):
    keys = {row["key"] for _, row in read_table(data_dir() / "roles.tsv")}
    ids = {e.id for e in entries} | {e.country for e in entries if e.country}
    for e in entries:
        for r in e.roles:
            assert r.key in keys, f"{e.id}: unknown role {r.key}"
            assert r.target in ids, f"{e.id}: unknown role target {r.target}"
            assert not r.end or not r.start or r.start <= r.end, e.id


def test_generated_files_are_current():
    for name, text in generate().items():
        committed = (data_dir() / name).read_text(encoding="utf-8")
        assert committed == text, f"{name} is stale: run scripts/actors_generate.py"


def test_broken_record_names_file_line_and_field():
    with pytest.raises(DictionaryError, match=r"x.tsv:3: field 'type'"):
        parse_entry({"id": "a", "type": "planet", "name": "A", "ar": "أ|ب"}, "x.tsv:3")
    with pytest.raises(DictionaryError, match="field 'roles'"):
        parse_entry({"id": "a", "type": "person", "name": "A", "ar": "أ|ب",
                     "roles": "minister from 2004"}, "x.tsv:4")


def test_generic_examples_run():
    """Every `# ex:` line of generics.tsv: the generic word resolves to the given id."""
    text_stage, stage = TextStage(), ActorsStage()
    lines = (data_dir() / "generics.tsv").read_text(encoding="utf-8").splitlines()
    examples = [line[len("# ex:"):] for line in lines if line.startswith("# ex:")]
    assert examples
    for ex in examples:
        sentence, _, expect = ex.partition("=>")
        word, _, ident = expect.partition("->")
        doc = Doc(Article(sentence.replace("...", "،").strip(), published="2020-01-01"))
        stage(text_stage(doc))
        got = [a["id"] for a in doc.actors
               if any(s["text"] == word.strip() for s in a.get("spans", []))]
        assert got == [ident.strip()], ex


def test_no_two_holders_of_one_office_at_once(entries):
    """Overlapping terms would make role resolution give up (holder() returns None)."""
    terms: dict[str, list[tuple[str, str, str]]] = {}
    for e in entries:
        for r in e.roles:
            terms.setdefault(f"{r.key}@{r.target}", []).append((r.start, r.end or "9999", e.id))
    clashes = []
    for office, spans in terms.items():
        spans.sort()
        for (_s1, e1, a), (s2, _e2, b) in zip(spans, spans[1:], strict=False):
            if a != b and s2 and e1 and s2[:len(e1)] < e1[:len(s2)]:
                clashes.append(f"{office}: {a} until {e1}, {b} from {s2}")
    assert clashes == []
