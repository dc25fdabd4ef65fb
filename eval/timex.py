"""Evaluate the time-expression stage on TimeBank + AQUAINT (TBAQ-cleaned), side by side with dateparser.

Usage (from the repo root): .venv/bin/python eval/timex.py [--limit N] [--json] [--no-parse] [--no-baseline]

Scores as the TempEval-3 Task A scorer does: the document creation time (t0) is skipped; a relaxed
match is any overlap (each gold timex matched once), a strict match the same extent; type and value
accuracy are over relaxed matches; value F1 = value accuracy x relaxed F1. The DCT of each document
is the publication date. With --no-parse the grammar runs without part-of-speech tags (no tense).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
DATA = REPO.parent / "shared" / "data" / "timebank"

from onrecord.extract.timex import tokens_of  # noqa: E402
from onrecord.extract.timex_rules import TimexMatch, find_timexes  # noqa: E402


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class Doc:
    name: str
    dct: date
    text: str
    gold: list[Gold]


_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")


def load_doc(path: Path) -> Doc:
    """The plain text of <TEXT> with the offsets of its TIMEX3 elements, and the DCT."""
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"(\d{4}-\d\d-\d\d)", raw)
    if dct_m is None:
        raise ValueError(f"{path}: no DCT")
    body_m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    body = body_m.group(1) if body_m else ""
    parts: list[str] = []
    pos = 0
    length = 0
    gold: list[Gold] = []
    open_timex: tuple[int, str, str] | None = None
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if not m.group(1):
            attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(3)))
            open_timex = (length, attrs.get("type", ""), attrs.get("value", ""))
        elif open_timex is not None:
            start, typ, value = open_timex
            gold.append(Gold(start, length, "", typ, value))
            open_timex = None
    parts.append(html.unescape(body[pos:]))
    text = "".join(parts)
    gold = [Gold(g.start, g.end, text[g.start : g.end], g.type, g.value) for g in gold]
    return Doc(path.stem, date.fromisoformat(dct_m.group(1)), text, gold)


@dataclass
class Score:
    sys_n: int = 0
    gold_n: int = 0
    relaxed: int = 0
    strict: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, pred: list[tuple[int, int, str, str | None]], gold: list[Gold]) -> list[str]:
        """Match predictions to gold; returns readable error lines."""
        self.sys_n += len(pred)
        self.gold_n += len(gold)
        used: set[int] = set()
        errors: list[str] = []
        for s, e, typ, val in pred:
            hit = next((i for i, g in enumerate(gold) if i not in used and g.start < e and s < g.end), None)
            if hit is None:
                errors.append(f"FP  {s}-{e} {typ} {val}")
                continue
            used.add(hit)
            g = gold[hit]
            self.relaxed += 1
            self.strict += (g.start, g.end) == (s, e)
            self.type_ok += g.type == typ
            self.value_ok += g.value == val
            if g.value != val:
                errors.append(f"VAL {g.text!r} gold={g.type}:{g.value} got={typ}:{val}")
        errors += [f"FN  {g.text!r} {g.type}:{g.value}" for i, g in enumerate(gold) if i not in used]
        return errors

    def metrics(self) -> dict[str, float]:
        def f1(k: int) -> tuple[float, float, float]:
            p = k / self.sys_n if self.sys_n else 0.0
            r = k / self.gold_n if self.gold_n else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        rp, rr, rf = f1(self.relaxed)
        sp, sr, sf = f1(self.strict)
        tacc = self.type_ok / self.relaxed if self.relaxed else 0.0
        vacc = self.value_ok / self.relaxed if self.relaxed else 0.0
        return {
            "relaxed_p": 100 * rp,
            "relaxed_r": 100 * rr,
            "relaxed_f1": 100 * rf,
            "strict_p": 100 * sp,
            "strict_r": 100 * sr,
            "strict_f1": 100 * sf,
            "type_acc": 100 * tacc,
            "value_acc": 100 * vacc,
            "type_f1": 100 * tacc * rf,
            "value_f1": 100 * vacc * rf,
        }


def ours(doc: Doc, parsed: Any) -> list[tuple[int, int, str, str | None]]:
    toks = tokens_of(parsed) if parsed is not None else None
    found: list[TimexMatch] = find_timexes(doc.text, doc.dct, toks)
    return [(t.start, t.end, t.type, t.value) for t in found]


def baseline(doc: Doc) -> list[tuple[int, int, str, str | None]]:
    """dateparser.search.search_dates with the DCT as relative base; spans found by searching the text."""
    from dateparser.search import search_dates

    base = datetime(doc.dct.year, doc.dct.month, doc.dct.day)
    out: list[tuple[int, int, str, str | None]] = []
    try:
        found = search_dates(doc.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    except (ValueError, OverflowError, TypeError):
        found = []
    pos = 0
    for sub, dt in found:
        i = doc.text.find(sub, pos)
        if i < 0:
            i = doc.text.find(sub)
            if i < 0:
                continue
        else:
            pos = i + len(sub)
        out.append((i, i + len(sub), "DATE", dt.date().isoformat()))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="first N documents only")
    ap.add_argument("--json", action="store_true", help="print one JSON object of metrics last")
    ap.add_argument("--no-parse", action="store_true", help="no spaCy tags (the grammar without tense)")
    ap.add_argument("--no-baseline", action="store_true", help="skip dateparser")
    ap.add_argument("--errors", type=Path, help="write our errors to this file")
    args = ap.parse_args()
    if not DATA.is_dir():
        print(f"no TimeBank data at {DATA}: nothing to evaluate")
        return 0
    paths = sorted(DATA.glob("*/*.tml"))
    if args.limit:
        paths = paths[: args.limit]
    docs = [load_doc(p) for p in paths]
    nlp = None
    if not args.no_parse:
        from onrecord.pipeline import load_nlp

        nlp = load_nlp()
    ours_score, base_score = Score(), Score()
    err_lines: list[str] = []
    t0 = time.perf_counter()
    parsed = nlp.pipe([d.text for d in docs], disable=["ner"]) if nlp is not None else iter([None] * len(docs))
    for doc, sdoc in zip(docs, parsed, strict=True):
        errs = ours_score.add(ours(doc, sdoc), doc.gold)
        err_lines += [f"{doc.name} {doc.dct} {e}" for e in errs]
    t_ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    if not args.no_baseline:
        for doc in docs:
            base_score.add(baseline(doc), doc.gold)
    t_base = time.perf_counter() - t0
    if args.errors:
        args.errors.write_text("\n".join(err_lines) + "\n", encoding="utf-8")
    m_ours, m_base = ours_score.metrics(), base_score.metrics()
    print(f"TimeBank+AQUAINT: {len(docs)} documents, {ours_score.gold_n} gold timexes (DCT excluded)")
    print(f"{'metric':<12}{'onrecord':>10}{'dateparser':>12}")
    for k in m_ours:
        b = f"{m_base[k]:>12.1f}" if not args.no_baseline else f"{'-':>12}"
        print(f"{k:<12}{m_ours[k]:>10.1f}{b}")
    print(f"{'seconds':<12}{t_ours:>10.1f}{t_base:>12.1f}")
    print(f"{'found':<12}{ours_score.sys_n:>10}{base_score.sys_n:>12}")
    kinds = Counter(line.split()[2] for line in err_lines)
    print("errors:", dict(kinds))
    if args.json:
        result = {f"timex_{k}": round(v, 2) for k, v in m_ours.items()}
        if not args.no_baseline:
            result.update({f"dateparser_{k}": round(v, 2) for k, v in m_base.items()})
        result["documents"] = len(docs)
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
