"""The ingest job: idempotent, safe to interrupt, and bad input loses nothing already stored.

The articles here were written for the tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.export import iter_export
from onrecord.ingest.readers import IngestOptions
from onrecord.model import to_json
from onrecord.pipeline import Pipeline, Work
from onrecord.run import extract, ingest
from onrecord.store.sqlite import SQLiteStore

STORIES = [
    "The port authority said on Monday that cargo traffic rose by 4% last year.",
    "Farmers protested outside parliament on Tuesday against the new water tax.",
    "The central bank kept its main rate at 5.25% and said inflation was easing.",
    "Two ministers met in the capital to discuss a trade agreement on fisheries.",
]


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n, text in enumerate(STORIES):
        (folder / f"story{n}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def dump(store: SQLiteStore) -> list[dict[str, object]]:
    return [to_json(r) for r in iter_export(store)]


def test_ingesting_a_folder_twice_changes_nothing(tmp_path: Path, light_pipeline: Pipeline) -> None:
    corpus = write_corpus(tmp_path / "c")
    store = SQLiteStore(tmp_path / "r.db")
    first = ingest([str(corpus)], store, IngestOptions(published="2024-05-02"), pipeline=light_pipeline)
    assert first.stored == len(STORIES) and first.exit_code() == 0
    before = dump(store)
    second = ingest([str(corpus)], store, IngestOptions(published="2024-05-02"), pipeline=light_pipeline)
    assert second.stored == 0 and second.unchanged == len(STORIES)
    assert dump(store) == before


class Interrupt(BaseException):
    pass


def test_interrupted_ingest_loses_and_duplicates_nothing(tmp_path: Path, light_pipeline: Pipeline) -> None:
    corpus = write_corpus(tmp_path / "c")
    store = SQLiteStore(tmp_path / "r.db")
    seen: list[str] = []

    def dies_on_third(work: Work) -> None:
        seen.append(work.article.id)
        if len(seen) == 3:
            raise Interrupt  # like a kill: not an Exception, so nothing catches it

    light_pipeline.stages.append(("dies", dies_on_third))
    with pytest.raises(Interrupt):
        ingest([str(corpus)], store, IngestOptions(published="2024-05-02"), pipeline=light_pipeline)
    assert store.count("article") == 2
    light_pipeline.stages.pop()
    again = ingest([str(corpus)], store, IngestOptions(published="2024-05-02"), pipeline=light_pipeline)
    assert again.stored == 2 and again.unchanged == 2
    assert store.count("article") == len(STORIES)
    assert len({r["id"] for r in dump(store)}) == len(dump(store))


def test_bad_inputs_are_reported_and_the_rest_goes_on(tmp_path: Path, light_pipeline: Pipeline) -> None:
    corpus = write_corpus(tmp_path / "c")
    store = SQLiteStore(tmp_path / "r.db")
    ingest([str(corpus / "story0.txt")], store, IngestOptions(), pipeline=light_pipeline)
    before = dump(store)
    (tmp_path / "bin.txt").write_bytes(b"\x00\x00\x01")
    summary = ingest(
        [str(tmp_path / "missing.txt"), str(tmp_path / "bin.txt"), str(corpus / "story1.txt")],
        store,
        IngestOptions(),
        pipeline=light_pipeline,
    )
    assert summary.stored == 1 and summary.failed == 2 and summary.exit_code() == 1
    assert any("missing.txt: no such file" in e for e in summary.errors)
    assert dump(store)[: len(before)] == before or all(r in dump(store) for r in before)
    assert summary.undated  # no --published and no metadata: flagged, still stored


def test_non_english_is_stored_not_parsed(tmp_path: Path, light_pipeline: Pipeline) -> None:
    p = tmp_path / "es.txt"
    p.write_text(
        "El ministro dijo que la economía crecerá este año y que los precios de la energía bajarán.", encoding="utf-8"
    )
    store = SQLiteStore(":memory:")
    summary = ingest([str(p)], store, IngestOptions(published="2024-05-02"), pipeline=light_pipeline)
    assert summary.not_english == 1 and store.count("article") == 1
    (article,) = list(store.iter_records("article"))
    assert article.language == "es"  # type: ignore[union-attr]


def test_extract_touches_no_store(light_pipeline: Pipeline) -> None:
    from onrecord.ingest.article import make_article

    records = list(extract([make_article(STORIES[0], published="2024-05-02")], pipeline=light_pipeline))
    assert [r.TYPE for r in records] == ["article"]


@pytest.mark.slow
def test_killed_ingest_process_resumes_cleanly(tmp_path: Path) -> None:
    """SIGKILL an `onrecord ingest` midway, rerun it, and get the same record as one uninterrupted run."""
    import signal
    import subprocess
    import sys
    import time

    corpus = tmp_path / "many"
    corpus.mkdir()
    for n in range(40):
        (corpus / f"s{n:02d}.txt").write_text(f"Story {n}. " + " ".join(STORIES) * 3 + "\n", encoding="utf-8")
    exe = str(Path(sys.executable).parent / "onrecord")
    killed_db, clean_db = tmp_path / "killed.db", tmp_path / "clean.db"
    proc = subprocess.Popen(
        [exe, "ingest", str(corpus), "--published", "2024-05-02", "--db", str(killed_db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if killed_db.exists():
            probe = SQLiteStore(killed_db)
            stored = probe.count("article")
            probe.close()
            if stored >= 3:
                break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = SQLiteStore(killed_db)
    assert 0 < partial.count("article") < 40, "the kill should land midway"
    partial.close()
    for db in (killed_db, clean_db):
        subprocess.run(
            [exe, "ingest", str(corpus), "--published", "2024-05-02", "--db", str(db)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    a, b = SQLiteStore(killed_db), SQLiteStore(clean_db)
    assert dump(a) == dump(b)
    a.close()
    b.close()


@pytest.mark.slow
def test_two_processes_give_the_same_record(tmp_path: Path) -> None:
    """Parsing with n_process=2 changes the speed, not the record."""
    from onrecord.pipeline import Pipeline

    corpus = write_corpus(tmp_path / "c")
    records = []
    for n in (1, 2):
        store = SQLiteStore(tmp_path / f"r{n}.db")
        summary = ingest([str(corpus)], store, IngestOptions(published="2024-05-02"), pipeline=Pipeline(), n_process=n)
        assert summary.stored == len(STORIES)
        records.append(dump(store))
        store.close()
    assert records[0] == records[1]


def test_a_stage_failing_on_one_article_is_reported_and_the_rest_is_stored(
    tmp_path: Path, light_pipeline: Pipeline
) -> None:
    corpus = write_corpus(tmp_path / "c")

    def breaks_on_protests(work: Work) -> None:
        if "protested" in work.article.text:
            raise ValueError("a bug in a stage")

    light_pipeline.stages.append(("breaks", breaks_on_protests))
    store = SQLiteStore(tmp_path / "r.db")
    summary = ingest([str(corpus)], store, IngestOptions(published="2024-05-02"), pipeline=light_pipeline)
    assert summary.stored == len(STORIES) - 1 and summary.exit_code() == 1
    (error,) = summary.errors
    assert "story1.txt" in error and "stage breaks failed" in error
