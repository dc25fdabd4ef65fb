"""The actor on each side of an event: the actors stage's mention, else a country named in the phrase.

The actors stage resolves names, roles, pronouns and the demonyms it can tie to a group. An event
side is often a phrase it leaves alone ("Israeli tanks", "proposed Iraqi changes", "a camp for
Congolese refugees", "the government of X"); PLOVER codes such a side by the country the phrase
names (``PLOVER_GSR_CAMEO_readme``: the actor code is the country of the agent, a demonym naming it).

Order, for the noun phrase headed by ``tok``:
1. a mention covering the head word (a name, a role, a pronoun); a demonym mention on the head
   ("Serbs") yields to another country's adjective that qualifies it ("Bosnian Serbs": where the
   group lives, the gold records' convention);
2. the head's own modifiers, nearest first, and their words ("Israeli army bulldozers"; "X's
   government"): a mention there, or a country name, capital or demonym from the knowledge base;
3. the objects of the phrase's prepositions and the rest of its words, in text order ("rebels in
   the Ivory Coast", "thousands of Iraqi Kurds").

4. participle clauses on the head ("refugees fleeing the war in X", "a newspaper based in X");
5. a possessive pronoun on the head ("their forces") stands for the subject of the clause above
   that reports the event ("X said their forces withdrew").

A country found without a mention becomes a mention of that country (basis ``demonym`` or
``metonym``); when the head is a noun for a group of people ("Palestinian prisoners"), a group
actor of that country is made instead, named by the words from the country word to the head, the
way the actors stage names its own groups. Both are added to ``work.actors`` and ``work.mentions``
(their notes end in "(events stage)").

The events stage also asks for (see ``events.events_of_sentence``):
- :meth:`SideResolver.location`: the country where the event happened ("rioted at a jail in X"),
  for an unnamed agent of a protest, an accusation or force, and for a target that is a place;
- :meth:`SideResolver.in_context`: an unnamed local party ("rebels", "demonstrators", "the town
  of C") in a sentence that names one country only takes that country (GSR convention).

One change to an actors-stage actor: a person it knows no country of, named under a title
qualified by a demonym ("Algerian President X"), gets that country (``_person_country``).
Gold codes that are not countries (IGO, NGO, IMG) correspond to actors of kind organization or
group without a country; see ``eval/events.py``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Span, Token

from onrecord.extract.actor_lexicon import actor_lexicon
from onrecord.knowledge.base import Entry, KnowledgeBase, default_kb
from onrecord.knowledge.ids import actor_id, fold
from onrecord.model import Actor, Mention, record_id
from onrecord.pipeline import Work

LOGGER = logging.getLogger(__name__)

MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod", "nummod"}
_MAX_WORDS = 4
_SKIP_DEPS = {"conj", "cc", "relcl", "appos", "punct", "acl"}


@dataclass(frozen=True)
class Side:
    """One side of an event: the actor resolved (if any) and the words as written."""

    actor_id: str | None
    text: str
    span: tuple[int, int]
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class _Country:
    entry: Entry
    start: int  # token indices [start, end)
    end: int
    basis: str
    text: str


@cache
def _country_forms() -> dict[str, tuple[str, str]]:
    """Folded form -> (entry id, basis) for every country's names, capitals and demonyms."""
    kb = default_kb()
    out: dict[str, tuple[str, str]] = {}
    for entry in kb.entries.values():
        if entry.kind != "country" or not entry.country:
            continue
        forms = [(entry.name, "name")] + [(a, "alias") for a in entry.aliases]
        forms += [(m, "metonym") for m in entry.metonyms] + [(d, "demonym") for d in entry.demonyms]
        for form, basis in forms:
            key = fold(form)
            if key.startswith("the "):
                key = key[4:]
            if not key or (form.isupper() and len(form) <= 3):
                continue  # acronyms ("US") are the actors stage's: they match only as written
            if key in out and out[key][0] != entry.id:
                out[key] = ("", basis)  # two countries share it: names neither
            else:
                out.setdefault(key, (entry.id, basis))
    return out


