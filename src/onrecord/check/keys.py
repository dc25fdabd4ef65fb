"""What a claim measures, in comparable form: measure, population, scope words, unit dimension.

Two claims are paired only when these agree (conflicts approach note, step 2): a claim about
Russian soldiers is never compared with one about Ukraine, a 2023 figure never with a 2024 one,
dollars never with percent. Words are compared after light lemmatising and folding demonyms to
their country ("Russian" and "Russia" fold together).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

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
    countries: frozenset[str]  # lower-case ISO alpha-3 codes the subject names (whose figure, or about whom)
    years: frozenset[str]
    dimension: str  # count | USD | % | ...
    ambiguous: bool  # a measure word that may or may not include the wounded ("losses")
    predicates: frozenset[str] = frozenset()  # scope words written as a verb form ("handled", "shipped")

    def block(self) -> str:
        """A coarse key for the store's index: claims in different blocks are never compared.

        The unit dimension only: measure and scope may be refined from the sentence, so they cannot
        be fixed in an index without the text.
        """
        return self.dimension


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
    if lw in demonyms:
        return demonyms[lw]
    return _demonym_stem(lw) or lw


@lru_cache(maxsize=8192)
def _demonym_stem(word: str) -> str | None:
    """A regular demonym's country ("chadian" -> "chad", "kenyan" -> "kenya"), checked against the ISO list."""
    if len(word) < 6:
        return None
    for suffix in ("ian", "ean", "an", "ese", "i", "ish"):
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            for ending in ("", "a", "e", "ia", "o"):
                candidate = stem + ending
                if len(candidate) >= 4 and country_code(candidate):
                    return candidate
    return None


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().replace("’", "'"))


@lru_cache(maxsize=1)
def _measurement_units() -> frozenset[str]:
    """The units of measurement the claims stage knows (currencies, %, physical units)."""
    try:
        text = resources.files("onrecord.extract").joinpath("data/units.json").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return frozenset({"%"})
    data = json.loads(text)
    return frozenset(str(u["unit"]) for u in data.get("units", []) if "unit" in u) | {"%"}


def unit_dimension(unit: str | None) -> str:
    """A unit of measurement is its own dimension; counted nouns (soldiers, cases, people) are all ``count``."""
    if unit is None or unit.strip().lower() in COUNT_UNITS:
        return "count"
    u = unit.strip()
    return u if u in _measurement_units() else "count"


def _measure_from_words(toks: list[str]) -> str | None:
    index = _measure_index()
    found = {index[t] for t in toks if t in index} | {index[lemma(t)] for t in toks if lemma(t) in index}
    if "casualties" in found or {"dead", "wounded"} <= found:
        return "casualties"
    if len(found) == 1:
        return next(iter(found))
    return None


def claim_key(claim: Claim, *, sentence: str = "", after: str = "") -> ClaimKey:
    """The comparable key of a claim.

    ``after`` is the text from the figure to the next figure or the end of its clause: a measure
    written there ("1,200 soldiers killed or wounded") overrides a narrower one in the subject.
    ``sentence`` lends its measure words when the subject names none and the sentence holds only
    this figure, and its country when the subject names none and the sentence names exactly one.
    """
    key_words = re.sub(r"@\S+|~\S+", " ", (claim.subject_key or "").replace("|", " "))
    toks = tokens(f"{claim.subject} {key_words}")
    # scope words from the key's lemmas when there is one ("exported", "totalled" -> export, total), so the
    # same measure in other inflections compares equal; the subject's own words otherwise
    scope_toks = tokens(key_words) if key_words.strip() else toks
    measure = _measure_from_words(toks)
    basis = "subject words" if measure else "none"
    local = _measure_from_words(tokens(after)) if after else None
    if local == "casualties" and measure in (None, *lexicon()["measure_parts"]["casualties"]["parts"]):
        measure, basis = local, "words after the figure"
    stated = (claim.measure or "").strip().lower()
    if measure is None and stated:
        measure = _measure_from_words(tokens(stated))
        basis = "claim.measure" if measure else "none"
    if measure is None and sentence and single_figure(sentence):
        measure = _measure_from_words(tokens(sentence))
        basis = "the sentence's words" if measure else "none"
    ambiguous = any(lemma(t) in _ambiguous() for t in toks)
    if measure is None and ambiguous:
        measure = "casualties"
        basis = "subject words (ambiguous)"
    pops = {_population_index()[lemma(t)] for t in toks if lemma(t) in _population_index()}
    population = next(iter(pops)) if len(pops) == 1 else None
    ignored = _ignored()
    index = _measure_index()
    scope: set[str] = set()
    countries: set[str] = set()
    years: set[str] = set()
    asserter_words = set(tokens((claim.asserter_id or "").replace("-", " ")))
    for t in dict.fromkeys([*scope_toks, *(t for t in toks if _YEAR.match(t) or country_code(fold(t)))]):
        if _YEAR.match(t):
            years.add(t)
            continue
        lt = lemma(t)
        if t in ignored or lt in ignored or t in index or lt in index or lt in _population_index():
            continue
        if lt in _ambiguous() or t in asserter_words:
            continue
        code = country_code(fold(t))
        if code:
            countries.add(code)
            continue
        scope.add(fold(t))
    written = tokens(claim.subject)
    predicates = frozenset(
        w for w in scope if any(x != w and x.startswith(w[:4]) and x.endswith(("ed", "ing")) for x in written)
    )
    country = getattr(claim, "scope", None)  # the claims stage's ISO alpha-3 of whose figure it is
    if country:
        countries.add(str(country).lower())
    if not countries and sentence:
        found = countries_in(sentence)
        if len(found) == 1:
            countries |= found
    return ClaimKey(
        measure=measure,
        measure_basis=basis,
        population=population,
        scope=frozenset(scope),
        countries=frozenset(countries),
        years=frozenset(years),
        dimension=unit_dimension(claim.unit),
        ambiguous=ambiguous,
        predicates=predicates,
    )


