"""Figures that cannot both hold: one speaker against themself, or a figure against a later rebuttal.

Decision procedure (conflicts approach note, step 3):

1. Pair two claims only when unit dimension, measure (equal, or one a part of the other), scope
   words, years, population and period agree; abstain when any is unknown. Scope words are lemmas
   without wording verbs (reached, amounted, stood at) or generic owners (the country's); two scopes
   that differ only by one side's extra verb pair as ``inferred``, an extra noun or adjective never
   does. One speaker's figures that name no country pair across articles only when the words are
   the same (or the sentences name the same place, or a generic owner) and the articles name the
   same countries; within one statement, same-worded figures are list items.
   An elliptical rebuttal in the next sentence ("But the opposition said turnout was 48%") takes
   the first figure's scope and period.
2. Same period or same moment: the intervals must meet; a part may not exceed its whole.
3. Cumulative counts at two dates: the later figure of the whole may not fall below the earlier
   figure of a part (a count does not shrink), and the later figure of a part may not exceed the
   earlier figure of the whole by more than plausible growth: 50% in three months (the note's
   fallback), or 100% in three months when the part's usual share of the whole bounds it.
4. A revision cue (revised, corrected, down from) on the later figure dissolves a fall.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass, replace
from datetime import date

from onrecord.check.context import Context
from onrecord.check.dates import DateRange, days_between, human, human_span, parse_date, precision
from onrecord.check.findings import Finding
from onrecord.check.intervals import Interval, claim_interval, fmt
from onrecord.check.keys import ClaimKey, claim_key, countries_in, fold, scope_relation, tokens
from onrecord.check.lexicon import lexicon, words
from onrecord.check.periods import since_start
from onrecord.check.places import places, same_places
from onrecord.check.text import has_cue, opens_with_contrast, snippet
from onrecord.model import Claim

LOGGER = logging.getLogger(__name__)

GROWTH_WINDOW_DAYS = 92  # "three months" in the approach note's fallback rule
STRICT_GROWTH = 0.5  # a whole cannot grow by half within the window
TYPICAL_GROWTH = 1.0  # a part bounded by its usual share cannot double within the window
REBUTTAL_WINDOW_DAYS = 31  # a contrasting figure within a month speaks of the same moment
RATE_FACTOR = 3.0  # with a known start: growth three times faster than the average so far is implausible
MIN_BASE = 500  # small counts belong to short incidents that can grow fast: no growth rule without a start


@dataclass(frozen=True, slots=True)
class View:
    """A claim ready for comparison."""

    claim: Claim
    key: ClaimKey
    interval: Interval
    said: DateRange
    period: str  # to_date | running | closed
    scope_range: DateRange | None
    cumulative: bool
    sentence: str
    start: date | None  # when the count began, when the text says ("since October", "this year")


def make_view(claim: Claim, ctx: Context) -> View | None:
    """The comparable form of a claim, or None when it cannot be judged (no figure, no date, a hedge)."""
    if claim.change:
        return None
    interval = claim_interval(claim)
    if interval is None:
        return None
    art = ctx.article(claim.article_id)
    said = parse_date(claim.asserted_on) or parse_date(art.published if art else None)
    if said is None:
        return None
    sentence = ctx.sentence(claim.article_id, claim.span)
    if has_cue("hedge_cues", sentence) or has_cue("denial_cues", sentence):
        return None  # predictions, conditionals and denied reports are not assertions of a figure
    text = ctx.text(claim.article_id)
    if re.search(r"\bfrom\s*$", text[max(0, claim.span[0] - 12) : claim.span[0]], re.IGNORECASE) and not (
        claim.range_values
    ):
        return None  # "risen to 36 from 30": the earlier value the change starts from, not a claim of now
    after = _after_figure(text, claim.span[1], ctx.sentence_bounds(claim.article_id, claim.span)[1])
    key = claim_key(claim, sentence=sentence, after=after)
    ts = parse_date(claim.time_scope)
    if ts is None or (ts.overlaps(said) and precision(claim.time_scope) in ("day", "month")):
        period, scope_range = "to_date", None
    elif ts.end < said.start:
        period, scope_range = "closed", ts
    elif ts.start <= said.start:
        period, scope_range = "running", ts
    else:
        return None  # a figure for a period not yet begun is a forecast
    since = since_start(sentence, said)
    if since is not None and not (period == "running" and scope_range is not None and scope_range.start == since):
        period, scope_range = "to_date", None  # "since October": an open period up to the statement
    start = since if since is not None else (scope_range.start if period == "running" and scope_range else None)
    cumulative = key.measure in words("cumulative_measures") or bool(
        has_cue("cumulative_cues", f"{claim.subject} {claim.text}")
    )
    return View(claim, key, interval, said, period, scope_range, cumulative, sentence, start)


def _after_figure(text: str, start: int, sentence_end: int) -> str:
    """The words after a figure up to the next figure, a semicolon or the end of the sentence."""
    tail = text[start : min(sentence_end, start + 120)]
    cut = len(tail)
    for m in re.finditer(r"[;:]|\d", tail):
        cut = m.start()
        break
    return tail[:cut]


def measure_relation(a: ClaimKey, b: ClaimKey) -> str | None:
    """``equal``, ``a_in_b`` (a counts a part of what b counts), ``b_in_a``, or None."""
    if a.measure == b.measure:
        return "equal"
    parts: dict[str, dict[str, object]] = lexicon()["measure_parts"]
    if b.measure in parts and a.measure in parts[b.measure]["parts"]:  # type: ignore[operator]
        return "a_in_b"
    if a.measure in parts and b.measure in parts[a.measure]["parts"]:  # type: ignore[operator]
        return "b_in_a"
    return None


def _share_max(part: ClaimKey, whole: ClaimKey) -> float | None:
    if part.ambiguous or whole.ambiguous:
        return None
    info = lexicon()["measure_parts"].get(whole.measure or "", {})
    share = info.get("share_max", {}).get(part.measure or "")
    return float(share) if share else None


def _label(v: View) -> str:
    """What the figure counts, in the subject's words, with the measure spelled out when it is a sum."""
    subject = v.claim.subject.strip()
    if not subject or v.key.measure_basis == "the sentence's words":
        where = ", ".join(sorted(c.upper() for c in v.key.countries))
        subject = f"{v.key.measure or 'figure'}{' (' + where + ')' if where else ''}"
    elif v.key.measure_basis == "words after the figure":
        subject += " or wounded"
    return f"'{subject}'"


