"""The quotation scanner and the elision rules, on plain strings (no project)."""
import time

import pytest

from briefing.model import QuoteMatch, Source
from briefing.normalize import segments
from briefing.quotations import elision_problem, find, scan
from briefing.quotes import text_fragment
from briefing.sources import SearchText, split_paragraphs


def quoted(text: str) -> list[str]:
    return [text[s.inner[0]:s.inner[1]] for s in scan(text).spans]


@pytest.mark.parametrize("text, expected", [
    ('He said "strategic, not ceremonial" twice.', ["strategic, not ceremonial"]),
    ("He said \u201cstrategic, not ceremonial\u201d.", ["strategic, not ceremonial"]),
    ("British style: 'strategic, not ceremonial'.", ["strategic, not ceremonial"]),
    ("Curly single: \u2018shortly after\u2019 the visit.", ["shortly after"]),
    ("Iran's view and the sources' claims", []),
    ("Iran\u2019s and Russia\u2019s ties", []),
    ("'tis the season, rock 'n' roll", []),
    ("He said \"she called it 'a gift' at first\" later.", ["she called it 'a gift' at first"]),
    ('one "two" three "four"', ["two", "four"]),
    ("a quote\nacross \"two\nlines\" here", ["two\nlines"]),
])
def test_scan_finds_quotations_not_apostrophes(text, expected):
    assert quoted(text) == expected


def test_an_unclosed_double_quotation_mark_is_reported_where_it_opens():
    found = scan('fine "so far and never closed')
    assert found.spans == [] and found.unclosed == [5]


def test_an_unclosed_single_mark_is_an_apostrophe():
    assert scan("the '90s were long").unclosed == []


def test_the_scan_is_linear_in_the_number_of_marks():
    text = 'x "y" ' * 5000 + "''''" * 5000 + '"' * 10001
    start = time.perf_counter()
    found = scan(text)
    assert time.perf_counter() - start < 5  # generous: the point is that it does not explode
    assert len(found.spans) >= 5000 and found.unclosed


def test_unclosed_single_marks_do_not_slow_the_double_marks_after_them():
    """'a opens and never closes; each double mark after 40,000 of them must not walk past them."""
    text = "'a " * 40_000 + '"" ' * 20_000
    start = time.perf_counter()
    found = scan(text)
    assert time.perf_counter() - start < 1  # quadratic, this took minutes
    assert len(found.spans) == 20_000 and found.unclosed == []
    assert (found.spans[0].start, found.spans[-1].end) == (120_000, len(text) - 1)


def test_a_quotation_of_any_length_is_a_quotation():
    """No length makes words in quotation marks a stray mark: a long one is verified too."""
    words = "invented words nobody wrote " * 200  # 5,600 characters
    assert quoted(f'It reads "{words}" and "more" here.') == [words, "more"]


def _search(*paragraphs: str) -> SearchText:
    text = "\n".join(paragraphs) + "\n"
    paras, headings = split_paragraphs(text, set(), set())
    return SearchText.build(Source(id="s", name="S", summary="", path="seeds/s.yaml", label="S",
                                   text=text, paragraphs=paras, headings=headings))


def test_a_long_quotation_is_found_verbatim():
    passage = " ".join(f"word{n} of the long passage" for n in range(1000))  # 27,000 characters
    quote = passage[:5000].rsplit(" ", 1)[0]
    found = find(_search("Intro.", passage), segments(quote))
    assert (found.paragraph, found.spans, found.exact) == (2, [(0, len(quote))], quote)


def test_an_elided_quotation_matches_the_shortest_passage():
    text = "They said no, then yes. They said yes."
    found = find(_search("Intro.", text), ["They said", "yes"])
    assert (found.paragraph, found.exact) == (2, "They said \u2026 yes")
    second = text.index("They said", 1)  # not the first "They said", further from a "yes"
    assert found.spans == [(second, second + 9), (text.rindex("yes"), len(text) - 1)]


def test_an_elided_quotation_of_many_tiny_parts_is_matched_in_linear_time():
    """'a ... a ... a' in a paragraph of 20,000 a's: every start has every part, and a quote
    that ends in a missing part fails from every start."""
    search = _search("a " * 20_000, "b")
    start = time.perf_counter()
    assert find(search, ["a"] * 5_000).paragraph == 1
    assert find(search, ["a"] * 5_000 + ["zzz"]) is None
    assert find(search, ["a"] * 5_000 + ["b"]) is None  # parts stay within one paragraph
    assert time.perf_counter() - start < 1  # starts × parts, this took half a minute


PARA = "Russia offers solidarity, coordination, and leverage \u2013 not unconditional support for escalation."


def match(*spans):
    return QuoteMatch(1, list(spans), "", "s")


def span(words: str) -> tuple[int, int]:
    start = PARA.index(words)
    return start, start + len(words)


def test_an_ellipsis_may_not_drop_a_negation():
    problem = elision_problem(PARA, match(span("Russia offers"), span("unconditional support for escalation")))
    assert problem == ('the ellipsis leaves out "\u2013 not" (source: "\u2026leverage \u2013 not '
                       'unconditional\u2026"); quote the whole passage, or end the quote before it')


def test_a_quote_may_not_start_right_after_a_negation():
    problem = elision_problem(PARA, match(span("unconditional support for escalation")))
    assert problem == ('the quotation starts right after "not", which it leaves out (source: '
                       '"\u2026not unconditional\u2026"); start the quote at "not", or quote another passage')


def test_a_quote_may_not_end_right_before_a_negation():
    text = "The plan is workable only in summer."
    problem = elision_problem(text, QuoteMatch(1, [(0, len("The plan is workable"))], "", "s"))
    assert problem == ('the quotation ends right before "only", which it leaves out (source: '
                       '"\u2026workable only\u2026"); quote the whole passage, or end it earlier')


def test_ending_before_a_dash_and_a_negation_is_fine():
    assert elision_problem(PARA, match(span("Russia offers solidarity, coordination, and leverage"))) is None


@pytest.mark.parametrize("word", ["never", "without", "cannot", "hardly", "unless", "doesn't", "won\u2019t"])
def test_every_negating_word_counts(word):
    text = f"The council {word} agreed to the plan."
    assert elision_problem(text, QuoteMatch(1, [(0, 11), (text.index("agreed"), len(text) - 1)], "", "s"))


def test_the_fragment_spans_an_elided_quote_and_escapes_what_the_spec_requires():
    fragment = text_fragment(PARA, match(span("Russia offers solidarity, coordination"),
                                         span("support for escalation")))
    assert fragment == ":~:text=Russia%20offers%20solidarity%2C%20coordination,support%20for%20escalation"
    assert "%E2%80%A6" not in fragment and "\u2026" not in fragment


def test_a_short_quote_is_its_own_fragment_with_dashes_escaped():
    text = "a well-known fact & more"
    assert text_fragment(text, QuoteMatch(1, [(2, 24)], "", "s")) == ":~:text=well%2Dknown%20fact%20%26%20more"
