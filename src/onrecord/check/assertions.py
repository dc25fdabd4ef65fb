"""What the record says happened or did not happen, as assertions over time intervals.

An assertion is positive ("they spoke on 8 February") or negative ("they did not speak in 2024
before March 3", "we have never met", "the first call since 2022" = no call between 2022 and
this one). It comes from an event record, or from a quote that implies earlier events (a
"tradition at the beginning of the year" implies a meeting at the beginning of last year).
Positive and negative assertions of one event key are then compared in ``eventcheck``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from onrecord.check.context import Context
from onrecord.check.dates import MONTH_NUMBERS, DateRange, parse_date, shift_years
from onrecord.check.lexicon import lexicon, phrase_pattern, words
from onrecord.check.text import has_cue
from onrecord.model import Event, Quote

_DATE_AFTER = re.compile(
    r"^\s*(?:the\s+)?(?:(?P<d1>\d{1,2})\s+(?P<m1>[A-Za-z]+)|(?P<m2>[A-Za-z]+)\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?|"
    r"(?P<m3>[A-Za-z]+))?(?:,?\s*(?P<y>(?:19|20)\d{2}))?"
)
FAR_PAST = date(1, 1, 1)


@dataclass(frozen=True, slots=True)
class Assertion:
    """That an event of a category between participants did (positive) or did not happen in [start, end]."""

    positive: bool
    category: str
    participants: frozenset[str]
    start: date
    end: date
    article_id: str
    span: tuple[int, int]
    source_id: str | None  # who asserts it (a quote's speaker), None for the narrator
    basis: str  # how the interval was read, for the explanation
    in_person: bool | None  # for a negative: does it deny only in-person meetings? for a positive: medium known
    medium: str | None = None
    event_ids: tuple[str, ...] = ()
    quote_ids: tuple[str, ...] = ()
    said_on: str | None = None
    implied: bool = False


def consult_like(event: Event) -> bool:
    """True for contact events, including negated meetings coded as REJECT by the events stage."""
    if event.category in words("consult_family"):
        return True
    trig = (event.trigger or "").lower()
    return event.category == "REJECT" and event.negated and bool(trig) and _trigger_kind(trig) is not None


def _trigger_kind(text: str) -> str | None:
    triggers: dict[str, list[str]] = lexicon()["consult_triggers"]
    low = text.lower()
    for kind in ("in_person", "any"):
        for w in triggers[kind]:
            if re.search(rf"\b{re.escape(w)}\b", low):
                return kind
    return None


def _containing_quote(ctx: Context, event: Event) -> Quote | None:
    """The quote whose reported words hold the event's trigger (or its span's start)."""
    at = event.span[0]
    if event.trigger:
        found = ctx.text(event.article_id).find(event.trigger, event.span[0], event.span[1])
        if found >= 0:
            at = found
    for q in ctx.quotes.values():
        if q.article_id == event.article_id and q.span[0] <= at < q.span[1]:
            return q
    return None


def _date_after_cue(
    ctx: Context, article_id: str, sent: tuple[int, int], cue_end: int, ref_year: int
) -> DateRange | None:
    """The date written right after a cue word ("before March 3"), from the timex records or the text."""
    for t in ctx.timexes.get(article_id, []):
        if sent[0] <= t.span[0] < sent[1] and 0 <= t.span[0] - cue_end <= 5:
            r = parse_date(t.value)
            if r is not None:
                return r
    text = ctx.text(article_id)[cue_end : sent[1]]
    m = _DATE_AFTER.match(text)
    if not m or not m.group(0).strip():
        return None
    month_word = (m.group("m1") or m.group("m2") or m.group("m3") or "").lower()
    month = MONTH_NUMBERS.get(month_word)
    day = m.group("d1") or m.group("d2")
    year = int(m.group("y")) if m.group("y") else ref_year
    if month and day:
        return parse_date(f"{year:04d}-{month:02d}-{int(day):02d}")
    if month:
        return parse_date(f"{year:04d}-{month:02d}")
    if m.group("y"):
        return parse_date(str(year))
    return None


def _statement_date(ctx: Context, event: Event, quote: Quote | None) -> DateRange | None:
    if quote and quote.said_on:
        return parse_date(quote.said_on)
    art = ctx.article(event.article_id)
    return parse_date(art.published if art else None)


def _actors_in_sentence(ctx: Context, event: Event, kind: str) -> list[str]:
    """Distinct actors of one kind the actors stage found in the event's sentence, in text order."""
    sent = ctx.sentence_bounds(event.article_id, event.span)
    out: list[str] = []
    for m in sorted(ctx.mentions_of(event.article_id), key=lambda m: m.span):
        if sent[0] <= m.span[0] < sent[1] and m.actor_id not in out and ctx.kind(m.actor_id) == kind:
            out.append(m.actor_id)
    return out


