"""One error family: every failure onrecord reports to a user is an OnrecordError."""


class OnrecordError(Exception):
    """Base of onrecord's errors; the message is one line a user can act on."""


class IngestError(OnrecordError):
    """An input could not be read as an article (names the input and the problem)."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class ExtractError(OnrecordError):
    """A pipeline stage failed or the pipeline is mis-assembled."""


class StoreError(OnrecordError):
    """The record could not be read or written."""
