"""Two statements of one denial against the same recorded events make one conflict."""

from __future__ import annotations

from onrecord.check.findings import Finding, merge_same_evidence


def finding(quote: str, score: float, events: tuple[str, ...] = ("event-1",)) -> Finding:
    return Finding(
        "record_contradiction",
        score,
        f"explained {quote}",
        "",
        quote_ids=(quote,),
        event_ids=events,
        article_ids=("art-a", "art-b"),
    )


def test_same_events_merge_and_keep_both_statements() -> None:
    (merged,) = merge_same_evidence([finding("quote-1", 0.6), finding("quote-2", 0.7)])
    assert merged.quote_ids == ("quote-1", "quote-2") and merged.score == 0.7
    assert merged.explanation == "explained quote-2"


def test_other_events_or_kinds_stay_apart() -> None:
    other = Finding("self_contradiction", 0.9, "x", "", claim_ids=("claim-1", "claim-2"))
    out = merge_same_evidence([finding("quote-1", 0.6), finding("quote-2", 0.6, ("event-2",)), other])
    assert len(out) == 3
