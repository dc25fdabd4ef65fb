"""Readers: the only code that reads files or the network. Each yields Articles or IngestErrors.

A reader never raises for one bad entry of a batch: it yields an IngestError naming the input and the
problem, and goes on with the rest.
"""

from __future__ import annotations

import fnmatch
import json
import logging
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from onrecord.errors import IngestError
from onrecord.ingest.article import DateError, make_article, parse_date
from onrecord.model import Article

LOGGER = logging.getLogger(__name__)

Item = Article | IngestError

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
ALL_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | JSONL_SUFFIXES
MIN_HTML_WORDS = 8  # fewer words than this is navigation or a stub, not an article
DEFAULT_INCLUDE = tuple(f"*{s}" for s in sorted(ALL_SUFFIXES))


@dataclass(frozen=True, slots=True)
class IngestOptions:
    published: str | None = None  # from the command line: overrides metadata
    include: tuple[str, ...] = DEFAULT_INCLUDE
    source: str | None = None


def decode(raw: bytes, name: str) -> str:
    """Text from bytes: UTF-8 (with or without BOM) or UTF-16 with BOM; IngestError for binary or other encodings."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as e:
            raise IngestError(name, f"unreadable UTF-16 text ({e.reason})") from e
    if b"\x00" in raw[:4096]:
        raise IngestError(name, "binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise IngestError(name, f"unreadable encoding: not UTF-8 (byte {e.start}) nor Windows-1252") from e
        LOGGER.warning("%s: not UTF-8, read as Windows-1252", name)
        return text


def _published(name: str, options: IngestOptions, metadata: str | None) -> tuple[str | None, str]:
    if options.published:
        return options.published, "cli"
    if metadata:
        try:
            return parse_date(metadata), "metadata"
        except DateError as e:
            raise IngestError(name, str(e)) from e
    return None, "unknown"


def _looks_like_title(line: str, rest: str) -> bool:
    line = line.strip()
    return bool(rest.strip()) and 0 < len(line) <= 200 and not line.endswith((".", ":", ";", ",", '"', "”"))


def read_text(name: str, raw: bytes, options: IngestOptions) -> Iterator[Item]:
    """A plain-text article; a short first line without final punctuation is its title."""
    text = decode(raw, name).strip()
    if not text:
        raise IngestError(name, "empty article")
    first, _, rest = text.partition("\n")
    title = None
    if _looks_like_title(first, rest):
        title, text = first.strip(), rest.strip()
    published, basis = _published(name, options, None)
    yield make_article(text, title=title, published=published, published_basis=basis, source=options.source or name)


def read_html(name: str, raw: bytes, options: IngestOptions, url: str | None = None) -> Iterator[Item]:
    """An HTML page: main text and title by trafilatura, date by htmldate."""
    import trafilatura
    from htmldate import find_date

    html = decode(raw, name)
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.split()) < MIN_HTML_WORDS:
        raise IngestError(name, "no article text found in the HTML page")
    title = getattr(doc, "title", None)
    meta_date = getattr(doc, "date", None)
    if not meta_date:
        try:
            meta_date = find_date(html, url=url, original_date=True)
        except (ValueError, TypeError) as e:
            LOGGER.warning("%s: htmldate failed: %s", name, e)
            meta_date = None
    published, basis = _published(name, options, meta_date)
    source = getattr(doc, "sitename", None) or getattr(doc, "hostname", None) or options.source or name
    yield make_article(text, title=title, published=published, published_basis=basis, source=source, url=url)


def read_feed(name: str, raw: bytes, options: IngestOptions) -> Iterator[Item]:
    """An RSS or Atom feed: each entry with text becomes an article; broken entries are reported."""
    import feedparser

    parsed = feedparser.parse(raw)
    if not parsed.entries:
        problem = str(parsed.get("bozo_exception", "")) or "no entries"
        raise IngestError(name, f"not a readable feed: {problem}")
    feed_title = parsed.feed.get("title") if parsed.get("feed") else None
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{name} entry {n}"
        body = ""
        if entry.get("content"):
            body = entry.content[0].get("value", "")
        body = body or entry.get("summary", "")
        if "<" in body:
            body = _html_to_text(body)
        if not body.strip():
            yield IngestError(where, "entry has no text")
            continue
        try:
            published, basis = _published(where, options, entry.get("published") or entry.get("updated"))
        except IngestError as e:
            yield e
            continue
        yield make_article(
            body,
            title=entry.get("title"),
            published=published,
            published_basis=basis,
            source=feed_title or options.source or name,
            url=entry.get("link"),
        )


def _html_to_text(fragment: str) -> str:
    import trafilatura

    text = trafilatura.extract(f"<html><body><article>{fragment}</article></body></html>")
    if text:
        return text
    import html as html_lib
    import re

    return html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment))


def read_jsonl(name: str, raw: bytes, options: IngestOptions) -> Iterator[Item]:
    """One article per line: {"id"?, "title"?, "text", "published"?, "source"?, "url"?}."""
    for n, line in enumerate(decode(raw, name).splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name} line {n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield IngestError(where, f"malformed JSON: {e.msg}")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
            yield IngestError(where, 'needs an object with a non-empty "text" string')
            continue
        try:
            published, basis = _published(where, options, obj.get("published"))
        except IngestError as e:
            yield e
            continue
        yield make_article(
            obj["text"],
            title=obj.get("title"),
            published=published,
            published_basis=basis,
            source=obj.get("source") or options.source or name,
            url=obj.get("url"),
        )


def read_url(url: str, options: IngestOptions, *, timeout: float = 20.0) -> Iterator[Item]:
    """A web page fetched over the network (where the network allows)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            raw = response.read()
    except (urllib.error.URLError, TimeoutError, ValueError) as e:
        raise IngestError(url, f"cannot fetch: {e}") from e
    yield from read_html(url, raw, options, url=url)


