"""The knowledge base: countries, organizations, people and who held which office when.

Loaded once per process from the package's data files (``knowledge/data``), optionally extended with
a Wikidata export (:mod:`onrecord.knowledge.wikidata`). Everything here is read-only after loading.

Files (tab-separated, ``#`` comments, ``|`` between list items):

- ``countries.tsv``: alpha-3, name, aliases, demonyms, metonyms (every other ISO 3166 entry comes
  from pycountry with its ISO names only).
- ``regions.tsv``: place, alpha-3: regions and cities that stand for their country (its metonyms).
- ``organizations.tsv``: name, aliases, country, source.
- ``people.tsv``: name, aliases, gender, country, party, source.
- ``phoenix_people.tsv``: name, aliases, country, converted from the PETRARCH2 dictionaries
  (:mod:`onrecord.knowledge.phoenix`); hand-written entries win.
- ``phoenix_groups.tsv``: name, aliases, country, Phoenix code, unindexed names: armed non-state
  groups converted the same way, as organizations; hand-written entries win.
- ``offices.tsv``: id, country, organization, title, nouns.
- ``tenures.tsv``: office, person, start, end, source.
- ``parties.tsv``: party, country, words.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from onrecord.knowledge.ids import actor_id, fold
from onrecord.model import ActorKind, Role

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Entry:
    """One actor the knowledge base knows."""

    name: str
    kind: ActorKind
    country: str | None = None
    aliases: tuple[str, ...] = ()
    gender: str | None = None  # "m" | "f" | None
    party: str | None = None
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    source: str = ""

    @property
    def id(self) -> str:
        return _entry_id(self.kind, self.name)


@dataclass(frozen=True, slots=True)
class Office:
    id: str
    title: str
    country: str | None
    organization: str | None
    nouns: tuple[str, ...]
    source: str = ""


@dataclass(frozen=True, slots=True)
class Tenure:
    office_id: str
    person: str  # the holder's canonical name
    start: str | None
    end: str | None  # None: no end known
    source: str = ""

    def valid_on(self, date: str) -> bool:
        """True when the date (any ISO precision) falls in [start, end)."""
        return (self.start is None or low(self.start) <= high(date)) and (self.end is None or low(date) < low(self.end))


@dataclass(frozen=True, slots=True)
class Name:
    """An indexed surface form: which entry it names and how (name, alias, demonym, metonym)."""

    entry_id: str
    basis: str
    case_sensitive: bool


@cache
def _entry_id(kind: str, name: str) -> str:
    return actor_id(kind, name)


def low(date: str) -> str:
    """The earliest day an ISO date of any precision can mean ("2024-12" -> "2024-12-01")."""
    return date + "-01-01"[len(date) - 4 :] if len(date) < 10 else date[:10]


def high(date: str) -> str:
    """The latest day an ISO date can mean ("2024-12" -> "2024-12-31", close enough for comparisons)."""
    return date + "-12-31"[len(date) - 4 :] if len(date) < 10 else date[:10]


def case_sensitive(alias: str) -> bool:
    """Acronyms ("US", "WHO", "U.N.") match only as written; other names match in any case."""
    letters = alias.replace(".", "").replace("-", "").replace("+", "")
    return alias.isupper() and len(letters) <= 6


@dataclass
class KnowledgeBase:
    entries: dict[str, Entry] = field(default_factory=dict)
    offices: dict[str, Office] = field(default_factory=dict)
    tenures: list[Tenure] = field(default_factory=list)
    party_words: dict[str, set[str]] = field(default_factory=dict)  # folded word -> party names
    party_countries: dict[str, str] = field(default_factory=dict)  # party name -> alpha-3

    # --- building -------------------------------------------------------------------------------
    def add(self, entry: Entry) -> None:
        """Add an entry, merging aliases (and filling gaps) with an entry of the same id."""
        old = self.entries.get(entry.id)
        if old is not None:
            aliases = tuple(dict.fromkeys(old.aliases + entry.aliases))
            converted = old.source.startswith("PETRARCH2") and not entry.source.startswith("PETRARCH2")
            entry = Entry(
                name=entry.name if converted else old.name,  # a converted name gives way to a written one
                kind=old.kind,
                country=old.country or entry.country,
                aliases=aliases,
                gender=old.gender or entry.gender,
                party=old.party or entry.party,
                demonyms=tuple(dict.fromkeys(old.demonyms + entry.demonyms)),
                metonyms=tuple(dict.fromkeys(old.metonyms + entry.metonyms)),
                source="; ".join(s for s in (old.source, entry.source) if s),
            )
        self.entries[entry.id] = entry
        self.__dict__.pop("_names", None)

    def add_office(self, office: Office) -> None:
        self.offices.setdefault(office.id, office)

    def add_tenure(self, tenure: Tenure) -> None:
        if tenure not in self.tenures:
            self.tenures.append(tenure)
            self.__dict__.pop("_by_person", None)

    # --- lookups --------------------------------------------------------------------------------
    def names(self) -> dict[str, list[Name]]:
        """Every surface form, folded, with what it names (built once, then cached)."""
        cached: dict[str, list[Name]] | None = self.__dict__.get("_names")
        if cached is not None:
            return cached
        out: dict[str, list[Name]] = {}
        for entry in self.entries.values():
            forms = [(entry.name, "name")] + [(a, "alias") for a in entry.aliases]
            forms += [(m, "metonym") for m in entry.metonyms]
            for form, basis in forms:
                key = fold(form)
                if key.startswith("the ") and basis != "name":
                    key = key[4:]
                if not key:
                    continue
                named = out.setdefault(key, [])
                if not any(n.entry_id == entry.id for n in named):
                    named.append(Name(entry.id, basis, case_sensitive(form)))
        self.__dict__["_names"] = out
        return out

    def demonyms(self) -> dict[str, str]:
        """Folded demonym or adjective -> entry id of its country."""
        cached: dict[str, str] | None = self.__dict__.get("_demonyms")
        if cached is None:
            cached = {fold(d): e.id for e in self.entries.values() for d in e.demonyms}
            self.__dict__["_demonyms"] = cached
        return cached

    def lookup(self, text: str) -> Entry | None:
        """The entry a name, alias or metonym denotes (None when unknown or ambiguous)."""
        named = self.names().get(fold(text))
        if not named or len(named) > 1:
            return None
        return self.entries[named[0].entry_id]

    def country_entry(self, alpha3: str) -> Entry | None:
        return self.entries.get(actor_id("country", self.country_names().get(alpha3, "")))

    def country_names(self) -> dict[str, str]:
        cached: dict[str, str] | None = self.__dict__.get("_countries")
        if cached is None:
            cached = {e.country: e.name for e in self.entries.values() if e.kind == "country" and e.country}
            self.__dict__["_countries"] = cached
        return cached

    def tenures_of(self, person: str) -> list[Tenure]:
        by_person: dict[str, list[Tenure]] | None = self.__dict__.get("_by_person")
        if by_person is None:
            by_person = {}
            for t in self.tenures:
                by_person.setdefault(t.person, []).append(t)
            self.__dict__["_by_person"] = by_person
        return by_person.get(person, [])

    def roles_of(self, person: str) -> tuple[Role, ...]:
        """The person's offices as contract roles."""
        roles = []
        for t in self.tenures_of(person):
            office = self.offices[t.office_id]
            roles.append(Role(title=office.title, country=office.country, start=t.start, end=t.end))
        return tuple(roles)

    def holders(
        self, noun: str, date: str, *, country: str | None = None, organization: str | None = None
    ) -> list[Entry]:
        """People holding, on the date, an office of the country or organization that the noun describes."""
        noun = fold(noun)
        out: list[Entry] = []
        for office in self.offices.values():
            if noun not in office.nouns:
                continue
            if country is not None and office.country != country:
                continue
            if organization is not None and office.organization != organization:
                continue
            if country is None and organization is None:
                continue
            for t in self.tenures:
                if t.office_id == office.id and t.valid_on(date):
                    entry = self.entries.get(actor_id("person", t.person))
                    if entry is not None and entry not in out:
                        out.append(entry)
        return out

    def offices_held(self, person: str, date: str | None) -> list[Office]:
        """Offices the person holds on the date (all offices ever held when the date is unknown)."""
        return [self.offices[t.office_id] for t in self.tenures_of(person) if date is None or t.valid_on(date)]

    def parties_for(self, word: str) -> set[str]:
        """Party names a word such as "Republican" or "Tory" denotes."""
        return self.party_words.get(fold(word), set())

    def people(self) -> Iterator[Entry]:
        return (e for e in self.entries.values() if e.kind == "person")


