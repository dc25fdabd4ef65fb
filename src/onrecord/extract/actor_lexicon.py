"""Word lists the actor stage reads: person nouns, honorifics, gendered nouns, leader nouns.

All live in ``onrecord/knowledge/data`` and are loaded once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from onrecord.knowledge.ids import fold

# nouns for groups of people or bodies that a demonym turns into a group actor ("Chinese banks")
_GROUP_HEADS_FILE = "group_nouns.txt"


def _lines(name: str) -> list[list[str]]:
    text = resources.files("onrecord.knowledge").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(frozen=True, slots=True)
class ActorLexicon:
    person_nouns: frozenset[str]  # folded, singular, one or more words
    honorifics: dict[str, str]  # folded word -> gender ("" unknown)
    gendered: dict[str, str]  # folded noun -> m | f
    leader_nouns: dict[str, str]  # folded noun -> office noun
    common_words: frozenset[str]
    group_nouns: frozenset[str]  # folded singular heads of group phrases
    non_actor_phrases: tuple[str, ...]  # phrases that hide the names inside them ("Latin American")
    institution_nouns: frozenset[str]  # folded singular heads of state bodies ("army", "government")
    first_names: dict[str, str]  # folded given name -> m | f
    role_nouns: frozenset[str]  # folded nouns of a position held ("spokesman")
    epithets: frozenset[str]  # folded nouns any salient person may be called ("the tycoon")
    given_names: frozenset[str] = frozenset()  # folded given names, gender known or not (a person-looking name)
    speech_verbs: frozenset[str] = frozenset()  # lemmas whose subject is a speaker, so a person or a body
    org_words: frozenset[str] = frozenset()  # folded words that make a name a body ("Post", "Bank")
    relational_nouns: frozenset[str] = frozenset()  # folded nouns of a relation ("counterpart")
    body_nouns: frozenset[str] = frozenset()  # folded nouns that refer back to a named body ("the ministry")

    def is_given_name(self, word: str) -> bool:
        return fold(word) in self.given_names

    def is_person_noun(self, phrase: str) -> bool:
        return fold(phrase) in self.person_nouns

    def gender_of_name(self, name: str) -> str | None:
        """The gender a person's given name nearly always denotes ("Maria Lopes" -> f), else None."""
        words = fold(name).split()
        return self.first_names.get(words[0]) if len(words) > 1 else None

    def gender_of_noun(self, noun: str) -> str | None:
        """The gender a person noun implies ("queen" -> f, "spokesman" -> m), else None."""
        noun = fold(noun)
        if noun in self.gendered:
            return self.gendered[noun]
        if noun.endswith("woman"):
            return "f"
        if noun.endswith("man"):
            return "m"
        if noun.endswith("ess") and noun in self.person_nouns:
            return "f"
        return None


def _phoenix_given_names(exclude: set[str]) -> set[str]:
    """First words of the multi-word person names in the Phoenix people list ("Kenji" of "Kenji Kosaka")."""
    out: set[str] = set()
    for row in _lines("phoenix_people.tsv"):
        words = row[0].split()
        if len(words) < 2:
            continue
        word = fold(words[0])
        if len(word) >= 3 and word.isalpha() and word not in exclude:
            out.add(word)
    return out


@cache
def actor_lexicon() -> ActorLexicon:
    nouns = {fold(r[0]) for r in _lines("person_nouns.txt") + _lines("phoenix_person_nouns.txt")}
    first_names = {fold(r[0]): r[1].strip() for r in _lines("first_names.tsv")}
    honorifics = {fold(r[0]): (r[1].strip() if len(r) > 1 else "") for r in _lines("honorifics.tsv")}
    common = frozenset(fold(r[0]) for r in _lines("common_words.txt"))
    not_given = nouns | set(honorifics) | set(common) | {fold(r[0]) for r in _lines("not_given_names.txt")}
    return ActorLexicon(
        person_nouns=frozenset(nouns),
        honorifics=honorifics,
        gendered={fold(r[0]): r[1].strip() for r in _lines("gendered_nouns.tsv")},
        leader_nouns={fold(r[0]): fold(r[1]) for r in _lines("leader_nouns.tsv")},
        common_words=common,
        group_nouns=frozenset(fold(r[0]) for r in _lines(_GROUP_HEADS_FILE)) | frozenset(nouns),
        non_actor_phrases=tuple(r[0].strip() for r in _lines("non_actor_phrases.txt")),
        institution_nouns=frozenset(fold(r[0]) for r in _lines("institution_nouns.txt")),
        first_names=first_names,
        role_nouns=frozenset(fold(r[0]) for r in _lines("role_nouns.txt")),
        epithets=frozenset(fold(r[0]) for r in _lines("epithets.txt")),
        given_names=frozenset(set(first_names) | _phoenix_given_names(not_given)),
        speech_verbs=frozenset(fold(r[0]) for r in _lines("speech_verbs.txt")),
        org_words=frozenset(fold(r[0]) for r in _lines("org_words.txt")),
        body_nouns=frozenset(fold(r[0]) for r in _lines("body_nouns.txt")),
        relational_nouns=frozenset(fold(r[0]) for r in _lines("relational_nouns.txt")),
    )
