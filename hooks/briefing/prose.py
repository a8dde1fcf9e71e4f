"""Markdown prose: wikilinks, auto-linked mentions, verified quotations and the rules for
untrusted prose, in one pass over the page's blocks.

The prose is split into blocks (paragraphs, list items, headings, tables, code, placed
quotes, admonition openers), and code is found, as Python-Markdown and superfences find
them: what Markdown renders as text is prose here. Code (fenced or indented), headings and
links are protected: mentions are never linked there and the visible text never changes.
In each prose block, words in quotation marks are verified against the sources
(`quotations`) and, when found, link to their passage; a block that cites no source
paragraph and quotes nothing is reported (a rule). Text the linker writes (a name, a
source's label) is never read as the brief's quotation.

For briefs (untrusted), raw HTML, non-wikilink links (reference definitions too), images,
block quotes and indented code are errors, even in code and in an admonition's title, and
`<` and `{` are neutralised in plain text, so no HTML or attribute list can get through.
"""
from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Collection, Protocol

from .autolink import MentionMatcher
from .formats import PLACEHOLDER_BODY
from .model import QuoteMatch
from .problems import did_you_mean
from .quotations import EMPHASIS, MARK, Span, quoted_words, scan
from .syntax import FENCE_START, HTML_RE

FENCE_PREFIX = re.compile(r"[ \t>]*")  # what pymdownx.superfences reads as a fence's indentation
_HTML_START = r"<!--|</?[A-Za-z][A-Za-z0-9-]*(?=[\s/>])"  # a comment or a tag's name
HTML_ANYWHERE = re.compile(_HTML_START)
# A heading as Python-Markdown reads one: no space before, none needed after, and no
# backslash left to escape the line's end.
HEADING = re.compile(r"^#(?:\\.|[^\\])*$")
SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
LIST_ITEM = re.compile(r"^(\s*)([-*+]|\d{1,9}[.)])(\s+|$)")
# A reference definition ('[r]: url'), at a line's start once its list markers and
# indentation are read: Python-Markdown takes it before any inline rule (even inside what
# looks like a code span), and a bare [r] anywhere then links to it. '[^1]:' is a footnote.
REF_DEF = re.compile(r"^(?:[ \t>]|(?:[-*+]|\d{1,9}[.)])[ \t])*(?P<ref>\[(?!\^)[^\[\]]*\]:)[ \t]*(?P<url>\S*)")
# In code, what would be raw HTML (as we or Python-Markdown see it) if Markdown read the
# code as prose: refused in brief code too.
CODE_HTML = re.compile(f"{_HTML_START}|{HTML_RE}")
# The first line of an admonition (!!!) or a collapsible block (??? or ???+), read as the
# admonition and pymdownx.details extensions read it. Markdown renders the title between
# the quotation marks, HTML and all, so the title is prose; the rest is only class words.
OPENER = re.compile(r'^ {0,3}(?P<mark>!!!|\?\?\?\+?) ?(?P<classes>[\w-]+(?: +[\w-]+)*)?'
                    r'(?: +"(?P<title>.*)")? *$')
TABLE_ROW = re.compile(r"^ {0,3}\|")
# A table's rule or a thematic break, and nothing else: a line with text after the dashes
# is a paragraph to Markdown ("---<b>"), so it is prose here too.
TABLE_RULE = re.compile(r"^ {0,3}\|?[ \t]*:?-{3,}[-:| \t]*$")
BLOCK_QUOTE = re.compile(r"^ {0,3}>")
PLACED = re.compile(r"^\s*\[\[quote:([^\[\]]*)\]\]\s*$")
# The tokens other than code, which `_tokens` finds first. The leading lookahead names every
# token's first character, so the regex engine skips plain text in C. A wikilink's target
# cannot hold '|' or ']', so a greedy match ends where a lazy one would, without trying
# the rest of the pattern after every character (40% of the time spent tokenizing).
INLINE = re.compile(r"""(?=[\[!<])(?:
   (?P<wiki>\[\[(?P<target>[^\[\]|\n]+)(?:\|(?P<label>[^\[\]\n]*))?\]\])
  |(?P<link>!?\[(?:[^\[\]]|\[[^\[\]]*\])*\](?:\((?P<url>(?:[^()]|\([^()]*\))*)\)|\[[^\]]*\]))
  |(?P<autolink><[a-zA-Z][\w+.-]*:[^>\s]*>)
  |(?P<html>""" + _HTML_START + r"""[^>]*>?)
)""", re.X)
TICKS = re.compile(r"`+")
CODE = re.compile(r"(?P<code>[\s\S]+)")  # matched over a span that `code_spans` found
STRAY_BRACKETS = re.compile(r"\[\[|\]\]")
ANY_MARK = re.compile("[\"'\u2018\u2019\u201c\u201d]")  # a cheap test before the real scan
TITLE_PREFIX = "title:"  # [[title:…]]: a title or a coined term, shown in quotation marks
QUOTE_PREFIX = "quote:"
# What no id, name or alias holds: a wikilink target with it names no brief that could be made.
NOT_A_NAME = re.compile(r"[:/\\<>]")
# A hand-written citation label that names a paragraph: "¶12", "p12", "paragraph 12".
LABEL_NUMBER = re.compile(r"(?:¶|§|\bparagraphs?\s+|\bparas?\.?\s*|\bp\.?\s*)(\d+)", re.I)
# Words of a line that only points elsewhere: "See [[x]] and [[y]]."
POINTER_WORDS = {"see", "also", "and", "or", "for", "more", "on", "the", "a", "an", "in",
                 "related", "compare", "cf", "under", "next", "previous", "back", "to"}
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_END = re.compile(r"[.!?…](?=\s+[\"“‘'(\[]?[A-Z0-9])")
# What opens a block before its first sentence: a list item's marker, a heading's hashes.
_BLOCK_MARKER = re.compile(r"\s*(?:[-*+]|\d{1,9}[.)]|#{1,6})(?:\s+|$)")
_SPACE = re.compile(r"\s+")
_LAST_SPACE = re.compile(r"\s\S*$")  # searched up to an end position, where '$' matches
MASK = "\x01"  # stands in for characters that are not prose (code, titles) in the scanned text
# Stands in for a quotation mark the linker wrote (in a name), which is not the brief's: like
# a mark, it is neither a letter nor a space, so the marks around it are read as before.
NOT_A_MARK = "\x02"


