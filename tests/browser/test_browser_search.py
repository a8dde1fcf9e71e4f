"""The site's own search (assets/javascripts/search.js over the vendored MiniSearch), used
as a reader would: typing into #bfs-input, reading the #bfs-listbox options. From file://.

The ranking itself is unit-tested under Node (tests/js/search.test.mjs, run by
tests/test_js.py); here it runs on the index the generator wrote for the fixture briefing.
"""

from __future__ import annotations

import json
import re
from urllib.parse import unquote, urlsplit

import pytest

from browser.support import PHONE_OPTIONS, SECTIONS, normalize


def _rel(site, href: str) -> str:
    path = unquote(urlsplit(href).path)
    root = site.root.as_posix().rstrip("/") + "/"
    assert path.startswith(root), href
    return path[len(root):] + (f"#{urlsplit(href).fragment}" if urlsplit(href).fragment else "")


@pytest.fixture(scope="module")
def index_docs(site) -> list[dict]:
    text = site.read("search/briefing-index.js")
    return json.loads(text[text.index("{"): text.rindex("}") + 1])["docs"]


@pytest.fixture(scope="module")
def search_page(browser, site):
    """One tab for the module's queries (the index loads once)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    blocked = []
    context.route(re.compile(r"^(?!file:)"), lambda route: (blocked.append(route.request.url), route.abort()))
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(site.url(site.page("section")))
    yield page
    context.close()
    assert blocked == [] and errors == [], (blocked, errors)


def ranked(site, search, page, query: str) -> list[str]:
    return [_rel(site, r["href"]) for r in search(page, query)]


@pytest.mark.parametrize("query, expected", [
    ("Ilse Brant", "actors/ilse-brandt.html"),         # a letter missing
    ("Ilze Brandt", "actors/ilse-brandt.html"),        # a letter changed
    ("Petra Lynd", "actors/petra-lind.html"),
    ("Nortline", "actors/northline.html"),
    ("Valmora harbor council", "actors/valmora-council.html"),  # harbour, spelled the US way
    ("ilse brandt", "actors/ilse-brandt.html"),        # case never matters
])
def test_a_typo_finds_the_entity_first(site, search, search_page, query, expected):
    results = ranked(site, search, search_page, query)
    assert results, f"no result for {query!r}"
    assert results[0] == expected, f"{query!r}: {results[:5]}"


def test_every_entity_ranks_first_for_its_own_name(site, search, search_page):
    """Its name finds the entity's page first, above every reference page (index pages,
    glossary, timeline…) that the name, or the start of its last word, also matches."""
    wrong = []
    for rel in site.entity_pages():
        name = site.h1(rel)
        results = search(search_page, name)
        pages = [_rel(site, r["href"]) for r in results]
        if not pages or pages[0] != rel:
            wrong.append(f"{name!r}: {pages[:4]} (expected {rel} first)")
            continue
        kinds = [r["badge"].split(" · ")[0] for r in results]
        assert kinds[0] in ("Actor", "Agreement", "Topic", "Source"), (name, kinds)
    assert not wrong, "\n".join(wrong)
    assert len(site.entity_pages()) >= 20


def full_ranking(page, query: str) -> list[dict]:
    """Every result of a query (the list shows ten), from the page's own BriefingSearch on
    the index it loaded: the code and data the search box uses."""
    return page.evaluate(
        """(q) => {
            const docs = window.__briefingSearch.docs;
            const engine = window.BriefingSearch.createEngine(docs);
            return window.BriefingSearch.search(engine, q).map(r => ({u: r.u, k: r.k, tier: r.tier}));
        }""",
        query,
    )


def test_an_entity_outranks_the_reference_pages_that_share_its_words(site, search, search_page):
    # The index pages "Agreements", "Agreements › signed" and "Agreements › proposed" match
    # the last word of both agreements' names as a prefix.
    search(search_page, "Valmora")  # loads the index
    for query, entity in (("Valmora ferry agreement", "agreements/ferry-agreement.html"),
                          ("Winter timetable agreement", "agreements/winter-timetable.html")):
        results = full_ranking(search_page, query)
        urls = [r["u"] for r in results]
        reference = [i for i, r in enumerate(results) if r["k"] == "page"]
        assert reference, f"{query!r}: no reference page matched, the test proves nothing: {urls}"
        assert entity in urls, (query, urls)
        assert urls.index(entity) < min(reference), f"{query!r}: {urls}"
        assert urls[0] == entity, f"{query!r}: {urls}"


@pytest.mark.parametrize("query, expected, single", [
    # "Winter timetable agreement" has both words; "Valmora ferry agreement" (the other
    # agreement) and the glossary's "Winter timetable" have only one, in their very name.
    ("winter agreement", "agreements/winter-timetable.html",
     ["agreements/ferry-agreement.html", "glossary.html#term-winter-timetable"]),
    # Only Jonas Hale's page says both; the agreements say "agreement" in their names.
    ("Hale agreement", "actors/jonas-hale.html",
     ["agreements/ferry-agreement.html", "agreements/winter-timetable.html"]),
    ("Weiss board", "actors/aron-weiss.html", []),
])
def test_a_multi_word_query_ranks_the_page_with_every_word_first(site, search, search_page, query,
                                                                   expected, single):
    pages = ranked(site, search, search_page, query)
    assert pages and pages[0] == expected, f"{query!r}: {pages[:6]}"
    for rel in single:
        assert rel in pages, f"{query!r}: {rel} (one of the words) is not found at all: {pages}"
        assert pages.index(rel) > 0


def _fields(doc: dict) -> list[str]:
    return [normalize(doc.get(k, "")) for k in ("s", "x")]


def test_snippets_keep_the_spaces_of_the_text(site, search, search_page, index_docs):
    """A snippet is a run of its page's summary or text, spaces and all (around the marked
    words too), and the option reads title, kind and snippet apart."""
    by_url = {d["u"]: d for d in index_docs}
    checked = 0
    for query in ("Ilse Brandt", "unlikely", "winter timetable", "RoRo ferry", "VHC"):
        for result in search(search_page, query):
            doc = by_url[_rel(site, result["href"])]
            shown = normalize(result["snippet"]).strip("\u2026 ")
            if not shown:
                continue
            assert any(shown in field for field in _fields(doc)), (
                f"{query!r}: the snippet of {doc['u']} is not a run of its text: {shown!r}")
            read = normalize(result["text"])
            assert read == normalize(f"{result['title']} {result['badge']} {result['snippet']}"), (
                f"{query!r}: the option {doc['u']} runs its parts together: {result['text']!r}")
            checked += 1
    assert checked >= 10
    # The fields of a topic's text (judgments, then events) are joined with a space.
    snippet = next(r["snippet"] for r in search(search_page, "unlikely")
                   if _rel(site, r["href"]) == "topics/fares.html")
    assert "before the election. The agreement is signed." in normalize(snippet), snippet


def test_keyboard_opens_the_first_result(site, offline):
    op = offline()
    op.goto(site.url(site.page("home")))
    op.page.keyboard.press("/")  # the site's shortcut focuses the search box
    assert op.page.evaluate("document.activeElement.id") == "bfs-input"
    op.page.keyboard.type("Ostria")
    op.page.locator("#bfs-listbox [role=option]").first.wait_for()
    assert op.page.get_attribute("#bfs-input", "aria-expanded") == "true"
    op.page.keyboard.press("ArrowDown")
    active = op.page.get_attribute("#bfs-input", "aria-activedescendant")
    assert active and op.page.get_attribute(f"#{active}", "aria-selected") == "true"
    with op.page.expect_navigation(wait_until="load"):
        op.page.keyboard.press("Enter")
    assert _rel(site, op.page.url) == "actors/ostria.html"
    assert op.blocked == [] and op.errors == []


def test_phone_search_overlay(site, offline, search):

    op = offline(**PHONE_OPTIONS)
    op.goto(site.url(site.page("actor")))
    assert not op.page.locator("#bfs-input").is_visible()
    results = search(op.page, "Ostria")
    assert results and _rel(site, results[0]["href"]) == "actors/ostria.html"
    box = op.page.locator("#bfs-box")
    assert box.get_attribute("role") == "dialog" and box.get_attribute("aria-modal") == "true"
    op.page.keyboard.press("Escape")
    assert not op.page.locator("#bfs-input").is_visible()
    assert op.page.evaluate("document.activeElement.classList.contains('bfs__open')")
    assert op.blocked == [] and op.errors == []


# A link's title holds ")" — every preview does, "Petra Lind (Actor, person): …". The index
# text once cut the Markdown link at that parenthesis (hooks/briefing/emit.py, plain_text),
# and the rest of the title, the linked brief's summary, landed in the page's search text:
# Jonas Hale's page says only "Hale voted against the agreement (Gazette ¶4)", but a search
# for Petra Lind listed him, and every page citing the Gazette, with a garbled snippet
# ('… (Gazette ¶4: Article by Petra Lind, Harbour Gazette; 4 March 2024."))').
def test_a_name_finds_only_pages_that_mention_it(site, search, search_page):
    results = search(search_page, "Petra Lind")
    pages = [_rel(site, r["href"]) for r in results]
    assert pages[0] == "actors/petra-lind.html"
    assert "actors/jonas-hale.html" not in pages and "actors/fan-00.html" not in pages, pages
    leaked = [r["snippet"] for r in results if '")' in r["snippet"]]
    assert not leaked, leaked


def test_every_index_entry_links_a_built_page(site, index_docs):
    """Every document of the index links a page of the built site (anchors included)."""
    for doc in index_docs:
        path, _, anchor = doc["u"].partition("#")
        assert (site.root / path).is_file(), doc["u"]
        if anchor:
            assert f'id="{anchor}"' in site.read(path), doc["u"]
    kinds = {d["k"] for d in index_docs}
    assert {"actor", "agreement", "topic", "source", "term", "page"} <= kinds
    assert {d["u"].split("/")[0] for d in index_docs if d["k"] in ("actor", "agreement", "topic", "source")} \
        == set(SECTIONS)
