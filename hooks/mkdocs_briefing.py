"""MkDocs adapter: the `briefing` plugin, a thin layer from MkDocs events to the
framework-free core (`briefing`), and the live preview (`serve`).

* on_config adds the package's assets and theme overrides, so a briefing holds none.
* on_files runs the one route (`briefing.pipeline.Session.run`), reports every problem
  together (the build stops without a traceback) and adds every page as a generated file;
  nothing is written into docs/.
* on_nav makes each entity page a child of its group (Actors › People), which highlights
  its tab and gives it a breadcrumb, without putting thousands of pages in the sidebar.
* on_page_content keeps each page's HTML for the print edition, written in on_post_build
  (in the live preview, when a reader opens it).

The live preview (`mkdocs_preview`) keeps one session between edits and builds "dirty": only
the pages whose Markdown changed are rendered again.
"""
from __future__ import annotations

import json
import logging
import os
import re
import threading
import zlib
from functools import lru_cache
from importlib import resources
from typing import Callable

import jinja2
from pathlib import Path

from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section

from briefing.linkcache import changed_keys
from briefing.previews import fill as fill_previews, keys_in, previews
from briefing.render.stash import Stashed, fill
from briefing.pipeline import Run, Session
from briefing.printed import PAGE as PRINT_PAGE, Part, PrintEdition
from briefing.render.site import Page
from briefing.render.view import SiteInfo
from briefing.settings import NotABriefing, find_root

log = logging.getLogger("mkdocs.plugins.briefing")
ASSETS = ("assets/stylesheets/briefing.css", "assets/stylesheets/search.css")
SCRIPTS = ("assets/javascripts/briefing.js", "assets/javascripts/search.js")
STATIC = ("assets/javascripts/vendor/minisearch.js",)


class _Generated(File):
    """A generated page that says whether its Markdown changed since the last build, so a
    dirty build (the live preview) renders only the pages that did. A one-shot build holds
    its Markdown compressed (`packed`) until MkDocs reads it."""

    modified = True
    packed: bytes | None = None

    def is_modified(self) -> bool:
        return self.modified

    @property
    def content_string(self) -> str:
        if self.packed is not None:
            return zlib.decompress(self.packed).decode("utf-8")
        return File.content_string.fget(self)

    @content_string.setter
    def content_string(self, value: str) -> None:
        self.packed = None
        File.content_string.fset(self, value)

    @property
    def content_bytes(self) -> bytes:
        return zlib.decompress(self.packed) if self.packed is not None else File.content_bytes.fget(self)

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self.packed = None
        File.content_bytes.fset(self, value)


class _Packed:
    """A rendered page as a one-shot build holds it until MkDocs asks: its title, its
    Markdown for the engine and its held-back HTML blocks (`render.stash`), compressed.
    Pages are packed as they are rendered, so the site is never in memory twice."""

    __slots__ = ("title", "markdown", "_blocks", "anchors")

    def __init__(self, title: str | None, markdown: str, stashed: Stashed):
        self.title, self.anchors = title, stashed.anchors
        self.markdown = zlib.compress(markdown.encode("utf-8"), 1)
        # NUL cannot occur in generated HTML: no file with one is read (load.read_text).
        self._blocks = zlib.compress("\0".join(stashed.blocks).encode("utf-8"), 1) if stashed.blocks else b""

    @property
    def blocks(self) -> tuple[str, ...]:
        return tuple(zlib.decompress(self._blocks).decode("utf-8").split("\0")) if self._blocks else ()


class BriefingFailed(PluginError):
    """The briefing has problems; the live preview shows them instead of stopping."""


