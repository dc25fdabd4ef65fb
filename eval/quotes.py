"""Evaluate the quotes stage on PolNeAR (dev split), side by side with textacy's direct quotations.

Run from the repo root: ``.venv/bin/python eval/quotes.py [--limit N] [--json]``.
``--mine-cues`` rebuilds ``src/onrecord/extract/data/quote_cues.txt`` from the TRAIN split (never dev).

Metrics (PolNeAR: Newell, Margolin and Ruths, LREC 2018, networkdynamics/PolNeAR):
- content P/R/F1: a predicted attribution matches a gold one when their content characters overlap by
  at least half of the shorter of the two (pieces of a split quote sharing one cue count as one);
- the same for direct quotes only (gold: content starts with a quotation mark; predicted: kind direct);
- speaker accuracy on matched pairs: the predicted speaker span overlaps the gold Source span
  (both absent also counts as right);
- cue accuracy on matched pairs: the predicted cue span overlaps the gold Cue span.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "polnear"
CUES_FILE = ROOT / "src" / "onrecord" / "extract" / "data" / "quote_cues.txt"
FRAMES_FILE = CUES_FILE.with_name("quote_cue_frames.txt")
sys.path.insert(0, str(ROOT / "src"))

_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_QUOTE_START = re.compile("^\\s*[\"“”‘'«„`]")


@dataclass
class Attribution:
    content: frozenset[int]
    source: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...]
    direct: bool
    content_spans: tuple[tuple[int, int], ...] = ()


def _spans(offsets: str) -> tuple[tuple[int, int], ...]:
    out = []
    for part in offsets.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return tuple(out)


def _chars(spans: Iterable[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for a, b in spans for i in range(a, b))


def read_ann(path: Path, text: str) -> list[Attribution]:
    """The attributions of one brat file (spill-over lines and notes are skipped)."""
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    events: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _T_LINE.match(line)
        if m:
            spans[m.group(1)] = (m.group(2), _spans(m.group(3).strip()))
            continue
        m = _E_LINE.match(line)
        if m:
            events.append(m.group(2))
    out = []
    for ev in events:
        roles: dict[str, list[tuple[int, int]]] = {}
        for arg in ev.split():
            if ":" not in arg:
                continue
            role, tid = arg.split(":", 1)
            if tid in spans:
                roles.setdefault(role.rstrip("0123456789"), []).extend(spans[tid][1])
        content = roles.get("Content")
        if not content:
            continue
        first = min(content)
        out.append(
            Attribution(
                content=_chars(content),
                source=tuple(roles.get("Source", [])),
                cue=tuple(roles.get("Cue", [])),
                direct=bool(_QUOTE_START.match(text[first[0] : first[1]])),
                content_spans=tuple(sorted(content)),
            )
        )
    return out


def load_split(split: str, limit: int | None = None) -> list[tuple[str, str, list[Attribution]]]:
    """(name, text, gold attributions) for each article, one annotator file per article (the first)."""
    base = DATA / split
    out = []
    for txt in sorted((base / "text").glob("*.txt")):
        anns = sorted((base / "attributions").glob(txt.stem + "_*.ann"))
        anns = [a for a in anns if a.stem.rsplit("_", 1)[0] == txt.stem]
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        out.append((txt.stem, text, read_ann(anns[0], text)))
    if limit is not None:
        out = out[:limit]
    return out


@dataclass
class Predicted:
    content: frozenset[int]
    source: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...]
    direct: bool


def _overlap_ok(a: frozenset[int], b: frozenset[int]) -> bool:
    if not a or not b:
        return False
    return len(a & b) * 2 >= min(len(a), len(b))


def _touches(spans: Sequence[tuple[int, int]], others: Sequence[tuple[int, int]]) -> bool:
    return any(a < d and c < b for a, b in spans for c, d in others)


def match(gold: list[Attribution], pred: list[Predicted]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching by overlap size."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if _overlap_ok(g.content, p.content):
                cands.append((len(g.content & p.content), gi, pi))
    cands.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


class Scores:
    def __init__(self) -> None:
        self.tp = self.n_gold = self.n_pred = 0
        self.speaker_ok = self.cue_ok = 0

    def add(self, gold: list[Attribution], pred: list[Predicted]) -> None:
        pairs = match(gold, pred)
        self.tp += len(pairs)
        self.n_gold += len(gold)
        self.n_pred += len(pred)
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            if (not g.source and not p.source) or _touches(g.source, p.source):
                self.speaker_ok += 1
            if _touches(g.cue, p.cue):
                self.cue_ok += 1

    def as_dict(self) -> dict[str, float]:
        p = self.tp / self.n_pred if self.n_pred else 0.0
        r = self.tp / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "p": round(100 * p, 1),
            "r": round(100 * r, 1),
            "f1": round(100 * f, 1),
            "speaker_acc": round(100 * self.speaker_ok / self.tp, 1) if self.tp else 0.0,
            "cue_acc": round(100 * self.cue_ok / self.tp, 1) if self.tp else 0.0,
            "n_gold": self.n_gold,
            "n_pred": self.n_pred,
        }


def onrecord_predictions(work: object) -> list[Predicted]:
    """Group the stage's quotes by cue (pieces of one attribution) into predicted attributions."""
    groups: dict[object, list[object]] = {}
    for q in work.quotes:  # type: ignore[attr-defined]
        if q.parent_id is not None:
            continue  # PolNeAR annotates only the outermost attribution
        key = q.cue_span if q.cue_span is not None else ("q", q.id)
        groups.setdefault(key, []).append(q)
    text = work.article.text  # type: ignore[attr-defined]
    return [predicted_of(qs, text) for qs in groups.values()]


