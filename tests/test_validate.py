"""Validation: one test per class of error, each with its exact message pinned."""
import datetime
import subprocess
import sys

import pytest

from briefing import load
from helpers import engine_env


def test_clean_corpus_has_no_problems(corpus):
    assert corpus.messages() == []


def test_unknown_field_suggests_the_right_one(corpus):
    corpus.actor("ostria", "Ostria", "contry: ostria")
    assert corpus.only() == ("briefs/actors/ostria.md:6: unknown field 'contry' "
                             "(did you mean 'country'?)")


def test_missing_required_field(corpus):
    corpus.brief("actor", "lumen", "name: Lumen\ntype: state")
    assert corpus.only() == ("briefs/actors/lumen.md:2: missing required field 'summary' "
                             "(add 'summary: …' (one or two sentences, shown first))")


def test_wrong_type(corpus):
    corpus.actor("lumen", "Lumen", "aliases: PRC")
    assert corpus.only() == ("briefs/actors/lumen.md:6: 'aliases' must be a list, not text "
                             "(write each entry on its own line starting with '- ')")


def test_bad_enum_value_suggests(corpus):
    corpus.brief("actor", "lumen", "name: Lumen\nsummary: s.\ntype: stat")
    assert corpus.only() == ("briefs/actors/lumen.md:4: 'type' is 'stat'; expected one of: person, "
                             "state, organization, media, group (did you mean 'state'?)")


def test_the_column_is_the_value_s(corpus):
    corpus.brief("actor", "lumen", "name: Lumen\nsummary: s.\ntype: stat")
    (problem,) = corpus.run().problems.sorted()
    assert (problem.line, problem.col) == (4, 7)


@pytest.mark.parametrize("value, message", [
    ("2025-13", "'signed': '2025-13' has no month 13; months run 01 to 12"),
    ("2025-02-30", "'signed': '2025-02-30' is not a real date: February 2025 has 28 days"),
    ("June 2025", "'signed': 'June 2025' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"),
])
def test_bad_and_impossible_dates(corpus, value, message):
    corpus.brief("agreement", "deal", f"name: Deal\nsummary: s.\ntype: other\nstatus: signed\nsigned: {value}")
    assert corpus.only() == f"briefs/agreements/deal.md:6: {message}"


def test_updated_must_be_a_full_date(corpus):
    corpus.brief("actor", "lumen", "name: Lumen\nsummary: s.\ntype: state\nupdated: 2025-06")
    assert corpus.only() == "briefs/actors/lumen.md:5: 'updated' must be a full date (YYYY-MM-DD), not '2025-06'"


def test_updated_may_not_be_in_the_future(corpus):
    corpus.brief("actor", "lumen", "name: Lumen\nsummary: s.\ntype: state\nupdated: 2099-12-01")
    today = datetime.date.today().isoformat()
    assert corpus.only() == ("briefs/actors/lumen.md:5: 'updated' is 2099-12-01, a date in the future "
                             f"(write the date you last reviewed the brief (today is {today}))")


def test_an_agreement_s_dates_run_in_order(corpus):
    corpus.brief("agreement", "deal", "name: Deal\nsummary: s.\ntype: other\nstatus: signed\n"
                 "proposed: 2025-06\nsigned: 2025-01-17")
    assert corpus.only() == ("briefs/agreements/deal.md:6: 'proposed' (2025-06) is after 'signed' "
                             "(2025-01-17) (the dates run proposed, signed, ratified, in_force, expires; "
                             "check both)")


def test_partial_dates_that_may_be_in_order_pass(corpus):
    corpus.brief("agreement", "deal", "name: Deal\nsummary: s.\ntype: other\nstatus: signed\n"
                 "proposed: 2025\nsigned: 2025-01-17")
    assert corpus.messages() == []


