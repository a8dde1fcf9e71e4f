"""Printing a page gives a clean document."""

from __future__ import annotations

import pytest

HIDDEN_IN_PRINT = [".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".md-search", ".md-content__button"]


@pytest.mark.parametrize("name", ["actor", "topic"])
def test_print_hides_site_furniture(site, offline, name):
    op = offline()
    op.goto(site.url(site.page(name)))
    op.page.emulate_media(media="print")
    shown = op.page.evaluate(
        """(selectors) => selectors.flatMap(sel =>
            [...document.querySelectorAll(sel)]
              .filter(e => getComputedStyle(e).display !== "none" && e.getClientRects().length)
              .map(e => sel))""",
        HIDDEN_IN_PRINT,
    )
    assert not shown, f"still displayed in print: {sorted(set(shown))}"
    assert op.page.locator("article h1").first.is_visible()


def test_print_spells_out_external_links(site, offline):
    pages = site.find(r'<article[\s\S]*<a [^>]*href="https?://', kinds=("sources", "actors", "agreements", "topics", ""))
    if not pages:
        pytest.skip("no page links to an external address")
    op = offline()
    op.goto(site.url(pages[0]))
    op.page.emulate_media(media="print")
    after = op.page.evaluate(
        """() => {
            const a = [...document.querySelectorAll('article a[href^="http"]')]
              .find(a => !a.closest(".bf-graph, .md-content__button"));
            return a ? [a.getAttribute("href"), getComputedStyle(a, "::after").content] : null;
        }"""
    )
    assert after, f"{pages[0]}: no external link in the article"
    href, content = after
    assert href in content, f"print shows no address after the link: {content!r}"
