"""The claims stage (placeholder until its extractor lands: finds nothing)."""

from __future__ import annotations

from onrecord.pipeline import Work, register_stage


class ClaimsStage:
    def __call__(self, work: Work) -> None:
        return None


register_stage("claims.v1", requires=["sentences", "actors", "timexes", "quotes"], assigns=["claims"], factory=ClaimsStage)