def _source_words(v: View, ctx: Context) -> str:
    if v.claim.asserter_id:
        return ctx.name(v.claim.asserter_id)
    m = re.search(r"\baccording to ([^,.;]+)", v.sentence, re.IGNORECASE)
    if m:
        return m.group(1).strip()
    for pattern in (
        r"\b((?:records|data|figures|statistics) from [^,.;]+?) show",
        r"\b((?:official |public )?(?:records|data|figures|statistics)) show",
        r"\b((?:the )?[a-z][a-z ]{2,40}?) (?:said|says|insisted|countered)\b",
    ):
        m = re.search(pattern, v.sentence, re.IGNORECASE)
        if m:
            return re.sub(r"^(?:but|however|yet)\s+", "", m.group(1).strip(), flags=re.IGNORECASE)
    return "another source"


def _fig(v: View) -> str:
    return v.claim.text or fmt(v.claim.value or 0)


def _when(value: str | None) -> str:
    return ("on " if precision(value) == "day" else "in ") + human(value)


def _side(v: View, ctx: Context, who: str) -> str:
    c = v.claim
    return (
        f"  {who}: {ctx.name(c.asserter_id)}, {human(c.asserted_on or v.said.text)} "
        f"[{ctx.source_label(c.article_id)}; chars {c.span[0]}-{c.span[1]}]\n"
        f"    «{snippet(v.sentence)}»\n"
        f"    figure {c.text or fmt(c.value or 0)!r} -> {v.interval.show()} ({v.interval.basis}); "
        f"measure {v.key.measure or 'unknown'} ({v.key.measure_basis}), population {v.key.population or 'unstated'}, "
        f"scope {sorted(v.key.scope)}, countries {sorted(v.key.countries)}, "
        f"{'cumulative' if v.cumulative else 'level'}, period {v.period}"
        + (f" {v.scope_range.text}" if v.scope_range else "")
        + f", time_scope {c.time_scope or '-'}"
    )


