"""The reasoning behind a conflict, as text for ``onrecord conflicts --explain ID``."""

from __future__ import annotations

from onrecord.check.base import History
from onrecord.check.dates import human
from onrecord.check.text import sentence_at, snippet
from onrecord.model import Claim, Conflict, Event, Quote


def _name(history: History, actor_id: str | None) -> str:
    if not actor_id:
        return "unattributed"
    actor = history.actor(actor_id)
    return actor.name if actor is not None else actor_id


def _record_lines(record: Claim | Quote | Event, history: History) -> list[str]:
    art = history.article(record.article_id)
    text = art.text if art else ""
    where = record.article_id
    if art is not None:
        where = f"{art.title or art.id}, {art.source or 'unknown source'}, {art.published or 'undated'}"
    sentence = snippet(sentence_at(text, record.span[0], record.span[1]), 300) if text else ""
    if isinstance(record, Claim):
        head = (
            f"claim {record.id}: {_name(history, record.asserter_id)}, {human(record.asserted_on)}: "
            f"{record.text or record.value} ({record.subject})"
        )
    elif isinstance(record, Quote):
        head = f"quote {record.id}: {record.speaker_text or _name(history, record.speaker_id)}, {human(record.said_on)}"
    else:
        head = (
            f"event {record.id}: {record.category}{' (negated)' if record.negated else ''} "
            f"{_name(history, record.actor1_id)} / {_name(history, record.actor2_id)}, {human(record.date)}, "
            f"medium {record.medium or 'unknown'}"
        )
    return [f"- {head}", f"  in {where} at chars {record.span[0]}-{record.span[1]}", f"  «{sentence}»"]


def _lookup(history: History, record_id: str) -> Claim | Quote | Event | None:
    for method in ("claim", "quote", "event"):
        getter = getattr(history, method, None)
        found = getter(record_id) if getter is not None else None
        if isinstance(found, (Claim, Quote, Event)):
            return found
    return None


def explain(conflict: Conflict, history: History) -> str:
    """Multi-line reasoning: the rule that fired, then each linked record with its sentence and source."""
    lines = [f"{conflict.id} {conflict.kind} (score {conflict.score:.2f})", conflict.explanation, ""]
    if conflict.reasoning:
        lines += ["Reasoning:", *conflict.reasoning.splitlines()[1:], ""]
    lines.append("Records:")
    for rid in (*conflict.claim_ids, *conflict.quote_ids, *conflict.event_ids):
        rec = _lookup(history, rid)
        if rec is None:
            lines.append(f"- {rid} (not in the record)")
            continue
        lines += _record_lines(rec, history)
    return "\n".join(lines)
