"""The word lists of the checks, loaded once from ``data/lexicon.json``."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The parsed lexicon file."""
    text = resources.files("onrecord.check").joinpath("data/lexicon.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def words(name: str) -> tuple[str, ...]:
    """One list of the lexicon."""
    return tuple(lexicon()[name])


@lru_cache(maxsize=64)
def phrase_pattern(name: str) -> re.Pattern[str]:
    """A case-insensitive pattern matching any phrase of one list as whole words."""
    alts = sorted(words(name), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(a) for a in alts) + r")\b", re.IGNORECASE)


def has_phrase(name: str, text: str) -> bool:
    """True when ``text`` contains a phrase of the list ``name``."""
    return bool(phrase_pattern(name).search(text))
