"""Events said to have happened against events said not to have happened, for one pair of actors.

Rules (conflicts approach note, steps 4 and 5):

- a negative assertion (negated event, "never", "first … since") conflicts with a positive one of
  the same category between the same participants whose whole interval lies inside it;
- in one article, the later negative must open with a contrast connective and come from another
  source than the positive (``rebutted_in_text``); across articles it is a ``record_contradiction``;
- a denial of meeting in person is only weakly contradicted by a phone or video call.
"""

from __future__ import annotations

from datetime import timedelta

from onrecord.check.assertions import Assertion
from onrecord.check.context import Context
from onrecord.check.dates import human
from onrecord.check.findings import Finding
from onrecord.check.text import opens_with_contrast, snippet


def _interval(a: Assertion) -> str:
    start = "the beginning" if a.start.year <= 1 else a.start.isoformat()
    return f"[{start}, {a.end.isoformat()}]"


_MEDIUM_WORDS = {"in_person": " in person", "phone": " by phone", "video": " by video", "written": " in writing"}


def _countries(ctx: Context, actor_ids: frozenset[str]) -> frozenset[str] | None:
    """The countries of a pair of actors (a person's or a country's own), None when one is unknown."""
    out = set()
    for a in actor_ids:
        actor = ctx.actors.get(a) or ctx.history.actor(a)
        if actor is None or not actor.country:
            return None
        out.add(actor.country.upper())
    return frozenset(out) if len(out) == len(actor_ids) else None


def _who(ctx: Context, source_id: str | None) -> str:
    if not source_id:
        return "the narrator"
    if source_id.startswith("text:"):
        return source_id[5:]
    return ctx.name(source_id)


def _pos_words(a: Assertion) -> str:
    if a.start == a.end:
        return f"on {human(a.start.isoformat())}"
    if a.start.day == 1 and (a.end + timedelta(days=1)).day == 1 and a.start.month == a.end.month:
        return f"in {human(a.start.isoformat()[:7])}"
    return f"between {human(a.start.isoformat())} and {human(a.end.isoformat())}"


def _neg_words(a: Assertion) -> str:
    if a.start.year <= 1:
        return f"at any time up to {human(a.end.isoformat())}"
    return f"between {human(a.start.isoformat())} and {human(a.end.isoformat())}"


def _when_said(a: Assertion) -> str:
    return ("on " if len(a.said_on or "") == 10 else "in ") + human(a.said_on)


def _medium_score(neg: Assertion, pos: Assertion) -> tuple[float, str]:
    if not neg.in_person:
        return 0.85, "the denial covers any contact"
    if pos.medium == "in_person":
        return 0.9, "an in-person meeting against a denial of meeting"
    if pos.medium in ("phone", "video", "written"):
        return 0.35, f"a {pos.medium} contact only weakly contradicts a denial of meeting"
    if pos.medium == "contact":
        return 0.45, "speaking or talking, medium unstated, need not have been a meeting"
    return 0.6, "the recorded contact's medium is unknown"


def _side(ctx: Context, a: Assertion, label: str) -> str:
    who = (
        ctx.name(a.source_id)
        if a.source_id and not a.source_id.startswith("text:")
        else (a.source_id[5:] if a.source_id else "the narrator")
    )
    return (
        f"  {label}: {'happened' if a.positive else 'did not happen'} {_interval(a)} ({a.basis}); source {who}; "
        f"said {human(a.said_on)} [{ctx.source_label(a.article_id)}; chars {a.span[0]}-{a.span[1]}]\n"
        f"    «{snippet(ctx.sentence(a.article_id, a.span))}»"
    )


def judge(pos: Assertion, neg: Assertion, ctx: Context) -> Finding | None:
    """A conflict between a positive and a negative assertion of one event key, or None."""
    if not pos.positive or neg.positive or pos.category != neg.category:
        return None
    if len(neg.participants) < 2:
        return None
    level_penalty = 0.0
    if not neg.participants <= pos.participants:
        # in one text, "the leaders of A and B" and the two leaders themselves are one pair
        if pos.article_id != neg.article_id or _countries(ctx, pos.participants) != _countries(ctx, neg.participants):
            return None
        level_penalty = 0.1
    if set(pos.event_ids) & set(neg.event_ids):
        return None
    if not (neg.start <= pos.start and pos.end <= neg.end):
        return None
    names = " and ".join(sorted(ctx.name(p) for p in neg.participants))
    same_article = pos.article_id == neg.article_id
    pos_who = _who(ctx, pos.source_id)
    neg_who = _who(ctx, neg.source_id)
    if same_article:
        if neg.span[0] <= pos.span[0]:
            return None
        connective = opens_with_contrast(ctx.sentence(neg.article_id, neg.span))
        if connective is None or neg.source_id == pos.source_id:
            return None  # no contrast, or the same voice (both the narrator, or one speaker)
        kind = "rebutted_in_text"
        score = (0.8 if not pos.implied else 0.7) - level_penalty
        rule = f"contrast connective {connective!r}, a different source, the same event key, opposite polarity"
        sentence = (
            f"{pos_who} {'implies' if pos.implied else 'reports'} contact between {names} {_pos_words(pos)}, "
            f"but the text then says, citing {neg_who}, that there was none {_neg_words(neg)}."
        )
    else:
        kind = "record_contradiction"
        score, why = _medium_score(neg, pos)
        if pos.implied:
            # an undated record placed in the week before its publication is weak evidence
            score -= 0.1 if pos.medium == "in_person" else 0.2
        rule = f"a recorded contact inside the denied interval; {why}"
        sentence = (
            f"{neg_who} said {_when_said(neg)} that {names} had {'not met' if neg.in_person else 'no contact'} "
            f"{_neg_words(neg)}, "
            f"but the record has one {_pos_words(pos)}{_MEDIUM_WORDS.get(pos.medium or '', '')} "
            f"({ctx.source_label(pos.article_id)})."
        )
    reasoning = "\n".join(
        [
            f"{kind}: {sentence}",
            _side(ctx, pos, "positive"),
            _side(ctx, neg, "negative"),
            f"  key: {pos.category} between {sorted(neg.participants)}",
            f"  rule: {rule}",
            "  would dissolve it: a different pair of people, or a date outside the denied interval",
            f"  score: {score:.2f}",
        ]
    )
    return Finding(
        kind=kind,  # type: ignore[arg-type]
        score=score,
        explanation=sentence,
        reasoning=reasoning,
        quote_ids=(*pos.quote_ids, *neg.quote_ids),
        event_ids=(*pos.event_ids, *neg.event_ids),
        article_ids=(pos.article_id, neg.article_id),
    )
