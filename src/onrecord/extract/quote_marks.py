"""Pair quotation marks in raw text: every typographic convention, unclosed and multi-paragraph quotes.

Works on characters, not tokens, so it does not depend on how the tokenizer or tagger read a mark.
Steps, per paragraph (a line of the text):

1. Find the marks: double-family marks (“ ” „ « » and straight ") always; single-family marks
   (‘ ’ ‚ ‹ › and straight ') only outside a double quote and never between two letters (don’t).
2. Decide each mark's direction: typographic marks carry it; a straight mark opens after a space or
   an opening bracket and closes before a space or punctuation.
3. Pair them left to right. An opener met while a quote is still open ends the open quote just
   before it (an unclosed quote: "“A ... “B,” he said." gives two quotes). A quote still open at
   the end of its paragraph runs to that end; it ``continues`` when the next paragraph opens a quote
   (the convention for a quote over several paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = frozenset("“„«‟")
DOUBLE_CLOSE = frozenset("”»")
SINGLE_OPEN = frozenset("‘‚‹")
SINGLE_CLOSE = frozenset("’›")
# two apostrophes or backticks stand for a double mark in some archives (''Like this,'' he said)
_MARK_RE = re.compile("''|``|[\"“”„«»‟'‘’‚‹›]")
_PARA_RE = re.compile(r"[^\n]+")
_OPEN_BEFORE = frozenset(" \t([{—–-/\u00a0") | DOUBLE_OPEN
_CLOSE_AFTER = frozenset(" \t.,;:!?)]}—–-…\u00a0") | DOUBLE_CLOSE


@dataclass(frozen=True, slots=True)
class MarkedQuote:
    """A stretch of text inside quotation marks; ``start``/``end`` include the marks that exist."""

    start: int
    end: int
    closed: bool  # a closing mark was found
    continues: bool = False  # runs to the paragraph end and the next paragraph opens a quote again
    single: bool = False  # delimited by single marks


def _direction(text: str, i: int, para_start: int, para_end: int) -> str:
    """'open', 'close' or '?' for the mark at ``i``."""
    ch = text[i]
    if ch in DOUBLE_OPEN or ch in SINGLE_OPEN or ch == "`":
        return "open"
    if ch in DOUBLE_CLOSE or ch in SINGLE_CLOSE:
        return "close"
    n = 2 if text.startswith("''", i) else 1
    before = text[i - 1] if i > para_start else " "
    after = text[i + n] if i + n < para_end else " "
    if before in _OPEN_BEFORE and after not in " \t":
        return "open"
    if after in _CLOSE_AFTER or after in "\"'":
        return "close"
    return "?"


def _is_apostrophe(text: str, i: int, para_start: int, para_end: int) -> bool:
    before = text[i - 1] if i > para_start else " "
    after = text[i + 1] if i + 1 < para_end else " "
    if before.isalnum() and after.isalnum():
        return True  # don’t, O’Brien
    # ’90s, ’em
    return text[i] in "’'" and before in " \t" and after.isdigit()


def _pair_family(
    text: str, marks: list[int], para_start: int, para_end: int, *, single: bool
) -> tuple[list[MarkedQuote], int | None]:
    """Pair one family of marks; returns the quotes and the start of a quote left open at the end."""
    out: list[MarkedQuote] = []
    open_at: int | None = None
    open_ch = ""
    for i in marks:
        ch = text[i]
        d = _direction(text, i, para_start, para_end)
        if d == "?":
            d = "close" if open_at is not None else "open"
        if open_at is not None and open_ch == "„" and ch == "“":
            d = "close"  # German low-high pair
        n = 2 if text.startswith(("''", "``"), i) else 1
        if (
            d == "open"
            and open_at is not None
            and ch in ("'", '"')
            and text[open_at] == ch
            and i > para_start
            and text[i - 1] not in " \t"
        ):
            d = "close"  # a straight mark glued to the word before it closes the open quote
        if d == "open":
            if open_at is not None:
                if single:
                    open_at = i  # a stray single opener: forget it
                    open_ch = ch
                    continue
                end = i
                while end > open_at + 1 and text[end - 1] in " \t":
                    end -= 1
                out.append(MarkedQuote(open_at, end, closed=False, single=single))
            open_at, open_ch = i, ch
        elif open_at is not None:
            out.append(MarkedQuote(open_at, i + n, closed=True, single=single))
            open_at = None
    return out, open_at


def find_marked_quotes(text: str) -> list[MarkedQuote]:
    """Every quoted stretch of ``text`` in order (outermost only: nested quotes stay inside)."""
    paras = [(m.start(), m.end()) for m in _PARA_RE.finditer(text)]
    result: list[MarkedQuote] = []
    for p, (ps, pe) in enumerate(paras):
        doubles: list[int] = []
        singles: list[int] = []
        for m in _MARK_RE.finditer(text, ps, pe):
            i = m.start()
            ch = text[i]
            if ch in '"“”„«»‟' or m.end() - i == 2:
                doubles.append(i)
            elif not _is_apostrophe(text, i, ps, pe):
                singles.append(i)
        quotes, open_at = _pair_family(text, doubles, ps, pe, single=False)
        if open_at is not None:
            end = pe
            while end > open_at + 1 and text[end - 1] in " \t\r":
                end -= 1
            nxt = text[paras[p + 1][0]] if p + 1 < len(paras) else ""
            quotes.append(MarkedQuote(open_at, end, closed=False, continues=nxt in DOUBLE_OPEN or nxt == '"'))
        if singles:
            outside = [i for i in singles if not any(q.start < i < q.end for q in quotes)]
            squotes, _ = _pair_family(text, outside, ps, pe, single=True)
            quotes.extend(q for q in squotes if q.end - q.start > 2)
            quotes.sort(key=lambda q: q.start)
        result.extend(quotes)
    return result
