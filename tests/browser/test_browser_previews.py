"""Link previews: every link to a brief says what it leads to (name, kind, summary) on
hover and on keyboard focus.

Links carry the preview as their title; Material's `content.tooltips` turns it into its own
tooltip (div.md-tooltip2, named by the link's aria-describedby). Material's tooltips do not
reach into SVG, so the graph nodes carry data-bf-preview and briefing.js shows it in
div.bf-tooltip. The markup is checked on every page; the tooltips in a browser, in every
place the pages put links: prose, fact boxes, connections, "Mentioned in", index pages,
the timeline, the glossary, the home page, tags, mentions, a source's text and the graphs.
"""

from __future__ import annotations

import html.parser
import posixpath
import re

import pytest

from browser.support import KIND_OF_SECTION, SECTIONS, normalize

BRIEF_PAGE = re.compile(rf"^({'|'.join(SECTIONS)})/(?!index\.html)[^/]+\.html$")


class _Links(html.parser.HTMLParser):
    """The <a href> of a page's <article>: href, attributes and the classes around it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []
        self.links: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        inside = any(t == "article" for t, _ in self.stack)
        if tag == "a" and inside and attrs.get("href"):
            self.links.append({"attrs": attrs, "where": " ".join(c for _, c in self.stack[-6:] if c)})
        if tag not in ("br", "hr", "img", "input", "meta", "link", "circle", "line", "path", "wbr"):
            self.stack.append((tag, f"{tag}.{(attrs.get('class') or '').split()[0]}"
                               if attrs.get("class") else tag))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break


def _target(page: str, href: str) -> tuple[str, str]:
    where, _, anchor = href.partition("#")
    if not where:
        return page, anchor
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), where)), anchor


def expected_preview(site, target: str) -> tuple[str, str, str]:
    """(name, kind, summary) of a brief page, read from the page itself."""
    return site.h1(target), KIND_OF_SECTION[target.split("/")[0]], site.summary(target)


def preview_problem(site, target: str, preview: str | None) -> str | None:
    if not preview:
        return "no preview"
    name, kind, summary = expected_preview(site, target)
    head, sep, said = preview.partition("): ")
    if not head.startswith(f"{name} ({kind}") or not sep:
        return f"does not start with {name!r} ({kind}…): {preview!r}"
    if said != summary and not (said.endswith("…") and summary.startswith(said[:-1])):
        return f"does not end with the summary {summary!r}: {preview!r}"
    return None


def test_every_link_to_a_brief_has_its_preview(site):
    """On every page of the site (the print edition drops previews by design), each link
    to another brief's page names it, its kind and its summary."""
    problems, checked = [], 0
    for rel in site.pages():
        if rel in ("print.html", "404.html"):
            continue
        parser = _Links()
        parser.feed(site.read(rel))
        for link in parser.links:
            href = link["attrs"]["href"]
            if re.match(r"^[a-z][a-z0-9+.-]*:", href):
                continue  # another site (a source's address, the edit button)
            target, anchor = _target(rel, href)
            if target == rel or not BRIEF_PAGE.match(target):
                continue
            if ":~:text=" in anchor:
                # A quotation's citation previews the quoted paragraph of the source
                # ("Gazette ¶2: Mayor Ilse Brandt called …"), which is what it points at.
                title = link["attrs"].get("title") or ""
                if not re.match(r"^.+ \u00b6\d+: \S", title):
                    problems.append(f"{rel}: quotation link {href!r} does not preview its paragraph: {title!r}")
                continue
            preview = link["attrs"].get("title") or link["attrs"].get("data-bf-preview")
            problem = preview_problem(site, target, preview)
            if problem:
                problems.append(f"{rel}: <a href={href!r}> in {link['where']!r}: {problem}")
            checked += 1
    assert checked > 300, checked
    assert not problems, f"{len(problems)} link(s) to a brief without its preview:\n" + "\n".join(problems)


# ---------------------------------------------------------------------------
# In a browser: the tooltip itself
# ---------------------------------------------------------------------------

# (page role, CSS selector of the place): every place the site puts links to briefs.
PLACES = [
    ("actor", "article p:not(.bf-summary) a[title]"),       # prose
    ("actor", "aside.bf-factbox a[title]"),                  # fact box
    ("organization", "dl.bf-relations a[title]"),            # connections
    ("actor", "ul.bf-mentions a[title]"),                    # "Mentioned in"
    ("section", "ul.bf-index a[title]"),                     # a section's index
    ("group", "ul.bf-index a[title]"),                       # a group's index
    ("timeline", "li.bf-event a[title]"),
    ("glossary", "dl.bf-glossary a[title]"),
    ("home", "article a[title]:not(.headerlink):not(.md-content__button)"),
    ("tags", "p.bf-tagged a[title]"),
    ("mentions", "ul.bf-mentions a[title]"),
    ("source", ".bf-source-text a[title]:not(.bf-pnum)"),
]
PICK = """([selector, limit]) => {
    const here = location.pathname;
    const brief = /\\/(actors|agreements|topics|sources)\\/(?!index\\.html)[^\\/]+\\.html$/;
    const out = [];
    for (const a of document.querySelectorAll(selector)) {
        const url = new URL(a.href);
        if (url.protocol !== "file:" || url.pathname === here || !brief.test(url.pathname)) continue;
        if (!a.getClientRects().length) continue;
        a.setAttribute("data-test-link", String(out.length));
        a.setAttribute("data-test-title", a.getAttribute("title"));
        out.push(a.getAttribute("title"));
        if (out.length >= limit) break;
    }
    return out;
}"""
MATERIAL_TIP = """(n) => {
    const a = document.querySelector(`[data-test-link="${n}"]`);
    const id = a.getAttribute("aria-describedby");
    const tip = id && document.getElementById(id);
    if (!tip || !tip.classList.contains("md-tooltip2--active")) return null;
    const style = getComputedStyle(tip);
    if (style.visibility === "hidden" || style.display === "none" || style.opacity === "0") return null;
    return tip.textContent;
}"""


