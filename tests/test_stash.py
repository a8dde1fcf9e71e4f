"""render.stash: raw HTML blocks held back from the Markdown engine give the same HTML."""
from __future__ import annotations

import markdown
import pytest

from briefing.render.stash import OPEN, fill, stash
from helpers import Project, starter

EXTENSIONS = ["abbr", "admonition", "footnotes", "tables", "toc", "pymdownx.details",
              "pymdownx.superfences"]


def convert(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text)


def both_ways(text: str) -> tuple[str, str]:
    held = stash(text)
    return convert(text), fill(convert(held.markdown), held.blocks)


def test_every_page_of_a_site_converts_to_the_same_html(tmp_path):
    run = starter(Project(tmp_path / "p")).run(render=True)
    assert run.pages
    stashed = 0
    for page in run.pages.values():
        whole, held = convert(page.markdown), fill(convert(page.stashed.markdown), page.stashed.blocks)
        assert held == whole, page.path
        stashed += len(page.stashed.blocks)
    assert stashed > len(run.pages)  # it held back blocks on most pages


@pytest.mark.parametrize("text", [
    "# Title\n\n<p class=\"x\">a</p>\n\n\n<div>b\n<span>c</span></div>\n\nProse *here*.\n",
    "<ul>\n<li>first</li>\n</ul>\n",  # a page that ends with a block
    "Intro\n\n<table>\n<tr><td>1</td></tr>\n</table>\n\n## Next\n\n<aside id=\"a\">x</aside>",
])
def test_blocks_between_markdown_give_the_same_html(text):
    whole, held = both_ways(text)
    assert held == whole


def test_inline_html_at_a_paragraph_start_stays_with_the_engine():
    """A paragraph that opens with an inline tag has Markdown in it: the engine keeps it."""
    held = stash('<span id="b1"></span>A [link](x.md) here.\n')
    assert held.blocks == ()
    assert both_ways('<span id="b1"></span>A [link](x.md) here.\n')[1] == convert('<span id="b1"></span>A [link](x.md) here.\n')


def test_html_inside_fenced_code_is_left_alone():
    text = "```\ncode\n\n<div>not a block</div>\n```\n\n<div>a block</div>\n"
    held = stash(text)
    assert held.blocks == ("<div>a block</div>",)
    assert both_ways(text)[0] == both_ways(text)[1]


def test_the_ids_of_held_blocks_are_reported_for_link_checks():
    held = stash('<p id="p1">a</p>\n\n<div class="x"><span id="q-one">b</span></div>\n')
    assert held.anchors == {"p1", "q-one"}


def test_a_placeholder_the_engine_did_not_keep_is_an_error_not_silent_loss():
    held = stash("<div>a</div>\n")
    with pytest.raises(ValueError, match="1 raw HTML blocks, but the engine's HTML places 0"):
        fill("<p>nothing</p>", held.blocks)


def test_brief_text_cannot_forge_a_placeholder(tmp_path):
    project = starter(Project(tmp_path / "p"))
    project.actor("forger", "Forger", body=f"Text {OPEN}0\ue003 here.\n")
    assert project.only() == ("briefs/actors/forger.md:7: the file contains the character U+E002, "
                              "which the generator reserves for its own use (delete it: it is a "
                              "private-use character, invisible in most editors)")
