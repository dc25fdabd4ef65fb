"""Extend the knowledge base with a Wikidata export.

The export is the JSON that the Wikidata Query Service returns (``{"head": ..., "results": {"bindings":
[...]}}``) or a plain list of flat objects with the same keys. One binding is one person (or body) and,
optionally, one position held. Keys (all optional except ``itemLabel``):

``item`` (entity URI), ``itemLabel``, ``itemAltLabel`` (comma-separated), ``kind`` (person, organization,
country, group; default person), ``genderLabel`` (male/female), ``countryCode`` (ISO alpha-3),
``partyLabel``, ``position`` (entity URI), ``positionLabel`` ("President of Ukraine"),
``positionCountryCode`` (ISO alpha-3), ``start``, ``end`` (xsd:dateTime), ``nouns`` ("|"-separated
words describing the holder; default: the position label before " of ").

A query that produces it, for heads of state since 2000::

    SELECT ?item ?itemLabel ?itemAltLabel ?genderLabel ?countryCode ?position ?positionLabel
           ?positionCountryCode ?start ?end WHERE {
      ?country wdt:P35 ?item; wdt:P298 ?positionCountryCode; p:P35 [ps:P35 ?item; pq:P580 ?start ] .
      ?item p:P39 [ps:P39 ?position; pq:P580 ?start; pq:P582 ?end] ; wdt:P21 ?gender .
      FILTER(?start >= "2000-01-01"^^xsd:dateTime)
      SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }
    }
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, cast

from onrecord.errors import OnrecordError
from onrecord.knowledge.base import Entry, KnowledgeBase, Office, Tenure
from onrecord.knowledge.ids import fold, slug
from onrecord.model import ActorKind

LOGGER = logging.getLogger(__name__)

_KINDS = ("person", "organization", "country", "group")


class KnowledgeError(OnrecordError):
    """A knowledge file could not be read."""


def _flat(binding: dict[str, Any]) -> dict[str, str]:
    """A binding's values as plain strings (query-service bindings wrap each in {"value": ...})."""
    out: dict[str, str] = {}
    for key, value in binding.items():
        if isinstance(value, dict):
            value = value.get("value")
        if value is not None:
            out[key] = str(value).strip()
    return out


def _date(value: str | None) -> str | None:
    """The day of an xsd:dateTime ("2019-05-20T00:00:00Z" -> "2019-05-20")."""
    if not value:
        return None
    return value.lstrip("+")[:10]


def _rows(data: Any) -> list[dict[str, str]]:
    if isinstance(data, dict):
        data = data.get("results", {}).get("bindings", [])
    if not isinstance(data, list):
        raise KnowledgeError("a Wikidata export is a query-service result or a list of objects")
    return [_flat(cast(dict[str, Any], b)) for b in data if isinstance(b, dict)]


def extend(kb: KnowledgeBase, data: Any, *, source: str = "Wikidata") -> int:
    """Add the export's people, bodies and positions to the knowledge base; the number of rows read."""
    rows = _rows(data)
    for row in rows:
        name = row.get("itemLabel")
        if not name:
            continue
        kind = row.get("kind", "person")
        if kind not in _KINDS:
            raise KnowledgeError(f"{source}: unknown kind {kind!r} for {name}")
        gender = {"male": "m", "female": "f"}.get(row.get("genderLabel", "").lower())
        aliases = tuple(a.strip() for a in row.get("itemAltLabel", "").split(",") if a.strip())
        where = f"{source} {row.get('item', '')}".strip()
        kb.add(
            Entry(
                name=name,
                kind=cast(ActorKind, kind),
                country=row.get("countryCode") or None,
                aliases=aliases,
                gender=gender,
                party=row.get("partyLabel") or None,
                source=where,
            )
        )
        title = row.get("positionLabel")
        if not title:
            continue
        office_id = "wikidata:" + (row.get("position", "").rsplit("/", 1)[-1] or slug(title))
        nouns = row.get("nouns") or title.split(" of ")[0]
        kb.add_office(
            Office(
                id=office_id,
                title=title,
                country=row.get("positionCountryCode") or None,
                organization=None,
                nouns=tuple(fold(n) for n in nouns.split("|") if n.strip()),
                source=where,
            )
        )
        kb.add_tenure(Tenure(office_id, name, _date(row.get("start")), _date(row.get("end")), where))
    LOGGER.info("%s: %d rows added to the knowledge base", source, len(rows))
    return len(rows)


def extend_from_file(kb: KnowledgeBase, path: str | Path) -> int:
    """Read a Wikidata JSON export file into the knowledge base."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise KnowledgeError(f"{path}: cannot read a Wikidata export ({e})") from e
    return extend(kb, data, source=f"Wikidata export {Path(path).name}")