def np_tokens(tok: Token) -> list[Token]:
    """The words of the noun phrase headed by ``tok``, without its conjuncts and clauses."""
    keep = [tok]
    stack = [c for c in tok.children if c.dep_ not in _SKIP_DEPS]
    while stack:
        t = stack.pop()
        keep.append(t)
        stack.extend(c for c in t.children if c.dep_ not in {"conj", "cc", "relcl", "punct"})
    return sorted(keep, key=lambda t: t.i)


def np_span(tok: Token) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``tok``, without its conjuncts and clauses."""
    toks = np_tokens(tok)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _country_at(tok: Token, kb: KnowledgeBase, allowed: set[int]) -> _Country | None:
    """A country name, capital or demonym starting at this word (the longest), within ``allowed``."""
    doc = tok.doc
    forms = _country_forms()
    for n in range(_MAX_WORDS, 0, -1):
        end = tok.i + n
        if end > len(doc) or any(i not in allowed for i in range(tok.i, end)):
            continue
        span = doc[tok.i : end]
        if n == 1 and not (tok.text[:1].isupper()):
            continue  # "american" in lower case is no demonym in news prose
        hit = forms.get(fold(span.text))
        if hit is None or not hit[0]:
            continue
        entry = kb.entries.get(hit[0])
        if entry is not None:
            return _Country(entry, tok.i, end, hit[1], span.text)
    return None


LOCATION_PREPS = {"in", "at", "inside", "within"}


def _people(tok: Token) -> bool:
    lex = actor_lexicon()
    lemma = fold(tok.lemma_)
    return lex.is_person_noun(lemma) or lemma in lex.group_nouns or lemma in lex.institution_nouns


def _ethnic(tok: Token) -> bool:
    return any(c.dep_ == "amod" and c.lower_ == "ethnic" for c in tok.children)


def _by_closeness(head: Token, toks: list[Token]) -> list[Token]:
    return sorted(toks, key=lambda t: (abs(t.i - head.i), t.i))


def _search_order(tok: Token, phrase: list[Token]) -> list[Token]:
    """The head's modifiers (nearest first, each with its own words), then the rest in text order."""
    order: list[Token] = [tok]  # the head itself may be the country word ("an Australian ultimatum")
    mods = [c for c in tok.children if c.dep_ in MODIFIER_DEPS]
    for m in _by_closeness(tok, mods):
        order.extend(_by_closeness(tok, [t for t in m.subtree if t in phrase]))
    seen = {t.i for t in order}
    order.extend(t for t in phrase if t.i not in seen)
    return order


