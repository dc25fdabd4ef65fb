"""Dates of statements, events and figures, from the time expressions of their clause."""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.pipeline import Work


def statement_date(work: Work, cue: Token) -> str | None:
    return work.article.published


def event_date(work: Work, trigger: Token) -> tuple[str | None, str]:
    return None, "unknown"


def scope_date(work: Work, token: Token) -> str | None:
    return None
