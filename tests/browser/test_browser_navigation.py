"""Reading the site as a person would: cross-links, quote links, abbreviations. (The search:
test_browser_search.py; link previews: test_browser_previews.py.)"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

import pytest

ENTITY_PATH = re.compile(r"/(actors|agreements|topics|sources)/([^/]+)\.html$")


def _pick_link(page, pattern: str) -> dict:
    """Mark the first visible link in the article whose resolved URL matches; return it."""
    return page.evaluate(
        """(pattern) => {
            const rx = new RegExp(pattern);
            const here = location.pathname;
            for (const a of document.querySelectorAll("article a[href]")) {
                const url = new URL(a.href);
                if (url.protocol !== "file:" || url.pathname === here) continue;
                if (!rx.test(url.pathname + url.hash)) continue;
                if (!a.getClientRects().length) continue;
                const style = getComputedStyle(a);
                if (style.visibility === "hidden" || style.display === "none") continue;
                a.setAttribute("data-test-pick", "1");
                return {href: a.getAttribute("href"), url: a.href, text: a.textContent.trim()};
            }
            return null;
        }""",
        pattern,
    )


@pytest.mark.parametrize("start", ["actor", "agreement", "topic"])
def test_following_a_cross_link(site, offline, start):
    op = offline()
    rel = site.page(start)
    op.goto(site.url(rel))
    link = _pick_link(op.page, r"/(actors|agreements|topics)/(?!index\.html)[^/]+\.html$")
    assert link, f"{rel} links to no other actor, agreement or topic page"
    with op.page.expect_navigation(wait_until="load"):
        op.page.click("[data-test-pick]")
    path = unquote(urlsplit(op.page.url).path)
    match = ENTITY_PATH.search(path)
    assert match, f"the link {link['href']!r} led to {op.page.url}"
    target = f"{match.group(1)}/{match.group(2)}.html"
    expected = site.h1(target)
    shown = op.page.eval_on_selector("h1", "e => e.textContent")
    assert expected and " ".join(shown.replace("\u00b6", "").split()) == expected
    assert op.page.locator("h1").first.is_visible()
    assert op.blocked == []


QUOTE_LINK = r'class="bf-quote"[\s\S]*?href="[^"]*sources/[^"/#]+\.html#p\d+'


def test_following_a_quote_link(site, offline):
    pages = site.find(QUOTE_LINK, kinds=("", "topics", "actors", "agreements"))
    assert pages, "no brief page has a quote (.bf-quote) linking to sources/<id>.html#pN"
    op = offline()
    op.goto(site.url(pages[0]))
    link = op.page.evaluate(
        """() => {
            for (const a of document.querySelectorAll(".bf-quote a[href]")) {
                if (!/sources\\/[^\\/#]+\\.html#p\\d+/.test(a.getAttribute("href"))) continue;
                a.scrollIntoView();
                a.setAttribute("data-test-pick", "1");
                return a.getAttribute("href");
            }
            return null;
        }"""
    )
    assert link, f"{pages[0]}: no quote link to a source paragraph"
    assert ":~:text=" in link, f"quote link {link!r} has no text fragment"
    para = re.search(r"#(p\d+)", link).group(1)
    with op.page.expect_navigation(wait_until="load"):
        op.page.click("[data-test-pick]")
    op.page.wait_for_timeout(300)
    assert "/sources/" in op.page.url
    state = op.page.evaluate(
        """(id) => {
            const el = document.getElementById(id);
            const target = document.querySelector(":target");
            return {
                exists: !!el,
                isPara: !!el && el.classList.contains("bf-para"),
                hash: location.hash,
                target: target ? target.id : null,
                marked: !!el && el.classList.contains("bf-para--target"),
                highlighted: !!el && getComputedStyle(el).backgroundColor !== "rgba(0, 0, 0, 0)",
                inView: !!el && (() => {
                    const r = el.getBoundingClientRect();
                    return r.bottom > 0 && r.top < innerHeight;
                })(),
            };
        }""",
        para,
    )
    assert state["exists"], f"the source page has no #{para}"
    assert state["isPara"], f"#{para} is not a .bf-para paragraph"
    # Chromium strips the :~:text= directive from location.hash. When the text
    # matches, the words are the target and no element is :target; briefing.js
    # then marks the paragraph with bf-para--target.
    assert state["hash"] == f"#{para}", state
    assert state["target"] == para or state["marked"], state
    assert state["highlighted"], f"#{para} is not highlighted: {state}"
    assert state["inView"], f"#{para} is not scrolled into view: {state}"
    assert op.blocked == []


def test_abbreviation_tooltip(site, offline):
    pages = site.find(r"<abbr\b[^>]*\btitle=", kinds=("", "actors", "agreements", "topics", "sources"))
    if not pages:
        pages = [p.relative_to(site.root).as_posix() for p in site.html_files()
                 if re.search(r"<abbr\b[^>]*\btitle=", p.read_text(encoding="utf-8"))]
    assert pages, "no page has an <abbr title=…>"
    op = offline()
    op.goto(site.url(pages[0]))
    op.page.wait_for_timeout(300)
    abbr = op.page.locator("article abbr").first
    assert abbr.count() == 1, f"{pages[0]}: no <abbr> in the article"
    title = abbr.get_attribute("title")
    assert title, f"{pages[0]}: the first <abbr> in the article has no title"
    abbr.scroll_into_view_if_needed()
    abbr.hover()
    # Material's content.tooltips turns the title into its own tooltip; else the
    # native title stays. Either way the explanation is reachable.
    tooltip = op.page.locator(".md-tooltip2, .md-tooltip").filter(has_text=re.compile(r"\S"))
    try:
        tooltip.first.wait_for(state="visible", timeout=3_000)
        shown = True
    except Exception:
        shown = False
    if shown:
        text = " ".join(tooltip.first.inner_text().split())
        assert " ".join(title.split()) in text, f"tooltip {text!r} does not show the title {title!r}"
    else:
        assert abbr.get_attribute("title"), "hovering the <abbr> shows no tooltip and its title is gone"
