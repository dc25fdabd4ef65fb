"""What a figure counts or measures, from the dependency parse: the subject text, its key, its scope and measure.

The subject is made of words of the sentence: the counted noun phrase and the predicate it is the subject of
("Russian soldiers died"), or the noun phrase a measure belongs to ("turnover reached", "duty on products").
The key is the sorted lemmas of its content words with the scope (the country or side it is about, "@rus")
so that the same measure said twice gets the same key and figures about different sides never share one.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Span, Token

LOGGER = logging.getLogger(__name__)

NameOf = Callable[[Token], str | None]

NOUNS = ("NOUN", "PROPN", "PRON")
TIME_ENTS = ("DATE", "TIME")
LEFT_MODS = (
    "amod",
    "compound",
    "poss",
    "nmod",
    "npadvmod",
    "nummod",
    "quantmod",
    "advmod",
    "det",
    "cc",
    "conj",
    "case",
)
COUNT_HEADS = frozenset({"number", "total", "tally", "count"})
LIGHT_VERBS = frozenset(
    {"be", "have", "get", "include", "see", "make", "take", "do", "become", "remain", "stand", "come"}
)
STOP_LEMMAS = frozenset(
    {"be", "have", "do", "the", "a", "an", "of", "to", "in", "on", "for", "with", "at", "by", "from", "and", "or",
     "that", "which", "who", "this", "these", "those", "its", "their", "his", "her", "it", "they", "will", "would",
     "can", "could", "may", "might", "should", "than", "as", "about", "some", "nearly", "almost", "more", "less",
     "over", "under", "up", "down", "only", "just", "also", "around", "roughly", "another", "other", "%", "-pron-"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Subject:
    text: str
    key: str
    scope: str | None
    measure: str


@cache
def _measures() -> dict[str, Any]:
    with resources.files("onrecord.extract").joinpath("data", "claim_measures.json").open(encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


@cache
def _measure_lemmas() -> tuple[tuple[str, frozenset[str]], ...]:
    data = _measures()
    return tuple((m, frozenset(data["measures"][m]["lemmas"])) for m in data["order"])


def measure_within(measure: str) -> tuple[str, ...]:
    """The broader measures that include ``measure`` (dead -> casualties)."""
    entry = _measures()["measures"].get(measure)
    return tuple(entry["within"]) if entry else ()


def classify_measure(lemmas: Iterable[str], unit_kind: str | None, counted: bool) -> str:
    """The measure a subject's lemmas name (dead, casualties, revenue...), else one by the kind of unit."""
    data = _measures()
    if unit_kind and unit_kind not in ("currency", "percent", "count", "index", "ratio"):
        # a physical unit says what is measured better than the words around it ("over 10 years": a duration)
        return str(data["by_unit_kind"].get(unit_kind, unit_kind))
    have = {lemma.lower() for lemma in lemmas}
    hits = [m for m, words in _measure_lemmas() if have & words]
    for rule in data["combine"]:
        if all(m in hits for m in rule["all"]):
            return str(rule["measure"])
    if hits:
        return str(hits[0])
    if unit_kind and unit_kind in data["by_unit_kind"]:
        return str(data["by_unit_kind"][unit_kind])
    if unit_kind:
        return unit_kind
    return str(data["default_counted"] if counted else data["default"])


@cache
def _generic_owners() -> frozenset[str]:
    return frozenset(_measures().get("generic_owners", ()))


def generic_owner(tok: Token) -> bool:
    """ "the country's exports": a definite generic possessor names the text's entity, not a narrower scope."""
    if tok.dep_ != "poss" or tok.pos_ != "NOUN" or tok.lemma_.lower() not in _generic_owners():
        return False
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "its", "our", "their") for c in tok.children)


