"""The quotation scanner and the elision rules, on plain strings (no project)."""
import time

import pytest

from briefing.model import QuoteMatch
from briefing.quotations import elision_problem, scan
from briefing.quotes import text_fragment


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
