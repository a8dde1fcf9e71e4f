"""Text normalization for quote matching, keeping a map back to the original offsets.

Quotes match their source after: Unicode NFKC; curly/straight quotes, apostrophes and
dashes made equal; whitespace collapsed. Matching stays case-sensitive.
"""
from __future__ import annotations

import re
import unicodedata

_SAME = str.maketrans({
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
})
_SPACE = re.compile(r"\s+")
# The whitespace runs that collapsing changes: a single plain space is already collapsed.
_SPACE_CHANGED = re.compile(r"\s{2,}|[^\S ]")
# translate() looks up every character of non-ASCII text in a dict; replacing only the
# few characters that change is 3x faster on quotes.
_CHANGES = re.compile("[" + re.escape("".join(map(chr, _SAME))) + "]")
ELLIPSIS = re.compile(r"\s*(?:\.\.\.|\u2026)\s*")


def _nfkc_charwise(text: str) -> tuple[str, list[int]]:
    out, where = [], []
    for i, char in enumerate(text):
        norm = unicodedata.normalize("NFKC", char)
        out.append(norm)
        where.extend([i] * len(norm))
    return "".join(out), where


def normalize(text: str) -> tuple[str, list[int]]:
    """(normalized text, for each of its characters the index in `text` it came from)."""
    if unicodedata.is_normalized("NFKC", text):
        where = list(range(len(text)))
    else:  # character by character, so every output char maps back to an input char
        text, where = _nfkc_charwise(text)
    text = _same(text)
    out, mapped, pos = [], [], 0
    for run in _SPACE_CHANGED.finditer(text):
        out.append(text[pos : run.start()])
        mapped.extend(where[pos : run.start()])
        out.append(" ")
        mapped.append(where[run.start()])
        pos = run.end()
    out.append(text[pos:])
    mapped.extend(where[pos:])
    return "".join(out), mapped


def normalize_text(text: str) -> str:
    """The normalized text alone: the same result as normalize(), without the offset map."""
    if not unicodedata.is_normalized("NFKC", text):
        text = _nfkc_charwise(text)[0]
    return _SPACE.sub(" ", _same(text))


def _same(text: str) -> str:
    """Curly and straight quotes, apostrophes and dashes made equal."""
    return _CHANGES.sub(_same_char, text)


def _same_char(match: re.Match) -> str:
    return _SAME[ord(match.group())]


def segments(quote: str) -> list[str]:
    """The quote's normalized pieces between elisions ('...' or '…')."""
    norm = normalize_text(quote.strip())
    if "..." not in norm:  # NFKC has made every '…' three dots; most quotes have none
        norm = norm.strip()
        return [norm] if norm else []
    return [part.strip() for part in ELLIPSIS.split(norm) if part.strip()]
