"""The claims stage on the parse: counted nouns, subjects and their keys, measures, asserters and dates.

Works are built by hand (actors, mentions, quotes, timexes) so that only the claims stage is under test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from onrecord.extract.claim_subject import measure_within
from onrecord.extract.claims import ClaimsStage
from onrecord.model import Actor, Article, Claim, Mention, Quote, Timex, record_id, sha256_text
from onrecord.pipeline import Work, load_nlp

ARTICLE = (Path(__file__).parent / "articles" / "claims_border_war.txt").read_text(encoding="utf-8")
PUBLISHED = "2024-05-02"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def make_work(nlp: Language, text: str, published: str | None = PUBLISHED) -> Work:
    art = Article(id="art-claims", title=None, published=published, source=None, language="en", text=text,
                  sha256=sha256_text(text))  # fmt: skip
    return Work(article=art, doc=nlp(text))


def mention(work: Work, actor: Actor, text: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = work.article.text.index(text, start + 1)
    work.actors[actor.id] = actor
    m = Mention(
        record_id("mention", work.article.id, start), work.article.id, actor.id, (start, start + len(text)), text
    )
    work.mentions.append(m)
    return m


def claims_of(work: Work) -> list[Claim]:
    ClaimsStage()(work)
    return work.claims


def by_text(claims: list[Claim], text: str) -> Claim:
    (c,) = [c for c in claims if c.text == text]
    return c


MINISTER = Actor("actor-person-the-minister", "The Minister", "person")
GENERAL = Actor("actor-person-the-general", "The General", "person")
RED_CROSS = Actor("actor-organization-red-cross", "Red Cross", "organization")
INSTITUTE = Actor("actor-organization-the-institute", "The Institute", "organization")


@pytest.fixture(scope="module")
def border_war(nlp: Language) -> tuple[Work, list[Claim]]:
    work = make_work(nlp, ARTICLE)
    text = work.article.text
    q_start = text.index("We have our own count")
    q_end = text.index("have died,”") + len("have died,")
    mention(work, MINISTER, "the minister")
    work.quotes.append(
        Quote(
            "quote-minister",
            work.article.id,
            MINISTER.id,
            "the minister",
            text[q_start:q_end],
            "direct",
            "say",
            "2024-04-26",
            (q_start, q_end),
        )
    )
    i_start = text.index("Eritrea had 12,000")
    i_end = text.index("another 9,000") + len("another 9,000")
    mention(work, GENERAL, "the general")
    work.quotes.append(
        Quote(
            "quote-general",
            work.article.id,
            GENERAL.id,
            "the general",
            text[i_start:i_end],
            "indirect",
            "state",
            "2024-03",
            (i_start, i_end),
        )
    )
    mention(work, RED_CROSS, "Red Cross")
    mention(work, INSTITUTE, "Institute")
    y = text.index("2023")
    work.timexes.append(Timex("timex-2023", work.article.id, "2023", (y, y + 4), "DATE", "2023"))
    return work, claims_of(work)


def test_counted_noun_is_the_unit(border_war: tuple[Work, list[Claim]]) -> None:
    c = by_text(border_war[1], "Nearly 8,000")
    assert (c.value, c.unit, c.unit_text) == (8000, "soldier", "Eritrean soldiers")


def test_nearly_bounds_below(border_war: tuple[Work, list[Claim]]) -> None:
    c = by_text(border_war[1], "Nearly 8,000")
    assert c.qualifier == "approx"
    assert (c.value_low, c.value_high) == pytest.approx((7200, 8000))


def test_some_bounds_both_ways(border_war: tuple[Work, list[Claim]]) -> None:
    c = by_text(border_war[1], "some 5,000")
    assert (c.value_low, c.value_high) == pytest.approx((4500, 5500))


def test_subject_is_what_is_counted_and_its_predicate(border_war: tuple[Work, list[Claim]]) -> None:
    c = by_text(border_war[1], "Nearly 8,000")
    assert c.subject == "Eritrean soldiers died"
    assert c.subject_key == "@eri|die|eritrean|soldier"


def test_sides_never_share_a_key(border_war: tuple[Work, list[Claim]]) -> None:
    one, other = by_text(border_war[1], "Nearly 8,000"), by_text(border_war[1], "some 5,000")
    assert (one.scope, other.scope) == ("eri", "eth")
    assert one.subject_key != other.subject_key
    assert one.subject_key.split("|")[1:] != other.subject_key.split("|")[1:] or one.scope != other.scope


def test_dead_and_casualties_are_different_measures(border_war: tuple[Work, list[Claim]]) -> None:
    dead = by_text(border_war[1], "Nearly 8,000")
    casualties = by_text(border_war[1], "12,000")
    assert (dead.measure, casualties.measure) == ("dead", "casualties")
    assert "casualties" in measure_within(dead.measure or "")
    assert "casualt" in casualties.subject


def test_elliptical_figure_borrows_noun_and_takes_its_own_side(border_war: tuple[Work, list[Claim]]) -> None:
    c = by_text(border_war[1], "9,000")
    assert c.unit == "casualty"
    assert c.measure == "casualties"
    assert c.scope == "eth"
    assert c.subject.startswith("Ethiopia")


def test_figure_in_a_quote_is_asserted_by_its_speaker(border_war: tuple[Work, list[Claim]]) -> None:
    c = by_text(border_war[1], "Nearly 8,000")
    assert (c.asserter_id, c.quote_id, c.asserted_on) == (MINISTER.id, "quote-minister", "2024-04-26")


def test_reported_figure_takes_the_date_of_the_statement(border_war: tuple[Work, list[Claim]]) -> None:
    c = by_text(border_war[1], "12,000")
    assert (c.asserter_id, c.quote_id, c.asserted_on) == (GENERAL.id, "quote-general", "2024-03")


def test_according_to_names_the_asserter(border_war: tuple[Work, list[Claim]]) -> None:
    c = by_text(border_war[1], "at least 300")
    assert c.asserter_id == RED_CROSS.id
    assert c.quote_id is None
    assert (c.qualifier, c.value_low, c.value_high) == ("at_least", 300, None)
    assert c.measure == "dead"


def test_time_scope_from_a_date_on_the_same_predicate(border_war: tuple[Work, list[Claim]]) -> None:
    assert by_text(border_war[1], "at least 300").time_scope == "2023"


def test_poll_figure_is_asserted_by_the_pollster(border_war: tuple[Work, list[Claim]]) -> None:
    c = by_text(border_war[1], "64%")
    assert (c.value, c.unit, c.asserter_id) == (64, "%", INSTITUTE.id)
    assert "trust" in c.subject and "Ethiopians" in c.subject
    assert c.asserted_on == PUBLISHED


def test_change_claim_keeps_direction_and_level_is_separate(border_war: tuple[Work, list[Claim]]) -> None:
    third = by_text(border_war[1], "a third")
    level = by_text(border_war[1], "$45 million")
    assert (third.value, third.change, third.basis) == (pytest.approx(1 / 3), "down", "fraction")
    assert (level.value, level.unit, level.change) == (45e6, "USD", None)
    assert "Trade" in third.subject


def test_dates_ordinals_and_identifiers_are_not_claims(border_war: tuple[Work, list[Claim]]) -> None:
    texts = {c.text for c in border_war[1]}
    assert not texts & {"11", "12", "3", "2026", "2023"}


def test_ids_are_stable(nlp: Language) -> None:
    text = "About 40 people were evacuated."
    first = [c.id for c in claims_of(make_work(nlp, text))]
    second = [c.id for c in claims_of(make_work(nlp, text))]
    assert first == second and len(first) == 1


@pytest.mark.parametrize(
    ("text", "quantity", "value", "unit"),
    [
        ("Maddon, 66, has lost weight.", "66", 66, "year of age"),
        ("Dozens of people were killed.", "Dozens", None, "person"),
        ("It cost tens of millions of dollars.", "tens of millions", None, "USD"),
        ("The highest forecast is 84.75 cents, while the lowest is 74.07.", "74.07", 74.07, "USC"),
        ("Imports doubled last year.", "doubled", 2, "times"),
        ("One of the students was late.", "One", 1, "student"),
        ("A man aged 45 was taken to hospital.", "45", 45, "year of age"),
        ("The plan, which costs $5 trillion, was approved.", "$5 trillion", 5e12, "USD"),
    ],
)
def test_units_from_the_parse(nlp: Language, text: str, quantity: str, value: float | None, unit: str) -> None:
    c = by_text(claims_of(make_work(nlp, text)), quantity)
    assert c.value == value
    assert c.unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "No one came, and one another was not enough.",
        "The 1995 proposal by the group failed.",
        "Shares of the FTSE 100 companies slipped.",
    ],
)
def test_no_claim(nlp: Language, text: str) -> None:
    assert claims_of(make_work(nlp, text)) == []


def test_without_source_the_outlet_asserts_on_publication(nlp: Language) -> None:
    (c,) = claims_of(make_work(nlp, "The bridge is 1,300 metres long."))
    assert (c.asserter_id, c.asserted_on, c.unit, c.measure) == (None, PUBLISHED, "metre", "length")
    assert "bridge" in c.subject


def test_relative_clause_subject_is_its_noun(nlp: Language) -> None:
    (c,) = claims_of(make_work(nlp, "The council approved the plan, which costs $5 trillion."))
    assert c.subject == "plan costs"
    assert c.measure == "price"


def test_change_verb_before_by(nlp: Language) -> None:
    found = claims_of(make_work(nlp, "The bank cut its forecast by 0.3 percentage points to 2.1%."))
    assert [(c.value, c.unit, c.change) for c in found] == [(0.3, "pp", "down"), (2.1, "%", None)]


def test_time_spans_are_durations(nlp: Language) -> None:
    (c,) = claims_of(make_work(nlp, "Repairs will continue over 10 years."))
    assert (c.value, c.unit, c.qualifier, c.measure) == (10, "year", "exact", "duration")


def test_the_number_of_counts_the_noun_after_of(nlp: Language) -> None:
    (c,) = claims_of(make_work(nlp, "The number of flats flooded in the district has risen to 2,100, the mayor said."))
    assert (c.value, c.unit) == (2100, "flat")
    assert c.subject == "flats flooded"


def test_a_generic_possessor_does_not_narrow_the_subject(nlp: Language) -> None:
    (c,) = claims_of(make_work(nlp, "The minister said that the country's imports reached $40 billion in 2022."))
    assert "country" not in c.subject and "country" not in c.subject_key
    assert c.subject_key == "import|reach"


def test_the_speaker_is_not_what_a_figure_measures(nlp: Language) -> None:
    (c,) = claims_of(make_work(nlp, "The mayor said on Friday that grain stored in 2022 was 3 million tonnes."))
    assert "mayor" not in c.subject.lower()
    assert "grain" in c.subject


@pytest.mark.parametrize(
    ("text", "kept"),
    [("The two presidents signed the treaty in Oslo.", False), ("The two sides met in Oslo.", True)],
)
def test_the_two_people_name_participants_not_a_count(nlp: Language, text: str, kept: bool) -> None:
    assert bool(claims_of(make_work(nlp, text))) is kept


def test_a_since_date_is_not_the_period_of_the_figure(nlp: Language) -> None:
    (c,) = claims_of(make_work(nlp, "According to the agency, 500 people had been evacuated since March."))
    assert c.time_scope is None
    assert c.asserted_on == PUBLISHED


def test_a_date_on_the_figure_itself_beats_the_clause_date(nlp: Language) -> None:
    text = "The minister said that 40 schools had closed in 2023 and 31 in 2022."
    work = make_work(nlp, text)
    for year in ("2023", "2022"):
        y = text.index(year)
        work.timexes.append(Timex(f"timex-{year}", work.article.id, year, (y, y + 4), "DATE", year))
    found = {c.text: c.time_scope for c in claims_of(work)}
    assert found == {"40": "2023", "31": "2022"}
