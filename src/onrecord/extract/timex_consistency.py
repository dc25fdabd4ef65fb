"""Find one event dated twice in an article."""

from __future__ import annotations

from typing import Any

from onrecord.pipeline import Work


def find_inconsistencies(work: Work) -> list[dict[str, Any]]:
    return []
