"""The command line end to end, with the real pipeline: exit codes, output, and the store reopened."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from onrecord.cli import main
from onrecord.model import SCHEMA
from onrecord.store.sqlite import SQLiteStore

ARTICLE = Path(__file__).parent / "articles" / "cli_summit.txt"
CONTRACT_FIELDS = {
    "article": {"id", "schema", "title", "published", "source", "language", "text", "sha256"},
    "actor": {"id", "name", "kind", "country", "aliases", "roles"},
    "quote": {
        "id",
        "article_id",
        "speaker_id",
        "speaker_text",
        "text",
        "kind",
        "cue",
        "said_on",
        "span",
        "speaker_span",
        "cue_span",
        "parent_id",
    },
    "claim": {
        "id",
        "article_id",
        "asserter_id",
        "asserted_on",
        "subject",
        "value",
        "value_low",
        "value_high",
        "unit",
        "qualifier",
        "time_scope",
        "quote_id",
        "span",
    },
    "event": {
        "id",
        "article_id",
        "category",
        "mode",
        "actor1_id",
        "actor2_id",
        "date",
        "date_precision",
        "medium",
        "negated",
        "span",
    },
    "timex": {"id", "article_id", "text", "span", "timex_type", "value"},
    "mention": {"id", "article_id", "actor_id", "span", "text"},
    "conflict": {"id", "kind", "claim_ids", "quote_ids", "event_ids", "explanation", "score"},
}

pytestmark = pytest.mark.slow


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "record.db")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_ingest_then_export_follows_the_contract(db: str) -> None:
    code, out = run("ingest", str(ARTICLE), "--published", "2024-06-03", "--db", db)
    assert code == 0, out
    assert "stored 1 article(s)" in out
    code, out = run("export", "--format", "jsonl", "--db", db)
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    (article,) = [r for r in records if r["type"] == "article"]
    assert article["schema"] == SCHEMA and article["published"] == "2024-06-03"
    assert article["title"] == "Ministers agree on fishing quotas after long talks"
    for r in records:
        assert CONTRACT_FIELDS[r["type"]] <= set(r), r["type"]
        if "span" in r and r["type"] != "conflict":
            s, e = r["span"]
            assert 0 <= s <= e <= len(article["text"])
    countries = {r["name"]: r["country"] for r in records if r["type"] == "actor" and r["kind"] == "country"}
    assert countries.get("Norway") == "NOR" and countries.get("Iceland") == "ISL"


def test_second_ingest_changes_nothing_and_store_reopens(db: str) -> None:
    run("ingest", str(ARTICLE), "--published", "2024-06-03", "--db", db)
    before = run("export", "--db", db)[1]
    code, out = run("ingest", str(ARTICLE), "--published", "2024-06-03", "--db", db)
    assert code == 0 and "stored 0 article(s), 1 already in the record" in out
    assert run("export", "--db", db)[1] == before
    store = SQLiteStore(db)
    assert store.count("article") == 1
    store.close()


def test_stats_json_and_listing_commands(db: str) -> None:
    run("ingest", str(ARTICLE), "--published", "2024-06-03", "--db", db)
    code, out = run("stats", "--json", "--db", db)
    assert code == 0 and json.loads(out)["article"] == 1
    for command in ("actors", "quotes", "claims", "events", "conflicts"):
        code, out = run(command, "--db", db)
        assert code == 0, (command, out)
    code, out = run("search", "fishing", "--json", "--db", db)
    assert code == 0 and json.loads(out)


def test_csv_and_parquet_exports(db: str, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    run("ingest", str(ARTICLE), "--published", "2024-06-03", "--db", db)
    code, _ = run("export", "--format", "csv", "--output", str(tmp_path / "csv"), "--db", db)
    assert code == 0 and (tmp_path / "csv" / "articles.csv").read_text().startswith("type,id,")
    code, _ = run("export", "--format", "parquet", "--output", str(tmp_path / "pq"), "--db", db)
    assert code == 0 and pq.read_table(tmp_path / "pq" / "articles.parquet").num_rows == 1


def test_errors_are_one_line_and_set_the_exit_status(db: str, tmp_path: Path) -> None:
    code, out = run("ingest", str(tmp_path / "nope.txt"), "--db", db)
    assert code == 2 and "nope.txt: no such file" in out
    code, out = run("show", "Nobody Atall", "--db", db)
    assert code == 2 and "no actor named" in out
    code, out = run("stats", "--db", str(tmp_path / "absent.db"))
    assert code == 2 and "no record here yet" in out
    code, out = run("ingest", str(ARTICLE), "--published", "21/13/2024", "--db", db)
    assert code == 2 and "date" in out


def test_a_bad_quote_threshold_setting_is_refused_before_any_work(db: str) -> None:
    result = CliRunner().invoke(main, ["ingest", str(ARTICLE), "--db", db], env={"ONRECORD_QUOTE_THRESHOLD": "most"})
    assert result.exit_code == 2
    assert "ONRECORD_QUOTE_THRESHOLD='most'" in result.output and "between 0 and 1" in result.output


def test_extract_jsonl_input_streams_records() -> None:
    lines = "\n".join(
        json.dumps({"id": f"s{n}", "text": t, "published": "2024-06-03"})
        for n, t in enumerate(
            ["Norway and Iceland signed a fisheries deal on Monday.", "The minister said prices rose 3% last year."]
        )
    )
    result = CliRunner().invoke(main, ["extract", "--jsonl-input"], input=lines)
    assert result.exit_code == 0, result.output
    records = [json.loads(x) for x in result.output.splitlines()]
    assert sum(r["type"] == "article" for r in records) == 2


def test_info_names_the_model() -> None:
    code, out = run("info", "--json")
    info = json.loads(out)
    assert code == 0 and info["model"]["installed"] and len(info["model"]["files_sha256"]) == 64


def test_extract_jsonl_input_answers_each_line_before_the_next() -> None:
    """A harness may write one line and wait: the records must come before stdin closes."""
    import subprocess
    import sys

    exe = str(Path(sys.executable).parent / "onrecord")
    proc = subprocess.Popen([exe, "extract", "--jsonl-input"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(
        json.dumps({"id": "a", "text": "The mayor said 40 homes flooded.", "published": "2024-05-02"}) + "\n"
    )
    proc.stdin.flush()
    first = json.loads(proc.stdout.readline())
    proc.stdin.close()
    rest = proc.stdout.read()
    assert proc.wait(timeout=60) == 0
    assert first["type"] == "article" and first["published"] == "2024-05-02"
    assert '"type": "claim"' in rest
