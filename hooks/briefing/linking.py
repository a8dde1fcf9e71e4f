"""Stage 4, link: turn every page's prose into linked Markdown, in one pass.

Wikilinks are resolved, the first mention of each entity on a page is linked, and the
mentions are recorded, so that "Mentioned in" and the glossary's "Appears in" are known
before any page is rendered.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .autolink import MentionMatcher
from .index import Index
from .model import Entity
from .prose import LinkedProse, ProseLinker

QUOTE_MARK = "\ue000"  # wraps a placed quote's id until the renderer puts the block there


def quote_placeholder(qid: str) -> str:
    return f"{QUOTE_MARK}{qid}{QUOTE_MARK}"


@dataclass
class Linked:
    """The linked prose of every page, keyed by the page's docs-relative path."""

    prose: dict[str, LinkedProse] = field(default_factory=dict)
    placed: dict[str, set[str]] = field(default_factory=dict)  # entity id -> placed quote ids
    matcher: MentionMatcher | None = None
    abbreviations: object | None = None  # an Abbreviations, set before rendering


def link_entity(index: Index, linked: Linked, entity: Entity) -> None:
    quotes = index.quotes_by_owner.get(entity.id, {})
    placed = linked.placed.setdefault(entity.id, set())

    def place(qid: str) -> str | None:
        if qid not in quotes:
            return None
        placed.add(qid)
        return "\n" + quote_placeholder(qid) + "\n"

    linker = ProseLinker(entity.page, entity.id, index, linked.matcher, True, place)
    prose = linker.process(entity.body.replace(QUOTE_MARK, ""), entity.body_line)
    entity.body = ""  # the linked prose replaces it; keep one copy in memory, not two
    _record(index, linked, entity.page, entity.path, prose)


def link_document(index: Index, linked: Linked, page: str, text: str, path: str) -> LinkedProse:
    """A hand-written docs/ page: trusted, so only links are added."""
    linker = ProseLinker(page, None, index, linked.matcher, untrusted=False)
    prose = linker.process(text, 1)
    _record(index, linked, page, path, prose)
    return prose


def _record(index: Index, linked: Linked, page: str, path: str, prose: LinkedProse) -> None:
    linked.prose[page] = prose
    for target in prose.mentions:
        index.mentions[target].add(page)
    for line, message, hint in prose.errors:
        index.problems.add(path, line, message, hint)


def wikilinks_only() -> Linked:
    """Linking that resolves and checks wikilinks but auto-links nothing: for `check`,
    which needs only the errors (auto-linking finds none)."""
    return Linked(matcher=MentionMatcher({}))


def link_documents(index: Index, linked: Linked, documents: dict[str, tuple[str, str]]) -> None:
    for page, (text, path) in sorted(documents.items()):
        link_document(index, linked, page, text, path)


def link_all(index: Index, documents: dict[str, tuple[str, str]]) -> Linked:
    """Link every brief's prose and every docs page ({page: (text, path)})."""
    linked = Linked(matcher=MentionMatcher(index.surface))
    for entity in index.entities():
        if entity.kind != "source":
            link_entity(index, linked, entity)
    link_documents(index, linked, documents)
    return linked
