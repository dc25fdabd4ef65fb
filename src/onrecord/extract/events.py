"""The events stage: PLOVER events between actors, from verb and noun patterns over the parse.

Cascade, per sentence (details in ``event_compose``):
1. verb patterns converted from PETRARCH2's CAMEO dictionary plus onrecord's own (``data/event_verbs*.tsv``);
2. light verb + event noun ("held a videoconference") and bare event nouns ("the ban on X");
3. frames, modality and negation (report, intent, future, obligation, condition);
4. actors: the subject (or the passive agent) is actor 1, the object or a prepositional object is
   actor 2, each resolved through the actors stage's mentions, else from a country named in the
   phrase, the event's place or the sentence's only country (``event_actors``); a reciprocal
   subject with no recipient ("the two leaders spoke") puts its second party in actor 2;
   no event is kept for an act of no one on no one, an act on oneself, or a meeting or agreement
   whose subject cannot act ("his goals go beyond ..."); an opinion ("I think he is destroying X")
   is no event (``event_compose``);
5. date and precision from the time stage (``timex.event_date`` when it gives one, else the date
   expression of the sentence nearest the event's word, else None with precision "unknown": a
   past event with no date in its sentence is not given the publication date); medium from the
   lexicon and the trigger's modifiers.

The central event of a sentence (``central=True``) is the verbal event whose frame word is nearest
the root of the parse, the first one on a tie; nominal events are central only when the sentence
has no verbal event.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from typing import Any

from spacy.tokens import Span, Token

from onrecord.extract import timex as timex_module
from onrecord.extract.actor_lexicon import actor_lexicon
from onrecord.extract.event_actors import Side, SideResolver, np_span
from onrecord.extract.event_compose import INDEFINITE, Found, actorish, code_sentence, main_event
from onrecord.extract.event_lexicon import Lexicon, lexicon
from onrecord.knowledge.ids import fold
from onrecord.model import DatePrecision, Event, record_id
from onrecord.pipeline import Work, register_stage

LOGGER = logging.getLogger(__name__)

_DATE_RE = re.compile(r"^(\d{4})(-\d{2})?(-\d{2})?$")


# categories whose unnamed agent is coded by where the event happened (gold convention: "prisoners
# rioted at a jail in X", "a national was put under investigation in X")
LOCAL_AGENTS = {"PROTEST", "ACCUSE", "COERCE", "ASSAULT", "MOBILIZE"}


def _is_place(tok: Token) -> bool:
    """A named place or a place noun governed by a place preposition."""
    if tok.ent_type_ in {"GPE", "LOC", "FAC"}:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in {"in", "at", "into", "inside", "near"}


REFLEXIVE = {"himself", "herself", "itself", "themselves", "myself", "ourselves", "yourself", "yourselves"}

# categories that need parties: a meeting or an agreement of things ("his goals go beyond ...",
# "its turnover reached ...") is a figure of speech
NEEDS_AGENT = {"CONSULT", "AGREE"}
# what a figure, not a party, is the object of: "received 37 percent", "had 36 percent"
QUANTITY_ENTS = {"PERCENT", "MONEY", "CARDINAL", "QUANTITY"}
COMPARISON_PREPS = {"like", "unlike"}


def _object_is_quantity(trigger: Token) -> bool:
    """The verb's direct object is a figure ("received 37 percent"): a result, not a meeting or a deal."""
    return any(c.dep_ == "dobj" and (c.ent_type_ in QUANTITY_ENTS or c.like_num) for c in trigger.children)


def _only_compared(target: Token) -> bool:
    """ "an opponent like X": X is what the counterpart is compared to, not the counterpart."""
    return any(c.dep_ == "prep" and c.lower_ in COMPARISON_PREPS for c in target.children) and any(
        c.dep_ == "det" and c.lower_ in {"a", "an", "any", "no"} for c in target.children
    )


def _agent_word(tok: Token) -> bool:
    if tok.pos_ in {"PRON", "PROPN"} or tok.ent_type_ or actorish(tok):
        return True
    lex = actor_lexicon()
    forms = {fold(tok.lemma_), fold(tok.text)}
    return any(
        lex.is_person_noun(w) or w in lex.group_nouns or w in lex.institution_nouns or w in lex.role_nouns
        for w in forms
    )


def is_agent(tok: Token) -> bool:
    """The subject word can act: a pronoun, a name, a noun for people, a group or a body ("protesters",
    "the government"), or a quantity of them ("a group of refugees")."""
    if _agent_word(tok):
        return True
    return any(
        p.dep_ == "prep" and p.lower_ == "of" and any(_agent_word(o) for o in p.children if o.dep_ == "pobj")
        for p in tok.children
    )


def _date_of(work: Work, found: Found) -> tuple[str | None, DatePrecision, str | None, tuple[int, int] | None]:
    helper: Callable[[Work, Token], Any] | None = getattr(timex_module, "event_date", None)
    if helper is not None:
        value, precision = helper(work, found.trigger)
        if value is not None:
            return value, precision, None, None
    sent = found.trigger.sent
    best = None
    for tx in work.timexes:
        if not (sent.start_char <= tx.span[0] < sent.end_char) or tx.value is None:
            continue
        if not _DATE_RE.match(tx.value):
            continue
        dist = abs(tx.span[0] - found.head.idx)
        if best is None or dist < best[0]:
            best = (dist, tx)
    if best is None:
        return None, "unknown", None, None
    tx = best[1]
    value = tx.value or ""
    m = _DATE_RE.match(value)
    found_precision: DatePrecision = "year"
    if m and m.group(3):
        found_precision = "day"
    elif m and m.group(2):
        found_precision = "month"
    return value, found_precision, tx.text, tx.span


