"""The record: frozen dataclasses for every kind of item onrecord keeps, and their JSON form.

The JSON form is the export contract (``onrecord/1``): one object per record with ``type`` and ``id``.
Fields may be added; none may be renamed or dropped without a schema bump.
"""

from __future__ import annotations

import dataclasses
import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, TypeAlias

SCHEMA = "onrecord/1"

Span: TypeAlias = tuple[int, int]
ActorKind = Literal["person", "organization", "country", "group"]
QuoteKind = Literal["direct", "indirect", "mixed"]
Qualifier = Literal["exact", "approx", "at_least", "at_most"]
DatePrecision = Literal["day", "month", "year", "unknown"]
ConflictKind = Literal["self_contradiction", "rebutted_in_text", "date_inconsistency", "record_contradiction"]

PLOVER_CATEGORIES = (
    "ACCUSE",
    "AGREE",
    "AID",
    "ASSAULT",
    "COERCE",
    "CONCEDE",
    "CONSULT",
    "COOPERATE",
    "MOBILIZE",
    "PROTEST",
    "REJECT",
    "REQUEST",
    "RETREAT",
    "SANCTION",
    "SUPPORT",
    "THREATEN",
    "OTHER",
)


def normalize_text(text: str) -> str:
    """The form an article's identity is computed on: NFC, unified newlines, no trailing blanks."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def sha256_text(text: str) -> str:
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def record_id(prefix: str, *parts: object) -> str:
    """A stable id: the prefix and a short hash of the parts (same input, same id)."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]
    return f"{prefix}-{digest}"


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    country: str | None = None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    TYPE: ClassVar[str] = "article"
    id: str
    title: str | None
    published: str | None
    source: str | None
    language: str
    text: str
    sha256: str
    schema: str = SCHEMA
    url: str | None = None
    published_basis: str = "unknown"  # metadata | cli | text | unknown


@dataclass(frozen=True, slots=True)
class Actor:
    TYPE: ClassVar[str] = "actor"
    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    party: str | None = None
    gender: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    TYPE: ClassVar[str] = "mention"
    id: str
    article_id: str
    actor_id: str
    span: Span
    text: str
    basis: str = "name"  # name | alias | role | description | pronoun | demonym | metonym
    note: str = ""  # how the reference was resolved, for a reader: "President of the United States on 2025-01-20"


@dataclass(frozen=True, slots=True)
class Quote:
    TYPE: ClassVar[str] = "quote"
    id: str
    article_id: str
    speaker_id: str | None
    speaker_text: str | None
    text: str
    kind: QuoteKind
    cue: str | None
    said_on: str | None
    span: Span
    speaker_span: Span | None = None
    cue_span: Span | None = None
    parent_id: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    TYPE: ClassVar[str] = "claim"
    id: str
    article_id: str
    asserter_id: str | None
    asserted_on: str | None
    subject: str
    value: float | None
    value_low: float | None
    value_high: float | None
    unit: str | None
    qualifier: Qualifier
    time_scope: str | None
    quote_id: str | None
    span: Span
    subject_key: str = ""
    change: str | None = None  # up | down | more | less: a change against a base, not a level
    text: str = ""  # the quantity as written
    measure: str | None = None  # e.g. dead | casualties | count: how the measured thing is defined
    scope: str | None = None  # whose or where the figure is (ISO alpha-3 in lower case, "rus"), also in subject_key
    unit_text: str = ""  # the unit or counted noun as written ("per cent", "Russian soldiers")
    change_base: str | None = None  # what a change is measured against ("the previous year")
    range_values: tuple[float, ...] = ()  # a range's two ends in text order ("from 208 to 193" -> (208, 193))
    basis: str = "digits"  # how the number is written: digits | words | vague | fraction | multiplier


@dataclass(frozen=True, slots=True)
class Event:
    TYPE: ClassVar[str] = "event"
    id: str
    article_id: str
    category: str
    mode: str | None
    actor1_id: str | None
    actor2_id: str | None
    date: str | None
    date_precision: DatePrecision
    medium: str | None
    negated: bool
    span: Span
    trigger: str | None = None
    date_text: str | None = None
    date_span: Span | None = None
    # added by the events stage: the words naming each side, as written (for readers and evaluation)
    actor1_text: str | None = None
    actor1_span: Span | None = None
    actor2_text: str | None = None
    actor2_span: Span | None = None
    cameo: str | None = None  # the CAMEO code of the pattern that decided, when there is one
    nominal: bool = False  # carried by a noun ("the ban on X") rather than a clause
    central: bool = False  # the main event of its sentence (see extract/events.py)


@dataclass(frozen=True, slots=True)
class Timex:
    TYPE: ClassVar[str] = "timex"
    id: str
    article_id: str
    text: str
    span: Span
    timex_type: str
    value: str | None
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class Conflict:
    TYPE: ClassVar[str] = "conflict"
    id: str
    kind: ConflictKind
    claim_ids: tuple[str, ...]
    quote_ids: tuple[str, ...]
    event_ids: tuple[str, ...]
    explanation: str
    score: float
    reasoning: str = ""
    article_ids: tuple[str, ...] = field(default_factory=tuple)


Record: TypeAlias = Article | Actor | Mention | Quote | Claim | Event | Timex | Conflict
RECORD_TYPES: dict[str, type] = {
    cls.TYPE: cls for cls in (Article, Actor, Mention, Quote, Claim, Event, Timex, Conflict)
}


def _plain(value: Any) -> Any:
    if isinstance(value, Role):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def to_json(record: Record) -> dict[str, Any]:
    """The contract's JSON object for a record."""
    out: dict[str, Any] = {"type": record.TYPE}
    for f in dataclasses.fields(record):
        out[f.name] = _plain(getattr(record, f.name))
    return out


_SPAN_FIELDS = {"span", "speaker_span", "cue_span", "date_span", "actor1_span", "actor2_span"}


def from_json(obj: dict[str, Any]) -> Record:
    """The record a contract JSON object describes (unknown fields are ignored)."""
    cls = RECORD_TYPES[obj["type"]]
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name not in obj:
            continue
        value = obj[f.name]
        if f.name in _SPAN_FIELDS and value is not None:
            value = (int(value[0]), int(value[1]))
        elif f.name == "roles":
            value = tuple(Role(**r) for r in value)
        elif isinstance(value, list):
            value = tuple(value)
        kwargs[f.name] = value
    record: Record = cls(**kwargs)
    return record
