"""Record stores: SQLite by default; the location decides which."""

from __future__ import annotations

import os
from pathlib import Path

from onrecord.errors import StoreError
from onrecord.store.base import Store
from onrecord.store.sqlite import SQLiteStore

DEFAULT_DB = "onrecord.db"


def default_location() -> str:
    return os.environ.get("ONRECORD_DB") or DEFAULT_DB


def open_store(location: str | Path | None = None) -> Store:
    """The store at ``location`` (a SQLite path, ``:memory:``); default ``$ONRECORD_DB`` or ./onrecord.db."""
    loc = str(location) if location else default_location()
    if loc.startswith(("postgresql://", "postgres://")):
        raise StoreError("the PostgreSQL store is not available in this version: use a SQLite path")
    return SQLiteStore(loc)


__all__ = ["DEFAULT_DB", "SQLiteStore", "Store", "default_location", "open_store"]
