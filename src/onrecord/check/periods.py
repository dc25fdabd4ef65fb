"""When a cumulative count started: "since October", "since the war began in April 2023", "so far this year"."""

from __future__ import annotations

import re
from datetime import date

from onrecord.check.dates import MONTH_NUMBERS, DateRange, parse_date

_SINCE = re.compile(
    r"\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+)?(?:(?P<month>[A-Z][a-z]+)(?:\s+(?P<y1>(?:19|20)\d{2}))?|(?P<y2>(?:19|20)\d{2}))\b"
)


def since_start(sentence: str, said: DateRange) -> date | None:
    """The first day of the period a "since …" phrase opens, resolved against the statement date."""
    for m in _SINCE.finditer(sentence):
        year_text = m.group("y1") or m.group("y2")
        month = MONTH_NUMBERS.get((m.group("month") or "").lower())
        if m.group("month") and month is None:
            continue
        if month is None and year_text:
            return date(int(year_text), 1, 1)
        if month is None:
            continue
        if year_text:
            return date(int(year_text), month, 1)
        year = said.start.year if month <= said.start.month else said.start.year - 1
        return date(year, month, 1)
    return None


def period_start(sentence: str, said: DateRange, time_scope: str | None) -> date | None:
    """The known start of accumulation: a "since" phrase, else a running period's first day."""
    found = since_start(sentence, said)
    if found is not None:
        return found
    scope = parse_date(time_scope)
    if scope is not None and scope.start <= said.start <= scope.end:
        return scope.start
    return None
