"""The quotes stage's confidence model, on sentences written for these tests (names and places made up)."""

from __future__ import annotations

import pytest

from onrecord.extract.quote_confidence import confidence_model, parse_model
from onrecord.extract.quote_settings import THRESHOLD_ENV, threshold_override
from onrecord.extract.quotes import QuotesStage
from onrecord.model import Article, sha256_text
from onrecord.pipeline import Pipeline, Work


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(["actors.v1", "timex.v1"])


def work_of(pipeline: Pipeline, text: str) -> Work:
    article = Article(
        id="art-c", title=None, published="2025-03-12", source=None, language="en", text=text, sha256=sha256_text(text)
    )
    return pipeline(article)


def test_score_is_a_logistic_of_the_summed_weights() -> None:
    model = parse_model({"bias": -1.0, "weights": {"src=PROPN": 2.0, "in_quote=True": -3.0}, "threshold": 0.5})
    assert model.score([]) == pytest.approx(0.2689, abs=1e-4)
    assert model.score(["src=PROPN"]) == pytest.approx(0.7311, abs=1e-4)
    assert model.score(["src=PROPN", "never seen"]) == model.score(["src=PROPN"])  # unknown features weigh nothing
    assert model.score(["src=PROPN", "in_quote=True"]) < model.score(["src=PROPN"])


def test_a_malformed_model_is_refused() -> None:
    with pytest.raises(ValueError, match="weights"):
        parse_model({"bias": 0.0, "weights": [1, 2], "threshold": 0.3})


def test_features_say_how_the_attribution_was_found(pipeline: Pipeline) -> None:
    work = work_of(pipeline, "Mayor Ilse Marr said on Tuesday that the harbour would reopen in spring.")
    items = QuotesStage().attributions(work)
    assert len(items) == 1
    feats = set(items[0].features)
    assert {"how=verb-ccomp", "lemma=say", "src=PROPN", "src_side=before", "in_quote=False"} <= feats
    assert "resolved=True" in feats


def test_packaged_model_keeps_plain_named_quotations(pipeline: Pipeline) -> None:
    model = confidence_model()
    assert model is not None and 0.0 < model.threshold < 1.0
    text = (
        "“We will rebuild the bridge before winter,” Mayor Ilse Marr said on Tuesday.\n\n"
        "The harbour master, Tomas Brel, told reporters that the pier was unsafe."
    )
    items = [a for a in QuotesStage().attributions(work_of(pipeline, text)) if a.found.parent is None]
    assert len(items) == 2
    assert all(a.score is not None and a.score >= model.threshold for a in items)


def test_an_unsure_attribution_scores_lower_than_a_plain_one(pipeline: Pipeline) -> None:
    # a weak cue with no speaker, deep inside another clause, against a named speaker's "said that"
    plain = QuotesStage().attributions(work_of(pipeline, "Mayor Ilse Marr said that the harbour would reopen."))
    unsure = QuotesStage().attributions(
        work_of(pipeline, "The plan, which would rebuild what many consider a relic, was shelved.")
    )
    plain_score = plain[0].score
    assert plain_score is not None
    weak = [a.score for a in unsure if a.score is not None]
    assert weak and max(weak) < plain_score


def test_dropping_removes_the_speech_reported_inside_but_not_a_transcript_label(pipeline: Pipeline) -> None:
    text = (
        "Mayor Ilse Marr said that her deputy told her the pier was unsafe.\n\n"
        "BREL: The pier has been closed since May."
    )
    work = work_of(pipeline, text)
    stage = QuotesStage()
    judged = {"verb-ccomp": 100, "verb-obj": 100, "transcript": 100}
    # unsure of everything
    stage.model = parse_model({"bias": -30.0, "weights": {}, "threshold": 0.5, "judged": judged})
    stage(work)
    assert [q.speaker_text for q in work.quotes] == ["BREL"]  # the nested report went with its parent
    stage.model = parse_model({"bias": 30.0, "weights": {}, "threshold": 0.5, "judged": judged})  # sure of all
    stage(work)
    assert any(q.parent_id is not None for q in work.quotes)
    assert {q.speaker_text for q in work.quotes if q.parent_id is None} == {"Mayor Ilse Marr", "BREL"}


def test_a_way_of_finding_the_model_never_judged_is_kept(pipeline: Pipeline) -> None:
    work = work_of(pipeline, "Mayor Ilse Marr said that the harbour would reopen in spring.")
    stage = QuotesStage()
    stage.model = parse_model({"bias": -30.0, "weights": {}, "threshold": 0.5, "judged": {"adjacent": 100}})
    stage(work)
    assert [q.speaker_text for q in work.quotes] == ["Mayor Ilse Marr"]
    stage.model = parse_model({"bias": -30.0, "weights": {}, "threshold": 0.5, "judged": {"verb-ccomp": 100}})
    stage(work)
    assert work.quotes == []


def test_the_threshold_a_user_sets_is_checked() -> None:
    assert threshold_override(None) is None and threshold_override(" ") is None
    assert threshold_override("0") == 0.0 and threshold_override("0.8") == 0.8
    for bad in ("high", "1.5", "-0.1"):
        with pytest.raises(ValueError, match="ONRECORD_QUOTE_THRESHOLD"):
            threshold_override(bad)


def test_a_threshold_set_by_the_user_or_the_caller_is_used(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(THRESHOLD_ENV, "0")
    assert QuotesStage().model is not None and QuotesStage().model.threshold == 0.0
    monkeypatch.setenv(THRESHOLD_ENV, "0.9")
    assert QuotesStage().model.threshold == 0.9
    assert QuotesStage(threshold=0.2).model.threshold == 0.2
    monkeypatch.setenv(THRESHOLD_ENV, "many")
    with pytest.raises(ValueError, match=THRESHOLD_ENV):
        QuotesStage()


def test_nesting_features_count_only_attributions_with_content(pipeline: Pipeline) -> None:
    # an attribution left without content before it must not shift the indices the nesting uses
    work = work_of(pipeline, "He said 5. Mayor Ilse Marr said that her deputy told her the pier was unsafe.")
    items = QuotesStage().attributions(work)
    outer = next(a for a in items if a.quotes and a.quotes[0].speaker_text == "Mayor Ilse Marr")
    assert any(a.found.parent == outer.found.index for a in items)
    assert "children=True" in outer.features
