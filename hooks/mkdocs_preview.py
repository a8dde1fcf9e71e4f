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
  the frozen heap is collected when the preview has been idle for a moment (`_Tidy`).
"""
from __future__ import annotations

import gc
import json
import logging
import shutil
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

from briefing.problems import Problem
from briefing.render.errorpage import STATUS, error_page
from briefing.settings import SETTINGS

import mkdocs_briefing

log = logging.getLogger("mkdocs.plugins.briefing")


class _QuietDirty(logging.Filter):
    """MkDocs warns on every dirty build; here it is the design, not an accident."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build is being performed" not in record.getMessage()


class _Collect(logging.Handler):
    """The warnings and errors MkDocs logs during a build, to show when it fails."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class _Tidy:
    """A full garbage collection once no build has run for `IDLE` seconds."""

    IDLE = 3.0

    def __init__(self, building: threading.Lock):
        self.building = building
        self.timer: threading.Timer | None = None

    def after_build(self) -> None:
        # What the build made and dropped (MkDocs' pages and files point at each other) is
        # garbage now: collect it (only the unfrozen objects are scanned), freeze the rest.
        gc.collect()
        gc.freeze()
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
                gc.unfreeze()
                gc.collect()
                gc.freeze()
            finally:
                self.building.release()


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

    def config(self):
        overrides = {"dev_addr": self.dev_addr} if self.dev_addr else {}
        config = load_config(config_file=self.config_file, site_dir=self.site_dir, **overrides)
        config.site_url = self.url or config.site_url
        return config

    def build(self) -> None:
        """One build; never raises. Problems go to the error page."""
        self.tidy.cancel()
        with self.building:
            self._build()
        self.tidy.after_build()

    def _build(self) -> None:
        collect = _Collect()
        logging.getLogger("mkdocs").addHandler(collect)
        try:
            config = self.config()
            self.title = config.site_name
            build(config, serve_url=self.url, dirty=self.built)
            self.built, self.problems = True, []
        except (Abort, Exception) as err:  # noqa: BLE001 - the preview must keep serving
            self.problems = self._problems(err, collect.messages)
            for problem in self.problems:
                log.error(problem.short())
        finally:
            logging.getLogger("mkdocs").removeHandler(collect)
            with self.lock:
                self.generation += 1

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
            if self.problems and _is_page(path):
                with self.lock:
                    page = error_page(self.title, self.problems, self.generation)
                start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                          ("Cache-Control", "no-store")])
                return [page.encode()]
            return server.serve_request(environ, start_response)
        return answer

    def serve(self) -> int:
        mkdocs_briefing.STATE.serving = True
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


def _is_page(path: str) -> bool:
    last = path.rsplit("/", 1)[-1]
    return path.endswith("/") or last.endswith(".html") or "." not in last


def serve(config_file: str = "mkdocs.yml", dev_addr: str | None = None, open_browser: bool = False) -> int:
    return Preview(config_file, dev_addr, open_browser).serve()
