"""Printing a page gives a clean document."""

from __future__ import annotations

import pytest

HIDDEN_IN_PRINT = [".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".md-search", ".md-content__button",
                   ".bfs", ".md-path", ".bf-tooltip", ".md-tooltip2"]


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


def test_print_from_dark_mode_is_dark_ink_on_white(site, offline):
    op = offline()
    op.goto(site.url(site.page("actor")))
    op.page.locator('form[data-md-component="palette"] label:visible').first.click()
    op.page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    op.page.emulate_media(media="print")
    colours = op.page.evaluate("""() => ({
        page: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.querySelector("article p")).color,
        box: getComputedStyle(document.querySelector("aside.bf-factbox")).backgroundColor,
    })""")
    assert colours["page"] == "rgb(255, 255, 255)", colours
    assert colours["text"] in ("rgb(0, 0, 0)", "rgba(0, 0, 0, 0.87)"), colours
    assert colours["box"] in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)"), colours


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


# ---------------------------------------------------------------------------
# The print edition (print.html): the whole briefing on one page
# ---------------------------------------------------------------------------

EDITION = """() => {
    const shown = e => getComputedStyle(e).display !== "none" && e.getClientRects().length > 0;
    const text = e => e.textContent.replace(/\\s+/g, " ").trim();
    const ids = new Set([...document.querySelectorAll("[id]")].map(e => e.id));
    return {
        titles: [...document.querySelectorAll("section.bf-print-page > h1")].map(h => [text(h), shown(h)]),
        links: [...document.querySelectorAll("a[href]")].map(a => ({
            href: a.getAttribute("href"), url: a.href, text: text(a), shown: shown(a),
            row: (a.closest("tr") && a.closest("tr").querySelector("th")) ? text(a.closest("tr").querySelector("th")) : "",
            section: a.closest("section.bf-print-page") ? a.closest("section.bf-print-page").id : "",
        })),
        // A browser reads "#id:~:text=…" as the element id plus a text directive.
        missing: [...document.querySelectorAll('a[href^="#"]')].map(a => a.getAttribute("href").slice(1))
            .map(id => id.split(":~:")[0]).filter(id => id && !ids.has(decodeURIComponent(id))),
        graphs: document.querySelectorAll("svg, .bf-graph").length,
        previews: document.querySelectorAll("[title], [data-bf-preview]").length,
    };
}"""


@pytest.fixture
def edition(site, offline):
    op = offline()
    op.goto(site.url(site.page("print")))
    op.page.emulate_media(media="print")
    state = op.page.evaluate(EDITION)
    yield op, state
    assert op.blocked == [], f"print.html asked other hosts for {op.blocked}"
    assert op.errors == [] and op.console == [], (op.errors, op.console)


def test_print_edition_has_every_entity_page_once(site, edition):
    op, state = edition
    titles = [t for t, _ in state["titles"]]
    assert all(shown for _, shown in state["titles"]), "a page's title is hidden in print"
    expected = [site.h1(rel) for rel in site.entity_pages()]
    assert len(expected) == 27, expected  # the fixture: 20 actors, 2 agreements, 2 topics, 3 sources
    wrong = {t: titles.count(t) for t in expected if titles.count(t) != 1}
    assert not wrong, f"entity titles not printed exactly once (title: times): {wrong}"
    # Besides the entities, only the home page and the glossary have a part of their own.
    assert len(titles) == len(expected) + 2, sorted(set(titles) - set(expected))
    # Graphs and hover previews are dropped: they mean nothing on paper.
    assert state["graphs"] == 0 and state["previews"] == 0, state


def test_print_edition_links_stay_in_the_edition(site, edition):
    """No link to another host (but a source's own address, printed in full), and every
    in-page link has its target."""
    op, state = edition
    assert not state["missing"], f"in-page links without a target: {sorted(set(state['missing']))}"
    foreign = []
    for link in state["links"]:
        if link["url"].startswith("file:"):
            continue
        # A source's address (its fact box's "Address" row), whose text is the address
        # itself: a citation printed in full, not a way off the page.
        if link["row"] == "Address" and link["text"] == link["href"] and link["section"].startswith("pg-sources-"):
            continue
        foreign.append(link)
    assert not foreign, f"print.html links other hosts: {foreign}"
    addresses = [link for link in state["links"] if link["row"] == "Address"]
    assert addresses, "the fixture's harbour notes have an address: the exception above is not exercised"


def test_print_edition_prints(site, edition):
    """Chromium prints it (the PDF of `briefing pdf` is WeasyPrint's: tests/test_pdf.py)."""
    op, _ = edition
    assert not op.page.locator(".bf-print-back").is_visible(), "'Back to the site' is printed"
    pdf = op.page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000


# A link to another site prints " (address)" after itself, but not when its text already is
# that address (a source's "Address" row): printed.py marks those links .bf-url in the print
# edition, and both print stylesheets leave them alone.
# On site pages the source page's Address link carries class="bf-url" (render/pages.py),
# which briefing.css's print rule leaves alone.
@pytest.mark.parametrize("role", ["print", "source-with-address"])
def test_print_does_not_repeat_an_address(site, offline, role):
    rel = site.page("print") if role == "print" else "sources/harbour-notes.html"
    op = offline()
    op.goto(site.url(rel))
    op.page.emulate_media(media="print")
    doubled = op.page.evaluate("""() => [...document.querySelectorAll('a[href^="http"]')]
        .filter(a => a.textContent.trim() === a.getAttribute("href"))
        .map(a => [a.getAttribute("href"), getComputedStyle(a, "::after").content])
        .filter(([href, after]) => after.includes(href))""")
    assert not doubled, doubled