def test_the_scaffold_placeholders_are_refused(corpus):
    corpus.brief("actor", "lumen", 'name: Lumen\nsummary: "One or two sentences."\ntype: state',
                 "\nWrite the analysis here. Link entities with double-bracket wikilinks and\n")
    assert corpus.messages() == [
        "briefs/actors/lumen.md:3: the summary is still the scaffold's placeholder \"One or two "
        "sentences.\" (write one or two sentences that sum up the brief)",
        "briefs/actors/lumen.md:7: the prose is still the scaffold's placeholder \"Write the analysis "
        "here. …\" (replace it with the analysis, citing the sources)"]


def test_bad_file_name_is_not_an_id(corpus):
    corpus.write("briefs/actors/Bad_Name.md", "---\nname: X\n---\n")
    assert corpus.only() == ("briefs/actors/Bad_Name.md: the file name 'Bad_Name' is not a valid id "
                             "(rename it to 'bad-name.md' (lowercase letters, digits, hyphens))")


def test_a_file_name_with_nothing_to_keep_gets_a_usable_hint(corpus):
    corpus.write("briefs/actors/___.md", "---\nname: X\n---\n")
    assert corpus.only() == ("briefs/actors/___.md: the file name '___' is not a valid id "
                             "(rename it to an id of lowercase letters, digits and hyphens, "
                             "e.g. 'ana-costa.md')")


@pytest.mark.parametrize("rel, where", [("briefs/people/x.md", "briefs/people/"), ("briefs/x.md", "briefs/")])
def test_a_brief_in_the_wrong_folder(corpus, rel, where):
    corpus.write(rel, "---\nname: X\n---\n")
    assert corpus.only() == (f"{rel}: this file is not a brief, so it would not be published (it is in "
                             f"{where}: move it into briefs/actors/, briefs/agreements/ or briefs/topics/; "
                             "the glossary is briefs/glossary.yaml)")


@pytest.mark.parametrize("rel, where", [("briefs/people/sub/x.md", "briefs/people/sub/"),
                                        ("briefs/sub/actors/x.md", "briefs/sub/actors/")])
def test_a_brief_in_a_subfolder_of_the_wrong_folder(corpus, rel, where):
    corpus.write(rel, "---\nname: X\n---\n")
    assert corpus.only() == (f"{rel}: this file is not a brief, so it would not be published (it is in "
                             f"{where}: move it into briefs/actors/, briefs/agreements/ or briefs/topics/; "
                             "the glossary is briefs/glossary.yaml)")


@pytest.mark.parametrize("rel", ["briefs/actors/sub/x.md", "briefs/actors/a/b/x.md"])
def test_a_brief_in_a_subfolder_is_told_where_it_must_go(corpus, rel):
    corpus.write(rel, "---\nname: X\n---\n")
    folder = rel.rsplit("/", 1)[0]
    assert corpus.only() == (f"{rel}: this file is not a brief, so it would not be published (it is in "
                             f"{folder}/, and subfolders of the brief folders are not read: move it to "
                             "briefs/actors/x.md)")


def test_a_stray_file_in_briefs(corpus):
    corpus.write("briefs/actors/notes.txt", "x")
    assert corpus.only() == ("briefs/actors/notes.txt: this file is not a brief, so it would not be "
                             "published (briefs are briefs/actors/<id>.md, briefs/agreements/<id>.md or "
                             "briefs/topics/<id>.md; the glossary is briefs/glossary.yaml)")


def test_stray_file_in_seeds(corpus):
    corpus.write("seeds/notes.md", "notes")
    assert corpus.only() == ("seeds/notes.md: this file is not a source, so nothing uses it (sources "
                             "are seeds/<id>.txt (the article) and seeds/<id>.yaml (its metadata))")


def test_the_folders_readmes_are_ignored(corpus):
    corpus.write("briefs/README.md", "How to add briefs.")
    corpus.write("seeds/README.md", "How to add sources.")
    assert corpus.messages() == []


def test_no_front_matter(corpus):
    corpus.write("briefs/actors/lumen.md", "Lumen is a state.\n")
    assert corpus.only() == ("briefs/actors/lumen.md:1: the brief has no front matter (start the file "
                             "with a '---' line, the YAML fields, then another '---' line)")


