"""Learn the quotes stage's confidence model from PolNeAR TRAIN (never dev) and write it to the package.

Run from the repo root: ``.venv/bin/python eval/quote_confidence.py [--limit N] [--target 91]``.

1. Articles: the train articles the cue lexicon was NOT mined from (``eval/quotes.py --mine-cues N``
   takes the first N after a seeded shuffle; N is read from the lexicon's header), so the lexicon's
   rates are not in-sample here.
2. Each outermost attribution the stage finds is labelled 1 when it matches a gold attribution with the
   right speaker, else 0 (a wrong speaker or no gold attribution at all), by the rules of
   ``eval/quotes.py``.
3. An L2-regularised logistic regression over the feature strings of
   :mod:`onrecord.extract.quote_confidence` (those seen at least ``--min-count`` times) is fitted.
4. The threshold: out-of-fold scores (5 folds) simulate the stage, dropping what it may drop (see
   :func:`onrecord.extract.quote_confidence.droppable`) under a threshold; the one with the best
   content F1 among those reaching ``--target`` speaker accuracy is kept.
5. ``src/onrecord/extract/data/quote_confidence.json`` gets the bias, weights and threshold.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy

sys.path.insert(0, str(Path(__file__).resolve().parent))
from onrecord.extract.quote_confidence import droppable
from quotes import CUES_FILE, ROOT, _touches, load_split, match, predicted_of

MODEL_FILE = ROOT / "src" / "onrecord" / "extract" / "data" / "quote_confidence.json"
MINE_SEED = 13  # the shuffle of eval/quotes.py --mine-cues
MIN_JUDGED = 30  # a way of finding attributions (Found.how) seen less often is left unjudged: always kept


@dataclass
class Row:
    article: int
    feats: list[str]
    matched: bool
    speaker_ok: bool
    how: str


def mined_count() -> int:
    """How many shuffled train articles the packaged cue lexicon was mined from (its header says)."""
    m = re.search(r"(\d+) articles parsed", CUES_FILE.read_text(encoding="utf-8"))
    if m is None:
        raise SystemExit(f"{CUES_FILE}: no 'N articles parsed' in the header; rebuild it with --mine-cues")
    return int(m.group(1))


def collect(limit: int | None) -> tuple[list[Row], list[int]]:
    """Rows for every outermost attribution, and the number of gold attributions per article."""
    from onrecord.extract.quotes import QuotesStage
    from onrecord.model import Article, sha256_text
    from onrecord.pipeline import Pipeline, Work

    arts = load_split("train")
    random.Random(MINE_SEED).shuffle(arts)
    arts = arts[mined_count() :]
    if limit is not None:
        arts = arts[:limit]
    pipe = Pipeline(["actors.v1", "timex.v1"])
    stage = QuotesStage()
    rows: list[Row] = []
    n_gold: list[int] = []
    for k, (name, text, gold) in enumerate(arts):
        article = Article(
            id=name, title=None, published=None, source=None, language="en", text=text, sha256=sha256_text(text)
        )
        work = pipe.run_stages(Work(article=article, doc=pipe.nlp(text)))
        items = [a for a in stage.attributions(work) if a.found.parent is None and a.quotes]
        pred = [predicted_of(a.quotes, text) for a in items]
        pairs = dict((pi, gi) for gi, pi in match(gold, pred))
        for pi, a in enumerate(items):
            gi = pairs.get(pi)
            ok = False
            if gi is not None:
                g, p = gold[gi], pred[pi]
                ok = (not g.source and not p.source) or _touches(g.source, p.source)
            rows.append(Row(k, a.features, gi is not None, ok, a.found.how))
        n_gold.append(len(gold))
        if (k + 1) % 50 == 0:
            print(f"  {k + 1}/{len(arts)} articles", file=sys.stderr)
    return rows, n_gold


def fit(x: numpy.ndarray, y: numpy.ndarray, l2: float, steps: int = 300) -> numpy.ndarray:
    """Logistic regression by Newton steps on the mean log loss plus ``l2`` times the squared weights
    (the bias, column 0, is not penalised)."""
    n, m = x.shape
    w = numpy.zeros(m)
    reg = numpy.full(m, l2)
    reg[0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + numpy.exp(-numpy.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) / n + 2 * reg * w
        hess = (x.T * (p * (1 - p))) @ x / n + numpy.diag(2 * reg + 1e-9)
        step = numpy.linalg.solve(hess, grad)
        w -= step
        if float(numpy.abs(step).max()) < 1e-6:
            break
    return w


def design(rows: list[Row], vocab: dict[str, int]) -> numpy.ndarray:
    x = numpy.zeros((len(rows), len(vocab) + 1))
    x[:, 0] = 1.0
    for i, r in enumerate(rows):
        for f in r.feats:
            j = vocab.get(f)
            if j is not None:
                x[i, j + 1] = 1.0
    return x


def simulate(
    rows: list[Row], scores: numpy.ndarray, n_gold: int, threshold: float, judged: frozenset[str]
) -> tuple[float, float, float]:
    """Content F1, speaker accuracy and recall if the stage dropped what it may under ``threshold``."""
    keep = (scores >= threshold) | numpy.array([not droppable(r.how, judged) for r in rows])
    tp = sum(1 for r, k in zip(rows, keep, strict=True) if k and r.matched)
    ok = sum(1 for r, k in zip(rows, keep, strict=True) if k and r.speaker_ok)
    n_pred = int(keep.sum())
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return 100 * f1, 100 * ok / tp if tp else 0.0, 100 * r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="use only the first N training articles")
    ap.add_argument("--min-count", type=int, default=5, help="keep features seen at least this often")
    ap.add_argument("--l2", type=float, default=0.001, help="L2 penalty on the weights")
    ap.add_argument("--target", type=float, default=91.0, help="speaker accuracy the threshold must reach")
    ap.add_argument("--cache", type=Path, default=None, help="read/write the collected rows here (JSON)")
    ap.add_argument("--dry-run", action="store_true", help="print the threshold table, write nothing")
    args = ap.parse_args()

    if args.cache is not None and args.cache.exists():
        data = json.loads(args.cache.read_text(encoding="utf-8"))
        rows = [Row(**r) for r in data["rows"]]
        n_gold = data["n_gold"]
    else:
        rows, n_gold = collect(args.limit)
        if args.cache is not None:
            args.cache.write_text(json.dumps({"rows": [r.__dict__ for r in rows], "n_gold": n_gold}), encoding="utf-8")
    total_gold = sum(n_gold)
    counts: dict[str, int] = {}
    for r in rows:
        for f in r.feats:
            counts[f] = counts.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= args.min_count))}
    x = design(rows, vocab)
    y = numpy.array([1.0 if r.speaker_ok else 0.0 for r in rows])
    print(f"{len(rows)} attributions from {len(n_gold)} articles, {len(vocab)} features, {y.mean():.3f} right")

    # out-of-fold scores, folds by article so an article's attributions are scored by a model without it
    folds = numpy.array([r.article % 5 for r in rows])
    oof = numpy.zeros(len(rows))
    for k in range(5):
        w = fit(x[folds != k], y[folds != k], args.l2)
        oof[folds == k] = 1.0 / (1.0 + numpy.exp(-numpy.clip(x[folds == k] @ w, -30, 30)))
    hows = {f.split("=", 1)[1]: c for f, c in counts.items() if f.startswith("how=") and "&" not in f}
    judged = frozenset(h for h, c in hows.items() if c >= MIN_JUDGED)
    base_f1, base_spk, _ = simulate(rows, oof, total_gold, -1.0, judged)
    print(f"{'threshold':>9} {'F1':>6} {'speaker':>8} {'recall':>7}  (keeping all: {base_f1:.1f} {base_spk:.1f})")
    best: tuple[float, float] | None = None
    for t in numpy.arange(0.05, 0.80, 0.025):
        f1, spk, rec = simulate(rows, oof, total_gold, float(t), judged)
        print(f"{t:9.3f} {f1:6.1f} {spk:8.1f} {rec:7.1f}")
        if spk >= args.target and (best is None or f1 > best[1]):
            best = (float(t), f1)
    if best is None:
        print(f"no threshold reaches speaker accuracy {args.target}", file=sys.stderr)
        sys.exit(1)
    print(f"threshold {best[0]:.3f}: F1 {best[1]:.1f}")
    w = fit(x, y, args.l2)
    names = sorted(vocab, key=vocab.__getitem__)
    model = {
        "about": "onrecord quotes confidence, fitted by eval/quote_confidence.py on PolNeAR train "
        "(Newell, Margolin and Ruths, LREC 2018)",
        "articles": len(n_gold),
        "bias": round(float(w[0]), 5),
        "threshold": round(best[0], 4),
        "judged": {h: hows[h] for h in sorted(judged)},
        "weights": {n: round(float(w[i + 1]), 5) for i, n in enumerate(names) if abs(w[i + 1]) >= 1e-4},
    }
    if args.dry_run:
        return
    MODEL_FILE.write_text(json.dumps(model, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_FILE.relative_to(ROOT)}: {len(model['weights'])} weights")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