def _own_pair(ctx: Context, event: Event) -> frozenset[str]:
    """The event's actors, completed from its sentence when it names exactly two persons.

    With no actor at all and no two persons, a sentence naming exactly two countries ("the
    leaders of A and B greeted each other") gives the pair at country level, as PLOVER codes it.
    """
    own = frozenset(a for a in (event.actor1_id, event.actor2_id) if a)
    if len(own) >= 2:
        return own
    if event.actor2_text and not event.actor2_id and re.search(r"\b(?:un)?like\b", event.actor2_text, re.IGNORECASE):
        return own  # the counterpart is only compared to someone ("an opponent like X"): nobody the text names
    people = _actors_in_sentence(ctx, event, "person")
    if len(people) == 2 and own <= set(people):
        return frozenset(people)
    if not own and not people:
        countries = _actors_in_sentence(ctx, event, "country")
        if len(countries) == 2:
            return frozenset(countries)
    return own


def _participants(ctx: Context, event: Event, sentence: str) -> frozenset[str]:
    """The event's pair; a pair anaphor ("the two leaders") takes the pair of the last earlier contact."""
    own = _own_pair(ctx, event)
    if len(own) >= 2 or not has_cue("pair_anaphors", sentence):
        return own
    # "the two ministers" may come resolved as a group of ministers: that group is the pair itself
    own = frozenset(a for a in own if ctx.kind(a) != "group")
    earlier = []
    for e in ctx.events_of(event.article_id):
        if e.span[0] >= event.span[0] or not consult_like(e) or e.negated:
            continue
        pair = _own_pair(ctx, e)
        if len(pair) == 2 and (not own or own <= pair):
            earlier.append((e.span[0], pair))
    if not earlier:
        return own
    return max(earlier, key=lambda x: x[0])[1]


def event_when(ctx: Context, event: Event) -> tuple[DateRange | None, bool]:
    """The event's date, else a date written in its sentence, else the week before publication (inferred)."""
    r = parse_date(event.date)
    if r is not None:
        return r, False
    sent = ctx.sentence_bounds(event.article_id, event.span)
    dated = [
        t
        for t in ctx.timexes.get(event.article_id, [])
        if sent[0] <= t.span[0] < sent[1] and t.timex_type == "DATE" and parse_date(t.value) is not None
    ]
    if len(dated) == 1:
        return parse_date(dated[0].value), False
    art = ctx.article(event.article_id)
    pub = parse_date(art.published if art else None)
    if pub is None or pub.start != pub.end:
        return None, True
    return DateRange(pub.start - timedelta(days=6), pub.end, pub.text), True


def _source(ctx: Context, event: Event, quote: Quote | None, sent: tuple[int, int]) -> str | None:
    if quote is not None:
        return quote.speaker_id or (f"text:{quote.speaker_text}" if quote.speaker_text else None)
    text = ctx.text(event.article_id)[sent[0] : sent[1]]
    m = re.search(r"\baccording to\b", text, re.IGNORECASE)
    if m:
        at = sent[0] + m.end()
        for mention in ctx.mentions.get(event.article_id, []):
            if at <= mention.span[0] <= at + 40:
                return mention.actor_id
        words_after = text[m.end() : m.end() + 40].strip().split(",")[0]
        return f"text:{words_after.lower()}"
    return None


