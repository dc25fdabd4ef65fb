"""The onrecord command line: a few lines around each library function."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from onrecord import __version__
from onrecord.errors import IngestError, OnrecordError
from onrecord.ingest.article import DateError, make_article, parse_date
from onrecord.ingest.readers import DEFAULT_INCLUDE, IngestOptions, read_inputs
from onrecord.model import Article, to_json
from onrecord.query import Evidence, Query
from onrecord.store import Store, default_location, open_store

F = TypeVar("F", bound=Callable[..., Any])
LOGGER = logging.getLogger("onrecord")


def db_option(f: F) -> F:
    return click.option(
        "--db",
        "db",
        envvar="ONRECORD_DB",
        default=None,
        metavar="PATH",
        help="The record (SQLite file). Default: $ONRECORD_DB or ./onrecord.db.",
    )(f)


def json_option(f: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(f)


def friendly(f: F) -> F:
    """Domain errors become one line on stderr and exit status 2."""

    @wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except OnrecordError as e:
            click.echo(f"onrecord: {e}", err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


def _published_option(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return parse_date(value)
    except DateError as e:
        raise click.BadParameter(str(e)) from e


@click.group()
@click.version_option(__version__, prog_name="onrecord")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def main(verbose: int) -> None:
    """onrecord: who said what, who met whom, which figures were cited, and what does not add up.

    Example: onrecord ingest articles/ && onrecord conflicts
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    from onrecord.extract.quote_settings import user_threshold

    try:
        user_threshold()
    except ValueError as e:
        raise click.UsageError(str(e)) from e


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--published", help="Publication date of the inputs (YYYY-MM-DD), over any metadata.")
@click.option(
    "--include", multiple=True, help=f"Glob of files to read in folders (default: {' '.join(DEFAULT_INCLUDE)})."
)
@click.option("--source", help="The outlet, when the inputs do not say.")
@click.option("--processes", "-j", default=1, show_default=True, help="Parser processes.")
@db_option
@json_option
@friendly
def ingest(
    inputs: tuple[str, ...],
    published: str | None,
    include: tuple[str, ...],
    source: str | None,
    processes: int,
    db: str | None,
    as_json: bool,
) -> None:
    """Read articles (files, folders, feeds, JSONL, URLs, - for stdin) into the record, and check them.

    Example: onrecord ingest article.txt --published 2025-01-21
    """
    from onrecord.run import ingest as run_ingest

    options = IngestOptions(published=_published_option(published), include=include or DEFAULT_INCLUDE, source=source)
    store = open_store(db)
    progress = None
    if sys.stderr.isatty() and not as_json:
        from rich.progress import Progress, SpinnerColumn, TextColumn

        bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), transient=True)
        bar.start()
        task = bar.add_task("reading")

        def progress(article: Article) -> None:
            bar.update(task, description=f"reading {article.source or article.id}")

    summary = run_ingest(list(inputs), store, options, progress=progress, n_process=processes)
    if progress is not None:
        bar.stop()
    if as_json:
        click.echo(json.dumps(summary.as_dict(), ensure_ascii=False))
    else:
        for err in summary.errors:
            click.echo(f"error: {err}", err=True)
        recs = ", ".join(f"{n} {t}s" for t, n in sorted(summary.records.items()) if t != "article")
        click.echo(
            f"stored {summary.stored} article(s), {summary.unchanged} already in the record, "
            f"{summary.not_english} not in English, {summary.failed} failed"
            + (f"; {recs}" if recs else "")
            + f"; {len(summary.conflicts)} new conflict(s) in {store.location}"
        )
        for name in summary.undated:
            click.echo(f"warning: {name}: no publication date (give --published)", err=True)
    store.close()
    sys.exit(summary.exit_code())


def _jsonl_articles(stream: Any) -> Iterator[Article | IngestError]:
    for n, line in enumerate(stream, 1):
        if not line.strip():
            continue
        where = f"<stdin> line {n}"
        try:
            obj = json.loads(line)
            published = parse_date(obj["published"]) if obj.get("published") else None
            article = make_article(
                obj["text"],
                title=obj.get("title"),
                published=published,
                published_basis="metadata",
                source=str(obj.get("id", where)),
            )
        except (json.JSONDecodeError, KeyError, TypeError, DateError) as e:
            yield IngestError(where, f'needs {{"id", "text", "published"}}: {e}')
            continue
        yield article


