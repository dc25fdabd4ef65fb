"""Calendar arithmetic on TimeML values: parse a value, shift it by units, pick the instance of a weekday or month.

Values keep their granularity: ``2024``, ``2024-Q3``, ``2024-H1``, ``2024-SU``, ``2024-12``, ``2024-W05``,
``2024-12-07``. Pure functions, no text.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_VALUE_RE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<q>Q[1-4])|(?P<h>H[12])|(?P<s>SP|SU|FA|WI)|W(?P<w>\d{1,2})|(?P<m>\d{2})(?:-(?P<d>\d{2}))?))?"
)


@dataclass(frozen=True, slots=True)
class Point:
    """A calendar value at a granularity: year, half, quarter, season, month, week or day."""

    gran: str  # Y H Q S M W D
    year: int
    part: int | str = 0  # half/quarter number, season code, month, ISO week
    day: date | None = None

    def value(self) -> str:
        """The TimeML value string."""
        if self.gran == "D" and self.day is not None:
            return self.day.isoformat()
        if self.gran == "M":
            return f"{self.year:04d}-{int(self.part):02d}"
        if self.gran == "W":
            return f"{self.year:04d}-W{int(self.part):02d}"
        if self.gran == "Q":
            return f"{self.year:04d}-Q{self.part}"
        if self.gran == "H":
            return f"{self.year:04d}-H{self.part}"
        if self.gran == "S":
            return f"{self.year:04d}-{self.part}"
        return f"{self.year:04d}"


def parse_point(value: str | None) -> Point | None:
    """The Point of a TimeML date value, or None for durations, refs and underspecified values."""
    if not value:
        return None
    m = _VALUE_RE.match(value)
    if not m:
        return None
    y = int(m["y"])
    if m["d"]:
        try:
            return Point("D", y, int(m["m"]), date(y, int(m["m"]), int(m["d"])))
        except ValueError:
            return None
    if m["m"]:
        return Point("M", y, int(m["m"]))
    if m["w"]:
        return Point("W", y, int(m["w"]))
    if m["q"]:
        return Point("Q", y, int(m["q"][1]))
    if m["h"]:
        return Point("H", y, int(m["h"][1]))
    if m["s"]:
        return Point("S", y, m["s"])
    return Point("Y", y)


def day_point(d: date) -> Point:
    return Point("D", d.year, d.month, d)


def week_point(d: date) -> Point:
    iso = d.isocalendar()
    return Point("W", iso[0], iso[1])


def add_months(d: date, n: int) -> date:
    """``d`` moved by n calendar months, the day clipped to the month's length."""
    total = d.year * 12 + (d.month - 1) + n
    y, m = divmod(total, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def add_years(d: date, n: int) -> date:
    return add_months(d, 12 * n)


def shift_date(d: date, unit: str, n: float) -> date:
    """``d`` moved by n units (D W M Q Y E C; fractional months and years via days)."""
    if unit == "D":
        return d + timedelta(days=round(n))
    if unit == "W":
        return d + timedelta(days=round(7 * n))
    months = {"M": 1, "Q": 3, "H": 6, "Y": 12, "E": 120, "C": 1200}.get(unit)
    if months is None:
        return d
    whole = int(n * months)
    rest = n * months - whole
    out = add_months(d, whole)
    return out + timedelta(days=round(rest * 30))


def at_granularity(d: date, unit: str) -> Point:
    """The Point of day ``d`` at the granularity a unit implies (days->day, weeks->week, months->month...)."""
    if unit in ("D", "H", "TM", "S"):
        return day_point(d)
    if unit == "W":
        return week_point(d)
    if unit == "M":
        return Point("M", d.year, d.month)
    if unit == "Q":
        return Point("Q", d.year, (d.month - 1) // 3 + 1)
    return Point("Y", d.year)


def shift_point(p: Point, unit: str, n: int) -> Point:
    """``p`` moved by n units, keeping p's granularity where it is coarser than the unit."""
    if p.gran == "D" and p.day is not None:
        return day_point(shift_date(p.day, unit, n))
    if p.gran == "M":
        d = shift_date(date(p.year, int(p.part), 1), unit, n)
        return Point("M", d.year, d.month)
    if p.gran == "W":
        monday = date.fromisocalendar(p.year, int(p.part), 1)
        return week_point(shift_date(monday, unit, n))
    if p.gran == "Q":
        months = {"Y": 12, "Q": 3, "M": 1}.get(unit, 12)
        idx = p.year * 4 + int(p.part) - 1 + (months * n) // 3
        return Point("Q", idx // 4, idx % 4 + 1)
    if p.gran in ("H", "S"):
        if unit == "Y":
            return Point(p.gran, p.year + n, p.part)
        return Point("Y", p.year)
    years = {"Y": 1, "E": 10, "C": 100}.get(unit, 0)
    return Point("Y", p.year + years * n)


def weekday_on_or_before(dct: date, wd: int) -> date:
    """The latest day of ISO weekday ``wd`` (1=Monday) on or before ``dct``."""
    return dct - timedelta(days=(dct.isoweekday() - wd) % 7)


def weekday_on_or_after(dct: date, wd: int) -> date:
    return dct + timedelta(days=(wd - dct.isoweekday()) % 7)


def resolve_weekday(dct: date, wd: int, rel: str | None, tense: str | None) -> date:
    """The date of a weekday named in news: latest on or before the DCT unless the text looks ahead.

    ``rel`` is the modifier: "last"/"past"/"previous" (1-7 days back), "next"/"coming" (1-7 days ahead),
    "this" or None (tense decides: future -> on or after, otherwise on or before).
    """
    if rel in ("last", "past", "previous"):
        return dct - timedelta(days=(dct.isoweekday() - wd - 1) % 7 + 1)
    if rel in ("next", "coming"):
        return dct + timedelta(days=(wd - dct.isoweekday() - 1) % 7 + 1)
    if tense == "FUTURE":
        return weekday_on_or_after(dct, wd)
    return weekday_on_or_before(dct, wd)


def resolve_month_year(dct: date, month: int, day: int | None, tense: str | None) -> int:
    """The year of a month (and day) named without one: past -> latest instance, future -> next, else closest."""
    this = (month, day or 0)
    now = (dct.month, dct.day if day else 0)
    if day is not None and abs(month - dct.month) not in (5, 6, 7):
        # a full date reads as the closest instance: tense misleads ("was postponed to Nov. 6")
        tense = None
    if tense == "PAST":
        return dct.year if this <= now else dct.year - 1
    if tense == "FUTURE":
        return dct.year if this >= now else dct.year + 1
    diff = month - dct.month
    if diff > 6:
        return dct.year - 1
    if diff < -6:
        return dct.year + 1
    return dct.year


def resolve_part_year(dct: date, index: int, per_year: int, tense: str | None) -> int:
    """The year of a quarter/half/season index named without one: a later part in past reporting is last year's."""
    current = (dct.month - 1) * per_year // 12 + 1
    if tense == "PAST" and index > current:
        return dct.year - 1
    return dct.year


def nth_weekday(year: int, month: int, wd: int, n: int) -> date:
    """The n-th (1-based; -1 for last) ISO weekday ``wd`` of a month."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.isoweekday() - wd) % 7)


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday_date(rule: str, year: int) -> date | None:
    """The date of a holiday rule from the lexicon ("12-25", "THANKS", "EASTER"...) in a year."""
    if re.fullmatch(r"\d\d-\d\d", rule):
        return date(year, int(rule[:2]), int(rule[3:]))
    if rule == "THANKS":
        return nth_weekday(year, 11, 4, 4)
    if rule == "LABOR":
        return nth_weekday(year, 9, 1, 1)
    if rule == "MEMORIAL":
        return nth_weekday(year, 5, 1, -1)
    if rule == "ELECTION":
        return nth_weekday(year, 11, 1, 1) + timedelta(days=1)
    if rule == "EASTER":
        return easter(year)
    if rule == "GOODFRIDAY":
        return easter(year) - timedelta(days=2)
    return None
