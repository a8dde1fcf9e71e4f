"""The live preview (`briefing serve`, `make serve`): MkDocs' live-reload server, driven so
that an edit shows in about a second at any size, and a broken brief never hangs a request.

* One session (`briefing.pipeline.Session`) lives between builds, and every build after
  the first is "dirty": MkDocs renders only the pages the core marks as changed (see
  `mkdocs_briefing._Generated`), and the core re-renders only the pages whose recorded
  reads changed. The output equals a clean build (a test drives random edits to check).
* The builder never raises. When the briefing has problems, the last good site stays on
  disk, and every page request is answered at once with a page that lists the problems;
  that page asks `/__briefing/status` until a build succeeds, then reloads.
* Files are watched with the system's notifications (inotify, FSEvents), not polling.
* What a build leaves alive is frozen out of the garbage collector (`gc.freeze`): the
  session holds a large, long-lived heap, and full collections over it during a build
  cost as much as the rest of the edit. Each build's own garbage is collected as it ends;
  the frozen heap is collected when the preview has been idle for a moment, or when it
  has grown by a quarter since it was last collected (`_Tidy`).
* The theme's static files are listed once (`_ThemeFiles`): MkDocs walks every theme
  folder on every build, and Material's holds thousands of icons.
* An edit of briefs or seeds that keeps the site's shape (the same pages and navigation)
  takes the quick path (`BriefingPlugin.quick`): the changed pages go through MkDocs' own
  page steps, without a whole build. Anything else (mkdocs.yml, docs/, the theme's own
  folder, a page added or removed, a title in the navigation) gets a full, dirty build.
  Of the pages an edit changes, the quick path renders the saved briefs' and seeds' own
  at once, and the others (the glossary, the index pages, the pages that mention a
  renamed brief) when a reader asks for one (`mkdocs_briefing._Later`).
* The files that no page loads as it opens, each a whole-briefing file (the print
  edition; briefing.json, the feed and the search index after a quick build), are made
  when a reader asks for them (`Preview.make`), from the last good build.
"""
from __future__ import annotations

import ctypes
import fnmatch
import gc
import json
import logging
import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

import watchdog.events
import watchdog.observers
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer, _serve_url
from mkdocs.structure.files import File, Files

from briefing.problems import Problem
from briefing.render.errorpage import STATUS, error_page
from briefing.settings import SETTINGS

import mkdocs_briefing

log = logging.getLogger("mkdocs.plugins.briefing")


class _QuietDirty(logging.Filter):
    """MkDocs warns on every dirty build; here it is the design, not an accident."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build is being performed" not in record.getMessage()


def _held_to_strict(plugin, messages: list[str]) -> None:
    """Fail as MkDocs' build does in strict mode when the pages just rendered logged warnings."""
    if plugin is not None and plugin.config.strict and messages:
        raise Abort(f"Aborted with {len(messages)} warnings in strict mode!")


