"""Resolvers: turn the named groups of a matched pattern into a TIMEX3 value.

A pattern file names its resolver (``# resolve: date``); each resolver reads the
groups it knows (``day``, ``month``, ``year``, ``mod``, ``weekday``...) and
returns an ISO 8601 / TIMEX3 value, ``None`` when the match does not make a
real date (31 February, a range that runs backwards; shorter patterns are then
tried), or ``NOT_A_TIME`` when the words are a name («مدينة 6 أكتوبر»). Relative expressions are
resolved against the publication date, as news uses them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from rawi.time import hijri
from rawi.time.lexicon import Lexicon

Groups = dict[str, str]
#: Returned by a resolver when the whole match is known not to be a time (a name):
#: the tagger then skips it instead of trying shorter patterns inside it.
NOT_A_TIME = ""
_MONTH_SPLIT = re.compile(r"[^\S\n]*[/(\-–][^\S\n]*")
_CLAUSE_END = re.compile(r"[.!?\n:;]")
_LAST_WORD = re.compile(r"\w+")
MONTH_LISTS = "month_syriac|month_gregorian|month_maghrebi"


@dataclass
class Context:
    """What a resolver may look at besides its groups."""

    lex: Lexicon
    anchor: dt.date | None
    norm: str
    start: int  # start of the match in ``norm``
    future_cue: re.Pattern[str]
    past_cue: re.Pattern[str]


# -- small readers -------------------------------------------------------------------


def _num(ctx: Context, text: str | None) -> int | None:
    """Digits or number words («خمسة وعشرين» = 25); None for vague counts (عدة)."""
    if not text:
        return None
    text = text.strip()
    if text.startswith("ال"):
        text = text[2:]
    if text.isdigit():
        return int(text)
    total = 0
    for part in re.split(r"[^\S\n]+و[^\S\n]*", text):
        value = ctx.lex.value("number", part)
        if value is None or not value.isdigit():
            return None
        total += int(value)
    return total or None


def _day(ctx: Context, g: Groups, digits: str = "day", word: str = "oday") -> int | None:
    if g.get(digits):
        return _num(ctx, g[digits])
    if g.get(word):
        value = ctx.lex.value("ordinal", g[word])
        return int(value) if value else None
    return None


def _month(ctx: Context, text: str | None) -> int | None:
    if not text:
        return None
    first = _MONTH_SPLIT.split(text.strip(" )"))[0]
    value = ctx.lex.value(MONTH_LISTS, first)
    return int(value) if value else None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    digits = re.match(r"\d{4}", text.strip())
    return int(digits.group()) if digits else None


def _mod(ctx: Context, g: Groups, key: str = "mod") -> int | None:
    if g.get("this"):
        return 0
    if not g.get(key):
        return None
    value = ctx.lex.value("modifier", g[key])
    return int(value) if value is not None else None


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


#: a bare month this many months after publication is read as last year's
MONTHS_AHEAD = 3


def _infer_year(ctx: Context, month: int, day: int | None, mod: int | None) -> int | None:
    """Year of a day/month given without one: the publication year, moved by a modifier."""
    a = ctx.anchor
    if a is None:
        return None
    key, ref = (month, day or 0), (a.month, a.day if day else 0)
    if mod == -1 and (key >= ref if day is None else key > ref):
        return a.year - 1
    if mod == 1 and (key <= ref if day is None else key < ref):
        return a.year + 1
    if mod is None and month - a.month >= MONTHS_AHEAD and not _future_context(ctx):
        # «وفي كانون الأول/ديسمبر اتفقت روما» in a March article: last December; news
        # names months to come with «المقبل» or a future cue
        return a.year - 1
    return a.year


def _explicit_year(ctx: Context, g: Groups) -> int | None:
    year = _year(g.get("year"))
    yunit = ctx.lex.value("period_unit", g["yunit"]) if g.get("yunit") else None
    if year is None and yunit == "Y" and ctx.anchor:
        shift = _mod(ctx, g, "ymod")
        if shift is not None:
            year = ctx.anchor.year + shift
    return year


# -- resolvers -----------------------------------------------------------------------


def _after_name_head(ctx: Context) -> bool:
    before = _previous_word(ctx)
    return bool(before) and ctx.lex.value("name_head", before.removeprefix("و")) is not None


def resolve_date(g: Groups, ctx: Context) -> str | None:
    day = _day(ctx, g)
    if day is None:
        return None
    month = _month(ctx, g.get("month"))
    if month is None and g.get("mnum"):
        month = int(g["mnum"])
    mod = _mod(ctx, g)
    if month is None and g.get("cur"):  # «15 الجاري»: of the current month
        if ctx.anchor is None:
            return None
        year, month = ctx.anchor.year, ctx.anchor.month
    elif month is None and g.get("unit") and ctx.anchor:
        if ctx.lex.value("period_unit", g["unit"]) != "M" or mod is None:
            return None
        year, month = _shift_month(ctx.anchor.year, ctx.anchor.month, mod)
    else:
        if month is None:
            return None
        year = _explicit_year(ctx, g)
        if year is None:
            year = _infer_year(ctx, month, day, mod)
    if g.get("month") and not g.get("year") and _after_name_head(ctx):
        return NOT_A_TIME  # «مدينة 6 أكتوبر», «قوى 14 آذار»: a name, not a date
    if year is None:
        return f"XXXX-{month:02d}-{day:02d}" if _date(2000, month, day) else None
    date = _date(year, month, day)
    return date.isoformat() if date else None


def resolve_month(g: Groups, ctx: Context) -> str | None:
    month = _month(ctx, g.get("month"))
    if month is None:
        return None
    year = _explicit_year(ctx, g)
    if year is None:
        year = _infer_year(ctx, month, None, _mod(ctx, g))
    return f"{year:04d}-{month:02d}" if year else f"XXXX-{month:02d}"


def resolve_year(g: Groups, ctx: Context) -> str | None:
    year = _year(g.get("year"))
    return f"{year:04d}" if year else None


def resolve_range_years(g: Groups, ctx: Context) -> str | None:
    y1, y2 = _year(g.get("y1")), _year(g.get("y2"))
    if y1 is None or y2 is None or y1 >= y2:
        return None
    return f"{y1:04d}/{y2:04d}"


def resolve_range_days(g: Groups, ctx: Context) -> str | None:
    d1, d2 = _day(ctx, g, "d1", "o1"), _day(ctx, g, "d2", "o2")
    if d1 is None or d2 is None:
        return None
    mod = _mod(ctx, g)
    month2 = _month(ctx, g.get("month"))
    if month2 is None:
        umod = _mod(ctx, g, "umod")
        if not (g.get("unit") and ctx.anchor and umod is not None):
            return None
        if ctx.lex.value("period_unit", g["unit"]) != "M":
            return None
        year2, month2 = _shift_month(ctx.anchor.year, ctx.anchor.month, umod)
    else:
        year2 = _explicit_year(ctx, g) or _infer_year(ctx, month2, d2, mod)
    if year2 is None:
        return None
    month1 = _month(ctx, g.get("m1")) or month2
    year1 = year2 - 1 if month1 > month2 else year2
    start, end = _date(year1, month1, d1), _date(year2, month2, d2)
    if start is None or end is None or start >= end:
        return None
    return f"{start.isoformat()}/{end.isoformat()}"


def _latest_weekday(anchor: dt.date, iso: int, strict: bool) -> dt.date:
    back = (anchor.isoweekday() - iso) % 7
    if strict and back == 0:
        back = 7
    return anchor - dt.timedelta(days=back)


def _next_weekday(anchor: dt.date, iso: int, strict: bool) -> dt.date:
    ahead = (iso - anchor.isoweekday()) % 7
    if strict and ahead == 0:
        ahead = 7
    return anchor + dt.timedelta(days=ahead)


def _future_context(ctx: Context) -> bool:
    """A future cue (اعتبارا من، من المقرر، سوف...) earlier in the same clause, and no
    past marker (كان، قد) there: «وكان من المقرر أن يبدأ الثلاثاء» is in the past."""
    window = ctx.norm[max(0, ctx.start - 80) : ctx.start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(window)), default=0)
    if ctx.future_cue.search(window, cut) is None:
        return False
    return ctx.past_cue.search(window, cut) is None


def resolve_weekday(g: Groups, ctx: Context) -> str | None:
    iso = ctx.lex.value("weekday", g.get("weekday", ""))
    if iso is None:
        return None
    wd = int(iso)
    if ctx.anchor is None:
        return f"XXXX-WXX-{wd}"
    mod = _mod(ctx, g)
    if mod == -1:
        return _latest_weekday(ctx.anchor, wd, strict=True).isoformat()
    if mod == 1:
        return _next_weekday(ctx.anchor, wd, strict=True).isoformat()
    if mod is None and _future_context(ctx):
        return _next_weekday(ctx.anchor, wd, strict=False).isoformat()
    return _latest_weekday(ctx.anchor, wd, strict=False).isoformat()


def resolve_relday(g: Groups, ctx: Context) -> str | None:
    offset = ctx.lex.value("relday", g.get("rel", ""))
    if offset is None:
        return None
    if int(offset) == 0 and not g.get("weekday") and _after_name_head(ctx):
        return NOT_A_TIME  # «صحيفة اليوم»: the newspaper
    if ctx.anchor is None:
        n = int(offset)
        return "PRESENT_REF" if n == 0 else ("PAST_REF" if n < 0 else "FUTURE_REF")
    date = ctx.anchor + dt.timedelta(days=int(offset))
    iso = ctx.lex.value("weekday", g.get("weekday", "")) if g.get("weekday") else None
    if iso is not None and int(offset) == 0 and date.isoweekday() != int(iso):
        # «اليوم الخميس» in an article dated a day late: the named weekday wins.
        back = _latest_weekday(date, int(iso), strict=False)
        ahead = _next_weekday(date, int(iso), strict=False)
        date = back if (date - back).days <= 3 else ahead
    return date.isoformat()


def _previous_word(ctx: Context) -> str:
    words = _LAST_WORD.findall(ctx.norm, max(0, ctx.start - 30), ctx.start)
    return words[-1] if words else ""


def resolve_period(g: Groups, ctx: Context) -> str | None:
    unit = ctx.lex.value("period_unit", g.get("unit", ""))
    mod = _mod(ctx, g)
    a = ctx.anchor
    if unit == "Y" and g.get("pyear"):  # «العام الماضي 2016»: the written year
        return f"{_year(g['pyear']):04d}"
    if unit is None or mod is None or a is None:
        return None
    if unit == "Y" and not g.get("part"):
        before = _previous_word(ctx)
        if ctx.lex.value("general_noun", before.removeprefix("و")) is not None:
            return None  # «المدير العام السابق»: general, not a year
    if unit == "W":
        ref = a + dt.timedelta(days=7 * mod)
        start = ref - dt.timedelta(days=ref.isoweekday() % 7)  # weeks run Sunday-Saturday
        return f"{start.isoformat()}/{(start + dt.timedelta(days=6)).isoformat()}"
    if unit == "M":
        year, month = _shift_month(a.year, a.month, mod)
        return f"{year:04d}-{month:02d}"
    if unit == "Y":
        return f"{a.year + mod:04d}"
    if unit == "DE":
        return f"{a.year // 10 + mod:03d}"
    if unit == "CE":
        return f"{a.year // 100 + mod:02d}"
    return None


def _part_of_year(part: str, g: Groups, ctx: Context) -> str | None:
    """«صيف 2017», «الربع الأول من العام المقبل»: YEAR-CODE, CODE from the ``part`` list."""
    code = ctx.lex.value(part, g.get(part, ""))
    year = _year(g.get("year"))
    if year is None and ctx.anchor and ctx.lex.value("period_unit", g.get("unit", "")) == "Y":
        mod = _mod(ctx, g)
        year = ctx.anchor.year + mod if mod is not None else None
    return f"{year:04d}-{code}" if code and year else None


def resolve_season(g: Groups, ctx: Context) -> str | None:
    return _part_of_year("season", g, ctx)


def resolve_quarter(g: Groups, ctx: Context) -> str | None:
    return _part_of_year("quarter", g, ctx)


def resolve_decade(g: Groups, ctx: Context) -> str | None:
    century: int | None = None
    if g.get("century"):
        value = ctx.lex.value("century", g["century"])
        century = int(value) if value else None
    elif g.get("unit") and ctx.lex.value("period_unit", g["unit"]) == "CE":
        mod = _mod(ctx, g)
        if mod is not None and ctx.anchor:
            century = ctx.anchor.year // 100 + mod
    if not g.get("decade"):
        return f"{century:02d}" if century is not None else None
    digit = ctx.lex.value("decade", g["decade"])
    if digit is None:
        return None
    return f"{century if century is not None else 19:02d}{digit}"


def _nearest_hijri_year(ctx: Context, month: int, day: int, mod: int | None) -> int | None:
    if ctx.anchor is None:
        return None
    hy = hijri.from_gregorian(ctx.anchor)[0]
    best: tuple[int, int] | None = None
    for year in (hy - 1, hy, hy + 1):
        date = hijri.to_gregorian(year, month, day)
        if date is None:
            continue
        delta = (date - ctx.anchor).days
        if (mod == -1 and delta >= 0) or (mod == 1 and delta <= 0):
            continue
        if best is None or abs(delta) < best[0]:
            best = (abs(delta), year)
    return best[1] if best else None


def resolve_hijri(g: Groups, ctx: Context) -> str | None:
    year = int(g["hyear"]) if g.get("hyear") else None
    month: int | None = None
    if g.get("hmonth"):
        value = ctx.lex.value("month_hijri", g["hmonth"])
        month = int(value) if value else None
    elif g.get("hmnum"):
        month = int(g["hmnum"])
    day = 1 if g.get("ghurra") else _day(ctx, g)
    if month is None:
        span = hijri.year_span(year) if year else None
        return f"{span[0].isoformat()}/{span[1].isoformat()}" if span else None
    if year is None:
        year = _nearest_hijri_year(ctx, month, day or 1, _mod(ctx, g))
        if year is None:
            return None
    if day is None:
        mspan = hijri.month_span(year, month)
        return f"{mspan[0].isoformat()}/{mspan[1].isoformat()}" if mspan else None
    date = hijri.to_gregorian(year, month, day)
    if date is None:
        return None
    iso = ctx.lex.value("weekday", g["weekday"]) if g.get("weekday") else None
    if iso is not None:
        # Observed months start a day off the table now and then: the named weekday wins.
        for shift in (0, 1, -1):
            moved = date + dt.timedelta(days=shift)
            if moved.isoweekday() == int(iso):
                return moved.isoformat()
    return date.isoformat()


def resolve_range_hijri(g: Groups, ctx: Context) -> str | None:
    d1, d2 = _day(ctx, g, "d1", "o1"), _day(ctx, g, "d2", "o2")
    m2 = ctx.lex.value("month_hijri", g.get("hmonth", ""))
    if d1 is None or d2 is None or m2 is None:
        return None
    m1 = ctx.lex.value("month_hijri", g["m1"]) if g.get("m1") else m2
    month1, month2 = int(m1 or m2), int(m2)
    year2 = int(g["hyear"]) if g.get("hyear") else _nearest_hijri_year(ctx, month2, d2, None)
    if year2 is None:
        return None
    year1 = year2 - 1 if month1 > month2 else year2
    start, end = hijri.to_gregorian(year1, month1, d1), hijri.to_gregorian(year2, month2, d2)
    if start is None or end is None or start >= end:
        return None
    return f"{start.isoformat()}/{end.isoformat()}"


def resolve_holiday(g: Groups, ctx: Context) -> str | None:
    rule = ctx.lex.value("holiday", g.get("holiday", ""))
    if rule is None:
        return None
    calendar, month, day = rule[0], int(rule[2:4]), int(rule[5:7])
    year = _year(g.get("year"))
    if calendar == "G":
        year = year or (ctx.anchor.year if ctx.anchor else None)
        date = _date(year, month, day) if year else None
        return date.isoformat() if date else None
    if g.get("hyear"):
        date = hijri.to_gregorian(int(g["hyear"]), month, day)
        return date.isoformat() if date else None
    target = year or (ctx.anchor.year if ctx.anchor else None)
    if target is None:
        return None
    first = hijri.from_gregorian(dt.date(target, 1, 1))[0]
    found = [
        d
        for y in (first, first + 1)
        if (d := hijri.to_gregorian(y, month, day)) is not None and d.year == target
    ]
    if not found:
        return None
    if ctx.anchor and year is None:
        found.sort(key=lambda d: abs((d - ctx.anchor).days))
    return found[0].isoformat()


def _count(g: Groups, ctx: Context) -> tuple[int | str, str] | None:
    """(how many, unit letter) of a counted unit; "X" when the count is vague (عدة أيام)."""
    unit_text = g.get("dunit", "")
    unit = ctx.lex.value("unit_dual", unit_text)
    if unit is not None:
        return 2, unit
    unit = ctx.lex.value("unit", unit_text)
    if unit is None:
        return None
    unit, _, singular = unit.partition(":")
    if g.get("one"):
        return (1, unit) if singular else ("X", unit)
    if g.get("num"):
        n = _num(ctx, g["num"])
        if n is None:
            return ("X", unit) if ctx.lex.value("number", g["num"]) == "X" else None
        return n, unit
    return None


def resolve_duration(g: Groups, ctx: Context) -> str | None:
    counted = _count(g, ctx)
    if counted is None:
        return None
    n, unit = counted
    if unit in ("H", "MIN", "S"):
        return f"PT{n}{'M' if unit == 'MIN' else unit}"
    return f"P{n}{unit}"


def resolve_ago(g: Groups, ctx: Context) -> str | None:
    counted = _count(g, ctx)
    a = ctx.anchor
    if counted is None:
        return None
    n, unit = counted
    if not isinstance(n, int):
        return "PAST_REF"  # قبل أيام: some days ago
    if a is None:
        return None
    if unit == "D":
        return (a - dt.timedelta(days=n)).isoformat()
    if unit == "W":
        return (a - dt.timedelta(days=7 * n)).isoformat()
    if unit == "M":
        year, month = _shift_month(a.year, a.month, -n)
        return f"{year:04d}-{month:02d}"
    if unit == "Y":
        return f"{a.year - n:04d}"
    if unit == "DE":
        return f"{(a.year - 10 * n) // 10:03d}"
    return a.isoformat()


def resolve_set(g: Groups, ctx: Context) -> str | None:
    if g.get("set_word"):
        return ctx.lex.value("set_word", g["set_word"])
    for key in ("weekday", "weekday_bare"):
        if g.get(key):
            iso = ctx.lex.value(key, g[key])
            return f"XXXX-WXX-{iso}" if iso else None
    return None


def resolve_vague(g: Groups, ctx: Context) -> str | None:
    return ctx.lex.value("vague", g.get("vague", ""))


RESOLVERS: dict[str, Callable[[Groups, Context], str | None]] = {
    "date": resolve_date,
    "month": resolve_month,
    "year": resolve_year,
    "range_days": resolve_range_days,
    "range_years": resolve_range_years,
    "weekday": resolve_weekday,
    "relday": resolve_relday,
    "period": resolve_period,
    "decade": resolve_decade,
    "season": resolve_season,
    "quarter": resolve_quarter,
    "hijri": resolve_hijri,
    "range_hijri": resolve_range_hijri,
    "holiday": resolve_holiday,
    "duration": resolve_duration,
    "ago": resolve_ago,
    "set": resolve_set,
    "vague": resolve_vague,
}