_FIGURE = re.compile(r"(?<![\w.])\d[\d,.]*\d?(?![\w])")
_NUMBER_WORDS = re.compile(r"\b(?:hundreds?|thousands?|millions?|billions?|dozens?)\b", re.IGNORECASE)


def figures_in(text: str) -> list[str]:
    """Written figures in a text, leaving out years."""
    return [m.group(0) for m in _FIGURE.finditer(text) if not _YEAR.match(m.group(0))]


def single_figure(sentence: str) -> bool:
    """True when a sentence holds one figure (scale words after it aside)."""
    return len(figures_in(sentence)) == 1


def countries_in(text: str) -> set[str]:
    """ISO codes of the countries a text names by name or demonym (capitalised words only)."""
    out: set[str] = set()
    for w in re.findall(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\b", text):
        for part in (w, *w.split()):
            code = country_code(fold(part))
            if code:
                out.add(code)
                break
    return out


@lru_cache(maxsize=1)
def _ambiguous() -> frozenset[str]:
    return frozenset(lemma(a) for a in words("ambiguous_measures"))


def block_key(claim: Claim) -> str:
    """The index key a store keeps beside each claim (with the asserter) for :meth:`History.claims_by_block`."""
    return claim_key(claim).block()


@lru_cache(maxsize=4096)
def country_code(word: str) -> str | None:
    """The lower-case ISO alpha-3 code a folded word names ("russia"), or None."""
    overrides: dict[str, str] = lexicon()["country_codes"]
    if word in overrides:
        return overrides[word]
    if len(word) < 4:
        return None
    import pycountry  # a runtime dependency; imported late as it loads its database

    db = pycountry.countries
    title = word.title()
    for found in (db.get(name=title), db.get(common_name=title), db.get(official_name=title)):
        if found is not None:
            return str(found.alpha_3).lower()
    return None


def scope_overlap(a: ClaimKey, b: ClaimKey) -> bool:
    """Two different scope word sets that still name one thing: one adds only a verb to the other's nouns.

    "cargo handled" and "cargo" agree (the predicate is wording); "frozen fish exports" and "fish exports"
    do not (an extra noun or adjective narrows what is counted: a part, not the whole), nor do "cars
    produced" and "cars exported" (two different verbs are two measures).
    """
    shared = a.scope & b.scope
    verbs = a.predicates | b.predicates
    nested = a.scope <= b.scope or b.scope <= a.scope  # "cars produced" and "cars exported" are two measures
    return nested and bool(shared - verbs) and (a.scope ^ b.scope) <= verbs


def scope_relation(a: ClaimKey, b: ClaimKey, *, same_article: bool = False, same_owner: bool = False) -> str | None:
    """``same`` when two keys count the same thing, ``inferred`` when one leaves a part implicit, else None.

    Countries must be known and equal (in one article, both may be unstated: the article's subject;
    across articles, for one speaker whose articles name the same countries, ``same_owner``); years
    must be equal; content words equal, or overlapping closely (:func:`scope_overlap`, ``inferred``).
    Populations: soldiers against an unqualified count is ``inferred`` (a war's losses are usually
    military); soldiers against civilians never pair.
    """
    if a.dimension != b.dimension or a.years != b.years:
        return None
    if a.countries != b.countries:
        return None
    inferred = False
    if a.scope != b.scope:
        if not scope_overlap(a, b):
            return None
        inferred = True
    if not a.countries:
        if not same_article and not same_owner and not a.scope:
            return None  # abstain: nothing says whose figure it is
        inferred = True
    if a.population != b.population:
        if "civilian" in {a.population, b.population}:
            return None
        inferred = True
    return "inferred" if inferred else "same"
