"""Find attributions in a parsed article: cue, source, and content pieces (character spans).

The cascade, in order (each step only adds to what the earlier ones found):
1. Quoted stretches from :mod:`quote_marks` (every convention, unclosed, multi-paragraph).
2. Verb cues outside quotes (lemmas from the mined lexicon) whose clausal complement is the content:
   ``X said that ...``, ``X wants to ...``, ``"...," X said`` (complement before the verb), and the
   parenthetical ``..., X said.`` (the verb hangs from the content). Content touching a quote is
   widened to the whole quote.
3. Source phrases: ``according to X``, ``in X's words``; noun cues with a that-clause (``X's
   statement that ...``); a colon lead-in (``X: ...``).
4. Quotes not yet attributed: a reporting verb right after (``"...," said the Republican``) or right
   before (``X said: "..."``), a dash and a name after (``"..." — Xi Jinping``), reciprocal verbs
   (``greeted each other with "..."``: a group, no single speaker).
5. Quotes still alone inherit the attribution of a neighbouring quote in the same paragraph (split
   quotes, an unclosed quote before the next one) or of a quote running on from the paragraph before;
   a quote opening the sentence after the speaker's quote or report joins it (folded paragraphs).
6. Reporting verbs inside another attribution's content become nested attributions (``parent``).
Quotes left without a cue are scare quotes or titles, and are dropped.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.attrs import LEMMA, LOWER, POS, SENT_START
from spacy.parts_of_speech import AUX, NOUN, VERB
from spacy.tokens import Doc, Span, Token

from onrecord.extract.quote_lexicon import CueLexicon
from onrecord.extract.quote_marks import MarkedQuote, find_marked_quotes
from onrecord.extract.quote_speaker import TIME_ENTS, Source, inverted_source, phrase_span, source_of

_CONTENT_DEPS = frozenset({"ccomp", "xcomp"})
_PARENTHETICAL = frozenset({"parataxis", "advcl", "ccomp", "conj"})
_TRIM = " \t\n,.;:"
_DASH_RE = re.compile(r"\s*[—–]\s*|\s+-{1,2}\s+")
_WORD_RE = re.compile(r"\w+")
_QA_RE = re.compile(r"[QA]")  # interview transcripts: question and answer
_SENT_END = frozenset({".", "?", "!"})
# marks of a clause set against another ("X said A, while Y said B")
_CONTRAST = frozenset({"while", "whereas", "although", "though", "but"})
# rates above which a verb counts as a cue on adjacency to a quote alone, or with a complement
ADJACENT_RATE = 0.05
COMPLEMENT_RATE = 0.10
XCOMP_RATE = 0.15
NOUN_RATE = 0.15
OBJECT_RATE = 0.20
# with enough evidence for the lemma in a frame (quote_cue_frames.txt), that frame's rate decides
FRAME_RATE = 0.40
# right dependents of a stance verb that carry what is said or held ("criticized Clinton for ...")
_OBJECT_DEPS = frozenset({"dobj", "oprd", "attr", "acomp"})
_OBJECT_PREPS = frozenset({"to", "about", "of", "on", "for", "against", "as", "with", "that"})


@dataclass
class Found:
    """One attribution: its cue, source and content pieces (character spans)."""

    cue_lemma: str
    cue_span: tuple[int, int]
    cue_token: Token | None
    source: Source | None
    pieces: list[tuple[int, int]] = field(default_factory=list)
    index: int = 0
    group: bool = False  # spoken by several at once: no single speaker
    kinds: dict[tuple[int, int], str] = field(default_factory=dict)  # piece -> direct | mixed | indirect
    parent: int | None = None  # index of the attribution this one is reported inside
    # the step that found it: verb-<frame> (verb-ccomp, verb-obj, ...), noun, adverbial, colon, transcript,
    # dash, adjacent, group
    how: str = "verb"
    in_quote: bool = False  # the cue stands inside a quotation (speech reported within speech)

    def add(self, start: int, end: int) -> None:
        for i, (a, b) in enumerate(self.pieces):
            if a < end and start < b:
                self.pieces[i] = (min(a, start), max(b, end))
                return
        self.pieces.append((start, end))


class _Doc:
    """Per-article lookups built once: quote of each token, paragraphs."""

    def __init__(self, doc: Doc, text: str, quotes: list[MarkedQuote]) -> None:
        self.doc = doc
        self.text = text
        self.quotes = quotes
        self.qtok: list[tuple[int, int]] = []
        self.tok_quote = [-1] * len(doc)
        for qi, q in enumerate(quotes):
            sp = doc.char_span(q.start, q.end, alignment_mode="expand")
            if sp is None or not len(sp):
                self.qtok.append((0, 0))
                continue
            self.qtok.append((sp.start, sp.end))
            self.tok_quote[sp.start : sp.end] = [qi] * (sp.end - sp.start)
        self.para_starts = [0] + [m.end() for m in re.finditer(r"\n+", self.text)]
        self.q_starts = [q.start for q in quotes]
        self.q_ends = [q.end for q in quotes]
        starts = numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist() if len(doc) else []
        if not starts or starts[0] != 0:
            starts.insert(0, 0)
        self.sent_starts: list[int] = starts
        self.found: list[Found] = []
        self.by_cue: dict[int, int] = {}
        self.quote_owner: dict[int, int] = {}  # quote index -> attribution index

    def attribution(
        self, cue: Token, lemma: str, span: tuple[int, int], src: Source | None, how: str = "verb"
    ) -> Found:
        """The attribution of the cue token, created on first use."""
        if cue.i in self.by_cue:
            return self.found[self.by_cue[cue.i]]
        f = Found(lemma, span, cue, src, index=len(self.found), how=how, in_quote=self.tok_quote[cue.i] >= 0)
        self.by_cue[cue.i] = len(self.found)
        self.found.append(f)
        return f

    def add_content(self, f: Found, a: int, b: int, inside: int = -1) -> None:
        """Add a content piece (widened to the quotes it cuts) and claim the quotes it covers."""
        a, b = self.snap(a, b, inside)
        if b - a < 2:
            return
        f.add(a, b)
        for qi in self.overlapping(a, b):
            q = self.quotes[qi]
            if a <= q.start and q.end <= b:
                self.quote_owner.setdefault(qi, f.index)

    def clip_source(self, src: Source | None, cue: Token) -> Source | None:
        """Keep a source within the cue's paragraph and, for a cue inside a quotation, within it."""
        if src is None:
            return None
        if self.tok_quote[cue.i] < 0 and self.tok_quote[src.head.i] >= 0:
            # a word of the quotation parsed as the subject: the speaker follows the verb, or is unknown
            src = inverted_source(cue)
            if src is None:
                return None
        p = self.para(cue.idx)
        lo = self.para_starts[p]
        hi = self.para_starts[p + 1] if p + 1 < len(self.para_starts) else len(self.text)
        qi = self.tok_quote[cue.i]
        if qi >= 0:
            lo, hi = max(lo, self.quotes[qi].start + 1), min(hi, self.quotes[qi].end - 1)
        if lo <= src.start and src.end <= hi:
            return src
        start, end = self.trim(max(src.start, lo), min(src.end, hi))
        span = self.doc.char_span(start, end, alignment_mode="contract") if end > start else None
        if span is None or not len(span):
            return None
        head = src.head if start <= src.head.idx < end else span[-1]
        return Source(span.start_char, span.end_char, head)

    def sent(self, i: int) -> tuple[int, int]:
        """Token range [start, end) of the sentence holding token ``i``."""
        k = bisect.bisect_right(self.sent_starts, i) - 1
        end = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.doc)
        return self.sent_starts[k], end

    def overlapping(self, start: int, end: int) -> range:
        """Indices of the quotes overlapping [start, end) (quotes are sorted and disjoint)."""
        return range(bisect.bisect_right(self.q_ends, start), bisect.bisect_left(self.q_starts, end))

    def para(self, char: int) -> int:
        return bisect.bisect_right(self.para_starts, char) - 1

    def snap(self, start: int, end: int, inside: int = -1) -> tuple[int, int]:
        """Widen [start, end) to cover every quote it cuts into (but the one the cue is in); trim ends."""
        for qi in self.overlapping(start, end):
            q = self.quotes[qi]
            if qi != inside and q.start < end and start < q.end:
                if start <= q.start < end < q.end or (start < q.end <= end and q.start < start):
                    start, end = min(start, q.start), max(end, q.end)
                elif q.start < start and end < q.end:
                    # the clause lies inside the quote (a split sentence): the whole quote is content
                    start, end = q.start, q.end
        return self.trim(start, end)

    def trim(self, start: int, end: int) -> tuple[int, int]:
        t = self.text
        while start < end and t[start] in _TRIM:
            start += 1
        while end > start and t[end - 1] in _TRIM:
            end -= 1
        return start, end


