"""The claims stage: every quantity of an article that is not a date or an identifier, as a Claim.

For each sentence, a cascade:

1. ``claim_scan.scan`` reads the quantities from the text: value (scale and number words applied), range,
   unit, qualifier and change (see its docstring for the steps);
2. the parse drops what is not a quantity after all: bare years, numbers inside names (FTSE 100, Model 3),
   unit-less numbers inside dates, the word "one" used as a pronoun;
3. a number without a unit gets its counted noun as unit ("600 people" -> person, "dozens of people"),
   an age ("Maddon, 66,"), or borrows the unit of the figure it parallels ("and Niger, another 3,000");
4. ``claim_subject`` builds the subject (what is counted or measured), its key, scope and measure;
5. the asserter: the speaker of the quote the figure sits in, else the source of "according to X",
   the organization of a survey or poll, the subject of a verb of saying above it, else none (the outlet);
6. dates: asserted_on from the quote or ``timex.statement_date``; time_scope from ``timex.scope_date``
   or a date expression attached to the same predicate.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from spacy.tokens import Span, Token

from onrecord.extract import claim_scan, claim_subject
from onrecord.extract.actor_lexicon import actor_lexicon
from onrecord.extract.claim_units import lexicon
from onrecord.model import Claim, Mention, Quote, record_id
from onrecord.pipeline import Work, register_stage

LOGGER = logging.getLogger(__name__)

NAME_ENTS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "LAW", "EVENT", "GPE", "PERSON", "LOC", "NORP"})
DATE_ENTS = frozenset({"DATE", "TIME"})
SAY_LEMMAS = frozenset(
    {"say", "tell", "state", "report", "claim", "estimate", "announce", "add", "note", "warn", "insist", "argue",
     "write", "declare", "assert", "explain", "acknowledge", "admit", "predict", "forecast", "project", "show",
     "find", "reveal", "calculate", "put", "mention", "allege", "suggest", "indicate", "confirm", "count"}
)  # fmt: skip
SOURCE_NOUNS = frozenset(
    {"survey", "poll", "study", "report", "estimate", "estimates", "figure", "figures", "data", "count", "census",
     "analysis", "research", "statistics", "tally", "assessment", "calculation", "forecast", "filing"}
)  # fmt: skip
PEOPLE_LEMMAS = {"people": "person", "persons": "person", "person": "person"}
NOT_COUNTED = frozenset({"time", "times", "way", "thing", "part", "kind", "sort"})
# "the number of homes damaged has risen to 3,400": the figure counts the noun after "of"
COUNT_NOUNS = frozenset({"number", "total", "tally", "count"})
# "the two ministers agreed": a definite small number names participants already known, it asserts no count
DEFINITE_SMALL = frozenset({"two", "three", "four", "both"})


@dataclass
class _Found:
    q: claim_scan.Quantity
    core: Token
    span: Span
    unit: str | None
    unit_kind: str | None
    unit_text: str
    counted: Token | None


def _counted_noun(q: claim_scan.Quantity, core: Token, span: Span) -> Token | None:
    """The noun a bare number counts: "600 people", "dozens of people", "one of the students"."""
    doc = core.doc
    h = core
    for _ in range(4):
        if h.head.i > h.i and h.head.pos_ == "NUM" and h.dep_ in ("nummod", "quantmod", "compound", "amod"):
            h = h.head
        else:
            break
    after = span.end
    if after < len(doc) and doc[after].lower_ == "of":
        objs = [c for c in doc[after].children if c.dep_ == "pobj"]
        countable = objs and (q.vague or q.is_one or q.fraction or objs[0].tag_ in ("NNS", "NNPS"))
        if countable and objs[0].pos_ in ("NOUN", "PROPN") and objs[0].i - after <= 6:
            return objs[0]
    head = h.head
    if (
        (h.dep_ in ("nummod", "quantmod", "compound", "amod", "npadvmod", "nmod") or (h.dep_ == "det" and not q.is_one))
        and head.pos_ in ("NOUN", "PROPN") and head.i >= span.end and head.i - span.end <= 5
        and head.lower_ not in NOT_COUNTED
    ):  # fmt: skip
        return head
    if after < len(doc) and doc[after].tag_ in ("NNS", "NNPS") and doc[after].head.i >= after and core.dep_ != "pobj":
        return doc[after]
    return _number_of(core)


def _number_of(core: Token) -> Token | None:
    """ "The number of homes damaged has risen to 3,400", "the total of X was 40": the plural after "of"."""
    t = core
    if t.dep_ == "pobj" and t.head.lower_ in ("to", "at") and t.head.dep_ == "prep":
        t = t.head
    if t.dep_ not in ("prep", "attr", "dobj") or t.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = t.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lemma_.lower() not in COUNT_NOUNS:
        return None
    of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    objs = [c for c in of.children if c.dep_ == "pobj"] if of is not None else []
    if objs and objs[0].tag_ in ("NNS", "NNPS") and objs[0].pos_ == "NOUN":
        return objs[0]
    return None


def _definite_participants(core: Token, counted: Token | None) -> bool:
    """ "The two ministers agreed": "the" + a small number word + the plural it determines."""
    if counted is None or counted.tag_ not in ("NNS", "NNPS") or core.i == 0:
        return False
    if core.lower_ not in DEFINITE_SMALL or core.nbor(-1).lower_ != "the":
        return False
    if counted.i - core.i > 2 or counted.dep_ not in ("nsubj", "nsubjpass"):
        return False
    # people only: "the two sides" or "the two companies" stay counts (NewsQuant annotates them)
    lex = actor_lexicon()
    lemma = counted.lemma_.lower()
    return lex.is_person_noun(lemma) or lemma in lex.role_nouns


def _counted_noun_checked(q: claim_scan.Quantity, core: Token, span: Span) -> Token | None:
    """The counted noun, unless it is a time expression the number only sits beside ("a third last year")."""
    noun = _counted_noun(q, core, span)
    if noun is not None and noun.ent_type_ in DATE_ENTS and core.ent_type_ not in DATE_ENTS:
        return None
    return noun


def _is_age(core: Token) -> bool:
    """ "Maddon, 66, has ...": a bare number set off by commas after a person's name."""
    doc = core.doc
    i = core.i
    if i < 2 or i + 1 >= len(doc):
        return False
    if not core.like_num or not core.text.isdigit() or not 0 < int(core.text) < 120:
        return False
    named = doc[i - 2].ent_type_ == "PERSON" or (doc[i - 2].pos_ == "PROPN" and doc[i - 2].text[:1].isupper())
    return doc[i - 1].text == "," and named and doc[i + 1].text in (",", ")")