class SideResolver:
    """Resolves the sides of the events of one article; may add actors and mentions to the work."""

    def __init__(self, work: Work, kb: KnowledgeBase | None = None) -> None:
        self.work = work
        self.kb = kb if kb is not None else default_kb()
        self.lex = actor_lexicon()

    def side(self, tok: Token) -> Side:
        phrase = np_tokens(tok)
        start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1].text)
        text = self.work.article.text[start:end]
        mentions = self.work.mentions_in(start, end)
        head = [m for m in mentions if m.span[0] <= tok.idx < m.span[1]]
        ordered = tuple(head + [m for m in mentions if m not in head])
        allowed = {t.i for t in phrase}
        if head and _ethnic(tok) and head[0].basis == "demonym":
            return Side(None, text, (start, end), ordered)  # "ethnic Albanians": a people, not a state
        if head:
            chosen = self._qualified(tok, head[0], allowed) or head[0]
            self._person_country(tok, chosen, allowed)
            return Side(chosen.actor_id, text, (start, end), ordered)
        for t in [*_search_order(tok, phrase), *self._clause_words(tok)]:
            covering = [m for m in self.work.mentions if m.span[0] <= t.idx < m.span[1]]
            found = _country_at(t, self.kb, allowed | {x.i for x in self._clause_words(tok)})
            if covering and (found is None or self._chars(found) <= covering[0].span[1] - covering[0].span[0]):
                return Side(covering[0].actor_id, text, (start, end), ordered)
            if found is not None:
                mention = self._add(found, tok)
                return Side(mention.actor_id, text, (start, end), (mention, *ordered))
        owner = self._possessor(tok)
        if owner is not None:
            side = self.side(owner)
            if side.actor_id is not None:
                return Side(side.actor_id, text, (start, end), side.mentions + ordered)
        return Side(None, text, (start, end), ordered)

    def location(self, verb: Token) -> Side | None:
        """The country where the event happened ("rioted at a jail in X", "was detained in X"), for
        a side the phrase leaves unresolved: the gold records code an unnamed local agent by it."""
        # the verb's own place phrases, then those of its prepositional objects ("put under
        # investigation in X")
        near = [c for c in verb.children if c.dep_ == "prep"]
        near += [p for c in near for o in c.children if o.dep_ == "pobj" for p in o.children if p.dep_ == "prep"]
        for prep in near:
            if prep.lower_ not in LOCATION_PREPS:
                continue
            words = [t for t in prep.subtree if t.i != prep.i]
            allowed = {t.i for t in words}
            for t in words:
                covering = [m for m in self.work.mentions if m.span[0] <= t.idx < m.span[1]]
                actor = self.work.actors.get(covering[0].actor_id) if covering else None
                if actor is not None and actor.kind == "country":
                    return Side(actor.id, covering[0].text, covering[0].span, (covering[0],))
                found = _country_at(t, self.kb, allowed)
                if found is not None and not covering:
                    mention = self._add(found, t)
                    return Side(mention.actor_id, mention.text, mention.span, (mention,))
        return None

    def in_context(self, tok: Token, side: Side, sent: Span) -> Side:
        """An unnamed local party ("rebels", "demonstrators", "the town of C") in a sentence that
        names one country only: the gold records code it by that country. People become a group
        actor of that country named by the phrase; a place, the country itself."""
        countries = {
            a.country
            for m in self.work.mentions
            if sent.start_char <= m.span[0] < sent.end_char
            and (a := self.work.actors.get(m.actor_id)) is not None
            and a.country
        }
        if len(countries) != 1 or tok.pos_ == "PRON":
            return side
        country = next(iter(countries))
        entry = self.kb.country_entry(country)
        if entry is None:
            return side
        plural_people = _people(tok) and tok.tag_ in {"NNS", "NNPS"}
        if not plural_people:
            # a place ("the town of C"), or one unnamed official: the country itself
            found = _Country(entry, tok.i, tok.i + 1, "context", tok.text)
            mention = self._add(found, tok, note=f"{entry.name}, the only country its sentence names (events stage)")
            return Side(mention.actor_id, side.text, side.span, (mention, *side.mentions))
        words = [t for t in np_tokens(tok) if t.dep_ not in {"det", "nummod", "quantmod"} and t.i <= tok.i]
        if not words:
            return side
        name = self.work.article.text[words[0].idx : tok.idx + len(tok.text)]
        ident = actor_id("group", name)
        if ident not in self.work.actors:
            self.work.actors[ident] = Actor(id=ident, name=name, kind="group", country=country)
        start, end = words[0].idx, tok.idx + len(tok.text)
        note = f"group in {entry.name}, the only country its sentence names (events stage)"
        mention = self._mention(start, end, ident, "description", note)
        if mention not in self.work.mentions:
            self.work.mentions.append(mention)
        return Side(ident, side.text, side.span, (mention, *side.mentions))

    @staticmethod
    def _possessor(tok: Token) -> Token | None:
        """ "X said their forces withdrew": a possessive pronoun on the head stands for the subject of
        the clause that reports the event (the nearest one above it), when the actors stage left it."""
        if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
            return None
        inside = {t.i for t in tok.subtree}
        node = tok.head
        while node.head.i != node.i:
            node = node.head
            subj = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is not None and subj.i not in inside and subj.pos_ != "PRON":
                return subj
        return None

    def _person_country(self, tok: Token, mention: Mention, allowed: set[int]) -> None:
        """ "Algerian President X": a person the actors stage knows no country of takes the country that
        qualifies their title in the phrase (the actor is updated, nothing else about it changes)."""
        actor = self.work.actors.get(mention.actor_id)
        if actor is None or actor.kind != "person" or actor.country:
            return
        for t in tok.subtree:
            if t.i not in allowed or t.idx >= mention.span[0] or t.dep_ not in {"amod", "compound", "poss", "nmod"}:
                continue
            found = _country_at(t, self.kb, allowed)
            if found is not None and found.basis == "demonym" and found.entry.country:
                LOGGER.debug("events: %s takes country %s from %r", actor.id, found.entry.country, t.text)
                self.work.actors[actor.id] = replace(actor, country=found.entry.country)
                return

    @staticmethod
    def _chars(found: _Country) -> int:
        return len(found.text)

    @staticmethod
    def _clause_words(tok: Token) -> list[Token]:
        """Words of the participle clauses that place a generic head: "refugees fleeing the war in X",
        "a newspaper based in X" (searched last)."""
        out: list[Token] = []
        for c in tok.children:
            if c.dep_ == "acl" and c.tag_ in {"VBG", "VBN"}:
                out.extend(t for t in c.subtree if t.i != c.i)
        return out

    def _qualified(self, tok: Token, head: Mention, allowed: set[int]) -> Mention | None:
        """ "Bosnian Serbs": a demonym head qualified by another country's adjective is that country's."""
        if head.basis != "demonym":
            return None
        actor = self.work.actors.get(head.actor_id)
        for c in tok.children:
            if c.dep_ not in {"amod", "compound"} or c.i > tok.i:
                continue
            found = _country_at(c, self.kb, allowed)
            if found is not None:
                if actor is not None and found.entry.country == actor.country:
                    return None
                return self._add(found, tok)
        return None

    def _add(self, found: _Country, head: Token, note: str | None = None) -> Mention:
        doc = head.doc
        entry = found.entry
        words = [t for t in doc[found.end : head.i + 1] if t.dep_ != "punct"]
        group = (
            found.basis == "demonym"
            and head.i >= found.end
            and head.tag_ in {"NNS", "NNPS"}
            and (fold(head.lemma_) in self.lex.group_nouns or self.lex.is_person_noun(head.lemma_))
            and bool(words)
        )
        if group:
            start, end = doc[found.start].idx, head.idx + len(head.text)
            name = self.work.article.text[start:end]
            ident = actor_id("group", name)
            if ident not in self.work.actors:
                self.work.actors[ident] = Actor(id=ident, name=name, kind="group", country=entry.country)
            note = f"group of {entry.name} (events stage)"
        else:
            start, end = doc[found.start].idx, doc[found.end - 1].idx + len(doc[found.end - 1].text)
            ident = entry.id
            if ident not in self.work.actors:
                self.work.actors[ident] = Actor(
                    id=ident, name=entry.name, kind="country", country=entry.country, aliases=entry.aliases
                )
            note = note or f"{entry.name}, named in an event's actor phrase (events stage)"
        for m in self.work.mentions:
            if m.actor_id == ident and m.span == (start, end):
                return m
        basis = (
            "demonym" if found.basis == "demonym" else ("metonym" if found.basis in {"metonym", "context"} else "name")
        )
        mention = self._mention(start, end, ident, basis, note)
        self.work.mentions.append(mention)
        return mention

    def _mention(self, start: int, end: int, ident: str, basis: str, note: str) -> Mention:
        """A mention of actor ``ident`` over characters [start, end) of the article."""
        article = self.work.article
        return Mention(
            id=record_id("mention", article.id, start, end, ident),
            article_id=article.id,
            actor_id=ident,
            span=(start, end),
            text=article.text[start:end],
            basis=basis,
            note=note,
        )
