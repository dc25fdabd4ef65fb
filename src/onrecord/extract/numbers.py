"""The number grammar: numerals, number words, scale words, fractions and vague plurals to values.

Pure functions over strings and word lists; no spaCy. The quantity scanner (``claim_scan``) calls them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

LOGGER = logging.getLogger(__name__)

ONES: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
# scale words that multiply what precedes them
SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "lakh": 1e5, "million": 1e6, "crore": 1e7, "billion": 1e9, "trillion": 1e12,
}  # fmt: skip
# abbreviated scales written after a numeral ("1.5bn", "$50k", "3 mln")
SCALE_ABBREVIATIONS: dict[str, float] = {
    "k": 1e3, "thousand": 1e3, "mn": 1e6, "mln": 1e6, "mil": 1e6, "m": 1e6, "bn": 1e9, "bln": 1e9, "b": 1e9,
    "tn": 1e12, "trn": 1e12, "tln": 1e12, "tr": 1e12,
}  # fmt: skip
# a denominator word, singular and plural, and its value
FRACTIONS: dict[str, float] = {
    "half": 1 / 2, "halves": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4, "quarters": 1 / 4,
    "fourth": 1 / 4, "fourths": 1 / 4, "fifth": 1 / 5, "fifths": 1 / 5, "sixth": 1 / 6, "sixths": 1 / 6,
    "seventh": 1 / 7, "sevenths": 1 / 7, "eighth": 1 / 8, "eighths": 1 / 8, "ninth": 1 / 9, "ninths": 1 / 9,
    "tenth": 1 / 10, "tenths": 1 / 10,
}  # fmt: skip
# plural scale words that say "some multiple of": dozens -> 12..120 (NewsQuant's convention)
VAGUE_PLURALS: dict[str, tuple[float, float]] = {
    "dozens": (12, 120), "scores": (20, 200), "hundreds": (100, 1000), "thousands": (1e3, 1e4),
    "millions": (1e6, 1e7), "billions": (1e9, 1e10), "trillions": (1e12, 1e13),
}  # fmt: skip
UNICODE_FRACTIONS: dict[str, float] = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}

NUMERAL_RE = re.compile(r"^[+\-−]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$")
FRACTION_RE = re.compile(r"^(\d+)\s*[/⁄]\s*(\d+)$")


def parse_numeral(text: str) -> float | None:
    """The value of a numeral written in digits: "1,307,000", "12.50", ".001", "-5", "1/16", "½"."""
    text = text.strip()
    if not text:
        return None
    if text in UNICODE_FRACTIONS:
        return UNICODE_FRACTIONS[text]
    frac = FRACTION_RE.match(text)
    if frac:
        den = int(frac.group(2))
        return int(frac.group(1)) / den if den else None
    if not NUMERAL_RE.match(text) or not any(c.isdigit() for c in text):
        return None
    return float(text.replace(",", "").replace("−", "-"))


def _split_words(words: Sequence[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        out.extend(p for p in re.split(r"[-‐–]", w.lower()) if p)
    return out


def parse_number_words(words: Sequence[str]) -> tuple[float, int] | None:
    """The longest leading run of ``words`` that spells a number, as (value, words used).

    "twenty-eight thousand six hundred forty-two" -> 28642, "a million" -> 1e6, "two-thirds" -> 0.667,
    "one and a half million" -> 1.5e6, "a dozen" -> 12, "half" -> 0.5. Hyphenated words count as one word.
    """
    lowered = [w.lower() for w in words]
    total = 0.0
    current = 0.0
    used = 0
    seen_number = False
    i = 0
    while i < len(lowered):
        parts = _split_words([lowered[i]])
        w = lowered[i]
        if w in ("a", "an") and not seen_number and i + 1 < len(lowered):
            nxt = lowered[i + 1]
            if nxt in SCALES or nxt == "dozen":
                current = 1.0
                seen_number = True
                i += 1
                used = i
                continue
            if nxt in FRACTIONS and not nxt.endswith("s"):
                return FRACTIONS[nxt], i + 2
            break
        if len(parts) == 2 and parts[0] in ONES | TENS and parts[1] in FRACTIONS:
            # "two-thirds"
            value = (ONES | TENS)[parts[0]] * FRACTIONS[parts[1]]
            return value, i + 1
        if w == "and" and seen_number and i + 1 < len(lowered):
            # "one hundred and five", "one and a half"
            rest = lowered[i + 1 : i + 3]
            if rest[:2] in (["a", "half"], ["one", "half"]):
                current += 0.5
                i += 3
                used = i
                continue
            if lowered[i + 1] in ONES or lowered[i + 1] in TENS or _split_words([lowered[i + 1]])[0] in TENS:
                i += 1
                continue
            break
        if all(p in ONES or p in TENS for p in parts) and parts:
            if len(parts) > 1 and not (parts[0] in TENS and parts[1] in ONES and len(parts) == 2):
                break
            current += sum((ONES | TENS)[p] for p in parts)
            seen_number = True
            i += 1
            used = i
            continue
        if w in SCALES and seen_number:
            scale = SCALES[w]
            if scale == 100:
                current = (current or 1.0) * 100
            else:
                total += (current or 1.0) * scale
                current = 0.0
            i += 1
            used = i
            continue
        if w == "dozen" and seen_number:
            current = (current or 1.0) * 12
            i += 1
            used = i
            continue
        if w == "half" and not seen_number:
            # "half a million", or "half" alone
            if lowered[i + 1 : i + 3] and lowered[i + 1] == "a" and i + 2 < len(lowered) and lowered[i + 2] in SCALES:
                return 0.5 * SCALES[lowered[i + 2]], i + 3
            return 0.5, i + 1
        if w in FRACTIONS and seen_number and total == 0 and current and current < 20 and w != "half":
            # "two thirds", "three quarters"
            return current * FRACTIONS[w], i + 1
        break
    if not seen_number or used == 0:
        return None
    return total + current, used


def apply_scale(value: float, word: str) -> float | None:
    """``value`` times the scale word or abbreviation (million, bn, k), or None if it is not one."""
    w = word.lower()
    if w in SCALES:
        return value * SCALES[w]
    if w in SCALE_ABBREVIATIONS:
        return value * SCALE_ABBREVIATIONS[w]
    return None


def vague_plural(word: str) -> tuple[float, float] | None:
    """The bounds a vague plural stands for ("dozens" -> (12, 120)), or None."""
    return VAGUE_PLURALS.get(word.lower())


_ONES_NAMES = [k for k, _ in sorted(ONES.items(), key=lambda kv: kv[1])]
_TENS_NAMES = {v: k for k, v in TENS.items()}


def _spell_below_thousand(n: int) -> list[str]:
    words: list[str] = []
    if n >= 100:
        words += [_ONES_NAMES[n // 100], "hundred"]
        n %= 100
    if n >= 20:
        tens, ones = divmod(n, 10)
        words.append(_TENS_NAMES[tens * 10] + (f"-{_ONES_NAMES[ones]}" if ones else ""))
    elif n or not words:
        words.append(_ONES_NAMES[n])
    return words


def spell_number(n: int) -> str:
    """English words for a non-negative integer below 10**15 ("twenty-eight thousand six hundred forty-two")."""
    if n == 0:
        return "zero"
    words: list[str] = []
    for name, scale in (("trillion", 10**12), ("billion", 10**9), ("million", 10**6), ("thousand", 10**3)):
        if n >= scale:
            words += [*_spell_below_thousand(n // scale), name]
            n %= scale
    if n:
        words += _spell_below_thousand(n)
    return " ".join(words)
