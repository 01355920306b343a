"""The shipped gazetteer loads fast and its hand-curated files validate."""

from __future__ import annotations

import io
import time
from importlib import resources

import pytest

from rawi.places.gazetteer import (
    FEATURE_WEIGHT,
    GazetteerError,
    clean,
    gazetteer,
    read_curated,
)
from rawi.places.rules import cues, false_friends, outlets, qualifiers

CURATED = ("countries", "admin1", "supplement")


def _text(name: str) -> str:
    return (resources.files("rawi.data.places") / name).read_text(encoding="utf-8")


def test_shipped_file_loads_quickly():
    gazetteer.cache_clear()
    t = time.perf_counter()
    gaz = gazetteer()
    assert time.perf_counter() - t < 5  # ~0.4 s on the dev machine; loose for slow CI
    assert len(gaz) > 20000
    assert gaz.max_tokens >= 3


@pytest.mark.parametrize("kind", CURATED)
def test_curated_files_validate(kind):
    entries = read_curated(io.StringIO(_text(f"{kind}.tsv")), f"{kind}.tsv", kind)
    assert len(entries) > 20
    keys = [c.key for c, _ in entries]
    assert len(keys) == len(set(keys)), "duplicate ids"
    for cand, names in entries:
        assert -90 <= cand.lat <= 90 and -180 <= cand.lon <= 180
        assert cand.country is None or (len(cand.country) == 2 and cand.country.isupper())
        assert cand.feature in FEATURE_WEIGHT
        assert all(n == clean(n) and n for n in names)


def test_supplement_countries_are_known_iso_codes():
    known = {c.country for c, _ in read_curated(io.StringIO(_text("countries.tsv")),
                                                 "countries.tsv", "countries")}
    known |= {"GI", "HK"}  # territories named in the supplement but not in countries.tsv
    for kind in ("admin1", "supplement"):
        for cand, _ in read_curated(io.StringIO(_text(f"{kind}.tsv")), kind, kind):
            assert cand.country is None or cand.country in known, (kind, cand.key)


def test_bad_line_names_file_line_and_field():
    bad = "s-x\tX\t95.0\t10.0\tSY\tPPL\tاسم\n"
    with pytest.raises(GazetteerError, match=r"sup.tsv:1: field lat"):
        read_curated(io.StringIO(bad), "sup.tsv", "supplement")
    with pytest.raises(GazetteerError, match=r"field country"):
        read_curated(io.StringIO("s-x\tX\t1\t1\tSyria\tPPL\tاسم\n"), "s", "supplement")
    with pytest.raises(GazetteerError, match=r"field feature"):
        read_curated(io.StringIO("s-x\tX\t1\t1\tSY\tTOWN\tاسم\n"), "s", "supplement")
    with pytest.raises(GazetteerError, match=r"expected 7"):
        read_curated(io.StringIO("s-x\tX\t1\n"), "s", "supplement")


def test_news_names_and_spelling_variants_resolve():
    gaz = gazetteer()
    for name in ("ريف دمشق", "الغوطة الشرقية", "سيناء", "الجزيرة السورية", "كردستان العراق",
                 "قطاع غزة", "الضفة الغربية", "شمال سوريا", "معبر رفح", "دير الزور",
                 "البو كمال", "البوكمال", "سوريا", "سورية", "أميركا", "أمريكا"):
        assert gaz.lookup(clean(name)), name


def test_rule_files_parse():
    assert false_friends()[clean("بيان")] == "never"
    assert cues()[clean("محافظة")] == "admin"
    assert any(q.english == "countryside" for q in qualifiers())
    assert ("saudinewsnet", "SA") in outlets()


def test_build_keeps_arabic_names_marks_capitals_and_drops_bare_variants():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "scripts" / "places_build_gazetteer.py"
    spec = importlib.util.spec_from_file_location("places_build", path)
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    cities = {
        "1": {"geonameid": 1, "name": "Manama", "latitude": 26.2, "longitude": 50.6,
              "countrycode": "BH", "population": 147074, "admin1code": "16",
              "alternatenames": ["Manama", "المنامة", "منامة", "منامه"]},
        "2": {"geonameid": 2, "name": "Nowhere", "latitude": 1, "longitude": 1,
              "countrycode": "IR", "population": 10, "admin1code": "",
              "alternatenames": ["Nowhere", "گچساران"]},  # Persian letters only
    }
    rows = build.build_rows(cities, {"BH": {"iso": "BH", "capital": "Manama"}})
    assert len(rows) == 1
    assert rows[0][5] == "PPLC"
    assert rows[0][8] == "المنامه"
