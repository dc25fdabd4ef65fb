"""What a claim measures, in comparable form: measure, population, scope words, unit dimension.

Two claims are paired only when these agree (conflicts approach note, step 2): a claim about
Russian soldiers is never compared with one about Ukraine, a 2023 figure never with a 2024 one,
dollars never with percent. Words are compared after light lemmatising and folding demonyms to
their country ("Russian" and "Russia" fold together).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from onrecord.check.lexicon import lexicon, words
from onrecord.model import Claim

_TOKEN = re.compile(r"[a-z][a-z.'\-]*[a-z]|[a-z]|\d{4}")
_YEAR = re.compile(r"^(19|20)\d{2}$")
COUNT_UNITS = {None, "", "person", "people", "persons", "count", "-"}


@dataclass(frozen=True, slots=True)
class ClaimKey:
    """The comparable parts of a claim's subject."""

    measure: str | None  # a lexicon measure (dead, casualties, ...) or None when other
    measure_basis: str  # "subject words" | "claim.measure" | "none"
    population: str | None  # military | civilian | None
    scope: frozenset[str]  # folded content words that fix what is counted (places, sides, things)
    years: frozenset[str]
    dimension: str  # count | USD | % | ...
    ambiguous: bool  # a measure word that may or may not include the wounded ("losses")

    def block(self) -> str:
        """A coarse key for the store's index: claims in different blocks are never compared.

        Measures that are parts of one whole (dead, wounded within casualties) share the whole's block.
        """
        return f"{self.dimension}|{measure_family(self.measure)}"


def measure_family(measure: str | None) -> str:
    """The widest measure that contains ``measure`` (its own name when none does), ``other`` for None."""
    if measure is None:
        return "other"
    for whole, info in lexicon()["measure_parts"].items():
        if measure in info["parts"]:
            return str(whole)
    return measure


def lemma(word: str) -> str:
    """A light lemma: lower case, no possessive, a regular plural made singular."""
    w = word.lower().strip(".'-")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@lru_cache(maxsize=1)
def _measure_index() -> dict[str, str]:
    out: dict[str, str] = {}
    for measure, forms in lexicon()["measures"].items():
        for f in forms:
            out[f] = measure
            out[lemma(f)] = measure
    return out


@lru_cache(maxsize=1)
def _population_index() -> dict[str, str]:
    out: dict[str, str] = {}
    for pop, forms in lexicon()["populations"].items():
        for f in forms:
            out[f] = pop
            out[lemma(f)] = pop
    return out


@lru_cache(maxsize=1)
def _ignored() -> frozenset[str]:
    out = set()
    for name in ("stopwords", "population_generic", "context_generic"):
        for w in words(name):
            out.add(w)
            out.add(lemma(w))
    return frozenset(out)


def fold(word: str) -> str:
    """A word in the form compared across claims: lemma, and a demonym as its country."""
    demonyms: dict[str, str] = lexicon()["demonyms"]
    w = word.lower().strip(".'-")
    if w.endswith("'s"):
        w = w[:-2]
    if w in demonyms:
        return demonyms[w]
    lw = lemma(w)
    return demonyms.get(lw, lw)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().replace("’", "'"))


def unit_dimension(unit: str | None) -> str:
    """Counts of people and bare counts are one dimension; every other unit is its own."""
    if unit is None or unit.strip().lower() in COUNT_UNITS:
        return "count"
    return unit.strip()


def _measure_from_words(toks: list[str]) -> str | None:
    index = _measure_index()
    found = {index[t] for t in toks if t in index} | {index[lemma(t)] for t in toks if lemma(t) in index}
    if "casualties" in found or {"dead", "wounded"} <= found:
        return "casualties"
    if len(found) == 1:
        return next(iter(found))
    return None


def claim_key(claim: Claim) -> ClaimKey:
    """The comparable key of a claim."""
    text = " ".join(x for x in (claim.subject, claim.subject_key) if x)
    toks = tokens(text)
    measure = _measure_from_words(toks)
    basis = "subject words" if measure else "none"
    stated = (claim.measure or "").strip().lower()
    if measure is None and stated:
        measure = _measure_from_words(tokens(stated))
        basis = "claim.measure" if measure else "none"
    ambiguous = any(lemma(t) in {lemma(a) for a in words("ambiguous_measures")} for t in toks)
    if measure is None and ambiguous:
        measure = "casualties"
        basis = "subject words (ambiguous)"
    pops = {_population_index()[lemma(t)] for t in toks if lemma(t) in _population_index()}
    population = next(iter(pops)) if len(pops) == 1 else None
    ignored = _ignored()
    index = _measure_index()
    scope: set[str] = set()
    years: set[str] = set()
    for t in toks:
        if _YEAR.match(t):
            years.add(t)
            continue
        lt = lemma(t)
        if t in ignored or lt in ignored or t in index or lt in index or lt in _population_index():
            continue
        if lt in {lemma(a) for a in words("ambiguous_measures")}:
            continue
        scope.add(fold(t))
    return ClaimKey(
        measure=measure,
        measure_basis=basis,
        population=population,
        scope=frozenset(scope),
        years=frozenset(years),
        dimension=unit_dimension(claim.unit),
        ambiguous=ambiguous,
    )


def block_key(claim: Claim) -> str:
    """The index key a store keeps beside each claim (with the asserter) for :meth:`History.claims_by_block`."""
    return claim_key(claim).block()


def scope_relation(a: ClaimKey, b: ClaimKey) -> str | None:
    """``same`` when two keys count the same thing, ``inferred`` when one leaves a part implicit, else None.

    Populations: soldiers against an unqualified count is ``inferred`` (a war's losses are usually
    military); soldiers against civilians never pair. Scope words must be equal, and years too.
    """
    if a.dimension != b.dimension:
        return None
    if a.years != b.years:
        return None
    if not a.scope or not b.scope:
        return None  # abstain: nothing says whose figure it is
    if a.scope != b.scope:
        return None
    if a.population != b.population:
        if "civilian" in {a.population, b.population}:
            return None
        return "inferred"
    return "same"
