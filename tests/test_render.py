"""Rendered pages on a real build of a fixture briefing (tests/sites.py): entity, group and
index pages, the timeline, graphs, tags, downloads, the print edition, the feed, the search
index, the data export, the home page's markers and the edit links."""
from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from helpers import ANALYSIS, GAZETTE, Project
from sites import FANS, HOME, NOTES, build, rich

EDIT = "https://example.org/repo/edit/main/{path}"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return rich(Project(tmp_path_factory.mktemp("render") / "project"))


@pytest.fixture(scope="module")
def built(project):
    result = build(project, "--strict", BRIEFING_EDIT_URL=EDIT)
    assert result.returncode == 0, result.output[-4000:]
    assert "Traceback" not in result.output
    return result.site


@pytest.fixture(scope="module")
def run(project, built):
    return project.run(render=True)


def read(site, page):
    return (site / page).read_text(encoding="utf-8")


def article(site, page) -> str:
    text = read(site, page)
    return text[text.index("<article"):text.index("</article>")]


PEOPLE = ["Aron Weiss", "Ilse Brandt", "Jonas Hale", "Petra Lind"]
BRIEFS = ["actors/ostria", "actors/valmora-council", "actors/northline", "actors/ilse-brandt",
          "actors/jonas-hale", "actors/aron-weiss", "actors/petra-lind", *[f"actors/fan-{n:02}" for n in range(FANS)],
          "agreements/ferry-agreement", "agreements/winter-timetable", "topics/ferry", "topics/fares"]
SOURCES = [f"sources/{GAZETTE}", f"sources/{ANALYSIS}", f"sources/{NOTES}"]


def test_every_brief_and_source_has_a_page(built):
    for page in BRIEFS + SOURCES:
        assert (built / f"{page}.html").is_file(), page
    on_disk = sorted(p.relative_to(built).with_suffix("").as_posix()
                     for folder in ("actors", "agreements", "topics", "sources")
                     for p in (built / folder).glob("*.html") if p.stem != "index")
    assert on_disk == sorted(BRIEFS + SOURCES)
    for page in ("index.html", "glossary.html", "timeline.html", "graph.html", "tags.html",
                 "downloads.html", "print.html", "feed.xml", "briefing.json", "briefing.schema.json",
                 "search/briefing-index.js", "mentions/northline.html"):
        assert (built / page).is_file(), page


@pytest.mark.parametrize("group, members, absent", [
    ("actors/people", PEOPLE, ["Ostria", "Northline Ferry Company"]),
    ("actors/states", ["Ostria"], ["Ilse Brandt"]),
    ("actors/organizations", ["Northline Ferry Company", "Valmora harbour council"], ["Ostria"]),
    ("actors/groups", [f"Ferry user {n:02}" for n in range(FANS)], ["Ostria"]),
    ("agreements/signed", ["Valmora ferry agreement"], ["Winter timetable agreement"]),
    ("agreements/proposed", ["Winter timetable agreement"], ["Valmora ferry agreement"]),
    ("topics/ongoing", ["The Valmora ferry"], ["The fares question"]),
    ("topics/emerging", ["The fares question"], ["The Valmora ferry"]),
    ("sources/grade-b", ["Notes"], ["Gazette"]),
    ("sources/grade-c", ["Gazette"], ["Notes"]),
    ("sources/grade-f", ["Analysis"], ["Gazette"]),
])
def test_group_pages_list_their_members(built, group, members, absent):
    page = article(built, f"{group}/index.html")
    items = re.findall(r'<li><a href="\.\./[^"]+" title="[^"]*">([^<]+)</a>', page)
    assert items == sorted(members, key=str.lower), items
    assert f"<p>{len(members)} in this group." in page
    for name in absent:
        assert f">{name}</a>" not in page


def test_only_groups_with_members_have_pages(built):
    assert not (built / "actors" / "media").exists()
    assert not (built / "agreements" / "expired").exists()
    assert not (built / "sources" / "grade-a").exists()


