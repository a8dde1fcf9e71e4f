"""Validation: one test per class of error, each with its exact message pinned."""
import pytest


def only(project):
    return project.only()


def test_clean_corpus_has_no_problems(corpus):
    assert corpus.messages() == []


def test_unknown_field_suggests_the_right_one(corpus):
    corpus.actor("china", "China", "contry: russia")
    assert only(corpus) == ("briefs/actors/china.md:6: unknown field 'contry' "
                            "(did you mean 'country'?)")


def test_missing_required_field(corpus):
    corpus.brief("actor", "china", "name: China\ntype: state")
    assert only(corpus) == ("briefs/actors/china.md:2: missing required field 'summary' "
                            "(add 'summary: …' (one or two sentences, shown first))")


def test_wrong_type(corpus):
    corpus.actor("china", "China", "aliases: PRC")
    assert only(corpus) == ("briefs/actors/china.md:6: 'aliases' must be a list, not text "
                            "(write each entry on its own line starting with '- ')")


def test_bad_enum_value_suggests(corpus):
    corpus.brief("actor", "china", "name: China\nsummary: s.\ntype: stat")
    assert only(corpus) == ("briefs/actors/china.md:4: 'type' is 'stat'; expected one of: person, "
                            "state, organization, media, group (did you mean 'state'?)")


@pytest.mark.parametrize("value, message", [
    ("2025-13", "'signed': '2025-13' has no month 13; months run 01 to 12"),
    ("2025-02-30", "'signed': '2025-02-30' is not a real date: February 2025 has 28 days"),
    ("June 2025", "'signed': 'June 2025' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"),
])
def test_bad_and_impossible_dates(corpus, value, message):
    corpus.brief("agreement", "deal", f"name: Deal\nsummary: s.\ntype: other\nstatus: signed\nsigned: {value}")
    assert only(corpus) == f"briefs/agreements/deal.md:6: {message}"


def test_updated_must_be_a_full_date(corpus):
    corpus.brief("actor", "china", "name: China\nsummary: s.\ntype: state\nupdated: 2025-06")
    assert only(corpus) == "briefs/actors/china.md:5: 'updated' must be a full date (YYYY-MM-DD), not '2025-06'"


def test_bad_file_name_is_not_an_id(corpus):
    corpus.write("briefs/actors/Bad_Name.md", "---\nname: X\n---\n")
    assert only(corpus) == ("briefs/actors/Bad_Name.md:0: the file name 'Bad_Name' is not a valid id "
                            "(rename it to 'bad-name.md' (lowercase letters, digits, hyphens))")


def test_duplicate_id_across_kinds(corpus):
    corpus.brief("topic", "russia", "name: Russia topic\nsummary: s.\nstatus: ongoing")
    assert only(corpus) == ("briefs/topics/russia.md:1: duplicate id 'russia': briefs/actors/russia.md "
                            "already uses it (ids are unique across actors, agreements, topics and "
                            "sources; rename one of the files)")


def test_a_duplicate_id_does_not_take_the_owners_quotes(corpus):
    corpus.actor("putin", "Vladimir Putin", """
        quotes:
          - id: call
            text: "Lavrov’s call for de-escalation and regional stability has added weight"
            source: nghean-russia-unexpected-role
        """, body="[[quote:call]]\n", type_="person")
    corpus.brief("topic", "putin", "name: Putin topic\nsummary: s.\nstatus: ongoing")
    assert only(corpus) == ("briefs/topics/putin.md:1: duplicate id 'putin': briefs/actors/putin.md "
                            "already uses it (ids are unique across actors, agreements, topics and "
                            "sources; rename one of the files)")


def test_duplicate_alias_across_entities(corpus):
    corpus.actor("persia", "Persia", "aliases: [tehran]")
    assert only(corpus) == ("briefs/actors/persia.md:6: the name or alias 'tehran' is already used by "
                            "'iran' (briefs/actors/iran.md) (names and aliases must be unique; remove or "
                            "change one)")