# --- loading ------------------------------------------------------------------------------------
def _rows(name: str) -> Iterator[list[str]]:
    text = resources.files("onrecord.knowledge").joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        yield [c.strip() for c in line.split("\t")]


def _items(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split("|") if x.strip())


def _cell(row: list[str], i: int) -> str:
    return row[i] if i < len(row) else ""


def load_countries(kb: KnowledgeBase) -> None:
    import pycountry

    listed: set[str] = set()
    for row in _rows("countries.tsv"):
        alpha3, name = row[0], row[1]
        listed.add(alpha3)
        aliases = list(_items(_cell(row, 2)))
        record = pycountry.countries.get(alpha_3=alpha3)
        if record is not None:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(record, attr, None)
                if value and value != name and "," not in value:
                    aliases.append(value)
        kb.add(
            Entry(
                name=name,
                kind="country",
                country=alpha3,
                aliases=tuple(dict.fromkeys(aliases)),
                demonyms=_items(_cell(row, 3)),
                metonyms=_items(_cell(row, 4)),
                source="ISO 3166-1 via pycountry; countries.tsv",
            )
        )
    for record in pycountry.countries:
        if record.alpha_3 in listed:
            continue
        name = getattr(record, "common_name", None) or record.name
        extra = tuple(
            v for v in (record.name, getattr(record, "official_name", None)) if v and v != name and "," not in v
        )
        kb.add(
            Entry(name=name, kind="country", country=record.alpha_3, aliases=extra, source="ISO 3166-1 via pycountry")
        )