def _finding(
    kind: str, score: float, sentence: str, rule: str, a: View, b: View, ctx: Context, dissolve: str
) -> Finding:
    reasoning = "\n".join(
        [
            f"{kind}: {sentence}",
            _side(a, ctx, "earlier" if a.said.start <= b.said.start else "first"),
            _side(b, ctx, "later" if a.said.start <= b.said.start else "second"),
            f"  key: unit {a.key.dimension}; scope {sorted(a.key.scope)}; measures {a.key.measure} / {b.key.measure}",
            f"  rule: {rule}",
            f"  would dissolve it: {dissolve}",
            f"  score: {score:.2f}",
        ]
    )
    return Finding(
        kind=kind,  # type: ignore[arg-type]
        score=score,
        explanation=sentence,
        reasoning=reasoning,
        claim_ids=(a.claim.id, b.claim.id),
        quote_ids=tuple(q for q in (a.claim.quote_id, b.claim.quote_id) if q),
        article_ids=(a.claim.article_id, b.claim.article_id),
    )


def _period_mode(a: View, b: View) -> str | None:
    """``snapshot`` (same period, closed), ``cumulative`` (comparable over time) or None."""
    if a.period == "to_date" and b.period == "to_date":
        return "cumulative"
    if a.scope_range is None or b.scope_range is None or a.scope_range.text != b.scope_range.text:
        return None
    if a.period == "closed" and b.period == "closed":
        return "snapshot"
    return "cumulative"


def _base_score(a: View, b: View, scope: str) -> float:
    score = 0.9
    if scope == "inferred":
        score -= 0.15
    if "claim.measure" in (a.key.measure_basis, b.key.measure_basis):
        score -= 0.05
    return score


def _snapshot(a: View, b: View, rel: str, scope: str, ctx: Context, kind: str) -> Finding | None:
    """Two figures for the same moment or the same closed period."""
    who = ctx.name(a.claim.asserter_id)
    score = _base_score(a, b, scope)
    if rel == "equal":
        lo, hi = (a, b) if a.interval.high < b.interval.low else (b, a)
        if not lo.interval.disjoint_below(hi.interval):
            return None
        if kind == "self_contradiction":
            sentence = (
                f"{who} put {_label(a)} at {_fig(lo)} and at {_fig(hi)} for the same time, "
                "and the two figures cannot both hold."
            )
        else:
            sentence = (
                f"{who} put {_label(a)} at {_fig(a)}, but the text then cites {_source_words(b, ctx)} "
                f"giving {_fig(b)}, and the two figures cannot both hold."
            )
        rule = f"same measure and period: {lo.interval.show()} and {hi.interval.show()} do not overlap"
        return _finding(kind, score, sentence, rule, a, b, ctx, "a different scope or period for one figure")
    part, whole = (a, b) if rel == "a_in_b" else (b, a)
    if not whole.interval.disjoint_below(part.interval):
        return None
    sentence = (
        f"{_label(part).capitalize()} ({_fig(part)}) cannot exceed "
        f"{_label(whole)} ({_fig(whole)}) for the same time, since the first is part of the second."
    )
    rule = (
        f"part exceeds whole: {part.key.measure} ⊆ {whole.key.measure}, "
        f"{part.interval.show()} > {whole.interval.show()}"
    )
    return _finding(kind, score, sentence, rule, a, b, ctx, "a different scope or period for one figure")


