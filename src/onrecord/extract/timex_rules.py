"""The time grammar: find TIMEX3 expressions in plain text and normalize them against a document date.

Pure logic (regex + optional part-of-speech tags), no spaCy, so it is fast and testable. Steps, as in
HeidelTime and SUTime:

1. extract: every rule of :data:`RULES` proposes candidates (span, type, a resolver for the value);
2. filter: negative checks (numbers that are not years, "59-year-old", modal "may");
3. overlaps: the longest candidate wins, ties go to the earlier rule;
4. resolve in text order: each value is computed from the document creation time (DCT), the tense of
   its clause (from the tags when given) and the last date mentioned before it ("the previous year",
   "a year earlier", "the following month").
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from onrecord.extract import timex_calendar as cal
from onrecord.extract.timex_lexicon import alternation, lexicon, parse_number

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Tok:
    """What the grammar needs of a token: character span, fine-grained tag, lower-case text, sentence index."""

    start: int
    end: int
    tag: str
    lower: str
    sent: int


@dataclass(frozen=True, slots=True)
class TimexMatch:
    """A time expression found in text: span, TimeML type and value (None when unresolvable), mod."""

    start: int
    end: int
    text: str
    type: str
    value: str | None
    mod: str | None = None
    anchor: str = "none"  # explicit | dct | ref | none: what the value was computed from
    rule: str = ""


@dataclass(slots=True)
class Ctx:
    """What a resolver may use: the DCT, the clause's tense, the last date mentioned, the sentence's year."""

    dct: date | None
    tense: str | None = None
    ref: cal.Point | None = None
    sentence_year: int | None = None
    anchor: str = "none"


Resolver = Callable[[Ctx], str | None]


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    type: str
    resolve: Resolver
    mod: str | None = None
    rule: str = ""
    order: int = 0
    extra: dict[str, str] = field(default_factory=dict)


# --- macros -----------------------------------------------------------------------------------------

LEX = lexicon()
_FULL_MONTHS = [m for m in LEX.months if len(m) > 3 and m not in ("sept",)]
_ABBR_MONTHS = [m for m in LEX.months if len(m) <= 4 and m not in _FULL_MONTHS]
MONTH = rf"(?:{alternation(_FULL_MONTHS)}|{alternation(_ABBR_MONTHS)}\.)"
MONTH_D = rf"(?:{alternation(_FULL_MONTHS)}|{alternation(_ABBR_MONTHS)}\.?)"  # before a day number
WEEKDAY = alternation([w for w in LEX.weekdays if len(w) > 4])
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d%:])"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
YEAR_OK = r"(?<![\d$€£.,/-])" + YEAR + r"(?![\d%])"
_NUM_WORDS = [w for w in LEX.numbers if w not in ("a", "an")]
NUMW = alternation(_NUM_WORDS)
NUM = (
    rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|{NUMW}(?:[\s-]+{NUMW})*(?:\s+and\s+a\s+half)?|an?(?=[\s-]+[a-z])"
    rf"|{alternation(LEX.vague_numbers)})"
)
UNIT_WORDS = {"second", "minute", "hour", "day", "week", "weekend", "month", "quarter", "year", "decade"}
UNIT = (
    r"(?:seconds?|minutes?|hours?|(?:trading\s+|business\s+)?days?|weeks?|weekends?|months?|quarters?|years?"
    r"|decades?|centur(?:y|ies)|millenni(?:um|a))"
)
DAYPART = alternation(list(LEX.dayparts))
SEASON = alternation(list(LEX.seasons))
ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
REL = r"(?:this\s+past|this\s+coming|last|next|this|past|previous|coming|following|current)"
DUR_MOD = (
    r"(?:about|around|approximately|roughly|nearly|almost|more\s+than|less\s+than|fewer\s+than|at\s+least|"
    r"at\s+most|no\s+more\s+than|up\s+to|over|under|some|only|just)"
)
MOD_OF = {
    "about": "APPROX",
    "around": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "less than": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "under": "LESS_THAN",
    "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
}
EDGE = {
    "early": "START",
    "earlier": "START",
    "late": "END",
    "later": "END",
    "mid": "MID",
    "mid-": "MID",
    "the end of": "END",
    "the beginning of": "START",
    "the start of": "START",
    "the middle of": "MID",
    "the first half of": "START",
    "the second half of": "END",
    "the turn of": "START",
    "end of": "END",
}
EDGE_RE = (
    r"(?:the\s+(?:end|beginning|start|middle|turn|first\s+half|second\s+half|close)\s+of\s+|end\s+of\s+"
    r"|early\s+|late\s+|mid-?\s*|earlier\s+|later\s+)"
)


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().lower())


def _edge(s: str | None) -> str | None:
    if not s:
        return None
    key = _norm(s).rstrip()
    if key.startswith("the close of"):
        return "END"
    return EDGE.get(key) or EDGE.get(key.rstrip("-")) or ("MID" if key.startswith("mid") else None)


def _month(word: str) -> int:
    return LEX.months[word.lower().rstrip(".")]


def _unit(word: str) -> str:
    w = _norm(word).split()[-1]
    if w.startswith("centur"):
        return "C"
    if w.startswith("millenni"):
        return "L"
    w = w[:-1] if w.endswith("s") else w
    return LEX.units[w]


def _dur_value(n: float | None, unit: str) -> str:
    """An ISO 8601 duration ("P6M", "PT5H30M", "P2Y6M", "PXY"); fractions move to the smaller unit."""
    time_units = {"H", "TM", "S"}
    letter = {"TM": "M", "WE": "WE", "E": "E", "FN": "W"}.get(unit, unit)
    prefix = "PT" if unit in time_units else "P"
    if n is None:
        return f"{prefix}X{letter}"
    if unit == "FN":
        n, letter = n * 2, "W"
    if unit == "E" and n == int(n) and n > 1:
        return f"P{int(n * 10)}Y"
    if unit == "C" and n == int(n):
        return f"P{int(n * 100)}Y"
    whole = int(n)
    frac = n - whole
    if not frac:
        return f"{prefix}{whole}{letter}"
    smaller = {
        "Y": (12, "M", "P"),
        "M": (30, "D", "P"),
        "W": (7, "D", "P"),
        "D": (24, "H", "PT"),
        "H": (60, "M", "PT"),
        "TM": (60, "S", "PT"),
    }.get(unit)
    if smaller is None:
        return f"{prefix}{n:g}{letter}"
    factor, small, _ = smaller
    parts = round(frac * factor)
    if unit == "D":
        return f"P{whole}DT{parts}H" if whole else f"PT{parts}H"
    head = f"{whole}{letter}" if whole else ""
    return f"{prefix}{head}{parts}{small}"


# --- resolvers ---------------------------------------------------------------------------------------


def _const(value: str | None, anchor: str = "explicit") -> Resolver:
    def f(ctx: Ctx) -> str | None:
        ctx.anchor = anchor
        return value

    return f


def _dct_shift(unit: str, n: int, gran: str | None = None) -> Resolver:
    """The DCT moved by n units, at the unit's granularity (last year -> 2024, last week -> 2025-W03)."""

    def f(ctx: Ctx) -> str | None:
        if ctx.dct is None:
            return None
        ctx.anchor = "dct"
        d = cal.shift_date(ctx.dct, unit, n)
        return cal.at_granularity(d, gran or unit).value()

    return f