def test_an_empty_front_matter_says_what_to_write(corpus):
    corpus.write("briefs/actors/lumen.md", "---\n---\nLumen is a state.\n")
    assert corpus.only() == ("briefs/actors/lumen.md:2: the front matter (name: …, summary: …) must be a "
                             "mapping of fields (put the fields between the two '---' lines, one a line "
                             "(name: …, summary: …); `briefing new` writes a brief with every field)")


def test_front_matter_never_closed(corpus):
    corpus.write("briefs/actors/lumen.md", "---\nname: Lumen\nsummary: s.\ntype: state\n\nProse.\n")
    assert corpus.only() == ("briefs/actors/lumen.md:1: the front matter is never closed (add a '---' "
                             "line after the last field, before the prose)")


@pytest.mark.parametrize("front, message", [
    ("name: Lumen\nsummary: [oops\ntype: state",
     "briefs/actors/lumen.md:3: YAML syntax error: a [list] that is never closed (close it with ']', or "
     "put a value that starts with '[' in quotes)"),
    ("name: Lumen\nsummary: 'never closed\ntype: state",
     "briefs/actors/lumen.md:3: YAML syntax error: a quoted value that is never closed (close the "
     "quotation mark that opens on this line)"),
    ("name: Lumen\n type: state",
     "briefs/actors/lumen.md:3: 'type:' is indented by 1 space, so YAML reads it as part of the field "
     "above (start 'type:' at the beginning of the line)"),
    ("name: Lumen\n\ttype: state",
     "briefs/actors/lumen.md:3: YAML syntax error: a tab character: YAML indentation must use spaces "
     "(replace the tab with spaces)"),
    ("name: Lumen\nname: Lumen",
     "briefs/actors/lumen.md:3: the key 'name' appears twice (keep one 'name' and delete the other)"),
    ('name: Lumen\nsummary: s.\nnote: "a\x07b"\ntype: state',
     "briefs/actors/lumen.md:4: the control character U+0007 is not allowed in YAML (delete it: most "
     "editors do not show it)"),
])
def test_yaml_errors_say_what_is_wrong_where(corpus, front, message):
    corpus.write("briefs/actors/lumen.md", f"---\n{front}\n---\n")
    assert corpus.only().startswith(message)


def test_missing_seed_file(corpus):
    corpus.write("seeds/ghost.yaml", "title: Ghost\nlabel: Ghost\nsha256: abc\n")
    assert corpus.only() == ("seeds/ghost.yaml:1: missing seed file: seeds/ghost.txt does not exist "
                             "(add the article text, or delete this metadata file)")


def test_missing_metadata_names_the_command(corpus):
    corpus.write("seeds/ghost.txt", "An article.\n")
    assert corpus.only() == ("seeds/ghost.txt: the source 'ghost' has no metadata file (import it with "
                             "`briefing import-source seeds/ghost.txt --id ghost --title \"…\" --label \"…\"`, "
                             "or create the metadata file by hand)")


@pytest.mark.parametrize("text, message", [
    ("  \n\n", "seeds/ghost.txt: the source text is empty (save the article's text in the file)"),
    ("<!doctype html><html><body><p>x</p></body></html>",
     "seeds/ghost.txt:1: the source text is HTML, not the article's plain text (save the article as "
     "plain text (in a browser: select the article, copy, paste into a text file), then import that)"),
])
def test_an_empty_or_html_source_is_refused(corpus, text, message):
    corpus.write("seeds/ghost.txt", text)
    corpus.write("seeds/ghost.yaml", "title: Ghost\nlabel: Ghost\nsha256: abc\n")
    assert corpus.only() == message


def test_edited_seed_fails_checksum_and_says_how_to_restore_it(corpus):
    path = corpus.root / "seeds" / "coast-analysis.txt"
    data = bytearray(path.read_bytes())
    data[0] = ord("t")  # "The" -> "the": one byte
    path.write_bytes(bytes(data))
    message = corpus.only()
    assert message.startswith("seeds/coast-analysis.yaml:7: the source text was changed: "
                              "seeds/coast-analysis.txt no longer matches its sha256")
    assert message.endswith("(a source is never edited: restore it with `git checkout -- "
                            "seeds/coast-analysis.txt`; a new version of an article is a new source "
                            "(`briefing import-source`))")


