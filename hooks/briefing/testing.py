"""The tests every briefing runs, whatever it is about: `make test` in a briefing made with
`briefing init` (its tests/test_briefing.py imports them), and the generator's own
repository on its own briefing.

They check what the generator promises, never one briefing's content:

* `briefing check` finds nothing (with the rules and `strict` of briefing.yml);
* the site builds with `mkdocs build --strict`, without a traceback;
* every internal link and #anchor of the built HTML resolves;
* no page asks another host for anything (scripts, styles, images, fonts); links out go
  only to the sources' `url` and the "Edit this page" address;
* the offline search, the feed, the print edition and the data export are there.

The briefing is the one that holds the current folder (`settings.find_root`), as for
every `briefing` command. The site is built once per test module into a temporary folder.
"""
from __future__ import annotations

import html.parser
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .cli import documents
from .pipeline import Session
from .settings import find_root

__all__ = ["briefing_site", "test_check_passes", "test_site_builds",
           "test_every_internal_link_and_anchor_resolves", "test_no_request_to_another_host",
           "test_builds_offline_assets_present"]

OFFLINE_FILES = ("search/briefing-index.js", "assets/javascripts/search.js",
                 "assets/javascripts/vendor/minisearch.js", "feed.xml", "print.html",
                 "briefing.json")
BUILD_TIMEOUT = 1800  # seconds; a large briefing builds in well under a minute


@dataclass
class Built:
    root: Path  # the briefing
    site: Path  # the built site
    returncode: int
    output: str  # the build's stdout and stderr

    def require(self) -> Path:
        """The site folder, or a failure that shows why the build failed."""
        if self.returncode != 0:
            pytest.fail(f"`mkdocs build --strict` failed (exit {self.returncode}):\n"
                        f"{self.output[-6000:]}", pytrace=False)
        return self.site


def _root() -> Path:
    return find_root(Path.cwd())


@pytest.fixture(scope="module")
def briefing_site(tmp_path_factory) -> Built:
    """The briefing's site, built once with `python -m mkdocs build --strict`."""
    root = _root()
    site = tmp_path_factory.mktemp("briefing-site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                          cwd=root, env=env, capture_output=True, text=True, timeout=BUILD_TIMEOUT)
    return Built(root, site, proc.returncode, proc.stdout + proc.stderr)


# -- check ----------------------------------------------------------------------------------

def test_check_passes():
    root = _root()
    run = Session(root).run(documents(root), render=False)
    assert not run.failed, ("`briefing check` reports problems (strict: "
                            f"{run.settings.strict}):\n" + run.problems.report())


# -- build ----------------------------------------------------------------------------------

def test_site_builds(briefing_site):
    briefing_site.require()
    assert "Traceback" not in briefing_site.output, briefing_site.output[-6000:]
    assert (briefing_site.site / "index.html").is_file(), "the build wrote no index.html"


# -- the built HTML -------------------------------------------------------------------------

class _Page(html.parser.HTMLParser):
    """The ids of one page, the URLs in its attributes, and its CSS."""

    URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "data", "xlink:href",
                      "background", "manifest")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[tuple[str, str, str, dict]] = []  # (tag, attribute, value, attributes)
        self.css: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attributes = {name: value for name, value in attrs if value is not None}
        for name, value in attributes.items():
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            if name in self.URL_ATTRIBUTES:
                self.urls.append((tag, name, value, attributes))
            elif name in ("srcset", "imagesrcset"):
                for part in value.split(","):
                    if part.strip():
                        self.urls.append((tag, name, part.split()[0], attributes))
            elif name == "style":
                self.css.append(value)
        self._in_style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self._in_style = False

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.css.append(data)


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def _pages(site: Path) -> dict[Path, _Page]:
    return {path.resolve(): _parse(path) for path in sorted(site.rglob("*.html"))}


def _external(url: str) -> bool:
    low = url.strip().lower()
    return low.startswith(("http:", "https:", "//", "ws:", "wss:", "ftp:"))


