"""How the consistency checks scale with the size of the record.

Builds a synthetic record in the SQLite store itself (its migrations, indexes and History methods:
claims by asserter and block, events by actor), grows it to 10k, 100k and 1M claims, and at each
size times ``check_records`` on one new article whose speakers and actors have the same number of
earlier records at every size. If the checks look up only those records, the time stays flat while
the record grows a hundredfold.

Usage: .venv/bin/python bench/check_scale.py [--sizes 10000,100000,1000000] [--db PATH] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from onrecord.check import block_key, check_records  # noqa: E402
from onrecord.model import (  # noqa: E402
    Article,
    Claim,
    Event,
    Record,
    record_id,
    sha256_text,
    to_json,
)
from onrecord.store.sqlite import SQLiteStore  # noqa: E402

COUNTRIES = ["Chile", "Kenya", "Norway", "Peru", "Ghana", "Nepal", "Oman", "Fiji", "Laos", "Mali"]
THINGS = [("people", "died"), ("soldiers", "were killed"), ("cases", "were recorded"), ("migrants", "arrived")]
WATCHED = 5  # speakers of the new article
PER_WATCHED = 60  # earlier claims of each watched speaker, at every size
CLAIMS_PER_ARTICLE = 10


class CountingStore(SQLiteStore):
    """The real SQLite store (its schema, indexes and History methods), counting the rows it reads."""

    fetched = 0

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Record]:
        for r in super()._rows(sql, params):
            self.fetched += 1
            yield r


def synthetic_article(n: int, rng: random.Random, speakers: list[str]) -> tuple[Article, list[Claim], list[Event]]:
    """One short article of CLAIMS_PER_ARTICLE claims by the given speakers, and one contact event."""
    year = 2015 + n % 10
    month = 1 + n % 12
    published = f"{year:04d}-{month:02d}-{1 + n % 27:02d}"
    sentences, pending = [], []
    pos = 0
    for i in range(CLAIMS_PER_ARTICLE):
        who = speakers[i % len(speakers)]
        country = rng.choice(COUNTRIES)
        noun, verb = rng.choice(THINGS)
        value = rng.randint(1, 900) * 100
        lead = f"{who.removeprefix('actor-').replace('-', ' ').title()} said that "
        figure = f"{value:,}"
        sentence = f"{lead}{figure} {noun} {verb} in {country}."
        start = pos + len(lead)
        pending.append((who, figure, value, f"{country} {noun} {verb}", (start, start + len(figure))))
        sentences.append(sentence)
        pos += len(sentence) + 1
    text = " ".join(sentences)
    article = Article(
        id=f"bench-{n}",
        title=None,
        published=published,
        source="bench",
        language="en",
        text=text,
        sha256=sha256_text(text),
    )
    claims = [
        Claim(
            id=record_id("claim", article.id, span[0]),
            article_id=article.id,
            asserter_id=who,
            asserted_on=published,
            subject=subject,
            value=float(value),
            value_low=None,
            value_high=None,
            unit=None,
            qualifier="exact",
            time_scope=None,
            quote_id=None,
            span=span,
            text=figure,
        )
        for who, figure, value, subject, span in pending
    ]
    a1, a2 = speakers[0], speakers[-1]
    events = [
        Event(
            id=record_id("event", article.id, 0),
            article_id=article.id,
            category="CONSULT",
            mode=None,
            actor1_id=a1,
            actor2_id=a2,
            date=published,
            date_precision="day",
            medium=None,
            negated=False,
            span=(0, 4),
            trigger="said",
        )
    ]
    return article, claims, events


def insert(conn: sqlite3.Connection, items: Iterator[tuple[Article, list[Claim], list[Event]]]) -> int:
    """Rows straight into the store's tables (what add_article writes, without one transaction each)."""
    count = 0
    arts, cls, evs = [], [], []
    for article, claims, events in items:
        arts.append(
            (
                article.id,
                article.sha256,
                article.title,
                article.published,
                article.source,
                article.language,
                json.dumps(to_json(article)),
            )
        )
        cls.extend(
            (c.id, c.article_id, c.asserter_id, c.subject_key, c.asserted_on, json.dumps(to_json(c)), block_key(c))
            for c in claims
        )
        evs.extend(
            (e.id, e.article_id, e.category, e.actor1_id, e.actor2_id, e.date, json.dumps(to_json(e))) for e in events
        )
        count += len(claims)
    conn.execute("BEGIN")
    conn.executemany("INSERT OR IGNORE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)", arts)
    conn.executemany(
        "INSERT OR IGNORE INTO claims (id, article_id, asserter_id, subject_key, asserted_on, data, block)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        cls,
    )
    conn.executemany("INSERT OR IGNORE INTO events VALUES (?, ?, ?, ?, ?, ?, ?)", evs)
    conn.execute("COMMIT")
    return count


