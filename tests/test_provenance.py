"""Every quotation a reader sees is verified: prose, YAML text fields, docs pages; elisions
cannot drop a negation; speakers are named; citations cannot disagree with their targets;
uncited paragraphs are reported. Messages are pinned exactly."""
import hashlib
import json
import re

import pytest

from helpers import GAZETTE, Project, source_yaml, starter

ACTOR = "name: Ilse Brandt\nsummary: {summary}\ntype: person\nupdated: 2025-07-01\n"


def brandt(project, body="", summary="The mayor.", extra=""):
    return project.brief("actor", "ilse-brandt", ACTOR.format(summary=summary) + extra, body)


def test_a_verified_inline_quotation_passes(project):
    brandt(project, 'She called it "a fair deal, not a gift" ([[harbour-gazette#p2]]).\n')
    assert project.messages() == []


def test_a_misquote_in_prose_names_the_closest_passage(project):
    brandt(project, 'She called it "a fair deal, not a present" ([[harbour-gazette#p2]]).\n')
    assert project.only() == (
        'briefs/actors/ilse-brandt.md:7: the quotation "a fair deal, not a present" is not in any source; '
        'the closest passage (Gazette ¶2) reads: "\u201ca fair deal, not a gift\u201d and" (quote the source\'s '
        "exact words, or mark words that are not a quotation as [[title:…]])")


def test_an_inline_quotation_across_a_paragraph_break_says_so(project):
    brandt(project, 'It ends "from the old pier. Northline’s chief executive" ([[harbour-gazette#p3]]).\n')
    assert project.only().startswith(
        'briefs/actors/ilse-brandt.md:7: the quotation "from the old pier. Northline’s chief executive" runs across '
        "a paragraph break in source 'harbour-gazette'")
    assert project.only().endswith("(a quotation must stay within one paragraph; quote each "
                                   "paragraph's words separately)")


def test_a_closest_passage_with_straight_quotation_marks_is_shown_in_curly_ones(project):
    """The source's own marks stay as it has them; the message's marks must not look like them."""
    seed = project.root / "seeds/harbour-gazette.txt"
    text = seed.read_text(encoding="utf-8").replace("\u201ca fair deal, not a gift\u201d",
                                                    '"a fair deal, not a gift"')
    seed.write_text(text, encoding="utf-8")
    project.write("seeds/harbour-gazette.yaml",
                  source_yaml(GAZETTE, sha256=hashlib.sha256(text.encode()).hexdigest()))
    brandt(project, 'She called it "a fair deal, not a present" ([[harbour-gazette#p2]]).\n')
    assert project.only() == (
        'briefs/actors/ilse-brandt.md:7: the quotation "a fair deal, not a present" is not in any source; '
        'the closest passage (Gazette ¶2) reads: \u201c"a fair deal, not a gift" and\u201d (quote the '
        "source's exact words, or mark words that are not a quotation as [[title:…]])")


def test_the_error_has_a_real_column(project):
    brandt(project, 'She called it "a fair deal, not a present" ([[harbour-gazette#p2]]).\n')
    (problem,) = project.run().problems.sorted()
    assert (problem.line, problem.col) == (7, 15)


def test_a_quotation_nothing_resembles_has_no_closest_passage(project):
    brandt(project, 'It was "within minutes of" the vote ([[harbour-gazette#p2]]).\n')
    assert project.only() == ('briefs/actors/ilse-brandt.md:7: the quotation "within minutes of" is not in '
                              "any source (quote the source's exact words, or mark words that are not a "
                              "quotation as [[title:…]])")


@pytest.mark.parametrize("field, yaml, line", [
    ("summary", 'summary: She called it "a generous gift".', 4),
    ("note", 'quotes:\n  - text: "a fair deal"\n    source: harbour-gazette\n    note: Later "a generous gift".', 8),
    ("role title", 'roles:\n  - title: The "ferry king"\n    of: ostria', 6),
])
def test_quotations_in_yaml_fields_are_verified(project, field, yaml, line):
    project.actor("ostria", "Ostria")
    front = "name: Ilse Brandt\ntype: person\n" + ("summary: The mayor.\n" if field != "summary" else "") + yaml
    project.brief("actor", "ilse-brandt", front)
    message = project.only()
    assert message.startswith(f"briefs/actors/ilse-brandt.md:{line}: the quotation ")
    assert message.endswith("(quote the source's exact words, or rephrase without quotation marks)")


def test_judgments_events_provisions_definitions_and_source_notes_are_verified(project):
    project.brief("topic", "ferry", """
        name: Ferry
        summary: s.
        status: ongoing
        judgments:
          - text: The ferry is likely to be "a permanent loss".
            likelihood: likely
            confidence: low
        events:
          - date: 2024
            text: The council called it "a bargain".
        """)
    project.brief("agreement", "deal", 'name: Deal\nsummary: s.\ntype: other\nstatus: signed\n'
                  'provisions:\n  - Northline pays "no rent at all".\n')
    project.write("briefs/glossary.yaml", 'terms:\n  - term: Pier\n    definition: The "new pier".\n')
    project.source(GAZETTE, )
    project.write("seeds/harbour-gazette.yaml", project.root.joinpath("seeds/harbour-gazette.yaml")
                  .read_text() + 'notes: The paper calls it "a scandal".\n')
    quoted = sorted(re.search(r'the quotation "([^"]*)"', m).group(1) for m in project.messages())
    assert quoted == ["a bargain", "a permanent loss", "a scandal", "new pier", "no rent at all"]