@main.command()
@click.argument("inputs", nargs=-1)
@click.option("--published", help="Publication date of the inputs (YYYY-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("--jsonl-input", is_flag=True, help='Read {"id","text","published"} objects, one per line, from stdin.')
@click.option("--stages", help="Comma-separated stages to run (default: all).")
@friendly
def extract(inputs: tuple[str, ...], published: str | None, fmt: str, jsonl_input: bool, stages: str | None) -> None:
    """Write the records of the inputs as JSON lines, touching no store.

    Example: echo '{"id": "a1", "text": "Putin said so.", "published": "2025-01-21"}' | onrecord extract --jsonl-input
    """
    from onrecord.export import write_jsonl
    from onrecord.pipeline import DEFAULT_STAGES, Pipeline
    from onrecord.run import extract as run_extract

    pipeline = Pipeline(stages.split(",") if stages else DEFAULT_STAGES)
    if jsonl_input:
        items: Any = _jsonl_articles(sys.stdin)
    else:
        if not inputs:
            raise click.UsageError("give FILE..., - for stdin, or --jsonl-input")
        items = read_inputs(list(inputs), IngestOptions(published=_published_option(published)))
    failed = 0
    articles = []
    for item in items:
        if isinstance(item, IngestError):
            click.echo(f"error: {item}", err=True)
            failed += 1
        elif jsonl_input:
            # each line answered as soon as it is read, so a harness can stream many small calls
            write_jsonl(run_extract([item], pipeline=pipeline), sys.stdout)
            sys.stdout.flush()
        else:
            articles.append(item)
    if articles:
        write_jsonl(run_extract(articles, pipeline=pipeline), sys.stdout)
    sys.exit(1 if failed else 0)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    help="File (jsonl) or folder (csv, parquet: one file per record type). Default for jsonl: stdout.",
)
@db_option
@friendly
def export(fmt: str, output: Path | None, db: str | None) -> None:
    """Export the whole record (JSON lines per the contract, CSV or Parquet tables).

    Example: onrecord export --format jsonl > record.jsonl
    """
    from onrecord.export import iter_export, write_jsonl, write_tables

    store = _existing_store(db)
    if fmt == "jsonl":
        if output:
            with output.open("w", encoding="utf-8") as f:
                write_jsonl(iter_export(store), f)
        else:
            write_jsonl(iter_export(store), sys.stdout)
        return
    if output is None:
        raise click.UsageError(f"--format {fmt} writes one file per record type: give --output FOLDER")
    for type_, path in write_tables(store, output, fmt).items():
        click.echo(f"{type_}: {path}")


def _existing_store(db: str | None) -> Store:
    location = db or default_location()
    if location != ":memory:" and not Path(location).exists():
        raise OnrecordError(f"{location}: no record here yet; create it with `onrecord ingest FILE`")
    return open_store(location)


def _echo_evidence(ev: Evidence, *, indent: str = "  ") -> None:
    a = ev.article
    where = f"{a.title or a.source or a.id} ({a.published or 'undated'})" if a else "?"
    s, (i, j) = ev.sentence, ev.span_in_sentence
    marked = s[:i] + click.style(s[i:j], bold=True) + s[j:] if 0 <= i < j <= len(s) else s
    click.echo(f"{indent}{ev.when or 'undated'} · {ev.who or 'unattributed'} · {where}")
    click.echo(f"{indent}  {marked}")


@main.command()
@click.option("--kind", type=click.Choice(["person", "organization", "country", "group"]))
@click.option("--limit", default=50, show_default=True)
@db_option
@json_option
@friendly
def actors(kind: str | None, limit: int, db: str | None, as_json: bool) -> None:
    """List actors, most quoted first.

    Example: onrecord actors --kind person
    """
    rows = Query(_existing_store(db)).actors(kind)[:limit]
    if as_json:
        click.echo(json.dumps([{**to_json(a), "statements": n} for a, n in rows], ensure_ascii=False))
        return
    for a, n in rows:
        click.echo(f"{a.name:<32} {a.kind:<12} {a.country or '-':<4} {n:>4} statements  {a.id}")


@main.command()
@click.argument("actor")
@db_option
@json_option
@friendly
def show(actor: str, db: str | None, as_json: bool) -> None:
    """Show an actor: roles over time, then their quotes and claims in time order.

    Example: onrecord show "Donald Trump"
    """
    q = Query(_existing_store(db))
    a = q.actor(actor)
    quotes, claims = q.quotes(a.id, limit=1000), q.claims(a.id, limit=1000)
    if as_json:
        click.echo(
            json.dumps(
                {"actor": to_json(a), "quotes": [to_json(x) for x in quotes], "claims": [to_json(x) for x in claims]},
                ensure_ascii=False,
            )
        )
        return
    click.echo(f"{a.name} ({a.kind}, {a.country or 'no country'})  {a.id}")
    if a.aliases:
        click.echo(f"  also: {', '.join(a.aliases[:12])}")
    for r in a.roles:
        click.echo(f"  {r.title} ({r.country or '-'}) {r.start or '?'} to {r.end or 'now'}")
    timeline: list[tuple[str, str]] = [(x.said_on or "", f"quote  “{x.text[:140]}”") for x in quotes]
    timeline += [(c.asserted_on or "", f"claim  {c.text or c.value} {c.unit or ''} — {c.subject}") for c in claims]
    for when, line in sorted(timeline):
        click.echo(f"  {when or 'undated':<10} {line}")