def _tok_span(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """Characters of tokens [lo, hi]."""
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _clause_span(c: Token) -> tuple[int, int]:
    return c.left_edge.i, c.right_edge.i


def content_words(text: str, a: int, b: int) -> int:
    """How many words text[a:b] holds."""
    return len(_WORD_RE.findall(text, a, b))


def _verb_group(v: Token) -> tuple[int, int]:
    """Characters of the verb with its auxiliaries and negation (PolNeAR's cue is the verb group)."""
    lo = v.i
    for c in v.lefts:
        if c.dep_ in ("aux", "auxpass", "neg") and c.i >= lo - 3:
            lo = min(lo, c.i)
    return _tok_span(v.doc, lo, v.i)


class Finder:
    """Find the attributions of one parsed article."""

    def __init__(self, lexicon: CueLexicon) -> None:
        self.lex = lexicon
        self._hashes: tuple[Any, Any, Any] | None = None
        # lemmas that are cues in some frame though rare as cues at large
        self.frame_lemmas = frozenset(lemma for (lemma, _), r in lexicon.frames.items() if r >= FRAME_RATE)

    def _candidates(self, doc: Doc) -> list[int]:
        """Indices of the tokens that may be cues, picked in one vectorized pass."""
        if not len(doc):
            return []
        if self._hashes is None:
            strings = doc.vocab.strings

            def sorted_hashes(ws: Iterable[str]) -> Any:
                return numpy.sort(numpy.array([strings[w] for w in ws], dtype="uint64"))

            words = ("according", ":", "words", "view", "opinion")
            verb_lemmas = set(self.lex.verbs) | self.frame_lemmas
            self._hashes = (sorted_hashes(verb_lemmas), sorted_hashes(self.lex.nouns), sorted_hashes(words))
        verbs, nouns, words = self._hashes
        arr = doc.to_array([POS, LEMMA, LOWER])
        pos, lemma, lower = arr[:, 0], arr[:, 1], arr[:, 2]
        verbal = ((pos == VERB) | (pos == AUX)) & _member(lemma, verbs)
        nominal = (pos == NOUN) & _member(lemma, nouns)
        mask = verbal | nominal | _member(lower, words)
        return numpy.flatnonzero(mask).tolist()

    def __call__(self, doc: Doc, text: str | None = None) -> list[Found]:
        """The attributions of ``doc``; ``text`` is its text when the caller has it (``doc.text`` is rebuilt
        from the tokens on each access)."""
        text = doc.text if text is None else text
        d = _Doc(doc, text, find_marked_quotes(text))
        # steps 2 and 3, one pass over the tokens
        for i in self._candidates(doc):
            tok = doc[i]
            pos = tok.pos_
            if tok.lower_ == "according":
                self._phrase(d, tok)
            elif pos in ("VERB", "AUX"):
                self._verb(d, tok)
            elif pos in ("NOUN", "PROPN"):
                self._phrase(d, tok)
            elif tok.text == ":" and d.tok_quote[tok.i] < 0:
                self._colon(d, tok)

        # step 4: quotes not yet attributed, by adjacency
        for qi in range(len(d.quotes)):
            if qi not in d.quote_owner:
                self._adjacent(d, qi)
        # step 5: inherit from neighbours (forward, then backward)
        self._inherit(d)
        self._run_on(d)
        # drop attributions without content; mark nesting
        kept = [f for f in d.found if f.pieces]
        for i, f in enumerate(kept):
            f.index = i  # positions in the list returned, as ``parent`` is
            f.kinds = {p: _kind(d, *p) for p in f.pieces}
        _nest(kept)
        return kept

    # -- step 2 -----------------------------------------------------------------------------------
    def _verb(self, d: _Doc, v: Token) -> None:
        rate = self.lex.verb_rate(v.lemma_.lower())
        if rate <= 0.0 and v.lemma_.lower() not in self.frame_lemmas:
            return
        # content stays in the cue's paragraph (a parse may run on into the next one); quotations left
        # open across paragraphs are joined by the quotation steps
        para = d.para(v.idx)
        p_lo = d.para_starts[para]
        p_hi = d.para_starts[para + 1] if para + 1 < len(d.para_starts) else len(d.text)
        found, how = self._verb_content(d, v, rate)
        pieces = [(max(a, p_lo), min(b, p_hi)) for a, b in found]
        pieces = [(a, b) for a, b in pieces if b > a]
        if not pieces:
            return
        src = d.clip_source(source_of(v), v)
        f = d.attribution(v, v.lemma_.lower(), _verb_group(v), src, "verb-" + how)
        for a, b in pieces:
            if content_words(d.text, a, b) >= 1:
                d.add_content(f, a, b, inside=d.tok_quote[v.i])

    def _allowed(self, lemma: str, frame: str, rate: float, floor: float) -> bool:
        """Whether the lemma is a cue in this frame: by the frame's own mined rate where there is enough
        evidence, else by the lemma's overall rate."""
        fr = self.lex.frame_rate(lemma, frame)
        if fr is not None:
            return fr >= FRAME_RATE
        return rate >= floor

    def _verb_content(self, d: _Doc, v: Token, rate: float) -> tuple[list[tuple[int, int]], str]:
        """The content pieces of a reporting verb, from its parse, and how they hang from it."""
        doc = d.doc
        lemma = v.lemma_.lower()
        frame, comp = complement(v)
        if comp is not None and frame == "ccomp" and not self._allowed(lemma, "ccomp", rate, COMPLEMENT_RATE):
            comp = None
        if comp is not None and frame == "xcomp" and not self._allowed(lemma, "xcomp", rate, XCOMP_RATE):
            comp = None
        if comp is not None:
            lo, hi = _clause_span(comp)
            if comp.i < v.i:
                subj = _subject_tok(v)
                if subj is not None and subj.i < v.i:
                    hi = min(hi, subj.left_edge.i - 1)
                qi = d.tok_quote[lo] if d.tok_quote[lo] >= 0 else d.tok_quote[comp.i]
                if qi >= 0 and not _runs_past(d, qi, hi):
                    return [], frame  # a quotation before its cue: paired by adjacency, marks and all
            else:
                # "said that ..." includes the complementizer; the content runs to the end of the clause
                lo = max(lo, v.i + 1)
                hi = max(hi, self._clause_end(v, comp))
                hi = self._before_sibling(d, lo, hi)
            return ([_tok_span(doc, lo, hi)] if hi >= lo else []), frame + ("-before" if comp.i < v.i else "")
        if frame == "obj" and d.tok_quote[v.i] < 0 and self._allowed(lemma, "obj", rate, OBJECT_RATE):
            span = _object_content(v)
            if span is not None and (span[1] > span[0] or doc[span[0]].pos_ != "PRON"):
                return [_tok_span(doc, *span)], "obj"
        if rate >= COMPLEMENT_RATE:
            # "highlighted in his talk that ...": a that-clause parsed onto a noun of the verb's phrase
            sent_end = v.right_edge.i
            for i in range(v.i + 1, min(v.i + 14, sent_end)):
                t = doc[i]
                if (
                    t.dep_ == "mark"
                    and t.lower_ == "that"
                    and t.head.dep_ == "acl"
                    and t.head.head.i > v.i
                    and self.lex.noun_rate(t.head.head.lemma_.lower()) < NOUN_RATE
                ):
                    return [_tok_span(doc, i, self._clause_end(v, t.head))], "noun-that"
                if t.pos_ in ("VERB",) and t.dep_ not in ("amod", "compound"):
                    break
        if rate >= COMPLEMENT_RATE and _as_clause(v):
            # "as X reported, ...", "..., as reported by X": the clause the as-clause modifies
            pieces = _outside(v)
            if pieces and all(d.tok_quote[i] < 0 for lo, hi in pieces for i in (lo, hi)):
                return [_tok_span(doc, lo, hi) for lo, hi in pieces], "as"
        if v.dep_ in _PARENTHETICAL and v.head.i > v.i and rate >= COMPLEMENT_RATE:
            pieces = _around(v)
            # a cue between quotations is left to the quotation steps
            if pieces and all(d.tok_quote[i] < 0 for lo, hi in pieces for i in (lo, hi)):
                return [_tok_span(doc, lo, hi) for lo, hi in pieces], "around"
        if (
            v.dep_ in _PARENTHETICAL
            and v.head.i < v.i
            and v.head.pos_ in ("VERB", "AUX")
            and rate >= COMPLEMENT_RATE
            and _subject_tok(v) is not None
            and v.left_edge.i > 0
            and doc[v.left_edge.i - 1].text in (",", "”", '"')
            and not any(c.dep_ == "mark" for c in v.children)
            and v.right_edge.i - v.left_edge.i <= 12
        ):
            # "The economy is strong, he said." parsed with the verb hanging from the content
            h = v.head
            spans: list[tuple[int, int]] = []
            lo, hi = h.left_edge.i, v.left_edge.i - 1
            if hi >= lo:
                spans.append(_tok_span(doc, lo, hi))
            if v.right_edge.i < h.right_edge.i:
                spans.append(_tok_span(doc, v.right_edge.i + 1, h.right_edge.i))
            return spans, "parenthetical"
        return [], "none"

    def _before_sibling(self, d: _Doc, lo: int, hi: int) -> int:
        """The end of a content [lo, hi] cut before another speaker's report joined to it ("X said A,
        while Y said B"; "..., and Y argued B"): that report is not part of what X said."""
        doc = d.doc
        for t in doc[lo + 1 : hi + 1]:
            if t.pos_ not in ("VERB", "AUX") or d.tok_quote[t.i] >= 0:
                continue
            if self.lex.verb_rate(t.lemma_.lower()) < COMPLEMENT_RATE or complement(t)[0] != "ccomp":
                continue
            subj = _subject_tok(t)
            if subj is None or subj.i > t.i or subj.lower_ in ("it", "that", "which", "who") or subj.i <= lo:
                continue
            joined = t.dep_ == "conj" or (
                t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONTRAST for c in t.children)
            )
            if not joined:
                continue
            end = t.left_edge.i - 1
            while end > lo and (doc[end].is_punct or doc[end].dep_ in ("cc", "mark")) and not doc[end].is_quote:
                end -= 1
            if end > lo:
                return end
        return hi

    def _clause_end(self, v: Token, comp: Token) -> int:
        """Last token of the content after ``v``: its right side, short of a further reporting verb."""
        hi = comp.right_edge.i
        for r in v.rights:
            if r.i <= comp.i:
                continue
            if r.dep_ in ("advcl", "conj", "parataxis") and self.lex.verb_rate(r.lemma_.lower()) >= COMPLEMENT_RATE:
                break
            if r.dep_ == "punct" and r.text in _SENT_END:
                break
            hi = max(hi, r.right_edge.i)
        doc = v.doc
        while hi > comp.i and (
            (doc[hi].is_punct and doc[hi].text not in ("”", '"', "’", "'", "»")) or doc[hi].dep_ == "cc"
        ):
            hi -= 1  # nor a conjunction left dangling by a further reporting verb ("..., and Y agreed")
        return hi

    # -- step 3 -----------------------------------------------------------------------------------
    def _phrase(self, d: _Doc, tok: Token) -> None:
        doc = d.doc
        low = tok.lower_
        if low == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            if to is None and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                to = doc[tok.i + 1]
            if to is None:
                return
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            src = None
            if obj is not None:
                lo, hi = phrase_span(obj)
                src = Source(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]), obj)
            cue = (tok.idx, to.idx + len(to))
            self._adverbial(d, tok, "according to", cue, src)
            return
        if low in ("words", "view", "opinion") and tok.head.lower_ == "in" and tok.head.dep_ == "prep":
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            of = next((c for c in tok.children if c.lower_ == "of"), None)
            who = poss or (next((g for g in of.children if g.dep_ == "pobj"), None) if of else None)
            if who is None:
                return
            lo, hi = phrase_span(who)
            src = Source(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]), who)
            prep = tok.head
            self._adverbial(d, prep, f"in {low}", (prep.idx, tok.idx + len(tok)), src)
            return
        rate = self.lex.noun_rate(tok.lemma_.lower())
        if rate < NOUN_RATE or d.tok_quote[tok.i] >= 0:
            return
        clause = None
        for c in tok.children:
            if (
                c.dep_ in ("acl", "ccomp", "appos")
                and c.i > tok.i
                and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            ):
                clause = c
                break
        if clause is None:
            return
        who = next((c for c in tok.children if c.dep_ == "poss"), None)
        if who is None:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("by", "from", "of"):
                    who = next((g for g in c.children if g.dep_ == "pobj"), None)
                    break
        src = None
        if who is not None:
            lo, hi = phrase_span(who)
            src = Source(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]), who)
        f = d.attribution(tok, tok.lemma_.lower(), (tok.idx, tok.idx + len(tok)), src, "noun")
        lo, hi = _clause_span(clause)
        d.add_content(f, *_tok_span(doc, lo, hi))

    def _adverbial(
        self,
        d: _Doc,
        phrase: Token,
        lemma: str,
        cue: tuple[int, int],
        src: Source | None,
    ) -> None:
        """Content of a source adverbial (according to X, in X's words): its clause minus itself."""
        doc = d.doc
        h = phrase.head
        if phrase.i > 0 and doc[phrase.i - 1].text == ",":
            # set off by a comma ("..., according to X."): the whole sentence is what X reports, whatever
            # verb the parser hung the phrase on
            lo, hi = d.sent(phrase.i)
            hi -= 1
        elif h.i == phrase.i or h.pos_ not in ("VERB", "AUX"):
            # the adverbial may head its sentence: take the sentence
            lo, hi = d.sent(phrase.i)
            hi -= 1
        else:
            lo, hi = h.left_edge.i, h.right_edge.i
        plo, phi = phrase.left_edge.i, phrase.right_edge.i
        f = d.attribution(phrase, lemma, cue, src, "adverbial")
        for a, b in ((lo, plo - 1), (phi + 1, hi)):
            if b >= a:
                ca, cb = _tok_span(doc, a, b)
                if content_words(d.text, ca, cb) >= 3:
                    d.add_content(f, ca, cb)

    def _colon(self, d: _Doc, colon: Token) -> None:
        """``Name: words`` at the start of a sentence or headline."""
        doc = d.doc
        para = d.para(colon.idx)
        p_start = doc.char_span(d.para_starts[para], colon.idx, alignment_mode="expand")
        if p_start is not None and 0 < len(p_start) <= 4:
            lead = p_start
            if (len(lead) == 1 and _QA_RE.fullmatch(lead.text)) or _transcript_label(lead):
                # an interview transcript: "Q: ..." / "A: ..." / "SMITH: ..." speaks for the whole paragraph
                end = d.para_starts[para + 1] if para + 1 < len(d.para_starts) else len(d.text)
                src = Source(lead.start_char, lead.end_char, lead[-1])
                f = d.attribution(colon, ":", (colon.idx, colon.idx + 1), src, "transcript")
                d.add_content(f, colon.idx + 1, end)
                return
        s_start, s_end = d.sent(colon.i)
        if colon.i - s_start > 4 or colon.i == s_start or colon.i + 2 >= s_end:
            return
        lead = doc[s_start : colon.i]
        if not any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in lead):
            return
        if any(t.pos_ in ("VERB", "AUX") for t in lead):
            return
        head = lead.root
        src = Source(lead.start_char, lead.end_char, head)
        f = d.attribution(colon, ":", (colon.idx, colon.idx + 1), src, "colon")
        d.add_content(f, doc[colon.i + 1].idx, doc[s_end - 1].idx + len(doc[s_end - 1]))

    # -- step 4 -----------------------------------------------------------------------------------
    def _adjacent(self, d: _Doc, qi: int) -> None:
        doc = d.doc
        q = d.quotes[qi]
        qs, qe = d.qtok[qi]
        if qe <= qs:
            return
        words = content_words(d.text, q.start, q.end)
        # after the quote: "...," X said / said X / — X
        m = _DASH_RE.match(d.text, q.end)
        if m and words >= 3:
            after = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
            if after is not None and after[0].pos_ == "PROPN":
                i = after.start
                while i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN" and d.tok_quote[i + 1] < 0:
                    i += 1
                dash_src = Source(doc[after.start].idx, doc[i].idx + len(doc[i]), doc[i])
                dash = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                cue_tok = dash[0] if dash is not None and len(dash) else doc[after.start]
                f = d.attribution(cue_tok, "—", (m.start(), m.end()), dash_src, "dash")
                d.add_content(f, q.start, q.end)
                return
        cand: Token | None = None
        # a quotation closing its own sentence ('... nothing." That is why, he added') takes a verb after it
        # only right away ('"... now." Rosa Lind said.'); a later one belongs to the next sentence
        ends_sentence = d.text[q.start : q.end].rstrip("\"'”’» ").endswith((".", "?", "!"))
        reach = qe + 4 if ends_sentence and qe < len(doc) and doc[qe].is_title else qe + 30
        for i in range(qe, min(reach, len(doc))):
            t = doc[i]
            if d.tok_quote[i] >= 0 or "\n" in t.text or (t.text in _SENT_END and i > qe):
                break
            if _describes_noun_after(t, qe):
                continue  # a clause describing the speaker ("..., a source, who was not allowed to speak, said")
            if t.pos_ in ("VERB", "AUX") and self.lex.verb_rate(t.lemma_.lower()) >= ADJACENT_RATE:
                if not any(c.dep_ in _CONTENT_DEPS and c.i > t.i and d.tok_quote[c.i] < 0 for c in t.children):
                    cand = t  # a verb with a complement of its own (not a quotation) reports something else
                break
        if cand is None and qs > 0:
            # before the quote: X said: "..." / X said, "..."
            j = qs - 1
            if doc[j].text in (":", ",") or doc[j].pos_ in ("VERB",):
                for i in range(j, max(qs - 10, -1), -1):
                    t = doc[i]
                    if d.tok_quote[i] >= 0 or "\n" in t.text or (t.text in _SENT_END):
                        break
                    if t.pos_ in ("VERB", "AUX") and self.lex.verb_rate(t.lemma_.lower()) >= ADJACENT_RATE:
                        cand = t
                        break
        if cand is not None:
            if words < 2 and _in_noun_phrase(doc, qs, qe):
                return
            src = d.clip_source(source_of(cand), cand)
            f = d.attribution(cand, cand.lemma_.lower(), _verb_group(cand), src, "adjacent")
            d.add_content(f, q.start, q.end)
            return
        # reciprocal: "greeted each other with '...'"
        root = doc[qs:qe].root
        v = root
        for _ in range(5):
            if v.pos_ == "VERB" or v.head.i == v.i:
                break
            v = v.head
        if v.pos_ == "VERB" and any(
            c.lower_ in ("other", "another") and any(g.lower_ in ("each", "one") for g in c.subtree) for c in v.children
        ):
            src = source_of(v)
            f = d.attribution(v, v.lemma_.lower(), _verb_group(v), src, "group")
            f.group = True
            d.add_content(f, q.start, q.end)

    @staticmethod
    def _other_speaker(d: _Doc, a: int, b: int, cue: Token | None) -> bool:
        """Whether another verb with its own subject stands between two quotations ('..." she said, and
        her husband cut in. "...'): the second quotation is not hers."""
        span = d.doc.char_span(a, b, alignment_mode="contract")
        if span is None:
            return False
        for t in span:
            if t.pos_ == "VERB" and (cue is None or t.i != cue.i) and any(c.dep_ == "nsubj" for c in t.children):
                return True
        return False

    # -- step 5 -----------------------------------------------------------------------------------
    def _inherit(self, d: _Doc) -> None:
        found, owner = d.found, d.quote_owner
        n = len(d.quotes)
        doc = d.doc

        def words_between(a: int, b: int) -> int:
            return content_words(d.text, a, b)

        last = -1  # the last quotation with an owner; titles in between are passed over
        for qi in range(n):
            if qi in owner:
                last = qi
                continue
            q = d.quotes[qi]
            if last < 0:
                continue
            qs, qe = d.qtok[qi]
            if qe > qs and content_words(d.text, q.start, q.end) < 4 and _in_noun_phrase(doc, qs, qe):
                continue  # a title ('on "Morning Talk."'): no one's words
            p = d.quotes[last]
            same_para = d.para(p.start) == d.para(q.start)
            prev_cue = found[owner[last]].cue_span
            if (
                same_para
                and words_between(p.end, q.start) <= 12
                and p.end <= prev_cue[0] < q.start
                and not self._other_speaker(d, p.end, q.start, found[owner[last]].cue_token)
            ) or (last == qi - 1 and p.continues and d.para(q.start) == d.para(p.start) + 1):
                owner[qi] = owner[last]
                found[owner[qi]].add(*d.trim(q.start, q.end))
                last = qi
        for qi in range(n - 2, -1, -1):
            if qi in owner or qi + 1 not in owner:
                continue
            q = d.quotes[qi]
            nx = d.quotes[qi + 1]
            f = found[owner[qi + 1]]
            if q.continues and d.para(nx.start) == d.para(q.start) + 1 and nx.start == d.para_starts[d.para(nx.start)]:
                # a paragraph left open runs on into the next one, where the cue is
                owner[qi] = owner[qi + 1]
                f.add(*d.trim(q.start, q.end))
                continue
            if d.para(nx.start) != d.para(q.start) or not q.start < nx.start < f.cue_span[0]:
                continue
            # nothing but quotes between this one and the next
            if words_between(q.end, nx.start) <= 2 and content_words(d.text, q.start, q.end) >= 3:
                owner[qi] = owner[qi + 1]
                f.add(*d.trim(q.start, q.end))
        del doc

    @staticmethod
    def _run_on(d: _Doc) -> None:
        """Quotations still alone that open the sentence after the speaker's previous words in the same
        paragraph (papers that fold a speaker's paragraphs into one): after another of their quotations
        ('... 26 weeks. "We are going ...') or after a report with a speaker ('She said fees would rise.
        "We have no choice."'). They join the attribution of the quotation in that sentence, else of the
        widest report there."""
        doc = d.doc
        for qi, q in enumerate(d.quotes):
            qs, qe = d.qtok[qi]
            if qi in d.quote_owner or qe <= qs or qs == 0 or content_words(d.text, q.start, q.end) < 3:
                continue
            before = d.text[d.para_starts[d.para(q.start)] : q.start].rstrip()
            if not before.rstrip("\"'”’»").endswith(tuple(_SENT_END)):
                continue  # not the start of a sentence, or the first words of the paragraph
            lo, hi = d.sent(qs - 1)
            owned = [pj for pj in range(qi) if pj in d.quote_owner and lo <= d.qtok[pj][0] < max(hi, qs)]
            owner: int | None = d.quote_owner[owned[-1]] if owned else None
            # someone else acting in between ('..." she said, and her husband cut in. "...') breaks the run
            gap_from = d.quotes[owned[-1]].end if owned else -1
            if owner is None:
                reports = [
                    f
                    for f in d.found
                    if f.cue_token is not None
                    and lo <= f.cue_token.i < hi
                    and f.source is not None
                    and not f.group
                    and not f.in_quote  # speech reported inside a quotation is not the speaker's
                ]
                reports = [f for f in reports if f.pieces]
                if reports:
                    owner = max(reports, key=lambda f: sum(b - a for a, b in f.pieces)).index
                    gap_from = max(b for _, b in d.found[owner].pieces)
            if owner is None or d.found[owner].group or d.found[owner].cue_span[0] > q.start:
                continue
            if gap_from < q.start and Finder._other_speaker(d, gap_from, q.start, d.found[owner].cue_token):
                continue
            d.quote_owner[qi] = owner
            d.found[owner].add(*d.trim(q.start, q.end))
        del doc