def from_event(ctx: Context, event: Event) -> Assertion | None:
    """The assertion an event record makes, or None when its time or actors are unknown."""
    if not consult_like(event):
        return None
    text = ctx.text(event.article_id)
    sent = ctx.sentence_bounds(event.article_id, event.span)
    sentence = text[sent[0] : sent[1]]
    if has_cue("hedge_cues", sentence):
        return None
    quote = _containing_quote(ctx, event)
    said = _statement_date(ctx, event, quote)
    participants = _participants(ctx, event, sentence)
    if len(participants) < 2:
        return None
    trig_text = event.trigger or text[event.span[0] : event.span[1]]
    source = _source(ctx, event, quote, sent)
    base = Assertion(
        positive=True,
        category="CONSULT",
        participants=participants,
        start=FAR_PAST,
        end=FAR_PAST,
        article_id=event.article_id,
        span=event.span,
        source_id=source,
        basis="",
        in_person=None,
        event_ids=(event.id,),
        quote_ids=(quote.id,) if quote else (),
        said_on=said.text if said else None,
    )
    if not event.negated:
        r, guessed = event_when(ctx, event)
        if r is None or (said is not None and r.start > said.end):
            return None  # unknown time, or a future meeting
        basis = f"dated {r.text}" if not guessed else f"undated: the week before publication ({r.text})"
        medium = event.medium
        if medium is None:
            # "met X in Prague": a meeting (the events stage marks a virtual one); "spoke with", "talked
            # to": a contact that need not have been a meeting
            medium = {"in_person": "in_person", "any": "contact"}.get(_trigger_kind(trig_text) or "")
        return replace(base, start=r.start, end=r.end, basis=basis, medium=medium, implied=guessed)
    if said is None:
        return None
    in_person = _trigger_kind(trig_text) == "in_person"
    near_trigger = text[max(sent[0], event.span[0] - 40) : event.span[1]]
    if re.search(rf"\bnever\b(?:\s+\w+){{0,2}}\s+{re.escape(trig_text.split()[-1])}", near_trigger, re.IGNORECASE):
        return replace(base, positive=False, end=said.end, basis=f"'never', up to {said.text}", in_person=in_person)
    dated, guessed = event_when(ctx, event)
    local = text[event.span[0] : sent[1]]
    m = phrase_pattern("before_cues").search(local)
    ref_year = dated.start.year if dated is not None else said.start.year
    cut = _date_after_cue(ctx, event.article_id, sent, event.span[0] + m.end(), ref_year) if m else None
    if cut is not None:
        # "did not meet in 2023 before March 3": from the enclosing year (or period) to the day before
        outer = [r for r in _sentence_dates(ctx, event, sent) if r.start <= cut.start and r.end >= cut.end and r != cut]
        if outer:
            start = min(r.start for r in outer)
        elif dated is not None and not guessed and dated != cut and dated.start <= cut.start:
            start = dated.start
        else:
            start = date(cut.start.year, 1, 1)
        end = cut.start - timedelta(days=1)
        basis = f"from {start.isoformat()}, before {cut.text}"
    elif (since := _since_in(ctx, event, text, sent, ref_year)) is not None:
        # "have not spoken since March 2022": none after that period, up to the statement
        upto = said
        if said.end <= since.end:  # a statement date read from the "since" phrase itself: use publication
            upto = _statement_date(ctx, event, None) or said
        start, end, basis = since.end + timedelta(days=1), upto.end, f"since {since.text}, up to {upto.text}"
        base = replace(base, said_on=upto.text)
    elif (days := _for_duration(text[sent[0] : sent[1]])) is not None:
        # "have not spoken for months": none in the (shortest) span the words allow, up to the statement
        start, end = said.end - timedelta(days=days), said.end
        basis = f"for at least {days} days up to {said.text}"
    elif dated is not None and not guessed:
        # "did not meet this year": up to the statement, not the rest of the year
        end = said.end if dated.start <= said.end < dated.end else dated.end
        start, basis = dated.start, f"within {dated.text}"
    else:
        return None
    if end < start:
        return None
    return replace(base, positive=False, start=start, end=end, basis=basis, in_person=in_person)


