"""Intervals, dates, keys and periods of the consistency checks (hand-made inputs, written for the tests)."""

from __future__ import annotations

import math

import pytest

from onrecord.check.datecheck import date_findings
from onrecord.check.dates import days_between, parse_date
from onrecord.check.intervals import claim_interval
from onrecord.check.keys import claim_key, scope_relation, unit_dimension
from onrecord.check.periods import since_start
from onrecord.model import Claim, Event


def _claim(text: str, value: float, qualifier: str = "exact", subject: str = "x", **kw: object) -> Claim:
    base: dict[str, object] = {
        "id": "c", "article_id": "a", "asserter_id": "p", "asserted_on": "2025-01-01", "subject": subject,
        "value": value, "value_low": None, "value_high": None, "unit": None, "qualifier": qualifier,
        "time_scope": None, "quote_id": None, "span": (0, 1), "text": text,
    }  # fmt: skip
    base.update(kw)
    return Claim(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "low", "high"),
    [
        ("nearly two million", 2_000_000, "approx", 1_800_000, 2_000_000),
        ("some 300,000", 300_000, "approx", 270_000, 330_000),
        ("1.5 million", 1_500_000, "exact", 1_450_000, 1_550_000),
        ("97", 97, "exact", 96.5, 97.5),
        ("800,000", 800_000, "exact", 760_000, 840_000),
        ("more than 9,000", 9000, "at_least", 9000, math.inf),
        ("up to 40", 40, "at_most", 0, 40),
    ],
)
def test_claim_interval(text: str, value: float, qualifier: str, low: float, high: float) -> None:
    interval = claim_interval(_claim(text, value, qualifier))
    assert interval is not None
    assert interval.low == pytest.approx(low) and interval.high == pytest.approx(high)


def test_partial_dates_are_ranges() -> None:
    dec, jan = parse_date("2024-12"), parse_date("2025-01-20")
    assert dec is not None and jan is not None
    assert days_between(dec, jan) == (20, 50)
    assert parse_date("not a date") is None


@pytest.mark.parametrize(
    ("sentence", "said", "start"),
    [
        ("1,200 soldiers were killed since October.", "2024-02-12", "2023-10-01"),
        ("since March 2022, 40 died", "2024-02-12", "2022-03-01"),
        ("since 2021", "2024-02-12", "2021-01-01"),
        ("since the war began", "2024-02-12", None),
    ],
)
def test_since_start(sentence: str, said: str, start: str | None) -> None:
    r = parse_date(said)
    assert r is not None
    found = since_start(sentence, r)
    assert (found.isoformat() if found else None) == start


def test_demonym_and_country_fold_together() -> None:
    a = claim_key(_claim("10", 10, subject="Ethiopian soldiers died"))
    b = claim_key(_claim("10", 10, subject="Ethiopia's casualties"))
    assert a.countries == b.countries == frozenset({"eth"})
    assert a.measure == "dead" and b.measure == "casualties"
    assert scope_relation(a, b) == "inferred"  # soldiers against an unqualified count


def test_other_partner_country_is_another_scope() -> None:
    a = claim_key(_claim("€1", 1, subject="Spain's exports to China", unit="EUR"))
    b = claim_key(_claim("€1", 1, subject="Spain's exports to Morocco", unit="EUR"))
    assert scope_relation(a, b) is None


def test_measure_written_after_the_figure_widens_it() -> None:
    key = claim_key(_claim("800", 800, subject="police officers killed"), after=" police officers killed or wounded")
    assert key.measure == "casualties"


def test_counted_nouns_share_a_dimension_but_currencies_do_not() -> None:
    assert unit_dimension("soldier") == unit_dimension(None) == "count"
    assert unit_dimension("USD") != unit_dimension("EUR")


def test_date_note_links_the_event_at_its_trigger() -> None:
    ev = Event(id="e1", article_id="a", category="CONSULT", mode=None, actor1_id=None, actor2_id=None, date=None,
               date_precision="unknown", medium=None, negated=False, span=(10, 20))  # fmt: skip
    note = {"article_id": "a", "spans": [[30, 37], [60, 66]], "values": ["2024-10-22", "2024-10-23"],
            "texts": ["Tuesday", "Wednesday"], "trigger_spans": [[12, 15]], "explanation": ""}  # fmt: skip
    [finding] = date_findings([note], [ev])
    assert finding.event_ids == ("e1",) and "Tuesday" in finding.explanation


def test_a_stage_tolerance_is_not_applied_twice() -> None:
    interval = claim_interval(_claim("About 14,000", 14_000, "approx", value_low=12_600, value_high=15_400))
    assert interval is not None and interval.low == pytest.approx(12_600) and interval.high == pytest.approx(15_400)


def test_a_stated_range_is_kept() -> None:
    interval = claim_interval(_claim("between 10 and 12", 11, "exact", value_low=10, value_high=12))
    assert interval is not None and interval.low <= 10 and interval.high >= 12
