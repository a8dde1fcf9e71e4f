"""Stage 6, emit: the files of the site that are not pages.

* briefing.json and its schema (`export`);
* feed.xml, an Atom feed with one entry per brief, newest review first;
* search/briefing-index.js, the search index, as a script so that it loads from file://
  (the search itself is assets/javascripts/search.js, over the vendored MiniSearch). It is
  built from the model, not from rendered HTML, so menus, graph labels and page furniture
  never get into it, and each field keeps its spaces.

Everything is sorted and stamped with no clock, so two builds of one tree are identical.
"""
from __future__ import annotations

import html
import re
from typing import Callable

from . import __version__
from .export import Fragments, compact_json, export_text
from .formats import KIND_LABELS
from .index import Index
from .linking import QUOTE_MARK, Linked
from .model import Entity, Source, Topic
from .render.view import SiteInfo
from .schemas import export_schema_json

SEARCH_INDEX = "search/briefing-index.js"
FEED = "feed.xml"


def data_files(index: Index, linked: Linked, site: SiteInfo, pages: dict[str, str],
               parts: dict[str, Fragments] | None = None) -> dict[str, bytes]:
    """{site path: bytes}. `pages` maps reference pages (docs path) to their titles;
    `parts` (a session's, by file) reuses the encoded parts that did not change since its
    last run."""
    return {path: make() for path, make in data_makers(index, linked, site, pages, parts).items()}


def data_makers(index: Index, linked: Linked, site: SiteInfo, pages: dict[str, str],
                parts: dict[str, Fragments] | None = None) -> dict[str, Callable[[], bytes]]:
    """{site path: how to make its bytes}, so that the live preview can leave each file
    until a reader asks for it: no page loads one as it opens (the search index is loaded
    when the reader first searches)."""
    parts = {} if parts is None else parts

    def kept(path: str, make: Callable[[Fragments], str]) -> Callable[[], bytes]:
        def made() -> bytes:
            fragments = parts.setdefault(path, Fragments())
            text = make(fragments)
            fragments.end()
            return text.encode()
        return made

    return {
        "briefing.json": kept("briefing.json", lambda f: export_text(index, linked.quotations, f)),
        "briefing.schema.json": lambda: export_schema_json().encode(),
        FEED: lambda: feed(index, site).encode(),
        SEARCH_INDEX: kept(SEARCH_INDEX, lambda f: search_index(index, linked, pages, f)),
    }


# -- the feed --------------------------------------------------------------------------

def _url(site: SiteInfo, path: str) -> str:
    return (site.url.rstrip("/") + "/" if site.url else "") + path


def feed(index: Index, site: SiteInfo) -> str:
    briefs = [e for e in index.entities() if not e.stub and e.kind != "source"]
    briefs.sort(key=lambda e: (e.updated.iso() if e.updated else "", e.id), reverse=True)
    newest = next((e.updated for e in briefs if e.updated), None)
    esc = lambda s: html.escape(s, quote=True)
    stamp = lambda d: f"{d.iso()}T00:00:00Z" if d else "1970-01-01T00:00:00Z"
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<feed xmlns="http://www.w3.org/2005/Atom">',
             f"<title>{esc(site.title)}</title>",
             f'<link rel="alternate" href="{esc(_url(site, "index.html"))}"/>',
             f'<link rel="self" href="{esc(_url(site, FEED))}"/>',
             f"<id>{esc(_url(site, FEED) if site.url else 'urn:briefing:' + _slug(site.title))}</id>",
             f"<updated>{stamp(newest)}</updated>",
             f'<generator version="{__version__}">briefing</generator>']
    for entity in briefs:
        link = _url(site, entity.page[:-3] + ".html")
        kind = KIND_LABELS[entity.kind]
        lines += ["<entry>", f"<title>{esc(entity.name)} ({kind})</title>",
                  f'<link rel="alternate" href="{esc(link)}"/>',
                  f"<id>{esc(link if site.url else 'urn:briefing:' + _slug(site.title) + ':' + entity.id)}</id>",
                  f"<updated>{stamp(entity.updated)}</updated>",
                  f'<summary type="text">{esc(" ".join(entity.summary.split()))}</summary>', "</entry>"]
    return "\n".join(lines + ["</feed>", ""])


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "briefing"