def _fell(early: View, late: View, scope: str, ctx: Context) -> Finding | None:
    """The later figure of a whole (or the same measure) is below the earlier figure."""
    if not late.interval.disjoint_below(early.interval):
        return None
    if has_cue("revision_cues", late.sentence):
        LOGGER.debug("revision, not a conflict: %s -> %s", early.claim.id, late.claim.id)
        return None
    who = ctx.name(early.claim.asserter_id)
    sentence = (
        f"{who} gave {_fig(early)} {_label(early)} {_when(early.claim.asserted_on)} "
        f"but {_fig(late)} {_label(late)} {_when(late.claim.asserted_on)}: "
        "a cumulative count cannot fall."
    )
    rule = f"cumulative count fell: ≥{fmt(early.interval.low)} then ≤{fmt(late.interval.high)}"
    return _finding(
        "self_contradiction",
        _base_score(early, late, scope),
        sentence,
        rule,
        early,
        late,
        ctx,
        "a revision of the earlier figure, or a narrower scope for the later one",
    )


def _grew(early: View, late: View, rel: str, scope: str, ctx: Context) -> Finding | None:
    """The later figure of a part (or the same measure) exceeds plausible growth from the earlier whole."""
    if math.isinf(early.interval.high) or early.interval.high < MIN_BASE:
        return None
    if has_cue("rise_cues", late.sentence):
        return None  # the speaker reports the count as rising: growth is the news, not a contradiction
    if late.key.measure in words("no_growth_rule_measures"):
        return None  # infections can grow exponentially: no pace is implausible enough to judge
    _, most = days_between(early.said, late.said)
    window = max(most, GROWTH_WINDOW_DAYS) / GROWTH_WINDOW_DAYS
    base = early.interval.high
    growth = late.interval.low / base - 1
    who = ctx.name(early.claim.asserter_id)
    is_part = rel == "late_in_early"
    early_txt = f"{_fig(early)} {_label(early)} {_when(early.claim.asserted_on)}"
    late_txt = f"{_fig(late)} {_label(late)} {_when(late.claim.asserted_on)}"
    what = f"{late.key.measure} alone" if is_part else _label(late)
    if early.start is not None:
        return _grew_by_rate(early, late, is_part, scope, ctx, early_txt, late_txt, what, most)
    if growth >= STRICT_GROWTH * window:
        sentence = (
            f"{who} gave {early_txt} and {late_txt}: {what} would have grown by at least "
            f"{growth:.0%} in at most {human_span(most)}."
        )
        rule = (
            f"implausible growth: {late.key.measure} at the first date ≤ {fmt(base)}"
            + (f" (a part of {early.key.measure})" if is_part else "")
            + f", ≥ {fmt(late.interval.low)} at most {most} days later: growth ≥ {growth:.0%}, "
            f"limit {STRICT_GROWTH * window:.0%} for that time"
        )
        return _finding(
            "self_contradiction",
            _base_score(early, late, scope),
            sentence,
            rule,
            early,
            late,
            ctx,
            "a figure for a longer period or a wider scope, or a corrected undercount",
        )
    share = _share_max(late.key, early.key) if is_part else None
    if share is None:
        return None
    bound = base * share
    typical = late.interval.low / bound - 1
    if typical < TYPICAL_GROWTH * window:
        return None
    sentence = (
        f"{who} gave {early_txt} and {late_txt}: as {late.key.measure} usually make up at most {share:.0%} of "
        f"{_label(early)}, {what} would have grown by at least {typical:.0%} in at most "
        f"{human_span(most)} (at least {max(growth, 0):.0%} even if they made up all of it)."
    )
    rule = (
        f"implausible growth of a part: {late.key.measure} ≤ {share:.0%} of {early.key.measure} as usual, "
        f"so ≤ {fmt(bound)} "
        f"at the first date, ≥ {fmt(late.interval.low)} at most {most} days later: growth ≥ {typical:.0%}, "
        f"limit {TYPICAL_GROWTH * window:.0%}"
    )
    return _finding(
        "self_contradiction",
        _base_score(early, late, scope) - 0.15,
        sentence,
        rule,
        early,
        late,
        ctx,
        "an unusually low share of wounded, a longer period, or a wider scope for the later figure",
    )


