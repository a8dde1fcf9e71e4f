"""Cross-links on a real build of a fixture briefing (tests/sites.py): backlinks for every
relation, fact boxes, wikilinks, auto-linked mentions, abbreviations, the glossary, the
contextual "Mentioned in" entries and the previews of links; then the linker on its own."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from briefing.autolink import MentionMatcher
from briefing.prose import ProseLinker, Target
from helpers import GAZETTE, Project, starter
from sites import NOTES, build, rich


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return rich(Project(tmp_path_factory.mktemp("links") / "project"))


@pytest.fixture(scope="module")
def site(project) -> Path:
    result = build(project, "--strict")
    assert result.returncode == 0, result.output[-4000:]
    return result.site


@pytest.fixture(scope="module")
def run(project, site):
    return project.run(render=True)


def article(site: Path, page: str) -> str:
    text = (site / page).read_text(encoding="utf-8")
    return text[text.index("<article"):text.index("</article>")]


def relation(page: str, label: str) -> list[str]:
    """The names listed under one relation of a page's connections."""
    match = re.search(rf"<dt>{re.escape(label)}</dt><dd>(.*?)</dd>", page)
    return re.findall(r">([^<>]+)</a>", match.group(1)) if match else []


# -- backlinks and fact boxes -----------------------------------------------------------------

@pytest.mark.parametrize("page, label, expected", [
    ("actors/northline.html", "Party to", ["Valmora ferry agreement"]),
    ("actors/valmora-council.html", "Party to", ["Valmora ferry agreement", "Winter timetable agreement"]),
    ("actors/valmora-council.html", "Signed", ["Valmora ferry agreement"]),
    ("actors/ostria.html", "Mediated", ["Valmora ferry agreement"]),
    ("actors/northline.html", "Involved in", ["The fares question", "The Valmora ferry"]),
    ("agreements/ferry-agreement.html", "Discussed in", ["The Valmora ferry"]),
    ("actors/valmora-council.html", "Roles held here", ["Ilse Brandt", "Jonas Hale"]),
    ("actors/ostria.html", "Based here", ["Aron Weiss", "Ilse Brandt", "Jonas Hale"]),
    ("actors/northline.html", "Quoted in", ["The fares question"]),
    ("actors/ostria.html", "Events", ["The Valmora ferry"]),
])
def test_backlinks_for_each_relation(site, page, label, expected):
    assert sorted(relation(article(site, page), label)) == sorted(expected)


def test_backlinks_carry_their_detail_and_the_quote_s_anchor(site):
    northline = article(site, "actors/northline.html")
    involved = re.search(r"<dt>Involved in</dt><dd>(.*?)</dd>", northline).group(1)
    assert 'The Valmora ferry</a> <span class="bf-muted">(operator)</span>' in involved
    quoted = re.search(r"<dt>Quoted in</dt><dd>(.*?)</dd>", northline).group(1)
    assert 'href="../topics/fares.html#q-no-rise"' in quoted
    roles = re.search(r"<dt>Roles held here</dt><dd>(.*?)</dd>", article(site, "actors/valmora-council.html")).group(1)
    assert 'Ilse Brandt</a> <span class="bf-muted">(Mayor)</span>' in roles


def test_no_page_lists_itself_among_its_backlinks(site):
    """Ilse Brandt's brief quotes her: her page's "Quoted in" would name her own page."""
    for path in sorted(site.glob("[aot]*/*.html")):
        page = article(site, path.relative_to(site).as_posix())
        for listed in re.findall(r'<dl class="bf-relations">.*?</dl>|<ul class="bf-mentions">.*?</ul>', page, re.S):
            hrefs = re.findall(r'href="([^"]*)"', listed)
            assert not [h for h in hrefs if h.startswith("#") or h.split("#")[0] == path.name], (path, hrefs)
    assert relation(article(site, "actors/ilse-brandt.html"), "Quoted in") == []


