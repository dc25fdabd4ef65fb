"""What each onrecord stage costs next to the bare spaCy parse, on BBC News articles.

Draws ~100 articles from ../shared/data/bbc with a fixed seed (Greene and Cunningham, ICML 2006; research
use), parses them with the spaCy pipeline alone, then runs the registered default stages in order on those
parses, timing each stage separately. Each stage's cost is printed as seconds and as a ratio of the parse
time (0.20 means the stage adds a fifth of the parse time). Works with whatever stages exist: a stage
missing from the registry is skipped, and one that fails on an article is counted and reported.

Usage: .venv/bin/python bench/stage_cost.py [--limit N] [--seed S] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BBC = SHARED / "data" / "bbc"
sys.path.insert(0, str(ROOT / "src"))

from onrecord.model import Article, sha256_text  # noqa: E402
from onrecord.pipeline import DEFAULT_STAGES, Work, check_order, load_nlp, registered_stages  # noqa: E402


def sample(limit: int, seed: int) -> list[tuple[str, str]]:
    """(id, text) of ``limit`` BBC articles drawn with a fixed seed; the first line (headline) is kept."""
    files = sorted(BBC.glob("*/*.txt"))
    random.Random(seed).shuffle(files)
    out = []
    for f in files[:limit]:
        text = f.read_text(encoding="latin-1").strip()
        out.append((f"bbc-{f.parent.name}-{f.stem}", text))
    return out


def runnable_stages() -> list[str]:
    """The default stages that are registered, in order, keeping only those whose requirements are met."""
    known = registered_stages()
    names: list[str] = []
    for name in DEFAULT_STAGES:
        if name not in known:
            continue
        try:
            check_order([*names, name])
        except Exception:  # a stage whose requirements no registered stage assigns
            continue
        names.append(name)
    return names


class StageTimeout(Exception):
    """A stage ran past the per-article limit (a hang, not a cost)."""


def _alarm(signum: int, frame: object) -> None:
    raise StageTimeout


def run_limited(stage: object, work: Work, limit_s: float) -> None:
    """Run one stage on one article, interrupted after ``limit_s`` seconds."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, limit_s)
    try:
        stage(work)  # type: ignore[operator]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=100, help="number of articles (default 100)")
    ap.add_argument("--seed", type=int, default=7, help="sampling seed")
    ap.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    ap.add_argument("--timeout", type=float, default=5.0, help="seconds one stage may take on one article")
    args = ap.parse_args()
    if not BBC.is_dir():
        print(f"BBC corpus not found at {BBC}: nothing to measure")
        if args.json:
            print(json.dumps({"skipped": True, "reason": "no data"}))
        return 0
    arts = sample(args.limit, args.seed)
    words = sum(len(t.split()) for _, t in arts)
    nlp = load_nlp()
    nlp("warm up the pipeline.")
    t0 = time.perf_counter()
    docs = [nlp(text) for _, text in arts]
    parse_s = time.perf_counter() - t0

    names = runnable_stages()
    specs = registered_stages()
    stages = [(n, specs[n].factory()) for n in names]
    works = [
        Work(
            article=Article(
                id=aid,
                title=None,
                published="2005-01-01",
                source=None,
                language="en",
                text=text,
                sha256=sha256_text(text),
            ),
            doc=doc,
        )
        for (aid, text), doc in zip(arts, docs, strict=True)
    ]
    cost: dict[str, float] = {}
    failed: dict[str, int] = {}
    hung: dict[str, int] = {}
    for name, stage in stages:
        t = time.perf_counter()
        for w in works:
            try:
                run_limited(stage, w, args.timeout)
            except StageTimeout:  # a hang is a bug to report, not a cost to average in
                hung[name] = hung.get(name, 0) + 1
            except Exception:  # measure the others; report how many articles this stage failed on
                failed[name] = failed.get(name, 0) + 1
        cost[name] = time.perf_counter() - t - hung.get(name, 0) * args.timeout

    print(f"{len(arts)} BBC articles, {words} words; spaCy parse {parse_s:.2f} s ({words / parse_s:.0f} words/s)")
    print(f"{'stage':<14}{'seconds':>10}{'x parse':>10}  failed  timed out")
    print(f"{'parse':<14}{parse_s:>10.2f}{1.0:>10.3f}")
    for name in names:
        ratio = cost[name] / parse_s
        print(f"{name:<14}{cost[name]:>10.2f}{ratio:>10.3f}  {failed.get(name, 0):>6}  {hung.get(name, 0):>9}")
    total = sum(cost.values())
    print(f"{'all stages':<14}{total:>10.2f}{total / parse_s:>10.3f}")
    if args.json:
        out: dict[str, object] = {"articles": len(arts), "words": words, "parse_s": round(parse_s, 3)}
        for name in names:
            out[f"{name}_ratio"] = round(cost[name] / parse_s, 4)
            out[f"{name}_failed"] = failed.get(name, 0)
            out[f"{name}_timed_out"] = hung.get(name, 0)
        print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
