"""Find one event dated twice in an article ("held a meeting this Tuesday" ... "this Monday's meeting").

Conservative by design (precision first). A pair is reported only when:

1. both references carry a relative, day-precision date (a weekday, "yesterday") resolved to different days;
2. both name an event of the same family (meeting/videoconference/conversation...), by the noun the date
   modifies or the object of the verb it attaches to;
3. the later reference is anaphoric: a definite or possessive noun ("this Monday's meeting", "his
   conversation"), never "another"/"a second" one; the earlier is the event's introduction, the latest
   dated one of the family before it that is not itself a definite reference;
4. the people named with each reference (in its sentence, else its paragraph) are known on both sides
   and overlap, and the two stand in different sentences;
5. both dates name a day in words (a weekday, "yesterday"), not a clock time, and neither lies after
   the publication date nor belongs to a planned or hypothetical event (often a different one);
6. the two references stand within a few paragraphs of each other.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Span, Token

from onrecord.extract.timex_anchor import attachment, calendar_date, date_timexes
from onrecord.model import Timex
from onrecord.pipeline import Work

_DEFINITE = {"the", "this", "that", "these", "those"}
_DAY_WORD = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)\b", re.IGNORECASE)
_MAX_DISTANCE = 2500  # characters between the two references: a few paragraphs
_POSSESSIVE_TAGS = {"PRP$", "POS"}


@dataclass(frozen=True, slots=True)
class _Families:
    noun: dict[str, str]
    verb: dict[str, str]
    new_words: frozenset[str]


@cache
def _families() -> _Families:
    raw: dict[str, Any] = json.loads(
        resources.files("onrecord.extract").joinpath("data/timex_event_families.json").read_text(encoding="utf-8")
    )
    noun = {w: fam for fam, words in raw["nouns"].items() for w in words}
    verb = {w: fam for fam, words in raw["verbs"].items() for w in words}
    return _Families(noun, verb, frozenset(raw["new_event_words"]))


@dataclass(frozen=True, slots=True)
class _Ref:
    timex: Timex
    day: str
    family: str
    noun: Token | None
    trigger: Token
    definite: bool
    new_event: bool
    people: frozenset[str]


def _noun_family(tok: Token) -> str | None:
    fams = _families().noun
    words = [c.lower_ for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
    for w in (" ".join([*words, tok.lower_]), tok.lemma_.lower(), tok.lower_):
        if w in fams:
            return fams[w]
    return None


def _event_noun(span: Span) -> tuple[Token | None, Token | None]:
    """The event noun a date modifies or the event object of the verb it attaches to; and that verb."""
    path = attachment(span)
    if not path:
        return None, None
    first = path[0]
    verb = next((t for t in path if t.pos_ in ("VERB", "AUX")), None)
    if first.pos_ in ("NOUN", "PROPN") and _noun_family(first):
        return first, verb
    if verb is None:
        return None, None
    for child in verb.children:
        cands = [child] if child.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") else []
        if child.dep_ == "prep":
            cands = [g for g in child.children if g.dep_ == "pobj"]
        for c in cands:
            if c.pos_ in ("NOUN", "PROPN") and _noun_family(c):
                return c, verb
    return None, verb


def _definiteness(noun: Token, span: Span) -> tuple[bool, bool]:
    """(definite, new_event) of an event noun: "the/his/this Monday's meeting" vs "a/another meeting"."""
    fam = _families()
    new_event = False
    definite = False
    for c in noun.children:
        low = c.lower_
        if low in fam.new_words or (c.dep_ == "amod" and c.lemma_.lower() in fam.new_words):
            new_event = True
        if c.dep_ == "det" and low in _DEFINITE:
            definite = True
        if c.dep_ == "poss" or c.tag_ in _POSSESSIVE_TAGS:
            definite = True
    if span.root.head.i == noun.i and span.root.dep_ in ("poss", "compound", "nmod"):
        definite = True  # "this Monday's meeting"
    return definite, new_event


def _people_in(work: Work, start: int, end: int) -> frozenset[str]:
    out = set()
    for m in work.mentions_in(start, end):
        actor = work.actors.get(m.actor_id)
        if actor is not None and actor.kind == "person":
            out.add(m.actor_id)
    return frozenset(out)


def _people(work: Work, sent: Span) -> frozenset[str]:
    """The people of the sentence; if it names none ("the two ministers met"), those of its paragraph."""
    found = _people_in(work, sent.start_char, sent.end_char)
    if found:
        return found
    text = work.article.text
    start = text.rfind("\n", 0, sent.start_char) + 1
    end = text.find("\n", sent.end_char)
    return _people_in(work, start, len(text) if end < 0 else end)


_IRREALIS = {"plan", "schedule", "expect", "intend", "hope", "want", "aim", "propose", "prepare"}
_MODALS = {"will", "would", "could", "may", "might", "should", "shall", "'ll"}


def _irrealis(verb: Token | None) -> bool:
    """The event is planned or hypothetical ("had planned to give remarks Monday", "will meet")."""
    tok = verb
    for _ in range(3):
        if tok is None:
            return False
        if tok.lemma_.lower() in _IRREALIS or any(c.dep_ == "aux" and c.lower_ in _MODALS for c in tok.children):
            return True
        if tok.dep_ not in ("xcomp", "ccomp", "advcl") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _refs(work: Work) -> list[_Ref]:
    out: list[_Ref] = []
    anchors: dict[tuple[int, int], str] = work.notes.get("timex_anchors", {})
    for t, span in date_timexes(work):
        day, precision = calendar_date(t.value or "")
        if precision != "day" or anchors.get(t.span) != "dct" or not _DAY_WORD.search(t.text):
            continue
        published = work.article.published or ""
        if len(published) == 10 and day > published:
            continue
        noun, verb = _event_noun(span)
        family = _noun_family(noun) if noun is not None else None
        if family is None and verb is not None:
            family = _families().verb.get(verb.lemma_.lower())
        if family is None:
            continue
        definite, new_event = _definiteness(noun, span) if noun is not None else (False, False)
        trigger = noun if noun is not None else verb
        planned_noun = noun is not None and any(
            c.dep_ in ("acl", "amod") and c.lemma_.lower() in _IRREALIS for c in noun.children
        )  # "has a speech scheduled", "the planned summit"
        if trigger is None or _irrealis(verb) or planned_noun:
            continue
        out.append(_Ref(t, day, family, noun, trigger, definite, new_event, _people(work, span.sent)))
    return sorted(out, key=lambda r: r.timex.span)


def find_inconsistencies(work: Work) -> list[dict[str, Any]]:
    """Pairs of references dating the same event differently (see the module docstring), as plain dicts."""
    refs = _refs(work)
    found: list[dict[str, Any]] = []
    for i, later in enumerate(refs):
        if not later.definite or later.new_event:
            continue
        intro = next((r for r in reversed(refs[:i]) if r.family == later.family and not r.definite), None)
        if intro is None or intro.day == later.day or intro.trigger.sent.start == later.trigger.sent.start:
            continue
        if not (intro.people & later.people):
            continue
        if later.timex.span[0] - intro.timex.span[1] > _MAX_DISTANCE:
            continue
        a, b = intro.timex, later.timex
        found.append(
            {
                "spans": [list(a.span), list(b.span)],
                "values": [intro.day, later.day],
                "texts": [a.text, b.text],
                "trigger_spans": [
                    [intro.trigger.idx, intro.trigger.idx + len(intro.trigger.text)],
                    [later.trigger.idx, later.trigger.idx + len(later.trigger.text)],
                ],
                "family": later.family,
                "explanation": (
                    f"The article dates the same {later.family} \u201c{a.text}\u201d ({intro.day}) "
                    f"and later \u201c{b.text}\u201d ({later.day})."
                ),
            }
        )
    return found