def test_fact_box_links_every_related_entity(site):
    page = article(site, "agreements/ferry-agreement.html")
    box = page[page.index('class="bf-factbox"'):page.index("</aside>")]
    for rel, name in (("actors/valmora-council", "Valmora harbour council"),
                      ("actors/northline", "Northline Ferry Company"), ("actors/ostria", "Ostria")):
        assert re.search(rf'<a href="\.\./{rel}\.html" title="[^"]+">{name}</a>', box), name
    assert '<tr><th scope="row">Signed</th><td>3 March 2024</td></tr>' in box
    assert re.search(r'<th scope="row">Signatories</th><td><a href="../actors/valmora-council.html"', box)
    person = article(site, "actors/jonas-hale.html")
    box = person[person.index('class="bf-factbox"'):person.index("</aside>")]
    assert '<th scope="row">Country</th><td><a href="ostria.html"' in box
    assert re.search(r'<th scope="row">Role</th><td>Councillor of the <abbr[^>]*>VHC</abbr> of '
                     r'<a href="valmora-council.html"', box)


# -- wikilinks and auto-linking -------------------------------------------------------------

def test_wikilinks_by_id_name_alias_and_label(site):
    page = article(site, "actors/petra-lind.html")
    assert '<a href="ilse-brandt.html" title="Ilse Brandt (Actor, person): Ilse Brandt summary.">Ilse Brandt</a>' in page
    assert re.search(r'the <a href="ostria.html" title="[^"]+">Ostria</a>', page)  # [[Ostrian state]]
    assert re.search(r'<a href="valmora-council.html" title="[^"]+">the council</a>', page)
    assert re.search(r'<a href="northline.html" title="[^"]+">Northline Ferry Company</a>', page)  # by id
    assert re.search(r'<a href="../glossary.html#term-roll-on-roll-off-ferry" title="Roll-on/roll-off ferry '
                     r'\(term\): [^"]+">Roll&#45;on/roll&#45;off ferry</a>', page)
    assert '<a href="../sources/harbour-gazette.html#p2" title="Valmora agrees ferry deal with Northline ' \
           '(Source): Article by Petra Lind, Harbour Gazette; 4 March 2024.">Gazette ¶2</a>' in page
    assert re.search(r'<a href="../sources/harbour-gazette.html#p2" title="[^"]+">the Gazette</a>', page)
    agreement = article(site, "agreements/ferry-agreement.html")
    assert re.search(r'<a href="../actors/northline.html" title="[^"]+">the company</a>', agreement)


def test_autolink_links_the_first_mention_only_and_never_the_page_itself(site):
    page = article(site, "actors/aron-weiss.html")
    prose = page[page.index("</aside>"):page.index('id="connections"')]
    assert prose.count('href="northline.html"') == 1
    assert re.search(r'Aron Weiss runs <a href="northline.html" title="[^"]+">Northline</a> for the '
                     r"Northline Ferry Company board", prose)
    assert prose.count('href="ostria.html"') == 1
    assert re.search(r'<a href="ostria.html" title="[^"]+">Ostria</a> taxes it, and Ostria watches it', prose)
    assert "aron-weiss.html" not in page  # never a link to itself
    council = article(site, "actors/valmora-council.html")
    assert "valmora-council.html" not in council


def test_source_articles_link_the_first_mention_of_each_entity(site):
    page = article(site, f"sources/{NOTES}.html")
    assert re.search(r'The <a href="../actors/valmora-council.html" title="[^"]+"><abbr title="Valmora '
                     r'harbour council">VHC</abbr></a> asked <a href="../actors/northline.html"', page)
    assert page.count('href="../actors/northline.html"') == 1
    assert "<p id=\"p3\" class=\"bf-para\"><a class=\"bf-pnum\" href=\"#p3\" aria-label=\"Paragraph 3\">3</a> " \
           "Northline said nothing about fares.</p>" in page


def test_docs_pages_get_wikilinks_autolinks_and_abbreviations(site):
    page = article(site, "index.html")
    assert re.search(r'<a href="topics/ferry.html" title="[^"]+">The Valmora ferry</a>', page)
    assert re.search(r'<a href="actors/northline.html" title="[^"]+">the operator</a>', page)
    assert re.search(r'<a href="actors/valmora-council.html" title="[^"]+"><abbr title="Valmora harbour '
                     r'council">VHC</abbr></a>', page)


# -- abbreviations ------------------------------------------------------------------------------