def test_a_line_range_past_the_end_is_reported_not_built(corpus):
    """A hostile range must not make the check build a set of two billion line numbers."""
    corpus.source("coast-analysis", boilerplate=["2-2000000000"])
    assert corpus.only() == ("seeds/coast-analysis.yaml:11: 'boilerplate' names line 2000000000, "
                             "but the text has 4 lines (check the line numbers against the .txt file)")


def test_a_range_one_past_the_last_line_is_caught(corpus):
    corpus.source("coast-analysis", boilerplate=["4-5"])
    assert corpus.only().startswith("seeds/coast-analysis.yaml:11: 'boilerplate' names line 5, but the "
                                    "text has 4 lines")


def test_many_mistakes_are_reported_in_one_build(corpus):
    corpus.actor("lumen", "Lumen", "contry: ostria\nroles:\n  - title: Leader\n    of: nobody")
    corpus.brief("agreement", "deal", "name: Deal\nsummary: s.\ntype: other\nstatus: signedd\nparties: [ghost]")
    corpus.write("briefs/actors/stray.txt", "x")
    built = corpus.build()
    assert built.returncode != 0
    assert "Traceback" not in built.output
    for expected in [
        "briefs/actors/lumen.md:6:1: error: unknown field 'contry'",
        "briefs/actors/lumen.md:9:9: error: 'roles[1].of' names 'nobody', but there is no actor with that id",
        "briefs/agreements/deal.md:5:9: error: 'status' is 'signedd'",
        "briefs/agreements/deal.md:6:11: error: 'parties[1]' names 'ghost'",
        "briefs/actors/stray.txt: error: this file is not a brief",
    ]:
        assert expected in built.output
    assert "the briefing has 5 problems" in built.output


def test_the_build_reports_each_problem_in_the_words_check_prints(corpus):
    corpus.actor("lumen", "Lumen", "contry: ostria")
    corpus.write("briefs/actors/stray.txt", "x")
    built = corpus.build()
    checked = subprocess.run([sys.executable, "-m", "briefing", "check"], cwd=corpus.root, env=engine_env(),
                             capture_output=True, text=True, timeout=300).stdout.strip()
    assert built.returncode != 0 and checked
    assert checked in built.output
    assert built.output.count("unknown field 'contry'") == 1


# After 'ostria.md' is renamed 'republic-of-ostria.md', a reference to the old id names the
# brief by its new id: `briefing new actor "Name" --id ostria` would make a second Ostria.
def test_a_reference_to_a_renamed_brief_names_its_new_id(corpus):
    old = corpus.root / "briefs/actors/ostria.md"
    corpus.write("briefs/actors/republic-of-ostria.md", old.read_text())
    old.unlink()
    corpus.actor("lumen", "Lumen", "country: ostria")
    found = [m for m in corpus.messages() if m.startswith("briefs/actors/lumen.md")]
    assert found == ["briefs/actors/lumen.md:6: 'country' names 'ostria', but there is no state with that "
                     "id ('ostria' is a name of 'republic-of-ostria' (briefs/actors/republic-of-ostria.md); "
                     "use its id, 'republic-of-ostria')"]


def test_a_dangling_reference_names_the_command_that_creates_it(corpus):
    corpus.actor("lumen", "Lumen", "country: atlantis")
    assert corpus.only() == ("briefs/actors/lumen.md:6: 'country' names 'atlantis', but there is no state "
                             "with that id (create it with `briefing new actor \"Name\" --id atlantis`, or "
                             "fix the id)")


def test_a_dangling_source_names_import_source(corpus):
    corpus.actor("lumen", "Lumen", 'quotes:\n  - text: "x"\n    source: tass-report')
    assert corpus.only() == ("briefs/actors/lumen.md:8: 'quotes[1].source' names 'tass-report', but there is no "
                             "source with that id (add the source with `briefing import-source FILE --id "
                             "tass-report` (it writes seeds/<id>.txt and .yaml), or fix the id)")


