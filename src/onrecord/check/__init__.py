"""Consistency checks: what does not add up across the record, with the evidence.

``check_records(new, history)`` runs after each ingest on the new article's records and returns
:class:`~onrecord.model.Conflict` records of four kinds: ``self_contradiction`` (one speaker's
figures that cannot both hold), ``rebutted_in_text`` (a figure or reported contact followed by a
contrasting source), ``date_inconsistency`` (one event, two dates) and ``record_contradiction``
(a claim about contacts against the events on record). Work is bounded by the records of the new
article's speakers and actors (``History.claims_by_block``, ``History.events_by_actor``), never by
the size of the whole record.

Modules: ``intervals`` (figure + qualifier -> interval), ``keys`` (measure, population, countries,
content words, unit dimension), ``periods`` and ``places`` (when a count began, where it is about),
``numeric`` (self-contradiction and rebuttal of figures), ``assertions`` and ``eventcheck``
(contacts said to have happened or not), ``datecheck`` (the timex stage's date notes),
``explain`` (the reasoning shown by ``onrecord conflicts --explain``). Word lists live in
``data/lexicon.json``.

Beyond its first five methods, :class:`History` offers ``claims_by_block(asserter_id, block)`` (an
index on the asserter and :func:`block_key`), ``claim``/``quote``/``event`` by id,
``mentions_in_article`` and ``events_in_article``; a history without them still works (the checks
fall back to ``claims_by_asserter`` and skip what they cannot look up).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from onrecord.check.assertions import Assertion, from_event, from_first_since, from_recurrence
from onrecord.check.base import History, MemoryHistory
from onrecord.check.context import Context
from onrecord.check.datecheck import date_findings
from onrecord.check.eventcheck import judge
from onrecord.check.explain import explain
from onrecord.check.findings import Finding, merge_same_evidence
from onrecord.check.keys import block_key
from onrecord.check.numeric import View, judge_rebuttal, judge_self, make_view
from onrecord.model import Claim, Conflict, Event, Record

LOGGER = logging.getLogger(__name__)

MIN_SCORE = 0.5  # favour precision: weak conflicts are kept only when asked for

__all__ = ["History", "MemoryHistory", "block_key", "check_records", "explain"]


def _claim_candidates(history: History, claim: Claim) -> list[Claim]:
    if not claim.asserter_id:
        return []
    block = block_key(claim)
    by_block = getattr(history, "claims_by_block", None)
    if by_block is not None:
        found: list[Claim] = by_block(claim.asserter_id, block)
        return found
    # a store without the block index: the speaker's claims, filtered here
    return [c for c in history.claims_by_asserter(claim.asserter_id) if block_key(c) == block]


def _numeric(ctx: Context) -> Iterable[Finding]:
    views: dict[str, View | None] = {}

    def view(c: Claim) -> View | None:
        if c.id not in views:
            views[c.id] = make_view(c, ctx)
        return views[c.id]

    seen: set[frozenset[str]] = set()
    for claim in ctx.claims:
        a = view(claim)
        if a is None:
            continue
        for other in _claim_candidates(ctx.history, claim):
            pair = frozenset((claim.id, other.id))
            if other.id == claim.id or pair in seen:
                continue
            seen.add(pair)
            b = view(other)
            if b is None:
                continue
            found = judge_self(a, b, ctx)
            if found:
                yield found
    # rebuttals lie within one article: compare its claims in text order
    by_article: dict[str, list[Claim]] = {}
    for c in ctx.claims:
        by_article.setdefault(c.article_id, []).append(c)
    for claims in by_article.values():
        claims.sort(key=lambda c: c.span)
        for i, first in enumerate(claims):
            for second in claims[i + 1 :]:
                va, vb = view(first), view(second)
                if va is None or vb is None:
                    continue
                found = judge_rebuttal(va, vb, ctx)
                if found:
                    yield found


def _history_assertions(ctx: Context, actor_ids: Iterable[str], exclude: set[str]) -> list[Assertion]:
    out = []
    seen: set[str] = set()
    for actor_id in actor_ids:
        for ev in ctx.history.events_by_actor(actor_id):
            if ev.id in seen or ev.id in exclude:
                continue
            seen.add(ev.id)
            a = from_event(ctx, ev)
            if a is not None:
                out.append(a)
    return out


def _events(ctx: Context) -> Iterable[Finding]:
    new: list[Assertion] = []
    for ev in ctx.events:
        for make in (from_event, from_first_since):
            a = make(ctx, ev)
            if a is not None:
                new.append(a)
    for q in ctx.quotes.values():
        a = from_recurrence(ctx, q)
        if a is not None:
            new.append(a)
    new_ids = {e.id for e in ctx.events}
    actors = sorted({p for a in new for p in a.participants})
    old = _history_assertions(ctx, actors, new_ids)
    pool = new + old
    seen: set[tuple[bool, tuple[str, ...], tuple[str, ...]]] = set()
    best: dict[tuple[object, ...], Finding] = {}
    for a in new:
        for b in pool:
            if a is b:
                continue
            pos, neg = (a, b) if a.positive else (b, a)
            if pos.positive == neg.positive:
                continue
            k = (pos.positive, (*pos.event_ids, *pos.quote_ids), (*neg.event_ids, *neg.quote_ids))
            if k in seen:
                continue
            seen.add(k)
            found = judge(pos, neg, ctx)
            if found:
                # one conflict per denial and per article that contradicts it: the best-dated event; a
                # speaker's denial said twice in one article ("she had never met X"; "I have never met X")
                # is one denial
                slot = (found.kind, neg.article_id, neg.source_id, neg.participants, pos.article_id, pos.quote_ids)
                if slot not in best or best[slot].score < found.score:
                    best[slot] = found
    yield from best.values()


def check_records(
    new: Sequence[Record],
    history: History,
    *,
    date_inconsistencies: Sequence[Mapping[str, Any]] = (),
    min_score: float = MIN_SCORE,
) -> list[Conflict]:
    """The conflicts the newly ingested records raise against themselves and the history.

    Args:
        new: every record of the newly ingested article(s): Article, Actor, Mention, Quote, Claim,
            Event, Timex.
        history: everything stored, the new records included (the caller adds them first).
        date_inconsistencies: notes from the timex stage (``work.notes``), each
            ``{"article_id", "spans", "values", "texts", "trigger_spans", "explanation"}``.
        min_score: conflicts scoring below this are dropped (a phone call against "never met" scores 0.35).

    Returns:
        Conflicts with stable ids, the strongest first; one per set of linked records.
    """
    ctx = Context(history=history, new=new)
    findings: list[Finding] = []
    for group in (_numeric(ctx), _events(ctx)):
        findings.extend(group)
    events = [r for r in new if isinstance(r, Event)]
    findings.extend(date_findings(date_inconsistencies, events))
    by_id: dict[str, Conflict] = {}
    for f in merge_same_evidence(findings):
        c = f.to_conflict()
        if c.score < min_score:
            continue
        if c.id not in by_id or by_id[c.id].score < c.score:
            by_id[c.id] = c
    out = sorted(by_id.values(), key=lambda c: (-c.score, c.kind, c.id))
    LOGGER.debug("checked %d new records: %d conflicts", len(new), len(out))
    return out