VHC = '<abbr title="Valmora harbour council">VHC</abbr>'
RORO = '<abbr title="Roll-on/roll-off ferry">RoRo</abbr>'


def test_abbreviations_get_tooltips_in_prose(site):
    assert f"The {VHC} runs the harbour" in article(site, "actors/valmora-council.html")


def test_abbreviations_get_tooltips_in_generated_html(site):
    summary = article(site, "agreements/winter-timetable.html")
    assert f'<p class="bf-summary">A proposed timetable for the winter sailings of the {VHC}.</p>' in summary
    assert f"— A proposed timetable for the winter sailings of the {VHC}.</li>" in \
        article(site, "agreements/index.html")
    assert f"Councillor of the {VHC} of" in article(site, "actors/jonas-hale.html")  # a fact box
    assert f"A ferry that vehicles drive onto, used by the {VHC}." in article(site, "glossary.html")


def test_abbreviations_in_source_text_get_tooltips(site):
    page = article(site, f"sources/{NOTES}.html")
    assert f"for a {RORO} ferry" in page
    assert f"Councillors said the {VHC} " in page


def test_each_page_carries_only_the_abbreviations_it_uses(run):
    pages = {path: page.markdown for path, page in run.pages.items()}
    assert run.pages["actors/valmora-council.md"].footer.strip() == "*[VHC]: Valmora harbour council"
    assert run.pages["actors/northline.md"].footer == ""
    assert "*[" not in pages["actors/northline.md"]


# -- the glossary ---------------------------------------------------------------------------

def test_glossary_lists_entities_terms_and_aliases(site):
    page = article(site, "glossary.html")
    for name in ("Ostria", "Ilse Brandt", "The Valmora ferry", "Valmora ferry agreement",
                 "Valmora agrees ferry deal with Northline", "Harbour notes, spring 2024"):
        assert re.search(rf'<dt id="[a-z]+-[a-z0-9-]+"><a href="[^"]+" title="[^"]+">{re.escape(name)}</a> '
                         r'<span class="bf-badge', page), name
    assert '<dt id="term-roll-on-roll-off-ferry">Roll-on/roll-off ferry <span class="bf-badge bf-badge--term">' in page
    assert '<dt id="term-winter-timetable">Winter timetable <span class="bf-badge bf-badge--term">' in page
    # Every alias and abbreviation is a "see" entry at its own letter.
    assert '<dt>Ostrian state</dt><dd>see <a href="#actor-ostria">Ostria</a></dd>' in page
    assert '<dt>VHC</dt><dd>see <a href="#actor-valmora-council">Valmora harbour council</a></dd>' in page
    assert '<dt>RoRo</dt><dd>see <a href="#term-roll-on-roll-off-ferry">Roll-on/roll-off ferry</a></dd>' in page
    assert '<dt>drive-on ferry</dt><dd>see <a href="#term-roll-on-roll-off-ferry">' in page
    letters = re.findall(r'<h2 id="letter-([a-z]+)">', page)
    assert letters == sorted(letters) and {"d", "o", "r", "v", "w"} <= set(letters)
    jump = re.search(r'<nav class="bf-jumpbar" aria-label="Letters">(.*?)</nav>', page).group(1)
    assert re.findall(r'href="#letter-([a-z]+)"', jump) == letters
    assert "<p>See: <a href=\"actors/northline.html\"" in page
    assert 'class="bf-appears">Appears in: ' in page


# -- "Mentioned in" --------------------------------------------------------------------------

def _mentions(page: str) -> list[tuple[str, str]]:
    """(href, snippet HTML) of each entry of the page's "Mentioned in"."""
    return re.findall(r'<li><a href="([^"]+)"[^>]*>[^<]*</a> <span class="bf-muted">[^<]*</span> '
                      r'<q class="bf-snippet">(.*?)</q></li>', page)