def _transcript_label(lead: Span) -> bool:
    """A speaker label of a transcript: one to three capitalised words ("SMITH", "SEN. JANE DOE")."""
    words = [t for t in lead if not t.is_punct]
    return 1 <= len(words) <= 3 and all(t.is_upper and len(t.text.strip(".")) >= 2 for t in words)


def _describes_noun_after(t: Token, qe: int) -> bool:
    """Whether ``t`` sits in a relative or participial clause of a noun written after token ``qe``
    whose own head comes later still (the noun is the subject of a verb yet to come)."""
    v = t
    for _ in range(3):
        if v.dep_ in ("relcl", "acl"):
            noun = v.head
            return qe <= noun.i < t.i and noun.head.i > t.i
        if v.head.i == v.i:
            return False
        v = v.head
    return False


def _runs_past(d: _Doc, qi: int, hi: int) -> bool:
    """Whether a clause holding quotation ``qi`` runs on for three or more words after its closing mark
    (a mixed quote: the reporter's words carry on the quoted ones)."""
    qe = d.qtok[qi][1]
    return sum(1 for t in d.doc[qe : hi + 1] if t.is_alpha) >= 3


def _member(values: Any, sorted_set: Any) -> Any:
    """Vectorized membership of ``values`` in a sorted array."""
    idx = numpy.searchsorted(sorted_set, values)
    idx[idx >= len(sorted_set)] = 0
    return sorted_set[idx] == values