def _ref_shift(unit: str, n: int, keep: bool = True, fallback_dct: bool = True, gran: str | None = None) -> Resolver:
    """The last mentioned date moved by n units ("the previous year", "a year earlier"), else the DCT's."""

    def f(ctx: Ctx) -> str | None:
        ref = ctx.ref
        if ref is not None and keep:
            ctx.anchor = "ref"
            p = cal.shift_point(ref, unit, n)
            if gran == "Y":
                return f"{p.year:04d}"
            return p.value()
        if ref is not None:
            ctx.anchor = "ref"
            base = ref.day or date(ref.year, int(ref.part) if ref.gran == "M" else 1, 1)
            return cal.at_granularity(cal.shift_date(base, unit, n), gran or unit).value()
        if fallback_dct and ctx.dct is not None:
            ctx.anchor = "dct"
            return cal.at_granularity(cal.shift_date(ctx.dct, unit, n), gran or unit).value()
        return None

    return f


def _month_day(month: int, day: int | None, year: int | None) -> Resolver:
    def f(ctx: Ctx) -> str | None:
        y = year
        if y is None:
            if ctx.sentence_year is not None:
                y = ctx.sentence_year
                ctx.anchor = "ref"
            elif ctx.dct is not None:
                y = cal.resolve_month_year(ctx.dct, month, day, ctx.tense)
                ctx.anchor = "dct"
            else:
                return None
        else:
            ctx.anchor = "explicit"
        if day is None:
            return f"{y:04d}-{month:02d}"
        try:
            return date(y, month, day).isoformat()
        except ValueError:
            return None

    return f


def _weekday(wd: int, rel: str | None, suffix: str = "") -> Resolver:
    def f(ctx: Ctx) -> str | None:
        if ctx.dct is None:
            return None
        ctx.anchor = "dct"
        return cal.resolve_weekday(ctx.dct, wd, rel, ctx.tense).isoformat() + suffix

    return f


def _part_of_year(code: str, index: int, per_year: int, year: int | None, rel: str | None) -> Resolver:
    """A quarter (Q3), half (H1) or season (SU) of a given, relative or implied year."""

    def f(ctx: Ctx) -> str | None:
        if year is not None:
            ctx.anchor = "explicit"
            return f"{year:04d}-{code}"
        if ctx.dct is None:
            return None
        ctx.anchor = "dct"
        y = cal.resolve_part_year(ctx.dct, index, per_year, ctx.tense)
        current = (ctx.dct.month - 1) * per_year // 12 + 1
        if rel in ("last", "past", "previous"):
            y = ctx.dct.year - 1 if index >= current else ctx.dct.year
        elif rel in ("next", "coming"):
            y = ctx.dct.year + 1 if index <= current else ctx.dct.year
        elif rel in ("this", "current"):
            y = ctx.dct.year
        elif ctx.ref is not None and ctx.ref.gran in ("Y", "Q", "H") and ctx.sentence_year is not None:
            y = ctx.sentence_year
        return f"{y:04d}-{code}"

    return f


def _with_year(year_value: Resolver, fmt: Callable[[str], str]) -> Resolver:
    def f(ctx: Ctx) -> str | None:
        v = year_value(ctx)
        return fmt(v[:4]) if v else None

    return f


# --- rules -------------------------------------------------------------------------------------------

Handler = Callable[[re.Match[str]], Candidate | None]
RULES: list[tuple[str, re.Pattern[str], Handler]] = []


def rule(name: str, pattern: str) -> Callable[[Handler], Handler]:
    """Register a grammar rule: a regex (case-insensitive, word-bounded) and a handler making a Candidate."""
    rx = re.compile(r"(?<![\w'’-])" + pattern + r"(?!\w|['’](?!s\b)\w|-\w)", re.IGNORECASE)

    def deco(fn: Handler) -> Handler:
        RULES.append((name, rx, fn))
        return fn

    return deco


def cand(m: re.Match[str], typ: str, resolve: Resolver, mod: str | None = None, group: str | int = 0) -> Candidate:
    s, e = m.span(group)
    return Candidate(s, e, typ, resolve, mod)


def _cap(word: str) -> bool:
    return word[:1].isupper()


@rule("date_full", rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH_D})\s+(?P<day>{DAY}),?\s+(?P<year>{YEAR})(?!\d)")
def _date_full(m: re.Match[str]) -> Candidate | None:
    if not _cap(m["mon"]):
        return None
    return cand(m, "DATE", _month_day(_month(m["mon"]), int(re.sub(r"\D", "", m["day"])), int(m["year"])))


@rule("date_dmy", rf"(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<mon>{MONTH_D})(?:,?\s+(?P<year>{YEAR}))?")
def _date_dmy(m: re.Match[str]) -> Candidate | None:
    if not _cap(m["mon"]) or (m["mon"].lower() == "may" and not m["year"]):
        return None
    y = int(m["year"]) if m["year"] else None
    return cand(m, "DATE", _month_day(_month(m["mon"]), int(re.sub(r"\D", "", m["day"])), y))


@rule("date_md", rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH_D})\s+(?P<day>{DAY})(?!\s*,\s*\d)")
def _date_md(m: re.Match[str]) -> Candidate | None:
    if not _cap(m["mon"]):
        return None
    return cand(m, "DATE", _month_day(_month(m["mon"]), int(re.sub(r"\D", "", m["day"])), None))


@rule("month_year", rf"(?:(?P<edge>{EDGE_RE}))?(?P<mon>{MONTH})(?:\s+of)?,?\s+(?P<year>{YEAR})(?![\d%])")
def _month_year(m: re.Match[str]) -> Candidate | None:
    if not _cap(m["mon"]):
        return None
    return cand(m, "DATE", _month_day(_month(m["mon"]), None, int(m["year"])), _edge(m["edge"]))


@rule("month_rel_year", rf"(?P<mon>{MONTH})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year")
def _month_rel_year(m: re.Match[str]) -> Candidate | None:
    if not _cap(m["mon"]):
        return None
    n = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    mon = _month(m["mon"])

    def f(ctx: Ctx) -> str | None:
        if ctx.dct is None:
            return None
        ctx.anchor = "dct"
        return f"{ctx.dct.year + n:04d}-{mon:02d}"

    return cand(m, "DATE", f)


