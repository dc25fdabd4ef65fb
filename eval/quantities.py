"""Evaluate the claims stage's quantities on NewsQuant (dev part), side by side with quantulum3.

Usage (from the repo root): .venv/bin/python eval/quantities.py [--limit N] [--json] [--no-baseline] [--errors]

Scores as NewsQuant's own script does (satya77/CQE_Evaluation ``evaluate_models.py``): per sentence, greedy,
without spans; values match with ``numpy.isclose(rtol=1e-5)`` (ranges as pairs in text order); a value hit
counts once per gold quantity; value+unit needs the normalized unit name too, and each prediction serves
one gold quantity. Every prediction counts against precision.

Our claims are mapped to NewsQuant's conventions here, not in the extractor: unit names follow CQE's unit
table (USD -> "dollar", % -> "percentage"), counted nouns are the lemmatized noun phrase ("different bosses"
-> "different boss"), quantities without a unit are "-", and multiplier words ("doubled", "twice"), which
NewsQuant does not annotate, are left out. quantulum3's units are mapped the way the NewsQuant authors did.

Data: ../shared/data/newsquant (Almasian et al., "CQE: A Comprehensive Quantity Extractor", EMNLP 2023).
Published on the full NewsQuant set: CQE 92.0 / 85.6, quantulum3 73.0 / 47.2 (value F1 / value+unit F1).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
DATA = REPO.parent / "shared" / "data" / "newsquant" / "newsquant_dev.json"

from onrecord.extract.claims import ClaimsStage  # noqa: E402
from onrecord.model import Article, Claim, sha256_text  # noqa: E402
from onrecord.pipeline import Work, load_nlp  # noqa: E402

Value = float | tuple[float, float]
Pred = tuple[Value, str]

# our normalized units -> the names of CQE's unit table, which NewsQuant's gold uses
CURRENCY_NAMES = {
    "USD": "dollar", "EUR": "euro", "GBP": "pound sterling", "GBX": "point", "JPY": "japanese yen",
    "CNY": "chinese yuan", "RUB": "russian ruble", "INR": "indian rupee", "ILS": "shekel", "MYR": "malaysian ringgit",
    "MYR_SEN": "sen", "USC": "cent", "HKD": "hong kong dollar", "AUD": "australian dollar", "NZD": "new zealand dollar",
    "CAD": "canadian dollar", "SGD": "singapore dollar", "TWD": "new taiwan dollar", "DKK": "danish krone",
    "SEK": "swedish krona", "NOK": "norwegian krone", "CHF": "swiss franc", "KRW": "south korean won",
    "BRL": "brazilian real", "MXN": "mexican peso", "UAH": "ukrainian hryvnia", "TRY": "turkish lira",
    "ZAR": "south african rand", "BTC": "bitcoin",
}  # fmt: skip
UNIT_NAMES = {
    "%": "percentage", "pp": "percentage", "bp": "basis point", "times": "count", "tonne": "metric ton",
    "person": "people", "square feet": "square feet",
}  # fmt: skip
# quantulum3's unit names -> NewsQuant's (the NewsQuant authors' own table for this baseline, extended a little)
QUANTULUM_NAMES = {
    "dimensionless": "-", "unk": "-", "per cent": "percentage", "percentage": "percentage", "dollar dollar": "dollar",
    "united states dollar": "dollar", "tonne": "metric ton", "degree angle": "degree", "degree celsius": "celsius",
    "degree fahrenheit": "fahrenheit", "percentage drop": "percentage", "second of arc": "second",
    "minute of arc": "minute", "yard yard": "yard", "cubic centimetre": "millilitre",
    "degree angle degree fahrenheit": "fahrenheit", "pound sterling year": "pound sterling per year",
}  # fmt: skip
STOP = {"of", "and", "the", "a", "an", "its", "their", "those", "these", "&"}


def singular(word: str) -> str:
    """A rough English singular, enough for NewsQuant's lemmatized unit names."""
    w = word.lower()
    for plural, single in (("men", "man"), ("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"),
                           ("xes", "x"), ("uses", "us")):  # fmt: skip
        if w.endswith(plural) and len(w) > len(plural) + 1:
            return w[: -len(plural)] + single
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def unit_name(claim: Claim) -> str:
    """A claim's unit in NewsQuant's naming."""
    if claim.basis == "fraction":
        words = [singular(w) for w in re.findall(r"[\w-]+", claim.unit_text) if w.lower() not in STOP]
        return "% " + (" ".join(words) if words else "-")
    unit = claim.unit
    if unit is None:
        return "-"
    parts = unit.split(" per ")
    named = []
    for i, part in enumerate(parts):
        if part in CURRENCY_NAMES:
            named.append(CURRENCY_NAMES[part])
        elif part in UNIT_NAMES:
            named.append(UNIT_NAMES[part])
        elif i == 0 and claim.measure in ("count",) and claim.unit_text and part not in UNIT_NAMES:
            words = [singular(w) for w in re.findall(r"[\w-]+", claim.unit_text) if w.lower() not in STOP]
            named.append(" ".join(words) if words else part)
        else:
            named.append(part)
    return " per ".join(named).lower()


