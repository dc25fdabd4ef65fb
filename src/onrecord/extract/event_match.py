"""Match one verb or noun of a parsed sentence against the event lexicon.

A verb's patterns are read P2-style: words before ``*`` must occur in the subject, words after it
in the verb's own objects and prepositional phrases (not in its clausal complements, which are
events of their own). The most specific pattern that matches wins; without one, the verb's own
code, then its group's default.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from onrecord.extract.event_lexicon import (
    DROPPED,
    Code,
    Element,
    Lexicon,
    NounEntry,
    Pattern,
    Phrase,
    Prep,
    VerbEntry,
    Word,
)

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
# children of a verb that open another clause: their words are not the verb's arguments
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "conj", "cc", "punct", "parataxis", "relcl", "mark", "dep"}


@dataclass(frozen=True, slots=True)
class Match:
    code: Code
    pattern: str | None  # the pattern text that decided, None for a default code
    entry_words: Phrase


def _forms(tok: Token) -> tuple[str, str]:
    return tok.lemma_.lower(), tok.lower_


class Tokens(list[Token]):
    """Tokens with their (lemma, lower) forms read once: the patterns of a verb scan them many times."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        super().__init__(tokens)
        self.forms = [_forms(t) for t in tokens]
        self.words = {w for pair in self.forms for w in pair}


def _phrase_at(tokens: Sequence[Token], phrase: Phrase) -> bool:
    n = len(phrase)
    if n == 0:
        return True
    if isinstance(tokens, Tokens):
        if phrase[0] not in tokens.words:
            return False
        if n == 1:
            return True
        forms = tokens.forms
    else:
        forms = [_forms(t) for t in tokens]
    first = phrase[0]
    return any(
        first in forms[i] and all(phrase[j] in forms[i + j] for j in range(1, n)) for i in range(len(forms) - n + 1)
    )


def _word_in(tokens: Sequence[Token], word: Word) -> bool:
    return any(_phrase_at(tokens, alt) for alt in word.alternatives)


def _element_in(tokens: Sequence[Token], el: Element) -> bool:
    if isinstance(el, Word):
        return _word_in(tokens, el)
    for i, tok in enumerate(tokens):
        if tok.lower_ != el.prep or tok.dep_ not in {"prep", "agent", "dative", "prt", "advmod", "pcomp"}:
            continue
        inside = Tokens([t for t in tok.subtree if t.i > tok.i] if tok.n_rights else list(tokens[i + 1 : i + 6]))
        if all(_word_in(inside, w) for w in el.words):
            return True
    return False


def subject_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return child
    return None


def phrase_tokens(tok: Token) -> list[Token]:
    """The token and its dependents, without the clauses embedded in them (relative clauses etc.)."""
    out = [tok]
    stack = list(tok.children)
    while stack:
        t = stack.pop()
        if t.dep_ in CLAUSE_DEPS or t.dep_ in {"acl", "appos"}:
            continue
        out.append(t)
        if t.dep_ != "pcomp":  # "accused X of restoring ...": the gerund, not its objects
            stack.extend(t.children)
    out.sort(key=lambda t: t.i)
    return out


def argument_tokens(verb: Token) -> tuple[list[Token], list[Token]]:
    """The words of the verb's subject, and of its objects and prepositional phrases."""
    pre: list[Token] = []
    post: list[Token] = []
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            pre.extend(phrase_tokens(child))
        elif child.dep_ not in CLAUSE_DEPS and child.dep_ not in {"aux", "auxpass", "neg"}:
            post.extend(phrase_tokens(child))
    post.sort(key=lambda t: t.i)
    return pre, post


def is_reciprocal(subject: Token | None) -> bool:
    """The subject names two or more parties: a conjunction or a plural noun or pronoun."""
    if subject is None:
        return False
    if any(c.dep_ == "conj" for c in subject.children):
        return True
    return subject.tag_ in {"NNS", "NNPS"} or subject.lower_ in {"they", "we", "both"}


def _particles_ok(verb: Token, entry: VerbEntry) -> bool:
    extra = entry.words[1:]
    if not extra:
        return True
    following = [t for t in verb.doc[verb.i + 1 : verb.i + 1 + len(extra) + 2]]
    return _phrase_at(following, extra)


