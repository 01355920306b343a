"""rawi's times stage next to dateparser's ``search_dates`` on the gold-dev times.

Usage: python bench/time_peers.py [GOLD_DIR]   (needs the ``bench`` extra: dateparser)

Both systems read each gold-dev article with its publication date as the
reference (dateparser: ``languages=['ar']``, ``RELATIVE_BASE=published``). Scoring
follows ``gold-dev/README.md``: a gold time (not optional) is detected when a
predicted span overlaps it, and its value is right when equal. dateparser gives
one datetime per hit; it is written at the gold value's granularity (``2018``,
``2018-06`` or ``2018-06-12``), which favours it: it cannot express ranges,
decades or PRESENT_REF/PAST_REF at all. A false alarm is a hit that overlaps no
gold time (optional ones included); rawi's durations and sets are not counted,
as in the gold conventions.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "gold-dev"

Hit = tuple[int, int, str]  # start, end, value


def rawi_hits(text: str, published: str) -> list[Hit]:
    from rawi.time import tag

    return [(t.start, t.end, t.value) for t in tag(text, published) if t.type in ("DATE", "TIME")]


def dateparser_hits(text: str, published: str) -> list[tuple[int, int, dt.datetime]]:
    from dateparser.search import search_dates

    base = dt.datetime.fromisoformat(published)
    found = search_dates(text, languages=["ar"], settings={"RELATIVE_BASE": base}) or []
    hits, cursor = [], 0
    for substring, value in found:
        start = text.find(substring, cursor)
        if start < 0:
            start = text.find(substring)
        if start < 0:
            continue
        hits.append((start, start + len(substring), value))
        cursor = start + len(substring)
    return hits


def as_gold_granularity(value: dt.datetime, gold: str) -> str:
    if re.fullmatch(r"\d{4}", gold):
        return f"{value.year:04d}"
    if re.fullmatch(r"\d{4}-\d\d", gold):
        return f"{value.year:04d}-{value.month:02d}"
    return value.date().isoformat()


def score(system: Callable, articles: list[dict], convert: bool) -> dict[str, float]:
    gold_n = detected = right = false_alarms = predicted = 0
    seconds = 0.0
    for art in articles:
        text, published = art["text"], art["published"]
        t0 = time.perf_counter()
        hits = system(text, published)
        seconds += time.perf_counter() - t0
        predicted += len(hits)
        spans = [tuple(g["span"]) for g in art["times"]]
        for start, end, _ in hits:
            if not any(start < e and s < end for s, e in spans):
                false_alarms += 1
        for g in art["times"]:
            if g.get("optional"):
                continue
            gold_n += 1
            s, e = g["span"]
            over = [h for h in hits if h[0] < e and s < h[1]]
            if not over:
                continue
            detected += 1
            values = [as_gold_granularity(h[2], g["value"]) if convert else h[2] for h in over]
            right += g["value"] in values
    return {
        "gold": gold_n,
        "predicted": predicted,
        "detected": detected,
        "recall": detected / gold_n if gold_n else 0.0,
        "value_right": right,
        "value_accuracy": right / detected if detected else 0.0,
        "found_recall": right / gold_n if gold_n else 0.0,
        "false_alarms": false_alarms,
        "precision": 1 - false_alarms / predicted if predicted else 0.0,
        "ms_per_article": 1000 * seconds / max(1, len(articles)),
    }


#: Sentences written for this bench (the forms named in issue 6), with the value expected.
CHALLENGES = [
    ("وتجري الانتخابات ما بين ال8 وال12 من الشهر الجاري", "2017-09-25", "2017-09-08/2017-09-12"),
    ("ووقع الهجوم في 14 أيلول 2017 قرب الحدود", "2017-09-25", "2017-09-14"),
    ("وزار الوفد دمشق في 8 سبتمبر", "2017-09-25", "2017-09-08"),
    ("وتبدأ العطلة في ١٥ رمضان ١٤٣٨ هـ", "2017-09-25", "2017-06-10"),
    ("وأعلنت الوزارة أمس أن", "2017-09-25", "2017-09-24"),
    ("وقال الوزير الخميس إن", "2017-09-25", "2017-09-21"),
    ("ووقع الاتفاق في أيار/مايو الماضي", "2017-09-25", "2017-05"),
    ("وانتهت المعارك مساء أول أمس", "2017-09-25", "2017-09-23"),
    ("وعاد إلى البلاد في 3 جويلية 2016", "2017-09-25", "2016-07-03"),
    ("وعاش هناك في سبعينيات القرن الماضي", "2017-09-25", "197"),
]


def challenge_rows() -> list[str]:
    rows = ["| sentence | expected | rawi | dateparser |", "|---|---|---|---|"]
    for text, published, expected in CHALLENGES:
        ours = ", ".join(v for _, _, v in rawi_hits(text, published)) or "-"
        theirs = []
        for start, end, value in dateparser_hits(text, published):
            theirs.append(f"«{text[start:end]}» {as_gold_granularity(value, expected)}")
        rows.append(f"| {text} | {expected} | {ours} | {'; '.join(theirs) or '-'} |")
    return rows


def main() -> int:
    gold_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD
    if not gold_dir.exists():
        print(f"skip: {gold_dir} not found")
        return 0
    try:
        import dateparser  # noqa: F401
    except ImportError:
        print("skip: dateparser is not installed (pip install -e '.[bench]')")
        return 0
    articles = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]
    rawi_hits("أمس", "2017-09-25")  # load and compile outside the timing
    dateparser_hits("أمس", "2017-09-25")
    rows = [
        ("rawi times", score(rawi_hits, articles, convert=False)),
        ("dateparser search_dates", score(dateparser_hits, articles, convert=True)),
    ]
    head = (
        "| system | gold | detected | detection recall | value right | value accuracy "
        "| found (recall) | false alarms | precision | ms/article |"
    )
    print(f"gold-dev: {len(articles)} articles\n")
    print(head)
    print("|" + "---|" * 10)
    for name, r in rows:
        print(
            f"| {name} | {r['gold']} | {r['detected']} | {r['recall']:.3f} | {r['value_right']} "
            f"| {r['value_accuracy']:.3f} | {r['found_recall']:.3f} | {r['false_alarms']} "
            f"| {r['precision']:.3f} | {r['ms_per_article']:.1f} |"
        )
    print("\nSentences written for the bench (forms named in issue 6):\n")
    print("\n".join(challenge_rows()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