def test_index_pages_group_entities(built):
    actors = article(built, "actors/index.html")
    order = [actors.index(f'id="{g}"') for g in ("people", "states", "organizations", "groups")]
    assert order == sorted(order)
    assert re.search(r'id="people">People.*Aron Weiss.*Ilse Brandt.*Jonas Hale.*Petra Lind.*id="states"',
                     actors, re.S)
    assert '<a href="people/index.html">4 people</a>' in actors
    assert f"<p>{7 + FANS} in all.</p>" in actors
    agreements = article(built, "agreements/index.html")
    assert agreements.index('id="proposed"') < agreements.index('id="signed"')
    assert '<span class="bf-muted">signed 3 March 2024</span>' in agreements
    assert '<span class="bf-muted">proposed 2025</span>' in agreements
    sources = article(built, "sources/index.html")
    assert sources.index('id="grade-b"') < sources.index('id="grade-c"') < sources.index('id="grade-f"')


def test_a_group_of_one_is_counted_in_the_singular(built):
    assert '<a href="states/index.html">1 state</a>' in article(built, "actors/index.html")


# -- the timeline ---------------------------------------------------------------------------

def _events(page: str) -> list[str]:
    return re.findall(r'<li class="bf-event".*?</li>', page, re.S)


def test_timeline_is_in_date_order_and_keeps_partial_dates_partial(built):
    page = article(built, "timeline.html")
    dated = [re.search(r'datetime="([^"]+)"', e).group(1) for e in _events(page) if "datetime" in e]
    assert dated == ["2024-03-03", "2024-03-03", "2024-03-15", "2024-03", "2025", "2025"]
    assert '<time datetime="2024-03">March 2024</time>' in page
    assert '<time datetime="2025">2025</time>' in page
    assert "1 March 2024" not in page and "1 January 2025" not in page
    assert "<h3>March 2024</h3>" in page and "<h3>2025, month unknown</h3>" in page
    assert page.index('id="y2024"') < page.index('id="y2025"') < page.index('id="undated"')
    assert "6 dated events and agreement dates, in order, then 4 undated." in page


def test_undated_events_come_last_in_the_order_of_their_sources(built):
    page = article(built, "timeline.html")
    undated = _events(page[page.index('id="undated"'):])
    texts = [re.search(r"(Critics doubt|The council praises|The council promises|Northline says)", e).group(1)
             for e in undated]
    # Gazette ¶3, Gazette ¶6, Notes ¶2 (sources by id, then paragraph), then the one with no quote;
    # the brief lists them in another order.
    assert texts == ["The council praises", "Critics doubt", "The council promises", "Northline says"]
    assert all('<span class="bf-undated">Undated</span>' in e for e in undated)


def test_date_notes_are_shown(built):
    timeline = article(built, "timeline.html")
    assert ('<span class="bf-muted">(The article gives no date for the remark.)</span> '
            "The council praises the company.") in timeline
    assert ('<time datetime="2025">2025</time> <span class="bf-muted">(The year comes from the notes, '
            "which give no month.)</span>") in timeline
    topic = article(built, "topics/fares.html")
    assert ('<li><strong>Undated</strong> <span class="bf-muted">(The article gives no date for the '
            "remark.)</span>: The council praises the company.") in topic
    agreement = article(built, "agreements/winter-timetable.html")
    assert "<th scope=\"row\">About the dates</th><td>The year comes from the notes, which give no month." in agreement


def test_timeline_entries_link_topic_actors_and_passage_and_carry_filters(built):
    page = article(built, "timeline.html")
    event = next(e for e in _events(page) if "Northline speaks about fares" in e)
    assert 'data-actors="northline" data-topics="fares"' in event
    assert 'href="topics/fares.html"' in event and 'href="actors/northline.html"' in event
    assert 'href="sources/harbour-gazette.html#p3:~:text=no%20plans%20to%20raise%20fares"' in event
    assert '<form class="bf-filter" aria-label="Filter the timeline" data-search-exclude>' in page
    assert '<option value="northline">Northline Ferry Company</option>' in page
    assert '<option value="fares">The fares question</option>' in page


# -- graphs ---------------------------------------------------------------------------------

def _svg(page: str) -> str:
    start = page.index("<svg")
    return page[start:page.index("</svg>", start) + 6]