def _grew_by_rate(
    early: View,
    late: View,
    is_part: bool,
    scope: str,
    ctx: Context,
    early_txt: str,
    late_txt: str,
    what: str,
    most: int,
) -> Finding | None:
    """Growth against the average pace since the count began (the start the text gives)."""
    if early.start is None:
        return None
    elapsed = max(1, (early.said.end - early.start).days + 1)
    most = max(1, most)
    who = ctx.name(early.claim.asserter_id)
    share = _share_max(late.key, early.key) if is_part else None
    for bound_share, factor, penalty in ((1.0, RATE_FACTOR, 0.0), (share, 2 * RATE_FACTOR, 0.15)):
        if bound_share is None:
            continue
        base = early.interval.high * bound_share
        needed = (late.interval.low - base) / most
        average = base / elapsed
        if average <= 0 or needed / average < factor:
            continue
        ratio = needed / average
        assumption = "" if bound_share == 1.0 else f" (taking {late.key.measure} as at most {bound_share:.0%} of it)"
        sentence = (
            f"{who} gave {early_txt} and {late_txt}: {what} would have grown by at least {fmt(round(needed))} a day "
            f"over at most {human_span(most)}, {ratio:.1f} times the average of {fmt(round(average, 1))} a day "
            f"since {early.start.isoformat()}{assumption}."
        )
        rule = (
            f"implausible pace: ≤ {fmt(base)} {late.key.measure} after {elapsed} days since {early.start.isoformat()}, "
            f"≥ {fmt(late.interval.low)} at most {most} days later: {ratio:.1f}× the average pace (limit {factor:.0f}×)"
        )
        return _finding(
            "self_contradiction",
            _base_score(early, late, scope) - penalty,
            sentence,
            rule,
            early,
            late,
            ctx,
            "a sudden escalation, a longer period, or a wider scope for the later figure",
        )
    return None


def _cumulative(a: View, b: View, rel: str, scope: str, ctx: Context) -> Finding | None:
    if a.said.before(b.said):
        early, late, r = a, b, rel
    elif b.said.before(a.said):
        early, late = b, a
        r = {"equal": "equal", "a_in_b": "b_in_a", "b_in_a": "a_in_b"}[rel]
    else:
        return _snapshot(a, b, rel, scope, ctx, "self_contradiction")
    # r: relation of early to late
    if r in ("equal", "a_in_b"):
        found = _fell(early, late, scope, ctx)
        if found:
            return found
    if r in ("equal", "b_in_a"):
        return _grew(early, late, "late_in_early" if r == "b_in_a" else "equal", scope, ctx)
    return None


def pair_key(a: View, b: View, *, rebuttal: bool = False, ctx: Context | None = None) -> tuple[str, str] | None:
    """(measure relation, scope relation) when two claims measure comparable things, else None.

    In one article, figures whose subject names no country are taken to share the article's
    subject only when they are a rebuttal or were stated at different times (not a list of
    figures for several places given at once).
    """
    if not same_places(a.sentence, b.sentence):
        return None
    same_article = a.claim.article_id == b.claim.article_id and (rebuttal or a.said != b.said)
    owner = same_owner(a, b, ctx) if ctx is not None and not rebuttal else False
    scope = scope_relation(a.key, b.key, same_article=same_article, same_owner=owner)
    if scope is None:
        return None
    rel = measure_relation(a.key, b.key)
    if rel is None:
        return None
    same_words = bool(a.key.scope) and a.key.scope == b.key.scope
    if a.key.measure is None and scope != "same" and not (same_words and (owner or same_article)):
        # a figure of no known measure pairs on its words alone: only the same words with the same countries,
        # or the same words in one article (a rebuttal) or from one speaker in articles about the same countries
        return None
    return rel, scope


def same_owner(a: View, b: View, ctx: Context) -> bool:
    """One speaker, no country in either figure, and two articles that name the same countries (maybe none):
    the figures are taken to be about the same entity, the speaker's own ("the country's exports")."""
    if not a.claim.asserter_id or a.claim.asserter_id != b.claim.asserter_id:
        return False
    if a.claim.article_id == b.claim.article_id:
        return False  # one statement's figures with the same words are items of a list ("food aid", "tents")
    if a.key.countries or b.key.countries:
        return False
    same_place = bool(places(a.sentence)) and places(a.sentence) == places(b.sentence)
    if (
        not (a.key.scope and a.key.scope == b.key.scope)
        and not same_place
        and not (has_cue("generic_owners", a.sentence) or has_cue("generic_owners", b.sentence))
    ):
        return False  # "8,000 had died", "5,000 had died": nothing says the two figures are about one entity
    return countries_in(ctx.text(a.claim.article_id)) == countries_in(ctx.text(b.claim.article_id))


