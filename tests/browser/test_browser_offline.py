"""The site works from file:// with no network: no request leaves the machine, and the
site's own scripts raise nothing and log no error."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

# Tags that would make the browser fetch something by themselves.
REMOTE_ASSET = re.compile(
    r"""<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//"""
    r"""|<link\b(?=[^>]*\brel\s*=\s*["']?(?:stylesheet|preconnect|preload|icon|modulepreload|manifest))"""
    r"""[^>]*\bhref\s*=\s*["']?(?:https?:)?//""",
    re.IGNORECASE,
)
OUR_SCRIPTS = ("assets/javascripts/briefing.js", "assets/javascripts/search.js",
               "assets/javascripts/vendor/minisearch.js", "search/briefing-index.js")

# No page has a <link rel="alternate">: Material's bundle (its handling of alternate-language
# links) fetches ../sitemap.xml with XMLHttpRequest for every link[rel=alternate], which
# Chromium refuses from file:// (CORS) with two console errors per page. The Atom feed is
# listed on the downloads page instead of in every page's head. Every test below wants no
# console error at all.


def test_no_page_references_a_remote_asset(site):
    offenders = []
    for path in site.html_files():
        for match in REMOTE_ASSET.finditer(path.read_text(encoding="utf-8")):
            offenders.append(f"{path.relative_to(site.root)}: {match.group(0)[:160]}")
    assert not offenders, "pages load assets from other hosts:\n" + "\n".join(offenders)


def test_css_has_no_remote_url(site):
    offenders = []
    for path in sorted(site.root.rglob("*.css")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in re.finditer(r"""(?:url\(\s*["']?|@import\s+["'])(?:https?:)?//[^)"'\s]+""", text):
            offenders.append(f"{path.relative_to(site.root)}: {match.group(0)}")
    assert not offenders, "stylesheets fetch from other hosts:\n" + "\n".join(offenders)


def _assert_styled(page, rel: str):
    background = page.eval_on_selector(".md-header", "e => getComputedStyle(e).backgroundColor")
    assert background not in ("", "transparent", "rgba(0, 0, 0, 0)"), (
        f"{rel}: .md-header has no background ({background!r}): Material's stylesheet did not load"
    )
    tint = page.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--bf-actor-color').trim()"
    )
    assert tint, f"{rel}: assets/stylesheets/briefing.css did not load"


def test_every_page_loads_offline(site, offline):
    """Every page from file://: no request to another host, no uncaught exception, no
    console error, styled, its title shown."""
    op = offline()
    pages = site.pages()
    assert len(pages) > 40, pages  # the fixture has some fifty pages
    blocked, errors, console = {}, {}, {}
    for rel in pages:
        op.reset()
        op.goto(site.url(rel))
        op.page.wait_for_timeout(150)
        if op.blocked:
            blocked[rel] = list(op.blocked)
        if op.errors:
            errors[rel] = list(op.errors)
        # 404.html is written for a web server, which serves it at any depth: MkDocs gives
        # it root-absolute asset URLs (/assets/…), which from disk point at the file
        # system's root. Its requests are still checked above; its failed loads are not
        # errors of the site.
        if rel != "404.html":
            if op.console:
                console[rel] = list(op.console)
            if rel != "print.html":
                _assert_styled(op.page, rel)
            assert op.page.locator("h1").first.is_visible(), f"{rel}: no visible h1"
    assert not blocked, f"requests to other hosts: {blocked}"
    assert not errors, f"uncaught JavaScript exceptions: {errors}"
    assert not console, f"console errors: {console}"


def test_pages_log_no_console_error(site, offline):
    op = offline()
    op.goto(site.url(site.page("actor")))
    op.page.wait_for_timeout(300)
    assert op.console == [], op.console
    assert op.page.locator("link[rel=alternate]").count() == 0, "Material fetches sitemap.xml for it"


@pytest.mark.parametrize("role", ["home", "actor", "group"])
def test_search_works_offline(site, offline, search, role):
    """The index and MiniSearch load from disk at any depth, on first use."""
    op = offline()
    op.goto(site.url(site.page(role)))
    loaded = op.page.evaluate("() => [typeof window.MiniSearch, typeof window.__briefingSearch]")
    assert loaded == ["undefined", "undefined"], "the search index loads before the reader searches"
    results = search(op.page, "Northline")
    assert results, "no result for Northline"
    for result in results:
        target = Path(unquote(urlsplit(result["href"]).path))
        assert target.is_file() and site.root in target.parents, result
    assert op.blocked == [], f"non-file requests attempted during search: {op.blocked}"
    assert op.errors == [], f"JavaScript errors: {op.errors}"
    assert op.console == [], op.console


def test_our_scripts_are_shipped_and_loaded(site):
    for rel in OUR_SCRIPTS:
        assert (site.root / rel).is_file(), f"{rel} is not in the built site"
    html = site.read(site.page("actor"))
    for script in ("briefing.js", "search.js"):
        assert re.search(rf'<script[^>]+src="\.\./assets/javascripts/{script}"', html), script
    # Material's own search (a web worker, which file:// forbids) is not on the page.
    assert 'name="search"' not in html and "md-search__input" not in html


def test_navigation_across_pages_stays_offline(site, offline):
    """Index, an actor page, a topic and back, in one tab: still nothing leaves the machine."""
    op = offline()
    op.goto(site.url("index.html"))
    op.goto(site.url(site.page("actor")))
    op.goto(site.url(site.page("topic")))
    op.page.go_back(wait_until="load")
    op.page.wait_for_timeout(300)
    _assert_styled(op.page, "back")
    assert op.blocked == [], f"non-file requests attempted: {op.blocked}"
    assert op.errors == []
