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


def test_print_spells_out_links(site, offline):
    """External links print their address; internal links print as plain text."""
    op = offline()
    op.goto(site.url(site.page("actor")))
    # The briefing's sources may have no URL, so add an external link to test the rule.
    op.page.evaluate(
        """() => {
            const p = document.createElement("p");
            p.innerHTML = 'See <a id="test-ext" href="https://example.org/article">the article</a>.';
            document.querySelector("article").appendChild(p);
        }"""
    )
    op.page.emulate_media(media="print")
    external = op.page.eval_on_selector("#test-ext", 'a => getComputedStyle(a, "::after").content')
    assert "https://example.org/article" in external, f"print shows no address after an external link: {external!r}"
    internal = op.page.evaluate(
        """() => [...document.querySelectorAll('article a[href]:not([href^="http"])')]
            .filter(a => a.getClientRects().length)
            .map(a => [a.getAttribute("href"), getComputedStyle(a, "::after").content,
                       getComputedStyle(a).textDecorationLine])"""
    )
    assert internal, "the actor page has no internal link"
    for href, after, decoration in internal:
        assert after in ("none", "normal", '""'), f"internal link {href} prints extra text {after!r}"
    assert any(d == "underline" for _, _, d in internal), "internal links are not underlined in print"


def test_print_keeps_boxes_whole(site, offline):
    op = offline()
    op.goto(site.url(site.page("actor")))
    op.page.emulate_media(media="print")
    breaks = op.page.evaluate(
        """() => [...document.querySelectorAll(".bf-factbox, .bf-quote")]
            .map(e => getComputedStyle(e).breakInside)"""
    )
    assert breaks, "the actor page has no fact box or quote"
    assert all(b == "avoid" for b in breaks), breaks
