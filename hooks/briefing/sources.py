"""Source texts: paragraphs, boilerplate and headings, and the normalized search text.

A paragraph is a non-empty line of the .txt that the metadata does not declare as
boilerplate or a heading. Paragraphs are numbered from 1 and anchored #p<N>.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from .model import Paragraph, Source
from .normalize import normalize


def word_at(text: str, word: str) -> int:
    """Where `word` first stands as a whole word in `text`, or -1."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return at
        at = text.find(word, at + 1)
    return -1



def split_paragraphs(text: str, boilerplate: set[int], headings: set[int]):
    """(paragraphs, headings by the number of the paragraph they precede)."""
    paragraphs: list[Paragraph] = []
    before: dict[int, str] = {}
    offset = 0  # code points from the start of the text to the line
    for number, line in enumerate(text.split("\n"), start=1):
        start, offset = offset, offset + len(line) + 1
        if not line.strip() or number in boilerplate:
            continue
        if number in headings:
            before[len(paragraphs) + 1] = line.strip()
            continue
        paragraphs.append(Paragraph(len(paragraphs) + 1, line, number, start))
    return paragraphs, before


@dataclass
class SearchText:
    """A source's paragraphs, normalized and joined by '\\n', searched with str.find."""

    source: Source
    joined: str = ""
    starts: list[int] = field(default_factory=list)  # offset of each paragraph in `joined`
    maps: list[list[int]] = field(default_factory=list)  # per paragraph: norm -> original offset
    # (names, paragraph index) -> named there: a speaker check, kept with the text it read
    # (the live preview carries a source's search text across runs while the text is the same)
    named: dict[tuple, bool] = field(default_factory=dict)

    @classmethod
    def build(cls, source: Source) -> "SearchText":
        parts, starts, maps, pos = [], [], [], 0
        for para in source.paragraphs:
            norm, mapped = normalize(para.text)
            starts.append(pos)
            parts.append(norm)
            maps.append(mapped)
            pos += len(norm) + 1
        return cls(source, "\n".join(parts), starts, maps)

    def paragraph_at(self, offset: int) -> int:
        """0-based index of the paragraph holding `offset` of `joined`."""
        return bisect_right(self.starts, offset) - 1

    def names_any(self, names: tuple[str, ...], index: int) -> bool:
        """Whether paragraph `index` names any of `names` (casefolded) as a whole word."""
        found = self.named.get((names, index))
        if found is None:
            paragraph = self.joined[self.starts[index]:self.paragraph_end(index)].casefold()
            found = self.named[names, index] = any(word_at(paragraph, name) >= 0 for name in names)
        return found

    def paragraph_end(self, index: int) -> int:
        return self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.joined)

    def original_span(self, index: int, start: int, end: int) -> tuple[int, int]:
        """Map a normalized [start, end) inside paragraph `index` to the original text."""
        mapped = self.maps[index]
        base = self.starts[index]
        first = mapped[start - base]
        return first, mapped[end - base - 1] + 1
