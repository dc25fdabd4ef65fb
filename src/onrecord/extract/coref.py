"""Role phrases, descriptions and pronouns resolved to actors, in text order, by salience.

Steps, for each referring phrase in text order (names were linked before, by actor_names):

1. A phrase in apposition to a name ("the new American president, Donald Trump") is that name.
2. Role phrases with a place or body: "the US president", "the Russian leader", "the Kremlin chief",
   "Russia's president", "the president-elect of the United States", "the NATO chief": the person
   the knowledge base says held that office on the article's date (the most salient one when several
   did). An office the base has no holder for stays unresolved.
3. Counted plurals ("the two leaders", "both presidents"): the last group of that many people named
   together before (in one plural phrase or a coordination); failing that, the people named in that
   sentence and the one before when there are exactly that many.
4. Descriptions: "the <person noun>" ("the tycoon"), "the <party word>" ("the Republican"),
   "the <party word> <noun>" ("the Republican leader"): the most salient compatible person before
   it. Compatible: same gender where known, same party where the phrase names one, and for a noun of
   position ("the spokesman", "the president") someone known to hold it (knowledge base on the date,
   or so described earlier in the text); epithets ("the tycoon", data/epithets.txt) need no such
   link; other occupations ("the journalist") go to no one known for something else. Never the
   subject of a verb whose complement clause holds the phrase ("X said the tycoon..." is not X),
   never someone else's ("the prime minister's spokesman"), never generic ("the average voter"),
   and not when a qualifier cannot be checked ("the Vermont senator"). A party phrase with no such
   person before it goes to the office holder of that party on the date.
5. A person or relation noun in apposition to a name ("his Japanese counterpart Kenji Sato"): that
   person, who takes the country the phrase names when none is known.
6. Personal pronouns (he, his, him, himself, she, her, hers, herself): the most salient person of a
   compatible gender before it (unknown gender counts half), never a co-argument of the same verb;
   a reflexive takes its subject.
7. "it", "its", "itself": the most salient organization or country named in the singular (or in a plural
   form, "the Teamsters"), never a person; "they", "them", "their", "theirs", "themselves": the most
   salient group or organization named in a plural form (no country: "the Americans" are its people), or
   the actors named together ("Smith and Jones", "the two leaders": one mention for each). Noun phrases
   that name no actor ("the report", "the voters") compete with the same weights, and when one of them
   is the most salient candidate the pronoun stays unresolved; so does an expletive "it" ("it is likely
   that", "it was raining": coref_neuter). Never a co-argument of the same verb; a reflexive takes its
   subject.

Salience is a simplified Lappin and Leass (1994) score: per sentence each actor's best mention counts
100, plus 80 as a subject, 50 as an object, 40 otherwise, halved for every sentence back (six at
most); the subject of a clause that contains the phrase gets 120 more.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from onrecord.extract.actor_lexicon import ActorLexicon
from onrecord.extract.actor_names import Draft, Names, Ref
from onrecord.extract.coref_neuter import IT, REFLEXIVE, THEY, Phrase, phrases, pleonastic
from onrecord.knowledge.base import Entry, KnowledgeBase
from onrecord.knowledge.ids import fold

_PRONOUNS = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}  # fmt: skip
_REFLEXIVE = frozenset({"himself", "herself"})
_DEFINITE = frozenset({"the", "this", "that"})
_PAST = frozenset({"former", "ex", "then", "late", "previous", "erstwhile"})
_GENERIC = frozenset({"average", "typical", "ordinary", "any", "every", "each", "hypothetical"})
_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4}
_WINDOW = 6  # sentences back that count for salience
# a neuter pronoun whose two best antecedents score within this ratio of each other stays unresolved
_CLOSE_RIVAL = 2 / 3


@dataclass(frozen=True, slots=True)
class _Seen:
    actor_id: str
    token: int
    sent: int
    weight: float
    number: str = "sing"  # sing | plur | both (a body named in a plural form: "the Teamsters")
    modifier: bool = False  # a name that only qualifies a noun ("a Senate bill"): no antecedent of "it"


def _role_weight(tok: Token) -> float:
    dep = tok.dep_
    if dep in ("nsubj", "nsubjpass"):
        return 80.0
    if dep in ("dobj", "iobj", "attr"):
        return 50.0
    return 40.0


class Resolver:
    def __init__(self, doc: Doc, kb: KnowledgeBase, lex: ActorLexicon, names: Names, date: str | None) -> None:
        self.doc, self.kb, self.lex, self.names, self.date = doc, kb, lex, names, date
        self.drafts = names.drafts
        self.sent_of = [0] * len(doc)
        self.sent_start = [sent.start for sent in doc.sents]
        for n, sent in enumerate(doc.sents):
            for t in sent:
                self.sent_of[t.i] = n
        self.covered: dict[int, Ref] = {}
        for ref in names.refs:
            for i in range(ref.start, ref.end):
                self.covered[i] = ref
        self.seen: list[_Seen] = []
        self._head_noun = ""  # the noun of the last description resolved
        self.resolved: dict[int, str] = {}  # token -> actor, for pronouns and descriptions resolved so far
        self.office_nouns = {n for o in kb.offices.values() for n in o.nouns}
        self.party_names = {p for names in kb.party_words.values() for p in names}
        self.folded = [fold(t.text) for t in doc]
        self.last_words = _last_words(lex, frozenset(self.office_nouns))
        self._phrases: list[Phrase] | None = None  # noun phrases, for "it" and "they"
        self._sets: list[tuple[int, list[str]]] = []  # actors referred to together: the token, the actors
        self._chains: list[tuple[int, bool, str]] = []  # "it"/"they" left to a phrase: token, plural, head word

    # --- salience -------------------------------------------------------------------------------
    def _note(self, ref: Ref) -> None:
        head = self.doc[ref.end - 1]
        for t in self.doc[ref.start : ref.end]:
            if t.head.i < ref.start or t.head.i >= ref.end:
                head = t
        self.seen.append(
            _Seen(
                ref.actor_id,
                ref.start,
                self.sent_of[ref.start],
                100.0 + _role_weight(head),
                self._number(ref, head),
                head.dep_ in ("compound", "amod", "nmod"),
            )
        )

    def _number(self, ref: Ref, head: Token) -> str:
        """Grammatical number of a mention: a group or a plural noun is plural; a name in a plural form, both."""
        draft = self.drafts.get(ref.actor_id)
        if head.lower_ in THEY or (draft is not None and draft.kind == "group"):
            return "plur"
        plural = head.tag_ in ("NNS", "NNPS")
        if draft is not None and draft.kind != "person" and ref.basis in ("name", "alias"):
            return "both" if plural else "sing"  # "the Teamsters" may be "it" or "they"
        return "plur" if plural else "sing"

    def _scores(
        self,
        at: int,
        exclude: set[str] | None = None,
        keep: Callable[[_Seen], bool] | None = None,
        summed: bool = True,
    ) -> dict[str, float]:
        """Salience of each actor seen before token ``at``: per sentence its best mention, halved per sentence back
        and summed (or the best sentence only, unless ``summed``; only the mentions ``keep`` accepts when given)."""
        here = self.sent_of[at]
        best: dict[tuple[str, int], float] = {}
        for s in self.seen:
            if s.token >= at or here - s.sent > _WINDOW:
                continue
            if exclude and s.actor_id in exclude:
                continue
            if keep is not None and not keep(s):
                continue
            key = (s.actor_id, s.sent)
            best[key] = max(best.get(key, 0.0), s.weight + s.token / 1e6)  # the later mention wins a tie
        scores: dict[str, float] = {}
        for (actor, sent), weight in best.items():
            decayed = weight * 0.5 ** (here - sent)
            scores[actor] = scores.get(actor, 0.0) + decayed if summed else max(scores.get(actor, 0.0), decayed)
        for actor in self._clause_subjects(at):
            if actor in scores:
                scores[actor] += 120.0
        return scores

    def _actor_at(self, i: int) -> str | None:
        """The actor a token refers to: by name, or by a pronoun or description resolved before."""
        ref = self.covered.get(i)
        return ref.actor_id if ref is not None else self.resolved.get(i)

    def _matrix_subjects(self, tok: Token) -> set[str]:
        """Actors named as subjects of the verbs whose complement clauses contain tok."""
        out: set[str] = set()
        steps = 0
        while tok.head.i != tok.i and steps < 12:
            steps += 1
            if tok.dep_ == "ccomp":
                for k in tok.head.children:
                    actor = self._actor_at(k.i) if k.dep_ in ("nsubj", "nsubjpass") else None
                    if actor is not None:
                        out.add(actor)
            tok = tok.head
        return out

    def _clause_subjects(self, at: int) -> set[str]:
        """Actors named as the subject of a clause that contains token ``at`` (before it)."""
        out: set[str] = set()
        for i in self._clause_subject_tokens(at):
            actor = self._actor_at(i)
            if actor is not None:
                out.add(actor)
        return out

    def _clause_subject_tokens(self, at: int) -> set[int]:
        """Subjects (before token ``at``) of the clauses that contain it."""
        out: set[int] = set()
        tok = self.doc[at]
        seen = 0
        while tok.head.i != tok.i and seen < 8:
            tok = tok.head
            seen += 1
            out.update(k.i for k in tok.children if k.dep_ in ("nsubj", "nsubjpass") and k.i < at)
        return out

    # --- compatibility --------------------------------------------------------------------------
    def _person(self, actor: str) -> Draft | None:
        d = self.drafts.get(actor)
        return d if d is not None and d.kind == "person" else None

    def _holds(self, draft: Draft, noun: str) -> bool:
        if noun in draft.descriptors:
            return True
        if draft.entry is None:
            return False
        return any(noun in o.nouns for o in self.kb.offices_held(draft.entry.name, self.date))

    def _compatible(self, draft: Draft, gender: str | None, parties: set[str], noun: str | None) -> bool:
        if gender and draft.gender and draft.gender != gender:
            return False
        if parties and draft.party not in parties:
            return False
        if not noun or noun == "leader" or noun in self.lex.leader_nouns or noun in self.lex.epithets:
            return True  # an epithet ("the tycoon"); anyone may be "the leader" of something
        if self._holds(draft, noun):
            return True
        last = noun.replace("-", " ").split()[-1]
        if noun in self.office_nouns or noun in self.lex.role_nouns or last in self.lex.role_nouns:
            return False  # a position ("the spokesman", "the education secretary"): only a known holder
        # an occupation ("the journalist"): not someone known for something else
        return not draft.descriptors and not (draft.entry and self.kb.offices_held(draft.entry.name, self.date))

    def _best(self, at: int, gender: str | None, parties: set[str], noun: str | None, exclude: set[str]) -> str | None:
        scores = self._scores(at, exclude)
        if gender:  # a person of unknown gender is a weaker candidate for a gendered word
            for actor in scores:
                d = self._person(actor)
                if d is not None and d.gender is None:
                    scores[actor] *= 0.5
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        for actor, _ in ranked:
            draft = self._person(actor)
            if draft is not None and self._compatible(draft, gender, parties, noun):
                return actor
        return None

    # --- phrases --------------------------------------------------------------------------------
    def _noun_phrase(self, tok: Token) -> tuple[int, str] | None:
        """The start and folded text of the longest person noun ending at tok ("prime minister")."""
        if self.folded[tok.i] not in self.last_words:
            return None
        for back in (3, 2, 1, 0):
            start = tok.i - back
            if start < 0 or any(i in self.covered for i in range(start, tok.i + 1)):
                continue
            phrase = "".join(self.folded[j] + self.doc[j].whitespace_ for j in range(start, tok.i)) + self.folded[tok.i]
            if phrase in self.lex.person_nouns or phrase in self.office_nouns or phrase in self.lex.leader_nouns:
                return start, phrase
        return None

    def _modifiers(self, tok: Token, start: int) -> tuple[str | None, str | None, set[str], bool, int]:
        """Country, organization, parties, past-tense flag and the phrase start, from tok's dependents."""
        country = organization = None
        parties: set[str] = set()
        past = False
        first = start
        kids = list(tok.children)
        for k in kids:
            if k.dep_ == "prep" and k.lower_ == "of":
                kids.extend(k.children)
        for k in kids:
            if k.i in self.covered:
                ref = self.covered[k.i]
                d = self.drafts[ref.actor_id]
                if d.kind == "country" or (d.kind == "organization" and ref.basis == "metonym"):
                    country = country or d.country
                elif d.kind == "organization" and d.name in self.party_names:
                    parties.add(d.name)  # "the Labour leader": a party, not a body with offices
                elif d.kind == "organization":
                    organization = organization or d.name
                    country = country or None
                if k.i < tok.i:
                    first = min(first, ref.start)
                continue
            if k.i in self.names.demonyms:
                country = country or self.names.demonyms[k.i]
            low = fold(k.text)
            if low in self.kb.party_words and k.i < tok.i:
                parties |= self.kb.parties_for(low)
            if low in _PAST or low.startswith("ex-"):
                past = True
            if k.i < tok.i and k.dep_ in ("det", "amod", "compound", "poss", "nmod", "advmod", "npadvmod"):
                first = min(first, k.left_edge.i if k.dep_ != "det" else k.i)
        return country, organization, parties, past, first

    def _determined(self, tok: Token) -> bool:
        return any(k.dep_ in ("det", "poss") and (k.lower_ in _DEFINITE or k.dep_ == "poss") for k in tok.children)

    def _appos_name(self, tok: Token) -> Ref | None:
        for k in tok.children:
            if k.dep_ == "appos" and k.i in self.covered:
                return self.covered[k.i]
        if tok.dep_ == "appos" and tok.head.i in self.covered:
            return self.covered[tok.head.i]
        return None

    def _office_holder(
        self, noun: str, country: str | None, organization: str | None, parties: set[str], at: int
    ) -> tuple[Entry, str] | None:
        if self.date is None:
            return None
        holders: list[Entry] = []
        for word in dict.fromkeys((noun, self.lex.leader_nouns.get(noun, noun))):  # "chief", then "leader"
            if organization is not None:
                holders = self.kb.holders(word, self.date, organization=organization)
            else:
                holders = self.kb.holders(word, self.date, country=country)
            if holders:
                noun = word
                break
        if parties:
            holders = [h for h in holders if h.party in parties]
        if not holders:
            return None
        scores = self._scores(at)
        entry = max(holders, key=lambda e: (scores.get(e.id, 0.0), -holders.index(e)))
        offices = [o.title for o in self.kb.offices_held(entry.name, self.date) if noun in o.nouns]
        return entry, f"{offices[0] if offices else noun} on {self.date}"

    def _party_holder(self, parties: set[str], noun: str) -> tuple[Entry, str] | None:
        """The office holder of one of the parties on the date ("the Republican leader" with no antecedent)."""
        if self.date is None or not parties:
            return None
        noun = self.lex.leader_nouns.get(noun, noun)
        for office in self.kb.offices.values():
            if noun not in office.nouns:
                continue
            for t in self.kb.tenures:
                if t.office_id == office.id and t.valid_on(self.date):
                    entry = self.kb.lookup(t.person)
                    if entry is not None and entry.party in parties:
                        return entry, f"{office.title} on {self.date}, of the {entry.party}"
        return None

    def _description(self, tok: Token) -> Ref | None:
        """A role phrase or description headed by tok, resolved; None when tok heads none."""
        if tok.i in self.covered or tok.pos_ not in ("NOUN", "PROPN", "ADJ") or tok.tag_ in ("NNS", "NNPS"):
            return None
        if tok.dep_ in ("compound", "amod") or (
            tok.i + 1 < len(self.doc)
            and (tok.i + 1) in self.covered
            and self.doc[tok.i + 1].head.i == tok.i + 1
            and tok.head.i == tok.i + 1
        ):
            return None  # a title before a name ("President Putin") or a modifier
        low = fold(tok.text)
        found = self._noun_phrase(tok)
        party_only = found is None and low in self.kb.party_words and tok.text[:1].isupper()
        if found is None and not party_only:
            return None
        noun_start, noun = found if found is not None else (tok.i, "")
        end = tok.i + 1
        for length in (3, 2):  # "secretary-general", "president-elect": the head comes first
            stop = tok.i + length
            if stop <= len(self.doc) and not any(i in self.covered for i in range(tok.i, stop)):
                longer = "".join(self.folded[j] + self.doc[j].whitespace_ for j in range(noun_start, stop - 1))
                longer += self.folded[stop - 1]
                if longer in self.office_nouns or longer in self.lex.person_nouns:
                    noun, end = longer, stop
                    break
        country, organization, parties, past, first = self._modifiers(tok, noun_start)
        if tok.text[:1].isupper() and low in self.kb.party_words:
            parties |= self.kb.parties_for(low)  # "the Republican": the head word names the party
        if any(fold(k.text) in _GENERIC for k in tok.children):
            return None  # "the average voter" is nobody in particular
        if any(
            k.i < tok.i and k.tag_ == "NNP" and k.i not in self.covered and fold(k.text) not in self.kb.party_words
            for k in tok.children
        ):
            return None  # "the Vermont senator": a qualifier this stage cannot check; better no link than a guess
        has_place = country is not None or organization is not None
        if not has_place and not self._determined(tok):
            return None
        start = first
        self._head_noun = noun
        gender = self.lex.gender_of_noun(noun) if noun else None
        appos = self._appos_name(tok)
        if appos is not None:
            self._give_country(appos.actor_id, country)
            return Ref(
                start,
                end,
                appos.actor_id,
                "role" if noun in self.office_nouns else "description",
                "in apposition to the name",
            )
        if not has_place and any(k.dep_ == "poss" for k in tok.children):
            return None  # "the prime minister's spokesman", "his teacher": someone else, not named so far
        if has_place and noun and not past:
            hit = self._office_holder(noun, country, organization, parties, start)
            if hit is not None:
                entry, why = hit
                self._ensure(entry)
                return Ref(start, end, entry.id, "role", why)
            if noun in self.office_nouns or noun in self.lex.leader_nouns:
                return None  # an office the knowledge base has no holder for: leave it unresolved
        if has_place:
            return None
        # a name-like description is not bound by the subject of a verb whose complement holds it
        # (binding principle C): in "X repeated that the tycoon had signed", the tycoon is not X
        exclude = self._coarguments(tok) | self._matrix_subjects(tok)
        actor = self._best(start, gender, parties, noun or None, exclude)
        if actor is not None:
            party_word = noun in self.kb.party_words
            what = ("a member" if party_word else f"the {noun or 'person'}") + (
                f" of the {', '.join(sorted(parties))}" if parties else ""
            )
            return Ref(start, end, actor, "description", f"most salient person compatible with {what}")
        if parties and not past:
            hit = self._party_holder(parties, noun or "leader")
            if hit is not None:
                entry, why = hit
                self._ensure(entry)
                return Ref(start, end, entry.id, "role", why)
        return None

    def _body(self, tok: Token) -> Ref | None:
        """ "the ministry", "the committee": the most salient organization named before it with that word in
        its name ("the Defence Ministry", "the Ethics Committee"); "the rebels": the most salient group so
        named ("Sudanese rebels"); None otherwise."""
        low = fold(tok.text)
        plural = tok.tag_ == "NNS"
        if (
            tok.pos_ != "NOUN"
            or tok.tag_ not in ("NN", "NNS")
            or tok.i in self.covered
            or (not plural and low not in self.lex.body_nouns)
            or (plural and fold(tok.lemma_) not in self.lex.group_nouns)
            or not any(k.lower_ == "the" and k.dep_ == "det" for k in tok.children)
            or any(k.dep_ in ("amod", "compound", "poss", "nmod") for k in tok.children)
            or any(k.dep_ == "prep" and k.lower_ == "of" for k in tok.children)
        ):
            return None
        scores = {
            actor: score
            for actor, score in self._scores(tok.i, summed=False).items()
            if (draft := self.drafts.get(actor)) is not None
            and draft.kind == ("group" if plural else "organization")
            and low in fold(draft.name).split()
        }
        if not scores:
            return None
        ranked = sorted(scores.values(), reverse=True)
        if len(ranked) > 1 and ranked[1] >= _CLOSE_RIVAL * ranked[0]:
            return None  # two such bodies about as salient: no guess
        actor = max(scores.items(), key=lambda kv: kv[1])[0]
        start = next(k.i for k in tok.children if k.lower_ == "the")
        what = "group" if plural else "organization"
        return Ref(start, tok.i + 1, actor, "description", f"most salient {what} named with '{low}'")

    def _give_country(self, actor: str, country: str | None) -> None:
        """A country said of a person in apposition ("his Japanese counterpart, X") when none is known."""
        draft = self._person(actor)
        if draft is not None and country and draft.country is None:
            draft.country = country

    def _appositive(self, tok: Token) -> Ref | None:
        """A determined singular person or relation noun in apposition to a person's name ("his Japanese
        counterpart Kenji Sato", "Sato, her successor"): a description of that person, whose country it may
        tell."""
        if tok.i in self.covered or tok.tag_ != "NN" or tok.dep_ in ("compound", "amod", "poss"):
            return None
        low = fold(tok.lemma_)
        if low not in self.lex.relational_nouns and low not in self.lex.person_nouns:
            return None
        if not any(k.dep_ in ("det", "poss") for k in tok.children):
            return None
        appos = self._appos_name(tok)
        if appos is None or self._person(appos.actor_id) is None:
            return None
        country, _, _, _, first = self._modifiers(tok, tok.i)
        self._give_country(appos.actor_id, country)
        return Ref(first, tok.i + 1, appos.actor_id, "description", "in apposition to the name")

    def _plural(self, tok: Token) -> list[Ref]:
        """ "the two leaders", "both presidents": the N most salient compatible people before the phrase."""
        if tok.tag_ != "NNS" or tok.i in self.covered:
            return []
        count = 0
        first = tok.i
        for k in tok.children:
            if k.i < tok.i and k.dep_ in ("nummod", "det", "predet") and k.lower_ in _COUNTS:
                count = _COUNTS[k.lower_]
                first = min(first, k.i)
            elif k.i < tok.i and k.dep_ == "det":
                first = min(first, k.i)
        noun = fold(tok.lemma_)
        if count < 2 or noun not in self.lex.person_nouns:
            return []
        groups = [g for g in self._groups(first) if len(g) == count]
        why = f"the last group of {count} people named before it"
        if groups:
            chosen = groups[-1]
        else:  # "X said she had spoken with her counterpart, Y ... the two ministers": the salient pair
            chosen = self._salient_people(first, count)
            why = f"the {count} most salient people of the sentences before it"
            if not chosen:
                return []
        names = " and ".join(self.drafts[a].name for a in chosen)
        return [Ref(first, tok.i + 1, a, "description", f"{why}: {names}") for a in chosen]

    def _salient_people(self, at: int, count: int) -> list[str]:
        """Exactly ``count`` people named in this sentence or the one before, when no others are."""
        here = self.sent_of[at]
        people = {
            s.actor_id
            for s in self.seen
            if s.token < at and here - s.sent <= 1 and self._person(s.actor_id) is not None
        }
        return (
            sorted(people, key=lambda a: min(s.token for s in self.seen if s.actor_id == a))
            if len(people) == count
            else []
        )

    def _groups(self, before: int) -> list[list[str]]:
        """People named together before a token, in text order: in one plural phrase or a coordination."""
        out: list[list[str]] = []
        for tok in self.doc[:before]:
            if tok.tag_ in ("NNS", "NNPS") and tok.i not in self.covered:
                members = [t for t in tok.subtree if t.i < before]
            elif any(k.dep_ == "conj" for k in tok.children) and tok.i in self.covered:
                members = [tok, *(k for k in tok.children if k.dep_ == "conj")]
            else:
                continue
            actors: list[str] = []
            for t in members:
                ref = self.covered.get(t.i)
                if ref is not None and self._person(ref.actor_id) is not None and ref.actor_id not in actors:
                    actors.append(ref.actor_id)
            if len(actors) >= 2:
                out.append(actors)
        return out

    def _coargument_tokens(self, tok: Token) -> list[int]:
        """Heads of the other arguments of tok's verb."""
        if tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "iobj", "pobj"):
            return []
        verb = tok.head if tok.dep_ != "pobj" else tok.head.head
        return [k.i for k in verb.children if k.i != tok.i and k.dep_ in ("nsubj", "nsubjpass", "dobj", "iobj")]

    def _coarguments(self, tok: Token) -> set[str]:
        """Actors named as other arguments of tok's verb (a pronoun or description cannot be them)."""
        out: set[str] = set()
        for i in self._coargument_tokens(tok):
            actor = self._actor_at(i)
            if actor is not None:
                out.add(actor)
        return out

    def _pronoun(self, tok: Token) -> Ref | None:
        low = tok.lower_
        gender = _PRONOUNS.get(low)
        if gender is None or tok.pos_ != "PRON" or tok.i in self.covered:
            return None
        if low in _REFLEXIVE:
            verb = tok.head
            for k in verb.children:
                subject = self._actor_at(k.i) if k.dep_ in ("nsubj", "nsubjpass") else None
                if subject:
                    draft = self._person(subject)
                    if draft is not None and self._compatible(draft, gender, set(), None):
                        return Ref(tok.i, tok.i + 1, subject, "pronoun", "reflexive: the subject of its verb")
        actor = self._best(tok.i, gender, set(), None, self._coarguments(tok))
        if actor is None:
            return None
        return Ref(
            tok.i,
            tok.i + 1,
            actor,
            "pronoun",
            f"most salient {'male' if gender == 'm' else 'female'} or unknown-gender person before it",
        )

    def _neuter(self, tok: Token) -> list[Ref]:
        """ "it" for a body or a country; "they" for a group, a body named in a plural form, or actors named
        together (one mention each). Empty when a phrase that names no actor is the better antecedent."""
        low = tok.lower_
        plural = low in THEY
        if (not plural and low not in IT) or tok.pos_ != "PRON" or tok.i in self.covered:
            return []
        if not plural and pleonastic(tok):
            return []
        kinds = ("organization", "group") if plural else ("organization", "country")
        if low in REFLEXIVE:
            for k in tok.head.children:
                subject = self._actor_at(k.i) if k.dep_ in ("nsubj", "nsubjpass") else None
                draft = self.drafts.get(subject) if subject else None
                if subject and draft is not None and draft.kind in kinds:
                    return [Ref(tok.i, tok.i + 1, subject, "pronoun", "reflexive: the subject of its verb")]
            return []
        exclude = self._coarguments(tok)
        # the content a pronoun subject reports ('"... Congress has failed ...," it read') is not who speaks
        reported = {
            t.i
            for k in tok.head.children
            if k.dep_ == "ccomp" and k.i < tok.i and tok.dep_ == "nsubj"
            for t in k.subtree
        }
        others = set(self._coargument_tokens(tok)) | reported
        numbers = ("plur", "both") if plural else ("sing", "both")
        scores = {
            actor: score
            # the best mention only: a phrase that names no actor ("the firm") has no chain of mentions to sum
            for actor, score in self._scores(
                tok.i,
                exclude,
                lambda s: s.number in numbers and not s.modifier and s.token not in reported,
                summed=False,
            ).items()
            if (draft := self.drafts.get(actor)) is not None and draft.kind in kinds
        }
        ranked = sorted(scores.values(), reverse=True)
        actor, actor_score = max(scores.items(), key=lambda kv: kv[1], default=("", 0.0))
        if len(ranked) > 1 and ranked[1] >= _CLOSE_RIVAL * ranked[0]:
            actor = ""  # two bodies or countries about as salient ("X is Y's partner. According to its data"): abstain
        sets = self._sets_before(tok.i) if plural else []
        together, together_score = self._together(tok.i, sets, exclude, others)
        thing, thing_score = self._rival(tok.i, plural, others | {head for head, _ in sets})
        if thing and thing_score >= max(actor_score, together_score):
            self._chains.append((tok.i, plural, thing))  # a later "its" may continue this one
            return []
        if together and together_score > actor_score:
            names = " and ".join(self.drafts[a].name for a in together)
            return [
                Ref(tok.i, tok.i + 1, a, "pronoun", f"the actors named together before it: {names}") for a in together
            ]
        if not actor:
            return []
        what = "group or body named in a plural form" if plural else "organization or country"
        return [Ref(tok.i, tok.i + 1, actor, "pronoun", f"most salient {what} before it")]

    def _sets_before(self, at: int) -> list[tuple[int, list[str]]]:
        """Actors named or referred to together before token ``at``, each with its head token: "Smith and
        Jones", "senators Smith and Jones", "the two leaders", a "they" resolved so."""
        sets = list(self._sets)
        for tok in self.doc[self.sent_start[max(0, self.sent_of[at] - _WINDOW)] : at]:
            if tok.dep_ == "conj":
                continue
            if tok.i in self.covered:
                members = [tok.i, *_conjuncts(tok)]
            elif tok.tag_ in ("NNS", "NNPS"):
                named = [k for k in tok.children if k.dep_ in ("appos", "compound") and k.i in self.covered]
                members = [i for k in named for i in (k.i, *_conjuncts(k))]
            else:
                continue
            actors = list(dict.fromkeys(self.covered[i].actor_id for i in members if i < at and i in self.covered))
            if len(actors) >= 2:
                sets.append((tok.i, actors))
        return sets

    def _together(
        self, at: int, sets: list[tuple[int, list[str]]], exclude: set[str], others: set[int]
    ) -> tuple[list[str], float]:
        """The most salient set of actors referred to together before token ``at``, and its score."""
        here = self.sent_of[at]
        subjects = self._clause_subject_tokens(at)
        best: tuple[list[str], float] = ([], 0.0)
        for head, actors in sets:
            back = here - self.sent_of[head]
            if head >= at or back > _WINDOW or head in others or exclude.intersection(actors):
                continue
            score = (100.0 + _role_weight(self.doc[head])) * 0.5**back + (120.0 if head in subjects else 0.0)
            if score > best[1]:
                best = (actors, score)
        return best

    def _rival(self, at: int, plural: bool, others: set[int]) -> tuple[str, float]:
        """The most salient noun phrase of the pronoun's number that names no actor, by its head word, and
        its score (never a person for "it"; never one of ``others``: co-arguments, phrases of named actors)."""
        if self._phrases is None:
            self._phrases = phrases(self.doc, self.lex.person_nouns)
        here = self.sent_of[at]
        subjects = self._clause_subject_tokens(at)
        best: dict[tuple[str, int], float] = {}
        candidates: list[tuple[int, str]] = [
            (p.head, self.doc[p.head].lemma_.lower())
            for p in self._phrases
            if p.plural == plural and (plural or not p.person)
        ]
        candidates += [(i, key) for i, number, key in self._chains if number == plural]
        for head, key in candidates:
            back = here - self.sent_of[head]
            if head >= at or back > _WINDOW or head in others or head in self.covered or head in self.resolved:
                continue
            if self.doc[head].is_ancestor(self.doc[at]):
                continue  # "the money it needs": a phrase is not the antecedent of a pronoun inside it
            weight = (100.0 + _role_weight(self.doc[head])) * 0.5**back + (120.0 if head in subjects else 0.0)
            best[(key, self.sent_of[head])] = max(best.get((key, self.sent_of[head]), 0.0), weight)
        return max(((key, weight) for (key, _), weight in best.items()), key=lambda kv: kv[1], default=("", 0.0))

    def _ensure(self, entry: Entry) -> None:
        if entry.id not in self.drafts:
            self.drafts[entry.id] = Draft(
                entry.id, entry.name, entry.kind, entry.country, gender=entry.gender, party=entry.party, entry=entry
            )

    def _describe(self, ref: Ref) -> None:
        """Remember the nouns a text uses for a person ("President Xi", "the minister") for later phrases."""
        draft = self.drafts.get(ref.actor_id)
        if draft is None or draft.kind != "person":
            return
        i = ref.start - 1
        while i >= 0 and ref.start - i <= 4 and i not in self.covered:
            low = fold(self.doc[i].text)
            if low in self.lex.person_nouns or low in self.office_nouns:
                draft.descriptors.add(self.lex.leader_nouns.get(low, low))
            elif self.doc[i].pos_ not in ("ADJ", "PROPN", "DET", "PUNCT"):
                break
            i -= 1

    def run(self) -> list[Ref]:
        out: list[Ref] = []
        by_start = {r.start: r for r in self.names.refs}
        i = 0
        while i < len(self.doc):
            ref = by_start.get(i)
            if ref is not None:
                self._describe(ref)
                self._note(ref)
                out.append(ref)
                i = ref.end
                continue
            tok = self.doc[i]
            many = self._plural(tok) or self._neuter(tok)
            if many:
                for member in many:
                    self._note(member)
                    out.append(member)
                if len(many) > 1:
                    self._sets.append((i, [m.actor_id for m in many]))
                self.resolved[i] = many[0].actor_id if len(many) == 1 else ""  # a group is nobody in particular
                i += 1
                continue
            found = self._pronoun(tok) or self._description(tok) or self._appositive(tok) or self._body(tok)
            if found is not None and found.basis in ("role", "description"):
                d = self.drafts.get(found.actor_id)
                if d is not None and self._head_noun:
                    d.descriptors.add(self._head_noun)
            if found is not None:
                # a description's words before its head were passed over; keep the mention whole
                out = [r for r in out if r.end <= found.start or r.basis not in ("description", "role")]
                self._note(found)
                out.append(found)
                self.resolved[tok.i] = found.actor_id
            i += 1
        return out


def _conjuncts(tok: Token) -> list[int]:
    """The tokens coordinated with tok ("Smith, Jones and Brown"), following conj links only."""
    out: list[int] = []
    todo = [tok]
    while todo and len(out) < 12:
        for k in todo.pop().children:
            if k.dep_ == "conj":
                out.append(k.i)
                todo.append(k)
    return out


_LAST_WORDS: dict[tuple[int, int], frozenset[str]] = {}


def _last_words(lex: ActorLexicon, office_nouns: frozenset[str]) -> frozenset[str]:
    """Last words of every person noun and office noun (a cheap first test for a description head)."""
    key = (id(lex), hash(office_nouns))
    if key not in _LAST_WORDS:
        phrases = lex.person_nouns | office_nouns | frozenset(lex.leader_nouns)
        _LAST_WORDS[key] = frozenset(p.replace("-", " ").split()[-1] for p in phrases) | frozenset(
            p.split()[-1] for p in phrases
        )
    return _LAST_WORDS[key]


def resolve(doc: Doc, kb: KnowledgeBase, lex: ActorLexicon, names: Names, date: str | None) -> list[Ref]:
    """Every reference of the text in order: names, then resolved roles, descriptions and pronouns."""
    return Resolver(doc, kb, lex, names, date).run()