class _Collect(logging.Handler):
    """The warnings and errors MkDocs logs during a build, to show when it fails."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class _Tidy:
    """Full garbage collections of the frozen heap: once no build has run for `IDLE`
    seconds, after a whole build, and after a build that left the heap a quarter larger than
    the last full collection did. Without the last two, edits saved back to back would
    never let the garbage that frozen objects become be collected. The heap is measured in
    allocated memory blocks (`sys.getallocatedblocks`, which walks the allocator's pools):
    counting the frozen objects walks every one of them, 0.1 s at 3,000 briefs."""

    IDLE = 3.0
    GROWTH = 1.25  # CPython's own rule for its oldest generation

    def __init__(self, building: threading.Lock):
        self.building = building
        self.timer: threading.Timer | None = None
        self.after_full = 0  # blocks allocated after the last full collection

    def after_build(self, whole: bool = False) -> None:
        # What the build made and dropped (MkDocs' pages and files point at each other) is
        # garbage now: collect it (only the unfrozen objects are scanned), freeze the rest.
        # A whole build also replaced the files, pages and navigation the quick path kept
        # from the one before, which were frozen: they are collected with the frozen heap.
        gc.collect()
        gc.freeze()
        if whole or sys.getallocatedblocks() > self.after_full * self.GROWTH:
            self._full()
        else:
            _LIBC.trim()
        self.cancel()
        self.timer = threading.Timer(self.IDLE, self._collect)
        self.timer.daemon = True
        self.timer.start()

    def cancel(self) -> None:
        if self.timer is not None:
            self.timer.cancel()

    def _collect(self) -> None:
        if self.building.acquire(blocking=False):  # a build started: it comes first
            try:
                self._full()
            finally:
                self.building.release()

    def _full(self) -> None:
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self.after_full = sys.getallocatedblocks()
        _LIBC.trim()


class _Libc:
    """glibc's allocator, told to behave like a long-running server's: a fixed size from
    which blocks are mapped on their own (by default each large block freed raises it), and
    freed memory handed back after each build. Measured alone it did not flatten the
    preview's RSS (the full collections did, see docs/performance.md); it lowers the level
    between builds. Elsewhere (macOS, musl) this does nothing."""

    M_MMAP_THRESHOLD = -3

    def __init__(self):
        try:
            self.libc = ctypes.CDLL(None)
            self.libc.malloc_trim, self.libc.mallopt  # noqa: B018 - glibc has both
        except (OSError, AttributeError):
            self.libc = None

    def fixed_threshold(self) -> None:
        if self.libc is not None:
            self.libc.mallopt(self.M_MMAP_THRESHOLD, 128 * 1024)  # glibc's default, kept fixed

    def trim(self) -> None:
        if self.libc is not None:
            self.libc.malloc_trim(0)


_LIBC = _Libc()


class _ThemeFiles:
    """`Files.add_files_from_theme`, with each theme folder's listing kept between builds.
    A folder inside the briefing (a `custom_dir` the contributor may edit) is listed
    again on every build; an installed theme's folders do not change while the preview
    runs. What is added is exactly what MkDocs adds: the same filter, and the first
    folder that holds a name wins."""

    def __init__(self, root: Path):
        self.root = root
        self.listed: dict[tuple, list[str]] = {}  # (installed folder, patterns) -> names

    def add(self, files: Files, env, config) -> None:
        skip = tuple(_theme_patterns(config))
        names: set[str] = set()
        for folder in config.theme.dirs:
            names.update(self._names(folder, skip))
        for path in sorted(names):
            if files.get_file_from_path(path) is None:  # docs/ files win over the theme's
                for folder in config.theme.dirs:
                    if os.path.isfile(os.path.join(folder, path)):
                        files.append(File(path, folder, config.site_dir, config.use_directory_urls))
                        break

    def _names(self, folder: str, skip: tuple) -> list[str]:
        installed = not Path(folder).resolve().is_relative_to(self.root)
        key = (folder, skip)
        if installed and key in self.listed:
            return self.listed[key]
        names = []
        for top, _, filenames in os.walk(folder):  # as Jinja's FileSystemLoader walks
            rel = os.path.relpath(top, folder).replace(os.sep, "/")
            for filename in filenames:
                name = filename if rel == "." else f"{rel}/{filename}"
                if not any(fnmatch.fnmatch(name.lower(), pattern) for pattern in skip):
                    names.append(name)
        if installed:
            self.listed[key] = names
        return names


def _theme_patterns(config) -> list[str]:
    """The names MkDocs never copies from a theme (`Files.add_files_from_theme`)."""
    from mkdocs import utils
    patterns = [".*", "*/.*", "*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml", "locales/*"]
    patterns += [f"*{x}" for x in utils.markdown_extensions]
    return patterns + list(config.theme.static_templates)


class Preview:
    def __init__(self, config_file: str = "mkdocs.yml", dev_addr: str | None = None,
                 open_browser: bool = False):
        self.config_file = config_file
        self.dev_addr = dev_addr
        self.open_browser = open_browser
        self.site_dir = tempfile.mkdtemp(prefix="briefing_")
        self.problems: list[Problem] = []
        self.generation = 0
        self.built = False  # a first good build exists: later ones can be dirty
        self.lock = threading.Lock()
        self.building = threading.Lock()
        self.tidy = _Tidy(self.building)
        self.url = ""
        self.title = "Briefing"
        self.theme_files = _ThemeFiles(Path(config_file).resolve().parent)
        self.stamps: tuple | None = None  # what the last full build read besides briefs and seeds
        self.quick_builds = self.full_builds = 0

    def config(self):
        overrides = {"dev_addr": self.dev_addr} if self.dev_addr else {}
        config = load_config(config_file=self.config_file, site_dir=self.site_dir, **overrides)
        config.site_url = self.url or config.site_url
        return config

    def build(self) -> None:
        """One build; never raises. Problems go to the error page."""
        self.tidy.cancel()
        whole = self.full_builds
        with self.building:
            self._build()
        self.tidy.after_build(whole=self.full_builds > whole)

    def _build(self) -> None:
        collect = _Collect()
        logging.getLogger("mkdocs").addHandler(collect)
        try:
            if self._quick(collect):
                self.quick_builds += 1
            else:
                self.full_builds += 1
                config = self.config()
                self.title = config.site_name
                self.stamps = _stamps(config)  # before the build: an edit during it is seen next time
                with _listing(self.theme_files):
                    build(config, serve_url=self.url, dirty=self.built)
            self.built, self.problems = True, []
        except (Abort, Exception) as err:  # noqa: BLE001 - the preview must keep serving
            if not isinstance(err, mkdocs_briefing.BriefingFailed):
                # Stopped after writing some pages: the next build is a whole one.
                mkdocs_briefing.STATE.built.pop(self._key(), None)
            self.problems = self._problems(err, collect.messages)
            # MkDocs logs a build's error itself, then aborts; the quick path's is logged here.
            if not isinstance(err, Abort) and str(err) not in collect.messages:
                log.error(str(err) if isinstance(err, mkdocs_briefing.BriefingFailed) else
                          "\n".join(problem.human() for problem in self.problems))
        finally:
            logging.getLogger("mkdocs").removeHandler(collect)
            with self.lock:
                self.generation += 1

    def _key(self) -> str:
        return mkdocs_briefing.built_key(self.config_file)

    def _quick(self, collect: "_Collect") -> bool:
        """The quick path, when only briefs and seeds changed since the last good build."""
        plugin = mkdocs_briefing.STATE.built.get(self._key())
        if plugin is None or self.stamps is None or _stamps(plugin.config) != self.stamps:
            return False
        if not plugin.quick():
            return False
        _held_to_strict(plugin, collect.messages)
        return True

    def _problems(self, err: Exception, messages: list[str]) -> list[Problem]:
        run = mkdocs_briefing.STATE.run
        if run is not None and run.failed:
            return run.problems.sorted()
        text = "; ".join(m for m in messages if "Aborted" not in m) or str(err) or type(err).__name__
        return [Problem(self.config_file, 0, 1, f"the site did not build: {text}")]

    # -- requests ----------------------------------------------------------------------------
    def app(self, server: LiveReloadServer):
        def answer(environ, start_response):
            path = environ.get("PATH_INFO", "/")
            if path == STATUS:
                with self.lock:
                    body = json.dumps({"generation": self.generation, "ok": not self.problems})
                start_response("200 OK", [("Content-Type", "application/json"), ("Cache-Control", "no-store")])
                return [body.encode()]
            if not (self.problems and _is_page(path)):
                self.make(_site_path(path, server.mount_path))
            if self.problems and _is_page(path):
                with self.lock:
                    page = error_page(self.title, self.problems, self.generation)
                start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                          ("Cache-Control", "no-store")])
                return [page.encode()]
            return server.serve_request(environ, start_response)
        return answer

    def make(self, path: str | None = None) -> None:
        """Write a file the last good build left to be made when asked for (the print
        edition, the data files: briefing.json, the feed, the search index, the pages an
        edit changed but did not save, and the pages whose link previews changed); every
        such file when `path` is None. A page rendered here is held to the build's rules:
        in strict mode, a warning shows the error page, as the build would have."""
        if path is not None and (path == "" or path.endswith("/")):
            path += "index.html"  # a directory URL (use_directory_urls)
        if path is not None and path not in mkdocs_briefing.STATE.deferred.get(self._key(), {}):
            return
        with self.building:  # after the build under way, from what it left
            collect = _Collect()
            logging.getLogger("mkdocs").addHandler(collect)
            try:
                mkdocs_briefing.STATE.make(self._key(), path)
                _held_to_strict(mkdocs_briefing.STATE.built.get(self._key()), collect.messages)
            except (Abort, Exception) as err:  # noqa: BLE001 - the preview must keep serving
                mkdocs_briefing.STATE.built.pop(self._key(), None)  # the next build is a whole one
                with self.lock:
                    self.problems = self._problems(err, collect.messages)
                    self.generation += 1
            finally:
                logging.getLogger("mkdocs").removeHandler(collect)

    def serve(self) -> int:
        mkdocs_briefing.STATE.serving = True
        _LIBC.fixed_threshold()
        _log_like_mkdocs()
        logging.getLogger("mkdocs.commands.build").addFilter(_QuietDirty())
        config = self.config()
        host, port = config.dev_addr
        self.url = _serve_url(host, port, urlsplit(config.site_url or "/").path)
        root = Path(config.config_file_path).resolve().parent
        server = LiveReloadServer(builder=self.build, host=host, port=port, root=self.site_dir)
        server.observer = _ChangesOnly()  # notifications, not 0.5 s polling
        server.set_app(self.app(server))
        self.build()
        for watched in (config.docs_dir, config.config_file_path, root / "briefs", root / "seeds",
                        root / SETTINGS, *config.watch):
            if Path(watched).exists():
                server.watch(str(watched))
        try:
            server.serve(open_in_browser=self.open_browser)
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
            shutil.rmtree(self.site_dir, ignore_errors=True)
        return 0


def _stamps(config) -> tuple:
    """The size and time of every file a build reads besides the briefs and seeds (which
    the core keys itself): mkdocs.yml, briefing.yml, docs/, a theme folder of the briefing's
    own and whatever `watch` names."""
    root = Path(config.config_file_path).resolve().parent
    places = [Path(config.config_file_path), root / SETTINGS, Path(config.docs_dir), *map(Path, config.watch)]
    places += [Path(folder) for folder in config.theme.dirs if Path(folder).resolve().is_relative_to(root)]
    found = []
    for place in places:
        paths = [place] if not place.is_dir() else \
            sorted(Path(top) / name for top, _, names in os.walk(place) for name in names)
        for path in paths:
            try:
                st = path.stat()
                found.append((str(path), st.st_mtime_ns, st.st_size))
            except OSError:
                found.append((str(path), None))
    return tuple(found)


class _listing:
    """MkDocs' build, with the theme's files added by `theme_files` (one build at a time:
    `Preview.build` holds its lock)."""

    def __init__(self, theme_files: _ThemeFiles):
        self.theme_files = theme_files

    def __enter__(self):
        self.original = Files.add_files_from_theme
        theme_files = self.theme_files
        Files.add_files_from_theme = lambda files, env, config: theme_files.add(files, env, config)

    def __exit__(self, *exc):
        Files.add_files_from_theme = self.original


# What an edit causes. inotify also reports files opened and closed unwritten, and MkDocs
# rebuilds on any event: every build reads mkdocs.yml and docs/, so it would start the next.
_CHANGES = [watchdog.events.FileCreatedEvent, watchdog.events.FileModifiedEvent,
            watchdog.events.FileDeletedEvent, watchdog.events.FileMovedEvent,
            watchdog.events.FileClosedEvent]


class _ChangesOnly(watchdog.observers.Observer):
    """The native observer, told only of changes to files."""

    def schedule(self, event_handler, path, *, recursive=False, event_filter=None, **kwargs):
        return super().schedule(event_handler, path, recursive=recursive,
                                event_filter=event_filter or _CHANGES, **kwargs)


def _log_like_mkdocs() -> None:
    """`mkdocs serve` prints its INFO lines; so does the preview."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def _site_path(path: str, mount_path: str) -> str:
    """A request's path in the site: /base/print.html -> print.html."""
    path = path.encode("latin-1").decode("utf-8", "ignore")  # as MkDocs' server reads it
    return path[len(mount_path):] if path.startswith(mount_path) else ""


def _is_page(path: str) -> bool:
    last = path.rsplit("/", 1)[-1]
    return path.endswith("/") or last.endswith(".html") or "." not in last


def serve(config_file: str = "mkdocs.yml", dev_addr: str | None = None, open_browser: bool = False) -> int:
    return Preview(config_file, dev_addr, open_browser).serve()
