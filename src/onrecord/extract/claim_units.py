"""Units of measure and currencies: find them before or after a number and normalize them.

Forms come from ``data/units.json`` (loaded once). Currencies normalize to ISO 4217 codes, percent to ``%``,
physical units to their English name ("kilometre"); ``X per Y`` compounds to ``"<X> per <Y>"``.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class UnitMatch:
    unit: str
    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Form:
    form: str
    unit: str
    kind: str
    case_sensitive: bool
    glued_only: bool


def _load_json(name: str) -> dict[str, Any]:
    with resources.files("onrecord.extract").joinpath("data", name).open(encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


def _forms(side: str) -> list[_Form]:
    out: list[_Form] = []
    for entry in _load_json("units.json")["units"]:
        for key, cs, glued in ((side, False, False), (f"cs_{side}", True, False), (f"cs_glued_{side}", True, True)):
            for form in entry.get(key, []):
                short = len(form) == 1 and form.isalpha()
                out.append(_Form(form, entry["unit"], entry["kind"], cs or short, glued or (short and form.islower())))
    return out


def _alternation(forms: list[_Form], *, boundary: bool = True) -> str:
    ordered = sorted({f.form for f in forms}, key=len, reverse=True)
    parts = []
    for form in ordered:
        pat = re.escape(form).replace(r"\ ", r"\s*")
        if boundary and form[-1].isalnum():
            pat += r"(?![^\W_])"
        parts.append(pat)
    return "|".join(parts)


class UnitLexicon:
    """Compiled matchers for prefix currencies and suffix units."""

    def __init__(self) -> None:
        data = _load_json("units.json")
        self.suffix_forms = _forms("suffix")
        self.prefix_forms = _forms("prefix")
        self._suffix: dict[tuple[str, bool], _Form] = {}
        for f in self.suffix_forms:
            self._suffix.setdefault((f.form if f.case_sensitive else f.form.lower(), f.case_sensitive), f)
        self._prefix: dict[tuple[str, bool], _Form] = {}
        for f in self.prefix_forms:
            self._prefix.setdefault((f.form if f.case_sensitive else f.form.lower(), f.case_sensitive), f)
        ci = [f for f in self.suffix_forms if not f.case_sensitive]
        cs = [f for f in self.suffix_forms if f.case_sensitive]
        self.suffix_ci = re.compile(_alternation(ci), re.IGNORECASE)
        self.suffix_cs = re.compile(_alternation(cs))
        pci = [f for f in self.prefix_forms if not f.case_sensitive]
        pcs = [f for f in self.prefix_forms if f.case_sensitive]
        self.prefix_ci = re.compile(r"(?:" + _alternation(pci, boundary=False) + r")(?=\s?[+\-]?[\d.])", re.IGNORECASE)
        self.prefix_cs = re.compile(r"(?:" + _alternation(pcs, boundary=False) + r")(?=\s?[+\-]?[\d.])")
        self.kind_of = {f.unit: f.kind for f in self.suffix_forms + self.prefix_forms}
        denominators = [
            f for f in self.suffix_forms if f.kind in ("time", "mass", "volume", "length", "area", "energy")
        ]
        den_words = sorted({f.form for f in denominators if len(f.form) > 1} | set(data["denominator_nouns"]), key=len)
        self.per = re.compile(
            r"[\s-]*(?:per|an?|each|every|/)[\s-]*("
            + "|".join(re.escape(w) for w in reversed(den_words))
            + r")(?![^\W_])",
            re.IGNORECASE,
        )
        self.den_unit = {f.form.lower(): f.unit for f in denominators}

    def prefix_at(self, text: str, pos: int) -> UnitMatch | None:
        """A currency written before a number starting at ``pos`` ("US$", "£", "pounds", "RM")."""
        best: UnitMatch | None = None
        for rx, cs in ((self.prefix_cs, True), (self.prefix_ci, False)):
            m = rx.match(text, pos)
            if not m:
                continue
            key = re.sub(r"\s+", " ", m.group(0))
            form = self._prefix.get((key if cs else key.lower(), cs)) or self._lookup_spaced(self._prefix, key, cs)
            if form and (best is None or m.end() > best.end):
                best = UnitMatch(form.unit, form.kind, m.start(), m.end(), m.group(0))
        return best

    @staticmethod
    def _lookup_spaced(table: dict[tuple[str, bool], _Form], key: str, cs: bool) -> _Form | None:
        squeezed = key.replace(" ", "")
        for (form, fcs), f in table.items():
            if fcs == cs and (form if cs else form.lower()).replace(" ", "") == (squeezed if cs else squeezed.lower()):
                return f
        return None

    def suffix_at(self, text: str, pos: int) -> UnitMatch | None:
        """A unit written right after a number ending at ``pos`` ("%", " per cent", "kg", "-year-old")."""
        gap = re.match(r"[ \t]?-?|[ \t]", text[pos : pos + 2])
        best: UnitMatch | None = None
        for skip in sorted({0, len(gap.group(0)) if gap else 0}):
            start = pos + skip
            for rx, cs in ((self.suffix_cs, True), (self.suffix_ci, False)):
                m = rx.match(text, start)
                if not m:
                    continue
                key = re.sub(r"\s+", " ", m.group(0))
                form = self._suffix.get((key if cs else key.lower(), cs)) or self._lookup_spaced(self._suffix, key, cs)
                if form is None:
                    continue
                if form.glued_only and skip:
                    continue
                if skip and text[pos] == "-" and form.kind not in ("age", "length", "volume", "power", "mass", "time"):
                    continue
                if best is None or m.end() > best.end:
                    best = UnitMatch(form.unit, form.kind, pos, m.end(), text[pos : m.end()])
        return best

    def per_at(self, text: str, pos: int) -> tuple[str, int] | None:
        """A denominator after a unit ("per gram", " a year", "/h", "-a-day"), as (normalized, end)."""
        m = self.per.match(text, pos)
        if not m:
            return None
        word = m.group(1).lower()
        unit = self.den_unit.get(word, word.rstrip("s") if len(word) > 3 else word)
        return unit, m.end()


@cache
def lexicon() -> UnitLexicon:
    """The unit lexicon, built once per process."""
    return UnitLexicon()