@rule(
    "month_rel",
    rf"(?P<pre>(?:{EDGE_RE})?(?:(?P<rel>this\s+past|last|next|this|past|previous|coming)\s+)?)(?P<mon>{MONTH})",
)
def _month_rel(m: re.Match[str]) -> Candidate | None:
    word = m["mon"]
    if not _cap(word):
        return None
    rel = _norm(m["rel"]) if m["rel"] else None
    edge = m["pre"].strip() if m["pre"] else ""
    edge_mod = _edge(edge[: edge.lower().find(rel)] if rel else edge) if edge else None
    if word.lower() in ("may", "march") and not m["pre"]:
        before = m.string[max(0, m.start() - 12) : m.start()].lower()
        if not re.search(
            r"\b(in|since|until|till|by|of|from|through|during|before|after|late|early|mid-?)\s*$", before
        ):
            return None
        if word.lower() == "march" and re.match(r"\s+(on|to|against|through)\b", m.string[m.end() :]):
            return None
    mon = _month(word)

    def f(ctx: Ctx) -> str | None:
        if ctx.dct is None:
            return None
        ctx.anchor = "dct"
        if rel in ("last", "past", "previous", "this past"):
            y = ctx.dct.year if mon < ctx.dct.month else ctx.dct.year - 1
        elif rel in ("next", "coming"):
            y = ctx.dct.year if mon > ctx.dct.month else ctx.dct.year + 1
        elif rel == "this":
            y = ctx.dct.year
        elif ctx.sentence_year is not None:
            y = ctx.sentence_year
            ctx.anchor = "ref"
        else:
            y = cal.resolve_month_year(ctx.dct, mon, None, ctx.tense)
        return f"{y:04d}-{mon:02d}"

    return cand(m, "DATE", f, edge_mod)


@rule(
    "year",
    rf"(?P<pre>(?:{EDGE_RE})|(?:fiscal|calendar|the\s+year|the\s+fiscal\s+year|model|mid-)\s*)?(?P<year>{YEAR})(?P<tail>(?:'s)?\s+(?:(?P<ord>{ORD})[\s-]+(?P<part>quarter|half)|period|quarter))?",
)
def _year(m: re.Match[str]) -> Candidate | None:
    s = m.string
    before = s[max(0, m.start() - 3) : m.start()]
    if re.search(r"[$€£#]\s*$|\d[.,]?\s*$", before):
        return None
    after = s[m.end() : m.end() + 16].lower()
    count_like = re.match(r"\s*(%|percent|per\s+cent|-\w|\s*[a-z]+s\b(?<!years)(?<!times))", after)
    # "1,500 soldiers", "2000 people": a count, not a year
    if (
        count_like
        and not m["tail"]
        and not m["pre"]
        and not re.match(
            r"\s+(and|or|to|through|when|after|before|as|was|were|is|saw|has|had|levels?|elections?|census|budget|season|games|olympics|figures|results|rates)\b",
            after,
        )
    ):
        return None
    before_word = s[max(0, m.start() - 20) : m.start()].lower()
    if not m["pre"] and re.search(
        r"\b(about|around|nearly|almost|roughly|approximately|than|some|up\s+to)\s+$", before_word
    ):
        return None  # "about 2000 people": a quantity
    if (
        re.search(
            r"\b(resolution|number|no\.|room|flight|route|highway|page|article|section|rule|chapter|model)\s*$",
            before_word,
        )
        and not m["pre"]
    ):
        return None
    year = int(m["year"])
    if m["part"]:
        idx = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}[
            m["ord"].lower()
        ]
        code = f"Q{idx}" if m["part"].lower() == "quarter" else f"H{min(idx, 2)}"
        return cand(m, "DATE", _const(f"{year:04d}-{code}"))
    if m["tail"] and ("period" in m["tail"].lower() or "quarter" in m["tail"].lower()):

        def period(ctx: Ctx) -> str | None:
            ctx.anchor = "explicit"
            if ctx.ref is not None and ctx.ref.gran in ("Q", "H"):
                return cal.Point(ctx.ref.gran, year, ctx.ref.part).value()
            if "quarter" in m.group(0).lower() and ctx.dct is not None:
                return f"{year:04d}-Q{(ctx.dct.month - 1) // 3 or 4}"
            return f"{year:04d}"

        return cand(m, "DATE", period)
    pre = (m["pre"] or "").strip()
    mod = _edge(pre) if pre and not re.match(r"(fiscal|calendar|the|model)", pre, re.I) else None
    if pre.lower() == "mid-":
        mod = "MID"
    return cand(m, "DATE", _const(f"{year:04d}"), mod)


_TENS_W = "(?:ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ONES_W = "(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS_W = "(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"


@rule(
    "spoken_year",
    rf"(?P<pre>the\s+year\s+)?(?:(?P<c>nineteen|eighteen)[\s-](?:hundred\s+(?:and\s+)?)?(?P<y>{_TENS_W}(?:[\s-]{_ONES_W})?|{_TEENS_W}|{_ONES_W})"
    rf"|(?P<k>two\s+thousand)(?:\s+(?:and\s+)?(?P<k2>{_TEENS_W}|{_ONES_W}))?)",
)
def _spoken_year(m: re.Match[str]) -> Candidate | None:
    if m["k"]:
        before = m.string[max(0, m.start() - 6) : m.start()].lower()
        if not (m["pre"] or re.search(r"\b(in|of|since|until|by)\s+$", before)):
            return None
        year = 2000 + int(parse_number(m["k2"]) or 0) if m["k2"] else 2000
    else:
        rest = parse_number(m["y"].replace("-", " "))
        if rest is None:
            return None
        year = (1900 if m["c"].lower() == "nineteen" else 1800) + int(rest)
    return cand(m, "DATE", _const(f"{year:04d}"))


@rule("year_range", rf"(?P<a>{YEAR})\s*[-–]\s*(?P<b>\d\d)(?!\d)")
def _year_range(m: re.Match[str]) -> Candidate | None:
    # "1990-91": a season or fiscal span; TimeML marks it a DURATION-less date of the first year
    return None


@rule("decade", rf"(?:the\s+)?(?P<edge>{EDGE_RE})?(?:(?P<cent>1[6-9]|20)?(?P<d>\d)0s|'(?P<d2>\d)0s)")
def _decade(m: re.Match[str]) -> Candidate | None:
    if m["d2"]:
        value = f"19{m['d2']}"
    elif m["cent"]:
        value = f"{m['cent']}{m['d']}"
    else:
        return None
    return cand(m, "DATE", _const(value), _edge(m["edge"]))


@rule("century", r"(?:the\s+)?(?P<edge>(?:early|late|mid-?)\s*)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century")
def _century(m: re.Match[str]) -> Candidate | None:
    n = int(m["n"])
    return cand(m, "DATE", _const(f"{n - 1:02d}"), _edge(m["edge"]))


@rule(
    "quarter",
    rf"(?:the\s+)?(?:(?P<rel>{REL})\s+)?(?:(?:fiscal|calendar)\s+)?(?:(?P<year>{YEAR})\s+)?(?P<ord>{ORD}|final|last)[\s-]+(?:fiscal\s+)?(?:(?P<q>quarter)|(?P<h>half))(?:\s+of\s+(?:(?:fiscal|the)\s+)?(?P<year2>{YEAR}|the\s+year|this\s+year|last\s+year|next\s+year))?",
)
def _quarter(m: re.Match[str]) -> Candidate | None:
    o = m["ord"].lower()
    per = 4 if m["q"] else 2
    idx = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get(o, per)
    if idx > per:
        return None
    code = f"Q{idx}" if m["q"] else f"H{idx}"
    y2 = m["year2"].lower() if m["year2"] else None
    year = int(m["year"]) if m["year"] else (int(y2) if y2 and y2.isdigit() else None)
    rel = _norm(m["rel"]) if m["rel"] else None
    if y2 and not y2.isdigit():
        rel = {"this year": "this", "last year": "lastyear", "next year": "nextyear", "the year": None}[_norm(y2)]
    if rel in ("lastyear", "nextyear"):
        shift = -1 if rel == "lastyear" else 1

        def f(ctx: Ctx) -> str | None:
            if ctx.dct is None:
                return None
            ctx.anchor = "dct"
            return f"{ctx.dct.year + shift:04d}-{code}"

        return cand(m, "DATE", f)
    return cand(m, "DATE", _part_of_year(code, idx, per, year, rel))


@rule(
    "quarter_of_rel_year",
    rf"(?P<rel>this|last|next)\s+year's\s+(?:(?P<ord>{ORD}|final|last)[\s-]+)?(?:fiscal\s+)?(?:(?P<q>quarter)|(?P<h>half)|(?P<p>period))",
)
def _quarter_of_rel_year(m: re.Match[str]) -> Candidate | None:
    shift = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    per = 4 if m["q"] or m["p"] else 2
    o = (m["ord"] or "").lower()
    idx = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}.get(
        o, per if o else 0
    )

    def f(ctx: Ctx) -> str | None:
        if ctx.dct is None:
            return None
        ctx.anchor = "dct"
        y = ctx.dct.year + shift
        if idx:
            return f"{y:04d}-{'Q' if per == 4 else 'H'}{idx}"
        if ctx.ref is not None and ctx.ref.gran in ("Q", "H"):
            return f"{y:04d}-{ctx.ref.gran}{ctx.ref.part}"
        return f"{y:04d}"

    return cand(m, "DATE", f)