def test_docs_pages_are_verified_too(project):
    project.write("docs/index.md", '# Home\n\nThe mayor said "a fair deal, not a loan".\n')
    assert project.only().startswith('docs/index.md:3: the quotation "a fair deal, not a loan" is not in any source')


def test_the_title_form_is_not_a_quotation_and_code_is_not_prose(project):
    brandt(project, "The heading [[title:The council\u2019s vote]] and `\"code\"` "
           "([[harbour-gazette#p4]]).\n\n!!! note \"A title, not a quotation\"\n    Fine ([[harbour-gazette#p4]]).\n")
    assert project.messages() == []


def test_an_unclosed_quotation_mark_is_reported_where_it_opens(project):
    brandt(project, 'Line one ([[harbour-gazette#p2]]).\n\nShe said "a fair deal\nand went on.\n')
    assert "briefs/actors/ilse-brandt.md:9: this quotation mark is never closed (close the quotation, " \
           "or remove the mark)" in project.messages()


def test_an_ellipsis_that_drops_a_negation_fails(project):
    brandt(project, 'Hale warned that "the town offers support ... a blank cheque" ([[harbour-gazette#p4]]).\n')
    assert project.only() == (
        'briefs/actors/ilse-brandt.md:7: the ellipsis leaves out "– not" (source: "…patience – not a…"); '
        "quote the whole passage, or end the quote before it")


def test_a_quote_entry_that_drops_a_negation_fails(project):
    brandt(project, extra='quotes:\n  - text: "Mayor Ilse Brandt called the agreement “a fair deal, … a gift”"\n'
           "    source: harbour-gazette\n")
    assert project.only() == (
        'briefs/actors/ilse-brandt.md:7: the ellipsis leaves out "not" (source: "…deal, not a…"); '
        "quote the whole passage, or end the quote before it")


def test_a_quotation_from_a_source_the_paragraph_does_not_cite_is_a_warning(project):
    project.settings({"quotation-source-not-cited": "warning"})
    brandt(project, 'Critics call it "a gift to Northline" ([[harbour-gazette#p2]]).\n')
    assert project.only() == (
        'briefs/actors/ilse-brandt.md:7: warning: the quotation "a gift to Northline" is in Analysis ¶4, '
        "which this paragraph does not cite (cite it: [[coast-analysis#p4]])")


def test_the_cited_paragraph_is_preferred_and_the_first_letter_may_change_case(corpus):
    corpus.brief("topic", "ferry", "name: Ferry\nsummary: s.\nstatus: ongoing\n",
                 'Critics say "The ferry will run" ([[harbour-gazette#p6]]).\n')
    run = corpus.run()
    assert not run.problems
    (quotation,) = run.linked.quotations["briefs/topics/ferry.md"]
    assert (quotation.match.source, quotation.match.paragraph) == ("harbour-gazette", 6)


def test_a_speaker_must_be_named_near_the_quote(project):
    project.actor("aron-weiss", "Aron Weiss", type_="person")
    project.actor("tomas-reyes", "Tomas Reyes", type_="person")
    project.actor("ostria", "Ostria")
    project.brief("topic", "ferry", "name: Ferry\nsummary: s.\nstatus: ongoing\nquotes:\n"
                  '  - text: "It is not a subsidy"\n    source: harbour-gazette\n    speaker: aron-weiss\n'
                  '  - text: "no plans to raise fares"\n    source: harbour-gazette\n    speaker: aron-weiss\n')
    assert project.only() == (
        "briefs/topics/ferry.md:6: speaker 'aron-weiss' is not named near this quote (Gazette ¶5 names: "
        "Tomas Reyes, Ostria) (check 'speaker': it must be named in the quote's paragraph or the one before; "
        "otherwise drop it)")


def test_a_citation_writes_its_own_label_and_a_wrong_label_fails(project):
    brandt(project, "See the mayor ([[harbour-gazette#p2]]), ([[harbour-gazette#p2|Gazette ¶3]]).\n")
    assert project.only() == (
        "briefs/actors/ilse-brandt.md:7: [[harbour-gazette#p2|Gazette ¶3]]: the label names ¶3, but the "
        "link goes to ¶2 (drop the label ([[harbour-gazette#p2]] writes its own) or fix the number)")