def _shown(page, script: str, arg, timeout: int = 3_000):
    handle = page.wait_for_function(script, arg=arg, timeout=timeout)
    return normalize(handle.json_value())


@pytest.mark.parametrize("role, selector", PLACES, ids=[f"{r}:{s.split()[0]}" for r, s in PLACES])
def test_link_previews_show_on_hover_and_focus(site, offline, role, selector):
    op = offline()
    op.goto(site.url(site.page(role)))
    op.page.wait_for_timeout(200)
    titles = op.page.evaluate(PICK, [selector, 3])
    assert titles, f"{site.page(role)}: no link to a brief in {selector}"
    for n, title in enumerate(titles):
        link = op.page.locator(f'[data-test-link="{n}"]')
        link.scroll_into_view_if_needed()
        link.hover()
        shown = _shown(op.page, MATERIAL_TIP, n)
        assert shown == normalize(title), f"hover on {link.inner_text()!r}: tooltip {shown!r}, title {title!r}"
        op.page.mouse.move(1, 1)
        op.page.wait_for_function(
            "(n) => !document.querySelector('.md-tooltip2--active')", arg=n, timeout=3_000)
        link.focus()
        shown = _shown(op.page, MATERIAL_TIP, n)
        assert shown == normalize(title), f"focus on {link.inner_text()!r}: tooltip {shown!r}, title {title!r}"
        op.page.evaluate("document.activeElement.blur()")
    assert op.blocked == [] and op.errors == []


def test_keyboard_tab_shows_the_preview(site, offline):
    """Tabbing (not a scripted focus) onto a link in the prose shows its tooltip."""
    op = offline()
    op.goto(site.url(site.page("actor")))
    titles = op.page.evaluate(PICK, ["article p:not(.bf-summary) a[title]", 1])
    assert titles
    op.page.evaluate("""() => {
        const a = document.querySelector('[data-test-link="0"]');
        const before = [...document.querySelectorAll("a[href], [tabindex]")]
            .filter(e => a.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_PRECEDING).pop();
        before.focus();
    }""")
    op.page.keyboard.press("Tab")
    assert op.page.evaluate("document.activeElement.getAttribute('data-test-link')") == "0"
    assert _shown(op.page, MATERIAL_TIP, 0) == normalize(titles[0])


GRAPH_TIP = """(label) => {
    const tip = document.getElementById("bf-tooltip");
    if (!tip || tip.hidden || !tip.classList.contains("bf-tooltip--active")) return null;
    return tip.textContent;
}"""


@pytest.mark.parametrize("role", ["actor", "agreement", "topic", "graph"])
def test_graph_node_previews_show_on_hover_and_focus(site, offline, role):
    op = offline()
    op.goto(site.url(site.page(role)))
    op.page.wait_for_timeout(200)
    nodes = op.page.locator("svg.bf-graph-svg a[data-bf-preview]")
    count = nodes.count()
    assert count, f"{site.page(role)} has no graph node link"
    for n in sorted({0, count // 2, count - 1}):
        node = nodes.nth(n)
        preview = node.get_attribute("data-bf-preview")
        target = node.get_attribute("href")
        rel, _ = _target(site.page(role), target)
        assert preview_problem(site, rel, preview) is None, (target, preview)
        assert node.locator("title").count() == 0, "the node's <title> doubles the tooltip"
        node.scroll_into_view_if_needed()
        node.locator("circle, rect, ellipse").first.hover()
        assert _shown(op.page, GRAPH_TIP, n) == normalize(preview), f"hover on node {target}"
        box = op.page.evaluate("""() => { const r = document.getElementById("bf-tooltip").getBoundingClientRect();
            return [r.left, r.top, r.right, r.bottom, innerWidth, innerHeight]; }""")
        assert box[0] >= 0 and box[1] >= 0 and box[2] <= box[4] and box[3] <= box[5], box
        op.page.mouse.move(1, 1)
        op.page.wait_for_function("() => document.getElementById('bf-tooltip').hidden", timeout=3_000)
        node.focus()
        assert _shown(op.page, GRAPH_TIP, n) == normalize(preview), f"focus on node {target}"
        op.page.keyboard.press("Escape")
        op.page.wait_for_function("() => document.getElementById('bf-tooltip').hidden", timeout=3_000)
        op.page.evaluate("document.activeElement.blur()")
    assert op.blocked == [] and op.errors == []