def test_dangling_reference_suggests(corpus):
    corpus.actor("lumen", "Lumen", "country: ostrai")
    assert corpus.only() == ("briefs/actors/lumen.md:6: 'country' names 'ostrai', but there is no state "
                             "with that id (did you mean 'ostria'?)")


def test_reference_to_the_wrong_kind(corpus):
    corpus.actor("lumen", "Lumen", "country: ilse-brandt")
    assert corpus.only() == ("briefs/actors/lumen.md:6: 'country' must name a state, but 'ilse-brandt' "
                             "is a person (use the id of a state)")


def test_party_must_be_an_actor(corpus):
    corpus.brief("agreement", "deal", "name: Deal\nsummary: s.\ntype: other\nstatus: signed\nparties: [ferry]")
    assert corpus.only() == ("briefs/agreements/deal.md:6: 'parties[1]' must name an actor, but 'ferry' "
                             "is a topic (use the id of an actor)")


def test_judgment_cites_unknown_quote_with_a_suggestion(corpus):
    corpus.brief("topic", "t2", """
        name: T2
        summary: s.
        status: ongoing
        judgments:
          - text: It is very likely.
            likelihood: very likely
            confidence: high
            quotes: [sumer]
        quotes:
          - id: summer
            text: "the ferry will run daily only in summer"
            source: harbour-gazette
        """)
    assert corpus.only() == ("briefs/topics/t2.md:9: the judgment cites quote 'sumer', which is not in "
                             "this brief's 'quotes' (did you mean 'summer'?)")


def test_bom_and_crlf_are_fine(corpus):
    corpus.write("briefs/actors/lumen.md", b"\xef\xbb\xbf---\r\nname: Lumen\r\nsummary: s.\r\n"
                 b"type: state\r\nbogus: 1\r\n---\r\nText.\r\n")
    assert corpus.only() == ("briefs/actors/lumen.md:5: unknown field 'bogus' (allowed fields: name, "
                             "summary, updated, aliases, abbreviation, tags, no_autolink, quotes, type, "
                             "country, roles)")


def test_non_utf8_is_a_clear_error(corpus):
    corpus.write("briefs/actors/lumen.md", b"---\nname: Lum\xe9n\n---\n")
    assert corpus.only() == ("briefs/actors/lumen.md:2: the file is not UTF-8 text (byte 0xe9 at offset "
                             "13) (save the file as UTF-8)")


def test_a_brief_longer_than_one_read_is_read_to_its_end(corpus):
    """Files are read in chunks: a mistake on the last line of a long brief is found."""
    long_body = "Ostria keeps its harbour open. [[ostria]]\n\n" * 4000  # about 170 KB
    path = corpus.actor("lumen", "Lumen", body=long_body + "See [[atlantis]].\n")
    assert path.stat().st_size > 2 * load.READ_CHUNK
    assert corpus.only() == ("briefs/actors/lumen.md:8007: unresolved reference [[atlantis]] (use an "
                             "id, a name or an alias of an actor, agreement, topic, source or glossary "
                             "term, or create the brief: briefing new actor \"atlantis\")")


@pytest.mark.parametrize("extra, refused", [(0, False), (1, True)])
def test_the_size_limit_is_exact(corpus, monkeypatch, extra, refused):
    monkeypatch.setattr(load, "MAX_BRIEF_BYTES", 3 * load.READ_CHUNK)
    head = "---\nname: Lumen\nsummary: Lumen summary.\ntype: state\n---\n"
    filler = "x" * (3 * load.READ_CHUNK - len(head) - 1 + extra)
    corpus.write("briefs/actors/lumen.md", head + filler + "\n")
    expected = [f"briefs/actors/lumen.md: the file is {3 * load.READ_CHUNK + 1:,} bytes; the limit "
                f"is {3 * load.READ_CHUNK:,} (split it into smaller files)"] if refused else []
    assert [m for m in corpus.messages() if "bytes" in m] == expected


