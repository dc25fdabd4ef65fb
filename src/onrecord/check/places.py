"""Where a figure is about, from the words of its sentence: named places and compass regions.

Two figures from one speaker about "the north" and "the east", or about Darfur and Kordofan, are
different scopes even when the claims stage gives them the same subject; the checks abstain.
"""

from __future__ import annotations

import re
from functools import lru_cache

_CALENDAR = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "the", "a", "an", "this", "last", "next", "same", "his", "her", "their", "its",
}  # fmt: skip
_PLACE = re.compile(
    r"\b(?:in|along|near|across|at|inside|around|outside)\s+(?:the\s+)?((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,2})"
)
_COMPASS = re.compile(r"\b(north|south|east|west|central)(?:ern|ward)?(?:-?(east|west)(?:ern)?)?\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def places(sentence: str) -> frozenset[str]:
    """Named places after a locative preposition, and compass regions, in lower case."""
    out: set[str] = set()
    for m in _PLACE.finditer(sentence):
        words = [w for w in m.group(1).split() if w.lower() not in _CALENDAR]
        if words:
            out.add(" ".join(words).lower())
    for m in _COMPASS.finditer(sentence):
        out.add((m.group(1) + (m.group(2) or "")).lower())
    return frozenset(out)


def same_places(a: str, b: str) -> bool:
    """False when both sentences name places and the sets differ (another region is another scope)."""
    pa, pb = places(a), places(b)
    return not pa or not pb or pa == pb
