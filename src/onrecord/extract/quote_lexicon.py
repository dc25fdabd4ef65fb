"""The attribution cue lexicon: lemmas mined from PolNeAR train (data/quote_cues.txt), loaded once."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

LOGGER = logging.getLogger(__name__)

# a lemma must head a gold cue at least this often in the mined sample to be used at all
MIN_COUNT = 3
# and this share of its occurrences must be cues (structure still decides: a complement or a quote)
MIN_RATE_VERB = 0.08
MIN_RATE_NOUN = 0.08
# lemmas whose infinitive complement is the content ("plans to", "wants to"); others need a clause
_NOT_CUES = frozenset({"be", "have", "do", "get", "make", "go", "take", "try", "seem", "appear", "come", "use"})


@dataclass(frozen=True, slots=True)
class CueLexicon:
    verbs: dict[str, float]  # lemma -> rate at which the lemma is a cue in train
    nouns: dict[str, float]

    def verb_rate(self, lemma: str) -> float:
        return self.verbs.get(lemma, 0.0)

    def noun_rate(self, lemma: str) -> float:
        return self.nouns.get(lemma, 0.0)


def parse_cues(lines: list[str]) -> CueLexicon:
    """Read lexicon rows ``lemma POS count occurrences rate`` (comments start with #)."""
    verbs: dict[str, float] = {}
    nouns: dict[str, float] = {}
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        lemma, pos, count, _total, rate = line.split("\t")
        if int(count) < MIN_COUNT or lemma in _NOT_CUES:
            continue
        r = float(rate)
        if pos in ("VERB", "AUX") and r >= MIN_RATE_VERB:
            verbs[lemma] = max(r, verbs.get(lemma, 0.0))
        elif pos == "NOUN" and r >= MIN_RATE_NOUN:
            nouns[lemma] = r
    return CueLexicon(verbs=verbs, nouns=nouns)


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    """The packaged lexicon, read once per process."""
    text = resources.files("onrecord.extract").joinpath("data/quote_cues.txt").read_text(encoding="utf-8")
    lex = parse_cues(text.splitlines())
    LOGGER.debug("cue lexicon: %d verbs, %d nouns", len(lex.verbs), len(lex.nouns))
    return lex