def test_mentions_show_the_sentence_and_link_to_the_paragraph_of_a_brief(site):
    entries = dict(_mentions(article(site, "actors/northline.html")))
    snippet = entries["fan-03.html#b0"]
    assert snippet == "Ferry user 03 travels with <mark>Northline</mark> every week (Gazette ¶1)."
    topic = entries.get("../topics/fares.html#b2") or dict(_mentions(article(site, "mentions/northline.html")))[
        "../topics/fares.html#b2"]
    assert "<mark>Northline</mark> has &quot;no plans to raise fares&quot;" in topic
    fares = article(site, "topics/fares.html")
    assert '<span class="bf-anchor" id="b2"></span>' in fares  # where the link lands


def test_mentions_link_to_the_paragraph_of_a_source(site):
    entries = dict(_mentions(article(site, "actors/jonas-hale.html")))
    assert list(entries) == [f"../sources/{GAZETTE}.html#p4"]
    assert entries[f"../sources/{GAZETTE}.html#p4"].startswith("Councillor <mark>Jonas Hale</mark> voted against")
    assert 'id="p4"' in article(site, f"sources/{GAZETTE}.html")


def test_an_entity_with_many_mentions_gets_a_page_of_them(site):
    page = article(site, "actors/northline.html")
    assert len(_mentions(page)) == 12
    assert '<p><a href="../mentions/northline.html">All 20 mentions</a></p>' in page
    every = _mentions(article(site, "mentions/northline.html"))
    assert len(every) == 20 and len(set(every)) == 20
    assert any(href == f"../sources/{NOTES}.html#p1" for href, _ in every)


