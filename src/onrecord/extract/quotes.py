"""The quotes stage: every attribution of an article (direct, indirect, mixed) with its speaker.

Steps (the finding cascade is listed in :mod:`onrecord.extract.quote_find`):
1. find attributions: cue, source phrase and content pieces;
2. one Quote per content piece: ``direct`` when the piece is a quotation in marks (``text`` without
   the outer marks), ``mixed`` when it holds quoted words, else ``indirect`` (``that`` dropped);
3. the speaker: the actor the actors stage resolved on the source phrase (none for a group);
4. ``said_on`` from :func:`onrecord.extract.timex.statement_date` at the cue;
5. nested speech: a quote reported inside another gets ``parent_id``;
6. confidence (:mod:`onrecord.extract.quote_confidence`): an outermost attribution whose speaker is
   probably wrong is dropped, with what is reported inside it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace

from onrecord.extract.quote_confidence import ConfidenceModel, article_context, confidence_model, features
from onrecord.extract.quote_find import Finder, Found
from onrecord.extract.quote_lexicon import cue_lexicon
from onrecord.extract.quote_marks import DOUBLE_CLOSE, DOUBLE_OPEN, SINGLE_CLOSE, SINGLE_OPEN
from onrecord.extract.quote_settings import user_threshold
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


@dataclass
class Attribution:
    """One found attribution with its quote records (which carry the speaker) and its confidence."""

    found: Found
    quotes: list[Quote]
    features: list[str]
    score: float | None  # None without a packaged confidence model


class QuotesStage:
    """Fill ``work.quotes``."""

    def __init__(self, threshold: float | None = None) -> None:
        """``threshold``: how sure to be of a speaker to report it; by default the user's setting
        (``ONRECORD_QUOTE_THRESHOLD``), else the packaged model's."""
        self.lexicon = cue_lexicon()
        self.finder = Finder(self.lexicon)
        self.model = confidence_model()
        if threshold is None:
            threshold = user_threshold()
        if self.model is not None and threshold is not None:
            self.model = replace(self.model, threshold=threshold)

    def attributions(self, work: Work) -> list[Attribution]:
        """Every attribution found, scored, before any is dropped (``parent_id`` not yet set)."""
        text = work.article.text
        found = self.finder(work.doc, text)
        speakers = [self._speaker(work, f) for f in found]
        for i, f in enumerate(found):
            # "I"/"we" inside a quotation is the person quoted
            if f.parent is not None and f.source is not None and f.source.head.lower_ in _FIRST_PERSON:
                speakers[i] = speakers[f.parent]
        ctx = article_context(found)
        out = []
        for f, spk in zip(found, speakers, strict=True):
            feats = features(f, ctx, text, self.lexicon, spk is not None)
            score = self.model.score(feats) if self.model is not None else None
            out.append(Attribution(f, self._quotes(work, f, spk), feats, score))
        return out

    def __call__(self, work: Work) -> None:
        items = self.attributions(work)
        dropped = _dropped(items, self.model)
        ids = [a.quotes[0].id if a.quotes else None for a in items]
        out: list[Quote] = []
        for i, a in enumerate(items):
            if i in dropped:
                continue
            parent = ids[a.found.parent] if a.found.parent is not None else None
            out.extend(replace(q, parent_id=parent) if parent else q for q in a.quotes)
        work.quotes = out
        LOGGER.debug(
            "article %s: %d quotes from %d attributions (%d dropped as unsure)",
            work.article.id,
            len(out),
            len(items),
            len(dropped),
        )

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


def _dropped(items: list[Attribution], model: ConfidenceModel | None) -> set[int]:
    """Indices of the attributions not to report: an outermost one the model judges and scores under
    its threshold, with the speech reported inside it."""
    if model is None:
        return set()
    out = {
        i
        for i, a in enumerate(items)
        if a.found.parent is None and a.score is not None and a.score < model.threshold and model.may_drop(a.found.how)
    }
    changed = True
    while changed:
        changed = False
        for i, a in enumerate(items):
            if i not in out and a.found.parent in out:
                out.add(i)
                changed = True
    return out


def _said_on(work: Work, f: Found) -> str | None:
    """The statement date from the time stage, at the cue."""
    if f.cue_token is None:
        return work.article.published
    return statement_date(work, f.cue_token)


register_stage("quotes.v1", requires=["sentences", "actors", "timexes"], assigns=["quotes"], factory=QuotesStage)