class _State:
    """What lives between the builds of one process: the session, and the live preview's
    state. MkDocs makes new plugin objects for every build of `serve`; this does not."""

    def __init__(self):
        self.sessions: dict[Path, Session] = {}
        self.prints: dict[Path, PrintEdition] = {}
        self.contents: dict[Path, dict[str, str]] = {}
        self.marked: dict[Path, _Marked] = {}
        self.serving = False
        self.lock = threading.Lock()
        self.run: Run | None = None  # the last run, good or bad
        self.built: dict[str, BriefingPlugin] = {}  # config file -> the plugin of its last good build
        self.pending: tuple[dict, Run] | None = None  # a run the quick path handed on
        # The live preview's files that no page loads, made when a reader asks (`make`).
        # By config file (`built_key`).
        self.deferred: dict[str, dict[str, Callable[[], None]]] = {}

    def defer(self, config: MkDocsConfig, path: str, make: Callable[[], None]) -> None:
        self.deferred.setdefault(built_key(config.config_file_path), {})[path] = make

    def make(self, key: str, path: str | None = None, kind: type | None = None) -> None:
        """Write the deferred file `path` of a project (all of them when None, or all made
        by a `kind` of maker), as its last good build has it. The preview calls this with
        no build running."""
        waiting = self.deferred.get(key, {})
        names = [path] if path is not None else \
            [name for name, make in waiting.items() if kind is None or isinstance(make, kind)]
        for name in names:
            make = waiting.pop(name, None)
            if make is not None:
                make()


class _CompiledTemplates(jinja2.BytecodeCache):
    """The theme's compiled templates, kept between the live preview's builds: MkDocs makes
    a new Jinja environment for every build, which would compile Material again each time.
    Jinja keys each entry by the template's name and source, so an edited template compiles
    anew."""

    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class _Marked:
    """The live preview's record of the written pages that hold preview marks (`previews`):
    each page's HTML with its marks (compressed), and the pages that hold each mark. When a
    brief's summary changes, the pages that link to it (a hundred or more) are filled again
    from it, without rendering them again, when a reader asks for one (`STATE.defer`)."""

    def __init__(self):
        self.html: dict[str, bytes] = {}  # written file -> its HTML with marks, zlib
        self.keys: dict[str, set[str]] = {}  # written file -> the marks it holds
        self.users: dict[str, set[str]] = {}  # mark -> the written files that hold it
        self.previews: dict[str, str] = {}  # what the written files show

    def keep(self, dest: str, marked: str) -> None:
        for key in self.keys.pop(dest, ()):
            self.users.get(key, set()).discard(dest)
        self.html[dest] = zlib.compress(marked.encode("utf-8"), 1)
        self.keys[dest] = keys_in(marked)
        for key in self.keys[dest]:
            self.users.setdefault(key, set()).add(dest)

    def forget(self, dest: str) -> None:
        self.html.pop(dest, None)
        for key in self.keys.pop(dest, ()):
            self.users.get(key, set()).discard(dest)

    def refresh(self, now: dict[str, str], written: set[str]) -> set[str]:
        """The files not written this build that show a preview that changed: each is to be
        filled again (`fill`)."""
        changed = changed_keys(self.previews, now)
        self.previews = dict(now)
        return {dest for key in changed for dest in self.users.get(key, ())} - written

    def fill(self, dest: str) -> None:
        """Write a kept page again with the last good build's previews."""
        if dest in self.html:  # not removed since
            marked = zlib.decompress(self.html[dest]).decode("utf-8")
            Path(dest).write_text(fill_previews(marked, self.previews), encoding="utf-8")


@lru_cache(maxsize=None)  # asked on every deferred file of every edit
def built_key(config_file: str) -> str:
    """The key of a project's last good build in `STATE.built`: its config file."""
    return str(Path(config_file).resolve())


STATE = _State()
TEMPLATES = _CompiledTemplates()


def _package(rel: str) -> Path:
    return Path(str(resources.files("briefing").joinpath(rel)))


