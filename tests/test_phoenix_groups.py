"""Armed non-state groups converted from PETRARCH2's Phoenix.MilNonState.actors.txt into the knowledge base."""

from __future__ import annotations

import pytest

from onrecord.knowledge import KnowledgeBase, default_kb
from onrecord.knowledge.phoenix import groups

CONVERTED = "PETRARCH2 Phoenix.MilNonState.actors.txt"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_kb()


@pytest.mark.parametrize(
    ("form", "name", "country"),
    [
        ("Basque Fatherland and Freedom", "Basque Fatherland and Freedom", "ESP"),
        ("ETA", "Basque Fatherland and Freedom", "ESP"),
        ("Moro Islamic Liberation Front", "Moro Islamic Liberation Front", "PHL"),
        ("MILF", "Moro Islamic Liberation Front", "PHL"),
        ("Islamic Army of Aden", "Aden Abyan Islamic Army", "YEM"),
        ("KKK", "Ku Klux Klan", "USA"),
        ("DFLP", "Democratic Front for the Liberation of Palestine", "PSE"),
    ],
)
def test_groups_resolve_by_name_and_alias_with_their_country(
    kb: KnowledgeBase, form: str, name: str, country: str
) -> None:
    entry = kb.lookup(form)
    assert entry is not None and entry.kind == "organization"
    assert (entry.name, entry.country) == (name, country)
    assert entry.source.startswith(CONVERTED)


@pytest.mark.parametrize("word", ["Tigers", "Youth", "Mavericks", "Falcon"])
def test_an_everyday_english_word_is_no_alias(kb: KnowledgeBase, word: str) -> None:
    assert kb.lookup(word) is None


def test_hand_written_rows_win(kb: KnowledgeBase) -> None:
    hamas = kb.lookup("Hamas")
    assert hamas is not None and not hamas.source.startswith("PETRARCH2")
    # the converted block's other names are not a second Hamas
    assert kb.lookup("Islamic Resistance Movement") is None
    pkk = kb.lookup("PKK")
    assert pkk is not None and not pkk.source.startswith("PETRARCH2")


def test_people_and_the_unfinished_section_are_left_out(kb: KnowledgeBase) -> None:
    for person in ("Ayman al Zawahiri", "Osama bin Laden", "Sheikh Ahmed Yassin", "Hambali"):
        entry = kb.lookup(person)
        assert entry is None or not entry.source.startswith(CONVERTED), person


def test_conversion_of_a_block() -> None:
    lines = [
        "# comment",
        "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_ [YEMREB] # note",
        "+ISLAMIC_ARMY_OF_ADEN_(IAA)_",
        "+YOUTH_",
        "",
        "PEOPLE'S_WAR_GROUP_ [INTREB]",
        "+AYMAN_AL_ZAWAHIRI",
        "SHEIKH_YASSIN",
        "\t[PSEREBHMS 19870101-20040322]",
        "# KEDS Project International Militarized Groups",
        "JAPANESE_RED_ARMY__ [IMGJPN]",
    ]
    found = [(g.name, g.aliases, g.country, g.unindexed) for g in groups(lines, {"YEM", "PSE"})]
    assert found == [
        ("Aden Abyan Islamic Army", ["AAIA", "Islamic Army of Aden", "IAA"], "YEM", ["Youth"]),
        ("People's War Group", [], "", []),
    ]


def test_acronyms_keep_their_case() -> None:
    from onrecord.knowledge.phoenix import _group_forms

    assert _group_forms("HARBOUR_WORKERS_FRONT_(HWF)_") == ["Harbour Workers Front", "HWF"]
    assert _group_forms("TEKA/L_") == ["TEKA/L"]
    assert _group_forms("HAWE/F_") == ["HAWE/F"]
    assert _group_forms("ISLAMIC_HARBOUR_ARMY_") == ["Islamic Harbour Army"]
