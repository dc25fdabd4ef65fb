"""How far to trust an attribution: a logistic model over how it was found, its cue, source and content.

A wrong speaker is the costliest error a record of who said what can make, so an attribution whose
features make a right speaker unlikely is dropped rather than reported. The weights are learned by
``eval/quote_confidence.py`` on PolNeAR train articles the cue lexicon was not mined from, and shipped in
``data/quote_confidence.json``: a bias, a weight per feature string, the score below which an
attribution is dropped, and the ways of finding one it saw often enough to judge (an attribution found
another way, such as a signature after a dash, is kept). Features are plain strings ("how=verb-ccomp",
"src=pronoun"), so the model reads as a table and a feature the training never saw weighs nothing.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from onrecord.extract.quote_find import Found, complement, content_words
from onrecord.extract.quote_lexicon import CueLexicon
from onrecord.extract.quote_speaker import RELATIVE

_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "it", "him", "her", "them", "me", "us"})
_EMBEDDING = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "pcomp", "parataxis"})


def _bucket(n: float, edges: Sequence[float]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What the features of one attribution need to know about the others of its article, built once."""

    parents: frozenset[int]  # indices of attributions with speech reported inside them
    cues_per_sentence: dict[int, int]  # first token of a sentence -> attributions whose cue is in it


def article_context(found: Sequence[Found]) -> ArticleContext:
    per_sentence: dict[int, int] = {}
    for g in found:
        if g.cue_token is not None:
            k = g.cue_token.sent.start
            per_sentence[k] = per_sentence.get(k, 0) + 1
    return ArticleContext(frozenset(g.parent for g in found if g.parent is not None), per_sentence)