def test_an_uncited_paragraph_is_a_warning_with_exemptions(project):
    project.settings({"uncited-paragraph": "warning"})
    brandt(project, "## A heading\n\nA claim with no source.\n\nSee [[harbour-gazette]].\n\n"
           "A cited claim ([[harbour-gazette#p2]]).\n\nThe paper puts it this way:\n\n[[quote:q]]\n",
           extra='quotes:\n  - id: q\n    text: "a fair deal, not a gift"\n    source: harbour-gazette\n')
    assert project.only() == ("briefs/actors/ilse-brandt.md:13: warning: this paragraph cites no source "
                              "paragraph and quotes no source (cite the passage it rests on, e.g. "
                              "[[source-id#p3]], or quote the source's words)")


def test_a_paragraph_with_an_error_or_the_placeholder_is_not_also_uncited(project):
    project.settings({"uncited-paragraph": "warning"})
    brandt(project, "A claim with <b>markup</b>.\n\nWrite the analysis here. Then more.\n")
    assert project.messages() == [
        "briefs/actors/ilse-brandt.md:7: raw HTML is not allowed in brief prose: '<b>' (write Markdown "
        "instead (*emphasis*, **strong**, lists, tables))",
        "briefs/actors/ilse-brandt.md:9: the prose is still the scaffold's placeholder \"Write the "
        "analysis here. …\" (replace it with the analysis, citing the sources)"]


def test_a_placed_quote_with_a_typo_gets_a_did_you_mean(project):
    brandt(project, "[[quote:fair-dael]]\n", extra='quotes:\n  - id: fair-deal\n    text: "a fair deal, '
           'not a gift"\n    source: harbour-gazette\n')
    assert project.only() == ("briefs/actors/ilse-brandt.md:11: [[quote:fair-dael]] names no quote of "
                              "this brief (did you mean 'fair-deal'?)")


def test_github_format_makes_warnings_annotations(project):
    project.settings({"uncited-paragraph": "warning"})
    brandt(project, "A claim with no source.\n")
    report = project.run().problems.report("github")
    assert report == ("::warning file=briefs/actors/ilse-brandt.md,line=7,col=1::this paragraph cites no "
                      "source paragraph and quotes no source [uncited-paragraph] Hint: cite the passage it "
                      "rests on, e.g. [[source-id#p3]], or quote the source's words")


def test_strict_makes_warnings_fail(project):
    project.settings({"uncited-paragraph": "warning"}, strict=True)
    brandt(project, "A claim with no source.\n")
    assert project.run().failed


@pytest.fixture(scope="module")
def quoted_site(tmp_path_factory):
    project = starter(Project(tmp_path_factory.mktemp("q") / "p"))
    project.brief("topic", "ferry-politics", """
        name: Ferry politics
        summary: Hale said the town gives "support, funding and patience".
        status: ongoing
        quotes:
          - id: hale
            text: "The vote was close. ... Councillor Jonas Hale voted against"
            source: harbour-gazette
        """, 'Weiss promised "no plans to raise fares" ([[harbour-gazette#p3]]).\n\n[[quote:hale]]\n')
    built = project.build("--strict")
    assert built.returncode == 0, built.output
    return project, built


def test_an_inline_quotation_links_to_its_passage(quoted_site):
    _, built = quoted_site
    page = built.html("topics/ferry-politics.html")
    assert ('<a class="bf-q" href="../sources/harbour-gazette.html#p3:~:text=no%20plans%20to%20raise%20fares"'
            in page)
    assert '“no plans to raise fares”' in page or '"no plans to raise fares"' in page


def test_a_summary_quotation_links_to_its_passage_on_every_page(quoted_site):
    _, built = quoted_site
    link = 'href="../sources/harbour-gazette.html#p4:~:text=support%2C%20funding%20and%20patience"'
    assert link in built.html("topics/ferry-politics.html")
    assert link in built.html("topics/index.html")


def test_an_elided_quote_shows_what_was_left_out_and_highlights_the_whole_span(quoted_site):
    _, built = quoted_site
    page = built.html("topics/ferry-politics.html")
    assert "#p4:~:text=The%20vote%20was%20close.,Jonas%20Hale%20voted%20against" in page
    context = re.search(r'<details class="bf-context">.*?</details>', page, re.S).group()
    assert "In context" in context and "left out" not in context.split("</summary>")[0]


def test_the_summary_counts_inline_quotations(quoted_site):
    _, built = quoted_site
    assert re.search(r"briefing: 7 briefs, 2 sources, 4 quotes, 2 inline quotations", built.output)


def test_the_export_gives_web_annotation_selectors(quoted_site):
    project, built = quoted_site
    data = json.loads(built.html("briefing.json"))
    text = (project.root / "seeds/harbour-gazette.txt").read_text(encoding="utf-8")
    for entry in data["quotes"] + data["quotations"]:
        quote, position = entry["target"]["selector"]
        assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
        if entry["source"] == "harbour-gazette":
            assert text[position["start"]:position["end"]] == quote["exact"]
            assert text[:position["start"]].endswith(quote["prefix"])
            assert text[position["end"]:].startswith(quote["suffix"])
    assert {q["text"] for q in data["quotations"]} >= {"no plans to raise fares",
                                                        "support, funding and patience"}