def _unit_of_noun(noun: Token, q: claim_scan.Quantity, span: Span) -> tuple[str, str, str | None]:
    """(unit, unit_text, kind) for a counted noun: a unit word if it is one ("dollars"), else its lemma."""
    doc = noun.doc
    start = span.end
    while start < noun.i and doc[start].lower_ in ("of", "the", "a", "an", "its", "their", "his", "her", "those"):
        start += 1
    # the counted noun with its adjectives ("different bosses", "digital and physical sales")
    kept: list[str] = []
    if start < noun.i:
        words = doc.text[doc[start].idx : noun.idx].split()
        pos = doc[start].idx
        for word in words:
            wstart = doc.text.index(word, pos)
            pos = wstart + len(word)
            wspan = doc.char_span(wstart, pos, alignment_mode="expand")
            if wspan is not None and any(t.pos_ == "ADJ" or (t.dep_ == "cc" and t.head.pos_ == "ADJ") for t in wspan):
                kept.append(word)
    text = " ".join([*kept, noun.text])
    m = lexicon().suffix_at(" " + noun.text, 0)
    if m is not None and m.end == len(noun.text) + 1:
        return m.unit, text, m.kind
    lemma = noun.lemma_.lower() if noun.pos_ != "PROPN" else noun.text.lower()
    return PEOPLE_LEMMAS.get(noun.lower_, PEOPLE_LEMMAS.get(lemma, lemma)), text, "count"


def _keep(q: claim_scan.Quantity, core: Token, counted: Token | None, unit: str | None) -> bool:
    measured = unit is not None
    if q.year_like and not (counted is not None and core.ent_type_ not in DATE_ENTS and counted.tag_ == "NNS"):
        return False
    if not measured and counted is None and not q.vague and not q.multiplier:
        plain = q.text.isalpha() or q.text.isdigit() or not any(c.isdigit() for c in q.text)
        if core.ent_type_ in DATE_ENTS or (core.ent_type_ in NAME_ENTS and not q.fraction and plain):
            return False
    if q.fraction and core.i > 0 and core.nbor(-1).lower_ == "and":
        return False  # "a month and a half"
    if counted is not None and core.ent_type_ in NAME_ENTS and not measured and counted.ent_type_ in NAME_ENTS:
        return False
    if _definite_participants(core, counted):
        return False
    if q.is_one:
        left = core.nbor(-1).lower_ if core.i > 0 else ""
        right = core.nbor(1).lower_ if core.i + 1 < len(core.doc) else ""
        if left in ("no", "the", "this", "that", "every", "any", "each", "which") or right in (
            "another",
            "day",
            "more",
        ):
            return False
        if counted is None:
            return right == "of" or core.dep_ == "pobj"
    return True