class BriefingPlugin(BasePlugin):
    def __init__(self):
        super().__init__()
        self.root: Path | None = None
        self.run: Run | None = None
        self.contents: dict[str, str] = {}
        self.previews: dict[str, str] = {}
        self.written: set[str] = set()
        self.stashed: dict = {}  # page -> its raw HTML blocks (render.stash), until rendered
        self.parents: dict[str, str] = {}
        self.parts: list[Part] = []
        self.removed: set[str] = set()
        self.summary = ""
        self.doc_files: list[File] | None = None  # the live preview's, kept between quick builds

    # -- config: assets and theme overrides come from the package ------------------------
    def on_config(self, config: MkDocsConfig, **kwargs):
        try:
            self.root = find_root(Path(config.config_file_path).resolve().parent)
        except NotABriefing as err:
            raise PluginError(f"briefing: {err}") from None
        theme_dirs = config.theme.dirs
        at = 1 if config.theme.custom_dir else 0
        theme_dirs.insert(at, str(_package("theme")))
        config.extra_css.extend(a for a in ASSETS if a not in config.extra_css)
        config.extra_javascript.extend(s for s in SCRIPTS if s not in config.extra_javascript)
        # Entity pages are reached through their groups, not listed in the sidebar.
        config.validation.nav.omitted_files = logging.DEBUG
        self.config = config
        return config

    def _session(self, config: MkDocsConfig) -> Session:
        site = SiteInfo(config.site_name, config.site_url or "", os.environ.get("BRIEFING_EDIT_URL", ""))
        if not STATE.serving:
            return Session(self.root, site)
        session = STATE.sessions.get(self.root)
        if session is None:
            session = STATE.sessions[self.root] = Session(self.root, site, keep=True)
        session.site = site
        return session

    # -- files: the whole pipeline, once ----------------------------------------------------
    @event_priority(-50)  # after the other plugins have added their files
    def on_files(self, files: Files, config: MkDocsConfig, **kwargs):
        documents = {f.src_uri: (f.content_string, f"docs/{f.src_uri}")
                     for f in files.documentation_pages() if f.generated_by is None}
        session = self._session(config)
        self.packed: dict[str, _Packed] = {}
        self.documents = documents
        pending, STATE.pending = STATE.pending, None
        if pending is not None and pending[0] == documents:  # the quick path's run, not applied
            run = self.run = STATE.run = pending[1]
        else:
            run = self.run = STATE.run = session.run(documents, each=None if STATE.serving else self._pack)
        for problem in run.problems.warnings():
            log.info(f"briefing: {problem.human()}")
        if run.failed:
            raise (BriefingFailed if STATE.serving else PluginError)(_report(run))
        for file in [f for f in files.documentation_pages() if f.generated_by is None]:
            files.remove(file)  # the core returns them linked, as generated pages
        first = not STATE.serving or session.previous is None or not STATE.contents.get(self.root)
        waiting = STATE.deferred.get(built_key(config.config_file_path), {})
        later = {rel for rel, make in waiting.items() if isinstance(make, _Later)}
        for rel in later:  # an earlier quick build's pages: this build renders them
            del waiting[rel]
        self.titles, self.stashed = {}, {}
        for page in run.pages.values():
            packed = self.packed.pop(page.path, None)
            if packed is not None:
                file = _Generated.generated(config, page.path, content="")
                file.packed, self.titles[page.path], self.stashed[page.path] = packed.markdown, packed.title, packed
            else:
                file = _Generated.generated(config, page.path, content="")
                self._fill(page, file)
            file.edit_uri = page.spec.edit_path
            file.modified = (first or page.path in run.changed or file.dest_uri in later
                             or not os.path.exists(file.abs_dest_path))
            files.append(file)
        self._add_assets(files, config)
        for path, content in self._data_files(session, run).items():
            waiting.pop(path, None)  # this build writes it; pages left to fill again stay
            files.append(File.generated(config, path, content=content))
        _expand_nav(config, run)
        self.previews = previews(run.index, session.previews)
        self._hold(run)
        log.info(f"briefing: {self.summary}")
        return files

    def _fill(self, page: Page, file: File) -> None:
        """A page's file given the page's Markdown for the engine."""
        stashed = page.stashed
        file.content_string = stashed.markdown + page.footer
        self.titles[page.path], self.stashed[page.path] = _front_title(page.markdown), stashed

    def _data_files(self, session: Session, run: Run) -> dict[str, bytes]:
        return session.data_files(run, _reference_titles(run))

    def _pack(self, run: Run, page: Page) -> Page:
        """The pipeline's `each`: the page packed, and only its plan kept in the run."""
        self.packed[page.path] = _Packed(_front_title(page.markdown), page.stashed.markdown + page.footer,
                                         page.stashed)
        return Page(page.spec, "", page.reads)

    def _hold(self, run: Run, shape: tuple | None = None) -> None:
        """Keep what the later events need; a one-shot build then lets the model go, so
        that it does not sit in memory beside the pages MkDocs holds."""
        self.parents, self.parts, self.removed = run.plan.parents, _print_parts(run), run.removed
        self.summary = run.summary()
        self.shape = shape if shape is not None else _shape(run, self.titles)
        if not STATE.serving:
            self.run = STATE.run = None

    def _add_assets(self, files: Files, config: MkDocsConfig) -> None:
        for rel in (*ASSETS, *SCRIPTS, *STATIC):
            if files.get_file_from_path(rel) is None:  # a briefing's own file wins
                files.append(File.generated(config, rel, abs_src_path=str(_package(rel))))

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files, **kwargs):
        if STATE.serving:
            env.bytecode_cache = TEMPLATES
            self.env, self.files, self.doc_files = env, files, None
        return env

    # -- nav: every entity page under its group -------------------------------------------
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files, **kwargs):
        self.nav = nav
        sections: dict[str, Section] = {}
        for item in _walk(nav.items):
            if isinstance(item, Section) and item.children and getattr(item.children[0], "file", None):
                sections[item.children[0].file.src_uri] = item
        for page, group in self.parents.items():
            file = files.get_file_from_path(page)
            section = sections.get(group)
            if file is not None and file.page is not None and section is not None:
                file.page.parent = section
        # A page a dirty build does not read again still needs its title, for the footer's
        # previous/next links of its neighbours; the core knows every page's title.
        for page in nav.pages:
            if page.title is None and page.file.src_uri in self.titles:
                page.title = self.titles[page.file.src_uri]
        return nav

    def on_page_markdown(self, markdown: str, page, config: MkDocsConfig, files: Files, **kwargs):
        if page.file.src_uri in self.stashed:
            # MkDocs has read the page into page.markdown; a docs/ file is not kept in
            # memory after that, so neither is a generated one.
            page.file.content_string = ""
        return markdown

    def on_page_content(self, html: str, page, config: MkDocsConfig, files: Files, **kwargs):
        src = page.file.src_uri
        held = self.stashed.get(src) if STATE.serving else self.stashed.pop(src, None)
        if held is not None and held.blocks:
            html = fill(html, held.blocks)
            anchors = getattr(page, "present_anchor_ids", None)  # MkDocs checks links to them
            if anchors is not None:
                anchors |= held.anchors
        self.contents[page.file.src_uri] = html
        return html

    def on_post_page(self, output: str, page, config: MkDocsConfig, **kwargs):
        """The page's previews filled in; the preview keeps the marked HTML."""
        if STATE.serving:
            STATE.marked.setdefault(self.root, _Marked()).keep(page.file.abs_dest_path, output)
            self.written.add(page.file.abs_dest_path)
        return fill_previews(output, self.previews)

    def _refresh(self, marked: _Marked, site_dir: Path) -> None:
        """The pages whose previews changed are filled again when asked for; a page this
        build wrote has its previews already."""
        waiting = STATE.deferred.setdefault(built_key(self.config.config_file_path), {})
        for dest in self.written:
            waiting.pop(_site_relative(dest, site_dir), None)
        stale = marked.refresh(self.previews, self.written)
        for dest in stale:
            rel = _site_relative(dest, site_dir)
            if not isinstance(waiting.get(rel), _Later):  # rendered with the new previews
                waiting[rel] = lambda dest=dest: marked.fill(dest)
        if stale:
            log.info(f"briefing: previews to refresh on {len(stale)} page{'s' * (len(stale) != 1)}")

    def on_post_build(self, config: MkDocsConfig, **kwargs):
        site_dir = Path(config.site_dir)
        if STATE.serving:
            STATE.built[built_key(config.config_file_path)] = self
            marked = STATE.marked.setdefault(self.root, _Marked())
            for gone in self.removed:
                marked.forget(str(site_dir / (gone[:-3] + ".html")))
            self._refresh(marked, site_dir)
        contents = STATE.contents.setdefault(self.root, {}) if STATE.serving else {}
        contents.update(self.contents)
        for gone in self.removed:
            contents.pop(gone, None)
            out = site_dir / (gone[:-3] + ".html")
            if out.is_file():
                out.unlink()
        if STATE.serving:  # the whole briefing on one page: made when a reader opens it
            STATE.defer(config, PRINT_PAGE, self._print_edition(config, contents))
        else:
            self._print_edition(config, contents)()

    def _print_edition(self, config: MkDocsConfig, contents: dict[str, str]) -> Callable[[], None]:
        """How to write print.html as this build leaves the site: the pages left to render
        (`_Later`) first, as the edition is made from every page's HTML."""
        edition = STATE.prints.setdefault(self.root, PrintEdition()) if STATE.serving else PrintEdition(keep=False)
        parts, shown, key = self.parts, self.previews, built_key(config.config_file_path)
        subtitle = f"{self.summary}. Printed from the site; the site is the reference."
        path = Path(config.site_dir) / PRINT_PAGE

        def write() -> None:
            STATE.make(key, kind=_Later)
            html_by_site_path = {p.path: contents[p.path[:-5] + ".md"] for p in parts
                                 if p.path[:-5] + ".md" in contents}
            _write_print(path, edition.pieces(config.site_name, subtitle, parts, html_by_site_path), shown)
        return write

    # -- the live preview's quick path --------------------------------------------------
    def quick(self) -> bool:
        """The pipeline again and, when the site keeps its shape (the same pages, titles,
        groups and navigation), only the pages whose Markdown changed rendered and written,
        through MkDocs' own page steps and this plugin's events: MkDocs' build would list
        the theme, make every file and page object and build the navigation again. False
        when a full build is needed; it then takes this run as it is."""
        session = STATE.sessions[self.root]
        run = self.run = STATE.run = session.run(self.documents)
        if run.failed:
            raise BriefingFailed(_report(run))
        titles = {**self.titles, **{path: _front_title(run.pages[path].markdown) for path in run.changed}}
        shape = _shape(run, titles)
        if shape != self.shape:
            STATE.pending = (self.documents, run)
            return False
        changed = [run.pages[path] for path in sorted(run.changed)]
        for page in changed:
            self._fill(page, self.files.get_file_from_path(page.path))
        for path, make in session.data_makers(run, _reference_titles(run)).items():
            file = self.files.get_file_from_path(path)  # no page loads one as it opens
            STATE.defer(self.config, path, lambda file=file, make=make: _write(file, make()))
        self.previews = previews(run.index, session.previews)
        self._hold(run, shape)
        now, later = [], []
        for page in changed:
            (now if page.spec.edit_path in run.edited else later).append(self.files.get_file_from_path(page.path))
        self.contents, self.written = {}, set()
        self._render([file.page for file in now])
        for file in later:
            STATE.defer(self.config, file.dest_uri, _Later(self, file.page))
        self.on_post_build(self.config)
        log.info(f"briefing: {self.summary}; {len(now)} page{'s' * (len(now) != 1)} rendered again"
                 + (f", {len(later)} more when asked for" if later else ""))
        return True

    def _render(self, pages: list) -> None:
        """MkDocs' steps for each page (MkDocs' own `Page`s): read and convert it, put it in
        the theme, write it, check its links' anchors."""
        config, files = self.config, self.files
        for page in pages:
            mkdocs_build._populate_page(page, config, files)
        if self.doc_files is None:  # the same files until a whole build: the quick path keeps the shape
            self.doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        for page in pages:
            mkdocs_build._build_page(page, config, self.doc_files, self.nav, self.env)
        for page in pages:
            page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)

    def render_later(self, page) -> None:
        """A page the quick path left to render (`_Later`), rendered as it would have been."""
        self.contents = {}
        self._render([page])
        STATE.contents.setdefault(self.root, {}).update(self.contents)