def predicted_of(qs: Sequence[object], text: str) -> Predicted:
    """One predicted attribution from the quote records sharing its cue."""
    chars: set[int] = set()
    for q in qs:
        a, b = q.span  # type: ignore[attr-defined]
        # the gold content includes the quotation marks around direct words
        while a > 0 and text[a - 1] in "\"“”‘'«„`" and a > q.span[0] - 2:  # type: ignore[attr-defined]
            a -= 1
        while b < len(text) and text[b] in "\"“”’'»" and b < q.span[1] + 2:  # type: ignore[attr-defined]
            b += 1
        chars.update(range(a, b))
    first = qs[0]
    return Predicted(
        content=frozenset(chars),
        source=(first.speaker_span,) if first.speaker_span else (),  # type: ignore[attr-defined]
        cue=(first.cue_span,) if first.cue_span else (),  # type: ignore[attr-defined]
        direct=all(q.kind == "direct" for q in qs),  # type: ignore[attr-defined]
    )


def textacy_predictions(doc: object) -> list[Predicted]:
    """textacy's direct quotations; on an odd number of marks, paragraph by paragraph."""
    from textacy.extract.triples import direct_quotations

    def run(d: object, offset: int) -> list[Predicted]:
        out = []
        for sp, cue, content in direct_quotations(d):  # type: ignore[arg-type]
            c0 = content[0].idx + offset
            c1 = content[-1].idx + len(content[-1]) + offset
            out.append(
                Predicted(
                    content=frozenset(range(c0, c1)),
                    source=tuple((t.idx + offset, t.idx + len(t) + offset) for t in sp),
                    cue=tuple((t.idx + offset, t.idx + len(t) + offset) for t in cue),
                    direct=True,
                )
            )
        return out

    try:
        return run(doc, 0)
    except ValueError:
        out: list[Predicted] = []
        start = 0
        toks = list(doc)  # type: ignore[call-overload]
        for i, t in enumerate([*toks, None]):
            if t is None or "\n" in t.text:
                if i > start:
                    span = doc[start:i]  # type: ignore[index]
                    with contextlib.suppress(ValueError):  # still odd: textacy gives up on it
                        out.extend(run(span.as_doc(), span.start_char))
                start = i + 1
        return out


