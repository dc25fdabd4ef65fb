"""What "it" and "they" need beyond the person pronouns: which "it" refers to nothing, and which noun
phrases that name no actor compete with actors as antecedents.

An "it" is expletive (pleonastic) when it is the dummy subject of weather ("it was raining"), of a
raising or emerging verb with a clause ("it seems", "it emerged that"), of a passive verb of saying or
thinking ("it is said that"), of a copula with a modal adjective or noun, a clause or a cleft ("it is
likely that", "it is time to", "it is unclear whether", "it was the ministry that"), or the dummy
object of "make it clear" and the like. An active verb of saying keeps it referential: in "it said in
a statement" the speaker is a body.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

IT = frozenset({"it", "its", "itself"})
THEY = frozenset({"they", "them", "their", "theirs", "themselves"})
REFLEXIVE = frozenset({"itself", "themselves"})

_WEATHER = frozenset({"rain", "snow", "pour", "drizzle", "hail", "thunder", "sleet", "storm"})
_RAISING = frozenset({"seem", "appear", "happen", "emerge", "transpire", "turn", "matter", "follow", "occur", "dawn"})
_COGNITIVE = frozenset({
    "say", "believe", "think", "expect", "report", "understand", "fear", "estimate", "know", "rumor",
    "rumour", "allege", "claim", "hope", "assume", "agree", "decide", "announce", "suggest", "note",
    "confirm", "learn", "argue", "feel", "predict", "consider", "reveal", "recommend", "propose", "show",
})  # fmt: skip
_COPULA = frozenset({"be", "become", "remain", "seem", "appear", "look", "sound", "get", "stay"})
_MODAL = frozenset({
    "likely", "unlikely", "possible", "impossible", "probable", "improbable", "clear", "unclear",
    "obvious", "evident", "apparent", "certain", "uncertain", "important", "necessary", "unnecessary",
    "essential", "crucial", "vital", "critical", "hard", "difficult", "easy", "tough", "true", "false",
    "fair", "unfair", "good", "bad", "better", "best", "worse", "wrong", "right", "useful", "surprising",
    "interesting", "worth", "time", "shame", "pity", "question", "matter", "wonder", "surprise",
    "mistake", "chance", "possibility", "fact", "secret", "news", "irony", "safe", "dangerous", "sad",
    "strange", "odd", "ironic", "unusual", "common", "rare", "fine", "okay", "ok", "enough", "tempting",
    "understandable", "remarkable", "notable", "telling", "ridiculous", "absurd", "early",
    "late", "too", "up", "high", "long", "nice", "great", "hopeful", "doubtful", "appropriate",
    "inappropriate", "reasonable", "unreasonable", "unacceptable", "acceptable", "legal", "illegal",
})  # fmt: skip
_MAKE = frozenset({"make", "find", "consider", "deem", "think", "keep", "leave", "call", "take", "believe"})
_CLAUSES = frozenset({"ccomp", "csubj", "xcomp"})
_NOT_THINGS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL"})


def pleonastic(tok: Token) -> bool:
    """True when an "it" refers to nothing: weather, raising verbs, extraposed clauses, clefts."""
    if tok.dep_ == "expl":
        return True
    head = tok.head
    lemma = head.lemma_.lower()
    kids = list(head.children)
    if head.pos_ in ("ADJ", "NOUN") and head.head.lemma_.lower() in _MAKE and head.dep_ in ("ccomp", "oprd", "xcomp"):
        return True  # "made it clear that": the parser hangs "it" on the adjective
    if tok.dep_ == "dobj":
        return lemma in _MAKE and any(k.dep_ in ("oprd", "ccomp", "xcomp", "acomp") for k in kids)
    if tok.dep_ == "nsubjpass":
        return lemma in _COGNITIVE  # "it is said that", "it was reported"
    if tok.dep_ != "nsubj":
        return False
    if lemma in _WEATHER:
        return True
    if lemma in _RAISING and any(k.dep_ in (*_CLAUSES, "advcl") for k in kids):
        return True
    if lemma in ("take", "cost") and any(k.dep_ == "xcomp" for k in kids):
        return True  # "it took three days to count"
    if lemma not in _COPULA:
        return False
    if any(k.dep_ in ("ccomp", "csubj") or (k.dep_ == "xcomp" and k.i > tok.i) for k in kids):
        return True  # "it is hard to say", "it's unclear who won"
    for comp in kids:
        if comp.dep_ not in ("acomp", "attr"):
            continue
        word = comp.lemma_.lower()
        if word in _MODAL or comp.ent_type_ in ("DATE", "TIME") or comp.lower_ == "o'clock":
            return True
        if any(k.dep_ in ("ccomp", "csubj") for k in comp.children):
            return True  # "it is ... that", the clause hung on the complement
        if comp.dep_ == "attr" and any(
            k.dep_ == "relcl" and k.i > comp.i and k.left_edge.lower_ in ("that", "who") for k in comp.children
        ):
            return True  # a cleft: "it was the ministry that announced"
    return False


@dataclass(frozen=True, slots=True)
class Phrase:
    """A noun phrase that may name no actor: it competes with actors for "it" and "they"."""

    head: int
    plural: bool
    person: bool  # headed by a noun for people ("officials"): never "it"


def phrases(doc: Doc, person_nouns: frozenset[str]) -> list[Phrase]:
    """Every noun phrase headed by a noun, in text order (dates and numbers left out)."""
    out: list[Phrase] = []
    for chunk in doc.noun_chunks:
        root = chunk.root
        if root.pos_ not in ("NOUN", "PROPN") or root.ent_type_ in _NOT_THINGS:
            continue
        plural = root.tag_ in ("NNS", "NNPS")
        person = root.lemma_.lower() in person_nouns or root.lower_ in person_nouns
        out.append(Phrase(root.i, plural, person))
    return out
