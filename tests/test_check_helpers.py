"""Builders of hand-made records for the consistency-check tests (written for the tests)."""

from __future__ import annotations

from onrecord.model import Actor, Article, Claim, Event, Quote, record_id, sha256_text


def article(aid: str, text: str, published: str) -> Article:
    return Article(
        id=aid,
        title=f"Title of {aid}",
        published=published,
        source="Test Wire",
        language="en",
        text=text,
        sha256=sha256_text(text),
    )


def actor(name: str, kind: str = "person") -> Actor:
    return Actor(id="actor-" + name.lower().replace(" ", "-"), name=name, kind=kind)  # type: ignore[arg-type]


def claim(
    art: Article,
    quantity: str,
    subject: str,
    value: float,
    *,
    asserter: str | None,
    said: str | None,
    qualifier: str = "exact",
    unit: str | None = None,
    time_scope: str | None = None,
    measure: str | None = None,
    low: float | None = None,
    high: float | None = None,
) -> Claim:
    start = art.text.index(quantity)
    return Claim(
        id=record_id("claim", art.id, start, start + len(quantity)),
        article_id=art.id,
        asserter_id=asserter,
        asserted_on=said,
        subject=subject,
        value=value,
        value_low=low,
        value_high=high,
        unit=unit,
        qualifier=qualifier,
        time_scope=time_scope,
        quote_id=None,  # type: ignore[arg-type]
        span=(start, start + len(quantity)),
        text=quantity,
        measure=measure,
    )


def event(
    art: Article,
    trigger: str,
    a1: str | None,
    a2: str | None,
    date: str | None,
    *,
    negated: bool = False,
    medium: str | None = None,
    category: str = "CONSULT",
) -> Event:
    start = art.text.index(trigger)
    prec = {10: "day", 7: "month", 4: "year"}.get(len(date or ""), "unknown")
    return Event(
        id=record_id("event", art.id, start),
        article_id=art.id,
        category=category,
        mode=None,
        actor1_id=a1,
        actor2_id=a2,
        date=date,
        date_precision=prec,  # type: ignore[arg-type]
        medium=medium,
        negated=negated,
        span=(start, start + len(trigger)),
        trigger=trigger,
    )


def quote(art: Article, words: str, speaker: str | None, said: str | None, speaker_text: str | None = None) -> Quote:
    start = art.text.index(words)
    return Quote(
        id=record_id("quote", art.id, start, start + len(words)),
        article_id=art.id,
        speaker_id=speaker,
        speaker_text=speaker_text,
        text=words,
        kind="direct",
        cue="say",
        said_on=said,
        span=(start, start + len(words)),
    )