_FOR = re.compile(
    r"\b(?:for|in)\s+(?:(?P<n>a|one|two|three|four|five|six|several|many|\d+)\s+)?(?:more than\s+)?"
    r"(?P<unit>days|weeks|months|years|day|week|month|year)\b",
    re.IGNORECASE,
)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "several": 2, "many": 2}


def _for_duration(sentence: str) -> int | None:
    """The shortest span in days a negated contact covers: "for months" -> 60, "in two years" -> 730."""
    m = _FOR.search(sentence)
    if m is None:
        return None
    unit = m.group("unit").lower().rstrip("s")
    n = m.group("n")
    if n is None:
        if not m.group("unit").lower().endswith("s"):
            return None  # "for a day" needs its article; a bare "in year" is not a span
        count = 2  # "for months": at least two
    else:
        count = int(n) if n.isdigit() else _COUNT[n.lower()]
    return count * _UNIT_DAYS[unit]


def _since_in(ctx: Context, event: Event, text: str, sent: tuple[int, int], ref_year: int) -> DateRange | None:
    local = text[event.span[0] : sent[1]]
    m = re.search(r"\bsince\b", local)
    if not m:
        return None
    return _date_after_cue(ctx, event.article_id, sent, event.span[0] + m.end(), ref_year)


def _sentence_dates(ctx: Context, event: Event, sent: tuple[int, int]) -> list[DateRange]:
    """The dates the timex stage found in the event's sentence."""
    out = []
    for t in ctx.timexes.get(event.article_id, []):
        if sent[0] <= t.span[0] < sent[1] and t.timex_type == "DATE":
            r = parse_date(t.value)
            if r is not None:
                out.append(r)
    if not out:
        for y in re.findall(r"\b(?:19|20)\d{2}\b", ctx.text(event.article_id)[sent[0] : sent[1]]):
            r = parse_date(y)
            if r is not None:
                out.append(r)
    return out


def _period(text: str) -> tuple[int, int] | None:
    cues: dict[str, list[int]] = lexicon()["period_cues"]
    low = text.lower()
    for phrase in sorted(cues, key=len, reverse=True):
        if phrase in low:
            a, b = cues[phrase]
            return a, b
    return None


def from_recurrence(ctx: Context, quote: Quote) -> Assertion | None:
    """A quote calling an event a tradition implies the same event a year earlier, in the same part of the year."""
    if not has_cue("recurrence_cues", quote.text):
        return None
    sent = ctx.sentence_bounds(quote.article_id, quote.span)
    candidates = [
        (e, _own_pair(ctx, e))
        for e in ctx.events_of(quote.article_id)
        if consult_like(e) and not e.negated and e.span[0] < min(sent[1], quote.span[1])
    ]
    candidates = [(e, pair) for e, pair in candidates if len(pair) == 2]
    if not candidates:
        return None
    in_sentence = [c for c in candidates if c[0].span[0] >= sent[0]]
    referent, pair = (
        min(in_sentence, key=lambda c: c[0].span[0]) if in_sentence else max(candidates, key=lambda c: c[0].span[0])
    )
    ref = event_when(ctx, referent)[0] or parse_date(quote.said_on)
    if ref is None:
        return None
    months = _period(quote.text)
    prev = shift_years(ref, -1)
    if months is not None:
        y = prev.start.year
        a, b = months
        start = date(y, a, 1)
        end_r = parse_date(f"{y:04d}-{b:02d}")
        if end_r is None:
            return None
        end = end_r.end
        basis = f"a tradition in months {a}-{b} implies the same event in {start.isoformat()}..{end.isoformat()}"
    else:
        start, end = date(prev.start.year, 1, 1), date(prev.start.year, 12, 31)
        basis = f"a recurring event implies one in {prev.start.year}"
    return Assertion(
        True,
        category="CONSULT",
        participants=pair,
        start=start,
        end=end,
        article_id=quote.article_id,
        span=quote.span,
        source_id=quote.speaker_id or (f"text:{quote.speaker_text}" if quote.speaker_text else None),
        basis=basis,
        in_person=None,
        medium=referent.medium,
        event_ids=(referent.id,),
        quote_ids=(quote.id,),
        said_on=quote.said_on,
        implied=True,
    )


