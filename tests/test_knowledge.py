"""The knowledge base: its facts are consistent, its names unambiguous, and a Wikidata export extends it."""

from __future__ import annotations

import itertools
import json
import re
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

from onrecord.knowledge import KnowledgeBase, actor_id, default_kb, load_kb
from onrecord.knowledge.base import Tenure, high, low
from onrecord.knowledge.wikidata import KnowledgeError, extend

DATA = Path(__file__).parent / "data"
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_kb()


def test_every_date_is_iso_and_every_range_runs_forward(kb: KnowledgeBase) -> None:
    for t in kb.tenures:
        assert t.start is not None and DATE.match(t.start), t
        assert t.end is None or DATE.match(t.end), t
        assert t.end is None or low(t.start) < low(t.end), t


def test_no_office_has_two_holders_at_once(kb: KnowledgeBase) -> None:
    by_office: dict[str, list[Tenure]] = defaultdict(list)
    for t in kb.tenures:
        by_office[t.office_id].append(t)
    for office, tenures in by_office.items():
        tenures.sort(key=lambda t: low(t.start or "0000"))
        for a, b in itertools.pairwise(tenures):
            assert a.end is not None, f"{office}: {a.person} has no end but {b.person} follows"
            assert low(a.end) <= low(b.start or "0000"), f"{office}: {a.person} and {b.person} overlap"


def test_every_tenure_names_a_known_person_and_office(kb: KnowledgeBase) -> None:
    for t in kb.tenures:
        assert t.office_id in kb.offices, t
        assert actor_id("person", t.person) in kb.entries, t


def test_every_row_has_a_source(kb: KnowledgeBase) -> None:
    assert all(t.source for t in kb.tenures)
    assert all(e.source for e in kb.entries.values())


def test_every_alias_names_one_actor(kb: KnowledgeBase) -> None:
    ambiguous = {form: [n.entry_id for n in named] for form, named in kb.names().items() if len(named) > 1}
    assert ambiguous == {}
    demonym_countries: dict[str, set[str]] = defaultdict(set)
    for e in kb.entries.values():
        for d in e.demonyms:
            demonym_countries[d.casefold()].add(e.id)
    assert {d: c for d, c in demonym_countries.items() if len(c) > 1} == {}


def test_every_iso_country_is_a_country_actor(kb: KnowledgeBase) -> None:
    codes = {e.country for e in kb.entries.values() if e.kind == "country"}
    assert {c.alpha_3 for c in pycountry.countries} <= codes


@pytest.mark.parametrize(
    ("form", "alpha3"),
    [
        ("the Kremlin", "RUS"), ("Moscow", "RUS"), ("Washington", "USA"), ("White House", "USA"),
        ("Beijing", "CHN"), ("Kyiv", "UKR"), ("Kiev", "UKR"), ("Downing Street", "GBR"), ("Élysée", "FRA"),
        ("United States", "USA"), ("U.S.", "USA"), ("Russian Federation", "RUS"), ("Türkiye", "TUR"),
    ],
)  # fmt: skip
def test_names_and_metonyms_name_their_country(kb: KnowledgeBase, form: str, alpha3: str) -> None:
    entry = kb.lookup(form.removeprefix("the "))
    assert entry is not None and entry.kind == "country" and entry.country == alpha3


@pytest.mark.parametrize(
    ("demonym", "alpha3"), [("Russian", "RUS"), ("Chinese", "CHN"), ("American", "USA"), ("Ukrainian", "UKR")]
)
def test_demonyms(kb: KnowledgeBase, demonym: str, alpha3: str) -> None:
    assert kb.entries[kb.demonyms()[demonym.casefold()]].country == alpha3