def _innermost_quote(work: Work, start: int, end: int) -> Quote | None:
    inside = [q for q in work.quotes if q.span[0] <= start and end <= q.span[1]]
    return min(inside, key=lambda q: q.span[1] - q.span[0]) if inside else None


def _actor_in(work: Work, tokens: list[Token]) -> str | None:
    """The first actor mentioned among ``tokens`` (organizations and people before countries)."""
    if not tokens:
        return None
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    mentions = work.mentions_in(start, end)
    if not mentions:
        its = [t for t in tokens if t.lower_ in ("its", "their") and t.dep_ == "poss"]
        return _preceding_institution(work, its[0]) if its else None
    ranked = sorted(mentions, key=lambda m: (work.actors.get(m.actor_id) is not None
                                             and work.actors[m.actor_id].kind == "country", m.span))  # fmt: skip
    return ranked[0].actor_id


def _preceding_institution(work: Work, pronoun: Token) -> str | None:
    """What an unresolved "its" stands for: the nearest organization or country mentioned before it.

    Looks back over the pronoun's sentence and the one before (pronouns of persons are the actors stage's job).
    """
    sent = pronoun.sent
    start = sent[0].nbor(-1).sent.start_char if sent.start > 0 else sent.start_char
    best: Mention | None = None
    for m in work.mentions_in(start, pronoun.idx):
        actor = work.actors.get(m.actor_id)
        institution = actor is not None and actor.kind in ("organization", "country")
        if institution and m.span[1] <= pronoun.idx and (best is None or m.span[0] > best.span[0]):
            best = m
    return best.actor_id if best is not None else None


