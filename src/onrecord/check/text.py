"""Sentences and cue words around a record's span in its article's text."""

from __future__ import annotations

import re

from onrecord.check.lexicon import phrase_pattern

_BOUNDARY = re.compile(r"([.!?…][\"”’']?)[ \t]+(?=[\"“‘(\[]?[A-Z0-9])|\n+")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The [start, end) of the sentence(s) holding the span [start, end); a closing quote stays with its sentence."""
    s, e = 0, len(text)
    for m in _BOUNDARY.finditer(text):
        stop = m.end(1) if m.group(1) else m.start()
        if m.end() <= start:
            s = m.end()
        elif stop >= end or m.start() >= end:
            e = stop
            break
    return s, e


def sentence_at(text: str, start: int, end: int) -> str:
    s, e = sentence_bounds(text, start, end)
    return text[s:e]


def opens_with_contrast(sentence: str) -> str | None:
    """The contrast connective a sentence opens with, or carries after its first phrase (", however,")."""
    stripped = sentence.lstrip(" \"“‘'(")
    m = phrase_pattern("contrast_openers").match(stripped)
    if m:
        return m.group(0)
    m = re.search(r",\s*(" + phrase_pattern("contrast_inner").pattern + r")\s*,", stripped, re.IGNORECASE)
    if m:
        return m.group(1)
    return None


def has_cue(name: str, text: str) -> str | None:
    """The first phrase of list ``name`` found in ``text``, or None."""
    m = phrase_pattern(name).search(text)
    return m.group(0) if m else None


def snippet(text: str, limit: int = 220) -> str:
    """A sentence shortened for display, with whitespace collapsed."""
    t = re.sub(r"\s+", " ", text).strip()
    return t if len(t) <= limit else t[: limit - 1] + "…"