def test_entity_graph_is_an_accessible_static_svg(built):
    page = article(built, "agreements/ferry-agreement.html")
    region = re.search(r'<div class="bf-graph-scroll" tabindex="0" role="region" '
                       r'aria-label="Connections of Valmora ferry agreement">(<svg.*?</svg>)</div>', page, re.S)
    assert region, "the graph is not in a focusable scroll region"
    svg = region.group(1)
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 400" role="group" '
                          'aria-labelledby="g-ferry-agreement-t g-ferry-agreement-d"')
    assert '<title id="g-ferry-agreement-t">Connections of Valmora ferry agreement</title>' in svg
    assert re.search(r'<desc id="g-ferry-agreement-d">Valmora ferry agreement is connected to: [^<]*Ostria', svg)
    # A group, not an image: its nodes are links, each with its own title.
    assert '<a href="../actors/northline.html" class="bf-node bf-node--actor"' in svg
    assert "<title>Northline Ferry Company (Actor, organization): Northline Ferry Company summary.</title>" in svg
    assert '<g class="bf-node bf-node--agreement bf-node--centre">' in svg  # this page: not a link
    assert "<script" not in svg and " on" not in re.sub(r'"[^"]*"', '""', svg)
    ET.fromstring(svg)  # well-formed XML


def test_global_graph_page(built):
    page = article(built, "graph.html")
    svg = _svg(page)
    assert '<title id="g-all-t">The whole briefing</title>' in svg
    assert svg.count('class="bf-node ') == len(BRIEFS + SOURCES)
    assert 'role="region" aria-label="The whole briefing, as a graph"' in page
    # The same entities as text, after the graph.
    lists = page[page.index('<div class="bf-graph-lists">'):]
    for name in ("Ostria", "The fares question", "Valmora ferry agreement", "Harbour notes, spring 2024"):
        assert f">{name}</a>" in lists
    ET.fromstring(svg)


def test_graph_layout_is_deterministic(built, tmp_path):
    again = rich(Project(tmp_path / "again"))
    result = build(again, "--strict", BRIEFING_EDIT_URL=EDIT)
    assert result.returncode == 0, result.output[-3000:]
    for page in ("graph.html", "actors/northline.html", "topics/fares.html"):
        assert _svg(read(built, page)) == _svg(result.html(page)), page


# -- tags, downloads ------------------------------------------------------------------------

def test_tags_page_lists_each_tag_with_its_briefs(built):
    page = article(built, "tags.html")
    harbour = page[page.index('id="tag-harbour"'):]
    harbour = harbour[:harbour.index("</p>")]
    assert re.findall(r">([^<]+)</a>", harbour) == ["Ostria", "Valmora harbour council", "Winter timetable agreement"]
    assert 'id="tag-local-government"' in page
    chips = article(built, "actors/valmora-council.html")
    assert '<a href="../tags.html#tag-harbour">harbour</a>' in chips
    assert '<a href="../tags.html#tag-local-government">local government</a>' in chips


def test_downloads_page(built):
    page = article(built, "downloads.html")
    for href in ("print.html", "feed.xml", "briefing.json", "briefing.schema.json"):
        assert f'<a href="{href}">' in page
        assert (built / href).is_file()
    assert "PDF: not built with this copy of the site" in page


# -- the print edition ----------------------------------------------------------------------

def test_print_edition_links_in_page_and_keeps_every_quote_s_source(built, run):
    page = read(built, "print.html")
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    for target in re.findall(r'href="#([^"]+)"', page):
        assert target.split(":~:")[0] in ids, target
    outside = set(re.findall(r'href="([^"#][^"]*)"', page))
    assert outside <= {"index.html", "https://example.org/harbour-notes", "tags.html#tag-harbour",
                       "tags.html#tag-local-government", "mentions/northline.html",
                       f"mentions/{GAZETTE}.html"}, outside
    for entity in run.index.entities():
        if entity.kind == "source":
            continue
        for quote in entity.quotes:
            anchor = f'id="pg-{entity.kind}s-{entity.id}--{quote.anchor}"'
            assert anchor in page, anchor
            figure = page[page.index(anchor):]
            figure = figure[:figure.index("</figure>")]
            label = f"{run.index.by_id[quote.source].label} ¶{quote.match.paragraph}"
            assert f'href="#pg-sources-{quote.source}--p{quote.match.paragraph}' in figure
            assert f">{label}</a>" in figure
            assert quote.match.exact in figure


