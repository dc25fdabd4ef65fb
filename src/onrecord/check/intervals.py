"""A claim's value and qualifier as an interval of what the speaker can have meant.

Rules (conflicts approach note, step 1): about/some/around ±10%; nearly/almost [0.9v, v]; more than
[v, ∞); up to [0, v]; an exact figure spans half its last written digit, and a round figure
(40,000) at most ±5%, since speakers round.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from onrecord.check.lexicon import has_phrase
from onrecord.model import Claim

APPROX = 0.10
ROUND_CAP = 0.05
_NUM = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3}


@dataclass(frozen=True, slots=True)
class Interval:
    low: float
    high: float
    basis: str  # how it was built, for the explanation

    def disjoint_below(self, other: Interval) -> bool:
        """True when every value here is below every value of ``other``."""
        return self.high < other.low

    def show(self) -> str:
        if math.isinf(self.high):
            return f"[{fmt(self.low)}, ∞)"
        if self.low == self.high:
            return fmt(self.low)
        return f"[{fmt(self.low)}, {fmt(self.high)}]"


def fmt(x: float) -> str:
    """A number for people: 40,000 or 1.5 (no trailing .0)."""
    if math.isinf(x):
        return "∞"
    if abs(x - round(x)) < 1e-9:
        return f"{round(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def _written_step(claim: Claim, value: float) -> float:
    """Half the place value of the last written digit, capped for round figures."""
    text = claim.text or ""
    m = _NUM.search(text)
    scale = 1.0
    lowered = text.lower()
    for word, factor in _SCALES.items():
        if re.search(rf"(?<=[\d\s]){re.escape(word)}\b", lowered):
            scale = factor
            break
    if m and scale > 1:
        decimals = len(m.group(1) or "")
        return 0.5 * scale * 10.0 ** (-decimals)
    if value == 0:
        return 0.0
    if abs(value - round(value)) > 1e-9:
        s = repr(value)
        decimals = len(s.split(".")[1]) if "." in s else 0
        return 0.5 * 10.0 ** (-decimals)
    n = round(abs(value))
    zeros = 0
    while n and n % 10 == 0:
        n //= 10
        zeros += 1
    return min(0.5 * 10.0**zeros, ROUND_CAP * abs(value)) if zeros else 0.5


def claim_interval(claim: Claim) -> Interval | None:
    """The interval a claim's figure allows, or None when it has no figure."""
    lo, hi, v = claim.value_low, claim.value_high, claim.value
    if v is None and lo is not None and hi is not None:
        v = (lo + hi) / 2
    if v is None:
        return None
    words = (claim.text or "").lower()
    approximate = (
        claim.qualifier == "approx" or has_phrase("approx_words", words) or has_phrase("approx_low_words", words)
    )
    if approximate or claim.qualifier in ("at_least", "at_most"):
        lo = hi = None  # a stage's own tolerance around the figure: the qualifier is applied here, once
    if lo is not None and hi is not None and hi > lo:
        low, high, basis = float(lo), float(hi), "range as stated"
    else:
        low = high = float(v)
        basis = "exact"
    if claim.qualifier == "at_least":
        return Interval(low, math.inf, "at least")
    if claim.qualifier == "at_most":
        return Interval(0.0 if low >= 0 else -math.inf, high, "at most")
    if approximate:
        if has_phrase("approx_low_words", words):
            return Interval(low * (1 - APPROX), high, "'nearly': up to 10% below, not above")
        return Interval(low * (1 - APPROX), high * (1 + APPROX), "approximate: ±10%")
    step = _written_step(claim, float(v))
    if basis == "exact":
        basis = "as written" if step <= 0.5 else f"round figure: ±{fmt(step)}"
    return Interval(low - step, high + step, basis)
