"""The read API that the CLI (and any web or HTTP front end) uses: lookups with their evidence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from onrecord.aggregates import Counterpart, counterparts, pair_timeline
from onrecord.errors import OnrecordError
from onrecord.model import Actor, Article, Claim, Conflict, Event, Quote, Record, Span, to_json
from onrecord.store.base import Store

_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+|\n+")


def sentence_around(text: str, span: Span, *, limit: int = 400) -> tuple[str, Span]:
    """The sentence(s) holding ``span`` and the span's offsets within it."""
    start, end = span
    lo = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        lo = m.end()
    m2 = _SENTENCE_END.search(text, end)
    hi = m2.start() + 1 if m2 else len(text)
    if hi - lo > limit:
        lo, hi = max(lo, start - limit // 2), min(hi, end + limit // 2)
    return text[lo:hi].strip(), (start - lo, end - lo)


@dataclass(frozen=True, slots=True)
class Evidence:
    """One record as a reader sees it: what, who, when, where from, and the sentence it stands in."""

    record: Record
    article: Article | None
    who: str | None
    when: str | None
    sentence: str
    span_in_sentence: Span

    def as_dict(self) -> dict[str, Any]:
        a = self.article
        return {
            "record": to_json(self.record),
            "who": self.who,
            "when": self.when,
            "sentence": self.sentence,
            "span_in_sentence": list(self.span_in_sentence),
            "article": {"id": a.id, "title": a.title, "published": a.published, "source": a.source, "url": a.url}
            if a
            else None,
        }


class Query:
    def __init__(self, store: Store) -> None:
        self.store = store

    def actor(self, name_or_id: str) -> Actor:
        found = self.store.find_actors(name_or_id)
        if not found:
            raise OnrecordError(f"no actor named {name_or_id!r}: list them with `onrecord actors`")
        exact = [a for a in found if a.name.casefold() == name_or_id.casefold() or a.id == name_or_id]
        return (exact or found)[0]

    def actors(self, kind: str | None = None) -> list[tuple[Actor, int]]:
        """Actors with how many quotes, claims and events they have, most active first."""
        counts: dict[str, int] = {}
        for type_, key in (("quote", "speaker_id"), ("claim", "asserter_id")):
            for r in self.store.iter_records(type_):
                k = getattr(r, key)
                if k:
                    counts[k] = counts.get(k, 0) + 1
        out = [(a, counts.get(a.id, 0)) for a in self.store.iter_records("actor") if isinstance(a, Actor)]
        if kind:
            out = [p for p in out if p[0].kind == kind]
        return sorted(out, key=lambda p: (-p[1], p[0].name))

    def evidence(self, record: Record) -> Evidence:
        article_id = getattr(record, "article_id", None)
        article = self.store.article(article_id) if article_id else None
        span = getattr(record, "span", (0, 0))
        sentence, inner = sentence_around(article.text, span) if article else ("", (0, 0))
        who_id = (
            getattr(record, "speaker_id", None)
            or getattr(record, "asserter_id", None)
            or getattr(record, "actor1_id", None)
        )
        who_actor = self.store.actor(who_id) if who_id else None
        who = who_actor.name if who_actor else getattr(record, "speaker_text", None)
        when = getattr(record, "said_on", None) or getattr(record, "asserted_on", None) or getattr(record, "date", None)
        return Evidence(record, article, who, when, sentence, inner)

    def quotes(self, speaker: str | None = None, *, limit: int = 50) -> list[Quote]:
        if speaker:
            rows = self.store.quotes_by_speaker(self.actor(speaker).id)
        else:
            rows = [r for r in self.store.iter_records("quote") if isinstance(r, Quote)]
        return sorted(rows, key=lambda q: (q.said_on or "", q.id))[:limit]

    def claims(self, asserter: str | None = None, *, limit: int = 50) -> list[Claim]:
        if asserter:
            rows = self.store.claims_by_asserter(self.actor(asserter).id)
        else:
            rows = [r for r in self.store.iter_records("claim") if isinstance(r, Claim)]
        return sorted(rows, key=lambda c: (c.asserted_on or "", c.id))[:limit]

    def events(self, actor: str | None = None, with_: str | None = None) -> list[Event]:
        """Events of an actor (with another, if given), oldest first."""
        if actor:
            a = self.actor(actor)
            rows = self.store.events_by_actor(a.id)
            if with_:
                return pair_timeline(rows, a.id, self.actor(with_).id)
        else:
            rows = [r for r in self.store.iter_records("event") if isinstance(r, Event)]
        return sorted(rows, key=lambda e: (e.date or "9999", e.article_id, e.span, e.id))

    def counterparts(self, actor: str) -> list[Counterpart]:
        """The actors that share events with ``actor``, most events first."""
        a = self.actor(actor)
        return counterparts(self.store.events_by_actor(a.id), a.id)

    def conflicts(self, kind: str | None = None) -> list[Conflict]:
        rows = [c for c in self.store.iter_records("conflict") if isinstance(c, Conflict)]
        if kind:
            rows = [c for c in rows if c.kind == kind]
        return sorted(rows, key=lambda c: (-c.score, c.id))

    def conflict(self, conflict_id: str) -> Conflict:
        c = self.store.get(conflict_id)
        if not isinstance(c, Conflict):
            raise OnrecordError(f"no conflict {conflict_id!r}: list them with `onrecord conflicts`")
        return c

    def conflict_evidence(self, conflict: Conflict) -> list[Evidence]:
        """The passages a conflict rests on, oldest first; one per sentence (a claim and its quote share one)."""
        out: dict[tuple[str, str], Evidence] = {}
        for rid in (*conflict.claim_ids, *conflict.quote_ids, *conflict.event_ids):
            r = self.store.get(rid)
            if r is None:
                continue
            ev = self.evidence(r)
            key = (ev.article.id if ev.article else "", ev.sentence)
            if key not in out or (out[key].when is None and ev.when is not None):
                out[key] = ev
        return sorted(out.values(), key=lambda e: (e.when or "", e.record.id))

    def search(self, text: str, *, limit: int = 20) -> Iterator[Evidence]:
        for hit in self.store.search(text, limit=limit):
            r = self.store.get(hit["id"])
            if isinstance(r, Quote):
                yield self.evidence(r)
            elif isinstance(r, Article):
                yield Evidence(r, r, r.source, r.published, r.title or r.text[:160], (0, 0))

    def stats(self) -> dict[str, int]:
        return {
            t: self.store.count(t)
            for t in ("article", "actor", "mention", "timex", "quote", "claim", "event", "conflict")
        }
