"""The quotes stage: every attribution of an article (direct, indirect, mixed) with its speaker.

Steps (the finding cascade is listed in :mod:`onrecord.extract.quote_find`):
1. find attributions: cue, source phrase and content pieces;
2. one Quote per content piece: ``direct`` when the piece is a quotation in marks (``text`` without
   the outer marks), ``mixed`` when it holds quoted words, else ``indirect`` (``that`` dropped);
3. the speaker: the actor the actors stage resolved on the source phrase (none for a group);
4. ``said_on`` from :func:`onrecord.extract.timex.statement_date` at the cue;
5. nested speech: a quote reported inside another gets ``parent_id``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from onrecord.extract.quote_find import Finder, Found
from onrecord.extract.quote_lexicon import cue_lexicon
from onrecord.extract.quote_marks import DOUBLE_CLOSE, DOUBLE_OPEN, SINGLE_CLOSE, SINGLE_OPEN
from onrecord.extract.quote_speaker import resolve
from onrecord.extract.timex import statement_date
from onrecord.model import Quote, QuoteKind, record_id
from onrecord.pipeline import Work, register_stage

LOGGER = logging.getLogger(__name__)

_OPEN = DOUBLE_OPEN | SINGLE_OPEN | {'"', "'", "`"}
_CLOSE = DOUBLE_CLOSE | SINGLE_CLOSE | {'"', "'", "“"}
_FIRST_PERSON = frozenset({"i", "me", "we", "us"})
_THAT_RE = re.compile(r"(?:that|whether|if)\s+", re.IGNORECASE)


def _piece(text: str, a: int, b: int, kind: str) -> tuple[QuoteKind, int, int]:
    """The reported words of a content piece: outer marks or a leading complementizer dropped."""
    if kind == "direct":
        for _ in range(2):
            if a < b and text[a] in _OPEN:
                a += 1
            if b > a and text[b - 1] in _CLOSE:
                b -= 1
        while b > a and text[b - 1] in ", ":
            b -= 1
        return "direct", a, b
    m = _THAT_RE.match(text, a)
    if m and m.end() < b:
        a = m.end()
    return ("mixed" if kind == "mixed" else "indirect"), a, b


class QuotesStage:
    """Fill ``work.quotes``."""

    def __init__(self) -> None:
        self.finder = Finder(cue_lexicon())

    def __call__(self, work: Work) -> None:
        found = self.finder(work.doc, work.article.text)
        speakers = [self._speaker(work, f) for f in found]
        for i, f in enumerate(found):
            # "I"/"we" inside a quotation is the person quoted
            if f.parent is not None and f.source is not None and f.source.head.lower_ in _FIRST_PERSON:
                speakers[i] = speakers[f.parent]
        quotes = [self._quotes(work, f, spk) for f, spk in zip(found, speakers, strict=True)]
        ids = [qs[0].id if qs else None for qs in quotes]
        out: list[Quote] = []
        for f, qs in zip(found, quotes, strict=True):
            parent = ids[f.parent] if f.parent is not None else None
            out.extend(replace(q, parent_id=parent) if parent else q for q in qs)
        work.quotes = out
        LOGGER.debug("article %s: %d quotes from %d attributions", work.article.id, len(out), len(found))

    def _speaker(self, work: Work, f: Found) -> str | None:
        """The actor id of the speaker, or None (a group, or nobody the actors stage knows)."""
        if f.source is None or f.group:
            return None
        m = resolve(work, f.source)
        return m.actor_id if m is not None else None

    def _quotes(self, work: Work, f: Found, speaker_id: str | None) -> list[Quote]:
        text = work.article.text
        speaker_text = None
        speaker_span = None
        if f.source is not None:
            speaker_span = (f.source.start, f.source.end)
            speaker_text = text[f.source.start : f.source.end]
        said_on = _said_on(work, f)
        out = []
        for a, b in sorted(f.pieces):
            kind, s, e = _piece(text, a, b, f.kinds.get((a, b), "indirect"))
            if e <= s:
                continue
            out.append(
                Quote(
                    id=record_id("quote", work.article.id, s, e),
                    article_id=work.article.id,
                    speaker_id=speaker_id,
                    speaker_text=speaker_text,
                    text=text[s:e],
                    kind=kind,
                    cue=f.cue_lemma,
                    said_on=said_on,
                    span=(s, e),
                    speaker_span=speaker_span,
                    cue_span=f.cue_span,
                )
            )
        return out


def _said_on(work: Work, f: Found) -> str | None:
    """The statement date from the time stage, at the cue."""
    if f.cue_token is None:
        return work.article.published
    return statement_date(work, f.cue_token)


register_stage("quotes.v1", requires=["sentences", "actors", "timexes"], assigns=["quotes"], factory=QuotesStage)
