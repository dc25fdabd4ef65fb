"""Tests of the events stage: lexicon, sentence coding, negation, nominal events, aggregates.

Sentences and the articles in tests/articles/events_meetings.txt and events_sides.txt were written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.aggregates import counterparts, pair_timeline
from onrecord.extract.event_compose import Found, code_sentence, main_event
from onrecord.extract.event_lexicon import Code, lexicon, parse_pattern
from onrecord.model import Event

ARTICLES = Path(__file__).parent / "articles"


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from onrecord.pipeline import load_nlp

    return load_nlp()


def code(nlp, text: str) -> list[Found]:  # type: ignore[no-untyped-def]
    return code_sentence(next(nlp(text).sents), lexicon())


def central(nlp, text: str) -> Found:  # type: ignore[no-untyped-def]
    found = main_event(code(nlp, text))
    assert found is not None, text
    return found


def test_lexicon_reads_converted_and_own_patterns() -> None:
    lex = lexicon()
    assert "threaten" in lex.verbs
    assert any(g.patterns for g in lex.groups.values())
    assert "videoconference" in lex.nouns
    assert "say" in lex.frames["report"]


def test_pattern_format() -> None:
    pat = parse_pattern(
        "&military * (with {joint exercises})", Code("COOPERATE", None, "062"), {"&military": [("army",)]}
    )
    assert pat is not None
    assert pat.pre and pat.post
    assert pat.weight == 3
    assert parse_pattern("no verb here", Code("AID", None, None), {}) is None


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("The Dutch government accused Belgium of spying on its diplomats.", "ACCUSE"),
        ("Portugal has agreed to share intelligence with Spain.", "AGREE"),
        ("The rebels kidnapped two Swiss engineers near the border.", "COERCE"),
        ("Austria expelled three Hungarian diplomats on Friday.", "SANCTION"),
        ("Thousands of farmers demonstrated in Lisbon against the new tax.", "PROTEST"),
        ("Ireland rejected the British proposal for a joint commission.", "REJECT"),
        ("Denmark demanded that Sweden release the detained fishermen.", "REQUEST"),
        ("Estonia threatened to cut off electricity supplies to Latvia.", "THREATEN"),
        ("The Polish army shelled positions held by the militia.", "ASSAULT"),
        ("The minister resigned on Sunday after the scandal.", "RETREAT"),
        ("Canada will provide food aid to Haiti, the ministry said.", "AGREE"),
        ("Greece said Turkey must withdraw its troops from the island.", "REQUEST"),
    ],
)
def test_central_category(nlp, sentence: str, category: str) -> None:  # type: ignore[no-untyped-def]
    assert central(nlp, sentence).code.category == category


def test_future_cooperation_is_agree_and_condition_makes_a_threat(nlp) -> None:  # type: ignore[no-untyped-def]
    assert (
        central(nlp, "Finland will withdraw its observers from Kosovo unless the fighting stops.").code.category
        == "THREATEN"
    )


def test_negated_future_cooperation_is_reject(nlp) -> None:  # type: ignore[no-untyped-def]
    found = central(nlp, "Malta will not accept any more migrants this year.")
    assert found.code.category == "REJECT"
    assert not found.negated


def test_negated_past_meeting_is_kept_as_negated_consult(nlp) -> None:  # type: ignore[no-untyped-def]
    found = central(nlp, "The two presidents did not speak last year.")
    assert found.code.category == "CONSULT"
    assert found.negated


def test_gapped_coordination_gives_one_event_per_recipient(nlp) -> None:  # type: ignore[no-untyped-def]
    found = [
        f
        for f in code(nlp, "Finland threatened Oslo with tariffs, and Santiago with sanctions.")
        if f.code.category == "THREATEN"
    ]
    assert sorted(t.text for f in found for t in f.targets[:1]) == ["Oslo", "Santiago"]


def test_light_verb_noun_carries_event_and_medium(nlp) -> None:  # type: ignore[no-untyped-def]
    found = central(nlp, "The Chilean and Norwegian ministers held a videoconference on Monday.")
    assert (found.code.category, found.medium) == ("CONSULT", "video")


def test_bare_event_noun_takes_its_prepositional_recipient(nlp) -> None:  # type: ignore[no-untyped-def]
    found = [f for f in code(nlp, "Several banks have complied with the ban on Nordbank.") if f.nominal]
    assert found and found[0].code.category == "COERCE"
    assert found[0].targets[0].text == "Nordbank"


def test_phone_medium_from_pattern(nlp) -> None:  # type: ignore[no-untyped-def]
    found = central(nlp, "Norway's minister spoke with the Chilean ambassador by phone.")
    assert (found.code.category, found.medium) == ("CONSULT", "phone")


@pytest.mark.slow
def test_stage_on_test_article() -> None:
    from onrecord.ingest.article import make_article
    from onrecord.pipeline import Pipeline

    text = (ARTICLES / "events_meetings.txt").read_text(encoding="utf-8")
    art = make_article(text, published="2025-01-21")
    work = Pipeline()(art)
    cats = [(e.category, e.medium, e.negated) for e in work.events]
    assert ("CONSULT", "video", False) in cats
    assert any(c == "CONSULT" and neg for c, _, neg in cats)
    assert sum(1 for e in work.events if e.category == "THREATEN") >= 2
    assert all(e.id.startswith("event-") for e in work.events)
    assert sum(1 for e in work.events if e.central) <= len(list(work.doc.sents))
    again = Pipeline()(art)
    assert [e.id for e in again.events] == [e.id for e in work.events]


def ev(i: int, a1: str | None, a2: str | None, date: str | None, cat: str = "CONSULT", neg: bool = False) -> Event:
    return Event(
        id=f"event-{i}",
        article_id="art",
        category=cat,
        mode=None,
        actor1_id=a1,
        actor2_id=a2,
        date=date,
        date_precision="day" if date else "unknown",
        medium=None,
        negated=neg,
        span=(i, i + 1),
    )


def test_pair_timeline_orders_by_date_both_directions_undated_last() -> None:
    events = [
        ev(1, "a", "b", "2024-03-01"),
        ev(2, "b", "a", "2023-01-05"),
        ev(3, "a", "c", "2022-01-01"),
        ev(4, "a", "b", None),
        ev(5, "a", "b", "2024-01-01", neg=True),
    ]
    assert [e.id for e in pair_timeline(events, "a", "b")] == ["event-2", "event-5", "event-1", "event-4"]
    assert "event-5" not in [e.id for e in pair_timeline(events, "a", "b", include_negated=False)]


def test_counterparts_counts_and_directions() -> None:
    events = [
        ev(1, "a", "b", "2024-03-01"),
        ev(2, "b", "a", "2023-01-05", cat="THREATEN"),
        ev(3, "a", "c", None),
        ev(4, "d", "e", None),
        ev(5, "a", None, None),
    ]
    got = counterparts(events, "a")
    assert [c.actor_id for c in got] == ["b", "c"]
    assert (got[0].events, got[0].as_actor, got[0].as_recipient) == (2, 1, 1)
    assert (got[0].first_date, got[0].last_date) == ("2023-01-05", "2024-03-01")
    assert got[0].categories == (("CONSULT", 1), ("THREATEN", 1))


@pytest.fixture(scope="module")
def sides_work():  # type: ignore[no-untyped-def]
    from onrecord.ingest.article import make_article
    from onrecord.pipeline import Pipeline

    text = (ARTICLES / "events_sides.txt").read_text(encoding="utf-8")
    art = make_article(text, published="2025-03-03")
    return Pipeline()(art)


def _central_in(work, words: str) -> Event | None:  # type: ignore[no-untyped-def]
    start = work.article.text.index(words)
    end = work.article.text.find("\n", start)  # one sentence a line in the test article
    end = len(work.article.text) if end < 0 else end
    evs = [e for e in work.events if e.central and start <= e.span[0] < end]
    return evs[0] if evs else None


def _country(work, actor_id: str | None) -> str | None:  # type: ignore[no-untyped-def]
    actor = work.actors.get(actor_id) if actor_id else None
    return actor.country if actor else None


def test_side_named_by_a_demonym_gets_that_country_in_the_system(sides_work) -> None:  # type: ignore[no-untyped-def]
    ev = _central_in(sides_work, "Peruvian tanks shelled")
    assert ev is not None and ev.category == "ASSAULT"
    assert _country(sides_work, ev.actor1_id) == "PER"
    # the actor and a mention of it are in the record, so exports and checks see them
    assert any(m.actor_id == ev.actor1_id for m in sides_work.mentions)


def test_rejected_event_noun_stands_for_whoever_made_it(sides_work) -> None:  # type: ignore[no-untyped-def]
    ev = _central_in(sides_work, "Kenya rejected")
    assert ev is not None and ev.category == "REJECT"
    assert _country(sides_work, ev.actor1_id) == "KEN"
    assert _country(sides_work, ev.actor2_id) == "NOR"


def test_threat_condition_subject_is_the_recipient(sides_work) -> None:  # type: ignore[no-untyped-def]
    ev = _central_in(sides_work, "Ghana has threatened")
    assert ev is not None and ev.category == "THREATEN"
    assert _country(sides_work, ev.actor2_id) == "PRT"


def test_purpose_clause_gives_a_protest_its_recipient(sides_work) -> None:  # type: ignore[no-untyped-def]
    ev = _central_in(sides_work, "Farmers staged")
    assert ev is not None and ev.category == "PROTEST"
    assert _country(sides_work, ev.actor2_id) == "CHL"


def test_opinion_and_thing_subjects_are_no_events(sides_work) -> None:  # type: ignore[no-untyped-def]
    assert _central_in(sides_work, "I think he is attacking") is None
    assert _central_in(sides_work, "Its exports reached") is None


def test_bodies_of_no_country_score_as_non_state_codes() -> None:
    import importlib.util
    import sys

    path = Path(__file__).resolve().parents[1] / "eval" / "events.py"
    spec = importlib.util.spec_from_file_location("eval_events", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["eval_events"] = mod
    spec.loader.exec_module(mod)
    assert mod.side_ok("INT", {"IGO"})
    assert not mod.side_ok("INT", {"USA"})
    assert mod.side_ok("USA", {"USA", "IGO"})
    assert mod.side_ok(None, set())


def test_unnamed_agent_is_coded_by_the_place_and_a_passive_patient_is_the_recipient(sides_work) -> None:  # type: ignore[no-untyped-def]
    ev = _central_in(sides_work, "A journalist from Spain")
    assert ev is not None and ev.category == "COERCE"
    assert _country(sides_work, ev.actor1_id) == "MAR"
    assert _country(sides_work, ev.actor2_id) == "ESP"


def test_possessive_pronoun_side_is_the_reporting_subject(sides_work) -> None:  # type: ignore[no-untyped-def]
    ev = _central_in(sides_work, "Bolivian rebels said")
    assert ev is not None and ev.category == "RETREAT"
    assert _country(sides_work, ev.actor1_id) == "BOL"


def test_purpose_clause_search_reaches_the_named_party(sides_work) -> None:  # type: ignore[no-untyped-def]
    ev = _central_in(sides_work, "Protesters blocked roads")
    assert ev is not None and ev.category == "PROTEST"
    assert _country(sides_work, ev.actor2_id) == "TUN"


def test_suing_is_an_accusation(sides_work) -> None:  # type: ignore[no-untyped-def]
    ev = _central_in(sides_work, "A Brazilian farmer")
    assert ev is not None and ev.category == "ACCUSE"
    assert (_country(sides_work, ev.actor1_id), _country(sides_work, ev.actor2_id)) == ("BRA", "CAN")


def test_reiterated_demand_is_a_request_of_the_clause_subject(sides_work) -> None:  # type: ignore[no-untyped-def]
    ev = _central_in(sides_work, "The union reiterated")
    assert ev is not None and ev.category == "REQUEST"
    assert _country(sides_work, ev.actor2_id) == "SWE"


def test_reflexive_object_is_no_event(sides_work) -> None:  # type: ignore[no-untyped-def]
    assert _central_in(sides_work, "The senator exposed himself") is None


def test_unnamed_local_party_takes_the_only_country_of_its_sentence(sides_work) -> None:  # type: ignore[no-untyped-def]
    ev = _central_in(sides_work, "The Zambian government accepted")
    assert ev is not None and ev.category == "CONCEDE"
    assert _country(sides_work, ev.actor2_id) == "ZMB"
    actor = sides_work.actors[ev.actor2_id]
    assert actor.kind == "group"  # the teachers, not Zambia itself


def test_a_month_is_no_protest_march(sides_work) -> None:  # type: ignore[no-untyped-def]
    ev = _central_in(sides_work, "In March, the minister")
    assert ev is None or ev.category != "PROTEST"


def test_meeting_place_is_not_the_counterpart(sides_work) -> None:  # type: ignore[no-untyped-def]
    ev = _central_in(sides_work, "The foreign ministers of Peru")
    assert ev is not None and ev.category == "CONSULT"
    assert _country(sides_work, ev.actor2_id) != "PER" or _country(sides_work, ev.actor1_id) != "PER"
    assert ev.actor2_text is None or "Lima" not in ev.actor2_text


def test_indefinite_pronoun_is_no_party(sides_work) -> None:  # type: ignore[no-untyped-def]
    assert _central_in(sides_work, '"Someone will have to pay') is None


def test_vow_whose_infinitive_the_parser_hangs_as_an_adverbial_is_a_threat(sides_work) -> None:  # type: ignore[no-untyped-def]
    ev = _central_in(sides_work, "Rebel leaders have sworn")
    assert ev is not None and ev.category == "THREATEN"


@pytest.mark.parametrize(
    "text",
    [
        "In the poll, Ortiz received 37 percent and Lamb had 36 percent.",  # a result, not a reception
        "Governor Ortiz has never met an opponent like Senator Lamb.",  # compared to, not met
    ],
)
def test_no_meeting_between_named_people(text: str) -> None:
    """Sentences written for the tests: neither records a meeting between the two people named."""
    from onrecord.ingest.article import make_article
    from onrecord.pipeline import Pipeline

    work = Pipeline(["actors.v1", "timex.v1", "events.v1"])(make_article(text, published="2024-05-02"))
    pairs = [(e.actor1_id, e.actor2_id) for e in work.events if e.category == "CONSULT"]
    assert not [p for p in pairs if p[0] and p[1]], pairs