def evaluate(split: str, limit: int | None, with_textacy: bool = True) -> dict[str, dict[str, float]]:
    from onrecord.model import Article, sha256_text
    from onrecord.pipeline import Pipeline, Work

    arts = load_split(split, limit)
    pipe = Pipeline(["actors.v1", "timex.v1", "quotes.v1"])
    ours_all, ours_direct, tx_direct = Scores(), Scores(), Scores()
    t_parse = t_stage = 0.0
    for name, text, gold in arts:
        article = Article(
            id=name, title=None, published=None, source=None, language="en", text=text, sha256=sha256_text(text)
        )
        t0 = time.perf_counter()
        doc = pipe.nlp(text)
        t1 = time.perf_counter()
        work = pipe.run_stages(Work(article=article, doc=doc))
        t2 = time.perf_counter()
        t_parse += t1 - t0
        t_stage += t2 - t1
        pred = onrecord_predictions(work)
        ours_all.add(gold, pred)
        gold_direct = [g for g in gold if g.direct]
        ours_direct.add(gold_direct, [p for p in pred if p.direct])
        if with_textacy:
            tx_direct.add(gold_direct, textacy_predictions(doc))
    res = {"all": ours_all.as_dict(), "direct": ours_direct.as_dict()}
    if with_textacy:
        res["textacy_direct"] = tx_direct.as_dict()
    res["timing"] = {"parse_s": round(t_parse, 2), "stages_s": round(t_stage, 2), "articles": len(arts)}
    return res


def _context(text: str, spans: Sequence[tuple[int, int]], width: int = 70) -> str:
    """The text around ``spans``, on one line."""
    if not spans:
        return ""
    a = min(s for s, _ in spans)
    b = max(e for _, e in spans)
    lo, hi = max(0, a - width), min(len(text), b + width)
    return (text[lo:a] + "[[" + text[a:b] + "]]" + text[b:hi]).replace("\n", " / ")


def _show(text: str, spans: Sequence[tuple[int, int]]) -> str:
    return " | ".join(text[a:b].replace("\n", " / ") for a, b in spans) or "-"


def _miss_class(text: str, g: Attribution) -> str:
    """A rough class of a missed gold attribution, from its cue and content."""
    cue = " ".join(text[a:b] for a, b in g.cue).lower().strip()
    first = min(g.content_spans)[0] if g.content_spans else 0
    if cue in (":", "—", "-", "--"):
        return "colon/dash"
    if cue.startswith("according"):
        return "according to"
    if g.direct:
        return "direct"
    if g.cue and min(g.cue)[0] > first:
        return "indirect, cue after content"
    return "indirect"


_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you", "who", "which", "that", "him", "them"})


def _speaker_class(text: str, g: Attribution, p: Predicted) -> str:
    gs = _show(text, g.source).lower()
    if g.cue and not _touches(g.cue, p.cue):
        inner = any(c in g.content for a, _ in p.cue for c in (a,))
        return "wrong cue: ours inside gold content" if inner else "wrong cue: ours elsewhere"
    if not g.source:
        return "gold none, predicted one"
    if not p.source:
        return "gold " + ("pronoun/relative" if gs in _PRONOUNS else "phrase") + ", predicted none"
    if gs in _PRONOUNS:
        return "gold pronoun/relative, predicted other"
    return "gold phrase, predicted other"


