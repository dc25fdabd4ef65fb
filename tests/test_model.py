"""The record model: JSON round trips and stable identities."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from onrecord.model import Quote, from_json, normalize_text, record_id, sha256_text, to_json
from strategies import actors, claims, conflicts, events, quotes


@given(st.one_of(quotes, claims, actors, events, conflicts))
def test_json_round_trip(record: object) -> None:
    assert from_json(to_json(record)) == record  # type: ignore[arg-type]


def test_json_has_contract_type_and_id() -> None:
    q = Quote(
        id="quote-1",
        article_id="art-1",
        speaker_id=None,
        speaker_text=None,
        text="x",
        kind="direct",
        cue="say",
        said_on=None,
        span=(3, 4),
    )
    obj = to_json(q)
    assert obj["type"] == "quote" and obj["id"] == "quote-1" and obj["span"] == [3, 4]


def test_identity_ignores_line_endings_and_trailing_blanks() -> None:
    assert sha256_text("One line.\r\nTwo lines.  \n") == sha256_text("One line.\nTwo lines.")
    assert normalize_text("  a\r\nb  ") == "a\nb"


def test_record_id_is_stable_and_distinguishes_parts() -> None:
    assert record_id("quote", "art-1", 3, 9) == record_id("quote", "art-1", 3, 9)
    assert record_id("quote", "art-1", 3, 9) != record_id("quote", "art-1", 3, 10)
