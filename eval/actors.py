"""Evaluate the actors stage: countries of PLOVER actors and coverage of PolNeAR sources (dev splits).

Run from the repo root: ``.venv/bin/python eval/actors.py [--limit N] [--json]``.

Data (read from ``../shared/data``, never copied into the project):

- PLOVER gold standard records (openeventdata/PLOVER, CC BY-SA 4.0, Open Event Data Alliance): one
  sentence each with source and target actors (``actorText`` and a CAMEO-like ``code`` whose first three
  letters are the country, or IGO/NGO/IMG... for bodies that are not a state's).
- PolNeAR (Newell, Margolin and Ruths, LREC 2018; networkdynamics/PolNeAR): brat attributions whose
  ``Source`` spans name who is speaking; one annotator file per article, the first in sorted order.

Metrics:

- ``plover_country_{precision,recall,f1}``: for every gold source/target actor whose code is a country,
  the country of the actor the stage found in the span (the longest mention in it that has a country).
  Precision counts every span the stage gave a country (gold country or not), recall every gold-country
  span. ``plover_found`` is the share of gold actor spans with any mention; ``plover_igo_accuracy`` the
  share of IGO-coded spans found as a body of no country.
- ``polnear_source_coverage``: share of gold Source spans overlapping a mention;
  ``polnear_named_coverage`` the same for sources with a capitalised word after the first;
  ``polnear_pronoun_resolved``: share of personal-pronoun sources (he, she, him, her) resolved to a person;
  ``polnear_it_they_resolved``: share of sources that are exactly it, its, they or their given a mention of
  an actor that is not a person, or for they and their of two or more people named together.

PolNeAR marks no antecedents, so the precision of those resolutions cannot be computed from it:
``--it-they train --sample 30`` lists a seeded sample of them from the train split, with the text before
each, for checking by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PLOVER = SHARED / "data" / "plover" / "plover_gsr_dev.json"
POLNEAR = SHARED / "data" / "polnear" / "dev"
sys.path.insert(0, str(ROOT / "src"))

from onrecord.knowledge.base import default_kb  # noqa: E402
from onrecord.model import Article, sha256_text  # noqa: E402
from onrecord.pipeline import Pipeline, Work  # noqa: E402

# CAMEO country codes that differ from ISO 3166 alpha-3
_CAMEO_ISO = {"ITL": "ITA", "JAP": "JPN", "VTN": "VNM", "ROM": "ROU", "GMY": "DEU"}
_PRONOUNS = frozenset({"he", "she", "him", "her"})
_IT_THEY = frozenset({"it", "its", "they", "their"})
_T_LINE = re.compile(r"^T\d+\tSource ([\d ;]+)\t")
_SEED = 20250121


@dataclass
class Tally:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.predicted if self.predicted else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _article(ident: str, text: str, published: str | None = None) -> Article:
    return Article(
        id=ident, title=None, published=published, source=None, language="en", text=text, sha256=sha256_text(text)
    )


def _locate(text: str, phrase: str) -> tuple[int, int] | None:
    phrase = " ".join(phrase.split())
    at = text.find(phrase)
    if at < 0:
        at = text.lower().find(phrase.lower())
    return (at, at + len(phrase)) if at >= 0 else None


def _found(work: Work, start: int, end: int) -> tuple[bool, str | None, str | None]:
    """Whether a mention overlaps the span, the country found there, and the kind of the actor chosen."""
    mentions = work.mentions_in(start, end)
    if not mentions:
        return False, None, None
    ranked = sorted(mentions, key=lambda m: -(min(end, m.span[1]) - max(start, m.span[0])))
    for m in ranked:
        actor = work.actors[m.actor_id]
        if actor.country:
            return True, actor.country, actor.kind
    return True, None, work.actors[ranked[0].actor_id].kind


def plover(pipe: Pipeline, limit: int | None, isos: set[str]) -> dict[str, float]:
    records = [r for r in json.loads(PLOVER.read_text(encoding="utf-8")) if r.get("text")]
    if limit is not None:
        records = records[:limit]
    tally = Tally()
    spans = found = igo = igo_right = 0
    misses: Counter[str] = Counter()
    for r in records:
        text = r["text"]
        work = pipe(_article(r["id"], text, r.get("date")))
        for role in ("source", "target"):
            actors = r.get(role)
            if not isinstance(actors, list):
                continue
            for a in actors:
                where = _locate(text, a.get("actorText", ""))
                if where is None:
                    continue
                code = str(a.get("code", ""))[:3]
                gold = _CAMEO_ISO.get(code, code)
                hit, country, kind = _found(work, *where)
                spans += 1
                found += hit
                if country is not None:
                    tally.predicted += 1
                if gold in isos:
                    tally.gold += 1
                    tally.tp += country == gold
                    if country != gold:
                        misses[f"{a['actorText']}={gold}->{country}"] += 1
                elif gold == "IGO":
                    igo += 1
                    right = hit and country is None and kind == "organization"
                    igo_right += right
                    if not right:
                        misses[f"{a['actorText']}=IGO->{country or kind}"] += 1
    p, r_, f = tally.prf()
    return {
        "plover_spans": float(spans),
        "plover_found": found / spans if spans else 0.0,
        "plover_country_precision": p,
        "plover_country_recall": r_,
        "plover_country_f1": f,
        "plover_igo_accuracy": igo_right / igo if igo else 0.0,
        "_misses": misses,  # type: ignore[dict-item]
    }


def _sources(ann: Path) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        m = _T_LINE.match(line)
        if m:
            nums = [int(x) for x in re.split(r"[ ;]", m.group(1).strip()) if x]
            out.append((min(nums), max(nums)))
    return out


def _it_they_actors(work: Work, start: int, end: int, word: str) -> list[str]:
    """The actors an it/they source was resolved to, when they count: not people, or for they several people."""
    actors = list(dict.fromkeys(m.actor_id for m in work.mentions_in(start, end)))
    kinds = [work.actors[a].kind for a in actors]
    if any(k != "person" for k in kinds) or (word in ("they", "their") and len(actors) >= 2):
        return actors
    return []


def polnear(pipe: Pipeline, limit: int | None) -> dict[str, float]:
    texts = sorted((POLNEAR / "text").glob("*.txt"))
    if limit is not None:
        texts = sorted(random.Random(_SEED).sample(texts, min(limit, len(texts))))
    total = covered = named = named_cov = pron = pron_ok = it_they = it_they_ok = 0
    for path in texts:
        anns = sorted((POLNEAR / "attributions").glob(f"{path.stem}_*.ann"))
        if not anns:
            continue
        text = path.read_text(encoding="utf-8")
        work = pipe(_article(path.stem, text))
        for start, end in _sources(anns[0]):
            span = text[start:end]
            mentions = work.mentions_in(start, end)
            total += 1
            covered += bool(mentions)
            words = span.split()
            if span.strip().lower() in _PRONOUNS:
                pron += 1
                pron_ok += any(work.actors[m.actor_id].kind == "person" for m in mentions)
            elif span.strip().lower() in _IT_THEY:
                it_they += 1
                it_they_ok += bool(_it_they_actors(work, start, end, span.strip().lower()))
            elif any(w[:1].isupper() for w in words[1:]) or (len(words) == 1 and words[0][:1].isupper()):
                named += 1
                named_cov += bool(mentions)
    return {
        "polnear_articles": float(len(texts)),
        "polnear_sources": float(total),
        "polnear_source_coverage": covered / total if total else 0.0,
        "polnear_named_coverage": named_cov / named if named else 0.0,
        "polnear_pronoun_sources": float(pron),
        "polnear_pronoun_resolved": pron_ok / pron if pron else 0.0,
        "polnear_it_they_sources": float(it_they),
        "polnear_it_they_resolved": it_they_ok / it_they if it_they else 0.0,
    }


def it_they_sample(pipe: Pipeline, split: str, size: int) -> None:
    """Print a seeded sample of the it/they sources of a PolNeAR split that were resolved, for a hand check."""
    root = POLNEAR.parent / split
    found: list[str] = []
    for path in sorted((root / "text").glob("*.txt")):
        anns = sorted((root / "attributions").glob(f"{path.stem}_*.ann"))
        text = path.read_text(encoding="utf-8")
        spans = [(a, b) for a, b in _sources(anns[0]) if text[a:b].strip().lower() in _IT_THEY] if anns else []
        if not spans:
            continue
        work = pipe(_article(path.stem, text))
        for start, end in spans:
            actors = _it_they_actors(work, start, end, text[start:end].strip().lower())
            if actors:
                before = " ".join(text[max(0, start - 300) : start].split())
                names = " + ".join(work.actors[a].name for a in actors)
                found.append(f"{path.stem}@{start}\n  ...{before} [[{text[start:end]}]] -> {names}")
    print(f"{len(found)} it/they sources resolved in {split}; a sample of {min(size, len(found))}:")
    for line in random.Random(_SEED).sample(found, min(size, len(found))):
        print(line)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--limit", type=int, default=None, help="first N PLOVER records, N PolNeAR articles (seeded)")
    ap.add_argument("--json", action="store_true", help="print one JSON object of metrics as the last line")
    ap.add_argument("--misses", action="store_true", help="list the PLOVER spans given a wrong country")
    ap.add_argument("--it-they", metavar="SPLIT", help="only list resolved it/they sources of a PolNeAR split")
    ap.add_argument("--sample", type=int, default=30, help="how many --it-they resolutions to list")
    args = ap.parse_args()
    if not PLOVER.exists() and not POLNEAR.exists():
        print(f"no evaluation data under {SHARED / 'data'}: nothing to evaluate")
        return 0
    t0 = time.monotonic()
    pipe = Pipeline(["actors.v1"])
    if args.it_they:
        it_they_sample(pipe, args.it_they, args.sample)
        return 0
    isos = {e.country for e in default_kb().entries.values() if e.kind == "country" and e.country}
    metrics: dict[str, Any] = {}
    if PLOVER.exists():
        metrics.update(plover(pipe, args.limit, isos))
    if POLNEAR.exists():
        metrics.update(polnear(pipe, args.limit))
    misses: Counter[str] = metrics.pop("_misses", Counter())
    metrics["seconds"] = round(time.monotonic() - t0, 1)
    print(f"{'metric':32} {'value':>8}")
    for key, value in metrics.items():
        shown = f"{value:8.3f}" if isinstance(value, float) and value <= 1.0 else f"{value:8.0f}"
        print(f"{key:32} {shown}")
    if args.misses:
        for miss, n in misses.most_common():
            print(f"  {n} {miss}")
    if args.json:
        print(json.dumps({k: round(v, 4) for k, v in metrics.items()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
