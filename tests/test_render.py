"""Rendered pages on a real build: index pages, timeline, graphs, tags, export, edit links."""
import json
import re

import jsonschema
import pytest

from helpers import Project, starter


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = starter(Project(tmp_path_factory.mktemp("render") / "project"))
    project.brief("agreement", "draft", """
        name: Draft resolution
        summary: A draft.
        type: draft-resolution
        status: proposed
        proposed: 2025
        parties: [russia]
        """)
    built = project.build("--strict", env={"BRIEFING_EDIT_URL": "https://example.org/repo/edit/main/{path}"})
    assert built.returncode == 0, built.output
    return built.site


def read(site, page):
    return (site / page).read_text(encoding="utf-8")


def test_every_brief_and_source_has_a_page(built):
    for page in ("actors/russia.html", "actors/iran.html", "actors/sergey-lavrov.html",
                 "agreements/treaty.html", "agreements/draft.html", "topics/mediation.html",
                 "sources/nghean-russia-unexpected-role.html", "sources/russia-mediator-analysis.html",
                 "actors/index.html", "agreements/index.html", "topics/index.html", "sources/index.html",
                 "glossary.html", "timeline.html", "graph.html", "tags.html", "briefing.json"):
        assert (built / page).is_file(), page


def test_index_pages_group_entities(built):
    actors = read(built, "actors/index.html")
    assert actors.index('id="people"') < actors.index('id="states"')
    assert re.search(r'id="people">People.*Sergey Lavrov.*id="states"', actors, re.S)
    agreements = read(built, "agreements/index.html")
    assert agreements.index('id="proposed"') < agreements.index('id="signed"')
    assert "signed 17 January 2025" in agreements


def test_timeline_orders_and_keeps_partial_dates_partial(built):
    page = read(built, "timeline.html")
    assert '<time datetime="2025-06">June 2025</time>' in page
    assert "1 June 2025" not in page
    assert '<time datetime="2025">2025</time>' in page
    assert page.index('datetime="2025-01-17"') < page.index('datetime="2025-06"')
    assert 'data-actors="iran russia"' in page and 'data-topics="mediation"' in page
    assert 'class="bf-filter"' in page
    # An event links to its topic, its actors and its source passage.
    event = page[page.index('datetime="2025-06"'):]
    event = event[: event.index("</li>")]
    assert 'href="topics/mediation.html"' in event and 'href="actors/iran.html"' in event
    assert 'href="sources/nghean-russia-unexpected-role.html#p17:~:text=' in event


def test_entity_graph_is_accessible_static_svg(built):
    page = read(built, "agreements/treaty.html")
    start = page.index('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 400"')
    svg = page[start:page.index("</svg>", start)]
    assert '<title id="g-treaty-t">Connections of Comprehensive Strategic Partnership Treaty</title>' in svg
    # A group, not an image: its nodes are links (axe: nested-interactive).
    assert "<desc" in svg and 'role="group"' in svg
    assert '<a href="../actors/russia.html" class="bf-node bf-node--actor">' in svg
    assert "<script" not in svg


def test_global_graph_page(built):
    page = read(built, "graph.html")
    assert 'id="g-all-t">The whole briefing</title>' in page
    assert page.count('class="bf-node ') >= 8


def test_graph_layout_is_deterministic(built, tmp_path):
    again = starter(Project(tmp_path / "p2"))
    again.brief("agreement", "draft", "name: Draft resolution\nsummary: A draft.\ntype: draft-resolution\n"
                "status: proposed\nproposed: 2025\nparties: [russia]")
    result = again.build()
    first = read(built, "graph.html")
    second = result.html("graph.html")
    assert first[first.index("<svg"):first.index("</svg>")] == second[second.index("<svg"):second.index("</svg>")]


def test_tags_are_facets(built):
    page = read(built, "actors/sergey-lavrov.html")
    for tag in ("Actor: person", "Country: Russia"):
        assert tag in page
    assert "Status: signed" in read(built, "agreements/treaty.html")
    assert "Actor: person" in read(built, "tags.html")


def test_edit_link_points_at_the_brief(built):
    assert 'href="https://example.org/repo/edit/main/briefs/actors/russia.md"' in read(built, "actors/russia.html")
    assert 'href="https://example.org/repo/edit/main/seeds/nghean-russia-unexpected-role.yaml"' in \
        read(built, "sources/nghean-russia-unexpected-role.html")
    assert 'href="https://example.org/repo/edit/main/docs/index.md"' in read(built, "index.html")


def test_last_reviewed_line(built):
    assert "Last reviewed: 1 July 2025" in read(built, "actors/russia.html")
    assert "Last reviewed: 2 July 2025" in read(built, "index.html")


def test_summary_comes_before_the_prose(built):
    page = read(built, "topics/mediation.html")
    assert page.index("bf-summary") < page.index("bf-factbox") < page.index('id="analysis"')
    assert page.index("Key judgments") < page.index('id="analysis"')


def test_export_is_schema_valid_and_complete(built):
    data = json.loads(read(built, "briefing.json"))
    schema = json.loads(read(built, "briefing.schema.json"))
    jsonschema.validate(data, schema)
    ids = [e["id"] for e in data["entities"]]
    assert {"russia", "treaty", "mediation", "nghean-russia-unexpected-role"} <= set(ids)
    quote = next(q for q in data["quotes"] if q["brief"] == "sergey-lavrov")
    source = "seeds/nghean-russia-unexpected-role.txt"
    assert quote["paragraph"] == 6 and quote["source"] == "nghean-russia-unexpected-role"
    start, end = quote["spans"][0]
    line = (built.parent / source).read_text(encoding="utf-8").split("\n")[17]  # paragraph 6 is line 18
    assert line[start:end] == quote["exact"]
    assert {"type": "party", "subject": "treaty", "object": "russia", "detail": None} in data["relations"]
