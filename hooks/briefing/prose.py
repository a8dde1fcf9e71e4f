"""Markdown prose: wikilinks, auto-linked mentions and the rules for untrusted prose.

The prose is scanned line by line. Code (fenced or indented), headings, block quotes and
existing links are protected: mentions are never linked there and the visible text never
changes. For briefs (untrusted), raw HTML, non-wikilink links and images are errors, and
`<` and `{` are neutralised in plain text so no HTML or attribute list can get through.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Protocol

from .autolink import MentionMatcher

# Only a plain fence counts as code: an opener with at most a language word, closed by the
# same character at least as many times. Anything else is prose and gets every check.
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[ \t]*[\w+#.-]*[ \t]*$")
_HTML_START = r"<!--|</?[A-Za-z][A-Za-z0-9-]*(?=[\s/>])"  # a comment or a tag's name
HTML_ANYWHERE = re.compile(_HTML_START)
HEADING = re.compile(r"^ {0,3}(#{1,6}(\s|$)|[=-]{3,}\s*$)")
LIST_ITEM = re.compile(r"^\s*([-*+]|\d+[.)])\s")
REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(\S*)")
SKIP_LINE = re.compile(r"^ {0,3}(>|!!!|\?\?\?|\|?\s*:?-{3,})")
# The leading lookahead names every token's first character, so the regex engine skips
# plain text in C instead of trying five alternatives at each position (4x faster).
INLINE = re.compile(r"""(?=[`\[!<])(?:
   (?P<code>(?P<ticks>`+)[\s\S]+?(?P=ticks))
  |(?P<wiki>\[\[(?P<target>[^\[\]|]+?)(?:\|(?P<label>[^\[\]]*))?\]\])
  |(?P<link>!?\[(?:[^\[\]]|\[[^\[\]]*\])*\](?:\((?P<url>(?:[^()]|\([^()]*\))*)\)|\[[^\]]*\]))
  |(?P<autolink><[a-zA-Z][\w+.-]*:[^>\s]*>)
  |(?P<html>""" + _HTML_START + r"""[^>]*>?)
)""", re.X)


@dataclass
class Target:
    """What a wikilink or a mention points at."""

    id: str  # the entity id, or 'term:<slug>' for a glossary term
    page: str  # docs-relative page path, e.g. actors/iran.md
    anchor: str = ""
    name: str = ""


class Resolver(Protocol):
    def resolve(self, text: str) -> Target | None: ...
    def suggest(self, text: str) -> list[str]: ...
    def target(self, entity_id: str) -> Target: ...
    def has_anchor(self, target: Target) -> bool: ...


@dataclass
class LinkedProse:
    markdown: str
    mentions: set[str] = field(default_factory=set)  # ids linked from this prose
    errors: list[tuple[int, str, str]] = field(default_factory=list)  # (line, message, hint)


@lru_cache(maxsize=65536)
def relative(from_page: str, to_page: str) -> str:
    """Relative path between two docs-relative files, e.g. topics/a.md -> ../actors/b.md."""
    if from_page == to_page:
        return ""
    src_dir, _, _ = from_page.rpartition("/")
    dst_dir, _, name = to_page.rpartition("/")
    if "/" not in src_dir and "/" not in dst_dir:  # every generated page: at most one level
        return name if src_dir == dst_dir else "../" * bool(src_dir) + to_page
    src, dst = from_page.split("/")[:-1], to_page.split("/")
    common = 0
    while common < len(src) and common < len(dst) - 1 and src[common] == dst[common]:
        common += 1
    return "/".join([".."] * (len(src) - common) + dst[common:])


TITLE_PREFIX = "title:"  # [[title:…]]: a title or a coined term, shown in quotation marks
MD_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+!|~:\"'=-]")


@lru_cache(maxsize=65536)  # the same names are shown on many pages
def md_text(text: str) -> str:
    """Brief text made safe as literal Markdown text: no markup, no HTML."""
    # Escape &, < and > first; the entities made here contain no Markdown specials.
    out = html.escape(text, quote=False)
    return MD_SPECIAL.sub(lambda m: f"&#{ord(m.group())};", out)


@dataclass
class ProseLinker:
    page: str  # this page's docs-relative path
    self_id: str | None
    resolver: Resolver
    matcher: MentionMatcher
    untrusted: bool = True  # brief prose: enforce the safety rules
    place_quote: Callable[[str], str | None] | None = None
    linked: set[str] = field(default_factory=set)

    def link(self, target: Target, label: str) -> str:
        href = relative(self.page, target.page) + (f"#{target.anchor}" if target.anchor else "")
        return f"[{label}]({href or '#' + target.anchor})"

    def process(self, body: str, first_line: int) -> LinkedProse:
        result = LinkedProse("")
        lines, out = body.split("\n"), []
        fence, prev_blank, in_list = None, True, False
        for offset, line in enumerate(lines):
            number = first_line + offset
            if fence:
                self._check_code(line, number, result)
                out.append(line)
                if re.match(rf"^ {{0,3}}{fence}{fence[0]}*[ \t]*$", line):
                    fence = None
                continue
            if not line.strip():  # half of all lines: nothing to check or link
                prev_blank = True
                out.append(line)
                continue
            opened = FENCE.match(line)
            if opened:
                fence = opened.group(1)
                out.append(line)
                continue
            indented = line.startswith(("    ", "\t"))
            if indented and prev_blank and not in_list:
                self._check_code(line, number, result)
                out.append(line)  # an indented code block
                continue
            in_list = bool(LIST_ITEM.match(line)) or (in_list and (indented or not prev_blank))
            prev_blank = False
            out.append(self._line(line, number, result))
        result.markdown = "\n".join(out)
        return result

    def _line(self, line: str, number: int, result: LinkedProse) -> str:
        stripped = line.strip()
        if stripped.startswith("[[quote:") and stripped.endswith("]]") and self.place_quote:
            qid = stripped[len("[[quote:"):-2].strip()
            block = self.place_quote(qid)
            if block is None:
                result.errors.append((number, f"[[quote:{qid}]] names no quote of this brief",
                                      "use the id of an entry under 'quotes:'"))
                return ""
            return block
        ref = REF_DEF.match(line)
        if ref:
            self._check_url(ref.group(1), number, result)
            return line
        autolink = not HEADING.match(line) and not SKIP_LINE.match(line)
        return self._inline(line, number, result, autolink)

    def _inline(self, line: str, number: int, result: LinkedProse, autolink: bool) -> str:
        if "[" not in line and "`" not in line and "<" not in line:
            return self._text(line, result, autolink)  # nothing but text: the common case
        out, pos = [], 0
        for token in INLINE.finditer(line):
            out.append(self._text(line[pos : token.start()], result, autolink))
            out.append(self._token(token, number, result))
            pos = token.end()
        out.append(self._text(line[pos:], result, autolink))
        return "".join(out)

    def _check_code(self, code: str, number: int, result: LinkedProse) -> None:
        """Raw HTML is refused in brief code too: no fence or backtick trick can smuggle it."""
        if self.untrusted:
            for tag in HTML_ANYWHERE.finditer(code):
                result.errors.append((number, "raw HTML is not allowed in brief prose, not even in "
                                      f"code: '{code[tag.start():tag.start() + 40]}'",
                                      "describe the markup in words"))

    def _token(self, token: re.Match, number: int, result: LinkedProse) -> str:
        if token.group("code"):
            self._check_code(token.group(), number, result)
            return token.group()
        if token.group("wiki"):
            return self._wikilink(token, number, result)
        if token.group("link"):
            if token.group().startswith("!") and self.untrusted:
                result.errors.append((number, "images are not allowed in brief prose",
                                      "describe the image in words, or link its source"))
            elif token.group("url") is not None:
                self._check_url(token.group("url"), number, result)
            return token.group()
        if self.untrusted and token.group("autolink"):
            self._check_url(token.group()[1:-1], number, result)
            return html.escape(token.group())
        if self.untrusted:
            tag = token.group()[:40]
            result.errors.append((number, f"raw HTML is not allowed in brief prose: '{tag}'",
                                  "write Markdown instead (*emphasis*, **strong**, lists, tables)"))
            return html.escape(token.group())
        return token.group()

    def _check_url(self, url: str, number: int, result: LinkedProse) -> None:
        """Brief prose links only through wikilinks, which the index checks; no other link
        (web address, file path or #anchor) can then break, leak or run script."""
        if not self.untrusted:
            return
        url = html.unescape(url).strip().strip("<>")
        result.errors.append((number, f"links in brief prose must be wikilinks, not '{url[:60]}'",
                              "write [[id]] or [[id|label]]; web addresses belong in a "
                              "source's metadata (url)"))

    def _wikilink(self, token: re.Match, number: int, result: LinkedProse) -> str:
        raw, label = token.group("target").strip(), token.group("label")
        if raw.startswith(TITLE_PREFIX):  # words in quotation marks that are not a quotation
            return "\u201c" + md_text(raw[len(TITLE_PREFIX):].strip()) + "\u201d"
        text, _, anchor = raw.partition("#")
        target = self.resolver.resolve(text.strip())
        if target is None:
            hint = self.resolver.suggest(text.strip())
            result.errors.append((number, f"unresolved reference [[{raw}]]",
                                  ("did you mean " + ", ".join(hint) + "?") if hint
                                  else "use an id, a name or an alias of an actor, agreement, "
                                       "topic, source or glossary term"))
            return md_text(label or raw)
        if anchor:
            target = Target(target.id, target.page, anchor, target.name)
            if not self.resolver.has_anchor(target):
                result.errors.append((number, f"[[{raw}]]: '{target.id}' has no anchor '#{anchor}'",
                                      "paragraph anchors are #p1, #p2, … as numbered on the source page"))
        shown = md_text(label.strip()) if label and label.strip() else md_text(target.name)
        if anchor.startswith("p") and not (label and label.strip()):
            shown += f" ¶{anchor[1:]}"
        result.mentions.add(target.id)
        if target.id == self.self_id and not anchor:
            return shown  # a page never links to itself
        self.linked.add(target.id)
        return self.link(target, shown)

    def _text(self, text: str, result: LinkedProse, autolink: bool) -> str:
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
            out.append(self._escape(text[pos:start]))
            out.append(self.link(self.resolver.target(target_id), self._escape(text[start:end])))
            pos = end
        out.append(self._escape(text[pos:]))
        return "".join(out)

    def _escape(self, text: str) -> str:
        if not self.untrusted:
            return text
        return text.replace("<", "&lt;").replace("{", "&#123;")
