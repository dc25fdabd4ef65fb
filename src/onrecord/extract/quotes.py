"""The quotes stage (placeholder until its extractor lands: finds nothing)."""

from __future__ import annotations

from onrecord.pipeline import Work, register_stage


class QuotesStage:
    def __call__(self, work: Work) -> None:
        return None


register_stage("quotes.v1", requires=["sentences", "actors", "timexes"], assigns=["quotes"], factory=QuotesStage)
