"""Exports of the record: JSON lines (the contract), CSV and Parquet (one table per record type)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from onrecord.model import RECORD_TYPES, Record, to_json
from onrecord.store.base import Store

EXPORT_ORDER = ("article", "actor", "mention", "timex", "quote", "claim", "event", "conflict")


def iter_export(store: Store, types: Sequence[str] = EXPORT_ORDER) -> Iterator[Record]:
    for type_ in types:
        yield from store.iter_records(type_)


def write_jsonl(records: Iterable[Record], out: IO[str]) -> int:
    n = 0
    for r in records:
        out.write(json.dumps(to_json(r), ensure_ascii=False, sort_keys=False))
        out.write("\n")
        n += 1
    return n


def _flat(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _rows(records: Iterable[Record]) -> Iterator[dict[str, Any]]:
    for r in records:
        yield {k: _flat(v) for k, v in to_json(r).items()}


def columns(type_: str) -> list[str]:
    import dataclasses

    return ["type", *(f.name for f in dataclasses.fields(RECORD_TYPES[type_]))]


def write_csv(records: Iterable[Record], out: IO[str], type_: str) -> int:
    writer = csv.DictWriter(out, fieldnames=columns(type_))
    writer.writeheader()
    n = 0
    for row in _rows(records):
        writer.writerow(row)
        n += 1
    return n


def write_tables(store: Store, folder: Path, fmt: str, types: Sequence[str] = EXPORT_ORDER) -> dict[str, Path]:
    """One file per record type in ``folder`` (``csv`` or ``parquet``); the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for type_ in types:
        path = folder / f"{type_}s.{fmt}"
        if fmt == "csv":
            with path.open("w", encoding="utf-8", newline="") as f:
                write_csv(store.iter_records(type_), f, type_)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            rows = list(_rows(store.iter_records(type_)))
            cols = columns(type_)
            table = (
                pa.table({c: [row.get(c) for row in rows] for c in cols})
                if rows
                else pa.table({c: pa.array([], type=pa.string()) for c in cols})
            )
            pq.write_table(table, path)
        written[type_] = path
    return written
