"""Find quantities in a sentence: number, scale, unit, qualifier, range and change, from the text alone.

A cascade over a light tokenization of the sentence (no spaCy); the claims stage adds what needs the parse
(counted nouns, the measured thing, who asserts it). For each number core, left to right:

1. the core: digits ("1,307,000", ".001", "1/16"), number words ("twenty-eight thousand", "two-thirds",
   "a million", "half"), vague plurals ("dozens", "tens of millions"), multiplier verbs ("doubled");
2. what makes it no quantity: ordinals (22nd), decades (1990s), times of day (11:30, 2 p.m.), dates
   (month names beside it), bare years, identifiers (a word glued to it, "Section 427", "(4)"), scores (2-1);
3. a currency written before it ("US$", "£", "pounds 1,400"), a sign ("+0.2%"), scale words after it
   ("billion", "bn", "m");
4. the unit after it ("%", "per cent", "kg", "-year-old", "miles per hour", "$ a month");
5. a second number that makes a range ("10-20", "between 10 and 20", "from $160 to $180");
6. the qualifier before or after it (nearly, more than, up to, or more) and the change it states
   (rose 6.5%, a 19% drop, 7% more than the previous year).
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any

from onrecord.extract import numbers
from onrecord.extract.claim_units import UnitMatch, lexicon

LOGGER = logging.getLogger(__name__)

TOKEN_RE = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?|\.\d+)|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)?)|(?P<sym>\S)"
)
QUALIFIER_KINDS = ("approx_below", "approx", "at_least", "at_most", "exact")
PHRASAL_UP_DOWN = frozenset(
    {"gave", "give", "gives", "giving", "set", "sets", "picked", "pick", "made", "make", "shut", "broke", "break"}
)


@dataclass(frozen=True, slots=True)
class Tok:
    text: str
    start: int
    end: int
    kind: str  # num | word | sym

    @property
    def low(self) -> str:
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity found in the text; offsets are absolute (the sentence offset is added)."""

    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None = None
    unit_kind: str | None = None
    unit_text: str = ""
    qualifier: str = "exact"
    approx_below: bool = False
    change: str | None = None
    change_base: str | None = None
    range_values: tuple[float, float] | None = None
    core_start: int = 0  # the number itself, for finding its token in the parse
    core_end: int = 0
    year_like: bool = False
    is_one: bool = False  # the bare word "one" (or "a"): a count only in some contexts
    vague: bool = False
    multiplier: bool = False
    fraction: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)


@dataclass
class _Side:
    """One number of a quantity while it is being read."""

    first: int  # token index of the first token (currency prefix or sign included)
    last: int  # token index after the last token read
    value: float
    raw: float
    scaled: bool = False
    unit: UnitMatch | None = None
    prefix: UnitMatch | None = None
    core_start: int = 0
    core_end: int = 0
    low: float | None = None
    high: float | None = None
    vague: bool = False
    is_one: bool = False
    fraction: bool = False
    word_number: bool = False
    integer_text: bool = False


