"""Partial ISO dates as day ranges: ``2024-12`` is 1-31 December 2024, ``2024`` the whole year."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTH_NUMBERS = {name.lower(): n for n, name in enumerate(_MONTHS, 1)}  # "march" -> 3


@dataclass(frozen=True, slots=True)
class DateRange:
    """The days a partial date may stand for, inclusive at both ends."""

    start: date
    end: date
    text: str

    def overlaps(self, other: DateRange) -> bool:
        return self.start <= other.end and other.start <= self.end

    def before(self, other: DateRange) -> bool:
        """True when every day of this range precedes every day of ``other``."""
        return self.end < other.start


def parse_date(value: str | None) -> DateRange | None:
    """The range of a TimeML/ISO date value (``2025-01-20``, ``2024-12``, ``2024``), None when not a date."""
    if not value:
        return None
    m = _ISO.match(value.strip())
    if not m:
        return None
    year = int(m.group(1))
    try:
        if m.group(3):
            d = date(year, int(m.group(2)), int(m.group(3)))
            return DateRange(d, d, m.group(0))
        if m.group(2):
            month = int(m.group(2))
            last = calendar.monthrange(year, month)[1]
            return DateRange(date(year, month, 1), date(year, month, last), m.group(0))
    except ValueError:
        return None
    return DateRange(date(year, 1, 1), date(year, 12, 31), m.group(0))


def precision(value: str | None) -> str:
    """``day``, ``month``, ``year`` or ``unknown`` for a date value."""
    r = parse_date(value)
    if r is None:
        return "unknown"
    return {10: "day", 7: "month", 4: "year"}.get(len(r.text), "unknown")


def days_between(earlier: DateRange, later: DateRange) -> tuple[int, int]:
    """The least and the most days that can separate a day of ``earlier`` from a later day of ``later``."""
    least = max(0, (later.start - earlier.end).days)
    most = max(0, (later.end - earlier.start).days)
    return least, most


def human(value: str | None) -> str:
    """A readable form of a partial date: ``20 January 2025``, ``December 2024``, ``2024``."""
    r = parse_date(value)
    if r is None:
        return "an unknown date"
    p = precision(value)
    if p == "day":
        return f"{r.start.day} {_MONTHS[r.start.month - 1]} {r.start.year}"
    if p == "month":
        return f"{_MONTHS[r.start.month - 1]} {r.start.year}"
    return str(r.start.year)


def human_span(days: int) -> str:
    """A duration in words: ``51 days (7 weeks)``."""
    if days < 14:
        return f"{days} days"
    if days < 92:
        return f"{days} days ({days / 7:.0f} weeks)"
    return f"{days} days ({days / 30.44:.1f} months)"


def shift_years(r: DateRange, years: int) -> DateRange:
    """The same range ``years`` years earlier (negative) or later; 29 February becomes the 28th."""

    def move(d: date) -> date:
        try:
            return d.replace(year=d.year + years)
        except ValueError:
            return d.replace(year=d.year + years, day=28)

    return DateRange(move(r.start), move(r.end), r.text)


EPOCH_START = date(1, 1, 1)
ONE_DAY = timedelta(days=1)
