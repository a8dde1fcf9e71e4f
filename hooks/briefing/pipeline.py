"""The one route through the stages: load → validate → index → link → render → emit.

`Session(root).run(documents)` is what `briefing check`, the MkDocs build and the live
preview all call, so they cannot drift apart: `check` stops before rendering
(`render=False`), the build renders everything once, and the preview keeps its session
between edits, so that a run redoes only what changed:

* load and validate: only the files whose size or modification time changed;
* index: the registries are rebuilt (dictionary inserts); a brief is related again (its
  quotes verified, its relations recorded) only when it changed or an entity it names
  did (`relatecache`), otherwise what relating it added is replayed;
* link: only the briefs whose text changed, that link to a brief whose fields changed, or
  whose text holds a name that was added, removed or renamed; the record of who mentions
  whom is updated in place (`mentions`);
* render: only the pages whose recorded reads (`render.view`) changed.
"""
from __future__ import annotations

import gc
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from .history import History
from .index import Index, check_glossary, register, relate
from .linking import Linked, apply, link_articles, link_documents, link_entity, link_rest, wikilinks_only
from .linkcache import LinkCache
from .relatecache import RelateCache
from .autolink import MentionMatcher
from .load import Layout, RawCorpus, find
from .model import Briefing, Entity, Source
from .problems import Problem, Problems
from .render.view import SiteInfo, View

if TYPE_CHECKING:  # the render and emit stages are imported when a run renders: `check` never does
    from .export import Fragments
    from .render.site import Page, SitePlan
from .settings import Settings, load_settings
from .standards import check_standards
from .store import FileStore
from .workers import relate_and_link_parallel


SINGULAR = {"briefs": "brief", "sources": "source", "quotes": "quote", "inline quotations":
            "inline quotation", "glossary entries": "glossary entry", "pages": "page"}


@dataclass
class Run:
    """What one run produced: its problems and, when it rendered, the site."""

    problems: Problems
    settings: Settings
    briefing: Briefing
    index: Index | None = None
    linked: Linked | None = None
    pages: dict[str, Page] = field(default_factory=dict)  # every page, by docs path
    changed: set[str] = field(default_factory=set)  # pages whose Markdown differs from the last run
    removed: set[str] = field(default_factory=set)  # pages the last run had and this one has not
    edited: set[str] = field(default_factory=set)  # the briefs and seeds read again: what was saved
    plan: SitePlan | None = None

    @property
    def failed(self) -> bool:
        return self.problems.failed(self.settings.strict)

    def counts(self) -> dict[str, int]:
        b = self.briefing
        counts = {"briefs": b.brief_count(), "sources": len(b.sources), "quotes": b.quote_count()}
        if self.linked is not None:
            counts["inline quotations"] = self.linked.quotation_count()
        if self.index is not None:
            counts["glossary entries"] = len(self.index.by_id) + len(b.glossary)
        if self.pages:
            counts["pages"] = len(self.pages)
        return counts

    def summary(self) -> str:
        return ", ".join(f"{v:,} {k if v != 1 else SINGULAR[k]}" for k, v in self.counts().items())