# -- the search index ---------------------------------------------------------------------

# A Markdown link, whose title ("…", '…' or (…)) may hold parentheses: every preview the
# linker writes does ("Northline (Actor): …"). The label is what a reader sees.
_MD_LINK = re.compile(r"""!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\((?:[^()\s]|\([^()]*\))*"""
                      r"""(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*\)""")
_TAGS = re.compile(r"""<(?:[^>"']|"[^"]*"|'[^']*')+>""")  # a '>' in a quoted attribute does not end it
_PLACED = re.compile(f"{QUOTE_MARK}[^{QUOTE_MARK}]*{QUOTE_MARK}")  # a placed quote's id, not text
_MARKUP = re.compile(r"[*_`#>|]+|^\s*[-+]\s+|\{[^}]*\}", re.M)
_ENTITIES = re.compile(r"&(#\d+|#x[0-9a-f]+|[a-z]+);", re.I)
MAX_TEXT = 6_000  # characters of body text per page in the index


def plain_text(markdown: str) -> str:
    """Readable text of linked prose: link labels kept, markup and tags dropped, spaces kept."""
    text = _PLACED.sub(" ", markdown)
    text = _MD_LINK.sub(r"\1", text)
    text = _TAGS.sub(" ", text)
    text = _MARKUP.sub(" ", text)
    text = html.unescape(text)
    return " ".join(text.split())


def _body(entity: Entity, linked: Linked) -> str:
    prose = linked.prose.get(entity.page)
    parts = [plain_text(prose.markdown)] if prose else []
    parts += [q.match.exact for q in entity.quotes if q.match]
    if isinstance(entity, Topic):
        parts += [j.text for j in entity.judgments] + [e.text for e in entity.events]
    if isinstance(entity, Source):
        parts += [p.text for p in entity.paragraphs]
    return " ".join(parts)[:MAX_TEXT]


def _detail(entity: Entity) -> str:
    if isinstance(entity, Source):
        return entity.grade or "F"
    return getattr(entity, "type", None) or getattr(entity, "status", "") or ""


def search_index(index: Index, linked: Linked, pages: dict[str, str], parts: Fragments | None = None) -> str:
    parts = parts or Fragments()
    docs = []
    for entity in sorted((e for e in index.entities() if not e.stub), key=lambda e: e.id):
        prose = linked.prose.get(entity.page)
        made_from = (entity, prose, *(q.match for q in entity.quotes))
        docs.append(parts.get(("search", entity.id), made_from, lambda e=entity: _search_doc(e, linked)))
    for term in sorted(index.briefing.glossary, key=lambda t: t.term.casefold()):
        docs.append(compact_json({"u": "glossary.html#" + term.anchor, "t": term.term, "k": "term", "d": "",
                            "n": [term.term, *term.aliases] + ([term.abbreviation] if term.abbreviation else []),
                            "s": " ".join(term.definition.split()), "x": ""}))
    for page, title in sorted(pages.items()):
        docs.append(compact_json({"u": page[:-3] + ".html", "t": title, "k": "page", "d": "", "n": [title],
                            "s": "", "x": ""}))
    payload = '{"docs":[' + ",".join(docs) + '],"version":1}'
    # In a script, "</" could close the tag that loads it: keep it out.
    return "window.__briefingSearch = " + payload.replace("</", "<\\/") + ";\n"


def _search_doc(entity: Entity, linked: Linked) -> dict:
    names = [entity.name, *entity.aliases] + ([entity.abbreviation] if entity.abbreviation else [])
    if isinstance(entity, Source) and entity.label:
        names.append(entity.label)
    return {"u": entity.page[:-3] + ".html", "t": entity.name, "k": entity.kind,
            "d": _detail(entity), "n": names, "s": " ".join(entity.summary.split()), "x": _body(entity, linked)}