def test_print_edition_has_no_graph_and_no_hover_previews(built):
    page = read(built, "print.html")
    assert "<svg" not in page and "bf-graph" not in page and "data-bf-preview" not in page
    assert ' title="' not in page
    assert '<section class="bf-print-page bf-print-topic" id="pg-topics-fares"><h1>The fares question</h1>' in page
    parts = [page.index(f'id="part-{kind}"') for kind in ("topic", "actor", "agreement", "source")]
    assert parts == sorted(parts)


# -- the feed -------------------------------------------------------------------------------

def test_feed_is_valid_atom_with_one_entry_per_brief_newest_first(built, run):
    root = ET.fromstring(read(built, "feed.xml").encode("utf-8"))
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}title") == "Test briefing"
    assert root.find(f"{ATOM}id").text and root.find(f"{ATOM}updated").text == "2025-07-02T00:00:00Z"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(BRIEFS)
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert updated[0] == "2025-07-02T00:00:00Z"
    links = sorted(e.find(f"{ATOM}link").get("href") for e in entries)
    assert links == sorted(f"{b}.html" for b in BRIEFS)
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids)
    fares = next(e for e in entries if e.find(f"{ATOM}link").get("href") == "topics/fares.html")
    assert fares.findtext(f"{ATOM}title") == "The fares question (Topic)"
    assert fares.findtext(f"{ATOM}summary") == "Whether Northline raises fares before the election."
    assert fares.find(f"{ATOM}summary").get("type") == "text"


# -- the search index -----------------------------------------------------------------------

PREFIX = "window.__briefingSearch = "


@pytest.fixture(scope="module")
def search_docs(built):
    text = read(built, "search/briefing-index.js")
    assert text.startswith(PREFIX) and text.rstrip().endswith(";")
    data = json.loads(text[len(PREFIX):].rstrip().rstrip(";"))
    return {doc["u"]: doc for doc in data["docs"]}


def test_search_index_has_every_entity_with_names_and_summary(search_docs):
    for page in BRIEFS + SOURCES:
        assert f"{page}.html" in search_docs, page
    council = search_docs["actors/valmora-council.html"]
    assert council["n"] == ["Valmora harbour council", "harbour council", "VHC"]
    assert council["t"] == "Valmora harbour council" and council["k"] == "actor"
    assert council["d"] == "organization" and council["s"] == "Valmora harbour council summary."
    notes = search_docs[f"sources/{NOTES}.html"]
    assert notes["n"] == ["Harbour notes, spring 2024", "Notes"] and notes["d"] == "B"
    term = search_docs["glossary.html#term-roll-on-roll-off-ferry"]
    assert term["k"] == "term" and term["n"] == ["Roll-on/roll-off ferry", "drive-on ferry", "RoRo"]
    assert search_docs["timeline.html"]["k"] == "page"


def test_search_index_has_no_filter_options_or_graph_labels(search_docs):
    text = json.dumps(list(search_docs.values()), ensure_ascii=False)
    assert "All actors" not in text and "All topics" not in text and "Filter the timeline" not in text
    assert "connected to:" not in text and "Connections of" not in text and "Valmora ferry agreeme…" not in text
    assert search_docs["timeline.html"]["x"] == "" and search_docs["graph.html"]["x"] == ""


def test_search_text_keeps_spaces(search_docs):
    text = search_docs[f"sources/{NOTES}.html"]["x"]
    assert text.startswith("The VHC asked Northline for a RoRo ferry before the summer. Councillors said")
    topic = search_docs["topics/fares.html"]["x"]
    assert "Fares are unlikely to rise before the election. The agreement is signed." in topic
    assert "  " not in topic


# The search text is what a reader sees: a link's title (every preview holds a ")", as in
# "Northline Ferry Company (Actor, …)") and a placed quote's id stay out of it.
def test_search_text_is_the_visible_text(search_docs):
    topic = search_docs["topics/fares.html"]["x"]
    assert topic.startswith('Outlook Northline has "no plans to raise fares" (Gazette ¶3).'), topic[:160]
    assert "summary.\")" not in topic and "no-rise" not in topic


