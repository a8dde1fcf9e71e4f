"""What the browser tests share: the fixture site's pages by role, reading the built HTML,
the browser's options, and the site's search as a reader uses it."""
from __future__ import annotations

import html.parser
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

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
NOT_A_FILE = re.compile(r"^(?!file:)")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
PHONE_OPTIONS = {"viewport": PHONE, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
SECTIONS = ("actors", "agreements", "topics", "sources")
KIND_OF_SECTION = {"actors": "Actor", "agreements": "Agreement", "topics": "Topic", "sources": "Source"}


# ---------------------------------------------------------------------------
# The site
# ---------------------------------------------------------------------------


class _TextOf(html.parser.HTMLParser):
    """textContent of the first element matching a tag name (and class, if given)."""

    def __init__(self, tag: str, cls: str | None = None):
        super().__init__(convert_charrefs=True)
        self.tag, self.cls = tag, cls
        self.depth = 0
        self.done = False
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.done or tag != self.tag:
            return
        if self.depth:
            self.depth += 1
        elif self.cls is None or self.cls in (dict(attrs).get("class") or "").split():
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth and tag == self.tag:
            self.depth -= 1
            if not self.depth:
                self.done = True

    def handle_data(self, data):
        if self.depth and not self.done:
            self.parts.append(data)


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", (text or "").replace("\u00b6", "")).strip()


@dataclass
class Site:
    """The built fixture site and the pages the tests visit."""

    root: Path
    _text: dict = field(default_factory=dict, repr=False, compare=False)

    # Pages by role. The fixture (tests/sites.py) has all of them; a missing one fails.
    ROLES = {
        "home": "index.html",
        "actor": "actors/ilse-brandt.html",
        "organization": "actors/valmora-council.html",
        "agreement": "agreements/ferry-agreement.html",
        "topic": "topics/fares.html",
        "source": "sources/harbour-gazette.html",
        "section": "actors/index.html",
        "group": "actors/people/index.html",
        "glossary": "glossary.html",
        "timeline": "timeline.html",
        "graph": "graph.html",
        "tags": "tags.html",
        "downloads": "downloads.html",
        "mentions": "mentions/northline.html",
        "print": "print.html",
    }

    def url(self, rel: str) -> str:
        path, _, frag = rel.partition("#")
        target = self.root / path
        assert target.is_file(), f"{rel} is not in the built site ({self.root})"
        return target.as_uri() + (f"#{frag}" if frag else "")

    def page(self, role: str) -> str:
        rel = self.ROLES[role]
        if not (self.root / rel).is_file():
            pytest.fail(f"the fixture site has no {rel} (role {role})", pytrace=False)
        return rel

    def ids(self, section: str) -> list[str]:
        """Entity ids of a section, from the built site's folder (index pages excluded)."""
        folder = self.root / section
        return sorted(p.stem for p in folder.glob("*.html") if p.stem != "index") if folder.is_dir() else []

    def entity_pages(self) -> list[str]:
        return [f"{s}/{i}.html" for s in SECTIONS for i in self.ids(s)]

    def html_files(self) -> list[Path]:
        return sorted(p for p in self.root.rglob("*.html") if "assets" not in p.parts)

    def pages(self) -> list[str]:
        return [p.relative_to(self.root).as_posix() for p in self.html_files()]

    def read(self, rel: str) -> str:
        """A page's HTML (read once: the site does not change during the session)."""
        if rel not in self._text:
            self._text[rel] = (self.root / rel).read_text(encoding="utf-8")
        return self._text[rel]

    def h1(self, rel: str) -> str:
        parser = _TextOf("h1")
        parser.feed(self.read(rel))
        return normalize("".join(parser.parts))

    def summary(self, rel: str) -> str:
        parser = _TextOf("p", "bf-summary")
        parser.feed(self.read(rel))
        return normalize("".join(parser.parts))

    def find(self, pattern: str, kinds=("",) + SECTIONS) -> list[str]:
        """Pages (relative paths) in the given folders whose HTML matches a regular expression."""
        rx = re.compile(pattern)
        out = []
        for rel in self.pages():
            folder = rel.rsplit("/", 1)[0] if "/" in rel else ""
            if folder in kinds and rx.search(self.read(rel)):
                out.append(rel)
        return out


# ---------------------------------------------------------------------------
# The site's own search (assets/javascripts/search.js)
# ---------------------------------------------------------------------------


def search_site(page, query: str, timeout_ms: int = 15_000) -> list[dict]:
    """Type a query into the briefing's search box (#bfs-input); return the results shown,
    best first: {href, title, badge, snippet, text} (text: what the option reads, innerText)."""
    box = page.locator("#bfs-input")
    if not box.is_visible():
        page.locator(".bfs__open").click()  # a phone: the magnifier opens the overlay
    box.click()
    box.fill(query)
    options = page.locator("#bfs-listbox [role=option]")
    page.wait_for_function(
        """() => {
            const m = document.querySelector(".bfs__message");
            const list = document.querySelector("#bfs-listbox");
            return (list && list.children.length) || (m && /^No results/.test(m.textContent));
        }""",
        timeout=timeout_ms,
    )
    return page.evaluate(
        """() => [...document.querySelectorAll("#bfs-listbox [role=option]")].map(o => ({
            href: o.href,
            title: o.querySelector(".bfs__title").textContent,
            badge: o.querySelector(".bfs__badge").textContent,
            snippet: o.querySelector(".bfs__snippet").textContent,
            text: o.innerText,
        }))"""
    ) if options.count() else []