def _source(work: Work, core: Token) -> tuple[str | None, Token | None, str]:
    """The asserter named in the sentence, its cue and how it was found (according | source | say).

    "according to X", "a survey by X", "X said" above the figure.
    """
    sent = core.sent
    words = {t.lower_ for t in sent}
    if "according" not in words and not words & SOURCE_NOUNS and not any(t.lemma_ in SAY_LEMMAS for t in sent):
        return None, None, ""
    for tok in sent:
        if tok.lower_ == "according":
            objs = [g for c in tok.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
            if objs:
                actor = _actor_in(work, list(objs[0].subtree))
                if actor:
                    return actor, tok, "according"
    for tok in sent:
        if tok.lemma_.lower() in SOURCE_NOUNS and tok.pos_ == "NOUN":
            actor = _actor_in(work, [t for t in tok.subtree if t.i != core.i])
            if actor:
                return actor, tok, "source"
    anc = [core, *core.ancestors]
    for tok in anc:
        if tok.lemma_ in SAY_LEMMAS and tok.pos_ == "VERB" and tok.i != core.i:
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
            if subj:
                actor = _actor_in(work, list(subj[0].subtree))
                if actor:
                    return actor, tok, "say"
    root = sent.root
    if root.lemma_ in SAY_LEMMAS and core not in list(root.children):
        subj = [c for c in root.children if c.dep_ == "nsubj"]
        clause = [c for c in root.children if c.dep_ in ("ccomp", "parataxis")]
        if subj and clause and any(core in c.subtree for c in clause):
            actor = _actor_in(work, list(subj[0].subtree))
            if actor:
                return actor, root, "say"
    return None, None, ""


def _statement_date(work: Work, cue: Token | None) -> str | None:
    from onrecord.extract import timex

    if cue is not None:
        try:
            got = timex.statement_date(work, cue)
        except (AttributeError, LookupError, ValueError, TypeError) as e:
            LOGGER.debug("statement_date failed: %r", e)
            got = None
        if got:
            return got
    return work.article.published


def _own_date(work: Work, core: Token) -> str | None:
    """A date on the figure itself ("... and 31 in 2022"): it beats any date of the clause above."""
    preps = [c for c in core.children if c.dep_ == "prep"]
    if not preps:
        return None
    for tx in work.timexes:
        if tx.timex_type != "DATE" or not tx.value or not tx.value[:1].isdigit():
            continue
        span = core.doc.char_span(tx.span[0], tx.span[1], alignment_mode="expand")
        if span is not None and any(span.root.head.i == p.i for p in preps):
            return tx.value
    return None


def _time_scope(work: Work, core: Token, verb: Token | None) -> str | None:
    from onrecord.extract import timex

    own = _own_date(work, core)
    if own is not None:
        return own
    scope_date = getattr(timex, "scope_date", None)
    # scope_date climbs to the nearest verb above the figure; only call it when there is one
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in (core, *core.ancestors))
    if scope_date is not None and has_verb:
        try:
            got = scope_date(work, core)
        except (AttributeError, LookupError, ValueError, TypeError) as e:
            LOGGER.debug("scope_date failed: %r", e)
            got = None
        if isinstance(got, str) and got:
            return got
    # a date expression attached to the same predicate ("reached $45 billion in 2021")
    anchor = verb if verb is not None else core.head
    anchors = {anchor.i}
    if anchor.dep_ == "ccomp" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in anchor.children):
        # "said that cargo handled in 2023 was 45 million tonnes", parsed as two clauses: the one before
        anchors.update(c.i for c in anchor.head.children if c.i < anchor.i and c.dep_ == "ccomp")
    sent = core.sent
    for tx in work.timexes:
        if tx.timex_type != "DATE" or not tx.value or tx.span[0] < sent.start_char or tx.span[1] > sent.end_char:
            continue
        span = core.doc.char_span(tx.span[0], tx.span[1], alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        if head.head.lower_ in ("since", "than", "until", "before", "after"):
            continue  # "since December": when a count began, not the period it covers
        for _ in range(3):
            if head.i in anchors:
                return tx.value if tx.value[:1].isdigit() else None
            if head.head.i == head.i:
                break
            head = head.head
    return None


def _scope(work: Work, tokens: list[Token]) -> str | None:
    """The country a subject is about (its mentions, demonyms or names), as lower-case ISO alpha-3."""
    from onrecord.knowledge.base import default_kb
    from onrecord.knowledge.ids import fold

    kb = default_kb()
    for t in tokens:
        for m in work.mentions_in(t.idx, t.idx + len(t)):
            actor = work.actors.get(m.actor_id)
            if actor is not None and actor.country and actor.kind in ("country", "group"):
                return actor.country.lower()
        if t.ent_type_ in ("NORP", "GPE") or t.pos_ == "PROPN" or t.pos_ == "ADJ":
            entry_id = kb.demonyms().get(fold(t.text))
            entry = kb.entries.get(entry_id) if entry_id else kb.lookup(t.text) if t.ent_type_ == "GPE" else None
            if entry is not None and entry.country and entry.kind == "country":
                return entry.country.lower()
    return None


class ClaimsStage:
    """Fills ``work.claims`` (see the module docstring for the cascade)."""

    def __call__(self, work: Work) -> None:
        claims: list[Claim] = []
        for sent in work.doc.sents:
            claims.extend(self.sentence(work, sent))
        work.claims = claims

    def sentence(self, work: Work, sent: Span) -> list[Claim]:
        doc = work.doc
        out: list[Claim] = []
        found: list[_Found] = []
        for q in claim_scan.scan(sent.text, sent.start_char):
            cspan = doc.char_span(q.core_start, q.core_end, alignment_mode="expand")
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if cspan is None or span is None or len(cspan) == 0:
                continue
            core = cspan[0]
            unit, unit_kind, unit_text = q.unit, q.unit_kind, q.unit_text
            counted: Token | None = None
            if unit is None and not q.multiplier:
                counted = _counted_noun_checked(q, core, span)
                if counted is not None and not q.fraction:
                    unit, unit_text, unit_kind = _unit_of_noun(counted, q, span)
                elif counted is not None and counted.pos_ != "PRON":
                    unit_text = _unit_of_noun(counted, q, span)[1]  # a fraction of what: "two-thirds of sales"
                elif q.value is not None and not q.fraction and _is_age(core):
                    unit, unit_kind, unit_text = "year of age", "age", ""
                elif q.value is not None and core.i > 0 and core.nbor(-1).lower_ == "aged":
                    unit, unit_kind, unit_text = "year of age", "age", ""  # "a man aged 45"
            if not _keep(q, core, counted, unit):
                continue
            found.append(_Found(q, core, span, unit, unit_kind, unit_text, counted))
        previous: list[Token] | None = None
        prev_found: _Found | None = None
        for f in found:
            q = f.q
            skip = {t.i for t in f.span} - ({f.counted.i} if f.counted is not None else set())
            if q.multiplier:
                skip = set()  # "imports doubled": the verb is the figure and the predicate
            root = f.span.root
            if f.counted is not None:
                skip.discard(f.counted.i)
            unit, unit_kind, unit_text = f.unit, f.unit_kind, f.unit_text
            ellipsis = (
                unit is None and f.counted is None and prev_found is not None and prev_found.unit is not None
                and root.dep_ in ("appos", "conj") and root.head.pos_ in ("PROPN", "NOUN")
                and root.head.i > prev_found.span.end
            )  # fmt: skip
            if (
                unit is None and f.counted is None and not ellipsis and prev_found is not None
                and prev_found.unit_kind not in (None, "count", "age") and q.value and prev_found.q.value
                and root.dep_ in ("attr", "dobj", "appos", "conj", "ROOT")
                and max(abs(q.value), abs(prev_found.q.value)) <= 5 * min(abs(q.value), abs(prev_found.q.value))
                and f.span.start > 0 and doc[f.span.start - 1].lower_ not in ("to", "at", "from")
            ):  # fmt: skip
                # a parallel bare figure takes the unit of the one before ("84.75 cents, while the lowest is 74.07")
                unit, unit_kind, unit_text = prev_found.unit, prev_found.unit_kind, prev_found.unit_text
            tokens, verb = claim_subject.build_tokens(root, skip, f.counted, previous if ellipsis else None)
            if ellipsis and prev_found is not None:
                unit, unit_kind, unit_text = prev_found.unit, prev_found.unit_kind, prev_found.unit_text
            scope = _scope(work, tokens)
            name_of = self._namer(work)
            subject = claim_subject.render(tokens, name_of)
            if not subject:
                # nothing usable in the parse: the first noun phrase after the figure, else its unit as written
                chunks = sent.noun_chunks if doc.has_annotation("DEP") else ()
                chunk = next((c for c in chunks if c.end > f.span.end and any(t.is_alpha for t in c[-1:])), None)
                subject = doc[max(chunk.start, f.span.end) : chunk.end].text if chunk is not None else unit_text
            if q.change in ("more", "less") and q.change_base:
                subject = f"{subject} {q.change} than {q.change_base}".strip()
            lemmas = claim_subject.content_lemmas(tokens)
            measure = claim_subject.classify_measure(lemmas, unit_kind, f.counted is not None)
            key = claim_subject.subject_key(tokens, scope, name_of)
            if q.change:
                key = f"{key}|~{q.change}" if key else f"~{q.change}"
            quote = _innermost_quote(work, q.start, q.end)
            quote_id = quote.id if quote is not None else None
            direct = quote is not None and quote.speaker_id is not None and quote.kind == "direct"
            asserter, cue, how = (None, None, "") if direct else _source(work, f.core)
            if quote is not None and quote.speaker_id and (direct or how not in ("according", "source")):
                # the quote's speaker, unless "according to X" names the source of the whole sentence
                asserter = quote.speaker_id
                asserted_on = quote.said_on or _statement_date(work, None)
            else:
                said_on = quote.said_on if quote is not None and asserter is None else None
                # "according to X" reports X's figure as of the text: the dates in the clause are the figure's
                asserted_on = said_on or _statement_date(work, cue if how != "according" else None)
            basis = (
                "multiplier" if q.multiplier else "vague" if q.vague else "fraction" if q.fraction
                else "words" if not any(c.isdigit() for c in q.text) else "digits"
            )  # fmt: skip
            out.append(
                Claim(
                    id=record_id("claim", work.article.id, q.start, q.end),
                    article_id=work.article.id,
                    asserter_id=asserter,
                    asserted_on=asserted_on,
                    subject=subject,
                    value=q.value,
                    value_low=q.low,
                    value_high=q.high,
                    unit=unit,
                    qualifier=q.qualifier,  # type: ignore[arg-type]
                    time_scope=_time_scope(work, f.core, verb),
                    quote_id=quote_id,
                    span=(q.start, q.end),
                    subject_key=key,
                    change=q.change,
                    text=q.text,
                    measure=measure,
                    scope=scope,
                    unit_text=unit_text,
                    change_base=q.change_base,
                    range_values=tuple(q.range_values) if q.range_values else (),
                    basis=basis,
                )
            )
            if f.counted is not None:
                previous = claim_subject.noun_phrase(f.counted, skip, right=False)
                prev_found = f
            elif unit is not None:
                prev_found = f
        return out

    @staticmethod
    def _namer(work: Work) -> claim_subject.NameOf:
        def name_of(tok: Token) -> str | None:
            for m in work.mentions_in(tok.idx, tok.idx + len(tok)):
                actor = work.actors.get(m.actor_id)
                if actor is not None:
                    return actor.name
            if tok.lower_ in ("its", "their") and tok.dep_ == "poss":
                found = _preceding_institution(work, tok)
                if found is not None and found in work.actors:
                    return work.actors[found].name
            return None

        return name_of


register_stage(
    "claims.v1", requires=["sentences", "actors", "timexes", "quotes"], assigns=["claims"], factory=ClaimsStage
)
