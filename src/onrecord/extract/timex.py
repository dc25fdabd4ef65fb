"""The time stage: every time expression with its TimeML type and value, and the dates of statements and events.

Steps of :class:`TimexStage`:

1. tag the text with the grammar of :mod:`onrecord.extract.timex_rules` (spaCy tags give the tense that
   orients bare weekdays and months), values resolved against the publication date;
2. write one :class:`~onrecord.model.Timex` per expression (value None when unresolvable);
3. look for one event dated twice (:mod:`onrecord.extract.timex_consistency`) and leave the findings in
   ``work.notes["date_inconsistencies"]``.

Helpers for later stages: :func:`statement_date`, :func:`event_date`, :func:`scope_date`.
"""

from __future__ import annotations

import logging
from datetime import date

from spacy.tokens import Doc, Token

from onrecord.extract.timex_anchor import event_date, scope_date, statement_date
from onrecord.extract.timex_consistency import find_inconsistencies
from onrecord.extract.timex_rules import Tok, find_timexes
from onrecord.model import Timex, record_id
from onrecord.pipeline import Work, register_stage

LOGGER = logging.getLogger(__name__)

__all__ = ["TimexStage", "event_date", "parse_dct", "scope_date", "statement_date", "tokens_of"]


def tokens_of(doc: Doc) -> list[Tok]:
    """The grammar's view of a parsed doc: spans, tags, lower-case text and sentence indexes."""
    has_sents = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
    sents = list(doc.sents) if has_sents else [doc[:]]
    return [Tok(t.idx, t.idx + len(t.text), t.tag_, t.lower_, k) for k, sent in enumerate(sents) for t in sent]


def parse_dct(published: str | None) -> date | None:
    """The publication date as a date ("2025-01-21", "2025-01-21T10:00:00Z"), or None."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        LOGGER.warning("publication date %r is not ISO 8601; relative dates stay unresolved", published)
        return None


def _token_at(doc: Doc, pos: int) -> Token | None:
    for t in doc:
        if t.idx <= pos < t.idx + len(t.text):
            return t
    return None


class TimexStage:
    """Tags time expressions; see the module docstring for the steps."""

    def __call__(self, work: Work) -> None:
        doc = work.doc
        dct = parse_dct(work.article.published)
        found = find_timexes(doc.text, dct, tokens_of(doc))
        work.timexes = [
            Timex(
                id=record_id("timex", work.article.id, t.start, t.end),
                article_id=work.article.id,
                text=t.text,
                span=(t.start, t.end),
                timex_type=t.type,
                value=t.value,
                mod=t.mod,
            )
            for t in found
        ]
        # what each value was computed from (explicit | dct | ref | none), for the date helpers
        work.notes["timex_anchors"] = {(t.start, t.end): t.anchor for t in found}
        work.notes["date_inconsistencies"] = find_inconsistencies(work)


register_stage("timex.v1", requires=["sentences"], assigns=["timexes"], factory=TimexStage)