class Session:
    """One briefing project, run through the stages as often as it is asked. `keep`
    holds what each stage produced between runs (the live preview); a one-shot build or
    `check` does without it, to use less memory."""

    def __init__(self, root: Path, site: SiteInfo | None = None, keep: bool = False):
        self.root = root
        self.site = site or SiteInfo()
        self.keep = keep
        self.store = FileStore(root)
        self.history = History(root)
        self.previous: Run | None = None
        self.rendered: dict[str, Page] = {}  # the last good run's pages
        self.fingerprints: dict[str, int] = {}
        self.readers: dict[str, set[str]] = {}  # key -> the kept pages that read it
        self.entity_prints = None  # each entity's own fingerprints (`render.fingerprints`)
        self.links = LinkCache()
        self.relations = RelateCache()
        # The data files' encoded parts, by file: each file keeps its own, so a file the
        # live preview has not made for a while keeps its parts (`emit.data_makers`).
        self.parts: dict[str, Fragments] | None = {} if keep else None
        self.page_parts: dict[str, dict] = {}  # the pages' kept parts (`View.part`)
        self.previews: dict | None = {} if keep else None  # the kept link previews (`previews`)

    def run(self, documents: dict[str, tuple[str, str]] | None = None, render: bool = True,
            jobs: int = 1, each: Callable[[Run, Page], Page] | None = None) -> Run:
        """Every stage, once. `documents` maps hand-written docs pages to (Markdown, path).
        `each` takes every page as it is rendered and returns what the run keeps of it: a
        one-shot build packs them, so that a large site is never all in memory at once."""
        documents = dict(documents or {})
        problems = Problems()
        settings = load_settings(self.root, problems)
        problems.rules = settings.rules
        layout = find(self.root, problems)
        briefing = self.store.briefing(layout, problems, jobs)
        kept = self.previous.index.provenance if self.keep and self.previous and self.previous.index else None
        index = register(briefing, problems, kept)
        documents = _without_generated(index, documents, problems)
        run = Run(problems, settings, briefing, index, edited=set(self.store.read_again))
        if jobs > 1 and not render:
            run.linked = Linked(matcher=MentionMatcher({}), autolink=False)
            relate_and_link_parallel(index, run.linked, jobs)  # `check` on every core
            _link_rest(index, run.linked, documents)
        else:
            if self.keep:
                self.relations.relate_all(index)
            else:
                for entity in index.entities():
                    relate(index, entity)
            if self.keep and render and run.failed:
                run.linked = self._link_failed(index, documents)
            else:
                run.linked = self._link(index, documents, autolink=render)
        check_glossary(index)
        check_standards(index, run.linked)
        if not render or run.failed:
            self.previous = run
            return run
        self._render(run, documents, each)
        self.previous = run
        return run

    # -- link -------------------------------------------------------------------------------
    def _link(self, index: Index, documents, autolink: bool) -> Linked:
        if not self.keep:
            matcher = MentionMatcher(index.surface) if autolink else MentionMatcher({})
        else:
            matcher = self.links.begin(index, autolink)
            index.mentioned = self.links.mentioned
            index.mentioned.begin()
        linked = Linked(matcher=matcher, autolink=autolink)
        for entity in index.entities():
            if entity.kind == "source" or entity.stub:
                continue
            done = self.links.get(entity) if self.keep else None
            if done is not None:
                apply(index, linked, done)
            elif self.keep:
                self.links.put(link_entity(index, linked, entity, keep=True))
            else:
                link_entity(index, linked, entity)
        if self.keep:
            self.links.end(index)
        _link_rest(index, linked, documents, articles=autolink,
                   memo=self.links.articles if self.keep else None)
        if self.keep:
            index.mentioned.end()
        return linked

    def _link_failed(self, index: Index, documents) -> Linked:
        """A preview run that has failed before linking renders nothing, so it links as
        `check` does (the problems are the same, auto-linking finds none) and keeps
        nothing: the next run is compared with the last one that rendered. A broken save
        and the save that fixes it then build no name matcher and link no article again."""
        linked = wikilinks_only()
        self.links.compare(index, autolink=True)
        for entity in index.entities():
            if entity.kind == "source" or entity.stub:
                continue
            done = self.links.get(entity)
            if done is not None:
                apply(index, linked, done)
            else:  # `keep`: the entity is the session's, and later runs link its text again
                link_entity(index, linked, entity, keep=True)
        _link_rest(index, linked, documents)
        return linked

    # -- emit -------------------------------------------------------------------------------
    def data_files(self, run: Run, titles: dict[str, str]) -> dict[str, bytes]:
        """The files of a rendered run that are not pages (`emit`)."""
        from .emit import data_files
        return data_files(run.index, run.linked, self.site, titles, self.parts)

    def data_makers(self, run: Run, titles: dict[str, str]) -> dict[str, Callable[[], bytes]]:
        """The same files, each made when called (`emit.data_makers`)."""
        from .emit import data_makers
        return data_makers(run.index, run.linked, self.site, titles, self.parts)

    # -- render -----------------------------------------------------------------------------
    def _render(self, run: Run, documents, each=None) -> None:
        from .abbreviations import Abbreviations
        from .render.html import clear_caches
        from .render.site import plan, render_page
        kept = self.previous.linked.abbreviations if self.keep and self.previous and self.previous.linked else None
        run.linked.abbreviations = Abbreviations(run.index).same(kept)
        view = View(run.index, run.linked, self.site, *self.history.read())
        run.plan = plan(view, documents)
        fresh = self._fingerprints(view) if self.keep else {}
        changed_keys = {k for k, v in fresh.items() if self.fingerprints.get(k) != v} | \
            (self.fingerprints.keys() - fresh.keys())
        view.changed = changed_keys
        # The pages to render again, looked up by key: every page's reads are not scanned.
        stale = set().union(*(self.readers.get(k, ()) for k in changed_keys)) if self.keep else set()
        pages: dict[str, Page] = {}
        again: list[Page] = []
        for spec in run.plan.pages:
            old = self.rendered.get(spec.path)
            if old is not None and self.keep and spec.path not in stale and old.spec == spec:
                pages[spec.path] = old
                continue
            page = render_page(view, spec, documents, record=self.keep,
                               parts=self.page_parts if self.keep else None)
            if old is None or old.markdown != page.markdown or old.footer != page.footer:
                run.changed.add(spec.path)
            pages[spec.path] = each(run, page) if each else page
            if self.keep:  # a one-shot build keeps no page whole (`each`)
                again.append(page)
        run.removed = set(self.rendered) - set(pages)
        run.pages = pages
        for gone in self.page_parts.keys() - pages.keys():
            del self.page_parts[gone]
        if self.keep:
            self._note_readers(again, [self.rendered[gone] for gone in run.removed])
            self.rendered, self.fingerprints = pages, fresh
        # The link caches help within a render; kept after it they hold memory a one-shot
        # build needs for MkDocs, and in the preview they would fill with the links of
        # names and pages that are gone.
        clear_caches()
        gc.collect(0)

    def _note_readers(self, again: list[Page], gone: list[Page]) -> None:
        """`readers` after a render: the pages rendered again read what they read now.
        Only the keys a page stopped or started reading are touched: the glossary reads
        every entity, and an edit seldom changes what it reads."""
        for page in gone:
            for key in page.reads:
                self.readers[key].discard(page.path)
        for page in again:
            old = self.rendered.get(page.path)
            before = old.reads if old is not None else frozenset()
            if before == page.reads:
                continue
            for key in before - page.reads:
                self.readers[key].discard(page.path)
            for key in page.reads - before:
                self.readers.setdefault(key, set()).add(page.path)

    def _fingerprints(self, view: View) -> dict[str, int]:
        from .render.fingerprints import EntityPrints, fingerprints
        self.entity_prints = self.entity_prints or EntityPrints()
        return fingerprints(view, self.store, self.entity_prints)