def _visible(snippet: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", snippet))


# The snippet keeps the sentence's own spacing around the mention: "(Notes ¶1)", not
# "( Notes ¶1 )"; "Aron Weiss, said", not "Aron Weiss , said".
def test_a_mention_s_snippet_is_the_sentence_as_written(site):
    entries = dict(_mentions(article(site, f"sources/{NOTES}.html")))
    assert _visible(entries["../actors/valmora-council.html#b0"]) == "The VHC runs the harbour (Notes ¶1)."
    weiss = dict(_mentions(article(site, "actors/aron-weiss.html")))[f"../sources/{GAZETTE}.html#p3"]
    assert "Aron Weiss, said" in _visible(weiss)


# Words long enough that a cut by character count lands inside one; no capital, so no
# sentence starts among them.
LONG_WORDS = " ".join(f"quayside{n:02}" for n in range(16))
SNIPPET_BRIEFS = {  # brief id -> its prose, each mentioning Northline once
    "snip-heading": "## About [[northline]] and the pier\n\nThe pier is old.\n",
    "snip-dash": "- The ferry of [[northline]] runs daily.\n",
    "snip-star": "* [[northline]] runs the ferry.\n",
    "snip-number": "1. [[northline]] sails at dawn.\n",
    "snip-long": f"Before {LONG_WORDS} the pier saw Northline and after {LONG_WORDS} it rained.\n",
}


@pytest.fixture(scope="module")
def snippet_site(tmp_path_factory) -> Path:
    project = starter(Project(tmp_path_factory.mktemp("snippets") / "project"))
    for brief_id, body in SNIPPET_BRIEFS.items():
        project.actor(brief_id, brief_id.replace("-", " ").title(), body=body, type_="group")
    result = build(project, "--strict")
    assert result.returncode == 0, result.output[-4000:]
    return result.site


def test_a_snippet_is_cut_between_words_and_shows_no_markdown_markers(snippet_site):
    entries = {href.split(".html")[0]: _visible(snippet)
               for href, snippet in _mentions(article(snippet_site, "actors/northline.html"))}
    for brief_id in SNIPPET_BRIEFS:
        assert not re.match(r"\W*(?:[-*+#]|\d+[.)])\s", entries[brief_id]), entries[brief_id]
    assert entries["snip-dash"] == "The ferry of Northline Ferry Company runs daily."
    assert entries["snip-star"] == "Northline Ferry Company runs the ferry."
    long = entries["snip-long"]
    assert long.startswith("…quayside") and long.endswith("…"), long
    sentence = SNIPPET_BRIEFS["snip-long"]
    shown = long.strip("…")
    at = sentence.index(shown)  # a run of the sentence's own words, whole at both ends
    assert sentence[at - 1] == " " and sentence[at + len(shown)] == " ", long


# -- previews -----------------------------------------------------------------------------

BRIEF_HREF = re.compile(r'href="((?:\.\./)*(?:actors|agreements|topics)/[a-z0-9-]+\.html(?:#[^"]*)?)"')
PREVIEW = re.compile(r"^.+ \((?:Actor|Agreement|Topic)(?:, [a-z-]+)?\): .+$")


def _links_to_briefs(site: Path):
    for path in sorted(site.rglob("*.html")):
        if path.name == "print.html":
            continue  # the print edition drops previews on purpose
        text = path.read_text(encoding="utf-8")
        if "<article" not in text:
            continue
        body = text[text.index("<article"):text.index("</article>")]
        for tag in re.finditer(r"<a\s[^>]*>", body):
            found = BRIEF_HREF.search(tag.group())
            if found and "bf-node" not in tag.group():  # graph nodes carry an SVG <title>
                title = re.search(r'\stitle="([^"]*)"', tag.group())
                yield path.relative_to(site).as_posix(), tag.group(), html.unescape(title.group(1)) if title else None


def test_links_to_briefs_have_a_preview(site):
    bad = [f"{page}: {tag}" for page, tag, title in _links_to_briefs(site)
           if title is None or not PREVIEW.match(title)]
    assert not bad, "\n".join(bad[:30])
    count = sum(1 for _ in _links_to_briefs(site))
    assert count > 200


def test_a_preview_names_the_brief_its_kind_and_its_summary(site):
    titles = {title for _, tag, title in _links_to_briefs(site) if 'actors/jonas-hale.html' in tag}
    assert titles == {"Jonas Hale (Actor, person): Jonas Hale summary."}
    titles = {title for _, tag, title in _links_to_briefs(site) if "topics/fares.html" in tag}
    assert titles == {"The fares question (Topic): Whether Northline raises fares before the election."}


def test_a_preview_is_escaped_once_in_the_attribute(tmp_path):
    from helpers import starter
    project = starter(Project(tmp_path / "p"))
    project.brief("actor", "tolls", "name: Toll office\nsummary: Fares < 5 & rising.\ntype: organization\n"
                  "updated: 2025-07-01")
    project.actor("quay", "Quay", body="The [[tolls]] sets fares ([[harbour-gazette#p1]]).\n")
    result = project.build("--strict")
    assert result.returncode == 0, result.output[-3000:]
    page = (result.site / "actors/quay.html").read_text(encoding="utf-8")
    assert 'title="Toll office (Actor, organization): Fares &lt; 5 &amp; rising."' in page


# The "N pages mention <entity>" link back to the entity has its preview too.
def test_the_mentions_page_links_back_with_a_preview(site):
    bad = [tag for page, tag, title in _links_to_briefs(site) if page == "mentions/northline.html" and not title]
    assert not bad, bad


# -- problems -----------------------------------------------------------------------------

def test_unresolved_reference_suggests(corpus):
    corpus.actor("lumen", "Lumen", body="Relations with [[ostira]] and [[Northlin]].\n")
    assert corpus.messages() == [
        "briefs/actors/lumen.md:7: unresolved reference [[ostira]] (did you mean [[ostria]]?)",
        "briefs/actors/lumen.md:7: unresolved reference [[Northlin]] (did you mean [[northline]]?)",
    ]


def test_unresolved_reference_without_suggestion(corpus):
    corpus.actor("lumen", "Lumen", body="\n\nSee [[zzzzzz]].\n")
    assert corpus.messages() == [
        "briefs/actors/lumen.md:9: unresolved reference [[zzzzzz]] (use an id, a name or an alias of "
        "an actor, agreement, topic, source or glossary term, or create the brief: briefing new actor "
        "\"zzzzzz\")"]


def test_opted_out_alias_is_not_linked(corpus):
    corpus.actor("lumen", "Lumen", "aliases: [Lumen City]\nno_autolink: [Lumen]")
    corpus.actor("kestrel", "Kestrel", body="Lumen and Lumen City.\n")
    run = corpus.run(render=True)
    assert "Lumen" not in run.index.surface and run.index.surface["Lumen City"] == "lumen"
    page = run.pages["actors/kestrel.md"].markdown
    assert "Lumen and [Lumen City](lumen.md" in page


# Text the linker writes (a target's name, a source's label) is not the brief's, so its
# quotation marks are never a quotation of the linking page: `name: Tomas "Zed" Reyes` once
# failed every build of a page that linked to it ('the quotation "Zed" is not in any
# source', in a file with no quotation mark), while `check` found nothing.
def test_a_name_with_quotation_marks_can_be_linked(corpus):
    corpus.brief("actor", "zed", 'name: Tomas "Zed" Reyes\nsummary: A minister.\ntype: person')
    corpus.source(GAZETTE, label='The "Gazette"')
    corpus.actor("lumen", "Lumen", body=(
        "Lumen met [[zed]] ([[harbour-gazette#p5]]).\n\n"
        'Brandt called it "a fair deal" ([[harbour-gazette#p2]]); [[zed]] said "an investment".\n'))
    checked = [p.short() for p in corpus.run(render=False).problems.sorted()]
    run = corpus.run(render=True)
    built = [p.short() for p in run.problems.sorted()]
    page = run.pages["actors/lumen.md"].markdown
    assert page.count('class="bf-q"') == 2 and "Tomas &#34;Zed&#34; Reyes" in page
    assert checked == built == []


# -- the linker on its own ----------------------------------------------------------------------

class FakeResolver:
    def __init__(self, names):
        self.names = names
        self.memo = {}

    def target(self, entity_id):
        return Target(entity_id, f"actors/{entity_id}.md", "", entity_id)

    def resolve(self, text):
        return self.target(text) if text in self.names.values() else None

    def suggest(self, text):
        return []

    def has_anchor(self, target):
        return False

    def paragraph_count(self, entity_id):
        return None


NAMES = {"Valmora": "valmora", "Port of Valmora Authority": "port-authority", "Ostria": "ostria"}


def link(text, names=None, self_id=None, untrusted=True):
    names = names or NAMES
    linker = ProseLinker("topics/t.md", self_id, FakeResolver(names), MentionMatcher(names), untrusted)
    return re.sub(r'<span class="bf-anchor" id="b\d+"></span>', "", linker.process(text, 1).markdown)


@pytest.mark.parametrize("text", [
    "# Valmora in a heading",
    "`Valmora` in code",
    "```\nValmora in a fence\n```",
    "[[ostria|Valmora]] already a link",
    "Valmorans and nonValmora are not words",
])
def test_no_autolink_in_protected_places(text):
    assert "actors/valmora.md" not in link(text)


def test_longest_match_wins_and_first_mention_only():
    out = link("Port of Valmora Authority met Valmora; Valmora again.")
    assert out == ("[Port of Valmora Authority](../actors/port-authority.md) met "
                   "[Valmora](../actors/valmora.md); Valmora again.")


def test_page_never_links_to_itself():
    assert link("Valmora and Ostria", self_id="valmora") == "Valmora and [Ostria](../actors/ostria.md)"


def test_a_wikilink_counts_as_the_first_mention():
    assert link("[[ostria]] and Ostria.") == "[ostria](../actors/ostria.md) and Ostria."


# -- brief prose: every text Markdown renders is checked ---------------------------------------

def problems(text):
    linker = ProseLinker("topics/t.md", None, FakeResolver(NAMES), MentionMatcher(NAMES), True)
    return [f"{i.line}:{i.col}: {i.message} ({i.hint})" for i in linker.process(text, 1).errors]


RAW_HTML = "raw HTML is not allowed in brief prose: '{}' (write Markdown instead (*emphasis*, **strong**, lists, tables))"
NOT_WIKI = ("links in brief prose must be wikilinks, not '{}' (write [[id]] or [[id|label]]; web addresses "
            "belong in a source's metadata (url))")


# Python-Markdown renders an admonition's or a collapsible block's title, HTML and all.
@pytest.mark.parametrize("text, col, tag", [
    ('!!! note "<script>alert(1)</script>"\n    Body.', 11, "<script>"),
    ('??? note "<img src=x onerror=alert(1)>"\n    Body.', 11, "<img src=x onerror=alert(1)>"),
    ('???+ warning "Read <b>this</b>"\n    Body.', 20, "<b>"),
    ('??? "<b>x</b>"\n    Body.', 6, "<b>"),
    ('!!!note "<b>x</b>"', 10, "<b>"),
    ('!!! <b>x</b>\n    Body.', 5, "<b>"),  # not an admonition: a paragraph, checked as one
    ('!!! note\n    !!! tip "<b>x</b>"\n        Body.', 14, "<b>"),
])
def test_an_admonition_title_is_prose(text, col, tag):
    line = text.count("\n", 0, text.index(tag)) + 1
    assert problems(text)[0] == f"{line}:{col}: " + RAW_HTML.format(tag)


def test_an_admonition_title_is_escaped_and_linked_like_a_heading():
    assert problems('!!! note "See [x](javascript:alert(1))"') == ["1:15: " + NOT_WIKI.format("javascript:alert(1)")]
    assert link('!!! note "Valmora and [[ostria]] {a} 1<2"\n    Valmora.') == (
        '!!! note "Valmora and [ostria](../actors/ostria.md) &#123;a} 1&lt;2"\n'
        '    [Valmora](../actors/valmora.md).')
    assert link("??? note\n    Body.") == "??? note\n    Body."


@pytest.mark.parametrize("text, col", [
    ("Text[^1].\n\n[^1]: a note <b>x</b>", 14),  # a footnote definition
    ("| a | b |\n|---|---|\n| <b>x</b> | y |", 3),
    ("#Heading <b>x</b>", 10),  # Python-Markdown needs no space after '#'
    ("---<b>x</b>", 4),  # not a thematic break: a paragraph
    ("a | b\n---|<b>x</b>", 5),  # not a table's rule
    ("Lead line\n- <b>x</b>", 3),  # a list does not interrupt a paragraph: it goes on
])
def test_every_block_opener_s_text_is_checked(text, col):
    line = text.count("\n", 0, text.index("<b>")) + 1
    assert problems(text)[0] == f"{line}:{col}: " + RAW_HTML.format("<b>")


# A fence is code only when pymdownx.superfences closes it (the very same fence, with the
# opener's indentation); any other "fence" is prose, and gets every check.
@pytest.mark.parametrize("text", [
    "```\n[x](javascript:alert(1))",
    "```\n[x](javascript:alert(1))\n````",
    "  ~~~\n[x](javascript:alert(1))\n  ~~~",
    "~~~\n[x](javascript:alert(1))\n~~~ x",
])
def test_a_fence_that_does_not_close_is_prose(text):
    assert problems(text) == ["2:1: " + NOT_WIKI.format("javascript:alert(1)")]


def test_a_closed_fence_is_code_whatever_its_indentation():
    assert link("!!! note\n    ```\n    Valmora\n    ```\n\nOstria") == (
        "!!! note\n    ```\n    Valmora\n    ```\n\n[Ostria](../actors/ostria.md)")
    assert problems("Lead line\n```\nx\n```") == []


def test_a_fence_with_options_is_refused():
    assert problems('``` linenums="1"\nx\n```') == [
        "1:1: a code fence in brief prose may name its language only, not '``` linenums=\"1\"' "
        "(write ``` or ```python on the line, and nothing else)"]


# Whatever Markdown might yet read as prose (a table splits cells on '|' its own way; see
# test_properties for the rest), brief code holds no link and no HTML either.
def test_brief_code_holds_no_link_and_no_html():
    assert problems("| h | i |\n|---|---|\n| a `` | [x](javascript:1) | ` b |") == [
        "3:5: links are not allowed in brief prose, not even in code: '`` | [x](javascript:1) | `' "
        "(describe the link in words, or link with [[id]] outside the code)"]
    assert problems("```\n[x](javascript:alert(1))\n```") == [
        "2:1: links are not allowed in brief prose, not even in code: '[x](javascript:alert(1))' "
        "(describe the link in words, or link with [[id]] outside the code)"]
    assert problems("`a<b:c autofocus onfocus=alert(1)>`") == [
        "1:1: raw HTML is not allowed in brief prose, not even in code: '<b:c autofocus onfocus=alert(1)>`' "
        "(describe the markup in words)"]


# Python-Markdown nests brackets and parentheses deeper than the tokenizer, and a reference
# definition links every [r] (or [r][]) on the page.
@pytest.mark.parametrize("text, where, url", [
    ("See [a [b [c] ] d](javascript:alert(1)) here.", "1:18", "javascript:alert(1))"),
    ("See [a](javascript:alert((1))) here.", "1:7", "javascript:alert((1)))"),
    ("See [r].\n\n[r]: javascript:alert(1)", "3:1", "javascript:alert(1)"),
    ("See [r].\n\n- [r]:\n  javascript:alert(1)", "3:3", "javascript:alert(1)"),
])
def test_links_markdown_finds_are_refused(text, where, url):
    assert problems(text) == [f"{where}: " + NOT_WIKI.format(url)]


# One mistake, one error: an element is one error, and a reference link is one with its definition.
@pytest.mark.parametrize("text, expected", [
    ("Run <script>alert(1)</script> now.", ["1:5: " + RAW_HTML.format("<script>")]),
    ("<b>bold</b> and <i>it</i>.", ["1:1: " + RAW_HTML.format("<b>"), "1:17: " + RAW_HTML.format("<i>")]),
    ("A stray </b> closing tag.", ["1:9: " + RAW_HTML.format("</b>")]),
    ("See [the page][X].\n\n[x]: javascript:alert(1)",
     ["1:5: " + NOT_WIKI.format("[the page][X]")[:-1] + "; delete its definition on line 3 too)"]),
    ("[x]: javascript:alert(1)\n\nSee [x][].", ["3:5: " + NOT_WIKI.format("[x][]")[:-1]
                                               + "; delete its definition on line 1 too)"]),
    ("[x]: javascript:alert(1)", ["1:1: " + NOT_WIKI.format("javascript:alert(1)")]),
])
def test_one_mistake_in_prose_is_one_error(text, expected):
    assert problems(text) == expected


# A link's anchor: the range a source has, that only sources have paragraphs, and a
# misspelt target's suggestions (sources only) with their anchor kept.
@pytest.mark.parametrize("body, expected", [
    ("Lumen met Northline ([[harbour-gazette#p999]]).\n",
     "briefs/actors/lumen.md:7: [[harbour-gazette#p999]]: 'harbour-gazette' has no anchor '#p999' "
     "(source 'harbour-gazette' has paragraphs p1–p6, as numbered on the source page)"),
    ("Lumen met [[northline#p2]] ([[harbour-gazette#p2]]).\n",
     "briefs/actors/lumen.md:7: [[northline#p2]]: 'northline' has no anchor '#p2' ('northline' is "
     "not a source: only a source's paragraphs have anchors (#p1, #p2, …); link [[northline]] "
     "without '#p2')"),
    ("Lumen met Northline ([[harbour-gazete#p2]]).\n",
     "briefs/actors/lumen.md:7: unresolved reference [[harbour-gazete#p2]] "
     "(did you mean [[harbour-gazette#p2]], [[harbour-notes#p2]]?)"),
    ("Lumen met Northline ([[northlin#p2]]).\n",
     "briefs/actors/lumen.md:7: unresolved reference [[northlin#p2]] ('#p2' is a paragraph of a "
     "source, and no source has that id or name: use a source's id, or add the source with "
     "`briefing import-source FILE --id ID`)"),
], ids=["missing-paragraph", "not-a-source", "misspelt-source", "misspelt-non-source"])
def test_an_anchored_link_s_error_says_what_the_anchor_can_be(corpus, body, expected):
    corpus.actor("lumen", "Lumen", body=body)
    assert corpus.messages() == [expected]


@pytest.mark.parametrize("target", ["javascript:alert(1)", "https://example.org/x", "a/b"])
def test_a_target_that_is_no_name_does_not_suggest_creating_it(corpus, target):
    corpus.actor("lumen", "Lumen", body=f"Lumen met Northline [[{target}]] ([[harbour-gazette#p2]]).\n")
    assert corpus.messages() == [
        f"briefs/actors/lumen.md:7: unresolved reference [[{target}]] (a wikilink names a brief by its "
        "id, name or alias, and ids are slugs (lowercase letters, digits and hyphens, e.g. "
        "[[northline]]); a web address is not a wikilink)"]
