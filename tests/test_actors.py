"""The actors stage on articles written for these tests (tests/articles/actors_*.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.extract.actors import actor_id
from onrecord.model import Article, sha256_text
from onrecord.pipeline import Pipeline, Work

ARTICLES = Path(__file__).parent / "articles"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(["actors.v1"])


def run(pipeline: Pipeline, text: str, published: str | None = "2025-01-21", art: str = "art-t") -> Work:
    article = Article(
        id=art, title=None, published=published, source=None, language="en", text=text, sha256=sha256_text(text)
    )
    return pipeline(article)


def article(name: str) -> str:
    return (ARTICLES / f"actors_{name}.txt").read_text(encoding="utf-8")


def resolved(work: Work, text: str, nth: int = 0) -> tuple[str, str]:
    """The actor name and basis of the mention of ``text`` (its nth occurrence)."""
    hits = [m for m in work.mentions if m.text == text]
    assert len(hits) > nth, f"no mention {text!r} in {[m.text for m in work.mentions]}"
    m = hits[nth]
    return work.actors[m.actor_id].name, m.basis


def test_actor_id_is_stable_and_spelling_free() -> None:
    assert actor_id("person", "Volodímir Zelensky") == actor_id("person", "Volodimir  Zelensky")
    assert actor_id("person", "Georgia") != actor_id("country", "Georgia")


@pytest.mark.parametrize(("published", "president"), [("2025-01-21", "Donald Trump"), ("2022-06-01", "Joe Biden")])
def test_role_phrase_resolves_by_publication_date(pipeline: Pipeline, published: str, president: str) -> None:
    work = run(pipeline, article("roles"), published)
    assert resolved(work, "The US president") == (president, "role")
    assert any(published in m.note for m in work.mentions if m.basis == "role")


def test_party_description_resolves_to_the_office_holder_of_that_party(pipeline: Pipeline) -> None:
    work = run(pipeline, article("roles"), "2025-01-21")
    assert resolved(work, "The Republican leader")[0] == "Donald Trump"
    work = run(pipeline, article("roles"), "2022-06-01")
    assert "The Republican leader" not in [m.text for m in work.mentions]  # no Republican held a leading office


def test_pronouns_go_to_the_salient_person_of_their_gender(pipeline: Pipeline) -> None:
    work = run(pipeline, article("roles"))
    assert resolved(work, "he") == ("Anthony Albanese", "pronoun")
    assert resolved(work, "his") == ("Anthony Albanese", "pronoun")
    work = run(pipeline, article("pronouns"))
    assert resolved(work, "She")[0] == "Angela Merkel"
    assert resolved(work, "him")[0] == "Olaf Scholz"
    assert resolved(work, "his")[0] == "Olaf Scholz"
    assert resolved(work, "her")[0] == "Angela Merkel"


def test_descriptions_and_metonym_roles(pipeline: Pipeline) -> None:
    work = run(pipeline, article("pronouns"))
    assert resolved(work, "the chancellor") == ("Olaf Scholz", "description")
    assert resolved(work, "The Kremlin chief") == ("Vladimir Putin", "role")
    assert resolved(work, "Kremlin") == ("Russia", "metonym")
    work = run(pipeline, article("people"))
    assert resolved(work, "The tycoon") == ("Rafael Ortiz", "description")


def test_unknown_people_become_actors_with_country_and_gender(pipeline: Pipeline) -> None:
    work = run(pipeline, article("people"))
    kamau = work.actors[actor_id("person", "Wanjiru Kamau")]
    assert (kamau.kind, kamau.country, kamau.gender) == ("person", "KEN", "f")
    # the short name, the honorific form and the name written across a bracket are one actor
    assert {resolved(work, "Kamau", n)[0] for n in range(2)} == {"Wanjiru Kamau"}
    assert resolved(work, "Wanjiru] Kamau")[0] == "Wanjiru Kamau"
    assert resolved(work, "she", 1)[0] == "Wanjiru Kamau"


def test_spellings_and_short_names_link_to_one_known_actor(pipeline: Pipeline) -> None:
    work = run(pipeline, article("people"))
    assert resolved(work, "Dmitri Medvedev") == ("Dmitry Medvedev", "alias")
    medvedev = work.actors[actor_id("person", "Dmitry Medvedev")]
    assert "Dmitri Medvedev" in medvedev.aliases and medvedev.country == "RUS" and medvedev.roles
    assert resolved(work, "Xi")[0] == "Xi Jinping"
    assert resolved(work, "Russia") == ("Russia", "name")  # written "Russia's"
    assert resolved(work, "Reuters")[0] == "Reuters"


def test_same_actor_same_id_across_articles(pipeline: Pipeline) -> None:
    a = run(pipeline, "Putin met Xi Jinping in Beijing.", art="art-a")
    b = run(pipeline, "Vladimir Putin's spokesman spoke to the Chinese side.", art="art-b")
    assert set(a.actors) & set(b.actors) >= {actor_id("person", "Vladimir Putin")}


def test_demonyms_make_groups_and_peoples(pipeline: Pipeline) -> None:
    work = run(
        pipeline, "Chinese banks cut lending, and 40% of Russians said prices rose. Latin American exporters agreed."
    )
    banks = work.actors[actor_id("group", "Chinese banks")]
    assert (banks.kind, banks.country) == ("group", "CHN")
    assert resolved(work, "Russians") == ("Russia", "demonym")
    assert not any(a.country == "USA" for a in work.actors.values())  # "Latin American" is not American


def test_lower_case_capital_and_acronyms(pipeline: Pipeline) -> None:
    work = run(pipeline, "The US threatened kyiv. We asked who would pay, and the WHO declined to comment.")
    assert resolved(work, "US") == ("United States", "alias")
    assert resolved(work, "kyiv") == ("Ukraine", "metonym")
    assert resolved(work, "WHO")[0] == "World Health Organization"
    assert "who" not in [m.text for m in work.mentions]


def test_no_date_no_role_resolution(pipeline: Pipeline) -> None:
    work = run(pipeline, "The US president arrived.", published=None)
    assert "The US president" not in [m.text for m in work.mentions]


def test_party_phrase_uses_the_party_not_its_offices(pipeline: Pipeline) -> None:
    text = "Keir Starmer met Rishi Sunak in London. The Labour leader said the talks went well."
    work = run(pipeline, text, "2023-05-01")
    assert resolved(work, "The Labour leader") == ("Keir Starmer", "description")


def test_groups_bodies_surnames_and_given_name_gender(pipeline: Pipeline) -> None:
    work = run(pipeline, article("groups"), "2024-03-01")
    army = work.actors[actor_id("organization", "Israeli army")]
    assert (army.kind, army.country) == ("organization", "ISR")
    assert work.actors[actor_id("organization", "Sudanese government")].country == "SDN"
    republicans = work.actors[actor_id("group", "Republicans")]
    assert (republicans.country, republicans.party) == ("USA", "Republican Party")
    assert resolved(work, "Okafor", 0)[0] == "Grace Okafor"  # the headline surname, before the full name
    assert work.actors[actor_id("person", "Grace Okafor")].gender == "f"
    assert resolved(work, "her")[0] == "Grace Okafor"
    assert resolved(work, "he")[0] == "Peter Lindqvist"
    assert "the Vermont governor" not in [m.text for m in work.mentions]  # an unknown qualifier: no guess


def test_a_counted_plural_names_the_last_group_of_that_size(pipeline: Pipeline) -> None:
    work = run(pipeline, article("plural"), "2020-02-07")
    leaders = {work.actors[m.actor_id].name for m in work.mentions if m.text == "The two leaders"}
    assert leaders == {"Angela Merkel", "Emmanuel Macron"}
    assert resolved(work, "he")[0] == "Boris Johnson"


@pytest.mark.parametrize(
    ("phrase", "holder"),
    [
        ("Russia's president", "Vladimir Putin"),
        ("the president", "Emmanuel Macron"),  # "the president of France"
        ("The Chinese foreign minister", "Qin Gang"),
        ("The UN secretary-general", "António Guterres"),
        ("the NATO chief", "Jens Stoltenberg"),
        ("The British prime minister", "Rishi Sunak"),
        ("Britain's defence secretary", "Ben Wallace"),
        ("The Ukrainian leader", "Volodymyr Zelensky"),
        ("the Kremlin chief", "Vladimir Putin"),
        ("The IMF chief", "Kristalina Georgieva"),
    ],
)
def test_office_phrases_of_countries_and_bodies(pipeline: Pipeline, phrase: str, holder: str) -> None:
    work = run(pipeline, article("offices"), "2023-01-10")
    assert resolved(work, phrase) == (holder, "role")


def test_positions_need_a_known_holder_but_epithets_take_the_salient_person(pipeline: Pipeline) -> None:
    work = run(pipeline, article("positions"), "2024-05-01")
    texts = [m.text for m in work.mentions]
    assert "The prime minister's spokesman" not in texts  # someone else's spokesman
    assert "The spokesman" not in texts  # nobody here is known as the spokesman
    assert resolved(work, "the spokeswoman") == ("Maria Keller", "description")  # so described by apposition
    assert resolved(work, "the tycoon") == ("Jan Novak", "description")


def test_new_bodies_keep_the_country_in_their_name(pipeline: Pipeline) -> None:
    work = run(pipeline, article("bodies"), "2024-01-01")
    assert work.actors[actor_id("organization", "British Airways")].country == "GBR"
    assert work.actors[actor_id("organization", "Russian Railways")].country == "RUS"
    assert work.actors[actor_id("organization", "Bank of China")].country == "CHN"


def test_occupations_are_not_people_known_for_something_else(pipeline: Pipeline) -> None:
    work = run(pipeline, article("occupations"), "2024-05-01")
    texts = [m.text for m in work.mentions]
    assert "The journalist" not in texts  # Anna Webb is known as the mayor
    assert "his teacher" not in texts  # someone else's
    assert resolved(work, "the mayor") == ("Anna Webb", "description")
    assert resolved(work, "The veteran")[0] == "Paul Grant"  # an epithet: the salient person


def test_ids_of_names_in_other_scripts_do_not_collide() -> None:
    assert actor_id("person", "Владимир Путин") == "actor-person-владимир-путин"
    assert actor_id("person", "习近平") != actor_id("person", "普京")
    assert actor_id("person", "!!!") != actor_id("person", "???")


# --- one actor per person across articles (the conflict checker's needs) ------------------------------


def _ids(work: Work, text: str) -> set[str]:
    return {m.actor_id for m in work.mentions if m.text == text}


def test_a_person_looking_name_the_parser_calls_a_body_is_a_person_with_one_id_across_articles(
    pipeline: Pipeline,
) -> None:
    envoy = run(pipeline, article("linking_envoy"), art="art-envoy")  # spaCy labels the name ORG here
    official = run(pipeline, article("linking_official"), art="art-official")
    assert _ids(envoy, "Ingrid Holt") == _ids(official, "Ingrid Holt") == {actor_id("person", "Ingrid Holt")}
    assert _ids(envoy, "Holt") == {actor_id("person", "Ingrid Holt")}
    assert _ids(envoy, "She") == {actor_id("person", "Ingrid Holt")}


def test_a_speaker_described_by_a_body_stays_the_person(pipeline: Pipeline) -> None:
    work = run(pipeline, article("linking_official"))
    assert resolved(work, "Ingrid Holt") == ("Ingrid Holt", "name")
    assert work.actors[actor_id("person", "Ingrid Holt")].kind == "person"
    assert resolved(work, "UN")[0] != "Ingrid Holt"


def test_names_the_parser_missed_are_found_by_given_name(pipeline: Pipeline) -> None:
    work = run(pipeline, article("linking_unparsed"))
    assert resolved(work, "Ricardo Paiva") == ("Ricardo Paiva", "name")
    assert "given name" in next(m.note for m in work.mentions if m.text == "Ricardo Paiva")
    assert resolved(work, "Ana Costa") == ("Ana Costa", "name")  # tagged ORG by the parser
    assert resolved(work, "Costa")[0] == "Ana Costa"
    assert resolved(work, "Ramos")[0] == "Joaquim Ramos"


def test_a_counterpart_in_apposition_is_the_named_person_with_its_country(pipeline: Pipeline) -> None:
    work = run(pipeline, article("linking_counterpart"))
    assert resolved(work, "his Kenyan counterpart") == ("Grace Wanjiru", "description")
    assert resolved(work, "his") == ("Pieter Smit", "pronoun")
    wanjiru = work.actors[actor_id("person", "Grace Wanjiru")]
    assert wanjiru.country == "KEN"  # not Italy: a place before a comma or in another sentence is not hers


def test_bare_surnames_map_to_the_person_with_that_surname(pipeline: Pipeline) -> None:
    work = run(pipeline, article("linking_counterpart"))
    assert resolved(work, "Smit")[0] == "Pieter Smit"
    assert {work.actors[m.actor_id].name for m in work.mentions if m.text == "Wanjiru"} == {"Grace Wanjiru"}


def test_a_surname_after_the_full_name_is_the_same_person(pipeline: Pipeline) -> None:
    work = run(pipeline, article("linking_surname"))
    assert _ids(work, "Traore") == _ids(work, "Amadou Traore") == {actor_id("person", "Amadou Traore")}


def test_a_known_persons_surname_is_the_person_of_this_text_named_in_full(pipeline: Pipeline) -> None:
    work = run(pipeline, article("linking_surname"))
    assert _ids(work, "Scholz") == {actor_id("person", "Lucie Scholz")}
    work = run(pipeline, "Olaf Scholz spoke on Monday. Scholz said the budget was safe.")
    assert resolved(work, "Scholz")[0] == "Olaf Scholz"


# --- countries of groups and bodies ---------------------------------------------------------------------


def _country_of(work: Work, text: str) -> str | None:
    hits = [m for m in work.mentions if m.text == text]
    assert hits, f"no mention {text!r} in {[m.text for m in work.mentions]}"
    return work.actors[hits[0].actor_id].country


def test_groups_and_bodies_keep_their_country(pipeline: Pipeline) -> None:
    work = run(pipeline, article("countries"))
    assert _country_of(work, "Israeli police") == "ISR"
    assert _country_of(work, "Egyptian government") == "EGY"
    assert _country_of(work, "rebels") == "SDN"  # "rebels in Sudan"
    assert _country_of(work, "Bola Adeyemi") == "NGA"


def test_coordinated_demonyms_make_one_group_each(pipeline: Pipeline) -> None:
    work = run(pipeline, article("countries"))
    assert _country_of(work, "Chilean") == "CHL"
    assert _country_of(work, "Peruvian") == "PER"


def test_a_demonym_left_over_is_its_country_but_not_beside_a_named_person(pipeline: Pipeline) -> None:
    work = run(pipeline, "The talks stalled, a Danish diplomat said. Swedish Minister Karin Lund said nothing.")
    assert resolved(work, "Danish") == ("Denmark", "demonym")
    assert "Swedish" not in [m.text for m in work.mentions]
    assert work.actors[actor_id("person", "Karin Lund")].country == "SWE"


def test_spelling_variants_of_known_people_link_to_them(pipeline: Pipeline) -> None:
    text = "President Mugabe met Carlos Menem on Monday. Mugabe said he was happy, and Menem agreed."
    work = run(pipeline, text)
    assert {work.actors[m.actor_id].country for m in work.mentions if m.text == "Mugabe"} == {"ZWE"}
    assert len({m.actor_id for m in work.mentions if m.text in ("Carlos Menem", "Menem")}) == 1
    assert work.actors[next(m.actor_id for m in work.mentions if m.text == "Menem")].country == "ARG"
    work = run(pipeline, "Mr Pellegrino Mugabe, a farmer, said the rains were late.")
    assert "ZWE" not in {work.actors[m.actor_id].country for m in work.mentions}  # another given name


def test_regions_stand_for_their_country_and_place_groups(pipeline: Pipeline) -> None:
    work = run(pipeline, "On Monday, militias in Darfur shelled a market. Aid reached Samarra on Friday.")
    assert resolved(work, "Darfur") == ("Sudan", "metonym")
    assert resolved(work, "Samarra") == ("Iraq", "metonym")
    assert _country_of(work, "militias") == "SDN"


def test_a_title_in_lower_case_still_tells_the_country(pipeline: Pipeline) -> None:
    work = run(pipeline, "The Ghanaian deputy trade minister Kojo Mensah resigned on Monday.")
    assert work.actors[actor_id("person", "Kojo Mensah")].country == "GHA"


def test_a_counted_plural_takes_the_only_pair_named_just_before(pipeline: Pipeline) -> None:
    text = (
        "Dutch Foreign Minister Pieter Smit said he had called his Kenyan counterpart, Grace Wanjiru, on Friday. "
        "The two ministers will meet in May."
    )
    work = run(pipeline, text)
    assert {work.actors[m.actor_id].name for m in work.mentions if m.text == "The two ministers"} == {
        "Pieter Smit",
        "Grace Wanjiru",
    }
    work = run(pipeline, "Pieter Smit spoke first. Grace Wanjiru and Ana Costa replied. The two ministers left.")
    assert {work.actors[m.actor_id].name for m in work.mentions if m.text == "The two ministers"} == {
        "Grace Wanjiru",
        "Ana Costa",
    }  # named together: the group wins over salience


def test_armed_groups_keep_their_country_and_relief_bodies_have_none(pipeline: Pipeline) -> None:
    work = run(pipeline, "The Red Cross said the PKK had freed two soldiers, and Boko Haram fighters fled.")
    assert _country_of(work, "PKK") == "TUR"
    assert _country_of(work, "Boko Haram") == "NGA"
    assert _country_of(work, "Red Cross") is None