def test_dangling_reference_suggests(corpus):
    corpus.actor("china", "China", "country: rusia")
    assert only(corpus) == ("briefs/actors/china.md:6: 'country' names 'rusia', but there is no state "
                            "with that id (did you mean 'russia'?)")


def test_reference_to_the_wrong_kind(corpus):
    corpus.actor("china", "China", "country: sergey-lavrov")
    assert only(corpus) == ("briefs/actors/china.md:6: 'country' must name a state, but 'sergey-lavrov' "
                            "is a person (use the id of a state)")


def test_party_must_be_an_actor(corpus):
    corpus.brief("agreement", "deal", "name: Deal\nsummary: s.\ntype: other\nstatus: signed\nparties: [mediation]")
    assert only(corpus) == ("briefs/agreements/deal.md:6: 'parties' must name an actor, but 'mediation' "
                            "is a topic (use the id of an actor)")


def test_missing_seed_file(corpus):
    corpus.write("seeds/ghost.yaml", "title: Ghost\nsha256: abc\n")
    assert only(corpus) == ("seeds/ghost.yaml:1: missing seed file: seeds/ghost.txt does not exist "
                            "(add the article text, or delete this metadata file)")


def test_edited_seed_fails_checksum(corpus):
    path = corpus.root / "seeds" / "russia-mediator-analysis.txt"
    data = bytearray(path.read_bytes())
    data[0] = ord("e")  # "Earlier" -> "earlier": one byte
    path.write_bytes(bytes(data))
    message = only(corpus)
    assert message.startswith("seeds/russia-mediator-analysis.yaml:14: the source text was changed: "
                              "seeds/russia-mediator-analysis.txt no longer matches its sha256")
    assert "a source is never edited" in message


def test_a_line_range_past_the_end_is_reported_not_built(corpus):
    """A hostile range must not make the check build a set of two billion line numbers."""
    path = corpus.root / "seeds" / "russia-mediator-analysis.yaml"
    text = path.read_text(encoding="utf-8").replace("boilerplate: []", 'boilerplate: ["20-2000000000"]')
    path.write_text(text, encoding="utf-8")
    lines = (corpus.root / "seeds" / "russia-mediator-analysis.txt").read_text(encoding="utf-8").count("\n") + 1
    assert only(corpus) == (f"seeds/russia-mediator-analysis.yaml:20: 'boilerplate' names line 2000000000, "
                            f"but the text has {lines} lines (check the line numbers against the .txt file)")


def test_a_file_name_with_nothing_to_keep_gets_a_usable_hint(corpus):
    corpus.write("briefs/actors/___.md", "---\nname: X\n---\n")
    assert only(corpus) == ("briefs/actors/___.md:0: the file name '___' is not a valid id "
                            "(rename it to an id of lowercase letters, digits and hyphens, "
                            "e.g. 'sergey-lavrov.md')")


@pytest.mark.parametrize("rel", ["briefs/actors/notes.txt", "briefs/people/x.md", "briefs/x.md"])
def test_file_that_is_not_a_brief(corpus, rel):
    corpus.write(rel, "---\nname: X\n---\n")
    assert only(corpus) == (f"{rel}:0: this file is not a brief, so it would not be published "
                            "(briefs are briefs/actors/<id>.md, briefs/agreements/<id>.md or "
                            "briefs/topics/<id>.md; the glossary is briefs/glossary.yaml)")


def test_stray_file_in_seeds(corpus):
    corpus.write("seeds/readme.md", "notes")
    assert only(corpus) == ("seeds/readme.md:0: this file is not a source, so nothing uses it (sources "
                            "are seeds/<id>.txt (the article) and seeds/<id>.yaml (its metadata))")


