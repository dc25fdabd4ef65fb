"""Find knowledge-base names in a parsed text: a token n-gram index built once per process.

Works like a phrase matcher over folded tokens (case-free, accent-free, straight apostrophes), then
checks case: acronyms ("US", "WHO") only as written; other names start with a capital, except that a
one-word country or capital may be written in lower case ("kyiv") unless it is an everyday word
("turkey"). Longest match wins, left to right.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from onrecord.extract.actor_lexicon import actor_lexicon
from onrecord.knowledge.base import KnowledgeBase, case_sensitive
from onrecord.knowledge.ids import fold

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class KbMatch:
    start: int  # token indexes, [start, end)
    end: int
    entry_id: str
    basis: str  # name | alias | metonym | demonym


@dataclass(frozen=True, slots=True)
class _Form:
    entry_id: str
    basis: str
    tokens: tuple[str, ...]  # as written (apostrophes straightened)
    exact: bool  # case-sensitive


def _straight(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'")


class Gazetteer:
    """The knowledge base's names indexed by their folded token sequence."""

    def __init__(self, kb: KnowledgeBase, tokenize: Callable[[str], Sequence[str]]) -> None:
        self.kb = kb
        self.index: dict[tuple[str, ...], list[_Form]] = {}
        forms: list[tuple[str, str, str]] = []
        for entry in kb.entries.values():
            forms.append((entry.name, entry.id, "name"))
            forms.extend((a, entry.id, "alias") for a in entry.aliases)
            forms.extend((m, entry.id, "metonym") for m in entry.metonyms)
            forms.extend((d, entry.id, "demonym") for d in entry.demonyms)
        forms.extend((p, "", "block") for p in actor_lexicon().non_actor_phrases)
        for text, entry_id, basis in forms:
            if text.lower().startswith("the ") and basis != "name":
                text = text[4:]
            tokens = tuple(_straight(t) for t in tokenize(text))
            if not tokens:
                continue
            key = tuple(fold(t) for t in tokens)
            bucket = self.index.setdefault(key, [])
            if not any(f.entry_id == entry_id for f in bucket):
                bucket.append(_Form(entry_id, basis, tokens, case_sensitive(text)))
        self.first = {k[0] for k in self.index}
        self.max_len = max((len(k) for k in self.index), default=1)
        LOGGER.debug("gazetteer: %d forms", len(self.index))

    def _accept(self, form: _Form, doc: Doc, start: int) -> bool:
        if form.basis == "block":
            return True
        words = [_straight(t.text) for t in doc[start : start + len(form.tokens)]]
        if form.exact:
            return words == list(form.tokens)
        first, written = words[0], form.tokens[0]
        if first[:1].isupper() or first[:1] == written[:1] or not written[:1].isalpha():
            return True
        if doc[start].sent.text.isupper():
            return True
        entry = self.kb.entries[form.entry_id]
        return (
            entry.kind == "country"
            and form.basis != "demonym"
            and len(form.tokens) == 1
            and len(first) >= 4
            and fold(first) not in actor_lexicon().common_words
        )

    def find(self, doc: Doc) -> list[KbMatch]:
        """Non-overlapping matches, longest first at each position, in text order."""
        folded = [fold(t.text) for t in doc]
        out: list[KbMatch] = []
        i, n = 0, len(doc)
        while i < n:
            if folded[i] not in self.first:
                i += 1
                continue
            found: KbMatch | None = None
            for length in range(min(self.max_len, n - i), 0, -1):
                forms = self.index.get(tuple(folded[i : i + length]))
                if not forms:
                    continue
                accepted = [f for f in forms if self._accept(f, doc, i)]
                if len(accepted) == 1:
                    found = KbMatch(i, i + length, accepted[0].entry_id, accepted[0].basis)
                    break
                if accepted:  # one form naming several actors: ambiguous, not a link
                    break
            if found is None:
                i += 1
                continue
            if found.basis != "block":
                out.append(found)
            i = found.end
        return out


_CACHE: dict[int, tuple[KnowledgeBase, Gazetteer]] = {}


def gazetteer(kb: KnowledgeBase, tokenize: Callable[[str], Sequence[str]]) -> Gazetteer:
    """The gazetteer of a knowledge base, built once per process."""
    hit = _CACHE.get(id(kb))
    if hit is None or hit[0] is not kb:
        hit = (kb, Gazetteer(kb, tokenize))
        _CACHE[id(kb)] = hit
    return hit[1]