PARTICLES = {"on", "off", "up", "out", "in", "down", "away", "back", "over", "forward", "aside", "through"}


def _particle(el: Element) -> str | None:
    if isinstance(el, Word) and len(el.alternatives) == 1 and len(el.alternatives[0]) == 1:
        word = el.alternatives[0][0]
        return word if word in PARTICLES else None
    return None


def _pattern_ok(pat: Pattern, verb: Token, pre: list[Token], post: list[Token], reciprocal: bool) -> bool:
    if pat.reciprocal and not reciprocal:
        return False
    for el in pat.post:
        particle = _particle(el)
        if particle is not None:
            # "* OFF" is the particle of a phrasal verb ("called off"), not "on Thursday"
            if not any(c.lower_ == particle and c.dep_ in {"prt", "advmod"} for c in verb.children):
                return False
        elif not _element_in(post, el):
            return False
    return all(_element_in(pre, e) for e in pat.pre)


def match_verb(verb: Token, lex: Lexicon) -> Match | None:
    """The lexicon's code for this verb in its sentence, or None if the verb is unknown or codes nothing."""
    entries = [e for e in lex.verbs.get(verb.lemma_.lower(), []) if _particles_ok(verb, e)]
    if not entries:
        return None
    entries.sort(key=lambda e: -len(e.words))  # "blow up" before "blow"
    longest = len(entries[0].words)
    entries = [e for e in entries if len(e.words) == longest]
    pre_tokens, post_tokens = argument_tokens(verb)
    pre, post = Tokens(pre_tokens), Tokens(post_tokens)
    reciprocal = is_reciprocal(subject_of(verb))
    best: tuple[float, int, Pattern] | None = None
    seen_groups: set[str] = set()
    for entry in entries:
        if entry.group in seen_groups:
            continue
        seen_groups.add(entry.group)
        for pat in lex.groups[entry.group].patterns:
            if not _pattern_ok(pat, verb, pre, post, reciprocal):
                continue
            key = (pat.weight, pat.priority)
            if best is None or key > best[:2]:
                best = (pat.weight, pat.priority, pat)
    own_code = any(e.code is not None for e in entries)
    own_extra = next((e.code for e in entries if e.extra and e.code is not None), None)
    if own_extra is not None and (best is None or (best[1] == 0 and best[0] < 2)):
        # onrecord's own code for a verb outranks a converted one-word pattern
        return _result(own_extra, None, entries[0].words)
    # a bare preposition ("* (with)") is weak evidence: a verb's own code outranks it
    if best is not None and (best[0] >= 1 or (best[0] > 0 and not own_code)):
        return _result(best[2].code, best[2].text, entries[0].words)
    for entry in entries:
        code = entry.code or lex.groups[entry.group].default
        if code is not None and code.category == DROPPED and entry.extra:
            return None
        if code is not None and code.category != DROPPED:
            return _result(code, None, entry.words)
    return None


def _result(code: Code, pattern: str | None, words: Phrase) -> Match | None:
    if code.category == DROPPED:
        return None
    return Match(code, pattern, words)


def match_noun(noun: Token, lex: Lexicon) -> NounEntry | None:
    """The noun-trigger entry for this noun (the longest phrase ending in it), or None.

    A date is no event ("in March", "the May talks" keep "talks" only)."""
    if noun.ent_type_ in {"DATE", "TIME"}:
        return None
    candidates = lex.nouns.get(noun.lemma_.lower(), []) + (
        lex.nouns.get(noun.lower_, []) if noun.lower_ != noun.lemma_.lower() else []
    )
    best: NounEntry | None = None
    for entry in candidates:
        n = len(entry.words)
        start = noun.i - n + 1
        if start < 0:
            continue
        toks = noun.doc[start : noun.i + 1]
        ok = all(entry.words[j] in _forms(toks[j]) for j in range(n - 1))
        ok = ok and entry.words[-1] in _forms(noun)
        if ok and (best is None or n > len(best.words)):
            best = entry
    return best


__all__ = ["Match", "Prep", "argument_tokens", "is_reciprocal", "match_noun", "match_verb", "subject_of"]