def load_regions(kb: KnowledgeBase) -> None:
    """Regions and cities that stand for their country in event coding, as the country's metonyms."""
    for row in _rows("regions.tsv"):
        country = kb.country_entry(_cell(row, 1))
        if country is None:
            LOGGER.warning("regions.tsv: unknown country %r for %r", _cell(row, 1), row[0])
            continue
        kb.add(Entry(name=country.name, kind="country", country=country.country, metonyms=(row[0],)))


def load_package_data(kb: KnowledgeBase) -> None:
    """Fill the knowledge base from the package's data files."""
    load_countries(kb)
    load_regions(kb)
    for row in _rows("organizations.tsv"):
        kb.add(
            Entry(
                name=row[0],
                kind="organization",
                country=_cell(row, 2) or None,
                aliases=_items(_cell(row, 1)),
                source=_cell(row, 3),
            )
        )
    for row in _rows("people.tsv"):
        kb.add(
            Entry(
                name=row[0],
                kind="person",
                aliases=_items(_cell(row, 1)),
                gender=_cell(row, 2) or None,
                country=_cell(row, 3) or None,
                party=_cell(row, 4) or None,
                source=_cell(row, 5),
            )
        )
    load_phoenix_people(kb)
    load_phoenix_groups(kb)
    for row in _rows("offices.tsv"):
        kb.add_office(
            Office(
                id=row[0],
                country=row[1] or None,
                organization=_cell(row, 2) or None,
                title=_cell(row, 3),
                nouns=tuple(fold(n) for n in _items(_cell(row, 4))),
                source="offices.tsv",
            )
        )
    for row in _rows("tenures.tsv"):
        kb.add_tenure(Tenure(row[0], row[1], _cell(row, 2) or None, _cell(row, 3) or None, _cell(row, 4)))
    for row in _rows("parties.tsv"):
        kb.party_countries[row[0]] = _cell(row, 1)
        for word in _items(_cell(row, 2)):
            kb.party_words.setdefault(fold(word), set()).add(row[0])


