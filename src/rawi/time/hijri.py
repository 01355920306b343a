"""Hijri (Islamic) calendar arithmetic, offline.

The Umm al-Qura calendar (Saudi Arabia's official one, used by most Arabic
news) comes from ``hijridate`` (MIT, a table for 1343-1500 AH, i.e. 1924-2077).
Outside that range, or without the package, the tabular (arithmetic) Islamic
calendar is used: 30-year cycle, Friday epoch; it is within a day or two of the
observed calendars.
"""

from __future__ import annotations

import datetime as dt
import math

try:  # pragma: no cover - exercised when the package is installed
    from hijridate import Gregorian as _UQGregorian
    from hijridate import Hijri as _UQHijri
except ImportError:  # pragma: no cover
    _UQHijri = None
    _UQGregorian = None

_EPOCH = dt.date(622, 7, 19).toordinal()  # 1 Muharram 1 AH (civil epoch, proleptic Gregorian)
_LEAP = frozenset({2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29})


def tabular_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """Tabular Islamic date -> Gregorian date."""
    ordinal = (
        day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30 + _EPOCH - 1
    )
    return dt.date.fromordinal(ordinal)


def tabular_month_length(year: int, month: int) -> int:
    if month == 12:
        return 30 if (year % 30 or 30) in _LEAP else 29
    return 30 if month % 2 else 29


def tabular_from_gregorian(date: dt.date) -> tuple[int, int, int]:
    """Gregorian date -> tabular Islamic (year, month, day)."""
    days = date.toordinal() - _EPOCH
    year = (30 * days + 10646) // 10631
    while tabular_to_gregorian(year + 1, 1, 1) <= date:
        year += 1
    while tabular_to_gregorian(year, 1, 1) > date:
        year -= 1
    month = 1
    while month < 12 and tabular_to_gregorian(year, month + 1, 1) <= date:
        month += 1
    day = date.toordinal() - tabular_to_gregorian(year, month, 1).toordinal() + 1
    return year, month, day


def month_length(year: int, month: int) -> int:
    """Days in a Hijri month (Umm al-Qura where known)."""
    if _UQHijri is not None:
        try:
            return int(_UQHijri(year, month, 1).month_length())
        except (ValueError, OverflowError):
            pass
    return tabular_month_length(year, month)


def to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """Hijri date -> Gregorian date, or None when the date does not exist."""
    if not (1 <= month <= 12 and 1 <= day <= 30 and year >= 1):
        return None
    if _UQHijri is not None:
        try:
            return _UQHijri(year, month, day).to_gregorian()
        except (ValueError, OverflowError):
            pass
    if day > tabular_month_length(year, month):
        return None
    return tabular_to_gregorian(year, month, day)


def from_gregorian(date: dt.date) -> tuple[int, int, int]:
    """Gregorian date -> Hijri (year, month, day)."""
    if _UQGregorian is not None:
        try:
            h = _UQGregorian(date.year, date.month, date.day).to_hijri()
            return h.year, h.month, h.day
        except (ValueError, OverflowError):
            pass
    return tabular_from_gregorian(date)


def month_span(year: int, month: int) -> tuple[dt.date, dt.date] | None:
    """First and last Gregorian day of a Hijri month."""
    first = to_gregorian(year, month, 1)
    if first is None:
        return None
    return first, first + dt.timedelta(days=month_length(year, month) - 1)


def year_span(year: int) -> tuple[dt.date, dt.date] | None:
    """First and last Gregorian day of a Hijri year."""
    first = to_gregorian(year, 1, 1)
    nxt = to_gregorian(year + 1, 1, 1)
    if first is None or nxt is None:
        return None
    return first, nxt - dt.timedelta(days=1)
