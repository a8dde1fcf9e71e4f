"""The whole pipeline: load → validate → index → link → render, framework-free.

`build(root, documents)` returns a `Site`: the generated pages, the linked hand-written
pages and every problem. The MkDocs hooks and the `check` command are thin callers.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .abbreviations import Abbreviations
from .index import Index, build_index, check_glossary, register
from .linking import Linked, link_all, link_documents, wikilinks_only
from .model import Briefing
from .problems import Problems
from .render.glossary import glossary_page
from .render.graph import graph_page
from .render.home import fill_markers
from .render.html import clear_caches
from .render.indexes import index_page
from .render.pages import entity_page, source_page
from .render.timeline import timeline_page
from .workers import load_and_validate, relate_and_link


@dataclass
class Page:
    """A generated page: where it goes in the docs tree and the file behind it."""

    path: str  # docs-relative, e.g. actors/iran.md
    markdown: str
    edit_path: str | None = None  # the brief or metadata file, relative to the project root


@dataclass
class Site:
    problems: Problems
    index: Index | None = None
    pages: list[Page] = field(default_factory=list)
    documents: dict[str, str] = field(default_factory=dict)  # docs page -> linked Markdown

    def counts(self) -> dict[str, int]:
        if self.index is None:
            return {}
        b = self.index.briefing
        return {"briefs": b.brief_count(), "sources": len(b.sources), "quotes": b.quote_count(),
                "glossary entries": len(self.index.by_id) + len(b.glossary),
                "pages": len(self.pages)}


def check(root: Path, documents: dict[str, tuple[str, str]] | None = None
          ) -> tuple[Problems, Index, Linked]:
    """Everything the build validates, without rendering a page."""
    problems = Problems()
    briefing = load_and_validate(root, problems)
    index = build_index(briefing, problems)
    documents = _without_generated(index, documents or {}, problems)
    linked = link_all(index, documents)
    _fill_markers(index, linked, documents)
    return problems, index, linked


def find_problems(root: Path, documents: dict[str, tuple[str, str]] | None = None,
                  jobs: int = 1) -> tuple[Problems, Briefing]:
    """The problems `check` finds, spread over up to `jobs` processes (see `workers`).
    Nothing is kept for rendering: this is the `check` command."""
    problems = Problems()
    briefing = load_and_validate(root, problems, jobs)
    index = register(briefing, problems)
    relate_and_link(index, jobs)
    check_glossary(index)
    documents = _without_generated(index, documents or {}, problems)
    linked = wikilinks_only()
    link_documents(index, linked, documents)
    _fill_markers(index, linked, documents)
    return problems, briefing


def _fill_markers(index: Index, linked: Linked, documents: dict) -> None:
    for page, (_, path) in documents.items():
        linked.prose[page].markdown = fill_markers(index, page, linked.prose[page].markdown, path)


FIXED_PAGES = ("actors/index.md", "agreements/index.md", "topics/index.md", "sources/index.md",
               "glossary.md", "timeline.md", "graph.md")


def _without_generated(index: Index, documents: dict, problems: Problems) -> dict:
    """Nothing lost: a hand-written page where a generated one goes is an error."""
    taken = {e.page: e.path for e in index.by_id.values()}
    taken.update(dict.fromkeys(FIXED_PAGES, "the briefs"))
    for page in documents.keys() & taken.keys():
        problems.add(f"docs/{page}", 0, "this page is generated from the briefs, so the "
                     "hand-written file would be lost", f"move it, or edit {taken[page]} instead")
    return {page: doc for page, doc in documents.items() if page not in taken}


def render(index: Index, linked: Linked) -> list[Page]:
    briefing = index.briefing
    pages: list[Page] = []
    # Sources first: their article text records mentions that entity pages list.
    for source in briefing.sources:
        if index.owns(source):
            pages.append(Page(source.page, source_page(index, linked, source), source.path))
    for entity in [*briefing.actors, *briefing.agreements, *briefing.topics]:
        if index.owns(entity):
            pages.append(Page(entity.page, entity_page(index, linked, entity), entity.path))
    for kind in ("actor", "agreement", "topic", "source"):
        pages.append(Page(f"{kind}s/index.md", index_page(index, kind, getattr(briefing, f"{kind}s"))))
    pages.append(Page("glossary.md", glossary_page(index), briefing.glossary_path))
    pages.append(Page("timeline.md", timeline_page(index)))
    pages.append(Page("graph.md", graph_page(index)))
    return pages


def build(root: Path, documents: dict[str, tuple[str, str]] | None = None) -> Site:
    """Run every stage. `documents` maps docs pages to (Markdown, file path) for linking."""
    problems, index, linked = check(root, documents)
    index.searches.clear()  # normalized source texts are only needed to verify quotes
    site = Site(problems, index)
    if problems:
        return site
    # Tooltips for abbreviations (Python-Markdown's abbr extension, which works on Markdown
    # text: the prose, not the raw HTML we generate). Each page gets only the definitions its
    # prose uses, found by one multi-pattern scan; a footer with every definition on every
    # page would grow the site quadratically.
    abbr = linked.abbreviations = Abbreviations(index)
    footers = {page: abbr.footer(prose.markdown) for page, prose in linked.prose.items()}
    site.pages = render(index, linked)
    clear_caches()
    for page in site.pages:
        page.markdown += footers.get(page.path, "")
    for page in documents or {}:  # what is left of the linked prose: the docs pages
        site.documents[page] = linked.prose[page].markdown + footers[page]
    return site
