"""Building an Article from text and metadata: identity, language, publication date."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from onrecord.ingest.language import detect_language
from onrecord.model import Article, normalize_text, sha256_text


class DateError(ValueError):
    """A publication date that cannot be read."""


_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$")
_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%d.%m.%Y", "%B %Y")


def parse_date(value: str) -> str:
    """An ISO 8601 date at the precision given (2025-01-21, 2024-12, 2024), or DateError."""
    text = value.strip()
    m = _ISO.match(text)
    if m:
        year, month, day = m.group(1), m.group(2), m.group(3)
        try:
            if day:
                return date(int(year), int(month), int(day)).isoformat()
            if month:
                date(int(year), int(month), 1)
                return f"{year}-{month}"
            return year
        except ValueError as e:
            raise DateError(f"not a valid date: {value!r} ({e})") from e
    for fmt in _FORMATS:
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return parsed.strftime("%Y-%m") if fmt == "%B %Y" else parsed.date().isoformat()
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError) as e:
        raise DateError(f"cannot read the date {value!r}: use YYYY-MM-DD") from e


def article_id(sha256: str) -> str:
    return f"art-{sha256[:16]}"


def make_article(
    text: str,
    *,
    title: str | None = None,
    published: str | None = None,
    published_basis: str = "unknown",
    source: str | None = None,
    url: str | None = None,
) -> Article:
    """An Article whose identity is the sha256 of its normalized text."""
    body = normalize_text(text)
    sha = sha256_text(body)
    return Article(
        id=article_id(sha),
        title=title.strip() if title else None,
        published=published,
        source=source,
        language=detect_language(body),
        text=body,
        sha256=sha,
        url=url,
        published_basis=published_basis if published else "unknown",
    )