def _kind(d: _Doc, a: int, b: int) -> str:
    """direct: the piece is one quotation; mixed: it holds one; else indirect."""
    for qi in d.overlapping(a, b):
        q = d.quotes[qi]
        if q.start < b and a < q.end:
            qa, qb = d.trim(q.start, q.end)
            if qa >= a - 1 and qb <= b + 1 and (a - qa, b - qb) == (0, 0):
                return "direct"
            if a <= q.start and q.end <= b:
                return "mixed"
    return "indirect"


def _object_content(v: Token) -> tuple[int, int] | None:
    """Tokens [lo, hi] of what a stance verb takes as object: ``called her "weak"``, ``opposed the deal``."""
    lo = hi = -1
    for r in v.rights:
        if r.dep_ in _OBJECT_DEPS or (r.dep_ == "prep" and r.lower_ in _OBJECT_PREPS):
            if r.ent_type_ in TIME_ENTS or (r.dep_ == "prep" and any(g.ent_type_ in TIME_ENTS for g in r.children)):
                break
            if lo < 0:
                lo = r.left_edge.i
            hi = r.right_edge.i
        elif lo >= 0 and r.dep_ in ("prep", "advmod") and r.ent_type_ not in TIME_ENTS:
            if any(g.ent_type_ in TIME_ENTS for g in r.children):
                break
            hi = r.right_edge.i
        elif r.dep_ in ("dative", "npadvmod", "advmod") and lo < 0:
            continue
        else:
            break
    if lo < 0:
        return None
    doc = v.doc
    while hi > lo and doc[hi].is_punct and doc[hi].text not in ("”", '"', "’", "'", "»"):
        hi -= 1
    return lo, hi


