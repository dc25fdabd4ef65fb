"""Names in a text, linked to actors: knowledge-base matches and spaCy entities, one actor per entity.

Steps:

1. Knowledge-base names, aliases and metonyms (the gazetteer), with demonyms set aside.
2. spaCy entities (PERSON, ORG, FAC, GPE, LOC) cleaned of titles, honorifics, brackets and
   lower-case words; an entity that is a knowledge-base name (or a spelling of one: "Dmitri" for
   "Dmitry") defers to it, one that is not becomes a new person or organization actor.
3. A first name written just before a knowledge-base surname joins it ("Volodímir] Zelensky").
4. A short name ("Xi", "Smith") links to the longer name in the text that it is part of.
5. Countries and genders of new actors from the words before them ("Ukrainian President X", "Mr X").
6. Groups: a demonym before a plural group noun ("Chinese banks"; coordinated demonyms make one
   group each); a plural demonym used as a noun ("the Russians") names the country; a plural group
   noun placed by a country ("rebels in Sudan") is a group of that country.

People first: a name the parser calls a body is a person when it reads as one (a known given name
first, or the subject of a speech verb a personal pronoun takes up, and no word of bodies), so the
same name gets the same id in every article; a capitalised known given name before capitalised proper
nouns is a person the parser missed; a new name that is a known person's given name and surname
("Carlos Menem") or an office title and a known surname ("President Mugabe") is that person; and a
known person's bare surname is the person of this text named in full with it ("Ortega" after "Carla
Ortega").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from onrecord.extract.actor_gazetteer import KbMatch
from onrecord.extract.actor_lexicon import ActorLexicon
from onrecord.knowledge.base import Entry, KnowledgeBase
from onrecord.knowledge.ids import actor_id, fold
from onrecord.model import ActorKind

_LABEL_KIND: dict[str, ActorKind] = {"PERSON": "person", "ORG": "organization", "FAC": "organization"}
_NAME_PARTICLES = frozenset(
    [
        "al",
        "el",
        "de",
        "da",
        "di",
        "do",
        "dos",
        "das",
        "del",
        "della",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "bin",
        "ibn",
        "bint",
        "abu",
        "le",
        "la",
        "du",
    ]
)
_CLAUSE_PUNCT = frozenset([",", ";", ":", ".", "!", "?", "—", "–"])
_PUNCT_EDGE = "[](){}\"'“”‘’«»,;:.-–—"


@dataclass
class Draft:
    """An actor being built from one article."""

    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    aliases: dict[str, None] = field(default_factory=dict)
    gender: str | None = None
    party: str | None = None
    entry: Entry | None = None
    descriptors: set[str] = field(default_factory=set)  # folded nouns the text used for this actor


@dataclass
class Ref:
    """A stretch of tokens that refers to an actor."""

    start: int
    end: int
    actor_id: str
    basis: str
    note: str = ""


@dataclass
class Names:
    refs: list[Ref]
    drafts: dict[str, Draft]
    demonyms: dict[int, str]  # token index of an unused demonym -> country alpha-3
    places: dict[int, str]  # token index inside a country or metonym ref -> alpha-3


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _name_tokens(entry: Entry) -> set[str]:
    words: set[str] = set()
    for form in (entry.name, *entry.aliases):
        words.update(fold(form).replace("-", " ").split())
    return words


def _fits(entry: Entry, extra: list[str]) -> bool:
    """True when extra name words ("Dmitri", "Vladimir V.") are spellings of the entry's own words."""
    known = _name_tokens(entry)
    for word in extra:
        w = fold(word).rstrip(".")
        if not w or w in known or any(k.startswith(w) and len(w) == 1 for k in known):
            continue
        if not any(len(k) > 3 and _edit_distance(w, k) <= 2 for k in known):
            return False
    return True


def _name_key(name: str) -> list[str]:
    """A person name's words without particles, article prefixes and initials ("Omar al-Bashir" -> omar bashir)."""
    out: list[str] = []
    for word in fold(name).replace("-", " ").split():
        w = word.strip(".,'")
        if w and w not in _NAME_PARTICLES and len(w) > 1:
            out.append(w)
    return out


@dataclass(frozen=True)
class _PersonIndex:
    ends: dict[tuple[str, str], set[str]]  # (given name, surname) -> entry ids
    surnames: dict[str, set[str]]  # surname -> entry ids