def predictions(claims: list[Claim]) -> list[Pred]:
    out: list[Pred] = []
    for c in claims:
        if c.basis == "multiplier":
            continue
        if c.range_values:
            value: Value = (c.range_values[0], c.range_values[-1])
        elif c.value is not None:
            value = c.value
        else:
            continue
        out.append((value, unit_name(c)))
    return out


def gold_value(raw: str, average: bool) -> Value:
    if "E" not in raw and not raw.startswith("-") and "-" in raw:
        lo, hi = (float(x) for x in raw.split("-", 1))
        return (lo + hi) / 2 if average else (lo, hi)
    return float(raw)


def values_match(g: Value, m: Value) -> bool:
    if isinstance(g, tuple) and isinstance(m, tuple):
        return all(math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-8) for a, b in zip(g, m, strict=True))
    if isinstance(g, tuple) or isinstance(m, tuple):
        return False
    return math.isclose(g, m, rel_tol=1e-5, abs_tol=1e-8)


def score(items: list[tuple[list[tuple[Value, str]], list[Pred]]]) -> dict[str, float]:
    """NewsQuant's greedy scoring: value hits and value+unit hits against the gold of each sentence."""
    total_gold = total_pred = hit_value = hit_unit = 0
    for gold, preds in items:
        total_gold += len(gold)
        total_pred += len(preds)
        tags = sorted(preds, key=lambda p: p[1])
        budget = len(gold)
        for g_value, g_unit in sorted(gold, key=lambda g: g[1]):
            for tag in list(tags):
                if not values_match(g_value, tag[0]):
                    continue
                if budget > 0:
                    hit_value += 1
                    budget -= 1
                if tag[1] == g_unit:
                    hit_unit += 1
                    tags.remove(tag)
                    break
    out: dict[str, float] = {"gold": total_gold, "predicted": total_pred}
    for name, hits in (("value", hit_value), ("value_unit", hit_unit)):
        p = hits / total_pred if total_pred else 0.0
        r = hits / total_gold if total_gold else 0.0
        out[f"{name}_p"], out[f"{name}_r"] = p, r
        out[f"{name}_f1"] = 2 * p * r / (p + r) if p + r else 0.0
    return out


def run_ours(sentences: list[dict[str, Any]]) -> tuple[list[list[Pred]], float, float, float, list[list[Claim]]]:
    """Our predictions, the parse time, the stage's steady time and its first-pass time (lexicons loading)."""
    nlp = load_nlp()
    stage = ClaimsStage()
    texts = [s["text"] for s in sentences]
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=64))
    parse_time = time.perf_counter() - t0
    preds, all_claims = [], []
    t0 = time.perf_counter()
    works = []
    for i, doc in enumerate(docs):
        text = texts[i]
        art = Article(id=f"nq-{i}", title=None, published=None, source=None, language="en", text=text,
                      sha256=sha256_text(text))  # fmt: skip
        work = Work(article=art, doc=doc)
        stage(work)
        works.append(work)
        all_claims.append(work.claims)
        preds.append(predictions(work.claims))
    first = time.perf_counter() - t0
    # the steady cost, as in a long-running process: a second pass once the lexicons are loaded
    t0 = time.perf_counter()
    for work in works:
        stage(work)
    steady = time.perf_counter() - t0
    return preds, parse_time, steady, first, all_claims


