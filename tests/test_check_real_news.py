"""Patterns of real campaign and wire news that must not raise conflicts (sentences written for the tests).

Each comes from a class of false alarm seen when the whole PolNeAR training set was ingested: figures
listed or compared in one sentence, a denial whose object is only compared to someone, and "for the
first time" belonging to another verb than the contact.
"""

from __future__ import annotations

import pytest

from onrecord.ingest.article import make_article
from onrecord.model import Conflict
from onrecord.pipeline import Pipeline
from onrecord.run import extract


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def conflicts(pipeline: Pipeline, *texts: tuple[str, str]) -> list[Conflict]:
    arts = [make_article(t, published=d) for t, d in texts]
    return [r for r in extract(arts, pipeline=pipeline) if isinstance(r, Conflict)]


@pytest.mark.parametrize(
    "text",
    [
        "A new Harbor poll showed the mayor's approval among renters falling to 44 percent, from 54 percent in July.",
        'Governor Ortiz said the flooding had forced "tens of thousands or maybe hundreds of thousands" to leave.',
        "Senator Lamb said the state would not admit 100,000, 200,000 or 250,000 new workers this year.",
        "Voters rated the economy as good by a ratio of about four to one, versus about two to one last year.",
    ],
)
def test_figures_in_one_sentence_are_no_self_contradiction(pipeline: Pipeline, text: str) -> None:
    assert conflicts(pipeline, (text, "2016-03-02")) == []


def test_never_met_someone_like_x_is_no_denial_of_meeting_x(pipeline: Pipeline) -> None:
    met = ("Governor Ortiz met Senator Lamb in Denver on Monday to discuss water rights.", "2016-02-02")
    compared = ("Governor Ortiz has never met an opponent like Senator Lamb, aides said.", "2016-05-10")
    assert conflicts(pipeline, met, compared) == []


def test_first_time_of_another_verb_is_no_first_contact(pipeline: Pipeline) -> None:
    call = ("Governor Ortiz called Senator Lamb on Monday about the budget.", "2016-02-02")
    later = ("On Sunday, Lamb disclosed for the first time that Ortiz called her on Friday.", "2016-05-10")
    assert conflicts(pipeline, call, later) == []


def test_a_real_denial_still_fires(pipeline: Pipeline) -> None:
    met = ("Governor Ortiz met Senator Lamb in Denver on Monday to discuss water rights.", "2016-02-02")
    denial = ('"I have never met Senator Lamb," Governor Ortiz told reporters on Friday.', "2016-05-10")
    assert [c.kind for c in conflicts(pipeline, met, denial)] == ["record_contradiction"]