class _Later:
    """A page an edit changed but did not save, rendered when a reader asks for it or for
    the print edition, or by the next whole build (as Hugo's fast render does): after a
    summary edit, the glossary and the index pages (the largest pages of a large briefing)
    need not be rendered before the edited page is served."""

    def __init__(self, plugin: BriefingPlugin, page):
        self.plugin, self.page = plugin, page

    def __call__(self) -> None:
        self.plugin.render_later(self.page)


def _site_relative(dest: str, site_dir: Path) -> str:
    """A written file's path in the site, as a request names it: actors/ana-costa.html."""
    return os.path.relpath(dest, site_dir).replace(os.sep, "/")


_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


def _front_title(markdown: str) -> str | None:
    """A page's title as MkDocs would read it: its front matter's (a JSON string, see
    render.html.front_matter), else its first heading."""
    if markdown.startswith("---\ntitle: "):
        line = markdown[len("---\ntitle: "):markdown.index("\n", 4)]
        return json.loads(line)
    heading = _H1.search(markdown)
    return heading.group(1) if heading else None


def _walk(items):
    for item in items:
        yield item
        if isinstance(item, Section):
            yield from _walk(item.children)


def _reference_titles(run: Run) -> dict[str, str]:
    """The titles of the pages that are not entity pages, for the search index."""
    return {s.path: _title(s.path) for s in run.plan.pages if s.kind not in ("entity", "mentions")}


