"""Stable actor ids and the text normal form that names are compared in."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'"})
_SLUG_RE = re.compile(r"[\W_]+")


@lru_cache(maxsize=262_144)
def fold(text: str) -> str:
    """Case-folded, accent-free text with straight apostrophes and single spaces ("Élysée" -> "elysee")."""
    if text.isascii():
        return " ".join(text.casefold().replace("`", "'").split())
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


def slug(text: str) -> str:
    """A lower-case slug without accents: "Volodímir Zelensky" -> "volodimir-zelensky", "Путин" -> "путин"."""
    out = _SLUG_RE.sub("-", fold(text).replace("'", "")).strip("-")
    return out or "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def actor_id(kind: str, name: str) -> str:
    """The global id of an actor: the same kind and canonical name give the same id in every article."""
    return f"actor-{kind}-{slug(name)}"