def grow(conn: sqlite3.Connection, start_article: int, claims_wanted: int, rng: random.Random) -> int:
    """Add filler articles (by other speakers) until the record holds ``claims_wanted`` claims."""
    have = conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
    n = start_article
    while have < claims_wanted:
        batch = min(2000, (claims_wanted - have) // CLAIMS_PER_ARTICLE + 1)

        def items(first: int = n, size: int = batch) -> Iterator[tuple[Article, list[Claim], list[Event]]]:
            for k in range(first, first + size):
                pool = [f"actor-filler-{rng.randrange(max(100, claims_wanted // 50))}" for _ in range(3)]
                yield synthetic_article(k, rng, pool)

        have += insert(conn, items())
        n += batch
    return n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--db", default=None, help="SQLite file to build (default: a temporary file, removed after)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    path = args.db or os.path.join(tempfile.mkdtemp(prefix="onrecord-bench-"), "record.sqlite")
    store = CountingStore(path)
    conn = store.conn
    conn.execute("PRAGMA synchronous=OFF")
    rng = random.Random(7)
    watched = [f"actor-watched-{i}" for i in range(WATCHED)]
    # the watched speakers' history: the same at every size
    history_articles = WATCHED * PER_WATCHED // CLAIMS_PER_ARTICLE
    insert(conn, (synthetic_article(10_000_000 + k, rng, watched) for k in range(history_articles)))
    new_article, new_claims, new_events = synthetic_article(20_000_000, rng, watched)
    new_records: list[Record] = [new_article, *new_claims, *new_events]
    insert(conn, iter([(new_article, new_claims, new_events)]))
    next_article = 0
    rows = []
    for size in sizes:
        t0 = time.perf_counter()
        next_article = grow(conn, next_article, size, rng)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the steady state: bulk writes folded into the file
        built = time.perf_counter() - t0
        total = conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
        history = store
        check_records(new_records, history)  # warm caches
        times, fetched, found = [], 0, 0
        for _ in range(args.repeat):
            history.fetched = 0
            t1 = time.perf_counter()
            found = len(check_records(new_records, history))
            times.append(time.perf_counter() - t1)
            fetched = history.fetched
        rows.append(
            {
                "claims": total,
                "ms": statistics.median(times) * 1000,
                "fetched": fetched,
                "conflicts": found,
                "build_s": built,
            }
        )
    base = rows[0]["ms"]
    print(f"check_records on one new article ({len(new_claims)} claims, {len(new_events)} event) by record size")
    print(f"{'claims in record':>18} {'median ms':>10} {'ratio':>7} {'rows read':>10} {'build s':>8}")
    for r in rows:
        print(f"{r['claims']:>18,} {r['ms']:>10.1f} {r['ms'] / base:>7.2f} {r['fetched']:>10} {r['build_s']:>8.1f}")
    if args.json:
        print(
            json.dumps(
                {
                    "sizes": [r["claims"] for r in rows],
                    "ms": [round(r["ms"], 2) for r in rows],
                    "ratio": [round(r["ms"] / base, 3) for r in rows],
                }
            )
        )
    store.close()
    if not args.db:
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
        os.rmdir(os.path.dirname(path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
