"""Inline quotations: words in quotation marks, wherever a reader sees brief text.

`scan` finds the spans in quotation marks in one linear pass: double quotation marks
(straight or curly) and single ones used as quotes (British style). A mark between two
letters (it's) is matched out in C by the regular expression and never looked at; a
closing-looking mark with no opener (the sources') is an apostrophe; a single opener that
is never closed ('tis) is one too. An unclosed double quotation mark is an error, since
nothing else uses one. Nested quotations are part of the outer one, which is what gets
verified.

`Quoter` verifies quoted words against the sources with the normalization of quote
blocks (`normalize`), in a search order: the sources cited beside the quotation first,
then the brief's other sources, then all. `elision_problem` refuses an ellipsis, or a
quotation boundary, that leaves out a negating or limiting word.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Iterable

from .model import QuoteMatch
from .normalize import segments
from .sources import SearchText

# A double quotation mark anywhere; a single one only when it is not between two word
# characters. `[^\W_]` is a letter or digit. The lookahead on the marks lets the engine
# skip plain text in C (an alternation alone is tried at every position); the lookbehind
# comes after the mark.
MARK = re.compile("(?=[\"'\u2018\u2019\u201c\u201d])"
                  "(?:[\"\u201c\u201d]|['\u2018\u2019](?:(?<![^\\W_]['\u2018\u2019])|(?![^\\W_])))")
DOUBLE = "\"\u201c\u201d"
OPENERS = "\u201c\u2018"
CLOSERS = "\u201d\u2019"


@dataclass(frozen=True)
class Span:
    """A quotation: the offsets of its marks in the scanned text."""

    start: int  # the opening mark
    end: int  # just after the closing mark

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1


@dataclass
class Scan:
    spans: list[Span]  # outermost quotations, in order
    unclosed: list[int]  # offsets of double quotation marks that never close


def _space(char: str) -> bool:
    return not char or char.isspace()


def _word(char: str) -> bool:
    return bool(char) and char.isalnum()


def scan(text: str) -> Scan:
    """The quotations in `text`; linear in its length (one regex pass, a small stack)."""
    state = _State()
    for match in MARK.finditer(text):
        i = match.start()
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if text[i] in DOUBLE:
            state.double(text[i], i, before, after)
        else:
            state.single(text[i], i, before, after)
    # Both lists are already in order, so sorting their concatenation merges two runs.
    unclosed = sorted(state.unclosed + [state.stack[n][1] for n in state.doubles])
    return Scan(state.outermost, unclosed)


class _State:
    """The open marks, and the double ones among them indexed apart: finding the innermost
    open double mark must not walk past single openers that never close ('a 'b 'c …),
    or every double mark after them would cost their number."""

    def __init__(self):
        self.stack: list[tuple[bool, int]] = []  # (is_double, offset) of open marks
        self.doubles: list[int] = []  # where in `stack` the open double marks are
        self.outermost: list[Span] = []  # in order; a span that encloses others replaces them
        self.unclosed: list[int] = []  # stray double marks, in order

    def double(self, char: str, i: int, before: str, after: str) -> None:
        can_close = char != "\u201c" and not _space(before)
        can_open = char != "\u201d" and not _space(after)
        if self.doubles and (can_close or not can_open):
            open_at = self.doubles.pop()
            start = self.stack[open_at][1]
            del self.stack[open_at:]  # single openers inside it were apostrophes
            self._add(Span(start, i + 1))
        elif can_open:
            self.doubles.append(len(self.stack))
            self.stack.append((True, i))
        else:
            self.unclosed.append(i)  # a stray mark: neither opens nor closes

    def single(self, char: str, i: int, before: str, after: str) -> None:
        can_close = char != "\u2018" and not _space(before) and not _word(after)
        can_open = char != "\u2019" and not _word(before) and not _space(after)
        if can_close and self.stack and not self.stack[-1][0]:
            start = self.stack.pop()[1]
            if i - start > 2:  # 'n' in rock 'n' roll is two apostrophes, not a quotation
                self._add(Span(start, i + 1))
        elif can_open:
            self.stack.append((False, i))
        # otherwise an apostrophe

    def _add(self, span: Span) -> None:
        """Spans close in order of their ends and nest like the stack, so the ones that
        start inside the new span are the last ones kept: each is dropped once."""
        while self.outermost and self.outermost[-1].start > span.start:
            self.outermost.pop()
        self.outermost.append(span)


def quoted_words(text: str) -> str:
    """What a quotation claims the source says: the inner text, without Markdown emphasis."""
    return EMPHASIS.sub("", text).strip()


EMPHASIS = re.compile(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)")
TRAILING = ".,;:!?"


# -- verification ---------------------------------------------------------------------

class Quoter:
    """Finds quoted words in the sources: exact after normalization, case-insensitive in
    the first letter only."""

    def __init__(self, searches: dict[str, SearchText]):
        self.searches = searches

    def locate(self, text: str, order: Iterable[str],
               prefer: dict[str, set[int]] | None = None) -> QuoteMatch | None:
        """The first source in `order` that has the words, preferring its paragraphs in
        `prefer` (the ones cited beside the quotation)."""
        attempts = _attempts(text)
        order = list(order) if len(attempts) > 1 else order  # walked once per attempt
        for attempt in attempts:
            for source_id in order:
                search = self.searches.get(source_id)
                if search is None:
                    continue
                found = find(search, attempt, (prefer or {}).get(source_id, ()))
                if found is not None:
                    return found
        return None


def _attempts(text: str) -> list[list[str]]:
    """The normalized parts of the quoted words, then, if it ends in punctuation the source
    may not have at that spot (American style puts it inside the marks), without it."""
    parts = segments(text)
    if not parts:
        return []
    attempts = [parts]
    stripped = parts[-1].rstrip(TRAILING).rstrip()
    if stripped != parts[-1] and stripped:
        attempts.append(parts[:-1] + [stripped])
    return attempts


def _first_letter_variants(part: str) -> list[str]:
    first = part[:1]
    if first.lower() == first.upper():
        return [part]
    return [part, (first.lower() if first.isupper() else first.upper()) + part[1:]]


def find(search: SearchText, parts: list[str], prefer: Iterable[int] = ()) -> QuoteMatch | None:
    """Every part, in order, within one paragraph of `search`; None when not found."""
    found = None
    for paragraph in sorted(prefer):
        index = paragraph - 1
        if 0 <= index < len(search.starts):
            found = _in_range(search, parts, search.starts[index], search.paragraph_end(index))
            if found:
                break
    if found is None:
        found = _in_range(search, parts, 0, len(search.joined))
    if found is None:
        return None
    index, norm_spans = found
    spans = [search.original_span(index, start, end) for start, end in norm_spans]
    paragraph = search.source.paragraphs[index]
    exact = " \u2026 ".join(paragraph.text[start:end] for start, end in spans)
    return QuoteMatch(paragraph.number, spans, exact, search.source.id)


def _spans_from(text: str, parts: list[str], first: str, pos: int, limit: int):
    spans = [(pos, pos + len(first))]
    for part in parts[1:]:
        at = text.find(part, spans[-1][1], limit)
        if at < 0:
            return None
        spans.append((at, at + len(part)))
    return spans


def _in_range(search: SearchText, parts: list[str], lo: int, hi: int):
    """The first paragraph in [lo, hi) that holds every part in order, and there the
    tightest match: an elided quote is the shortest passage that has its parts, so that the
    ellipsis never spans more than it needs to."""
    text = search.joined
    for first in _first_letter_variants(parts[0]):
        pos = text.find(first, lo, hi)
        while pos >= 0:
            index = search.paragraph_at(pos)
            limit = search.paragraph_end(index)
            spans = _spans_from(text, parts, first, pos, limit)
            if spans is not None:
                if len(parts) > 1:
                    spans = _tightest(text, parts, first, pos, limit, spans)
                return index, spans
            # Each part is matched as early as it can be, so a later start in this paragraph
            # cannot get further: trying them all would cost starts × parts.
            pos = text.find(first, limit, hi)
    return None


TIGHTEST_SEARCHES = 256  # searches for a tighter match that any elided quotation may use


def _tightest(text: str, parts: list[str], first: str, pos: int, limit: int, best):
    """The shortest match among the later starts, within a number of searches linear in
    the quotation's length: a quote of many tiny parts ("a ... a ... a") in a paragraph full
    of them would otherwise cost starts × parts. Past the budget the shortest match so far
    stands: every part is in it, in order and verbatim; only a degenerate quotation gets
    there, and its ellipses still go through `elision_problem`."""
    budget = TIGHTEST_SEARCHES + 4 * sum(map(len, parts))
    pos = text.find(first, pos + 1, limit)
    while pos >= 0 and budget > 0:
        budget -= len(parts)
        spans = _spans_from(text, parts, first, pos, limit)
        if spans is None:
            break  # no later start has every part either
        if spans[-1][1] - spans[0][0] < best[-1][1] - best[0][0]:
            best = spans
        pos = text.find(first, pos + 1, limit)
    return best


# -- elisions and boundaries that would change the meaning -----------------------------

_NEGATING = ("not|no|never|nor|neither|none|nothing|nobody|nowhere|without|cannot|hardly|"
             "barely|scarcely|only|except|unless")
# Finds one in a text. The contraction (-n't) is found by its ending, so every alternative
# starts with a letter; the lookahead on those letters lets the engine skip to them in C
# (twice as fast on a source's paragraphs as trying each alternative at every position).
_FIRST_LETTERS = "".join(sorted({word[0] for word in _NEGATING.split("|")} | {"n"}))
NEGATORS = re.compile(rf"(?=[{_FIRST_LETTERS}])(?:\b(?:{_NEGATING})\b|(?<=[^\W\d_])n['\u2019]t\b)",
                      re.I)
# Tells whether one word is one.
NEGATING_WORD = re.compile(rf"(?:{_NEGATING}|[^\W\d_]+n['\u2019]t)", re.I)
_WORD = re.compile(r"[^\W_][\w'\u2019-]*")
_LAST_WORD = re.compile(r"(\S+)(\s+)$")
_NEXT_WORD = re.compile(r"(\s+)(\S+)")
_SPACES = re.compile(r"\s+")


def _word_before(text: str, at: int) -> int:
    """Where the word just before `at` starts (at itself when there is none)."""
    words = list(_WORD.finditer(text, max(0, at - 60), at))
    return words[-1].start() if words else at


def _word_after(text: str, at: int) -> int:
    """Where the word just after `at` ends (at itself when there is none)."""
    word = _WORD.search(text, at, at + 60)
    return word.end() if word else at


def _clip(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


@functools.lru_cache(maxsize=1 << 13)
def _negators(paragraph_text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Where the negating and limiting words of a paragraph are: (their starts, their
    spans), found once per paragraph (a source's paragraph is quoted by many briefs)."""
    spans = [m.span() for m in NEGATORS.finditer(paragraph_text)]
    return [start for start, _ in spans], spans


def _negator_in(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The first negating word wholly within text[start:end], or None."""
    starts, spans = _negators(text)
    i = bisect_left(starts, start)
    while i < len(spans) and spans[i][0] < end:
        if spans[i][1] <= end:
            return spans[i]
        i += 1
    return None


def elision_problem(paragraph_text: str, match: QuoteMatch) -> str | None:
    """Why the quote's elisions or boundaries leave out a negating or limiting word, or
    None. Checks every gap between parts, and the word right beside each end (with only
    spaces between, so that the word belongs to the quoted clause)."""
    spans = match.spans
    text = paragraph_text
    for (_, gap_start), (next_start, _) in zip(spans, spans[1:]):
        neg = _negator_in(text, gap_start, next_start)
        if neg:
            word_start, neg_end = neg
            if text[word_start + 1:word_start + 2] in ("'", "\u2019"):  # a contraction's ending: -n't
                word_start = max(gap_start, _word_before(text, neg_end))
            word = text[word_start:neg_end]
            lead = text[gap_start:word_start].rstrip()  # what the ellipsis dropped before the word
            phrase = (lead[-1] + " " if lead and lead[-1] in "\u2013\u2014-,;:" else "") + word
            context = _clip(text[_word_before(text, word_start):_word_after(text, next_start)])
            return (f"the ellipsis leaves out \"{phrase}\" (source: \"…{context}…\"); quote the "
                    "whole passage, or end the quote before it")
    start, end = spans[0][0], spans[-1][1]
    if not _negator_in(text, max(0, start - 40), start) and not _negator_in(text, end, end + 40):
        return None  # the common case: no negating word near either end
    lead_word = _LAST_WORD.search(text, max(0, start - 40), start)
    if lead_word and NEGATING_WORD.fullmatch(lead_word.group(1)):
        word = lead_word.group(1)
        context = _clip(text[start - len(lead_word.group()):_word_after(text, start)])
        return (f"the quotation starts right after \"{word}\", which it leaves out (source: "
                f"\"…{context}…\"); start the quote at \"{word}\", or quote another passage")
    tail = _NEXT_WORD.match(text, end, end + 40)
    if tail and NEGATING_WORD.fullmatch(tail.group(2).rstrip(".,;:!?")):
        word = tail.group(2).rstrip(".,;:!?")
        context = _clip(text[_word_before(text, end):end + len(tail.group(1)) + len(word)])
        return (f"the quotation ends right before \"{word}\", which it leaves out (source: "
                f"\"…{context}…\"); quote the whole passage, or end it earlier")
    return None
