"""Evaluate the events stage on the PLOVER gold standard records (dev part).

Data: ``../shared/data/plover/plover_gsr_dev.json`` (openeventdata/PLOVER, CC BY-SA 4.0, Open Event
Data Alliance): one coded sentence per record, with the event category (older names: DEMAND is
REQUEST, DISAPPROVE and INVESTIGATE are ACCUSE, FIGHT is ASSAULT) and CAMEO-like actor codes whose
first three letters are the country (or IGO, NGO, IMG).

Each sentence runs through the whole pipeline; the sentence's central event (``Event.central``,
see ``onrecord.extract.events``) is scored:
- category accuracy, and macro-F1 over the gold categories;
- category + countries: the category is right, actor 1's country is one of the gold actor
  countries and actor 2's country is one of the gold recipient countries (a side the gold leaves
  empty is not scored).
The headline figure scores the SYSTEM's output only: each side's code is ``Actor.country`` of the
event's ``actor1_id``/``actor2_id`` (resolved by the actors stage, or by the events stage from the
side's phrase, see ``onrecord.extract.event_actors``). Gold codes that are not countries (IGO, NGO,
IMG for international militarized groups, MNC, ...) are matched by an actor of kind organization or
group that has no country (code ``INT``); a country code is matched only by that country.
A secondary column ("with Phoenix fallback", for comparison with earlier figures only) looks the
side's words up in the Phoenix dictionaries of ``../shared/data/petrarch`` when the system gives no
code; the system never reads them.

Usage: .venv/bin/python eval/events.py [--limit N] [--json] [--show]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "data" / "plover" / "plover_gsr_dev.json"
PHOENIX = [
    SHARED / "data" / "petrarch" / n
    for n in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
]
sys.path.insert(0, str(ROOT / "src"))

OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# gold codes that are not ISO 3166 alpha-3 for the country they mean
GOLD_CODE_FIXES = {"ITL": "ITA", "JAP": "JPN", "VTN": "VNM"}


def read_gold(path: Path) -> list[dict]:
    out = []
    for rec in json.loads(path.read_text(encoding="utf-8")):
        if not rec.get("text") or rec.get("event") == "DOCUMENT":
            continue
        out.append(rec)
    return out


def gold_codes(side: object) -> set[str]:
    if not isinstance(side, list):
        return set()
    codes = set()
    for actor in side:
        code = str(actor.get("code") or "")[:3].upper()
        if code:
            codes.add(GOLD_CODE_FIXES.get(code, code))
    return codes


def is_country_code(code: str) -> bool:
    import pycountry

    return code == "XKX" or pycountry.countries.get(alpha_3=code) is not None


def side_ok(got: str | None, gold: set[str]) -> bool:
    """A side the gold leaves empty is not scored; INT (a body of no country) matches any non-country code."""
    if not gold:
        return True
    if got == "INT":
        return any(not is_country_code(g) for g in gold)
    return got in gold


def read_phoenix(paths: list[Path]) -> dict[str, str]:
    """Phrase (upper case, words joined by _) -> three-letter code of its entry.

    People carry dated role codes; their country (the first three letters) does not change.
    """
    table: dict[str, str] = {}
    for path in paths:
        if not path.exists():
            continue
        names: list[str] = []
        current: str | None = None
        done = False
        for raw in path.read_text(encoding="latin-1").splitlines():
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            if not raw[0].isspace() and not line.startswith("["):
                name = line.split("[", 1)[0].strip().lstrip("+").strip("_ ").upper()
                if not line.startswith("+"):
                    names, current, done = [], None, False
                if name:
                    names.append(name)
                    if current:
                        table.setdefault(name, current)
            code = re.search(r"\[([A-Z]{3})([A-Z]*)\s*([0-9<>\-]*)\s*\]", line)
            if code and not done:
                done = True
                current = code.group(1)
                for n in names:
                    table.setdefault(n, current)
    return table


def phoenix_country(text: str | None, table: dict[str, str]) -> str | None:
    """The code of the longest dictionary phrase in the words, None if there is none."""
    if not text:
        return None
    words = re.findall(r"[A-Za-z][A-Za-z.'\-]*", re.sub(r"['’]s\b", "", text))
    up = [w.upper().rstrip(".") if w.upper() not in {"U.S.", "U.N."} else w.upper() for w in words]
    best: tuple[int, int, str] | None = None
    for i in range(len(up)):
        for j in range(min(len(up), i + 6), i, -1):
            key = "_".join(up[i:j])
            code = table.get(key) or table.get(key.replace(".", ""))
            if code:
                if best is None or (j - i) > best[0]:
                    best = (j - i, -i, code)
                break
    return best[2] if best else None


def macro_f1(pairs: list[tuple[str, str]]) -> tuple[float, dict[str, tuple[float, float, float, int]]]:
    labels = sorted({g for g, _ in pairs})
    per: dict[str, tuple[float, float, float, int]] = {}
    for lab in labels:
        tp = sum(1 for g, p in pairs if g == lab and p == lab)
        fp = sum(1 for g, p in pairs if g != lab and p == lab)
        fn = sum(1 for g, p in pairs if g == lab and p != lab)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[lab] = (prec, rec, f1, tp + fn)
    return (sum(v[2] for v in per.values()) / len(per) if per else 0.0), per


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show", action="store_true", help="print every sentence with gold and prediction")
    ap.add_argument(
        "--no-actors",
        action="store_true",
        help="skip the actors stage (countries then come only from the Phoenix fallback)",
    )
    args = ap.parse_args()
    if not GOLD.exists():
        print(f"events eval: {GOLD} not found; nothing to evaluate")
        return 0

    from onrecord.model import Article, sha256_text
    from onrecord.pipeline import Pipeline, Work

    gold = read_gold(GOLD)
    if args.limit:
        gold = gold[: args.limit]
    table = read_phoenix(PHOENIX)
    if args.no_actors:
        from onrecord.pipeline import register_stage

        register_stage("actors.none", requires=[], assigns=["actors", "mentions"], factory=lambda: lambda work: None)
        pipe = Pipeline(["actors.none", "timex.v1", "events.v1"])
    else:
        pipe = Pipeline()
    articles = [
        Article(
            id=rec["id"],
            title=None,
            published=rec.get("date"),
            source=None,
            language="en",
            text=rec["text"].strip().strip("{}").strip(),
            sha256=sha256_text(rec["text"]),
        )
        for rec in gold
    ]
    t0 = time.time()
    pairs: list[tuple[str, str]] = []
    full = 0
    full_phx = 0
    for rec, work in zip(gold, pipe.pipe(articles), strict=True):
        want = OLD_NAMES.get(rec["event"], rec["event"])
        central = [e for e in work.events if e.central]
        ev = central[0] if central else None
        got = ev.category if ev else "NONE"
        pairs.append((want, got))

        def code(actor_id: str | None, work: Work = work) -> str | None:
            actor = work.actors.get(actor_id) if actor_id else None
            if actor is None:
                return None
            if actor.country:
                return actor.country
            return "INT" if actor.kind in {"organization", "group"} else None

        src = code(ev.actor1_id) if ev else None
        tgt = code(ev.actor2_id) if ev else None
        gs, gt = gold_codes(rec.get("source")), gold_codes(rec.get("target"))
        ok = got == want and side_ok(src, gs) and side_ok(tgt, gt)
        full += ok
        psrc = src or (phoenix_country(ev.actor1_text, table) if ev else None)
        ptgt = tgt or (phoenix_country(ev.actor2_text, table) if ev else None)
        full_phx += got == want and side_ok(psrc, gs) and side_ok(ptgt, gt)
        if args.show:
            mark = "ok " if got == want else "BAD"
            print(
                f"{mark} {want:9} {got:9} {'C' if ok else '-'} src={src}/{sorted(gs)} tgt={tgt}/{sorted(gt)} "
                f"| {ev.trigger if ev else None} [{ev.actor1_text if ev else None}] "
                f"[{ev.actor2_text if ev else None}] | {rec['text'][:150]}"
            )
    n = len(pairs)
    acc = sum(1 for g, p in pairs if g == p) / n if n else 0.0
    mf1, per = macro_f1(pairs)
    metrics = {
        "n": n,
        "category_accuracy": round(acc, 4),
        "category_countries_accuracy": round(full / n if n else 0.0, 4),
        "category_countries_phoenix_fallback": round(full_phx / n if n else 0.0, 4),
        "macro_f1": round(mf1, 4),
        "no_event": sum(1 for _, p in pairs if p == "NONE"),
        "seconds": round(time.time() - t0, 1),
    }
    print(f"PLOVER GSR dev: {n} sentences, central event per sentence")
    print(f"{'category':<12}{'P':>7}{'R':>7}{'F1':>7}{'n':>5}")
    for lab, (p, r, f, k) in per.items():
        print(f"{lab:<12}{p:>7.2f}{r:>7.2f}{f:>7.2f}{k:>5}")
    print(
        f"category accuracy {acc:.3f}  category+countries (system) {metrics['category_countries_accuracy']:.3f}  "
        f"macro-F1 {mf1:.3f}  no event {metrics['no_event']}"
    )
    print(
        f"secondary, not the system: category+countries with the eval's Phoenix lookup for sides the system "
        f"left without a country {metrics['category_countries_phoenix_fallback']:.3f}"
    )
    confusion = Counter((g, p) for g, p in pairs if g != p)
    print("most frequent confusions:", ", ".join(f"{g}->{p} {k}" for (g, p), k in confusion.most_common(8)))
    if args.json:
        print(json.dumps(metrics))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