@rule(
    "quarter_year_ago",
    rf"(?:the\s+)?(?:comparable\s+|corresponding\s+|same\s+)?year[\s-](?:ago|earlier)\s+(?P<ord>{ORD})[\s-]+(?:fiscal\s+)?(?:(?P<q>quarter)|(?P<h>half))",
)
def _quarter_year_ago(m: re.Match[str]) -> Candidate | None:
    per = 4 if m["q"] else 2
    idx = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}[m["ord"].lower()]
    code = f"Q{idx}" if per == 4 else f"H{min(idx, 2)}"
    inner = _part_of_year(code, idx, per, None, None)

    def f(ctx: Ctx) -> str | None:
        v = inner(ctx)
        return f"{int(v[:4]) - 1:04d}{v[4:]}" if v else None

    return cand(m, "DATE", f)


@rule(
    "quarter_rel",
    r"(?:the\s+)?(?P<rel>latest|last|past|previous|current|this|next|coming|most\s+recent|same|comparable|prior)?\s*(?P<ya>year[\s-](?:ago|earlier)\s+)?(?P<u>quarter|half|period)(?P<tail>\s+a\s+year\s+(?:ago|earlier))?",
)
def _quarter_rel(m: re.Match[str]) -> Candidate | None:
    rel = _norm(m["rel"]) if m["rel"] else None
    u = m["u"].lower()
    text = _norm(m.group(0))
    if not text.startswith("the") and not rel and not m["ya"]:
        return None
    if u == "period" and not m["ya"] and not m["tail"] and rel not in ("same", "comparable"):
        return None
    if u == "half" and not (rel or m["ya"]):
        return None
    back = 1 if (m["ya"] or m["tail"]) else 0

    def f(ctx: Ctx) -> str | None:
        ref = ctx.ref
        if rel in ("latest", "last", "past", "previous", "most recent", "current", "this", "next", "coming", "prior"):
            ref = None
        if ref is not None and ref.gran in ("Q", "H", "M", "D") and u != "period":
            ctx.anchor = "ref"
            p = ref if ref.gran in ("Q", "H") else cal.Point("Q", ref.year, (int(ref.part) - 1) // 3 + 1)
        elif ref is not None and ref.gran in ("Q", "H", "M"):
            ctx.anchor = "ref"
            p = ref
        elif ctx.dct is not None:
            ctx.anchor = "dct"
            idx = (ctx.dct.month - 1) // 3 + 1
            shift = 0 if rel in ("current", "this") else (1 if rel == "next" else -1)
            q = ctx.dct.year * 4 + idx - 1 + shift
            p = cal.Point("Q", q // 4, q % 4 + 1)
        else:
            return None
        if back:
            p = cal.shift_point(p, "Y", -1)
        return p.value()

    if u == "half" and not back:
        return None
    return cand(m, "DATE", f)


@rule(
    "season",
    rf"(?:the\s+)?(?P<edge>{EDGE_RE})?(?:(?P<rel>{REL})\s+)?(?P<s>{SEASON})(?:\s+(?:of\s+)?(?P<year>{YEAR}))?(?!\s+(?:in|of|from|on|to)\s+(?!{YEAR}))",
)
def _season(m: re.Match[str]) -> Candidate | None:
    s = m["s"].lower()
    code = LEX.seasons[s]
    text = _norm(m.group(0))
    if s == "fall" and not (m["rel"] or m["year"] or text.startswith("the") or m["edge"]):
        return None
    if not (m["rel"] or m["year"] or m["edge"] or text.startswith("the")):
        before = m.string[max(0, m.start() - 10) : m.start()].lower()
        if not re.search(r"\b(in|this|during|by|until|since)\s+$", before):
            return None
    idx = {"SP": 1, "SU": 2, "FA": 3, "WI": 4}[code]
    year = int(m["year"]) if m["year"] else None
    rel = _norm(m["rel"]) if m["rel"] else None
    return cand(m, "DATE", _part_of_year(code, idx, 4, year, rel), _edge(m["edge"]))


@rule(
    "weekday",
    rf"(?P<pre>(?:(?:early|late|earlier|later)\s+)?(?:(?P<rel>this\s+past|this\s+coming|last|next|this|past|previous|coming)\s+)?)(?P<wd>{WEEKDAY})(?P<plural>s)?(?:(?:'s)?\s+(?P<dp>{DAYPART}))?(?:,?\s+(?:(?P<mon>{MONTH_D})\s+(?P<day>{DAY})))?",
)
def _weekday_rule(m: re.Match[str]) -> Candidate | None:
    if not _cap(m["wd"]):
        return None
    wd = LEX.weekdays[m["wd"].lower()]
    if m["plural"]:
        return cand(m, "SET", _const(f"XXXX-WXX-{wd}"))
    rel = _norm(m["rel"]).replace("this past", "past").replace("this coming", "coming") if m["rel"] else None
    suffix = f"T{LEX.dayparts[_norm(m['dp'])]}" if m["dp"] else ""
    typ = "TIME" if suffix else "DATE"
    edge = None
    if m["pre"] and not rel:
        edge = _edge(m["pre"].split()[0])
    return cand(m, typ, _weekday(wd, rel, suffix), edge)


@rule(
    "day_word",
    rf"(?P<edge>(?:early|late|earlier|later)\s+)?(?P<w>today|yesterday|tomorrow|tonight|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)(?:(?:'s)?\s+(?P<dp>{DAYPART}))?",
)
def _day_word(m: re.Match[str]) -> Candidate | None:
    w = _norm(m["w"])
    shift = {
        "today": 0,
        "tonight": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }[w]
    dp = LEX.dayparts[_norm(m["dp"])] if m["dp"] else ("NI" if w == "tonight" else "")

    def f(ctx: Ctx) -> str | None:
        if ctx.dct is None:
            return None
        ctx.anchor = "dct"
        v = cal.shift_date(ctx.dct, "D", shift).isoformat()
        return v + (f"T{dp}" if dp else "")

    return cand(m, "TIME" if dp else "DATE", f, _edge(m["edge"]))


@rule(
    "daypart_rel",
    rf"(?P<edge>(?:early|late|earlier|later)\s+)?(?P<rel>this|last|tomorrow|yesterday)\s+(?P<dp>{DAYPART})",
)
def _daypart_rel(m: re.Match[str]) -> Candidate | None:
    rel = m["rel"].lower()
    dp = LEX.dayparts[_norm(m["dp"])]
    shift = {"this": 0, "last": -1, "tomorrow": 1, "yesterday": -1}[rel]
    if rel == "last" and dp != "NI":
        return None

    def f(ctx: Ctx) -> str | None:
        if ctx.dct is None:
            return None
        ctx.anchor = "dct"
        return cal.shift_date(ctx.dct, "D", shift).isoformat() + f"T{dp}"

    return cand(m, "TIME", f, _edge(m["edge"]))


@rule(
    "unit_rel",
    rf"(?P<edge>{EDGE_RE})?(?P<rel>this\s+past|the\s+past|the\s+last|the\s+current|the\s+coming|the\s+next|the\s+previous|the\s+following|last|next|this|past|previous|coming|current|that|the\s+same|the\s+prior)\s+(?P<u>week|weekend|month|year|decade|century|day|fiscal\s+year)",
)
def _unit_rel(m: re.Match[str]) -> Candidate | None:
    rel = _norm(m["rel"])
    u = _norm(m["u"]).replace("fiscal ", "")
    unit = _unit(u)
    mod = _edge(m["edge"])
    if rel in ("the past", "the last", "this past", "past") and u != "weekend":
        if rel in ("past", "the last") and u == "day":
            return None
        return cand(m, "DURATION", _const(_dur_value(1, unit)), mod)
    if rel == "the next" and u in ("week", "month", "year", "decade", "century"):
        return cand(m, "DURATION", _const(_dur_value(1, unit)), mod)
    if rel in ("that", "the same"):
        if u == "weekend":
            return None

        def same(ctx: Ctx) -> str | None:
            if ctx.ref is None:
                return None
            ctx.anchor = "ref"
            p = ctx.ref
            if unit == "Y":
                return f"{p.year:04d}"
            if unit == "M" and p.gran in ("M", "D"):
                return f"{p.year:04d}-{int(p.part):02d}"
            if unit == "D" and p.gran == "D":
                return p.value()
            if unit == "W" and p.day is not None:
                return cal.week_point(p.day).value()
            return None

        return cand(m, "DATE", same, mod)
    if rel in ("the previous", "the following", "the prior"):
        n = 1 if rel == "the following" else -1
        return cand(m, "DATE", _ref_shift(unit, n, keep=False, gran=unit), mod)
    n = {
        "last": -1,
        "next": 1,
        "this": 0,
        "current": 0,
        "the current": 0,
        "coming": 1,
        "the coming": 1,
        "previous": -1,
        "the next": 1,
    }.get(rel, 0)
    if unit == "WE":

        def weekend(ctx: Ctx) -> str | None:
            if ctx.dct is None:
                return None
            ctx.anchor = "dct"
            d = cal.shift_date(ctx.dct, "W", n)
            return cal.week_point(d).value() + "-WE"

        return cand(m, "DATE", weekend, mod)
    if unit == "E":

        def decade(ctx: Ctx) -> str | None:
            if ctx.dct is None:
                return None
            ctx.anchor = "dct"
            return f"{(ctx.dct.year // 10 + n) * 10 // 10:03d}"

        return cand(m, "DATE", decade, mod)
    if unit == "C":
        return cand(m, "DATE", lambda ctx: f"{(ctx.dct.year // 100 + n):02d}" if ctx.dct else None, mod)
    return cand(m, "DATE", _dct_shift(unit, n), mod)


@rule(
    "the_year",
    rf"(?P<edge>{EDGE_RE})(?P<u>the\s+(?:year|month|week|decade|century|quarter))|(?P<u2>year[\s-]end|year's\s+end|(?:the\s+)?(?:end|start|beginning)\s+of\s+the\s+year)",
)
def _the_year(m: re.Match[str]) -> Candidate | None:
    if m["u2"]:
        return cand(m, "DATE", _edge_of_year("end" in m["u2"].lower()), "END" if "end" in m["u2"].lower() else "START")
    mod = _edge(m["edge"])
    unit = _unit(m["u"].split()[-1])
    if unit == "E":
        return cand(m, "DATE", lambda ctx: f"{ctx.dct.year // 10:03d}" if ctx.dct else None, mod)
    if unit == "C":
        return cand(m, "DATE", lambda ctx: f"{ctx.dct.year // 100:02d}" if ctx.dct else None, mod)
    if unit == "Q":
        return None
    if unit == "Y" and mod in ("START", "END"):
        return cand(m, "DATE", _edge_of_year(mod == "END"), mod)
    return cand(m, "DATE", _dct_shift(unit, 0), mod)


def _edge_of_year(end: bool) -> Resolver:
    """ "The end of the year" told in the past early in a year is last year's end (and the start, next year's)."""

    def f(ctx: Ctx) -> str | None:
        if ctx.dct is None:
            return None
        ctx.anchor = "dct"
        y = ctx.dct.year
        if end and ctx.tense == "PAST" and ctx.dct.month <= 2:
            y -= 1
        elif not end and ctx.tense == "FUTURE" and ctx.dct.month >= 11:
            y += 1
        return f"{y:04d}"

    return f


@rule(
    "in_the_year",
    r"(?P<t>the\s+(?:full\s+|whole\s+|entire\s+)?(?:fiscal\s+)?year)(?!\s*[-–]?\s*(?:ago|earlier|before|after|later|old|long|end\b))",
)
def _in_the_year(m: re.Match[str]) -> Candidate | None:
    if re.match(r"\s+(?:ended|ending|that\s+ended|through)\b", m.string[m.end() : m.end() + 20], re.I):
        return cand(m, "DURATION", _const("P1Y"), group="t")  # "for the year ended June 30": a span of a year
    before = m.string[max(0, m.start() - 14) : m.start()].lower()
    if re.search(r"\b(of|for|in|during|throughout)\s+$", before) or "full" in m.group(0).lower():
        return cand(m, "DATE", _dct_shift("Y", 0), group="t")
    return None


@rule(
    "ago",
    rf"(?P<mod>{DUR_MOD}\s+)?(?P<n>{NUM})[\s-]+(?P<u>{UNIT})(?P<half>\s+and\s+a\s+half)?\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence|back)(?P<tail>\s+(?:today|yesterday))?",
)
def _ago(m: re.Match[str]) -> Candidate | None:
    raw_n = m["n"]
    n = parse_number(raw_n)
    unit = _unit(m["u"])
    if unit in ("Q", "WE"):
        return None
    if n is not None and m["half"]:
        n += 0.5
    d = _norm(m["dir"])
    sign = -1 if d in ("ago", "earlier", "before", "back") else 1
    mod = MOD_OF.get(_norm(m["mod"] or ""))
    if d in ("before", "after"):
        # "a day after his inauguration": the duration only; the anchor event is not a time expression
        return Candidate(
            m.start(), m.end("u") if not m["half"] else m.end("half"), "DURATION", _const(_dur_value(n, unit)), mod
        )
    if n is None:
        return cand(m, "DATE", _const("PAST_REF" if sign < 0 else "FUTURE_REF", "none"), mod)
    if unit in ("H", "TM", "S"):
        return cand(
            m,
            "DURATION" if d in ("earlier", "later") else "TIME",
            _const(_dur_value(n, unit)) if d in ("earlier", "later") else _dct_time(unit, sign * n),
            mod,
        )
    gran = unit if unit not in ("E", "C") else "Y"
    if unit == "M" and n != int(n):
        gran = "M"
    step_unit, step = unit, sign * n
    if d in ("earlier", "later"):
        return cand(m, "DATE", _ref_or_dct(step_unit, step, gran), mod)
    if unit == "Y" and n == 1:
        return cand(m, "DATE", _ref_part_or_dct(step_unit, step, gran), mod)
    return cand(m, "DATE", _dct_frac(step_unit, step, gran), mod)


def _ref_part_or_dct(unit: str, n: float, gran: str) -> Resolver:
    """ "A year ago" in reports of quarters: the quarter (half) under discussion a year back, else the DCT's year."""

    def f(ctx: Ctx) -> str | None:
        if ctx.ref is not None and ctx.ref.gran in ("Q", "H"):
            ctx.anchor = "ref"
            return cal.shift_point(ctx.ref, unit, int(n)).value()
        return _dct_frac(unit, n, gran)(ctx)

    return f


def _dct_frac(unit: str, n: float, gran: str) -> Resolver:
    def f(ctx: Ctx) -> str | None:
        if ctx.dct is None:
            return None
        ctx.anchor = "dct"
        return cal.at_granularity(cal.shift_date(ctx.dct, unit, n), gran).value()

    return f


def _dct_time(unit: str, n: float) -> Resolver:
    def f(ctx: Ctx) -> str | None:
        return None

    return f


def _ref_or_dct(unit: str, n: float, gran: str) -> Resolver:
    """ "A year earlier": the last mentioned date moved back, keeping its granularity; else the DCT's."""

    def f(ctx: Ctx) -> str | None:
        ref = ctx.ref
        if ref is not None and n == int(n) and (ref.gran in ("Q", "H", "M", "D", "W") or unit == "Y"):
            ctx.anchor = "ref"
            return cal.shift_point(ref, unit, int(n)).value()
        if ctx.dct is None:
            return None
        ctx.anchor = "dct"
        return cal.at_granularity(cal.shift_date(ctx.dct, unit, n), gran).value()

    return f


@rule(
    "year_ago_adj",
    r"(?:the\s+)?(?:comparable\s+|corresponding\s+|same\s+)?year[\s-](?:ago|earlier)(?=\s+(?:level|levels|results?|figures?|profits?|earnings|sales|net|loss|revenue|income|quarter|period|month|week|time)\b|\s*[,.;)])",
)
def _year_ago_adj(m: re.Match[str]) -> Candidate | None:
    return cand(m, "DATE", _ref_part_or_dct("Y", -1, "Y"))


@rule(
    "duration",
    rf"(?P<mod>{DUR_MOD}\s+)?(?P<pre>(?:the|a|an|each\s+of\s+the)\s+)?(?P<rel>(?:first|last|past|next|previous|coming|following|latest|final|additional|further|remaining|recent|same)\s+)?(?P<n>{NUM})(?P<sep>[\s-]+)(?:(?:more|additional|full|straight|consecutive|long|short)\s+)?(?P<u>{UNIT})(?P<half>\s+and\s+a\s+half)?(?P<orso>\s+or\s+so)?(?P<adj>-(?:long|old))?",
)
def _duration(m: re.Match[str]) -> Candidate | None:
    if m["adj"] and m["adj"].lower() == "-old":
        return None
    after = m.string[m.end() : m.end() + 6]
    if re.match(r"-old|\s+old\b", after):
        return None
    raw_n = _norm(m["n"])
    unit = _unit(m["u"])
    plural = m["u"].lower().endswith("s") or m["u"].lower().startswith("centuries")
    if unit == "Q" and raw_n in ("a", "an") and not m["rel"]:
        return None  # "a quarter of the votes"
    if raw_n in ("a", "an") and plural:
        return None
    if raw_n in ("some", "many", "only", "just") and not plural:
        return None
    if unit == "WE":
        return None
    n = parse_number(raw_n)
    if n is not None and m["half"]:
        n += 0.5
    if n is not None and n > 10000:
        return None
    mod = MOD_OF.get(_norm(m["mod"] or "")) or ("APPROX" if m["orso"] else None)
    start = m.start() if m["mod"] else m.start("pre") if m["pre"] else m.start("rel") if m["rel"] else m.start("n")
    if m["pre"] and _norm(m["pre"]) in ("a", "an") and not m["mod"]:
        start = m.start("pre")
    if unit == "Q":
        value = f"P{int(n * 3)}M" if n is not None and n == int(n) and m["rel"] else _dur_value(n, "Q")
    else:
        value = _dur_value(n, unit)
    return Candidate(start, m.end(), "DURATION", _const(value), mod)


@rule("half_unit", r"(?P<t>(?:a\s+)?half[\s-](?:an?\s+)?(?P<u>year|month|hour|day|century|decade|minute))")
def _half_unit(m: re.Match[str]) -> Candidate | None:
    return cand(m, "DURATION", _const(_dur_value(0.5, _unit(m["u"]))), group="t")


@rule(
    "vague_plural",
    r"(?:(?P<pre>recent|coming|past|the\s+past|the\s+coming|the\s+next|in\s+the\s+coming|the\s+last|the\s+first|the\s+early|the\s+final|for|over\s+the)\s+)(?P<u>years|months|weeks|days|decades|hours|minutes|centuries|quarters)",
)
def _vague_plural(m: re.Match[str]) -> Candidate | None:
    pre = _norm(m["pre"])
    unit = _unit(m["u"])
    if pre in ("recent", "past"):
        return Candidate(m.start(), m.end(), "DATE", _const("PAST_REF", "none"))
    start = m.start("u") if pre in ("for", "in the coming", "over the") else m.start()
    return Candidate(start, m.end(), "DURATION", _const(_dur_value(None, unit)))


@rule("set", r"(?P<w>hourly|daily|nightly|weekly|biweekly|monthly|annually|yearly|semiannually)")
def _set(m: re.Match[str]) -> Candidate | None:
    return cand(m, "SET", _const(LEX.sets[m["w"].lower()]))


@rule(
    "set_every",
    rf"(?:every|each|per|a)\s+(?:other\s+)?(?P<u>day|week|month|year|quarter|hour|minute|night|morning|evening|(?P<wd>{WEEKDAY})|(?P<mon>{MONTH})|(?P<s>{SEASON}))",
)
def _set_every(m: re.Match[str]) -> Candidate | None:
    first = m.group(0).split()[0].lower()
    other = " other " in _norm(m.group(0))
    if first == "a":
        before = m.string[max(0, m.start() - 16) : m.start()].lower()
        if not re.search(r"(times|once|twice|\d+|percent|%)\s*$", before):
            return None
    if m["wd"]:
        return cand(m, "SET", _const(f"XXXX-WXX-{LEX.weekdays[m['wd'].lower()]}"))
    if m["mon"]:
        return cand(m, "SET", _const(f"XXXX-{_month(m['mon']):02d}"))
    if m["s"]:
        return cand(m, "SET", _const(f"XXXX-{LEX.seasons[m['s'].lower()]}"))
    u = m["u"].lower()
    if u in ("night", "morning", "evening"):
        return cand(m, "SET", _const(f"TXX{ {'night': 'NI', 'morning': 'MO', 'evening': 'EV'}[u] }".replace(" ", "")))
    unit = _unit(u)
    return cand(m, "SET", _const(_dur_value(2 if other else 1, unit)))


_REF_WORDS = alternation(list(LEX.refs))


@rule("ref", rf"(?:(?:until|till|up\s+to)\s+)?(?P<w>{_REF_WORDS})")
def _ref(m: re.Match[str]) -> Candidate | None:
    w = _norm(m["w"])
    s = m.string
    after = s[m.end() : m.end() + 14].lower()
    before = s[max(0, m.start() - 12) : m.start()].lower()
    if w == "now" and re.match(r"\s*(that|-)", after):
        return None
    if w in ("recent", "current") and re.match(r"\s+(years|months|weeks|days|decades)\b", after):
        return None
    if w == "recent" and re.search(r"\b(most|more)\s+$", before):
        return None
    if w == "the past" and re.match(
        r"\s+(\d|few|several|two|three|four|five|six|seven|eight|nine|ten|year|month|week|decade|day|quarter)", after
    ):
        return None
    if w == "the future" and re.match(r"\s+of\b", after):
        return None
    if w in ("current",) and re.match(
        r"\s+(account|accounts|affairs|events|law|rules|system|president|leader|chairman|shareholders|members)\b", after
    ):
        return None
    return Candidate(m.start("w"), m.end(), "DATE", _const(LEX.refs[w], "none"))


@rule(
    "clock",
    rf"(?P<mod>(?:about|around|approximately|shortly\s+(?:after|before)|just\s+(?:after|before))\s+)?(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.?\s?m\.?|p\.?\s?m\.?|o'clock)(?:\s+(?P<tz>[ECMP][SD]T|GMT|UTC|local\s+time))?(?P<day>,?\s+(?:(?P<wd>{WEEKDAY})|(?P<dw>today|yesterday|tomorrow)|(?:on\s+)?(?P<mon>{MONTH_D})\s+(?P<dd>{DAY})))?",
)
def _clock(m: re.Match[str]) -> Candidate | None:
    h = int(m["h"])
    ap = m["ap"].lower().replace(".", "").replace(" ", "")
    if h > 12 or h == 0:
        return None
    if ap == "pm" and h != 12:
        h += 12
    if ap == "am" and h == 12:
        h = 0
    mi = int(m["mi"] or 0)
    hhmm = f"T{h:02d}:{mi:02d}"
    mod = "APPROX" if m["mod"] and m["mod"].strip().lower().startswith(("about", "around", "approx")) else None
    start = m.start("mod") if mod else m.start("h")
    day_res = _day_of(m)
    end = m.end()
    if not m["ap"]:
        return None
    return Candidate(start, end, "TIME", lambda ctx: (v + hhmm) if (v := day_res(ctx)) else None, mod)


def _day_of(m: re.Match[str]) -> Resolver:
    if m["wd"]:
        return _weekday(LEX.weekdays[m["wd"].lower()], None)
    if m["mon"]:
        return _month_day(_month(m["mon"]), int(re.sub(r"\D", "", m["dd"])), None)
    shift = {"today": 0, "yesterday": -1, "tomorrow": 1}.get((m["dw"] or "today").lower(), 0)

    def f(ctx: Ctx) -> str | None:
        if ctx.dct is None:
            return None
        ctx.anchor = "dct"
        return cal.shift_date(ctx.dct, "D", shift).isoformat()

    return f


@rule(
    "noon",
    rf"(?P<w>noon|midnight|midday)(?:,?\s+(?:(?P<wd>{WEEKDAY})|(?P<dw>today|yesterday|tomorrow)|(?P<mon>{MONTH_D})\s+(?P<dd>{DAY})))?",
)
def _noon(m: re.Match[str]) -> Candidate | None:
    w = m["w"].lower()
    hh = "T24:00" if w == "midnight" else "T12:00"
    day_res = _day_of(m)
    return cand(m, "TIME", lambda ctx: (v + hh) if (v := day_res(ctx)) else None)


_HOLIDAYS = alternation(list(LEX.holidays))


@rule("holiday", rf"(?P<h>{_HOLIDAYS})(?:\s+(?P<year>{YEAR}))?")
def _holiday(m: re.Match[str]) -> Candidate | None:
    name = _norm(m["h"])
    if not _cap(m["h"]):
        return None
    rule_ = LEX.holidays[name]
    year = int(m["year"]) if m["year"] else None

    def f(ctx: Ctx) -> str | None:
        y = year
        if y is None:
            if ctx.dct is None:
                return None
            ctx.anchor = "dct"
            d0 = cal.holiday_date(rule_, ctx.dct.year)
            y = ctx.dct.year
            if d0 is not None and ctx.tense == "PAST" and d0 > ctx.dct:
                y -= 1
            elif d0 is not None and ctx.tense == "FUTURE" and d0 < ctx.dct:
                y += 1
        d = cal.holiday_date(rule_, y)
        return d.isoformat() if d else None

    return cand(m, "DATE", f)


@rule(
    "day_rel_ref",
    r"(?P<w>the\s+(?:next|following|previous|preceding)\s+day|the\s+day\s+(?:before|after)|the\s+same\s+day|that\s+day|earlier\s+that\s+day|later\s+that\s+day|the\s+night\s+before|(?:that|the\s+same)\s+(?:morning|afternoon|evening|night))(?!\s+(?:of|when|that|in|he|she|they))",
)
def _day_rel_ref(m: re.Match[str]) -> Candidate | None:
    w = _norm(m["w"])
    n = (
        1
        if ("next" in w or "following" in w or "after" in w)
        else (-1 if ("previous" in w or "preceding" in w or "before" in w) else 0)
    )
    mod = "START" if w.startswith("earlier") else ("END" if w.startswith("later") else None)

    def f(ctx: Ctx) -> str | None:
        if ctx.ref is None or ctx.ref.day is None:
            return None
        ctx.anchor = "ref"
        return cal.shift_date(ctx.ref.day, "D", n).isoformat()

    return cand(m, "DATE", f, mod)


@rule(
    "edge_rel_unit",
    r"(?P<edge>early|late|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|mid-?)\s*(?:in\s+)?(?P<rel>this|last|next|the)\s+(?P<u>week|month|year|decade|century)",
)
def _edge_rel_unit(m: re.Match[str]) -> Candidate | None:
    rel = m["rel"].lower()
    unit = _unit(m["u"])
    n = {"this": 0, "the": 0, "last": -1, "next": 1}[rel]
    return cand(m, "DATE", _dct_shift(unit, n) if unit not in ("E", "C") else _const(None, "none"), _edge(m["edge"]))


@rule("once_ref", r"(?P<w>the\s+(?:time|moment))(?=\s+(?:being))")
def _once_ref(m: re.Match[str]) -> Candidate | None:
    return cand(m, "DATE", _const("PRESENT_REF", "none"))


# --- extraction and resolution ----------------------------------------------------------------------


def _candidates(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    for order, (name, rx, fn) in enumerate(RULES):
        for m in rx.finditer(text):
            c = fn(m)
            if c is None or c.end <= c.start:
                continue
            c.rule = name
            c.order = order
            out.append(c)
    return out


def _select(cands: list[Candidate]) -> list[Candidate]:
    """Longest first, earlier rule on ties; drop candidates overlapping a chosen one."""
    chosen: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.order, c.start)):
        if all(c.end <= o.start or o.end <= c.start for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


_PAST_TAGS = {"VBD", "VBN"}
# past-tense verbs whose infinitive complement still lies ahead ("planned to leave Friday")
_INTENT_WORDS = {
    "planned",
    "scheduled",
    "set",
    "expected",
    "due",
    "intended",
    "promised",
    "agreed",
    "decided",
    "vowed",
    "pledged",
    "threatened",
    "hoped",
    "wanted",
    "aimed",
    "prepared",
    "called",
    "asked",
    "urged",
    "invited",
    "told",
    "ordered",
    "announced",
    "declined",
    "refused",
    "offered",
    "sought",
}
_PRESENT_TAGS = {"VBP", "VBZ"}
_FUTURE_WORDS = {"will", "'ll", "wo", "shall", "would", "could", "should", "might", "may", "going"}


def _tense_of(tokens: Sequence[Tok], start: int, end: int) -> str | None:
    """HeidelTime's tense: the last verb before the timex in its sentence, else the first one after."""
    if not tokens:
        return None
    idx = next((i for i, t in enumerate(tokens) if t.end > start), len(tokens) - 1)
    sent = tokens[idx].sent

    def tense(t: Tok) -> str | None:
        if t.tag == "MD":
            return "FUTURE" if t.lower in _FUTURE_WORDS else "PRESENT"
        if t.tag in _PAST_TAGS:
            return "PAST"
        if t.tag in _PRESENT_TAGS:
            return "PRESENT"
        return None

    for i in range(idx - 1, -1, -1):
        t = tokens[i]
        if t.sent != sent:
            break
        got = tense(t)
        if got == "PRESENT" and i + 2 < len(tokens) and tokens[i + 1].lower == "going" and tokens[i + 2].lower == "to":
            return "FUTURE"
        if got is not None:
            if got == "PAST" and t.tag == "VBN":
                # "has been"/"will be named": look at the auxiliary before the participle
                for j in range(i - 1, max(-1, i - 4), -1):
                    aux = tense(tokens[j])
                    if aux is not None and tokens[j].sent == sent:
                        return "FUTURE" if aux == "FUTURE" else "PAST"
            if got == "PRESENT" or got == "PAST":
                # "will" before a bare verb: the VB is not tagged as a tense, MD decides
                return got
            return got
        if t.tag == "VB":
            if i > 0 and tokens[i - 1].lower == "to" and tokens[i - 1].sent == sent:
                # "is scheduled to close Monday", "planned to leave on Thursday"; but "caused X to fall"
                gov = next(
                    (tokens[j] for j in range(i - 2, -1, -1) if tokens[j].sent == sent and tense(tokens[j])), None
                )
                if gov is not None and gov.tag in _PAST_TAGS and gov.lower not in _INTENT_WORDS:
                    return "PAST"
                return "FUTURE"
            for j in range(i - 1, max(-1, i - 4), -1):
                if tokens[j].sent == sent and tokens[j].tag == "MD":
                    return tense(tokens[j])
    for t in tokens[idx:]:
        if t.sent != sent:
            break
        if t.start >= end:
            got = tense(t)
            if got is not None:
                return got
    return None


_SENT_SPLIT = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z])|\n\s*\n")


