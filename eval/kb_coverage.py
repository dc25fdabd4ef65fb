"""Coverage of the knowledge base's heads of state and government.

For every ISO country the script asks whether the base knows the office that leads its executive
(the office whose nouns include "leader") and whether the tenures of that office, and of the head of
state's office where that is a different one, leave no day uncovered between ``--since`` and
``--until``. Offices may be vacant for a while (an interim, a caretaker the sources do not name): the
script lists each gap so a reader can tell a vacancy from a missing row.

    python eval/kb_coverage.py [--since 2000-01-01] [--until YYYY-MM-DD] [--gaps] [--json]

The last line with ``--json`` is a JSON object (countries, covered, offices, people, tenures).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Iterable

from onrecord.knowledge.base import KnowledgeBase, Office, default_kb, high, low

HEAD_NOUNS = ("leader", "head of state")


def _day(date: str) -> dt.date:
    return dt.date.fromisoformat(date)


def _after(date: str) -> str:
    return (_day(high(date)) + dt.timedelta(days=1)).isoformat()


def gaps(kb: KnowledgeBase, office_ids: Iterable[str], since: str, until: str) -> list[tuple[str, str]]:
    """The stretches in [since, until] that no tenure of the offices covers, as (first, last) days."""
    ids = set(office_ids)
    spans = sorted(
        (low(t.start) if t.start else since, low(t.end) if t.end else _after(until))
        for t in kb.tenures
        if t.office_id in ids
    )
    out: list[tuple[str, str]] = []
    cursor = _day(since)
    stop = _day(until)
    for start, end in spans:
        first, after = _day(start), _day(end)
        if first > cursor and cursor <= stop:
            out.append((cursor.isoformat(), min(first - dt.timedelta(days=1), stop).isoformat()))
        cursor = max(cursor, after)
    if cursor <= stop:
        out.append((cursor.isoformat(), stop.isoformat()))
    return out


def head_offices(kb: KnowledgeBase, alpha3: str, noun: str) -> list[Office]:
    return [o for o in kb.offices.values() if o.country == alpha3 and noun in o.nouns]


def coverage(kb: KnowledgeBase, since: str, until: str, tolerance: int = 0) -> dict[str, list[tuple[str, str]] | None]:
    """Per country: None when no office leading its executive is known, else the stretches longer than ``tolerance``
    days in which no office answering "leader" (or, separately, "head of state") had a known holder.
    A country whose head of state is another's (a Commonwealth realm) is judged on its leader alone."""
    out: dict[str, list[tuple[str, str]] | None] = {}
    for alpha3 in sorted(kb.country_names()):
        if not head_offices(kb, alpha3, "leader"):
            out[alpha3] = None
            continue
        found: list[tuple[str, str]] = []
        for noun in HEAD_NOUNS:
            offices = head_offices(kb, alpha3, noun)
            for first, last in gaps(kb, [o.id for o in offices], since, until) if offices else []:
                if (_day(last) - _day(first)).days + 1 > tolerance:
                    found.append((f"{alpha3} {noun} {first}", last))
        out[alpha3] = found
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--since", default="2000-01-01")
    parser.add_argument("--until", default=dt.date.today().isoformat())
    parser.add_argument("--tolerance", type=int, default=31, help="ignore vacancies of at most this many days")
    parser.add_argument("--gaps", action="store_true", help="list every gap and every missing country")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    kb = default_kb()
    result = coverage(kb, args.since, args.until, args.tolerance)
    known = [c for c, g in result.items() if g is not None]
    full = [c for c, g in result.items() if g == []]
    missing = [c for c, g in result.items() if g is None]
    people = sum(1 for e in kb.people() if not e.source.startswith("PETRARCH2"))
    span = f"{args.since}..{args.until}"
    print(f"countries: {len(result)}; heads known: {len(known)}; no gap over {args.tolerance}d {span}: {len(full)}")
    print(f"offices: {len(kb.offices)}; tenures: {len(kb.tenures)}; people written by hand: {people}")
    if args.gaps:
        print("no office answering 'leader':", " ".join(missing))
        for found in result.values():
            for what, last in found or []:
                print(f"gap {what} .. {last}")
    if args.json:
        figures = {
            "countries": len(result),
            "known": len(known),
            "covered": len(full),
            "offices": len(kb.offices),
            "tenures": len(kb.tenures),
            "people": people,
        }
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
