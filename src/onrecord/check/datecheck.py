"""One article giving one event two dates: the timex stage finds them, this turns them into conflicts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from onrecord.check.findings import Finding
from onrecord.model import Event

NEAR_CHARS = 40


def _distance(span: Sequence[int], other: tuple[int, int]) -> int:
    return max(0, int(span[0]) - other[1], other[0] - int(span[1]))


def _overlaps(span: Sequence[int], other: tuple[int, int]) -> bool:
    return int(span[0]) < other[1] and other[0] < int(span[1])


def date_findings(notes: Sequence[Mapping[str, Any]], events: Sequence[Event]) -> list[Finding]:
    """A finding per note, linked to the events whose spans overlap the note's trigger (or date) spans."""
    out = []
    for note in notes:
        aid = str(note.get("article_id", ""))
        spans = [s for s in note.get("trigger_spans") or [] if s] + [s for s in note.get("spans") or [] if s]
        own = [e for e in events if e.article_id == aid]
        found = {
            e.id for e in own if any(_overlaps(s, e.span) or (e.date_span and _overlaps(s, e.date_span)) for s in spans)
        }
        for t in note.get("trigger_spans") or []:
            if t and not any(_overlaps(t, e.span) for e in own):
                # the event record may span only its verb ("held" a summit): the nearest one
                near = [e for e in own if _distance(t, e.span) <= NEAR_CHARS]
                if near:
                    found.add(min(near, key=lambda e: _distance(t, e.span)).id)
        linked = tuple(sorted(found))
        texts = [str(t) for t in note.get("texts") or []]
        values = [str(v) for v in note.get("values") or []]
        explanation = str(note.get("explanation") or "").strip() or (
            f"The article dates one event both {' and '.join(repr(t) for t in texts)} ({' vs '.join(values)})."
        )
        reasoning = "\n".join(
            [
                f"date_inconsistency: {explanation}",
                *(
                    f"  date {t!r} at chars {s[0]}-{s[1]} -> {v}"
                    for t, s, v in zip(texts, note.get("spans") or [], values, strict=False)
                ),
                f"  linked events: {', '.join(linked) or 'none found at the trigger'}",
                "  rule: two date expressions resolving to different days attached to one event",
                "  would dissolve it: the two expressions naming different events",
            ]
        )
        out.append(
            Finding(
                kind="date_inconsistency",
                score=0.7 if linked else 0.5,
                explanation=explanation,
                reasoning=reasoning,
                event_ids=linked,
                article_ids=(aid,),
            )
        )
    return out