def features(f: Found, ctx: ArticleContext, text: str, lex: CueLexicon, resolved: bool) -> list[str]:
    """The feature strings of attribution ``f`` (``ctx`` describes its article); ``resolved``: the actors
    stage named its speaker."""
    out = [f"how={f.how}", f"lemma={f.cue_lemma}"]
    kinds = "+".join(sorted(set(f.kinds.values()))) or "none"
    out.append(f"kind={kinds}")
    words = sum(content_words(text, a, b) for a, b in f.pieces)
    out.append(f"words={_bucket(words, (2, 4, 8, 16, 32, 64))}")
    out.append(f"pieces={min(len(f.pieces), 3)}")
    c0, c1 = f.cue_span
    side = ("b" if any(b <= c0 for _, b in f.pieces) else "") + ("a" if any(a >= c1 for a, _ in f.pieces) else "")
    out.append(f"side={side or 'in'}")
    out.append(f"in_quote={f.in_quote}")
    out.append(f"children={f.index in ctx.parents}")
    src = "none"
    if f.group:
        src = "group"
    elif f.source is not None:
        h = f.source.head
        low = h.lower_
        if low in RELATIVE and f.source.end - f.source.start == len(h):
            src = "relative"
        elif low in _PRONOUNS:
            src = "pronoun"
        else:
            src = h.pos_
        out.append(f"src_ent={h.ent_type_ or '-'}")
        out.append(f"src_dep={h.dep_}")
        if f.cue_token is not None:
            out.append(f"src_of_cue={h.head.i == f.cue_token.i}")
        before = f.source.end <= c0
        between = text[f.source.end : c0] if before else text[c1 : f.source.start]
        out.append(f"src_side={'before' if before else 'after'}")
        out.append(f"src_gap={_bucket(content_words(between, 0, len(between)), (0, 2, 6, 15))}")
    out.append(f"src={src}")
    out.append(f"src={src}&how={f.how}")
    out.append(f"resolved={resolved}")
    out.append(f"resolved={resolved}&src={src}")
    rate = max(lex.verb_rate(f.cue_lemma), lex.noun_rate(f.cue_lemma))
    out.append(f"rate={_bucket(rate, (0.05, 0.1, 0.2, 0.35, 0.5, 0.7, 0.85))}")
    cue = f.cue_token
    if cue is not None:
        out.append(f"cue_dep={cue.dep_}")
        out.append(f"cue_tag={cue.tag_}")
        out.append(f"cue_head_pos={cue.head.pos_ if cue.head.i != cue.i else 'ROOT'}")
        out.append(f"neg={any(c.dep_ == 'neg' for c in cue.children)}")
        if cue.pos_ in ("VERB", "AUX"):
            frame = complement(cue)[0]
            out.append(f"frame={frame}")
            out.append(f"lemma={f.cue_lemma}&frame={frame}")
        # how deep the cue sits under other verbs: an embedded weak cue often reports less than its clause
        depth = 0
        embed = "-"
        t = cue
        while t.head.i != t.i and depth < 4:
            if t.dep_ in _EMBEDDING and embed == "-":
                embed = t.dep_
            t = t.head
            depth += 1
        out.append(f"depth={depth}")
        # the first verb above the cue and its own subject: someone else may be the one reporting
        up = cue.head
        while up.head.i != up.i and up.pos_ not in ("VERB", "AUX"):
            up = up.head
        if up.i != cue.i and up.pos_ in ("VERB", "AUX"):
            subj = next((c for c in up.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            kind = "none" if subj is None else ("pronoun" if subj.lower_ in _PRONOUNS else subj.pos_)
            same = f.source is not None and subj is not None and f.source.head.i == subj.i
            out.append(f"up_subj={kind}&same={same}")
            out.append(f"up_rate={_bucket(max(lex.verb_rate(up.lemma_.lower()), 0.0), (0.0, 0.1, 0.3))}")
        others = ctx.cues_per_sentence.get(cue.sent.start, 1) - 1
        out.append(f"others_in_sentence={min(others, 2)}")
        out.append(f"embed={embed}")
        out.append(f"embed={embed}&rate={_bucket(rate, (0.2, 0.5))}")
    return out


@dataclass(frozen=True, slots=True)
class ConfidenceModel:
    bias: float
    weights: dict[str, float]
    threshold: float  # attributions scoring below it are dropped
    # the ways of finding an attribution (Found.how) the training saw often enough to judge; others are kept
    judged: frozenset[str] = frozenset()

    def may_drop(self, how: str) -> bool:
        """Whether an attribution found this way may be dropped at all (see :func:`droppable`)."""
        return droppable(how, self.judged)

    def score(self, feats: Sequence[str]) -> float:
        z = self.bias + sum(self.weights.get(x, 0.0) for x in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


# attributions whose speaker is given by the layout, not by a parse: an interview label ("SMITH: ...")
# speaks for its paragraph. PolNeAR annotates the clauses inside such answers instead, so the learned
# confidence has nothing to say about them.
STRUCTURAL = frozenset({"transcript"})


def droppable(how: str, judged: frozenset[str]) -> bool:
    """An attribution found this way may be dropped: the training saw that way often enough to judge it,
    and the layout does not give its speaker."""
    return how in judged and how not in STRUCTURAL


def parse_model(data: dict[str, object]) -> ConfidenceModel:
    """The model of a JSON object; without a ``judged`` list it judges (and drops) nothing."""
    weights = data.get("weights", {})
    if not isinstance(weights, dict):
        raise ValueError("quote confidence model: 'weights' must be an object")
    threshold = float(data.get("threshold", 0.0))  # type: ignore[arg-type]
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"quote confidence model: threshold {threshold} is not between 0 and 1")
    return ConfidenceModel(
        bias=float(data.get("bias", 0.0)),  # type: ignore[arg-type]
        weights={str(k): float(v) for k, v in weights.items()},
        threshold=threshold,
        judged=frozenset(str(h) for h in data.get("judged", {})),  # type: ignore[attr-defined]
    )


@lru_cache(maxsize=1)
def confidence_model() -> ConfidenceModel | None:
    """The packaged model, read once, or None where no model is shipped (every attribution is then kept)."""
    path = resources.files("onrecord.extract").joinpath("data", "quote_confidence.json")
    if not path.is_file():
        return None
    return parse_model(json.loads(path.read_text(encoding="utf-8")))