def errors(split: str, limit: int | None, n: int, seed: int = 7) -> None:
    """Print classified misses and speaker mismatches (study on TRAIN, never tune on dev sentences)."""
    from onrecord.model import Article, sha256_text
    from onrecord.pipeline import Pipeline, Work

    arts = load_split(split)
    random.Random(seed).shuffle(arts)
    if limit is not None:
        arts = arts[:limit]
    pipe = Pipeline(["actors.v1", "timex.v1", "quotes.v1"])
    misses: list[tuple[str, str, str]] = []
    wrong: list[tuple[str, str, str]] = []
    spurious: list[tuple[str, str, str]] = []
    for name, text, gold in arts:
        article = Article(
            id=name, title=None, published=None, source=None, language="en", text=text, sha256=sha256_text(text)
        )
        work = pipe.run_stages(Work(article=article, doc=pipe.nlp(text)))
        pred = onrecord_predictions(work)
        pairs = match(gold, pred)
        hit_g = {gi for gi, _ in pairs}
        hit_p = {pi for _, pi in pairs}
        for gi, g in enumerate(gold):
            if gi not in hit_g:
                ctx = _context(text, g.content_spans)
                line = f"{name}: cue={_show(text, g.cue)!r} src={_show(text, g.source)!r}\n    {ctx}"
                misses.append((_miss_class(text, g), line, name))
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            if (not g.source and not p.source) or _touches(g.source, p.source):
                continue
            line = (
                f"{name}: gold src={_show(text, g.source)!r} cue={_show(text, g.cue)!r}; "
                f"ours src={_show(text, p.source)!r} cue={_show(text, p.cue)!r}\n    {_context(text, g.source + g.cue)}"
            )
            wrong.append((_speaker_class(text, g, p), line, name))
        for pi, p in enumerate(pred):
            if pi not in hit_p:
                spans = sorted(_runs(p.content))
                line = f"{name}: cue={_show(text, p.cue)!r} src={_show(text, p.source)!r}\n    {_context(text, spans)}"
                spurious.append(("direct" if p.direct else "indirect", line, name))
    for title, rows in (("MISSED", misses), ("SPEAKER MISMATCH", wrong), ("SPURIOUS", spurious)):
        counts = Counter(c for c, _, _ in rows)
        print(f"== {title}: {len(rows)}  " + ", ".join(f"{c}: {k}" for c, k in counts.most_common()))
        for cls, _ in counts.most_common():
            sample = [r for r in rows if r[0] == cls]
            random.Random(seed).shuffle(sample)
            print(f"-- {cls}")
            for _, line, _ in sample[:n]:
                print("  " + line)