def _record_lines(rows: list[Any], q: Query, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps([q.evidence(r).as_dict() for r in rows], ensure_ascii=False))
        return
    for r in rows:
        _echo_evidence(q.evidence(r))


@main.command()
@click.option("--speaker", help="Only this actor's quotes.")
@click.option("--limit", default=50, show_default=True)
@db_option
@json_option
@friendly
def quotes(speaker: str | None, limit: int, db: str | None, as_json: bool) -> None:
    """List quotes with their speaker, date and sentence.

    Example: onrecord quotes --speaker "Vladimir Putin"
    """
    q = Query(_existing_store(db))
    _record_lines(q.quotes(speaker, limit=limit), q, as_json)


@main.command()
@click.option("--asserter", help="Only this actor's figures.")
@click.option("--limit", default=50, show_default=True)
@db_option
@json_option
@friendly
def claims(asserter: str | None, limit: int, db: str | None, as_json: bool) -> None:
    """List numeric claims: value, unit, what is measured, who asserts it, when.

    Example: onrecord claims --asserter "Donald Trump"
    """
    q = Query(_existing_store(db))
    rows = q.claims(asserter, limit=limit)
    if as_json:
        _record_lines(rows, q, True)
        return
    for c in rows:
        ev = q.evidence(c)
        click.echo(
            f"{c.asserted_on or 'undated':<10} {ev.who or 'unattributed':<24} {c.qualifier:<8} "
            f"{c.value:>14,.6g} {c.unit or '':<8} {c.subject}"
        )


@main.command()
@click.option("--actor", help="Events of this actor.")
@click.option("--with", "with_", help="Only those with this other actor.")
@click.option("--counterparts", "show_counterparts", is_flag=True, help="With --actor: who it deals with, and how.")
@db_option
@json_option
@friendly
def events(actor: str | None, with_: str | None, show_counterparts: bool, db: str | None, as_json: bool) -> None:
    """List events (PLOVER categories) over time, for an actor or a pair.

    Example: onrecord events --actor "Vladimir Putin" --with "Xi Jinping"
    """
    if (with_ or show_counterparts) and not actor:
        raise click.UsageError("--with and --counterparts need --actor")
    q = Query(_existing_store(db))
    store = q.store

    def name(actor_id: str | None) -> str:
        a = store.actor(actor_id) if actor_id else None
        return a.name if a else "-"

    if show_counterparts and actor:
        parts = q.counterparts(actor)
        if as_json:
            click.echo(
                json.dumps(
                    [
                        {
                            "actor_id": c.actor_id,
                            "name": name(c.actor_id),
                            "events": c.events,
                            "as_actor": c.as_actor,
                            "as_recipient": c.as_recipient,
                            "categories": dict(c.categories),
                            "first_date": c.first_date,
                            "last_date": c.last_date,
                        }
                        for c in parts
                    ],
                    ensure_ascii=False,
                )
            )
            return
        for c in parts:
            cats = ", ".join(f"{k} {n}" for k, n in c.categories)
            click.echo(
                f"{name(c.actor_id):<32} {c.events:>4} events ({c.as_actor} by, {c.as_recipient} to)  "
                f"{c.first_date or '?'} .. {c.last_date or '?'}  {cats}"
            )
        return
    rows = q.events(actor, with_)
    if as_json:
        _record_lines(rows, q, True)
        return
    for e in rows:
        neg = "NOT " if e.negated else ""
        medium = f" ({e.medium})" if e.medium else ""
        click.echo(
            f"{e.date or 'undated':<10} {e.date_precision:<7} {neg}{e.category:<10} "
            f"{name(e.actor1_id)} -> {name(e.actor2_id)}{medium}"
        )
        _echo_evidence(q.evidence(e), indent="             ")


