"""The content rules of briefing.yml: each off, a warning or an error; messages pinned."""
from helpers import Project, starter


def test_a_brief_without_a_quote(corpus):
    corpus.settings({"brief-without-quote": "error"})
    assert [m for m in corpus.messages() if "verified quote" in m] == [
        "briefs/actors/northline.md:1: this brief has no verified quote (quote the source it rests on "
        "under 'quotes:' (see CONTRIBUTING, Quotes))",
        "briefs/actors/ostria.md:1: this brief has no verified quote (quote the source it rests on under "
        "'quotes:' (see CONTRIBUTING, Quotes))",
        "briefs/actors/valmora-council.md:1: this brief has no verified quote (quote the source it rests "
        "on under 'quotes:' (see CONTRIBUTING, Quotes))"]


def test_a_brief_without_a_review_date(corpus):
    corpus.settings({"brief-undated": "warning"})
    assert corpus.only() == ("briefs/agreements/ferry-agreement.md:1: warning: this brief does not say when "
                             "it was last reviewed (add 'updated: YYYY-MM-DD' with the date you checked it "
                             "against the sources)")


def test_a_topic_needs_two_to_five_judgments_each_with_a_quote(corpus):
    corpus.settings({"topic-judgments": "warning"})
    assert corpus.only() == ("briefs/topics/ferry.md:11: warning: this topic has 1 key judgment; a topic "
                             "opens with two to five (add or merge judgments under 'judgments:')")


def test_a_judgment_with_a_mistake_still_counts_as_written(corpus):
    corpus.settings({"topic-judgments": "warning"})
    path = corpus.root / "briefs/topics/ferry.md"
    path.write_text(path.read_text().replace("\nevents:", "\n  - text: The ferry may stop in winter.\n"
                                             "    likelihood: unlikely\n    quotes: [summer]\nevents:"),
                    encoding="utf-8")
    assert corpus.messages() == [
        "briefs/topics/ferry.md:16: missing required field 'confidence' in 'judgments[2]' (add "
        "'confidence: …' (analytic confidence: low, moderate, high))"]


def test_an_ungraded_source(project):
    project.settings({"source-ungraded": "error"})
    project.source("coast-analysis", grade=None)
    assert project.only() == ("seeds/coast-analysis.yaml:1: this source has no reliability grade (add "
                              "'reliability: {grade: F, rationale: …}' (Admiralty A–F))")


def test_uncited_source_paragraphs(corpus):
    corpus.settings({"source-paragraph-uncited": "warning"})
    assert corpus.messages() == [
        "seeds/coast-analysis.yaml:1: warning: 4 of the 4 paragraphs of this source are cited nowhere: ¶1, ¶2, "
        "¶3, ¶4 (cite each from the prose that rests on it, e.g. [[coast-analysis#p1]])",
        "seeds/harbour-gazette.yaml:1: warning: 3 of the 6 paragraphs of this source are cited nowhere: ¶3, "
        "¶4, ¶5 (cite each from the prose that rests on it, e.g. [[harbour-gazette#p3]])"]


def test_a_boilerplate_line_left_out_shifts_the_citations_and_is_caught(tmp_path):
    project = Project(tmp_path / "p", rules={"citation-shift": "warning"})
    quotes = [("q1", "a fair deal, not a gift", 2), ("q2", "no plans to raise fares", 3),
              ("q3", "It is not a subsidy", 5), ("q4", "the winter timetable has not been published", 6)]
    front = "name: Ilse Brandt\nsummary: s.\ntype: person\nquotes:\n" + "".join(
        f'  - id: {q}\n    text: "{t}"\n    source: harbour-gazette\n' for q, t, _ in quotes)
    body = "".join(f"Cited ([[harbour-gazette#p{n}]]):\n\n[[quote:{q}]]\n\n" for q, _, n in quotes)
    project.brief("actor", "ilse-brandt", front, body)
    assert project.messages() == []
    project.source("harbour-gazette", boilerplate=[1, 3, 21])  # the byline (line 5) left out
    assert project.only() == (
        "seeds/harbour-gazette.yaml:11: warning: the citations of this source look shifted: 4 of 4 quotes "
        "cited as ¶N are in the next paragraph (Gazette ¶N+1) (was a line left out of, or added to, "
        "'boilerplate' or 'headings'? Paragraph numbers count the lines that are neither)")


def test_a_rule_can_be_off_or_an_error(corpus):
    corpus.settings({"brief-undated": "error"})
    assert corpus.run().failed
    corpus.settings({"brief-undated": "off"})
    assert corpus.messages() == []


def test_an_unreadable_brief_does_not_make_its_sources_look_uncited(corpus):
    corpus.settings({"source-paragraph-uncited": "warning"})
    path = corpus.root / "briefs/actors/ilse-brandt.md"  # cites harbour-gazette ¶2
    path.write_text(path.read_text().replace("\nupdated:", "\n\tupdated:"), encoding="utf-8")
    assert [m.split(": ", 1)[0] for m in corpus.messages()] == ["briefs/actors/ilse-brandt.md:5"]


def test_an_invalid_review_date_is_one_error_not_two(corpus):
    corpus.settings({"brief-undated": "warning"})
    path = corpus.root / "briefs/actors/ostria.md"
    path.write_text(path.read_text().replace("updated: 2025-07-01", "updated: 2025-13-01"), encoding="utf-8")
    messages = corpus.messages()
    assert len(messages) == 2 and messages[0].startswith("briefs/actors/ostria.md:5: 'updated'"), messages
    assert messages[1].startswith("briefs/agreements/ferry-agreement.md:1: warning: this brief does not say")