def test_no_front_matter(corpus):
    corpus.write("briefs/actors/china.md", "China is a state.\n")
    assert only(corpus) == ("briefs/actors/china.md:1: the brief has no front matter (start the file "
                            "with a '---' line, the YAML fields, then another '---' line)")


def test_yaml_syntax_error_has_a_line(corpus):
    corpus.write("briefs/actors/china.md", "---\nname: China\nsummary: [oops\ntype: state\n---\n")
    message = only(corpus)
    assert message.startswith("briefs/actors/china.md:4: YAML syntax error:")


def test_judgment_cites_unknown_quote(corpus):
    corpus.brief("topic", "t2", """
        name: T2
        summary: s.
        status: ongoing
        judgments:
          - text: Very likely.
            likelihood: very likely
            confidence: high
            quotes: [nope]
        """)
    assert only(corpus) == ("briefs/topics/t2.md:6: the judgment cites quote 'nope', which is not in "
                            "this brief's 'quotes' (give the quote an 'id' and cite that id)")


def test_many_mistakes_are_reported_in_one_build(corpus):
    corpus.actor("china", "China", "contry: russia\nroles:\n  - title: Leader\n    of: nobody")
    corpus.brief("agreement", "deal", "name: Deal\nsummary: s.\ntype: other\nstatus: signedd\nparties: [ghost]")
    corpus.write("briefs/actors/stray.txt", "x")
    built = corpus.build()
    assert built.returncode != 0
    assert "Traceback" not in built.output
    for expected in [
        "briefs/actors/china.md:6: unknown field 'contry'",
        "briefs/actors/china.md:8: 'roles.of' names 'nobody', but there is no actor with that id",
        "briefs/agreements/deal.md:5: 'status' is 'signedd'",
        "briefs/agreements/deal.md:6: 'parties' names 'ghost'",
        "briefs/actors/stray.txt:0: this file is not a brief",
    ]:
        assert expected in built.output
    assert "the briefing has 5 problems" in built.output


def test_a_dangling_reference_and_unknown_field_fail_without_strict(corpus):
    corpus.actor("china", "China", "colour: red\ncountry: atlantis")
    built = corpus.build()  # no --strict
    assert built.returncode == 1
    assert "briefs/actors/china.md:6: unknown field 'colour'" in built.output
    assert "briefs/actors/china.md:7: 'country' names 'atlantis', but there is no state" in built.output
    assert "Aborted with a BuildError!" in built.output and "Traceback" not in built.output


@pytest.mark.parametrize("alias", ["TEHRAN", "Ｔｅｈｒａｎ", "Tehr\u0430n"])  # case, fullwidth, Cyrillic а
def test_colliding_aliases_case_and_lookalikes(corpus, alias):
    corpus.actor("persia", "Persia", f"aliases: ['{alias}']")
    assert only(corpus) == (f"briefs/actors/persia.md:6: the name or alias '{alias}' is already used by "
                            "'iran' (briefs/actors/iran.md) (names and aliases must be unique; remove or "
                            "change one)")


def test_bom_and_crlf_are_fine(corpus):
    corpus.write("briefs/actors/china.md", b"\xef\xbb\xbf---\r\nname: China\r\nsummary: s.\r\n"
                 b"type: state\r\nbogus: 1\r\n---\r\nText.\r\n")
    assert only(corpus) == ("briefs/actors/china.md:5: unknown field 'bogus' (allowed fields: name, "
                            "summary, updated, aliases, abbreviation, tags, no_autolink, quotes, type, "
                            "country, roles)")


def test_non_utf8_is_a_clear_error(corpus):
    corpus.write("briefs/actors/china.md", b"---\nname: Chin\xe9\n---\n")
    assert only(corpus) == ("briefs/actors/china.md:2: the file is not UTF-8 text (byte 0xe9 at offset "
                            "14) (save the file as UTF-8)")


