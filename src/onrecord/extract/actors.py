"""The actors stage (placeholder until the knowledge-base linker lands: finds nothing)."""

from __future__ import annotations

from onrecord.pipeline import Work, register_stage


class ActorStage:
    def __call__(self, work: Work) -> None:
        return None


register_stage("actors.v1", requires=["sentences", "entities"], assigns=["actors", "mentions"], factory=ActorStage)
