"""The event lexicon: verb patterns, noun triggers and frame words, read once from package data.

Files (format in ``data/README.md``):
- ``event_verbs.tsv``: converted from PETRARCH2's CAMEO verb dictionary (generated);
- ``event_verbs_extra.tsv``: onrecord's own additions, same format, consulted first;
- ``event_synsets.tsv``: ``&name`` word lists used inside patterns;
- ``event_nouns.tsv``: nouns that carry an event (``videoconference``, ``ban``, ``invasion``);
- ``event_frames.tsv``: words that change the event of their complement (``say``, ``will``, ``unless``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

LOGGER = logging.getLogger(__name__)

DROPPED = "-"  # a pattern that says "no event here"


@dataclass(frozen=True, slots=True)
class Code:
    category: str  # a PLOVER category, or DROPPED
    mode: str | None
    cameo: str | None
    medium: str | None = None


Phrase = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Word:
    """A word or phrase slot: any of the alternatives, each a run of consecutive words."""

    alternatives: tuple[Phrase, ...]


@dataclass(frozen=True, slots=True)
class Prep:
    """A prepositional phrase slot: the preposition and, optionally, words inside its object."""

    prep: str
    words: tuple[Word, ...]


Element = Word | Prep


@dataclass(frozen=True, slots=True)
class Pattern:
    pre: tuple[Element, ...]
    post: tuple[Element, ...]
    reciprocal: bool  # ``%``: the subject names two or more parties
    code: Code
    priority: int  # extra patterns outrank converted ones of the same size
    text: str

    @property
    def weight(self) -> float:
        """How specific the pattern is: one per word, half for a bare preposition or ``%``."""
        total = 0.5 * int(self.reciprocal)
        for el in (*self.pre, *self.post):
            total += (len(el.words) or 0.5) if isinstance(el, Prep) else 1
        return total


@dataclass(frozen=True, slots=True)
class VerbEntry:
    words: Phrase  # lemma first, then particles: ("blow", "up")
    group: str
    code: Code | None  # None: the group's default
    extra: bool = False  # from event_verbs_extra.tsv: a "-" default there blocks the converted ones


@dataclass
class Group:
    name: str
    default: Code | None = None
    patterns: list[Pattern] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class NounEntry:
    words: Phrase
    code: Code
    light_only: bool  # True: only an event under a light verb ("held a meeting"), not bare


@dataclass
class Lexicon:
    groups: dict[str, Group]
    verbs: dict[str, list[VerbEntry]]  # by lemma
    nouns: dict[str, list[NounEntry]]  # by last word (the head)
    frames: dict[str, set[str]]  # frame kind -> lemmas


def _read(name: str) -> list[list[str]]:
    text = resources.files("onrecord.extract").joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([c.strip() for c in line.split("\t")])
    return rows


def _code(row: list[str], start: int) -> Code | None:
    cells = [*row[start:], "", "", "", ""]
    category, mode, cameo, medium = cells[0], cells[1], cells[2], cells[3]
    if not category:
        return None
    return Code(category, mode or None, cameo or None, medium or None)


def _phrase(text: str) -> Phrase:
    return tuple(w for w in re.split(r"[\s_]+", text.lower()) if w)


def _word(token: str, synsets: dict[str, list[Phrase]]) -> Word:
    if token.startswith("&"):
        return Word(tuple(synsets.get(token, [])) or ((token,),))
    return Word((_phrase(token),))


_TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|\*|%|[^\s{}()]+")


def parse_pattern(text: str, code: Code, synsets: dict[str, list[Phrase]], priority: int = 0) -> Pattern | None:
    """A pattern from its text (``- * (with)``-style, see README), None if it has no ``*``."""
    pre: list[Element] = []
    post: list[Element] = []
    reciprocal = False
    seen_verb = False
    for tok in _TOKEN.findall(text):
        if tok == "*":
            seen_verb = True
            continue
        if tok == "%":
            reciprocal = True
            continue
        side = post if seen_verb else pre
        if tok.startswith("{"):
            side.extend(_word(w, synsets) for w in tok[1:-1].split())
        elif tok.startswith("("):
            inner = tok[1:-1].replace("{", " ").replace("}", " ").split()
            if inner:
                side.append(Prep(inner[0].lower(), tuple(_word(w, synsets) for w in inner[1:])))
        else:
            side.append(_word(tok, synsets))
    if not seen_verb:
        return None
    return Pattern(tuple(pre), tuple(post), reciprocal, code, priority, text)


def _load_verbs(lex: Lexicon, rows: list[list[str]], synsets: dict[str, list[Phrase]], priority: int) -> None:
    for row in rows:
        if len(row) < 3:
            continue
        group_name, kind, text = row[0], row[1], row[2]
        group = lex.groups.setdefault(group_name, Group(group_name))
        code = _code(row, 3)
        if kind == "group":
            if code is not None and (group.default is None or priority):
                group.default = code
        elif kind == "verb":
            words = _phrase(text)
            if words:
                lex.verbs.setdefault(words[0], []).append(VerbEntry(words, group_name, code, bool(priority)))
        elif kind == "pattern" and code is not None:
            pat = parse_pattern(text, code, synsets, priority)
            if pat is not None:
                group.patterns.append(pat)


@cache
def lexicon() -> Lexicon:
    """The lexicon, read once per process."""
    synsets: dict[str, list[Phrase]] = {}
    for row in _read("event_synsets.tsv"):
        if len(row) >= 2:
            synsets.setdefault(row[0].lower(), []).append(_phrase(row[1]))
    lex = Lexicon(groups={}, verbs={}, nouns={}, frames={})
    _load_verbs(lex, _read("event_verbs_extra.tsv"), synsets, priority=1)
    _load_verbs(lex, _read("event_verbs.tsv"), synsets, priority=0)
    for row in _read("event_nouns.tsv"):
        if len(row) < 3:
            continue
        words = _phrase(row[0])
        code = _code(row, 2)
        if words and code is not None:
            lex.nouns.setdefault(words[-1], []).append(NounEntry(words, code, row[1] == "light"))
    for row in _read("event_frames.tsv"):
        if len(row) >= 2:
            lex.frames.setdefault(row[0], set()).update(w.strip().lower() for w in row[1].split(","))
    LOGGER.debug("event lexicon: %d verb lemmas, %d noun heads", len(lex.verbs), len(lex.nouns))
    return lex
