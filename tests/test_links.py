"""Cross-links, backlinks, auto-linked mentions and the glossary, on real builds."""
import re

import pytest

from briefing.autolink import MentionMatcher
from briefing.prose import ProseLinker, Target


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from helpers import Project, starter
    project = starter(Project(tmp_path_factory.mktemp("links") / "project"))
    project.write("briefs/glossary.yaml", "terms:\n  - term: buffer zone\n    definition: A protective belt.\n"
                  "    see: [russia]\n  - term: United Nations Security Council\n    abbreviation: UNSC\n"
                  "    definition: The UN body.\n  - term: Joint Comprehensive Plan of Action\n"
                  "    abbreviation: JCPOA\n    definition: The 2015 nuclear deal.\n")
    project.write("docs/index.md", "# Home\n\nIran and [[sergey-lavrov|the minister]] and the UNSC.\n")
    result = project.build("--strict")
    assert result.returncode == 0, result.output
    return result


def section(page: str, label: str) -> str:
    match = re.search(rf"<dt>{re.escape(label)}</dt><dd>(.*?)</dd>", page)
    return match.group(1) if match else ""


@pytest.mark.parametrize("page, label, expected", [
    ("actors/russia.html", "Party to", "Comprehensive Strategic Partnership Treaty"),
    ("actors/russia.html", "Signed", "Comprehensive Strategic Partnership Treaty"),
    ("actors/iran.html", "Mediated", "Comprehensive Strategic Partnership Treaty"),
    ("actors/russia.html", "Involved in", "Russian mediation"),
    ("actors/russia.html", "Roles held here", "Sergey Lavrov"),
    ("actors/russia.html", "Based here", "Sergey Lavrov"),
    ("agreements/treaty.html", "Discussed in", "Russian mediation"),
    ("actors/sergey-lavrov.html", "Mentioned in: Topics", "Russian mediation"),
    ("actors/russia.html", "Mentioned in: Agreements", "Comprehensive Strategic Partnership Treaty"),
])
def test_backlinks_for_each_relation(built, page, label, expected):
    assert expected in section(built.html(page), label)


def test_fact_box_links_every_related_entity(built):
    page = built.html("agreements/treaty.html")
    box = page[page.index('class="bf-factbox"'):page.index("</aside>")]
    assert '<a href="../actors/russia.html"' in box and '<a href="../actors/iran.html"' in box
    assert "17 January 2025" in box


def test_wikilinks_use_names_labels_and_aliases(built):
    page = built.html("agreements/treaty.html")
    assert '<a href="../actors/russia.html">Russia</a>' in page
    assert '<a href="../actors/iran.html">the Iranian side</a>' in page


def test_autolink_first_mention_only_and_never_self(built):
    page = built.html("actors/sergey-lavrov.html")
    article = page[page.index("bf-summary"):]
    assert article.count('<a href="russia.html">Russia</a>') == 1
    assert '<a href="iran.html">Iran</a>' in article
    assert 'href="sergey-lavrov.html"' not in article  # no self-link


def test_docs_pages_get_wikilinks_autolinks_and_abbreviations(built):
    page = built.html("index.html")
    assert '<a href="actors/iran.html">Iran</a>' in page
    assert '<a href="actors/sergey-lavrov.html">the minister</a>' in page
    assert '<abbr title="United Nations Security Council">UNSC</abbr>' in page


def test_abbreviations_in_source_text_get_tooltips(built):
    page = built.html("sources/russia-mediator-analysis.html")
    assert '<abbr title="Joint Comprehensive Plan of Action">JCPOA</abbr>' in page


def test_glossary_lists_entities_terms_and_aliases(built):
    page = built.html("glossary.html")
    for name in ("Russia", "Iran", "Sergey Lavrov", "Russian mediation"):
        assert f">{name}</a>" in page
    assert '<dt id="term-buffer-zone">buffer zone <span class="bf-badge bf-badge--term">' in page
    assert 'href="actors/russia.html"' in page
    # Every alias is a "see" entry at its own letter.
    assert re.search(r'<dt>Moscow</dt><dd>see <a href="#actor-russia">Russia</a></dd>', page)
    assert 'id="letter-m"' in page and 'id="letter-b"' in page
    assert 'class="bf-jumpbar"' in page
    assert "Appears in:" in page


def test_unresolved_reference_suggests(corpus):
    corpus.actor("china", "China", body="Relations with [[rusia]] and [[Tehrann]].\n")
    assert corpus.messages() == [
        "briefs/actors/china.md:7: unresolved reference [[rusia]] (did you mean [[russia]]?)",
        "briefs/actors/china.md:7: unresolved reference [[Tehrann]] (did you mean [[iran]]?)",
    ]


def test_unresolved_reference_without_suggestion(corpus):
    corpus.actor("china", "China", body="\n\nSee [[zzzzzz]].\n")
    assert corpus.messages() == [
        "briefs/actors/china.md:9: unresolved reference [[zzzzzz]] (use an id, a name or an alias of "
        "an actor, agreement, topic, source or glossary term)"]


class FakeResolver:
    def __init__(self, names):
        self.names = names

    def target(self, entity_id):
        return Target(entity_id, f"actors/{entity_id}.md", "", entity_id)

    def resolve(self, text):
        return self.target(text) if text in self.names.values() else None

    def suggest(self, text):
        return []

    def has_anchor(self, target):
        return False


def link(text, names=None, self_id=None):
    names = names or {"Iran": "iran", "Iranian Foreign Minister Abbas Araghchi": "araghchi",
                      "Israel": "israel"}
    linker = ProseLinker("topics/t.md", self_id, FakeResolver(names), MentionMatcher(names))
    return linker.process(text, 1).markdown


@pytest.mark.parametrize("text", [
    "# Iran in a heading",
    "`Iran` in code",
    "```\nIran in a fence\n```",
    "    Iran indented code",
    "> Iran in a block quote",
    "[Iran](#x) already a link",
    "Iranians and nonIran are not words",
])
def test_no_autolink_in_protected_places(text):
    assert "actors/iran.md" not in link(text)


def test_longest_match_wins_and_first_mention_only():
    out = link("Iranian Foreign Minister Abbas Araghchi met Iran; Iran again.")
    assert out.startswith("[Iranian Foreign Minister Abbas Araghchi](../actors/araghchi.md) met "
                          "[Iran](../actors/iran.md); Iran again.")


def test_page_never_links_to_itself():
    assert link("Iran and Israel", self_id="iran") == "Iran and [Israel](../actors/israel.md)"


def test_opted_out_alias_is_not_linked(corpus):
    corpus.actor("turkey", "Turkey", "aliases: [Ankara]\nno_autolink: [Turkey]")
    corpus.actor("china", "China", body="Turkey and Ankara.\n")
    _, index = corpus.check()
    assert "Turkey" not in index.surface and index.surface["Ankara"] == "turkey"


def test_each_page_carries_only_the_abbreviations_it_uses(corpus):
    from briefing import pipeline
    corpus.write("briefs/glossary.yaml", "terms:\n  - term: United Nations Security Council\n"
                 "    abbreviation: UNSC\n    definition: The UN body.\n")
    corpus.actor("china", "China", body="China sits on the UNSC.\n")
    site = pipeline.build(corpus.root, {})
    pages = {page.path: page.markdown for page in site.pages}
    assert "*[UNSC]: United Nations Security Council" in pages["actors/china.md"]
    assert "*[UNSC]" not in pages["actors/russia.md"]
