"""The time stage (placeholder until the time-expression extractor lands)."""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.pipeline import Work, register_stage


def statement_date(work: Work, cue: Token) -> str | None:
    """The date of the statement whose reporting word is ``cue``; the publication date when the text gives none."""
    return work.article.published


class TimexStage:
    def __call__(self, work: Work) -> None:
        return None


register_stage("timex.v1", requires=["sentences"], assigns=["timexes"], factory=TimexStage)
