"""The main jobs: ingest inputs into a store, or extract records without one.

Each article goes through the pipeline, then the checks against the record so far; its records and the
conflicts it brings are stored in one transaction, so an interrupted ingest loses and duplicates nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from onrecord.check.base import MemoryHistory
from onrecord.errors import IngestError
from onrecord.ingest.readers import IngestOptions, read_inputs
from onrecord.model import Actor, Article, Claim, Conflict, Event, Mention, Quote, Record
from onrecord.pipeline import Pipeline, Work
from onrecord.store.base import Store

LOGGER = logging.getLogger(__name__)


@dataclass
class Summary:
    """What an ingest did: counts, the inputs that failed, the conflicts found."""

    stored: int = 0
    unchanged: int = 0
    not_english: int = 0
    undated: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    records: dict[str, int] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)

    def exit_code(self) -> int:
        """0 all read; 1 some inputs failed; 2 all failed."""
        if not self.errors:
            return 0
        return 2 if self.stored + self.unchanged + self.not_english == 0 else 1

    def as_dict(self) -> dict[str, Any]:
        return {
            "stored": self.stored,
            "unchanged": self.unchanged,
            "not_english": self.not_english,
            "undated": self.undated,
            "errors": self.errors,
            "records": self.records,
            "conflicts": [c.id for c in self.conflicts],
        }


class _Layered:
    """The History of the store with the article being ingested laid over it."""

    def __init__(self, store: Store, new: MemoryHistory) -> None:
        self.store, self.new = store, new

    def claims_by_asserter(self, asserter_id: str) -> list[Claim]:
        return self.store.claims_by_asserter(asserter_id) + self.new.claims_by_asserter(asserter_id)

    def quotes_by_speaker(self, speaker_id: str) -> list[Quote]:
        return self.store.quotes_by_speaker(speaker_id) + self.new.quotes_by_speaker(speaker_id)

    def events_by_actor(self, actor_id: str) -> list[Event]:
        return self.store.events_by_actor(actor_id) + self.new.events_by_actor(actor_id)

    def article(self, article_id: str) -> Article | None:
        return self.new.article(article_id) or self.store.article(article_id)

    def actor(self, actor_id: str) -> Actor | None:
        return self.new.actor(actor_id) or self.store.actor(actor_id)

    def claims_by_block(self, asserter_id: str, block: str) -> list[Claim]:
        return self.store.claims_by_block(asserter_id, block) + self.new.claims_by_block(asserter_id, block)

    def claim(self, claim_id: str) -> Claim | None:
        return self.new.claim(claim_id) or self.store.claim(claim_id)

    def quote(self, quote_id: str) -> Quote | None:
        return self.new.quote(quote_id) or self.store.quote(quote_id)

    def event(self, event_id: str) -> Event | None:
        return self.new.event(event_id) or self.store.event(event_id)

    def mentions_in_article(self, article_id: str) -> list[Mention]:
        return self.new.mentions_in_article(article_id) or self.store.mentions_in_article(article_id)

    def events_in_article(self, article_id: str) -> list[Event]:
        return self.new.events_in_article(article_id) or self.store.events_in_article(article_id)


def date_inconsistencies(work: Work) -> list[dict[str, Any]]:
    return [{**d, "article_id": work.article.id} for d in work.notes.get("date_inconsistencies", [])]


def find_conflicts(works: Sequence[Work], history: Any) -> list[Conflict]:
    """Conflicts that the records of ``works`` bring, against ``history`` (which already holds them)."""
    from onrecord.check import check_records

    records: list[Record] = [r for w in works for r in w.records()]
    notes = [d for w in works for d in date_inconsistencies(w)]
    return list(check_records(records, history, date_inconsistencies=notes))


def _split(items: Iterable[Article | IngestError], summary: Summary) -> Iterator[Article]:
    for item in items:
        if isinstance(item, IngestError):
            LOGGER.error("%s", item)
            summary.errors.append(str(item))
        else:
            yield item


def ingest(
    inputs: Sequence[str],
    store: Store,
    options: IngestOptions | None = None,
    *,
    pipeline: Pipeline | None = None,
    n_process: int = 1,
    progress: Callable[[Article], None] | None = None,
) -> Summary:
    """Read, extract, check and store; articles already stored are left as they are."""
    summary = Summary()
    pending: list[Article] = []
    for article in _split(read_inputs(inputs, options or IngestOptions()), summary):
        if progress:
            progress(article)
        if store.has_article(article.id) or any(p.id == article.id for p in pending):
            summary.unchanged += 1
            continue
        if article.published is None:
            summary.undated.append(article.source or article.id)
        if article.language not in ("en", "und"):
            store.add_article([article])
            summary.not_english += 1
            continue
        pending.append(article)
    if not pending:
        return summary
    pipe = pipeline or Pipeline()

    def failed(article: Article, error: Exception) -> None:
        LOGGER.error("%s: %s", article.source or article.id, error)
        summary.errors.append(f"{article.source or article.id}: {error}")

    for work in pipe.pipe(pending, n_process=n_process, on_error=failed):
        records = work.records()
        new = MemoryHistory(records)
        conflicts = find_conflicts([work], _Layered(store, new))
        if store.add_article([*records, *conflicts]):
            summary.stored += 1
            summary.conflicts.extend(conflicts)
            for r in records:
                summary.records[r.TYPE] = summary.records.get(r.TYPE, 0) + 1
        else:
            summary.unchanged += 1
    return summary


def extract(
    articles: Iterable[Article], *, pipeline: Pipeline | None = None, with_conflicts: bool = True
) -> Iterator[Record]:
    """Records of the given articles, with the conflicts among them, touching no store."""
    pipe = pipeline or Pipeline()
    works = []
    seen: set[str] = set()
    for work in pipe.pipe(articles):
        for r in work.records():
            if isinstance(r, Actor):
                if r.id in seen:
                    continue
                seen.add(r.id)
            yield r
        works.append(work)
    if with_conflicts and works:
        history = MemoryHistory(r for w in works for r in w.records())
        yield from find_conflicts(works, history)
