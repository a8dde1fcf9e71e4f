"""One mistake, one error: a broken file still holds its id and names, so nothing that
refers to it fails too; ids and names claimed twice are reported on every file."""
import pytest


def test_an_indented_field_gives_one_error_not_a_cascade(corpus):
    path = corpus.root / "briefs/actors/ostria.md"
    path.write_text(path.read_text().replace("type: state", " type: state"))
    assert corpus.only() == ("briefs/actors/ostria.md:4: 'type:' is indented by 1 space, so YAML reads it "
                             "as part of the field above (start 'type:' at the beginning of the line)")


@pytest.mark.parametrize("text", [
    "Ostria is a state, with no front matter.\n",
    "---\nname: Ostria\nname: Ostria\n---\n",
    "---\nname: Ostria\n\ttype: state\n---\n",
    "---\nname: Ostria\nsummary: s.\ntype: state\n",
])
def test_a_brief_that_cannot_be_read_still_holds_its_id(corpus, text):
    corpus.write("briefs/actors/ostria.md", text)
    messages = corpus.messages()
    assert len(messages) == 1 and messages[0].startswith("briefs/actors/ostria.md:"), messages


def test_a_brief_in_the_wrong_folder_still_holds_its_id(corpus):
    path = corpus.root / "briefs/actors/ostria.md"
    corpus.write("briefs/ostria.md", path.read_text())
    path.unlink()
    assert [m.split(":")[0] for m in corpus.messages()] == ["briefs/ostria.md"]


def test_an_invalid_type_is_unknown_not_a_second_error(corpus):
    path = corpus.root / "briefs/actors/ostria.md"
    path.write_text(path.read_text().replace("type: state", "type: stat"))
    assert corpus.only().startswith("briefs/actors/ostria.md:4: 'type' is 'stat'")


@pytest.mark.parametrize("bad, message", [
    ("speeker: ilse-brandt", "unknown field 'speeker' (did you mean 'speaker'?)"),
    ("credibility: 7", "'quotes[1].credibility' must be a whole number from 1 to 6, not 7"),
    ("credibility: 3.5", "'quotes[1].credibility' must be a whole number from 1 to 6, not 3.5"),
    ('credibility: "high"', "'quotes[1].credibility' must be a whole number from 1 to 6, not 'high' "
     "(the Admiralty code: 1 confirmed by other sources, 2 probably true, 3 possibly true, 4 doubtful, "
     "5 improbable, 6 truth cannot be judged; write the number, e.g. credibility: 2)"),
    ('credibility: "3"', "'quotes[1].credibility' must be a whole number from 1 to 6, not '3' "
     "(write the number without quotation marks: credibility: 3)"),
])
def test_a_typo_inside_a_quote_is_one_error(corpus, bad, message):
    path = corpus.root / "briefs/topics/ferry.md"
    text = path.read_text().replace("    source: harbour-gazette\n", f"    source: harbour-gazette\n    {bad}\n", 1)
    path.write_text(text)
    (only,) = corpus.messages()
    assert only.endswith(message) or message in only


def test_a_broken_source_does_not_fail_its_quotes(corpus):
    corpus.write("seeds/harbour-gazette.yaml", "title: [never closed\n")
    assert [m.split(":")[0] for m in corpus.messages()] == ["seeds/harbour-gazette.yaml"]


def test_a_duplicate_id_is_reported_on_both_files_and_nothing_else(corpus):
    corpus.brief("topic", "harbour-gazette", "name: Gazette topic\nsummary: s.\nstatus: ongoing")
    assert corpus.messages() == [
        "briefs/topics/harbour-gazette.md:1: duplicate id 'harbour-gazette': seeds/harbour-gazette.yaml uses it "
        "too (ids are unique across actors, agreements, topics and sources; rename one of the files)",
        "seeds/harbour-gazette.yaml:1: duplicate id 'harbour-gazette': briefs/topics/harbour-gazette.md uses it "
        "too (ids are unique across actors, agreements, topics and sources; rename one of the files)"]


def test_a_duplicate_id_does_not_take_the_owners_quotes(corpus):
    corpus.brief("topic", "ilse-brandt", "name: Brandt topic\nsummary: s.\nstatus: ongoing")
    assert all("duplicate id 'ilse-brandt'" in m for m in corpus.messages())


