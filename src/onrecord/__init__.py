"""onrecord: a source-linked, time-aware record of who said what, who met whom and which figures were cited."""

from onrecord.model import (
    SCHEMA,
    Actor,
    Article,
    Claim,
    Conflict,
    Event,
    Mention,
    Quote,
    Role,
    Timex,
    from_json,
    to_json,
)

__version__ = "0.1.0"

__all__ = [
    "SCHEMA",
    "Actor",
    "Article",
    "Claim",
    "Conflict",
    "Event",
    "Mention",
    "Quote",
    "Role",
    "Timex",
    "__version__",
    "from_json",
    "to_json",
]
