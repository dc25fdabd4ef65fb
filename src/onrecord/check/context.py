"""What the checks look up while judging: article texts, actor names, the new article's records."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from onrecord.check.base import History
from onrecord.check.text import sentence_at, sentence_bounds
from onrecord.model import Actor, Article, Claim, Event, Mention, Quote, Record, Timex


@dataclass
class Context:
    """The history plus the records of the article(s) being checked, indexed for the checks."""

    history: History
    new: Sequence[Record]
    articles: dict[str, Article] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    quotes: dict[str, Quote] = field(default_factory=dict)
    mentions: dict[str, list[Mention]] = field(default_factory=dict)
    timexes: dict[str, list[Timex]] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def __post_init__(self) -> None:
        for r in self.new:
            if isinstance(r, Article):
                self.articles[r.id] = r
            elif isinstance(r, Actor):
                self.actors[r.id] = r
            elif isinstance(r, Quote):
                self.quotes[r.id] = r
            elif isinstance(r, Mention):
                self.mentions.setdefault(r.article_id, []).append(r)
            elif isinstance(r, Timex):
                self.timexes.setdefault(r.article_id, []).append(r)
            elif isinstance(r, Claim):
                self.claims.append(r)
            elif isinstance(r, Event):
                self.events.append(r)

    def mentions_of(self, article_id: str) -> list[Mention]:
        """The article's mentions: the new records', else the history's (when it keeps them)."""
        if article_id not in self.mentions:
            getter = getattr(self.history, "mentions_in_article", None)
            self.mentions[article_id] = list(getter(article_id)) if getter is not None else []
        return self.mentions[article_id]

    def events_of(self, article_id: str) -> list[Event]:
        """The article's events: the new records', else the history's (when it keeps them by article)."""
        own = [e for e in self.events if e.article_id == article_id]
        if own:
            return own
        getter = getattr(self.history, "events_in_article", None)
        return list(getter(article_id)) if getter is not None else []

    def kind(self, actor_id: str) -> str | None:
        a = self.actors.get(actor_id) or self.history.actor(actor_id)
        return a.kind if a is not None else None

    def article(self, article_id: str) -> Article | None:
        if article_id not in self.articles:
            a = self.history.article(article_id)
            if a is None:
                return None
            self.articles[article_id] = a
        return self.articles[article_id]

    def text(self, article_id: str) -> str:
        a = self.article(article_id)
        return a.text if a else ""

    def sentence(self, article_id: str, span: tuple[int, int]) -> str:
        return sentence_at(self.text(article_id), span[0], span[1])

    def sentence_bounds(self, article_id: str, span: tuple[int, int]) -> tuple[int, int]:
        return sentence_bounds(self.text(article_id), span[0], span[1])

    def name(self, actor_id: str | None) -> str:
        """The actor's canonical name, or a readable form of its id."""
        if not actor_id:
            return "an unnamed source"
        a = self.actors.get(actor_id) or self.history.actor(actor_id)
        if a is not None:
            self.actors[actor_id] = a
            return a.name
        base = actor_id.removeprefix("actor-").replace("-", " ")
        return base.title()

    def quote(self, quote_id: str | None) -> Quote | None:
        if not quote_id:
            return None
        q = self.quotes.get(quote_id)
        if q is None:
            getter = getattr(self.history, "quote", None)
            q = getter(quote_id) if getter else None
        return q

    def source_label(self, article_id: str) -> str:
        a = self.article(article_id)
        if a is None:
            return article_id
        bits = [a.title or a.id]
        if a.source:
            bits.append(a.source)
        if a.published:
            bits.append(a.published)
        if a.url:
            bits.append(a.url)
        return ", ".join(bits)
