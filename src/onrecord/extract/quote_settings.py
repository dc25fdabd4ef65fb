"""The user's setting for the quotes stage, read without loading any model (the CLI checks it first).

``ONRECORD_QUOTE_THRESHOLD``: how sure the stage must be of an attribution's speaker to report it, from
0 (every attribution found) to 1; unset, the packaged confidence model's own threshold applies.
"""

from __future__ import annotations

import os

THRESHOLD_ENV = "ONRECORD_QUOTE_THRESHOLD"


def threshold_override(value: str | None) -> float | None:
    """The threshold a user set (0 keeps every attribution, 1 only the surest), or None if unset."""
    if value is None or not value.strip():
        return None
    try:
        t = float(value)
    except ValueError:
        raise ValueError(f"{THRESHOLD_ENV}={value!r}: not a number between 0 and 1") from None
    if not 0.0 <= t <= 1.0:
        raise ValueError(f"{THRESHOLD_ENV}={value!r}: not a number between 0 and 1")
    return t


def user_threshold() -> float | None:
    """The threshold set in the environment now, or None."""
    return threshold_override(os.environ.get(THRESHOLD_ENV))
