"""Evaluate the consistency checks on the conflict-check corpus (tests/articles/conflicts/).

Runs the real pipeline over the corpus articles in publication order, as ingest does: each article's
records join a MemoryHistory and ``check_records`` runs on them. Predicted conflicts are matched to
tests/articles/conflicts/gold.json by kind and by the text their linked records cover, never by id.

Usage: .venv/bin/python eval/conflicts.py [--limit N] [--json] [--min-score S]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from onrecord.check import MemoryHistory, check_records  # noqa: E402
from onrecord.model import Article, Conflict, Record, sha256_text  # noqa: E402

CORPUS = ROOT / "tests" / "articles" / "conflicts"


def read_article(path: Path) -> Article:
    """An article file: '# key: value' header lines, a blank line, then the text."""
    meta: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    body_start = 0
    for i, line in enumerate(lines):
        if not line.startswith("#"):
            body_start = i
            break
        if ":" in line:
            key, _, value = line[1:].partition(":")
            meta[key.strip()] = value.strip()
    text = "\n".join(lines[body_start:]).strip()
    return Article(
        id=path.stem,
        title=meta.get("title"),
        published=meta.get("published"),
        source=meta.get("source"),
        language="en",
        text=text,
        sha256=sha256_text(text),
    )


def locate(text: str, want: dict[str, Any]) -> tuple[int, int] | None:
    near = want.get("near")
    base = 0
    if near:
        base = text.find(near)
        if base < 0:
            return None
        inner = near.find(want["text"])
        start = base + inner if inner >= 0 else -1
    else:
        start = text.find(want["text"])
    return (start, start + len(want["text"])) if start >= 0 else None


Spans = dict[str, tuple[str, tuple[int, int]]]


def covered(conflict: Conflict, spans: Spans, file_id: str, where: tuple[int, int]) -> bool:
    for rid in (*conflict.claim_ids, *conflict.quote_ids, *conflict.event_ids):
        if rid not in spans:
            continue
        aid, (s, e) = spans[rid]
        if aid == file_id and s < where[1] and where[0] < e:
            return True
    return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles in publication order")
    ap.add_argument("--json", action="store_true", help="print one JSON object of metrics as the last line")
    ap.add_argument("--min-score", type=float, default=0.5, help="conflicts below this score are not flagged")
    ap.add_argument("--verbose", action="store_true", help="print each predicted conflict's reasoning")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}: nothing to evaluate")
        return 0
    gold = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))
    articles = sorted((read_article(p) for p in CORPUS.glob("*.txt")), key=lambda a: (a.published or "", a.id))
    if args.limit:
        articles = articles[: args.limit]
    texts = {a.id: a.text for a in articles}

    from onrecord.pipeline import Pipeline

    t0 = time.perf_counter()
    pipeline = Pipeline()
    history = MemoryHistory()
    conflicts: dict[str, Conflict] = {}
    spans: dict[str, tuple[str, tuple[int, int]]] = {}
    check_seconds = 0.0
    for article in articles:
        work = pipeline(article)
        records: list[Record] = work.records()
        for r in records:
            if hasattr(r, "span") and hasattr(r, "article_id"):
                spans[r.id] = (r.article_id, r.span)  # type: ignore[union-attr]
        history.add(records)
        notes = [{**d, "article_id": article.id} for d in work.notes.get("date_inconsistencies", [])]
        t1 = time.perf_counter()
        for c in check_records(records, history, date_inconsistencies=notes, min_score=args.min_score):
            conflicts[c.id] = c
        check_seconds += time.perf_counter() - t1
    elapsed = time.perf_counter() - t0

    wanted = [g for g in gold["conflicts"] if all(r["file"].removesuffix(".txt") in texts for r in g["records"])]
    matched: set[str] = set()
    rows = []
    for g in wanted:
        hits = []
        for c in conflicts.values():
            if c.kind != g["kind"]:
                continue
            ok = True
            for r in g["records"]:
                fid = r["file"].removesuffix(".txt")
                where = locate(texts[fid], r)
                if where is None or not covered(c, spans, fid, where):
                    ok = False
                    break
            if ok:
                hits.append(c.id)
        matched.update(hits)
        rows.append((g["id"], g["kind"], bool(hits)))
    false_pos = [c for c in conflicts.values() if c.id not in matched]
    tp = sum(1 for _, _, hit in rows if hit)
    precision = (len(conflicts) - len(false_pos)) / len(conflicts) if conflicts else 0.0
    recall = tp / len(wanted) if wanted else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    print(f"conflict checks on {len(articles)} corpus articles ({elapsed:.1f} s, checks {check_seconds:.2f} s)")
    print(f"{'gold conflict':34} {'kind':22} found")
    for gid, kind, hit in rows:
        print(f"{gid:34} {kind:22} {'yes' if hit else 'NO'}")
    by_kind: dict[str, list[int]] = {}
    for _, kind, hit in rows:
        by_kind.setdefault(kind, [0, 0])[0] += int(hit)
        by_kind[kind][1] += 1
    print()
    for kind, (h, n) in sorted(by_kind.items()):
        print(f"  recall {kind:22} {h}/{n}")
    if false_pos:
        print("\nflagged but not in the gold:")
        for c in false_pos:
            print(f"  {c.kind:22} {c.score:.2f} {c.explanation}")
    if args.verbose:
        print("\nall predicted conflicts:")
        for c in conflicts.values():
            print(c.reasoning, end="\n\n")
    print(f"\npredicted {len(conflicts)}, gold {len(wanted)}, matched gold {tp}")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    if args.json:
        metrics = {
            "articles": len(articles),
            "predicted": len(conflicts),
            "gold": len(wanted),
            "matched": tp,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "seconds": round(elapsed, 2),
        }
        print(json.dumps(metrics))
    return 0


if __name__ == "__main__":
    sys.exit(main())