def test_a_name_collision_is_reported_on_every_file(corpus):
    corpus.actor("lumen", "Lumen", "aliases: [Northline]")
    assert corpus.messages() == [
        "briefs/actors/lumen.md:6: the name or alias 'Northline' is also used by 'northline' "
        "(briefs/actors/northline.md) (names and aliases must be unique; remove or change one)",
        "briefs/actors/northline.md:6: the name or alias 'Northline' is also used by 'lumen' "
        "(briefs/actors/lumen.md) (names and aliases must be unique; remove or change one)"]


@pytest.mark.parametrize("alias", ["NORTHLINE", "Ｎｏｒｔｈｌｉｎｅ", "N\u043erthline"])  # case, fullwidth, Cyrillic о
def test_colliding_aliases_case_and_lookalikes(corpus, alias):
    corpus.actor("lumen", "Lumen", f"aliases: ['{alias}']")
    assert len(corpus.messages()) == 2


def test_github_annotations_land_only_on_the_file_with_the_mistake(corpus):
    path = corpus.root / "briefs/actors/ostria.md"
    path.write_text(path.read_text().replace("type: state", " type: state"))
    report = corpus.run().problems.report("github")
    assert report.count("::error") == 1 and "file=briefs/actors/ostria.md" in report


def _places(corpus) -> list[tuple]:
    return [(p.path.rsplit("/", 1)[-1], p.line, p.col, p.message.split(" names ")[0], p.field)
            for p in corpus.run().problems.sorted()]


def test_a_dangling_reference_is_reported_at_the_id_with_its_entry_number(corpus):
    corpus.actor("lumen", "Lumen", """
        country: atlantis
        roles:
          - title: Leader
            of: ostria
          - title: Envoy
            of: nobody
        quotes:
          - text: "x"
            source: harbour-gazette
          - text: "y"
            speaker: ghost
            source: tass-report
        """)
    corpus.brief("agreement", "deal", "name: Deal\nsummary: s.\ntype: other\nstatus: signed\nparties:\n  - ostria\n  - ghost")
    corpus.brief("topic", "crisis", """
        name: Crisis
        summary: s.
        status: ongoing
        actors:
          - ostria
          - id: phantom
            role: a role
        agreements: [deal, no-deal]
        events:
          - date: 2025-01-02
            text: Something.
            actors: [ostria, spectre]
        """)
    corpus.write("briefs/glossary.yaml", "terms:\n  - term: Pier\n    definition: A landing.\n"
                 "    see:\n      - ostria\n      - nowhere\n")
    assert [p for p in _places(corpus) if not p[3].startswith(("the quot", "speaker"))] == [
        ("lumen.md", 6, 10, "'country'", "country"),
        ("lumen.md", 11, 9, "'roles[2].of'", "roles.of"),
        ("lumen.md", 16, 14, "'quotes[2].speaker'", "quotes.speaker"),
        ("lumen.md", 17, 13, "'quotes[2].source'", "quotes.source"),
        ("deal.md", 8, 5, "'parties[2]'", "parties"),
        ("glossary.yaml", 6, 9, "the term 'Pier' has 'see: nowhere', but no entity has that id", "see"),
        ("crisis.md", 7, 9, "'actors[2].id'", "actors.id"),
        ("crisis.md", 9, 20, "'agreements[2]'", "agreements"),
        ("crisis.md", 13, 22, "'events[1].actors[2]'", "events.actors"),
    ]


# An unknown quote id is reported where it is written, as an unknown entity id is.
def test_an_unknown_quote_id_is_reported_at_the_id(corpus):
    corpus.brief("topic", "t2", """
        name: T2
        summary: s.
        status: ongoing
        judgments:
          - text: It is very likely.
            likelihood: very likely
            confidence: high
            quotes:
              - summer
              - sumer
        events:
          - date: 2025-01-02
            text: Something.
            quote: nope
        quotes:
          - id: summer
            text: "the ferry will run daily only in summer"
            source: harbour-gazette
        """)
    found = [(p.line, p.col, p.message, p.hint) for p in corpus.run().problems.sorted()]
    assert found == [
        (11, 9, "the judgment cites quote 'sumer', which is not in this brief's 'quotes'",
         "did you mean 'summer'?"),
        (15, 12, "the event cites quote 'nope', which is not in this brief's 'quotes'",
         "give the quote an 'id' and cite that id")]
