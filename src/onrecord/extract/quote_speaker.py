"""Who is speaking: the source phrase of a cue, and the actor the actors stage resolved it to.

Steps for a cue word:
1. its own subject (``nsubj``), or the agent of a passive (``said by X``);
2. without one, the subject of the verb it hangs from (``X arrived and said``, ``X went on to say``,
   ``..., X said, adding that``);
3. a relative ``who``/``which``/``that`` is the source as written (PolNeAR's rule); the noun it
   modifies is resolved.
Expletive ``it``/``there`` is no source. The actor is the mention the actors stage put on the head of
the source phrase, else an appositive name inside it, else the first person mentioned in it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from onrecord.extract.quote_lexicon import media_nouns
from onrecord.model import Mention
from onrecord.pipeline import Work

_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})
_CLIMB = frozenset({"conj", "xcomp", "advcl", "ccomp", "acl", "relcl", "parataxis", "pcomp", "acomp", "attr"})
_KEEP_RIGHT = frozenset({"appos", "compound", "flat", "prep", "amod", "nummod", "cc", "conj", "punct", "pobj"})
_EXPLETIVE = frozenset({"there"})  # "it" of a passive cue is already left out; an active "it" is a thing speaking
RELATIVE = frozenset({"who", "that", "which", "whom"})
# verbs whose object does what their to-infinitive says ("the loss led her to declare", "X urged aides to say")
_OBJECT_CONTROL = frozenset(
    {
        "lead",
        "drive",
        "prompt",
        "urge",
        "ask",
        "push",
        "force",
        "encourage",
        "press",
        "invite",
        "allow",
        "cause",
        "persuade",
        "convince",
        "inspire",
        "spur",
        "compel",
        "pressure",
        "challenge",
        "call",
        "tell",
    }
)
TIME_ENTS = frozenset({"DATE", "TIME"})


@dataclass(frozen=True, slots=True)
class Source:
    """The words naming a speaker (``start``/``end`` characters) and the token to resolve."""

    start: int
    end: int
    head: Token  # the token whose mention names the actor (the antecedent of a relative "who")


def _subject(v: Token, cue: bool = True) -> Token | None:
    passive = cue and any(c.dep_ == "auxpass" for c in v.children)
    # the subject of a passive cue is what is said or expected, not who says it ("X is expected to");
    # the subject of a passive the cue hangs from speaks ("X was asked to say", "X was prompted to say")
    subjects = [c for c in v.children if c.dep_ in _SUBJ and not (passive and c.dep_ == "nsubjpass")]
    if subjects:
        # a misparse can give two subjects (a name on the line before): the nearer one is right
        return min(subjects, key=lambda c: abs(c.i - v.i))
    for c in v.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _passive(v: Token) -> bool:
    """A passive verb: with a passive auxiliary, or a bare participle clause ("Asked about it, ...")."""
    if any(c.dep_ == "auxpass" for c in v.children):
        return True
    return v.tag_ == "VBN" and v.dep_ in ("advcl", "acl") and not any(c.dep_ in ("aux", "nsubj") for c in v.children)


def source_token(cue: Token) -> Token | None:
    """The subject token of a reporting verb, climbing through coordination and control."""
    v = cue
    for _ in range(6):
        s = _subject(v, cue=v.i == cue.i)
        if s is not None:
            # "it" of a verb the cue hangs from is expletive ("it is hard not to wonder")
            return None if v.i != cue.i and s.lower_ == "it" else s
        if v.head.i == v.i or _passive(cue):
            return None  # a passive cue names only its agent ("asked about X, she said": no one asked)
        if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
            # "voters saying they ...", "a senator supporting X": the noun it qualifies; "X sent a letter
            # saying ...": who produced the letter
            return producer(v.head) or v.head
        if v.dep_ == "xcomp" and v.head.lemma_.lower() in _OBJECT_CONTROL:
            # object control: "the defeat led her to declare", "X urged his aides to say": the object speaks
            obj = next((c for c in v.head.children if c.dep_ == "dobj" and c.i < v.i), None)
            if obj is not None:
                return obj
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.i != v.head.i:
            v = v.head.head  # "X ... in blaming Y": through the preposition to its verb
            continue
        if v.dep_ not in _CLIMB:
            return None
        v = v.head
    return None


def producer(noun: Token) -> Token | None:
    """Who produced a document noun ("X's statement", "X put out a statement", "X ran an ad",
    "X wrote in an op-ed"), or None for another noun or a document with no named author."""
    if noun.lemma_.lower() not in media_nouns():
        return None
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if noun.dep_ in ("dobj", "pobj") and head.pos_ in ("VERB", "AUX") and head.i != noun.i:
        subj = _subject(head, cue=False)
        if subj is not None and subj.lower_ not in RELATIVE and subj.lower_ != "it":
            return subj
    return None


def phrase_span(head: Token, limit: tuple[int, int] | None = None) -> tuple[int, int]:
    """Token range [start, end) of the noun phrase headed by ``head``, without relative clauses."""
    lo = head.left_edge.i
    hi = head.i
    for c in head.rights:
        if c.is_space:
            continue
        if c.dep_ in _KEEP_RIGHT:
            hi = max(hi, c.right_edge.i)
        else:
            break
    doc = head.doc
    while hi > head.i and (doc[hi].is_punct or doc[hi].dep_ == "cc"):
        hi -= 1
    while lo < head.i and doc[lo].is_punct:
        lo += 1
    if limit is not None:
        lo, hi = max(lo, limit[0]), min(hi, limit[1] - 1)
    return lo, hi + 1


def _inverted_subject(v: Token) -> Token | None:
    """The noun phrase right after a verb that has no subject ("..., replied the senator")."""
    doc = v.doc
    j = v.i + 1
    while j < len(doc) and doc[j].pos_ in ("DET", "PROPN", "NOUN", "ADJ", "NUM", "PART") and doc[j].text != "\n":
        j += 1
    if j == v.i + 1 or not any(t.pos_ in ("PROPN", "NOUN") for t in doc[v.i + 1 : j]):
        return None
    root = doc[v.i + 1 : j].root
    if root.head.i == v.i and (
        root.dep_ in ("dative", "iobj") or (root.dep_ == "dobj" and v.lemma_.lower() in _ADDRESSEE_VERBS)
    ):
        return None  # whom the words are addressed to ("..., tells the paper"), not who speaks
    return root


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# reporting verbs whose object is the hearer: the noun phrase after them is never the speaker
_ADDRESSEE_VERBS = frozenset(
    {"tell", "thank", "ask", "remind", "urge", "warn", "inform", "assure", "advise", "brief", "notify", "promise"}
)
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})


def _left_phrase(cue: Token) -> Source | None:
    """Without a parsed subject, the noun phrase written right before the verb group (a misparse of
    "The average of polls shows ...", "X, the undersecretary, wrote ..."), back to a clause boundary."""
    doc = cue.doc
    i = cue.i - 1
    while i >= 0 and doc[i].head.i == cue.i and doc[i].dep_ in ("aux", "auxpass", "neg", "advmod"):
        i -= 1
    j = i
    while j >= 0 and doc[j].ent_type_ in TIME_ENTS and "\n" not in doc[j].text:
        j -= 1
    if j < i:
        # a time phrase right before the verb is not the speaker ("X, the mayor, on Tuesday called ...")
        i = j - 1 if j >= 0 and doc[j].pos_ == "ADP" else j
    if i > 0 and doc[i].text == ")":
        # "X (a senator since 2012) says": the name before the parenthesis
        opening = next((k for k in range(i - 1, max(-1, i - 40), -1) if doc[k].text == "("), None)
        if opening is None:
            return None
        i = opening - 1
    if i < 0:
        return None
    comma = doc[i].text == "," and i > 0
    if comma:
        i -= 1
    if doc[i].pos_ not in _NOMINAL or doc[i].lower_ in RELATIVE or doc[i].lower_ in _EXPLETIVE:
        return None
    end = i
    lo_limit = max(-1, i - (16 if comma else 10))
    while i > lo_limit:
        t = doc[i]
        if "\n" in t.text or (t.is_punct and t.text not in ("-", "'s")) or t.is_quote or t.tag_ in _FINITE:
            break
        if (t.pos_ == "SCONJ" or (t.pos_ == "CCONJ" and not comma)) or t.lower_ in RELATIVE:
            break
        i -= 1
    start = i + 1
    if comma and i >= 0 and doc[i].text == "," and _opens_aside(doc[i + 1]):
        return _before_aside(doc, end)  # "The chairman, in the wake of the poll, told": not "the poll"
    if comma and not (i >= 0 and doc[i].text == ","):
        # only an appositive between two commas stands for the subject, or an aside after one
        return _before_aside(doc, end)
    if not any(t.pos_ in _NOMINAL for t in doc[start : end + 1]):
        return None
    while start < end and doc[start].pos_ in ("ADP", "ADV", "CCONJ"):
        start += 1
    head = doc[end]
    if comma and i > 0 and doc[i - 1].pos_ == "PROPN":
        # "Jay Doe, the club's president, suggested": the name before the appositive
        head = doc[i - 1]
        start = i - 1
        while start > 0 and doc[start - 1].pos_ == "PROPN" and "\n" not in doc[start - 1].text:
            start -= 1
    return Source(doc[start].idx, doc[end].idx + len(doc[end]), head)


def _opens_aside(t: Token) -> bool:
    """A word opening an aside after a comma: a relative pronoun, a preposition or a participle."""
    return t.lower_ in ("who", "which") or t.pos_ == "ADP" or t.tag_ in ("VBG", "VBN")


def _before_aside(doc: Doc, end: int) -> Source | None:
    """The noun phrase before a comma that opens an aside ending at token ``end``: a relative clause
    ("a source, who was not allowed to speak, told ..."), a prepositional or participial phrase
    ("Priebus, in the wake of a poll showing ..., told ..."); None without one."""
    for k in range(end, max(1, end - 30), -1):
        t = doc[k]
        if "\n" in t.text or t.is_quote or t.text in (".", "?", "!", ";"):
            return None  # not across a sentence, a line or a quotation
        if _opens_aside(t) and doc[k - 1].text == "," and k >= 2 and doc[k - 2].pos_ in ("NOUN", "PROPN"):
            head = doc[k - 2]
            start = head.i
            while start > max(0, head.i - 8) and (
                doc[start - 1].pos_ in ("DET", "ADJ", "PROPN", "NOUN", "NUM", "PART")
                and "\n" not in doc[start - 1].text
            ):
                start -= 1
            return Source(doc[start].idx, head.idx + len(head), head)
    return None


def source_of(cue: Token, subject: Token | None = None) -> Source | None:
    """The source of ``cue`` (a verb), or of the given subject token; None without one."""
    subj = subject if subject is not None else source_token(cue)
    if subj is None and subject is None and cue.i > 0 and cue.doc[cue.i - 1].text in (",", "”", '"', "''"):
        subj = _inverted_subject(cue)
    if (
        subj is None
        and subject is None
        and cue.tag_ in _FINITE | {"VBN"}
        and cue.dep_ != "acl"
        and not any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children)
    ):
        return _left_phrase(cue)
    if subj is None or subj.lower_ in _EXPLETIVE:
        return None
    doc = subj.doc
    if subj.i < cue.i:
        # a dateline or time stamp parsed as the subject ("PARIS, May 2 — The minister said"): the name
        # in apposition after the break speaks
        breaks = [t.i for t in doc[subj.i + 1 : cue.i] if t.text in ("—", "--") or "\n" in t.text]
        later = [c for c in subj.children if c.dep_ == "appos" and breaks and c.i > breaks[-1]]
        if later:
            subj = later[-1]
    if subj.lower_ in RELATIVE and subj.head.dep_ == "relcl":
        made_by = producer(subj.head.head)
        if made_by is None:
            # PolNeAR keeps the relative ("who", "which", "that") as the source; its antecedent is resolved
            return Source(subj.idx, subj.idx + len(subj), subj.head.head)
        subj = made_by  # "X ran a piece that noted ...": X
    head = subj
    lo, hi = phrase_span(subj)
    return Source(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]), head)


def inverted_source(cue: Token) -> Source | None:
    """The source written after its verb ("..., wrote a supporter of the senator"), or None."""
    subj = _inverted_subject(cue)
    return source_of(cue, subj) if subj is not None else None


def resolve(work: Work, src: Source) -> Mention | None:
    """The mention naming the speaker: on the head word, else an appositive or person in the phrase."""
    h = src.head
    on_head = work.mentions_in(h.idx, h.idx + len(h))
    if on_head:
        return on_head[-1]
    inside = [m for m in work.mentions_in(src.start, src.end) if src.start <= m.span[0] and m.span[1] <= src.end]
    if not inside:
        return None
    if h.tag_ in ("NNS", "NNPS") and len({m.actor_id for m in inside}) > 1:
        return None  # a group: "the leaders of Russia and China"
    for m in inside:
        actor = work.actors.get(m.actor_id)
        if actor is not None and actor.kind == "person":
            return m
    return inside[0]