def _write(file: File, content: bytes) -> None:
    """A generated file's new content, written when it changed."""
    if file.content_bytes != content:
        file.content_bytes = content
        Path(file.abs_dest_path).write_bytes(content)


def _write_print(path: Path, pieces, shown: dict[str, str]) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for i, piece in enumerate(pieces):
            out.write(("\n" if i else "") + fill_previews(piece, shown))


def _title(path: str) -> str:
    names = {"index.md": "Briefing", "glossary.md": "Glossary", "timeline.md": "Timeline",
             "graph.md": "Graph", "tags.md": "Tags", "downloads.md": "Downloads"}
    if path in names:
        return names[path]
    stem = path[:-len("/index.md")] if path.endswith("/index.md") else path[:-3]
    return stem.replace("/", " › ").replace("-", " ").capitalize()


def _shape(run: Run, titles: dict[str, str | None]) -> tuple:
    """What every page's template shows of the site: which pages there are, the titles of
    those in the navigation, and each entity page's group."""
    in_nav = tuple(sorted((s.path, titles.get(s.path)) for s in run.plan.pages
                          if s.kind not in ("entity", "mentions")))
    sections = tuple((s.page, s.title, tuple((g.title, g.page) for g in s.groups)) for s in run.plan.sections)
    return frozenset(run.pages), in_nav, tuple(sorted(run.plan.parents.items())), sections


