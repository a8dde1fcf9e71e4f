"""The site works from file:// with no network: no request leaves the machine."""

from __future__ import annotations

import re

import pytest

# Tags that would make the browser fetch something by themselves.
REMOTE_ASSET = re.compile(
    r"""<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//"""
    r"""|<link\b(?=[^>]*\brel\s*=\s*["']?(?:stylesheet|preconnect|preload|icon|modulepreload|manifest))"""
    r"""[^>]*\bhref\s*=\s*["']?(?:https?:)?//""",
    re.IGNORECASE,
)


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


def _assert_styled(page):
    background = page.eval_on_selector(
        ".md-header", "e => getComputedStyle(e).backgroundColor"
    )
    assert background not in ("", "transparent", "rgba(0, 0, 0, 0)"), (
        f".md-header has no background ({background!r}): Material's stylesheet did not load"
    )
    # Our own stylesheet is applied too (it sets the component variables).
    tint = page.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--bf-actor-color').trim()"
    )
    assert tint, "assets/stylesheets/briefing.css did not load"


@pytest.mark.parametrize("name", ["home", "actor", "source", "timeline", "graph", "glossary"])
def test_pages_load_offline(site, offline, name):
    op = offline()
    op.goto(site.url(site.page(name)))
    op.page.wait_for_timeout(300)
    _assert_styled(op.page)
    assert op.page.locator("h1").first.is_visible()
    assert op.blocked == [], f"{name}: non-file requests attempted: {op.blocked}"
    assert op.errors == [], f"{name}: JavaScript errors: {op.errors}"


def test_search_works_offline(site, offline, search):
    op = offline()
    op.goto(site.url("index.html"))
    results = search(op.page, "Russia")
    assert results >= 1
    assert op.blocked == [], f"non-file requests attempted during search: {op.blocked}"
    assert op.errors == [], f"JavaScript errors: {op.errors}"


def test_navigation_across_pages_stays_offline(site, offline):
    """Index, an actor page and back, in one tab: still nothing leaves the machine."""
    op = offline()
    op.goto(site.url("index.html"))
    op.goto(site.url(site.page("actor")))
    op.goto(site.url(site.page("topic")))
    op.page.go_back(wait_until="load")
    op.page.wait_for_timeout(300)
    _assert_styled(op.page)
    assert op.blocked == [], f"non-file requests attempted: {op.blocked}"



def test_web_worker_shim_is_shipped(site):
    """The offline plugin would load iframe-worker from a CDN; we ship it instead."""
    shim = site.root / "assets" / "javascripts" / "iframe-worker.js"
    assert shim.is_file(), "assets/javascripts/iframe-worker.js is not in the built site"
    assert "IFrameWorker" in shim.read_text(encoding="utf-8")
    html = site.read("index.html")
    assert re.search(r'<script[^>]+src="[^"]*assets/javascripts/iframe-worker\.js"', html), (
        "index.html does not load the shipped iframe-worker shim"
    )
    assert "unpkg.com" not in html and "iframe-worker/shim" not in html
