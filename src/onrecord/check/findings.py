"""A finding of a check, before it becomes a :class:`~onrecord.model.Conflict` with a stable id."""

from __future__ import annotations

from dataclasses import dataclass

from onrecord.model import Conflict, ConflictKind, record_id


@dataclass(frozen=True, slots=True)
class Finding:
    kind: ConflictKind
    score: float
    explanation: str
    reasoning: str
    claim_ids: tuple[str, ...] = ()
    quote_ids: tuple[str, ...] = ()
    event_ids: tuple[str, ...] = ()
    article_ids: tuple[str, ...] = ()

    def linked(self) -> tuple[str, ...]:
        return tuple(sorted({*self.claim_ids, *self.quote_ids, *self.event_ids}))

    def to_conflict(self) -> Conflict:
        """The conflict record; its id depends only on the kind and the linked records."""
        linked = self.linked() or (*sorted(set(self.article_ids)), self.explanation)
        return Conflict(
            id=record_id("conflict", self.kind, *linked),
            kind=self.kind,
            claim_ids=tuple(sorted(set(self.claim_ids))),
            quote_ids=tuple(sorted(set(self.quote_ids))),
            event_ids=tuple(sorted(set(self.event_ids))),
            explanation=self.explanation,
            score=round(self.score, 2),
            reasoning=self.reasoning,
            article_ids=tuple(sorted(set(self.article_ids))),
        )
