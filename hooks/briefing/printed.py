"""The print edition, print.html: the whole briefing on one page, in reading order.

It is assembled from each page's rendered HTML (the engine renders the Markdown; the core
only rearranges): the home page (bottom line, key judgments), then topics, actors,
agreements, sources and the glossary. Every id gets its page's prefix and every link to a
page in the edition becomes an in-page link, so cross-references and "Gazette ¶4" still
work on paper and in the PDF (`pdf`); links to pages left out (timeline, graph) point at the
site. An in-page link is a plain fragment, the id alone: a quotation's text directive
(`#p3:~:text=…`) means nothing to WeasyPrint, which would look for an id with it. A link whose
text is its own address gets the class `bf-url`, so print does not spell the address out
twice. Graphs, permalinks and hover previews are dropped. A page's fragment is cached by its
HTML, so the live preview rebuilds the edition from the few pages an edit touched.
"""
from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterator

PAGE = "print.html"
ORDER = (("topic", "Topics"), ("actor", "Actors"), ("agreement", "Agreements"), ("source", "Sources"))

# Written without a leading \b, which would keep the engine from skipping ahead to the
# literal (six times slower on a glossary of thousands of entries); `_attribute` checks
# the boundary instead.
_ID = re.compile(r'(id|for)="([^"]*)"')
_HREF = re.compile(r'href="([^"]*)"')
_HREF_IN_TAG = re.compile(r'\bhref="([^"]*)"')  # in one tag's attributes: short
_TITLE = re.compile(r'\s(title|data-bf-preview|aria-label)="[^"]*"(?=[^<>]*>)')
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>')
_GRAPH = re.compile(r'<h2 id="graph">.*?</figure>|<figure class="bf-graph[^"]*".*?</figure>', re.S)
_H1 = re.compile(r"<h1\b[^>]*>.*?</h1>", re.S)
# A link to another site: the only kind whose text can be its own address.
_A = re.compile(r"""<a\b([^>]*\bhref="https?://[^>]*)>(.*?)</a>""", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_CLASS = re.compile(r'(?<![\w-])class="([^"]*)"')
_SCHEME = re.compile(r"^https?://", re.I)
URL_CLASS = "bf-url"  # a link whose text is its address (print-edition.css prints it once)


@lru_cache(maxsize=65536)
def page_id(path: str) -> str:
    """The anchor of a page in the edition: actors/ana-costa.html -> pg-actors-ana-costa."""
    return "pg-" + re.sub(r"[^a-z0-9]+", "-", path.lower().rsplit(".", 1)[0]).strip("-")


@dataclass
class Part:
    path: str  # site path, e.g. actors/ana-costa.html
    title: str
    kind: str  # home | topic | actor | agreement | source | glossary


@dataclass
class PrintEdition:
    """Fragments by page, each rewritten once, joined in reading order on demand. `keep`
    holds the fragments for the next build (the live preview); a one-shot build writes each
    as it is made."""

    # page -> (hash of its HTML, its fragment, the pages it links to: whether each is in)
    cache: dict[str, tuple[int, str, dict[str, bool]]] = field(default_factory=dict)
    keep: bool = True

    def fragment(self, part: Part, content: str, included: frozenset[str]) -> str:
        """A page's fragment. A kept one is reused while the page's HTML is the same and
        each page it links to is in the edition or out of it as before: adding a brief
        rewrites the pages that link to it, not every page."""
        if not self.keep:
            return _rewrite(part.path, content, included)[0]
        key = hash(content)
        found = self.cache.get(part.path)
        if found is not None and found[0] == key and \
                all((page in included) == was for page, was in found[2].items()):
            return found[1]
        done, asked = _rewrite(part.path, content, included)
        self.cache[part.path] = (key, done, asked)
        return done

    def build(self, title: str, subtitle: str, parts: list[Part], contents: dict[str, str]) -> str:
        return "\n".join(self.pieces(title, subtitle, parts, contents))

    def pieces(self, title: str, subtitle: str, parts: list[Part], contents: dict[str, str]) -> Iterator[str]:
        """The edition as pieces to write one after another, joined by newlines: at
        thousands of pages, one joined string would be another copy of the whole site."""
        included = frozenset(p.path for p in parts if p.path in contents)
        for gone in self.cache.keys() - included:
            del self.cache[gone]
        groups = [(kind, heading, [p for p in parts if p.kind == kind and p.path in contents])
                  for kind, heading in (("home", ""), *ORDER, ("glossary", ""))]
        groups = [group for group in groups if group[2]]
        css = resources.files("briefing").joinpath("assets/stylesheets/print-edition.css").read_text("utf-8")
        yield from (
            "<!doctype html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
            f"<title>{html.escape(title)} — print edition</title>",
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<style>{css}</style>", "</head>", "<body>",
            f'<header class="bf-print-cover"><h1>{html.escape(title)}</h1>'
            f"<p>{html.escape(subtitle)}</p>"
            '<p class="bf-print-back"><a href="index.html">Back to the site</a></p></header>',
            f'<nav class="bf-print-toc" aria-label="Contents"><h2>Contents</h2><ol>{_toc(groups)}</ol></nav>',
            "<main>")
        for kind, heading, members in groups:
            if heading:
                yield f'<h1 class="bf-print-part" id="part-{kind}">{heading}</h1>'
            for part in members:
                fragment = self.fragment(part, contents[part.path], included)
                yield (f'<section class="bf-print-page bf-print-{kind}" id="{page_id(part.path)}">'
                       f"<h1>{html.escape(part.title)}</h1>{fragment}</section>")
        yield from ("</main>", "</body>", "</html>", "")


def _toc(groups) -> str:
    toc = []
    for kind, heading, members in groups:
        if heading:
            toc.append(f'<li><a href="#part-{kind}">{heading}</a><ol>'
                       + "".join(f'<li><a href="#{page_id(p.path)}">{html.escape(p.title)}</a></li>'
                                 for p in members) + "</ol></li>")
        else:
            toc.append(f'<li><a href="#{page_id(members[0].path)}">{html.escape(members[0].title)}</a></li>')
    return "".join(toc)


def _rewrite(path: str, content: str, included: set[str]) -> tuple[str, dict[str, bool]]:
    """One page's HTML for the edition: ids prefixed, links made in-page where they can;
    and the pages it links to, with whether each is in the edition."""
    prefix = page_id(path)
    content = _GRAPH.sub("", content)
    content = _H1.sub("", content, count=1)  # the edition prints its own title
    content = _PERMALINK.sub("", content)
    content = _TITLE.sub("", content)
    content = _ID.sub(lambda m: f'{m.group(1)}="{prefix}--{m.group(2)}"' if _attribute(m) else m.group(0),
                      content)
    folder = posixpath.dirname(path)
    done: dict[str, str] = {}  # a page links to the same few pages many times
    asked: dict[str, bool] = {}

    def link(match: re.Match) -> str:
        if not _attribute(match):
            return match.group(0)
        found = done.get(match.group(1))
        if found is None:
            found = done[match.group(1)] = _link(match)
        return found

    def _link(match: re.Match) -> str:
        target = html.unescape(match.group(1))
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
            return match.group(0)  # another site, or mailto:
        where, _, anchor = target.partition("#")
        # In the edition the fragment is the id alone: no text directive (":~:text=…").
        element = anchor.partition(":~:")[0]
        if not where:
            if not anchor:
                return match.group(0)
            return f'href="#{html.escape(prefix + (f"--{element}" if element else ""), quote=True)}"'
        resolved = posixpath.normpath(posixpath.join(folder, where))
        asked[resolved] = resolved in included
        if resolved in included:
            inside = page_id(resolved) + (f"--{element}" if element else "")
            return f'href="#{html.escape(inside, quote=True)}"'
        return f'href="{html.escape(resolved + ("#" + anchor if anchor else ""), quote=True)}"'
    return _mark_urls(_HREF.sub(link, content)), asked


def _attribute(match: re.Match) -> bool:
    """The match starts a word (`id=`, not `data-bfid=`), as a leading \b would have it."""
    at = match.start()
    return at == 0 or not (match.string[at - 1].isalnum() or match.string[at - 1] == "_")


def _bare(address: str) -> str:
    return _SCHEME.sub("", address.strip()).rstrip("/")


def _mark_urls(content: str) -> str:
    """Give the class URL_CLASS to each link to another site whose text is its address."""
    def mark(match: re.Match) -> str:
        attrs, inner = match.group(1), match.group(2)
        href = _HREF_IN_TAG.search(attrs)
        if not href:
            return match.group(0)
        address = html.unescape(href.group(1))
        if not _SCHEME.match(address) or _bare(html.unescape(_TAG.sub("", inner))) != _bare(address):
            return match.group(0)
        found = _CLASS.search(attrs)
        if found is None:
            attrs = f' class="{URL_CLASS}"' + attrs
        elif URL_CLASS not in found.group(1).split():
            attrs = attrs[:found.start(1)] + f"{found.group(1)} {URL_CLASS}".strip() + attrs[found.end(1):]
        return f"<a{attrs}>{inner}</a>"
    return _A.sub(mark, content)