@dataclass
class Target:
    """What a wikilink or a mention points at."""

    id: str  # the entity id, or 'term:<slug>' for a glossary term
    page: str  # docs-relative page path, e.g. actors/ana-costa.md
    anchor: str = ""
    name: str = ""
    title: str = ""  # the preview shown on hover and focus
    is_source: bool = False


class Resolver(Protocol):
    memo: dict  # what `ProseLinker._resolve` found for each target text, kept for the run

    def resolve(self, text: str) -> Target | None: ...
    def suggest(self, text: str) -> list[str]: ...
    def target(self, entity_id: str) -> Target: ...
    def has_anchor(self, target: Target) -> bool: ...
    def paragraph_count(self, entity_id: str) -> int | None: ...


class Verifier(Protocol):
    """Verifies quoted words (see `index.QuotationVerifier`)."""

    def verify(self, words: str, cited: dict[str, set[int]]) -> "Verdict": ...
    def link(self, from_page: str, match: QuoteMatch) -> tuple[str, str]: ...


@dataclass
class Verdict:
    match: QuoteMatch | None = None
    message: str = ""  # why it failed, or a warning about where it was found
    hint: str = ""
    rule: str = ""  # set when the verdict is a rule's warning, not an error


@dataclass
class Issue:
    """A problem in the prose, located in the file."""

    line: int
    col: int
    message: str
    hint: str = ""
    rule: str = ""


@dataclass
class Mention:
    """Where a page mentions an entity: the sentence around it, for contextual backlinks."""

    target: str
    page: str
    anchor: str  # the block's anchor on the mentioning page ('' when it has none)
    before: str
    text: str
    after: str
    # What a mentioned entity's page shows of it, hashed once: the live preview fingerprints
    # every mention after each run, and most mentions are replayed unchanged.
    shown: int = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        self.shown = hash((self.page, self.anchor, self.before, self.text, self.after))


@dataclass
class InlineQuotation:
    words: str  # as the contributor wrote them, between the marks
    line: int
    col: int
    match: QuoteMatch


@dataclass
class LinkedProse:
    markdown: str
    mentions: set[str] = field(default_factory=set)  # ids linked from this prose
    snippets: dict[str, Mention] = field(default_factory=dict)  # first mention per id
    errors: list[Issue] = field(default_factory=list)
    cited: set[tuple[str, int]] = field(default_factory=set)  # (source id, paragraph)
    quotations: list[InlineQuotation] = field(default_factory=list)
    placed: list[str] = field(default_factory=list)  # ids of quotes placed with [[quote:…]]
    # (quote id, the citations of the block just before it): a lead-in cites what it places
    placed_after: list[tuple[str, dict[str, set[int]]]] = field(default_factory=list)
    # (source id, paragraph cited in the block, paragraph the block's quote was found in)
    evidence: list[tuple[str, int, int]] = field(default_factory=list)


@lru_cache(maxsize=65536)
def relative(from_page: str, to_page: str) -> str:
    """Relative path between two docs-relative files, e.g. topics/a.md -> ../actors/b.md."""
    if from_page == to_page:
        return ""
    src_dir, _, _ = from_page.rpartition("/")
    dst_dir, _, name = to_page.rpartition("/")
    if "/" not in src_dir and "/" not in dst_dir:  # most pages: at most one level
        return name if src_dir == dst_dir else "../" * bool(src_dir) + to_page
    src, dst = from_page.split("/")[:-1], to_page.split("/")
    common = 0
    while common < len(src) and common < len(dst) - 1 and src[common] == dst[common]:
        common += 1
    return "/".join([".."] * (len(src) - common) + dst[common:])


MD_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+!|~:\"'=-]")


@lru_cache(maxsize=65536)  # the same names are shown on many pages
def md_text(text: str) -> str:
    """Brief text made safe as literal Markdown text: no markup, no HTML."""
    # Escape &, < and > first; the entities made here contain no Markdown specials.
    out = html.escape(text, quote=False)
    return MD_SPECIAL.sub(lambda m: f"&#{ord(m.group())};", out)


def md_title(text: str) -> str:
    """Text for a Markdown link title ("…"), which Python-Markdown unescapes once. A backtick
    would pair with one outside the link and make code of the rest (code spans come first),
    and a backslash could escape the closing quotation mark: both go as character references."""
    return attribute(html.escape(" ".join(text.split()), quote=True)).replace("\\", "&#92;")


def attribute(escaped: str) -> str:
    """An HTML-escaped attribute value made safe in Markdown, where a backtick opens code."""
    return escaped.replace("`", "&#96;")


# -- blocks -----------------------------------------------------------------------------

@dataclass
class Block:
    kind: str  # paragraph | item | heading | table | code | placed | opener | raw
    first: int  # index of its first line in the body
    lines: list[str] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)  # file line of each line
    quote_id: str = ""  # for 'placed'
    title: tuple[int, int] = (0, 0)  # for 'opener': where its title is in the line
    col: int = 0  # columns of the file line before the block's text (an opener's title)