def run_quantulum(sentences: list[dict[str, Any]]) -> tuple[list[list[Pred]], float] | None:
    try:
        from quantulum3 import parser as qparser
    except ImportError:
        return None
    # its unit classifier needs the optional `stemming` package; without it, quantulum3 runs rule-only
    try:
        import stemming  # noqa: F401
    except ImportError:
        from quantulum3 import classifier

        classifier.USE_CLF = False
    qparser.parse("warm up 5 km")
    out: list[list[Pred]] = []
    t0 = time.perf_counter()
    for s in sentences:
        preds: list[Pred] = []
        for q in qparser.parse(s["text"]):
            name = q.unit.name.lower()
            preds.append((float(q.value), QUANTULUM_NAMES.get(name, name).strip()))
        out.append(preds)
    return out, time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--no-baseline", action="store_true", help="skip quantulum3")
    ap.add_argument("--errors", action="store_true", help="print the sentences where we differ from the gold")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"quantities: {DATA} not found, nothing to evaluate")
        if args.json:
            print(json.dumps({"skipped": True, "reason": "no data"}))
        return 0
    sentences = json.loads(DATA.read_text(encoding="utf-8"))
    if args.limit:
        sentences = sentences[: args.limit]
    words = sum(len(s["text"].split()) for s in sentences)

    ours, parse_time, stage_time, first_time, claims = run_ours(sentences)
    gold = [[(gold_value(q["value"], False), q["normalized_unit"].lower()) for q in s["quantities"]] for s in sentences]
    m_ours = score(list(zip(gold, ours, strict=True)))
    metrics: dict[str, Any] = {f"{k}": v for k, v in m_ours.items()}
    metrics["sentences"] = len(sentences)
    metrics["words"] = words
    metrics["spacy_seconds"] = round(parse_time, 3)
    metrics["claims_seconds"] = round(stage_time, 3)
    metrics["claims_first_pass_seconds"] = round(first_time, 3)
    metrics["claims_overhead"] = round(stage_time / parse_time, 3) if parse_time else None

    rows = [("onrecord claims.v1", m_ours, stage_time)]
    if not args.no_baseline:
        got = run_quantulum(sentences)
        if got is not None:
            q_preds, q_time = got
            gold_avg = [
                [(gold_value(q["value"], True), q["normalized_unit"].lower()) for q in s["quantities"]]
                for s in sentences
            ]
            m_q = score(list(zip(gold_avg, q_preds, strict=True)))
            rows.append(("quantulum3 0.10.0", m_q, q_time))
            for k in ("value_p", "value_r", "value_f1", "value_unit_p", "value_unit_r", "value_unit_f1"):
                metrics[f"quantulum3_{k}"] = m_q[k]
            metrics["quantulum3_seconds"] = round(q_time, 3)

    if args.errors:
        for s, g, p, cl in zip(sentences, gold, ours, claims, strict=True):
            if sorted(map(str, g)) != sorted(map(str, p)):
                print("##", s["text"])
                print("   gold:", g)
                print("   ours:", p)
                print("   subj:", [(c.text, c.subject, c.measure) for c in cl])

    print(f"NewsQuant dev: {len(sentences)} sentences, {int(m_ours['gold'])} gold quantities, {words} words")
    print(f"{'system':<22}{'value P':>9}{'R':>7}{'F1':>7}{'  v+unit P':>11}{'R':>7}{'F1':>7}{'seconds':>9}")
    for name, m, secs in rows:
        cells = [
            100 * m[k] for k in ("value_p", "value_r", "value_f1", "value_unit_p", "value_unit_r", "value_unit_f1")
        ]
        print(f"{name:<22}{cells[0]:>9.1f}{cells[1]:>7.1f}{cells[2]:>7.1f}{cells[3]:>11.1f}{cells[4]:>7.1f}{cells[5]:>7.1f}"
              f"{secs:>9.2f}")  # fmt: skip
    share = 100 * stage_time / parse_time if parse_time else 0.0
    print(f"spaCy parse {parse_time:.2f}s; claims stage {stage_time:.2f}s ({share:.0f}% of the parse; "
          f"first pass with lexicon loading {first_time:.2f}s)")  # fmt: skip
    print("Published on the full NewsQuant set: CQE 92.0 / 85.6, quantulum3 73.0 / 47.2 (value F1 / value+unit F1)")
    if args.json:
        print(json.dumps({k: (round(v, 4) if isinstance(v, float) else v) for k, v in metrics.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
