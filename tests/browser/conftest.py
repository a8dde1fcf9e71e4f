"""Browser tests: the built site, opened from file:// in Debian's Chromium.

Everything here runs offline. Every request that is not a file: URL is aborted
and counted, so a test can assert that the site tried to reach no other host.

Skips: without /usr/bin/chromium (or node_modules/axe-core, for the
accessibility tests) the tests are skipped on a developer's machine, but fail
when the environment variable CI is set, so CI cannot go green by skipping.

BRIEFING_TEST_SITE=/path/to/site reuses an already built site instead of
building one (handy while working on the CSS); CI never sets it.
"""

from __future__ import annotations

import html.parser
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from helpers import in_ci, skip_or_fail

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# URL schemes that never leave the machine.
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:", "javascript:")


# ---------------------------------------------------------------------------
# The site
# ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def shipped_site(request) -> Path:
    """The real site, built once for the whole test run (or BRIEFING_TEST_SITE, off CI)."""
    override = os.environ.get("BRIEFING_TEST_SITE")
    if override and not in_ci():
        site = Path(override).resolve()
        assert (site / "index.html").is_file(), f"BRIEFING_TEST_SITE={site} has no index.html"
        return site
    site = request.getfixturevalue("shipped_build")[0]
    assert (site / "index.html").is_file(), "the build wrote no index.html"
    return site


class _TextOf(html.parser.HTMLParser):
    """textContent of the first element matching a tag name."""

    def __init__(self, tag: str):
        super().__init__(convert_charrefs=True)
        self.tag = tag
        self.depth = 0
        self.done = False
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.done:
            return
        if tag == self.tag:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth and tag == self.tag:
            self.depth -= 1
            if not self.depth:
                self.done = True

    def handle_data(self, data):
        if self.depth and not self.done:
            self.parts.append(data)


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00b6", "")).strip()


@dataclass
class Site:
    """The built site and the pages the tests visit."""

    root: Path

    def url(self, rel: str) -> str:
        path, _, frag = rel.partition("#")
        target = self.root / path
        assert target.is_file(), f"{rel} is not in the built site ({self.root})"
        return target.as_uri() + (f"#{frag}" if frag else "")

    def ids(self, kind: str) -> list[str]:
        """Entity ids of a section, from the built site's folder (index excluded)."""
        folder = self.root / kind
        if not folder.is_dir():
            return []
        return sorted(p.stem for p in folder.glob("*.html") if p.stem != "index")

    def pick(self, kind: str, *preferred: str) -> str:
        """Path of one entity page of a section: a preferred id if built, else the first."""
        ids = self.ids(kind)
        if not ids:
            pytest.fail(f"the built site has no {kind}/<id>.html page", pytrace=False)
        for want in preferred:
            if want in ids:
                return f"{kind}/{want}.html"
        return f"{kind}/{ids[0]}.html"

    def page(self, name: str) -> str:
        """A page by role: home, actor, agreement, topic, source, glossary, timeline, graph."""
        fixed = {
            "home": "index.html",
            "glossary": "glossary.html",
            "timeline": "timeline.html",
            "graph": "graph.html",
        }
        if name in fixed:
            rel = fixed[name]
            if not (self.root / rel).is_file():
                pytest.fail(f"the built site has no {rel}", pytrace=False)
            return rel
        preferred = {
            "actor": ("actors", ("sergey-lavrov", "russia", "iran")),
            "agreement": ("agreements", ()),
            "topic": ("topics", ()),
            "source": ("sources", ("nghean-russia-unexpected-role", "russia-mediator-analysis")),
        }
        kind, wants = preferred[name]
        return self.pick(kind, *wants)

    def html_files(self) -> list[Path]:
        return sorted(p for p in self.root.rglob("*.html") if "assets" not in p.parts)

    def read(self, rel: str) -> str:
        return (self.root / rel).read_text(encoding="utf-8")

    def h1(self, rel: str) -> str:
        parser = _TextOf("h1")
        parser.feed(self.read(rel))
        return normalize("".join(parser.parts))

    def find(self, pattern: str, kinds=("", "actors", "agreements", "topics", "sources")) -> list[str]:
        """Pages (relative paths) whose HTML matches a regular expression."""
        rx = re.compile(pattern)
        out = []
        for path in self.html_files():
            rel = path.relative_to(self.root).as_posix()
            folder = rel.rsplit("/", 1)[0] if "/" in rel else ""
            if folder in kinds and rx.search(path.read_text(encoding="utf-8")):
                out.append(rel)
        return out


@pytest.fixture(scope="session")
def site(shipped_site) -> Site:
    return Site(shipped_site)


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
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
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
    errors: list[str] = field(default_factory=list)

    def goto(self, url: str, wait_until: str = "load"):
        return self.page.goto(url, wait_until=wait_until)


@pytest.fixture
def offline(browser):
    """Factory: offline(**context_options) -> OfflinePage. Contexts close after the test."""
    opened = []

    def make(**context_options) -> OfflinePage:
        context_options.setdefault("viewport", {"width": 1280, "height": 900})
        context_options.setdefault("service_workers", "block")
        context = browser.new_context(**context_options)
        context.set_default_timeout(15_000)
        page = context.new_page()
        op = OfflinePage(context, page)

        def on_route(route):
            url = route.request.url
            if url.startswith("file:"):
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

        context.route("**/*", on_route)
        context.on("request", on_request)
        page.on("websocket", lambda ws: op.blocked.append(ws.url))
        page.on("pageerror", lambda exc: op.errors.append(str(exc)))
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


def search_site(page, query: str, timeout_ms: int = 20_000) -> int:
    """Type a query into Material's search box; return the number of results shown."""
    box = page.locator(".md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=30)
    items = page.locator(".md-search-result__item")
    try:
        items.first.wait_for(state="attached", timeout=timeout_ms)
    except Exception:
        # The index may have become ready only after typing: type once more.
        box.fill("")
        box.press_sequentially(query, delay=30)
        items.first.wait_for(state="attached", timeout=timeout_ms)
    return items.count()


@pytest.fixture
def search():
    """search(page, query) -> number of results in Material's search."""
    return search_site
