"""The events stage (placeholder until its extractor lands: finds nothing)."""

from __future__ import annotations

from onrecord.pipeline import Work, register_stage


class EventsStage:
    def __call__(self, work: Work) -> None:
        return None


register_stage("events.v1", requires=["sentences", "actors", "timexes"], assigns=["events"], factory=EventsStage)
