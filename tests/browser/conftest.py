"""Browser tests: the fixture site (tests/sites.py, see fixture_site.py), opened from file://
in Debian's Chromium.

Everything here runs offline. Every request that is not a file: URL is aborted and counted,
so a test can assert that the site tried to reach no other host; console errors and
uncaught exceptions are collected too.

Skips: without /usr/bin/chromium or the playwright package (or node_modules/axe-core, for
the accessibility tests) the tests are skipped on a developer's machine, but fail when the
environment variable CI is set, so CI cannot go green by skipping.

The site is built once per session and one browser serves every test; each test opens its
own context (cookies, localStorage and the palette choice do not leak between tests).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from browser import fixture_site
from browser.support import (AXE_JS, CHROMIUM, CHROMIUM_ARGS, DESKTOP, LOCAL_SCHEMES, NOT_A_FILE,
                             REPO_ROOT, Site, search_site)
from helpers import skip_or_fail


@pytest.fixture(scope="session")
def fixture_root(tmp_path_factory) -> Path:
    return fixture_site.site(tmp_path_factory)


@pytest.fixture(scope="session")
def site(fixture_root) -> Site:
    return Site(fixture_root)


# ---------------------------------------------------------------------------
# The browser
# ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        skip_or_fail(f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - requirements-dev.txt has it
        skip_or_fail("the Python package playwright is not installed")
    pw = sync_playwright().start()
    try:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
    except Exception:
        pw.stop()
        raise
    yield browser
    browser.close()
    pw.stop()


@dataclass
class OfflinePage:
    """A page in its own context; every non-file request is aborted and counted."""

    context: object
    page: object
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # uncaught exceptions, with their stack
    console: list[dict] = field(default_factory=list)  # console messages of type error

    def goto(self, url: str, wait_until: str = "load"):
        return self.page.goto(url, wait_until=wait_until)

    def reset(self) -> None:
        self.blocked.clear()
        self.errors.clear()
        self.console.clear()


@pytest.fixture
def offline(browser):
    """Factory: offline(**context_options) -> OfflinePage. Contexts close after the test."""
    opened = []

    def make(**context_options) -> OfflinePage:
        context_options.setdefault("viewport", DESKTOP)
        context_options.setdefault("service_workers", "block")
        context = browser.new_context(**context_options)
        context.set_default_timeout(15_000)
        page = context.new_page()
        op = OfflinePage(context, page)

        def on_route(route):
            url = route.request.url
            if url.startswith(LOCAL_SCHEMES):
                route.continue_()
            else:
                if url not in op.blocked:
                    op.blocked.append(url)
                route.abort()

        def on_request(request):
            # Requests the route does not see (e.g. from workers) are counted too.
            url = request.url
            if not url.startswith(LOCAL_SCHEMES) and url not in op.blocked:
                op.blocked.append(url)

        def on_console(message):
            if message.type == "error":
                op.console.append({"text": message.text, "url": (message.location or {}).get("url", "")})

        # Only what is not a file: URL is intercepted (the pattern goes to the browser), so
        # the site's own files load without a round trip through Python.
        context.route(NOT_A_FILE, on_route)
        context.on("request", on_request)
        page.on("websocket", lambda ws: op.blocked.append(ws.url))
        page.on("pageerror", lambda exc: op.errors.append(f"{exc}\n{getattr(exc, 'stack', '') or ''}"))
        page.on("console", on_console)
        opened.append(context)
        return op

    yield make
    for context in opened:
        context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_JS.is_file():
        skip_or_fail(f"{AXE_JS.relative_to(REPO_ROOT)} is missing: run `npm ci` in {REPO_ROOT}")
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture
def search():
    """search(page, query) -> the results shown by the site's search."""
    return search_site
