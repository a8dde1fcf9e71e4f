"""Provenance: every quotation a reader sees is found in its source, or the build fails.

`Provenance` holds the normalized source texts (`SearchText`) and answers three
questions for the index and the prose linker:

* where a quote entry (`quotes:`) or an inline quotation sits in the sources, and
  whether its elisions or its ends leave out a negating word (`quotations`);
* why one is missing: the closest real passage, found by shared words first (an index of
  each paragraph's words, built on the error path only), then compared with difflib on a
  few candidate paragraphs, so a corpus of bad quotes cannot make the check slow;
* where its passage is on the site: the source page, the paragraph anchor and a Text
  Fragment that highlights the whole span.
"""
from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass, field
from typing import Iterable
from urllib.parse import quote as percent

from .model import Quote, QuoteMatch, Source
from .normalize import segments
from .prose import Verdict, relative
from .quotations import Quoter, elision_problem, find
from .sources import SearchText

MAX_SHOWN = 160  # characters of a quote or passage shown in a message
MAX_EXPLAINED = 25  # failures per file that get a closest passage; the rest a short message
_WORD = re.compile(r"\w{3,}")


@dataclass
class Failure:
    message: str
    hint: str


def _same_text(old: Source, new: Source) -> bool:
    return old is new or (len(old.paragraphs) == len(new.paragraphs) and
                          all(a.text == b.text and a.number == b.number
                              for a, b in zip(old.paragraphs, new.paragraphs)))


def clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


def in_marks(passage: str) -> str:
    """A source's words in quotation marks for a message: curly ones when the words hold a
    straight one, so that the source's own marks are not read as the message's."""
    return f"\u201c{passage}\u201d" if '"' in passage else f'"{passage}"'


def label(source: Source, paragraph: int) -> str:
    return f"{source.short_name} ¶{paragraph}"


