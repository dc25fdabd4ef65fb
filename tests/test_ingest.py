"""Readers: plain text, HTML, feeds, JSONL, folders, and one clear error per bad input.

Every article here was written for the tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onrecord.errors import IngestError
from onrecord.ingest.article import DateError, make_article, parse_date
from onrecord.ingest.language import detect_language
from onrecord.ingest.readers import IngestOptions, read_inputs
from onrecord.model import Article

BODY = (
    "The finance minister of Freedonia said on Monday that the budget deficit would fall to 3% of output. "
    "Opposition leaders told reporters that the figure was not credible and asked for an audit."
)

HTML = f"""<!doctype html><html><head><title>Deficit to fall, minister says | The Test Gazette</title>
<meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Deficit to fall, minister says</h1><p>{BODY}</p>
<p>The minister added that spending on schools would rise by a tenth over the next two years, and that
the government would publish its plan before the summer recess.</p></article>
<footer>Copyright The Test Gazette. All rights reserved. Subscribe to our newsletter.</footer></body></html>"""

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>
<item><title>First</title><link>https://example.org/1</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<description>The mayor said the bridge would reopen in May after repairs that cost 2 million euros.</description></item>
<item><title>Broken</title><link>https://example.org/2</link><description></description></item>
<item><title>Third</title><pubDate>not a date at all</pubDate>
<description>Officials said talks went well.</description></item>
</channel></rss>"""


def read(paths: list[str], **kw: object) -> tuple[list[Article], list[IngestError]]:
    items = list(read_inputs(paths, IngestOptions(**kw)))  # type: ignore[arg-type]
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, IngestError)]


def test_text_file_with_title_line(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Deficit to fall\n" + BODY, encoding="utf-8")
    (a,), errors = read([str(p)], published="2024-03-05")
    assert not errors
    assert a.title == "Deficit to fall" and a.text == BODY
    assert a.published == "2024-03-05" and a.published_basis == "cli" and a.language == "en"


def test_text_without_title_keeps_first_paragraph(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(BODY, encoding="utf-8")
    (a,), _ = read([str(p)])
    assert a.title is None and a.text == BODY and a.published is None


def test_html_main_text_title_and_date(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(HTML, encoding="utf-8")
    (a,), errors = read([str(p)])
    assert not errors
    assert "budget deficit would fall" in a.text
    assert "Subscribe" not in a.text and "Home" not in a.text
    assert a.published == "2024-03-05" and a.published_basis == "metadata"
    assert a.title and "Deficit to fall" in a.title


def test_feed_entries_become_articles_and_broken_ones_are_reported(tmp_path: Path) -> None:
    p = tmp_path / "wire.rss"
    p.write_text(RSS, encoding="utf-8")
    articles, errors = read([str(p)])
    assert [a.title for a in articles] == ["First"]
    assert articles[0].published == "2024-03-05" and articles[0].source == "Test Wire"
    assert len(errors) == 2
    assert "entry 2" in str(errors[0]) and "no text" in str(errors[0])
    assert "entry 3" in str(errors[1]) and "date" in str(errors[1])


def test_jsonl_lines_and_malformed_line(tmp_path: Path) -> None:
    p = tmp_path / "batch.jsonl"
    good = {"id": "x1", "title": "T", "text": BODY, "published": "2024-03-05", "source": "Wire"}
    p.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n", encoding="utf-8")
    articles, errors = read([str(p)])
    assert len(articles) == 1 and articles[0].source == "Wire"
    assert [str(e).split(":")[0] for e in errors] == [f"{p} line 2", f"{p} line 3"]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty article"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (b"\x81\x8d\x8f\x90\x9d", "unreadable encoding"),
    ],
)
def test_bad_text_files(tmp_path: Path, content: bytes, problem: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    articles, (err,) = read([str(p)])
    assert not articles and problem in str(err) and str(p) in str(err)


def test_missing_file_and_html_without_text(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    articles, errors = read([str(tmp_path / "nope.txt"), str(empty)])
    assert not articles
    assert "no such file" in str(errors[0]) and "no article text" in str(errors[1])


def test_folder_is_read_recursively_with_include(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "two.txt").write_text(BODY.replace("Monday", "Friday"), encoding="utf-8")
    (tmp_path / "skip.csv").write_text("a,b", encoding="utf-8")
    articles, errors = read([str(tmp_path)])
    assert len(articles) == 2 and not errors
    only, _ = read([str(tmp_path)], include=("one.*",))
    assert len(only) == 1


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2025-01-21", "2025-01-21"),
        ("2024-12", "2024-12"),
        ("2024", "2024"),
        ("January 21, 2025", "2025-01-21"),
        ("21 January 2025", "2025-01-21"),
        ("Tue, 21 Jan 2025 10:00:00 GMT", "2025-01-21"),
        ("2025-01-21T08:00:00+00:00", "2025-01-21"),
    ],
)
def test_parse_date(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize("bad", ["2025-02-30", "yesterday-ish", "31/31/2020"])
def test_parse_date_rejects(bad: str) -> None:
    with pytest.raises(DateError):
        parse_date(bad)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (BODY, "en"),
        ("El presidente del gobierno dijo que la economía crecerá este año y que los precios bajarán pronto.", "es"),
        ("Le président a déclaré que les négociations avec les syndicats sont dans une phase difficile.", "fr"),
        ("Der Kanzler sagte, dass die Regierung die Steuern nicht erhöhen wird und die Ausgaben senkt.", "de"),
    ],
)
def test_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_same_text_same_identity() -> None:
    a = make_article(BODY + "\n", published="2024-03-05")
    b = make_article(BODY.replace("\n", "\r\n"), published=None)
    assert a.id == b.id and a.sha256 == b.sha256