def test_raw_html_and_links_are_rejected_in_prose(corpus):
    corpus.actor("china", "China", body="Hi <script>x</script> [a](javascript:alert(1)) ![i](x.png)\n")
    assert corpus.messages() == [  # in the order they appear on the line
        "briefs/actors/china.md:7: raw HTML is not allowed in brief prose: '<script>' (write Markdown "
        "instead (*emphasis*, **strong**, lists, tables))",
        "briefs/actors/china.md:7: raw HTML is not allowed in brief prose: '</script>' (write Markdown "
        "instead (*emphasis*, **strong**, lists, tables))",
        "briefs/actors/china.md:7: links in brief prose must be wikilinks, not 'javascript:alert(1)' "
        "(write [[id]] or [[id|label]]; web addresses belong in a source's metadata (url))",
        "briefs/actors/china.md:7: images are not allowed in brief prose (describe the image in words, "
        "or link its source)",
    ]


def test_autolinked_address_gets_the_link_message(corpus):
    corpus.actor("china", "China", body="See <https://example.org> and <b>x</b>.\n")
    assert corpus.messages() == [
        "briefs/actors/china.md:7: links in brief prose must be wikilinks, not 'https://example.org' "
        "(write [[id]] or [[id|label]]; web addresses belong in a source's metadata (url))",
        "briefs/actors/china.md:7: raw HTML is not allowed in brief prose: '<b>' (write Markdown "
        "instead (*emphasis*, **strong**, lists, tables))",
        "briefs/actors/china.md:7: raw HTML is not allowed in brief prose: '</b>' (write Markdown "
        "instead (*emphasis*, **strong**, lists, tables))",
    ]


def test_an_id_written_as_a_name_suggests_the_slug(corpus):
    corpus.actor("china", "China", "country: Russia")
    assert only(corpus) == ("briefs/actors/china.md:6: 'country' must be an id like 'sergey-lavrov' "
                            "(lowercase letters, digits and single hyphens), not 'Russia' (write 'russia')")


def test_hand_written_page_in_a_generated_place_is_not_lost(corpus):
    corpus.write("docs/actors/russia.md", "# My Russia page\n")
    built = corpus.build()
    assert built.returncode == 1 and "Traceback" not in built.output
    assert ("docs/actors/russia.md:0: this page is generated from the briefs, so the hand-written "
            "file would be lost (move it, or edit briefs/actors/russia.md instead)") in built.output


def judgment_topic(corpus, text, likelihood="likely"):
    corpus.brief("topic", "t3", f"""
        name: T3
        summary: s.
        status: ongoing
        judgments:
          - text: "{text}"
            likelihood: {likelihood}
            confidence: moderate
        """)


@pytest.mark.parametrize("text, likelihood, message", [
    ("Russia will mediate.", "likely",
     "the judgment is marked 'likely' but its sentence uses no estimative term (state it with the "
     "ICD 203 term, e.g. '… is likely to …')"),
    ("Russia is very likely to mediate.", "likely",
     "the judgment is marked 'likely' but its sentence says 'very likely' (state it with the ICD 203 "
     "term, e.g. '… is likely to …')"),
    ("We judge with high confidence that Russia is likely to mediate.", "likely",
     "the judgment's sentence mentions confidence (ICD 203 keeps confidence out of the likelihood "
     "sentence; put it in 'confidence')"),
])
def test_judgments_use_icd_203_language(corpus, text, likelihood, message):
    judgment_topic(corpus, text, likelihood)
    assert only(corpus) == f"briefs/topics/t3.md:6: {message}"


@pytest.mark.parametrize("text, likelihood", [
    ("Russia is unlikely to mediate.", "unlikely"),
    ("A deal is very likely, though not certain.", "very likely"),
    ("There is a roughly even chance of talks.", "roughly even chance"),
])
def test_judgments_in_good_icd_203_language_pass(corpus, text, likelihood):
    judgment_topic(corpus, text, likelihood)
    assert corpus.messages() == []