def test_every_internal_link_and_anchor_resolves(briefing_site):
    site = briefing_site.require().resolve()
    pages = _pages(site)
    broken: list[str] = []
    for page, parsed in pages.items():
        rel = page.relative_to(site).as_posix()
        for tag, attr, url, _ in parsed.urls:
            parts = urlsplit(url.strip())
            if parts.scheme or url.strip().startswith("//"):
                continue  # another host, mailto: and the like: not internal
            path = unquote(parts.path)
            if path.startswith("/"):  # 404.html is served from the site's root
                target = (site / path.lstrip("/")).resolve()
            else:
                target = page if not path else (page.parent / path).resolve()
            if path.endswith("/") or target.is_dir():
                target = target / "index.html"
            if target != site and site not in target.parents:
                broken.append(f"{rel}: <{tag} {attr}={url!r}> leaves the site")
                continue
            if not target.is_file():
                broken.append(f"{rel}: <{tag} {attr}={url!r}>: no file {target.relative_to(site)}")
                continue
            fragment = unquote(parts.fragment.split(":~:", 1)[0])
            if fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if fragment not in ids:
                    broken.append(f"{rel}: <{tag} {attr}={url!r}>: no id {fragment!r} in "
                                  f"{target.relative_to(site).as_posix()}")
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:60])


# -- no other host --------------------------------------------------------------------------

CSS_REQUEST = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*((?:https?:|wss?:|ftp:)?//[^'")\s]*)""",
                         re.I)
# <link rel> values a browser never fetches: metadata about the page, not a request.
UNFETCHED_RELS = {"canonical"}


def _allowed_links(root: Path) -> tuple[set[str], list[str]]:
    """Where `<a href>` may go: the sources' own addresses, and the edit button's."""
    run = Session(root).run(documents(root), render=False)
    urls = {s.url.strip() for s in run.briefing.sources if getattr(s, "url", None)}
    prefixes = []
    template = os.environ.get("BRIEFING_EDIT_URL", "").strip()
    if template:
        prefixes.append(template.split("{path}", 1)[0])
    return urls, prefixes


def _css_requests(css: str) -> list[str]:
    """The addresses on other hosts that CSS fetches: url(…) and @import."""
    return [match.group(1) for match in CSS_REQUEST.finditer(css)]


def test_no_request_to_another_host(briefing_site):
    site = briefing_site.require().resolve()
    urls, prefixes = _allowed_links(briefing_site.root)
    offenders: list[str] = []
    for page, parsed in _pages(site).items():
        rel = page.relative_to(site).as_posix()
        for tag, attr, url, attributes in parsed.urls:
            if not _external(url):
                continue
            if tag == "a" and attr == "href":
                if url.strip() in urls or any(url.startswith(p) for p in prefixes):
                    continue
                offenders.append(f"{rel}: <a href={url!r}>: a link to another host that is neither "
                                 "a source's url nor the edit URL")
                continue
            rels = set((attributes.get("rel") or "").lower().split())
            if tag == "link" and rels and rels <= UNFETCHED_RELS:
                continue
            offenders.append(f"{rel}: <{tag} {attr}={url!r}>: a request to another host")
        for css in parsed.css:
            offenders += [f"{rel}: CSS url({url!r}): a request to another host" for url in _css_requests(css)]
    for sheet in sorted(site.rglob("*.css")):
        rel = sheet.relative_to(site).as_posix()
        text = sheet.read_text(encoding="utf-8", errors="replace")
        offenders += [f"{rel}: url({url!r}) or @import: a request to another host"
                      for url in _css_requests(text)]
    assert not offenders, f"{len(offenders)} requests to other hosts:\n" + "\n".join(offenders[:60])


# -- offline --------------------------------------------------------------------------------

def test_builds_offline_assets_present(briefing_site):
    site = briefing_site.require()
    missing = [rel for rel in OFFLINE_FILES if not (site / rel).is_file()]
    assert not missing, "the built site lacks " + ", ".join(missing)