def complement(v: Token) -> tuple[str, Token | None]:
    """The frame of a verb and the token carrying its content: ``ccomp`` (a clause; one after the verb
    first, none across a paragraph break), ``xcomp`` (a to-infinitive: "plans to"), ``obj`` (an object
    or prepositional phrase, see :func:`_object_content`), else ``none``."""
    doc = v.doc
    comp: Token | None = None
    for c in v.children:
        if c.dep_ == "ccomp":
            if c.i < v.i and any("\n" in t.text for t in doc[c.right_edge.i : v.i]):
                continue  # a parse across a paragraph break: not this verb's content
            comp = c
            if c.i > v.i:
                break  # a complement after the verb ("X, Y said he believes ...") comes first
    if comp is not None:
        return "ccomp", comp
    for c in v.children:
        if (
            c.dep_ == "xcomp"
            and c.i > v.i
            and c.pos_ in ("VERB", "AUX")
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        ):
            return "xcomp", c
    if _object_content(v) is not None:
        return "obj", None
    return "none", None


def _around(v: Token) -> list[tuple[int, int]]:
    """Token ranges [lo, hi] of the content around a parenthetical cue set off by commas ("The economy,
    the minister said, is growing fast"), or none."""
    doc = v.doc
    h = v.head
    if h.pos_ not in ("VERB", "AUX") or _subject_tok(v) is None or any(c.dep_ == "mark" for c in v.children):
        return []
    lo, hi = v.left_edge.i, v.right_edge.i
    left = lo if doc[lo].text == "," else lo - 1
    right = hi if doc[hi].text == "," else hi + 1
    if left <= h.left_edge.i or right >= h.i or doc[left].text != "," or doc[right].text != ",":
        return []
    if right - left > 14:
        return []
    end = h.right_edge.i
    while end > right and doc[end].is_punct and not doc[end].is_quote:
        end -= 1
    return [(h.left_edge.i, left - 1), (right + 1, end)]


