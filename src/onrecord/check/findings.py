"""A finding of a check, before it becomes a :class:`~onrecord.model.Conflict` with a stable id."""

from __future__ import annotations

from dataclasses import dataclass, replace

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


def merge_same_evidence(findings: list[Finding]) -> list[Finding]:
    """One finding per statement against the same recorded events.

    An article often reports one denial twice (a direct quote and a paraphrase); both rest on the same
    recorded events, so they make one conflict that links both statements, not two.
    """
    groups: dict[tuple[str, tuple[str, ...], tuple[str, ...]], list[Finding]] = {}
    out: list[Finding] = []
    for f in findings:
        if f.kind != "record_contradiction" or not f.event_ids:
            out.append(f)
            continue
        key = (f.kind, tuple(sorted(set(f.event_ids))), tuple(sorted(set(f.article_ids))))
        groups.setdefault(key, []).append(f)
    for group in groups.values():
        best = max(group, key=lambda f: (f.score, -len(f.explanation)))
        out.append(
            replace(
                best,
                claim_ids=tuple(sorted({i for f in group for i in f.claim_ids})),
                quote_ids=tuple(sorted({i for f in group for i in f.quote_ids})),
            )
        )
    return out
