"""Reported contacts against denials, in one text and across the record (articles written for the tests)."""

from __future__ import annotations

from onrecord.check import MemoryHistory, check_records, explain
from test_check_helpers import actor, article, event, quote

A = actor("Lena Rask")
B = actor("Omar Hadi")
C = actor("Ines Moro")


def check(new, old=(), min_score=0.5):  # type: ignore[no-untyped-def]
    history = MemoryHistory([*old, *new])
    return check_records(list(new), history, min_score=min_score), history


def test_tradition_rebutted_by_a_later_source() -> None:
    text = (
        'Rask and Hadi held a call on Tuesday. Rask said the call "follows our custom of talking at the start of '
        'the year, a tradition we keep." However, according to the ministry, the two leaders did not speak in 2024 '
        "before March 3."
    )
    art = article("art-t", text, "2025-01-15")
    call = event(art, "held a call", A.id, B.id, "2025-01-14", medium="phone")
    q = quote(art, "follows our custom of talking at the start of the year, a tradition we keep.", A.id, "2025-01-14")
    denial = event(art, "did not speak", None, None, "2024", negated=True)
    conflicts, history = check([art, A, B, call, q, denial])
    assert [c.kind for c in conflicts] == ["rebutted_in_text"]
    assert q.id in conflicts[0].quote_ids and denial.id in conflicts[0].event_ids
    assert "Reasoning" in explain(conflicts[0], history)


def test_no_contrast_connective_means_no_rebuttal() -> None:
    text = (
        'Rask and Hadi held a call on Tuesday. Rask said the call "follows our custom of talking at the start of '
        'the year, a tradition we keep." According to the ministry, the two leaders did not speak in 2024 '
        "before March 3."
    )
    art = article("art-t2", text, "2025-01-15")
    call = event(art, "held a call", A.id, B.id, "2025-01-14", medium="phone")
    q = quote(art, "follows our custom of talking at the start of the year, a tradition we keep.", A.id, "2025-01-14")
    denial = event(art, "did not speak", None, None, "2024", negated=True)
    assert check([art, A, B, call, q, denial])[0] == []


def test_denial_outside_the_implied_period_is_not_a_rebuttal() -> None:
    text = (
        'Rask and Hadi held a call on Tuesday. Rask said the call "follows our custom of talking at the start of '
        'the year, a tradition we keep." However, according to the ministry, the two leaders did not speak in 2024 '
        "before January 2."
    )
    art = article("art-t3", text, "2025-01-15")
    call = event(art, "held a call", A.id, B.id, "2025-01-14", medium="phone")
    q = quote(art, "follows our custom of talking at the start of the year, a tradition we keep.", A.id, "2025-01-14")
    denial = event(art, "did not speak", None, None, "2024", negated=True)
    assert check([art, A, B, call, q, denial])[0] == []


def _meeting(date: str = "2024-06-12", medium: str | None = "in_person"):  # type: ignore[no-untyped-def]
    text = "Rask met Hadi in Geneva on June 12, officials said."
    art = article("art-m", text, "2024-06-13")
    return art, event(art, "met", A.id, B.id, date, medium=medium)


def test_never_met_against_a_recorded_meeting() -> None:
    old_art, meeting = _meeting()
    text = '"I have never met Hadi," Rask told reporters on Friday.'
    art = article("art-n", text, "2024-11-09")
    denial = event(art, "never met", A.id, B.id, None, negated=True)
    q = quote(art, "I have never met Hadi,", A.id, "2024-11-08")
    conflicts, _ = check([art, A, B, denial, q], [old_art, meeting])
    assert [c.kind for c in conflicts] == ["record_contradiction"]
    assert set(conflicts[0].event_ids) == {denial.id, meeting.id}
    assert conflicts[0].score >= 0.8


def test_never_met_against_a_phone_call_scores_low() -> None:
    old_art, meeting = _meeting(medium="phone")
    text = '"I have never met Hadi," Rask told reporters on Friday.'
    art = article("art-n2", text, "2024-11-09")
    denial = event(art, "never met", A.id, B.id, None, negated=True)
    assert check([art, A, B, denial], [old_art, meeting])[0] == []  # dropped at the default threshold
    conflicts, _ = check([art, A, B, denial], [old_art, meeting], min_score=0.0)
    assert len(conflicts) == 1 and conflicts[0].score < 0.5


def test_meeting_after_the_denial_is_not_a_contradiction() -> None:
    old_art, meeting = _meeting(date="2025-02-01")
    text = '"I have never met Hadi," Rask told reporters on Friday.'
    art = article("art-n3", text, "2024-11-09")
    denial = event(art, "never met", A.id, B.id, None, negated=True)
    assert check([art, A, B, denial], [old_art, meeting])[0] == []