@pytest.mark.parametrize(
    ("noun", "country", "date", "holder"),
    [
        ("president", "USA", "2025-01-21", "Donald Trump"),
        ("president", "USA", "2022-06-01", "Joe Biden"),
        ("president", "USA", "2005-03", "George W. Bush"),
        ("leader", "RUS", "2010-01-01", "Dmitry Medvedev"),
        ("prime minister", "GBR", "2024-07-10", "Keir Starmer"),
        ("foreign minister", "CHN", "2023-05-01", "Qin Gang"),
    ],
)
def test_office_holders_by_date(kb: KnowledgeBase, noun: str, country: str, date: str, holder: str) -> None:
    assert [e.name for e in kb.holders(noun, date, country=country)] == [holder]


def test_organization_offices(kb: KnowledgeBase) -> None:
    assert [e.name for e in kb.holders("secretary-general", "2020-01-01", organization="United Nations")] == [
        "António Guterres"
    ]


def test_partial_dates_compare_by_their_bounds() -> None:
    assert (low("2024"), high("2024"), low("2024-12"), high("2024-12")) == (
        "2024-01-01",
        "2024-12-31",
        "2024-12-01",
        "2024-12-31",
    )
    t = Tenure("x", "y", "2020-03-04", "2021-01-01")
    assert (
        t.valid_on("2020") and t.valid_on("2020-03-04") and not t.valid_on("2021-01-01") and not t.valid_on("2019-12")
    )


def test_person_facts(kb: KnowledgeBase) -> None:
    medvedev = kb.lookup("Dmitri Medvedev")
    assert medvedev is not None and medvedev.name == "Dmitry Medvedev" and medvedev.gender == "m"
    assert kb.lookup("Merkel") is not None and kb.lookup("Merkel").gender == "f"  # type: ignore[union-attr]
    assert any(r.title == "President of Russia" and r.start == "2008-05-07" for r in kb.roles_of("Dmitry Medvedev"))


def test_wikidata_export_extends_the_base() -> None:
    kb = load_kb([str(DATA / "wikidata_central_bank.json")])
    assert [e.name for e in kb.holders("governor", "2025-01-21", country="FIN")] == ["Olli Rehn"]
    assert [e.name for e in kb.holders("governor", "2010-06-01", country="FIN")] == ["Erkki Liikanen"]
    rehn = kb.lookup("Rehn")
    assert rehn is not None and rehn.gender == "m" and rehn.country == "FIN"
    assert default_kb().lookup("Rehn") is None  # the shared base is not changed


def test_wikidata_plain_list_and_merge() -> None:
    kb = KnowledgeBase()
    rows = [{"itemLabel": "Vladimir Putin", "itemAltLabel": "V. V. Putin", "kind": "person"}]
    assert extend(kb, rows) == 1
    assert extend(kb, [{"itemLabel": "Vladimir Putin", "genderLabel": "male"}]) == 1
    entry = kb.lookup("V. V. Putin")
    assert entry is not None and entry.gender == "m" and entry.id == actor_id("person", "Vladimir Putin")


def test_wikidata_rejects_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "wikidata_bad.json"
    bad.write_text(json.dumps({"results": {"bindings": [{"itemLabel": {"value": "X"}, "kind": {"value": "planet"}}]}}))
    with pytest.raises(KnowledgeError):
        load_kb([str(bad)])
    bad.write_text("{not json")
    with pytest.raises(KnowledgeError):
        load_kb([str(bad)])


def test_the_default_base_reads_exports_named_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from onrecord.knowledge import base

    monkeypatch.setenv(base.EXTRA_ENV, str(DATA / "wikidata_central_bank.json"))
    base.default_kb.cache_clear()
    try:
        assert [e.name for e in base.default_kb().holders("governor", "2025-01-21", country="FIN")] == ["Olli Rehn"]
    finally:
        monkeypatch.delenv(base.EXTRA_ENV)
        base.default_kb.cache_clear()
    assert base.default_kb().holders("governor", "2025-01-21", country="FIN") == []


def test_each_person_is_written_once() -> None:
    from onrecord.knowledge.base import _rows

    names = [row[0] for row in _rows("people.tsv")]
    assert sorted({n for n in names if names.count(n) > 1}) == []