@cache
def _lexicon() -> dict[str, Any]:
    with resources.files("onrecord.extract").joinpath("data", "claim_lexicon.json").open(encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


def _words(text: str) -> list[str]:
    return [m.group(0).lower() for m in TOKEN_RE.finditer(text)]


@cache
def _qualifiers(kind: str) -> dict[tuple[str, ...], str]:
    out: dict[tuple[str, ...], str] = {}
    for qual, phrases in _lexicon()[kind].items():
        for p in phrases:
            out[tuple(_words(p))] = qual
    return out


@cache
def _set(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _lexicon()[name])


@cache
def _qualifier_words() -> frozenset[str]:
    words: set[str] = set()
    for kind in ("qualifiers_before", "qualifiers_after"):
        for phrases in _lexicon()[kind].values():
            for p in phrases:
                words.update(_words(p))
    return frozenset(words)


@cache
def _start_words() -> frozenset[str]:
    """Lower-case words that can begin a quantity: number words, vague plurals, currency words."""
    words = set(numbers.ONES) | set(numbers.TENS) | set(numbers.VAGUE_PLURALS)
    words |= {"a", "an", "half", "tens", "minus"}
    for f in lexicon().prefix_forms:
        first = _words(f.form)
        if first:
            words.add(first[0])
    return frozenset(words)


def _could_start(t: Tok) -> bool:
    if t.kind == "num":
        return True
    if t.kind == "sym":
        return t.text in "$£€¥₹₽₩₪₴₺₿+-−~" or t.low in _start_words()
    low = t.low
    return low in _start_words() or low.split("-", 1)[0] in _start_words()


def tokenize(text: str) -> list[Tok]:
    """Numbers, words and single symbols with their offsets."""
    return [Tok(m.group(0), m.start(), m.end(), m.lastgroup or "sym") for m in TOKEN_RE.finditer(text)]


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = tokenize(text)
        self.lex = lexicon()
        self.used: set[int] = set()

    # --- small helpers -------------------------------------------------------------------------
    def glued(self, i: int) -> bool:
        """Token i touches token i-1 (no space between)."""
        return i > 0 and self.toks[i - 1].end == self.toks[i].start

    def low(self, i: int) -> str:
        return self.toks[i].low if 0 <= i < len(self.toks) else ""

    def next_alpha_word(self, pos: int) -> str:
        m = re.match(r"\s*([^\W\d_]+)", self.text[pos:])
        return m.group(1).lower() if m else ""

    def tok_at(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        for i, t in enumerate(self.toks):
            if t.start >= pos:
                return i
        return len(self.toks)

    # --- 1. the core ---------------------------------------------------------------------------
    def core(self, i: int) -> _Side | None:
        toks = self.toks
        t = toks[i]
        if t.kind == "num":
            raw = numbers.parse_numeral(t.text)
            if raw is None:
                return None
            last = i + 1
            fraction = False
            # 1/16, 1⁄32
            if (
                last + 1 < len(toks) and toks[last].text in "/⁄" and self.glued(last) and self.glued(last + 1)
                and toks[last + 1].kind == "num"
            ):  # fmt: skip
                den = numbers.parse_numeral(toks[last + 1].text)
                followed = self.low(last + 2)
                usual = den in (2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100, 128) or followed == "of" or raw == 1
                if den and raw < den and "." not in t.text and usual and followed not in ("/", "⁄"):
                    raw, last, fraction = raw / den, last + 2, True
            side = _Side(i, last, raw, raw, core_start=t.start, core_end=toks[last - 1].end, fraction=fraction)
            side.integer_text = re.fullmatch(r"\d+", t.text) is not None and not fraction
            return side
        if t.kind != "word":
            return None
        low = t.low
        vague = numbers.vague_plural(low)
        if low == "tens" and self.low(i + 1) == "of" and numbers.vague_plural(self.low(i + 2)):
            lo, _ = numbers.vague_plural(self.low(i + 2)) or (0.0, 0.0)
            return _Side(i, i + 3, 10 * lo, 10 * lo, low=10 * lo, high=100 * lo, vague=True,
                         core_start=t.start, core_end=toks[i + 2].end)  # fmt: skip
        if vague:
            lo, hi = vague
            last = i + 1
            if (
                low == "hundreds"
                and self.low(i + 1) == "of"
                and self.low(i + 2) in ("thousands", "millions", "billions")
            ):
                inner = numbers.vague_plural(self.low(i + 2)) or (1.0, 10.0)
                lo, hi, last = 100 * inner[0], 1000 * inner[0], i + 3
            if self.low(last) not in ("of",) and low != "dozens" and not self.glued(i):
                # "thousands" alone: still a vague amount
                pass
            return _Side(i, last, lo, lo, low=lo, high=hi, vague=True, core_start=t.start, core_end=toks[last - 1].end)
        # number words, joining hyphenated parts ("twenty-eight", "two-thirds")
        words: list[str] = []
        spans: list[int] = []  # token index after each word
        j = i
        while j < len(toks) and len(words) < 40:
            tj = toks[j]
            if tj.kind != "word":
                break
            w = tj.text
            k = j + 1
            while (
                k + 1 < len(toks) and toks[k].text in "-‐–" and self.glued(k) and self.glued(k + 1)
                and toks[k + 1].kind == "word"
            ):  # fmt: skip
                w += "-" + toks[k + 1].text
                k += 2
            words.append(w)
            spans.append(k)
            j = k
        first = words[0].lower() if words else ""
        starts_number = (
            first.split("-")[0] in numbers.ONES or first.split("-")[0] in numbers.TENS
            or first in ("a", "an", "half")
        )  # fmt: skip
        if not starts_number:
            return None
        parsed = numbers.parse_number_words(words)
        if parsed is None:
            return None
        value, used = parsed
        last = spans[used - 1]
        used_words = [w.lower() for w in words[:used]]
        is_fraction = any(p in numbers.FRACTIONS for w in used_words for p in w.split("-"))
        if used_words[0] == "half" and self.low(last) == "-":
            return None  # half-year, half-time
        if used_words == ["half"] and self.low(last) != "of" and self.low(i - 1) not in _qualifier_words():
            return None  # "the second half", "scrum half": a period or a position, unless "half of"
        if (
            is_fraction
            and used_words[-1] in ("third", "fourth", "fifth", "quarter")
            and used_words[0] not in ("a", "an", "one")
        ):
            return None
        side = _Side(i, last, value, value, core_start=t.start, core_end=toks[last - 1].end, word_number=True)
        side.is_one = used_words == ["one"]
        side.fraction = is_fraction
        return side

    # --- 2. what is not a quantity -------------------------------------------------------------
    def not_quantity(self, side: _Side) -> str | None:
        toks, i, _last = self.toks, side.first, side.last
        core = self.tok_at(side.core_start)
        core_last = self.tok_at(side.core_end)
        nxt = toks[core_last] if core_last < len(toks) else None
        prev = toks[core - 1] if core > 0 else None
        measured = side.unit is not None or side.prefix is not None
        if toks[core].kind == "num":
            if nxt is not None and nxt.kind == "word" and self.glued(core_last) and nxt.low in _set("ordinal_suffixes"):
                return "ordinal"
            if nxt is not None and nxt.low == "s" and self.glued(core_last):
                return "decade"
            if (
                nxt is not None and nxt.text in "/⁄" and self.glued(core_last) and core_last + 1 < len(toks)
                and toks[core_last + 1].kind == "num" and self.glued(core_last + 1) and not measured
            ):  # fmt: skip
                return "date"  # 9/11, 24/7, 12/05/2024
            if (
                prev is not None
                and prev.text in "/⁄"
                and self.glued(core)
                and core > 1
                and toks[core - 2].kind == "num"
            ):
                return "date"
            if (
                nxt is not None
                and nxt.text in (":",)
                and core_last + 1 < len(toks)
                and toks[core_last + 1].kind == "num"
            ):
                return "clock"
            if prev is not None and prev.text == ":" and core > 1 and toks[core - 2].kind == "num" and self.glued(core):
                return "clock"
            after = self.text[side.core_end : side.core_end + 6].lower().lstrip()
            if re.match(r"(a\.?m\b|p\.?m\b|a\.m\.|p\.m\.|gmt|utc|edt|bst|cet|est\b)", after):
                return "clock"
            if i == core and prev is not None and prev.kind in ("word", "num") and self.glued(core):
                return "identifier"  # cac40, G70
            if (
                prev is not None and prev.text in ".-" and core > 1 and self.glued(core) and self.glued(core - 1)
                and toks[core - 2].kind in ("word", "num") and i == core
            ):  # fmt: skip
                return "identifier"  # ID.3, V-6, COVID-19, 3888-2
            if nxt is not None and nxt.kind == "word" and self.glued(core_last) and not measured and not side.scaled:
                return "identifier"  # 9AB8, 4x4
        if not measured:
            months = _set("months")
            beside_month = (prev is not None and prev.low.rstrip(".") in months) or (
                nxt is not None and nxt.low in months
            )
            if beside_month and (side.raw < 32 or side.raw > 1000):
                return "date"
            if prev is not None and prev.low in _set("weekdays"):
                return "date"
            if (
                prev is not None
                and prev.text in ("(", "#")
                and nxt is not None
                and nxt.text == ")"
                and side.integer_text
            ):
                return "identifier"
            if prev is not None and prev.low in _set("identifier_words") and (side.integer_text or side.word_number):
                return "identifier"  # Section 427, Row 21
            if (
                prev is not None and prev.kind == "word" and any(c.isupper() for c in prev.text)
                and (side.integer_text or (side.word_number and toks[core].text[:1].isupper()))
                and not side.scaled and prev.low not in _qualifier_words() and prev.low not in _set("function_words")
            ):  # fmt: skip
                return "identifier"  # FTSE 100, Model 3, Part 3
            if (
                prev is not None and prev.kind == "word" and any(c.isupper() for c in prev.text[1:])
                and side.integer_text and not side.scaled
            ):  # fmt: skip
                return "identifier"  # iPhone 12 at the start of a sentence
            if side.integer_text and self.street_follows(side.core_end):
                return "address"
        return None

    def street_follows(self, pos: int) -> bool:
        """ "575 Wilbraham Road", "9 E 71st St", "22 Ave Foch": a house number."""
        for word in self.text[pos : pos + 60].split()[:4]:
            bare = word.strip(",.;:()")
            if not bare or not (bare[0].isupper() or bare[0].isdigit()):
                return False
            if bare.lower() in _set("street_words") and bare[0].isupper():
                return True
        return False

    def currency_word(self, i: int) -> bool:
        m = self.lex.prefix_at(self.text, self.toks[i].start)
        return m is not None

    # --- 3./4. prefix, sign, scale, unit -------------------------------------------------------
    def read_side(self, i: int) -> _Side | None:
        """A number with its currency prefix, scale and unit, starting at token i (a prefix or the core)."""
        toks = self.toks
        prefix: UnitMatch | None = None
        sign = 1.0
        j = i
        m = self.lex.prefix_at(self.text, toks[i].start) if toks[i].kind != "num" else None
        if m is not None and (i == 0 or not self.glued(i) or toks[i - 1].kind == "sym"):
            prefix = m
            j = self.tok_at(m.end)
            if j < len(toks) and toks[j].text in "+-−" and self.glued(j + 1) if j + 1 < len(toks) else False:
                sign = -1.0 if toks[j].text in "-−" else 1.0
                j += 1
        elif toks[i].text in "+-−" and i + 1 < len(toks) and toks[i + 1].kind == "num" and self.glued(i + 1):
            if i == 0 or not self.glued(i) or toks[i - 1].text in "(":
                sign = -1.0 if toks[i].text in "-−" else 1.0
                j = i + 1
            else:
                return None
        elif toks[i].low == "minus" and i + 1 < len(toks) and toks[i + 1].kind == "num":
            sign, j = -1.0, i + 1
        if j >= len(toks):
            return None
        side = self.core(j)
        if side is None:
            return None
        side.first = i
        side.prefix = prefix
        side.value *= sign
        side.raw *= sign
        if sign < 0 and side.low is not None and side.high is not None:
            side.low, side.high = -side.high, -side.low
        self.read_ratio(side)
        self.read_scale(side)
        self.read_unit(side)
        return side

    def read_ratio(self, side: _Side) -> None:
        """ "one out of three", "1 in 10": a fraction."""
        k = side.last
        if side.vague or side.fraction or not float(side.raw).is_integer():
            return
        if self.low(k) == "out" and self.low(k + 1) == "of":
            j = k + 2
        elif self.low(k) == "in" and k + 1 < len(self.toks) and self.toks[k + 1].kind in ("num", "word"):
            j = k + 1
        else:
            return
        if j >= len(self.toks):
            return
        den = self.core(j)
        if den is None or den.vague or not (side.raw < den.raw < 1000) or den.fraction:
            return
        if self.lex.suffix_at(self.text, den.core_end) is not None:
            return
        side.value = side.raw = side.raw / den.raw
        side.last = den.last
        side.core_end = den.core_end
        side.fraction = True
        side.is_one = False
        side.integer_text = False

    def read_scale(self, side: _Side) -> None:
        toks = self.toks
        for _ in range(2):
            k = side.last
            if k >= len(toks) or toks[k].kind != "word" or side.vague:
                return
            w = toks[k].text
            glued = self.glued(k)
            low = w.lower()
            if low in numbers.SCALES and not side.word_number:
                if low == "hundred" and side.raw >= 100:
                    return
                side.value *= numbers.SCALES[low]
                side.last = k + 1
                side.scaled = True
                continue
            if low in ("bn", "bln", "mn", "mln", "tn", "trn", "tln") or (glued and low in ("m", "b", "k", "mil")):
                if low == "m" and w == "m" and side.prefix is None:
                    # "35m of", "12.3m tonnes": million; "the 100m final", "20m long": metres
                    # "400m runners", "1500m": metres; "4m" with money about: million
                    nxt = self.next_alpha_word(toks[k].end)
                    if nxt != "of" and not self.money_context(strict=True):
                        if not nxt or nxt in _set("metre_context"):
                            return
                        if side.integer_text and side.raw >= 100:
                            return
                if low in ("b", "k") and w.islower() and side.prefix is None:
                    return
                scaled = numbers.apply_scale(side.value, low)
                if scaled is None:
                    return
                side.value = scaled
                side.last = k + 1
                side.scaled = True
                continue
            return

    def read_unit(self, side: _Side) -> None:
        toks = self.toks
        end = toks[side.last - 1].end
        if side.prefix is not None:
            # "$76 US", "$31.20 US"
            mm = re.match(r"\s?US(?![^\W_])", self.text[end:])
            if mm and side.prefix.unit == "USD":
                side.last = self.tok_at(end + mm.end())
            unit = side.prefix
            per = self.lex.per_at(self.text, toks[side.last - 1].end)
            if per is not None:
                unit = replace(unit, unit=f"{unit.unit} per {per[0]}", end=per[1])
                side.last = self.tok_at(per[1])
            side.unit = unit
            return
        m = self.lex.suffix_at(self.text, end)
        if m is None:
            return
        if m.unit == "pound-mass" and self.money_context():
            m = replace(m, unit="GBP", kind="currency")
        per = self.lex.per_at(self.text, m.end)
        if per is not None and m.kind not in ("age",):
            m = replace(m, unit=f"{m.unit} per {per[0]}", end=per[1], text=self.text[m.start : per[1]])
        side.unit = m
        side.last = self.tok_at(m.end)

    def money_context(self, *, strict: bool = False) -> bool:
        """Whether the sentence speaks of money (for "pounds" and a glued "m")."""
        words = set(_words(self.text))
        money = _set("pound_money_context")
        if strict:
            return bool(words & money) and not words & _set("metre_context") - {"and", "or", "to", "at", "in", "by"}
        mass = _set("pound_mass_context")
        return len(words & money) > len(words & mass)

    # --- 5. ranges -----------------------------------------------------------------------------
    def read_range(self, a: _Side, between: bool, from_: bool) -> _Side | None:
        toks = self.toks
        k = a.last
        if k >= len(toks):
            return None
        conn = toks[k].low
        hyphen = conn in ("-", "–", "—") and (a.unit is None or a.unit.kind != "age")
        if hyphen and not (self.glued(k) == self.glued(k + 1) if k + 1 < len(toks) else False):
            hyphen = conn in ("–", "—")
        if conn == "to" and k + 1 < len(toks) and toks[k + 1].text == "-":
            k += 1  # "200,000 to-260,000"
        if conn == "up" and self.low(k + 1) == "to" and from_:
            k += 1  # "from 450 sq ft up to 900 sq ft"
            conn = "to"
        slash = conn == "/" and a.prefix is not None and self.glued(k) and self.glued(k + 1)
        ok = hyphen or slash or conn == "to" or (conn == "and" and between)
        if not ok or k + 1 >= len(toks):
            return None
        if a.fraction or self.low(a.first - 1) == "by":
            return None  # "fell by a third to $45 million": a change, then the level it reached
        b = self.read_side(k + 1)
        if b is None or b.vague or a.vague or b.fraction:
            return None
        score = hyphen and a.unit is None and b.unit is None and a.integer_text and b.integer_text
        if score and a.raw > b.raw and not from_:
            return _Side(-1, b.last, 0, 0)  # a score such as 2-1: no quantity
        au, bu = a.unit, b.unit
        if au is not None and bu is not None and au.unit != bu.unit:
            if not bu.unit.startswith(au.unit + " per "):
                return None
            a.unit = bu  # "$500,000 to $1 million a year": the rate applies to both ends
        if au is not None and bu is None and not (from_ or between or hyphen):
            return None
        if au is None and bu is None and conn == "to" and not (from_ or between) and not (b.scaled and not a.scaled):
            return None
        if a.prefix is None and au is not None and au.kind == "percent" and bu is None and not between and not from_:
            return None
        return b

    # --- 6. qualifiers and change ----------------------------------------------------------------
    def qualifier_before(self, i: int) -> tuple[str | None, int]:
        best: tuple[str | None, int] = (None, i)
        quals = _qualifiers("qualifiers_before")
        for n in range(4, 0, -1):
            if i - n < 0:
                continue
            key = tuple(t.low for t in self.toks[i - n : i])
            if key in quals:
                return quals[key], i - n
        return best

    def qualifier_after(self, k: int) -> tuple[str | None, int]:
        quals = _qualifiers("qualifiers_after")
        for n in range(3, 0, -1):
            key = tuple(t.low for t in self.toks[k : k + n])
            if len(key) == n and key in quals:
                if key == ("+",) and not self.glued(k):
                    continue
                return quals[key], k + n
        return None, k

    def change_of(self, first: int, last: int, side: _Side) -> tuple[str | None, str | None]:
        """The change a quantity states (up/down/more/less) and the base it is compared with."""
        toks = self.toks
        j = first - 1
        while j >= 0 and toks[j].low in ("by", "a", "an", "some", "about", "around", "nearly", "almost", "roughly",
                                           "more", "than", "over", "just", "only", "another", "further", "as", "much",
                                           "edged", "marginally", "slightly", "sharply", "to", "from"):  # fmt: skip
            if toks[j].low in ("to", "from", "at"):
                break
            j -= 1
        before = toks[j].low if j >= 0 else ""
        if j >= 0 and toks[j].low in ("to", "from", "at"):
            before = ""
        if before in ("up", "down") and self.low(j - 1) in PHRASAL_UP_DOWN:
            before = ""  # "gave up 517 yards": a phrasal verb, not a change
        if self.low(first - 1) == "by" and before not in _set("change_up") | _set("change_down"):
            # "cut its forecast by 0.3 points": the verb is a few words back
            for k in range(first - 2, max(first - 7, -1), -1):
                if toks[k].low in _set("change_up") | _set("change_down"):
                    before = toks[k].low
                    break
        base: str | None = None
        nxt = self.low(last)
        if nxt in _set("comparatives_up") | _set("comparatives_down") and self.low(last + 1) == "than":
            base = self._phrase_after(last + 2)
            return ("more" if nxt in _set("comparatives_up") else "less"), base
        if nxt in _set("change_nouns_up"):
            return "up", None
        if nxt in _set("change_nouns_down"):
            return "down", None
        if before in _set("change_up"):
            return "up", None
        if before in _set("change_down"):
            return "down", None
        return None, None

    def _phrase_after(self, k: int) -> str | None:
        words: list[str] = []
        stop = {"despite", "because", "while", "although", "as", "and", "but", "which", "after", "when"}
        while k < len(self.toks) and len(words) < 6:
            t = self.toks[k]
            if t.kind == "sym" or t.low in stop:
                break
            words.append(t.text)
            k += 1
        return " ".join(words) or None

    # --- the cascade ---------------------------------------------------------------------------
    def scan(self) -> list[Quantity]:
        out: list[Quantity] = []
        i = 0
        n = len(self.toks)
        while i < n:
            t = self.toks[i]
            if t.kind == "word" and t.low in _set("multipliers"):
                q = self.multiplier(i)
                if q is not None:
                    out.append(q)
                i += 1
                continue
            side = self.read_side(i) if _could_start(t) else None
            if side is None:
                i += 1
                continue
            reason = self.not_quantity(side)
            if reason is not None:
                i = side.last
                continue
            q, last = self.build(side)
            if q is not None:
                out.append(q)
            i = max(last, i + 1)
        return out

    def multiplier(self, i: int) -> Quantity | None:
        t = self.toks[i]
        factor = float(_lexicon()["multipliers"][t.low])
        change = "up" if factor > 1 else "down"
        return Quantity(
            t.start, t.end, t.text, factor, factor, factor, unit="times", unit_kind="ratio", unit_text=t.text,
            change=change, core_start=t.start, core_end=t.end, multiplier=True,
        )  # fmt: skip

    def build(self, a: _Side) -> tuple[Quantity | None, int]:
        toks = self.toks
        qual, qstart = self.qualifier_before(a.first)
        between = self.low(qstart - 1) == "between" or self.low(a.first - 1) == "between"
        from_ = self.low(a.first - 1) == "from" or (self.low(a.first - 1) == "to" and self.low(a.first - 2) == "up"
                                                     and self.low(a.first - 3) == "from")  # fmt: skip
        b = self.read_range(a, between, from_)
        if b is not None and b.first == -1:
            return None, b.last
        last = b.last if b is not None else a.last
        qual_after, last2 = self.qualifier_after(last)
        for skip in (1, 2):
            # "1000 people or more": past the counted noun
            if qual_after is None and all(self.low(k).isalpha() for k in range(last, last + skip)):
                got = self.qualifier_after(last + skip)
                if got[0] is not None and got[0] != "approx":
                    qual_after = got[0]
        if qual_after is not None:
            last = last2 if last2 > last else last
            qual = qual or qual_after
        if b is not None:
            if a.unit is None and b.unit is not None:
                a.unit = b.unit
            if b.scaled and not a.scaled and abs(a.raw) < abs(b.raw):
                a.value = a.raw * (b.value / b.raw if b.raw else 1.0)
                a.scaled = True
        unit = a.unit
        # a hyphenated duration ("five-year award", "half-year review") is a modifier, not a measure
        if unit is not None and unit.kind == "time" and self.text[a.core_end : a.core_end + 1] == "-" and b is None:
            return None, last
        year_like = (
            a.integer_text and unit is None and a.prefix is None and not a.scaled and b is None
            and 1000 <= a.raw <= 2199 and "," not in toks[a.first].text
        )  # fmt: skip
        if b is not None and a.integer_text and 1000 <= a.raw <= 2199 and unit is None:
            return None, last  # 2014-15, between 1600 and 1900: years
        start = toks[qstart].start if qual is not None else toks[a.first].start
        end = toks[last - 1].end
        change, base = self.change_of(qstart if qual else a.first, last, a)
        if toks[a.first].text == "+" or (a.raw < 0 and a.unit is not None and a.unit.kind == "percent"):
            change = change or ("up" if a.raw > 0 else "down")
        if qual == "at_least" and self.low(qstart) == "over" and unit is not None and unit.kind == "time":
            qual = None  # "over 10 years": a span of time, not a lower bound
        approx_below = qual == "approx_below"
        qualifier = (
            "approx" if qual in ("approx", "approx_below") else (qual if qual in ("at_least", "at_most") else "exact")
        )
        if b is not None:
            lo, hi = sorted((a.value, b.value))
            value: float | None = None
            rng: tuple[float, float] | None = (a.value, b.value)
        elif a.vague:
            lo, hi = a.low or a.value, a.high or a.value
            value, rng = None, (lo, hi)
            qualifier = "approx"
        else:
            value, rng = a.value, None
            lo, hi = _bounds(a.value, qualifier, approx_below)  # type: ignore[assignment]
        return (
            Quantity(
                start=start,
                end=end,
                text=self.text[start:end],
                value=value,
                low=lo,
                high=hi,
                unit=unit.unit if unit else None,
                unit_kind=unit.kind if unit else None,
                unit_text=unit.text.strip() if unit else "",
                qualifier=qualifier,
                approx_below=approx_below,
                change=change,
                change_base=base,
                range_values=rng,
                core_start=a.core_start,
                core_end=a.core_end,
                year_like=year_like,
                is_one=a.is_one and b is None,
                vague=a.vague,
                fraction=a.fraction,
            ),
            last,
        )


def _tidy(value: float | None) -> float | None:
    """Drop the binary noise of scaling (8.3 * 1e6 -> 8300000.0, not 8300000.000000001)."""
    return None if value is None else float(f"{value:.12g}")


def _tidy_pair(pair: tuple[float, float] | None) -> tuple[float, float] | None:
    return None if pair is None else (float(f"{pair[0]:.12g}"), float(f"{pair[1]:.12g}"))


def _bounds(value: float, qualifier: str, approx_below: bool) -> tuple[float | None, float | None]:
    """value_low/value_high for a qualified value: nearly v -> [0.9v, v]; about v -> [0.9v, 1.1v]."""
    if qualifier == "approx":
        lo, hi = (0.9 * value, value) if approx_below else (0.9 * value, 1.1 * value)
        return (min(lo, hi), max(lo, hi))
    if qualifier == "at_least":
        return value, None
    if qualifier == "at_most":
        return None, value
    return value, value


@cache
def _maybe_quantity() -> re.Pattern[str]:
    """A quick test for sentences that cannot hold a quantity (no digit, number word or currency sign)."""
    words = sorted(_start_words() | set(_lexicon()["multipliers"]) | {"dozen", "hundred", "thousand", "million"})
    alpha = [re.escape(w) for w in words if w.isalpha()]
    return re.compile(r"\d|[$£€¥₹₽₩₪₴₺₿½¼¾⅓⅔⅛]|\b(?:" + "|".join(alpha) + r")\b", re.IGNORECASE)


def scan(text: str, offset: int = 0) -> list[Quantity]:
    """The quantities in ``text`` (a sentence); offsets are shifted by ``offset``."""
    if not _maybe_quantity().search(text):
        return []
    found = [
        replace(
            q,
            value=_tidy(q.value),
            low=_tidy(q.low),
            high=_tidy(q.high),
            range_values=_tidy_pair(q.range_values),
        )
        for q in _Scanner(text).scan()
    ]
    if not offset:
        return found
    return [
        replace(
            q,
            start=q.start + offset,
            end=q.end + offset,
            core_start=q.core_start + offset,
            core_end=q.core_end + offset,
        )
        for q in found
    ]
