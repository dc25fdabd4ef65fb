"""What the checks may ask of the record: claims by asserter, events by actor pair, records by id.

The SQLite and PostgreSQL stores implement :class:`History` with indexes, so checking one new article
costs time that depends on the records of its speakers, not on the size of the whole record.
:class:`MemoryHistory` serves tests and ``onrecord extract``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Protocol

from onrecord.check.keys import block_key
from onrecord.model import Actor, Article, Claim, Event, Mention, Quote, Record


class History(Protocol):
    def claims_by_asserter(self, asserter_id: str) -> list[Claim]: ...
    def quotes_by_speaker(self, speaker_id: str) -> list[Quote]: ...
    def events_by_actor(self, actor_id: str) -> list[Event]: ...
    def article(self, article_id: str) -> Article | None: ...
    def actor(self, actor_id: str) -> Actor | None: ...
    # added for onrecord.check: an index on (asserter_id, block_key(claim)) and lookups by id
    def claims_by_block(self, asserter_id: str, block: str) -> list[Claim]: ...
    def claim(self, claim_id: str) -> Claim | None: ...
    def quote(self, quote_id: str) -> Quote | None: ...
    def event(self, event_id: str) -> Event | None: ...
    def mentions_in_article(self, article_id: str) -> list[Mention]: ...
    def events_in_article(self, article_id: str) -> list[Event]: ...


class MemoryHistory:
    """A History over records held in memory."""

    def __init__(self, records: Iterable[Record] = ()) -> None:
        self._claims: dict[str, list[Claim]] = defaultdict(list)
        self._quotes: dict[str, list[Quote]] = defaultdict(list)
        self._events: dict[str, list[Event]] = defaultdict(list)
        self._articles: dict[str, Article] = {}
        self._actors: dict[str, Actor] = {}
        self._blocks: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        self._by_id: dict[str, Claim | Quote | Event] = {}
        self._mentions: dict[str, list[Mention]] = defaultdict(list)
        self._article_events: dict[str, list[Event]] = defaultdict(list)
        self.add(records)

    def add(self, records: Iterable[Record]) -> None:
        for r in records:
            if isinstance(r, (Claim, Quote, Event)):
                if r.id in self._by_id:
                    continue  # adding an article twice must not double its records
                self._by_id[r.id] = r
            if isinstance(r, Claim) and r.asserter_id:
                self._claims[r.asserter_id].append(r)
                self._blocks[(r.asserter_id, block_key(r))].append(r)
            elif isinstance(r, Quote) and r.speaker_id:
                self._quotes[r.speaker_id].append(r)
            elif isinstance(r, Mention):
                self._mentions[r.article_id].append(r)
            elif isinstance(r, Event):
                self._article_events[r.article_id].append(r)
                for a in {r.actor1_id, r.actor2_id} - {None}:
                    self._events[a].append(r)  # type: ignore[index]
            elif isinstance(r, Article):
                self._articles[r.id] = r
            elif isinstance(r, Actor):
                self._actors[r.id] = r

    def claims_by_asserter(self, asserter_id: str) -> list[Claim]:
        return list(self._claims.get(asserter_id, ()))

    def quotes_by_speaker(self, speaker_id: str) -> list[Quote]:
        return list(self._quotes.get(speaker_id, ()))

    def events_by_actor(self, actor_id: str) -> list[Event]:
        return list(self._events.get(actor_id, ()))

    def article(self, article_id: str) -> Article | None:
        return self._articles.get(article_id)

    def actor(self, actor_id: str) -> Actor | None:
        return self._actors.get(actor_id)

    def claims_by_block(self, asserter_id: str, block: str) -> list[Claim]:
        """Claims of one asserter whose :func:`onrecord.check.keys.block_key` is ``block``."""
        return list(self._blocks.get((asserter_id, block), ()))

    def claim(self, claim_id: str) -> Claim | None:
        r = self._by_id.get(claim_id)
        return r if isinstance(r, Claim) else None

    def quote(self, quote_id: str) -> Quote | None:
        r = self._by_id.get(quote_id)
        return r if isinstance(r, Quote) else None

    def event(self, event_id: str) -> Event | None:
        r = self._by_id.get(event_id)
        return r if isinstance(r, Event) else None

    def mentions_in_article(self, article_id: str) -> list[Mention]:
        return list(self._mentions.get(article_id, ()))

    def events_in_article(self, article_id: str) -> list[Event]:
        return list(self._article_events.get(article_id, ()))