def test_never_met_someone_else_is_not_paired() -> None:
    old_art, meeting = _meeting()
    text = '"I have never met Moro," Rask told reporters on Friday.'
    art = article("art-n4", text, "2024-11-09")
    denial = event(art, "never met", A.id, C.id, None, negated=True)
    assert check([art, A, B, C, denial], [old_art, meeting])[0] == []


def test_first_call_since_against_an_earlier_recorded_call() -> None:
    old_art, meeting = _meeting(date="2024-06-12", medium="phone")
    text = "Rask and Hadi spoke by phone on Monday, their first call since 2023, aides said."
    art = article("art-f", text, "2025-03-04")
    call = event(art, "spoke by phone", A.id, B.id, "2025-03-03", medium="phone")
    conflicts, _ = check([art, A, B, call], [old_art, meeting])
    assert [c.kind for c in conflicts] == ["record_contradiction"]


def test_new_meeting_checked_against_an_older_denial() -> None:
    text = '"I have never met Hadi," Rask told reporters on Friday.'
    old_art = article("art-n5", text, "2024-11-09")
    denial = event(old_art, "never met", A.id, B.id, None, negated=True)
    art, meeting = _meeting(date="2024-06-12")
    conflicts, _ = check([art, A, B, meeting], [old_art, denial])
    assert [c.kind for c in conflicts] == ["record_contradiction"]


def test_first_meeting_ever_against_an_earlier_recorded_meeting() -> None:
    old_art, meeting = _meeting(date="2024-06-12")
    text = "Rask and Hadi met for the first time in Rome on Monday, their offices said."
    art = article("art-fe", text, "2025-03-04")
    new_meeting = event(art, "met", A.id, B.id, "2025-03-03", medium="in_person")
    conflicts, _ = check([art, A, B, new_meeting], [old_art, meeting])
    assert [c.kind for c in conflicts] == ["record_contradiction"]


def test_not_spoken_since_against_a_later_recorded_call() -> None:
    old_art, call = _meeting(date="2024-06-12", medium="phone")
    text = '"We have not spoken since March 2023," Rask told reporters on Friday about Hadi.'
    art = article("art-ns", text, "2024-11-09")
    denial = event(art, "not spoken", A.id, B.id, None, negated=True)
    q = quote(art, "We have not spoken since March 2023,", A.id, "2024-11-08")
    conflicts, _ = check([art, A, B, denial, q], [old_art, call])
    assert [c.kind for c in conflicts] == ["record_contradiction"]
    assert conflicts[0].score >= 0.8  # a denial of any contact is contradicted by a call


def test_not_spoken_since_a_date_after_the_recorded_call() -> None:
    old_art, call = _meeting(date="2024-06-12", medium="phone")
    text = '"We have not spoken since August 2024," Rask told reporters on Friday about Hadi.'
    art = article("art-ns2", text, "2024-11-09")
    denial = event(art, "not spoken", A.id, B.id, None, negated=True)
    assert check([art, A, B, denial], [old_art, call])[0] == []


def test_leaders_named_by_their_countries_are_the_same_pair_in_one_text() -> None:
    from onrecord.model import Actor

    rask = Actor(id=A.id, name=A.name, kind="person", country="NOR")
    hadi = Actor(id=B.id, name=B.name, kind="person", country="EGY")
    norway = Actor(id="actor-norway", name="Norway", kind="country", country="NOR")
    egypt = Actor(id="actor-egypt", name="Egypt", kind="country", country="EGY")
    text = (
        'The leaders of Norway and Egypt held talks on Monday. Rask said the talks "continue our tradition of '
        'meeting at the start of the year." However, according to the ministry, the two leaders did not meet '
        "in 2024 before April 2."
    )
    art = article("art-cl", text, "2025-01-15")
    talks = event(art, "held talks", norway.id, egypt.id, "2025-01-13")
    q = quote(art, "continue our tradition of meeting at the start of the year.", A.id, "2025-01-14")
    denial = event(art, "did not meet", A.id, B.id, "2024", negated=True)
    conflicts, _ = check([art, rask, hadi, norway, egypt, talks, q, denial])
    assert [c.kind for c in conflicts] == ["rebutted_in_text"]


