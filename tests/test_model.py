"""The record model: JSON round trips and stable identities."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from onrecord.model import (
    Actor,
    Claim,
    Conflict,
    Event,
    Quote,
    Role,
    from_json,
    normalize_text,
    record_id,
    sha256_text,
    to_json,
)

texts = st.text(min_size=1, max_size=40)
ids = st.from_regex(r"[a-z]{3,8}-[0-9a-f]{16}", fullmatch=True)
spans = st.tuples(st.integers(0, 500), st.integers(0, 500)).map(lambda t: (min(t), max(t)))
dates = st.none() | st.from_regex(r"20[0-2][0-9](-(0[1-9]|1[0-2]))?", fullmatch=True)
values = st.none() | st.floats(allow_nan=False, allow_infinity=False, width=32)

quotes = st.builds(
    Quote, id=ids, article_id=ids, speaker_id=st.none() | ids, speaker_text=st.none() | texts, text=texts,
    kind=st.sampled_from(["direct", "indirect", "mixed"]), cue=st.none() | texts, said_on=dates, span=spans,
    speaker_span=st.none() | spans, cue_span=st.none() | spans, parent_id=st.none() | ids,
)
claims = st.builds(
    Claim, id=ids, article_id=ids, asserter_id=st.none() | ids, asserted_on=dates, subject=texts, value=values,
    value_low=values, value_high=values, unit=st.none() | st.sampled_from(["USD", "%", "person"]),
    qualifier=st.sampled_from(["exact", "approx", "at_least", "at_most"]), time_scope=dates,
    quote_id=st.none() | ids, span=spans, subject_key=st.text(max_size=20),
)
actors = st.builds(
    Actor, id=ids, name=texts, kind=st.sampled_from(["person", "organization", "country", "group"]),
    country=st.none() | st.from_regex(r"[A-Z]{3}", fullmatch=True), aliases=st.lists(texts, max_size=3).map(tuple),
    roles=st.lists(st.builds(Role, title=texts, country=st.none() | st.just("USA"), start=dates, end=dates),
                   max_size=2).map(tuple),
)
events = st.builds(
    Event, id=ids, article_id=ids, category=st.sampled_from(["CONSULT", "THREATEN", "OTHER"]), mode=st.none(),
    actor1_id=st.none() | ids, actor2_id=st.none() | ids, date=dates,
    date_precision=st.sampled_from(["day", "month", "year", "unknown"]), medium=st.none() | st.just("video"),
    negated=st.booleans(), span=spans,
)
conflicts = st.builds(
    Conflict, id=ids, kind=st.sampled_from(["self_contradiction", "rebutted_in_text"]),
    claim_ids=st.lists(ids, max_size=3).map(tuple), quote_ids=st.lists(ids, max_size=2).map(tuple),
    event_ids=st.lists(ids, max_size=2).map(tuple), explanation=texts, score=st.floats(0, 1),
)


@given(st.one_of(quotes, claims, actors, events, conflicts))
def test_json_round_trip(record: object) -> None:
    assert from_json(to_json(record)) == record  # type: ignore[arg-type]


def test_json_has_contract_type_and_id() -> None:
    q = Quote(id="quote-1", article_id="art-1", speaker_id=None, speaker_text=None, text="x", kind="direct",
              cue="say", said_on=None, span=(3, 4))
    obj = to_json(q)
    assert obj["type"] == "quote" and obj["id"] == "quote-1" and obj["span"] == [3, 4]


def test_identity_ignores_line_endings_and_trailing_blanks() -> None:
    assert sha256_text("One line.\r\nTwo lines.  \n") == sha256_text("One line.\nTwo lines.")
    assert normalize_text("  a\r\nb  ") == "a\nb"


def test_record_id_is_stable_and_distinguishes_parts() -> None:
    assert record_id("quote", "art-1", 3, 9) == record_id("quote", "art-1", 3, 9)
    assert record_id("quote", "art-1", 3, 9) != record_id("quote", "art-1", 3, 10)
