"""The store protocol: what the CLI, the query API and the checks need of a record store."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from onrecord.check.base import History
from onrecord.model import Actor, Conflict, Record


class Store(History, Protocol):
    """A record store; it is also the History the checks read (onrecord.check.base)."""

    location: str

    def has_article(self, article_id: str) -> bool: ...
    def add_article(self, records: Sequence[Record]) -> bool: ...
    def add_conflicts(self, conflicts: Sequence[Conflict]) -> int: ...
    def iter_records(self, type_: str) -> Iterator[Record]: ...
    def get(self, record_id: str) -> Record | None: ...
    def count(self, type_: str) -> int: ...
    def search(self, text: str, *, limit: int = 20) -> list[dict[str, Any]]: ...
    def find_actors(self, name: str) -> list[Actor]: ...
    def close(self) -> None: ...


def merge_actor(old: Actor, new: Actor) -> Actor:
    """One actor seen in several articles: aliases and roles are unioned, known facts kept."""
    aliases = tuple(sorted(set(old.aliases) | set(new.aliases) - {old.name}))
    roles = tuple(sorted(set(old.roles) | set(new.roles), key=lambda r: (r.start or "", r.title, r.end or "")))
    return Actor(
        id=old.id,
        name=old.name,
        kind=old.kind,
        country=old.country or new.country,
        aliases=aliases,
        roles=roles,
        party=old.party or new.party,
        gender=old.gender or new.gender,
    )
