"""Hypothesis strategies for records, shared by the model and store tests."""

from __future__ import annotations

from hypothesis import strategies as st

from onrecord.model import Actor, Claim, Conflict, Event, Quote, Role

texts = st.text(min_size=1, max_size=40)
ids = st.from_regex(r"[a-z]{3,8}-[0-9a-f]{16}", fullmatch=True)
spans = st.tuples(st.integers(0, 500), st.integers(0, 500)).map(lambda t: (min(t), max(t)))
dates = st.none() | st.from_regex(r"20[0-2][0-9](-(0[1-9]|1[0-2]))?", fullmatch=True)
values = st.none() | st.floats(allow_nan=False, allow_infinity=False, width=32)

quotes = st.builds(
    Quote,
    id=ids,
    article_id=ids,
    speaker_id=st.none() | ids,
    speaker_text=st.none() | texts,
    text=texts,
    kind=st.sampled_from(["direct", "indirect", "mixed"]),
    cue=st.none() | texts,
    said_on=dates,
    span=spans,
    speaker_span=st.none() | spans,
    cue_span=st.none() | spans,
    parent_id=st.none() | ids,
)
claims = st.builds(
    Claim,
    id=ids,
    article_id=ids,
    asserter_id=st.none() | ids,
    asserted_on=dates,
    subject=texts,
    value=values,
    value_low=values,
    value_high=values,
    unit=st.none() | st.sampled_from(["USD", "%", "person"]),
    qualifier=st.sampled_from(["exact", "approx", "at_least", "at_most"]),
    time_scope=dates,
    quote_id=st.none() | ids,
    span=spans,
    subject_key=st.text(max_size=20),
)
actors = st.builds(
    Actor,
    id=ids,
    name=texts,
    kind=st.sampled_from(["person", "organization", "country", "group"]),
    country=st.none() | st.from_regex(r"[A-Z]{3}", fullmatch=True),
    aliases=st.lists(texts, max_size=3).map(tuple),
    roles=st.lists(
        st.builds(Role, title=texts, country=st.none() | st.just("USA"), start=dates, end=dates), max_size=2
    ).map(tuple),
)
events = st.builds(
    Event,
    id=ids,
    article_id=ids,
    category=st.sampled_from(["CONSULT", "THREATEN", "OTHER"]),
    mode=st.none(),
    actor1_id=st.none() | ids,
    actor2_id=st.none() | ids,
    date=dates,
    date_precision=st.sampled_from(["day", "month", "year", "unknown"]),
    medium=st.none() | st.just("video"),
    negated=st.booleans(),
    span=spans,
)
conflicts = st.builds(
    Conflict,
    id=ids,
    kind=st.sampled_from(["self_contradiction", "rebutted_in_text"]),
    claim_ids=st.lists(ids, max_size=3).map(tuple),
    quote_ids=st.lists(ids, max_size=2).map(tuple),
    event_ids=st.lists(ids, max_size=2).map(tuple),
    explanation=texts,
    score=st.floats(0, 1),
)