def _runs(chars: frozenset[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for c in sorted(chars):
        if out and out[-1][1] == c:
            out[-1] = (out[-1][0], c + 1)
        else:
            out.append((c, c + 1))
    return out


def mine_cues(limit: int, min_count: int = 2) -> None:
    """Write the cue lexicon from PolNeAR TRAIN: lemma, POS, attribution count, occurrences, rate."""
    from onrecord.pipeline import load_nlp

    arts = load_split("train")
    random.Random(13).shuffle(arts)
    arts = arts[:limit]
    nlp = load_nlp()
    from onrecord.extract.quote_find import complement

    cue_n: Counter[tuple[str, str]] = Counter()
    all_n: Counter[tuple[str, str]] = Counter()
    frame_cue: Counter[tuple[str, str]] = Counter()
    frame_all: Counter[tuple[str, str]] = Counter()
    docs = nlp.pipe((t for _, t, _ in arts), batch_size=16)
    for (_, _text, gold), doc in zip(arts, docs, strict=True):
        for tok in doc:
            all_n[(tok.lemma_.lower(), tok.pos_)] += 1
        heads: set[int] = set()
        for g in gold:
            for a, b in g.cue:
                span = doc.char_span(a, b, alignment_mode="expand")
                if span is None or not len(span):
                    continue
                head = span.root
                if head.pos_ == "AUX" and any(t.pos_ == "VERB" for t in span):
                    head = next(t for t in span if t.pos_ == "VERB")
                cue_n[(head.lemma_.lower(), head.pos_)] += 1
                heads.add(head.i)
        # frames: verbs outside gold contents (nested speech is not annotated) or heading a gold cue
        inside = frozenset().union(*(g.content for g in gold)) if gold else frozenset()
        for tok in doc:
            if tok.pos_ not in ("VERB", "AUX") or (tok.idx in inside and tok.i not in heads):
                continue
            key = (tok.lemma_.lower(), complement(tok)[0])
            frame_all[key] += 1
            if tok.i in heads:
                frame_cue[key] += 1
    lines = [
        "# Attribution cue lemmas mined from PolNeAR TRAIN (networkdynamics/PolNeAR; Newell, Margolin and Ruths,",
        f"# LREC 2018), {len(arts)} articles parsed with en_core_web_sm: lemma, POS, times the lemma heads a gold",
        "# Cue, times it occurs, the rate. Rebuild with: .venv/bin/python eval/quotes.py --mine-cues",
    ]
    rows = []
    for (lemma, pos), n in cue_n.items():
        if n < min_count or pos not in {"VERB", "NOUN", "ADJ", "AUX", "ADP", "PROPN"}:
            continue
        if not re.fullmatch(r"[a-z][a-z\-]*", lemma):
            continue
        total = max(all_n[(lemma, pos)], n)
        rows.append((lemma, pos, n, total, n / total))
    rows.sort(key=lambda r: (-r[2], r[0]))
    lines += [f"{lemma}\t{pos}\t{n}\t{total}\t{rate:.3f}" for lemma, pos, n, total, rate in rows]
    CUES_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} cue lemmas to {CUES_FILE}")
    flines = [
        "# Attribution cue lemmas per frame, mined from PolNeAR TRAIN (networkdynamics/PolNeAR; Newell, Margolin",
        f"# and Ruths, LREC 2018), {len(arts)} articles parsed with en_core_web_sm: lemma, frame (what the verb",
        "# governs: ccomp, xcomp, obj, none; onrecord.extract.quote_find.complement), times it heads a gold Cue",
        "# in that frame, times it occurs there outside gold contents, the rate. Rebuild: eval/quotes.py --mine-cues",
    ]
    # every frame of a cue lemma seen often enough, cue or not ("find" with no complement is no cue)
    cue_lemmas = {lemma for (lemma, _), n in frame_cue.items() if n >= min_count}
    frows = [
        (lemma, frame, frame_cue[(lemma, frame)], total, frame_cue[(lemma, frame)] / total)
        for (lemma, frame), total in frame_all.items()
        if lemma in cue_lemmas
        and (frame_cue[(lemma, frame)] >= min_count or total >= 6)
        and re.fullmatch(r"[a-z][a-z\-]*", lemma)
    ]
    frows.sort(key=lambda r: (-r[2], r[0], r[1]))
    flines += [f"{lemma}\t{frame}\t{n}\t{total}\t{rate:.3f}" for lemma, frame, n, total, rate in frows]
    FRAMES_FILE.write_text("\n".join(flines) + "\n", encoding="utf-8")
    print(f"wrote {len(frows)} lemma frames to {FRAMES_FILE}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="evaluate only the first N dev articles")
    ap.add_argument("--json", action="store_true", help="print one JSON object of metrics as the last line")
    ap.add_argument("--split", default="dev", help="dev (default) or train, to study patterns")
    ap.add_argument("--no-textacy", action="store_true", help="skip the textacy baseline")
    ap.add_argument("--errors", type=int, metavar="N", default=None, help="print N examples per error class (train)")
    ap.add_argument("--mine-cues", type=int, metavar="N", default=None, help="mine cue lemmas from N train articles")
    args = ap.parse_args()
    if not DATA.is_dir():
        print(f"PolNeAR not found at {DATA}: nothing to evaluate")
        return 0
    if args.mine_cues:
        mine_cues(args.mine_cues)
        return 0
    if args.errors is not None:
        errors("train" if args.split == "dev" else args.split, args.limit or 40, args.errors)
        return 0
    res = evaluate(args.split, args.limit, with_textacy=not args.no_textacy)
    print(f"PolNeAR {args.split}: {res['timing']['articles']} articles")
    print(f"{'system':<22}{'P':>7}{'R':>7}{'F1':>7}{'speaker':>9}{'cue':>7}{'gold':>7}{'pred':>7}")
    for key, label in (("all", "onrecord all"), ("direct", "onrecord direct"), ("textacy_direct", "textacy direct")):
        if key in res:
            m = res[key]
            print(
                f"{label:<22}{m['p']:>7}{m['r']:>7}{m['f1']:>7}{m['speaker_acc']:>9}{m['cue_acc']:>7}"
                f"{m['n_gold']:>7}{m['n_pred']:>7}"
            )
    tm = res["timing"]
    print(f"time: parse {tm['parse_s']} s, actors+timex+quotes {tm['stages_s']} s")
    if args.json:
        flat = {f"{k}_{m}": v for k, d in res.items() for m, v in d.items()}
        print(json.dumps(flat))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