def _medium(found: Found, lex: Lexicon) -> str | None:
    if found.medium:
        return found.medium
    if found.code.category != "CONSULT":
        return None
    words: set[str] = set()
    for tok in (found.trigger, found.head):
        words.update(t.lower_ for t in tok.children)
        words.update(t.lemma_.lower() for t in tok.children)
        for c in tok.children:
            if c.dep_ in {"prep", "compound", "amod", "advmod", "dobj", "attr"}:
                words.update(t.lower_ for t in c.subtree)
    for medium in ("video", "phone", "written", "in_person"):
        if words & lex.frames.get(f"medium_{medium}", set()):
            return medium
    return None


def _span(found: Found) -> tuple[int, int]:
    toks = [found.trigger, found.head, *found.targets[:1]]
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    if found.targets:
        end = max(end, np_span(found.targets[0])[1])
    return start, end


def events_of_sentence(work: Work, sent: Span, lex: Lexicon, resolver: SideResolver | None = None) -> list[Event]:
    """The Event records of one sentence."""
    resolver = resolver if resolver is not None else SideResolver(work)
    found = code_sentence(sent, lex)
    central = main_event(found)
    out: list[Event] = []
    for f in found:
        sources = [resolver.side(t) for t in f.sources]
        targets = [resolver.side(t) for t in f.targets]
        if f.sources and f.sources[0].lower_ in INDEFINITE:
            sources = []  # "someone will have to pay": no party
        if not f.nominal and f.code.category == "CONSULT" and _object_is_quantity(f.trigger):
            continue
        compared = bool(f.targets) and _only_compared(f.targets[0])
        if compared:
            targets = [Side(None, t.text, t.span, ()) for t in targets[:1]]  # named, but nobody the text names
        if f.code.category == "CONSULT" and f.targets and _is_place(f.targets[0]) and f.targets[0].dep_ == "pobj":
            targets = []  # "met in Oslo": where they met, not whom
        a1 = sources[0] if sources else None
        a2 = targets[0] if targets else None
        if (a1 is None or a1.actor_id is None) and f.code.category in LOCAL_AGENTS:
            place = resolver.location(f.trigger if f.trigger.pos_ in {"VERB", "AUX"} else f.head)
            if place is not None:
                a1 = Side(place.actor_id, a1.text, a1.span, place.mentions) if a1 is not None else place
        if a2 is not None and a2.actor_id is None and f.targets and _is_place(f.targets[0]) and not compared:
            # "imposed a curfew in the town of C in southern X": the town's country
            place = resolver.location(f.head if f.head.pos_ in {"VERB", "AUX"} else f.trigger)
            if place is not None:
                a2 = Side(place.actor_id, a2.text, a2.span, place.mentions)
        if a1 is not None and a1.actor_id is None and (is_agent(f.sources[0]) or _is_place(f.sources[0])):
            a1 = resolver.in_context(f.sources[0], a1, sent)
        if (
            a2 is not None
            and a2.actor_id is None
            and not compared
            and (is_agent(f.targets[0]) or _is_place(f.targets[0]))
        ):
            a2 = resolver.in_context(f.targets[0], a2, sent)
        if f.targets and f.targets[0].lower_ in REFLEXIVE and not f.nominal:
            continue  # "exposed himself", "defended itself": no other party
        if not f.nominal and a1 is None and a2 is None:
            continue  # "to stop the war", "to promote a deal": an act of no one named, on no one
        if f.sources and f.code.category in NEEDS_AGENT and not is_agent(f.sources[0]):
            continue  # "his goals go beyond ...", "its turnover reached ...": no one acts
        if a2 is None and f.code.category == "CONSULT":
            # a reciprocal meeting ("X and Y met", "the two leaders spoke"): the second party is actor 2
            if len(sources) > 1:
                a2 = sources[1]
            elif a1 is not None and len({m.actor_id for m in a1.mentions}) > 1:
                other = next(m for m in a1.mentions if m.actor_id != a1.actor_id)
                a2 = Side(other.actor_id, other.text, other.span, (other,))
        date, precision, date_text, date_span = _date_of(work, f)
        span = _span(f)
        out.append(
            Event(
                id=record_id("event", work.article.id, span[0], span[1], f.trigger.i, a2.span if a2 else None),
                article_id=work.article.id,
                category=f.code.category,
                mode=f.code.mode,
                actor1_id=a1.actor_id if a1 else None,
                actor2_id=a2.actor_id if a2 else None,
                date=date,
                date_precision=precision,
                medium=_medium(f, lex),
                negated=f.negated,
                span=span,
                trigger=f.trigger.text,
                date_text=date_text,
                date_span=date_span,
                actor1_text=a1.text if a1 else None,
                actor1_span=a1.span if a1 else None,
                actor2_text=a2.text if a2 else None,
                actor2_span=a2.span if a2 else None,
                cameo=f.code.cameo,
                nominal=f.nominal,
                central=f is central,
            )
        )
    return out


def extract_events(work: Work, sentences: Sequence[Span] | None = None) -> list[Event]:
    """The events of the article (or of the given sentences), in text order."""
    lex = lexicon()
    resolver = SideResolver(work)
    out: list[Event] = []
    seen: set[str] = set()
    for sent in sentences if sentences is not None else work.doc.sents:
        for ev in events_of_sentence(work, sent, lex, resolver):
            if ev.id not in seen:
                seen.add(ev.id)
                out.append(ev)
    return out


class EventsStage:
    def __call__(self, work: Work) -> None:
        work.events = extract_events(work)


register_stage("events.v1", requires=["sentences", "actors", "timexes"], assigns=["events"], factory=EventsStage)