@dataclass
class Provenance:
    searches: dict[str, SearchText]
    explained: dict[str, int] = field(default_factory=dict)  # failures explained per file
    located: dict[tuple[str, str], QuoteMatch | None] = field(default_factory=dict)  # memo
    elided: dict[tuple[str, str], str | None] = field(default_factory=dict)  # memo, same keys
    _sorted: list[str] | None = None

    @classmethod
    def carried(cls, kept: "Provenance | None", sources: list[Source]) -> "Provenance":
        """This run's provenance. A source whose paragraphs are those of the kept run's
        keeps its search text, and what was located in it (its metadata may have changed:
        the search text then points at the new record)."""
        searches, same = {}, set()
        for source in sources:
            old = kept.searches.get(source.id) if kept is not None else None
            if old is not None and _same_text(old.source, source):
                old.source = source
                searches[source.id] = old
                same.add(source.id)
            else:
                searches[source.id] = SearchText.build(source)
        located = {k: v for k, v in kept.located.items() if k[0] in same} if kept is not None else {}
        elided = {k: v for k, v in kept.elided.items() if k[0] in same} if kept is not None else {}
        return cls(searches, located=located, elided=elided)

    def order(self, first: Iterable[str] = ()):
        """Source ids: `first` in its order, then every other source by id. A generator: a
        quotation is nearly always found in its first sources, and the rest is never built."""
        seen = set()
        for source_id in first:
            if source_id in self.searches and source_id not in seen:
                seen.add(source_id)
                yield source_id
        if self._sorted is None:
            self._sorted = sorted(self.searches)
        for source_id in self._sorted:
            if source_id not in seen:
                yield source_id

    # -- quote entries ----------------------------------------------------------------
    def locate(self, quote: Quote) -> QuoteMatch | None:
        key = (quote.source, quote.text)
        if key not in self.located:
            search = self.searches.get(quote.source)
            parts = segments(quote.text)
            self.located[key] = find(search, parts) if search is not None and parts else None
        return self.located[key]

    def explain(self, quote: Quote, path: str) -> Failure:
        """Why a quote entry was not found in its source, with the nearest real passage."""
        shown = clip(quote.text)
        search = self.searches[quote.source]
        parts = segments(quote.text)
        sid = search.source.id
        nearest = self._nearest(quote.text, [search], path)
        if self._across_paragraphs(quote.text, [sid]):
            return Failure(f"the quote \"{shown}\" runs across a paragraph break in source '{sid}'"
                           + nearest, "a quote must stay within one paragraph; split it into two quotes")
        for other_id, other in self.searches.items():
            if parts and other_id != sid and find(other, parts):
                return Failure(f"the quote \"{shown}\" is not in source '{sid}'; it is in source "
                               f"'{other_id}'", f"set 'source: {other_id}'")
        if not nearest:
            return Failure(f"the quote \"{shown}\" is not in source '{sid}', and no passage there "
                           "resembles it", "copy the words exactly from the source text")
        return Failure(f"the quote \"{shown}\" is not in source '{sid}'" + nearest,
                       "copy the words exactly as the source has them; mark left-out words with '...'")

    def quote_elision(self, quote: Quote) -> str | None:
        """`elision` of a located quote entry, kept with what was located."""
        key = (quote.source, quote.text)
        if key not in self.elided:
            self.elided[key] = self.elision(self.located[key])
        return self.elided[key]

    def elision(self, match: QuoteMatch) -> str | None:
        paragraph = self.searches[match.source].source.paragraphs[match.paragraph - 1]
        return elision_problem(paragraph.text, match)

    # -- inline quotations ------------------------------------------------------------
    def verify(self, words: str, cited: dict[str, set[int]], own: list[str], path: str,
               fields: bool = False) -> Verdict:
        """An inline quotation: the cited sources first, then the brief's own, then all."""
        match = Quoter(self.searches).locate(words, self.order([*cited, *own]), cited)
        shown = clip(words)
        if match is None:
            # The closest passage comes from where the contributor was looking.
            tier = [s for s in cited if s in self.searches] or \
                [s for s in own if s in self.searches] or sorted(self.searches)
            nearest = self._nearest(words, [self.searches[s] for s in tier], path)
            across = self._across_paragraphs(words, [*tier, *sorted(self.searches)])
            if across:
                return Verdict(message=f"the quotation \"{shown}\" runs across a paragraph break "
                               f"in source '{across}'" + nearest, hint="a quotation must stay "
                               "within one paragraph; quote each paragraph's words separately")
            hint = ("quote the source's exact words, or rephrase without quotation marks" if fields else
                    "quote the source's exact words, or mark words that are not a quotation as [[title:…]]")
            return Verdict(message=f"the quotation \"{shown}\" is not in any source" + nearest, hint=hint)
        problem = self.elision(match)
        if problem:
            return Verdict(match, problem, "")
        if cited and match.source not in cited:
            where = label(self.searches[match.source].source, match.paragraph)
            return Verdict(match, f"the quotation \"{shown}\" is in {where}, which this paragraph "
                           "does not cite", f"cite it: [[{match.source}#p{match.paragraph}]]",
                           "quotation-source-not-cited")
        return Verdict(match)

    def _across_paragraphs(self, words: str, order: list[str]) -> str | None:
        """The first source, in `order`, that has the words only across a paragraph break."""
        parts = segments(words)
        for sid in dict.fromkeys(order):
            if parts and _in_order(self.searches[sid].joined.replace("\n", " "), parts):
                return sid
        return None

    # -- the closest passage (the error path only) ------------------------------------
    def _nearest(self, text: str, searches: list[SearchText], path: str) -> str:
        count = self.explained.get(path, 0)
        self.explained[path] = count + 1
        if count >= MAX_EXPLAINED:
            return ""
        found = closest(text, searches)
        if found is None:
            return ""
        search, number, passage = found
        return f"; the closest passage ({label(search.source, number)}) reads: {in_marks(clip(passage))}"

    # -- links --------------------------------------------------------------------------
    def link(self, from_page: str, match: QuoteMatch) -> tuple[str, str]:
        """(href, title) of the passage: the paragraph, highlighted by a Text Fragment."""
        search = self.searches[match.source]
        page = search.source.page
        href = relative(from_page, page)
        href = (href[:-3] + ".html") if href else page.rsplit("/", 1)[-1][:-3] + ".html"
        paragraph = search.source.paragraphs[match.paragraph - 1].text
        href += f"#p{match.paragraph}" + text_fragment(paragraph, match)
        title = f"{label(search.source, match.paragraph)}: {context(paragraph, match)}"
        return html.escape(href, quote=True), html.escape(title, quote=True)