_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:that|when|after|before|because|while|as|if|since|who|which)\b", re.IGNORECASE)


def _trigger_offset(text: str, event: Event) -> int:
    """Where the event's trigger word stands in the text (its span's start when not found in it)."""
    word = (event.trigger or "").split()[-1:] or [""]
    at = text.find(word[0], event.span[0], event.span[1]) if word[0] else -1
    return at if at >= 0 else event.span[0]


def _one_clause(sentence: str, start: int, end: int, trigger_at: int) -> bool:
    """No comma or clause word stands between a phrase at [start, end) and the trigger."""
    between = sentence[end:trigger_at] if trigger_at >= end else sentence[trigger_at:start]
    return _CLAUSE_BREAK.search(between) is None


def from_first_since(ctx: Context, event: Event) -> Assertion | None:
    """ "The first call since 2022": no event of that kind between the participants since then, until this one."""
    if event.negated or not consult_like(event):
        return None
    text = ctx.text(event.article_id)
    sent = ctx.sentence_bounds(event.article_id, event.span)
    sentence = text[sent[0] : sent[1]]
    nouns = "|".join(re.escape(n) for n in words("first_since_nouns"))
    m = re.search(rf"\bfirst\b(?:\s+\w+){{0,3}}?\s+(?:{nouns})\b[^.;]*?\bsince\b", sentence, re.IGNORECASE)
    ever = re.search(
        rf"\bfor the first time\b|\bfirst[- ]ever\b(?:\s+\w+){{0,2}}?\s+(?:{nouns})\b|\bnever (?:before|previously)\b",
        sentence,
        re.IGNORECASE,
    )
    span_m = re.search(rf"\bfirst\b(?:\s+\w+){{0,3}}?\s+(?:{nouns})\b\s+(in\s+[^.;,]+)", sentence, re.IGNORECASE)
    trigger_at = _trigger_offset(text, event) - sent[0]
    if ever is not None and not _one_clause(sentence, ever.start(), ever.end(), trigger_at):
        ever = None  # "she said for the first time that he called": the first is the saying, not the call
    days = _for_duration(span_m.group(1)) if span_m and not m else None
    if not m and not ever and days is None:
        return None
    here, _ = event_when(ctx, event)
    if here is None:
        return None
    if days is not None and span_m is not None:
        # "their first meeting in two years": none in the shortest span the words allow before this one
        start = here.start - timedelta(days=days)
        basis = f"'{span_m.group(0)}': none in the {days} days before {here.text}"
        cue = span_m.group(0)
    elif m:
        since = _date_after_cue(ctx, event.article_id, sent, sent[0] + m.end(), here.start.year)
        if since is None or since.end >= here.start:
            return None
        start, basis = (
            since.end + timedelta(days=1),
            f"'first … since {since.text}': none between {since.text} and {here.text}",
        )
        cue = m.group(0)
    else:
        if ever is None:
            return None
        start, basis = FAR_PAST, f"'{ever.group(0)}': none before {here.text}"
        cue = ever.group(0) + " " + (event.trigger or "")
    participants = _participants(ctx, event, sentence)
    if len(participants) < 2:
        return None
    quote = _containing_quote(ctx, event)
    return Assertion(
        False,
        category="CONSULT",
        participants=participants,
        start=start,
        end=here.start - timedelta(days=1),
        article_id=event.article_id,
        span=event.span,
        source_id=quote.speaker_id if quote else None,
        basis=basis,
        in_person=_trigger_kind(cue) == "in_person",
        event_ids=(event.id,),
        quote_ids=(quote.id,) if quote else (),
        said_on=here.text,
    )