def test_an_id_written_as_a_name_suggests_the_slug(corpus):
    corpus.actor("lumen", "Lumen", "country: Ostria")
    assert corpus.only() == ("briefs/actors/lumen.md:6: 'country' must be an id like 'ana-costa' "
                             "(lowercase letters, digits and single hyphens), not 'Ostria' (write 'ostria')")


def test_a_brief_copied_into_docs_is_refused(corpus):
    corpus.write("docs/actors/ostria.md", "---\nname: Ostria\n---\n# My Ostria page\n")
    assert corpus.only() == ("docs/actors/ostria.md: docs/actors/ is where the site's generated actors "
                             "pages go, so this hand-written file would not be checked (briefs go in "
                             "briefs/actors/, where `check` reads them)")


def test_a_hand_written_page_where_a_generated_one_goes(corpus):
    corpus.write("docs/glossary.md", "# My glossary\n")
    assert corpus.only() == ("docs/glossary.md: this page is generated from the briefs, so the "
                             "hand-written file would be lost (rename it, or remove it)")


def test_an_unknown_docs_marker(corpus):
    corpus.write("docs/index.md", "# Home\n\n<!-- briefing:key-judgements -->\n")
    assert corpus.only() == ("docs/index.md:3: unknown marker 'briefing:key-judgements' (use one of: "
                             "key-judgments, last-reviewed, topics, actors, agreements, sources, counts)")


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
    ("The council will sign.", "likely",
     "the judgment is marked 'likely' but its sentence uses no estimative term (state it with the "
     "ICD 203 term, e.g. '… is likely to …')"),
    ("The council is very likely to sign.", "likely",
     "the judgment is marked 'likely' but its sentence says 'very likely' (state it with the ICD 203 "
     "term, e.g. '… is likely to …')"),
    ("The council is likely to sign.", "roughly even chance",
     "the judgment is marked 'roughly even chance' but its sentence says 'likely' (state it with the "
     "ICD 203 term, e.g. 'there is a roughly even chance that …')"),
    ("The council will sign.", "almost no chance",
     "the judgment is marked 'almost no chance' but its sentence uses no estimative term (state it "
     "with the ICD 203 term, e.g. 'there is almost no chance that …')"),
    ("We judge with high confidence that the council is likely to sign.", "likely",
     "the judgment's sentence mentions confidence (ICD 203 keeps confidence out of the likelihood "
     "sentence; put it in 'confidence')"),
])
def test_judgments_use_icd_203_language(corpus, text, likelihood, message):
    judgment_topic(corpus, text, likelihood)
    assert corpus.only() == f"briefs/topics/t3.md:6: {message}"


@pytest.mark.parametrize("text, likelihood", [
    ("The council is unlikely to sign.", "unlikely"),
    ("A deal is very likely, though not certain.", "very likely"),
    ("There is a roughly even chance of talks.", "roughly even chance"),
])
def test_judgments_in_good_icd_203_language_pass(corpus, text, likelihood):
    judgment_topic(corpus, text, likelihood)
    assert corpus.messages() == []


def test_raw_html_and_links_are_rejected_in_prose(corpus):
    corpus.actor("lumen", "Lumen", body="Hi <script>x</script> [a](javascript:alert(1)) ![i](x.png)\n")
    assert corpus.messages() == [  # in the order they appear on the line; an element is one error
        "briefs/actors/lumen.md:7: raw HTML is not allowed in brief prose: '<script>' (write Markdown "
        "instead (*emphasis*, **strong**, lists, tables))",
        "briefs/actors/lumen.md:7: links in brief prose must be wikilinks, not 'javascript:alert(1)' "
        "(write [[id]] or [[id|label]]; web addresses belong in a source's metadata (url))",
        "briefs/actors/lumen.md:7: images are not allowed in brief prose (describe the image in words, "
        "or link its source)",
    ]


