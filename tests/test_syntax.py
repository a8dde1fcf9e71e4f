"""The copied Markdown patterns (`briefing.syntax`) are the installed libraries' own."""
from markdown.inlinepatterns import HTML_RE
from pymdownx.superfences import RE_NESTED_FENCE_START

from briefing import syntax


def test_the_raw_html_pattern_is_python_markdowns():
    assert syntax.HTML_RE == HTML_RE


def test_the_fence_pattern_is_superfences():
    assert syntax.FENCE_START.pattern == RE_NESTED_FENCE_START.pattern
    assert syntax.FENCE_START.flags == RE_NESTED_FENCE_START.flags