_PERSON_INDEX: dict[int, tuple[KnowledgeBase, _PersonIndex]] = {}


def person_index(kb: KnowledgeBase) -> _PersonIndex:
    """Known people by their first and last name words, built once per knowledge base."""
    hit = _PERSON_INDEX.get(id(kb))
    if hit is None or hit[0] is not kb:
        ends: dict[tuple[str, str], set[str]] = {}
        surnames: dict[str, set[str]] = {}
        for entry in kb.entries.values():
            if entry.kind != "person":
                continue
            for form in (entry.name, *entry.aliases):
                words = _name_key(form)
                if len(words) >= 2:
                    ends.setdefault((words[0], words[-1]), set()).add(entry.id)
                if words:
                    surnames.setdefault(words[-1], set()).add(entry.id)  # "Suharto" has no given name
        hit = (kb, _PersonIndex(ends, surnames))
        _PERSON_INDEX[id(kb)] = hit
    return hit[1]


class NameFinder:
    def __init__(self, doc: Doc, kb: KnowledgeBase, lex: ActorLexicon, matches: list[KbMatch]) -> None:
        self.doc, self.kb, self.lex = doc, kb, lex
        self.matches = [m for m in matches if m.basis != "demonym"]
        self.demonym_matches = [m for m in matches if m.basis == "demonym"]
        self.drafts: dict[str, Draft] = {}
        self.refs: list[Ref] = []
        self._pending: list[tuple[str, str]] = []  # (full-name actor id, short name seen before it)
        self._inner_country: dict[tuple[int, int], str | None] = {}  # a new body's country named inside it
        self.unparsed: set[tuple[int, int]] = set()  # names found by given name, not by the parser
        self._offices: frozenset[str] | None = None
        self._known_as: dict[str, str] = {}  # id a new name would get -> the known person it is

    # --- drafts ---------------------------------------------------------------------------------
    def draft_for_entry(self, entry: Entry) -> Draft:
        draft = self.drafts.get(entry.id)
        if draft is None:
            gender = entry.gender or (self.lex.gender_of_name(entry.name) if entry.kind == "person" else None)
            draft = Draft(
                entry.id, entry.name, entry.kind, entry.country, gender=gender, party=entry.party, entry=entry
            )
            self.drafts[entry.id] = draft
        return draft

    def draft_new(self, kind: ActorKind, name: str) -> Draft:
        ident = actor_id(kind, name)
        draft = self.drafts.get(ident)
        if draft is None:
            draft = Draft(ident, name, kind)
            self.drafts[ident] = draft
        return draft

    # --- cleaning -------------------------------------------------------------------------------
    def _is_title(self, token: Token) -> bool:
        low = fold(token.text)
        return low in self.lex.honorifics or low in self.lex.person_nouns or low in ("the", "a", "an")

    def clean(self, ent: Span) -> tuple[int, int]:
        """The entity's name tokens: without titles, determiners, brackets, possessives and, for people,
        lower-case words that are not name particles."""
        start, end = ent.start, ent.end
        doc = self.doc
        person = ent.label_ == "PERSON"
        while start < end and (
            self._is_title(doc[start])
            or doc[start].text.strip(_PUNCT_EDGE) == ""
            or (person and doc[start].text[:1].islower() and fold(doc[start].text) not in _NAME_PARTICLES)
            or (doc[start].is_stop and doc[start].text.islower())  # "of Wales"
            or (person and fold(doc[start].text) in self.kb.demonyms())
            or (person and fold(doc[start].text) in self.kb.party_words)
        ):
            start += 1
        while end > start and (
            doc[end - 1].text.strip(_PUNCT_EDGE) == ""
            or doc[end - 1].tag_ == "POS"
            or (person and self._is_title(doc[end - 1]))
        ):
            end -= 1
        return start, end

    # --- steps ----------------------------------------------------------------------------------
    def _overlapping(self, start: int, end: int) -> list[KbMatch]:
        return [m for m in self.matches if m.start < end and start < m.end]

    def _next_word(self, i: int) -> int:
        while i < len(self.doc) and self.doc[i].text.strip(_PUNCT_EDGE) == "":
            i += 1
        return i

    def entities(self) -> list[tuple[int, int, ActorKind]]:
        """New actors from spaCy entities; adjusts the knowledge-base matches they contain."""
        out: list[tuple[int, int, ActorKind]] = []
        taken = {i for m in self.matches for i in range(m.start, m.end)}
        for start, end, kind in self._entities():
            before = self.doc[start - 1] if start > 0 else None
            if (
                before is not None
                and before.i not in taken
                and before.text[:1].isupper()
                and fold(before.text) in self.lex.first_names
            ):
                start, kind = start - 1, "person"  # a given name the parser left out ("Jan" read as a date)
                before = self.doc[start - 1] if start > 0 else None
            if kind == "organization" and before is not None:
                low = fold(before.text)
                if self.lex.honorifics.get(low) or low in self.lex.person_nouns:
                    kind = "person"  # "Ms Kamau", "the billionaire Novak" tagged as a body
            out.append((start, end, kind))
        for n, (start, end, kind) in enumerate(out):
            if kind == "organization" and self._person_looking(start, end):
                out[n] = (start, end, "person")
        out.extend(self._unparsed_names(out))
        persons = [set(self.name_text(s, e).split()) for s, e, k in out if k == "person"]
        persons += [
            set(fold(self.kb.entries[m.entry_id].name).split())
            for m in self.matches
            if self.kb.entries[m.entry_id].kind == "person"
        ]
        for n, (start, end, kind) in enumerate(out):
            words = set(self.name_text(start, end).split())
            if kind == "organization" and any(words < p or words == p for p in persons):
                out[n] = (start, end, "person")  # a person's name seen elsewhere, tagged as a body here
        out.extend(self._surname_aliases(out))
        return out

    def _person_looking(self, start: int, end: int) -> bool:
        """A name the parser took for a body that reads as a person's: two to four capitalised words,
        none a word of bodies ("Post", "Bank"), and a known given name first, or the subject of a
        speech verb that a personal pronoun then takes up."""
        words = [t for t in self.doc[start:end] if t.text.strip(_PUNCT_EDGE)]
        if not 2 <= len(words) <= 4 or not all(t.text[:1].isupper() or fold(t.text) in _NAME_PARTICLES for t in words):
            return False
        if any(fold(t.text) in self.lex.org_words or t.text.isupper() for t in words):
            return False
        if self.lex.is_given_name(words[0].text):
            return True
        head = self.doc[end - 1]
        if head.dep_ == "nsubj" and fold(head.head.lemma_) in self.lex.speech_verbs:
            sent = head.sent
            follow = self.doc[head.i + 1 : min(len(self.doc), sent.end + 30)]
            return any(t.lower_ in ("he", "she", "his", "her") and t.pos_ == "PRON" for t in follow)
        return False

    def _unparsed_names(self, found: list[tuple[int, int, ActorKind]]) -> list[tuple[int, int, ActorKind]]:
        """People the parser missed: a capitalised known given name before one to three capitalised
        proper nouns that no entity or knowledge-base name covers ("Mateo Vidal said")."""
        doc = self.doc
        taken = {i for m in self.matches for i in range(m.start, m.end)}
        taken.update(i for s, e, _ in found for i in range(s, e))
        taken.update(i for m in self.demonym_matches for i in range(m.start, m.end))
        out: list[tuple[int, int, ActorKind]] = []
        i, n = 0, len(doc)
        while i < n - 1:
            tok = doc[i]
            low = fold(tok.text)
            if (
                i in taken
                or low not in self.lex.first_names
                or not tok.text[:1].isupper()
                or tok.text.isupper()
                or tok.tag_ != "NNP"
            ):
                i += 1
                continue
            end = i + 1
            while end < n and end - i <= 3 and self._surname_word(doc[end], taken):
                end += 1
            if end > i + 1:
                out.append((i, end, "person"))
                self.unparsed.add((i, end))
                taken.update(range(i, end))
            i = end
        return out

    def _surname_word(self, tok: Token, taken: set[int]) -> bool:
        low = fold(tok.text)
        return (
            tok.i not in taken
            and tok.text[:1].isupper()
            and not tok.text.isupper()
            and tok.text.isalpha()
            and tok.tag_ in ("NNP", "NNPS")
            and tok.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "NORP")
            and low not in self.lex.honorifics
            and low not in self.lex.person_nouns
            and low not in self.lex.org_words
            and low not in self.lex.common_words
        )

    def _surname_aliases(self, found: list[tuple[int, int, ActorKind]]) -> list[tuple[int, int, ActorKind]]:
        """A one-word knowledge-base person name ("Ortega") that is the surname of a person named in full
        in this text ("Carla Ortega") is that person, unless the text also names the known one in full."""
        surnames = {self.name_text(s, e).split()[-1] for s, e, k in found if k == "person" and e - s >= 2}
        out: list[tuple[int, int, ActorKind]] = []
        for m in list(self.matches):
            entry = self.kb.entries[m.entry_id]
            if entry.kind != "person" or m.end - m.start != 1 or self.name_text(m.start, m.end) not in surnames:
                continue
            if any(o.entry_id == m.entry_id and o.end - o.start > 1 for o in self.matches):
                continue
            self._drop(m)
            out.append((m.start, m.end, "person"))
        return out

    def name_text(self, start: int, end: int, *, folded: bool = True) -> str:
        """The name's words without brackets and stray punctuation ("Wanjiru] Kamau" -> "Wanjiru Kamau")."""
        words = [t.text for t in self.doc[start:end] if t.text.strip(_PUNCT_EDGE)]
        text = " ".join(words)
        return fold(text) if folded else text

    def _entities(self) -> list[tuple[int, int, ActorKind]]:
        out: list[tuple[int, int, ActorKind]] = []
        for ent in self.doc.ents:
            if ent.label_ not in ("PERSON", "ORG", "FAC", "GPE", "LOC"):
                continue
            start, end = self.clean(ent)
            if start >= end:
                continue
            inner = self._overlapping(start, end)
            if any(m.start <= start and end <= m.end for m in inner):
                continue  # the whole name is a knowledge-base name
            kind = _LABEL_KIND.get(ent.label_)
            if kind is None:
                continue  # a place the knowledge base does not know is not an actor
            words = [t.text for t in self.doc[start:end]]
            if not any(w[:1].isupper() for w in words) or any(ch.isdigit() for w in words for ch in w):
                continue
            if kind == "organization" and self._is_title_part(end):
                continue
            same = [m for m in inner if self.kb.entries[m.entry_id].kind == kind or kind == "organization"]
            if kind == "person":
                follow = self._next_word(end)
                joined = [m for m in self.matches if m.start == follow and self.kb.entries[m.entry_id].kind == "person"]
                if joined and not inner and all(w[:1].isupper() for w in words):
                    m = joined[0]
                    if _fits(self.kb.entries[m.entry_id], words):
                        self._replace(m, KbMatch(start, m.end, m.entry_id, "alias"))
                        continue
                    out.append((start, m.end, "person"))
                    self._drop(m)
                    continue
                persons = [m for m in same if self.kb.entries[m.entry_id].kind == "person"]
                if persons:
                    m = persons[0]
                    extra = [t.text for t in self.doc[start:end] if not (m.start <= t.i < m.end)]
                    if _fits(self.kb.entries[m.entry_id], extra):
                        self._replace(m, KbMatch(start, end, m.entry_id, "alias"))
                        for other in inner:
                            if other is not m:
                                self._drop(other)
                        continue
            elif [m for m in same if self.kb.entries[m.entry_id].kind == "organization"]:
                continue  # "the Kremlin website": the knowledge base names the body
            for m in [*inner, *(d for d in self.demonym_matches if start <= d.start and d.end <= end)]:
                entry = self.kb.entries[m.entry_id]
                if entry.kind == "country" and (start, end) not in self._inner_country:
                    self._inner_country[(start, end)] = entry.country  # "Bank of China", "British Airways"
            for m in inner:
                self._drop(m)
            out.append((start, end, kind))
        return out

    def _known_person(self, start: int, end: int) -> Entry | None:
        """The one known person a new name is a variant of: same given name and surname ("Carlos Menem"
        for "Carlos Saul Menem"), or a surname after an office title ("President Mugabe")."""
        words = _name_key(self.name_text(start, end))
        index = person_index(self.kb)
        ids: set[str] = set()
        if len(words) >= 2:
            ids = index.ends.get((words[0], words[-1]), set())
        elif len(words) == 1:
            here = {
                d.id
                for d in self.drafts.values()
                if d.kind == "person" and d.entry is not None and _name_key(d.entry.name)[-1:] == words
            }
            if here:
                ids = here  # the surname of a known person named before in this text
            elif start > 0 and fold(self.doc[start - 1].text) in self._office_words():
                ids = index.surnames.get(words[0], set())
        if len(ids) != 1:
            return None
        return self.kb.entries[next(iter(ids))]

    def _office_words(self) -> frozenset[str]:
        if self._offices is None:
            words = {n.split()[-1] for o in self.kb.offices.values() for n in o.nouns}
            self._offices = frozenset(words | set(self.lex.leader_nouns))
        return self._offices

    def _is_title_part(self, end: int) -> bool:
        """True for an ORG entity that is part of a title before a name ("Defense" Minister X)."""
        return end < len(self.doc) and fold(self.doc[end].text) in self.lex.person_nouns

    def _replace(self, old: KbMatch, new: KbMatch) -> None:
        self.matches = [
            new if m is old else m
            for m in self.matches
            if not (m is not old and new.start <= m.start and m.end <= new.end)
        ]

    def _drop(self, match: KbMatch) -> None:
        self.matches = [m for m in self.matches if m is not match]

    def context_country(self, start: int) -> tuple[str | None, str | None]:
        """Country and gender told by the words just before a name ("Ukrainian President", "Mrs")."""
        country = gender = None
        i = start - 1
        doc = self.doc
        places = {m.start: m for m in self.matches}
        dem = {m.start: m for m in self.demonym_matches}
        sent_start = doc[start].sent.start
        while i >= sent_start and start - i <= 6:
            tok = doc[i]
            low = fold(tok.text)
            if tok.text in _CLAUSE_PUNCT:
                break  # "In Rome, Sato said": a place before a comma or in the last sentence is not his
            if tok.text.strip(_PUNCT_EDGE) == "" and tok.text not in ("'s", "’s"):
                i -= 1
                continue
            if tok.tag_ == "POS":
                i -= 1
                continue
            hit = dem.get(i) or places.get(i)
            if hit is None:
                for m in (*self.matches, *self.demonym_matches):
                    if m.start <= i < m.end:
                        hit = m
            if hit is not None:
                entry = self.kb.entries[hit.entry_id]
                if entry.kind == "country" and country is None:
                    country = entry.country
                i = hit.start - 1
                continue
            if (
                low in self.lex.honorifics
                or low in self.lex.person_nouns
                or (tok.pos_ in ("ADJ", "PROPN") and tok.text[:1].isupper())
                or (tok.dep_ in ("amod", "compound") and tok.pos_ in ("ADJ", "NOUN") and tok.head.i > tok.i)
            ):  # "Nigerian junior foreign minister X": the title's own words
                gender = gender or self.lex.honorifics.get(low) or self.lex.gender_of_noun(low)
                i -= 1
                continue
            break
        return country, gender or None

    def link_short_names(self, persons: list[tuple[int, int]]) -> dict[tuple[int, int], str]:
        """For each short person name, the actor of the longer name it is part of (when there is one)."""
        full: list[tuple[int, list[str], str]] = []
        for m in self.matches:
            entry = self.kb.entries[m.entry_id]
            if entry.kind == "person":
                full.append((m.start, fold(entry.name).split(), entry.id))
        for start, end in persons:
            words = self.name_text(start, end).split()
            full.append((start, words, actor_id("person", self.name_text(start, end, folded=False))))
        links: dict[tuple[int, int], str] = {}
        for start, end in persons:
            words = self.name_text(start, end).split()
            best: tuple[int, str] | None = None
            for pos, long_words, ident in full:
                if len(long_words) <= len(words) or not set(words) <= set(long_words):
                    continue
                if words[-1] not in (long_words[-1], long_words[0]):
                    continue
                # the nearest preceding full name wins; a later one only when none precedes
                rank = start - pos if pos <= start else 10_000 + pos - start
                if best is None or rank < best[0]:
                    best = (rank, ident)
            if best is not None:
                links[(start, end)] = best[1]
        return links

    def run(self) -> Names:
        new = self.entities()
        new_persons = [(s, e) for s, e, k in new if k == "person"]
        links = self.link_short_names(new_persons)
        for m in self.matches:
            entry = self.kb.entries[m.entry_id]
            draft = self.draft_for_entry(entry)
            draft.aliases[self.name_text(m.start, m.end, folded=False)] = None
            self.refs.append(Ref(m.start, m.end, entry.id, m.basis, f"knowledge base {m.basis}"))
        for start, end, kind in new:
            text = self.name_text(start, end, folded=False)
            linked = links.get((start, end))
            linked = self._known_as.get(linked, linked) if linked is not None else None
            if linked is not None and linked in self.drafts:
                draft = self.drafts[linked]
                note = f"part of the name {draft.name}"
            elif kind == "person" and (known := self._known_person(start, end)) is not None:
                draft = self.draft_for_entry(known)
                self._known_as[actor_id("person", text)] = known.id
                note = f"known person {known.name} by given name and surname or by title and surname"
            else:
                draft = self.draft_new(kind, text)
                note = "name (given name and surname)" if (start, end) in self.unparsed else "name (spaCy entity)"
                if linked is not None:  # a longer new name later in the text
                    self._pending.append((linked, text))
            country, gender = self.context_country(start)
            if kind == "organization":
                country = self._inner_country.get((start, end)) or country
            draft.country = draft.country or country
            if kind == "person":
                draft.gender = draft.gender or gender or self.lex.gender_of_name(draft.name)
            draft.aliases[text] = None
            self.refs.append(Ref(start, end, draft.id, "name", note))
        self._resolve_pending()
        self.surnames()
        self.party_groups()
        demonyms = self.groups()
        self.located_groups()
        places: dict[int, str] = {}
        for ref in self.refs:
            d = self.drafts[ref.actor_id]
            if d.kind == "country" and d.country:
                for i in range(ref.start, ref.end):
                    places[i] = d.country
        self.refs.sort(key=lambda r: r.start)
        return Names(self.refs, self.drafts, demonyms, places)

    def _resolve_pending(self) -> None:
        """Short names seen before their full form: move their mentions to the full-name actor."""
        for target, short in self._pending:
            if target not in self.drafts:
                continue
            source_id = actor_id("person", short)
            if source_id == target or source_id not in self.drafts:
                continue
            for ref in self.refs:
                if ref.actor_id == source_id:
                    ref.actor_id = target
                    ref.note = f"part of the name {self.drafts[target].name}"
            self.drafts[target].aliases.update(self.drafts[source_id].aliases)
            del self.drafts[source_id]

    def surnames(self) -> None:
        """A person's surname alone where the parser saw no name ("Sanders:" in a headline)."""
        owners: dict[str, set[str]] = {}
        for d in self.drafts.values():
            if d.kind == "person" and len(d.name.split()) > 1:
                owners.setdefault(d.name.split()[-1], set()).add(d.id)
        taken = {i for r in self.refs for i in range(r.start, r.end)}
        for tok in self.doc:
            ids = owners.get(tok.text)
            if not ids or len(ids) > 1 or tok.i in taken or tok.tag_ != "NNP" or tok.ent_type_ in ("DATE", "TIME"):
                continue
            if tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].tag_ == "NNP":
                continue  # part of a longer name the parser did not tag
            ident = next(iter(ids))
            self.refs.append(Ref(tok.i, tok.i + 1, ident, "name", f"surname of {self.drafts[ident].name}"))

    def party_groups(self) -> None:
        """Plural party words as groups: "Republicans", "the Tories"."""
        taken = {i for r in self.refs for i in range(r.start, r.end)}
        for tok in self.doc:
            if tok.i in taken or tok.tag_ not in ("NNPS", "NNS") or not tok.text[:1].isupper():
                continue
            parties = self.kb.parties_for(tok.lemma_) or self.kb.parties_for(tok.text.rstrip("s"))
            if len(parties) != 1:
                continue
            party = next(iter(parties))
            draft = self.draft_new("group", tok.text)
            draft.country = draft.country or self.kb.party_countries.get(party) or None
            draft.party = party
            draft.aliases[tok.text] = None
            self.refs.append(Ref(tok.i, tok.i + 1, draft.id, "name", f"members of the {party}"))

    def located_groups(self) -> None:
        """Groups placed by a country: "rebels in Sudan", "militias from Chad"."""
        taken = {i for r in self.refs for i in range(r.start, r.end)}
        country_at: dict[int, Draft] = {}
        for r in self.refs:
            d = self.drafts[r.actor_id]
            if d.kind == "country" and d.country:
                country_at.update((i, d) for i in range(r.start, r.end))
        for tok in self.doc:
            if tok.i in taken or tok.tag_ not in ("NNS", "NNPS"):
                continue
            if fold(tok.lemma_) not in self.lex.group_nouns and fold(tok.text)[:-1] not in self.lex.group_nouns:
                continue  # "Rebels" at a sentence start keeps its plural lemma
            for prep in tok.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("in", "from") or prep.i != tok.i + 1:
                    continue
                place = next((k for k in prep.children if k.dep_ == "pobj" and k.i in country_at), None)
                if place is None:
                    continue
                end = place.i + 1
                while end in country_at and country_at[end] is country_at[place.i]:
                    end += 1
                country = country_at[place.i]
                name = self.doc[tok.i : end].text
                draft = self.draft_new("group", name)
                draft.country = country.country
                draft.aliases[name] = None
                self.refs.append(Ref(tok.i, tok.i + 1, draft.id, "description", f"group in {country.name}"))
                break

    def groups(self) -> dict[int, str]:
        """Group actors from demonyms; returns the demonyms left for role phrases."""
        left: dict[int, str] = {}
        taken = {i for r in self.refs for i in range(r.start, r.end)}
        for m in self.demonym_matches:
            entry = self.kb.entries[m.entry_id]
            if entry.country is None or any(i in taken for i in range(m.start, m.end)):
                continue
            last = self.doc[m.end - 1]
            anchor = last  # "Chilean and Peruvian officials": the second demonym hangs on the first
            while anchor.dep_ == "conj" and anchor.head.i < anchor.i and anchor.head.i >= m.start - 4:
                anchor = anchor.head
            head = anchor.head
            if anchor.dep_ in ("amod", "compound", "nmod") and head.i >= m.end and head.tag_ in ("NNS", "NNPS"):
                lemma = fold(head.lemma_)
                shared = anchor is not last or any(
                    m.end <= d.start < head.i and self.kb.entries[d.entry_id].country != entry.country
                    for d in self.demonym_matches
                )
                end = m.end if shared else head.i + 1  # coordinated demonyms: one group each
                if lemma in self.lex.group_nouns and not any(i in taken for i in range(m.start, end)):
                    name = f"{self.doc[m.start : m.end].text} {head.text}" if shared else self.doc[m.start : end].text
                    draft = self.draft_new("group", name)
                    draft.country = entry.country
                    draft.aliases[name] = None
                    self.refs.append(Ref(m.start, end, draft.id, "demonym", f"group of {entry.name}"))
                    taken.update(range(m.start, end))
                    continue
            if last.dep_ in ("amod", "compound", "nmod") and head.i >= m.end and head.tag_ in ("NN", "NNP"):
                body = fold(self.doc[m.end : head.i + 1].text)
                if (body in self.lex.institution_nouns or fold(head.text) in self.lex.institution_nouns) and not any(
                    i in taken for i in range(m.start, head.i + 1)
                ):
                    name = f"{self.doc[m.start : m.end].text} {self.doc[m.end : head.i + 1].text}"
                    draft = self.draft_new("organization", name)
                    draft.country = entry.country
                    draft.aliases[name] = None
                    self.refs.append(Ref(m.start, head.i + 1, draft.id, "demonym", f"a state body of {entry.name}"))
                    taken.update(range(m.start, head.i + 1))
                    continue
            if last.tag_ in ("NNS", "NNPS") and last.dep_ not in ("amod", "compound"):
                draft = self.draft_for_entry(entry)
                draft.aliases[self.doc[m.start : m.end].text] = None
                self.refs.append(Ref(m.start, m.end, entry.id, "demonym", f"people of {entry.name}"))
                taken.update(range(m.start, m.end))
                continue
            for i in range(m.start, m.end):
                left[i] = entry.country
        return left


def find_names(doc: Doc, kb: KnowledgeBase, lex: ActorLexicon, matches: list[KbMatch]) -> Names:
    return NameFinder(doc, kb, lex, matches).run()
