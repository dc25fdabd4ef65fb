"""The time stage: grammar and normalizer (pure), and the date helpers on a parsed article.

tests/articles/timex_meeting.txt was written for these tests; it dates its video call "this Wednesday"
and then "this Thursday", published on a Wednesday.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from onrecord.extract import timex_calendar as cal
from onrecord.extract.timex_lexicon import parse_number
from onrecord.extract.timex_rules import TimexMatch, find_timexes

DCT = date(2025, 1, 21)  # a Tuesday
ARTICLES = Path(__file__).parent / "articles"


def tag(text: str, dct: date = DCT) -> list[TimexMatch]:
    return find_timexes(text, dct)


def one(text: str, dct: date = DCT) -> TimexMatch:
    found = tag(text, dct)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "expr", "typ", "value"),
    [
        ("They met this Tuesday.", "this Tuesday", "DATE", "2025-01-21"),
        ("They met this Monday.", "this Monday", "DATE", "2025-01-20"),
        ("This past Monday, he spoke.", "This past Monday", "DATE", "2025-01-20"),
        ("They met last Friday.", "last Friday", "DATE", "2025-01-17"),
        ("They will meet next Friday.", "next Friday", "DATE", "2025-01-24"),
        ("He said so a month and a half ago.", "a month and a half ago", "DATE", "2024-12"),
        ("Prices rose last year.", "last year", "DATE", "2024"),
        ("Sales fell last week.", "last week", "DATE", "2025-W03"),
        ("It happened yesterday.", "yesterday", "DATE", "2025-01-20"),
        ("It was signed on March 5, 1946.", "March 5, 1946", "DATE", "1946-03-05"),
        ("It opened on 8 February 2024.", "8 February 2024", "DATE", "2024-02-08"),
        ("It closed in July 1997.", "July 1997", "DATE", "1997-07"),
        ("before the half-year limit expires", "half-year", "DURATION", "P6M"),
        ("the talks lasted five hours", "five hours", "DURATION", "PT5H"),
        ("for 2 1/2 years", "2 1/2 years", "DURATION", "P2Y6M"),
        ("in the 1990s", "the 1990s", "DATE", "199"),
        ("profit in the third quarter of 1984", "the third quarter of 1984", "DATE", "1984-Q3"),
        ("the paper is published daily", "daily", "SET", "P1D"),
        ("they meet each Thursday", "each Thursday", "SET", "XXXX-WXX-4"),
        ("prices are now higher", "now", "DATE", "PRESENT_REF"),
        ("it opened last fall", "last fall", "DATE", "2024-FA"),
        ("at 10:35 a.m. Friday", "10:35 a.m. Friday", "TIME", "2025-01-17T10:35"),
    ],
)
def test_expression_and_value(text: str, expr: str, typ: str, value: str) -> None:
    got = one(text)
    assert (got.text, got.type, got.value) == (expr, typ, value)


def test_month_named_in_past_reporting_is_the_latest_one() -> None:
    # without tags there is no tense: December is the closest instance, which is last December here
    assert one("In December, the minister stated it.").value == "2024-12"


def test_bare_date_takes_its_year_from_the_sentence() -> None:
    found = tag("The two did not speak in 2019 before February 8 of that year.")
    assert [t.value for t in found][:2] == ["2019", "2019-02-08"]


def test_previous_year_is_relative_to_the_year_under_discussion() -> None:
    found = tag("Trade reached $3 billion in 2019, 12% more than the previous year.")
    assert [(t.text, t.value) for t in found] == [("2019", "2019"), ("the previous year", "2018")]


def test_year_ago_in_a_quarterly_report_keeps_the_quarter() -> None:
    found = tag("Net income rose in the third quarter from $5 million a year ago.", date(1989, 10, 26))
    assert [t.value for t in found] == ["1989-Q3", "1988-Q3"]


@pytest.mark.parametrize(
    "text",
    ["He paid $1999 for it.", "About 2000 people marched.", "51% of Russians", "a 59-year-old man", "You may go."],
)
def test_not_time_expressions(text: str) -> None:
    assert tag(text) == []


def test_unresolvable_expression_keeps_its_text_with_null_value() -> None:
    found = find_timexes("They met last Friday.", None)
    assert [(t.text, t.value) for t in found] == [("last Friday", None)]


@pytest.mark.parametrize(("text", "value"), [("24", 24), ("twenty-four", 24), ("2 1/2", 2.5), ("a couple of", 2)])
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


def test_iso_weeks_are_zero_padded() -> None:
    assert cal.week_point(date(2025, 1, 2)).value() == "2025-W01"


def test_weekday_resolution_follows_tense() -> None:
    assert cal.resolve_weekday(DCT, 5, None, "PAST") == date(2025, 1, 17)
    assert cal.resolve_weekday(DCT, 5, None, "FUTURE") == date(2025, 1, 24)


# --- the stage and its helpers on a parsed article (spaCy) ------------------------------------------------


@pytest.fixture(scope="module")
def work():  # type: ignore[no-untyped-def]
    from onrecord.ingest.article import make_article
    from onrecord.pipeline import Pipeline

    text = (ARTICLES / "timex_meeting.txt").read_text(encoding="utf-8")
    art = make_article(text, published="2025-01-22")
    return Pipeline(["actors.v1", "timex.v1"])(art)


def _token(work, word: str, nth: int = 0):  # type: ignore[no-untyped-def]
    return [t for t in work.doc if t.text == word][nth]


@pytest.mark.slow
def test_stage_writes_timexes_with_stable_ids(work) -> None:  # type: ignore[no-untyped-def]
    values = {t.text: t.value for t in work.timexes}
    assert values["this Wednesday"] == "2025-01-22"
    assert values["In March"[3:]] == "2024-03"
    assert values["half-year"] == "P6M"
    assert all(t.id.startswith("timex-") for t in work.timexes)


@pytest.mark.slow
def test_statement_date_from_the_clause(work) -> None:  # type: ignore[no-untyped-def]
    from onrecord.extract.timex import statement_date

    assert statement_date(work, _token(work, "said", 1)) == "2024-03"
    assert statement_date(work, _token(work, "said", 0)) == "2025-01-22"


@pytest.mark.slow
def test_event_date_of_a_noun_trigger_uses_its_verb(work) -> None:  # type: ignore[no-untyped-def]
    from onrecord.extract.timex import event_date

    assert event_date(work, _token(work, "call")) == ("2025-01-22", "day")
    assert event_date(work, _token(work, "meet")) == ("2025-01-24", "day")


@pytest.mark.slow
def test_scope_date_of_a_figure(work) -> None:  # type: ignore[no-untyped-def]
    from onrecord.extract.timex import scope_date

    assert scope_date(work, _token(work, "billion")) == "2023"


@pytest.mark.slow
def test_same_meeting_dated_twice_is_noted(work) -> None:  # type: ignore[no-untyped-def]
    found = work.notes["date_inconsistencies"]
    assert len(found) == 1
    assert found[0]["texts"] == ["this Wednesday", "this Thursday"]
    assert found[0]["values"] == ["2025-01-22", "2025-01-16"]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (
            "Senator Ann Lowe held a meeting with donors on Friday. "
            "Senator Ann Lowe said the meeting at 2 p.m. went well.",
            "a clock time is not a day",
        ),
        (
            "Senator Ann Lowe held a meeting with donors on Monday.\n"
            "Governor Tom Reyes said Thursday's meeting was useful.",
            "nobody named in both",
        ),
        (
            "Senator Ann Lowe held a meeting with donors on Monday. "
            "Lowe will attend the meeting on Friday, aides said.",
            "the later one lies after publication",
        ),
        (
            "Senator Ann Lowe had planned to hold a meeting with donors on Monday.\n"
            "Lowe said on Sunday that the meeting was cancelled.",
            "a planned event",
        ),
        (
            "Senator Ann Lowe's talks with donors on Monday came before Tuesday's meeting with the mayor.",
            "one sentence naming two events",
        ),
    ],
)
def test_different_meetings_are_not_one_event_dated_twice(text: str, why: str) -> None:
    from onrecord.ingest.article import make_article
    from onrecord.pipeline import Pipeline

    art = make_article(text, published="2025-01-22")
    assert Pipeline(["actors.v1", "timex.v1"])(art).notes["date_inconsistencies"] == [], why
