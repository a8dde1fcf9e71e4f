"""Where the reader is, and the site on a phone.

Entity pages are outside the nav by design (a section lists its groups, not every brief), so
the site must still say where such a page belongs: its section's tab is highlighted, the
breadcrumb reads Briefing › section › group, and the sidebar marks the group. On a phone
(390 px wide): no page scrolls sideways, graphs scroll inside their own box at a readable
size, and the menu opens on the page's group.
"""

from __future__ import annotations

import pytest

from browser.support import PHONE, PHONE_OPTIONS, Site

# entity page -> (its section's tab, its group in the section)
PLACES = {
    "actors/ilse-brandt.html": ("Actors", "People"),
    "actors/valmora-council.html": ("Actors", "Organizations"),
    "actors/ostria.html": ("Actors", "States"),
    "actors/fan-03.html": ("Actors", "Groups"),
    "agreements/ferry-agreement.html": ("Agreements", "Signed"),
    "agreements/winter-timetable.html": ("Agreements", "Proposed"),
    "topics/fares.html": ("Topics", "Emerging"),
    "topics/ferry.html": ("Topics", "Ongoing"),
    "sources/harbour-gazette.html": ("Sources", "Grade C"),
    "sources/harbour-notes.html": ("Sources", "Grade B"),
    "sources/coast-analysis.html": ("Sources", "Grade F"),
}

ORIENTATION = """() => {
    const shown = e => !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
    const text = e => e.textContent.replace(/\\s+/g, " ").trim();
    const tabs = [...document.querySelectorAll(".md-tabs__item--active")];
    const crumbs = [...document.querySelectorAll("nav.md-path .md-path__item")].map(text);
    const sidebar = document.querySelector(".md-sidebar--primary");
    const active = [...sidebar.querySelectorAll("li.md-nav__item--active")];
    // The deepest active item: the group (its own link, not the container's).
    const group = active.filter(li => !li.querySelector("li.md-nav__item--active")).pop();
    const link = group && group.querySelector(":scope > a.md-nav__link, :scope > .md-nav__container > a.md-nav__link");
    const sibling = group && [...group.parentElement.children].find(li => li !== group && li.matches("li.md-nav__item"));
    const siblingLink = sibling && sibling.querySelector("a.md-nav__link");
    const look = a => a ? [getComputedStyle(a).color, getComputedStyle(a).backgroundColor] : null;
    return {
        tabs: tabs.map(text), tabShown: tabs.every(shown),
        crumbs, crumbsShown: shown(document.querySelector("nav.md-path")),
        activeItems: active.map(li => text(li.querySelector(".md-nav__link"))),
        group: link ? text(link) : null, groupShown: shown(link), groupHref: link && link.getAttribute("href"),
        groupLook: look(link), siblingLook: look(siblingLink),
    };
}"""


@pytest.mark.parametrize("rel", sorted(PLACES))
def test_an_entity_page_shows_where_it_belongs(site: Site, offline, rel):
    section, group = PLACES[rel]
    op = offline()
    op.goto(site.url(rel))
    state = op.page.evaluate(ORIENTATION)
    assert state["tabs"] == [section] and state["tabShown"], f"{rel}: active tab {state['tabs']}"
    assert state["crumbsShown"] and state["crumbs"] == ["Briefing", section, group], (
        f"{rel}: breadcrumb {state['crumbs']}")
    assert state["activeItems"][:1] == [section], f"{rel}: active sidebar items {state['activeItems']}"
    assert state["group"] == group and state["groupShown"], f"{rel}: active group {state['group']!r}"
    assert state["groupHref"].endswith("/index.html"), state["groupHref"]
    assert state["groupLook"] != state["siblingLook"], (
        f"{rel}: the active group looks like the others: {state['groupLook']}")
    assert op.blocked == [] and op.errors == []


# ---------------------------------------------------------------------------
# Phones
# ---------------------------------------------------------------------------

OVERFLOW = """() => {
    const vw = document.documentElement.clientWidth;
    const scrolls = e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX; if (o === "auto" || o === "scroll" || o === "hidden" || o === "clip") return true; }
        return false; };
    const out = [];
    for (const e of document.querySelectorAll(".md-container *")) {
        const r = e.getBoundingClientRect();
        if (!r.width || (r.right <= vw + 1 && r.left >= -1)) continue;
        if (scrolls(e) || e.closest(".md-sidebar, .md-search, .bfs__box, .md-tooltip2, .bf-tooltip")) continue;
        out.push(`${e.tagName.toLowerCase()}.${e.className && e.className.baseVal === undefined ? e.className : ""} ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
    return {scrollWidth: document.documentElement.scrollWidth, vw, out: out.slice(0, 10)};
}"""