def noun_phrase(head: Token, skip: set[int], *, right: bool = True, depth: int = 0) -> list[Token]:
    """The noun phrase of ``head`` without determiners, the quantity's own tokens and clauses."""
    out: list[Token] = [head]
    for child in head.children:
        if generic_owner(child):
            continue
        if child.i in skip or child.dep_ in ("det", "punct", "relcl", "acl", "appos", "cc", "prep", "conj"):
            if child.dep_ == "prep" and right and depth < 1 and child.i > head.i and child.lower_ in (
                "of", "to", "from", "in", "among", "on", "for", "with", "between"
            ):  # fmt: skip
                objs = [c for c in child.children if c.dep_ == "pobj" and c.i not in skip]
                if objs:
                    out.append(child)
                    out.extend(noun_phrase(objs[0], skip, right=True, depth=depth + 1))
            elif child.dep_ == "conj" and child.i < head.i:
                out.extend(t for t in child.subtree if t.i not in skip and not t.is_punct)
            continue
        if child.i < head.i and child.dep_ in LEFT_MODS:
            out.extend(t for t in child.subtree if t.i not in skip and not t.is_punct and t.dep_ != "det")
    return out


def _verb_parts(verb: Token) -> list[Token]:
    parts = [verb]
    parts.extend(c for c in verb.children if c.dep_ in ("neg", "prt"))
    return parts


REPORTING = frozenset({"say", "tell", "state", "add", "announce", "report", "claim", "note", "insist", "argue"})