def _print_parts(run: Run) -> list[Part]:
    parts = [Part("index.html", "Briefing", "home")] if any(p.path == "index.md" for p in run.plan.pages) else []
    for spec in run.plan.pages:
        if spec.kind == "entity":
            entity = run.index.by_id[spec.key]
            parts.append(Part(spec.path[:-3] + ".html", entity.name, entity.kind))
    parts.append(Part("glossary.html", "Glossary", "glossary"))
    return parts


def _expand_nav(config: MkDocsConfig, run: Run) -> None:
    """Each section's nav entry becomes the section with its groups, from the plan."""
    by_page = {s.page: s for s in run.plan.sections}
    if config.nav is None:
        config.nav = _default_nav(run)
    expanded = []
    for entry in config.nav:
        if isinstance(entry, dict) and len(entry) == 1:
            (title, target), = entry.items()
            section = by_page.get(target) if isinstance(target, str) else None
            if section is not None:
                entry = {title: [section.page] + [{g.title: [g.page]} for g in section.groups]}
        expanded.append(entry)
    config.nav = expanded


def _default_nav(run: Run) -> list:
    nav = [{"Briefing": "index.md"}] if any(p.path == "index.md" for p in run.plan.pages) else []
    nav += [{s.title: s.page} for s in run.plan.sections]
    reference = [{"Glossary": "glossary.md"}, {"Timeline": "timeline.md"}, {"Graph": "graph.md"},
                 {"Tags": "tags.md"}, {"Downloads": "downloads.md"}]
    reference += [p.path for p in run.plan.pages if p.kind == "document" and p.path != "index.md"]
    return nav + [{"Reference": reference}]


def _report(run: Run) -> str:
    """The problems that stop the build, each as `check` prints it (with its column, its
    rule and its hint), so a contributor reads the same text in CI, the build and the
    preview's terminal."""
    shown = [p for p in run.problems.sorted() if p.severity == "error" or run.settings.strict]
    count = len(shown)
    report = "\n".join(p.human() for p in shown)
    return f"the briefing has {count} problem{'s' * (count != 1)}:\n{report}"