def test_narrator_rebutting_a_quoted_speaker() -> None:
    text = (
        'Rask said she "spoke with Hadi last week about the border". '
        "However, the two leaders have not spoken since January, records show."
    )
    art = article("art-nr", text, "2025-03-14")
    q = quote(art, "spoke with Hadi last week about the border", A.id, "2025-03-13")
    call = event(art, "spoke", A.id, B.id, "2025-03-05")
    denial = event(art, "have not spoken", None, None, None, negated=True)
    conflicts, _ = check([art, A, B, q, call, denial])
    assert [c.kind for c in conflicts] == ["rebutted_in_text"]


def test_narrator_against_narrator_is_not_a_rebuttal() -> None:
    text = "Rask and Hadi spoke last week about the border. However, the two leaders have not spoken since January."
    art = article("art-nn", text, "2025-03-14")
    call = event(art, "spoke", A.id, B.id, "2025-03-05")
    denial = event(art, "have not spoken", None, None, None, negated=True)
    assert check([art, A, B, call, denial])[0] == []


def test_not_spoken_for_months_covers_a_recent_call() -> None:
    old_art = article("art-call", "Rask spoke with Hadi by phone on October 30, officials said.", "2024-10-31")
    call = event(old_art, "spoke", A.id, B.id, "2024-10-30", medium="phone")
    text = '"I have not spoken to Hadi for months," Rask told reporters on Friday.'
    art = article("art-fm", text, "2024-11-09")
    denial = event(art, "spoken", A.id, B.id, "2024-11-08", negated=True)
    q = quote(art, "I have not spoken to Hadi for months,", A.id, "2024-11-08")
    conflicts, _ = check([art, A, B, denial, q], [old_art, call])
    assert [c.kind for c in conflicts] == ["record_contradiction"]


def test_not_spoken_for_weeks_leaves_an_older_call_alone() -> None:
    old_art, call = _meeting(date="2024-06-12", medium="phone")
    text = '"I have not spoken to Hadi for two weeks," Rask told reporters on Friday.'
    art = article("art-fw", text, "2024-11-09")
    denial = event(art, "spoken", A.id, B.id, "2024-11-08", negated=True)
    q = quote(art, "I have not spoken to Hadi for two weeks,", A.id, "2024-11-08")
    assert check([art, A, B, denial, q], [old_art, call])[0] == []


def test_spoke_with_of_unstated_medium_is_weak_against_never_met() -> None:
    old_art, call = _meeting(medium=None)
    text = '"I have never met Hadi," Rask told reporters on Friday.'
    art = article("art-sw", text, "2024-11-09")
    denial = event(art, "never met", A.id, B.id, None, negated=True)
    spoke = article("art-sp", "Rask spoke with Hadi on June 12, officials said.", "2024-06-13")
    talk = event(spoke, "spoke", A.id, B.id, "2024-06-12")
    assert check([art, A, B, denial], [spoke, talk])[0] == []
    assert [c.kind for c in check([art, A, B, denial], [old_art, call])[0]] == ["record_contradiction"]


def test_first_meeting_in_two_years_against_a_recorded_meeting() -> None:
    old_art, meeting = _meeting()
    text = "Rask met Hadi in Rome on Tuesday, their first meeting in two years, officials said."
    art = article("art-fy", text, "2024-10-03")
    talks = event(art, "met", A.id, B.id, "2024-10-01", medium="in_person")
    conflicts, _ = check([art, A, B, talks], [old_art, meeting])
    assert [c.kind for c in conflicts] == ["record_contradiction"]
    assert set(conflicts[0].event_ids) == {talks.id, meeting.id}


def test_first_meeting_in_two_months_leaves_an_older_meeting_alone() -> None:
    old_art, meeting = _meeting()
    text = "Rask met Hadi in Rome on Tuesday, their first meeting in two months, officials said."
    art = article("art-fm2", text, "2024-10-03")
    talks = event(art, "met", A.id, B.id, "2024-10-01", medium="in_person")
    assert check([art, A, B, talks], [old_art, meeting])[0] == []


def test_first_time_belongs_to_its_own_clause() -> None:
    old_art, meeting = _meeting()
    scoped = article(
        "art-ft", "On Sunday, Rask disclosed for the first time that Hadi called her on Friday.", "2024-11-11"
    )
    call = event(scoped, "called", B.id, A.id, "2024-11-08")
    assert check([scoped, A, B, call], [old_art, meeting])[0] == []
    # the same words about the call itself make it the first contact, which the June meeting contradicts
    own = article("art-ft2", "Hadi called Rask for the first time on Friday, aides said.", "2024-11-11")
    first = event(own, "called", B.id, A.id, "2024-11-08")
    assert [c.kind for c in check([own, A, B, first], [old_art, meeting])[0]] == ["record_contradiction"]
