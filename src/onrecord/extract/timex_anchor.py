"""Dates of statements, events and figures, read from the time expressions attached to their clause.

A time expression *attaches* to the tokens on the dependency path from its head up to the first verb
("In December, X stated" -> "stated"; "this Monday's meeting" -> "meeting" and its verb). Helpers:

- :func:`statement_date`: the cue's clause (or a clause it is embedded in as a relative clause), then
  the main clause of the sentence just before when the cue's sentence names no time, then the
  publication date;
- :func:`event_date`: the trigger's clause, its governing verb for a noun, then (for a noun) the
  closest date of its sentence;
- :func:`scope_date`: the time expression attached to a figure's phrase or clause.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from onrecord.model import Timex
from onrecord.pipeline import Work

# dependency labels climbed from a clause to the clause that governs it without changing its time
_CLIMB = {
    "relcl",
    "acl",
    "conj",
    "xcomp",
    "dobj",
    "pobj",
    "prep",
    "attr",
    "nsubj",
    "nsubjpass",
    "compound",
    "appos",
    "agent",
    "oprd",
    "dative",
}
_VERB_POS = {"VERB", "AUX"}
_DATE_RE = re.compile(r"^\d{4}")


def _span_of(work: Work, t: Timex) -> Span | None:
    return work.doc.char_span(t.span[0], t.span[1], alignment_mode="expand")


def attachment(span: Span) -> list[Token]:
    """The tokens a time expression attaches to: from its head's head up to the first verb, inclusive."""
    out: list[Token] = []
    tok = span.root
    while tok.head.i != tok.i:
        tok = tok.head
        if span.start <= tok.i < span.end:
            continue
        out.append(tok)
        if tok.pos_ in _VERB_POS:
            break
    return out


def date_timexes(work: Work) -> list[tuple[Timex, Span]]:
    """The DATE/TIME expressions with a calendar value (not durations, sets or PRESENT_REF), with their spans."""
    cache = work.notes.get("_timex_spans")
    if cache is None:
        cache = []
        for t in work.timexes:
            if t.timex_type in ("DATE", "TIME") and t.value and _DATE_RE.match(t.value):
                sp = _span_of(work, t)
                if sp is not None:
                    cache.append((t, sp))
        work.notes["_timex_spans"] = cache
    return list(cache)


def calendar_date(value: str) -> tuple[str, str]:
    """A TimeML date value as an ISO date at its precision, and the precision (day, month, year)."""
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if m is None:
        return value, "unknown"
    if m[3]:
        return f"{m[1]}-{m[2]}-{m[3]}", "day"
    if m[2]:
        return f"{m[1]}-{m[2]}", "month"
    return m[1], "year"


def _attached_to(work: Work, tokens: set[int]) -> list[tuple[Timex, Span]]:
    return [(t, sp) for t, sp in date_timexes(work) if any(a.i in tokens for a in attachment(sp))]


def _clause_chain(tok: Token) -> Iterator[Token]:
    """``tok``, then the tokens above it reached through labels that keep the time of the clause."""
    yield tok
    while tok.dep_ in _CLIMB and tok.head.i != tok.i:
        tok = tok.head
        yield tok


def _best(found: list[tuple[Timex, Span]], near: Token) -> Timex | None:
    """The most precise of the attached dates, the closest one on ties."""
    if not found:
        return None
    rank = {"day": 0, "month": 1, "year": 2, "unknown": 3}
    return min(found, key=lambda ts: (rank[calendar_date(ts[0].value or "")[1]], abs(ts[1].root.i - near.i)))[0]


def _own_date(work: Work, tok: Token) -> Timex | None:
    """The date attached to ``tok``'s clause or to a clause it is a relative/coordinated part of."""
    for t in _clause_chain(tok):
        got = _best(_attached_to(work, {t.i}), tok)
        if got is not None:
            return got
    return None


def statement_date(work: Work, cue: Token) -> str | None:
    """The date of the statement whose reporting word is ``cue``; the publication date when the text gives none.

    Args:
        work: the article with its timexes.
        cue: the reporting verb or the head of the reporting phrase.
    """
    got = _own_date(work, cue)
    if got is not None and got.value:
        return calendar_date(got.value)[0]
    sent = cue.sent
    if not any(sp.start >= sent.start and sp.end <= sent.end for _, sp in date_timexes(work)) and sent.start > 0:
        prev = work.doc[sent.start - 1].sent
        prev_date = _best(_attached_to(work, {prev.root.i}), prev.root)
        if prev_date is not None and prev_date.value and calendar_date(prev_date.value)[1] == "day":
            # a statement right after a dated one, with no time of its own, is reported from the same occasion
            return calendar_date(prev_date.value)[0]
    return work.article.published


def event_date(work: Work, trigger: Token) -> tuple[str | None, str]:
    """The date and precision (day, month, year, unknown) of the event expressed by ``trigger``.

    Args:
        work: the article with its timexes.
        trigger: the verb or noun expressing the event.
    Returns (None, "unknown") when the text gives no date for it.
    """
    got = _own_date(work, trigger)
    if got is None and trigger.pos_ not in _VERB_POS:
        sent = trigger.sent
        inside = [(t, sp) for t, sp in date_timexes(work) if sp.start >= sent.start and sp.end <= sent.end]
        if inside:
            got = min(inside, key=lambda ts: abs(ts[1].root.i - trigger.i))[0]
    if got is None or not got.value:
        return None, "unknown"
    return calendar_date(got.value)


def scope_date(work: Work, token: Token) -> str | None:
    """The time scope of a figure ("$5 billion in 2024" -> "2024"); None when its phrase and clause name none.

    Args:
        work: the article with its timexes.
        token: a token of the figure (the number or its unit).
    """
    chain = {t.i for t in _clause_chain(token)}
    up = token
    while up.head.i != up.i and up.pos_ not in _VERB_POS:
        up = up.head
        chain.add(up.i)
    # "7% more than the previous year": the base of a comparison is not the figure's time
    found = [(t, sp) for t, sp in _attached_to(work, chain) if attachment(sp)[0].lower_ not in ("than", "since")]
    got = _best(found, token)
    if got is None or not got.value:
        return None
    value = got.value.split("T")[0]
    return value