def _sibling_subject(v: Token) -> Token | None:
    """ "X said that cargo handled in 2023 was 45 million tonnes", parsed as two clauses of "said": the
    subject of the clause just before the subjectless one."""
    before = [c for c in v.head.children if c.i < v.i and c.dep_ == "ccomp" and c.pos_ == "VERB"]
    if not before:
        return None
    subj = next((c for c in before[-1].children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj if subj is not None and subj.pos_ == "NOUN" else None


def _nsubj(verb: Token) -> Token | None:
    seen = 0
    v: Token | None = verb
    while v is not None and seen < 4:
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                if c.lower_ in ("which", "that", "who") and v.dep_ == "relcl" and v.head.pos_ in NOUNS:
                    return v.head  # "the plan, which costs $5 trillion"
                return c
        if v.dep_ == "ccomp" and v.head.lemma_.lower() in REPORTING:
            # the speaker of a clause is not what its figure measures
            return _sibling_subject(v)
        if v.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acl", "relcl", "pcomp") and v.head.i != v.i:
            if v.dep_ in ("acl", "relcl") and v.head.pos_ in NOUNS:
                return v.head
            v = v.head
            seen += 1
            continue
        break
    return None


def _verb_of(tok: Token) -> Token | None:
    """The nearest verb above ``tok`` through adjectives, adverbs, prepositions and numbers."""
    t = tok
    for _ in range(5):
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.head.i == t.i:
            return None
        if t.pos_ in NOUNS and t.i != tok.i and t.dep_ not in ("npadvmod",):
            return None
        t = t.head
    return t if t.pos_ in ("VERB", "AUX") else None


def _complement(verb: Token, skip: set[int], limit: int = 10) -> list[Token]:
    """The first words of what follows a verb of belief or saying ("that Trump will achieve a truce")."""
    out: list[Token] = []
    for child in verb.children:
        if child.i > verb.i and child.dep_ in ("ccomp", "xcomp", "dobj", "prep", "acomp", "attr"):
            for t in child.subtree:
                if t.i in skip or t.is_punct or t.dep_ in ("cc",):
                    if t.is_punct and t.text in ",;":
                        break
                    continue
                out.append(t)
                if len(out) >= limit:
                    return out
            break
    return out


def build_tokens(
    root: Token, skip: set[int], counted: Token | None, previous: list[Token] | None
) -> tuple[list[Token], Token | None]:
    """The words of the subject and the verb it hangs on, for a quantity whose parse root is ``root``."""
    words: list[Token] = []
    verb: Token | None = None
    if counted is not None:
        words.extend(noun_phrase(counted, skip))
        if counted.dep_ == "pobj" and counted.head.lower_ == "of" and counted.head.head.lemma_.lower() in COUNT_HEADS:
            # "the number of homes damaged": the participle says what happened to them
            words.extend(c for c in counted.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i not in skip)
        anchor = counted
    else:
        anchor = root
        of = [c for c in root.children if c.dep_ == "prep" and c.lower_ in ("of", "among")]
        if of:
            objs = [c for c in of[0].children if c.dep_ == "pobj"]
            if objs:
                words.extend(noun_phrase(objs[0], skip))
    dep = anchor.dep_
    head = anchor.head
    if dep in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        verb = head
        words.extend(_verb_parts(head))
        if counted is None or head.lemma_ in ("believe", "think", "say", "trust", "support", "want", "expect"):
            words.extend(_complement(head, skip))
    elif dep in ("compound", "amod", "nummod", "nmod", "quantmod") and head.pos_ in NOUNS and counted is None:
        words.extend(noun_phrase(head, skip | {anchor.i}))
        if head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ in ("VERB", "AUX"):
            verb = head.head
    elif dep == "pobj" and head.dep_ == "prep" and head.head.pos_ in NOUNS and counted is None:
        words.extend(noun_phrase(head.head, skip | {head.i}, right=False))
    elif dep == "appos" and head.pos_ in NOUNS and counted is None and previous:
        # "Chad had 9,000 casualties ..., and Niger, another 3,000": the owner and the counted noun before
        words.extend(noun_phrase(head, skip, right=False))
        words.extend(previous)
    else:
        verb = _verb_of(anchor if counted is None else anchor.head) if dep not in ("nsubj", "nsubjpass") else None
        if counted is not None and dep == "pobj" and head.dep_ == "prep" and head.head.pos_ in NOUNS:
            verb = None
    if verb is not None and verb not in words:
        subj = _nsubj(verb)
        if subj is not None and subj.i not in skip and subj not in words:
            words.extend(noun_phrase(subj, skip, right=True))
        if verb.lemma_ not in LIGHT_VERBS or not words:
            words.extend(_verb_parts(verb))
    if not [t for t in words if t.i not in skip and t.ent_type_ not in TIME_ENTS]:
        # the parse gave nothing usable: the predicate above the figure and its subject
        owner = next((t for t in anchor.ancestors if t.pos_ in ("NOUN", "PROPN") and t.i not in skip), None)
        verb = _verb_of(anchor) or _verb_of(root.head)
        if verb is not None:
            subj = _nsubj(verb)
            if subj is not None and subj.i not in skip:
                words.extend(noun_phrase(subj, skip, right=True))
            words.extend(_verb_parts(verb))
        elif owner is not None:
            # "20,000 tonnes of grain, worth roughly €5m": the noun the figure describes
            words.extend(noun_phrase(owner, skip, right=True))
    seen: set[int] = set()
    unique = []
    ordered = words if dep == "appos" and previous and counted is None else sorted(words, key=lambda t: t.i)
    for t in ordered:
        if t.dep_ == "case" and t.head.ent_type_ in TIME_ENTS:
            continue  # the "'s" of "Sunday's vote" goes with its date
        if t.i not in seen and t.i not in skip and t.ent_type_ not in TIME_ENTS:
            seen.add(t.i)
            unique.append(t)
    return unique, verb


def render(tokens: list[Token], name_of: Callable[[Token], str | None]) -> str:
    """The subject as text: the words in sentence order, pronouns replaced by whom they denote."""
    out: list[str] = []
    for t in tokens:
        if t.pos_ == "PRON" or t.tag_ in ("PRP", "PRP$"):
            name = name_of(t)
            if name:
                out.append(name)
                continue
            if t.lower_ in ("it", "its", "they", "their", "them", "which", "that", "who"):
                continue
        if t.pos_ == "AUX" and t.dep_ in ("aux", "auxpass"):
            continue
        out.append(t.text)
    return " ".join(out).replace(" 's", "'s").replace(" ’s", "’s").strip()


def subject_key(tokens: list[Token], scope: str | None, name_of: Callable[[Token], str | None]) -> str:
    """Sorted content lemmas of the subject with its scope: "@rus|die|soldier"."""
    lemmas: set[str] = set()
    for t in tokens:
        function_word = t.is_punct or t.like_num or t.pos_ in ("DET", "ADP", "CCONJ", "SCONJ", "PART", "AUX", "NUM")
        if function_word and t.dep_ != "neg":
            continue
        if t.pos_ == "PRON":
            continue
        lemma = t.lemma_.lower()
        if lemma in STOP_LEMMAS or not any(c.isalpha() for c in lemma):
            continue
        lemmas.add("not" if t.dep_ == "neg" else lemma)
    parts = sorted(lemmas)
    if scope:
        parts.insert(0, "@" + scope)
    return "|".join(parts)


def content_lemmas(tokens: list[Token]) -> list[str]:
    return [t.lemma_.lower() for t in tokens] + [t.lower_ for t in tokens]


def sentence_of(tok: Token) -> Span:
    return tok.sent
