"""The attribution cue lexicon, mined from PolNeAR train and loaded once.

- data/quote_cues.txt: how often each lemma heads a gold cue, over all its occurrences;
- data/quote_cue_frames.txt: the same per frame, what the verb governs (``ccomp`` a clause, ``xcomp`` a
  to-infinitive, ``obj`` an object or prepositional phrase, ``none``): "show" with a clause is a cue far
  more often than "show" at large.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

LOGGER = logging.getLogger(__name__)

# a lemma must head a gold cue at least this often in the mined sample to be used at all
MIN_COUNT = 3
# and this share of its occurrences must be cues (structure still decides: a complement or a quote)
MIN_RATE_VERB = 0.08
MIN_RATE_NOUN = 0.08
# a frame's own rate decides once the lemma was seen this often in that frame
MIN_FRAME_TOTAL = 6
# lemmas whose infinitive complement is the content ("plans to", "wants to"); others need a clause
_NOT_CUES = frozenset({"be", "have", "do", "get", "make", "go", "take", "try", "seem", "appear", "come", "use"})


@dataclass(frozen=True, slots=True)
class CueLexicon:
    verbs: dict[str, float]  # lemma -> rate at which the lemma is a cue in train
    nouns: dict[str, float]
    frames: dict[tuple[str, str], float] = field(default_factory=dict)  # (lemma, frame) -> rate

    def frame_rate(self, lemma: str, frame: str) -> float | None:
        """The rate of the lemma as a cue in that frame, or None without enough evidence."""
        return self.frames.get((lemma, frame))

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


def parse_frames(lines: list[str]) -> dict[tuple[str, str], float]:
    """Read frame rows ``lemma frame count occurrences rate``; rows seen too rarely are left out."""
    out: dict[tuple[str, str], float] = {}
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        lemma, frame, _count, total, rate = line.split("\t")
        if int(total) >= MIN_FRAME_TOTAL and lemma not in _NOT_CUES:
            out[(lemma, frame)] = float(rate)
    return out


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    """The packaged lexicon, read once per process."""
    data = resources.files("onrecord.extract").joinpath("data")
    lex = parse_cues(data.joinpath("quote_cues.txt").read_text(encoding="utf-8").splitlines())
    frames_file = data.joinpath("quote_cue_frames.txt")
    if frames_file.is_file():
        lex = replace(lex, frames=parse_frames(frames_file.read_text(encoding="utf-8").splitlines()))
    LOGGER.debug("cue lexicon: %d verbs, %d nouns, %d frames", len(lex.verbs), len(lex.nouns), len(lex.frames))
    return lex


@lru_cache(maxsize=1)
def media_nouns() -> frozenset[str]:
    """Lemmas of the documents and broadcasts that carry a speaker's words (data/quote_media.txt)."""
    text = resources.files("onrecord.extract").joinpath("data", "quote_media.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