def test_plain_text_keeps_labels_only():
    from briefing.emit import plain_text
    from briefing.linking import quote_placeholder
    linked = ('[Northline](../actors/northline.md "Northline (Actor): runs (some) &quot;ferries&quot;") said '
              '<a class="bf-q" href="../s.html#p3" title="Gazette ¶3: a &gt; b (c)">\u201cno\u201d</a> '
              '([Gazette ¶3](../sources/g.md#p3 \'Gazette (Source)\')), [a [b] c](u (t)).\n\n'
              + quote_placeholder("no-rise") + '\n\n<span title="x > y">After</span> all.')
    assert plain_text(linked) == "Northline said \u201cno\u201d (Gazette ¶3), a [b] c. After all."


# -- the data export ------------------------------------------------------------------------

def test_export_is_valid_against_its_schema_and_complete(built, project):
    data = json.loads(read(built, "briefing.json"))
    schema = json.loads(read(built, "briefing.schema.json"))
    jsonschema.validate(data, schema)
    assert data["version"] == 2
    assert {e["id"] for e in data["entities"]} == {b.rsplit("/", 1)[1] for b in BRIEFS + SOURCES}
    assert {"type": "party", "subject": "ferry-agreement", "object": "northline", "detail": None} in data["relations"]
    assert {"type": "speaker", "subject": "fares", "object": "northline", "detail": "no-rise"} in data["relations"]
    assert [t["term"] for t in data["terms"]] == ["Roll-on/roll-off ferry", "Winter timetable"]
    quote = next(q for q in data["quotes"] if q["brief"] == "fares" and q["id"] == "no-rise")
    assert quote["paragraph"] == 3 and quote["source"] == GAZETTE and quote["speaker"] == "northline"
    text = (project.root / "seeds" / f"{GAZETTE}.txt").read_text(encoding="utf-8")
    quote_selector, position = quote["target"]["selector"]
    assert quote["target"]["source"] == f"seeds/{GAZETTE}.txt"
    assert text[position["start"]:position["end"]] == quote["exact"] == quote_selector["exact"]
    assert text[:position["start"]].endswith(quote_selector["prefix"])
    assert text[position["end"]:].startswith(quote_selector["suffix"])
    inline = [q for q in data["quotations"] if q["file"] == "briefs/topics/fares.md"]
    assert [q["text"] for q in inline] == ["no plans to raise fares"]


def test_an_invalid_export_fails_the_schema(built):
    """The schema really constrains the export (so the test above can fail)."""
    data = json.loads(read(built, "briefing.json"))
    schema = json.loads(read(built, "briefing.schema.json"))
    data["quotes"][0]["paragraph"] = "three"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


# -- the home page, edit links, page order ----------------------------------------------------

def test_home_page_markers_fill_in(built):
    page = article(built, "index.html")
    assert "briefing:" not in page  # every marker replaced
    judgments = page[page.index('class="bf-home-judgments"'):]
    assert judgments.index("Fares are unlikely to rise") < judgments.index("The ferry is likely to run")
    assert re.search(r'<ul class="bf-home-list bf-home-list--topic">\s*<li><a href="topics/fares.html"', page)
    actors = page[page.index("bf-home-list--actor"):]
    assert actors.index("Northline Ferry Company") < actors.index("Ostria")  # most connected first
    assert actors[:actors.index("</ul>")].count("<li>") == 10
    assert '<a href="agreements/winter-timetable.html"' in page
    assert 'Gazette</a> — Article by Petra Lind, Harbour Gazette; 4 March 2024. <span class="bf-grade">' \
        'Reliability <strong>C</strong> (fairly reliable)</span>' in page
    assert (f'<p class="bf-counts">3 sources, 2 topics, {7 + FANS} actors, 2 agreements and 7 verified '
            "quotes.</p>") in page
    assert '<p class="bf-reviewed">Last reviewed: 2 July 2025</p>' in page