def test_no_page_scrolls_sideways_on_a_phone(site: Site, offline):
    op = offline(**PHONE_OPTIONS)
    wide = {}
    pages = sorted(set(site.ROLES.values()) | set(PLACES))
    for rel in pages:
        op.goto(site.url(rel))
        op.page.wait_for_timeout(100)
        state = op.page.evaluate(OVERFLOW)
        if state["scrollWidth"] > PHONE["width"] or state["out"]:
            wide[rel] = state
        op.page.mouse.wheel(200, 0)  # a sideways swipe does not move the page
        if op.page.evaluate("scrollX") != 0:
            wide.setdefault(rel, {})["scrollX"] = op.page.evaluate("scrollX")
    assert not wide, f"pages wider than a {PHONE['width']} px phone: {wide}"
    # The check sees a page that is too wide (so the pass above means something).
    op.page.evaluate("""() => { const d = document.createElement("div");
        d.style.width = "600px"; d.textContent = "wide"; document.querySelector("article").append(d); }""")
    assert op.page.evaluate(OVERFLOW)["out"], "the overflow check misses a 600 px wide block"
    assert op.blocked == [] and op.errors == []


GRAPHS = """() => [...document.querySelectorAll("svg.bf-graph-svg")].map(svg => {
    const box = svg.parentElement;
    const b = box.getBoundingClientRect();
    const r = svg.getBoundingClientRect();
    const scale = r.width / svg.viewBox.baseVal.width;
    const sizes = [...svg.querySelectorAll("text")].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
    return {
        inBox: box.classList.contains("bf-graph-scroll"),
        box: [b.left, b.right], vw: document.documentElement.clientWidth,
        overflowX: getComputedStyle(box).overflowX, scrollable: box.scrollWidth > box.clientWidth,
        scrollLeft: box.scrollLeft, middle: (box.scrollWidth - box.clientWidth) / 2,
        focusable: box.tabIndex === 0, named: !!box.getAttribute("aria-label"),
        label: sizes.length ? Math.min(...sizes) : null,
    };
})"""
MIN_LABEL_PX = 9.5  # the CSS keeps labels near 10 px on a phone (briefing.css, .bf-graph svg)


@pytest.mark.parametrize("role", ["actor", "agreement", "topic", "graph"])
def test_graphs_scroll_in_their_box_on_a_phone(site: Site, offline, role):
    op = offline(**PHONE_OPTIONS)
    op.goto(site.url(site.page(role)))
    op.page.wait_for_timeout(150)
    graphs = op.page.evaluate(GRAPHS)
    assert graphs, f"{site.page(role)} has no graph"
    for g in graphs:
        assert g["inBox"], "the graph's SVG is not inside div.bf-graph-scroll"
        assert g["box"][0] >= 0 and g["box"][1] <= g["vw"], f"the scroll box leaves the screen: {g}"
        assert g["overflowX"] in ("auto", "scroll") and g["focusable"] and g["named"], g
        assert g["label"] is not None and g["label"] >= MIN_LABEL_PX, f"labels shrink to {g['label']:.1f} px"
        if g["scrollable"]:
            assert abs(g["scrollLeft"] - g["middle"]) <= 2, f"a wide drawing starts centred: {g}"
    assert op.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert op.blocked == [] and op.errors == []


@pytest.mark.parametrize("rel", ["actors/ilse-brandt.html", "topics/fares.html", "glossary.html"])
def test_the_phone_menu_opens(site: Site, offline, rel):
    op = offline(**PHONE_OPTIONS)
    op.goto(site.url(rel))
    page = op.page
    button = page.locator('label.md-header__button[for="__drawer"]')
    assert button.is_visible(), "no menu button in the phone header"
    assert not page.is_checked("#__drawer")
    button.click()
    assert page.is_checked("#__drawer")
    page.wait_for_timeout(400)  # the drawer slides in
    drawer = page.evaluate("""() => {
        const s = document.querySelector(".md-sidebar--primary").getBoundingClientRect();
        const links = [...document.querySelectorAll(".md-sidebar--primary a.md-nav__link")].filter(a => {
            const r = a.getBoundingClientRect();
            return r.width > 0 && r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight
                && getComputedStyle(a).visibility !== "hidden";
        }).map(a => a.textContent.replace(/\\s+/g, " ").trim());
        return {left: s.left, right: s.right, links};
    }""")
    assert drawer["left"] >= -1 and drawer["right"] <= PHONE["width"] + 1, f"the menu is off screen: {drawer}"
    assert drawer["links"], "the open menu shows no link"
    if rel in PLACES:
        # It opens on the page's section, with the page's group among what it shows.
        assert PLACES[rel][1] in drawer["links"], drawer["links"]
    page.locator("label.md-overlay").click(position={"x": 370, "y": 400})
    assert not page.is_checked("#__drawer"), "tapping beside the menu does not close it"
    assert op.blocked == [] and op.errors == []
