"""The SQLite store: zero set-up, WAL mode, one transaction per article, numbered migrations."""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from onrecord.check.keys import block_key
from onrecord.errors import StoreError
from onrecord.model import Actor, Article, Claim, Conflict, Event, Mention, Quote, Record, Timex, from_json, to_json
from onrecord.store.base import merge_actor
from onrecord.store.migrations import MIGRATIONS

LOGGER = logging.getLogger(__name__)
R = TypeVar("R", bound=Record)

_TABLES = {
    "article": "articles",
    "actor": "actors",
    "mention": "mentions",
    "timex": "timexes",
    "quote": "quotes",
    "claim": "claims",
    "event": "events",
    "conflict": "conflicts",
}


def _dump(record: Record) -> str:
    return json.dumps(to_json(record), ensure_ascii=False, sort_keys=True)


class SQLiteStore:
    """A record store in one SQLite file (``:memory:`` for tests)."""

    def __init__(self, path: str | Path = "onrecord.db") -> None:
        self.location = str(path)
        try:
            if self.location != ":memory:":
                Path(self.location).parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.location, timeout=30.0, isolation_level=None)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self._migrate()
            self._backfill_blocks()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.location}: not a usable onrecord database ({e})") from e

    # -- schema
    def _migrate(self) -> None:
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)"
        )
        for version, name, sql in MIGRATIONS:
            # the check is inside the write lock: two processes opening a new record must not both migrate
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                done = self.conn.execute("SELECT 1 FROM migrations WHERE version = ?", (version,)).fetchone()
                if done is None:
                    for statement in (s for s in sql.split(";") if s.strip()):
                        self.conn.execute(statement)
                    self.conn.execute("INSERT INTO migrations VALUES (?, ?, datetime('now'))", (version, name))
                    LOGGER.info("migrated %s to version %d: %s", self.location, version, name)
                self.conn.execute("COMMIT")
            except sqlite3.DatabaseError:
                self.conn.execute("ROLLBACK")
                raise

    def _backfill_blocks(self) -> None:
        """Claims stored before migration 3 get their block key (a no-op once done)."""
        rows = self.conn.execute("SELECT id, data FROM claims WHERE block IS NULL").fetchall()
        if not rows:
            return
        self.conn.execute("BEGIN IMMEDIATE")
        for claim_id, data in rows:
            claim = from_json(json.loads(data))
            if isinstance(claim, Claim):
                self.conn.execute("UPDATE claims SET block = ? WHERE id = ?", (block_key(claim), claim_id))
        self.conn.execute("COMMIT")

    def schema_version(self) -> int:
        row = self.conn.execute("SELECT max(version) FROM migrations").fetchone()
        return int(row[0] or 0)

    # -- writing
    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def add_article(self, records: Sequence[Record]) -> bool:
        """Store one article's records in one transaction; False (and no change) if it is already stored."""
        articles = [r for r in records if isinstance(r, Article)]
        if len(articles) != 1:
            raise StoreError("add_article takes the records of exactly one article")
        article = articles[0]
        with self._transaction(f"store article {article.id}"):
            if self.has_article(article.id):
                return False
            for r in records:
                self._insert(r)
        return True

    @contextmanager
    def _transaction(self, what: str) -> Iterator[None]:
        """One write transaction: committed when the block ends, rolled back on any error or interrupt."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.location}: could not {what}: {e}") from e

    def _insert(self, r: Record) -> None:
        c = self.conn
        if isinstance(r, Article):
            c.execute(
                "INSERT INTO articles VALUES (?,?,?,?,?,?,?)",
                (r.id, r.sha256, r.title, r.published, r.source, r.language, _dump(r)),
            )
            cur = c.execute("INSERT INTO articles_fts_map (article_id) VALUES (?)", (r.id,))
            c.execute(
                "INSERT INTO articles_fts (rowid, title, text) VALUES (?,?,?)", (cur.lastrowid, r.title or "", r.text)
            )
        elif isinstance(r, Actor):
            self._upsert_actor(r)
        elif isinstance(r, Mention):
            c.execute("INSERT OR REPLACE INTO mentions VALUES (?,?,?,?)", (r.id, r.article_id, r.actor_id, _dump(r)))
        elif isinstance(r, Timex):
            c.execute("INSERT OR REPLACE INTO timexes VALUES (?,?,?)", (r.id, r.article_id, _dump(r)))
        elif isinstance(r, Quote):
            c.execute(
                "INSERT OR REPLACE INTO quotes VALUES (?,?,?,?,?,?)",
                (r.id, r.article_id, r.speaker_id, r.said_on, r.text, _dump(r)),
            )
            cur = c.execute("INSERT OR IGNORE INTO quotes_fts_map (quote_id) VALUES (?)", (r.id,))
            if cur.rowcount:
                c.execute(
                    "INSERT INTO quotes_fts (rowid, text, speaker_text) VALUES (?,?,?)",
                    (cur.lastrowid, r.text, r.speaker_text or ""),
                )
        elif isinstance(r, Claim):
            c.execute(
                "INSERT OR REPLACE INTO claims (id, article_id, asserter_id, subject_key, asserted_on, data, block)"
                " VALUES (?,?,?,?,?,?,?)",
                (r.id, r.article_id, r.asserter_id, r.subject_key, r.asserted_on, _dump(r), block_key(r)),
            )
        elif isinstance(r, Event):
            c.execute(
                "INSERT OR REPLACE INTO events VALUES (?,?,?,?,?,?,?)",
                (r.id, r.article_id, r.category, r.actor1_id, r.actor2_id, r.date, _dump(r)),
            )
        elif isinstance(r, Conflict):
            self._insert_conflict(r)

    def _upsert_actor(self, actor: Actor) -> None:
        row = self.conn.execute("SELECT data FROM actors WHERE id = ?", (actor.id,)).fetchone()
        if row is not None:
            old = from_json(json.loads(row[0]))
            if isinstance(old, Actor):
                actor = merge_actor(old, actor)
        self.conn.execute(
            "INSERT OR REPLACE INTO actors VALUES (?,?,?,?,?)",
            (actor.id, actor.name, actor.kind, actor.country, _dump(actor)),
        )
        for alias in {actor.name, *actor.aliases}:
            self.conn.execute("INSERT OR IGNORE INTO actor_aliases VALUES (?, ?)", (alias, actor.id))

    def _insert_conflict(self, r: Conflict) -> None:
        self.conn.execute("INSERT OR REPLACE INTO conflicts VALUES (?,?,?,?)", (r.id, r.kind, r.score, _dump(r)))
        for article_id in r.article_ids:
            self.conn.execute("INSERT OR IGNORE INTO conflict_links VALUES (?, ?)", (r.id, article_id))

    def add_conflicts(self, conflicts: Sequence[Conflict]) -> int:
        """Store conflicts (idempotent: the same conflict found again replaces itself); the number new."""
        new = 0
        with self._transaction("store conflicts"):
            for c in conflicts:
                new += self.get(c.id) is None
                self._insert_conflict(c)
        return new

    # -- reading
    def _rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Record]:
        for (data,) in self.conn.execute(sql, params):
            yield from_json(json.loads(data))

    def _typed(self, cls: type[R], sql: str, params: Sequence[Any] = ()) -> list[R]:
        return [r for r in self._rows(sql, params) if isinstance(r, cls)]

    def iter_records(self, type_: str) -> Iterator[Record]:
        table = _TABLES[type_]
        order = "published, id" if table == "articles" else "id"
        yield from self._rows(f"SELECT data FROM {table} ORDER BY {order}")

    def get(self, record_id: str) -> Record | None:
        prefix = record_id.split("-", 1)[0]
        tables = [_TABLES[prefix]] if prefix in _TABLES else list(_TABLES.values())
        if prefix == "art":
            tables = ["articles"]
        for table in tables:
            row = self.conn.execute(f"SELECT data FROM {table} WHERE id = ?", (record_id,)).fetchone()
            if row:
                return from_json(json.loads(row[0]))
        return None

    def count(self, type_: str) -> int:
        return int(self.conn.execute(f"SELECT count(*) FROM {_TABLES[type_]}").fetchone()[0])

    def records_of_article(self, article_id: str) -> list[Record]:
        out: list[Record] = []
        for table in ("articles", "mentions", "timexes", "quotes", "claims", "events"):
            key = "id" if table == "articles" else "article_id"
            out.extend(self._rows(f"SELECT data FROM {table} WHERE {key} = ? ORDER BY id", (article_id,)))
        return out

    def find_actors(self, name: str) -> list[Actor]:
        """Actors whose id, name or alias is ``name`` (case-insensitive), else whose name contains it."""
        rows = list(
            self._rows(
                "SELECT data FROM actors WHERE id = ? OR id IN (SELECT actor_id FROM actor_aliases WHERE alias = ?)",
                (name, name),
            )
        )
        if not rows:
            rows = list(self._rows("SELECT data FROM actors WHERE name LIKE ? ORDER BY name", (f"%{name}%",)))
        return [a for a in rows if isinstance(a, Actor)]

    def search(self, text: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Quotes and articles matching a full-text query (words are ANDed; "phrases" kept)."""
        query = _fts_query(text)
        if not query:
            return []
        hits: list[dict[str, Any]] = []
        try:
            for quote_id, rank in self.conn.execute(
                "SELECT m.quote_id, bm25(quotes_fts) FROM quotes_fts"
                " JOIN quotes_fts_map m ON m.rowid = quotes_fts.rowid"
                " WHERE quotes_fts MATCH ? ORDER BY bm25(quotes_fts) LIMIT ?",
                (query, limit),
            ):
                hits.append({"type": "quote", "id": quote_id, "rank": rank})
            for article_id, rank in self.conn.execute(
                "SELECT m.article_id, bm25(articles_fts) FROM articles_fts"
                " JOIN articles_fts_map m ON m.rowid = articles_fts.rowid"
                " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?",
                (query, limit),
            ):
                hits.append({"type": "article", "id": article_id, "rank": rank})
        except sqlite3.OperationalError as e:
            raise StoreError(f"cannot search for {text!r}: {e}") from e
        return hits

    # -- the History protocol of the checks
    def claims_by_asserter(self, asserter_id: str) -> list[Claim]:
        return self._typed(Claim, "SELECT data FROM claims WHERE asserter_id = ?", (asserter_id,))

    def claims_by_block(self, asserter_id: str, block: str) -> list[Claim]:
        return self._typed(Claim, "SELECT data FROM claims WHERE asserter_id = ? AND block = ?", (asserter_id, block))

    def _one(self, table: str, record_id: str) -> Record | None:
        row = self.conn.execute(f"SELECT data FROM {table} WHERE id = ?", (record_id,)).fetchone()
        return from_json(json.loads(row[0])) if row else None

    def claim(self, claim_id: str) -> Claim | None:
        r = self._one("claims", claim_id)
        return r if isinstance(r, Claim) else None

    def quote(self, quote_id: str) -> Quote | None:
        r = self._one("quotes", quote_id)
        return r if isinstance(r, Quote) else None

    def event(self, event_id: str) -> Event | None:
        r = self._one("events", event_id)
        return r if isinstance(r, Event) else None

    def mentions_in_article(self, article_id: str) -> list[Mention]:
        return self._typed(Mention, "SELECT data FROM mentions WHERE article_id = ? ORDER BY id", (article_id,))

    def events_in_article(self, article_id: str) -> list[Event]:
        return self._typed(Event, "SELECT data FROM events WHERE article_id = ? ORDER BY id", (article_id,))

    def quotes_by_speaker(self, speaker_id: str) -> list[Quote]:
        return self._typed(Quote, "SELECT data FROM quotes WHERE speaker_id = ? ORDER BY said_on", (speaker_id,))

    def events_by_actor(self, actor_id: str) -> list[Event]:
        return self._typed(
            Event,
            "SELECT data FROM events WHERE actor1_id = ? UNION SELECT data FROM events WHERE actor2_id = ?",
            (actor_id, actor_id),
        )

    def article(self, article_id: str) -> Article | None:
        r = self.get(article_id) if article_id.startswith("art-") else None
        return r if isinstance(r, Article) else None

    def actor(self, actor_id: str) -> Actor | None:
        row = self.conn.execute("SELECT data FROM actors WHERE id = ?", (actor_id,)).fetchone()
        if row is None:
            return None
        r = from_json(json.loads(row[0]))
        return r if isinstance(r, Actor) else None

    def close(self) -> None:
        self.conn.close()


_FTS_TOKEN = re.compile(r'"[^"]+"|[\w\-]+', re.UNICODE)


def _fts_query(text: str) -> str:
    parts = []
    for tok in _FTS_TOKEN.findall(text):
        tok = tok.strip('"').replace('"', "")
        if tok:
            parts.append(f'"{tok}"')
    return " ".join(parts)