def test_an_empty_project_s_home_page_says_how_to_import_the_first_source(tmp_path):
    empty = Project(tmp_path / "empty", sources=())
    empty.write("docs/index.md", HOME.replace(
        "The briefing follows [[ferry]], [[Northline|the operator]] and the VHC.", "Nothing yet."))
    result = empty.build("--strict")
    assert result.returncode == 0, result.output[-3000:]
    page = result.html("index.html")
    assert ('<p class="bf-empty">No source yet: add the first with <code>briefing import-source FILE '
            '--id ID --title &quot;Title&quot; --label &quot;Label&quot;</code>.</p>') in page
    assert "No key judgment yet" in page and "No topic yet" in page
    assert "0 sources, 0 topics, 0 actors, 0 agreements and 0 verified quotes." in page
    assert "Last reviewed: unknown" in page


def test_edit_link_points_at_the_brief(built):
    for page, path in (("actors/northline.html", "briefs/actors/northline.md"),
                       ("topics/fares.html", "briefs/topics/fares.md"),
                       (f"sources/{NOTES}.html", f"seeds/{NOTES}.yaml"),
                       ("index.html", "docs/index.md"), ("glossary.html", "briefs/glossary.yaml")):
        assert f'href="https://example.org/repo/edit/main/{path}"' in read(built, page), page
    assert "example.org/repo/edit" not in read(built, "timeline.html")  # generated from many files


def test_without_an_edit_url_there_is_no_edit_link(tmp_path):
    plain = rich(Project(tmp_path / "plain"))
    result = plain.build("--strict")
    assert result.returncode == 0, result.output[-3000:]
    assert "/edit/" not in result.html("actors/northline.html")


def _cited_by(site, source: str) -> dict[str, list[tuple[str, str, str]]]:
    """Each brief's links in a source page's "Cited by": (anchor, title, label)."""
    listed = re.search(r'<ul class="bf-cited-by">(.*?)</ul>', article(site, f"sources/{source}.html"), re.S)
    return {brief: re.findall(r'<a href="#([^"]+)"(?: title="([^"]*)")?>([^<]+)</a>', links)
            for brief, links in re.findall(r'<li><a href="\.\./[a-z]+/([a-z0-9-]+)\.html"[^>]*>[^<]*</a>: (.*?)</li>',
                                           listed.group(1))}


def test_cited_by_lists_a_paragraph_once_per_brief_with_the_quoted_words_on_hover(built):
    cited = _cited_by(built, GAZETTE)
    for brief, links in cited.items():
        labels = [label for _, _, label in links]
        assert len(labels) == len(set(labels)), (brief, labels)
    fares = {label: (anchor, title) for anchor, title, label in cited["fares"]}
    anchor, title = fares["¶3"]  # the fares question quotes Gazette ¶3 twice
    assert anchor == "c-fares-no-rise"
    assert "“no plans to raise fares”" in html.unescape(title) and "“patient, firm and fair”" in html.unescape(title)
    assert '"' not in title and "<" not in title


def test_summary_comes_before_the_facts_the_judgments_and_the_prose(built):
    page = article(built, "topics/fares.html")
    order = [page.index(marker) for marker in ('class="bf-summary"', 'class="bf-factbox"',
                                               'id="key-judgments"', 'id="outlook"', 'id="connections"')
             if marker in page]
    assert len(order) >= 4 and order == sorted(order)
    actor = article(built, "actors/jonas-hale.html")
    assert actor.index('class="bf-summary"') < actor.index('class="bf-factbox"') < actor.index("Hale voted against")


# -- small pieces ---------------------------------------------------------------------------

def test_a_long_graph_label_ends_at_a_whole_word():
    from briefing.render.graph import LABEL, _label
    name = "Harbour council of the northern ports"
    label = _label(name)
    assert label.endswith("…") and len(label) <= LABEL
    assert name.startswith(label[:-1]) and label[-2] not in " ,"
    assert _label("Short name") == "Short name"


def test_left_out_words_are_marked_without_the_spaces_around_them():
    from briefing.render.blocks import _elided
    assert _elided(" of the ") == (' <span class="bf-elided"><span class="md-visually-hidden">left out: '
                                   '</span>of the</span> ')
