"""Quote verification: every quote must be in its source, or the build fails.

The search is exact and indexed: each source is normalized once (`SearchText`) and every
quote segment is found with `str.find`. Only when a quote is missing do we go fuzzy, to
show the contributor the closest real passage.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from .model import Quote, QuoteMatch
from .normalize import segments
from .sources import SearchText

MAX_SHOWN = 160  # characters of a quote or passage shown in a message


@dataclass
class Failure:
    message: str
    hint: str


def _find_in_paragraph(search: SearchText, parts: list[str]) -> tuple[int, list] | None:
    """(paragraph index, [(start, end) per part]) in `joined`, all parts in order in one paragraph."""
    text, first = search.joined, parts[0]
    pos = text.find(first)
    while pos >= 0:
        index = search.paragraph_at(pos)
        limit, spans = search.paragraph_end(index), [(pos, pos + len(first))]
        for part in parts[1:]:
            found = text.find(part, spans[-1][1], limit)
            if found < 0:
                break
            spans.append((found, found + len(part)))
        if len(spans) == len(parts) and spans[-1][1] <= limit:
            return index, spans
        pos = text.find(first, pos + 1)
    return None


def locate(quote: Quote, search: SearchText) -> QuoteMatch | None:
    parts = segments(quote.text)
    if not parts:
        return None
    found = _find_in_paragraph(search, parts)
    if found is None:
        return None
    index, norm_spans = found
    spans = [search.original_span(index, start, end) for start, end in norm_spans]
    paragraph = search.source.paragraphs[index]
    exact = " \u2026 ".join(paragraph.text[start:end] for start, end in spans)
    return QuoteMatch(paragraph.number, spans, exact)


def _clip(text: str) -> str:
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


def closest_passage(quote_text: str, search: SearchText) -> tuple[int, str]:
    """(paragraph number, passage) of the source most like the quote; the error path only."""
    wanted = " ".join(segments(quote_text))
    best = (-1, 0, "")
    for index, para in enumerate(search.source.paragraphs):
        norm = search.joined[search.starts[index] : search.paragraph_end(index)]
        matcher = difflib.SequenceMatcher(None, wanted, norm, autojunk=False)
        blocks = [b for b in matcher.get_matching_blocks() if b.size >= 3]
        score = sum(b.size for b in blocks)
        if blocks and score > best[0]:
            lo = max(0, blocks[0].b - blocks[0].a)
            hi = min(len(norm), blocks[-1].b + blocks[-1].size + (len(wanted) - blocks[-1].a - blocks[-1].size))
            lo = norm.rfind(" ", 0, lo) + 1 if lo > 0 else 0
            space = norm.find(" ", hi)
            hi = len(norm) if space < 0 else space
            best = (score, para.number, norm[lo:hi])
    return best[1], best[2]


def explain(quote: Quote, search: SearchText, others: dict[str, SearchText]) -> Failure:
    """Why a quote was not found, with the nearest real passage."""
    shown = _clip(" ".join(quote.text.split()))
    parts = segments(quote.text)
    sid = search.source.id
    number, passage = closest_passage(quote.text, search)
    nearest = f"; the closest passage (paragraph {number}) reads: \"{_clip(passage)}\"" if number else ""
    if parts and _in_order(search.joined.replace("\n", " "), parts):
        return Failure(f"the quote \"{shown}\" runs across a paragraph break in source '{sid}'"
                       + nearest, "a quote must stay within one paragraph; split it into two quotes")
    for other_id, other in others.items():
        if parts and other_id != sid and _find_in_paragraph(other, parts):
            return Failure(f"the quote \"{shown}\" is not in source '{sid}'; it is in source "
                           f"'{other_id}'" + nearest, f"set 'source: {other_id}'")
    if not number:
        return Failure(f"the quote \"{shown}\" is not in source '{sid}', and no passage there "
                       "resembles it", "copy the words exactly from the source text")
    return Failure(f"the quote \"{shown}\" is not in source '{sid}'" + nearest,
                   "copy the words exactly as the source has them; mark left-out words with '...'")


def _in_order(text: str, parts: list[str]) -> bool:
    pos = 0
    for part in parts:
        pos = text.find(part, pos)
        if pos < 0:
            return False
        pos += len(part)
    return True