def judge_self(a: View, b: View, ctx: Context) -> Finding | None:
    """A self-contradiction between two claims of one asserter, or None."""
    if not a.claim.asserter_id or a.claim.asserter_id != b.claim.asserter_id:
        return None
    if a.claim.quote_id and a.claim.quote_id == b.claim.quote_id and a.claim.span == b.claim.span:
        return None
    keys = pair_key(a, b, ctx=ctx)
    if keys is None:
        return None
    rel, scope = keys
    if rel == "equal" and a.claim.article_id == b.claim.article_id and a.sentence == b.sentence:
        # two figures of one measure in one sentence are a list, a range, a ratio or a change ("from 54 to
        # 44 percent"), not a speaker contradicting themselves; a part and its whole still compare
        return None
    mode = _period_mode(a, b)
    if mode is None:
        return None
    if mode == "snapshot":
        return _snapshot(a, b, rel, scope, ctx, "self_contradiction")
    if a.cumulative and b.cumulative:
        return _cumulative(a, b, rel, scope, ctx)
    if a.said.text == b.said.text and precision(a.said.text) == "day":
        return _snapshot(a, b, rel, scope, ctx, "self_contradiction")
    return None


def _elliptical(a: View, b: View, ctx: Context) -> View:
    """A rebuttal in the very next sentence that names less ("But the opposition said turnout was 48%") speaks
    of what the first figure measured: it takes its scope words, countries and period."""
    if b.scope_range is not None or b.period != "to_date" or not b.key.scope or not b.key.scope < a.key.scope:
        return b
    if not b.key.countries <= a.key.countries or b.key.years - a.key.years or b.key.dimension != a.key.dimension:
        return b
    if any(fold(w) not in a.key.scope and w not in words("stopwords") for w in tokens(b.claim.subject)):
        return b  # the second figure names something of its own ("jobs lost" after "jobs created")
    text = ctx.text(a.claim.article_id)
    between = text[
        ctx.sentence_bounds(a.claim.article_id, a.claim.span)[1] : ctx.sentence_bounds(
            b.claim.article_id, b.claim.span
        )[0]
    ]
    if between.strip():
        return b
    key = replace(b.key, scope=a.key.scope, countries=a.key.countries, years=a.key.years)
    return replace(b, key=key, period=a.period, scope_range=a.scope_range, start=a.start)


def judge_rebuttal(a: View, b: View, ctx: Context) -> Finding | None:
    """A figure (a) followed in the same article by a contrasting figure from another source (b)."""
    if a.claim.article_id != b.claim.article_id or a.claim.span[0] >= b.claim.span[0]:
        return None
    if not a.claim.asserter_id or a.claim.asserter_id == b.claim.asserter_id:
        return None
    if ctx.sentence_bounds(a.claim.article_id, a.claim.span) == ctx.sentence_bounds(b.claim.article_id, b.claim.span):
        return None
    if opens_with_contrast(b.sentence) is None:
        return None
    if b.claim.asserter_id is None and not has_cue("source_cues", b.sentence):
        return None
    b = _elliptical(a, b, ctx)
    keys = pair_key(a, b, rebuttal=True)
    if keys is None:
        return None
    rel, scope = keys
    mode = _period_mode(a, b)
    if mode is None:
        return None
    if mode == "cumulative" and not a.said.overlaps(b.said):
        early, late = (a, b) if a.said.start <= b.said.start else (b, a)
        if days_between(early.said, late.said)[1] > REBUTTAL_WINDOW_DAYS:
            return None  # far apart in time: a change, not a rebuttal
    return _snapshot(a, b, rel, scope, ctx, "rebutted_in_text")