@main.command()
@click.option(
    "--kind",
    type=click.Choice(["self_contradiction", "rebutted_in_text", "date_inconsistency", "record_contradiction"]),
)
@click.option("--explain", "explain_id", metavar="ID", help="Show the reasoning behind one conflict.")
@db_option
@json_option
@friendly
def conflicts(kind: str | None, explain_id: str | None, db: str | None, as_json: bool) -> None:
    """List what does not add up, with the sentences side by side, their dates and sources.

    Example: onrecord conflicts --explain conflict-0123456789abcdef
    """
    q = Query(_existing_store(db))
    rows = [q.conflict(explain_id)] if explain_id else q.conflicts(kind)
    if as_json:
        click.echo(
            json.dumps(
                [{"conflict": to_json(c), "evidence": [e.as_dict() for e in q.conflict_evidence(c)]} for c in rows],
                ensure_ascii=False,
            )
        )
        return
    if not rows:
        click.echo("no conflicts in the record")
    console = _console()
    for c in rows:
        console.print(f"[bold]{c.kind} · score {c.score:.2f} · {c.id}[/bold]", highlight=False)
        console.print(f"  {c.explanation}", highlight=False, markup=False)
        console.print(_side_by_side(q.conflict_evidence(c)))
        if explain_id:
            console.print("  reasoning:")
            for line in (c.reasoning or "(none recorded)").splitlines():
                console.print(f"    {line}", highlight=False, markup=False)
        console.print()


def _console() -> Any:
    from rich.console import Console

    width = None if sys.stdout.isatty() else int(os.environ.get("COLUMNS", "160"))
    return Console(width=width, highlight=False, soft_wrap=False)


def _side_by_side(evidence: list[Evidence]) -> Any:
    """The passages a conflict rests on as columns: date, speaker and source over the sentence."""
    from rich.table import Table
    from rich.text import Text

    table = Table(show_header=True, header_style="bold", box=None, padding=(0, 2), expand=True)
    cells = []
    for ev in evidence:
        a = ev.article
        source = f"{a.title or a.source or a.id}, {a.source or ''} {a.published or 'undated'}".strip() if a else "?"
        table.add_column(f"{ev.when or 'undated'} · {ev.who or 'unattributed'}\n{source}", ratio=1)
        text = Text(ev.sentence)
        i, j = ev.span_in_sentence
        if 0 <= i < j <= len(ev.sentence):
            text.stylize("bold underline", i, j)
        cells.append(text)
    table.add_row(*cells)
    return table


@main.command()
@click.argument("text")
@click.option("--limit", default=20, show_default=True)
@db_option
@json_option
@friendly
def search(text: str, limit: int, db: str | None, as_json: bool) -> None:
    """Full-text search over quotes and articles.

    Example: onrecord search "ceasefire talks"
    """
    hits = list(Query(_existing_store(db)).search(text, limit=limit))
    if as_json:
        click.echo(json.dumps([h.as_dict() for h in hits], ensure_ascii=False))
        return
    for h in hits:
        _echo_evidence(h)


@main.command()
@db_option
@json_option
@friendly
def stats(db: str | None, as_json: bool) -> None:
    """Count the records of each kind.

    Example: onrecord stats --json
    """
    counts = Query(_existing_store(db)).stats()
    if as_json:
        click.echo(json.dumps(counts))
        return
    for k, v in counts.items():
        click.echo(f"{k + ('es' if k.endswith('x') else 's'):<10} {v:>8}")


def model_info() -> dict[str, Any]:
    """Name, version, location and checksum of the installed spaCy model package."""
    from importlib import metadata

    from onrecord.pipeline import MODEL_PACKAGE

    dist_name = MODEL_PACKAGE.replace("_", "-")
    try:
        dist = metadata.distribution(dist_name)
    except metadata.PackageNotFoundError:
        return {"package": dist_name, "installed": False}
    digest = hashlib.sha256()
    files = sorted(str(f) for f in (dist.files or []) if not str(f).endswith((".pyc", "RECORD")))
    for name in files:
        path = Path(str(dist.locate_file(name)))
        if path.is_file():
            digest.update(name.encode())
            digest.update(path.read_bytes())
    return {"package": dist_name, "version": dist.version, "installed": True, "files_sha256": digest.hexdigest()}


@main.command()
@db_option
@json_option
def info(db: str | None, as_json: bool) -> None:
    """Versions, the spaCy model and its checksum, and where the record is.

    Example: onrecord info --json
    """
    import platform
    from importlib import metadata

    data = {
        "onrecord": __version__,
        "python": platform.python_version(),
        "spacy": metadata.version("spacy"),
        "model": model_info(),
        "store": db or default_location(),
        "schema": "onrecord/1",
    }
    if as_json:
        click.echo(json.dumps(data))
        return
    for k, v in data.items():
        click.echo(f"{k:<9} {v}")


if __name__ == "__main__":
    main()