def _link_rest(index: Index, linked: Linked, documents, articles: bool = False, memo=None) -> None:
    if articles:
        link_articles(index, linked, memo)
    link_rest(index, linked)
    link_documents(index, linked, documents)


def registry(root: Path) -> Index:
    """The ids and names of a briefing, and nothing else checked: what `new` and
    `import-source` need to refuse an id or a name that is taken."""
    problems = Problems()
    briefing = FileStore(root).briefing(find(root, problems), problems)
    return register(briefing, problems)


GENERATED_FOLDERS = ("actors/", "agreements/", "topics/", "sources/", "mentions/")
FIXED_PAGES = ("glossary.md", "timeline.md", "graph.md", "tags.md", "downloads.md")


def _without_generated(index: Index, documents: dict, problems: Problems) -> dict:
    """Nothing lost: a hand-written page where generated pages go is an error (and a brief
    copied into docs/ is not published unchecked)."""
    kept = {}
    for page, doc in documents.items():
        if page.startswith(GENERATED_FOLDERS):
            folder = page.split("/", 1)[0]
            hint = (f"briefs go in briefs/{folder}/, where `check` reads them" if folder != "mentions"
                    else "move it elsewhere in docs/")
            problems.add(f"docs/{page}", 0, f"docs/{folder}/ is where the site's generated "
                         f"{folder} pages go, so this hand-written file would not be checked", hint)
        elif page in FIXED_PAGES:
            problems.add(f"docs/{page}", 0, "this page is generated from the briefs, so the "
                         "hand-written file would be lost", "rename it, or remove it")
        else:
            kept[page] = doc
    return kept