def _reader_for(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return "text"


def _read_bytes(name: str, raw: bytes, kind: str, options: IngestOptions) -> Iterator[Item]:
    readers = {"html": read_html, "feed": read_feed, "jsonl": read_jsonl, "text": read_text}
    try:
        yield from readers[kind](name, raw, options)
    except IngestError as e:
        yield e


def sniff(raw: bytes) -> str:
    """The reader for bytes of unknown origin (stdin): feed, html, jsonl or text."""
    head = raw[:2048].lstrip().lower()
    if head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head):
        return "feed"
    if head.startswith((b"<rss", b"<feed")):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def iter_files(root: Path, include: Sequence[str]) -> Iterator[Path]:
    """Files below a folder that match the include globs, in a stable order."""
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        if any(fnmatch.fnmatch(path.name, g) for g in include) and not path.name.startswith("."):
            yield path


def read_inputs(inputs: Sequence[str], options: IngestOptions) -> Iterator[Item]:
    """Articles (or errors) from files, folders, URLs and ``-`` (stdin), in the order given."""
    for spec in inputs:
        if spec == "-":
            raw = sys.stdin.buffer.read()
            yield from _read_bytes("<stdin>", raw, sniff(raw), options)
            continue
        if spec.startswith(("http://", "https://")):
            try:
                yield from read_url(spec, options)
            except IngestError as e:
                yield e
            continue
        path = Path(spec)
        if path.is_dir():
            files = list(iter_files(path, options.include))
            if not files:
                yield IngestError(spec, f"folder has no files matching {', '.join(options.include)}")
            for f in files:
                yield from _read_path(f, options)
        else:
            yield from _read_path(path, options)


def _read_path(path: Path, options: IngestOptions) -> Iterator[Item]:
    name = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        yield IngestError(name, "no such file")
        return
    except OSError as e:
        yield IngestError(name, f"cannot read: {e.strerror or e}")
        return
    yield from _read_bytes(name, raw, _reader_for(path), options)
