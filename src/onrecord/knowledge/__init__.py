"""Actor and role knowledge: countries, organizations, people and the offices they held over time."""

from __future__ import annotations

from onrecord.knowledge.base import Entry, KnowledgeBase, Office, Tenure, default_kb, load_kb
from onrecord.knowledge.ids import actor_id, fold, slug

__all__ = ["Entry", "KnowledgeBase", "Office", "Tenure", "actor_id", "default_kb", "fold", "load_kb", "slug"]