def _as_clause(v: Token) -> bool:
    """A reporting verb heading an "as" clause with nothing reported of its own ("as X told the AP")."""
    return (
        v.dep_ == "advcl"
        and v.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children)
        and not any(c.dep_ in ("ccomp", "xcomp", "advcl") for c in v.children)
        and (_subject_tok(v) is not None or any(c.dep_ == "agent" for c in v.children))
        and v.right_edge.i - v.left_edge.i <= 12
    )


def _outside(v: Token) -> list[tuple[int, int]]:
    """Token ranges [lo, hi] of the clause of ``v``'s head, less ``v``'s own subtree and the commas
    that set it off."""
    doc = v.doc
    h = v.head
    out = []
    for lo, hi in ((h.left_edge.i, v.left_edge.i - 1), (v.right_edge.i + 1, h.right_edge.i)):
        while lo <= hi and doc[lo].is_punct and not doc[lo].is_quote:
            lo += 1
        while hi >= lo and doc[hi].is_punct and not doc[hi].is_quote:
            hi -= 1
        if hi >= lo and sum(1 for t in doc[lo : hi + 1] if t.is_alpha) >= 2:
            out.append((lo, hi))
    return out


def _subject_tok(v: Token) -> Token | None:
    for c in v.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    return None


def _in_noun_phrase(doc: Doc, qs: int, qe: int) -> bool:
    """A short quote modifying a noun ('a "soon" agreement'): a scare quote."""
    root = doc[qs:qe].root
    return root.dep_ in ("amod", "compound", "nmod", "attr", "pobj", "dobj", "appos") or root.head.pos_ == "NOUN"


def _nest(found: list[Found]) -> None:
    """Mark an attribution whose cue lies inside another's content as nested in the smallest such."""
    pieces = sorted((a, b, j) for j, g in enumerate(found) for a, b in g.pieces)
    starts = [p[0] for p in pieces]
    for i, f in enumerate(found):
        c0, c1 = f.cue_span
        best: tuple[int, int] | None = None
        k = bisect.bisect_right(starts, c0)
        # contents are local: the few pieces starting just before the cue are enough
        for a, b, j in pieces[max(0, k - 40) : k]:
            if j != i and a <= c0 and c1 <= b and (best is None or b - a < best[0]):
                best = (b - a, j)
        if best is not None:
            f.parent = best[1]
    # two attributions each holding the other's cue (a parse hanging "according to X" inside the clause
    # it reports on): the one with more content is the outer one
    for i, f in enumerate(found):
        other = f.parent
        if other is not None and found[other].parent == i:
            size_f = sum(b - a for a, b in f.pieces)
            size_g = sum(b - a for a, b in found[other].pieces)
            if size_f >= size_g:
                f.parent = None
            else:
                found[other].parent = None
