"""The SQLite store: round trips, one transaction per article, migrations, actor merging, search."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onrecord.errors import StoreError
from onrecord.export import iter_export
from onrecord.ingest.article import make_article
from onrecord.model import Actor, Claim, Quote, Role, to_json
from onrecord.store.migrations import MIGRATIONS
from onrecord.store.sqlite import SQLiteStore
from strategies import claims, quotes

TEXT = "The minister said the deficit would fall to 3% next year, the ministry reported on Monday."


def quote(article_id: str, start: int = 0, speaker: str | None = "actor-minister") -> Quote:
    return Quote(
        id=f"quote-{start:016x}",
        article_id=article_id,
        speaker_id=speaker,
        speaker_text="The minister",
        text="the deficit would fall",
        kind="indirect",
        cue="say",
        said_on="2025-01-20",
        span=(start, start + 10),
    )


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(quotes, claims), max_size=6, unique_by=lambda r: r.id))
def test_round_trip_record_store_export(records: list[Quote | Claim]) -> None:
    store = SQLiteStore(":memory:")
    article = make_article(TEXT, published="2025-01-20")
    fixed = [type(r)(**{**{f: getattr(r, f) for f in r.__slots__}, "article_id": article.id}) for r in records]
    assert store.add_article([article, *fixed])
    exported = {r.id: r for r in iter_export(store)}
    assert exported[article.id] == article
    for r in fixed:
        assert to_json(exported[r.id]) == to_json(r)
    store.close()


def test_same_article_twice_changes_nothing(store: SQLiteStore) -> None:
    article = make_article(TEXT, published="2025-01-20")
    assert store.add_article([article, quote(article.id)])
    before = [to_json(r) for r in iter_export(store)]
    assert not store.add_article([article, quote(article.id, 5)])
    assert [to_json(r) for r in iter_export(store)] == before


def test_failed_write_leaves_nothing_half_stored(store: SQLiteStore) -> None:
    article = make_article(TEXT)

    bad = quote(article.id)
    store.conn.execute("CREATE TRIGGER no_quotes BEFORE INSERT ON quotes BEGIN SELECT RAISE(ABORT, 'refused'); END")
    with pytest.raises(StoreError, match="could not store article"):
        store.add_article([article, bad])
    assert store.count("article") == 0 and not store.has_article(article.id)


def test_migrations_are_numbered_and_recorded(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    s = SQLiteStore(path)
    assert s.schema_version() == max(v for v, _, _ in MIGRATIONS)
    s.close()
    again = SQLiteStore(path)  # reopening runs nothing twice
    rows = again.conn.execute("SELECT version FROM migrations ORDER BY version").fetchall()
    assert [r[0] for r in rows] == [v for v, _, _ in MIGRATIONS]
    again.close()


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a usable onrecord database"):
        SQLiteStore(path)


def test_actor_seen_in_two_articles_is_merged(store: SQLiteStore) -> None:
    a1, a2 = make_article(TEXT), make_article(TEXT + " More.")
    r1 = Role("Minister of Finance", "FRE", "2020-01-01", None)
    store.add_article([a1, Actor("actor-x", "Ana Example", "person", "FRE", ("Example",), (r1,))])
    store.add_article([a2, Actor("actor-x", "Ana Example", "person", None, ("Ms Example",), ())])
    actor = store.actor("actor-x")
    assert actor is not None
    assert actor.country == "FRE" and set(actor.aliases) == {"Example", "Ms Example"} and actor.roles == (r1,)
    assert [a.id for a in store.find_actors("ms example")] == ["actor-x"]


def test_history_indexes(store: SQLiteStore) -> None:
    article = make_article(TEXT)
    store.add_article([article, quote(article.id, 0), quote(article.id, 20, speaker="actor-other")])
    assert [q.span[0] for q in store.quotes_by_speaker("actor-minister")] == [0]
    assert store.claims_by_asserter("actor-minister") == []


def test_full_text_search(store: SQLiteStore) -> None:
    article = make_article(TEXT)
    store.add_article([article, quote(article.id)])
    kinds = {h["type"] for h in store.search("deficit")}
    assert kinds == {"quote", "article"}
    assert store.search("unicorns") == []
    assert store.search('"would fall"')