def context(paragraph: str, match: QuoteMatch, around: int = 60) -> str:
    """The quoted span with what its elisions left out, for readers to see on demand."""
    start, end = match.spans[0][0], match.spans[-1][1]
    lo = paragraph.rfind(" ", 0, max(0, start - around)) + 1 if start > around else 0
    hi = paragraph.find(" ", min(len(paragraph), end + around))
    hi = len(paragraph) if hi < 0 else hi
    return ("…" if lo else "") + paragraph[lo:hi].strip() + ("…" if hi < len(paragraph) else "")


_FRAGMENT_UNSAFE = str.maketrans({"-": "%2D", "&": "%26", ",": "%2C"})


def _fragment_part(text: str) -> str:
    """A Text Fragment part: percent-encoded, with '-', '&' and ',' escaped as the spec requires."""
    return percent(" ".join(text.split()), safe="").translate(_FRAGMENT_UNSAFE)


def text_fragment(paragraph: str, match: QuoteMatch, words: int = 4) -> str:
    """`:~:text=start[,end]` for the whole span, built from the source's own characters:
    short spans whole; long or elided ones by their first and last words. Never an ellipsis."""
    start, end = match.spans[0][0], match.spans[-1][1]
    span = paragraph[start:end]
    tokens = span.split()
    if len(match.spans) == 1 and len(tokens) <= 2 * words:
        return ":~:text=" + _fragment_part(span)
    first = paragraph[match.spans[0][0]:match.spans[0][1]].split()
    last = paragraph[match.spans[-1][0]:match.spans[-1][1]].split()
    head = " ".join(first[:words])
    tail = " ".join(last[-words:])
    if len(match.spans) == 1 or len(first) + len(last) <= words:
        head, tail = " ".join(tokens[:words]), " ".join(tokens[-words:])
    return ":~:text=" + _fragment_part(head) + "," + _fragment_part(tail)


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _paragraph_words(search: SearchText) -> list[set[str]]:
    cached = getattr(search, "_words", None)
    if cached is None:
        cached = [_words(search.joined[search.starts[i]:search.paragraph_end(i)])
                  for i in range(len(search.starts))]
        search._words = cached
    return cached


def closest(text: str, searches: list[SearchText], candidates: int = 3):
    """(search, paragraph number, passage) most like `text`, or None when no paragraph
    shares a word with it. Candidates by shared words, then difflib on those few."""
    wanted = " ".join(segments(text))[:600]
    words = _words(wanted)
    if not words:
        return None
    scored = []
    for search in searches:
        for index, present in enumerate(_paragraph_words(search)):
            shared = len(words & present)
            if shared:
                scored.append((-shared, search.source.id, index, search))
    scored.sort(key=lambda s: s[:3])
    best = None
    for _, _, index, search in scored[:candidates]:
        base = search.starts[index]
        norm = search.joined[base:search.paragraph_end(index)]
        score, lo, hi = _window(wanted, norm)
        if hi > lo and (best is None or score > best[0]):
            start, end = search.original_span(index, base + lo, base + hi)
            paragraph = search.source.paragraphs[index]
            best = (score, search, paragraph.number, paragraph.text[start:end])
    return None if best is None else best[1:]


def _window(wanted: str, norm: str) -> tuple[int, int, int]:
    """The stretch [lo, hi) of a paragraph that best matches `wanted`, and its score."""
    matcher = difflib.SequenceMatcher(None, wanted, norm, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= 3]
    if not blocks:
        return 0, 0, min(len(norm), MAX_SHOWN)
    score = sum(b.size for b in blocks)
    lo = max(0, blocks[0].b - blocks[0].a)
    hi = min(len(norm), blocks[-1].b + blocks[-1].size + (len(wanted) - blocks[-1].a - blocks[-1].size))
    lo = norm.rfind(" ", 0, lo) + 1 if lo > 0 else 0
    space = norm.find(" ", hi)
    hi = len(norm) if space < 0 else space
    return score, lo, hi


def _in_order(text: str, parts: list[str]) -> bool:
    pos = 0
    for part in parts:
        pos = text.find(part, pos)
        if pos < 0:
            return False
        pos += len(part)
    return True
