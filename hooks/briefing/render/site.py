"""Stage 5, render: the plan of the site (every page, its section and group), and the
dispatch from a page's spec to its renderer.

Entity pages sit outside the navigation, so that Material does not render thousands of
links into every page; each belongs to a group (People, Signed, Grade D, …) whose page is
in the navigation, and the engine adapter makes that group the page's parent, which
highlights its tab and gives it a breadcrumb. No page lists every entity except the
section index pages, the glossary and the graph, one page each: the cost stays linear.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..formats import ACTOR_TYPES, AGREEMENT_STATUSES, TOPIC_STATUSES
from ..model import Entity, Source
from . import downloads, glossary, graph, home, indexes, pages, tags, timeline
from .blocks import mentions_page_of
from .stash import Stashed, stash
from .view import View

KINDS = ("topic", "actor", "agreement", "source")
SECTION_TITLES = {"actor": "Actors", "agreement": "Agreements", "topic": "Topics", "source": "Sources"}
ACTOR_GROUPS = {"person": "People", "state": "States", "organization": "Organizations",
                "media": "Media", "group": "Groups"}
GRADES = "ABCDEF"


@dataclass(frozen=True)
class Spec:
    """A page to render: where it goes, what renders it, and about what."""

    path: str  # docs-relative, e.g. actors/ana-costa.md
    kind: str  # entity | group | index | glossary | timeline | graph | tags | downloads | mentions | document
    key: str = ""  # the entity id, the kind, or 'kind/group'
    edit_path: str | None = None  # the file behind the page, for "Edit this page"


@dataclass
class Page:
    spec: Spec
    markdown: str
    reads: frozenset[str] = frozenset()
    footer: str = ""  # what the engine appends: the abbreviations' definitions (`View.footer`)
    _stashed: Stashed | None = field(default=None, repr=False, compare=False)

    @property
    def path(self) -> str:
        return self.spec.path

    @property
    def stashed(self) -> Stashed:
        """The Markdown for the engine, its raw HTML blocks held back (`stash`); a
        hand-written page goes as it is."""
        if self._stashed is None:
            self._stashed = stash(self.markdown) if self.spec.kind != "document" \
                else Stashed(self.markdown, (), frozenset())
        return self._stashed


@dataclass
class Group:
    title: str
    page: str  # e.g. actors/people/index.md


@dataclass
class Section:
    kind: str
    title: str
    page: str  # e.g. actors/index.md
    groups: list[Group] = field(default_factory=list)


@dataclass
class SitePlan:
    pages: list[Spec]
    sections: list[Section]
    parents: dict[str, str]  # entity page -> its group page


def group_of(entity: Entity) -> tuple[str, str]:
    """(slug, title) of the group an entity is listed under on its section's pages."""
    if entity.kind == "actor":
        kind = entity.type or "organization"
        return ACTOR_GROUPS[kind].lower(), ACTOR_GROUPS[kind]
    if entity.kind in ("agreement", "topic"):
        return entity.status, entity.status.replace("-", " ").capitalize()
    grade = entity.grade or "F"
    return f"grade-{grade.lower()}", f"Grade {grade}"


def group_order(kind: str) -> list[str]:
    return {"actor": [ACTOR_GROUPS[t].lower() for t in ACTOR_TYPES],
            "agreement": list(AGREEMENT_STATUSES), "topic": list(TOPIC_STATUSES),
            "source": [f"grade-{g.lower()}" for g in GRADES]}[kind]


def plan(view: View, documents: dict) -> SitePlan:
    specs, sections, parents = [], [], {}
    for kind in KINDS:
        members = view.of_kind(kind)
        section = Section(kind, SECTION_TITLES[kind], f"{kind}s/index.md")
        found: dict[str, tuple[str, list[Entity]]] = {}
        for entity in members:
            slug, title = group_of(entity)
            found.setdefault(slug, (title, []))[1].append(entity)
        for slug in group_order(kind):
            if slug in found:
                group = Group(found[slug][0], f"{kind}s/{slug}/index.md")
                section.groups.append(group)
                specs.append(Spec(group.page, "group", f"{kind}/{slug}"))
                for entity in found[slug][1]:
                    parents[entity.page] = group.page
        specs.append(Spec(section.page, "index", kind))
        sections.append(section)
        for entity in members:
            specs.append(Spec(entity.page, "entity", entity.id, entity.path))
            if mentions_page_of(view, entity):
                specs.append(Spec(mentions_page_of(view, entity), "mentions", entity.id))
    glossary_path = view.index.briefing.glossary_path if view.index.briefing.glossary else None
    specs += [Spec("glossary.md", "glossary", edit_path=glossary_path), Spec("timeline.md", "timeline"),
              Spec("graph.md", "graph"), Spec("tags.md", "tags"), Spec("downloads.md", "downloads")]
    specs += [Spec(page, "document", page, path) for page, (_, path) in sorted(documents.items())]
    return SitePlan(specs, sections, parents)


def render_page(view: View, spec: Spec, documents: dict, record: bool = True,
                parts: dict | None = None) -> Page:
    """A page; with `record`, it also notes what it read (only a kept session, which
    renders again what an edit touches, needs that). `parts`: the kept parts of every
    page (`View.part`), updated with this page's."""
    if record:
        view.begin(parts.get(spec.path, {}) if parts is not None else None)
    markdown = _render(view, spec, documents)
    footer = view.footer(spec.path)
    if record and parts is not None:
        parts[spec.path] = view.made
    return Page(spec, markdown, view.end(), footer)


def _render(view: View, spec: Spec, documents: dict) -> str:
    kind = spec.kind
    if kind == "entity":
        entity = view.face(spec.key)
        return pages.source_page(view, entity) if isinstance(entity, Source) else pages.entity_page(view, entity)
    if kind == "group":
        section, slug = spec.key.split("/", 1)
        return indexes.group_page(view, section, slug)
    if kind == "index":
        return indexes.index_page(view, spec.key)
    if kind == "mentions":
        return pages.mentions_page(view, view.face(spec.key))
    if kind == "document":
        return home.document(view, spec.key, spec.edit_path)
    return {"glossary": glossary.glossary_page, "timeline": timeline.timeline_page,
            "graph": graph.graph_page, "tags": tags.tags_page,
            "downloads": downloads.downloads_page}[kind](view)
