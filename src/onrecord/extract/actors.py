"""The actors stage: who is named or referred to in an article, linked to global actors.

Steps (each in its own module):

1. ``actor_gazetteer``: knowledge-base names, aliases, metonyms and demonyms in the text.
2. ``actor_names``: spaCy entities merged with those matches; new people and bodies become actors;
   short names link to full ones; groups ("Chinese banks").
3. ``coref``: role phrases ("the US president") by the offices held on the publication date;
   descriptions ("the tycoon") and pronouns ("he") by salience.
4. Here: one :class:`Actor` per entity (canonical name, aliases, roles, country, gender) and one
   :class:`Mention` per reference, whose ``basis`` and ``note`` say how it was resolved.

Actor ids are global (:func:`actor_id`): the same person gets the same id in every article.
"""

from __future__ import annotations

import logging
import re

from spacy.tokens import Doc

from onrecord.extract.actor_gazetteer import gazetteer
from onrecord.extract.actor_lexicon import actor_lexicon
from onrecord.extract.actor_names import Draft, Names, Ref, find_names, person_index
from onrecord.extract.coref import resolve
from onrecord.knowledge.base import KnowledgeBase, default_kb
from onrecord.knowledge.ids import actor_id
from onrecord.model import Actor, Mention, Role, record_id
from onrecord.pipeline import Work, load_nlp, register_stage

LOGGER = logging.getLogger(__name__)

__all__ = ["ActorStage", "actor_id"]


def _actor(draft: Draft, kb: KnowledgeBase) -> Actor:
    aliases = dict(draft.aliases)
    roles: tuple[Role, ...] = ()
    if draft.entry is not None:
        for a in draft.entry.aliases:
            aliases.setdefault(a, None)
        if draft.kind == "person":
            roles = kb.roles_of(draft.entry.name)
    aliases.pop(draft.name, None)
    return Actor(
        id=draft.id,
        name=draft.name,
        kind=draft.kind,
        country=draft.country,
        aliases=tuple(aliases),
        roles=roles,
        party=draft.party,
        gender=draft.gender,
    )


class ActorStage:
    """Fills ``work.actors`` and ``work.mentions``."""

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self.kb = kb if kb is not None else default_kb()
        self.lex = actor_lexicon()
        self.kb.names()  # build the name indexes now, not inside the first article
        person_index(self.kb)
        gazetteer(self.kb, _tokenize)

    def __call__(self, work: Work) -> None:
        doc = work.doc
        gaz = gazetteer(self.kb, _tokenize)
        names = find_names(doc, self.kb, self.lex, gaz.find(doc))
        refs = resolve(doc, self.kb, self.lex, names, work.article.published)
        refs = sorted(refs + self._demonyms(doc, names, refs), key=lambda r: r.start)
        for r in refs:
            draft = names.drafts.get(r.actor_id)
            if draft is not None and r.actor_id not in work.actors:
                work.actors[r.actor_id] = _actor(draft, self.kb)
        article_id = work.article.id
        for r in refs:
            if r.actor_id not in work.actors:
                continue
            start = doc[r.start].idx
            end = doc[r.end - 1].idx + len(doc[r.end - 1])
            work.mentions.append(
                Mention(
                    id=record_id("mention", article_id, start, end, r.actor_id),
                    article_id=article_id,
                    actor_id=r.actor_id,
                    span=(start, end),
                    text=work.article.text[start:end],
                    basis=r.basis,
                    note=r.note,
                )
            )

    def _demonyms(self, doc: Doc, names: Names, refs: list[Ref]) -> list[Ref]:
        """Demonyms left over as actors of their country ("Israeli police", "Palestinian and Israeli
        officials"), unless they only qualify a named person or a resolved phrase ("Kenyan President X")."""
        covered: dict[int, Ref] = {}
        for r in refs:
            for i in range(r.start, r.end):
                covered[i] = r
        out: list[Ref] = []
        for i in sorted(names.demonyms):
            if i in covered:
                continue
            if out and out[-1].end == i and names.demonyms.get(i - 1) == names.demonyms[i]:
                out[-1].end = i + 1  # "South Korean": one mention
                continue
            head = doc[i].head
            for _ in range(4):  # "Swedish Minister Karin Lund": up the compounds to the name
                if head.i in covered or head.dep_ not in ("compound", "amod") or head.head.i == head.i:
                    break
                head = head.head
            owner = covered.get(head.i)
            owner_draft = names.drafts.get(owner.actor_id) if owner is not None else None
            if (
                owner is not None
                and owner_draft is not None
                and (owner_draft.kind == "person" or owner.basis in ("role", "description"))
            ):
                continue  # "Kenyan President X", "the Russian leader": the demonym only qualifies them
            entry = self.kb.country_entry(names.demonyms[i])
            if entry is None:
                continue
            if entry.id not in names.drafts:
                names.drafts[entry.id] = Draft(entry.id, entry.name, entry.kind, entry.country, entry=entry)
            out.append(Ref(i, i + 1, entry.id, "demonym", f"adjective of {entry.name}"))
        return out


def _tokenize(text: str) -> list[str]:
    """Knowledge-base names split as the article parse splits words (the process's cached pipeline)."""
    if _PLAIN.fullmatch(text):
        return text.split()  # letters and single spaces: the tokenizer would split the same way
    return [t.text for t in load_nlp().tokenizer(text)]


_PLAIN = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


register_stage("actors.v1", requires=["sentences", "entities"], assigns=["actors", "mentions"], factory=ActorStage)
