"""The word lists of the time grammar (months, weekdays, numbers, units...), loaded once from package data."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    dayparts: dict[str, str]
    numbers: dict[str, float]
    vague_numbers: tuple[str, ...]
    ordinals: dict[str, int]
    units: dict[str, str]
    sets: dict[str, str]
    refs: dict[str, str]
    holidays: dict[str, str]


@cache
def lexicon() -> Lexicon:
    """The lexicon in ``extract/data/timex_lexicon.json``."""
    raw: dict[str, Any] = json.loads(
        resources.files("onrecord.extract").joinpath("data/timex_lexicon.json").read_text(encoding="utf-8")
    )
    return Lexicon(
        months=raw["months"],
        weekdays=raw["weekdays"],
        seasons=raw["seasons"],
        dayparts=raw["dayparts"],
        numbers=raw["numbers"],
        vague_numbers=tuple(raw["vague_numbers"]),
        ordinals=raw["ordinals"],
        units=raw["units"],
        sets=raw["sets"],
        refs=raw["refs"],
        holidays=raw["fixed_holidays"],
    )


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of words, longest first, spaces matching any run of blanks."""
    parts = sorted({re.escape(w).replace(r"\ ", r"\s+") for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(parts) + ")"


_TENS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words ("24", "twenty-four", "2 1/2", "a couple of").

    Returns None when the text is vague ("several", "a few") or not a number.
    """
    t = re.sub(r"\s+", " ", text.strip().lower().replace(",", ""))
    lex = lexicon()
    if t in lex.vague_numbers:
        return None
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s*(?:and\s+)?(?:a\s+half|1/2|½))?", t)
    if m:
        return float(m[1]) + (0.5 if t != m[1] else 0.0)
    if t in lex.numbers:
        return float(lex.numbers[t])
    total = 0.0
    current = 0.0
    for word in re.split(r"[\s-]+", t):
        if word == "and":
            continue
        if word not in lex.numbers:
            return None
        n = float(lex.numbers[word])
        if n == 100:
            current = (current or 1) * 100
        elif n == 1000:
            total += (current or 1) * 1000
            current = 0
        elif current and current % 10 == 0 and n < 10 and word not in _TENS:
            current += n
        else:
            current += n
    return total + current or None