def split_blocks(lines: list[str], first_line: int, issues: list[Issue], untrusted: bool) -> list[Block]:
    """The body's blocks, as Python-Markdown reads them. Admonition bodies and list
    continuations are prose; an indented line after a blank line elsewhere is code (an error
    in briefs: its links would show raw). A list or a table starts only where a block does:
    a line like '- x' or '| x |' right after a paragraph's line goes on the paragraph."""
    blocks: list[Block] = []
    current: Block | None = None
    fences, optioned = code_fences(lines)
    fence_end = -1
    prev_blank, in_list, in_admonition, in_quote = True, False, False, False
    for i in optioned if untrusted else ():  # superfences may or may not take it: no telling
        issues.append(Issue(first_line + i, 1, "a code fence in brief prose may name its language only, "
                            f"not '{lines[i].strip()[:40]}'", "write ``` or ```python on the line, and nothing else"))

    def close():
        nonlocal current
        if current is not None:
            blocks.append(current)
        current = None

    def start(kind: str, i: int) -> Block:
        nonlocal current
        close()
        current = Block(kind, i)
        return current

    def add(block: Block, i: int, line: str) -> None:
        block.lines.append(line)
        block.numbers.append(first_line + i)

    for i, line in enumerate(lines):
        number = first_line + i
        if i <= fence_end:
            add(current, i, line)
            if i == fence_end:
                close()
            continue
        if not line.strip():
            close()
            prev_blank, in_quote = True, False
            add(start("raw", i), i, line)
            close()
            continue
        first = line[0]
        if first.isalpha() and current is not None and current.kind in ("paragraph", "item"):
            prev_blank = False  # a prose line that goes on a paragraph: the common case
            add(current, i, line)
            in_admonition = False
            continue
        indented = line.startswith(("    ", "\t"))
        if in_admonition and not indented:
            in_admonition = False
        if i in fences:
            fence_end = fences[i]
            add(start("code", i), i, line)
            prev_blank, in_quote = False, False
            continue
        if in_quote:  # up to a blank line, every line is the block quote's, '>' or not
            add(current, i, line)
            continue
        if indented and prev_blank and not in_list and not in_admonition:
            if untrusted and (current is None or current.kind != "code"):
                issues.append(Issue(number, 1, "this line is indented by four spaces (or a tab), "
                                    "so Markdown would show it as code, with its links printed raw",
                                    "remove the indentation; write code in a ``` fence"))
            if current is None or current.kind != "code":
                start("code", i)
            add(current, i, line)
            continue
        prev_blank = False
        body = line[4:] if in_admonition and line.startswith("    ") else line.lstrip("\t") \
            if in_admonition else line
        placed = PLACED.match(line)
        if placed:
            block = start("placed", i)
            block.quote_id = placed.group(1).strip()
            add(block, i, line)
            close()
            prev_blank = True  # a block of its own: what follows starts a block, as after a blank line
        elif (title := _opener_title(body)) is not None:
            in_admonition = True
            block = start("opener", i)
            shift = len(line) - len(body)  # the admonition's indentation, when nested
            block.title = (title[0] + shift, title[1] + shift)
            add(block, i, line)
            close()
        elif HEADING.match(body):
            add(start("heading", i), i, line)
            close()
            prev_blank = True
        elif SETEXT.match(body) and current is not None and (current.kind == "paragraph" or
                                                              current.kind == "item" and len(current.lines) == 1):
            current.kind = "heading"
            current.lines.append(line)
            current.numbers.append(number)
            close()
            prev_blank = True
        elif SETEXT.match(body) or TABLE_RULE.match(body) and (current is None or current.kind != "table"):
            add(start("raw", i), i, line)  # a thematic break
            close()
            prev_blank = True
        elif LIST_ITEM.match(body) and not (current is not None and current.kind == "paragraph" and not in_list):
            in_list = True
            add(start("item", i), i, line)
        elif TABLE_ROW.match(body) and not (current is not None and current.kind in ("paragraph", "item")):
            if current is None or current.kind != "table":
                start("table", i)
            add(current, i, line)
        elif BLOCK_QUOTE.match(body):  # Markdown reads its lines again as blocks: left as written
            if untrusted:
                issues.append(Issue(number, 1, "block quotes are not allowed in brief prose: a block "
                                    "quote reads as a quotation, and only verified quotes are shown as one",
                                    "put the words under 'quotes:' and place them with [[quote:ID]]"))
            add(start("raw", i), i, line)
            in_quote = True
        else:
            if current is None or current.kind not in ("paragraph", "item"):
                in_list = in_list and indented
                start("paragraph", i)
            add(current, i, line)
    close()
    return blocks


def code_fences(lines: list[str]) -> tuple[dict[int, int], list[int]]:
    """({first line: last line} of each fenced code block, [first lines of those with options]),
    as pymdownx.superfences finds them: it reads the lines before anything else does. A fence
    opens with any indentation, its lines keep that indentation, and the very same fence on
    a line of its own closes it; a fence never closed, or left by a line indented less, is
    no code at all (so its lines are prose and get every check), and only the line after
    where it ended may open the next one."""
    fences, optioned, i = {}, [], 0
    while i < len(lines):
        line = lines[i]
        at = FENCE_PREFIX.match(line).end()
        opener = FENCE_START.match(line, at) if line.startswith(("```", "~~~"), at) else None
        if opener is None or opener.group("unrecognized"):
            i += 1
            continue
        if opener.group("options") or opener.group("attrs") is not None:
            optioned.append(i)  # a fence if its options pass the site's validators: refused in briefs
        end, closed = _Fence(line[:at], opener.group("fence")).end(lines, i + 1)
        if closed:
            fences[i] = end
        i = end + 1
    return fences, optioned


class _Fence:
    """An open fence, read line by line as superfences does (`eval_fence`, `eval_quoted`)."""

    def __init__(self, indent: str, fence: str):
        self.indent, self.raw, self.quotes = indent.expandtabs(4), len(indent), indent.count(">")
        self.closer = re.compile(re.escape(fence) + r"[ \t]*$")

    def end(self, lines: list[str], start: int) -> tuple[int, bool]:
        """(the line where the fence closes or is given up, whether it closes)."""
        blanks = False
        for j in range(start, len(lines)):
            indent, content = self._split(lines[j])
            verdict = self._quoted(indent, content, blanks) if self.quotes else \
                self._plain(indent, content) if ">" not in indent else "stop"
            if verdict in ("stop", "close"):
                return j, verdict == "close"
            blanks = verdict == "blank" or blanks and verdict != "line"
        return len(lines), False

    def _split(self, line: str) -> tuple[str, str]:
        """The line's indentation, up to the opener's width (tabs expanded), and the rest."""
        width, n = 0, 0
        while width < len(self.indent) and n < len(line) and line[n] in " \t>":
            width += 4 - width % 4 if line[n] == "\t" else 1
            n += 1
        return line[:n].expandtabs(4), line[n:]

    def _plain(self, indent: str, content: str) -> str:
        if not (indent + content).strip():
            return "blank"
        if len(indent) != len(self.indent) and content:
            return "stop"
        return "close" if self.closer.match(content) and not content.startswith((" ", "\t")) else "line"

    def _quoted(self, indent: str, content: str, blanks: bool) -> str:
        level = indent.count(">")
        if level > self.quotes:
            return "stop"
        if not content:
            return "blank"
        if len(indent) < self.raw or blanks and level < self.quotes:
            return "stop"
        return "close" if self.closer.match(content) else "line"


def _opener_title(line: str) -> tuple[int, int] | None:
    """Where the title is in an admonition's or a collapsible block's first line (at its
    end when it has none); None when the line opens neither. As the extensions require, an
    admonition has a class word, and a collapsible block a class word or a title."""
    opener = OPENER.match(line)
    if opener is None:
        return None
    if not opener.group("classes") and (opener.group("mark") == "!!!" or opener.group("title") is None):
        return None
    return opener.span("title") if opener.group("title") is not None else (len(line), len(line))


# -- inline tokens ----------------------------------------------------------------------