def test_autolinked_address_gets_the_link_message(corpus):
    corpus.actor("lumen", "Lumen", body="See <https://example.org> and <b>x</b>.\n")
    assert corpus.messages() == [
        "briefs/actors/lumen.md:7: links in brief prose must be wikilinks, not 'https://example.org' "
        "(write [[id]] or [[id|label]]; web addresses belong in a source's metadata (url))",
        "briefs/actors/lumen.md:7: raw HTML is not allowed in brief prose: '<b>' (write Markdown "
        "instead (*emphasis*, **strong**, lists, tables))",
    ]


def test_an_indented_line_would_be_code_and_is_refused(corpus):
    corpus.actor("lumen", "Lumen", body="Intro.\n\n    An indented line with [[ostria]].\n\tAnd a tab.\n")
    assert corpus.only() == ("briefs/actors/lumen.md:9: this line is indented by four spaces (or a tab), so "
                             "Markdown would show it as code, with its links printed raw (remove the "
                             "indentation; write code in a ``` fence)")


def test_indented_lines_in_lists_and_admonitions_are_prose(corpus):
    corpus.actor("lumen", "Lumen", body="- An item\n\n    continued [[ostria]].\n\n!!! note\n    Body.\n\n"
                                        "    Second paragraph.\n")
    assert corpus.messages() == []


@pytest.mark.parametrize("body, bad", [("See [[ostria] now.\n", "[[ostria"), ("See [ostria]] now.\n", "ostria]]")])
def test_unbalanced_brackets_are_refused(corpus, body, bad):
    corpus.actor("lumen", "Lumen", body=body)
    message = corpus.only()
    assert message.startswith("briefs/actors/lumen.md:7: unbalanced brackets: '") and bad in message
    assert message.endswith("(a wikilink is [[id]] or [[id|label]]: close or remove the brackets)")


def test_a_block_quote_is_refused(corpus):
    corpus.actor("lumen", "Lumen", body="> A quote without a source.\n")
    assert corpus.only() == ("briefs/actors/lumen.md:7: block quotes are not allowed in brief prose: a block "
                             "quote reads as a quotation, and only verified quotes are shown as one (put "
                             "the words under 'quotes:' and place them with [[quote:ID]])")


def test_a_placed_quote_must_be_alone_on_its_line(corpus):
    corpus.actor("lumen", "Lumen", 'quotes:\n  - id: q\n    text: "a fair deal"\n    source: harbour-gazette',
                 body="As she said [[quote:q]] then.\n")
    assert corpus.only() == ("briefs/actors/lumen.md:11: [[quote:q]] must be alone on its line (put the quote "
                             "on a line of its own, with blank lines around it)")


def test_a_placed_quote_must_exist(corpus):
    corpus.actor("lumen", "Lumen", body="[[quote:nope]]\n")
    assert corpus.only() == ("briefs/actors/lumen.md:7: [[quote:nope]] names no quote of this brief (use "
                             "the id of an entry under 'quotes:')")


def test_an_unresolved_reference_offers_to_create_it(corpus):
    corpus.actor("lumen", "Lumen", body="Talks with [[Kazakhstan]].\n")
    assert corpus.only() == ("briefs/actors/lumen.md:7: unresolved reference [[Kazakhstan]] (use an id, a "
                             "name or an alias of an actor, agreement, topic, source or glossary term, or "
                             "create the brief: briefing new actor \"Kazakhstan\")")


def test_a_long_made_up_quotation_is_reported_not_dropped(corpus):
    """Words in quotation marks are verified at any length: 5,000 characters are no stray mark."""
    words = " ".join(f"zorblat{n} quuxen" for n in range(400))[:5000].strip()
    corpus.actor("lumen", "Lumen", body=f'\nIt reads "{words}" ([[harbour-gazette#p2]]).\n')
    assert corpus.only() == (f'briefs/actors/lumen.md:8: the quotation "{words[:159]}\u2026" is not in any '
                             "source (quote the source's exact words, or mark words that are not a "
                             "quotation as [[title:\u2026]])")
