"""Shared fixtures: an in-memory store, a light pipeline without the statistical model, test articles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy

from onrecord.ingest.article import make_article
from onrecord.model import Article
from onrecord.pipeline import Pipeline
from onrecord.store.sqlite import SQLiteStore

ARTICLES = Path(__file__).parent / "articles"
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture
def store() -> Iterator[SQLiteStore]:
    s = SQLiteStore(":memory:")
    yield s
    s.close()


@pytest.fixture
def light_pipeline() -> Pipeline:
    """No stages and a blank English tokenizer: for testing the plumbing, not the extractors."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return Pipeline([], nlp=nlp)


def article(text: str, published: str | None = "2025-01-21") -> Article:
    return make_article(text, published=published, published_basis="cli" if published else "unknown")
