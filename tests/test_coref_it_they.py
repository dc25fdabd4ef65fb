""" "it" and "they" for bodies, countries, groups and people named together.

Every sentence here was written for these tests; the people and companies in them are invented.
"""

from __future__ import annotations

import pytest

from onrecord.model import Article, sha256_text
from onrecord.pipeline import Pipeline, Work


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(["actors.v1"])


def run(pipeline: Pipeline, text: str) -> Work:
    article = Article(
        id="art-it", title=None, published="2023-11-14", source=None, language="en", text=text, sha256=sha256_text(text)
    )
    return pipeline(article)


def pronoun_actors(work: Work, word: str, nth: int = 0) -> list[tuple[str, str]]:
    """Names and kinds of the actors the nth occurrence of a pronoun was resolved to (by pronoun basis)."""
    at = [i for i, t in enumerate(work.doc) if t.text == word][nth]
    start = work.doc[at].idx
    return [
        (work.actors[m.actor_id].name, work.actors[m.actor_id].kind)
        for m in work.mentions
        if m.span[0] == start and m.basis == "pronoun"
    ]


@pytest.mark.parametrize(
    ("text", "word", "nth", "name", "kind"),
    [
        ("Norvala Holdings said it would appeal the ruling.", "it", 0, "Norvala Holdings", "organization"),
        (
            "Norvala Holdings said it would cut 300 jobs. It said in a statement that demand had collapsed.",
            "It",
            0,
            "Norvala Holdings",
            "organization",
        ),
        ("Portugal says it will answer the new tariffs.", "it", 0, "Portugal", "country"),
        ("Sudanese rebels said they had taken the town.", "they", 0, "Sudanese rebels", "group"),
    ],
)
def test_it_and_they_resolve_to_the_salient_body(
    pipeline: Pipeline, text: str, word: str, nth: int, name: str, kind: str
) -> None:
    work = run(pipeline, text)
    assert pronoun_actors(work, word, nth) == [(name, kind)]
    assert any("most salient" in m.note for m in work.mentions if m.basis == "pronoun")


def test_they_after_people_named_together_is_each_of_them(pipeline: Pipeline) -> None:
    work = run(pipeline, "Maria Orlov and Tomas Brandt met on Thursday. They said the talks had been useful.")
    assert sorted(pronoun_actors(work, "They")) == [("Maria Orlov", "person"), ("Tomas Brandt", "person")]


@pytest.mark.parametrize(
    "text",
    [
        "Norvala Holdings cut 300 jobs. It is likely that more cuts will follow.",
        "Norvala Holdings closed its office in Lisbon. It was raining when the workers left.",
        "Norvala Holdings lost the case. It remains unclear whether the firm will appeal.",
        "Norvala Holdings lost the case. It was the regulator that brought it.",
    ],
)
def test_expletive_it_stays_unresolved(pipeline: Pipeline, text: str) -> None:
    work = run(pipeline, text)
    assert pronoun_actors(work, "It") == []


def test_it_never_resolves_to_a_person(pipeline: Pipeline) -> None:
    work = run(pipeline, "Maria Orlov told reporters it would take a long time to rebuild the bridge.")
    assert pronoun_actors(work, "it") == []
    work = run(pipeline, "Maria Orlov visited the factory. It will close next year.")
    assert pronoun_actors(work, "It") == []


def test_it_stays_unresolved_when_a_thing_is_the_better_antecedent(pipeline: Pipeline) -> None:
    work = run(pipeline, "Norvala Holdings published a report on Friday. The report was long. It warns of a slump.")
    assert pronoun_actors(work, "It") == []


def test_they_does_not_take_a_body_named_in_the_singular(pipeline: Pipeline) -> None:
    work = run(pipeline, "Norvala Bank hired new staff. They said the pay was low.")
    assert pronoun_actors(work, "They") == []


def test_it_stays_unresolved_between_two_equally_salient_countries(pipeline: Pipeline) -> None:
    # written for the tests: the subject and the possessor of one clause are both countries
    work = run(
        pipeline, "The premier noted that Chile is Peru's main trading partner. According to its figures, trade rose."
    )
    assert pronoun_actors(work, "its") == []
    clear = run(pipeline, "Chile opened a new port. According to its figures, trade rose.")
    assert pronoun_actors(clear, "its") == [("Chile", "country")]


def test_the_body_named_before_is_the_one_a_definite_noun_refers_back_to(pipeline: Pipeline) -> None:
    # written for the tests: an invented committee and company
    work = run(pipeline, "The Varnell Harbour Committee opened an inquiry. The committee said it would report in May.")
    names = [(work.doc.text[m.span[0] : m.span[1]], work.actors[m.actor_id].name) for m in work.mentions]
    assert ("The committee", "Varnell Harbour Committee") in names
    assert pronoun_actors(work, "it") == [("Varnell Harbour Committee", "organization")]
    other = run(pipeline, "The Varnell Harbour Committee opened an inquiry. The company said it would cooperate.")
    assert not any(
        work_text == "The company"
        for work_text, _ in [(other.doc.text[m.span[0] : m.span[1]], m.actor_id) for m in other.mentions]
    )


def test_the_group_named_before_is_the_one_a_definite_plural_refers_back_to(pipeline: Pipeline) -> None:
    # written for the tests
    work = run(pipeline, "Chadian rebels seized the ford at dawn. The rebels said they would hold it.")
    names = [(work.doc.text[m.span[0] : m.span[1]], work.actors[m.actor_id].name) for m in work.mentions]
    assert ("The rebels", "Chadian rebels") in names
    assert pronoun_actors(work, "they") == [("Chadian rebels", "group")]