def _sentence_bounds(text: str, tokens: Sequence[Tok] | None) -> list[tuple[int, int]]:
    if tokens:
        bounds: dict[int, list[int]] = {}
        for t in tokens:
            b = bounds.setdefault(t.sent, [t.start, t.end])
            b[1] = t.end
        return [(a, b) for a, b in bounds.values()]
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _SENT_SPLIT.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def _explicit_year_before(text: str, sent: tuple[int, int], pos: int, chosen: list[TimexMatch]) -> int | None:
    """The year of the latest explicit year-bearing timex in the same sentence before ``pos``."""
    for t in reversed(chosen):
        if t.end > pos or t.start < sent[0]:
            continue
        if pos - t.end > 40:
            return None
        if t.anchor == "explicit" and t.value and re.match(r"\d{4}", t.value):
            return int(t.value[:4])
    return None


def find_timexes(text: str, dct: date | None, tokens: Sequence[Tok] | None = None) -> list[TimexMatch]:
    """Every time expression in ``text``, typed and normalized against ``dct`` (see the module docstring).

    Args:
        text: the plain text.
        dct: the document creation (publication) date, or None (relative values then stay None).
        tokens: optional tagged tokens (Penn tags) used for the tense that orients bare dates.
    """
    chosen = _select(_candidates(text))
    sents = _sentence_bounds(text, tokens)
    out: list[TimexMatch] = []
    ref: cal.Point | None = None
    for c in chosen:
        sent = next(((a, b) for a, b in sents if a <= c.start < max(b, a + 1)), (0, len(text)))
        ctx = Ctx(
            dct=dct,
            tense=_tense_of(tokens, c.start, c.end) if tokens else None,
            ref=ref,
            sentence_year=_explicit_year_before(text, sent, c.start, out),
        )
        try:
            value = c.resolve(ctx)
        except (ValueError, OverflowError) as e:  # a calendar edge (day 31 in a short month)
            LOGGER.debug("timex %r unresolved: %s", text[c.start : c.end], e)
            value = None
        tm = TimexMatch(c.start, c.end, text[c.start : c.end], c.type, value, c.mod, ctx.anchor, c.rule)
        out.append(tm)
        if c.type in ("DATE", "TIME") and value:
            p = cal.parse_point(value[:10] if "T" in value else value)
            if p is not None and ctx.anchor != "ref" and not (c.mod in ("START", "END") and p.gran == "Y"):
                ref = p
    return out