def code_spans(text: str) -> list[tuple[int, int]]:
    """The code spans of a block's text, backticks included, exactly as Python-Markdown finds
    them: its backtick pattern runs before all others, so a backtick inside a tag, a link or
    a wikilink opens code too. An opener is a backtick not escaped by a backslash, with the
    backticks after it; the next run of as many closes it; failing that, the first of the
    longest later runs does, if shorter (the opener then counts only that many). When
    nothing closes it, Python-Markdown looks again twice its length further on, even in
    the middle of a later run: so must we."""
    runs = [m.span() for m in TICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for i, (a, b) in enumerate(runs):
        by_length.setdefault(b - a, []).append(i)
    longest = _longest_after(runs)
    spans, i, search = [], 0, 0
    while i < len(runs):
        a, b = runs[i]
        opener = max(a, search) + (search <= a and not _opens(text, a, search))
        if opener >= b:
            i += 1
            continue
        closer = _closer(runs, by_length, longest, i, b - opener)
        if closer is None:
            search = opener + 2 * (b - opener)
            i += 1
        else:
            spans.append((opener, runs[closer][1]))
            search, i = runs[closer][1], closer + 1
    return spans


def _closer(runs, by_length, longest, i: int, ticks: int) -> int | None:
    """The run that closes an opener of `ticks` backticks in run i, or None."""
    same = by_length.get(ticks, ())
    j = bisect.bisect_right(same, i)
    if j < len(same):
        return same[j]
    k = longest[i]
    return k if k is not None and runs[k][1] - runs[k][0] < ticks else None


def _longest_after(runs: list[tuple[int, int]]) -> list[int | None]:
    """For each run, the index of the first of the longest runs after it (None for the last)."""
    out: list[int | None] = [None] * len(runs)
    best = None
    for i in range(len(runs) - 1, 0, -1):
        if best is None or runs[i][1] - runs[i][0] >= runs[best][1] - runs[best][0]:
            best = i
        out[i - 1] = best
    return out


def _opens(text: str, at: int, search: int) -> bool:
    """Whether the backtick that starts a run at `at` may open code, the search for code
    starting at `search`: not after a backslash, unless the backslashes pair off (each
    pair is one escaped backslash), which the pattern sees only if it reaches their start."""
    start = at
    while start and text[start - 1] == "\\":
        start -= 1
    return start == at or (search <= start and (at - start) % 2 == 0)


def _tokens(text: str):
    """The block's tokens in order: its code spans, then the other tokens between them."""
    pos = 0
    for lo, hi in code_spans(text) if "`" in text else ():
        yield from INLINE.finditer(text, pos, lo)
        yield CODE.match(text, lo, hi)
        pos = hi
    yield from INLINE.finditer(text, pos)


# -- the linker ---------------------------------------------------------------------------

@dataclass(slots=True)
class _Piece:
    """A stretch of a block: plain text, or a token (code, wikilink, link, HTML)."""

    start: int  # in the block's text
    end: int
    shown: str  # what a reader sees of it (scanned for quotations)
    kind: str = "text"  # text | code | wiki | title | other
    markdown: str = ""  # its output when it is a token
    label: str = ""  # a wikilink's shown label, as Markdown text
    target: str = ""  # a wikilink's entity id
    written: bool = False  # `shown` is the linker's (a name, a citation label), not the brief's


@dataclass
class ProseLinker:
    page: str  # this page's docs-relative path
    self_id: str | None
    resolver: Resolver
    matcher: MentionMatcher
    untrusted: bool = True  # brief prose: enforce the safety rules
    place_quote: Callable[[str], str | None] | None = None
    verifier: Verifier | None = None
    autolink: bool = True  # False for `check`: auto-linking finds no problems
    require_citations: bool = False  # the uncited-paragraph rule (brief bodies)
    linked: set[str] = field(default_factory=set)
    quote_ids: Collection[str] = ()  # the brief's quotes, for a 'did you mean'
    _references: list = field(default_factory=list, repr=False)  # reference links and definitions
    _tags_of: "Block | None" = field(default=None, repr=False)
    _tags: set[str] = field(default_factory=set, repr=False)

    def link(self, target: Target, label: str) -> str:
        href = relative(self.page, target.page) + (f"#{target.anchor}" if target.anchor else "")
        title = f' "{md_title(target.title)}"' if target.title else ""
        return f"[{label}]({href or '#' + target.anchor}{title})"

    def process(self, body: str, first_line: int) -> LinkedProse:
        result = LinkedProse("")
        lines = body.split("\n")
        blocks = split_blocks(lines, first_line, result.errors, self.untrusted)
        out: list[str] = []
        last_cited: dict[str, set[int]] = {}
        for n, block in enumerate(blocks):
            if block.kind in ("paragraph", "item", "heading", "table"):
                follows_quote = lambda n=n: _next_is_placed(blocks, n)  # asked only when uncited
                lines, last_cited = self._prose(block, n, result, follows_quote)
                out.extend(lines)
            elif block.kind == "opener":
                out.append(self._opener(block, n, result))
            elif block.kind == "placed":
                out.append(self._placed(block, result))
                if last_cited:
                    result.placed_after.append((block.quote_id, last_cited))
            else:
                if block.kind == "code" and self.untrusted:
                    for line, number in zip(block.lines, block.numbers):
                        if "<" in line or "](" in line:
                            self._check_code(line, number, 1, result)
                out.extend(block.lines)
        result.markdown = "\n".join(out)
        if self._references:
            _one_error_per_reference_link(self._references, result)
            self._references = []
        return result

    def _placed(self, block: Block, result: LinkedProse) -> str:
        qid, number = block.quote_id, block.numbers[0]
        found = self.place_quote(qid) if self.place_quote else None
        if found is None:
            if self.place_quote is None:
                result.errors.append(Issue(number, 1, f"[[quote:{qid}]] only works in a brief",
                                           "quote the words in a brief, under 'quotes:'"))
            else:
                result.errors.append(Issue(number, 1, f"[[quote:{qid}]] names no quote of this brief",
                                           did_you_mean(qid, self.quote_ids)
                                           or "use the id of an entry under 'quotes:'"))
            return ""
        result.placed.append(qid)
        return found

    def _opener(self, block: Block, n: int, result: LinkedProse) -> str:
        """An admonition's first line: its syntax kept, its title checked and linked as a
        heading is, since Markdown renders the title like any other text."""
        line, (lo, hi) = block.lines[0], block.title
        if lo == hi:
            return line
        title = Block("heading", block.first, [line[lo:hi]], block.numbers, col=lo)
        lines, _ = self._prose(title, n, result, lambda: False)
        return line[:lo] + "".join(lines) + line[hi:]

    # -- one prose block ----------------------------------------------------------------
    def _prose(self, block: Block, n: int, result: LinkedProse, follows_quote: bool) -> list[str]:
        text = block.lines[0] if len(block.lines) == 1 else "\n".join(block.lines)
        reported = len(result.errors)
        if self.untrusted and "]:" in text and block.kind != "heading":
            self._definitions(block, result)
        starts = _line_starts(block.lines)
        pieces, cited = self._pieces(text, block, starts, result)
        if cited:
            result.cited.update((source, p) for source, paragraphs in cited.items() for p in paragraphs)
        spans, quoted = [], False
        if self.autolink or ANY_MARK.search(text):
            shown = pieces[0].shown if len(pieces) == 1 else "".join(p.shown for p in pieces)
            spans, quoted = self._quotations(shown, pieces, block, starts, cited, result)
        markdown = ""
        if self.autolink:  # rendering: `check` needs the problems only, not the Markdown
            mentions: list[tuple[str, int, int]] = []
            autolink = block.kind != "heading" and not ("`" in text and _stray_backtick(pieces))
            markdown = self._emit(pieces, spans, autolink, mentions, result)
            anchor = ""
            if block.kind in ("paragraph", "item") and mentions:
                anchor = f"b{n}"
                markdown = _with_anchor(markdown, anchor, block.kind)
            self._record_mentions(mentions, shown, anchor, pieces, result)
        if self.require_citations and block.kind in ("paragraph", "item", "table") and not cited \
                and not quoted and len(result.errors) == reported and PLACEHOLDER_BODY not in text \
                and not follows_quote() and not _points_elsewhere(text, pieces):
            # a block with an error, or the scaffold's placeholder, has its one problem already
            result.errors.append(Issue(block.numbers[0], 1, "this paragraph cites no source "
                                       "paragraph and quotes no source",
                                       "cite the passage it rests on, e.g. [[source-id#p3]], or "
                                       "quote the source's words", rule="uncited-paragraph"))
        return (markdown.split("\n") if self.autolink else []), cited

    def _pieces(self, text: str, block: Block, starts: list[int], result: LinkedProse):
        """Split a block into text and tokens, resolving each token once. `check` on a
        block with no quotation mark needs only the tokens (their problems and citations);
        then the text between them is not kept."""
        pieces: list[_Piece] = []
        cited: dict[str, set[int]] = {}
        if "[" not in text and "`" not in text and "<" not in text:
            return [_Piece(0, len(text), text)], cited  # nothing but text: the common case
        keep_text = self.autolink or ANY_MARK.search(text) is not None
        pos, wikis = 0, 0
        for token in _tokens(text):
            if keep_text and token.start() > pos:
                pieces.append(_Piece(pos, token.start(), text[pos:token.start()]))
            piece = self._token(token, block, starts, cited, result)
            wikis += piece.kind in ("wiki", "title")
            pieces.append(piece)
            pos = token.end()
        if keep_text and pos < len(text):
            pieces.append(_Piece(pos, len(text), text[pos:]))
        if text.count("[[") != wikis or text.count("]]") != wikis:
            self._stray_brackets(text, pieces, block, starts, result)
        if self.untrusted and "](" in text:
            self._stray_links(text, pieces, block, starts, result)
        return pieces, cited

    def _stray_links(self, text: str, pieces, block: Block, starts, result: LinkedProse) -> None:
        """A '](' that no token holds may still open a link: Python-Markdown nests brackets
        and parentheses deeper than INLINE does ('[a [b [c] ]](javascript:f((1)))')."""
        covered = [(p.start, p.end) for p in pieces if p.kind != "text"]
        for stray in re.finditer(r"\]\(", text):
            if not any(lo <= stray.start() < hi for lo, hi in covered):
                self._check_url((text[stray.end():].split() or [""])[0],
                                *_position(block, starts, stray.start()), result)

    def _definitions(self, block: Block, result: LinkedProse) -> None:
        """A reference definition ('[r]: url', its address on the line or the next) makes a
        link of every [r]: refused like any link that is not a wikilink."""
        for k, line in enumerate(block.lines):
            found = REF_DEF.match(line)
            following = block.lines[k + 1].split() if found and k + 1 < len(block.lines) else []
            url = found and (found.group("url") or (following[0] if following else ""))
            if url:
                self._check_url(url, block.numbers[k], found.start("ref") + 1, result)
                self._references.append(("def", _ref_label(found.group("ref")[:-1]), result.errors[-1]))

    def _stray_brackets(self, text: str, pieces, block: Block, starts, result: LinkedProse) -> None:
        covered = [(p.start, p.end) for p in pieces if p.kind != "text"]
        for stray in STRAY_BRACKETS.finditer(text):
            if any(lo <= stray.start() < hi for lo, hi in covered):
                continue
            line, col = _position(block, starts, stray.start())
            result.errors.append(Issue(line, col, f"unbalanced brackets: "
                                       f"'{text[max(0, stray.start() - 20):stray.end() + 20].strip()}'",
                                       "a wikilink is [[id]] or [[id|label]]: close "
                                       "or remove the brackets"))

    def _token(self, token: re.Match, block: Block, starts, cited, result) -> _Piece:
        where = _Where(block, starts, token.start())
        raw = token.group()
        kind = token.lastgroup
        piece = _Piece(token.start(), token.end(), "", "other", raw)
        if kind == "wiki":
            return self._wikilink(token, piece, where, cited, result)
        piece.shown = MASK * len(raw)
        if kind == "code":
            if self.untrusted and ("<" in raw or "](" in raw):
                self._check_code(raw, *where(), result)
            inner = raw.strip("`")
            piece.kind, piece.shown = "code", MASK * len(inner)
            return piece
        if not self.untrusted:
            return piece
        if kind == "link":
            if raw.startswith("!"):
                result.errors.append(Issue(*where(), "images are not allowed in brief prose",
                                           "describe the image in words, or link its source"))
            elif token.group("url") is None:  # [text][ref]: reported here, with its definition
                self._check_url(raw, *where(), result)
                text, _, ref = raw[1:-1].partition("][")
                self._references.append(("use", _ref_label(ref or text), result.errors[-1]))
            else:
                self._check_url(token.group("url"), *where(), result)
            return piece
        if kind == "autolink":
            self._check_url(raw[1:-1], *where(), result)
            piece.markdown = html.escape(raw)
            return piece
        piece.markdown = html.escape(raw)
        tag = raw.lstrip("</").split(None, 1)[0].rstrip(">").lower() if raw[1:2] != "!" else "!--"
        if self._tags_of is not block:  # the tags reported in this block: '<b>…</b>' is one error
            self._tags_of, self._tags = block, set()
        if raw.startswith("</") and tag in self._tags:
            return piece
        self._tags.add(tag)
        result.errors.append(Issue(*where(), f"raw HTML is not allowed in brief prose: '{raw[:40]}'",
                                   "write Markdown instead (*emphasis*, **strong**, lists, tables)"))
        return piece

    def _check_code(self, code: str, line: int, col: int, result: LinkedProse) -> None:
        """Raw HTML and links are refused in brief code too: no fence, backtick or table trick
        that makes Markdown read the code as prose can smuggle them."""
        if self.untrusted:
            for tag in CODE_HTML.finditer(code):
                result.errors.append(Issue(line, col, "raw HTML is not allowed in brief prose, not "
                                           f"even in code: '{code[tag.start():tag.start() + 40]}'",
                                           "describe the markup in words"))
            for link in re.finditer(r"\]\(", code):  # a link's '](' whatever its brackets hold
                around = code[code.rfind("\n", 0, link.start()) + 1:].partition("\n")[0]
                result.errors.append(Issue(line, col, f"links are not allowed in brief prose, not even "
                                           f"in code: '{around[:60]}'",
                                           "describe the link in words, or link with [[id]] outside the code"))

    def _check_url(self, url: str, line: int, col: int, result: LinkedProse) -> None:
        """Brief prose links only through wikilinks, which the index checks; no other link
        (web address, file path or #anchor) can then break, leak or run script."""
        if not self.untrusted:
            return
        url = html.unescape(url).strip().strip("<>")
        result.errors.append(Issue(line, col, f"links in brief prose must be wikilinks, not '{url[:60]}'",
                                   "write [[id]] or [[id|label]]; web addresses belong in a "
                                   "source's metadata (url)"))

    def _wikilink(self, token: re.Match, piece: _Piece, where: "_Where", cited, result) -> _Piece:
        raw, label = token.group("target").strip(), token.group("label")
        if raw.startswith(TITLE_PREFIX):  # words in quotation marks that are not a quotation
            words = raw[len(TITLE_PREFIX):].strip()
            piece.kind, piece.markdown = "title", "\u201c" + md_text(words) + "\u201d"
            piece.shown = MASK * (len(words) + 2)
            return piece
        if raw.startswith(QUOTE_PREFIX):
            result.errors.append(Issue(*where(), f"[[{raw}]] must be alone on its line",
                                       "put the quote on a line of its own, with blank lines around it"))
            return piece
        target, anchor, problem = self._resolve(raw)
        if problem is not None:
            result.errors.append(Issue(*where(), *problem))
        if target is None:
            piece.kind, piece.markdown = "wiki", md_text(label or raw)
            piece.shown = label or raw
            return piece
        if anchor and problem is None and target.is_source and anchor[1:].isdigit():
            cited.setdefault(target.id, set()).add(int(anchor[1:]))
            if label:
                self._check_label(raw, label, int(anchor[1:]), where, result)
        custom = label is not None and label.strip()
        shown_text = label.strip() if custom else target.name
        if target.is_source and anchor.startswith("p") and not custom:
            shown_text += f" ¶{anchor[1:]}"
        piece.kind, piece.target, piece.shown, piece.written = "wiki", target.id, shown_text, not custom
        result.mentions.add(target.id)
        if not self.autolink:
            return piece  # `check`: resolved and checked, nothing to write
        shown = piece.label = md_text(shown_text)
        if target.id == self.self_id and not anchor:
            piece.markdown = shown  # a page never links to itself
        else:
            self.linked.add(target.id)
            piece.markdown = self.link(target, shown)
        return piece

    def _resolve(self, raw: str) -> tuple[Target | None, str, tuple[str, str] | None]:
        """(target, anchor, (message, hint) of a problem) of a wikilink's target text. The
        same on every page of a run, so the resolver keeps the answers."""
        memo = self.resolver.memo
        found = memo.get(raw)
        if found is None:
            text, _, anchor = raw.partition("#")
            target = self.resolver.resolve(text.strip())
            problem = None
            if target is None:
                close = self.resolver.suggest(text.strip())
                if anchor:  # only a source has paragraphs: [[gazete#p2]] -> [[gazette#p2]]
                    close = [f"{c[:-2]}#{anchor}]]" for c in close if self._is_source(c[2:-2])]
                problem = (f"unresolved reference [[{raw}]]", _suggestion(close, text.strip(), anchor))
            elif anchor:
                target = Target(target.id, target.page, anchor, target.name, target.title, target.is_source)
                if not self.resolver.has_anchor(target):
                    problem = (f"[[{raw}]]: '{target.id}' has no anchor '#{anchor}'",
                               self._anchor_hint(target))
            found = memo[raw] = (target, anchor, problem)
        return found

    def _is_source(self, label: str) -> bool:
        found = self.resolver.resolve(label)
        return found is not None and found.is_source

    def _anchor_hint(self, target: Target) -> str:
        count = self.resolver.paragraph_count(target.id)
        if not target.is_source or count is None:
            return (f"'{target.id}' is not a source: only a source's paragraphs have anchors "
                    f"(#p1, #p2, …); link [[{target.id}]] without '#{target.anchor}'")
        numbers = "p1" if count == 1 else f"p1–p{count}"
        return f"source '{target.id}' has paragraphs {numbers}, as numbered on the source page"

    def _check_label(self, raw: str, label: str, number: int, where, result) -> None:
        """A hand-written label may shorten a citation, never name another paragraph."""
        for named in LABEL_NUMBER.finditer(label):
            if int(named.group(1)) != number:
                result.errors.append(Issue(*where(), f"[[{raw}|{label}]]: the label names "
                                           f"¶{named.group(1)}, but the link goes to ¶{number}",
                                           f"drop the label ([[{raw}]] writes its own) or fix the number"))
                return

    # -- quotations -------------------------------------------------------------------------
    def _quotations(self, shown: str, pieces, block: Block, starts, cited, result):
        """Verify every quotation of the block; the spans of verified ones get links."""
        scanned = _scanned(pieces, shown)
        if self.verifier is None or not any(c in scanned for c in "\"'\u2018\u2019\u201c\u201d"):
            return [], False
        found = scan(scanned)
        for offset in found.unclosed:
            line, col = _position(block, starts, _block_offset(pieces, offset))
            result.errors.append(Issue(line, col, "this quotation mark is never closed",
                                       "close the quotation, or remove the mark"))
        verified: list[tuple[Span, str, str]] = []
        quoted = False
        for span in found.spans:
            inner = shown[span.inner[0]:span.inner[1]]
            if MASK in inner or not _has_words(inner):
                continue  # a quotation of code or of a [[title:…]] is not a quotation
            words = quoted_words(inner)
            line, col = _position(block, starts, _block_offset(pieces, span.start))
            verdict = self.verifier.verify(words, cited)
            if verdict.match is None:
                result.errors.append(Issue(line, col, verdict.message, verdict.hint))
                continue
            if verdict.message:  # verified, with an error or a rule's warning about it
                result.errors.append(Issue(line, col, verdict.message, verdict.hint, verdict.rule))
                if not verdict.rule:
                    continue
            quoted = True
            result.quotations.append(InlineQuotation(words, line, col, verdict.match))
            for source_id, paragraphs in cited.items():
                if source_id == verdict.match.source:
                    result.evidence += [(source_id, p, verdict.match.paragraph) for p in paragraphs]
            if self.autolink:  # only a rendered page needs the link
                href, title = self.verifier.link(self.page, verdict.match)
                verified.append((span, href, title))
        return verified, quoted

    # -- output -------------------------------------------------------------------------
    def _emit(self, pieces: list[_Piece], spans, autolink: bool, mentions, result) -> str:
        """The block's Markdown: tokens as resolved, text escaped and auto-linked, and each
        verified quotation wrapped in a link to its passage (nothing linked inside it)."""
        bounds = [(s.start, s.end, href, title) for s, href, title in spans]
        out: list[str] = []
        visible = 0
        q = 0  # the next quotation
        for piece in pieces:
            length = len(piece.shown)
            lo, hi = visible, visible + length
            visible = hi
            if q >= len(bounds) or bounds[q][0] >= hi and not _inside(bounds, q, lo):
                out.append(self._piece(piece, autolink, lo, mentions, result))
                continue
            out.append(self._split_piece(piece, lo, hi, bounds, q, autolink, mentions, result))
            while q < len(bounds) and bounds[q][1] <= hi:
                q += 1
        return "".join(out)

    def _split_piece(self, piece, lo, hi, bounds, q, autolink, mentions, result) -> str:
        """A piece that a quotation starts, ends or covers: cut it at the boundaries."""
        out: list[str] = []
        cut = lo
        while cut < hi:
            while q < len(bounds) and bounds[q][1] <= cut:
                q += 1
            if q < len(bounds) and bounds[q][0] <= cut < bounds[q][1]:
                stop = min(hi, bounds[q][1])
                if cut == bounds[q][0]:
                    out.append(f'<a class="bf-q" href="{attribute(bounds[q][2])}" title="{attribute(bounds[q][3])}">')
                out.append(self._plain(piece, cut - lo, stop - lo))
                if stop == bounds[q][1]:
                    out.append("</a>")
            else:
                stop = min(hi, bounds[q][0]) if q < len(bounds) else hi
                if piece.kind == "text":
                    out.append(self._text(piece.shown[cut - lo:stop - lo], result, autolink, cut, mentions))
                else:
                    out.append(self._plain(piece, cut - lo, stop - lo))
            cut = stop
        return "".join(out)

    def _plain(self, piece: _Piece, a: int, b: int) -> str:
        """Part of a piece inside a quotation: its words only, never a link."""
        if piece.kind == "text":
            return self._escape(piece.shown[a:b])
        if piece.kind == "wiki":
            return md_text(piece.shown[a:b])
        if piece.kind == "code":
            return piece.markdown if a == 0 else ""
        return piece.markdown if a == 0 else ""

    def _piece(self, piece: _Piece, autolink: bool, at: int, mentions, result) -> str:
        if piece.kind == "text":
            return self._text(piece.shown, result, autolink, at, mentions)
        if piece.kind == "wiki" and piece.target:
            mentions.append((piece.target, at, at + len(piece.shown)))
        return piece.markdown

    def _text(self, text: str, result: LinkedProse, autolink: bool, at: int = 0, mentions=None) -> str:
        if not text:
            return text
        if not autolink:
            return self._escape(text)
        out, pos = [], 0
        for start, end, target_id in self.matcher.find(text):
            if target_id == self.self_id or target_id in self.linked:
                continue
            self.linked.add(target_id)
            result.mentions.add(target_id)
            if mentions is not None:
                mentions.append((target_id, at + start, at + end))
            out.append(self._escape(text[pos:start]))
            out.append(self.link(self.resolver.target(target_id), self._escape(text[start:end])))
            pos = end
        out.append(self._escape(text[pos:]))
        return "".join(out)

    def _escape(self, text: str) -> str:
        if not self.untrusted:
            return text
        return text.replace("<", "&lt;").replace("{", "&#123;")

    def _record_mentions(self, mentions, shown: str, anchor: str, pieces, result: LinkedProse) -> None:
        for target, start, end in mentions:
            if target in result.snippets or target == self.self_id:
                continue
            lo, hi, cut_before, cut_after = sentence_bounds(shown, start, end)
            before, after = elide(_readable(shown[lo:start], keep_end=True),
                                  _readable(shown[end:hi], keep_start=True), cut_before, cut_after)
            result.snippets[target] = Mention(target, self.page, anchor, before,
                                              _readable(shown[start:end]), after)


def _ref_label(label: str) -> str:
    """A reference label as Markdown matches it: case and runs of spaces do not count."""
    return " ".join(label.strip("[]").split()).lower()


def _one_error_per_reference_link(references: list[tuple[str, str, Issue]], result: LinkedProse) -> None:
    """A reference link ('[text][r]') and its definition ('[r]: url') are one link: one
    error, at the link, whose hint names the definition to delete with it."""
    defined = {label: issue for kind, label, issue in references if kind == "def"}
    used = set()
    for kind, label, issue in references:
        if kind == "use" and label in defined:
            issue.hint = f"{issue.hint}; delete its definition on line {defined[label].line} too"
            used.add(label)
    if used:
        dropped = {id(defined[label]) for label in used}
        result.errors[:] = [issue for issue in result.errors if id(issue) not in dropped]


def _next_is_placed(blocks: list[Block], n: int) -> bool:
    """The block introduces what follows: a placed quote, or (when it ends with a colon) a
    list or table, which is checked itself."""
    lead_in = blocks[n].lines[-1].rstrip().endswith(":")
    for block in blocks[n + 1:]:
        if block.kind == "raw" and not "".join(block.lines).strip():
            continue
        return block.kind == "placed" or (lead_in and block.kind in ("item", "table"))
    return False


def _suggestion(close: list[str], text: str, anchor: str = "") -> str:
    if close:
        return "did you mean " + ", ".join(close) + "?"
    if anchor:  # `#p2` is a source's paragraph: the link names a source that is not here
        return (f"'#{anchor}' is a paragraph of a source, and no source has that id or name: "
                "use a source's id, or add the source with `briefing import-source FILE --id ID`")
    if NOT_A_NAME.search(text):  # `briefing new actor "javascript:alert(1)"` would not help
        return ("a wikilink names a brief by its id, name or alias, and ids are slugs (lowercase "
                "letters, digits and hyphens, e.g. [[northline]]); a web address is not a wikilink")
    return ("use an id, a name or an alias of an actor, agreement, topic, source or glossary term, "
            f"or create the brief: briefing new actor \"{text}\"")


def _line_starts(lines: list[str]) -> list[int]:
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    return starts


class _Where:
    """A token's place, worked out (line and column) only when a problem needs it."""

    __slots__ = ("block", "starts", "offset")

    def __init__(self, block: Block, starts: list[int], offset: int):
        self.block, self.starts, self.offset = block, starts, offset

    def __call__(self) -> tuple[int, int]:
        return _position(self.block, self.starts, self.offset)


def _position(block: Block, starts: list[int], offset: int) -> tuple[int, int]:
    """(file line, 1-based column) of an offset into the block's text."""
    index = 0
    for i, start in enumerate(starts):
        if start > offset:
            break
        index = i
    return block.numbers[index], offset - starts[index] + 1 + (block.col if index == 0 else 0)


def _block_offset(pieces: list[_Piece], visible: int) -> int:
    """The offset in the block's text of a character of its shown text."""
    pos = 0
    for piece in pieces:
        if visible < pos + len(piece.shown):
            return piece.start + min(visible - pos, piece.end - piece.start - 1)
        pos += len(piece.shown)
    return pieces[-1].end if pieces else 0


def _stray_backtick(pieces: list[_Piece]) -> bool:
    """A backtick in the text, outside code: inside emphasis Python-Markdown looks for code
    again, and such a backtick may open it there. So that no mention is linked inside code,
    the block gets no auto-links (its wikilinks are still links)."""
    return any(p.kind == "text" and "`" in p.shown for p in pieces)


def _scanned(pieces: list[_Piece], shown: str) -> str:
    """The shown text as scanned for quotations: marks in text the linker wrote (a name with
    quotation marks, a source's label) are not the brief's, so they open and close none;
    and then `check`, which writes no names, finds what the build finds."""
    if not any(p.written and ANY_MARK.search(p.shown) for p in pieces):
        return shown
    return "".join(ANY_MARK.sub(NOT_A_MARK, p.shown) if p.written else p.shown for p in pieces)


def _inside(bounds, q: int, at: int) -> bool:
    return q < len(bounds) and bounds[q][0] <= at < bounds[q][1]


def _has_words(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _points_elsewhere(text: str, pieces: list[_Piece]) -> bool:
    """A line that only points elsewhere ('See [[x]].'), or a list of links: outside its
    links, only words like 'see' and 'and'."""
    tokens = [p for p in pieces if p.kind != "text"]
    if not any(p.kind == "wiki" for p in tokens):
        return False
    rest, pos = [], 0
    for token in tokens:
        rest.append(text[pos:token.start])
        pos = token.end
    rest.append(text[pos:])
    return {w.lower() for w in _WORDS.findall(" ".join(rest))} <= POINTER_WORDS


def _with_anchor(markdown: str, anchor: str, kind: str) -> str:
    """An anchor at the start of the block, so backlinks can point at the paragraph."""
    span = f'<span class="bf-anchor" id="{anchor}"></span>'
    if kind == "item":
        marker = LIST_ITEM.match(markdown)
        if marker:
            return markdown[:marker.end()] + span + markdown[marker.end():]
    indent = len(markdown) - len(markdown.lstrip(" "))
    return markdown[:indent] + span + markdown[indent:]


def sentence_bounds(text: str, start: int, end: int, limit: int = 110) -> tuple[int, int, bool, bool]:
    """The bounds of the sentence around [start, end), and whether each side was cut short:
    at most `limit` characters each side, cut between words, never inside one. A block's
    list marker or heading hashes are Markdown, not the sentence: a snippet starts after them."""
    lo = 0
    for stop in _SENTENCE_END.finditer(text, max(0, start - 400), start):
        lo = stop.end()
    if lo == 0 and (marker := _BLOCK_MARKER.match(text, 0, start)):
        lo = marker.end()
    hit = _SENTENCE_END.search(text, end)
    hi = hit.end() if hit else len(text)
    cut_before, cut_after = lo < start - limit, hi > end + limit
    if cut_before:
        lo = _word_start(text, start - limit, start)
    if cut_after:
        hi = _word_end(text, end + limit, end)
    return lo, hi, cut_before, cut_after


def _word_start(text: str, at: int, stop: int) -> int:
    """The start of the first whole word at or after `at` (`stop` when there is none)."""
    if at == 0 or text[at - 1].isspace():
        return at
    space = _SPACE.search(text, at, stop)
    return space.end() if space else stop


def _word_end(text: str, at: int, stop: int) -> int:
    """The end of the last whole word at or before `at` (`stop` when there is none)."""
    if at >= len(text) or text[at].isspace():
        return at
    space = _LAST_SPACE.search(text, stop, at)
    return space.start() if space else stop


def elide(before: str, after: str, cut_before: bool, cut_after: bool) -> tuple[str, str]:
    """A snippet's two sides with '…' where `sentence_bounds` cut the sentence short, so
    that a reader knows it goes on there."""
    return ("…" + before if cut_before else before), (after + "…" if cut_after else after)


def _readable(text: str, keep_start: bool = False, keep_end: bool = False) -> str:
    """Shown text as a plain snippet: one line, no emphasis marks, no masked code. The
    space next to a mention is kept as written ("Weiss, said", not "Weiss , said")."""
    if not text:
        return ""
    return one_line(text, EMPHASIS.sub("", text.replace(MASK, "")), keep_start, keep_end)


def one_line(text: str, shown: str, keep_start: bool = False, keep_end: bool = False) -> str:
    """`shown` (what is left of `text`) on one line; a space `text` has at its start or end
    is kept when asked (it stands next to a mention)."""
    words = " ".join(shown.split())
    lead = " " if keep_start and text[:1].isspace() and words else ""
    trail = " " if keep_end and text[-1:].isspace() and words else ""
    return lead + words + trail