def load_phoenix_people(kb: KnowledgeBase) -> None:
    """People converted from the PETRARCH2 dictionaries: names and country, no offices.

    A person already known by one of their names is left to the hand-written entry, and a name that
    two of these people share names neither.
    """
    known = set(kb.names())
    rows = [(row[0], _items(_cell(row, 1)), _cell(row, 2)) for row in _rows("phoenix_people.tsv")]
    count = _form_counts((name, *aliases) for name, aliases, _ in rows)
    for name, aliases, country in rows:
        forms = [name, *aliases]
        if any(fold(f) in known for f in forms) or count[fold(name)] > 1:
            continue
        if actor_id("person", name) in kb.entries:
            continue
        kb.add(
            Entry(
                name=name,
                kind="person",
                country=country or None,
                aliases=tuple(a for a in aliases if count[fold(a)] == 1),
                source="PETRARCH2 Phoenix.Countries.actors.txt (MIT, Open Event Data Alliance)",
            )
        )


def _form_counts(rows: Iterable[Iterable[str]]) -> dict[str, int]:
    """How many converted rows use each folded name: a name two rows share names neither."""
    count: dict[str, int] = {}
    for forms in rows:
        for form in {fold(f) for f in forms}:
            count[form] = count.get(form, 0) + 1
    return count


def load_phoenix_groups(kb: KnowledgeBase) -> None:
    """Armed non-state groups converted from the PETRARCH2 dictionaries, as organizations.

    A group an organization already known goes by (any of its names, indexed or not) is left to the
    hand-written entry; its names that are known for another actor (a country, a person) or that two
    groups share are dropped, and a group left without its own name is dropped. A group whose code
    names no country takes the country of a demonym its names start with ("Palestinian Islamic Jihad").
    """
    names = kb.names()
    demonyms = kb.demonyms()
    rows = [
        (row[0], _items(_cell(row, 1)), _cell(row, 2), _items(_cell(row, 4))) for row in _rows("phoenix_groups.tsv")
    ]
    count = _form_counts((name, *aliases) for name, aliases, _, _ in rows)
    for name, aliases, country, unindexed in rows:
        forms = [name, *aliases]
        taken = {fold(f) for f in (*forms, *unindexed) if fold(f) in names}
        if any(kb.entries[n.entry_id].kind == "organization" for f in taken for n in names[f]):
            continue
        if fold(name) in taken or count[fold(name)] > 1 or actor_id("organization", name) in kb.entries:
            continue
        kept = tuple(a for a in aliases if count[fold(a)] == 1 and fold(a) not in taken)
        if not country:
            found = {demonyms[w] for w in (fold(f).split()[0] for f in (name, *kept)) if w in demonyms}
            country = (kb.entries[found.pop()].country or "") if len(found) == 1 else ""
        kb.add(
            Entry(
                name=name,
                kind="organization",
                country=country or None,
                aliases=kept,
                source="PETRARCH2 Phoenix.MilNonState.actors.txt (MIT, Open Event Data Alliance)",
            )
        )


EXTRA_ENV = "ONRECORD_KNOWLEDGE"


@cache
def default_kb() -> KnowledgeBase:
    """The knowledge base of the package's data, loaded once per process.

    Wikidata JSON exports named in the ``ONRECORD_KNOWLEDGE`` environment variable (paths joined by
    the system's path separator) extend it.
    """
    extra = [p for p in os.environ.get(EXTRA_ENV, "").split(os.pathsep) if p.strip()]
    kb = load_kb(extra)
    LOGGER.debug("knowledge base: %d entries, %d tenures, %d extra files", len(kb.entries), len(kb.tenures), len(extra))
    return kb


def load_kb(extra: Iterable[str] = ()) -> KnowledgeBase:
    """A fresh knowledge base of the package's data extended with Wikidata JSON exports (paths)."""
    from onrecord.knowledge.wikidata import extend_from_file

    kb = KnowledgeBase()
    load_package_data(kb)
    for path in extra:
        extend_from_file(kb, path)
    return kb
