"""Quote verification against the real seeds: what must pass, what must fail and how."""
import pytest

from helpers import NGHEAN, Project, starter


def quote_brief(project, text, source=NGHEAN):
    project.actor("russia", "Russia", f"quotes:\n  - text: {text!r}\n    source: {source}")


@pytest.mark.parametrize("text", [
    "Lavrov's call for de-escalation",          # straight apostrophe, source has ’
    "Lavrov’s call for de-escalation",          # exactly as the source
    "For Turkmenistan-which shares",            # hyphen, source has an em dash
    "Farhad Ibragimov - a lecturer",            # hyphen, source has an en dash
    "complete  mutual   understanding",        # extra whitespace
    "\u201cstrategic, not ceremonial.\u201d",   # curly double quotes
    "Russia remains a calculating ... player in the Middle East",   # elision
    "Russia remains a calculating … player … Middle East",          # two elisions, one character
])
def test_typographic_variants_and_elisions_pass(project, text):
    quote_brief(project, text)
    assert project.messages() == []


def test_matching_is_case_sensitive(project):
    quote_brief(project, "russia remains a calculating")
    message = project.only()
    assert message.startswith("briefs/actors/russia.md:7: the quote \"russia remains a calculating\" "
                              "is not in source 'nghean-russia-unexpected-role'")


def test_changed_word_shows_the_closest_passage(project):
    quote_brief(project, "Russia remains a calculating but powerful player")
    assert project.messages() == [
        "briefs/actors/russia.md:7: the quote \"Russia remains a calculating but powerful player\" is "
        "not in source 'nghean-russia-unexpected-role'; the closest passage (paragraph 19) reads: "
        "\"Russia remains a calculating but influential player\" (copy the words exactly as the "
        "source has them; mark left-out words with '...')"]


def test_quote_from_the_wrong_source(project):
    quote_brief(project, "an agreement was reached for Russia to act as a mediator", NGHEAN)
    message = project.only()
    assert message.startswith("briefs/actors/russia.md:7: the quote \"an agreement was reached for "
                              "Russia to act as a mediator\" is not in source "
                              "'nghean-russia-unexpected-role'; it is in source 'russia-mediator-analysis'")
    assert "the closest passage (paragraph" in message
    assert message.endswith("(set 'source: russia-mediator-analysis')")


def test_quote_spanning_two_paragraphs_fails_with_nearest_passage(project):
    quote_brief(project, "stability. Russia remains a calculating", NGHEAN)
    project.actor("russia", "Russia", "quotes:\n  - text: 'shared interest in regional stability. But it does not'\n    source: " + NGHEAN)
    assert project.messages() == []  # same paragraph: fine
    project.actor("russia", "Russia", "quotes:\n  - text: 'away from the cameras. According to RT'\n    source: " + NGHEAN)
    assert project.messages() == [
        "briefs/actors/russia.md:7: the quote \"away from the cameras. According to RT\" runs across a "
        "paragraph break in source 'nghean-russia-unexpected-role'; the closest passage (paragraph 20) "
        "reads: \"away from the cameras.\" (a quote must stay within one paragraph; split it into two quotes)"]


def test_elision_segments_must_be_in_order(project):
    quote_brief(project, "player in the Middle East ... Russia remains")
    message = project.only()
    assert "is not in source 'nghean-russia-unexpected-role'" in message


@pytest.fixture(scope="module")
def starter_built(tmp_path_factory):
    """The starter corpus, built once for the rendering tests below."""
    return starter(Project(tmp_path_factory.mktemp("quotes") / "project")).build("--strict")


def test_quote_renders_source_text_with_anchored_link(starter_built):
    built = starter_built
    assert built.returncode == 0, built.output
    page = built.html("actors/sergey-lavrov.html")
    # The block shows the source's own characters (curly apostrophe), links to the paragraph
    # with a Text Fragment, and names the publisher.
    assert "Lavrov’s call for de-escalation and regional stability has added weight" in page
    assert 'href="../sources/nghean-russia-unexpected-role.html#p6:~:text=' in page
    assert "Nghe An Newspaper" in page
    source = built.html("sources/nghean-russia-unexpected-role.html")
    assert 'id="p6"' in source
    assert 'id="c-sergey-lavrov-call"' in source
    assert '<mark class="bf-cited">' in source


def test_placed_quote_appears_in_the_prose(starter_built):
    page = starter_built.html("topics/mediation.html")
    analysis = page.index('id="analysis"')
    block = page.index('id="q-ceremonial"')
    assert block > analysis
    assert page.count('id="q-ceremonial"') == 1
