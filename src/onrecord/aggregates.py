"""Aggregates over Event records for the UI, the CLI and the checks: pure functions, no store access.

- ``pair_timeline(events, a, b)``: the events between two actors, in either direction, oldest first;
- ``counterparts(events, actor_id)``: the actors an actor has events with, most frequent first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from onrecord.model import Event

_UNDATED = "9999"  # undated events sort after dated ones


def _sort_key(ev: Event) -> tuple[str, str, int, str]:
    return (ev.date or _UNDATED, ev.article_id, ev.span[0], ev.id)


def involves(ev: Event, actor_id: str) -> bool:
    return actor_id in (ev.actor1_id, ev.actor2_id)


def pair_timeline(events: Iterable[Event], a: str, b: str, *, include_negated: bool = True) -> list[Event]:
    """Events whose two sides are ``a`` and ``b`` (either way round), by date, undated last.

    Negated events ("did not meet") are kept unless ``include_negated`` is False: they are part of
    the record of a pair, and a reader sees ``negated`` on each.
    """
    pair = {a, b}
    out = [ev for ev in events if {ev.actor1_id, ev.actor2_id} == pair and (include_negated or not ev.negated)]
    return sorted(out, key=_sort_key)


@dataclass(frozen=True, slots=True)
class Counterpart:
    actor_id: str
    events: int  # how many events the two share
    as_actor: int  # events where the given actor is actor 1 (it did something to the counterpart)
    as_recipient: int  # events where the counterpart is actor 1
    categories: tuple[tuple[str, int], ...] = field(default_factory=tuple)  # category counts, most first
    first_date: str | None = None
    last_date: str | None = None


@dataclass
class _Tally:
    events: int = 0
    as_actor: int = 0
    as_recipient: int = 0
    categories: dict[str, int] = field(default_factory=dict)
    dates: list[str] = field(default_factory=list)


def counterparts(events: Iterable[Event], actor_id: str) -> list[Counterpart]:
    """The actors that share events with ``actor_id``, most events first, then by id."""
    tallies: dict[str, _Tally] = {}
    for ev in events:
        if not involves(ev, actor_id):
            continue
        other = ev.actor2_id if ev.actor1_id == actor_id else ev.actor1_id
        if other is None or other == actor_id:
            continue
        t = tallies.setdefault(other, _Tally())
        t.events += 1
        if ev.actor1_id == actor_id:
            t.as_actor += 1
        else:
            t.as_recipient += 1
        t.categories[ev.category] = t.categories.get(ev.category, 0) + 1
        if ev.date:
            t.dates.append(ev.date)
    out = []
    for other, t in tallies.items():
        dates = sorted(t.dates)
        out.append(
            Counterpart(
                actor_id=other,
                events=t.events,
                as_actor=t.as_actor,
                as_recipient=t.as_recipient,
                categories=tuple(sorted(t.categories.items(), key=lambda kv: (-kv[1], kv[0]))),
                first_date=dates[0] if dates else None,
                last_date=dates[-1] if dates else None,
            )
        )
    return sorted(out, key=lambda c: (-c.events, c.actor_id))
