"""Numbered schema migrations; each runs in a transaction and leaves its row in ``migrations``."""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "records by type, with the columns the queries index",
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, title TEXT, published TEXT,
            source TEXT, language TEXT, data TEXT NOT NULL);
        CREATE TABLE actors (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT, country TEXT, data TEXT NOT NULL);
        CREATE INDEX actors_name ON actors(name COLLATE NOCASE);
        CREATE TABLE actor_aliases (alias TEXT NOT NULL COLLATE NOCASE, actor_id TEXT NOT NULL,
            PRIMARY KEY (alias, actor_id));
        CREATE TABLE mentions (id TEXT PRIMARY KEY, article_id TEXT NOT NULL, actor_id TEXT, data TEXT NOT NULL);
        CREATE INDEX mentions_actor ON mentions(actor_id);
        CREATE INDEX mentions_article ON mentions(article_id);
        CREATE TABLE timexes (id TEXT PRIMARY KEY, article_id TEXT NOT NULL, data TEXT NOT NULL);
        CREATE INDEX timexes_article ON timexes(article_id);
        CREATE TABLE quotes (id TEXT PRIMARY KEY, article_id TEXT NOT NULL, speaker_id TEXT, said_on TEXT,
            text TEXT, data TEXT NOT NULL);
        CREATE INDEX quotes_speaker ON quotes(speaker_id, said_on);
        CREATE INDEX quotes_article ON quotes(article_id);
        CREATE TABLE claims (id TEXT PRIMARY KEY, article_id TEXT NOT NULL, asserter_id TEXT, subject_key TEXT,
            asserted_on TEXT, data TEXT NOT NULL);
        CREATE INDEX claims_asserter ON claims(asserter_id, subject_key);
        CREATE INDEX claims_article ON claims(article_id);
        CREATE TABLE events (id TEXT PRIMARY KEY, article_id TEXT NOT NULL, category TEXT, actor1_id TEXT,
            actor2_id TEXT, date TEXT, data TEXT NOT NULL);
        CREATE INDEX events_actor1 ON events(actor1_id, date);
        CREATE INDEX events_actor2 ON events(actor2_id, date);
        CREATE INDEX events_article ON events(article_id);
        CREATE TABLE conflicts (id TEXT PRIMARY KEY, kind TEXT NOT NULL, score REAL, data TEXT NOT NULL);
        CREATE TABLE conflict_links (conflict_id TEXT NOT NULL, article_id TEXT NOT NULL,
            PRIMARY KEY (conflict_id, article_id));
        CREATE INDEX conflict_links_article ON conflict_links(article_id);
        """,
    ),
    (
        2,
        "full-text search over quotes and article text",
        """
        CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker_text, content='', tokenize='unicode61');
        CREATE TABLE quotes_fts_map (rowid INTEGER PRIMARY KEY, quote_id TEXT NOT NULL UNIQUE);
        CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='', tokenize='unicode61');
        CREATE TABLE articles_fts_map (rowid INTEGER PRIMARY KEY, article_id TEXT NOT NULL UNIQUE);
        """,
    ),
    (
        3,
        "claims indexed by asserter and comparable-measure block, for the checks",
        """
        ALTER TABLE claims ADD COLUMN block TEXT;
        CREATE INDEX claims_block ON claims(asserter_id, block);
        """,
    ),
]
