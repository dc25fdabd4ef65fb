"""The number grammar and the quantity scanner (no spaCy): values, scales, fractions, ranges, qualifiers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from onrecord.extract.claim_scan import scan
from onrecord.extract.numbers import parse_number_words, parse_numeral, spell_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,307,000", 1_307_000),
        ("12.50", 12.5),
        (".001", 0.001),
        ("-5", -5),
        ("1/16", 0.0625),
        ("1⁄32", 0.03125),
        ("½", 0.5),
    ],
)
def test_numerals(text: str, value: float) -> None:
    assert parse_numeral(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["12,34", "1,2345", "abc", "", "1.2.3"])
def test_not_numerals(text: str) -> None:
    assert parse_numeral(text) is None


@pytest.mark.parametrize(
    ("words", "value", "used"),
    [
        ("twenty-eight thousand six hundred forty-two", 28_642, 5),
        ("a million soldiers", 1_000_000, 2),
        ("two-thirds of", 2 / 3, 1),
        ("one and a half million", 1_500_000, 5),
        ("a dozen eggs", 12, 2),
        ("two dozen", 24, 2),
        ("half a million", 500_000, 3),
        ("one hundred and five people", 105, 4),
        ("three quarters", 0.75, 2),
        ("a third of", 1 / 3, 2),
        ("seven", 7, 1),
    ],
)
def test_number_words(words: str, value: float, used: int) -> None:
    got = parse_number_words(words.split())
    assert got is not None
    assert got[0] == pytest.approx(value)
    assert got[1] == used


@pytest.mark.parametrize("words", ["the people", "a house", "third place", "and"])
def test_not_number_words(words: str) -> None:
    assert parse_number_words(words.split()) is None


@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_words_round_trip(n: int) -> None:
    words = spell_number(n).split()
    assert parse_number_words(words) == (n, len(words))


@given(st.integers(min_value=1, max_value=10**12))
def test_spelled_quantity_round_trip(n: int) -> None:
    (q,) = scan(f"There were {spell_number(n)} people.")
    assert q.value == n


@given(st.integers(min_value=0, max_value=10**12))
def test_digits_round_trip(n: int) -> None:
    found = scan(f"They counted {n:,} votes.")
    if 1000 <= n <= 2199:
        # without a comma such a figure would be a year; with one it is a count
        assert [q.value for q in found] == [n]
    else:
        assert [q.value for q in found] == [n]


@given(st.decimals(min_value="0.1", max_value="999.9", places=1), st.sampled_from(["million", "billion", "bn", "m"]))
def test_scaled_round_trip(x: object, scale: str) -> None:
    factor = {"million": 1e6, "billion": 1e9, "bn": 1e9, "m": 1e6}[scale]
    sep = "" if scale in ("bn", "m") else " "
    (q,) = scan(f"It raised ${x}{sep}{scale} last month.")
    assert q.value == pytest.approx(float(str(x)) * factor)
    assert q.unit == "USD"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Nearly a million tourists", 1_000_000, None),
        ("revenue reached $310 billion", 310e9, "USD"),
        ("a 1.5bn loan", 1.5e9, None),
        ("it cost pounds 1,400 a head", 1400, "GBP per head"),
        ("it cost £1,400", 1400, "GBP"),
        ("up 7% on the year", 7, "%"),
        ("450,000 casualties", 450_000, None),
        ("US $84 billion", 84e9, "USD"),
        ("HK $5.4m", 5.4e6, "HKD"),
        ("RM23.50", 23.5, "MYR"),
        ("INR1 trillion", 1e12, "INR"),
        ("a 0.6 per cent fee", 0.6, "%"),
        ("rose 1.5 percentage points", 1.5, "pp"),
        ("a 278kg tuna", 278, "kilogram"),
        ("the 65-year-old", 65, "year of age"),
        ("at 80 m.p.h.", 80, "mile per hour"),
        ("$2.11 per gallon", 2.11, "USD per gallon"),
        ("7.5 million Danish crowns", 7.5e6, "DKK"),
        ("333.6 million yen", 333.6e6, "JPY"),
        ("25.5″ long", 25.5, "inch"),
        ("There were 4 hundred people", 400, None),
    ],
)
def test_values_and_units(text: str, value: float, unit: str | None) -> None:
    (q,) = scan(text)
    assert q.value == pytest.approx(value)
    assert q.unit == unit


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("between 10 and 20 people", (10, 20)),
        ("Between 10 and 20 people came.", (10, 20)),
        ("10-20 people", (10, 20)),
        ("a 5-10W laser", (5, 10)),
        ("dropping from 208 pounds to 193", (208, 193)),
        ("$3 billion to $5 billion", (3e9, 5e9)),
        ("$89 to $93 billion", (89e9, 93e9)),
        ("from $200 to $4 million", (200, 4e6)),
        ("There are 1 to 2 thousand people", (1000, 2000)),
        ("Dozens of people", (12, 120)),
        ("tens of millions of dollars", (1e7, 1e8)),
    ],
)
def test_ranges(text: str, ends: tuple[float, float]) -> None:
    (q,) = scan(text)
    assert q.range_values == pytest.approx(ends)
    assert q.value is None
    assert (q.low, q.high) == pytest.approx((min(ends), max(ends)))


@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high"),
    [
        ("nearly 1000 people", "approx", 900, 1000),
        ("almost 1000 people", "approx", 900, 1000),
        ("some 800,000 voters", "approx", 720_000, 880_000),
        ("about 1000 people", "approx", 900, 1100),
        ("around 1000 people", "approx", 900, 1100),
        ("roughly 1000 people", "approx", 900, 1100),
        ("more than 1000 people", "at_least", 1000, None),
        ("over 1000 people", "at_least", 1000, None),
        ("1000 people or more", "at_least", 1000, None),
        ("less than 1000 people", "at_most", None, 1000),
        ("up to 1000 people", "at_most", None, 1000),
        ("exactly 1000 people", "exact", 1000, 1000),
        ("1000 people", "exact", 1000, 1000),
    ],
)
def test_qualifiers(text: str, qualifier: str, low: float | None, high: float | None) -> None:
    (q,) = scan(text)
    assert q.qualifier == qualifier
    assert q.low == (pytest.approx(low) if low is not None else None)
    assert q.high == (pytest.approx(high) if high is not None else None)


@pytest.mark.parametrize(
    ("text", "change", "base"),
    [
        ("sales reached $12 billion, 4% more than the previous year", "more", "the previous year"),
        ("sales fell 12% in March", "down", None),
        ("shares rose 6.5% to 164p", "up", None),
        ("a 75 percent increase in usage", "up", None),
        ("a 19% drop for the index", "down", None),
        ("Dow +0.2%", "up", None),
    ],
)
def test_changes(text: str, change: str, base: str | None) -> None:
    q = next(q for q in scan(text) if q.unit == "%")
    assert q.change == change
    assert q.change_base == base


def test_level_after_a_change_is_not_a_change() -> None:
    levels = [q for q in scan("Vecturas shares rose 6.5% to 164p.") if q.unit == "GBX"]
    assert [(q.value, q.change) for q in levels] == [(164, None)]


def test_multipliers_are_changes() -> None:
    (q,) = scan("Imports doubled.")
    assert (q.value, q.unit, q.change, q.multiplier) == (2, "times", "up", True)


@pytest.mark.parametrize(
    "text",
    [
        "Section 427 of the code",
        "Row 21 was empty",
        "the 22nd amendment",
        "finished in 10th place",
        "the 1990s",
        "at 11:30 on Monday",
        "at 2 p.m.",
        "on February 11",
        "1 September",
        "the FTSE 100 index",
        "an iPhone 11 case",
        "Euro 2020 final",
        "the cac40 in France",
        "he wore the jersey (4) again",
        "575 Wilbraham Road",
        "beat Charlton 2-1",
        "the 2014-15 season",
        "between 1600 and 1900",
        "open 24/7",
        "after 9/11",
        "on 12/05/2024",
    ],
)
def test_not_quantities(text: str) -> None:
    assert [q.text for q in scan(text) if not q.year_like] == []


def test_bare_year_is_marked() -> None:
    (q,) = scan("It happened in 1995.")
    assert q.year_like
